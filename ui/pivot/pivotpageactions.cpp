// SPDX-License-Identifier: GPL-3.0-or-later
// The pivot page's actions: chip menus, filter popups, drill-down, export and saved views.
#include "pivotpage.h"

#include "common/jobrunner.h"
#include "export/agentchoice.h"
#include "export/tableexport.h"
#include "pivot/cubeblanks.h"
#include "pivot/pivotdrill.h"
#include "pivot/pivotmeasure.h"
#include "pivotdrilldialog.h"
#include "pivotdropzone.h"
#include "pivotfields.h"
#include "pivotfilterpopup.h"
#include "pivottablemodel.h"
#include "pivotviewspanel.h"
#include "store/answerids.h"
#include "store/project.h"
#include "store/savedviewstore.h"

#include <QActionGroup>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QStandardPaths>
#include <QTimer>

namespace ql {

namespace {

const QString ViewKind = QStringLiteral("pivot");

QString dateText(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

} // namespace

QString PivotPage::chipText(PivotZone zone, const QString &id) const
{
    switch (zone) {
    case PivotZone::Values: {
        QString text = PivotFields::chipTitle(id, true, m_layout.spec.showAsOf(id));
        if (m_layout.heatMap.contains(id))
            text += QStringLiteral(" · ") + tr("heat map");
        return text;
    }
    case PivotZone::Rows:
    case PivotZone::Columns:
        return PivotFields::chipTitle(id, false);
    case PivotZone::Filters:
        break;
    }
    const PivotSpec &s = m_layout.spec;
    if (id == QLatin1String("date") && m_layout.dateFilter) {
        if (s.from.isValid() && s.to.isValid())
            return tr("Date: %1 – %2").arg(dateText(s.from), dateText(s.to));
        if (s.from.isValid())
            return tr("Date: from %1").arg(dateText(s.from));
        if (s.to.isValid())
            return tr("Date: until %1").arg(dateText(s.to));
        return tr("Date: all dates");
    }
    const PivotFilter *f = s.filterOn(id);
    const QString title = PivotFields::dimensionTitle(id);
    if (!f || (f->exclude && f->values.isEmpty()))
        return tr("%1: all").arg(title);
    QStringList shown;
    for (const QString &v : f->values.mid(0, 2))
        shown << PivotFields::memberTitle(v);
    QString values = shown.join(QStringLiteral(", "));
    if (f->values.size() > 2)
        values = tr("%1 and %2 more").arg(values).arg(f->values.size() - 2);
    if (f->values.isEmpty())
        values = tr("none");
    return f->exclude ? tr("%1: not %2").arg(title, values) : tr("%1: %2").arg(title, values);
}

QString PivotPage::filterSummary() const
{
    QStringList parts;
    for (const QString &id : m_layout.items(PivotZone::Filters)) {
        const PivotFilter *f = m_layout.spec.filterOn(id);
        if (id == QLatin1String("date") ? (m_layout.spec.from.isValid() || m_layout.spec.to.isValid())
                                        : (f && !(f->exclude && f->values.isEmpty())))
            parts << chipText(PivotZone::Filters, id);
    }
    return parts.join(QStringLiteral("; "));
}

QStringList PivotPage::membersOf(const QString &dimension) const
{
    for (PivotSource s : {m_layout.spec.source, PivotSource::Audits}) {
        const auto cube = m_cubes[std::size_t(s)];
        if (!cube)
            continue;
        if (const Cube::DimensionRef ref = cube->findDimension(dimension, m_options.periodDate)) {
            // (blank) only where some fact has it, or where the filter already names it.
            QStringList labels = ref.dimension->labels;
            const PivotFilter *filter = m_layout.spec.filterOn(dimension);
            if (!labels.isEmpty() && !hasBlankMember(*cube, ref) && !(filter && filter->values.contains(labels.last())))
                labels.removeLast();
            return labels;
        }
    }
    return {};
}

QDate PivotPage::latestDate() const
{
    const auto cube = m_cubes[std::size_t(m_layout.spec.source)];
    const Cube::DimensionRef day =
        cube ? cube->findDimension(QStringLiteral("day"), m_options.periodDate) : Cube::DimensionRef{};
    if (!day)
        return {};
    std::int32_t latest = 0;
    for (std::int32_t jd : day.dimension->julianDays)
        latest = std::max(latest, jd);
    return latest > 0 ? QDate::fromJulianDay(latest) : QDate();
}

void PivotPage::showChipMenu(PivotZone zone, int index, const QPoint &globalPos)
{
    if (m_layout.items(zone).value(index).isEmpty())
        return;
    QMenu menu(this);
    fillChipMenu(&menu, zone, index);
    if (!menu.isEmpty())
        menu.exec(globalPos);
}

void PivotPage::fillChipMenu(QMenu *menuPointer, PivotZone zone, int index)
{
    QMenu &menu = *menuPointer;
    const QString id = m_layout.items(zone).value(index);
    if (id.isEmpty())
        return;
    auto edit = [this](const QString &text, auto &&change) {
        PivotLayout next = m_layout;
        if (change(next))
            changeLayout(next, text);
    };
    const QString title = chipText(zone, id);
    if (zone == PivotZone::Rows || zone == PivotZone::Columns) {
        if (PivotFields::isPeriod(id)) {
            QMenu *group = menu.addMenu(tr("Group Dates By"));
            for (const QString &p : PivotFields::periods()) {
                QAction *a = group->addAction(PivotFields::periodTitle(p));
                a->setCheckable(true);
                a->setChecked(p == id);
                a->setEnabled(p == id || (!m_layout.spec.rows.contains(p) && !m_layout.spec.cols.contains(p)));
                connect(a, &QAction::triggered, this, [=, this] {
                    edit(tr("Group dates by %1").arg(PivotFields::periodTitle(p).toLower()),
                         [&](PivotLayout &l) { return l.setPeriod(zone, index, p); });
                });
            }
        }
        connect(menu.addAction(tr("Filter Values…")), &QAction::triggered, this, [this, id] { editFilter(id); });
        {
            // Rows sort by their totals across the columns, columns by theirs down the rows.
            const bool rows = zone == PivotZone::Rows;
            const PivotSort::Axis axis = rows ? PivotSort::Axis::Rows : PivotSort::Axis::Cols;
            QMenu *sort = menu.addMenu(rows ? tr("Sort Rows") : tr("Sort Columns"));
            const QString undoText = rows ? tr("Sort rows") : tr("Sort columns");
            const bool sortedHere = m_layout.spec.sort && m_layout.spec.sort->axis == axis;
            auto addSort = [&](const QString &text, const std::optional<PivotSort> &how) {
                QAction *a = sort->addAction(text);
                a->setCheckable(true);
                a->setChecked(how ? m_layout.spec.sort == how : !sortedHere);
                connect(a, &QAction::triggered, this, [=, this] {
                    edit(undoText, [&](PivotLayout &l) {
                        // "In pivot order" clears only this axis' sort (the spec has one sort).
                        if (!how && !(l.spec.sort && l.spec.sort->axis == axis))
                            return false;
                        return l.setSort(how);
                    });
                });
            };
            addSort(tr("In pivot order"), std::nullopt);
            addSort(tr("By label, Z to A"), PivotSort{axis, QStringLiteral("label"), {}, true});
            for (const QString &m : m_layout.spec.measures) {
                addSort(tr("By %1, largest first").arg(PivotFields::measureTitle(m)), PivotSort{axis, m, {}, true});
                addSort(tr("By %1, smallest first").arg(PivotFields::measureTitle(m)), PivotSort{axis, m, {}, false});
            }
        }
        menu.addSeparator();
        const PivotZone other = zone == PivotZone::Rows ? PivotZone::Columns : PivotZone::Rows;
        connect(menu.addAction(zone == PivotZone::Rows ? tr("Move to Columns") : tr("Move to Rows")),
                &QAction::triggered, this, [=, this] {
                    edit(tr("Move %1").arg(title), [&](PivotLayout &l) { return l.move(zone, index, other, -1); });
                });
        connect(menu.addAction(tr("Move to Filters")), &QAction::triggered, this, [=, this] {
            edit(tr("Move %1").arg(title), [&](PivotLayout &l) { return l.move(zone, index, PivotZone::Filters, -1); });
        });
    }
    if (zone == PivotZone::Values) {
        QString error;
        const auto measure = PivotMeasure::parse(id, &error);
        QMenu *showAs = menu.addMenu(tr("Show Values As"));
        auto *group = new QActionGroup(showAs);
        for (PivotShowAs how : {PivotShowAs::Value, PivotShowAs::PctGrand, PivotShowAs::PctRow, PivotShowAs::PctCol,
                                PivotShowAs::DiffPrevCol}) {
            QAction *a = showAs->addAction(PivotFields::showAsTitle(how));
            a->setCheckable(true);
            a->setActionGroup(group);
            a->setChecked(m_layout.spec.showAsOf(id) == how);
            const bool share = how == PivotShowAs::PctGrand || how == PivotShowAs::PctRow || how == PivotShowAs::PctCol;
            a->setEnabled(!share || (measure && measure->isAdditive()));
            if (!a->isEnabled())
                a->setToolTip(tr("Offered for counts and sums only: a share of an average means nothing"));
            connect(a, &QAction::triggered, this, [=, this] {
                edit(tr("Show %1 as %2").arg(PivotFields::measureTitle(id), PivotFields::showAsTitle(how).toLower()),
                     [&](PivotLayout &l) { return l.setShowAs(id, how); });
            });
        }
        QAction *heat = menu.addAction(tr("Heat Map"));
        heat->setCheckable(true);
        heat->setChecked(m_layout.heatMap.contains(id));
        connect(heat, &QAction::toggled, this, [=, this](bool on) {
            edit(on ? tr("Heat map on %1").arg(PivotFields::measureTitle(id))
                    : tr("Heat map off %1").arg(PivotFields::measureTitle(id)),
                 [&](PivotLayout &l) { return l.setHeatMap(id, on); });
        });
    }
    if (zone == PivotZone::Filters) {
        connect(menu.addAction(id == QLatin1String("date") ? tr("Choose Dates…") : tr("Choose Values…")),
                &QAction::triggered, this, [this, zone, index] { chipActivated(zone, index); });
    }
    if (zone != PivotZone::Filters) {
        menu.addSeparator();
        QAction *up = menu.addAction(tr("Move Up"));
        up->setEnabled(index > 0);
        connect(up, &QAction::triggered, this, [=, this] {
            edit(tr("Reorder %1").arg(title), [&](PivotLayout &l) { return l.move(zone, index, zone, index - 1); });
        });
        QAction *down = menu.addAction(tr("Move Down"));
        down->setEnabled(index + 1 < m_layout.count(zone));
        connect(down, &QAction::triggered, this, [=, this] {
            edit(tr("Reorder %1").arg(title), [&](PivotLayout &l) { return l.move(zone, index, zone, index + 2); });
        });
    }
    menu.addSeparator();
    QAction *remove = menu.addAction(tr("Remove"));
    remove->setShortcut(QKeySequence::Delete);
    connect(remove, &QAction::triggered, this, [this, zone, index] { removeChip(zone, index); });
}

void PivotPage::fillTopMenu()
{
    m_topMenu->clear();
    qDeleteAll(m_topMenu->findChildren<QActionGroup *>(Qt::FindDirectChildrenOnly));
    const PivotSpec &spec = m_layout.spec;
    const std::optional<PivotTop> &top = spec.top;
    auto change = [this](const QString &text, const std::optional<PivotTop> &next) {
        PivotLayout layout = m_layout;
        if (layout.setTop(next))
            changeLayout(layout, text);
    };
    if (spec.rows.isEmpty() || spec.measures.isEmpty()) {
        m_topMenu->addAction(tr("Put a field in Rows and one in Values first"))->setEnabled(false);
        return;
    }
    const QString by = top && !top->by.isEmpty() ? top->by : spec.measures.first();
    const bool others = top && top->others;
    auto *counts = new QActionGroup(m_topMenu);
    QAction *all = m_topMenu->addAction(tr("All Rows"));
    all->setCheckable(true);
    all->setChecked(!top);
    all->setActionGroup(counts);
    connect(all, &QAction::triggered, this, [=] { change(tr("Show all rows"), std::nullopt); });
    for (int n : {5, 10, 20, 50, 100}) {
        QAction *a = m_topMenu->addAction(tr("Top %1").arg(n));
        a->setCheckable(true);
        a->setChecked(top && top->n == n);
        a->setActionGroup(counts);
        connect(a, &QAction::triggered, this,
                [=] { change(tr("Show the top %1 rows").arg(n), PivotTop{n, by, others}); });
    }
    if (top && !QList<int>{5, 10, 20, 50, 100}.contains(top->n)) { // from a saved view or the CLI
        QAction *a = m_topMenu->addAction(tr("Top %1").arg(top->n));
        a->setCheckable(true);
        a->setChecked(true);
        a->setActionGroup(counts);
    }
    m_topMenu->addSection(tr("Ranked By"));
    auto *measures = new QActionGroup(m_topMenu);
    for (const QString &m : spec.measures) {
        QAction *a = m_topMenu->addAction(PivotFields::measureTitle(m));
        a->setCheckable(true);
        a->setChecked(m == by);
        a->setEnabled(top.has_value());
        a->setActionGroup(measures);
        connect(a, &QAction::triggered, this, [=] {
            change(tr("Rank the top rows by %1").arg(PivotFields::measureTitle(m)), PivotTop{top->n, m, others});
        });
    }
    m_topMenu->addSeparator();
    QAction *rest = m_topMenu->addAction(tr("The Rest as \"(others)\""));
    rest->setCheckable(true);
    rest->setChecked(others);
    rest->setEnabled(top.has_value());
    connect(rest, &QAction::triggered, this, [=](bool on) {
        change(on ? tr("Gather the other rows") : tr("Leave out the other rows"), PivotTop{top->n, by, on});
    });
}

void PivotPage::chipActivated(PivotZone zone, int index)
{
    const QString id = m_layout.items(zone).value(index);
    if (id.isEmpty() || zone == PivotZone::Values)
        return;
    if (zone == PivotZone::Filters && id == QLatin1String("date"))
        editDateRange();
    else
        editFilter(id);
}

namespace {
// A popup opens under the chip it edits (or under its zone), kept on the screen.
void placeUnder(QWidget *popup, const PivotDropZone *zone, const QString &id)
{
    QPoint at = zone->mapToGlobal(QPoint(0, zone->height()));
    for (int i = 0; i < zone->count(); ++i)
        if (zone->chipId(i) == id)
            at = zone->viewport()->mapToGlobal(zone->visualItemRect(zone->item(i)).bottomLeft());
    if (const QScreen *screen = zone->screen()) {
        const QRect area = screen->availableGeometry();
        at.setX(std::clamp(at.x(), area.left(), std::max(area.left(), area.right() - popup->width())));
        at.setY(std::clamp(at.y(), area.top(), std::max(area.top(), area.bottom() - popup->height())));
    }
    popup->move(at);
}
} // namespace

PivotFilterPopup *PivotPage::editFilter(const QString &dimension)
{
    if (!m_project || dimension.isEmpty() || dimension == QLatin1String("date"))
        return nullptr;
    const PivotFilter *current = m_layout.spec.filterOn(dimension);
    const PivotFilter filter = current ? *current : PivotFilter{dimension, true, {}};
    auto *popup = new PivotFilterPopup(filter, membersOf(dimension), PivotFields::dimensionTitle(dimension), this);
    connect(popup, &PivotFilterPopup::applied, this, [this](const PivotFilter &f) {
        PivotLayout next = m_layout;
        if (next.setFilter(f))
            changeLayout(next, tr("Filter %1").arg(PivotFields::dimensionTitle(f.dimension)),
                         QStringLiteral("filter:") + f.dimension);
    });
    const PivotZone where =
        m_layout.spec.filterOn(dimension) || !(m_layout.spec.rows + m_layout.spec.cols).contains(dimension)
            ? PivotZone::Filters
        : m_layout.spec.rows.contains(dimension) ? PivotZone::Rows
                                                 : PivotZone::Columns;
    placeUnder(popup, zone(where), dimension);
    popup->show();
    m_popups << popup;
    return popup;
}

PivotDateRangePopup *PivotPage::editDateRange()
{
    if (!m_project)
        return nullptr;
    auto *popup = new PivotDateRangePopup(m_layout.spec.from, m_layout.spec.to, latestDate(), this);
    connect(popup, &PivotDateRangePopup::applied, this, [this](const QDate &from, const QDate &to) {
        PivotLayout next = m_layout;
        if (next.setDateRange(from, to))
            changeLayout(next, tr("Date range"), QStringLiteral("date"));
    });
    placeUnder(popup, zone(PivotZone::Filters), QStringLiteral("date"));
    popup->show();
    m_popups << popup;
    return popup;
}

QString PivotPage::cellCaption(int resultRow, int resultColumn, qint64 records) const
{
    const auto result = m_model->result();
    QStringList parts;
    auto add = [&](const QStringList &dims, const PivotHeader &h) {
        for (int j = 0; j < h.level && j < dims.size(); ++j)
            parts << tr("%1: %2").arg(PivotFields::dimensionTitle(dims.at(j)),
                                      PivotFields::memberTitle(h.labels.at(j)));
    };
    add(result->rowDimensions(), result->row(resultRow));
    add(result->columnDimensions(), result->column(resultColumn));
    QString text = parts.isEmpty() ? tr("All %1").arg(PivotFields::sourcePlural(result->spec().source))
                                   : parts.join(QStringLiteral(" · "));
    if (const QString filters = filterSummary(); !filters.isEmpty())
        text += QStringLiteral(" · ") + filters;
    if (records >= 0)
        text = tr("%1 — %2").arg(text, PivotFields::sourceNoun(result->spec().source, records));
    return text;
}

void PivotPage::drillDown(int row, int column)
{
    const auto result = m_model->result();
    const int r = m_model->resultRow(row);
    const int c = m_model->resultColumn(column);
    const PivotSource source = result ? result->spec().source : PivotSource::Audits;
    const auto cube = m_cubes[std::size_t(source)];
    if (!m_project || !result || r < 0 || c < 0 || !cube)
        return;
    auto spec = std::make_shared<const PivotSpec>(PivotDrill::cellSpec(*result, r, c));
    // What the clicked number stands on, when a KPI uses fewer of the records than there are.
    const QVariant n = m_model->index(row, column).data(PivotTableModel::CountRole);
    const QString measure = PivotFields::measureTitle(result->measures().value(m_model->measureAt(column)));
    const PivotOptions options = m_options;
    struct Found
    {
        std::vector<qint64> ids;
        QString error;
    };
    m_runner->start<Found>(
        QStringLiteral("drill"), tr("Finding the records behind the cell…"),
        [cube, spec, options, source](JobContext &context) {
            Found found;
            const auto rows = PivotDrill::factRows(*cube, *spec, options, context.cancelFlag(), &found.error);
            if (!rows)
                return found;
            if (source == PivotSource::Answers) {
                std::vector<std::pair<qint64, QString>> keys;
                for (const PivotDrill::AnswerKey &k : PivotDrill::answerKeys(*cube, *rows))
                    keys.emplace_back(k.auditId, k.criterion);
                if (auto ids = AnswerIds::find(context.database(), std::move(keys), context.cancelFlag(), &found.error))
                    found.ids = std::move(*ids);
                return found;
            }
            std::vector<std::int64_t> ids = PivotDrill::factIds(*cube, *rows);
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            found.ids.assign(ids.begin(), ids.end());
            return found;
        },
        [this, r, c, source, n, measure](Found &&found) {
            if (!found.error.isEmpty()) {
                auto *box = new QMessageBox(QMessageBox::Warning, tr("Records"),
                                            tr("The records behind the cell could not be read: %1").arg(found.error),
                                            QMessageBox::Ok, this);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
                return;
            }
            const RecordKind kind = source == PivotSource::Answers ? RecordKind::Answers
                                    : source == PivotSource::Csat  ? RecordKind::CsatResponses
                                                                   : RecordKind::Audits;
            const qint64 count = qint64(found.ids.size());
            auto ids = std::make_shared<const std::vector<qint64>>(std::move(found.ids));
            QString caption = cellCaption(r, c, count);
            if (n.isValid() && n.toLongLong() != count)
                caption +=
                    QLatin1Char(' ') + tr("(%1 of them behind the %2)").arg(locale().toString(n.toLongLong()), measure);
            auto *dialog = new PivotDrillDialog(kind, ids, caption, m_project, this);
            m_popups << dialog;
            dialog->show();
            Q_EMIT drillOpened(dialog);
        });
}

bool PivotPage::exportTo(const QString &path, PivotTableOutput::Shape shape)
{
    const auto result = m_model->result();
    const auto format = TableExport::formatOf(path);
    if (!result || !format)
        return false;
    TableExport::Options options;
    options.format = *format;
    options.knownRows = PivotTableOutput::rowCount(*result, shape);
    options.sheetName = tr("Pivot");
    // Agents on an axis appear as the export asks: the pivot is computed again with them labelled
    // so (its rows re-sorted by the new labels), on the worker.
    PivotOptions relabel = m_options;
    const auto showsAgents = [&](const QStringList &dims) {
        return dims.contains(QLatin1String("agent")) || dims.contains(QLatin1String("agent_name"));
    };
    std::shared_ptr<const Cube> cube;
    if (m_project && (showsAgents(result->rowDimensions()) || showsAgents(result->columnDimensions()))) {
        QString why;
        const auto agents =
            PivotAgentDisplay::forOutput(m_project->database(), AgentChoice::chosen(m_exportAgents), &why);
        if (!agents) {
            QTimer::singleShot(0, this, [this, why] { Q_EMIT exportFinished(false, why); });
            return true;
        }
        relabel.agents = *agents;
        if (relabel.agents.display != NameDisplay::Names)
            cube = m_cubes[std::size_t(result->spec().source)];
    }
    m_runner->start<TableExport::Result>(
        QStringLiteral("export"), tr("Exporting the pivot…"),
        [result, shape, options, path, cube, relabel](JobContext &) {
            std::shared_ptr<const PivotResult> shown = result;
            if (cube) {
                TableExport::Result failed;
                failed.status = TableExport::Result::SourceFailed;
                auto again = PivotEngine::compute(*cube, result->spec(), relabel, &failed.error);
                if (!again)
                    return failed;
                shown = std::make_shared<const PivotResult>(std::move(*again));
            }
            return TableExport::write(path, options, [&](TableWriter &out, QString *error) {
                return PivotTableOutput::write(*shown, shape, out, error);
            });
        },
        [this, path](TableExport::Result &&r) {
            const QString name = QDir::toNativeSeparators(path);
            Q_EMIT exportFinished(r.ok(), r.ok() ? tr("Exported the pivot to %1.").arg(name)
                                                 : tr("%1 could not be written: %2").arg(name, r.error));
        });
    return true;
}

void PivotPage::chooseExport()
{
    if (!m_model->result())
        return;
    const QString gridXlsx = tr("Pivot as shown, Excel workbook (*.xlsx)");
    const QString gridCsv = tr("Pivot as shown, CSV (*.csv)");
    const QString longXlsx = tr("One row per value, Excel workbook (*.xlsx)");
    const QString longCsv = tr("One row per value, CSV (*.csv)");
    QString selected = gridXlsx;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Pivot"), QDir(dir).filePath(tr("pivot.xlsx")),
        QStringList{gridXlsx, gridCsv, longXlsx, longCsv}.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return;
    const bool xlsx = selected == gridXlsx || selected == longXlsx;
    if (!TableExport::formatOf(path))
        path += xlsx ? QStringLiteral(".xlsx") : QStringLiteral(".csv");
    const auto shape =
        selected == longXlsx || selected == longCsv ? PivotTableOutput::Shape::Long : PivotTableOutput::Shape::Grid;
    connect(
        this, &PivotPage::exportFinished, this,
        [this](bool ok, const QString &message) {
            if (ok)
                return;
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Export"), message, QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        },
        Qt::SingleShotConnection);
    exportTo(path, shape);
}

void PivotPage::refreshViews()
{
    m_views->setViews(m_project ? SavedViewStore(m_project->database()).list(ViewKind) : QList<SavedView>());
    m_views->setCurrentView(m_currentView);
}

bool PivotPage::saveView(const QString &name, bool replace, QString *error)
{
    if (!m_project || m_project->isReadOnly()) {
        *error = tr("The project is open read-only: views cannot be saved.");
        return false;
    }
    SavedViewStore store(m_project->database());
    const QByteArray json = m_layout.spec.toJson();
    qint64 id = -1;
    if (const auto existing = store.find(ViewKind, name)) {
        if (!replace) {
            *error = tr("There is already a view named “%1”.").arg(existing->name);
            return false;
        }
        if (!store.updateSpec(existing->id, json, error))
            return false;
        id = existing->id;
    } else {
        const auto created = store.create(ViewKind, name, json, error);
        if (!created)
            return false;
        id = *created;
    }
    m_currentView = id;
    refreshViews();
    return true;
}

bool PivotPage::openView(qint64 id)
{
    if (!m_project)
        return false;
    const auto view = SavedViewStore(m_project->database()).load(id);
    if (!view)
        return false;
    QString error;
    const auto spec = PivotSpec::fromJson(view->specJson, &error);
    if (!spec) {
        auto *box =
            new QMessageBox(QMessageBox::Warning, tr("Open View"),
                            tr("The view “%1” cannot be read: %2").arg(view->name, error), QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    const PivotLayout next = PivotLayout::fromSpec(*spec, m_layout.heatMap);
    changeLayout(next, tr("Open view “%1”").arg(view->name));
    m_currentView = id;
    m_views->setCurrentView(id);
    return true;
}

bool PivotPage::renameView(qint64 id, const QString &name, QString *error)
{
    if (!m_project || m_project->isReadOnly()) {
        *error = tr("The project is open read-only.");
        return false;
    }
    const bool ok = SavedViewStore(m_project->database()).rename(id, name, error);
    refreshViews();
    return ok;
}

bool PivotPage::deleteView(qint64 id, QString *error)
{
    if (!m_project || m_project->isReadOnly()) {
        *error = tr("The project is open read-only.");
        return false;
    }
    const bool ok = SavedViewStore(m_project->database()).remove(id, error);
    if (ok && m_currentView == id)
        m_currentView = -1;
    refreshViews();
    return ok;
}

void PivotPage::askSaveView()
{
    if (!m_project)
        return;
    QString suggestion;
    if (m_currentView >= 0)
        if (const auto v = SavedViewStore(m_project->database()).load(m_currentView))
            suggestion = v->name;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save View"), tr("Name of the view:"), QLineEdit::Normal, suggestion, &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return;
    bool replace = false;
    if (SavedViewStore(m_project->database()).find(ViewKind, name)) {
        replace = QMessageBox::question(this, tr("Save View"),
                                        tr("A view named “%1” exists. Replace it with this layout?").arg(name)) ==
                  QMessageBox::Yes;
        if (!replace)
            return;
    }
    QString error;
    if (!saveView(name, replace, &error))
        QMessageBox::warning(this, tr("Save View"), error);
}

void PivotPage::askRenameView(qint64 id)
{
    const auto view = m_project ? SavedViewStore(m_project->database()).load(id) : std::nullopt;
    if (!view)
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename View"), tr("New name:"), QLineEdit::Normal, view->name, &ok).trimmed();
    if (!ok || name.isEmpty() || name == view->name)
        return;
    QString error;
    if (!renameView(id, name, &error))
        QMessageBox::warning(this, tr("Rename View"), error);
}

void PivotPage::askDeleteView(qint64 id)
{
    const auto view = m_project ? SavedViewStore(m_project->database()).load(id) : std::nullopt;
    if (!view)
        return;
    if (QMessageBox::question(this, tr("Delete View"), tr("Delete the view “%1”?").arg(view->name)) != QMessageBox::Yes)
        return;
    QString error;
    if (!deleteView(id, &error))
        QMessageBox::warning(this, tr("Delete View"), error);
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotpage.h"

#include "chart/chartfrompivot.h"
#include "common/emptystate.h"
#include "common/icons.h"
#include "common/jobrunner.h"
#include "common/uistate.h"
#include "cubesnapshotsaver.h"
#include "export/agentchoice.h"
#include "pivot/cubecache.h"
#include "pivotdrag.h"
#include "pivotdropzone.h"
#include "pivotfieldlist.h"
#include "pivotfields.h"
#include "pivotformatproxy.h"
#include "pivotheaderview.h"
#include "pivotlayoutcommand.h"
#include "pivottablemodel.h"
#include "pivottableview.h"
#include "pivotviewspanel.h"
#include "store/project.h"
#include "store/projectsettings.h"

#include <QAction>
#include <QComboBox>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QLabel>
#include <QMenu>
#include <QShowEvent>
#include <QSplitter>
#include <QMessageBox>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ql {

struct PivotPage::CubeBuild
{
    PivotSource source = PivotSource::Audits;
    std::shared_ptr<const Cube> audits;
    std::shared_ptr<const Cube> cube;
    QByteArray stamp;                          // the data the cubes were read or built from
    QList<std::shared_ptr<const Cube>> toSave; // built by a scan: their snapshots are written next
    PivotOptions options;
    int minAudits = 10;
    int minResponses = 20;
    QString error;
};

struct PivotPage::Computed
{
    std::shared_ptr<const PivotSpec> spec;
    std::shared_ptr<const PivotResult> result;
    QString error;
    qint64 ms = 0;
};

PivotPage::PivotPage(QWidget *parent)
    : Page(parent), m_runner(new JobRunner(this)), m_undo(new QUndoStack(this)),
      m_layout(PivotLayout::defaultFor(PivotSource::Audits)), m_model(new PivotTableModel(this)),
      m_proxy(new PivotFormatProxy(this))
{
    setObjectName(QStringLiteral("pivotPage"));
    m_undo->setObjectName(QStringLiteral("pivotUndoStack"));
    m_proxy->setPivotModel(m_model);
    m_proxy->setLocale(locale());
    createActions();
    buildUi();
    m_proxy->setHeatMap(m_layout.heatMap);
    updateZones();
    updateFieldList();
    updateActions();
    updateCaption();
    updateEmptyState();
}

PivotPage::~PivotPage()
{
    const QSignalBlocker quiet(this);
    for (const QPointer<QWidget> &w : std::as_const(m_popups))
        delete w.data();
    m_runner->setProject(nullptr);
}

QString PivotPage::title() const
{
    return tr("Pivot");
}

QIcon PivotPage::icon() const
{
    return Icons::themed(QStringLiteral("qualitylens-pivot"), QStringLiteral("view-pivot"));
}

QList<JobRunner *> PivotPage::jobRunners() const
{
    return {m_runner};
}

PivotDropZone *PivotPage::zone(PivotZone zone) const
{
    return m_zones[std::size_t(zone)];
}

bool PivotPage::isBusy() const
{
    return m_cubeJob != 0 || m_pivotJob != 0;
}

void PivotPage::createActions()
{
    m_subtotals = new QAction(tr("Subtotals"), this);
    m_rowTotals = new QAction(tr("A total for each row (Total column)"), this);
    m_columnTotals = new QAction(tr("A total for each column (Total row)"), this);
    for (QAction *a : {m_subtotals, m_rowTotals, m_columnTotals}) {
        a->setCheckable(true);
        connect(a, &QAction::triggered, this, [this] {
            PivotLayout next = m_layout;
            next.setTotals({m_subtotals->isChecked(), m_rowTotals->isChecked(), m_columnTotals->isChecked()});
            changeLayout(next, tr("Change totals"));
        });
    }
    m_totalsMenu = new QMenu(tr("Totals"), this);
    m_totalsMenu->addActions({m_subtotals, m_rowTotals, m_columnTotals});
    m_topMenu = new QMenu(tr("Top"), this);
    connect(m_topMenu, &QMenu::aboutToShow, this, &PivotPage::fillTopMenu);
    m_heatMenu = new QMenu(tr("Heat map"), this);
    connect(m_heatMenu, &QMenu::aboutToShow, this, [this] {
        m_heatMenu->clear();
        for (const QString &m : m_layout.spec.measures) {
            QAction *a = m_heatMenu->addAction(PivotFields::measureTitle(m));
            a->setCheckable(true);
            a->setChecked(m_layout.heatMap.contains(m));
            connect(a, &QAction::toggled, this, [this, m](bool on) {
                PivotLayout next = m_layout;
                next.setHeatMap(m, on);
                changeLayout(next, on ? tr("Heat map on %1").arg(PivotFields::measureTitle(m))
                                      : tr("Heat map off %1").arg(PivotFields::measureTitle(m)));
            });
        }
        if (m_layout.spec.measures.isEmpty())
            m_heatMenu->addAction(tr("No measure in Values"))->setEnabled(false);
    });
    m_expandAll = new QAction(tr("Expand All"), this);
    m_expandAll->setToolTip(tr("Show every row of every group"));
    connect(m_expandAll, &QAction::triggered, m_model, &PivotTableModel::expandAll);
    m_collapseAll = new QAction(tr("Collapse All"), this);
    m_collapseAll->setToolTip(tr("Show only the totals of the outer groups"));
    connect(m_collapseAll, &QAction::triggered, this, [this] { m_model->collapseAll(0); });
    m_export = new QAction(Icons::themed(QStringLiteral("document-export")), tr("Export…"), this);
    m_export->setObjectName(QStringLiteral("exportPivot"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_export->setToolTip(tr("Export the pivot to CSV or Excel (Ctrl+E)"));
    connect(m_export, &QAction::triggered, this, &PivotPage::chooseExport);
    m_exportAgents = AgentChoice::attach(m_export);
    addAction(m_export);
    m_chartThis = new QAction(Icons::themed(QStringLiteral("office-chart-bar"), QStringLiteral("view-statistics")),
                              tr("Chart This"), this);
    m_chartThis->setObjectName(QStringLiteral("chartThis"));
    m_chartThis->setToolTip(tr("Open the pivot on the Charts page as a chart (a line over time, else bars)"));
    connect(m_chartThis, &QAction::triggered, this, [this] {
        QString error;
        if (const auto chart = chartFromPivot(m_shownSpec ? *m_shownSpec : m_layout.spec, &error))
            Q_EMIT chartRequested(*chart);
        else
            QMessageBox::information(this, tr("Chart This"), error);
    });
    m_clear = new QAction(Icons::themed(QStringLiteral("edit-clear")), tr("Clear"), this);
    m_clear->setToolTip(tr("Empty every zone"));
    connect(m_clear, &QAction::triggered, this, [this] {
        PivotLayout next = m_layout;
        next.clear();
        changeLayout(next, tr("Clear the layout"));
    });
    m_openDemo = new QAction(Icons::themed(QStringLiteral("qualitylens-demo")), tr("Open Demo"), this);
    connect(m_openDemo, &QAction::triggered, this, &Page::openDemoRequested);
    m_clearFilters = new QAction(Icons::themed(QStringLiteral("edit-clear")), tr("Clear Filters"), this);
    connect(m_clearFilters, &QAction::triggered, this, [this] {
        PivotLayout next = m_layout;
        next.spec.filters.clear();
        next.spec.from = next.spec.to = QDate();
        next.dateFilter = false;
        changeLayout(next, tr("Clear the filters"));
    });
}

void PivotPage::buildUi()
{
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("pivotSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(buildLeftPanel());
    m_splitter->addWidget(buildTablePanel());
    auto *right = new QWidget(m_splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(4, 8, 8, 8);
    m_views = new PivotViewsPanel(right);
    rightLayout->addWidget(m_views);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({320, 900, 190});
    UiState::track(m_splitter, QStringLiteral("pivot/splitter"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_views, &PivotViewsPanel::openRequested, this, &PivotPage::openView);
    connect(m_views, &PivotViewsPanel::saveRequested, this, &PivotPage::askSaveView);
    connect(m_views, &PivotViewsPanel::renameRequested, this, &PivotPage::askRenameView);
    connect(m_views, &PivotViewsPanel::deleteRequested, this, &PivotPage::askDeleteView);
}

QWidget *PivotPage::buildLeftPanel()
{
    auto *panel = new QWidget(m_splitter);
    panel->setObjectName(QStringLiteral("pivotFieldsPanel"));
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(8, 8, 4, 8);
    layout->setSpacing(6);

    m_source = new QComboBox(panel);
    m_source->setObjectName(QStringLiteral("pivotSource"));
    m_source->setAccessibleName(tr("Data to pivot"));
    for (PivotSource s : {PivotSource::Audits, PivotSource::Answers, PivotSource::Csat})
        m_source->addItem(PivotFields::sourceTitle(s), int(s));
    m_source->setToolTip(tr("Audits: one row per audit. Answers: one per criterion of an audit. CSAT "
                            "responses: one per survey response."));
    connect(m_source, &QComboBox::activated, this, [this](int index) {
        const auto source = PivotSource(m_source->itemData(index).toInt());
        PivotLayout next = m_layout;
        const auto audits = m_cubes[std::size_t(PivotSource::Audits)];
        next.setSource(source, audits ? audits->customDimensionNames() : QStringList());
        changeLayout(next, tr("Pivot %1").arg(PivotFields::sourceTitle(source)));
    });
    auto *sourceRow = new QHBoxLayout;
    auto *sourceLabel = new QLabel(tr("&Data:"), panel);
    sourceLabel->setBuddy(m_source);
    sourceRow->addWidget(sourceLabel);
    sourceRow->addWidget(m_source, 1);
    layout->addLayout(sourceRow);

    m_fields = new PivotFieldList(panel);
    connect(m_fields, &PivotFieldList::fieldActivated, this, [this](const QString &id) { addFieldWhereItBelongs(id); });
    connect(m_fields, &PivotFieldList::addRequested, this,
            [this](const QString &id, PivotZone zone) { addField(id, zone); });
    connect(m_fields, &PivotFieldList::chipDroppedBack, this, &PivotPage::removeChip);
    layout->addWidget(m_fields, 3);

    auto *grid = new QGridLayout;
    grid->setSpacing(6);
    struct ZoneInfo
    {
        PivotZone zone;
        QString title;
        QString placeholder;
        int row, column;
    };
    const ZoneInfo zones[] = {
        {PivotZone::Filters, tr("Filters"), tr("Drop fields here to filter"), 0, 0},
        {PivotZone::Columns, tr("Columns"), tr("Drop dimensions here"), 0, 1},
        {PivotZone::Rows, tr("Rows"), tr("Drop dimensions here"), 2, 0},
        {PivotZone::Values, tr("Values"), tr("Drop measures here"), 2, 1},
    };
    for (const ZoneInfo &z : zones) {
        auto *zone = new PivotDropZone(z.zone, panel);
        zone->setAccessibleName(z.title);
        zone->setPlaceholderText(z.placeholder);
        zone->setMinimumHeight(4 * (fontMetrics().height() + 6));
        m_zones[std::size_t(z.zone)] = zone;
        auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(z.title.toHtmlEscaped()), panel);
        title->setBuddy(zone);
        grid->addWidget(title, z.row, z.column);
        grid->addWidget(zone, z.row + 1, z.column);
        connect(zone, &PivotDropZone::dropped, this, &PivotPage::dropField);
        connect(zone, &PivotDropZone::removeRequested, this, &PivotPage::removeChip);
        connect(zone, &PivotDropZone::chipActivated, this, &PivotPage::chipActivated);
        connect(zone, &PivotDropZone::chipMenuRequested, this, &PivotPage::showChipMenu);
    }
    grid->setRowStretch(1, 1);
    grid->setRowStretch(3, 1);
    layout->addLayout(grid, 2);
    return panel;
}

QWidget *PivotPage::buildTablePanel()
{
    auto *panel = new QWidget(m_splitter);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 8, 4, 0);
    layout->setSpacing(4);

    auto *bar = new QToolBar(panel);
    bar->setObjectName(QStringLiteral("pivotToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(16, 16));
    QAction *undo = m_undo->createUndoAction(this, tr("Undo"));
    undo->setIcon(Icons::themed(QStringLiteral("edit-undo")));
    QAction *redo = m_undo->createRedoAction(this, tr("Redo"));
    redo->setIcon(Icons::themed(QStringLiteral("edit-redo")));
    bar->addAction(undo);
    bar->addAction(redo);
    bar->addSeparator();
    for (QMenu *menu : {m_totalsMenu, m_topMenu, m_heatMenu}) {
        auto *button = new QToolButton(bar);
        button->setText(menu->title());
        button->setMenu(menu);
        button->setPopupMode(QToolButton::InstantPopup);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setObjectName(menu == m_totalsMenu ? QStringLiteral("totalsButton")
                              : menu == m_topMenu  ? QStringLiteral("topButton")
                                                   : QStringLiteral("heatMapButton"));
        bar->addWidget(button);
    }
    bar->addAction(m_expandAll);
    bar->addAction(m_collapseAll);
    bar->addSeparator();

    m_table = new PivotTableView(panel);
    m_table->setPivotModel(m_proxy);
    bar->addAction(m_table->copyAction());
    bar->addAction(m_export);
    if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(m_export)))
        button->setPopupMode(QToolButton::MenuButtonPopup); // the agents choice
    bar->addAction(m_chartThis);
    bar->addSeparator();
    bar->addAction(m_clear);
    connect(m_table, &PivotTableView::drillRequested, this, &PivotPage::drillDown);
    connect(m_table->rowHeader(), &PivotHeaderView::groupToggled, this, [this](int section, int level) {
        m_model->setGroupCollapsed(section, level, !m_model->isGroupCollapsed(section, level));
    });
    connect(m_model, &PivotTableModel::collapsedGroupsChanged, this, [this] {
        m_table->fitToContents();
        Q_EMIT statusTextChanged(statusText());
    });

    m_caption = new QLabel(panel);
    m_caption->setObjectName(QStringLiteral("pivotCaption"));
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_empty = new EmptyState(m_table);

    layout->addWidget(bar);
    layout->addWidget(m_caption);
    layout->addWidget(m_table, 1);
    return panel;
}

void PivotPage::setProject(Project *project)
{
    if (project == m_project && project)
        return;
    for (const QPointer<QWidget> &w : std::as_const(m_popups))
        delete w.data();
    m_popups.clear();
    // Jobs read the old project until they are cancelled and have ended; only then can it go.
    m_runner->setProject(nullptr);
    m_cubes = {};
    m_dataStale = true;
    m_cubeJob = m_pivotJob = 0;
    m_error.clear();
    m_shownSpec.reset();
    m_model->setResult(nullptr);
    m_project = project;
    m_runner->setProject(project);
    m_undo->clear();
    m_currentView = -1;
    m_layout = project ? rememberedLayout() : PivotLayout::defaultFor(PivotSource::Audits);
    m_proxy->setHeatMap(m_layout.heatMap);
    m_views->setWritable(project && !project->isReadOnly());
    updateZones();
    updateFieldList();
    updateActions();
    updateCaption();
    refreshViews();
    if (project && isVisible())
        recompute();
    updateEmptyState();
    Q_EMIT statusTextChanged(statusText());
}

void PivotPage::refresh()
{
    if (!m_project)
        return;
    m_dataStale = true;
    m_shownSpec.reset();
    recompute();
}

void PivotPage::reloadData()
{
    refresh();
}

void PivotPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (m_project && !isBusy() && (m_dataStale || !m_shownSpec))
        recompute();
}

QString PivotPage::statusText() const
{
    const auto result = m_model->result();
    if (!m_project || !result)
        return {};
    const QLocale l = locale();
    QString text = tr("%1 · %2 rows × %3 columns")
                       .arg(PivotFields::sourceNoun(result->spec().source, result->factCount()),
                            l.toString(m_model->rowCount()), l.toString(m_model->columnCount()));
    if (m_shownMs >= 0)
        text += QStringLiteral(" · ") + tr("computed in %1 ms").arg(l.toString(m_shownMs));
    return text;
}

bool PivotPage::changeLayout(const PivotLayout &next, const QString &text, const QString &mergeTag)
{
    PivotLayout normalised = next;
    normalised.normalise();
    if (normalised == m_layout)
        return false;
    m_currentView = -1;
    m_undo->push(
        new PivotLayoutCommand([this](const PivotLayout &l) { applyLayout(l); }, m_layout, normalised, text, mergeTag));
    return true;
}

void PivotPage::applyLayout(const PivotLayout &layout)
{
    m_layout = layout;
    m_proxy->setHeatMap(m_layout.heatMap);
    m_views->setCurrentView(m_currentView);
    updateZones();
    updateFieldList();
    updateActions();
    updateCaption();
    rememberLayout();
    recompute();
}

bool PivotPage::addField(const QString &field, PivotZone zone, int index)
{
    PivotLayout next = m_layout;
    if (!next.insert(zone, index, field))
        return false;
    const bool measure = zone == PivotZone::Values;
    const QString title =
        measure ? PivotFields::measureTitle(next.items(zone).value(index < 0 ? next.count(zone) - 1 : index))
                : PivotFields::dimensionTitle(field);
    return changeLayout(next, tr("Add %1").arg(title));
}

bool PivotPage::addFieldWhereItBelongs(const QString &field)
{
    const bool dimension =
        PivotFields::dimensionsOf(m_layout.spec.source).contains(field) || field == QLatin1String("date");
    const auto audits = m_cubes[std::size_t(PivotSource::Audits)];
    const bool custom = audits && audits->customDimensionNames().contains(field);
    return addField(field, dimension || custom ? PivotZone::Rows : PivotZone::Values);
}

bool PivotPage::dropField(const PivotDrag &drag, PivotZone zone, int index)
{
    if (!drag.from)
        return addField(drag.field, zone, index);
    PivotLayout next = m_layout;
    if (next.items(*drag.from).value(drag.index) != drag.field)
        return false; // the layout changed under the drag
    if (!next.move(*drag.from, drag.index, zone, index))
        return false;
    const QString title = PivotFields::chipTitle(drag.field, *drag.from == PivotZone::Values);
    return changeLayout(next, *drag.from == zone ? tr("Reorder %1").arg(title) : tr("Move %1").arg(title));
}

bool PivotPage::removeChip(PivotZone zone, int index)
{
    PivotLayout next = m_layout;
    const QString id = next.items(zone).value(index);
    if (!next.remove(zone, index))
        return false;
    return changeLayout(next, tr("Remove %1").arg(chipText(zone, id)));
}

void PivotPage::updateZones()
{
    for (PivotZone z : {PivotZone::Filters, PivotZone::Rows, PivotZone::Columns, PivotZone::Values}) {
        QList<PivotDropZone::Chip> chips;
        for (const QString &id : m_layout.items(z)) {
            PivotDropZone::Chip chip{id, chipText(z, id), {}};
            if (z == PivotZone::Filters)
                chip.toolTip = tr("%1\nDouble-click to choose the values").arg(chip.text);
            else if (z == PivotZone::Values)
                chip.toolTip = tr("%1 (%2)\nRight-click: show as, heat map").arg(chip.text, id);
            else
                chip.toolTip = tr("%1\nDouble-click to filter its values; right-click for more").arg(chip.text);
            chips << chip;
        }
        m_zones[std::size_t(z)]->setChips(chips);
    }
}

void PivotPage::updateFieldList()
{
    const QSignalBlocker block(m_source);
    m_source->setCurrentIndex(m_source->findData(int(m_layout.spec.source)));
    const auto audits = m_cubes[std::size_t(PivotSource::Audits)];
    m_fields->setFields(
        PivotFields::forSource(m_layout.spec.source, audits ? audits->customDimensionNames() : QStringList()));
}

void PivotPage::updateActions()
{
    const PivotTotals &t = m_layout.spec.totals;
    m_subtotals->setChecked(t.subtotals);
    m_rowTotals->setChecked(t.rows);
    m_columnTotals->setChecked(t.cols);
    const bool collapsible = m_model->canCollapse();
    m_expandAll->setEnabled(collapsible);
    m_collapseAll->setEnabled(collapsible);
    m_export->setEnabled(m_model->result() != nullptr);
    m_chartThis->setEnabled(m_model->result() != nullptr && !m_layout.spec.rows.isEmpty() &&
                            !m_layout.spec.measures.isEmpty());
    m_clear->setEnabled(!(m_layout.spec.rows.isEmpty() && m_layout.spec.cols.isEmpty() &&
                          m_layout.spec.measures.isEmpty() && m_layout.items(PivotZone::Filters).isEmpty()));
}

void PivotPage::updateCaption()
{
    const PivotSpec &s = m_layout.spec;
    QStringList measures, by;
    for (const QString &m : s.measures)
        measures << PivotFields::chipTitle(m, true, s.showAsOf(m));
    for (const QString &d : s.rows + s.cols)
        by << PivotFields::dimensionTitle(d);
    QString text = PivotFields::sourceTitle(s.source);
    if (!measures.isEmpty())
        text += QStringLiteral(": ") + measures.join(QStringLiteral(", "));
    if (!by.isEmpty())
        text += QLatin1Char(' ') + tr("by %1").arg(by.join(QStringLiteral(" × ")));
    const QString filters = filterSummary();
    if (!filters.isEmpty())
        text += QStringLiteral(" · ") + filters;
    if (const auto result = m_model->result(); result && !result->note().isEmpty())
        text += QStringLiteral(" · ") + result->note();
    m_caption->setText(text);
}

void PivotPage::updateEmptyState()
{
    QList<QAction *> actions;
    const auto cube = m_cubes[std::size_t(m_layout.spec.source)];
    const auto result = m_model->result();
    const QString noun = PivotFields::sourcePlural(m_layout.spec.source);
    QString title, text;
    if (!m_project) {
        // nothing to say: the start page shows
    } else if (!m_error.isEmpty()) {
        title = tr("The pivot cannot be shown");
        text = m_error;
    } else if (m_layout.spec.measures.isEmpty()) {
        title = tr("Drag a measure to Values");
        text = tr("Drag fields from the list into Rows, Columns and Values, or double-click them: a dimension "
                  "goes to Rows, a measure to Values.");
    } else if (!cube || (m_dataStale && !result)) {
        title = tr("Reading the %1…").arg(noun);
        text = tr("The pivot appears as soon as the data is in memory; on a large project this takes a moment.");
    } else if (cube->factCount() == 0) {
        title = tr("No %1 yet").arg(noun);
        text = tr("Import data (File → Import…), or open the demo project to look around.");
        actions << m_openDemo;
    } else if (result && result->factCount() == 0 && !m_pivotJob) {
        title = tr("No %1 match the filters").arg(noun);
        text = tr("Widen the date range or the filters, or clear them.");
        actions << m_clearFilters;
    }
    m_empty->setTitle(title);
    m_empty->setText(text);
    m_empty->setActions(actions);
    m_empty->setVisible(!title.isEmpty());
}

namespace {
// The last layout is remembered per user and project (UiState), under a key made from the path.
QString layoutKey(const Project *project)
{
    const QByteArray hash = QCryptographicHash::hash(project->path().toUtf8(), QCryptographicHash::Sha1).toHex();
    return QStringLiteral("pivot/layout/") + QString::fromLatin1(hash.left(16));
}
} // namespace

void PivotPage::rememberLayout() const
{
    if (m_project)
        UiState::setValue(layoutKey(m_project), QString::fromUtf8(m_layout.toJson()));
}

PivotLayout PivotPage::rememberedLayout() const
{
    const QString json = UiState::value(layoutKey(m_project)).toString();
    if (const auto layout = PivotLayout::fromJson(json.toUtf8()))
        return *layout;
    return PivotLayout::defaultFor(PivotSource::Audits);
}

void PivotPage::ensureCube(PivotSource source)
{
    if (!m_project || (m_cubeJob && m_cubeJobSource == source))
        return;
    // A stale audits cube is not reused: the data behind it changed.
    const std::shared_ptr<const Cube> audits = m_dataStale ? nullptr : m_cubes[std::size_t(PivotSource::Audits)];
    m_cubeJobSource = source;
    const QString label = tr("Reading %1 for the pivot…").arg(PivotFields::sourcePlural(source));
    m_cubeJob = m_runner->start<CubeBuild>(
        QStringLiteral("cube"), label,
        [source, audits](JobContext &context) {
            CubeBuild build;
            build.source = source;
            QSqlDatabase db = context.database();
            if (!db.isOpen()) {
                build.error = tr("the project cannot be read");
                return build;
            }
            build.options = PivotOptions::fromProject(db);
            {
                const ProjectSettings settings(db);
                build.minAudits = settings.minSampleAudits();
                build.minResponses = settings.minSampleResponses();
            }
            // Two cubes to build (the audits, then the one asked for): each is half the progress.
            const bool two = !audits && source != PivotSource::Audits;
            CubeBuilder::Control control;
            control.cancel = context.cancelFlag();
            control.progress = [&context, two](int percent) {
                context.setProgress(two ? percent / 200.0 : percent / 100.0);
            };
            QString error;
            // From the project's snapshots when the data has not changed since they were written.
            build.audits = audits;
            if (!build.audits) {
                CubeCache::Result a = CubeCache::obtain(db, PivotSource::Audits, control, &error);
                if (!a.cube) {
                    build.error = error;
                    return build;
                }
                build.audits = a.cube;
                build.stamp = a.stamp;
                if (!a.fromSnapshot)
                    build.toSave << a.cube;
            }
            if (source == PivotSource::Audits) {
                build.cube = build.audits;
                return build;
            }
            control.progress = [&context, two](int percent) {
                context.setProgress(two ? 0.5 + percent / 200.0 : percent / 100.0);
            };
            CubeCache::Result c = CubeCache::obtain(db, source, control, &error, build.audits);
            build.cube = c.cube;
            if (!build.cube) {
                build.error = error;
                return build;
            }
            if (build.stamp.isEmpty() || build.stamp == c.stamp) {
                build.stamp = c.stamp;
                if (!c.fromSnapshot)
                    build.toSave << c.cube;
            }
            return build;
        },
        [this](CubeBuild &&build) {
            m_cubeJob = 0;
            cubeBuilt(std::move(build));
        },
        [this] {
            m_cubeJob = 0;
            updateEmptyState();
        });
    updateEmptyState();
}

void PivotPage::cubeBuilt(CubeBuild &&build)
{
    if (!build.error.isEmpty()) {
        m_error = tr("The data could not be read: %1").arg(build.error);
        updateEmptyState();
        return;
    }
    if (m_dataStale) {
        m_cubes = {};
        m_dataStale = false;
    }
    m_cubes[std::size_t(PivotSource::Audits)] = build.audits;
    m_cubes[std::size_t(build.source)] = build.cube;
    CubeSnapshotSaver::save(m_runner, build.toSave, build.stamp);
    m_options = build.options;
    m_minAudits = build.minAudits;
    m_minResponses = build.minResponses;
    m_proxy->setMinimumSamples(m_minAudits, m_minResponses);
    m_error.clear();
    m_shownSpec.reset(); // the data may have changed: compute again
    updateFieldList();
    recompute();
}

void PivotPage::recompute()
{
    if (!m_project)
        return;
    const PivotSpec &spec = m_layout.spec;
    if (spec.measures.isEmpty()) {
        m_runner->abandon(QStringLiteral("pivot"));
        m_pivotJob = 0;
        m_error.clear();
        m_shownSpec = std::make_shared<const PivotSpec>(spec);
        m_model->setResult(nullptr);
        m_table->fitToContents();
        updateActions();
        updateEmptyState();
        Q_EMIT statusTextChanged(statusText());
        Q_EMIT resultShown();
        return;
    }
    const std::shared_ptr<const Cube> cube = m_cubes[std::size_t(spec.source)];
    if (!cube || m_dataStale) {
        if (isVisible())
            ensureCube(spec.source);
        updateEmptyState();
        return;
    }
    if (m_shownSpec && *m_shownSpec == spec && !m_pivotJob)
        return; // the table shows it already (a heat map or a collapse changed nothing to compute)
    if (const QString problem = spec.validate(); !problem.isEmpty()) {
        m_runner->abandon(QStringLiteral("pivot"));
        m_pivotJob = 0;
        showComputed({std::make_shared<const PivotSpec>(spec), nullptr, problem, 0});
        return;
    }
    auto shared = std::make_shared<const PivotSpec>(spec);
    const PivotOptions options = m_options;
    m_pivotJob = m_runner->start<Computed>(
        QStringLiteral("pivot"), tr("Computing the pivot…"),
        [cube, shared, options](JobContext &) {
            Computed c;
            c.spec = shared;
            QElapsedTimer clock;
            clock.start();
            QString error;
            if (auto result = PivotEngine::compute(*cube, *shared, options, &error))
                c.result = std::make_shared<const PivotResult>(std::move(*result));
            else
                c.error = error;
            c.ms = clock.elapsed();
            return c;
        },
        [this](Computed &&c) {
            m_pivotJob = 0;
            showComputed(std::move(c));
        },
        [this] {
            m_pivotJob = 0;
            updateEmptyState();
        });
}

void PivotPage::showComputed(Computed &&computed)
{
    m_shownSpec = computed.spec;
    m_error = computed.error;
    m_shownMs = computed.result ? computed.ms : -1;
    m_model->setResult(computed.result);
    m_table->fitToContents();
    updateActions();
    updateCaption();
    updateEmptyState();
    Q_EMIT statusTextChanged(statusText());
    Q_EMIT resultShown();
}

} // namespace ql

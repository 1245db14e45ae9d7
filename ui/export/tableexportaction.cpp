// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableexportaction.h"

#include "agentchoice.h"
#include "common/icons.h"
#include "common/jobrunner.h"
#include "common/uistate.h"
#include "export/tableexport.h"
#include "export/tablewriter.h"

#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTableView>

#include <memory>

namespace ql {

namespace {

void addCell(TableWriter &out, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        out.addInteger(value.toLongLong());
        break;
    case QMetaType::Bool:
        out.addInteger(value.toBool() ? 1 : 0);
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        out.addNumber(value.toDouble());
        break;
    case QMetaType::QDate:
        out.addDate(value.toDate());
        break;
    default:
        if (!value.isValid() || value.isNull())
            out.addEmpty();
        else
            out.addText(value.toString());
        break;
    }
}

struct ExportOutcome
{
    TableExport::Result result;
};

} // namespace

TableExportAction::TableExportAction(QTableView *view, QObject *parent)
    : QAction(Icons::themed(QStringLiteral("document-export")), tr("&Export…"),
              parent)
    , m_view(view)
{
    setObjectName(QStringLiteral("exportAction"));
    setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    setShortcutContext(Qt::WidgetWithChildrenShortcut);
    setToolTip(tr("Export the table as shown (filter, sort and columns) to CSV or Excel"));
    if (view)
        view->addAction(this);
    connect(this, &QAction::triggered, this, &TableExportAction::chooseFile);
}

void TableExportAction::offerAgentChoice()
{
    if (!m_agentChoices)
        m_agentChoices = AgentChoice::attach(this);
}

std::optional<NameDisplay> TableExportAction::agentOverride() const
{
    return AgentChoice::chosen(m_agentChoices);
}

void TableExportAction::setAgentOverride(std::optional<NameDisplay> display)
{
    AgentChoice::choose(m_agentChoices, display);
}

TableExportSource TableExportAction::snapshot(const QTableView *view)
{
    TableExportSource source;
    const QAbstractItemModel *model = view ? view->model() : nullptr;
    if (!model)
        return source;
    const QHeaderView *header = view->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    for (int c : std::as_const(columns))
        source.header << model->headerData(c, Qt::Horizontal).toString();
    auto rows = std::make_shared<QList<QVariantList>>();
    for (int r = 0; r < model->rowCount(); ++r) {
        QVariantList values;
        for (int c : std::as_const(columns))
            values << model->index(r, c).data(Qt::DisplayRole);
        rows->append(values);
    }
    source.rows = [rows](TableWriter &out, JobContext &context, QString *error) {
        for (const QVariantList &row : std::as_const(*rows)) {
            if (context.isCanceled()) {
                *error = tr("cancelled");
                return false;
            }
            for (const QVariant &v : row)
                addCell(out, v);
            if (!out.endRow())
                return false;
        }
        return true;
    };
    return source;
}

bool TableExportAction::isRunning() const
{
    const JobRunner *runner = m_runner ? m_runner.data() : m_ownRunner;
    return runner && runner->isRunning(QStringLiteral("export"));
}

bool TableExportAction::exportTo(const QString &path, bool excelByteOrderMark)
{
    const auto format = TableExport::formatOf(path);
    if (!format)
        return false;
    if (!m_runner && !m_ownRunner)
        m_ownRunner = new JobRunner(this);
    JobRunner *runner = m_runner ? m_runner.data() : m_ownRunner;
    const TableExportSource source = m_factory ? m_factory() : snapshot(m_view);
    TableExport::Options options;
    options.format = *format;
    options.byteOrderMark = excelByteOrderMark && *format == TableExport::Format::Csv;
    options.sheetName = m_sheetName;
    setEnabled(false);
    runner->start<TableExport::Result>(
        QStringLiteral("export"), tr("Exporting %1").arg(QFileInfo(path).fileName()),
        [path, options, source](JobContext &context) {
            return TableExport::write(path, options, [&](TableWriter &out, QString *error) {
                if (!out.begin(source.header)) {
                    *error = out.errorString();
                    return false;
                }
                return source.rows(out, context, error);
            });
        },
        [this, path](TableExport::Result &&result) {
            setEnabled(true);
            const QString name = QDir::toNativeSeparators(path);
            Q_EMIT finished(result.ok(), result.ok() ? tr("%Ln rows exported to %1", nullptr, int(result.rows)).arg(name)
                                                     : tr("%1 was not written: %2").arg(name, result.error));
        },
        [this] {
            setEnabled(true);
            Q_EMIT finished(false, tr("The export was cancelled."));
        });
    return true;
}

void TableExportAction::chooseFile()
{
    QWidget *parent = m_view ? m_view->window() : nullptr;
    const QString csv = tr("CSV (*.csv)");
    const QString excelCsv = tr("CSV for Excel, UTF-8 with a byte-order mark (*.csv)");
    const QString xlsx = tr("Excel workbook (*.xlsx)");
    QString filter = UiState::value(QStringLiteral("export/filter"), xlsx).toString();
    QString dir = UiState::value(QStringLiteral("export/dir"),
                                 QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                      .toString();
    const QString base = m_sheetName.isEmpty() ? tr("table") : m_sheetName.toLower();
    QString path = QFileDialog::getSaveFileName(parent, tr("Export Table"), dir + QLatin1Char('/') + base,
                                                QStringList{xlsx, csv, excelCsv}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    if (!TableExport::formatOf(path))
        path += filter == xlsx ? QStringLiteral(".xlsx") : QStringLiteral(".csv");
    UiState::setValue(QStringLiteral("export/filter"), filter);
    UiState::setValue(QStringLiteral("export/dir"), QFileInfo(path).absolutePath());
    connect(
        this, &TableExportAction::finished, this,
        [parent](bool ok, const QString &message) {
            if (ok)
                return; // the status bar's job list showed it running; a success needs no dialog
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Export"), message, QMessageBox::Ok, parent);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        },
        Qt::SingleShotConnection);
    exportTo(path, filter == excelCsv);
}

} // namespace ql

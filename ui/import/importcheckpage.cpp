// SPDX-License-Identifier: GPL-3.0-or-later
#include "importcheckpage.h"

#include "common/jobrunner.h"
#include "export/tableexportaction.h"
#include "import/agentroster.h"
#include "importwizard.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ql {

namespace {

// The dry run's result and the project's agents (key, name) the unknown ids may be mapped to.
struct CheckOutcome
{
    ImportResult result;
    QList<std::pair<QString, QString>> agents;
};

} // namespace

ImportCheckPage::ImportCheckPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_model(new QStandardItemModel(0, 5, this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_export(new QPushButton(tr("Export Problems…"), this))
    , m_nothing(new QRadioButton(tr("Import &nothing while any row is rejected"), this))
    , m_skip(new QRadioButton(tr("&Skip the rejected rows and write them, with the reason, to:"), this))
    , m_rejects(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Browse…"), this))
    , m_agentsNote(new QLabel(this))
    , m_agents(new QTableWidget(0, 2, this))
{
    setObjectName(QStringLiteral("importCheckPage"));
    setTitle(tr("Check every row"));
    setSubTitle(tr("The whole file is read and checked as the import will; nothing has been written yet."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Import"));

    m_summary->setObjectName(QStringLiteral("checkSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_progress->setObjectName(QStringLiteral("checkProgress"));
    m_progress->setRange(0, 1000);
    m_model->setHorizontalHeaderLabels({tr("File"), tr("Line"), tr("Field"), tr("Value"), tr("Reason")});
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(Qt::UserRole);
    m_view->setObjectName(QStringLiteral("problemsTable"));
    m_view->setAccessibleName(tr("Rejected rows"));
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(LineColumn, Qt::AscendingOrder);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(FileColumn, 150);
    m_view->setColumnWidth(LineColumn, 60);
    m_view->setColumnWidth(FieldColumn, 100);
    m_view->setColumnWidth(ValueColumn, 110);
    m_export->setObjectName(QStringLiteral("exportProblems"));
    auto *exportAction = new TableExportAction(m_view, this);
    exportAction->setSheetName(tr("Problems"));
    connect(m_export, &QPushButton::clicked, exportAction, &QAction::trigger);
    m_nothing->setObjectName(QStringLiteral("importNothing"));
    m_skip->setObjectName(QStringLiteral("skipInvalid"));
    m_rejects->setObjectName(QStringLiteral("rejectsPath"));
    m_rejects->setAccessibleName(tr("File for the rejected rows"));
    auto *choice = new QButtonGroup(this);
    choice->addButton(m_nothing);
    choice->addButton(m_skip);
    m_nothing->setChecked(true);

    m_agentsNote->setObjectName(QStringLiteral("unknownAgentsNote"));
    m_agentsNote->setWordWrap(true);
    m_agentsNote->setTextFormat(Qt::PlainText);
    m_agents->setObjectName(QStringLiteral("unknownAgents"));
    m_agents->setAccessibleName(tr("Agents not in the project"));
    m_agents->setHorizontalHeaderLabels({tr("Agent id in the file"), tr("Import as")});
    m_agents->verticalHeader()->hide();
    m_agents->horizontalHeader()->setStretchLastSection(true);
    m_agents->setColumnWidth(0, 260);
    m_agents->setSelectionMode(QAbstractItemView::NoSelection);
    m_agents->verticalHeader()->setDefaultSectionSize(m_agents->fontMetrics().height() + 14);
    m_agentsNote->hide();
    m_agents->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_export);
    auto *rejectsRow = new QHBoxLayout;
    rejectsRow->setContentsMargins(24, 0, 0, 0);
    rejectsRow->addWidget(m_rejects, 1);
    rejectsRow->addWidget(m_browse);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_progress);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_agentsNote);
    layout->addWidget(m_agents, 1);
    layout->addWidget(m_nothing);
    layout->addWidget(m_skip);
    layout->addLayout(rejectsRow);

    connect(m_nothing, &QRadioButton::toggled, this, &ImportCheckPage::updateChoice);
    connect(m_skip, &QRadioButton::toggled, this, &ImportCheckPage::updateChoice);
    connect(m_rejects, &QLineEdit::textChanged, this, &ImportCheckPage::completeChanged);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Rejected Rows"), m_rejects->text(),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            m_rejects->setText(path);
    });
    connect(m_wizard->runner(), &JobRunner::jobProgress, this, [this](quint64 id, double fraction, const QString &text) {
        if (id != m_job)
            return;
        m_progress->setValue(int(fraction * 1000));
        m_summary->setText(tr("Checking: %1…").arg(text));
    });
}

void ImportCheckPage::initializePage()
{
    const QFileInfo input(m_wizard->filePath());
    if (m_rejects->text().isEmpty())
        m_rejects->setText(input.absolutePath() + QLatin1Char('/') + input.completeBaseName() +
                           QStringLiteral("-rejected.csv"));
    check();
}

void ImportCheckPage::cleanupPage()
{
    m_wizard->runner()->abandon(QStringLiteral("check"));
    m_checking = false;
}

void ImportCheckPage::check()
{
    m_checking = true;
    m_checked = false;
    m_model->removeRows(0, m_model->rowCount());
    m_progress->setValue(0);
    m_progress->show();
    m_summary->setText(tr("Checking %1…").arg(QFileInfo(m_wizard->filePath()).fileName()));
    updateChoice();
    const QString path = m_wizard->filePath();
    const ImportMapping mapping = m_wizard->mapping();
    m_agentsNote->hide();
    m_agents->hide();
    m_job = m_wizard->runner()->start<CheckOutcome>(
        QStringLiteral("check"), tr("Checking the file"),
        [path, mapping](JobContext &context) {
            CheckOutcome outcome;
            ImportOptions options;
            options.dryRun = true;
            // As "skip invalid" would: every problem is still listed, and the summary counts what
            // the valid records would do (without it a rejected file counts nothing).
            options.skipInvalid = true;
            std::atomic_bool cancel{false};
            options.cancel = &cancel;
            options.progress = [&context, &cancel](double fraction, const QString &stage) {
                if (context.isCanceled())
                    cancel = true;
                context.setProgress(fraction, stage);
            };
            QSqlDatabase db = context.database();
            if (!db.isOpen()) {
                outcome.result.error = tr("the project cannot be read");
                return outcome;
            }
            outcome.result = Importer(db, mapping).run(path, options);
            AgentRoster roster;
            QString ignored;
            if (!outcome.result.summary.createdAgents.isEmpty() && roster.load(db, &ignored))
                outcome.agents = roster.keysAndNames();
            return outcome;
        },
        [this](CheckOutcome &&outcome) {
            show(outcome.result);
            showAgents(outcome.result.summary.createdAgents, outcome.agents);
        });
}

void ImportCheckPage::showAgents(const QStringList &unknown, const QList<std::pair<QString, QString>> &known)
{
    m_agents->clearContents();
    m_agents->setRowCount(0);
    const bool offer = !unknown.isEmpty() && !known.isEmpty();
    m_agentsNote->setVisible(!unknown.isEmpty());
    m_agents->setVisible(offer);
    if (unknown.isEmpty())
        return;
    const QLocale locale;
    m_agentsNote->setText(
        offer ? tr("%1 agent ids of the file are not in the project. Each becomes a new agent, unless you choose "
                   "the existing agent it stands for: the id then becomes that agent's alias, so later imports "
                   "know it.")
                    .arg(locale.toString(unknown.size()))
              : tr("%1 agent ids of the file are not in the project: each becomes a new agent.")
                    .arg(locale.toString(unknown.size())));
    m_agents->setRowCount(int(unknown.size()));
    for (int row = 0; row < unknown.size(); ++row) {
        auto *id = new QTableWidgetItem(unknown.at(row));
        id->setFlags(Qt::ItemIsEnabled);
        m_agents->setItem(row, 0, id);
        auto *combo = new QComboBox(m_agents);
        combo->setAccessibleName(tr("Import %1 as").arg(unknown.at(row)));
        combo->addItem(tr("A new agent"), QString());
        for (const auto &[key, name] : known)
            combo->addItem(name.isEmpty() || name == key ? key : tr("%1 (%2)").arg(name, key), key);
        m_agents->setCellWidget(row, 1, combo);
    }
}

bool ImportCheckPage::setAgentChoice(const QString &fileId, const QString &agentKey)
{
    for (int row = 0; row < m_agents->rowCount(); ++row) {
        if (m_agents->item(row, 0)->text() != fileId)
            continue;
        auto *combo = qobject_cast<QComboBox *>(m_agents->cellWidget(row, 1));
        const int at = combo ? combo->findData(agentKey) : -1;
        if (at < 0)
            return false;
        combo->setCurrentIndex(at);
        return true;
    }
    return false;
}

QHash<QString, QString> ImportCheckPage::agentMap() const
{
    QHash<QString, QString> map;
    for (int row = 0; row < m_agents->rowCount(); ++row)
        if (auto *combo = qobject_cast<QComboBox *>(m_agents->cellWidget(row, 1)))
            if (const QString key = combo->currentData().toString(); !key.isEmpty())
                map.insert(m_agents->item(row, 0)->text(), key);
    return map;
}

void ImportCheckPage::show(const ImportResult &result)
{
    m_checking = false;
    m_checked = true;
    m_result = result;
    m_progress->hide();
    const QLocale locale;
    for (const ImportProblem &p : result.problems) {
        QList<QStandardItem *> row;
        for (const QString &text : {p.file, QString(), p.field, p.value, p.reason}) {
            auto *item = new QStandardItem(text);
            item->setData(text, Qt::UserRole);
            item->setToolTip(text);
            row << item;
        }
        // A number, so that it sorts as one and exports as one.
        row[LineColumn]->setData(p.line > 0 ? QVariant(p.line) : QVariant(), Qt::DisplayRole);
        row[LineColumn]->setData(p.line, Qt::UserRole);
        row[LineColumn]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row[LineColumn]->setToolTip(tr("Line %1 of the file (1 is the header)").arg(p.line));
        m_model->appendRow(row);
    }
    const ImportSummary &s = result.summary;
    switch (result.status) {
    case ImportResult::Imported:
    case ImportResult::Rejected:
        if (s.rowsRejected == 0 && result.status == ImportResult::Imported)
            m_summary->setText(tr("All %1 rows can be imported: %2 new, %3 changed, %4 unchanged.")
                                   .arg(locale.toString(s.rowsRead), locale.toString(s.inserted),
                                        locale.toString(s.updated), locale.toString(s.unchanged)));
        else
            m_summary->setText(tr("%1 of %2 rows are rejected (%3 records). The other records can be imported: %4 "
                                  "new, %5 changed, %6 unchanged. Correct the file and check again, or skip the "
                                  "rejected rows.")
                                   .arg(locale.toString(s.rowsRejected), locale.toString(s.rowsRead),
                                        locale.toString(s.rejected), locale.toString(s.inserted),
                                        locale.toString(s.updated), locale.toString(s.unchanged)));
        break;
    case ImportResult::Refused:
        m_summary->setText(tr("The file does not fit the mapping: %1 Go back and change the mapping.")
                               .arg(result.problems.isEmpty() ? result.error + QLatin1Char('.') : QString()));
        break;
    case ImportResult::Cancelled:
    case ImportResult::Failed:
        m_summary->setText(tr("The file could not be checked: %1").arg(result.error));
        break;
    }
    updateChoice();
}

bool ImportCheckPage::anyRejected() const
{
    return m_checked && (m_result.status == ImportResult::Rejected ||
                         (m_result.status == ImportResult::Imported && m_result.summary.rowsRejected > 0));
}

void ImportCheckPage::updateChoice()
{
    const bool anyRejected = this->anyRejected();
    m_nothing->setEnabled(anyRejected);
    m_skip->setEnabled(anyRejected);
    m_rejects->setEnabled(anyRejected && m_skip->isChecked());
    m_browse->setEnabled(anyRejected && m_skip->isChecked());
    m_export->setEnabled(m_model->rowCount() > 0);
    m_view->setVisible(!m_checked || m_model->rowCount() > 0);
    Q_EMIT completeChanged();
}

bool ImportCheckPage::isComplete() const
{
    if (m_checking || !m_checked)
        return false;
    if (!anyRejected())
        return m_result.status == ImportResult::Imported;
    return m_skip->isChecked() && !m_rejects->text().trimmed().isEmpty();
}

} // namespace ql

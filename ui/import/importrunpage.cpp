// SPDX-License-Identifier: GPL-3.0-or-later
#include "importrunpage.h"

#include "common/jobrunner.h"
#include "importcheckpage.h"
#include "importwizard.h"
#include "store/project.h"

#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ql {

ImportRunPage::ImportRunPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel Import"), this))
    , m_summaryBox(new QWidget(this))
    , m_summary(new QFormLayout(m_summaryBox))
{
    setObjectName(QStringLiteral("importRunPage"));
    setTitle(tr("Import"));
    setSubTitle(tr("Everything is written in one transaction: cancelling leaves the project as it was."));
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setRange(0, 1000);
    m_cancel->setObjectName(QStringLiteral("cancelImport"));
    m_cancel->setToolTip(tr("Stop the import: everything it wrote so far is rolled back"));
    m_summaryBox->setObjectName(QStringLiteral("runSummary"));
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(progressRow);
    layout->addWidget(m_summaryBox);
    layout->addStretch(1);
    connect(m_cancel, &QPushButton::clicked, this, &ImportRunPage::cancelImport);
    connect(m_wizard->runner(), &JobRunner::jobProgress, this, [this](quint64 id, double fraction, const QString &text) {
        if (id != m_job)
            return;
        m_progress->setValue(int(fraction * 1000));
        m_status->setText(tr("Importing: %1…").arg(text));
    });
}

void ImportRunPage::initializePage()
{
    start();
}

void ImportRunPage::start()
{
    m_running = true;
    m_finished = false;
    m_outcome = {};
    while (m_summary->rowCount() > 0)
        m_summary->removeRow(0);
    m_summaryBox->hide();
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_cancel->setEnabled(true);
    Q_EMIT completeChanged();
    if (m_wizard->isProjectCheckPending()) {
        // Nothing is written to a project that has not passed its check yet: if it is damaged, the
        // window closes it and this wizard with it.
        m_waiting = true;
        m_progress->setRange(0, 0);
        m_status->setText(tr("Waiting for the project check to finish before writing (it reads the project once "
                             "after it opens)…"));
        connect(
            m_wizard, &ImportWizard::projectCheckFinished, this,
            [this] {
                if (!m_waiting)
                    return;
                m_waiting = false;
                startImport();
            },
            Qt::SingleShotConnection);
        return;
    }
    startImport();
}

void ImportRunPage::startImport()
{
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_status->setText(tr("Importing %1…").arg(QFileInfo(m_wizard->filePath()).fileName()));

    const bool scorecard = m_wizard->choice() == ImportWizard::Choice::Scorecard;
    const QString path = m_wizard->filePath();
    const ImportMapping mapping = m_wizard->mapping();
    ImportOptions options;
    if (!scorecard && m_wizard->checkPage()->skipInvalid()->isChecked()) {
        options.skipInvalid = true;
        options.rejectsPath = m_wizard->checkPage()->rejectsPath()->text().trimmed();
    }
    if (!scorecard)
        options.agentMap = m_wizard->checkPage()->agentMap();
    m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    const Project *project = m_wizard->project();
    const std::shared_ptr<std::atomic_bool> cancel = m_cancelFlag;
    m_job = m_wizard->runner()->start<Outcome>(
        QStringLiteral("import"), tr("Importing"),
        [=](JobContext &context) {
            Outcome outcome;
            outcome.scorecard = scorecard;
            // The import writes: a connection of its own, for writing, on this thread.
            const QString name = QStringLiteral("qlimport-%1").arg(context.id());
            {
                QSqlDatabase db = project ? project->openWorkerConnection(name, false) : QSqlDatabase();
                if (!db.isOpen()) {
                    outcome.data.error = outcome.card.error = tr("the project cannot be opened for writing");
                } else if (scorecard) {
                    outcome.card = ScorecardImport::importFile(db, path);
                } else {
                    ImportOptions run = options;
                    run.cancel = cancel.get();
                    run.progress = [&context, cancel](double fraction, const QString &stage) {
                        if (context.isCanceled()) // the wizard or the project is going away
                            *cancel = true;
                        context.setProgress(fraction, stage);
                    };
                    outcome.data = Importer(db, mapping).run(path, run);
                }
            }
            Project::closeConnection(name);
            return outcome;
        },
        [this](Outcome &&outcome) { showOutcome(outcome); },
        [this] {
            Outcome cancelled;
            cancelled.data.status = ImportResult::Cancelled;
            showOutcome(cancelled);
        });
}

void ImportRunPage::cancelImport()
{
    if (m_waiting) { // nothing started: nothing to roll back
        m_waiting = false;
        Outcome cancelled;
        cancelled.data.status = ImportResult::Cancelled;
        showOutcome(cancelled);
        return;
    }
    if (!m_running || !m_cancelFlag)
        return;
    *m_cancelFlag = true;
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling: rolling back…"));
}

void ImportRunPage::addLine(const QString &label, const QString &value)
{
    auto *shown = new QLabel(value, m_summaryBox);
    shown->setObjectName(label);
    shown->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->addRow(label + QLatin1Char(':'), shown);
}

QString ImportRunPage::summaryValue(const QString &label) const
{
    for (int row = 0; row < m_summary->rowCount(); ++row) {
        auto *name = qobject_cast<QLabel *>(m_summary->itemAt(row, QFormLayout::LabelRole)->widget());
        auto *value = qobject_cast<QLabel *>(m_summary->itemAt(row, QFormLayout::FieldRole)->widget());
        if (name && value && name->text() == label + QLatin1Char(':'))
            return value->text();
    }
    return {};
}

void ImportRunPage::showOutcome(const Outcome &outcome)
{
    m_running = false;
    m_finished = true;
    m_outcome = outcome;
    m_cancel->hide();
    m_progress->hide();
    const QLocale locale;
    const QString file = QFileInfo(m_wizard->filePath()).fileName();
    bool changed = false;
    if (outcome.scorecard) {
        const ScorecardImport::Result &r = outcome.card;
        if (!r.ok) {
            m_status->setText(tr("%1 was not imported: %2").arg(file, r.error));
        } else {
            changed = r.outcome != ScorecardImport::Outcome::Unchanged;
            switch (r.outcome) {
            case ScorecardImport::Outcome::Created:
                m_status->setText(tr("Scorecard %1 was added as version %2.").arg(r.name).arg(r.version));
                break;
            case ScorecardImport::Outcome::NewVersion:
                m_status->setText(tr("Scorecard %1 has a new version %2.").arg(r.name).arg(r.version));
                break;
            case ScorecardImport::Outcome::NamesUpdated:
                m_status->setText(tr("The names in scorecard %1 version %2 were updated.").arg(r.name).arg(r.version));
                break;
            case ScorecardImport::Outcome::Unchanged:
                m_status->setText(tr("Scorecard %1 version %2 is already in the project; nothing changed.")
                                      .arg(r.name)
                                      .arg(r.version));
                break;
            }
        }
    } else {
        const ImportResult &r = outcome.data;
        const ImportSummary &s = r.summary;
        switch (r.status) {
        case ImportResult::Imported:
            changed = true;
            m_status->setText(tr("%1 was imported.").arg(file));
            addLine(tr("Rows read"), locale.toString(s.rowsRead));
            addLine(tr("Inserted"), locale.toString(s.inserted));
            addLine(tr("Updated"), locale.toString(s.updated));
            addLine(tr("Unchanged"), locale.toString(s.unchanged));
            if (s.keptLocal > 0)
                addLine(tr("Kept local changes"), locale.toString(s.keptLocal));
            addLine(tr("Rejected"), locale.toString(s.rejected));
            if (s.agentsCreated > 0)
                addLine(tr("Agents created"), locale.toString(s.agentsCreated));
            if (s.masked > 0)
                addLine(tr("Texts masked"), locale.toString(s.masked));
            if (s.cardMaskingOff)
                addLine(tr("Card masking"), tr("off (the mapping leaves it out)"));
            if (r.rejectsWritten)
                addLine(tr("Rejected rows written to"),
                        QDir::toNativeSeparators(m_wizard->checkPage()->rejectsPath()->text().trimmed()));
            m_summaryBox->show();
            break;
        case ImportResult::Cancelled:
            m_status->setText(tr("The import was cancelled. Nothing was changed in the project."));
            break;
        case ImportResult::Rejected:
            m_status->setText(tr("Rows were rejected, so nothing was imported (%1 of %2 rows).")
                                  .arg(locale.toString(s.rowsRejected), locale.toString(s.rowsRead)));
            break;
        case ImportResult::Refused:
        case ImportResult::Failed:
            m_status->setText(tr("Nothing was imported: %1").arg(r.error));
            break;
        }
    }
    if (changed)
        Q_EMIT m_wizard->imported();
    Q_EMIT completeChanged();
    Q_EMIT finished();
}

bool ImportRunPage::isComplete() const
{
    return m_finished;
}

} // namespace ql

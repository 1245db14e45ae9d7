// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importresult.h"
#include "import/scorecardimport.h"

#include <QWizardPage>

#include <atomic>
#include <memory>

class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;

namespace ql {

class ImportWizard;

// The import itself, in the background on a connection of its own, in one transaction: progress,
// Cancel (which rolls everything back), and then what it did — records inserted, updated,
// unchanged and rejected, agents created, texts masked, where the rejected rows went.
class ImportRunPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportRunPage(ImportWizard *wizard);

    // What the run did: a CSV import's result, or a scorecard's.
    struct Outcome
    {
        bool scorecard = false;
        ImportResult data;
        ScorecardImport::Result card;
    };

    bool isRunning() const { return m_running; }
    // Waiting for the project's integrity check before writing (ImportWizard::isProjectCheckPending).
    bool isWaitingForCheck() const { return m_waiting; }
    bool isFinished() const { return m_finished; }
    const Outcome &outcome() const { return m_outcome; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    // label → value of the summary, as shown ("Inserted" → "2").
    QString summaryValue(const QString &label) const;

    void cancelImport();
    void initializePage() override;
    bool isComplete() const override;

Q_SIGNALS:
    void finished();

private:
    void start();
    void startImport();
    void showOutcome(const Outcome &outcome);
    void addLine(const QString &label, const QString &value);

    ImportWizard *m_wizard;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QWidget *m_summaryBox;
    QFormLayout *m_summary;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    Outcome m_outcome;
    quint64 m_job = 0;
    bool m_running = false;
    bool m_waiting = false;
    bool m_finished = false;
};

} // namespace ql

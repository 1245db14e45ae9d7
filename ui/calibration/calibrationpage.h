// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibration/calibrationexchange.h"
#include "calibration/calibrationmetrics.h"
#include "calibration/calibrationtypes.h"
#include "calibrationcommand.h"
#include "common/page.h"

#include <QSqlDatabase>

#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace ql {

class CalibrationGradersView;
class CalibrationRevealModel;
class CalibrationScoringForm;
class ScorecardTableModel;

// The Calibration page (calibration.md, ui.md): the sessions with their state and submissions, New
// Session, the lifecycle's next step (a button only where the step is allowed), blind scoring by a
// participant who picks their name, the lead's submission status without answers, the offline
// exchange (.qlcal packages, .qlresp responses, opening a package to score), and from review on
// the reveal grid per item, discussion notes, the consensus (prefilled from the expert), anchors
// and the session's metrics; across sessions the trends and the graders (certification, leniency
// from ordinary audits). Everything goes through core/calibration; refusals show the engine's
// message and change nothing. Loading a session with its metrics and the exchange's files run
// off the UI thread through the page's JobRunner (progress and Cancel in the status bar); while
// one runs the page is busy and takes no edit.
class CalibrationPage final : public Page
{
    Q_OBJECT
public:
    explicit CalibrationPage(QWidget *parent = nullptr);
    ~CalibrationPage() override;

    QString pageId() const override { return QStringLiteral("calibration"); }
    QString title() const override;
    QIcon icon() const override;
    void setProject(Project *project) override;
    void refresh() override;
    QString statusText() const override { return m_status; }
    // Every edit here is a CalibrationCommand on the project's data stack (without one, tests that
    // build the page alone, edits are applied and not undoable).
    void setDataUndoStack(QUndoStack *stack) override { m_undoStack = stack; }
    bool editsData() const override { return true; }
    QList<JobRunner *> jobRunners() const override { return {m_runner}; }
    QUndoStack *dataUndoStack() const { return m_undoStack; }

    // What the buttons do once a file is chosen (tests drive these; the buttons ask for the file).
    // Selecting, creating, advancing, submitting, undo and redo load the session again in the
    // background: sessionLoaded() says when it is shown. The exchange's file operations return
    // whether they started; exchangeFinished() says when they are done (their message shown).
    bool isBusy() const;
    bool selectSession(qint64 sessionId);
    // New Session's dialog wrote this session: select it and put its creation on the undo stack.
    void sessionCreated(qint64 sessionId);
    qint64 sessionId() const { return m_sessionId; }
    bool advance();
    bool exportPackage(const QString &path);
    // One undoable step on the data stack for all the files that were imported (refused files
    // change nothing); cancelled, it changes nothing at all.
    bool importResponses(const QStringList &paths);
    bool openPackage(const QString &path);
    bool pickParticipant(const QString &name);
    bool selectItem(int position);
    bool saveAnswers();
    bool submit();
    bool exportResponse(const QString &path);
    bool selectReviewItem(int position);
    bool saveNotes();
    bool saveConsensus();
    bool saveAnchor(int criterion);
    // The lead unlocks a participant's submission (scoring only; the button asks to confirm first).
    bool discardSubmission(qint64 participantId, const QString &reason);
    // The session report (from review on) as PDF or XLSX by the suffix, computed off the UI thread;
    // reportExported() tells when it is written (error empty) or why not. False when not started.
    bool exportReport(const QString &path);
    // calibration.md "resolved": writes the review item's consensus into its audit as ordinary
    // corrections (reason "calibration <id>"), one undo step; false when refused or nothing differs.
    bool applyConsensusToAudit();

    ScorecardTableModel *sessionsModel() const { return m_sessions; }
    QTableView *sessionsView() const { return m_sessionsView; }
    ScorecardTableModel *statusModel() const { return m_statusModel; }
    CalibrationRevealModel *revealModel() const { return m_reveal; }
    ScorecardTableModel *participantMetricsModel() const { return m_participantMetrics; }
    ScorecardTableModel *criterionMetricsModel() const { return m_criterionMetrics; }
    CalibrationScoringForm *scoringForm() const { return m_form; }
    CalibrationScoringForm *consensusForm() const { return m_consensus; }
    QComboBox *participantBox() const { return m_participant; }
    QListWidget *itemList() const { return m_items; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *heading() const { return m_heading; }
    QLabel *metricsSummary() const { return m_metricsSummary; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *advanceButton() const { return m_advance; }
    QPushButton *exportPackageButton() const { return m_exportPackage; }
    QPushButton *importResponsesButton() const { return m_importResponses; }
    QPushButton *openPackageButton() const { return m_openPackage; }
    QPushButton *submitButton() const { return m_submit; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *exportResponseButton() const { return m_exportResponse; }
    QPushButton *discardButton() const { return m_discard; }
    QPushButton *exportReportButton() const { return m_exportReport; }
    QPushButton *applyConsensusButton() const { return m_applyConsensus; }
    ScorecardTableModel *trendParticipantsModel() const { return m_trendPeople; }
    ScorecardTableModel *trendCriteriaModel() const { return m_trendCriteria; }
    CalibrationGradersView *gradersView() const { return m_graders; }

Q_SIGNALS:
    void reportExported(const QString &path, const QString &error);
    void trendsUpdated(); // the Trends and Graders tabs have their figures (computed off the UI thread)
    void sessionLoaded();
    void exchangeFinished(bool ok);

public:
    QTableView *statusView() const { return m_statusView; }

    // A response file that Import Responses wrote, for its undo command.
    struct ImportedResponse
    {
        QByteArray bytes;
        CalibrationResponseImport result;
    };

private:
    QWidget *buildScoringTab();
    QWidget *buildReviewTab();
    QWidget *buildMetricsTab();
    QWidget *buildTrendsTab();
    QWidget *buildGradersTab();
    void startTrends();
    void newSession();
    void fillSessions();
    void loadSession();
    void showLoaded();
    void setBusyLook(bool busy);
    bool refuseWhileBusy();
    void finishExchange(const QString &message, bool ok);
    std::unique_ptr<CalibrationCommand> importCommand(qint64 sessionId, const QList<ImportedResponse> &imported);
    void showScoring();
    void showStatus();
    void showReview();
    void showMetrics();
    void updateButtons();
    void showItem(int position);
    void showMessage(const QString &text, bool error);
    int participantIndex(const QString &name) const;
    bool editable() const;
    // Runs an edit as an undoable command; false (and the engine's message shown) when refused.
    bool runEdit(const QString &text, CalibrationCommand::Step forward, CalibrationCommand::Step backward);
    void afterUndoRedo(qint64 sessionId, const CalibrationError &error);
    QWidget *buildStatusTab();
    void confirmDiscard();
    bool isPackageCopy() const;

    Project *m_project = nullptr;
    QUndoStack *m_undoStack = nullptr;
    JobRunner *m_runner;
    QSqlDatabase m_db;
    bool m_writable = false;
    qint64 m_sessionId = 0;
    std::optional<CalibrationSessionData> m_data;
    std::optional<CalibrationMetrics> m_metrics;
    std::optional<QList<CalibrationSubmissionStatus>> m_submissions;
    std::optional<std::vector<CalibrationSheet>> m_consensusDraft;
    qint64 m_participantId = 0;
    std::vector<CalibrationSheet> m_answers; // the picked participant's own answers, per item
    int m_item = -1;
    int m_reviewItem = -1;
    bool m_filling = false;
    QString m_status;

    ScorecardTableModel *m_sessions;
    QTableView *m_sessionsView;
    QPushButton *m_new;
    QPushButton *m_openPackage;
    QPushButton *m_advance;
    QPushButton *m_exportPackage;
    QPushButton *m_importResponses;
    QLabel *m_heading;
    QLabel *m_message;
    QTabWidget *m_tabs;
    QWidget *m_scoringTab;
    QWidget *m_statusTab;
    QWidget *m_reviewTab;
    QWidget *m_metricsTab;
    QWidget *m_trendsTab = nullptr;
    QLabel *m_trendsNote = nullptr;
    ScorecardTableModel *m_trendPeople = nullptr;
    ScorecardTableModel *m_trendCriteria = nullptr;
    QWidget *m_gradersTab = nullptr;
    CalibrationGradersView *m_graders = nullptr;
    // Scoring.
    QComboBox *m_participant;
    QListWidget *m_items;
    QTextBrowser *m_transcript;
    CalibrationScoringForm *m_form;
    QPushButton *m_save;
    QPushButton *m_submit;
    QPushButton *m_exportResponse;
    QLabel *m_scoringNote;
    // Submissions.
    ScorecardTableModel *m_statusModel;
    QTableView *m_statusView = nullptr;
    QPushButton *m_discard = nullptr;
    // Review.
    QComboBox *m_reviewItemBox;
    CalibrationRevealModel *m_reveal;
    QTableView *m_revealView;
    QTextBrowser *m_reviewTranscript;
    QPlainTextEdit *m_notes;
    QPushButton *m_saveNotes;
    CalibrationScoringForm *m_consensus;
    QPushButton *m_saveConsensus;
    QComboBox *m_anchorCriterion;
    QPushButton *m_saveAnchor;
    QPushButton *m_applyConsensus = nullptr;
    // Metrics.
    QLabel *m_metricsSummary;
    QPushButton *m_exportReport = nullptr;
    ScorecardTableModel *m_participantMetrics;
    ScorecardTableModel *m_criterionMetrics;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationpage.h"

#include "calibration/calibrationexchange.h"
#include "calibration/calibrationreview.h"
#include "calibration/calibrationscoring.h"
#include "calibration/calibrationsessions.h"
#include "calibration/calibrationundo.h"
#include "calibrationrevealmodel.h"
#include "calibrationscoringform.h"
#include "common/icons.h"
#include "common/jobrunner.h"
#include "newcalibrationsessiondialog.h"
#include "scorecards/scorecardtablemodel.h"
#include "store/project.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QUndoStack>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ql {

using Model = ScorecardTableModel;

namespace {
QString stateText(CalibrationState s)
{
    switch (s) {
    case CalibrationState::Draft:
        return CalibrationPage::tr("Draft");
    case CalibrationState::Scoring:
        return CalibrationPage::tr("Scoring");
    case CalibrationState::Review:
        return CalibrationPage::tr("Review");
    case CalibrationState::Resolved:
        return CalibrationPage::tr("Resolved");
    case CalibrationState::Closed:
        return CalibrationPage::tr("Closed");
    }
    return {};
}

QTableView *tableFor(Model *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}
} // namespace

CalibrationPage::CalibrationPage(QWidget *parent)
    : Page(parent),
      m_runner(new JobRunner(this)),
      m_sessions(new Model(this)),
      m_new(new QPushButton(tr("New Session…"), this)),
      m_openPackage(new QPushButton(tr("Open Package to Score…"), this)),
      m_advance(new QPushButton(this)),
      m_exportPackage(new QPushButton(tr("Export Session Package…"), this)),
      m_importResponses(new QPushButton(tr("Import Responses…"), this)),
      m_heading(new QLabel(this)),
      m_message(new QLabel(this)),
      m_tabs(new QTabWidget(this)),
      m_statusModel(new Model(this)),
      m_reveal(new CalibrationRevealModel(this)),
      m_participantMetrics(new Model(this)),
      m_criterionMetrics(new Model(this))
{
    setObjectName(QStringLiteral("calibrationPage"));
    m_sessions->setHeaders({tr("Title"), tr("Date"), tr("Scorecard"), tr("State"), tr("Submitted"), tr("Items")});
    m_sessionsView = tableFor(m_sessions, QStringLiteral("calibrationSessions"), this);
    m_sessionsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_new->setObjectName(QStringLiteral("newCalibrationSession"));
    m_openPackage->setObjectName(QStringLiteral("openCalibrationPackage"));
    m_advance->setObjectName(QStringLiteral("advanceCalibrationSession"));
    m_exportPackage->setObjectName(QStringLiteral("exportCalibrationPackage"));
    m_importResponses->setObjectName(QStringLiteral("importCalibrationResponses"));
    m_heading->setObjectName(QStringLiteral("calibrationHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    m_message->setObjectName(QStringLiteral("calibrationMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_new, m_openPackage, m_advance, m_exportPackage, m_importResponses})
        buttons->addWidget(b);
    buttons->addStretch(1);

    m_statusTab = buildStatusTab();
    m_scoringTab = buildScoringTab();
    m_reviewTab = buildReviewTab();
    m_metricsTab = buildMetricsTab();
    m_trendsTab = buildTrendsTab();
    m_gradersTab = buildGradersTab();
    m_tabs->addTab(m_statusTab, tr("Submissions"));
    m_tabs->addTab(m_scoringTab, tr("Score"));
    m_tabs->addTab(m_reviewTab, tr("Review"));
    m_tabs->addTab(m_metricsTab, tr("Metrics"));
    m_tabs->addTab(m_trendsTab, tr("Trends"));
    m_tabs->addTab(m_gradersTab, tr("Graders"));

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_sessionsView);
    // At least five sessions in sight: the splitter would otherwise squeeze the list to one row.
    m_sessionsView->setMinimumHeight(m_sessionsView->horizontalHeader()->sizeHint().height() +
                                     5 * m_sessionsView->verticalHeader()->defaultSectionSize() + 4);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_heading);
    bottomLayout->addWidget(m_message);
    bottomLayout->addWidget(m_tabs, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_new, &QPushButton::clicked, this, &CalibrationPage::newSession);
    connect(m_advance, &QPushButton::clicked, this, &CalibrationPage::advance);
    connect(m_exportPackage, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Session Package"),
            QStringLiteral("calibration-%1.qlcal").arg(m_sessionId), tr("Calibration packages (*.qlcal)"));
        if (!path.isEmpty())
            exportPackage(path);
    });
    connect(m_importResponses, &QPushButton::clicked, this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import Responses"), {},
                                                                tr("Calibration responses (*.qlresp)"));
        if (!paths.isEmpty())
            importResponses(paths);
    });
    connect(m_openPackage, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Package to Score"), {},
                                                          tr("Calibration packages (*.qlcal)"));
        if (!path.isEmpty())
            openPackage(path);
    });
    connect(m_sessionsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (m_filling || !current.isValid())
                    return;
                m_sessionId = m_sessions->row(current.row()).id.toLongLong();
                m_message->hide();
                loadSession();
            });
    setProject(nullptr);
}

CalibrationPage::~CalibrationPage()
{
    m_runner->setProject(nullptr); // cancels and waits for a report being written
}

QString CalibrationPage::title() const
{
    return tr("Calibration");
}

QIcon CalibrationPage::icon() const
{
    return Icons::themed(QStringLiteral("view-calendar-tasks"), QStringLiteral("dialog-ok-apply"));
}

bool CalibrationPage::editable() const
{
    return m_writable && m_data && m_data->info.state != CalibrationState::Closed;
}

void CalibrationPage::setProject(Project *project)
{
    m_runner->setProject(nullptr);
    m_project = project;
    m_runner->setProject(project);
    m_db = project ? project->database() : QSqlDatabase();
    m_writable = project && !project->isReadOnly();
    m_sessionId = 0;
    m_data.reset();
    m_metrics.reset();
    refresh();
}

void CalibrationPage::refresh()
{
    fillSessions();
    loadSession();
    startTrends();
}

void CalibrationPage::fillSessions()
{
    QList<Model::Row> rows;
    if (m_project) {
        CalibrationSessions sessions(m_db);
        CalibrationScoring scoring(m_db);
        for (const CalibrationSessionInfo &s : sessions.list()) {
            int submitted = 0;
            int total = 0;
            if (const auto status = scoring.status(s.id)) {
                total = int(status->size());
                for (const CalibrationSubmissionStatus &p : *status)
                    submitted += p.submittedAt.isEmpty() ? 0 : 1;
            }
            Model::Row row;
            row.id = s.id;
            row.cells = {Model::text(s.title), Model::text(s.date.toString(Qt::ISODate)),
                         Model::text(tr("%1 v%2").arg(s.scorecardName).arg(s.scorecardVersion)),
                         Model::text(stateText(s.state)),
                         Model::number(tr("%1 of %2").arg(submitted).arg(total), submitted),
                         Model::number(QString::number(s.items), s.items)};
            rows << row;
        }
    }
    m_filling = true;
    m_sessions->setRows(rows);
    int selected = -1;
    for (int r = 0; r < rows.size(); ++r)
        if (rows.at(r).id.toLongLong() == m_sessionId)
            selected = r;
    if (selected < 0 && !rows.isEmpty()) {
        selected = 0;
        m_sessionId = rows.first().id.toLongLong();
    }
    if (selected < 0)
        m_sessionId = 0;
    else
        m_sessionsView->selectRow(selected);
    m_filling = false;
    m_sessionsView->resizeColumnsToContents();
    m_status = m_project ? (rows.size() == 1 ? tr("1 calibration session")
                                          : tr("%1 calibration sessions").arg(QLocale().toString(rows.size()))) : QString();
    Q_EMIT statusTextChanged(m_status);
}

bool CalibrationPage::selectSession(qint64 sessionId)
{
    for (int r = 0; r < m_sessions->rowCount(); ++r)
        if (m_sessions->row(r).id.toLongLong() == sessionId) {
            m_sessionsView->selectRow(r);
            m_sessionId = sessionId;
            loadSession();
            return true;
        }
    return false;
}

void CalibrationPage::showLoaded()
{
    if (!m_data) {
        m_heading->setText(m_project ? tr("No calibration session yet: New Session… creates one, or Open Package "
                                          "to Score… opens a lead's package.")
                                     : tr("Open a project to run calibration sessions."));
    } else {
        const CalibrationSessionInfo &i = m_data->info;
        QStringList names;
        for (const CalibrationParticipant &p : m_data->participants)
            names << (p.expert ? tr("%1 (expert)").arg(p.name) : p.name);
        const int items = int(m_data->items.size());
        m_heading->setText(tr("%1 — %2, %3 v%4, %5. Lead: %6. %7. Participants: %8.")
                               .arg(i.title, i.date.toString(Qt::ISODate), i.scorecardName)
                               .arg(i.scorecardVersion)
                               .arg(stateText(i.state), i.lead.isEmpty() ? tr("none") : i.lead,
                                    items == 1 ? tr("1 item") : tr("%1 items").arg(items),
                                    names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "))));
    }
    const CalibrationState state = m_data ? m_data->info.state : CalibrationState::Draft;
    m_tabs->setTabVisible(m_tabs->indexOf(m_statusTab), m_data.has_value());
    m_tabs->setTabVisible(m_tabs->indexOf(m_scoringTab), m_data && state == CalibrationState::Scoring);
    m_tabs->setTabVisible(m_tabs->indexOf(m_reviewTab), m_data && answersRevealed(state));
    m_tabs->setTabVisible(m_tabs->indexOf(m_metricsTab), m_metrics.has_value());
    showStatus();
    showScoring();
    showReview();
    showMetrics();
    updateButtons();
}

void CalibrationPage::updateButtons()
{
    const bool has = m_data.has_value();
    const CalibrationState state = has ? m_data->info.state : CalibrationState::Draft;
    m_new->setVisible(m_writable);
    m_openPackage->setVisible(m_writable);
    static const char *const next[] = {QT_TR_NOOP("Start Scoring"), QT_TR_NOOP("Reveal and Review"),
                                       QT_TR_NOOP("Mark Resolved"), QT_TR_NOOP("Close Session")};
    m_advance->setVisible(editable());
    if (editable())
        m_advance->setText(tr(next[int(state)]));
    // A copy opened from a package cannot export a package of its own or take responses.
    const bool copy = isPackageCopy();
    m_exportPackage->setVisible(m_writable && has && state == CalibrationState::Scoring && !copy);
    m_importResponses->setVisible(m_writable && has && state == CalibrationState::Scoring && !copy);
}

void CalibrationPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #D55E00") : QString());
    m_message->setProperty("error", error);
    m_message->setVisible(!text.isEmpty());
}

void CalibrationPage::newSession()
{
    NewCalibrationSessionDialog dialog(m_db, this);
    if (dialog.exec() == QDialog::Accepted)
        sessionCreated(dialog.sessionId());
}

void CalibrationPage::sessionCreated(qint64 sessionId)
{
    m_sessionId = sessionId;
    if (m_undoStack) {
        // The dialog wrote the session in its own transaction; undo removes it, redo puts it back
        // with the same ids.
        const QSqlDatabase db = m_db;
        const qint64 id = m_sessionId;
        auto snapshot = std::make_shared<CalibrationSessionSnapshot>();
        QPointer<CalibrationPage> page(this);
        m_undoStack->push(CalibrationCommand::adopt(
                              tr("New calibration session"), id,
                              [db, snapshot](const QString &reason) {
                                  return CalibrationUndo(db).restoreSession(*snapshot, reason);
                              },
                              [db, id, snapshot](const QString &reason) {
                                  CalibrationError e;
                                  const auto s = CalibrationUndo(db).removeSession(id, reason, &e);
                                  if (s)
                                      *snapshot = *s;
                                  return e;
                              },
                              [page](qint64 session, const CalibrationError &e) {
                                  if (page)
                                      page->afterUndoRedo(session, e);
                              })
                              .release());
    }
    fillSessions();
    loadSession();
    showMessage(tr("Session created in draft."), false);
}

bool CalibrationPage::runEdit(const QString &text, CalibrationCommand::Step forward, CalibrationCommand::Step backward)
{
    if (refuseWhileBusy())
        return false;
    QPointer<CalibrationPage> page(this);
    CalibrationError e;
    auto command = CalibrationCommand::create(text, m_sessionId, std::move(forward), std::move(backward),
                                              [page](qint64 session, const CalibrationError &error) {
                                                  if (page)
                                                      page->afterUndoRedo(session, error);
                                              },
                                              &e);
    if (!command) {
        showMessage(e.message, true);
        return false;
    }
    if (m_undoStack)
        m_undoStack->push(command.release());
    return true;
}

void CalibrationPage::afterUndoRedo(qint64 sessionId, const CalibrationError &error)
{
    if (!m_project)
        return;
    m_sessionId = sessionId;
    fillSessions();
    loadSession();
    startTrends(); // an undone or redone Close changes them
    showMessage(error.isError() ? error.message : QString(), error.isError());
}

bool CalibrationPage::isPackageCopy() const
{
    return m_data && m_data->info.drawJson.contains(QLatin1String("\"package\""));
}

bool CalibrationPage::advance()
{
    if (!editable())
        return false;
    const auto to = CalibrationState(int(m_data->info.state) + 1);
    static const char *const steps[] = {QT_TR_NOOP("Start scoring"), QT_TR_NOOP("Reveal and review"),
                                        QT_TR_NOOP("Mark resolved"), QT_TR_NOOP("Close session")};
    const QSqlDatabase db = m_db;
    const qint64 id = m_sessionId;
    if (!runEdit(
            tr(steps[int(to) - 1]),
            [db, id, to](const QString &reason) { return CalibrationSessions(db).advance(id, to, reason); },
            [db, id, to](const QString &reason) { return CalibrationUndo(db).stepBack(id, to, reason); }))
        return false;
    fillSessions();
    loadSession();
    if (to == CalibrationState::Closed)
        startTrends();
    // "in scoring", "in review", but "resolved", "closed".
    showMessage(to >= CalibrationState::Resolved ? tr("The session is now %1.").arg(stateText(to).toLower())
                                                 : tr("The session is now in %1.").arg(stateText(to).toLower()),
                false);
    return true;
}

// ---------------------------------------------------------------------------------------------
// Blind scoring

QWidget *CalibrationPage::buildScoringTab()
{
    auto *tab = new QWidget(this);
    m_participant = new QComboBox(tab);
    m_participant->setObjectName(QStringLiteral("calibrationParticipant"));
    m_items = new QListWidget(tab);
    m_items->setObjectName(QStringLiteral("calibrationItems"));
    m_transcript = new QTextBrowser(tab);
    m_transcript->setObjectName(QStringLiteral("calibrationTranscript"));
    m_form = new CalibrationScoringForm(tab);
    m_save = new QPushButton(tr("Save Answers"), tab);
    m_save->setObjectName(QStringLiteral("saveCalibrationAnswers"));
    m_submit = new QPushButton(tr("Submit (locks my answers)"), tab);
    m_submit->setObjectName(QStringLiteral("submitCalibrationAnswers"));
    m_exportResponse = new QPushButton(tr("Export Response…"), tab);
    m_exportResponse->setObjectName(QStringLiteral("exportCalibrationResponse"));
    m_scoringNote = new QLabel(tab);
    m_scoringNote->setWordWrap(true);

    auto *pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("I am:"), tab));
    pick->addWidget(m_participant, 1);
    auto *left = new QVBoxLayout;
    left->addLayout(pick);
    left->addWidget(m_items, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_save);
    actions->addWidget(m_submit);
    actions->addWidget(m_exportResponse);
    actions->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_scoringNote);
    right->addWidget(m_transcript, 2);
    right->addWidget(m_form, 3);
    right->addLayout(actions);
    auto *layout = new QHBoxLayout(tab);
    layout->addLayout(left, 1);
    layout->addLayout(right, 3);

    connect(m_participant, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            pickParticipant(m_participant->currentText());
    });
    connect(m_items, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_filling)
            selectItem(row);
    });
    connect(m_save, &QPushButton::clicked, this, &CalibrationPage::saveAnswers);
    connect(m_submit, &QPushButton::clicked, this, &CalibrationPage::submit);
    connect(m_exportResponse, &QPushButton::clicked, this, [this] {
        const QString name = m_participant->currentText();
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Response"), QStringLiteral("%1-%2.qlresp").arg(name).arg(m_sessionId),
            tr("Calibration responses (*.qlresp)"));
        if (!path.isEmpty())
            exportResponse(path);
    });
    return tab;
}

int CalibrationPage::participantIndex(const QString &name) const
{
    if (!m_data)
        return -1;
    for (int p = 0; p < int(m_data->participants.size()); ++p)
        if (m_data->participants.at(p).name == name)
            return p;
    return -1;
}

void CalibrationPage::showScoring()
{
    m_filling = true;
    m_participant->clear();
    m_items->clear();
    m_participantId = 0;
    m_answers.clear();
    m_item = -1;
    if (m_data && m_data->info.state == CalibrationState::Scoring) {
        m_participant->addItem(tr("Pick your name…"));
        for (const CalibrationParticipant &p : m_data->participants)
            m_participant->addItem(p.name);
        for (const CalibrationItem &item : m_data->items)
            m_items->addItem(tr("%1. Ticket %2").arg(item.position + 1).arg(item.ticketId));
        m_form->setScorecard(m_data->card);
    }
    m_filling = false;
    pickParticipant({});
}

bool CalibrationPage::pickParticipant(const QString &name)
{
    const int p = participantIndex(name);
    m_participantId = 0;
    m_answers.clear();
    if (p >= 0 && m_data) {
        CalibrationError e;
        const auto answers = CalibrationScoring(m_db).answersOf(m_sessionId, m_data->participants.at(p).id, &e);
        if (!answers) {
            showMessage(e.message, true);
        } else {
            m_participantId = m_data->participants.at(p).id;
            m_answers = *answers;
        }
    }
    {
        const QSignalBlocker block(m_participant);
        m_participant->setCurrentIndex(p >= 0 ? p + 1 : 0);
    }
    const bool picked = m_participantId != 0;
    const bool submitted = picked && m_data->participants.at(p).submitted();
    m_items->setEnabled(picked);
    m_form->setVisible(picked);
    m_transcript->setVisible(picked);
    m_save->setVisible(picked && !submitted && m_writable);
    m_submit->setVisible(picked && !submitted && m_writable);
    m_exportResponse->setVisible(picked && submitted);
    if (!picked)
        m_scoringNote->setText(tr("Pick your name to score. You see only your own answers; nobody's answers are shown "
                                  "until the lead moves the session to review. On a shared laptop this rests on trust."));
    else if (submitted)
        m_scoringNote->setText(tr("Submitted %1: your answers are locked.").arg(m_data->participants.at(p).submittedAt));
    else
        m_scoringNote->setText(tr("Score each item, Save Answers as you go, then Submit: it locks your answers."));
    m_form->setReadOnly(submitted || !m_writable);
    if (picked && m_items->count() > 0)
        return selectItem(std::max(0, m_item)) && true;
    return picked;
}

bool CalibrationPage::selectItem(int position)
{
    if (!m_data || m_participantId == 0 || position < 0 || position >= int(m_data->items.size()))
        return false;
    m_item = position;
    {
        const QSignalBlocker block(m_items);
        m_items->setCurrentRow(position);
    }
    const CalibrationItem &item = m_data->items.at(position);
    m_transcript->setPlainText(item.transcript.isEmpty()
                                   ? tr("Ticket %1: no conversation is stored for this ticket.").arg(item.ticketId)
                                   : item.transcript);
    m_form->setSheet(position < int(m_answers.size()) ? m_answers.at(position) : CalibrationSheet());
    return true;
}

bool CalibrationPage::saveAnswers()
{
    if (!m_data || m_participantId == 0 || m_item < 0)
        return false;
    const CalibrationSheet sheet = m_form->sheet();
    const CalibrationSheet before = m_item < int(m_answers.size()) ? m_answers.at(m_item) : CalibrationSheet();
    const QSqlDatabase db = m_db;
    const qint64 id = m_sessionId;
    const qint64 participant = m_participantId;
    const qint64 item = m_data->items.at(m_item).id;
    if (!runEdit(
            tr("Save answers to item %1").arg(m_item + 1),
            [=](const QString &reason) { return CalibrationScoring(db).saveAnswers(id, participant, item, sheet, reason); },
            [=](const QString &reason) { return CalibrationScoring(db).saveAnswers(id, participant, item, before, reason); }))
        return false;
    if (m_item < int(m_answers.size()))
        m_answers[m_item] = sheet;
    showMessage(tr("Answers to item %1 saved.").arg(m_item + 1), false);
    // The counts of the Submissions tab, read again after the edit (a few counts).
    m_submissions = CalibrationScoring(m_db).status(m_sessionId);
    showStatus();
    return true;
}

bool CalibrationPage::submit()
{
    if (!m_data || m_participantId == 0)
        return false;
    const QString name = m_participant->currentText();
    const int p = participantIndex(name);
    if (p < 0)
        return false;
    // Saving the open item is an edit of its own: the first undo unlocks, the next one takes back
    // the save.
    if (m_item >= 0 && !saveAnswers())
        return false;
    const CalibrationParticipant before = m_data->participants.at(p);
    const QSqlDatabase db = m_db;
    const qint64 id = m_sessionId;
    const qint64 participant = m_participantId;
    if (!runEdit(
            tr("Submit %1's answers").arg(name),
            [=](const QString &reason) { return CalibrationScoring(db).submit(id, participant, reason); },
            [=](const QString &reason) {
                return CalibrationUndo(db).setSubmission(id, participant, before.submittedAt, before.discardedAt,
                                                         reason);
            }))
        return false;
    fillSessions();
    loadSession();
    showMessage(tr("%1's answers are submitted and locked.").arg(name), false);
    return true;
}

} // namespace ql

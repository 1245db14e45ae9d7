// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationpage.h"

#include "calibration/calibrationexchange.h"
#include "calibration/calibrationreview.h"
#include "calibration/calibrationscoring.h"
#include "calibration/calibrationsessions.h"
#include "calibrationrevealmodel.h"
#include "calibrationscoringform.h"
#include "common/icons.h"
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

    m_statusTab = tableFor(m_statusModel, QStringLiteral("calibrationStatus"), m_tabs);
    m_statusModel->setHeaders({tr("Participant"), tr("Submitted"), tr("Items answered"), tr("Items complete"),
                               tr("Answers")});
    m_scoringTab = buildScoringTab();
    m_reviewTab = buildReviewTab();
    m_metricsTab = buildMetricsTab();
    m_tabs->addTab(m_statusTab, tr("Submissions"));
    m_tabs->addTab(m_scoringTab, tr("Score"));
    m_tabs->addTab(m_reviewTab, tr("Review"));
    m_tabs->addTab(m_metricsTab, tr("Metrics"));

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
    m_project = project;
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
    m_status = m_project ? tr("%n calibration session(s)", nullptr, int(rows.size())) : QString();
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

void CalibrationPage::loadSession()
{
    m_data.reset();
    m_metrics.reset();
    if (m_project && m_sessionId > 0) {
        CalibrationError error;
        m_data = CalibrationSessions(m_db).load(m_sessionId, &error);
        if (!m_data)
            showMessage(error.message, true);
        if (m_data && answersRevealed(m_data->info.state))
            m_metrics = CalibrationReview(m_db).metrics(m_sessionId, &error);
    }
    if (!m_data) {
        m_heading->setText(m_project ? tr("No calibration session yet: New Session… creates one, or Open Package "
                                          "to Score… opens a lead's package.")
                                     : tr("Open a project to run calibration sessions."));
    } else {
        const CalibrationSessionInfo &i = m_data->info;
        QStringList names;
        for (const CalibrationParticipant &p : m_data->participants)
            names << (p.expert ? tr("%1 (expert)").arg(p.name) : p.name);
        m_heading->setText(tr("%1 — %2, %3 v%4, %5. Lead: %6. %n item(s). Participants: %7.", nullptr,
                              int(m_data->items.size()))
                               .arg(i.title, i.date.toString(Qt::ISODate), i.scorecardName)
                               .arg(i.scorecardVersion)
                               .arg(stateText(i.state), i.lead.isEmpty() ? tr("none") : i.lead,
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
    const bool copy = has && m_data->info.drawJson.contains(QLatin1String("\"package\""));
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
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_sessionId = dialog.sessionId();
    fillSessions();
    loadSession();
    showMessage(tr("Session created in draft."), false);
}

bool CalibrationPage::advance()
{
    if (!editable())
        return false;
    const auto to = CalibrationState(int(m_data->info.state) + 1);
    const CalibrationError e = CalibrationSessions(m_db).advance(m_sessionId, to);
    if (e.isError()) {
        showMessage(e.message, true);
        return false;
    }
    fillSessions();
    loadSession();
    showMessage(tr("The session is now in %1.").arg(stateText(to).toLower()), false);
    return true;
}

bool CalibrationPage::exportPackage(const QString &path)
{
    const CalibrationError e = CalibrationExchange(m_db).writePackage(m_sessionId, path);
    showMessage(e.isError() ? e.message
                            : tr("Package written to %1: send it to the participants.").arg(QFileInfo(path).fileName()),
                e.isError());
    return !e.isError();
}

int CalibrationPage::importResponses(const QStringList &paths)
{
    CalibrationExchange exchange(m_db);
    QStringList lines;
    int imported = 0;
    bool failed = false;
    for (const QString &path : paths) {
        CalibrationError e;
        const auto done = exchange.importResponseFile(path, &e, m_sessionId);
        if (done) {
            ++imported;
            lines << tr("%1: %2's answers imported (%3 answers on %4 items).")
                         .arg(QFileInfo(path).fileName(), done->participant)
                         .arg(done->answers)
                         .arg(done->items);
        } else {
            failed = true;
            lines << e.message; // the engine's message names the file
        }
    }
    fillSessions();
    loadSession();
    showMessage(lines.join(QLatin1Char('\n')), failed);
    return imported;
}

bool CalibrationPage::openPackage(const QString &path)
{
    CalibrationError e;
    const auto id = CalibrationExchange(m_db).openPackageFile(path, &e);
    if (!id) {
        showMessage(e.message, true);
        return false;
    }
    m_sessionId = *id;
    fillSessions();
    loadSession();
    showMessage(tr("Package opened: pick your name, score each item, Submit, then Export Response…"), false);
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
    const CalibrationError e =
        CalibrationScoring(m_db).saveAnswers(m_sessionId, m_participantId, m_data->items.at(m_item).id, sheet);
    if (e.isError()) {
        showMessage(e.message, true);
        return false;
    }
    if (m_item < int(m_answers.size()))
        m_answers[m_item] = sheet;
    showMessage(tr("Answers to item %1 saved.").arg(m_item + 1), false);
    showStatus();
    return true;
}

bool CalibrationPage::submit()
{
    if (!m_data || m_participantId == 0)
        return false;
    if (m_item >= 0 && !saveAnswers())
        return false;
    const QString name = m_participant->currentText();
    const CalibrationError e = CalibrationScoring(m_db).submit(m_sessionId, m_participantId);
    if (e.isError()) {
        showMessage(e.message, true);
        return false;
    }
    fillSessions();
    loadSession();
    showMessage(tr("%1's answers are submitted and locked.").arg(name), false);
    return true;
}

bool CalibrationPage::exportResponse(const QString &path)
{
    const CalibrationError e = CalibrationExchange(m_db).writeResponse(m_sessionId, m_participantId, path);
    showMessage(e.isError() ? e.message
                            : tr("Response written to %1: send it to the lead.").arg(QFileInfo(path).fileName()),
                e.isError());
    return !e.isError();
}

void CalibrationPage::showStatus()
{
    QList<Model::Row> rows;
    if (m_data) {
        if (const auto status = CalibrationScoring(m_db).status(m_sessionId)) {
            for (const CalibrationSubmissionStatus &s : *status) {
                Model::Row row;
                row.id = s.participantId;
                QString submitted = s.submittedAt.isEmpty() ? tr("not yet") : tr("✓ %1").arg(s.submittedAt);
                if (!s.discardedAt.isEmpty() && s.submittedAt.isEmpty())
                    submitted = tr("discarded %1").arg(s.discardedAt);
                const int items = int(m_data->items.size());
                row.cells = {Model::text(s.expert ? tr("%1 (expert)").arg(s.name) : s.name), Model::text(submitted),
                             Model::number(tr("%1 of %2").arg(s.itemsAnswered).arg(items), s.itemsAnswered),
                             Model::number(tr("%1 of %2").arg(s.itemsComplete).arg(items), s.itemsComplete),
                             Model::number(tr("%1 of %2").arg(s.answersGiven).arg(s.answersExpected), s.answersGiven)};
                rows << row;
            }
        }
    }
    m_statusModel->setRows(rows);
}

} // namespace ql

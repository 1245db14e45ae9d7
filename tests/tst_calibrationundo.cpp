// SPDX-License-Identifier: GPL-3.0-or-later
// Every calibration edit of the Calibration page is a command on the data undo stack: each is
// done, undone and redone through a real QUndoStack, the tables checked after each step, and the
// change log checked for one row per step with its "Undo: …" / "Redo: …" reason (the log is never
// rewritten). Also Discard Submission (lead only, scoring only) and the refusals that make a
// command obsolete.

#include "calibration/calibrationcommand.h"
#include "calibration/calibrationexchange.h"
#include "calibration/calibrationsupport.h"
#include "calibration/calibrationpage.h"
#include "calibration/calibrationscoringform.h"
#include "calibration/calibrationundo.h"
#include "calibration/newcalibrationsessiondialog.h"
#include "common/jobrunner.h"
#include "scorecards/scorecardtablemodel.h"
#include "tst_calibrationfixture.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QLabel>
#include <QTabWidget>
#include <QTest>
#include <QUndoStack>

using namespace ql;
using namespace ql::test;

namespace {
QString one(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return QStringLiteral("<no row>");
    return q.value(0).isNull() ? QStringLiteral("<null>") : q.value(0).toString();
}

// A participant's answers as "item.criterion=answer", items and criteria by index.
QString answersText(const QSqlDatabase &db, qint64 sessionId, qint64 participantId)
{
    const auto sheets = CalibrationScoring(db).answersOf(sessionId, participantId);
    if (!sheets)
        return QStringLiteral("<refused>");
    QStringList out;
    for (std::size_t i = 0; i < sheets->size(); ++i)
        for (int c = 0; c < sheets->at(i).size(); ++c)
            if (!sheets->at(i).at(c).isMissing())
                out << QStringLiteral("%1.%2=%3").arg(i).arg(c).arg(calibration::answerText(sheets->at(i).at(c)));
    return out.join(QLatin1Char(' '));
}

qint64 logRows(const QSqlDatabase &db, const QString &reasonPrefix)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE reason LIKE ?"));
    q.addBindValue(reasonPrefix + QLatin1Char('%'));
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}
} // namespace

class TestCalibrationUndo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void newSession();
    void lifecycle_data();
    void lifecycle();
    void backToDraftRefusedOnceAnswered();
    void scoringAndSubmit();
    void discardSubmission();
    void discardOnlyForTheLead();
    void importResponses();
    void importCancelled();
    void reviewEdits();
    void obsoleteWhenTheDataMovedOn();
    void applyConsensusToAudit();

private:
    qint64 scoringSession();
    void answerAndSubmit(CalibrationPage &page, const QString &who, const QStringList &item0);

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    qint64 m_card = 0;
    QSqlDatabase m_db;
};

void TestCalibrationUndo::init()
{
    // Jobs open their own connections: a connection used on another thread is a failure here.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("does not belong to the calling thread")));
    m_project = createProject(m_dir.filePath(QStringLiteral("undo-%1.qlproj").arg(QTest::currentTestFunction())));
    QVERIFY(m_project);
    m_db = m_project->database();
    m_card = storeCard(*m_project);
    addAudits(m_db, m_card, 8);
    addInteraction(m_db, QStringLiteral("T001"), QStringLiteral("Customer: my invoice is wrong"));
}

void TestCalibrationUndo::cleanup()
{
    m_db = {};
    m_project.reset();
}

qint64 TestCalibrationUndo::scoringSession()
{
    CalibrationSessions sessions(m_db);
    NewCalibrationSession s;
    s.title = QStringLiteral("March");
    s.date = QDate(2026, 3, 20);
    s.scorecardId = m_card;
    s.lead = QStringLiteral("Lead");
    s.participants = {{QStringLiteral("Cat"), 0, true}, {QStringLiteral("Ann"), 0, false}, {QStringLiteral("Ben"), 0, false}};
    const qint64 id = sessions.create(s).value_or(0);
    sessions.addItem(id, QStringLiteral("T001"));
    sessions.addItem(id, QStringLiteral("T002"));
    const CalibrationError e = sessions.advance(id, CalibrationState::Scoring);
    if (e.isError())
        qWarning("%s", qPrintable(e.message));
    return id;
}

void TestCalibrationUndo::answerAndSubmit(CalibrationPage &page, const QString &who, const QStringList &item0)
{
    QVERIFY(page.pickParticipant(who));
    QVERIFY(page.selectItem(0));
    for (int c = 0; c < 3; ++c)
        QVERIFY2(page.scoringForm()->choose(c, item0.at(c)), qPrintable(item0.at(c)));
    QVERIFY2(page.submit(), qPrintable(page.messageLabel()->text()));
    QVERIFY(settle(page));
}

void TestCalibrationUndo::newSession()
{
    NewCalibrationSessionDialog dialog(m_db);
    dialog.titleEdit()->setText(QStringLiteral("Week 12"));
    dialog.participantsEdit()->setPlainText(QStringLiteral("Ann\nBen"));
    dialog.ticketsEdit()->setPlainText(QStringLiteral("T001\nT003"));
    QString error;
    const qint64 id = dialog.create(&error);
    QVERIFY2(id > 0, qPrintable(error));
    const QString participantIds = one(m_db, QStringLiteral("SELECT group_concat(id) FROM calibration_participants"));
    const QString itemIds = one(m_db, QStringLiteral("SELECT group_concat(id || ticket_id) FROM calibration_items"));

    QUndoStack stack;
    CalibrationPage page;
    page.setDataUndoStack(&stack);
    page.setProject(m_project.get());
    QVERIFY(settle(page));
    page.sessionCreated(id);
    QVERIFY(settle(page));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), QStringLiteral("New calibration session"));
    QCOMPARE(page.sessionId(), id);

    stack.undo();
    QVERIFY(settle(page));
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM calibration_sessions")), 0);
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM calibration_participants")), 0);
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM calibration_items")), 0);
    QCOMPARE(page.sessionsModel()->rowCount(), 0);
    // One log row per removed row: the session, 2 participants and 2 items.
    QCOMPARE(logRows(m_db, QStringLiteral("Undo: New calibration session")), 5);
    QCOMPARE(one(m_db, QStringLiteral("SELECT old_value FROM change_log WHERE entity = 'calibration_session' AND "
                                      "reason LIKE 'Undo:%'")),
             QStringLiteral("Week 12"));

    stack.redo();
    QVERIFY(settle(page));
    // Back with the same ids, so commands above it on the stack still name the right rows.
    QCOMPARE(one(m_db, QStringLiteral("SELECT title FROM calibration_sessions WHERE id = ?"), {id}),
             QStringLiteral("Week 12"));
    QCOMPARE(one(m_db, QStringLiteral("SELECT group_concat(id) FROM calibration_participants")), participantIds);
    QCOMPARE(one(m_db, QStringLiteral("SELECT group_concat(id || ticket_id) FROM calibration_items")), itemIds);
    QCOMPARE(logRows(m_db, QStringLiteral("Redo: New calibration session")), 5);
    QCOMPARE(page.sessionsModel()->rowCount(), 1);
    QCOMPARE(page.sessionId(), id);
}

void TestCalibrationUndo::lifecycle_data()
{
    QTest::addColumn<int>("steps"); // how many times Advance is pressed from draft
    QTest::addColumn<QString>("undoText");
    QTest::newRow("draft → scoring") << 1 << QStringLiteral("Start scoring");
    QTest::newRow("scoring → review") << 2 << QStringLiteral("Reveal and review");
    QTest::newRow("review → resolved") << 3 << QStringLiteral("Mark resolved");
    QTest::newRow("resolved → closed") << 4 << QStringLiteral("Close session");
}

void TestCalibrationUndo::lifecycle()
{
    QFETCH(int, steps);
    QFETCH(QString, undoText);
    CalibrationSessions sessions(m_db);
    NewCalibrationSession s{QStringLiteral("Steps"), QDate(2026, 3, 1), m_card, {}, {{QStringLiteral("Ann"), 0, false}}};
    const qint64 id = sessions.create(s).value_or(0);
    QVERIFY(sessions.addItem(id, QStringLiteral("T001")));
    QUndoStack stack;
    CalibrationPage page;
    page.setDataUndoStack(&stack);
    page.setProject(m_project.get());
    QVERIFY(settle(page));
    QVERIFY(page.selectSession(id));
    QVERIFY(settle(page));
    for (int i = 0; i < steps; ++i) {
        QVERIFY2(page.advance(), qPrintable(page.messageLabel()->text()));
        QVERIFY(settle(page));
    }
    QCOMPARE(stack.count(), steps);
    QCOMPARE(stack.undoText(), undoText);
    const QString after = calibrationStateName(CalibrationState(steps));
    const QString before = calibrationStateName(CalibrationState(steps - 1));
    QCOMPARE(one(m_db, QStringLiteral("SELECT state FROM calibration_sessions WHERE id = ?"), {id}), after);
    if (steps == 4)
        QVERIFY(one(m_db, QStringLiteral("SELECT closed_at FROM calibration_sessions WHERE id = ?"), {id}) !=
                QStringLiteral("<null>"));

    stack.undo();
    QVERIFY(settle(page));
    QCOMPARE(one(m_db, QStringLiteral("SELECT state FROM calibration_sessions WHERE id = ?"), {id}), before);
    QCOMPARE(one(m_db, QStringLiteral("SELECT closed_at FROM calibration_sessions WHERE id = ?"), {id}),
             QStringLiteral("<null>"));
    QCOMPARE(one(m_db, QStringLiteral("SELECT old_value || '>' || new_value FROM change_log WHERE field = 'state' "
                                      "AND reason = ?"),
                 {QStringLiteral("Undo: ") + undoText}),
             after + QLatin1Char('>') + before);
    QCOMPARE(page.advanceButton()->isHidden(), false); // the page shows the state it went back to

    stack.redo();
    QVERIFY(settle(page));
    QCOMPARE(one(m_db, QStringLiteral("SELECT state FROM calibration_sessions WHERE id = ?"), {id}), after);
    QCOMPARE(one(m_db, QStringLiteral("SELECT old_value || '>' || new_value FROM change_log WHERE field = 'state' "
                                      "AND reason = ?"),
                 {QStringLiteral("Redo: ") + undoText}),
             before + QLatin1Char('>') + after);
    // Every step of the way is in the log: the original steps, one undo, one redo.
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM change_log WHERE field = 'state'")), steps + 2);
}

void TestCalibrationUndo::backToDraftRefusedOnceAnswered()
{
    const qint64 id = scoringSession();
    QVERIFY(!CalibrationScoring(m_db)
                 .saveAnswers(id, CalibrationSessions(m_db).load(id)->participants.at(1).id,
                              CalibrationSessions(m_db).load(id)->items.at(0).id, sheet({r(1), missing(), missing()}))
                 .isError());
    const QByteArray before = snapshot(m_db);
    const CalibrationError e = CalibrationUndo(m_db).stepBack(id, CalibrationState::Scoring, QStringLiteral("Undo: x"));
    QCOMPARE(e.kind, CalibrationError::Refused);
    QVERIFY2(e.message.contains(QLatin1String("answers already")), qPrintable(e.message));
    QCOMPARE(snapshot(m_db), before);
    // Only from the state it names.
    QCOMPARE(CalibrationUndo(m_db).stepBack(id, CalibrationState::Review, QStringLiteral("Undo: x")).kind,
             CalibrationError::WrongState);
    QCOMPARE(snapshot(m_db), before);
}

void TestCalibrationUndo::scoringAndSubmit()
{
    const qint64 id = scoringSession();
    QUndoStack stack;
    CalibrationPage page;
    page.setDataUndoStack(&stack);
    page.setProject(m_project.get());
    QVERIFY(settle(page));
    QVERIFY(page.selectSession(id));
    QVERIFY(settle(page));
    answerAndSubmit(page, QStringLiteral("Ann"), {QStringLiteral("1 (met)"), QStringLiteral("4"), QStringLiteral("0 (not met)")});
    // Saving the open item and submitting are two commands.
    QCOMPARE(stack.count(), 2);
    QCOMPARE(stack.undoText(), QStringLiteral("Submit Ann's answers"));
    const QString annId = one(m_db, QStringLiteral("SELECT id FROM calibration_participants WHERE name = 'Ann'"));
    const QString answers = QStringLiteral("SELECT COUNT(*) FROM calibration_answers WHERE participant_id = ") + annId;
    QCOMPARE(count(m_db, answers), 3);
    QVERIFY(one(m_db, QStringLiteral("SELECT submitted_at FROM calibration_participants WHERE name = 'Ann'")) !=
            QStringLiteral("<null>"));

    stack.undo(); // unlocks
    QVERIFY(settle(page));
    QCOMPARE(one(m_db, QStringLiteral("SELECT submitted_at FROM calibration_participants WHERE name = 'Ann'")),
             QStringLiteral("<null>"));
    QCOMPARE(one(m_db, QStringLiteral("SELECT discarded_at FROM calibration_participants WHERE name = 'Ann'")),
             QStringLiteral("<null>")); // an undo is not a discard
    QCOMPARE(count(m_db, answers), 3);
    QVERIFY(page.pickParticipant(QStringLiteral("Ann")));
    QVERIFY(!page.submitButton()->isHidden()); // editable again
    stack.undo(); // takes back the save
    QVERIFY(settle(page));
    QCOMPARE(count(m_db, answers), 0);
    QCOMPARE(logRows(m_db, QStringLiteral("Undo: Submit Ann")), 1);
    QCOMPARE(logRows(m_db, QStringLiteral("Undo: Save answers to item 1")), 1);
    // The log says answers were saved, never what they are (scoring is blind).
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM change_log WHERE new_value LIKE '%met%'")), 0);

    stack.redo();
    QVERIFY(settle(page));
    stack.redo();
    QVERIFY(settle(page));
    QCOMPARE(count(m_db, answers), 3);
    QVERIFY(one(m_db, QStringLiteral("SELECT submitted_at FROM calibration_participants WHERE name = 'Ann'")) !=
            QStringLiteral("<null>"));
    QCOMPARE(logRows(m_db, QStringLiteral("Redo: ")), 2);
    QCOMPARE(page.sessionsModel()->data(page.sessionsModel()->index(0, 4)).toString(), QStringLiteral("1 of 3"));
}

void TestCalibrationUndo::discardSubmission()
{
    const qint64 id = scoringSession();
    QUndoStack stack;
    CalibrationPage page;
    page.setDataUndoStack(&stack);
    page.setProject(m_project.get());
    QVERIFY(settle(page));
    QVERIFY(page.selectSession(id));
    QVERIFY(settle(page));
    answerAndSubmit(page, QStringLiteral("Ben"), {QStringLiteral("0 (not met)"), QStringLiteral("2"), QStringLiteral("1 (met)")});
    const QString submittedAt =
        one(m_db, QStringLiteral("SELECT submitted_at FROM calibration_participants WHERE name = 'Ben'"));
    stack.clear();

    // The button is the lead's, in scoring; it is enabled on a submitted participant's row only.
    QVERIFY(!page.discardButton()->isHidden());
    QVERIFY(!page.discardButton()->isEnabled());
    page.statusView()->selectRow(2); // Ben
    QVERIFY(page.discardButton()->isEnabled());
    page.statusView()->selectRow(1); // Ann has not submitted
    QVERIFY(!page.discardButton()->isEnabled());

    const qint64 benId = one(m_db, QStringLiteral("SELECT id FROM calibration_participants WHERE name = 'Ben'")).toLongLong();
    QVERIFY2(page.discardSubmission(benId, QStringLiteral("wrong ticket scored")), qPrintable(page.messageLabel()->text()));
    QVERIFY(settle(page));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(one(m_db, QStringLiteral("SELECT submitted_at FROM calibration_participants WHERE id = ?"), {benId}),
             QStringLiteral("<null>"));
    const QString discardedAt = one(m_db, QStringLiteral("SELECT discarded_at FROM calibration_participants WHERE id = ?"), {benId});
    QVERIFY(discardedAt != QStringLiteral("<null>"));
    QCOMPARE(one(m_db, QStringLiteral("SELECT reason FROM change_log WHERE field = 'submitted_at' ORDER BY id DESC")),
             QStringLiteral("wrong ticket scored"));
    // Ben's answers stay.
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM calibration_answers WHERE participant_id = %1").arg(benId)), 3);

    stack.undo();
    QVERIFY(settle(page));
    // Exactly as before the discard: the same submission time, no discard time.
    QCOMPARE(one(m_db, QStringLiteral("SELECT submitted_at FROM calibration_participants WHERE id = ?"), {benId}),
             submittedAt);
    QCOMPARE(one(m_db, QStringLiteral("SELECT discarded_at FROM calibration_participants WHERE id = ?"), {benId}),
             QStringLiteral("<null>"));
    QCOMPARE(logRows(m_db, QStringLiteral("Undo: Discard Ben's submission")), 2); // submitted_at, discarded_at

    stack.redo();
    QVERIFY(settle(page));
    QCOMPARE(one(m_db, QStringLiteral("SELECT submitted_at FROM calibration_participants WHERE id = ?"), {benId}),
             QStringLiteral("<null>"));
    QCOMPARE(one(m_db, QStringLiteral("SELECT reason FROM change_log WHERE field = 'submitted_at' ORDER BY id DESC")),
             QStringLiteral("Redo: Discard Ben's submission (wrong ticket scored)"));
}

void TestCalibrationUndo::discardOnlyForTheLead()
{
    // A participant's copy opened from a package has no Discard button, and the call is refused.
    const qint64 id = scoringSession();
    QTemporaryDir dir;
    const QString package = dir.filePath(QStringLiteral("s.qlcal"));
    QVERIFY(!CalibrationExchange(m_db).writePackage(id, package).isError());
    auto other = createProject(dir.filePath(QStringLiteral("participant.qlproj")));
    CalibrationPage page;
    QUndoStack stack;
    page.setDataUndoStack(&stack);
    page.setProject(other.get());
    QVERIFY(settle(page));
    QVERIFY2(page.openPackage(package), qPrintable(page.messageLabel()->text()));
    QVERIFY(settle(page));
    QVERIFY(page.discardButton()->isHidden());
    QVERIFY(page.pickParticipant(QStringLiteral("Ann")));
    QVERIFY(page.submit());
    QVERIFY(settle(page));
    const qint64 ann = one(other->database(), QStringLiteral("SELECT id FROM calibration_participants WHERE name = 'Ann'"))
                           .toLongLong();
    QVERIFY(!page.discardSubmission(ann, QStringLiteral("x")));
    QVERIFY(settle(page));
    QVERIFY(one(other->database(), QStringLiteral("SELECT submitted_at FROM calibration_participants WHERE id = ?"), {ann}) !=
            QStringLiteral("<null>"));
}

// Import Responses is one undoable step: undo takes out exactly what the import wrote (the answers,
// the submissions) and puts back what it replaced; redo imports the same files again. The change
// log only grows.
void TestCalibrationUndo::importResponses()
{
    const qint64 id = scoringSession();
    const auto lead = CalibrationSessions(m_db).load(id);
    const qint64 annId = lead->participants.at(1).id;
    const qint64 benId = lead->participants.at(2).id;
    // Ann had started on the lead's laptop (item 2: a 0, b 2, c N/A), unsubmitted.
    QVERIFY(!CalibrationScoring(m_db).saveAnswers(id, annId, lead->items.at(1).id, sheet({r(0), r(2), na()})).isError());
    const QString annBefore = QStringLiteral("1.0=0 1.1=2 1.2=N/A");
    QCOMPARE(answersText(m_db, id, annId), annBefore);

    // Ann and Ben score the package on a laptop of their own: item 1 only.
    const auto package = CalibrationExchange(m_db).exportPackage(id);
    QVERIFY(package);
    QTemporaryDir dir;
    auto laptop = createProject(dir.filePath(QStringLiteral("laptop.qlproj")));
    const QSqlDatabase away = laptop->database();
    const auto copyId = CalibrationExchange(away).openPackage(*package);
    QVERIFY(copyId);
    const auto copy = CalibrationSessions(away).load(*copyId);
    QStringList files;
    const QList<std::pair<int, CalibrationSheet>> answers{{1, sheet({r(1), r(3), r(1)})}, {2, sheet({r(1), r(5), na()})}};
    for (const auto &[p, given] : answers) {
        const qint64 who = copy->participants.at(p).id;
        QVERIFY(!CalibrationScoring(away).saveAnswers(*copyId, who, copy->items.at(0).id, given).isError());
        QVERIFY(!CalibrationScoring(away).submit(*copyId, who).isError());
        files << dir.filePath(copy->participants.at(p).name + QStringLiteral(".qlresp"));
        QVERIFY(!CalibrationExchange(away).writeResponse(*copyId, who, files.last()).isError());
    }
    const QString annAfter = QStringLiteral("0.0=1 0.1=3 0.2=1");
    const QString benAfter = QStringLiteral("0.0=1 0.1=5 0.2=N/A");
    const QString submitted = QStringLiteral("SELECT COUNT(*) FROM calibration_participants WHERE submitted_at IS NOT NULL");
    const qint64 logBefore = count(m_db, QStringLiteral("SELECT COUNT(*) FROM change_log"));

    QUndoStack stack;
    CalibrationPage page;
    page.setDataUndoStack(&stack);
    page.setProject(m_project.get());
    QVERIFY(settle(page));
    QVERIFY(page.selectSession(id));
    QVERIFY(settle(page));
    QVERIFY(page.importResponses(files));
    QVERIFY(page.isBusy()); // off the UI thread: the page takes no edit meanwhile
    QVERIFY(!page.advance());
    QVERIFY(page.messageLabel()->text().startsWith(QLatin1String("Wait until")));
    QVERIFY(settle(page));
    QVERIFY2(!page.messageLabel()->property("error").toBool(), qPrintable(page.messageLabel()->text()));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), QStringLiteral("Import 2 responses"));
    QCOMPARE(answersText(m_db, id, annId), annAfter); // the response replaced her unsubmitted start
    QCOMPARE(answersText(m_db, id, benId), benAfter);
    QCOMPARE(count(m_db, submitted), 2);
    // One row per response (its submitted_at, with the response's hash and answer count).
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM change_log")), logBefore + 2);
    QCOMPARE(page.statusModel()->data(page.statusModel()->index(1, 1)).toString().left(1), QStringLiteral("✓"));

    stack.undo();
    QVERIFY(settle(page));
    QCOMPARE(answersText(m_db, id, annId), annBefore); // exactly what she had
    QCOMPARE(answersText(m_db, id, benId), QString());
    QCOMPARE(count(m_db, submitted), 0);
    // Two rows per response: the answers put back, submitted_at cleared.
    QCOMPARE(logRows(m_db, QStringLiteral("Undo: Import 2 responses")), 4);
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM change_log")), logBefore + 6);
    QCOMPARE(page.sessionsModel()->data(page.sessionsModel()->index(0, 4)).toString(), QStringLiteral("0 of 3"));

    stack.redo();
    QVERIFY(settle(page));
    QCOMPARE(answersText(m_db, id, annId), annAfter);
    QCOMPARE(answersText(m_db, id, benId), benAfter);
    QCOMPARE(count(m_db, submitted), 2);
    QCOMPARE(logRows(m_db, QStringLiteral("Redo: Import 2 responses: response ")), 2);
    QCOMPARE(page.sessionsModel()->data(page.sessionsModel()->index(0, 4)).toString(), QStringLiteral("2 of 3"));

    // Once the lead has discarded Ben's submission, the import can no longer be undone: refused as
    // a whole (Ann's part too), the step is dropped, nothing changes.
    QVERIFY(page.discardSubmission(benId, QStringLiteral("wrong ticket")));
    QVERIFY(settle(page));
    stack.undo(); // the discard
    QVERIFY(settle(page));
    QVERIFY(!CalibrationScoring(m_db).discard(id, benId, QStringLiteral("again")).isError());
    const QByteArray before = snapshot(m_db);
    stack.undo(); // the import: Ben's submission is no longer the imported one
    QVERIFY(settle(page));
    QVERIFY(page.messageLabel()->property("error").toBool());
    QVERIFY2(page.messageLabel()->text().contains(QLatin1String("no longer")), qPrintable(page.messageLabel()->text()));
    QCOMPARE(snapshot(m_db), before);
    QCOMPARE(answersText(m_db, id, annId), annAfter);
    QCOMPARE(answersText(m_db, id, benId), benAfter);
    QCOMPARE(stack.count(), 1); // the refused step is gone; the discard's redo stays
    QCOMPARE(stack.index(), 0);
}

// Cancel (the status bar's button) while responses are imported: either the cancel came first and
// nothing was written, or the import had committed and it is there with its undo step. Never half.
void TestCalibrationUndo::importCancelled()
{
    const qint64 id = scoringSession();
    const auto package = CalibrationExchange(m_db).exportPackage(id);
    QVERIFY(package);
    QTemporaryDir dir;
    auto laptop = createProject(dir.filePath(QStringLiteral("laptop.qlproj")));
    const QSqlDatabase away = laptop->database();
    const auto copyId = CalibrationExchange(away).openPackage(*package);
    QVERIFY(copyId);
    const auto copy = CalibrationSessions(away).load(*copyId);
    const qint64 ann = copy->participants.at(1).id;
    QVERIFY(!CalibrationScoring(away).saveAnswers(*copyId, ann, copy->items.at(0).id, sheet({r(1), r(3), r(1)})).isError());
    QVERIFY(!CalibrationScoring(away).submit(*copyId, ann).isError());
    const QString file = dir.filePath(QStringLiteral("Ann.qlresp"));
    QVERIFY(!CalibrationExchange(away).writeResponse(*copyId, ann, file).isError());

    QUndoStack stack;
    CalibrationPage page;
    page.setDataUndoStack(&stack);
    page.setProject(m_project.get());
    QVERIFY(settle(page));
    QVERIFY(page.selectSession(id));
    QVERIFY(settle(page));
    const QByteArray before = snapshot(m_db);
    QSignalSpy finished(&page, &CalibrationPage::exchangeFinished);
    QVERIFY(page.importResponses({file}));
    page.jobRunners().first()->cancel(QStringLiteral("exchange"));
    QVERIFY(settle(page));
    QCOMPARE(finished.size(), 1);
    const qint64 submitted =
        count(m_db, QStringLiteral("SELECT COUNT(*) FROM calibration_participants WHERE submitted_at IS NOT NULL"));
    if (stack.count() == 0) {
        QCOMPARE(snapshot(m_db), before);
        QCOMPARE(submitted, 0);
        QVERIFY2(page.messageLabel()->text().contains(QLatin1String("cancelled: nothing was changed")),
                 qPrintable(page.messageLabel()->text()));
    } else {
        QCOMPARE(stack.count(), 1);
        QCOMPARE(submitted, 1);
        stack.undo();
        QVERIFY(settle(page));
        QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM calibration_answers")), 0);
    }
}

void TestCalibrationUndo::reviewEdits()
{
    const qint64 id = scoringSession();
    QUndoStack stack;
    CalibrationPage page;
    page.setDataUndoStack(&stack);
    page.setProject(m_project.get());
    QVERIFY(settle(page));
    QVERIFY(page.selectSession(id));
    QVERIFY(settle(page));
    answerAndSubmit(page, QStringLiteral("Cat"), {QStringLiteral("1 (met)"), QStringLiteral("4"), QStringLiteral("0 (not met)")});
    answerAndSubmit(page, QStringLiteral("Ann"), {QStringLiteral("1 (met)"), QStringLiteral("3"), QStringLiteral("0 (not met)")});
    QVERIFY(page.advance());
    QVERIFY(settle(page));
    stack.clear();
    const QString item1 = one(m_db, QStringLiteral("SELECT id FROM calibration_items WHERE ticket_id = 'T001'"));

    // Notes.
    QVERIFY(page.selectReviewItem(0));
    page.notesEdit()->setPlainText(QStringLiteral("tone is 4: the agent apologised"));
    QVERIFY(page.saveNotes());
    QCOMPARE(stack.undoText(), QStringLiteral("Notes on item 1"));
    stack.undo();
    QVERIFY(settle(page));
    QCOMPARE(one(m_db, QStringLiteral("SELECT notes FROM calibration_items WHERE id = ") + item1), QStringLiteral("<null>"));
    QCOMPARE(page.notesEdit()->toPlainText(), QString());
    stack.redo();
    QVERIFY(settle(page));
    QCOMPARE(one(m_db, QStringLiteral("SELECT notes FROM calibration_items WHERE id = ") + item1),
             QStringLiteral("tone is 4: the agent apologised"));
    QCOMPARE(logRows(m_db, QStringLiteral("Undo: Notes on item 1")), 1);
    QCOMPARE(logRows(m_db, QStringLiteral("Redo: Notes on item 1")), 1);

    // Consensus: prefilled from the expert (Cat: Yes, 4, No) — saved, undone, redone.
    const QString consensus = QStringLiteral("SELECT COUNT(*) FROM calibration_consensus WHERE item_id = ") + item1;
    QVERIFY(page.selectReviewItem(0));
    QCOMPARE(page.consensusForm()->answerBox(1)->currentText(), QStringLiteral("4"));
    QVERIFY(page.saveConsensus());
    QVERIFY(settle(page));
    QCOMPARE(count(m_db, consensus), 3);
    stack.undo();
    QVERIFY(settle(page));
    QCOMPARE(count(m_db, consensus), 0);
    QCOMPARE(logRows(m_db, QStringLiteral("Undo: Consensus on item 1")), 3);
    stack.redo();
    QVERIFY(settle(page));
    QCOMPARE(count(m_db, consensus), 3);

    // Anchor on the second criterion.
    QVERIFY(page.saveAnchor(1));
    QVERIFY(settle(page));
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM anchor_examples")), 1);
    stack.undo();
    QVERIFY(settle(page));
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM anchor_examples")), 0);
    stack.redo();
    QVERIFY(settle(page));
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM anchor_examples")), 1);
    QCOMPARE(logRows(m_db, QStringLiteral("Undo: Anchor on")), 1);
    QCOMPARE(stack.count(), 3);
}

void TestCalibrationUndo::obsoleteWhenTheDataMovedOn()
{
    // Undo of Start Scoring after someone answered is refused by the engine: the command turns
    // obsolete, the stack drops it, the database is as it was and the page shows why.
    CalibrationSessions sessions(m_db);
    NewCalibrationSession s{QStringLiteral("Moved"), QDate(2026, 3, 1), m_card, {}, {{QStringLiteral("Ann"), 0, false}}};
    const qint64 id = sessions.create(s).value_or(0);
    QVERIFY(sessions.addItem(id, QStringLiteral("T001")));
    QUndoStack stack;
    CalibrationPage page;
    page.setDataUndoStack(&stack);
    page.setProject(m_project.get());
    QVERIFY(settle(page));
    QVERIFY(page.selectSession(id));
    QVERIFY(settle(page));
    QVERIFY(page.advance());
    QVERIFY(settle(page));
    const auto data = sessions.load(id);
    QVERIFY(!CalibrationScoring(m_db)
                 .saveAnswers(id, data->participants.at(0).id, data->items.at(0).id, sheet({r(1), missing(), missing()}))
                 .isError());
    const QByteArray before = snapshot(m_db);
    stack.undo();
    QVERIFY(settle(page));
    QCOMPARE(snapshot(m_db), before);
    QCOMPARE(stack.count(), 0);
    QVERIFY(page.messageLabel()->property("error").toBool());
    QVERIFY2(page.messageLabel()->text().contains(QLatin1String("answers already")), qPrintable(page.messageLabel()->text()));
}

// calibration.md "resolved": the consensus goes into the item's audit only when the lead applies
// it, as ordinary corrections with reason "calibration <id>", one undo step.
void TestCalibrationUndo::applyConsensusToAudit()
{
    CalibrationSessions sessions(m_db);
    NewCalibrationSession s{QStringLiteral("Apply"), QDate(2026, 3, 1), m_card, {}, {{QStringLiteral("Ann"), 0, false}}};
    const qint64 id = sessions.create(s).value_or(0);
    const qint64 audit = one(m_db, QStringLiteral("SELECT id FROM audits WHERE audit_key = 'A001'")).toLongLong();
    QVERIFY(sessions.addItem(id, {}, audit));
    QVERIFY(!sessions.advance(id, CalibrationState::Scoring).isError());
    const auto data = sessions.load(id);
    QVERIFY(!CalibrationScoring(m_db)
                 .saveAnswers(id, data->participants.at(0).id, data->items.at(0).id, sheet({r(0), r(4), na()}))
                 .isError());
    QVERIFY(!sessions.advance(id, CalibrationState::Review).isError());
    CalibrationReview review(m_db);
    QVERIFY(!review.setConsensusSheet(id, data->items.at(0).id, sheet({r(1), r(4), na()})).isError());
    QVERIFY(!sessions.advance(id, CalibrationState::Resolved).isError());

    QUndoStack stack;
    CalibrationPage page;
    page.setDataUndoStack(&stack);
    page.setProject(m_project.get());
    QVERIFY(settle(page));
    QVERIFY(page.selectSession(id));
    QVERIFY(settle(page));
    QVERIFY(page.selectReviewItem(0));
    QVERIFY(!page.applyConsensusButton()->isHidden());
    const QString answers = QStringLiteral("SELECT COUNT(*) FROM answers WHERE audit_id = %1").arg(audit);
    const qint64 before = count(m_db, answers);
    QVERIFY2(page.applyConsensusToAudit(), qPrintable(page.messageLabel()->text()));
    QVERIFY(settle(page));
    QCOMPARE(stack.count(), 1); // one step for the three answers
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'audit' AND field LIKE "
                                        "'answer:%' AND reason = 'calibration %1'")
                             .arg(id)),
             3);
    stack.undo();
    QVERIFY(settle(page));
    QCOMPARE(count(m_db, answers), before);
    stack.redo();
    QVERIFY(settle(page));
    // Applied, undone ("Undo: calibration N") and redone ("Redo: calibration N"): three answers each.
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'audit' AND field LIKE "
                                        "'answer:%' AND reason LIKE '%calibration %1'")
                             .arg(id)),
             9);
    // Applying again changes nothing.
    QVERIFY(!page.applyConsensusToAudit());
    QVERIFY(settle(page));
    QCOMPARE(stack.count(), 1);
}

QTEST_MAIN(TestCalibrationUndo)
#include "tst_calibrationundo.moc"

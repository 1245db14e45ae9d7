// SPDX-License-Identifier: GPL-3.0-or-later
// Disputes through the undo stack (ui/scorecards/disputecommands.h) on the mini project: opening
// and withdrawing; accepting with new values (answer corrections, the re-scored audit and the
// change log in one transaction), undo restoring every answer, the score and the open state
// exactly with mirror rows in the log, redo deciding again; and the outcomes and time to resolve
// per auditor and per criterion (core/store/disputestore.h).
#include "miniproject.h"
#include "scorecards/disputecommands.h"
#include "store/auditstore.h"
#include "store/changelog.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ql;

namespace {

qint64 count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    q.exec(sql);
    return q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestDisputeCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void openUndoRedo();
    void acceptUndoRedo_data();
    void acceptUndoRedo();
    void refusedDecisionPushesNothing();
    void outcomesPerAuditorAndCriterion();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::MiniProject> m_mini;
    qint64 m_weak = 0;
    qint64 m_good = 0;
};

// Weak (QA1): verify 1, disclosure N/A, tone 3, resolution No → raw 40 + 60·(2·0.5 + 0)/3 = 60, failed.
// Good (QA2): verify 1, disclosure 1, tone 4, resolution Partial → 80, passed.
void TestDisputeCommands::init()
{
    m_mini = std::make_unique<test::MiniProject>(m_dir.filePath(QStringLiteral("mini.qlens")));
    QVERIFY2(m_mini->error().isEmpty(), qPrintable(m_mini->error()));
    m_weak = m_mini->addAudit(QStringLiteral("W1"), test::MiniProject::Weak, QStringLiteral("AG1"), QDate(2026, 3, 3));
    m_good = m_mini->addAudit(QStringLiteral("G1"), test::MiniProject::Good, QStringLiteral("AG2"), QDate(2026, 3, 4),
                              QStringLiteral("QA2"));
    QVERIFY(m_weak > 0 && m_good > 0);
}

void TestDisputeCommands::cleanup()
{
    m_mini.reset();
}

void TestDisputeCommands::openUndoRedo()
{
    QUndoStack stack;
    QString error;
    QList<qint64> notified;
    auto open = OpenDisputeCommand::create(m_mini->db(), m_weak, QStringLiteral("Ann"), QStringLiteral("agent"),
                                           QStringLiteral("I solved it"), {QStringLiteral("resolution")}, &error,
                                           [&](qint64 id) { notified << id; });
    QVERIFY2(open, qPrintable(error));
    const qint64 first = open->disputeId();
    stack.push(open.release());
    QCOMPARE(count(m_mini->db(), QStringLiteral("SELECT count(*) FROM disputes")), 1);
    QCOMPARE(notified, QList<qint64>{m_weak});

    stack.undo();
    QCOMPARE(count(m_mini->db(), QStringLiteral("SELECT count(*) FROM disputes")), 0);
    QCOMPARE(count(m_mini->db(), QStringLiteral("SELECT count(*) FROM dispute_criteria")), 0);
    const auto log = ChangeLog::forEntity(m_mini->db(), QStringLiteral("dispute"), QString::number(first));
    QCOMPARE(log.size(), 2); // opened, then withdrawn: the log keeps both
    QCOMPARE(log.at(1).newValue.toString(), QStringLiteral("withdrawn"));
    QCOMPARE(log.at(1).reason, QStringLiteral("Undo: I solved it"));

    stack.redo();
    QCOMPARE(count(m_mini->db(), QStringLiteral("SELECT count(*) FROM disputes WHERE state = 'open'")), 1);
    QCOMPARE(notified.size(), 3);
}

// Accepted: tone 3 → 5 and resolution No → Yes: 40 + 60·(2·1 + 1)/3 = 100. Partially accepted:
// resolution only: 40 + 60·(2·0.5 + 1)/3 = 80 (the tone upheld). Rejected: no change, 60.
void TestDisputeCommands::acceptUndoRedo_data()
{
    QTest::addColumn<int>("decision");
    QTest::addColumn<bool>("withTone");
    QTest::addColumn<bool>("withResolution");
    QTest::addColumn<double>("score");
    QTest::addColumn<int>("answerRows"); // change_log rows for the audit per decision
    QTest::newRow("accept both") << int(Dispute::State::Accepted) << true << true << 100.0 << 4;
    QTest::newRow("partially: resolution") << int(Dispute::State::PartiallyAccepted) << false << true << 80.0 << 2;
    QTest::newRow("reject") << int(Dispute::State::Rejected) << false << false << 60.0 << 0;
}

void TestDisputeCommands::acceptUndoRedo()
{
    QFETCH(int, decision);
    QFETCH(bool, withTone);
    QFETCH(bool, withResolution);
    QFETCH(double, score);
    QFETCH(int, answerRows);
    QSqlDatabase db = m_mini->db();
    QString error;
    DisputeStore store(db);
    const auto id = store.open(m_weak, QStringLiteral("Lee"), QStringLiteral("lead"), QStringLiteral("Check it"),
                               {QStringLiteral("tone"), QStringLiteral("resolution")}, &error);
    QVERIFY2(id, qPrintable(error));
    const StoredAudit before = *AuditStore(db).load(m_weak);
    QCOMPARE(before.score, 60.0);
    const qint64 logBefore = count(db, QStringLiteral("SELECT count(*) FROM change_log"));

    QList<DisputeCorrection> corrections;
    if (withTone)
        corrections << DisputeCorrection{QStringLiteral("tone"), AnswerState::rated(5)};
    if (withResolution)
        corrections << DisputeCorrection{QStringLiteral("resolution"), AnswerState::rated(10)};
    QUndoStack stack;
    auto decide = DecideDisputeCommand::create(db, *id, Dispute::State(decision), QStringLiteral("Quinn"),
                                               QStringLiteral("Heard the call"), corrections, &error);
    QVERIFY2(decide, qPrintable(error));
    stack.push(decide.release());
    StoredAudit after = *AuditStore(db).load(m_weak);
    QCOMPARE(after.score, score);
    QCOMPARE(store.load(*id)->state, Dispute::State(decision));
    QCOMPARE(after.localChanges, answerRows > 0);
    // Per corrected answer an `answer:KEY` row and a `score` row; one row for the dispute's state.
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM change_log")), logBefore + answerRows + 1);

    stack.undo();
    const StoredAudit undone = *AuditStore(db).load(m_weak);
    QCOMPARE(undone.score, before.score);
    QCOMPARE(undone.rawScore, before.rawScore);
    QCOMPARE(undone.passed, before.passed);
    QCOMPARE(undone.localChanges, before.localChanges);
    for (int i = 0; i < 4; ++i) {
        const StoredAnswer *now = undone.answerAt(i);
        const StoredAnswer *was = before.answerAt(i);
        QCOMPARE(now != nullptr, was != nullptr);
        if (now)
            QVERIFY2(*now == *was, qPrintable(QStringLiteral("answer %1 differs after undo").arg(i)));
    }
    const Dispute reopened = *store.load(*id);
    QCOMPARE(reopened.state, Dispute::State::Open);
    QVERIFY(reopened.decidedBy.isEmpty());
    QVERIFY(reopened.decisionComment.isEmpty());
    // Mirror rows, nothing deleted.
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM change_log")), logBefore + 2 * (answerRows + 1));
    const auto disputeLog = ChangeLog::forEntity(db, QStringLiteral("dispute"), QString::number(*id));
    QCOMPARE(disputeLog.last().newValue.toString(), QStringLiteral("open"));
    QCOMPARE(disputeLog.last().reason, QStringLiteral("Undo: Heard the call"));

    stack.redo();
    after = *AuditStore(db).load(m_weak);
    QCOMPARE(after.score, score);
    const Dispute redone = *store.load(*id);
    QCOMPARE(redone.state, Dispute::State(decision));
    QCOMPARE(redone.decisionComment, QStringLiteral("Heard the call"));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM change_log")), logBefore + 3 * (answerRows + 1));
}

// A correction of a criterion the dispute does not name is refused: no command, nothing written.
void TestDisputeCommands::refusedDecisionPushesNothing()
{
    QSqlDatabase db = m_mini->db();
    QString error;
    const auto id = DisputeStore(db).open(m_weak, QStringLiteral("Ann"), QStringLiteral("agent"), QString(),
                                          {QStringLiteral("tone")}, &error);
    QVERIFY(id);
    const qint64 logBefore = count(db, QStringLiteral("SELECT count(*) FROM change_log"));
    auto decide = DecideDisputeCommand::create(db, *id, Dispute::State::Accepted, QStringLiteral("Quinn"),
                                               QStringLiteral("x"),
                                               {{QStringLiteral("resolution"), AnswerState::rated(10)}}, &error);
    QVERIFY(!decide);
    QVERIFY(error.contains(QStringLiteral("resolution")));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM change_log")), logBefore);
    QCOMPARE(AuditStore(db).load(m_weak)->score, 60.0);
}

// Three disputes: on W1 (Quinn's) tone+resolution accepted, on G1 (Rae's) tone rejected, and one
// more on G1 resolution left open. Per auditor: Quinn 1 accepted; Rae 1 rejected, 1 open. Per
// criterion: resolution 1 accepted + 1 open; tone 1 accepted + 1 rejected. Times to resolve are
// set by hand: 2 h (W1) and 10 h (G1): tone mean 6 h, median 6 h.
void TestDisputeCommands::outcomesPerAuditorAndCriterion()
{
    QSqlDatabase db = m_mini->db();
    QString error;
    DisputeStore store(db);
    const auto a = store.open(m_weak, QStringLiteral("Ann"), QStringLiteral("agent"), QString(),
                              {QStringLiteral("tone"), QStringLiteral("resolution")}, &error);
    const auto b = store.open(m_good, QStringLiteral("Bob"), QStringLiteral("agent"), QString(), {QStringLiteral("tone")},
                              &error);
    const auto c = store.open(m_good, QStringLiteral("Bob"), QStringLiteral("agent"), QString(),
                              {QStringLiteral("resolution")}, &error);
    QVERIFY(a && b && c);
    QVERIFY(store.decide(*a, Dispute::State::Accepted, QStringLiteral("Lee"), QStringLiteral("yes"),
                         {{QStringLiteral("tone"), AnswerState::rated(5)}, {QStringLiteral("resolution"), AnswerState::rated(10)}},
                         &error));
    QVERIFY(store.decide(*b, Dispute::State::Rejected, QStringLiteral("Lee"), QStringLiteral("no"), {}, &error));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("UPDATE disputes SET opened_at = '2026-03-10T08:00:00Z', decided_at = "
                                  "CASE id WHEN %1 THEN '2026-03-10T10:00:00Z' WHEN %2 THEN '2026-03-10T18:00:00Z' END")
                       .arg(*a)
                       .arg(*b)));
    const QList<DisputeRow> rows = store.list();
    QCOMPARE(rows.size(), 3);
    const QList<DisputeOutcome> auditors = DisputeStore::byAuditor(rows);
    QCOMPARE(auditors.size(), 2);
    QCOMPARE(auditors.at(0).key, QStringLiteral("Quinn"));
    QCOMPARE(auditors.at(0).accepted, 1);
    QCOMPARE(*auditors.at(0).meanHoursToResolve, 2.0);
    QCOMPARE(auditors.at(1).key, QStringLiteral("Rae"));
    QCOMPARE(auditors.at(1).rejected, 1);
    QCOMPARE(auditors.at(1).open, 1);
    QCOMPARE(*auditors.at(1).medianHoursToResolve, 10.0);
    const QList<DisputeOutcome> criteria = store.byCriterion(rows);
    QCOMPARE(criteria.size(), 2);
    QCOMPARE(criteria.at(0).key, QStringLiteral("resolution"));
    QCOMPARE(criteria.at(0).accepted, 1);
    QCOMPARE(criteria.at(0).open, 1);
    QCOMPARE(criteria.at(1).key, QStringLiteral("tone"));
    QCOMPARE(criteria.at(1).accepted, 1);
    QCOMPARE(criteria.at(1).rejected, 1);
    QCOMPARE(*criteria.at(1).meanHoursToResolve, 6.0);
    QCOMPARE(*criteria.at(1).medianHoursToResolve, 6.0);
}

QTEST_GUILESS_MAIN(TestDisputeCommands)
#include "tst_disputecommands.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Disputes (core/store/disputestore.h): open, accept with corrections (the audit re-scored by
// hand on the mini project), partially accept, reject, listed per audit, refusals writing nothing
// and one transaction for a decision with several corrections.
#include "miniproject.h"
#include "store/auditstore.h"
#include "store/changelog.h"
#include "store/disputestore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

namespace {

qint64 count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    q.exec(sql);
    return q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestDisputes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void openAndList();
    void openRefused_data();
    void openRefused();
    void acceptCorrectsTheAudit();
    void partiallyAccept();
    void reject();
    void decisionRefused_data();
    void decisionRefused();
    void decisionIsOneTransaction();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::MiniProject> m_mini;
    qint64 m_weak = 0;
};

void TestDisputes::init()
{
    m_mini = std::make_unique<test::MiniProject>(m_dir.filePath(QStringLiteral("mini.qlens")));
    QVERIFY2(m_mini->error().isEmpty(), qPrintable(m_mini->error()));
    m_weak = m_mini->addAudit(QStringLiteral("A2"), test::MiniProject::Weak, QStringLiteral("AG1"), QDate(2026, 3, 3));
    QVERIFY(m_weak > 0);
}

void TestDisputes::cleanup()
{
    m_mini.reset();
}

void TestDisputes::openAndList()
{
    DisputeStore store(m_mini->db());
    QString error;
    const auto first = store.open(m_weak, QStringLiteral("Ann"), QStringLiteral("agent"),
                                  QStringLiteral("I did resolve it"), {QStringLiteral("resolution")}, &error);
    QVERIFY2(first, qPrintable(error));
    const auto second = store.open(m_weak, QStringLiteral("Lee Lead"), QStringLiteral("lead"), QString(),
                                   {QStringLiteral("resolution"), QStringLiteral("tone")}, &error);
    QVERIFY2(second, qPrintable(error));
    const QList<Dispute> list = store.forAudit(m_weak);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).id, *first);
    QCOMPARE(list.at(0).openedBy, QStringLiteral("Ann"));
    QCOMPARE(list.at(0).openerRole, QStringLiteral("agent"));
    QCOMPARE(list.at(0).comment, QStringLiteral("I did resolve it"));
    QCOMPARE(list.at(0).state, Dispute::State::Open);
    QCOMPARE(list.at(0).criteria, QStringList{QStringLiteral("resolution")});
    QCOMPARE(list.at(1).criteria, (QStringList{QStringLiteral("tone"), QStringLiteral("resolution")})); // scorecard order
    QCOMPARE(ChangeLog::forEntity(m_mini->db(), QStringLiteral("dispute"), QString::number(*first)).size(), 1);
}

void TestDisputes::openRefused_data()
{
    QTest::addColumn<qint64>("audit");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QStringList>("criteria");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown role") << qint64(-1) << "boss" << QStringList{"tone"} << "agent or a lead";
    QTest::newRow("no criterion") << qint64(-1) << "agent" << QStringList{} << "at least one criterion";
    QTest::newRow("unknown criterion") << qint64(-1) << "agent" << QStringList{"tone", "empathy"} << "'empathy'";
    QTest::newRow("unknown audit") << qint64(4242) << "agent" << QStringList{"tone"} << "no audit";
}

void TestDisputes::openRefused()
{
    QFETCH(qint64, audit);
    QFETCH(QString, role);
    QFETCH(QStringList, criteria);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!DisputeStore(m_mini->db())
                 .open(audit < 0 ? m_weak : audit, QStringLiteral("Ann"), role, QString(), criteria, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(count(m_mini->db(), QStringLiteral("SELECT count(*) FROM disputes")), 0);
    QCOMPARE(count(m_mini->db(), QStringLiteral("SELECT count(*) FROM dispute_criteria")), 0);
    QCOMPARE(count(m_mini->db(), QStringLiteral("SELECT count(*) FROM change_log")), 0);
}

// A2 (verify 1, disclosure N/A, tone 3, resolution No) = 60. Accepting resolution → Yes:
// Communication (2·0.5 + 1)/3 = 2/3, raw 40 + 40 = 80 = threshold: passed.
void TestDisputes::acceptCorrectsTheAudit()
{
    DisputeStore store(m_mini->db());
    QString error;
    const auto id = store.open(m_weak, QStringLiteral("Ann"), QStringLiteral("agent"), QStringLiteral("Solved"),
                               {QStringLiteral("resolution")}, &error);
    QVERIFY(id);
    QVERIFY2(store.decide(*id, Dispute::State::Accepted, QStringLiteral("Lee Lead"), QStringLiteral("Ticket shows it solved"),
                          {{QStringLiteral("resolution"), AnswerState::rated(10)}}, &error),
             qPrintable(error));
    const Dispute d = *store.load(*id);
    QCOMPARE(d.state, Dispute::State::Accepted);
    QCOMPARE(d.decidedBy, QStringLiteral("Lee Lead"));
    QCOMPARE(d.decisionComment, QStringLiteral("Ticket shows it solved"));
    QVERIFY(!d.decidedAt.isEmpty());
    const StoredAudit a = *AuditStore(m_mini->db()).load(m_weak);
    QCOMPARE(a.score, 80.0);
    QCOMPARE(a.passed, true);
    QCOMPARE(a.answerAt(3)->optionLabel, QStringLiteral("Yes"));
    const auto auditLog = ChangeLog::forEntity(m_mini->db(), QStringLiteral("audit"), QString::number(m_weak));
    QCOMPARE(auditLog.size(), 2);
    QCOMPARE(auditLog.at(0).reason, QStringLiteral("dispute %1 accepted: Ticket shows it solved").arg(*id));
    const auto disputeLog = ChangeLog::forEntity(m_mini->db(), QStringLiteral("dispute"), QString::number(*id));
    QCOMPARE(disputeLog.size(), 2);
    QCOMPARE(disputeLog.at(1).newValue.toString(), QStringLiteral("accepted"));

    // Decided once only.
    QVERIFY(!store.decide(*id, Dispute::State::Rejected, QStringLiteral("Lee"), QStringLiteral("again"), {}, &error));
    QVERIFY(error.contains(QStringLiteral("already decided")));
}

// Two criteria disputed, one corrected: tone 3 → 5 only. Communication (2·1 + 0)/3 = 2/3: raw 80.
void TestDisputes::partiallyAccept()
{
    DisputeStore store(m_mini->db());
    QString error;
    const auto id = store.open(m_weak, QStringLiteral("Lee"), QStringLiteral("lead"), QString(),
                               {QStringLiteral("tone"), QStringLiteral("resolution")}, &error);
    QVERIFY(id);
    QVERIFY2(store.decide(*id, Dispute::State::PartiallyAccepted, QStringLiteral("Quinn"), QStringLiteral("Tone was fine"),
                          {{QStringLiteral("tone"), AnswerState::rated(5)}}, &error),
             qPrintable(error));
    const StoredAudit a = *AuditStore(m_mini->db()).load(m_weak);
    QCOMPARE(a.score, 80.0);
    QCOMPARE(a.answerAt(3)->optionLabel, QStringLiteral("No")); // resolution upheld
    QCOMPARE(store.load(*id)->state, Dispute::State::PartiallyAccepted);
}

void TestDisputes::reject()
{
    DisputeStore store(m_mini->db());
    QString error;
    const auto id = store.open(m_weak, QStringLiteral("Ann"), QStringLiteral("agent"), QString(),
                               {QStringLiteral("resolution")}, &error);
    QVERIFY(store.decide(*id, Dispute::State::Rejected, QStringLiteral("Quinn"), QStringLiteral("Not solved"), {}, &error));
    QCOMPARE(store.load(*id)->state, Dispute::State::Rejected);
    QCOMPARE(AuditStore(m_mini->db()).load(m_weak)->score, 60.0);
    QCOMPARE(ChangeLog::forEntity(m_mini->db(), QStringLiteral("audit"), QString::number(m_weak)).size(), 0);
}

void TestDisputes::decisionRefused_data()
{
    QTest::addColumn<int>("decision");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("key");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("accepted without a correction") << int(Dispute::State::Accepted) << "ok" << QString() << 0.0
                                                   << "needs the corrected answers";
    QTest::newRow("rejected with a correction") << int(Dispute::State::Rejected) << "no" << "resolution" << 10.0
                                                << "no corrections";
    QTest::newRow("criterion not disputed") << int(Dispute::State::Accepted) << "ok" << "tone" << 5.0
                                            << "does not name criterion 'tone'";
    QTest::newRow("no reason") << int(Dispute::State::Accepted) << "" << "resolution" << 10.0 << "a reason";
    QTest::newRow("back to open") << int(Dispute::State::Open) << "ok" << QString() << 0.0 << "accepts";
}

void TestDisputes::decisionRefused()
{
    QFETCH(int, decision);
    QFETCH(QString, reason);
    QFETCH(QString, key);
    QFETCH(double, value);
    QFETCH(QString, message);
    DisputeStore store(m_mini->db());
    QString error;
    const auto id = store.open(m_weak, QStringLiteral("Ann"), QStringLiteral("agent"), QString(),
                               {QStringLiteral("resolution")}, &error);
    QList<DisputeCorrection> corrections;
    if (!key.isEmpty())
        corrections << DisputeCorrection{key, AnswerState::rated(value)};
    QVERIFY(!store.decide(*id, Dispute::State(decision), QStringLiteral("Quinn"), reason, corrections, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(store.load(*id)->state, Dispute::State::Open);
    QCOMPARE(AuditStore(m_mini->db()).load(m_weak)->score, 60.0);
}

// The first correction is valid, the second is not (tone 9 on a 1–5 scale): nothing of the
// decision stays, not even the first correction.
void TestDisputes::decisionIsOneTransaction()
{
    DisputeStore store(m_mini->db());
    QString error;
    const auto id = store.open(m_weak, QStringLiteral("Ann"), QStringLiteral("agent"), QString(),
                               {QStringLiteral("tone"), QStringLiteral("resolution")}, &error);
    const qint64 logBefore = count(m_mini->db(), QStringLiteral("SELECT count(*) FROM change_log"));
    QVERIFY(!store.decide(*id, Dispute::State::Accepted, QStringLiteral("Quinn"), QStringLiteral("Both wrong"),
                          {{QStringLiteral("resolution"), AnswerState::rated(10)}, {QStringLiteral("tone"), AnswerState::rated(9)}},
                          &error));
    QVERIFY2(error.contains(QStringLiteral("not a value of tone")), qPrintable(error));
    const StoredAudit a = *AuditStore(m_mini->db()).load(m_weak);
    QCOMPARE(a.score, 60.0);
    QCOMPARE(a.answerAt(3)->optionLabel, QStringLiteral("No"));
    QCOMPARE(a.localChanges, false);
    QCOMPARE(count(m_mini->db(), QStringLiteral("SELECT count(*) FROM change_log")), logBefore);
    QCOMPARE(store.load(*id)->state, Dispute::State::Open);
}

QTEST_GUILESS_MAIN(TestDisputes)
#include "tst_disputes.moc"

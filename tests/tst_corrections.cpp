// SPDX-License-Identifier: GPL-3.0-or-later
// Correcting an answer (core/store/auditcorrections.h) and its undoable command
// (ui/scorecards/correctanswercommand.h): the re-score worked out by hand on the mini project, the
// change log's versions, refusals that write nothing, and undo → redo restoring exact values.
#include "miniproject.h"
#include "scorecards/correctanswercommand.h"
#include "store/auditcorrections.h"
#include "store/auditstore.h"
#include "store/changelog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ql;

namespace {

qint64 logCount(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT count(*) FROM change_log"));
    return q.next() ? q.value(0).toLongLong() : -1;
}

QJsonObject json(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

// Everything a correction may touch, to compare before and after exactly.
struct Snapshot
{
    StoredAudit audit;
    bool operator==(const Snapshot &o) const
    {
        const StoredAudit &a = audit, &b = o.audit;
        return a.score == b.score && a.rawScore == b.rawScore && a.passed == b.passed && a.criticalFail == b.criticalFail &&
               a.criticalFamilies == b.criticalFamilies && a.incomplete == b.incomplete &&
               a.localChanges == b.localChanges && a.answers == b.answers;
    }
};

Snapshot snapshot(const QSqlDatabase &db, qint64 id)
{
    return {*AuditStore(db).load(id)};
}

} // namespace

class TestCorrections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void correctValueRescores();
    void correctToNotApplicable();
    void criticalCorrected();
    void refusedWritesNothing_data();
    void refusedWritesNothing();
    void undoRedoRestoresExactly();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::MiniProject> m_mini;
    qint64 m_good = 0;
    qint64 m_critical = 0;
};

void TestCorrections::init()
{
    m_mini = std::make_unique<test::MiniProject>(m_dir.filePath(QStringLiteral("mini.qlens")));
    QVERIFY2(m_mini->error().isEmpty(), qPrintable(m_mini->error()));
    m_good = m_mini->addAudit(QStringLiteral("A1"), test::MiniProject::Good, QStringLiteral("AG1"), QDate(2026, 3, 2));
    m_critical =
        m_mini->addAudit(QStringLiteral("A3"), test::MiniProject::Critical, QStringLiteral("AG2"), QDate(2026, 3, 4));
    QVERIFY(m_good > 0 && m_critical > 0);
}

void TestCorrections::cleanup()
{
    m_mini.reset();
}

// A1: tone 4 → 2 (c 0.75 → 0.25): Communication (2·0.25 + 0.5)/3 = 1/3, raw 40 + 60/3 = 60 < 80.
void TestCorrections::correctValueRescores()
{
    QSqlDatabase db = m_mini->db();
    const qint64 logBefore = logCount(db);
    QString error;
    const auto r = AuditCorrections(db).setAnswer(m_good, QStringLiteral("tone"),
                                                  AnswerState::rated(2, QStringLiteral("Curt at the end")),
                                                  QStringLiteral("Listened to the call again"), &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->scoreBefore.score, 80.0);
    QCOMPARE(r->scoreAfter.score, 60.0);
    QCOMPARE(r->scoreAfter.passed, false);

    const StoredAudit a = *AuditStore(db).load(m_good);
    QCOMPARE(a.score, 60.0);
    QCOMPARE(a.rawScore, 60.0);
    QCOMPARE(a.passed, false);
    QCOMPARE(a.localChanges, true);
    const StoredAnswer *tone = a.answerAt(2);
    QVERIFY(tone);
    QCOMPARE(tone->value, 2.0);
    QCOMPARE(tone->c, 0.25);
    QCOMPARE(tone->comment, QStringLiteral("Curt at the end"));

    // Two change-log rows: the answer's versions and the score's, with the reason.
    QCOMPARE(logCount(db), logBefore + 2);
    const QList<ChangeEntry> log = ChangeLog::forEntity(db, QStringLiteral("audit"), QString::number(m_good));
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).field, QStringLiteral("answer:tone"));
    QCOMPARE(log.at(0).reason, QStringLiteral("Listened to the call again"));
    QCOMPARE(json(log.at(0).oldValue).value(QStringLiteral("value")).toDouble(), 4.0);
    QVERIFY(json(log.at(0).oldValue).value(QStringLiteral("comment")).isNull());
    QCOMPARE(json(log.at(0).newValue).value(QStringLiteral("value")).toDouble(), 2.0);
    QCOMPARE(json(log.at(0).newValue).value(QStringLiteral("comment")).toString(), QStringLiteral("Curt at the end"));
    QCOMPARE(log.at(1).field, QStringLiteral("score"));
    QCOMPARE(json(log.at(1).oldValue).value(QStringLiteral("score")).toDouble(), 80.0);
    QCOMPARE(json(log.at(1).oldValue).value(QStringLiteral("passed")).toBool(), true);
    QCOMPARE(json(log.at(1).oldValue).value(QStringLiteral("local_changes")).toBool(), false);
    QCOMPARE(json(log.at(1).newValue).value(QStringLiteral("score")).toDouble(), 60.0);
    QCOMPARE(json(log.at(1).newValue).value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(r->firstLogId, log.at(0).id);
    QCOMPARE(r->lastLogId, log.at(1).id);
}

// A1: disclosure N/A leaves verify alone in Compliance (S = 1): raw stays 40 + 40 = 80.
void TestCorrections::correctToNotApplicable()
{
    QString error;
    const auto r = AuditCorrections(m_mini->db())
                       .setAnswer(m_good, QStringLiteral("disclosure"), AnswerState::notApplicable(),
                                  QStringLiteral("No disclosure on this queue"), &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->scoreAfter.score, 80.0);
    const StoredAudit a = *AuditStore(m_mini->db()).load(m_good);
    QVERIFY(a.answerAt(1)->na);
    QVERIFY(!a.answerAt(1)->value);
    QVERIFY(!a.answerAt(1)->c);
}

// A3: verify 0 → 1 removes the critical failure: every criterion full, score 0 → 100.
void TestCorrections::criticalCorrected()
{
    QString error;
    const auto r = AuditCorrections(m_mini->db())
                       .setAnswer(m_critical, QStringLiteral("verify"), AnswerState::rated(1),
                                  QStringLiteral("Identity was checked before the transfer"), &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->scoreBefore.criticalFail, true);
    const StoredAudit a = *AuditStore(m_mini->db()).load(m_critical);
    QCOMPARE(a.score, 100.0);
    QCOMPARE(a.criticalFail, false);
    QCOMPARE(a.criticalFamilies, quint8(0));
    QCOMPARE(a.passed, true);
}

void TestCorrections::refusedWritesNothing_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("message");
    QTest::newRow("value outside the scale") << "tone" << int(AnswerState::Rated) << 7.0 << "r" << "not a value of tone";
    QTest::newRow("points of no option") << "resolution" << int(AnswerState::Rated) << 4.0 << "r" << "not a value";
    QTest::newRow("N/A where not allowed") << "tone" << int(AnswerState::NotApplicable) << 0.0 << "r"
                                           << "does not allow N/A";
    QTest::newRow("no reason") << "tone" << int(AnswerState::Rated) << 2.0 << "  " << "needs a reason";
    QTest::newRow("unknown criterion") << "empathy" << int(AnswerState::Rated) << 1.0 << "r" << "no criterion 'empathy'";
    QTest::newRow("same answer") << "tone" << int(AnswerState::Rated) << 4.0 << "r" << "already has this answer";
}

void TestCorrections::refusedWritesNothing()
{
    QFETCH(QString, key);
    QFETCH(int, kind);
    QFETCH(double, value);
    QFETCH(QString, reason);
    QFETCH(QString, message);
    QSqlDatabase db = m_mini->db();
    const Snapshot before = snapshot(db, m_good);
    const qint64 logBefore = logCount(db);
    QString error;
    const AnswerState state{AnswerState::Kind(kind), value, {}};
    QVERIFY(!AuditCorrections(db).setAnswer(m_good, key, state, reason, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(snapshot(db, m_good) == before);
    QCOMPARE(logCount(db), logBefore);
    QVERIFY(!AuditCorrections(db).setAnswer(99999, QStringLiteral("tone"), AnswerState::rated(1), QStringLiteral("r"), &error));
    QVERIFY(error.contains(QStringLiteral("no audit")));
}

void TestCorrections::undoRedoRestoresExactly()
{
    QSqlDatabase db = m_mini->db();
    const Snapshot original = snapshot(db, m_good);
    QUndoStack stack;
    int notified = 0;
    QString error;
    auto command = CorrectAnswerCommand::create(db, m_good, QStringLiteral("resolution"),
                                                AnswerState::rated(0, QStringLiteral("Never solved")),
                                                QStringLiteral("Customer called back"), &error,
                                                [&](qint64 id) { notified += id == m_good; });
    QVERIFY2(command, qPrintable(error));
    QCOMPARE(notified, 1);
    QCOMPARE(command->text(), QStringLiteral("Correct resolution"));
    stack.push(command.release()); // already applied: push must not apply it twice
    QCOMPARE(logCount(db), 2);
    // resolution Partial → No: Communication (2·0.75 + 0)/3 = 0.5, raw 40 + 30 = 70.
    const Snapshot corrected = snapshot(db, m_good);
    QCOMPARE(corrected.audit.score, 70.0);
    QCOMPARE(corrected.audit.answerAt(3)->optionLabel, QStringLiteral("No"));

    stack.undo();
    QCOMPARE(notified, 2);
    QVERIFY(snapshot(db, m_good) == original); // value, label, c, comment, scores, local_changes
    QCOMPARE(snapshot(db, m_good).audit.answerAt(3)->optionLabel, QStringLiteral("Partial"));
    QCOMPARE(logCount(db), 4);
    const QList<ChangeEntry> log = ChangeLog::forEntity(db, QStringLiteral("audit"), QString::number(m_good));
    QCOMPARE(log.at(2).reason, QStringLiteral("Undo: Customer called back"));
    QCOMPARE(log.at(2).oldValue, log.at(0).newValue); // the undo is the correction's mirror image
    QCOMPARE(log.at(2).newValue, log.at(0).oldValue);
    QCOMPARE(log.at(3).oldValue, log.at(1).newValue);
    QCOMPARE(log.at(3).newValue, log.at(1).oldValue);

    stack.redo();
    QCOMPARE(notified, 3);
    QVERIFY(snapshot(db, m_good) == corrected);
    const QList<ChangeEntry> after = ChangeLog::forEntity(db, QStringLiteral("audit"), QString::number(m_good));
    QCOMPARE(after.size(), 6);
    QCOMPARE(after.at(4).reason, QStringLiteral("Redo: Customer called back"));
    QCOMPARE(after.at(4).newValue, after.at(0).newValue);
    QCOMPARE(after.at(5).newValue, after.at(1).newValue);

    // Undo twice over: still exact.
    stack.undo();
    QVERIFY(snapshot(db, m_good) == original);
    QCOMPARE(stack.index(), 0);
    QVERIFY(stack.canRedo());
}

QTEST_GUILESS_MAIN(TestCorrections)
#include "tst_corrections.moc"

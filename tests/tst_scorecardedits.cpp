// SPDX-License-Identifier: GPL-3.0-or-later
// Saving the scorecard editor's work (core/store/scorecardedits.h) and its undoable command
// (ui/scorecardeditor/savescorecardcommand.h): a new scorecard is version 1, names change in place,
// any other change is the next version (the version audits were scored with is never rewritten),
// refusals write nothing, and save → undo → redo with a change-log row each.
#include "miniproject.h"
#include "scorecardeditor/savescorecardcommand.h"
#include "store/changelog.h"
#include "store/scorecardedits.h"
#include "store/scorecardstore.h"

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

qint64 versionRows(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT (SELECT count(*) FROM scorecards) * 1000 + (SELECT count(*) FROM criteria)"));
    return q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestScorecardEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void newScorecardIsVersionOne();
    void namesChangeInPlace();
    void contentMakesNextVersion();
    void refusals_data();
    void refusals();
    void undoRedoThroughTheStack();
    void undoRefusedOnceAuditsUseIt();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::MiniProject> m_mini;
    qint64 m_audit = 0;
};

void TestScorecardEdits::init()
{
    m_mini = std::make_unique<test::MiniProject>(m_dir.filePath(QStringLiteral("mini.qlens")));
    QVERIFY2(m_mini->error().isEmpty(), qPrintable(m_mini->error()));
    m_audit = m_mini->addAudit(QStringLiteral("A1"), test::MiniProject::Good, QStringLiteral("AG1"), QDate(2026, 3, 2));
    QVERIFY(m_audit > 0);
}

void TestScorecardEdits::cleanup()
{
    m_mini.reset();
}

void TestScorecardEdits::newScorecardIsVersionOne()
{
    Scorecard card;
    card.name = QStringLiteral("Chat QA");
    Criterion c;
    c.key = QStringLiteral("greeting");
    c.name = QStringLiteral("Greeting");
    card.sections = {Section{QStringLiteral("Basics"), std::nullopt, {c}}};
    QString error;
    const qint64 logs = logCount(m_mini->db());
    const auto edit = ScorecardEdits(m_mini->db()).save(0, card, QDate(2026, 5, 1), QStringLiteral("new"), &error);
    QVERIFY2(edit, qPrintable(error));
    QCOMPARE(edit->kind, ScorecardEdit::Kind::Created);
    QCOMPARE(edit->card.version, 1);
    const auto stored = ScorecardStore(m_mini->db()).load(edit->id);
    QCOMPARE(stored->card.validFrom, QDate(2026, 5, 1));
    QCOMPARE(stored->card.sections, card.sections);
    QCOMPARE(logCount(m_mini->db()), logs + 1);
    const auto log = ChangeLog::forEntity(m_mini->db(), QStringLiteral("scorecard"), QStringLiteral("Chat QA"));
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().field, QStringLiteral("version"));
    QCOMPARE(log.first().newValue.toString(), QStringLiteral("1"));
}

void TestScorecardEdits::namesChangeInPlace()
{
    Scorecard card = m_mini->scorecard().card;
    card.sections[1].name = QStringLiteral("Conversation");
    card.sections[1].criteria[0].description = QStringLiteral("Warm, clear, no jargon");
    QString error;
    const auto edit =
        ScorecardEdits(m_mini->db()).save(m_mini->scorecard().id, card, {}, QStringLiteral("wording"), &error);
    QVERIFY2(edit, qPrintable(error));
    QCOMPARE(edit->kind, ScorecardEdit::Kind::Renamed);
    QCOMPARE(edit->id, m_mini->scorecard().id);
    QCOMPARE(ScorecardStore(m_mini->db()).versions(QStringLiteral("Mini QA")).size(), 1);
    QCOMPARE(ScorecardStore(m_mini->db()).load(edit->id)->card.sections[1].name, QStringLiteral("Conversation"));
    QVERIFY(ScorecardEdits(m_mini->db()).undo(*edit, QStringLiteral("Undo: wording"), &error));
    QCOMPARE(ScorecardStore(m_mini->db()).load(edit->id)->card, m_mini->scorecard().card);
}

void TestScorecardEdits::contentMakesNextVersion()
{
    Scorecard card = m_mini->scorecard().card;
    card.passThreshold = 75;
    QString error;
    const auto edit = ScorecardEdits(m_mini->db()).save(m_mini->scorecard().id, card, QDate(2026, 6, 1),
                                                        QStringLiteral("lower bar"), &error);
    QVERIFY2(edit, qPrintable(error));
    QCOMPARE(edit->kind, ScorecardEdit::Kind::NewVersion);
    QCOMPARE(edit->card.version, 2);
    QCOMPARE(edit->endedId, m_mini->scorecard().id);
    const ScorecardStore store(m_mini->db());
    // v1, which the audit was scored with, is untouched but for the day it ends.
    const auto v1 = store.load(m_mini->scorecard().id);
    QCOMPARE(v1->card, m_mini->scorecard().card);
    QCOMPARE(v1->validTo, QDate(2026, 5, 31));
    QCOMPARE(store.load(edit->id)->card.passThreshold, 75.0);
    QCOMPARE(store.loadInForce(QStringLiteral("Mini QA"), QDate(2026, 5, 31))->card.version, 1);
    QCOMPARE(store.loadInForce(QStringLiteral("Mini QA"), QDate(2026, 6, 1))->card.version, 2);
    QSqlQuery q(m_mini->db());
    q.exec(QStringLiteral("SELECT scorecard_id FROM audits WHERE id = %1").arg(m_audit));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), m_mini->scorecard().id);
}

void TestScorecardEdits::refusals_data()
{
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("message");
    QTest::newRow("weights not summing to 100") << 0 << QStringLiteral("sections");
    QTest::newRow("a new scorecard with an existing name") << 1 << QStringLiteral("exists already");
    QTest::newRow("renaming a stored scorecard") << 2 << QStringLiteral("keeps its name");
    QTest::newRow("a version in force before the current one") << 3 << QStringLiteral("valid from");
    QTest::newRow("no change at all") << 4 << QStringLiteral("nothing changed");
    QTest::newRow("duplicate criterion key") << 5 << QStringLiteral("tone");
}

void TestScorecardEdits::refusals()
{
    QFETCH(int, variant);
    QFETCH(QString, message);
    Scorecard card = m_mini->scorecard().card;
    qint64 base = m_mini->scorecard().id;
    QDate from(2026, 6, 1);
    switch (variant) {
    case 0:
        card.sections[0].weight = 50;
        break;
    case 1:
        base = 0;
        break;
    case 2:
        card.name = QStringLiteral("Maxi QA");
        break;
    case 3:
        card.passThreshold = 70;
        from = QDate(2026, 1, 1); // v1 came into force that day
        break;
    case 4:
        break;
    case 5:
        card.sections[0].criteria[1].key = QStringLiteral("tone");
        break;
    }
    const qint64 logs = logCount(m_mini->db());
    const qint64 rows = versionRows(m_mini->db());
    QString error;
    QVERIFY(!ScorecardEdits(m_mini->db()).save(base, card, from, QStringLiteral("x"), &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(logCount(m_mini->db()), logs);
    QCOMPARE(versionRows(m_mini->db()), rows);
    QVERIFY(!ScorecardStore(m_mini->db()).load(m_mini->scorecard().id)->validTo.isValid());
}

void TestScorecardEdits::undoRedoThroughTheStack()
{
    QSqlDatabase db = m_mini->db();
    Scorecard card = m_mini->scorecard().card;
    card.sections[1].criteria[0].weight = 3;
    QString error;
    const qint64 logs = logCount(db);
    QUndoStack stack;
    QList<int> seen;
    auto command = SaveScorecardCommand::create(db, m_mini->scorecard().id, card, QDate(2026, 6, 1),
                                                QStringLiteral("tone matters more"), &error,
                                                [&](const ScorecardEdit &e) { seen << e.card.version; });
    QVERIFY2(command, qPrintable(error));
    QCOMPARE(command->text(), QStringLiteral("Save Mini QA version 2"));
    stack.push(command.release());
    QCOMPARE(ScorecardStore(db).versions(QStringLiteral("Mini QA")).size(), 2);
    QCOMPARE(logCount(db), logs + 1);

    stack.undo();
    const auto versions = ScorecardStore(db).versions(QStringLiteral("Mini QA"));
    QCOMPARE(versions.size(), 1);
    QVERIFY(!versions.first().validTo.isValid()); // v1 is current again
    QCOMPARE(logCount(db), logs + 2);

    stack.redo();
    const auto again = ScorecardStore(db).loadInForce(QStringLiteral("Mini QA"), QDate(2026, 6, 1));
    QVERIFY(again);
    QCOMPARE(again->card.version, 2);
    QCOMPARE(again->card.sections[1].criteria[0].weight, 3.0);
    QCOMPARE(logCount(db), logs + 3);
    QCOMPARE(seen, (QList<int>{2, 2, 2}));
    const auto log = ChangeLog::forEntity(db, QStringLiteral("scorecard"), QStringLiteral("Mini QA"));
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.at(1).reason, QStringLiteral("Undo: tone matters more"));
    QCOMPARE(log.at(2).reason, QStringLiteral("Redo: tone matters more"));
}

void TestScorecardEdits::undoRefusedOnceAuditsUseIt()
{
    QSqlDatabase db = m_mini->db();
    Scorecard card = m_mini->scorecard().card;
    card.passThreshold = 90;
    QString error;
    auto edit = ScorecardEdits(db).save(m_mini->scorecard().id, card, QDate(2026, 6, 1), QStringLiteral("x"), &error);
    QVERIFY2(edit, qPrintable(error));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("UPDATE audits SET scorecard_id = %1 WHERE id = %2").arg(edit->id).arg(m_audit)));
    const qint64 logs = logCount(db);
    QVERIFY(!ScorecardEdits(db).undo(*edit, QStringLiteral("Undo: x"), &error));
    QVERIFY2(error.contains(QStringLiteral("used by audits now (1)")), qPrintable(error));
    QCOMPARE(logCount(db), logs);
    QCOMPARE(ScorecardStore(db).versions(QStringLiteral("Mini QA")).size(), 2);
}

QTEST_GUILESS_MAIN(TestScorecardEdits)
#include "tst_scorecardedits.moc"

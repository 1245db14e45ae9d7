// SPDX-License-Identifier: GPL-3.0-or-later
// The import's bulk writes (docs/import.md "Speed"): new audits go in up to 16 to an INSERT and
// their answers up to 64 to an INSERT, and ids are counted on from the first one (root causes,
// dimensions, answers' audit ids). ImportWriter's statements are checked directly on 1 to 150 rows
// (one, two and three statements); then whole imports of audits of 1 to 150 criteria, answers
// listed out of order, some N/A, some with root causes: every value, N/A, c and root cause must
// land on its own answer.
#include "tst_importsupport.h"

#include "import/importwriter.h"
#include "store/sqlitehandle.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace ql;
using namespace importtest;

namespace {

// A scorecard of `criteria` criteria k0, k1, … on a 1–5 scale, every third one allowing N/A.
QByteArray scorecardJson(int criteria)
{
    QJsonArray list;
    for (int i = 0; i < criteria; ++i) {
        list.append(
            QJsonObject{{QStringLiteral("key"), QStringLiteral("k%1").arg(i)},
                        {QStringLiteral("name"), QStringLiteral("Criterion %1").arg(i)},
                        {QStringLiteral("scale"), QJsonObject{{QStringLiteral("min"), 1}, {QStringLiteral("max"), 5}}},
                        {QStringLiteral("weight"), 1},
                        {QStringLiteral("allow_na"), i % 3 == 0}});
    }
    const QJsonObject card{
        {QStringLiteral("name"), QStringLiteral("Wide QA")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("valid_from"), QStringLiteral("2026-01-01")},
        {QStringLiteral("pass_threshold"), 80},
        {QStringLiteral("sections"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("All")},
                                                            {QStringLiteral("weight"), 100},
                                                            {QStringLiteral("criteria"), list}}}}};
    return QJsonDocument(card).toJson();
}

// The answer audit a gives criterion i: N/A for a + i ≡ 0 (mod 6) where N/A is allowed (i ≡ 0
// mod 3), else 1 + (a + i) mod 5; a root cause "cause i" on every fourth criterion, two on every
// eighth.
bool isNa(int a, int i)
{
    return i % 3 == 0 && (a + i) % 6 == 0;
}
int valueOf(int a, int i)
{
    return 1 + (a + i) % 5;
}

} // namespace

class TestImportBulk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writerRowsInOrder_data();
    void writerRowsInOrder();
    void answersLandOnTheirCriteria_data();
    void answersLandOnTheirCriteria();
};

void TestImportBulk::writerRowsInOrder_data()
{
    QTest::addColumn<int>("audits");
    QTest::addColumn<int>("answersEach");
    // Audits per INSERT: 16; answers per INSERT: 64.
    QTest::newRow("1 audit, 1 answer") << 1 << 1;
    QTest::newRow("16 audits (one INSERT), 4 answers each (64: one INSERT)") << 16 << 4;
    QTest::newRow("17 audits (16 + 1), 4 answers each (68: 64 + 4)") << 17 << 4;
    QTest::newRow("40 audits (16 + 16 + 8), 5 answers each (200: 64 + 64 + 64 + 8)") << 40 << 5;
}

void TestImportBulk::writerRowsInOrder()
{
    QFETCH(int, audits);
    QFETCH(int, answersEach);
    QTemporaryDir dir;
    const auto project = newProject(dir, QStringLiteral("p.qlens"), false);
    const QString cardPath = writeFile(dir, QStringLiteral("card.json"), scorecardJson(answersEach));
    QVERIFY(ScorecardImport::importFile(project->database(), cardPath).ok);
    const qint64 cardId = count(*project, QStringLiteral("SELECT id FROM scorecards"));
    QList<qint64> criteria;
    QSqlQuery q(project->database());
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM criteria ORDER BY position")));
    while (q.next())
        criteria << q.value(0).toLongLong();
    QCOMPARE(criteria.size(), answersEach);
    QVERIFY(q.exec(QStringLiteral("INSERT INTO agents(agent_key, created_at) VALUES ('agent0', '2026-03-01T00:00:00Z')")));
    const qint64 agentId = q.lastInsertId().toLongLong();
    // One audit there already, so the new ids do not start at 1.
    QVERIFY(q.exec(QStringLiteral("INSERT INTO audits(audit_key, date, day, week, month, quarter, agent_id, "
                                  "scorecard_id) VALUES ('old', '2026-01-01', 1, 1, 1, 1, %1, %2)")
                       .arg(agentId)
                       .arg(cardId)));
    const qint64 oldId = q.lastInsertId().toLongLong();
    q.finish();

    ImportWriter w(sqliteHandle(project->database()));
    QVERIFY(w.exec("BEGIN IMMEDIATE"));
    QVERIFY2(w.prepare(), qPrintable(w.error()));
    std::vector<ImportWriter::AuditRow> rows(static_cast<size_t>(audits));
    std::vector<const ImportWriter::AuditRow *> pointers;
    for (int a = 0; a < audits; ++a) {
        ImportWriter::AuditRow &r = rows[size_t(a)];
        r.source = QStringLiteral("default");
        r.key = QStringLiteral("B%1").arg(a);
        r.ticket = a % 2 ? QStringLiteral("T%1").arg(a) : QString(); // NULL every other one
        r.date = QStringLiteral("2026-03-01");
        r.keys = PeriodKeys::of(QDate(2026, 3, 1));
        r.agentId = agentId;
        r.scorecardId = cardId;
        r.score.score = a; // a distinct value per row
        pointers.push_back(&r);
    }
    const qint64 firstAudit = w.insertAudits(pointers);
    QVERIFY2(firstAudit == oldId + 1, qPrintable(w.error()));
    const QString comment = QStringLiteral("noted");
    std::vector<ImportWriter::AnswerValues> answers;
    for (int a = 0; a < audits; ++a) {
        for (int i = 0; i < answersEach; ++i) {
            ImportWriter::AnswerValues &v = answers.emplace_back();
            v.auditId = firstAudit + a;
            v.criterionId = criteria.at(i);
            v.value = 1 + (a + i) % 5;
            v.c = (v.value - 1) / 4;
            v.comment = (a + i) % 3 == 0 ? &comment : nullptr;
        }
    }
    const qint64 firstAnswer = w.insertAnswers(answers);
    QVERIFY2(firstAnswer > 0, qPrintable(w.error()));
    QVERIFY(w.exec("COMMIT"));

    // Audit B<a> has id firstAudit + a and score a; its i-th answer has id firstAnswer +
    // a * answersEach + i, criterion i and value 1 + (a + i) mod 5.
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM audits")), qint64(audits) + 1);
    const QString wrongAudits = QStringLiteral(
        "SELECT count(*) FROM audits WHERE id <> %1 AND (audit_key <> 'B' || (id - %2) OR score <> id - %2 "
        "OR (ticket_id IS NULL) <> ((id - %2) % 2 = 0))");
    QCOMPARE(count(*project, wrongAudits.arg(oldId).arg(firstAudit)), qint64(0));
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM answers")), qint64(audits) * answersEach);
    QVERIFY(q.exec(QStringLiteral("SELECT id, audit_id, criterion_id, value, c, comment FROM answers ORDER BY id")));
    qint64 expectedId = firstAnswer;
    while (q.next()) {
        const qint64 n = expectedId - firstAnswer;
        const int a = int(n / answersEach);
        const int i = int(n % answersEach);
        QCOMPARE(q.value(0).toLongLong(), expectedId);
        QCOMPARE(q.value(1).toLongLong(), firstAudit + a);
        QCOMPARE(q.value(2).toLongLong(), criteria.at(i));
        QCOMPARE(q.value(3).toDouble(), double(1 + (a + i) % 5));
        QCOMPARE(q.value(4).toDouble(), (1 + (a + i) % 5 - 1) / 4.0);
        QCOMPARE(q.value(5).isNull(), (a + i) % 3 != 0);
        ++expectedId;
    }
    QCOMPARE(expectedId - firstAnswer, qint64(audits) * answersEach);
}

void TestImportBulk::answersLandOnTheirCriteria_data()
{
    QTest::addColumn<int>("criteria");
    QTest::newRow("1 criterion") << 1;
    QTest::newRow("63 criteria") << 63;
    QTest::newRow("64 criteria") << 64;
    QTest::newRow("65 criteria") << 65;
    QTest::newRow("150 criteria") << 150;
}

void TestImportBulk::answersLandOnTheirCriteria()
{
    QFETCH(int, criteria);
    QTemporaryDir dir;
    const auto project = newProject(dir, QStringLiteral("p.qlens"), false);
    const QString cardPath = writeFile(dir, QStringLiteral("card.json"), scorecardJson(criteria));
    const auto card = ScorecardImport::importFile(project->database(), cardPath);
    QVERIFY2(card.ok, qPrintable(card.error));

    const ImportMapping m = mapping(R"({"kind": "audits-long", "scorecard": "Wide QA", "columns": {"audit_id": "id",
        "date": "date", "agent": "agent", "criterion": "c", "value": "v", "root_cause": "cause"},
        "values": {"value": {"N/A": "na"}}})");
    constexpr int Audits = 7;
    QByteArray csv = "id,date,agent,c,v,cause\n";
    int expectedCauses = 0;
    for (int a = 0; a < Audits; ++a) {
        // Criteria listed from the last to the first in odd audits: the answers are inserted in
        // the file's order, and each must still carry its own criterion's value.
        for (int j = 0; j < criteria; ++j) {
            const int i = a % 2 ? criteria - 1 - j : j;
            QByteArray cause;
            if (i % 8 == 0) {
                cause = "\"cause " + QByteArray::number(i) + ";second " + QByteArray::number(i) + "\"";
                expectedCauses += 2;
            } else if (i % 4 == 0) {
                cause = "cause " + QByteArray::number(i);
                expectedCauses += 1;
            }
            csv += "A" + QByteArray::number(a) + ",2026-03-1" + QByteArray::number(a) + ",agent" +
                   QByteArray::number(a % 3) + ",k" + QByteArray::number(i) + "," +
                   (isNa(a, i) ? QByteArray("N/A") : QByteArray::number(valueOf(a, i))) + "," + cause + "\n";
        }
    }
    const QString path = writeFile(dir, QStringLiteral("a.csv"), csv);
    const ImportResult r = run(*project, m, path);
    QVERIFY2(r.status == ImportResult::Imported, qPrintable(messages(r).join(u'\n') + r.error));
    QCOMPARE(r.summary.inserted, Audits);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM answers")), qint64(Audits) * criteria);

    // Every stored answer against the formula, through its criterion's key.
    QSqlQuery q(project->database());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT CAST(substr(au.audit_key, 2) AS INTEGER), CAST(substr(c.key, 2) AS INTEGER), an.value, an.na, an.c "
        "FROM answers an JOIN audits au ON au.id = an.audit_id JOIN criteria c ON c.id = an.criterion_id")));
    int seen = 0;
    while (q.next()) {
        const int a = q.value(0).toInt();
        const int i = q.value(1).toInt();
        ++seen;
        if (isNa(a, i)) {
            QVERIFY2(q.value(2).isNull() && q.value(3).toInt() == 1 && q.value(4).isNull(),
                     qPrintable(QStringLiteral("audit %1 criterion %2 should be N/A").arg(a).arg(i)));
        } else {
            QCOMPARE(q.value(2).toDouble(), double(valueOf(a, i)));
            QCOMPARE(q.value(3).toInt(), 0);
            // c on a 1–5 scale: (v − 1) / 4.
            QCOMPARE(q.value(4).toDouble(), (valueOf(a, i) - 1) / 4.0);
        }
    }
    QCOMPARE(seen, Audits * criteria);

    // Root causes on the right answers: "cause i" (and "second i") only on criterion i.
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM answer_root_causes")), qint64(expectedCauses));
    QCOMPARE(
        count(*project,
              QStringLiteral("SELECT count(*) FROM answer_root_causes x JOIN answers an ON an.id = x.answer_id "
                             "JOIN criteria c ON c.id = an.criterion_id JOIN root_causes r ON r.id = x.root_cause_id "
                             "WHERE substr(r.name, instr(r.name, ' ') + 1) <> substr(c.key, 2)")),
        qint64(0));
    // An audit's answers have consecutive ids, in the file's order.
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM (SELECT audit_id FROM answers GROUP BY audit_id "
                                            "HAVING max(id) - min(id) + 1 <> count(*))")),
             qint64(0));
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM answers an JOIN audits au ON au.id = an.audit_id "
                                            "JOIN criteria c ON c.id = an.criterion_id WHERE au.audit_key = 'A1' AND "
                                            "an.id = (SELECT min(id) FROM answers WHERE audit_id = au.id) "
                                            "AND c.key = 'k' || %1")
                                 .arg(criteria - 1)),
             qint64(1));

    // Imported again: unchanged, every audit.
    const ImportResult again = run(*project, m, path);
    QCOMPARE(again.summary.unchanged, Audits);
}

QTEST_GUILESS_MAIN(TestImportBulk)
#include "tst_importbulk.moc"

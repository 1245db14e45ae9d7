// SPDX-License-Identifier: GPL-3.0-or-later
// `check` (cli.md, docs/check.md): a project with every finding planted by hand, each one counted and
// located; coverage against the sampling plan worked out month by month; the CLI's text and JSON,
// and exit 3 for a damaged file.
#include "clirun.h"
#include "miniproject.h"
#include "quality/dataqualityjson.h"
#include "store/dataqualitycheck.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

namespace {

using Run = ql::test::CliRun;

Run cli(const QStringList &args)
{
    return ql::test::runCli(QStringLiteral(QL_CLI_PATH), QStringList{QStringLiteral("check")} + args, 120000);
}

const DataQualityFinding *find(const DataQualityReport &r, const QString &check, const QString &table,
                               const QString &column)
{
    for (const DataQualityFinding &f : r.findings)
        if (f.check == check && f.table == table && f.column == column)
            return &f;
    return nullptr;
}

} // namespace

class TestCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findings_data();
    void findings();
    void nothingElseFound();
    void coverage();
    void noSamplingPlan();
    void cliJson();
    void cliText();
    void damagedExits3();
    void usage();

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_plain;
    DataQualityReport m_report;
};

// The planted project (today is 2026-04-15 for the check):
//   A1 Good AG1 02-02 T1 (comment with a card number)   A2 Good AG1 02-03 T2 (tone answer 7 on 1–5)
//   A3 Weak AG2 02-10 T3 (no auditor, incomplete)        A4 Perfect AG2 04-06 T4
//   A5 Perfect AG3 04-07 T5 (score 120)                  D1 = A1 again (same agent, ticket, card, day, auditor)
//   F1 Good AG3 04-20 T6 (after today)                   N1 Good AG3 04-08 (no ticket)
//   X1 Good AG1 04-09 T7, then moved to agent 77 (not in the project)
//   E1 Good AG2 04-09 T8, its answers deleted
//   an answer of audit 9999 (no such audit)
//   agents AG4 (no name) and AG5 "ann" (Ann's name again)
//   CSAT R1 T1 (email and phone in the comment), R2 T1 (second response to T1), R3 no agent and no
//   ticket, R4 T9 score 9 on 1–5 (and T9 is no audited ticket)
// No audit carries a channel (the mini project sets none): 10 audits without a channel.
void TestCheck::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("planted.qlens"));
    test::MiniProject mini(m_path);
    QVERIFY2(mini.error().isEmpty(), qPrintable(mini.error()));
    using P = test::MiniProject;
    const QString qa1 = QStringLiteral("QA1");
    const QString random = QStringLiteral("random");
    const QString billing = QStringLiteral("Billing");
    struct A
    {
        const char *key;
        P::Pattern pattern;
        const char *agent;
        QDate date;
        const char *ticket;
    };
    const A audits[] = {
        {"A1", P::Good, "AG1", QDate(2026, 2, 2), "T1"},     {"A2", P::Good, "AG1", QDate(2026, 2, 3), "T2"},
        {"A3", P::Weak, "AG2", QDate(2026, 2, 10), "T3"},    {"A4", P::Perfect, "AG2", QDate(2026, 4, 6), "T4"},
        {"A5", P::Perfect, "AG3", QDate(2026, 4, 7), "T5"},  {"D1", P::Good, "AG1", QDate(2026, 2, 2), "T1"},
        {"F1", P::Good, "AG3", QDate(2026, 4, 20), "T6"},    {"N1", P::Good, "AG3", QDate(2026, 4, 8), ""},
        {"X1", P::Good, "AG1", QDate(2026, 4, 9), "T7"},     {"E1", P::Good, "AG2", QDate(2026, 4, 9), "T8"},
    };
    for (const A &a : audits)
        QVERIFY2(mini.addAudit(QLatin1String(a.key), a.pattern, QLatin1String(a.agent), a.date, qa1, random, billing,
                               QLatin1String(a.ticket)),
                 qPrintable(mini.error()));
    QVERIFY(mini.addResponse(QStringLiteral("R1"), 5, QDate(2026, 2, 3), QStringLiteral("AG1"), QStringLiteral("T1")));
    QVERIFY(mini.addResponse(QStringLiteral("R2"), 4, QDate(2026, 2, 4), QStringLiteral("AG1"), QStringLiteral("T1")));
    QVERIFY(mini.addResponse(QStringLiteral("R3"), 2, QDate(2026, 2, 5), QString()));
    QVERIFY(mini.addResponse(QStringLiteral("R4"), 3, QDate(2026, 2, 6), QStringLiteral("AG2"), QStringLiteral("T9")));
    QSqlQuery q(mini.db());
    const char *sql[] = {
        "PRAGMA foreign_keys = OFF",
        "UPDATE audits SET comment = 'Customer read out card 4111 1111 1111 1111 on the call' WHERE audit_key = 'A1'",
        "UPDATE answers SET value = 7 WHERE audit_id = (SELECT id FROM audits WHERE audit_key = 'A2') AND "
        "criterion_id = (SELECT id FROM criteria WHERE key = 'tone')",
        "UPDATE audits SET auditor_id = NULL, incomplete = 1 WHERE audit_key = 'A3'",
        "UPDATE audits SET score = 120 WHERE audit_key = 'A5'",
        "UPDATE audits SET agent_id = 77 WHERE audit_key = 'X1'",
        "DELETE FROM answers WHERE audit_id = (SELECT id FROM audits WHERE audit_key = 'E1')",
        "INSERT INTO answers(audit_id, criterion_id, value, na, c) VALUES (9999, 1, 1, 0, 1)",
        "INSERT INTO agents(agent_key, name, created_at) VALUES ('AG4', NULL, '2026-01-01'), "
        "('AG5', 'ann', '2026-01-01')",
        "UPDATE csat_responses SET comment = 'Call me on +44 20 7946 0958 or write to jo@example.com' "
        "WHERE response_key = 'R1'",
        "UPDATE csat_responses SET score = 9 WHERE response_key = 'R4'",
        "INSERT INTO settings(key, value) VALUES ('sampling_plan', '2')",
    };
    for (const char *s : sql)
        QVERIFY2(q.exec(QLatin1String(s)), qPrintable(q.lastError().text() + QStringLiteral(": ") + QLatin1String(s)));
    m_report = DataQualityCheck(mini.db(), QDate(2026, 4, 15)).run();

    // A second project without a sampling plan and with nothing planted.
    m_plain = m_dir.filePath(QStringLiteral("plain.qlens"));
    test::MiniProject plain(m_plain);
    QVERIFY(plain.addAudit(QStringLiteral("P1"), P::Good, QStringLiteral("AG1"), QDate(2026, 2, 2), qa1, random,
                           billing, QStringLiteral("T1")));
}

void TestCheck::findings_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QStringList>("examples");
    QTest::addColumn<bool>("info");
    auto row = [](const char *name, const char *check, const char *table, const char *column, qint64 count,
                  QStringList examples, bool info = false) {
        QTest::newRow(name) << QString::fromLatin1(check) << QString::fromLatin1(table) << QString::fromLatin1(column)
                            << count << examples << info;
    };
    row("audit without auditor", "missing_values", "audits", "auditor_id", 1, {"A3"});
    row("audit without ticket", "missing_values", "audits", "ticket_id", 1, {"N1"});
    // Ten audits, none with a channel; five examples shown, in row order.
    row("audits without channel", "missing_values", "audits", "channel_id", 10, {"A1", "A2", "A3", "A4", "A5"});
    row("csat without agent", "missing_values", "csat_responses", "agent_id", 1, {"R3"});
    row("csat without ticket", "missing_values", "csat_responses", "ticket_id", 1, {"R3"});
    row("agent without name", "missing_values", "agents", "name", 1, {"AG4"});
    row("audit twice", "duplicates", "audits", "", 1, {"D1"});
    row("second response to a ticket", "duplicates", "csat_responses", "ticket_id", 1, {"R2"});
    row("agent name twice", "duplicates", "agents", "name", 1, {"AG5"});
    row("score over 100", "out_of_range", "audits", "score", 1, {"A5"});
    row("answer off its scale", "out_of_range", "answers", "value", 1, {"A2 tone"});
    row("csat off its scale", "out_of_range", "csat_responses", "score", 1, {"R4"});
    row("audit after today", "out_of_range", "audits", "date", 1, {"F1"});
    // Ten audits of four answers, E1's (the last four, 37–40) deleted: the stray answer got rowid 37.
    row("answer of no audit", "orphans", "answers", "audit_id", 1, {"answer 37"});
    row("audit of unknown agent", "orphans", "audits", "agent_id", 1, {"X1"});
    row("csat of unknown ticket", "orphans", "csat_responses", "ticket_id", 1, {"R4"}, true);
    row("incomplete audit", "incomplete_audits", "audits", "incomplete", 1, {"A3"});
    row("audit without answers", "incomplete_audits", "audits", "", 1, {"E1"});
    row("card in an audit comment", "pii", "audits", "comment", 1, {"A1"});
    row("email in a csat comment", "pii", "csat_responses", "comment", 1, {"R1"});
    // Months and weeks from 2026-02-02 to 2026-04-20: March empty; weeks W06, W07, W15 and W17 hold
    // audits, so W08–W14 (7) and W16 (1) are empty = 8.
    row("month without audits", "gaps", "audits", "month", 1, {"2026-03"});
    row("weeks without audits", "gaps", "audits", "week", 8,
        {"2026-W08", "2026-W09", "2026-W10", "2026-W11", "2026-W12"});
}

void TestCheck::findings()
{
    QFETCH(QString, check);
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(qint64, count);
    QFETCH(QStringList, examples);
    QFETCH(bool, info);
    QVERIFY(!m_report.damaged());
    const DataQualityFinding *f = find(m_report, check, table, column);
    QVERIFY2(f, qPrintable(DataQualityJson::text(m_report, m_path)));
    QCOMPARE(f->count, count);
    QCOMPARE(f->examples, examples);
    QCOMPARE(f->severity == DataQualityFinding::Severity::Info, info);
    QVERIFY2(f->message.endsWith(QStringLiteral(": ") + QString::number(count)), qPrintable(f->message));
}

// The PII patterns are counted per kind: R1 holds an email and a phone number, A1 a card whose digits
// are not also counted as a phone number.
void TestCheck::nothingElseFound()
{
    const DataQualityFinding *phone = nullptr;
    int pii = 0;
    for (const DataQualityFinding &f : m_report.findings) {
        if (f.check != QLatin1String("pii"))
            continue;
        ++pii;
        if (f.message.contains(QStringLiteral("phone")))
            phone = &f;
    }
    QCOMPARE(pii, 3); // card in A1, email in R1, phone in R1
    QVERIFY(phone);
    QCOMPARE(phone->table, QStringLiteral("csat_responses"));
    QCOMPARE(phone->examples, QStringList{QStringLiteral("R1")});
    QVERIFY(!find(m_report, QStringLiteral("missing_values"), QStringLiteral("audits"), QStringLiteral("queue_id")));
    QVERIFY(!find(m_report, QStringLiteral("missing_values"), QStringLiteral("audits"), QStringLiteral("team_id")));
    // CSAT in February only: no gap for responses.
    QVERIFY(!find(m_report, QStringLiteral("gaps"), QStringLiteral("csat_responses"), QStringLiteral("month")));
    QVERIFY(!find(m_report, QStringLiteral("gaps"), QStringLiteral("csat_responses"), QStringLiteral("week")));
}

// Plan 2 audits per agent per month; roster AG1–AG5, all active (X1's agent 77 is on no roster).
//   Feb: AG1 3 (A1 A2 D1), AG2 1 (A3), AG3 0, AG4 0, AG5 0 → 4 below, 4 audits
//   Mar: nobody                                            → 5 below, 0 audits
//   Apr: AG1 0, AG2 2 (A4 E1), AG3 3 (A5 F1 N1), AG4 0, AG5 0 → 3 below, 5 audits
void TestCheck::coverage()
{
    QCOMPARE(m_report.samplingPlan, std::optional<int>(2));
    QCOMPARE(m_report.coverage.size(), 3);
    const int months[] = {202602, 202603, 202604};
    const int below[] = {4, 5, 3};
    const qint64 audits[] = {4, 0, 5};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(m_report.coverage.at(i).month, months[i]);
        QCOMPARE(m_report.coverage.at(i).agents, 5);
        QCOMPARE(m_report.coverage.at(i).belowPlan, below[i]);
        QCOMPARE(m_report.coverage.at(i).audits, audits[i]);
    }
    const DataQualityFinding *f = find(m_report, QStringLiteral("coverage"), QStringLiteral("audits"),
                                       QStringLiteral("agent_id"));
    QVERIFY(f);
    QCOMPARE(f->count, 12);
    QCOMPARE(f->examples.first(), QStringLiteral("2026-02 AG2: 1 of 2"));
}

void TestCheck::noSamplingPlan()
{
    ProjectError error;
    auto p = Project::open(m_plain, Project::Access::ReadOnly, Project::Check::Now, &error);
    QVERIFY(p);
    const DataQualityReport r = DataQualityCheck(p->database(), QDate(2026, 4, 15)).run();
    QVERIFY(!r.samplingPlan);
    QVERIFY(r.coverage.isEmpty());
    QVERIFY(!find(r, QStringLiteral("coverage"), QStringLiteral("audits"), QStringLiteral("agent_id")));
    QVERIFY(DataQualityJson::text(r, m_plain).contains(QStringLiteral("Sampling plan: none set")));
    // One audit with a ticket, an auditor, a queue: only the missing channel is a problem.
    QCOMPARE(r.problems(), 1);
    QCOMPARE(r.findings.first().column, QStringLiteral("channel_id"));
}

void TestCheck::cliJson()
{
    const Run r = cli({m_path, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 0); // findings are no failure (cli.md)
    const QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(j.value(QStringLiteral("integrity")).toObject().value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(j.value(QStringLiteral("sampling_plan")).toInt(), 2);
    QCOMPARE(j.value(QStringLiteral("rows")).toObject().value(QStringLiteral("audits")).toInt(), 10);
    QCOMPARE(j.value(QStringLiteral("audit_dates")).toObject().value(QStringLiteral("from")).toString(),
             QStringLiteral("2026-02-02"));
    QCOMPARE(j.value(QStringLiteral("coverage")).toArray().size(), 3);
    bool sawDuplicate = false;
    for (const QJsonValue &v : j.value(QStringLiteral("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        for (const char *key : {"check", "severity", "table", "column", "count", "message", "examples"})
            QVERIFY2(f.contains(QLatin1String(key)), key);
        if (f.value(QStringLiteral("check")).toString() == QLatin1String("duplicates") &&
            f.value(QStringLiteral("table")).toString() == QLatin1String("audits")) {
            sawDuplicate = true;
            QVERIFY(f.value(QStringLiteral("column")).isNull());
            QCOMPARE(f.value(QStringLiteral("examples")).toArray().first().toString(), QStringLiteral("D1"));
        }
        // Personal data is located, never repeated.
        QVERIFY(!f.value(QStringLiteral("message")).toString().contains(QStringLiteral("example.com")));
    }
    QVERIFY(sawDuplicate);
    QVERIFY(!r.out.contains(QStringLiteral("4111")));
    QVERIFY(!r.out.contains(QStringLiteral("jo@")));
}

void TestCheck::cliText()
{
    const Run r = cli({m_plain});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Integrity: ok")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("[missing_values] audits without a channel: 1 (audits.channel_id) — e.g. P1")));
    QVERIFY(r.out.contains(QStringLiteral("Sampling plan: none set")));
}

void TestCheck::damagedExits3()
{
    const QString file = m_dir.filePath(QStringLiteral("damaged.qlens"));
    {
        auto p = Project::create(file, true, nullptr);
        QVERIFY(p);
        QSqlQuery q(p->database());
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        for (int i = 0; i < 400; ++i)
            QVERIFY(q.exec(QStringLiteral("INSERT INTO teams(name) VALUES ('team %1 %2')")
                               .arg(i)
                               .arg(QString(200, QLatin1Char('x')))));
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
    }
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.seek(f.size() / 2 / 4096 * 4096);
    f.write(QByteArray(4096, '\x5a'));
    f.close();
    const Run r = cli({file, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(QStringLiteral("damaged")), qPrintable(r.err));
}

void TestCheck::usage()
{
    QCOMPARE(cli({m_path, QStringLiteral("--format"), QStringLiteral("xml")}).code, 2);
    QCOMPARE(cli({}).code, 2);
    QCOMPARE(cli({m_dir.filePath(QStringLiteral("missing.qlens"))}).code, 4);
}

QTEST_GUILESS_MAIN(TestCheck)
#include "tst_check.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// qualitylens-cli scorecard (cli.md): the JSON of an agent's month on the mini project, worked out
// by hand in tst_kpis, every key of a KPI object present, the text form, and the exit codes.
#include "clirun.h"
#include "miniproject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ql;

namespace {

using Run = ql::test::CliRun;

Run cli(const QStringList &args)
{
    return ql::test::runCli(QStringLiteral(QL_CLI_PATH), QStringList{QStringLiteral("scorecard")} + args, 120000);
}

} // namespace

class TestScorecardCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agentMonthJson();
    void text();
    void exitCodes_data();
    void exitCodes();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

// Ann (AG1) in March: Good 80, Good 80, Weak 60, Critical 0, Perfect 100; February Perfect,
// Perfect, Good.
void TestScorecardCli::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("mini.qlens"));
    test::MiniProject mini(m_path);
    QVERIFY2(mini.error().isEmpty(), qPrintable(mini.error()));
    using P = test::MiniProject;
    const QString ag1 = QStringLiteral("AG1");
    QVERIFY(mini.addAudit(QStringLiteral("M1"), P::Good, ag1, QDate(2026, 3, 2)));
    QVERIFY(mini.addAudit(QStringLiteral("M2"), P::Good, ag1, QDate(2026, 3, 5)));
    QVERIFY(mini.addAudit(QStringLiteral("M3"), P::Weak, ag1, QDate(2026, 3, 10)));
    QVERIFY(mini.addAudit(QStringLiteral("M4"), P::Critical, ag1, QDate(2026, 3, 17)));
    QVERIFY(mini.addAudit(QStringLiteral("M5"), P::Perfect, ag1, QDate(2026, 3, 31)));
    QVERIFY(mini.addAudit(QStringLiteral("F1"), P::Perfect, ag1, QDate(2026, 2, 2)));
    QVERIFY(mini.addAudit(QStringLiteral("F2"), P::Perfect, ag1, QDate(2026, 2, 3)));
    QVERIFY(mini.addAudit(QStringLiteral("F3"), P::Good, ag1, QDate(2026, 2, 27)));
}

void TestScorecardCli::agentMonthJson()
{
    const Run r = cli({m_path, QStringLiteral("--agent"), QStringLiteral("AG1"), QStringLiteral("--period"),
                       QStringLiteral("2026-03")});
    QCOMPARE(r.code, 0);
    const QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(j.value(QStringLiteral("slice")).toObject(),
             (QJsonObject{{QStringLiteral("kind"), QStringLiteral("agent")}, {QStringLiteral("id"), QStringLiteral("AG1")},
                          {QStringLiteral("name"), QStringLiteral("Ann")}}));
    QCOMPARE(j.value(QStringLiteral("period")).toString(), QStringLiteral("2026-03"));
    QCOMPARE(j.value(QStringLiteral("previous_period")).toString(), QStringLiteral("2026-02"));
    const QJsonObject kpis = j.value(QStringLiteral("kpis")).toObject();
    const QStringList names{QStringLiteral("audits"),   QStringLiteral("audits_total"),  QStringLiteral("qa_score"),
                            QStringLiteral("raw_score"), QStringLiteral("pass_rate"),    QStringLiteral("critical_rate"),
                            QStringLiteral("csat_pct"),  QStringLiteral("csat_responses")};
    QCOMPARE(kpis.keys().size(), names.size());
    const QStringList fields{QStringLiteral("value"),  QStringLiteral("n"),        QStringLiteral("ci_low"),
                             QStringLiteral("ci_high"), QStringLiteral("previous"), QStringLiteral("delta"),
                             QStringLiteral("delta_significant"), QStringLiteral("target"), QStringLiteral("status"),
                             QStringLiteral("small_sample")};
    for (const QString &name : names) {
        const QJsonObject k = kpis.value(name).toObject();
        for (const QString &f : fields)
            QVERIFY2(k.contains(f), qPrintable(name + QLatin1Char('.') + f));
    }
    const QJsonObject qa = kpis.value(QStringLiteral("qa_score")).toObject();
    QCOMPARE(qa.value(QStringLiteral("value")).toDouble(), 64.0);
    QCOMPARE(qa.value(QStringLiteral("n")).toInt(), 5);
    QVERIFY(std::abs(qa.value(QStringLiteral("ci_low")).toDouble() - 16.232232238) < 1e-6);
    QCOMPARE(qa.value(QStringLiteral("ci_high")).toDouble(), 100.0);
    QVERIFY(std::abs(qa.value(QStringLiteral("delta")).toDouble() + 29.333333333) < 1e-6);
    QCOMPARE(qa.value(QStringLiteral("delta_significant")).toBool(), false);
    QCOMPARE(qa.value(QStringLiteral("target")).toDouble(), 80.0); // the pass threshold
    QVERIFY(qa.value(QStringLiteral("status")).isNull());          // small sample
    QCOMPARE(qa.value(QStringLiteral("small_sample")).toBool(), true);
    QCOMPARE(kpis.value(QStringLiteral("pass_rate")).toObject().value(QStringLiteral("value")).toDouble(), 60.0);
    QVERIFY(kpis.value(QStringLiteral("csat_pct")).toObject().value(QStringLiteral("value")).isNull());
    QCOMPARE(j.value(QStringLiteral("critical_families")).toObject().value(QStringLiteral("compliance")).toObject()
                 .value(QStringLiteral("value")).toDouble(),
             20.0);
    const QJsonArray criteria = j.value(QStringLiteral("criteria")).toArray();
    QCOMPARE(criteria.size(), 4);
    QCOMPARE(criteria.at(0).toObject().value(QStringLiteral("scorecard")).toString(), QStringLiteral("Mini QA"));
    QCOMPARE(criteria.at(0).toObject().value(QStringLiteral("scorecard_version")).toInt(), 1);
    // Ann is alone in her team here: each gap is 0 by construction, with no SE and no z
    // (criteriongap.h; tst_kpis and tst_criteriongap check SE and z where there is a rest of the team).
    for (const QJsonValue &c : criteria) {
        const QJsonObject o = c.toObject();
        QVERIFY2(o.contains(QStringLiteral("gap")) && std::abs(o.value(QStringLiteral("gap")).toDouble()) < 1e-9,
                 qPrintable(o.value(QStringLiteral("key")).toString()));
        QVERIFY(o.value(QStringLiteral("gap_se")).isNull());
        QVERIFY(o.value(QStringLiteral("gap_z")).isNull());
    }
    QCOMPARE(j.value(QStringLiteral("scorecard_versions")).toArray(), QJsonArray{QStringLiteral("Mini QA v1")});
}

void TestScorecardCli::text()
{
    const Run r = cli({m_path, QStringLiteral("--agent"), QStringLiteral("AG1"), QStringLiteral("--period"),
                       QStringLiteral("2026-Q1"), QStringLiteral("--format"), QStringLiteral("text")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("agent AG1 (Ann) · 2026-Q1, previous 2025-Q4\n")), qPrintable(r.out));
    // The quarter holds all eight: (64·5 + 280)/8 = 75.
    QVERIFY2(r.out.contains(QStringLiteral("\nqa_score           75.0")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("\naudits                8  n=8")));
}

void TestScorecardCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::newRow("two slices") << QStringList{"@", "--agent", "AG1", "--team", "North", "--period", "2026-03"} << 2;
    QTest::newRow("no slice") << QStringList{"@", "--period", "2026-03"} << 2;
    QTest::newRow("no period") << QStringList{"@", "--agent", "AG1"} << 2;
    QTest::newRow("bad period") << QStringList{"@", "--agent", "AG1", "--period", "March"} << 2;
    QTest::newRow("period and range") << QStringList{"@", "--agent", "AG1", "--period", "2026-03", "--from",
                                                     "2026-03-01", "--to", "2026-03-31"}
                                      << 2;
    QTest::newRow("range backwards") << QStringList{"@", "--agent", "AG1", "--from", "2026-03-31", "--to", "2026-03-01"}
                                     << 2;
    QTest::newRow("unknown agent") << QStringList{"@", "--agent", "AG9", "--period", "2026-03"} << 3;
    QTest::newRow("no data in the period") << QStringList{"@", "--agent", "AG1", "--period", "2024-03"} << 3;
    QTest::newRow("custom range") << QStringList{"@", "--team", "North", "--from", "2026-03-01", "--to", "2026-03-10"}
                                  << 0;
    QTest::newRow("missing project") << QStringList{"/nonexistent/x.qlens", "--agent", "AG1", "--period", "2026-03"} << 4;
}

void TestScorecardCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    args.replaceInStrings(QStringLiteral("@"), m_path);
    const Run r = cli(args);
    QVERIFY2(r.code == code, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
}

QTEST_GUILESS_MAIN(TestScorecardCli)
#include "tst_scorecardcli.moc"

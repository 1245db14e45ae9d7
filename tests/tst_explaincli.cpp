// SPDX-License-Identifier: GPL-3.0-or-later
// qualitylens-cli explain (cli.md): the JSON and the text of three audits worked out by hand on the
// mini project (tests/miniproject.h), and the exit codes, run through the built binary.
#include "clirun.h"
#include "miniproject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ql;

namespace {

using Run = ql::test::CliRun;

Run cli(const QStringList &args)
{
    return ql::test::runCli(QStringLiteral(QL_CLI_PATH), QStringList{QStringLiteral("explain")} + args, 120000);
}

QJsonObject criterion(const QJsonObject &root, const QString &key)
{
    for (const QJsonValue &v : root.value(QStringLiteral("criteria")).toArray())
        if (v.toObject().value(QStringLiteral("key")).toString() == key)
            return v.toObject();
    return {};
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

} // namespace

class TestExplainCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void goodAuditJson();
    void weakAuditJson();
    void criticalAuditJson();
    void text();
    void exitCodes_data();
    void exitCodes();

private:
    QJsonObject explain(const QString &audit);

    QTemporaryDir m_dir;
    QString m_path;
};

void TestExplainCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("mini.qlens"));
    test::MiniProject mini(m_path);
    QVERIFY2(mini.error().isEmpty(), qPrintable(mini.error()));
    QVERIFY(mini.addAudit(QStringLiteral("A1"), test::MiniProject::Good, QStringLiteral("AG1"), QDate(2026, 3, 2)));
    QVERIFY(mini.addAudit(QStringLiteral("A2"), test::MiniProject::Weak, QStringLiteral("AG1"), QDate(2026, 3, 3)));
    QVERIFY(mini.addAudit(QStringLiteral("A3"), test::MiniProject::Critical, QStringLiteral("AG2"), QDate(2026, 3, 4)));
}

QJsonObject TestExplainCli::explain(const QString &audit)
{
    const Run r = cli({m_path, QStringLiteral("--audit"), audit, QStringLiteral("--format"), QStringLiteral("json")});
    if (r.code != 0) {
        qWarning("exit %d: %s", r.code, qPrintable(r.err));
        return {};
    }
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

// verify 1, disclosure 1, tone 4, resolution Partial. Section weights 40/60, criterion weights
// 1, 1 | 2, 1. e = 0.4·1/2 = 0.2 (verify, disclosure), 0.6·2/3 = 0.4 (tone), 0.6·1/3 = 0.2
// (resolution). Points 20 + 20 + 0.4·0.75·100 = 30 + 0.2·0.5·100 = 10 → 80 = threshold: passed.
void TestExplainCli::goodAuditJson()
{
    const QJsonObject j = explain(QStringLiteral("A1"));
    QCOMPARE(j.value(QStringLiteral("audit_id")).toString(), QStringLiteral("A1"));
    QCOMPARE(j.value(QStringLiteral("scorecard")).toString(), QStringLiteral("Mini QA"));
    QCOMPARE(j.value(QStringLiteral("scorecard_version")).toInt(), 1);
    QCOMPARE(j.value(QStringLiteral("score")).toDouble(), 80.0);
    QCOMPARE(j.value(QStringLiteral("raw_score")).toDouble(), 80.0);
    QCOMPARE(j.value(QStringLiteral("passed")).toBool(), true);
    QCOMPARE(j.value(QStringLiteral("critical_fail")).toBool(), false);
    QCOMPARE(j.value(QStringLiteral("incomplete")).toBool(), false);
    QCOMPARE(j.value(QStringLiteral("threshold")).toDouble(), 80.0);
    QCOMPARE(j.value(QStringLiteral("policy")).toString(), QStringLiteral("zero"));
    QCOMPARE(j.value(QStringLiteral("decided_by")).toString(), QStringLiteral("threshold"));
    QCOMPARE(j.value(QStringLiteral("critical_families")).toArray().size(), 0);

    const QJsonArray sections = j.value(QStringLiteral("sections")).toArray();
    QCOMPARE(sections.size(), 2);
    QCOMPARE(sections.at(0)[QStringLiteral("name")].toString(), QStringLiteral("Compliance"));
    QCOMPARE(sections.at(0)[QStringLiteral("score")].toDouble(), 100.0);
    QCOMPARE(sections.at(0)[QStringLiteral("weight")].toDouble(), 40.0);
    QVERIFY(near(sections.at(0)[QStringLiteral("effective_weight")].toDouble(), 0.4));
    QVERIFY(near(sections.at(1)[QStringLiteral("score")].toDouble(), 66.666667));
    QCOMPARE(sections.at(1)[QStringLiteral("zeroed")].toBool(), false);

    struct Expect
    {
        const char *key;
        double value, c, weight, e, points, lost;
    };
    const Expect expected[] = {{"verify", 1, 1, 1, 0.2, 20, 0},
                               {"disclosure", 1, 1, 1, 0.2, 20, 0},
                               {"tone", 4, 0.75, 2, 0.4, 30, 10},
                               {"resolution", 5, 0.5, 1, 0.2, 10, 10}};
    double sum = 0;
    for (const Expect &e : expected) {
        const QJsonObject c = criterion(j, QString::fromLatin1(e.key));
        QVERIFY2(!c.isEmpty(), e.key);
        QCOMPARE(c.value(QStringLiteral("value")).toDouble(), e.value);
        QVERIFY2(near(c.value(QStringLiteral("c")).toDouble(), e.c), e.key);
        QCOMPARE(c.value(QStringLiteral("weight")).toDouble(), e.weight);
        QVERIFY2(near(c.value(QStringLiteral("effective_weight")).toDouble(), e.e), e.key);
        QVERIFY2(near(c.value(QStringLiteral("points")).toDouble(), e.points), e.key);
        QVERIFY2(near(c.value(QStringLiteral("points_lost")).toDouble(), e.lost), e.key);
        QCOMPARE(c.value(QStringLiteral("na")).toBool(), false);
        sum += c.value(QStringLiteral("points")).toDouble();
    }
    QVERIFY(near(sum, 80));
    QCOMPARE(criterion(j, QStringLiteral("verify")).value(QStringLiteral("critical")).toString(),
             QStringLiteral("compliance"));
    QVERIFY(criterion(j, QStringLiteral("tone")).value(QStringLiteral("critical")).isNull());
    QCOMPARE(criterion(j, QStringLiteral("resolution")).value(QStringLiteral("label")).toString(),
             QStringLiteral("Partial"));
}

// verify 1, disclosure N/A, tone 3, resolution No: verify carries the whole Compliance section
// (e = 0.4), tone e = 0.4 with c = 0.5, resolution e = 0.2 with c = 0. Points 40 + 20 + 0 = 60.
void TestExplainCli::weakAuditJson()
{
    const QJsonObject j = explain(QStringLiteral("A2"));
    QCOMPARE(j.value(QStringLiteral("score")).toDouble(), 60.0);
    QCOMPARE(j.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(j.value(QStringLiteral("decided_by")).toString(), QStringLiteral("threshold"));
    const QJsonObject na = criterion(j, QStringLiteral("disclosure"));
    QCOMPARE(na.value(QStringLiteral("na")).toBool(), true);
    QVERIFY(na.value(QStringLiteral("value")).isNull());
    QVERIFY(na.value(QStringLiteral("c")).isNull());
    QCOMPARE(na.value(QStringLiteral("points")).toDouble(), 0.0);
    QCOMPARE(na.value(QStringLiteral("effective_weight")).toDouble(), 0.0);
    QVERIFY(near(criterion(j, QStringLiteral("verify")).value(QStringLiteral("points")).toDouble(), 40));
    QVERIFY(near(criterion(j, QStringLiteral("tone")).value(QStringLiteral("points")).toDouble(), 20));
    QVERIFY(near(criterion(j, QStringLiteral("tone")).value(QStringLiteral("points_lost")).toDouble(), 20));
    QVERIFY(near(criterion(j, QStringLiteral("resolution")).value(QStringLiteral("points_lost")).toDouble(), 20));
}

// verify 0 is a critical (compliance, effect audit) failure: raw 40·0.5 + 60 = 80, score 0.
void TestExplainCli::criticalAuditJson()
{
    const QJsonObject j = explain(QStringLiteral("A3"));
    QCOMPARE(j.value(QStringLiteral("score")).toDouble(), 0.0);
    QCOMPARE(j.value(QStringLiteral("raw_score")).toDouble(), 80.0);
    QCOMPARE(j.value(QStringLiteral("critical_fail")).toBool(), true);
    QCOMPARE(j.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(j.value(QStringLiteral("decided_by")).toString(), QStringLiteral("critical"));
    QCOMPARE(j.value(QStringLiteral("critical_families")).toArray(), QJsonArray{QStringLiteral("compliance")});
    QCOMPARE(criterion(j, QStringLiteral("verify")).value(QStringLiteral("critical_failed")).toBool(), true);
    QVERIFY(near(criterion(j, QStringLiteral("verify")).value(QStringLiteral("points_lost")).toDouble(), 20));
}

void TestExplainCli::text()
{
    const Run r = cli({m_path, QStringLiteral("--audit"), QStringLiteral("A1")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("Audit A1 · Mini QA v1\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("Score 80.0 is at or above the threshold 80: passed.")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("PASSED")));
    // One line per criterion, with c to three decimals and points to two.
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\ntone +4 +0\\.750 +2 +40\\.0% +30\\.00 +10\\.00"))));
    QVERIFY(r.out.contains(QStringLiteral("Section        Weight  Share  Score\nCompliance         40  40.0%  100.0\n")));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\nTotal .* 80\\.00 +20\\.00"))));

    const Run critical = cli({m_path, QStringLiteral("--audit"), QStringLiteral("A3"), QStringLiteral("--format"),
                              QStringLiteral("text")});
    QCOMPARE(critical.code, 0);
    QVERIFY(critical.out.contains(
        QStringLiteral("Critical failure (compliance: verify) with effect audit: policy zero sets the score to 0")));
    QVERIFY(critical.out.contains(QRegularExpression(QStringLiteral("\\nverify +0 +0\\.000 .* compliance FAILED\\n"))));
    QVERIFY(critical.out.contains(QStringLiteral("Score 0.0 (raw 80.0)")));
}

void TestExplainCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::newRow("no --audit") << QStringList{QStringLiteral("@")} << 2;
    QTest::newRow("unknown flag") << QStringList{QStringLiteral("@"), QStringLiteral("--audit"), QStringLiteral("A1"),
                                                 QStringLiteral("--bogus")}
                                  << 2;
    QTest::newRow("bad format") << QStringList{QStringLiteral("@"), QStringLiteral("--audit"), QStringLiteral("A1"),
                                               QStringLiteral("--format"), QStringLiteral("xml")}
                                << 2;
    QTest::newRow("no project argument") << QStringList{QStringLiteral("--audit"), QStringLiteral("A1")} << 2;
    QTest::newRow("unknown audit") << QStringList{QStringLiteral("@"), QStringLiteral("--audit"), QStringLiteral("A9")}
                                   << 3;
    QTest::newRow("audit of another source") << QStringList{QStringLiteral("@"), QStringLiteral("--audit"),
                                                            QStringLiteral("A1"), QStringLiteral("--source"),
                                                            QStringLiteral("zendesk")}
                                             << 3;
    QTest::newRow("missing project") << QStringList{QStringLiteral("/nonexistent/x.qlens"), QStringLiteral("--audit"),
                                                    QStringLiteral("A1")}
                                     << 4;
    QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0;
}

void TestExplainCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    args.replaceInStrings(QStringLiteral("@"), m_path);
    const Run r = cli(args);
    QCOMPARE(r.code, code);
    if (code == 3)
        QVERIFY(r.err.contains(QStringLiteral("no audit")));
    if (code == 0)
        QVERIFY(r.out.contains(QStringLiteral("--audit")));
}

QTEST_GUILESS_MAIN(TestExplainCli)
#include "tst_explaincli.moc"

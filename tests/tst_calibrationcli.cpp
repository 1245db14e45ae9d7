// SPDX-License-Identifier: GPL-3.0-or-later
// qualitylens-cli calibration (cli.md) through the built binary: --list and --session in JSON and
// text, the hand-computed session's numbers, blind sessions showing no answers, exit codes 2, 3, 4.
#include "clirun.h"
#include "tst_calibrationfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ql;
using namespace ql::test;

namespace {

using Run = ql::test::CliRun;

Run cli(const QStringList &args)
{
    return ql::test::runCli(QStringLiteral(QL_CLI_PATH), QStringList{QStringLiteral("calibration")} + args, 120000);
}

QJsonDocument parse(const Run &r)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(r.out));
    return doc;
}

bool near(const QJsonValue &v, double expected)
{
    if (!v.isDouble() || std::fabs(v.toDouble() - expected) > 1e-6) {
        qWarning("%s where %.10g was expected", qPrintable(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)),
                 expected);
        return false;
    }
    return true;
}

} // namespace

class TestCalibrationCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listJson();
    void listText();
    void sessionJson();
    void sessionKeysInOrder();
    void blindSession();
    void sessionText();
    void usageErrors_data();
    void usageErrors();
    void unknownSession();
    void cannotOpen();

private:
    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_review = 0;
    qint64 m_scoring = 0;
};

void TestCalibrationCli::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("cal.qlens"));
    auto project = createProject(m_path);
    QVERIFY(project);
    const qint64 card = storeCard(*project);
    m_review = writeHandSession(project->database(), card, CalibrationState::Review).sessionId;
    m_scoring = writeHandSession(project->database(), card, CalibrationState::Scoring).sessionId;
    QVERIFY(m_review > 0 && m_scoring > 0);
}

void TestCalibrationCli::listJson()
{
    const Run r = cli({m_path, QStringLiteral("--list"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 0);
    const QJsonArray list = parse(r).array();
    QCOMPARE(list.size(), 2);
    const QJsonObject first = list[0].toObject();
    QCOMPARE(first.keys(),
             (QStringList{"date", "id", "items", "participants", "scorecard", "scorecard_version", "state", "title"}));
    // Same date: the higher id first.
    QCOMPARE(first.value(QLatin1String("id")).toInteger(), m_scoring);
    QCOMPARE(first.value(QLatin1String("state")).toString(), QStringLiteral("scoring"));
    QCOMPARE(list[1].toObject().value(QLatin1String("state")).toString(), QStringLiteral("review"));
    QCOMPARE(first.value(QLatin1String("date")).toString(), QStringLiteral("2026-03-18"));
    QCOMPARE(first.value(QLatin1String("scorecard")).toString(), QStringLiteral("Calibration QA"));
    QCOMPARE(first.value(QLatin1String("scorecard_version")).toInt(), 1);
    QCOMPARE(first.value(QLatin1String("items")).toInt(), 2);
    QCOMPARE(first.value(QLatin1String("participants")).toInt(), 4);
}

void TestCalibrationCli::listText()
{
    const Run r = cli({m_path, QStringLiteral("--list")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QLatin1String("Hand-computed")));
    QVERIFY(r.out.contains(QLatin1String("review")));
}

// The numbers of tst_calibrationmetrics' expert baseline: Ann −14.583333 points, alignment 81.25%,
// Ben 75% with one critical mismatch, Dan nothing; session 78.125%; criterion c flagged (spread 1/3).
void TestCalibrationCli::sessionJson()
{
    const Run r = cli({m_path, QStringLiteral("--session"), QString::number(m_review), QStringLiteral("--format"),
                       QStringLiteral("json")});
    QCOMPARE(r.code, 0);
    const QJsonObject s = parse(r).object();
    QCOMPARE(s.value(QLatin1String("baseline")).toString(), QStringLiteral("expert"));
    QVERIFY(near(s.value(QLatin1String("tolerance")), 5));
    QVERIFY(near(s.value(QLatin1String("session_score")), 78.125));
    const QJsonArray people = s.value(QLatin1String("participants")).toArray();
    QCOMPARE(people.size(), 3);
    const QJsonObject ann = people[0].toObject();
    QCOMPARE(ann.value(QLatin1String("name")).toString(), QStringLiteral("Ann"));
    QVERIFY(near(ann.value(QLatin1String("alignment")), 81.25));
    QVERIFY(near(ann.value(QLatin1String("mean_signed_deviation")), -14.5833335));
    QVERIFY(near(ann.value(QLatin1String("mean_abs_deviation")), 14.5833335));
    QVERIFY(near(ann.value(QLatin1String("within_tolerance_pct")), 0));
    QCOMPARE(ann.value(QLatin1String("critical_mismatches")).toInt(), 0);
    QCOMPARE(ann.value(QLatin1String("items_scored")).toInt(), 2);
    QCOMPARE(people[1].toObject().value(QLatin1String("critical_mismatches")).toInt(), 1);
    const QJsonObject dan = people[2].toObject();
    QVERIFY(dan.value(QLatin1String("alignment")).isNull());
    QCOMPARE(dan.value(QLatin1String("items_scored")).toInt(), 0);

    const QJsonArray items = s.value(QLatin1String("items")).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items[0].toObject().value(QLatin1String("ticket_id")).toString(), QStringLiteral("T1"));
    QCOMPARE(items[0].toObject().value(QLatin1String("flagged_criteria")).toArray().size(), 3);
    QCOMPARE(items[1].toObject().value(QLatin1String("flagged_criteria")).toArray(), QJsonArray{QStringLiteral("c")});

    const QJsonArray criteria = s.value(QLatin1String("criteria")).toArray();
    QCOMPARE(criteria.size(), 3);
    const QJsonObject a = criteria[0].toObject();
    QCOMPARE(a.value(QLatin1String("key")).toString(), QStringLiteral("a"));
    QVERIFY(near(a.value(QLatin1String("percent_agreement")), 2.0 / 3));
    QVERIFY(a.value(QLatin1String("applicability_agreement")).isNull());
    QVERIFY(near(a.value(QLatin1String("spread")), 1.0 / 6));
    const QJsonObject alpha = a.value(QLatin1String("alpha")).toObject();
    QCOMPARE(alpha.value(QLatin1String("metric")).toString(), QStringLiteral("alpha"));
    QCOMPARE(alpha.value(QLatin1String("level")).toString(), QStringLiteral("nominal"));
    QCOMPARE(alpha.value(QLatin1String("units")).toInt(), 2);
    QVERIFY(alpha.contains(QLatin1String("ci_low")) && alpha.value(QLatin1String("ci_low")).isNull());
    QCOMPARE(criteria[1].toObject().value(QLatin1String("alpha")).toObject().value(QLatin1String("level")).toString(),
             QStringLiteral("ordinal"));
    QVERIFY(near(criteria[2].toObject().value(QLatin1String("applicability_agreement")), 1.0 / 3));
    QCOMPARE(criteria[2].toObject().value(QLatin1String("flagged")).toBool(), true);
}

// cli.md's keys come first, in its order.
void TestCalibrationCli::sessionKeysInOrder()
{
    const Run r = cli({m_path, QStringLiteral("--session"), QString::number(m_review), QStringLiteral("--format"),
                       QStringLiteral("json")});
    QVERIFY(r.out.startsWith(QStringLiteral("{\"id\":%1,\"title\":\"Hand-computed\",\"state\":\"review\",\"baseline\":"
                                            "\"expert\",\"tolerance\":5,\"session_score\":78.125,\"participants\":[{"
                                            "\"id\":")
                                 .arg(m_review)));
    QVERIFY(r.out.contains(QLatin1String("\"name\":\"Ann\",\"alignment\":81.25,\"mean_signed_deviation\":")));
    QVERIFY(r.out.contains(QLatin1String("\"within_tolerance_pct\":0,\"critical_mismatches\":0,\"items_scored\":2")));
    QVERIFY(r.out.contains(QLatin1String("{\"id\":")));
    const qsizetype items = r.out.indexOf(QLatin1String("\"items\":[{\"id\":"));
    const qsizetype criteria = r.out.indexOf(QLatin1String("\"criteria\":[{\"key\":\"a\",\"alpha\":{"));
    QVERIFY(items > 0 && criteria > items);
    QVERIFY(r.out.contains(QLatin1String("\"ticket_id\":\"T1\",\"spread_sd\":")));
    QVERIFY(r.out.contains(QLatin1String("\"percent_agreement\":")));
}

void TestCalibrationCli::blindSession()
{
    const Run r = cli({m_scoring > 0 ? m_path : QString(), QStringLiteral("--session"), QString::number(m_scoring),
                       QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 0);
    const QJsonObject s = parse(r).object();
    QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("scoring"));
    QVERIFY(s.value(QLatin1String("baseline")).isNull());
    QVERIFY(s.value(QLatin1String("session_score")).isNull());
    QVERIFY(s.value(QLatin1String("criteria")).toArray().isEmpty());
    QVERIFY(s.value(QLatin1String("note")).toString().contains(QLatin1String("blind")));
    const QJsonArray people = s.value(QLatin1String("participants")).toArray();
    QCOMPARE(people.size(), 4);
    for (const QJsonValue &p : people) {
        QVERIFY(p.toObject().value(QLatin1String("alignment")).isNull());
        QVERIFY(p.toObject().value(QLatin1String("mean_signed_deviation")).isNull());
    }
    QVERIFY(!people[0].toObject().value(QLatin1String("submitted_at")).isNull());
    QVERIFY(people[3].toObject().value(QLatin1String("submitted_at")).isNull());
    for (const QJsonValue &i : s.value(QLatin1String("items")).toArray())
        QVERIFY(i.toObject().value(QLatin1String("spread_sd")).isNull());

    const Run text = cli({m_path, QStringLiteral("--session"), QString::number(m_scoring)});
    QCOMPARE(text.code, 0);
    QVERIFY(text.out.contains(QLatin1String("blind")));
    QVERIFY(text.out.contains(QLatin1String("not submitted")));
}

void TestCalibrationCli::sessionText()
{
    const Run r = cli({m_path, QStringLiteral("--session"), QString::number(m_review)});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QLatin1String("Baseline: expert")));
    QVERIFY(r.out.contains(QLatin1String("78.1%")));
    QVERIFY(r.out.contains(QLatin1String("-14.6")));
    QVERIFY(r.out.contains(QLatin1String("flagged")));
}

void TestCalibrationCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("neither --list nor --session") << QStringList{};
    QTest::newRow("both") << QStringList{QStringLiteral("--list"), QStringLiteral("--session"), QStringLiteral("1")};
    QTest::newRow("a session id that is not a number") << QStringList{QStringLiteral("--session"), QStringLiteral("x")};
    QTest::newRow("a zero id") << QStringList{QStringLiteral("--session"), QStringLiteral("0")};
    QTest::newRow("an unknown format") << QStringList{QStringLiteral("--list"), QStringLiteral("--format"),
                                                      QStringLiteral("csv")};
    QTest::newRow("an unknown flag") << QStringList{QStringLiteral("--list"), QStringLiteral("--all")};
}

void TestCalibrationCli::usageErrors()
{
    QFETCH(QStringList, args);
    const Run r = cli(QStringList{m_path} + args);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains(QLatin1String("qualitylens-cli")));
    // No project at all is a usage error too.
    QCOMPARE(cli({QStringLiteral("--list")}).code, 2);
}

void TestCalibrationCli::unknownSession()
{
    const Run r = cli({m_path, QStringLiteral("--session"), QStringLiteral("999")});
    QCOMPARE(r.code, 3);
    QVERIFY(r.err.contains(QLatin1String("999")));
    QVERIFY(r.out.isEmpty());
}

void TestCalibrationCli::cannotOpen()
{
    QCOMPARE(cli({m_dir.filePath(QStringLiteral("missing.qlens")), QStringLiteral("--list")}).code, 4);
    const QString notProject = m_dir.filePath(QStringLiteral("text.qlens"));
    QFile f(notProject);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a project");
    f.close();
    QCOMPARE(cli({notProject, QStringLiteral("--list")}).code, 4);
}

QTEST_GUILESS_MAIN(TestCalibrationCli)
#include "tst_calibrationcli.moc"

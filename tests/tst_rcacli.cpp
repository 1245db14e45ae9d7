// SPDX-License-Identifier: GPL-3.0-or-later
// `qualitylens-cli rca` through the built binary (cli.md): the JSON of cli.md on a small demo, the
// planted CSAT drop explained (docs/demo.md), effects adding up to the change, and exit codes.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(QL_CLI_PATH), args);
    Run r;
    if (!p.waitForFinished(300000))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestRcaCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void planted();
    void defaultDimensionsAndQaScore();
    void filters();
    void complianceAndVersionWarning();
    void exitCodes_data();
    void exitCodes();

private:
    QTemporaryDir m_dir;
    QString m_project;
};

void TestRcaCli::initTestCase()
{
    m_project = m_dir.filePath(QStringLiteral("demo.qlens"));
    const Run r = cli({QStringLiteral("demo"), m_project, QStringLiteral("--agents"), QStringLiteral("60"),
                       QStringLiteral("--months"), QStringLiteral("6")});
    QVERIFY2(r.code == 0, r.err.constData());
}

void TestRcaCli::planted()
{
    const Run r = cli({QStringLiteral("rca"), m_project, QStringLiteral("--metric"), QStringLiteral("csat_pct"),
                       QStringLiteral("--base"), QStringLiteral("2026-09"), QStringLiteral("--current"),
                       QStringLiteral("2026-10"), QStringLiteral("--dims"), QStringLiteral("queue,channel,reason")});
    QVERIFY2(r.code == 0, r.err.constData());
    QJsonParseError perr;
    const QJsonObject o = QJsonDocument::fromJson(r.out, &perr).object();
    QCOMPARE(perr.error, QJsonParseError::NoError);
    for (const char *key :
         {"metric", "base", "current", "delta", "p_value", "significant", "dimensions", "drill", "summary"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value(QStringLiteral("metric")).toString(), QStringLiteral("csat_pct"));
    QCOMPARE(o.value(QStringLiteral("base")).toObject().value(QStringLiteral("period")).toString(),
             QStringLiteral("2026-09"));
    const double base = o.value(QStringLiteral("base")).toObject().value(QStringLiteral("value")).toDouble();
    const double current = o.value(QStringLiteral("current")).toObject().value(QStringLiteral("value")).toDouble();
    const double delta = o.value(QStringLiteral("delta")).toDouble();
    QVERIFY(std::abs(current - base - delta) < 1e-9);
    QVERIFY(delta < 0);
    QVERIFY(o.value(QStringLiteral("significant")).toBool());

    const QJsonArray dims = o.value(QStringLiteral("dimensions")).toArray();
    QCOMPARE(dims.size(), 3);
    const QJsonObject top = dims.at(0).toObject();
    QCOMPARE(top.value(QStringLiteral("dimension")).toString(), QStringLiteral("queue"));
    QVERIFY(top.value(QStringLiteral("kept")).toBool());
    QVERIFY(top.value(QStringLiteral("explained")).toDouble() >= 0.67);
    for (const QJsonValue &dv : dims) {
        const QJsonObject d = dv.toObject();
        for (const char *key : {"dimension", "kept", "concentration", "surprise", "explained", "elements"})
            QVERIFY2(d.contains(QLatin1String(key)), key);
        // Each dimension's effects add up to the change; elements by share, largest first.
        double sum = 0, previousShare = 1e300;
        for (const QJsonValue &ev : d.value(QStringLiteral("elements")).toArray()) {
            const QJsonObject e = ev.toObject();
            for (const char *key : {"element", "rate_effect", "mix_effect", "share_of_change", "volume", "p_value",
                                    "significant", "small_sample", "in_explaining_set", "surprise", "base", "current"})
                QVERIFY2(e.contains(QLatin1String(key)), key);
            sum += e.value(QStringLiteral("rate_effect")).toDouble() + e.value(QStringLiteral("mix_effect")).toDouble();
            const double share = e.value(QStringLiteral("share_of_change")).toDouble();
            QVERIFY(share <= previousShare);
            previousShare = share;
        }
        QVERIFY2(std::abs(sum - delta) < 1e-9, qPrintable(d.value(QStringLiteral("dimension")).toString()));
    }
    const QJsonObject returns = top.value(QStringLiteral("elements")).toArray().at(0).toObject();
    QCOMPARE(returns.value(QStringLiteral("element")).toString(), QStringLiteral("Returns"));
    QVERIFY(returns.value(QStringLiteral("in_explaining_set")).toBool());
    QVERIFY(returns.value(QStringLiteral("current")).toObject().value(QStringLiteral("value")).toDouble() <
            returns.value(QStringLiteral("base")).toObject().value(QStringLiteral("value")).toDouble() - 10);

    const QJsonObject drill = o.value(QStringLiteral("drill")).toObject();
    QCOMPARE(drill.value(QStringLiteral("element")).toString(), QStringLiteral("Returns"));
    const QJsonObject drillTop = drill.value(QStringLiteral("dimensions")).toArray().at(0).toObject();
    QCOMPARE(drillTop.value(QStringLiteral("dimension")).toString(), QStringLiteral("reason"));
    QCOMPARE(drillTop.value(QStringLiteral("elements"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("element"))
                 .toString(),
             QStringLiteral("Refund delay"));
    const QString summary = o.value(QStringLiteral("summary")).toString();
    QVERIFY2(summary.startsWith(QStringLiteral("CSAT fell")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("queue Returns")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("reason Refund delay")), qPrintable(summary));
}

void TestRcaCli::defaultDimensionsAndQaScore()
{
    // Without --dims every single-valued dimension is searched (no period, no multi-valued one).
    const Run r = cli({QStringLiteral("rca"), m_project, QStringLiteral("--metric"), QStringLiteral("qa_score"),
                       QStringLiteral("--base"), QStringLiteral("2026-08"), QStringLiteral("--current"),
                       QStringLiteral("2026-09")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QStringList names;
    for (const QJsonValue &d : o.value(QStringLiteral("dimensions")).toArray())
        names << d.toObject().value(QStringLiteral("dimension")).toString();
    for (const char *expected : {"agent", "team", "site", "queue", "channel", "auditor", "sample_type"})
        QVERIFY2(names.contains(QLatin1String(expected)), expected);
    for (const char *absent : {"month", "day", "root_cause", "critical_family", "agent_name"})
        QVERIFY2(!names.contains(QLatin1String(absent)), absent);
    QVERIFY(!o.value(QStringLiteral("summary")).toString().isEmpty());
}

void TestRcaCli::filters()
{
    // --filter narrows every figure: with channel=email, the whole equals the email element of the
    // unfiltered run's channel dimension, and channel itself has one element.
    const QStringList common{QStringLiteral("rca"),       m_project,
                             QStringLiteral("--metric"),  QStringLiteral("csat_pct"),
                             QStringLiteral("--base"),    QStringLiteral("2026-09"),
                             QStringLiteral("--current"), QStringLiteral("2026-10"),
                             QStringLiteral("--dims"),    QStringLiteral("queue,channel")};
    const Run all = cli(common);
    QVERIFY2(all.code == 0, all.err.constData());
    QJsonObject email;
    for (const QJsonValue &d : QJsonDocument::fromJson(all.out).object().value(QStringLiteral("dimensions")).toArray())
        if (d.toObject().value(QStringLiteral("dimension")).toString() == QStringLiteral("channel"))
            for (const QJsonValue &e : d.toObject().value(QStringLiteral("elements")).toArray())
                if (e.toObject().value(QStringLiteral("element")).toString() == QStringLiteral("email"))
                    email = e.toObject();
    QVERIFY(!email.isEmpty());
    const Run one = cli(common + QStringList{QStringLiteral("--filter"), QStringLiteral("channel=email")});
    QVERIFY2(one.code == 0, one.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(one.out).object();
    for (const char *period : {"base", "current"}) {
        const QJsonObject whole = o.value(QLatin1String(period)).toObject();
        const QJsonObject part = email.value(QLatin1String(period)).toObject();
        QCOMPARE(whole.value(QStringLiteral("n")).toInteger(), part.value(QStringLiteral("n")).toInteger());
        QVERIFY(std::abs(whole.value(QStringLiteral("value")).toDouble() -
                         part.value(QStringLiteral("value")).toDouble()) < 1e-9);
    }
    for (const QJsonValue &d : o.value(QStringLiteral("dimensions")).toArray())
        if (d.toObject().value(QStringLiteral("dimension")).toString() == QStringLiteral("channel"))
            QCOMPARE(d.toObject().value(QStringLiteral("elements")).toArray().size(), 1);
    // A filter on the periods' own dimension is refused.
    const Run month = cli(common + QStringList{QStringLiteral("--filter"), QStringLiteral("month=2026-10")});
    QCOMPARE(month.code, 3);
    QVERIFY(month.err.contains("--base and --current"));
}

void TestRcaCli::complianceAndVersionWarning()
{
    // compliance(KEY) runs on the answers; the JSON names the metric as asked.
    Run r = cli({QStringLiteral("rca"), m_project, QStringLiteral("--metric"), QStringLiteral("compliance(next_steps)"),
                 QStringLiteral("--base"), QStringLiteral("2026-09"), QStringLiteral("--current"),
                 QStringLiteral("2026-10"), QStringLiteral("--dims"), QStringLiteral("queue,team")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("metric")).toString(), QStringLiteral("compliance(next_steps)"));
    QVERIFY(o.value(QStringLiteral("summary")).toString().startsWith(QStringLiteral("Compliance of next_steps")));
    // The demo's scorecard gets its version 2 once in the window: of the five pairs of consecutive
    // months, exactly one crosses it, and only that one warns (on stderr, the JSON stays clean).
    const QStringList months{QStringLiteral("2026-05"), QStringLiteral("2026-06"), QStringLiteral("2026-07"),
                             QStringLiteral("2026-08"), QStringLiteral("2026-09"), QStringLiteral("2026-10")};
    int warned = 0;
    for (int i = 1; i < months.size(); ++i) {
        r = cli({QStringLiteral("rca"), m_project, QStringLiteral("--metric"), QStringLiteral("qa_score"),
                 QStringLiteral("--base"), months[i - 1], QStringLiteral("--current"), months[i],
                 QStringLiteral("--dims"), QStringLiteral("queue")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(!QJsonDocument::fromJson(r.out).isNull());
        if (r.err.contains("scorecard version changed"))
            ++warned;
    }
    QCOMPARE(warned, 1);
}

void TestRcaCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    const QString p = QStringLiteral("PROJECT");
    const auto rca = [&](QStringList more) { return QStringList{QStringLiteral("rca"), p} + more; };
    QTest::newRow("missing --metric") << rca({QStringLiteral("--base"), QStringLiteral("2026-09"),
                                              QStringLiteral("--current"), QStringLiteral("2026-10")})
                                      << 2;
    QTest::newRow("bad period") << rca({QStringLiteral("--metric"), QStringLiteral("csat_pct"),
                                        QStringLiteral("--base"), QStringLiteral("Sept"), QStringLiteral("--current"),
                                        QStringLiteral("2026-10")})
                                << 2;
    QTest::newRow("unknown flag") << rca({QStringLiteral("--metric"), QStringLiteral("csat_pct"),
                                          QStringLiteral("--base"), QStringLiteral("2026-09"),
                                          QStringLiteral("--current"), QStringLiteral("2026-10"),
                                          QStringLiteral("--bogus")})
                                  << 2;
    QTest::newRow("unknown KPI") << rca({QStringLiteral("--metric"), QStringLiteral("happiness"),
                                         QStringLiteral("--base"), QStringLiteral("2026-09"),
                                         QStringLiteral("--current"), QStringLiteral("2026-10")})
                                 << 3;
    QTest::newRow("unknown dimension") << rca({QStringLiteral("--metric"), QStringLiteral("csat_pct"),
                                               QStringLiteral("--base"), QStringLiteral("2026-09"),
                                               QStringLiteral("--current"), QStringLiteral("2026-10"),
                                               QStringLiteral("--dims"), QStringLiteral("planet")})
                                       << 3;
    QTest::newRow("multi-valued dimension")
        << rca({QStringLiteral("--metric"), QStringLiteral("qa_score"), QStringLiteral("--base"),
                QStringLiteral("2026-09"), QStringLiteral("--current"), QStringLiteral("2026-10"),
                QStringLiteral("--dims"), QStringLiteral("critical_family")})
        << 3;
    QTest::newRow("unknown criterion") << rca({QStringLiteral("--metric"), QStringLiteral("compliance(nope)"),
                                               QStringLiteral("--base"), QStringLiteral("2026-09"),
                                               QStringLiteral("--current"), QStringLiteral("2026-10")})
                                       << 3;
    QTest::newRow("no data for the period")
        << rca({QStringLiteral("--metric"), QStringLiteral("csat_pct"), QStringLiteral("--base"),
                QStringLiteral("2020-01"), QStringLiteral("--current"), QStringLiteral("2026-10")})
        << 3;
    QTest::newRow("periods of two kinds")
        << rca({QStringLiteral("--metric"), QStringLiteral("csat_pct"), QStringLiteral("--base"),
                QStringLiteral("2026-Q3"), QStringLiteral("--current"), QStringLiteral("2026-10")})
        << 3;
    QTest::newRow("missing project") << QStringList{QStringLiteral("rca"),       QStringLiteral("/nonexistent/x.qlens"),
                                                    QStringLiteral("--metric"),  QStringLiteral("csat_pct"),
                                                    QStringLiteral("--base"),    QStringLiteral("2026-09"),
                                                    QStringLiteral("--current"), QStringLiteral("2026-10")}
                                     << 4;
}

void TestRcaCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    if (args.size() > 1 && args[1] == QLatin1String("PROJECT"))
        args[1] = m_project;
    const Run r = cli(args);
    QVERIFY2(r.code == code, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(QString::fromUtf8(r.err))));
    QVERIFY(!r.err.isEmpty());
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestRcaCli)
#include "tst_rcacli.moc"

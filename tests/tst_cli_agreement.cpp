// SPDX-License-Identifier: GPL-3.0-or-later
// qualitylens-cli agreement (cli.md): the JSON of "agreement JSON", defaults, exit codes 2, 3, 4
// and messages prefixed BASENAME:LINE:, run as a user would through QProcess.
#include "clirun.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

using Run = ql::test::CliRun;

Run cli(const QStringList &args)
{
    return ql::test::runCli(QStringLiteral(QL_CLI_PATH), QStringList{QStringLiteral("agreement")} + args, 120000);
}

QString data(const char *name)
{
    return QStringLiteral(QL_TESTDATA_DIR "/agreement/") + QLatin1String(name);
}

QJsonObject parse(const Run &r)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning("not a JSON object: %s", qPrintable(r.out));
    return doc.object();
}

bool near(double a, double b, double tol)
{
    return std::fabs(a - b) <= tol;
}
constexpr double threeDecimals = 0.0005 + 1e-12;

} // namespace

class TestCliAgreement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jsonShape();
    void alphaLevels_data();
    void alphaLevels();
    void fleissWithBootstrap();
    void iccForms();
    void cohenAndTextScales();
    void undefinedNoVariation();
    void csvDetailsAndNotApplicable();
    void invalidInput_data();
    void invalidInput();
    void usageErrors_data();
    void usageErrors();
    void cannotRead();
    void help();

private:
    QString write(const QString &name, const QByteArray &content);
    QTemporaryDir m_dir;
};

void TestCliAgreement::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestCliAgreement::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
    return path;
}

void TestCliAgreement::jsonShape()
{
    const Run r = cli({data("krippendorff2011.csv"), QStringLiteral("--metric"), QStringLiteral("alpha"),
                       QStringLiteral("--bootstrap"), QStringLiteral("0")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    QVERIFY(r.out.endsWith(QLatin1Char('\n')));
    // Every key of cli.md, in its order, and nothing else.
    const QStringList keys{"metric",  "level", "weights", "value",    "ci_low",
                           "ci_high", "units", "raters",  "pairable", "note"};
    qsizetype at = -1;
    for (const QString &k : keys) {
        const qsizetype next = r.out.indexOf(QStringLiteral("\"%1\":").arg(k));
        QVERIFY2(next > at, qPrintable(k));
        at = next;
    }
    const QJsonObject o = parse(r);
    QCOMPARE(o.keys().size(), keys.size());
    QCOMPARE(o.value("metric").toString(), QStringLiteral("alpha"));
    QCOMPARE(o.value("level").toString(), QStringLiteral("nominal")); // the default level
    QCOMPARE(o.value("weights").toString(), QStringLiteral("none"));
    // Interval keys present and null when not computed (--bootstrap 0).
    QVERIFY(o.contains("ci_low") && o.value("ci_low").isNull());
    QVERIFY(o.contains("ci_high") && o.value("ci_high").isNull());
    QCOMPARE(o.value("units").toInt(), 11);
    QCOMPARE(o.value("raters").toInt(), 4);
    QCOMPARE(o.value("pairable").toInt(), 40);
    QCOMPARE(o.value("note").toString(), QStringLiteral("tentative (Krippendorff 2004)"));
}

void TestCliAgreement::alphaLevels_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<double>("published");
    // Krippendorff (2011), section C.
    QTest::newRow("nominal 0.743") << QStringLiteral("nominal") << 0.743;
    QTest::newRow("ordinal 0.815") << QStringLiteral("ordinal") << 0.815;
    QTest::newRow("interval 0.849") << QStringLiteral("interval") << 0.849;
    QTest::newRow("ratio 0.797") << QStringLiteral("ratio") << 0.797;
}

void TestCliAgreement::alphaLevels()
{
    QFETCH(QString, level);
    QFETCH(double, published);
    const Run r = cli({data("krippendorff2011.csv"), QStringLiteral("--metric"), QStringLiteral("alpha"),
                       QStringLiteral("--level"), level});
    QCOMPARE(r.code, 0);
    const QJsonObject o = parse(r);
    QCOMPARE(o.value("level").toString(), level);
    QVERIFY2(near(o.value("value").toDouble(), published, threeDecimals), qPrintable(r.out));
    // 11 units ≥ 10, so the default 1,000 resamples give an interval around the value.
    QVERIFY(o.value("ci_low").isDouble() && o.value("ci_high").isDouble());
    QVERIFY(o.value("ci_low").toDouble() <= o.value("value").toDouble());
    QVERIFY(o.value("ci_high").toDouble() >= o.value("value").toDouble());
}

void TestCliAgreement::fleissWithBootstrap()
{
    const QStringList args{data("fleiss1971.csv"), QStringLiteral("--metric"), QStringLiteral("fleiss")};
    const Run r = cli(args);
    QCOMPARE(r.code, 0);
    const QJsonObject o = parse(r);
    // Fleiss (1971): κ = .430.
    QVERIFY2(near(o.value("value").toDouble(), 0.430, threeDecimals), qPrintable(r.out));
    QCOMPARE(o.value("units").toInt(), 30);
    QCOMPARE(o.value("raters").toInt(), 6);
    QCOMPARE(o.value("pairable").toInt(), 180);
    QCOMPARE(o.value("note").toString(), QStringLiteral("moderate (Landis & Koch 1977)"));
    // Seed 1 by default: the same output twice, and with --seed 1; another seed moves the interval.
    QCOMPARE(cli(args).out, r.out);
    QCOMPARE(cli(args + QStringList{"--seed", "1"}).out, r.out);
    const QJsonObject other = parse(cli(args + QStringList{"--seed", "7"}));
    QVERIFY(other.value("ci_low") != o.value("ci_low") || other.value("ci_high") != o.value("ci_high"));
    QCOMPARE(other.value("value"), o.value("value"));
}

void TestCliAgreement::iccForms()
{
    const Run r = cli({data("shroutfleiss1979.csv"), QStringLiteral("--metric"), QStringLiteral("icc")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = parse(r);
    QCOMPARE(o.value("level").toString(), QStringLiteral("interval"));
    QCOMPARE(o.value("units").toInt(), 6);
    QCOMPARE(o.value("raters").toInt(), 4);
    QCOMPARE(o.value("pairable").toInt(), 24);
    QVERIFY(o.value("note").isNull());
    const QJsonObject forms = o.value("forms").toObject();
    // Shrout & Fleiss (1979), recomputed to three decimals (calibration.md).
    const QList<std::pair<QString, double>> expected{{"icc1", 0.166},  {"icc2", 0.290},  {"icc3", 0.715},
                                                     {"icc1k", 0.443}, {"icc2k", 0.620}, {"icc3k", 0.909}};
    QCOMPARE(forms.keys().size(), 6);
    for (const auto &[key, value] : expected) {
        const QJsonObject f = forms.value(key).toObject();
        QCOMPARE(f.keys(), (QStringList{"ci_high", "ci_low", "value"}));
        QVERIFY2(near(f.value("value").toDouble(), value, threeDecimals), qPrintable(key));
        QVERIFY(f.value("ci_low").toDouble() < f.value("value").toDouble());
        QVERIFY(f.value("ci_high").toDouble() > f.value("value").toDouble());
    }
    // The headline is ICC(2,1), interval included.
    QCOMPARE(o.value("value"), forms.value("icc2").toObject().value("value"));
    QCOMPARE(o.value("ci_low"), forms.value("icc2").toObject().value("ci_low"));
    QCOMPARE(o.value("ci_high"), forms.value("icc2").toObject().value("ci_high"));
}

void TestCliAgreement::cohenAndTextScales()
{
    // 2 × 2 by hand (tst_agreement): κ = 0.4 unweighted; a quoted header and CRLF line ends.
    QByteArray csv = "\"unit\",\"rater\",\"value\"\r\n";
    int unit = 0;
    const auto add = [&](const char *a, const char *b, int n) {
        for (int i = 0; i < n; ++i) {
            ++unit;
            csv += QByteArray("u") + QByteArray::number(unit) + ",ann," + a + "\r\n";
            csv += QByteArray("u") + QByteArray::number(unit) + ",bob," + b + "\r\n";
        }
    };
    add("yes", "yes", 20);
    add("yes", "no", 5);
    add("no", "yes", 10);
    add("no", "no", 15);
    const QString path = write(QStringLiteral("cohen.csv"), csv);
    const QJsonObject o = parse(cli({path, QStringLiteral("--metric"), QStringLiteral("cohen")}));
    QVERIFY(near(o.value("value").toDouble(), 0.4, 1e-12));
    QCOMPARE(o.value("units").toInt(), 50);
    QCOMPARE(o.value("pairable").toInt(), 100);
    // AC1 by hand: 0.405941 (tst_agreement); percent agreement 0.7 as a proportion.
    QVERIFY(near(parse(cli({path, QStringLiteral("--metric"), QStringLiteral("ac1")})).value("value").toDouble(),
                 0.205 / 0.505, 1e-12));
    QVERIFY(near(parse(cli({path, QStringLiteral("--metric"), QStringLiteral("percent")})).value("value").toDouble(),
                 0.7, 1e-12));

    // Text answers are fine at the ordinal level once --categories fixes their order; weighted κ
    // defaults to the ordinal level. yes/no on a no,yes scale: q = 2, so every weighting is κ = 0.4.
    const Run weighted = cli({path, QStringLiteral("--metric"), QStringLiteral("cohen"), QStringLiteral("--weights"),
                              QStringLiteral("linear"), QStringLiteral("--categories"), QStringLiteral("no,yes")});
    QCOMPARE(weighted.code, 0);
    const QJsonObject w = parse(weighted);
    QCOMPARE(w.value("level").toString(), QStringLiteral("ordinal"));
    QCOMPARE(w.value("weights").toString(), QStringLiteral("linear"));
    QVERIFY(near(w.value("value").toDouble(), 0.4, 1e-12));
}

void TestCliAgreement::undefinedNoVariation()
{
    QByteArray csv = "unit,rater,value\n";
    for (int u = 1; u <= 12; ++u)
        csv += QByteArray("u") + QByteArray::number(u) + ",a,4\nu" + QByteArray::number(u) + ",b,4\n";
    const QString path = write(QStringLiteral("same.csv"), csv);
    for (const char *metric : {"alpha", "cohen", "fleiss"}) {
        const Run r = cli({path, QStringLiteral("--metric"), QLatin1String(metric)});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("\"value\":null")), qPrintable(r.out));
        const QJsonObject o = parse(r);
        QVERIFY(o.value("value").isNull());
        QVERIFY(o.value("ci_low").isNull() && o.value("ci_high").isNull());
        QCOMPARE(o.value("note").toString(), QStringLiteral("undefined (no variation)"));
    }
    QCOMPARE(parse(cli({path, QStringLiteral("--metric"), QStringLiteral("percent")})).value("value").toDouble(), 1.0);
}

void TestCliAgreement::csvDetailsAndNotApplicable()
{
    // A byte-order mark, a quoted unit holding a comma, N/A in two spellings, a blank line.
    const QString path = write(QStringLiteral("na.csv"),
                               "\xEF\xBB\xBFunit,rater,value\n\"a, 1\",x,N/A\n\"a, 1\",y,n/a\n\nb,x,1\nb,y,2\n");
    // Nominal: N/A is a category, unit a agrees on it. n = 4 (n_1 = 1, n_2 = 1, n_N/A = 2); the
    // coincidences off the diagonal sum to 2; Σ n_c n_k δ² = 2(1·1 + 1·2 + 1·2) = 10;
    // α = 1 − 3·2/10 = 0.4.
    const QJsonObject nominal = parse(cli({path, QStringLiteral("--metric"), QStringLiteral("alpha")}));
    QCOMPARE(nominal.value("units").toInt(), 2);
    QCOMPARE(nominal.value("pairable").toInt(), 4);
    QVERIFY(near(nominal.value("value").toDouble(), 0.4, 1e-12));
    // Interval: N/A is missing, unit a drops out; one unit, 1 against 2: α = 1 − 1·2/2 = 0.
    const QJsonObject interval = parse(cli({path, QStringLiteral("--metric"), QStringLiteral("alpha"),
                                            QStringLiteral("--level"), QStringLiteral("interval")}));
    QCOMPARE(interval.value("units").toInt(), 1);
    QCOMPARE(interval.value("pairable").toInt(), 2);
    QCOMPARE(interval.value("value").toDouble(), 0.0);
    QVERIFY(interval.value("ci_low").isNull());
}

void TestCliAgreement::invalidInput_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("says");
    const QByteArray ok = "unit,rater,value\nu1,a,1\nu1,b,2\nu2,a,2\nu2,b,2\n";
    QTest::newRow("cohen with three raters")
        << QByteArray(ok + "u1,c,1\n") << QStringList{"--metric", "cohen"}
        << QStringLiteral("qualitylens-cli: bad.csv: --metric cohen needs exactly two raters; the file has 3");
    QTest::newRow("duplicate unit and rater")
        << QByteArray(ok + "u1,a,3\n") << QStringList{"--metric", "alpha"}
        << QStringLiteral("bad.csv:6: unit 'u1' is rated twice by rater 'a' (first on line 2)");
    QTest::newRow("value outside --categories") << ok << QStringList{"--metric", "alpha", "--categories", "1,3,5"}
                                                << QStringLiteral("bad.csv:3: '2' is not one of the categories 1,3,5");
    QTest::newRow("text at interval") << QByteArray(ok + "u3,a,good\n")
                                      << QStringList{"--metric", "alpha", "--level", "interval"}
                                      << QStringLiteral("bad.csv:6: 'good' is not a number");
    QTest::newRow("text at ordinal without --categories")
        << QByteArray(ok + "u3,a,good\n") << QStringList{"--metric", "alpha", "--level", "ordinal"}
        << QStringLiteral("bad.csv:6: 'good' is text");
    QTest::newRow("text for icc") << QByteArray(ok + "u3,a,good\n") << QStringList{"--metric", "icc"}
                                  << QStringLiteral("bad.csv:6:");
    QTest::newRow("wrong header") << QByteArray("item,coder,score\nu1,a,1\n") << QStringList{"--metric", "alpha"}
                                  << QStringLiteral("bad.csv:1: the header must be unit,rater,value");
    QTest::newRow("wrong field count") << QByteArray("unit,rater,value\nu1,a,1\nu1,b\n")
                                       << QStringList{"--metric", "alpha"}
                                       << QStringLiteral("bad.csv:3: record has 2 fields, the header has 3");
    QTest::newRow("header only") << QByteArray("unit,rater,value\n") << QStringList{"--metric", "alpha"}
                                 << QStringLiteral("no ratings");
}

void TestCliAgreement::invalidInput()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, flags);
    QFETCH(QString, says);
    const Run r = cli(QStringList{write(QStringLiteral("bad.csv"), csv)} + flags);
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCliAgreement::usageErrors_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("says");
    QTest::newRow("no --metric") << QStringList{} << QStringLiteral("--metric is required");
    QTest::newRow("unknown metric") << QStringList{"--metric", "tau"} << QStringLiteral("unknown --metric 'tau'");
    QTest::newRow("unknown level") << QStringList{"--metric", "alpha", "--level", "cardinal"}
                                   << QStringLiteral("unknown --level");
    QTest::newRow("unknown weights") << QStringList{"--metric", "cohen", "--weights", "cubic"}
                                     << QStringLiteral("unknown --weights");
    QTest::newRow("weights with alpha") << QStringList{"--metric", "alpha", "--weights", "linear"}
                                        << QStringLiteral("cohen only");
    QTest::newRow("fleiss at interval") << QStringList{"--metric", "fleiss", "--level", "interval"}
                                        << QStringLiteral("nominal statistic");
    QTest::newRow("icc at nominal") << QStringList{"--metric", "icc", "--level", "nominal"}
                                    << QStringLiteral("interval or ratio");
    QTest::newRow("weighted cohen at nominal")
        << QStringList{"--metric", "cohen", "--weights", "quadratic", "--level", "nominal"}
        << QStringLiteral("ordered scale");
    QTest::newRow("unweighted cohen at ordinal")
        << QStringList{"--metric", "cohen", "--level", "ordinal"} << QStringLiteral("unweighted κ is nominal");
    QTest::newRow("negative bootstrap") << QStringList{"--metric", "alpha", "--bootstrap", "-1"}
                                        << QStringLiteral("--bootstrap");
    QTest::newRow("seed not a number") << QStringList{"--metric", "alpha", "--seed", "one"} << QStringLiteral("--seed");
    QTest::newRow("repeated category") << QStringList{"--metric", "alpha", "--categories", "1,2,2.0"}
                                       << QStringLiteral("names '2.0' twice");
    QTest::newRow("empty category") << QStringList{"--metric", "alpha", "--categories", "1,,3"}
                                    << QStringLiteral("empty entry");
    QTest::newRow("text category at interval")
        << QStringList{"--metric", "alpha", "--level", "interval", "--categories", "low,high"}
        << QStringLiteral("not a number");
    QTest::newRow("unknown flag") << QStringList{"--metric", "alpha", "--frobnicate"}
                                  << QStringLiteral("Unknown option 'frobnicate'");
}

void TestCliAgreement::usageErrors()
{
    QFETCH(QStringList, flags);
    QFETCH(QString, says);
    // The file exists and is valid: a usage error is found before it is read.
    const Run r = cli(QStringList{data("krippendorff2011.csv")} + flags);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    // A missing or extra argument is a usage error too.
    QCOMPARE(cli({QStringLiteral("--metric"), QStringLiteral("alpha")}).code, 2);
    QCOMPARE(
        cli({data("krippendorff2011.csv"), data("fleiss1971.csv"), QStringLiteral("--metric"), QStringLiteral("alpha")})
            .code,
        2);
}

void TestCliAgreement::cannotRead()
{
    const Run missing =
        cli({m_dir.filePath(QStringLiteral("nowhere.csv")), QStringLiteral("--metric"), QStringLiteral("alpha")});
    QCOMPARE(missing.code, 4);
    QVERIFY2(missing.err.contains(QStringLiteral("cannot read")), qPrintable(missing.err));
    const Run folder = cli({m_dir.path(), QStringLiteral("--metric"), QStringLiteral("alpha")});
    QCOMPARE(folder.code, 4);
    QVERIFY(folder.out.isEmpty());
}

void TestCliAgreement::help()
{
    const Run r = cli({QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.startsWith(QStringLiteral("Usage: qualitylens-cli agreement")));
    for (const char *flag : {"--metric", "--level", "--weights", "--categories", "--bootstrap", "--seed"})
        QVERIFY2(r.out.contains(QLatin1String(flag)), flag);
}

QTEST_GUILESS_MAIN(TestCliAgreement)
#include "tst_cli_agreement.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// qualitylens-cli chart through QProcess (cli.md): renders offscreen with no display to PNG, SVG
// and PDF at the sizes, scales and themes asked, a waterfall from its spec file (with filters and a
// control chart's baseline and restart too), and every exit code.
#include "clirun.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = ql::test::CliRun;

Run cli(const QStringList &args, bool withoutPlatform = false)
{
    return ql::test::runCli(QStringLiteral(QL_CLI_PATH), args, 300000, withoutPlatform);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestChartCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void help();
    void formats_data();
    void formats();
    void waterfallAndControlFromSpecFiles();
    void namesOverride();
    void exitCodes_data();
    void exitCodes();

private:
    QString write(const QString &name, const QByteArray &json);
    QTemporaryDir m_dir;
    QString m_project;
    QString m_spec;
};

QString TestChartCli::write(const QString &name, const QByteArray &json)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(json);
    return path;
}

void TestChartCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath(QStringLiteral("demo.qlens"));
    const Run demo = cli({QStringLiteral("demo"), m_project, QStringLiteral("--agents"), QStringLiteral("12"),
                          QStringLiteral("--months"), QStringLiteral("6"), QStringLiteral("--audits-per-agent-month"),
                          QStringLiteral("4")});
    QVERIFY2(demo.code == 0, qPrintable(demo.err));
    m_spec = write(QStringLiteral("line.json"), R"({"type": "line", "title": "QA score by month", "subtitle": "demo",
        "pivot": {"source": "audits", "rows": ["month"], "measures": ["qa_score"]}, "target": 85, "band": "ci95"})");
}

void TestChartCli::help()
{
    const Run r = cli({QStringLiteral("chart"), QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("--spec")) && r.out.contains(QStringLiteral("--scale")));
    QVERIFY(cli({QStringLiteral("--help")}).out.contains(QStringLiteral("chart")));
}

void TestChartCli::formats_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QSize>("pixels"); // PNG pixels, or the PDF page in points, or the SVG view box
    QTest::newRow("png default") << QStringList{} << QStringLiteral("a.png") << QSize(1920, 1080);
    QTest::newRow("png 2x") << QStringList{QStringLiteral("--scale"), QStringLiteral("2")} << QStringLiteral("b.png")
                            << QSize(3840, 2160);
    QTest::newRow("png 4:3 dark") << QStringList{QStringLiteral("--size"), QStringLiteral("4:3"),
                                                 QStringLiteral("--theme"), QStringLiteral("dark")}
                                  << QStringLiteral("c.png") << QSize(1440, 1080);
    QTest::newRow("png custom print") << QStringList{QStringLiteral("--size"), QStringLiteral("800x600"),
                                                     QStringLiteral("--theme"), QStringLiteral("print")}
                                      << QStringLiteral("d.png") << QSize(800, 600);
    QTest::newRow("svg") << QStringList{} << QStringLiteral("e.svg") << QSize(1920, 1080);
    QTest::newRow("pdf 16:9") << QStringList{} << QStringLiteral("f.pdf") << QSize(960, 540);
    QTest::newRow("pdf 4:3") << QStringList{QStringLiteral("--size"), QStringLiteral("1440x1080")}
                             << QStringLiteral("g.pdf") << QSize(720, 540);
}

void TestChartCli::formats()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, file);
    QFETCH(QSize, pixels);
    const QString out = m_dir.filePath(file);
    const Run r = cli(QStringList{QStringLiteral("chart"), m_project, QStringLiteral("--spec"), m_spec,
                                  QStringLiteral("--out"), out} +
                          extra,
                      true);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    const QByteArray bytes = readAll(out);
    if (file.endsWith(QLatin1String(".png"))) {
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        QCOMPARE(image.size(), pixels);
        const QColor corner(image.pixel(0, 0));
        QCOMPARE(corner, extra.contains(QStringLiteral("dark")) ? QColor(0x15, 0x18, 0x1C) : QColor(Qt::white));
    } else if (file.endsWith(QLatin1String(".svg"))) {
        QVERIFY(
            bytes.contains(QStringLiteral("viewBox=\"0 0 %1 %2\"").arg(pixels.width()).arg(pixels.height()).toUtf8()));
        QVERIFY(bytes.contains(">QA score by month</text>"));
        QVERIFY(!bytes.contains("<image"));
    } else {
        static const QRegularExpression re(QStringLiteral("/MediaBox \\[\\s*0 0 ([\\d.]+) ([\\d.]+)"));
        const auto m = re.match(QString::fromLatin1(bytes));
        QVERIFY(m.hasMatch());
        QVERIFY(std::abs(m.captured(1).toDouble() - pixels.width()) < 0.6);
        QVERIFY(std::abs(m.captured(2).toDouble() - pixels.height()) < 0.6);
        QVERIFY(!bytes.contains("/Subtype /Image"));
    }
}

// The demo ends in October 2026. A waterfall spec file as docs/charts.md documents it (metric, base,
// current, dims, filters) renders with no display; its title, its steps' dimension and the filter
// reach the picture. A p-chart with a control object names its baseline and restart.
void TestChartCli::waterfallAndControlFromSpecFiles()
{
    const QString waterfall = write(QStringLiteral("waterfall.json"), R"({"type": "waterfall", "title": "Why CSAT moved",
        "rca": {"metric": "csat_pct", "base": "2026-09", "current": "2026-10", "dims": ["queue"],
                "filters": {"channel": {"not_in": ["phone"]}}}})");
    const QString png = m_dir.filePath(QStringLiteral("waterfall.png"));
    Run r = cli({QStringLiteral("chart"), m_project, QStringLiteral("--spec"), waterfall, QStringLiteral("--out"), png},
                true);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QImage image(png);
    QCOMPARE(image.size(), QSize(1920, 1080));
    const QString svgPath = m_dir.filePath(QStringLiteral("waterfall.svg"));
    r = cli({QStringLiteral("chart"), m_project, QStringLiteral("--spec"), waterfall, QStringLiteral("--out"), svgPath});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString svg = QString::fromUtf8(readAll(svgPath));
    QVERIFY(svg.contains(QStringLiteral(">Why CSAT moved</text>")));
    QVERIFY2(svg.contains(QStringLiteral("channel ≠ phone")), "the footnote names the filter");

    const QString control = write(QStringLiteral("pchart.json"), R"({"type": "p-chart", "title": "Pass rate",
        "pivot": {"rows": ["month"], "measures": ["pass_rate"]},
        "control": {"baseline": {"from": "2026-05", "to": "2026-07"}, "restart": "2026-08"}})");
    const QString controlSvg = m_dir.filePath(QStringLiteral("pchart.svg"));
    // Wide enough that the footnote's second line does not wrap inside the phrase looked for.
    r = cli({QStringLiteral("chart"), m_project, QStringLiteral("--spec"), control, QStringLiteral("--out"), controlSvg,
             QStringLiteral("--size"), QStringLiteral("5760x1080")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString pchart = QString::fromUtf8(readAll(controlSvg));
    QVERIFY2(pchart.contains(QStringLiteral("limits restart in Aug 2026 (chosen)")), "the footnote names the restart");

    // A waterfall whose period is not one says which key is wrong (exit 3).
    const QString bad = write(QStringLiteral("bad-waterfall.json"),
                              R"({"type": "waterfall", "rca": {"metric": "csat_pct", "base": "September", "current": "2026-10"}})");
    r = cli({QStringLiteral("chart"), m_project, QStringLiteral("--spec"), bad, QStringLiteral("--out"), png});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(QStringLiteral("rca.base")), qPrintable(r.err));
}

// --names overrides the spec's "names", which overrides the project's setting (names in the demo):
// the SVG's axis labels are the agents' names, their ids, or neither.
void TestChartCli::namesOverride()
{
    const QString spec = write(QStringLiteral("agents.json"), R"({"type": "bar", "title": "By agent",
        "pivot": {"source": "audits", "rows": ["agent_name"], "measures": ["count"]}, "names": "ids"})");
    const QString svg = m_dir.filePath(QStringLiteral("agents.svg"));
    auto render = [&](const QStringList &extra) {
        const Run r = cli(QStringList{QStringLiteral("chart"), m_project, QStringLiteral("--spec"), spec,
                                      QStringLiteral("--out"), svg} + extra, true);
        return r.code == 0 ? QString::fromUtf8(readAll(svg)) : QStringLiteral("exit %1: %2").arg(r.code).arg(r.err);
    };
    static const QRegularExpression id(QStringLiteral(">A\\d+</text>"));
    const QString ids = render({});
    QVERIFY2(ids.contains(id), qPrintable(ids.left(300))); // the spec's "ids"
    const QString names = render({QStringLiteral("--names"), QStringLiteral("names")});
    QVERIFY2(!names.contains(id) && names.contains(QStringLiteral("By agent")), qPrintable(names.left(300)));
    const QString pseudonyms = render({QStringLiteral("--names"), QStringLiteral("pseudonyms")});
    QVERIFY(!pseudonyms.contains(id));
    QVERIFY(pseudonyms.contains(QStringLiteral(">Agent</text>"))); // "Agent 7QK2MD", wrapped under its bar
}

void TestChartCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("spec"); // written to spec.json when not empty
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QByteArray good = R"({"type": "bar", "pivot": {"rows": ["team"], "measures": ["count"]}})";
    const QString png = QStringLiteral("x.png");
    QTest::newRow("no --spec") << QStringList{QStringLiteral("--out"), png} << QByteArray() << 2
                               << QStringLiteral("--spec");
    QTest::newRow("no --out") << QStringList{QStringLiteral("--spec"), QStringLiteral("@")} << good << 2
                              << QStringLiteral("--out");
    QTest::newRow("gif") << QStringList{QStringLiteral("--spec"), QStringLiteral("@"), QStringLiteral("--out"),
                                        QStringLiteral("x.gif")}
                         << good << 2 << QStringLiteral(".png");
    QTest::newRow("bad size") << QStringList{QStringLiteral("--spec"), QStringLiteral("@"),
                                             QStringLiteral("--out"),  png,
                                             QStringLiteral("--size"), QStringLiteral("big")}
                              << good << 2 << QStringLiteral("--size");
    QTest::newRow("scale 4") << QStringList{QStringLiteral("--spec"),  QStringLiteral("@"),
                                            QStringLiteral("--out"),   png,
                                            QStringLiteral("--scale"), QStringLiteral("4")}
                             << good << 2 << QStringLiteral("--scale");
    QTest::newRow("bad theme") << QStringList{QStringLiteral("--spec"),  QStringLiteral("@"),
                                              QStringLiteral("--out"),   png,
                                              QStringLiteral("--theme"), QStringLiteral("neon")}
                               << good << 2 << QStringLiteral("--theme");
    QTest::newRow("bad names") << QStringList{QStringLiteral("--spec"),  QStringLiteral("@"),
                                              QStringLiteral("--out"),   png,
                                              QStringLiteral("--names"), QStringLiteral("initials")}
                               << good << 2 << QStringLiteral("--names takes names, ids or pseudonyms");
    QTest::newRow("unknown flag") << QStringList{QStringLiteral("--spec"), QStringLiteral("@"), QStringLiteral("--out"),
                                                 png, QStringLiteral("--colour")}
                                  << good << 2 << QStringLiteral("colour");
    QTest::newRow("not JSON") << QStringList{QStringLiteral("--spec"), QStringLiteral("@"), QStringLiteral("--out"),
                                             png}
                              << QByteArray("{") << 3 << QStringLiteral("JSON");
    QTest::newRow("unknown measure") << QStringList{QStringLiteral("--spec"), QStringLiteral("@"),
                                                    QStringLiteral("--out"), png}
                                     << QByteArray(
                                            R"({"type": "bar", "pivot": {"rows": ["team"], "measures": ["joy"]}})")
                                     << 3 << QStringLiteral("joy");
    QTest::newRow("unknown dimension")
        << QStringList{QStringLiteral("--spec"), QStringLiteral("@"), QStringLiteral("--out"), png}
        << QByteArray(R"({"type": "bar", "pivot": {"rows": ["planet"], "measures": ["count"]}})") << 3
        << QStringLiteral("planet");
    QTest::newRow("p-chart of a mean")
        << QStringList{QStringLiteral("--spec"), QStringLiteral("@"), QStringLiteral("--out"), png}
        << QByteArray(R"({"type": "p-chart", "pivot": {"rows": ["month"], "measures": ["qa_score"]}})") << 3
        << QStringLiteral("rate");
    QTest::newRow("no data")
        << QStringList{QStringLiteral("--spec"), QStringLiteral("@"), QStringLiteral("--out"), png}
        << QByteArray(
               R"({"type": "bar", "pivot": {"rows": ["team"], "measures": ["count"], "filters": {"date": {"from": "2040-01-01"}}}})")
        << 3 << QStringLiteral("no audits");
    QTest::newRow("missing spec file") << QStringList{QStringLiteral("--spec"),
                                                      QStringLiteral("/nonexistent/spec.json"), QStringLiteral("--out"),
                                                      png}
                                       << QByteArray() << 4 << QStringLiteral("spec.json");
    QTest::newRow("unwritable out") << QStringList{QStringLiteral("--spec"), QStringLiteral("@"),
                                                   QStringLiteral("--out"), QStringLiteral("/nonexistent/dir/x.png")}
                                    << good << 4 << QStringLiteral("x.png");
}

void TestChartCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, spec);
    QFETCH(int, code);
    QFETCH(QString, message);
    const QString specPath = write(QStringLiteral("spec.json"), spec);
    for (QString &a : args) {
        if (a == QLatin1String("@"))
            a = specPath;
        else if (a == QLatin1String("x.png") || a == QLatin1String("x.gif"))
            a = m_dir.filePath(a);
    }
    const Run r = cli(QStringList{QStringLiteral("chart"), m_project} + args);
    QVERIFY2(r.code == code, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    // A missing project is exit 4 too.
    if (QTest::currentDataTag() == QLatin1String("no --spec")) {
        const Run missing = cli(
            {QStringLiteral("chart"), m_dir.filePath(QStringLiteral("none.qlens")), QStringLiteral("--spec"),
             write(QStringLiteral("ok.json"), R"({"type": "bar", "pivot": {"rows": ["team"], "measures": ["count"]}})"),
             QStringLiteral("--out"), m_dir.filePath(QStringLiteral("y.png"))});
        QCOMPARE(missing.code, 4);
    }
}

QTEST_GUILESS_MAIN(TestChartCli)
#include "tst_chartcli.moc"

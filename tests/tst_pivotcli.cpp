// SPDX-License-Identifier: GPL-3.0-or-later
// qualitylens-cli pivot through QProcess (cli.md): flags over the spec file, filters with escaped
// commas, the three formats on stdout or in a file, notes on stderr, and every exit code.
#include "clirun.h"
#include "store/project.h"
#include "store/sqlitehandle.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

namespace {

using Run = ql::test::CliRun;

Run cli(const QStringList &args)
{
    return ql::test::runCli(QStringLiteral(QL_CLI_PATH), args, 120000);
}

// Five audits: a1 in Alpha (scores 80, 90), a2 in "Sales, EMEA" (100, 0 with a customer and a
// business critical failure, 85), in January and February 2026.
const char *const Fixture = R"sql(
INSERT INTO teams(id, name) VALUES (1, 'Alpha'), (2, 'Sales, EMEA');
INSERT INTO channels(id, name) VALUES (1, 'chat'), (2, 'email');
INSERT INTO agents(id, agent_key, name, created_at) VALUES (1, 'a1', 'Ann', '2026-01-01'), (2, 'a2', 'Bob', '2026-01-01');
INSERT INTO scorecards(id, name, version, valid_from, definition_json, created_at) VALUES (1, 'Support QA', 1, '2025-01-01', '{}', '2025-01-01');
INSERT INTO audits(id, audit_key, date, day, week, month, quarter, agent_id, team_id, channel_id, sample_type, scorecard_id,
                   score, raw_score, passed, critical_fail, critical_families) VALUES
  (1, 'A1', '2026-01-05', 0, 0, 0, 0, 1, 1, 1, 'random', 1, 80,  80,  0, 0, 0),
  (2, 'A2', '2026-01-20', 0, 0, 0, 0, 1, 1, 2, 'random', 1, 90,  90,  1, 0, 0),
  (3, 'A3', '2026-01-10', 0, 0, 0, 0, 2, 2, 1, 'random', 1, 100, 100, 1, 0, 0),
  (4, 'A4', '2026-02-03', 0, 0, 0, 0, 2, 2, 1, 'random', 1, 0,   70,  0, 1, 3),
  (5, 'A5', '2026-02-12', 0, 0, 0, 0, 2, 2, 2, 'random', 1, 85,  85,  1, 0, 0);
UPDATE audits SET day = CAST(julianday(date) + 0.5 AS INTEGER);
)sql";

QByteArray crlf(const char *text)
{
    QByteArray out(text);
    out.replace("\n", "\r\n");
    return out;
}

} // namespace

class TestPivotCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void help();
    void longToStdout();
    void specFileAndFlags();
    void filtersAndDates();
    void formats();
    void outFile();
    void tiesNoteOnStderr();
    void exitCodes_data();
    void exitCodes();
    void xlsxOut();
    void agentsByNameIdOrPseudonym();
    void benchListsTheChartLines();
    void benchListsTheDashboardLines();

private:
    QString writeFile(const QString &name, const QByteArray &content);
    QTemporaryDir m_dir;
    QString m_project;
};

void TestPivotCli::initTestCase()
{
    m_project = m_dir.filePath(QStringLiteral("cli.qlens"));
    ProjectError err;
    auto project = Project::create(m_project, false, &err);
    QVERIFY2(project, qPrintable(err.message));
    const QString problem = execScript(project->database(), QString::fromUtf8(Fixture));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QString TestPivotCli::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestPivotCli::help()
{
    const Run all = cli({QStringLiteral("--help")});
    QVERIFY(all.out.contains(QStringLiteral("pivot")));
    const Run r = cli({QStringLiteral("pivot"), QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Usage: qualitylens-cli pivot")), qPrintable(r.out));
    for (const char *flag : {"--spec", "--source", "--rows", "--cols", "--measures", "--filter", "--from", "--to",
                             "--totals", "--format", "--out"})
        QVERIFY2(r.out.contains(QLatin1String(flag)), flag);
}

void TestPivotCli::longToStdout()
{
    const Run r =
        cli({QStringLiteral("pivot"), m_project, QStringLiteral("--rows"), QStringLiteral("team"),
             QStringLiteral("--measures"), QStringLiteral("count,qa_score,median(score)"), QStringLiteral("--totals")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    // Alpha 80, 90; Sales 100, 0, 85 (median 85, mean 185 / 3); all: 355 / 5 = 71, median 85.
    QCOMPARE(
        r.out.toUtf8(),
        crlf("team,measure,value\nAlpha,count,2\nAlpha,qa_score,85\nAlpha,median(score),85\n"
             "\"Sales, EMEA\",count,3\n\"Sales, EMEA\",qa_score,61.666666666666664\n\"Sales, EMEA\",median(score),85\n"
             "(total),count,5\n(total),qa_score,71\n(total),median(score),85\n"));
    // Without measures: count.
    QCOMPARE(cli({QStringLiteral("pivot"), m_project}).out.toUtf8(), crlf("measure,value\ncount,5\n"));
}

void TestPivotCli::specFileAndFlags()
{
    const QString spec =
        writeFile(QStringLiteral("spec.json"), R"j({"source":"audits","rows":["channel"],"cols":["month"],
        "measures":["count"],"filters":{"team":{"in":["Alpha"]}},"totals":false})j");
    const Run fromSpec = cli({QStringLiteral("pivot"), m_project, QStringLiteral("--spec"), spec});
    QCOMPARE(fromSpec.code, 0);
    QCOMPARE(fromSpec.out.toUtf8(), crlf("channel,month,measure,value\nchat,2026-01,count,1\nemail,2026-01,count,1\n"));
    // Flags replace the spec's fields: rows, columns, and the filter on team.
    const Run overridden = cli({QStringLiteral("pivot"), m_project, QStringLiteral("--spec"), spec,
                                QStringLiteral("--rows"), QStringLiteral("agent"), QStringLiteral("--cols"), QString(),
                                QStringLiteral("--filter"), QStringLiteral("team=Sales\\, EMEA")});
    QCOMPARE(overridden.code, 0);
    QCOMPARE(overridden.out.toUtf8(), crlf("agent,measure,value\na2,count,3\n"));
}

void TestPivotCli::filtersAndDates()
{
    const Run r = cli({QStringLiteral("pivot"), m_project, QStringLiteral("--rows"), QStringLiteral("critical_family"),
                       QStringLiteral("--filter"), QStringLiteral("channel!=email"), QStringLiteral("--filter"),
                       QStringLiteral("critical_family=customer,business"), QStringLiteral("--from"),
                       QStringLiteral("2026-02-01"), QStringLiteral("--to"), QStringLiteral("2026-02-28")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.toUtf8(), crlf("critical_family,measure,value\nbusiness,count,1\ncustomer,count,1\n"));
}

void TestPivotCli::formats()
{
    const QStringList base{QStringLiteral("pivot"),      m_project,
                           QStringLiteral("--rows"),     QStringLiteral("team"),
                           QStringLiteral("--cols"),     QStringLiteral("month"),
                           QStringLiteral("--measures"), QStringLiteral("count")};
    const Run grid = cli(base + QStringList{QStringLiteral("--format"), QStringLiteral("grid")});
    QCOMPARE(grid.code, 0);
    QCOMPARE(grid.out.toUtf8(), crlf("team,2026-01,2026-02\nAlpha,2,\n\"Sales, EMEA\",1,2\n"));
    const Run json = cli(base + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.code, 0);
    QCOMPARE(
        json.out.toUtf8(),
        QByteArray(
            R"j({"spec":{"source":"audits","rows":["team"],"cols":["month"],"measures":["count"],"filters":{},"totals":false},)j"
            R"j("cells":[{"team":"Alpha","month":"2026-01","measure":"count","value":2,"n":2},)j"
            R"j({"team":"Sales, EMEA","month":"2026-01","measure":"count","value":1,"n":1},)j"
            R"j({"team":"Sales, EMEA","month":"2026-02","measure":"count","value":2,"n":2}]})j"
            "\n"));
}

void TestPivotCli::outFile()
{
    const QString path = m_dir.filePath(QStringLiteral("out.csv"));
    const Run r = cli({QStringLiteral("pivot"), m_project, QStringLiteral("--rows"), QStringLiteral("channel"),
                       QStringLiteral("--out"), path});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.isEmpty());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), crlf("channel,measure,value\nchat,count,3\nemail,count,2\n"));
}

void TestPivotCli::tiesNoteOnStderr()
{
    const QString spec = writeFile(QStringLiteral("top.json"), R"j({"rows":["agent"],"measures":["count"],"top":{"n":1},
        "filters":{"date":{"to":"2026-01-31"}}})j");
    const Run r = cli({QStringLiteral("pivot"), m_project, QStringLiteral("--spec"), spec});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.toUtf8(), crlf("agent,measure,value\na1,count,2\n")); // a1 (2) beats a2 (1): nothing tied
    QVERIFY(r.err.isEmpty());
    const QString tied =
        writeFile(QStringLiteral("tied.json"), R"j({"rows":["agent"],"measures":["count"],"top":{"n":1},
        "filters":{"channel":{"in":["chat"]},"date":{"to":"2026-01-31"}}})j");
    const Run t = cli({QStringLiteral("pivot"), m_project, QStringLiteral("--spec"), tied});
    QCOMPARE(t.code, 0);
    QCOMPARE(t.out.toUtf8(), crlf("agent,measure,value\na1,count,1\na2,count,1\n"));
    QVERIFY2(t.err.contains(QStringLiteral("tie")), qPrintable(t.err));
}

void TestPivotCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");
    const QString p = m_dir.filePath(QStringLiteral("cli.qlens"));
    const QString notProject = writeFile(QStringLiteral("notes.txt"), "hello");
    const QString badJson = writeFile(QStringLiteral("bad.json"), "{rows:");
    const QString badKey = writeFile(QStringLiteral("badkey.json"), R"j({"colums":["month"]})j");
    QTest::newRow("unknown dimension") << QStringList{"pivot", p, "--rows", "tem"} << 3 << "unknown dimension \"tem\"";
    QTest::newRow("unknown measure") << QStringList{"pivot", p, "--measures", "qa_scor"} << 3
                                     << "unknown measure \"qa_scor\"";
    QTest::newRow("unknown source") << QStringList{"pivot", p, "--source", "tickets"} << 3
                                    << "unknown source 'tickets'";
    QTest::newRow("spec not JSON") << QStringList{"pivot", p, "--spec", badJson} << 3 << "not valid JSON";
    QTest::newRow("spec unknown key") << QStringList{"pivot", p, "--spec", badKey} << 3 << "unknown key \"colums\"";
    QTest::newRow("share on multi-valued")
        << QStringList{"pivot",  p,
                       "--rows", "critical_family",
                       "--spec", writeFile("pct.json", R"j({"measures":["count"],"show_as":{"count":"pct_grand"}})j")}
        << 3 << "multi-valued";
    QTest::newRow("no data for the period")
        << QStringList{"pivot", p, "--from", "2030-01-01"} << 3 << "no audits match";
    QTest::newRow("missing project") << QStringList{"pivot", m_dir.filePath("none.qlens")} << 4 << "does not exist";
    QTest::newRow("not a project") << QStringList{"pivot", notProject} << 4 << "not a QualityLens project";
    QTest::newRow("missing spec") << QStringList{"pivot", p, "--spec", m_dir.filePath("none.json")} << 4
                                  << "cannot be read";
    QTest::newRow("format") << QStringList{"pivot", p, "--format", "xml"} << 2 << "--format must be long, grid or json";
    QTest::newRow("date") << QStringList{"pivot", p, "--from", "2026-02-30"} << 2 << "--from must be a date";
    QTest::newRow("filter form") << QStringList{"pivot", p, "--filter", "team"} << 2 << "--filter must be DIM=V1,V2";
    QTest::newRow("filter twice") << QStringList{"pivot", p, "--filter", "team=Alpha", "--filter", "team!=Beta"} << 2
                                  << "names team twice";
    QTest::newRow("extra argument") << QStringList{"pivot", p, "more"} << 2 << "unexpected argument 'more'";
    QTest::newRow("unknown flag") << QStringList{"pivot", p, "--colour"} << 2 << "Unknown option 'colour'";
    QTest::newRow("no project") << QStringList{"pivot"} << 2 << "missing argument";
    QTest::newRow("json to xlsx") << QStringList{"pivot", p, "--format", "json", "--out", m_dir.filePath("x.xlsx")} << 2
                                  << "cannot be written to an .xlsx";
    QTest::newRow("names") << QStringList{"pivot", p, "--names", "initials"} << 2
                           << "--names takes names, ids or pseudonyms, not 'initials'";
}

void TestPivotCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, says);
    const Run r = cli(args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

// --out FILE.xlsx writes the long (or grid) table as one sheet: the same cells as the CSV.
void TestPivotCli::xlsxOut()
{
    const QString unzip = QStandardPaths::findExecutable(QStringLiteral("unzip"));
    QVERIFY2(!unzip.isEmpty(), "unzip is needed to read XLSX files back (scripts/setup.sh installs it)");
    const QString path = m_dir.filePath(QStringLiteral("pivot.xlsx"));
    const Run r = cli({QStringLiteral("pivot"), m_project, QStringLiteral("--rows"), QStringLiteral("team"),
                       QStringLiteral("--measures"), QStringLiteral("avg(score)"), QStringLiteral("--out"), path});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QProcess p;
    p.start(unzip, {QStringLiteral("-p"), path, QStringLiteral("xl/worksheets/sheet1.xml")});
    QVERIFY(p.waitForFinished(60000));
    const QByteArray xml = p.readAllStandardOutput();
    // Header team, measure, value; Alpha (80 + 90) / 2 = 85; "Sales, EMEA" (100 + 0 + 85) / 3 = 61.666…
    QVERIFY2(xml.contains("<t>Sales, EMEA</t>"), xml.constData());
    QVERIFY2(xml.contains("<v>85</v>"), xml.constData());
    QVERIFY2(xml.contains("<v>61.66666666666666"), xml.constData());
}

// The agent dimensions as the output asks (ui.md "People in outputs"): a1 is Ann, a2 is Bob.
void TestPivotCli::agentsByNameIdOrPseudonym()
{
    const QStringList base{QStringLiteral("pivot"), m_project, QStringLiteral("--rows"), QStringLiteral("agent_name")};
    const Run names = cli(base);
    QCOMPARE(names.code, 0);
    QCOMPARE(names.out, QStringLiteral("agent_name,measure,value\r\nAnn,count,2\r\nBob,count,3\r\n"));
    const Run ids = cli(base + QStringList{QStringLiteral("--names"), QStringLiteral("ids")});
    QCOMPARE(ids.code, 0);
    QCOMPARE(ids.out, QStringLiteral("agent_name,measure,value\r\na1,count,2\r\na2,count,3\r\n"));
    const Run pseudonyms = cli(base + QStringList{QStringLiteral("--names"), QStringLiteral("pseudonyms")});
    QCOMPARE(pseudonyms.code, 0);
    QVERIFY2(!pseudonyms.out.contains(QLatin1String("Ann")) && !pseudonyms.out.contains(QLatin1String("a1")),
             qPrintable(pseudonyms.out));
    const QStringList lines = pseudonyms.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    for (int i = 1; i < 3; ++i)
        QVERIFY2(QRegularExpression(QStringLiteral("^Agent [0-9A-Z]{6},count,[23]$")).match(lines.at(i)).hasMatch(),
                 qPrintable(lines.at(i)));
}

// bench (performance.md) prints one tab-separated line per operation: name, median ms, runs, facts.
// The chart lines time a 1920×1080 chart at 2× (render, then render + PNG) over the five audits.
void TestPivotCli::benchListsTheChartLines()
{
    const Run r = cli({QStringLiteral("bench"), m_project, QStringLiteral("--repeat"), QStringLiteral("1")});
    QCOMPARE(r.code, 0);
    QStringList names;
    for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.trimmed().split(QLatin1Char('\t'));
        QCOMPARE(f.size(), 4);
        names << f.at(0);
        if (f.at(0).startsWith(QLatin1String("chart."))) {
            QCOMPARE(f.at(2), QStringLiteral("1"));
            QCOMPARE(f.at(3), QStringLiteral("5"));
            QVERIFY(f.at(1).toDouble() > 0);
        }
    }
    QVERIFY2(names.contains(QStringLiteral("chart.render")) && names.contains(QStringLiteral("chart.png")),
             qPrintable(r.out + r.err));
    QVERIFY(names.indexOf(QStringLiteral("chart.render")) < names.indexOf(QStringLiteral("chart.png")));
}

// bench's dashboard lines (docs/dashboard.md "Speed"): the tiles, the trends and the movers, in that
// order, each over the project's five audits; the trends' cubes are left as the project's snapshots.
void TestPivotCli::benchListsTheDashboardLines()
{
    const Run r = cli({QStringLiteral("bench"), m_project, QStringLiteral("--repeat"), QStringLiteral("1")});
    QCOMPARE(r.code, 0);
    QStringList names;
    for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.trimmed().split(QLatin1Char('\t'));
        QCOMPARE(f.size(), 4);
        names << f.at(0);
        if (f.at(0).startsWith(QLatin1String("dashboard"))) {
            QCOMPARE(f.at(2), QStringLiteral("1"));
            QCOMPARE(f.at(3), QStringLiteral("5"));
            QVERIFY(f.at(1).toDouble() >= 0);
        }
    }
    const int tiles = names.indexOf(QStringLiteral("dashboard"));
    QVERIFY2(tiles >= 0, qPrintable(r.out + r.err));
    QCOMPARE(names.mid(tiles, 3), (QStringList{QStringLiteral("dashboard"), QStringLiteral("dashboard.trends"),
                                               QStringLiteral("dashboard.movers")}));
}

QTEST_GUILESS_MAIN(TestPivotCli)
#include "tst_pivotcli.moc"

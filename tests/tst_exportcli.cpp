// SPDX-License-Identifier: GPL-3.0-or-later
// `qualitylens-cli export` through the real binary (cli.md): the files it writes, its summary line,
// and its exit codes — 2 for wrong usage, 3 for an unknown dimension or an XLSX over the sheet
// limit, 4 for a project or file that cannot be opened or written — with nothing written when it
// refuses.
#include "clirun.h"
#include "common/periods.h"
#include "store/project.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

namespace {

using Run = ql::test::CliRun;

Run cli(const QStringList &args)
{
    return ql::test::runCli(QStringLiteral(QL_CLI_PATH), args, 600000);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestExportCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportsCsv();
    void exportsXlsx();
    void excelBom();
    void filtersAndDates();
    void usageErrors_data();
    void usageErrors();
    void unknownDimensionExit3();
    void openErrorsExit4();
    void unwritableOutputExit4();
    void xlsxOverTheSheetLimitExit3();
    void agentsByIdOrPseudonym();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
    QString m_project;
};

void TestExportCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_project = path(QStringLiteral("demo.qlens"));
    const Run demo = cli({QStringLiteral("demo"), m_project, QStringLiteral("--agents"), QStringLiteral("10"),
                          QStringLiteral("--months"), QStringLiteral("2"), QStringLiteral("--audits-per-agent-month"),
                          QStringLiteral("2")});
    QVERIFY2(demo.code == 0, qPrintable(demo.err));
}

void TestExportCli::exportsCsv()
{
    for (const QString source : {"audits", "answers", "csat", "agents"}) {
        const QString out = path(source + QStringLiteral(".csv"));
        const Run r = cli(
            {QStringLiteral("export"), m_project, QStringLiteral("--source"), source, QStringLiteral("--out"), out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(summary.value(QStringLiteral("source")).toString(), source);
        QCOMPARE(summary.value(QStringLiteral("out")).toString(), out);
        const QByteArray bytes = readAll(out);
        QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
        // One header line plus one line per row (the demo's texts have no line breaks).
        QCOMPARE(bytes.count("\r\n"), summary.value(QStringLiteral("rows")).toInt() + 1);
        QVERIFY(summary.value(QStringLiteral("rows")).toInt() > 0);
    }
    QVERIFY(readAll(path(QStringLiteral("audits.csv")))
                .startsWith("audit_id,source,ticket_id,date,interaction_date,week,month,"));
    QVERIFY(
        readAll(path(QStringLiteral("agents.csv"))).startsWith("agent,name,team,site,supervisor,hire_date,active\r\n"));
}

void TestExportCli::exportsXlsx()
{
    const QString out = path(QStringLiteral("audits.XLSX"));
    const Run r = cli({"export", m_project, "--source", "audits", "--out", out});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(readAll(out).startsWith("PK\x03\x04"));
    QVERIFY(
        !QDir(m_dir.path()).entryList(QDir::Hidden | QDir::Files).join(u' ').contains(QStringLiteral(".audits.XLSX.")));
}

void TestExportCli::excelBom()
{
    const QString out = path(QStringLiteral("excel.csv"));
    const Run r = cli({"export", m_project, "--source", "agents", "--out", out, "--excel"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(readAll(out).startsWith("\xEF\xBB\xBF"
                                    "agent,name,"));
}

void TestExportCli::filtersAndDates()
{
    const QString out = path(QStringLiteral("filtered.csv"));
    const Run r = cli({"export", m_project, "--source", "audits", "--out", out, "--filter", "team=Aurora,Beacon",
                       "--filter", "queue!=(blank)", "--from", "2026-10-01", "--to", "2026-10-31"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const int rows = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("rows")).toInt();

    ProjectError error;
    auto project = Project::open(m_project, Project::Access::ReadOnly, Project::Check::Deferred, &error);
    QVERIFY2(project, qPrintable(error.message));
    QSqlQuery q(project->database());
    // The demo stores team, site and queue with every audit.
    QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM audits a JOIN teams t ON t.id = a.team_id WHERE t.name IN "
                                   "('Aurora', 'Beacon') AND a.queue_id IS NOT NULL AND a.date BETWEEN '2026-10-01' "
                                   "AND '2026-10-31'")) &&
                 q.next(),
             qPrintable(q.lastError().text()));
    QCOMPARE(rows, q.value(0).toInt());
    QVERIFY(rows > 0);
    QCOMPARE(readAll(out).count("\r\n"), rows + 1);
}

void TestExportCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    const QString p = QStringLiteral("PROJECT"); // replaced by the project
    QTest::newRow("no source") << QStringList{"export", p, "--out", "x.csv"} << "--source is required";
    QTest::newRow("bad source") << QStringList{"export", p, "--source", "tickets", "--out", "x.csv"} << "'tickets'";
    QTest::newRow("no out") << QStringList{"export", p, "--source", "audits"} << "--out is required";
    QTest::newRow("other extension") << QStringList{"export", p, "--source", "audits", "--out", "x.txt"}
                                     << "usage.txt'";
    QTest::newRow("xls") << QStringList{"export", p, "--source", "audits", "--out", "x.xls"} << ".csv or .xlsx";
    QTest::newRow("no --format for export")
        << QStringList{"export", p, "--source", "audits", "--out", "x.csv", "--format", "json"}
        << "Unknown option 'format'";
    QTest::newRow("excel with xlsx") << QStringList{"export", p, "--source", "audits", "--out", "x.xlsx", "--excel"}
                                     << "--excel";
    QTest::newRow("bad date") << QStringList{"export", p, "--source", "audits", "--out", "x.csv", "--from", "1/3/2026"}
                              << "--from takes a date";
    QTest::newRow("impossible date") << QStringList{"export", p,       "--source", "audits",
                                                    "--out",  "x.csv", "--to",     "2026-02-30"}
                                     << "--to takes a date";
    QTest::newRow("from after to") << QStringList{"export", p,        "--source",   "audits", "--out",
                                                  "x.csv",  "--from", "2026-03-02", "--to",   "2026-03-01"}
                                   << "is after";
    QTest::newRow("dates on agents") << QStringList{"export", p,       "--source", "agents",
                                                    "--out",  "x.csv", "--from",   "2026-01-01"}
                                     << "agents have no date";
    QTest::newRow("malformed filter") << QStringList{"export", p,       "--source", "audits",
                                                     "--out",  "x.csv", "--filter", "team"}
                                      << "DIM=V1,V2";
    QTest::newRow("empty filter value") << QStringList{"export", p,       "--source", "audits",
                                                       "--out",  "x.csv", "--filter", "team="}
                                        << "empty value";
    QTest::newRow("no project") << QStringList{"export", "--source", "audits", "--out", "x.csv"} << "missing argument";
    QTest::newRow("two projects") << QStringList{"export", p, "other.qlens", "--source", "audits", "--out", "x.csv"}
                                  << "unexpected argument";
    QTest::newRow("out is the project") << QStringList{"export", "PROJECT_AS_CSV", "--source",
                                                       "audits", "--out",          "PROJECT_AS_CSV"}
                                        << "--out names the project itself";
}

void TestExportCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    if (args.contains(QStringLiteral("PROJECT_AS_CSV"))) { // a project whose name ends in .csv
        const QString copy = path(QStringLiteral("project.csv"));
        QVERIFY(QFile::exists(copy) || QFile::copy(m_project, copy));
        args.replaceInStrings(QStringLiteral("PROJECT_AS_CSV"), copy);
    }
    args.replaceInStrings(QStringLiteral("PROJECT"), m_project);
    args.replaceInStrings(QRegularExpression(QStringLiteral("^x\\.")), path(QStringLiteral("usage.")));
    const QByteArray before = readAll(m_project);
    const Run r = cli(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    for (const QString ext : {"csv", "xlsx", "txt", "xls"})
        QVERIFY(!QFile::exists(path(QStringLiteral("usage.") + ext)));
    QCOMPARE(readAll(m_project), before);
}

void TestExportCli::unknownDimensionExit3()
{
    const QString out = path(QStringLiteral("unknown.csv"));
    const Run r = cli({"export", m_project, "--source", "csat", "--out", out, "--filter", "auditor=QA01"});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(QStringLiteral("no dimension \"auditor\" in csat")), qPrintable(r.err));
    QVERIFY(!QFile::exists(out));
}

void TestExportCli::openErrorsExit4()
{
    const QString out = path(QStringLiteral("never.csv"));
    Run r = cli({"export", path(QStringLiteral("missing.qlens")), "--source", "audits", "--out", out});
    QCOMPARE(r.code, 4);
    QVERIFY(!r.err.isEmpty());
    const QString text = path(QStringLiteral("notes.qlens"));
    {
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a project, just some text that is long enough to look like a file header ...........");
    }
    r = cli({"export", text, "--source", "audits", "--out", out});
    QCOMPARE(r.code, 4);
    QVERIFY(!QFile::exists(out));
}

void TestExportCli::unwritableOutputExit4()
{
    const QString out = path(QStringLiteral("no/such/folder/audits.xlsx"));
    Run r = cli({"export", m_project, "--source", "audits", "--out", out});
    QCOMPARE(r.code, 4);
    QVERIFY2(r.err.contains(QStringLiteral("cannot be written")), qPrintable(r.err));
    r = cli({"export", m_project, "--source", "audits", "--out", path(QStringLiteral("no/such/folder/audits.csv"))});
    QCOMPARE(r.code, 4);
}

void TestExportCli::xlsxOverTheSheetLimitExit3()
{
    // 1,048,576 audits: one more than a sheet holds under its header. Refused on the count, before
    // any file is written.
    const QString big = path(QStringLiteral("big.qlens"));
    {
        ProjectError error;
        auto project = Project::create(big, true, &error);
        QVERIFY2(project, qPrintable(error.message));
        QSqlDatabase db = project->database();
        QSqlQuery q(db);
        const PeriodKeys k = PeriodKeys::of(QDate(2026, 3, 2));
        QVERIFY(db.transaction());
        QVERIFY2(
            q.exec(QStringLiteral("INSERT INTO scorecards(id, name, version, valid_from, definition_json, created_at) "
                                  "VALUES (1, 'Card', 1, '2026-01-01', '{}', '2026-01-01')")),
            qPrintable(q.lastError().text()));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO agents(id, agent_key, created_at) VALUES (1, 'A1', '2026-01-01')")));
        QVERIFY2(
            q.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1048576) "
                                  "INSERT INTO audits(id, audit_key, date, day, week, month, quarter, agent_id, "
                                  "scorecard_id) SELECT i, 'A' || i, '2026-03-02', %1, %2, %3, %4, 1, 1 FROM n")
                       .arg(k.day)
                       .arg(k.week)
                       .arg(k.month)
                       .arg(k.quarter)),
            qPrintable(q.lastError().text()));
        QVERIFY(db.commit());
    }
    const QString out = path(QStringLiteral("big.xlsx"));
    const Run r = cli({"export", big, "--source", "audits", "--out", out});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(QStringLiteral("1,048,576 rows")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("at most 1,048,575")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(out));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral(".big.xlsx*")}, QDir::Hidden | QDir::Files), QStringList());
}

void TestExportCli::agentsByIdOrPseudonym()
{
    const QString names = path(QStringLiteral("agents-names.csv"));
    QCOMPARE(cli({"export", m_project, "--source", "agents", "--out", names}).code, 0);
    const QString ids = path(QStringLiteral("agents-ids.csv"));
    Run r = cli({"export", m_project, "--source", "agents", "--out", ids, "--names", "ids"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString pseudonyms = path(QStringLiteral("agents-pseudonyms.csv"));
    r = cli({"export", m_project, "--source", "agents", "--out", pseudonyms, "--names", "pseudonyms"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    // Row by row: ids put the id in the name column; pseudonyms replace both, the same in both columns
    // and the same on a second export.
    const QList<QByteArray> a = readAll(names).split('\n'), b = readAll(ids).split('\n'),
                            c = readAll(pseudonyms).split('\n');
    QCOMPARE(b.size(), a.size());
    QCOMPARE(c.size(), a.size());
    for (qsizetype i = 1; i + 1 < a.size(); ++i) {
        const QList<QByteArray> x = a.at(i).split(','), y = b.at(i).split(','), z = c.at(i).split(',');
        QCOMPARE(y.at(0), x.at(0));
        QCOMPARE(y.at(1), x.at(0));
        QVERIFY(z.at(0).startsWith("Agent "));
        QCOMPARE(z.at(1), z.at(0));
        QVERIFY(!c.join('\n').contains(x.at(0) + ','));
        QCOMPARE(y.mid(2), x.mid(2));
        QCOMPARE(z.mid(2), x.mid(2));
    }
    r = cli({"export", m_project, "--source", "agents", "--out", path(QStringLiteral("again.csv")), "--names",
             "pseudonyms"});
    QCOMPARE(readAll(path(QStringLiteral("again.csv"))), readAll(pseudonyms));
    r = cli({"export", m_project, "--source", "agents", "--out", ids, "--names", "initials"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--names takes names, ids or pseudonyms")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// `qualitylens-cli import` (cli.md): the JSON summary on stdout, messages prefixed BASENAME:LINE:
// on stderr, exit codes, a dry run that leaves the project's bytes alone, and an import killed
// half-way that leaves the project as it was.
#include "clirun.h"
#include "tst_importsupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace ql;
using namespace importtest;

namespace {

using Run = ql::test::CliRun;

Run cli(const QStringList &args)
{
    return ql::test::runCli(QStringLiteral(QL_CLI_PATH), args);
}

QByteArray sha(const QString &path)
{
    return QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256);
}

QString newCliProject(const QTemporaryDir &dir, const QString &name = QStringLiteral("p.qlens"))
{
    const QString path = dir.filePath(name);
    if (cli({QStringLiteral("init"), path}).code != 0)
        qFatal("init failed");
    if (cli({QStringLiteral("import"), path, QStringLiteral("--scorecard"),
             dataPath(QStringLiteral("support-qa-v1.json"))})
            .code != 0)
        qFatal("scorecard import failed");
    return path;
}

} // namespace

class TestImportCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importPrintsSummary();
    void scorecardImport();
    void exitCodes_data();
    void exitCodes();
    void rejectedRowsOnStderr();
    void dryRunLeavesBytesAlone();
    void projectInUseExit4();
    void killedImportLeavesProjectUnchanged();
};

void TestImportCli::importPrintsSummary()
{
    QTemporaryDir dir;
    const QString project = newCliProject(dir);
    const Run r = cli({QStringLiteral("import"), project, QStringLiteral("--mapping"),
                       dataPath(QStringLiteral("audits-long.json")), dataPath(QStringLiteral("audits-long.csv"))});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.err, QString());
    QVERIFY(r.out.endsWith(u'\n'));
    QCOMPARE(r.out.count(u'\n'), 1);
    QVERIFY(r.out.startsWith(
        QStringLiteral("{\"kind\": \"audits-long\", \"records\": {\"inserted\": 2, \"updated\": 0, "
                       "\"unchanged\": 0, \"kept_local\": 0, \"rejected\": 0}, \"rows\": {\"read\": 6, "
                       "\"rejected\": 0}, \"agents_created\": 2, \"masked\": 1")));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(u"records").toObject().value(u"inserted").toInt(), 2);
    // Again: unchanged.
    const Run again = cli({QStringLiteral("import"), project, QStringLiteral("--mapping"),
                           dataPath(QStringLiteral("audits-long.json")), dataPath(QStringLiteral("audits-long.csv"))});
    QCOMPARE(again.code, 0);
    QCOMPARE(
        QJsonDocument::fromJson(again.out.toUtf8()).object().value(u"records").toObject().value(u"unchanged").toInt(),
        2);
}

void TestImportCli::scorecardImport()
{
    QTemporaryDir dir;
    const QString project = newCliProject(dir);
    Run r = cli({QStringLiteral("import"), project, QStringLiteral("--scorecard"),
                 dataPath(QStringLiteral("support-qa-v2.json"))});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("\"version\": 2, \"outcome\": \"new_version\"")), qPrintable(r.out));
    r = cli({QStringLiteral("import"), project, QStringLiteral("--scorecard"),
             dataPath(QStringLiteral("support-qa-v2.json"))});
    QVERIFY(r.out.contains(QStringLiteral("\"outcome\": \"unchanged\"")));
    const QString bad = writeFile(dir, QStringLiteral("bad.json"), R"({"name": "X", "sections": [], "colour": 1})");
    r = cli({QStringLiteral("import"), project, QStringLiteral("--scorecard"), bad});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.startsWith(QStringLiteral("bad.json: ")), qPrintable(r.err));
}

void TestImportCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args"); // PROJECT, MAP and CSV stand for the files of the test
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("stderrStart");

    const QString P = QStringLiteral("PROJECT"), M = QStringLiteral("MAP"), C = QStringLiteral("CSV");
    QTest::newRow("skip-invalid without rejects") << QStringList{P, "--mapping", M, C, "--skip-invalid"} << 2
                                                  << "qualitylens-cli: --skip-invalid needs --rejects";
    QTest::newRow("no mapping") << QStringList{P, C} << 2 << "qualitylens-cli: give --mapping";
    QTest::newRow("no file") << QStringList{P, "--mapping", M} << 2 << "qualitylens-cli: missing argument FILE.csv";
    QTest::newRow("unknown flag") << QStringList{P, "--mapping", M, C, "--fast"} << 2
                                  << "qualitylens-cli: Unknown option 'fast'.";
    QTest::newRow("replace-range one date") << QStringList{P, "--mapping", M, C, "--replace-range", "2026-01-01"} << 2
                                            << "qualitylens-cli: --replace-range needs two dates";
    QTest::newRow("replace-range reversed")
        << QStringList{P, "--mapping", M, C, "--replace-range", "2026-02-01", "2026-01-01"} << 2
        << "qualitylens-cli: --replace-range needs two ISO dates";
    QTest::newRow("scorecard and mapping")
        << QStringList{P, "--scorecard", M, "--mapping", M} << 2
        << "qualitylens-cli: --scorecard takes the project and the scorecard file only";
    QTest::newRow("missing mapping file")
        << QStringList{P, "--mapping", "nothing.json", C} << 4 << "qualitylens-cli: cannot read ";
    QTest::newRow("missing csv") << QStringList{P, "--mapping", M, "nothing.csv"} << 4
                                 << "qualitylens-cli: cannot read ";
    QTest::newRow("missing project") << QStringList{"nothing.qlens", "--mapping", M, C} << 4 << "qualitylens-cli: ";
    QTest::newRow("bad mapping") << QStringList{P, "--mapping", "BADMAP", C} << 3
                                 << "bad-map.json: columns: audits-long files need the agent field";
    QTest::newRow("rejected rows") << QStringList{P, "--mapping", M, "BADCSV"} << 3
                                   << "bad.csv:3: value \"9\" for criterion tone";
    QTest::newRow("skip-invalid with rejects")
        << QStringList{P, "--mapping", M, "BADCSV", "--skip-invalid", "--rejects", "REJECTS"} << 0
        << "bad.csv:3: value \"9\" for criterion tone is outside its scale 1–5";
    QTest::newRow("dry run with rejected rows")
        << QStringList{P, "--mapping", M, "BADCSV", "--dry-run"} << 3 << "bad.csv:3: value";
    QTest::newRow("dry run") << QStringList{P, "--mapping", M, C, "--dry-run"} << 0 << "";
    QTest::newRow("header lacks a column") << QStringList{P, "--mapping", M, "NOCOL"} << 3
                                           << "nocol.csv:1: column \"Reviewee\" (agent) is not in the header";
    QTest::newRow("replace-range on csat")
        << QStringList{P, "--mapping", "CSATMAP", C, "--replace-range", "2026-01-01", "2026-02-01"} << 2
        << "qualitylens-cli: --replace-range is for audits files only";
}

void TestImportCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, stderrStart);
    QTemporaryDir dir;
    const QString project = newCliProject(dir);
    const QString bad = writeFile(
        dir, QStringLiteral("bad.csv"),
        "Review ID,Reviewed at,Reviewee,Category,Rating\nR1,2026-03-02,alice,tone,4\nR2,2026-03-02,bob,tone,9\n");
    const QString good = writeFile(dir, QStringLiteral("good.csv"),
                                   "Review ID,Reviewed at,Reviewee,Category,Rating\nR1,2026-03-02,alice,tone,4\n");
    const QString nocol = writeFile(dir, QStringLiteral("nocol.csv"), "Review ID,Reviewed at,Agent,Category,Rating\n");
    const QString map =
        writeFile(dir, QStringLiteral("map.json"), R"({"kind": "audits-long", "scorecard": "Support QA", "columns":
        {"audit_id": "Review ID", "date": "Reviewed at", "agent": "Reviewee", "criterion": "Category", "value": "Rating"}})");
    const QString badMap =
        writeFile(dir, QStringLiteral("bad-map.json"), R"({"kind": "audits-long", "scorecard": "Support QA",
        "columns": {"audit_id": "Review ID", "date": "Reviewed at", "criterion": "Category", "value": "Rating"}})");
    const QString csatMap =
        writeFile(dir, QStringLiteral("csat.json"),
                  R"({"kind": "csat", "columns": {"response_id": "a", "date": "b", "score": "c"}})");
    QStringList real{QStringLiteral("import")};
    for (const QString &a : args) {
        if (a == u"PROJECT")
            real << project;
        else if (a == u"MAP")
            real << map;
        else if (a == u"BADMAP")
            real << badMap;
        else if (a == u"CSATMAP")
            real << csatMap;
        else if (a == u"CSV")
            real << good;
        else if (a == u"BADCSV")
            real << bad;
        else if (a == u"NOCOL")
            real << nocol;
        else if (a == u"REJECTS")
            real << dir.filePath(QStringLiteral("rejects.csv"));
        else if (a.endsWith(QStringLiteral(".json")) || a.endsWith(QStringLiteral(".csv")) ||
                 a.endsWith(QStringLiteral(".qlens")))
            real << dir.filePath(a);
        else
            real << a;
    }
    const Run r = cli(real);
    QVERIFY2(r.code == code, qPrintable(QStringLiteral("exit %1, stderr: %2").arg(r.code).arg(r.err)));
    if (stderrStart.isEmpty())
        QCOMPARE(r.err, QString());
    else
        QVERIFY2(r.err.startsWith(stderrStart) || r.err.contains(QStringLiteral("\n") + stderrStart),
                 qPrintable(r.err));
    // Nothing was imported whenever the exit code is not 0.
    if (code != 0 && QFile::exists(project)) {
        ProjectError error;
        const auto p = Project::open(project, Project::Access::ReadOnly, Project::Check::Now, &error);
        QVERIFY(p);
        QCOMPARE(count(*p, QStringLiteral("SELECT count(*) FROM audits")), 0);
        QCOMPARE(count(*p, QStringLiteral("SELECT count(*) FROM import_log")), 1);
    }
}

void TestImportCli::rejectedRowsOnStderr()
{
    QTemporaryDir dir;
    const QString project = newCliProject(dir);
    const QString csv =
        writeFile(dir, QStringLiteral("audits.csv"),
                  "Review ID,Reviewed "
                  "at,Reviewee,Category,Rating\nR1,2026-03-02,alice,tone,7\nR1,2026-03-02,alice,resolution,Yes\n"
                  "R2,2026-03-02,bob,Empathy,4\n");
    const QString map =
        writeFile(dir, QStringLiteral("map.json"), R"({"kind": "audits-long", "scorecard": "Support QA", "columns":
        {"audit_id": "Review ID", "date": "Reviewed at", "agent": "Reviewee", "criterion": "Category", "value": "Rating"}})");
    const Run r = cli({QStringLiteral("import"), project, QStringLiteral("--mapping"), map, csv});
    QCOMPARE(r.code, 3);
    const QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0), QStringLiteral("audits.csv:2: value \"7\" for criterion tone is outside its scale 1–5"));
    QCOMPARE(lines.value(1),
             QStringLiteral("audits.csv:4: criterion \"Empathy\" is not in scorecard Support QA version 1"));
    QCOMPARE(lines.value(2),
             QStringLiteral("audits.csv: 3 of 3 rows rejected; nothing was imported (--skip-invalid --rejects "
                            "OUT.csv imports the valid audits)"));
    QVERIFY(r.out.contains(QStringLiteral("\"rows\": {\"read\": 3, \"rejected\": 3}")));
}

void TestImportCli::dryRunLeavesBytesAlone()
{
    QTemporaryDir dir;
    const QString project = newCliProject(dir);
    const QByteArray before = sha(project);
    const QString rejects = dir.filePath(QStringLiteral("rejects.csv"));
    const QString csv = writeFile(dir, QStringLiteral("a.csv"),
                                  "Review ID,Conversation ID,Reviewed at,Reviewee,Reviewer,Team,Queue,"
                                  "Channel,Category,Rating,Comment,Root cause,Product\n"
                                  "R9,T1,2026-03-02,alice,qa,Cascade,Billing,chat,Empathy,9,,,\n");
    Run r = cli({QStringLiteral("import"), project, QStringLiteral("--mapping"),
                 dataPath(QStringLiteral("audits-long.json")), dataPath(QStringLiteral("audits-long.csv")),
                 QStringLiteral("--dry-run")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("\"inserted\": 2")));
    QVERIFY(r.out.contains(QStringLiteral("\"dry_run\": true")));
    r = cli({QStringLiteral("import"), project, QStringLiteral("--mapping"),
             dataPath(QStringLiteral("audits-long.json")), csv, QStringLiteral("--dry-run"),
             QStringLiteral("--skip-invalid"), QStringLiteral("--rejects"), rejects});
    QCOMPARE(r.code, 0);
    QVERIFY(QFile::exists(rejects));
    QCOMPARE(sha(project), before);
    QVERIFY(!QFile::exists(project + QStringLiteral("-wal")) ||
            QFileInfo(project + QStringLiteral("-wal")).size() == 0);
}

void TestImportCli::projectInUseExit4()
{
    QTemporaryDir dir;
    const QString project = newCliProject(dir);
    ProjectError error;
    const auto holder = Project::open(project, Project::Access::ReadWrite, Project::Check::Now, &error);
    QVERIFY(holder);
    const Run r = cli({QStringLiteral("import"), project, QStringLiteral("--mapping"),
                       dataPath(QStringLiteral("audits-long.json")), dataPath(QStringLiteral("audits-long.csv"))});
    QCOMPARE(r.code, 4);
    QVERIFY2(r.err.startsWith(QStringLiteral("qualitylens-cli: ")), qPrintable(r.err));
    QCOMPARE(count(*holder, QStringLiteral("SELECT count(*) FROM audits")), 0);
}

void TestImportCli::killedImportLeavesProjectUnchanged()
{
    QTemporaryDir dir;
    const QString project = newCliProject(dir);
    {
        // One good import first, so that "unchanged" means something.
        QCOMPARE(cli({QStringLiteral("import"), project, QStringLiteral("--mapping"),
                      dataPath(QStringLiteral("audits-long.json")), dataPath(QStringLiteral("audits-long.csv"))})
                     .code,
                 0);
    }
    // A file big enough that the import is still writing when it is killed.
    QByteArray body = "Review ID,Conversation ID,Reviewed "
                      "at,Reviewee,Reviewer,Team,Queue,Channel,Category,Rating,Comment,Root cause,Product\n";
    body.reserve(40 << 20);
    for (int i = 0; i < 150000; ++i) {
        const QByteArray common = "K" + QByteArray::number(i) + ",T" + QByteArray::number(i) + ",2026-03-0" +
                                  QByteArray::number(1 + i % 9) + ",agent" + QByteArray::number(i % 300) +
                                  ",qa1,Team " + QByteArray::number(i % 7) + ",Billing,chat,";
        body += common + "Identity,Yes,,,Plan A\n" + common + "Empathy," + QByteArray::number(1 + i % 5) +
                ",,,Plan A\n" + common + "resolution,Partial,,Training,Plan A\n";
    }
    const QString csv = writeFile(dir, QStringLiteral("big.csv"), body);

    const auto snapshot = [&] {
        ProjectError error;
        const auto p = Project::open(project, Project::Access::ReadOnly, Project::Check::Now, &error);
        if (!p)
            return QStringList{error.message};
        QStringList out;
        for (const char *sql :
             {"SELECT count(*) FROM audits", "SELECT count(*) FROM answers", "SELECT count(*) FROM agents",
              "SELECT count(*) FROM import_log", "SELECT count(*) FROM change_log", "SELECT count(*) FROM teams",
              "SELECT total(score) FROM audits",
              "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master ORDER BY name)"})
            out << value(*p, QString::fromLatin1(sql)).toString();
        out << Project::integrityCheck(p->database());
        return out;
    };
    const QStringList before = snapshot();
    QCOMPARE(before.last(), QString());

    QProcess p;
    p.start(QStringLiteral(QL_CLI_PATH), {QStringLiteral("import"), project, QStringLiteral("--mapping"),
                                          dataPath(QStringLiteral("audits-long.json")), csv});
    QVERIFY(p.waitForStarted());
    // Wait until the import is writing (its WAL grows past the first pages), then kill it.
    QElapsedTimer timer;
    timer.start();
    const QString wal = project + QStringLiteral("-wal");
    while (timer.elapsed() < 120000 && p.state() == QProcess::Running && QFileInfo(wal).size() < 2 * 1024 * 1024)
        QTest::qWait(20);
    QVERIFY2(p.state() == QProcess::Running, "the import finished before it could be killed; make the file bigger");
    p.kill();
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitStatus(), QProcess::CrashExit);

    // The project is as it was, passes integrity_check, and takes the same import afterwards.
    QCOMPARE(snapshot(), before);
    const Run after = cli({QStringLiteral("import"), project, QStringLiteral("--mapping"),
                           dataPath(QStringLiteral("audits-long.json")), dataPath(QStringLiteral("audits-long.csv"))});
    QCOMPARE(after.code, 0);
    QVERIFY(after.out.contains(QStringLiteral("\"unchanged\": 2")));

    // The big file imported to the end: the audits' indexes, rebuilt after the rows, are all there.
    const Run big = cli({QStringLiteral("import"), project, QStringLiteral("--mapping"),
                         dataPath(QStringLiteral("audits-long.json")), csv});
    QCOMPARE(big.code, 0);
    QVERIFY(big.out.contains(QStringLiteral("\"inserted\": 150000")));
    const QStringList done = snapshot();
    QCOMPARE(done.at(7), before.at(7)); // the schema, indexes included
    QCOMPARE(done.last(), QString());   // integrity_check
}

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_import_cli.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Every validation rule of formats.md with its exact message; the audit as the unit; what a
// rejected, refused, dry-run or cancelled import leaves behind; the rejects file.
#include "tst_importsupport.h"

#include "import/csvreader.h"

#include <atomic>

using namespace ql;
using namespace importtest;

namespace {

const QByteArray Header = "Review ID,Reviewed at,Reviewee,Team,Category,Rating,Sample,Version,Product,Note\r\n";

QByteArray rulesMapping(const QByteArray &extra = {})
{
    return R"({"kind": "audits-long", "scorecard": "Support QA",
               "columns": {"audit_id": "Review ID", "date": "Reviewed at", "agent": "Reviewee", "team": "Team",
                           "criterion": "Category", "value": "Rating", "sample_type": "Sample",
                           "scorecard_version": "Version", "comment": "Note"},
               "dimensions": {"product": "Product"},
               "values": {"value": {"Yes": 1, "No": 0}})" +
           extra + "}";
}

} // namespace

class TestImportRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void rules_data();
    void rules();
    void emptyValueIsNotAnswered();
    void auditIsTheUnit();
    void skipInvalidWritesRejects();
    void missingColumnStopsBeforeRows();
    void dryRunWritesNothing();
    void rejectedImportChangesNothing();
    void cancel();
    void unclosedQuoteRefused();

private:
    QTemporaryDir m_dir;
};

void TestImportRules::rules_data()
{
    QTest::addColumn<QByteArray>("rows");
    QTest::addColumn<QStringList>("expected");

    const auto one = [](const char *row) { return QByteArray(row) + "\r\n"; };
    QTest::newRow("outside the scale") << one("R1,2026-03-02,alice,Cascade,tone,7,,,,")
                                       << QStringList{
                                              "audits.csv:2: value \"7\" for criterion tone is outside its scale 1–5"};
    QTest::newRow("not a whole number") << one("R1,2026-03-02,alice,Cascade,tone,3.5,,,,")
                                        << QStringList{
                                               "audits.csv:2: value \"3.5\" for criterion tone is not a whole number "
                                               "(its scale 1–5 takes whole numbers)"};
    QTest::newRow("not a number")
        << one("R1,2026-03-02,alice,Cascade,tone,great,,,,")
        << QStringList{"audits.csv:2: value \"great\" for criterion tone is not a number (its scale is 1–5)"};
    QTest::newRow("unknown option") << one("R1,2026-03-02,alice,Cascade,resolution,Maybe,,,,")
                                    << QStringList{
                                           "audits.csv:2: value \"Maybe\" for criterion resolution is not one of its "
                                           "options Yes/Partial/No"};
    QTest::newRow("N/A not allowed") << one("R1,2026-03-02,alice,Cascade,verify_identity,N/A,,,,")
                                     << QStringList{
                                            "audits.csv:2: value \"N/A\" for criterion verify_identity is N/A, which "
                                            "the criterion does not allow"};
    QTest::newRow("unknown criterion")
        << one("R1,2026-03-02,alice,Cascade,Empathy,4,,,,")
        << QStringList{"audits.csv:2: criterion \"Empathy\" is not in scorecard Support QA version 1"};
    QTest::newRow("empty criterion") << one("R1,2026-03-02,alice,Cascade,,4,,,,")
                                     << QStringList{"audits.csv:2: criterion is required but empty"};
    QTest::newRow("not a date") << one("R1,2026-02-30,alice,Cascade,tone,4,,,,")
                                << QStringList{
                                       "audits.csv:2: date \"2026-02-30\" is not an ISO 8601 date such as 2026-03-07"};
    QTest::newRow("US date without date_format")
        << one("R1,03/07/2026,alice,Cascade,tone,4,,,,")
        << QStringList{"audits.csv:2: date \"03/07/2026\" is not an ISO 8601 date such as 2026-03-07"};
    QTest::newRow("empty date") << one("R1,,alice,Cascade,tone,4,,,,")
                                << QStringList{"audits.csv:2: date is required but empty"};
    QTest::newRow("empty agent") << one("R1,2026-03-02,,Cascade,tone,4,,,,")
                                 << QStringList{"audits.csv:2: agent is required but empty"};
    QTest::newRow("empty audit id") << one(",2026-03-02,alice,Cascade,tone,4,,,,")
                                    << QStringList{"audits.csv:2: audit_id is required but empty"};
    QTest::newRow("criterion twice") << one("R1,2026-03-02,alice,Cascade,tone,4,,,,") +
                                            one("R1,2026-03-02,alice,Cascade,Tone,5,,,,")
                                     << QStringList{
                                            "audits.csv:3: audit R1 answers criterion tone twice (first on line 2)"};
    QTest::newRow("audit-level field disagrees")
        << one("R1,2026-03-02,alice,Cascade,tone,4,,,,") + one("R1,2026-03-02,bob,Cascade,resolution,Yes,,,,")
        << QStringList{"audits.csv:3: audit R1 has agent \"bob\" here but \"alice\" on line 2"};
    QTest::newRow("date disagrees")
        << one("R1,2026-03-02,alice,Cascade,tone,4,,,,") + one("R1,2026-03-03,alice,Cascade,resolution,Yes,,,,")
        << QStringList{"audits.csv:3: audit R1 has date \"2026-03-03\" here but \"2026-03-02\" on line 2"};
    QTest::newRow("team disagrees") << one("R1,2026-03-02,alice,Cascade,tone,4,,,,") +
                                           one("R1,2026-03-02,alice,Delta,resolution,Yes,,,,")
                                    << QStringList{
                                           "audits.csv:3: audit R1 has team \"Delta\" here but \"Cascade\" on line 2"};
    QTest::newRow("reserved team")
        << one("R1,2026-03-02,alice,(total),tone,4,,,,")
        << QStringList{"audits.csv:2: team \"(total)\" is a reserved value (pivots use it for totals and "
                       "missing values)"};
    QTest::newRow("reserved dimension")
        << one("R1,2026-03-02,alice,Cascade,tone,4,,,(blank),")
        << QStringList{"audits.csv:2: product \"(blank)\" is a reserved value (pivots use it for "
                       "totals and missing values)"};
    QTest::newRow("no version in force")
        << one("R1,2025-12-31,alice,Cascade,tone,4,,,,")
        << QStringList{"audits.csv:2: no version of scorecard Support QA is in force on 2025-12-31"};
    QTest::newRow("named version missing") << one("R1,2026-03-02,alice,Cascade,tone,4,,3,,")
                                           << QStringList{"audits.csv:2: scorecard Support QA has no version 3"};
    QTest::newRow("version not a number")
        << one("R1,2026-03-02,alice,Cascade,tone,4,,two,,")
        << QStringList{"audits.csv:2: scorecard_version \"two\" is not a version number"};
    QTest::newRow("sample type") << one("R1,2026-03-02,alice,Cascade,tone,4,mystery,,,")
                                 << QStringList{"audits.csv:2: sample_type \"mystery\" is not one of random, targeted, "
                                                "csat_triggered, dispute, self, peer, auto"};
    QTest::newRow("field count") << one("R1,2026-03-02,alice")
                                 << QStringList{"audits.csv:2: record has 3 fields, the header has 10"};
    QTest::newRow("line numbers count quoted newlines")
        << one("R1,2026-03-02,alice,Cascade,tone,4,,,,\"two\nlines\"") + one("R2,2026-03-02,alice,Cascade,tone,9,,,,")
        << QStringList{"audits.csv:4: value \"9\" for criterion tone is outside its scale 1–5"};
    QTest::newRow("every problem listed")
        << one("R1,2026-03-02,alice,Cascade,tone,7,,,,") + one("R2,2026-03-02,bob,Cascade,tone,4,,,,") +
               one("R3,2026-03-02,carol,Cascade,resolution,Maybe,,,,")
        << QStringList{
               "audits.csv:2: value \"7\" for criterion tone is outside its scale 1–5",
               "audits.csv:4: value \"Maybe\" for criterion resolution is not one of its options Yes/Partial/No"};
}

void TestImportRules::rules()
{
    QFETCH(QByteArray, rows);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const QString csv = writeFile(dir, QStringLiteral("audits.csv"), Header + rows);
    const ImportResult r = run(*project, mapping(rulesMapping()), csv);
    QCOMPARE(r.status, ImportResult::Rejected);
    QCOMPARE(messages(r), expected);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM audits")), 0);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM agents")), 0);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM import_log WHERE kind = 'audits-long'")), 0);
    QCOMPARE(r.summary.inserted, 0);
    QVERIFY(r.summary.rowsRejected >= 1);
}

void TestImportRules::emptyValueIsNotAnswered()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const QString csv = writeFile(
        dir, QStringLiteral("audits.csv"),
        Header + "R1,2026-03-02,alice,Cascade,tone,,,,,\r\nR1,2026-03-02,alice,Cascade,resolution,Yes,,,,\r\n");
    const ImportResult r = run(*project, mapping(rulesMapping()), csv);
    QCOMPARE(r.status, ImportResult::Imported);
    QCOMPARE(r.summary.inserted, 1);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM answers")), 1);
    // verify_identity (no N/A) is unanswered: the audit is incomplete, scored on what is rated.
    QCOMPARE(count(*project, QStringLiteral("SELECT incomplete FROM audits")), 1);
    QCOMPARE(value(*project, QStringLiteral("SELECT score FROM audits")).toDouble(), 100.0);
}

void TestImportRules::auditIsTheUnit()
{
    // With --skip-invalid, a bad row takes its whole audit out; the other audit goes in.
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const QString csv = writeFile(dir, QStringLiteral("audits.csv"),
                                  Header + "R1,2026-03-02,alice,Cascade,tone,4,,,,\r\n"
                                           "R1,2026-03-02,alice,Cascade,resolution,Maybe,,,,\r\n"
                                           "R1,2026-03-02,alice,Cascade,verify_identity,Yes,,,,\r\n"
                                           "R2,2026-03-02,bob,Cascade,tone,5,,,,\r\n");
    ImportOptions options;
    options.skipInvalid = true;
    options.rejectsPath = dir.filePath(QStringLiteral("rejects.csv"));
    const ImportResult r = run(*project, mapping(rulesMapping()), csv, options);
    QCOMPARE(r.status, ImportResult::Imported);
    QCOMPARE(r.summary.inserted, 1);
    QCOMPARE(r.summary.rejected, 1);
    QCOMPARE(r.summary.rowsRead, 4);
    QCOMPARE(r.summary.rowsRejected, 3);
    QCOMPARE(value(*project, QStringLiteral("SELECT group_concat(audit_key) FROM audits")).toString(),
             QStringLiteral("R2"));
    // Only the row's own problem is listed; the others are in the rejects file.
    QCOMPARE(
        messages(r),
        QStringList{"audits.csv:3: value \"Maybe\" for criterion resolution is not one of its options Yes/Partial/No"});
}

void TestImportRules::skipInvalidWritesRejects()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    // Semicolons, quotes and a quoted newline: the rejects file keeps the delimiter and the fields.
    const QByteArray header = "Review ID;Reviewed at;Reviewee;Team;Category;Rating;Sample;Version;Product;Note\r\n";
    const QString csv = writeFile(dir, QStringLiteral("audits.csv"),
                                  header + "R1;2026-03-02;alice;Cascade;tone;4;;;;\"said \"\"hi\"\"\nthen left\"\r\n"
                                           "R1;2026-03-02;alice;Cascade;resolution;Maybe;;;;\r\n"
                                           "R2;2026-03-02;bob;Cascade;tone;5;;;;\r\n");
    ImportOptions options;
    options.skipInvalid = true;
    options.rejectsPath = dir.filePath(QStringLiteral("rejects.csv"));
    const ImportResult r = run(*project, mapping(rulesMapping()), csv, options);
    QCOMPARE(r.status, ImportResult::Imported);
    QVERIFY(r.rejectsWritten);
    const QByteArray expected =
        "Review ID;Reviewed at;Reviewee;Team;Category;Rating;Sample;Version;Product;Note;reason\r\n"
        "R1;2026-03-02;alice;Cascade;tone;4;;;;\"said \"\"hi\"\"\nthen left\";another row of audit R1 was rejected\r\n"
        "R1;2026-03-02;alice;Cascade;resolution;Maybe;;;;;\"value \"\"Maybe\"\" for criterion resolution is not one of "
        "its "
        "options Yes/Partial/No\"\r\n";
    QCOMPARE(readFile(options.rejectsPath), expected);
    // The rejects file reads back with the original header and a reason.
    QFile f(options.rejectsPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    CsvReader reader(&f);
    QVERIFY(reader.readHeader());
    QCOMPARE(reader.delimiter(), QChar(u';'));
    QCOMPARE(reader.header().size(), 11);
}

void TestImportRules::missingColumnStopsBeforeRows()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const QString csv = writeFile(dir, QStringLiteral("audits.csv"),
                                  "Review ID,Reviewed at,Agent,Category,Rating\r\nR1,2026-03-02,alice,tone,4\r\n");
    const ImportResult r = run(*project, mapping(rulesMapping()), csv);
    QCOMPARE(r.status, ImportResult::Refused);
    QCOMPARE(messages(r), (QStringList{"audits.csv:1: column \"Reviewee\" (agent) is not in the header",
                                       "audits.csv:1: column \"Team\" (team) is not in the header",
                                       "audits.csv:1: column \"Sample\" (sample_type) is not in the header",
                                       "audits.csv:1: column \"Version\" (scorecard_version) is not in the header",
                                       "audits.csv:1: column \"Note\" (comment) is not in the header",
                                       "audits.csv:1: column \"Product\" (dimension product) is not in the header"}));
    QCOMPARE(r.summary.rowsRead, 0);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM import_log WHERE kind <> 'scorecard'")), 0);
}

void TestImportRules::dryRunWritesNothing()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const qint64 changes = count(*project, QStringLiteral("SELECT count(*) FROM change_log"));
    const QString csv =
        writeFile(dir, QStringLiteral("audits.csv"),
                  Header + "R1,2026-03-02,alice,Cascade,tone,4,,,Plan A,\r\nR2,2026-03-02,bob,Delta,tone,9,,,,\r\n"
                           "R3,2026-03-02,carol,Delta,tone,3,,,,\r\n");
    ImportOptions options;
    options.dryRun = true;
    options.skipInvalid = true;
    options.rejectsPath = dir.filePath(QStringLiteral("rejects.csv"));
    const ImportResult r = run(*project, mapping(rulesMapping()), csv, options);
    // Exits as the real import would: imported with one rejected, two inserted, three agents.
    QCOMPARE(r.status, ImportResult::Imported);
    QVERIFY(r.summary.dryRun);
    QCOMPARE(r.summary.inserted, 2);
    QCOMPARE(r.summary.rejected, 1);
    QCOMPARE(r.summary.agentsCreated, 2);
    QCOMPARE(r.summary.importId, 0);
    QVERIFY(QFile::exists(options.rejectsPath));
    for (const char *table : {"audits", "answers", "agents", "teams", "custom_dimensions", "audit_dimensions"})
        QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))), 0);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM import_log")), 1); // the scorecard's
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM change_log")), changes);

    options.skipInvalid = false;
    const ImportResult strict = run(*project, mapping(rulesMapping()), csv, options);
    QCOMPARE(strict.status, ImportResult::Rejected);
    QCOMPARE(strict.summary.inserted, 0);
}

void TestImportRules::rejectedImportChangesNothing()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const QString good =
        writeFile(dir, QStringLiteral("good.csv"), Header + "R1,2026-03-02,alice,Cascade,tone,4,,,,\r\n");
    QCOMPARE(run(*project, mapping(rulesMapping()), good).status, ImportResult::Imported);
    const auto snapshot = [&] {
        QStringList out;
        for (const char *sql :
             {"SELECT group_concat(audit_key || ':' || score) FROM audits", "SELECT count(*) FROM answers",
              "SELECT count(*) FROM agents", "SELECT count(*) FROM teams", "SELECT count(*) FROM import_log",
              "SELECT count(*) FROM change_log"})
            out << value(*project, QString::fromLatin1(sql)).toString();
        return out;
    };
    const QStringList before = snapshot();
    // New agents, a new team and an update of R1 come before the bad row: all rolled back.
    const QString bad =
        writeFile(dir, QStringLiteral("bad.csv"),
                  Header + "R1,2026-03-02,alice,Cascade,tone,5,,,,\r\nR2,2026-03-02,zed,Omega,tone,3,,,,\r\n"
                           "R3,2026-03-02,yan,Omega,tone,6,,,,\r\n");
    const ImportResult r = run(*project, mapping(rulesMapping()), bad);
    QCOMPARE(r.status, ImportResult::Rejected);
    QCOMPARE(snapshot(), before);
    QCOMPARE(Project::integrityCheck(project->database()), QString());
}

void TestImportRules::cancel()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    QByteArray body = Header;
    for (int i = 0; i < 20000; ++i)
        body +=
            QStringLiteral("R%1,2026-03-02,agent%2,Cascade,tone,%3,,,,\r\n").arg(i).arg(i % 50).arg(1 + i % 5).toUtf8();
    const QString csv = writeFile(dir, QStringLiteral("audits.csv"), body);
    std::atomic_bool stop{false};
    QList<double> fractions;
    ImportOptions options;
    options.cancel = &stop;
    options.progress = [&](double fraction, const QString &) {
        fractions << fraction;
        if (fraction > 0.2)
            stop = true; // as the wizard's Cancel button would, mid-way
    };
    const ImportResult r = run(*project, mapping(rulesMapping()), csv, options);
    QCOMPARE(r.status, ImportResult::Cancelled);
    QVERIFY(fractions.size() >= 2);
    QVERIFY(std::is_sorted(fractions.cbegin(), fractions.cend()));
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM audits")), 0);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM agents")), 0);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM import_log")), 1);
    // And the same import runs to the end afterwards (the transaction was really closed).
    stop = false;
    options.progress = nullptr;
    const ImportResult again = run(*project, mapping(rulesMapping()), csv, options);
    QCOMPARE(again.status, ImportResult::Imported);
    QCOMPARE(again.summary.inserted, 20000);
}

void TestImportRules::unclosedQuoteRefused()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const QString csv = writeFile(
        dir, QStringLiteral("audits.csv"),
        Header + "R1,2026-03-02,alice,Cascade,tone,4,,,,\"never closed\r\nR2,2026-03-02,bob,Cascade,tone,4,,,,\r\n");
    const ImportResult r = run(*project, mapping(rulesMapping()), csv);
    QCOMPARE(r.status, ImportResult::Refused);
    QVERIFY2(r.error.startsWith(QStringLiteral("audits.csv:2:")), qPrintable(r.error));
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM audits")), 0);
}

QTEST_GUILESS_MAIN(TestImportRules)
#include "tst_import_rules.moc"

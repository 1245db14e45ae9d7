// SPDX-License-Identifier: GPL-3.0-or-later
// Importing each kind: audits long and wide (scores stored = the ScoringEngine on the same
// answers, period keys), CSAT with its satisfied sets, agents with their history and aliases,
// interactions; re-importing; scorecard versions; messy real-world files.
#include "tst_importsupport.h"

#include "common/periods.h"
#include "scoring/scoringengine.h"
#include "store/changelog.h"
#include "store/scorecardstore.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringEncoder>

using namespace ql;
using namespace importtest;

namespace {

struct StoredAudit
{
    qint64 id = 0;
    QString key;
    std::optional<double> score;
    std::optional<double> raw;
    bool passed = false;
    bool criticalFail = false;
    int families = 0;
    bool incomplete = false;
};

QList<StoredAudit> audits(const Project &project)
{
    QList<StoredAudit> out;
    QSqlQuery q(project.database());
    q.exec(
        QStringLiteral("SELECT id, audit_key, score, raw_score, passed, critical_fail, critical_families, incomplete "
                       "FROM audits ORDER BY audit_key"));
    while (q.next()) {
        StoredAudit a;
        a.id = q.value(0).toLongLong();
        a.key = q.value(1).toString();
        if (!q.value(2).isNull())
            a.score = q.value(2).toDouble();
        if (!q.value(3).isNull())
            a.raw = q.value(3).toDouble();
        a.passed = q.value(4).toBool();
        a.criticalFail = q.value(5).toBool();
        a.families = q.value(6).toInt();
        a.incomplete = q.value(7).toBool();
        out << a;
    }
    return out;
}

// Scores every stored audit again from its stored answers with the engine of its stored version.
void checkScoresMatchEngine(const Project &project)
{
    ScorecardStore store(project.database());
    for (const StoredAudit &a : audits(project)) {
        const qint64 cardId =
            value(project, QStringLiteral("SELECT scorecard_id FROM audits WHERE id = %1").arg(a.id)).toLongLong();
        const auto card = store.load(cardId);
        QVERIFY(card);
        std::vector<AnswerInput> inputs(size_t(card->card.criterionCount()), AnswerInput::missing());
        QSqlQuery q(project.database());
        q.exec(QStringLiteral("SELECT criterion_id, value, na FROM answers WHERE audit_id = %1").arg(a.id));
        while (q.next()) {
            const int index = int(card->criterionIds.indexOf(q.value(0).toLongLong()));
            QVERIFY(index >= 0);
            inputs[size_t(index)] =
                q.value(2).toBool() ? AnswerInput::notApplicable() : AnswerInput::rated(q.value(1).toDouble());
        }
        const AuditScore s = ScoringEngine(card->card).score(inputs);
        QCOMPARE(a.score, s.score);
        QCOMPARE(a.raw, s.rawScore);
        QCOMPARE(a.passed, s.passed);
        QCOMPARE(a.criticalFail, s.criticalFail);
        QCOMPARE(a.families, int(s.failedFamilies));
        QCOMPARE(a.incomplete, s.incomplete);
    }
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longForm();
    void wideFormGivesTheSameScores();
    void nonContiguousRows();
    void reimport();
    void replaceRange();
    void csatSets_data();
    void csatSets();
    void csatReimport();
    void agentsAndRosterHistory();
    void unknownAgentsCreated();
    void mappedAgentsBecomeAliases_data();
    void mappedAgentsBecomeAliases();
    void recycledAuditsCarryNothingOver();
    void interactions();
    void scorecardVersions();
    void versionInForceOnTheDate();
    void maskingCounts();
    void messyFiles_data();
    void messyFiles();
};

void TestImport::longForm()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const ImportResult r =
        run(*project, mappingFile(QStringLiteral("audits-long.json")), dataPath(QStringLiteral("audits-long.csv")));
    QCOMPARE(r.status, ImportResult::Imported);
    QCOMPARE(r.summary.inserted, 2);
    QCOMPARE(r.summary.rowsRead, 6);
    QCOMPARE(r.summary.agentsCreated, 2);
    QCOMPARE(r.summary.masked, 1);
    QCOMPARE(r.answersInserted, 6);
    const QList<StoredAudit> stored = audits(*project);
    QCOMPARE(stored.size(), 2);
    // R1 by hand: Compliance (30) 1.0; Communication (70) (2·0.75 + 3·0.3) / 5 = 0.48 → 30 + 33.6.
    QCOMPARE(*stored.at(0).score, 63.6);
    QVERIFY(!stored.at(0).passed);
    // R2: identity failed, a compliance-critical criterion with effect audit: zero, raw kept.
    QCOMPARE(*stored.at(1).score, 0.0);
    QCOMPARE(*stored.at(1).raw, 70.0);
    QVERIFY(stored.at(1).criticalFail);
    QCOMPARE(stored.at(1).families, 4);
    checkScoresMatchEngine(*project);

    // Period keys computed once, from the written date (the Z date-time keeps its calendar date).
    const PeriodKeys keys = PeriodKeys::of(QDate(2026, 3, 3));
    QSqlQuery q(project->database());
    q.exec(QStringLiteral("SELECT day, week, month, quarter, date_time, ticket_id FROM audits WHERE audit_key = 'R2'"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), keys.day);
    QCOMPARE(q.value(1).toInt(), keys.week);
    QCOMPARE(q.value(2).toInt(), keys.month);
    QCOMPARE(q.value(3).toInt(), keys.quarter);
    QCOMPARE(q.value(4).toString(), QStringLiteral("2026-03-03T10:15:00Z"));
    QCOMPARE(q.value(5).toString(), QStringLiteral("T101"));
    // Option labels, N/A, comments (masked), root causes, dimensions, dictionaries.
    QCOMPARE(value(*project, QStringLiteral("SELECT option_label FROM answers WHERE value = 3")).toString(),
             QStringLiteral("Partial"));
    QCOMPARE(
        count(*project, QStringLiteral("SELECT count(*) FROM answers WHERE na = 1 AND value IS NULL AND c IS NULL")),
        1);
    QCOMPARE(value(*project, QStringLiteral("SELECT comment FROM answers WHERE option_label = 'Partial'")).toString(),
             QStringLiteral("card **** **** **** 1111 given"));
    QCOMPARE(
        value(*project, QStringLiteral("SELECT group_concat(name, '|') FROM (SELECT r.name FROM answer_root_causes a "
                                       "JOIN root_causes r ON r.id = a.root_cause_id ORDER BY r.name)"))
            .toString(),
        QStringLiteral("Macro missing|Training"));
    QCOMPARE(value(*project, QStringLiteral("SELECT group_concat(value) FROM audit_dimensions")).toString(),
             QStringLiteral("Plan A,Plan B"));
    QCOMPARE(value(*project, QStringLiteral("SELECT t.name FROM audits a JOIN teams t ON t.id = a.team_id")).toString(),
             QStringLiteral("Cascade"));
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM audits WHERE source = 'zendesk-qa'")), 2);
    // import_log and the change log's one entry per table for the inserts.
    QSqlQuery log(project->database());
    log.exec(
        QStringLiteral("SELECT file_name, file_size, sha256, kind, source, inserted, rows_read, agents_created, masked "
                       "FROM import_log WHERE kind = 'audits-long'"));
    QVERIFY(log.next());
    QCOMPARE(log.value(0).toString(), QStringLiteral("audits-long.csv"));
    QCOMPARE(log.value(1).toLongLong(), QFileInfo(dataPath(QStringLiteral("audits-long.csv"))).size());
    QCOMPARE(log.value(2).toString(),
             QString::fromLatin1(QCryptographicHash::hash(readFile(dataPath(QStringLiteral("audits-long.csv"))),
                                                          QCryptographicHash::Sha256)
                                     .toHex()));
    QCOMPARE(log.value(5).toInt(), 2);
    QCOMPARE(log.value(6).toInt(), 6);
    QCOMPARE(log.value(7).toInt(), 2);
    QCOMPARE(log.value(8).toInt(), 1);
    const auto entries =
        ChangeLog::forEntity(project->database(), QStringLiteral("import"), QString::number(r.summary.importId));
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).field, QStringLiteral("audits"));
    QCOMPARE(entries.at(0).newValue.toString(), QStringLiteral("2"));
    QCOMPARE(entries.at(0).reason, QStringLiteral("import %1").arg(r.summary.importId));
    QCOMPARE(entries.at(1).field, QStringLiteral("answers"));
    QCOMPARE(entries.at(2).field, QStringLiteral("agents"));
}

void TestImport::wideFormGivesTheSameScores()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const ImportResult r =
        run(*project, mappingFile(QStringLiteral("audits-wide.json")), dataPath(QStringLiteral("audits-wide.csv")));
    QCOMPARE(r.status, ImportResult::Imported);
    QCOMPARE(r.summary.kind, QStringLiteral("audits-wide"));
    QCOMPARE(r.summary.inserted, 2);
    const QList<StoredAudit> stored = audits(*project);
    QCOMPARE(*stored.at(0).score, 63.6);
    QCOMPARE(*stored.at(1).score, 0.0);
    checkScoresMatchEngine(*project);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM answer_root_causes")), 2);
}

void TestImport::nonContiguousRows()
{
    // The rows of R1 are split by R2's: the importer starts over keeping every audit open.
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const QByteArray csv = readFile(dataPath(QStringLiteral("audits-long.csv")));
    QList<QByteArray> lines = csv.split('\n');
    lines.removeAll(QByteArray());
    std::swap(lines[2], lines[5]); // R1, R2, R1, R2, R2, R1 order after the header
    const QString path = writeFile(dir, QStringLiteral("mixed.csv"), lines.join('\n') + '\n');
    const ImportResult r = run(*project, mappingFile(QStringLiteral("audits-long.json")), path);
    QCOMPARE(r.status, ImportResult::Imported);
    QCOMPARE(r.summary.inserted, 2);
    QCOMPARE(r.summary.rowsRead, 6);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM answers")), 6);
    QCOMPARE(*audits(*project).at(0).score, 63.6);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM import_log WHERE kind = 'audits-long'")), 1);
}

void TestImport::reimport()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const ImportMapping m = mappingFile(QStringLiteral("audits-long.json"));
    const QString path = dataPath(QStringLiteral("audits-long.csv"));
    QCOMPARE(run(*project, m, path).summary.inserted, 2);
    const QList<StoredAudit> first = audits(*project);

    // The same file again: nothing changes.
    ImportResult r = run(*project, m, path);
    QCOMPARE(r.status, ImportResult::Imported);
    QCOMPARE(r.summary.unchanged, 2);
    QCOMPARE(r.summary.inserted + r.summary.updated, 0);
    QCOMPARE(r.summary.agentsCreated, 0);

    // R1's tone changes from 4 to 5: R1 is replaced in place (same id), R2 is left alone.
    QByteArray text = readFile(path);
    text.replace("Empathy,4,", "Empathy,5,");
    const QString changed = writeFile(dir, QStringLiteral("audits-long.csv"), text);
    r = run(*project, m, changed);
    QCOMPARE(r.summary.updated, 1);
    QCOMPARE(r.summary.unchanged, 1);
    const QList<StoredAudit> second = audits(*project);
    QCOMPARE(second.at(0).id, first.at(0).id);
    QCOMPARE(*second.at(0).score, 30 + 70 * (2 * 1.0 + 3 * 0.3) / 5);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM answers")), 6);
    checkScoresMatchEngine(*project);
    auto entries = ChangeLog::forEntity(project->database(), QStringLiteral("audit"), QString::number(first.at(0).id));
    QCOMPARE(entries.size(), 1);
    const QRegularExpression tone4(QStringLiteral("\"tone\":\\{[^}]*\"value\":4[,}]"));
    const QRegularExpression tone5(QStringLiteral("\"tone\":\\{[^}]*\"value\":5[,}]"));
    QVERIFY2(tone4.match(entries.at(0).oldValue.toString()).hasMatch(), qPrintable(entries.at(0).oldValue.toString()));
    QVERIFY2(tone5.match(entries.at(0).newValue.toString()).hasMatch(), qPrintable(entries.at(0).newValue.toString()));
    QCOMPARE(entries.at(0).reason, QStringLiteral("import %1").arg(r.summary.importId));

    // R1 corrected in the application: a re-import keeps the local change and stores the source's values.
    QSqlQuery q(project->database());
    QVERIFY(q.exec(QStringLiteral("UPDATE audits SET local_changes = 1 WHERE audit_key = 'R1'")));
    text.replace("Empathy,5,", "Empathy,2,");
    writeFile(dir, QStringLiteral("audits-long.csv"), text);
    r = run(*project, m, changed);
    QCOMPARE(r.summary.keptLocal, 1);
    QCOMPARE(r.summary.unchanged, 1);
    QCOMPARE(*audits(*project).at(0).score, *second.at(0).score);
    const QString pending =
        value(*project, QStringLiteral("SELECT source_pending FROM audits WHERE audit_key = 'R1'")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("\"tone\":\\{[^}]*\"value\":2[,}]")).match(pending).hasMatch(),
             qPrintable(pending));

    // --overwrite-local replaces it and clears the flag.
    ImportOptions overwrite;
    overwrite.overwriteLocal = true;
    r = run(*project, m, changed, overwrite);
    QCOMPARE(r.summary.updated, 1);
    QCOMPARE(value(*project, QStringLiteral("SELECT local_changes FROM audits WHERE audit_key = 'R1'")).toInt(), 0);
    QVERIFY(value(*project, QStringLiteral("SELECT source_pending FROM audits WHERE audit_key = 'R1'")).isNull());
    checkScoresMatchEngine(*project);
    QCOMPARE(Project::integrityCheck(project->database()), QString());
}

void TestImport::replaceRange()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const ImportMapping m = mappingFile(QStringLiteral("audits-long.json"));
    QCOMPARE(run(*project, m, dataPath(QStringLiteral("audits-long.csv"))).summary.inserted, 2);
    const qint64 r2 = value(*project, QStringLiteral("SELECT id FROM audits WHERE audit_key = 'R2'")).toLongLong();
    // A new export of March without R2.
    QByteArray text = readFile(dataPath(QStringLiteral("audits-long.csv")));
    QList<QByteArray> lines = text.split('\n');
    text = lines.mid(0, 4).join('\n') + '\n';
    const QString path = writeFile(dir, QStringLiteral("march.csv"), text);

    // Without --replace-range R2 stays.
    ImportResult r = run(*project, m, path);
    QCOMPARE(r.summary.unchanged, 1);
    QCOMPARE(r.summary.removed, 0);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM audits")), 2);

    // Outside the range nothing is removed either.
    ImportOptions options;
    options.replaceFrom = QDate(2026, 4, 1);
    options.replaceTo = QDate(2026, 4, 30);
    QCOMPARE(run(*project, m, path, options).summary.removed, 0);

    options.replaceFrom = QDate(2026, 3, 1);
    options.replaceTo = QDate(2026, 3, 31);
    r = run(*project, m, path, options);
    QCOMPARE(r.status, ImportResult::Imported);
    QCOMPARE(r.summary.removed, 1);
    QCOMPARE(value(*project, QStringLiteral("SELECT group_concat(audit_key) FROM audits")).toString(),
             QStringLiteral("R1"));
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM answers")), 3);
    const auto entries = ChangeLog::forEntity(project->database(), QStringLiteral("audit"), QString::number(r2));
    QCOMPARE(entries.size(), 1);
    QVERIFY(entries.at(0).newValue.isNull());
    QVERIFY(entries.at(0).oldValue.toString().contains(QStringLiteral("\"agent\":\"bob\"")));
    QCOMPARE(Project::integrityCheck(project->database()), QString());
}

void TestImport::csatSets_data()
{
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<QByteArray>("scores"); // one per row
    QTest::addColumn<QString>("satisfied"); // per row: s, d or n
    QTest::addColumn<QString>("scale");

    QTest::newRow("1-5") << QByteArray() << QByteArray("1 2 3 4 5") << "ddnss"
                         << "1-5";
    QTest::newRow("1-3") << QByteArray(R"(, "scale": {"min": 1, "max": 3})") << QByteArray("1 2 3") << "dns"
                         << "1-3";
    QTest::newRow("1-7") << QByteArray(R"(, "scale": {"min": 1, "max": 7})") << QByteArray("1 2 3 5 6 7") << "ddnnss"
                         << "1-7";
    QTest::newRow("0-10") << QByteArray(R"(, "scale": {"min": 0, "max": 10})") << QByteArray("0 6 7 8 9 10") << "ddnnss"
                          << "0-10";
    QTest::newRow("labels")
        << QByteArray(R"(, "scale": {"labels": ["bad", "good"]}, "values": {"score": {"Bad, I'm unsatisfied": "bad"}})")
        << QByteArray("good Bad,_I'm_unsatisfied GOOD") << "sds"
        << "labels:bad,good";
    QTest::newRow("own sets") << QByteArray(R"(, "satisfied": [5], "dissatisfied": [1, 2, 3])") << QByteArray("3 4 5")
                              << "dns"
                              << "1-5";
}

void TestImport::csatSets()
{
    QFETCH(QByteArray, extra);
    QFETCH(QByteArray, scores);
    QFETCH(QString, satisfied);
    QFETCH(QString, scale);
    QTemporaryDir dir;
    const auto project = newProject(dir, QStringLiteral("p.qlens"), false);
    QByteArray csv = "id,when,rating,ticket,agent,comment\n";
    int n = 0;
    for (const QByteArray &s : scores.split(' ')) {
        const QByteArray k = QByteArray::number(++n);
        csv += "C" + k + ",2026-03-0" + k + ",\"" + QByteArray(s).replace('_', ' ') + "\",T" + k + ",alice,\n";
    }
    const QString path = writeFile(dir, QStringLiteral("csat.csv"), csv);
    const ImportMapping m =
        mapping(R"({"kind": "csat", "columns": {"response_id": "id", "date": "when", "score": "rating",
                                        "ticket_id": "ticket", "agent": "agent", "comment": "comment"})" +
                extra + "}");
    const ImportResult r = run(*project, m, path);
    QVERIFY2(r.status == ImportResult::Imported, qPrintable(messages(r).join(u'\n') + r.error));
    QCOMPARE(r.summary.inserted, n);
    QSqlQuery q(project->database());
    q.exec(QStringLiteral("SELECT satisfied, dissatisfied, scale FROM csat_responses ORDER BY id"));
    QString got;
    while (q.next()) {
        got += q.value(0).toBool() ? u's' : q.value(1).toBool() ? u'd' : u'n';
        QCOMPARE(q.value(2).toString(), scale);
    }
    QCOMPARE(got, satisfied);
}

void TestImport::csatReimport()
{
    QTemporaryDir dir;
    const auto project = newProject(dir, QStringLiteral("p.qlens"), false);
    const ImportMapping m =
        mapping(R"({"kind": "csat", "source": "intercom", "columns": {"response_id": "id", "date": "when",
                                        "score": "rating", "comment": "comment", "queue": "Queue"}, "mask": ["card", "email"]})");
    const QString path = writeFile(
        dir, QStringLiteral("csat.csv"),
        "id,when,rating,comment,Queue\nC1,2026-03-01,5,mail me at a@b.com,Billing\nC2,2026-03-01,2,,Billing\n");
    ImportResult r = run(*project, m, path);
    QCOMPARE(r.summary.inserted, 2);
    QCOMPARE(r.summary.masked, 1);
    QCOMPARE(value(*project, QStringLiteral("SELECT comment FROM csat_responses WHERE response_key = 'C1'")).toString(),
             QStringLiteral("mail me at ***@***"));
    r = run(*project, m, path);
    QCOMPARE(r.summary.unchanged, 2);
    writeFile(
        dir, QStringLiteral("csat.csv"),
        "id,when,rating,comment,Queue\nC1,2026-03-01,4,,Billing\nC2,2026-03-01,2,,Billing\nC3,2026-03-02,7,,Billing\n");
    r = run(*project, m, path);
    QCOMPARE(r.status, ImportResult::Rejected);
    QCOMPARE(messages(r), QStringList{"csat.csv:4: score \"7\" is outside the scale 1–5"});
    ImportOptions skip;
    skip.skipInvalid = true;
    r = run(*project, m, path, skip);
    QCOMPARE(r.summary.updated, 1);
    QCOMPARE(r.summary.unchanged, 1);
    QCOMPARE(r.summary.rejected, 1);
    QCOMPARE(value(*project, QStringLiteral("SELECT score FROM csat_responses WHERE response_key = 'C1'")).toDouble(),
             4.0);
}

void TestImport::agentsAndRosterHistory()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const ImportMapping roster =
        mapping(R"({"kind": "agents", "columns": {"agent": "Id", "name": "Name", "team": "Team",
        "site": "Site", "supervisor": "Lead", "hire_date": "Hired", "active": "Active", "valid_from": "From", "aliases": "Other ids"}})");
    // alice moves from Cascade to Delta on 2026-03-15; bob has an alias used by the QA tool.
    const QString path = writeFile(dir, QStringLiteral("agents.csv"),
                                   "Id,Name,Team,Site,Lead,Hired,Active,From,Other ids\n"
                                   "alice,Alice A,Cascade,Lisbon,Rui,2024-05-01,yes,2026-01-01,\n"
                                   "alice,Alice A,Delta,Lisbon,Ana,2024-05-01,yes,2026-03-15,\n"
                                   "bob,Bob B,Cascade,Porto,Rui,2025-01-10,1,2026-01-01,bob@qa.example;B-17\n");
    ImportResult r = run(*project, roster, path);
    QCOMPARE(r.status, ImportResult::Imported);
    QCOMPARE(r.summary.inserted, 2);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM agent_history")), 3);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM agent_aliases")), 2);
    // Identical again: unchanged.
    r = run(*project, roster, path);
    QCOMPARE(r.summary.unchanged, 2);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM agent_history")), 3);

    // Audits without a team column: the team in force on each audit's date.
    const ImportMapping m = mapping(R"({"kind": "audits-long", "scorecard": "Support QA", "columns": {"audit_id": "id",
        "date": "date", "agent": "agent", "criterion": "c", "value": "v"}})");
    const QString audits = writeFile(dir, QStringLiteral("a.csv"),
                                     "id,date,agent,c,v\nA1,2026-03-14,alice,tone,4\nA2,2026-03-15,alice,tone,4\n"
                                     "A3,2026-03-20,B-17,tone,4\n");
    r = run(*project, m, audits);
    QCOMPARE(r.status, ImportResult::Imported);
    QCOMPARE(r.summary.agentsCreated, 0);
    QSqlQuery q(project->database());
    q.exec(QStringLiteral(
        "SELECT a.audit_key, ag.agent_key, t.name, s.name, a.supervisor FROM audits a JOIN agents ag ON "
        "ag.id = a.agent_id JOIN teams t ON t.id = a.team_id JOIN sites s ON s.id = a.site_id ORDER BY a.audit_key"));
    QStringList got;
    while (q.next())
        got << QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                           q.value(4).toString()}
                   .join(u'/');
    QCOMPARE(got,
             (QStringList{"A1/alice/Cascade/Lisbon/Rui", "A2/alice/Delta/Lisbon/Ana", "A3/bob/Cascade/Porto/Rui"}));

    // A change of name and a new team from April: updated, logged.
    writeFile(dir, QStringLiteral("agents.csv"),
              "Id,Name,Team,Site,Lead,Hired,Active,From,Other ids\n"
              "bob,Robert B,Echo,Porto,Rui,2025-01-10,1,2026-04-01,\n");
    r = run(*project, roster, path);
    QCOMPARE(r.summary.updated, 1);
    QCOMPARE(value(*project, QStringLiteral("SELECT name FROM agents WHERE agent_key = 'bob'")).toString(),
             QStringLiteral("Robert B"));
    const auto entries = ChangeLog::forEntity(project->database(), QStringLiteral("agent"), QStringLiteral("bob"));
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).field, QStringLiteral("name"));

    // An alias that belongs to someone else is refused.
    writeFile(dir, QStringLiteral("agents.csv"),
              "Id,Name,Team,Site,Lead,Hired,Active,From,Other ids\n"
              "carol,Carol C,Echo,Porto,Rui,2025-01-10,1,2026-04-01,B-17\n");
    r = run(*project, roster, path);
    QCOMPARE(r.status, ImportResult::Rejected);
    QCOMPARE(messages(r), QStringList{"agents.csv:2: alias \"B-17\" already belongs to agent bob"});
}

void TestImport::unknownAgentsCreated()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const ImportMapping m = mapping(R"({"kind": "audits-long", "scorecard": "Support QA", "columns": {"audit_id": "id",
        "date": "date", "agent": "agent", "criterion": "c", "value": "v"}})");
    const QString path = writeFile(dir, QStringLiteral("a.csv"),
                                   "id,date,agent,c,v\nA1,2026-03-14,x1,tone,4\nA2,2026-03-15,x2,tone,4\n"
                                   "A3,2026-03-15,x1,tone,3\n");
    const ImportResult r = run(*project, m, path);
    QCOMPARE(r.summary.agentsCreated, 2);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM agents WHERE import_id IS NOT NULL")), 2);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM audits WHERE team_id IS NULL")), 3);
}

void TestImport::mappedAgentsBecomeAliases_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("facts"); // the table whose agent_id is checked
    QTest::newRow("audits") << QByteArray(R"({"kind": "audits-long", "scorecard": "Support QA", "columns":
        {"audit_id": "id", "date": "date", "agent": "agent", "criterion": "c", "value": "v"}})")
                            << QByteArray("id,date,agent,c,v\nA1,2026-03-14,x1,tone,4\nA2,2026-03-15,x2,tone,4\n"
                                          "A3,2026-03-15,x1,tone,3\n")
                            << QStringLiteral("audits");
    QTest::newRow("csat") << QByteArray(R"({"kind": "csat", "columns": {"response_id": "id", "date": "date",
        "score": "s", "agent": "agent"}})")
                          << QByteArray("id,date,s,agent\nC1,2026-03-14,5,x1\nC2,2026-03-15,4,x2\nC3,2026-03-15,3,x1\n")
                          << QStringLiteral("csat_responses");
}

// The wizard's "Import as" (ImportOptions::agentMap) is remembered as an alias, so the next import
// of the file, without the map, finds the agent (docs/import.md "Decisions").
void TestImport::mappedAgentsBecomeAliases()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, csv);
    QFETCH(QString, facts);
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const QString roster = writeFile(dir, QStringLiteral("roster.csv"), "agent,name\nAG-7,José Núñez\n");
    QCOMPARE(run(*project, mapping(R"({"kind": "agents", "columns": {"agent": "agent", "name": "name"}})"), roster)
                 .summary.inserted,
             1);
    const ImportMapping m = mapping(json);
    const QString path = writeFile(dir, QStringLiteral("f.csv"), csv);
    const QString ownerOf = QStringLiteral("SELECT g.agent_key FROM agent_aliases a JOIN agents g ON g.id = a.agent_id "
                                           "WHERE a.alias = 'x1'");
    const QString factsOfAg7 = QStringLiteral("SELECT count(*) FROM %1 f JOIN agents g ON g.id = f.agent_id "
                                              "WHERE g.agent_key = 'AG-7'")
                                   .arg(facts);
    ImportOptions options;
    options.agentMap.insert(QStringLiteral("x1"), QStringLiteral("AG-7"));

    // A dry run (the wizard's check) writes no alias.
    options.dryRun = true;
    ImportResult r = run(*project, m, path, options);
    QCOMPARE(r.summary.createdAgents, QStringList{QStringLiteral("x2")});
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM agent_aliases")), 0);

    options.dryRun = false;
    r = run(*project, m, path, options);
    QCOMPARE(r.status, ImportResult::Imported);
    QCOMPARE(r.summary.agentsCreated, 1); // x2 only
    QCOMPARE(value(*project, ownerOf).toString(), QStringLiteral("AG-7"));
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM agent_aliases")), 1); // once, though met twice
    QCOMPARE(count(*project, factsOfAg7), 2);                                           // rows 1 and 3
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM agents WHERE agent_key = 'x1'")), 0);
    // Logged as a roster import logs an alias, with this import's id.
    QCOMPARE(count(*project,
                   QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'agent' AND entity_id = "
                                  "'AG-7' AND field = 'alias' AND coalesce(old_value, '') = '' AND new_value = 'x1' "
                                  "AND import_id = %1")
                       .arg(r.summary.importId)),
             1);

    // The next import of the file, without the map: nothing unknown, nothing created, all unchanged.
    r = run(*project, m, path);
    QCOMPARE(r.status, ImportResult::Imported);
    QCOMPARE(r.summary.createdAgents, QStringList());
    QCOMPARE(r.summary.agentsCreated, 0);
    QCOMPARE(r.summary.unchanged, 3);
    QCOMPARE(count(*project, factsOfAg7), 2);
}

// The reading thread refills audits the writing thread is done with (AuditCommitter::recycled()).
// 10,000 audits (more than the writer's queue holds, so most are refilled ones) alternate between
// every optional field given, long, and none given: nothing of an audit may show in the next.
void TestImport::recycledAuditsCarryNothingOver()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const ImportMapping m = mapping(R"({"kind": "audits-long", "scorecard": "Support QA", "columns": {"audit_id": "id",
        "date": "date", "agent": "agent", "team": "team", "ticket_id": "ticket", "audit_comment": "note",
        "criterion": "c", "value": "v", "comment": "remark", "root_cause": "cause"},
        "dimensions": {"product": "product"}})");
    constexpr int Audits = 10000;
    QByteArray csv = "id,date,agent,team,ticket,note,c,v,remark,cause,product\n";
    for (int i = 0; i < Audits; ++i) {
        const QByteArray id = "A" + QByteArray::number(i);
        if (i % 2 == 0) {
            const QByteArray head = id + ",2026-03-14,agent" + QByteArray::number(i % 5) +
                                    ",Team with a rather long name " + QByteArray::number(i % 3) + ",T" +
                                    QByteArray::number(i) + ",an audit note that is longer than most,";
            csv += head + "tone,4,a remark on the tone,Training;Macro missing,Product line " +
                   QByteArray::number(i % 4) + "\n";
            csv += head + "resolution,Yes,,,Product line " + QByteArray::number(i % 4) + "\n";
        } else {
            csv += id + ",2026-03-15,agent" + QByteArray::number(i % 5) + ",,,,tone,3,,,\n";
        }
    }
    const QString path = writeFile(dir, QStringLiteral("a.csv"), csv);
    const ImportResult r = run(*project, m, path);
    QCOMPARE(r.status, ImportResult::Imported);
    QCOMPARE(r.summary.inserted, Audits);
    const auto n = [&](const char *sql) { return count(*project, QString::fromLatin1(sql)); };
    // Odd audits: no team (and none in the roster), ticket, note, product, remark or root cause.
    QCOMPARE(n("SELECT count(*) FROM audits WHERE team_id IS NULL"), Audits / 2);
    QCOMPARE(n("SELECT count(*) FROM audits WHERE ticket_id IS NULL"), Audits / 2);
    QCOMPARE(n("SELECT count(*) FROM audits WHERE coalesce(comment, '') = ''"), Audits / 2);
    QCOMPARE(n("SELECT count(*) FROM audit_dimensions"), Audits / 2);
    QCOMPARE(n("SELECT count(*) FROM answers WHERE comment IS NOT NULL"), Audits / 2);
    QCOMPARE(n("SELECT count(*) FROM answer_root_causes"), 2 * (Audits / 2));
    // Even audits: their own ticket, and answers: tone and resolution; odd: tone only.
    QCOMPARE(n("SELECT count(*) FROM audits WHERE ticket_id IS NOT NULL AND ticket_id <> 'T' || substr(audit_key, 2)"),
             0);
    QCOMPARE(n("SELECT count(*) FROM answers"), 2 * (Audits / 2) + Audits / 2);
    QCOMPARE(n("SELECT count(*) FROM audits a JOIN audit_dimensions d ON d.audit_id = a.id WHERE d.value <> "
               "'Product line ' || (CAST(substr(a.audit_key, 2) AS INTEGER) % 4)"),
             0);
    QCOMPARE(
        n("SELECT count(*) FROM audits WHERE date = '2026-03-15' AND CAST(substr(audit_key, 2) AS INTEGER) % 2 = 0"),
        0);
    // Imported again: every audit is unchanged (the content hashes match the stored ones).
    const ImportResult again = run(*project, m, path);
    QCOMPARE(again.summary.unchanged, Audits);
}

void TestImport::interactions()
{
    QTemporaryDir dir;
    const auto project = newProject(dir, QStringLiteral("p.qlens"), false);
    const ImportMapping m = mapping(R"({"kind": "interactions", "columns": {"ticket_id": "Ticket", "channel": "Channel",
        "transcript": "Text", "media": "Recording", "date": "Date"}, "mask": ["card", "phone"]})");
    const QString path =
        writeFile(dir, QStringLiteral("i.csv"),
                  "Ticket,Channel,Text,Recording,Date\nT1,chat,\"Customer: my card is 4111 1111 1111 1111\nAgent: "
                  "call me on +1 415 555 0100\",,2026-03-01\nT2,phone,,/calls/t2.ogg,2026-03-02\n");
    ImportResult r = run(*project, m, path);
    QCOMPARE(r.status, ImportResult::Imported);
    QCOMPARE(r.summary.inserted, 2);
    QCOMPARE(r.summary.masked, 2);
    QCOMPARE(value(*project, QStringLiteral("SELECT transcript FROM interactions WHERE ticket_id = 'T1'")).toString(),
             QStringLiteral("Customer: my card is **** **** **** 1111\nAgent: call me on +* *** *** **00"));
    r = run(*project, m, path);
    QCOMPARE(r.summary.unchanged, 2);
}

void TestImport::scorecardVersions()
{
    QTemporaryDir dir;
    const auto project = newProject(dir, QStringLiteral("p.qlens"), false);
    auto r = ScorecardImport::importFile(project->database(), dataPath(QStringLiteral("support-qa-v1.json")));
    QVERIFY(r.ok);
    QCOMPARE(r.outcome, ScorecardImport::Outcome::Created);
    QCOMPARE(r.version, 1);
    r = ScorecardImport::importFile(project->database(), dataPath(QStringLiteral("support-qa-v1.json")));
    QCOMPARE(r.outcome, ScorecardImport::Outcome::Unchanged);
    // Names only: the current version is updated in place.
    r = ScorecardImport::importFile(project->database(), dataPath(QStringLiteral("support-qa-v1-renamed.json")));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.outcome, ScorecardImport::Outcome::NamesUpdated);
    QCOMPARE(r.version, 1);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM scorecards")), 1);
    QCOMPARE(value(*project, QStringLiteral("SELECT name FROM criteria WHERE key = 'tone'")).toString(),
             QStringLiteral("Tone, empathy and warmth"));
    QCOMPARE(value(*project, QStringLiteral("SELECT name FROM scorecard_sections WHERE position = 1")).toString(),
             QStringLiteral("Talking"));
    QVERIFY(ScorecardStore(project->database()).load(QStringLiteral("Support QA"), 1)->card.sections.at(1).name ==
            u"Talking");
    // Content: a new version; the old one ends the day before.
    r = ScorecardImport::importFile(project->database(), dataPath(QStringLiteral("support-qa-v2.json")));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.outcome, ScorecardImport::Outcome::NewVersion);
    QCOMPARE(r.version, 2);
    const auto versions = ScorecardStore(project->database()).versions(QStringLiteral("Support QA"));
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.at(0).validTo, QDate(2026, 6, 30));
    QVERIFY(!versions.at(1).validTo.isValid());
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM import_log WHERE kind = 'scorecard'")), 4);
    QCOMPARE(count(*project, QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'scorecard'")), 3);
    // The same content as v2 again: unchanged; v2's content with an older version number: refused.
    r = ScorecardImport::importFile(project->database(), dataPath(QStringLiteral("support-qa-v2.json")));
    QCOMPARE(r.outcome, ScorecardImport::Outcome::Unchanged);
    r = ScorecardImport::importFile(project->database(), dataPath(QStringLiteral("support-qa-v1.json")));
    QVERIFY(!r.ok);
    QVERIFY(r.invalidInput);
    QVERIFY2(r.error.contains(QStringLiteral("already has version 1")), qPrintable(r.error));
}

void TestImport::versionInForceOnTheDate()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    QVERIFY(ScorecardImport::importFile(project->database(), dataPath(QStringLiteral("support-qa-v2.json"))).ok);
    const ImportMapping m = mapping(R"({"kind": "audits-long", "scorecard": "Support QA", "columns": {"audit_id": "id",
        "date": "date", "agent": "agent", "criterion": "c", "value": "v", "scorecard_version": "ver"}})");
    const QString path = writeFile(dir, QStringLiteral("a.csv"),
                                   "id,date,agent,c,v,ver\nA1,2026-06-30,x,tone,4,\n"
                                   "A2,2026-07-01,x,tone,4,\nA3,2026-07-01,x,tone,4,1\n");
    const ImportResult r = run(*project, m, path);
    QCOMPARE(r.status, ImportResult::Imported);
    QSqlQuery q(project->database());
    q.exec(QStringLiteral("SELECT group_concat(s.version) FROM (SELECT * FROM audits ORDER BY audit_key) a "
                          "JOIN scorecards s ON s.id = a.scorecard_id"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("1,2,1"));
    checkScoresMatchEngine(*project);
}

void TestImport::maskingCounts()
{
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const QByteArray json =
        R"({"kind": "audits-long", "scorecard": "Support QA", "columns": {"audit_id": "id", "date": "date",
        "agent": "agent", "criterion": "c", "value": "v", "comment": "note", "audit_comment": "overall"}, "mask": MASK})";
    const QString path = writeFile(
        dir, QStringLiteral("a.csv"),
        "id,date,agent,c,v,note,overall\nA1,2026-03-02,x,tone,4,4111111111111111 and a@b.io,call +44 20 7946 0958\n");
    ImportOptions dry;
    dry.dryRun = true;
    ImportResult r =
        run(*project, mapping(QByteArray(json).replace("MASK", R"(["card", "email", "phone"])")), path, dry);
    QCOMPARE(r.summary.masked, 3);
    r = run(*project, mapping(QByteArray(json).replace("MASK", R"(["email"])")), path);
    QCOMPARE(r.summary.masked, 1);
    QVERIFY(r.summary.cardMaskingOff);
    QVERIFY(r.summary.toJson().contains("\"card_masking\": \"off\""));
    QCOMPARE(value(*project, QStringLiteral("SELECT comment FROM answers")).toString(),
             QStringLiteral("4111111111111111 and ***@***"));
}

void TestImport::messyFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("extra"); // mapping keys
    QTest::addColumn<QString>("comment");  // R1's tone comment as stored

    // The same two audits, written as different tools and spreadsheets write them.
    const QString rows = QStringLiteral("Review ID;Date;Agent;Criterion;Rating;Comment\r\n"
                                        "R1;DATE1;alice;Identity;Yes;\r\n"
                                        "R1;DATE1;alice;Empathy;4;\"Très bien,\nmerci – café\"\r\n"
                                        "R1;DATE1;alice;resolution;Partial;\r\n"
                                        "R2;DATE2;bob;Identity;No;\r\n"
                                        "R2;DATE2;bob;Empathy;N/A;\r\n"
                                        "R2;DATE2;bob;resolution;yes;\r\n");
    const auto with = [&](const QString &d1, const QString &d2, QChar delimiter = u';') {
        QString t = rows;
        t.replace(QStringLiteral("DATE1"), d1).replace(QStringLiteral("DATE2"), d2);
        if (delimiter != u';')
            t.replace(u';', delimiter);
        return t;
    };
    const QString comment = QStringLiteral("Très bien,\nmerci – café");
    QByteArray bom = "\xEF\xBB\xBF";
    QTest::newRow("Excel UTF-8 with BOM, semicolons, CRLF")
        << bom + with("2026-03-02", "2026-03-03").toUtf8() << QByteArray() << comment;
    QStringEncoder cp1252("windows-1252");
    QTest::newRow("Windows-1252") << QByteArray(cp1252(with("2026-03-02", "2026-03-03"))) << QByteArray() << comment;
    QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    QTest::newRow("UTF-16LE tabs") << QByteArray(utf16(with("2026-03-02", "2026-03-03", u'\t'))) << QByteArray()
                                   << comment;
    QTest::newRow("US dates") << with("3/2/2026", "03/03/2026", u',').toUtf8()
                              << QByteArray(R"(, "date_format": "M/d/yyyy")") << comment;
    QTest::newRow("LF only, pipes")
        << with("2026-03-02", "2026-03-03", u'|').replace(QStringLiteral("\r\n"), QStringLiteral("\n")).toUtf8()
        << QByteArray() << comment;
    QTest::newRow("decimal comma")
        << with("2026-03-02", "2026-03-03").replace(QStringLiteral(";4;"), QStringLiteral(";4,0;")).toUtf8()
        << QByteArray(R"(, "csv": {"decimal": ","})") << comment;
}

void TestImport::messyFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, extra);
    QFETCH(QString, comment);
    QTemporaryDir dir;
    const auto project = newProject(dir);
    const ImportMapping m =
        mapping(R"({"kind": "audits-long", "scorecard": "Support QA", "columns": {"audit_id": "Review ID",
        "date": "Date", "agent": "Agent", "criterion": "Criterion", "value": "Rating", "comment": "Comment"},
        "values": {"value": {"N/A": "na", "Yes": 1, "No": 0}}, "criteria": {"Identity": "verify_identity", "Empathy": "tone"})" +
                extra + "}");
    const QString path = writeFile(dir, QStringLiteral("export.csv"), bytes);
    const ImportResult r = run(*project, m, path);
    QVERIFY2(r.status == ImportResult::Imported, qPrintable(messages(r).join(u'\n') + r.error));
    QCOMPARE(r.summary.inserted, 2);
    const QList<StoredAudit> stored = audits(*project);
    QCOMPARE(*stored.at(0).score, 63.6);
    QCOMPARE(*stored.at(1).score, 0.0);
    QCOMPARE(value(*project, QStringLiteral("SELECT date FROM audits WHERE audit_key = 'R1'")).toString(),
             QStringLiteral("2026-03-02"));
    QCOMPARE(value(*project, QStringLiteral("SELECT comment FROM answers WHERE comment IS NOT NULL")).toString(),
             comment);
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"

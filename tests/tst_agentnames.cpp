// SPDX-License-Identifier: GPL-3.0-or-later
// Agents by name, id or pseudonym in exports (ui.md "People in outputs", privacy.md): the
// pseudonym's value (checked against Python's hmac module), the project's key, and the exported
// files in each mode.
#include "demo/demogenerator.h"
#include "export/agentnames.h"
#include "export/dataexport.h"
#include "import/importer.h"
#include "store/project.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

class TestAgentNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pseudonyms();
    void projectKey();
    void agentsExport_data();
    void agentsExport();
    void auditsExportHidesNames();

private:
    QByteArray exportCsv(ExportSource source, NameDisplay names, const QByteArray &key);

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
};

void TestAgentNames::initTestCase()
{
    ProjectError error;
    m_project = Project::create(m_dir.filePath(QStringLiteral("names.qlens")), true, &error);
    QVERIFY2(m_project, qPrintable(error.message));
    const QString roster = m_dir.filePath(QStringLiteral("roster.csv"));
    QFile out(roster);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("id,name,team\nA1,Ana Lima,North\nB2,,South\n");
    out.close();
    QString why;
    const auto mapping = ImportMapping::parse(
        R"({"kind": "agents", "columns": {"agent": "id", "name": "name", "team": "team"}})", &why);
    QVERIFY2(mapping, qPrintable(why));
    QCOMPARE(Importer(m_project->database(), *mapping).run(roster).status, ImportResult::Imported);
}

void TestAgentNames::pseudonyms()
{
    // Reference values: hmac.new(b'0123abcd', b'A1', hashlib.sha256), the first 30 bits in
    // Crockford's base 32 (0123456789ABCDEFGHJKMNPQRSTVWXYZ).
    QCOMPARE(AgentNames::pseudonym("0123abcd", u"A1"), QStringLiteral("Agent E0K080"));
    QCOMPARE(AgentNames::pseudonym("0123abcd", u"B2"), QStringLiteral("Agent X8QNST"));
    QVERIFY(AgentNames::pseudonym("another key", u"A1") != QStringLiteral("Agent E0K080"));
    static const QRegularExpression form(QStringLiteral("^Agent [0-9A-HJKMNP-TV-Z]{6}$"));
    for (int i = 0; i < 200; ++i)
        QVERIFY(form.match(AgentNames::pseudonym("k", QString::number(i))).hasMatch());
    QCOMPARE(AgentNames::fromName(QStringLiteral("pseudonyms")), NameDisplay::Pseudonyms);
    QCOMPARE(AgentNames::fromName(QStringLiteral("ids")), NameDisplay::Ids);
    QVERIFY(!AgentNames::fromName(QStringLiteral("Names")));
}

void TestAgentNames::projectKey()
{
    QString error;
    const QByteArray key = AgentNames::projectKey(m_project->database(), &error);
    QVERIFY2(!key.isEmpty(), qPrintable(error));
    QCOMPARE(key.size(), 64);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(QString::fromLatin1(key)).hasMatch());
    QCOMPARE(AgentNames::projectKey(m_project->database(), &error), key); // made once, then kept

    // A new project has its key from the start (made on every writable open), so a read-only
    // open (the CLI's chart and pivot) finds it.
    ProjectError perror;
    const QString other = m_dir.filePath(QStringLiteral("other.qlens"));
    QByteArray made;
    {
        const auto created = Project::create(other, true, &perror);
        QVERIFY2(created, qPrintable(perror.message));
        made = AgentNames::projectKey(created->database(), &error);
        QCOMPARE(made.size(), 64);
    }
    {
        const auto readOnly = Project::open(other, Project::Access::ReadOnly, Project::Check::Deferred, &perror);
        QVERIFY2(readOnly, qPrintable(perror.message));
        QCOMPARE(AgentNames::projectKey(readOnly->database(), &error), made);
    }
    // A project without one (written by an older version) opened read-only cannot make it, and
    // says why.
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(other);
        QVERIFY(raw.open());
        QVERIFY(QSqlQuery(raw).exec(QStringLiteral("DELETE FROM settings WHERE key = 'pseudonym_key'")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    const auto readOnly = Project::open(other, Project::Access::ReadOnly, Project::Check::Deferred, &perror);
    QVERIFY2(readOnly, qPrintable(perror.message));
    QVERIFY(AgentNames::projectKey(readOnly->database(), &error).isEmpty());
    QVERIFY(error.startsWith(QStringLiteral("pseudonyms need")));
}

QByteArray TestAgentNames::exportCsv(ExportSource source, NameDisplay names, const QByteArray &key)
{
    ExportSpec spec;
    spec.source = source;
    spec.names = names;
    spec.pseudonymKey = key;
    const QString path = m_dir.filePath(QStringLiteral("out.csv"));
    const auto r = DataExport::run(m_project->database(), spec, path, {});
    if (r.status != DataExport::Status::Written)
        return "failed: " + r.error.toUtf8();
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestAgentNames::agentsExport_data()
{
    QTest::addColumn<NameDisplay>("names");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray header = "agent,name,team,site,supervisor,hire_date,active\r\n";
    QTest::newRow("names") << NameDisplay::Names
                           << header + "A1,Ana Lima,North,,,,1\r\n"
                                       "B2,,South,,,,1\r\n";
    // Ids: the name column shows the id, so no name is left in the file.
    QTest::newRow("ids") << NameDisplay::Ids
                         << header + "A1,A1,North,,,,1\r\n"
                                     "B2,B2,South,,,,1\r\n";
    QTest::newRow("pseudonyms") << NameDisplay::Pseudonyms
                                << header + "Agent E0K080,Agent E0K080,North,,,,1\r\n"
                                            "Agent X8QNST,Agent X8QNST,South,,,,1\r\n";
}

void TestAgentNames::agentsExport()
{
    QFETCH(NameDisplay, names);
    QFETCH(QByteArray, expected);
    QCOMPARE(exportCsv(ExportSource::Agents, names, "0123abcd"), expected);
}

void TestAgentNames::auditsExportHidesNames()
{
    // A demo project: in pseudonyms mode neither an agent's id nor its name is in the audits file,
    // and agent and agent_name agree on each row.
    ProjectError error;
    auto demo = Project::create(m_dir.filePath(QStringLiteral("demo.qlens")), true, &error);
    QVERIFY2(demo, qPrintable(error.message));
    DemoOptions options;
    options.agents = 10;
    options.months = 2;
    options.auditsPerAgentMonth = 1;
    QString problem;
    QVERIFY2(generateDemo(*demo, options, {}, &problem), qPrintable(problem));
    std::swap(demo, m_project);
    const QByteArray csv = exportCsv(ExportSource::Audits, NameDisplay::Pseudonyms, "k");
    std::swap(demo, m_project);
    QVERIFY(!csv.startsWith("failed"));
    QSqlQuery q(demo->database());
    QVERIFY(q.exec(QStringLiteral("SELECT agent_key, name FROM agents")));
    int agents = 0;
    while (q.next()) {
        ++agents;
        QVERIFY2(!csv.contains("," + q.value(0).toByteArray() + ","), q.value(0).toByteArray().constData());
        QVERIFY2(!csv.contains(q.value(1).toByteArray()), q.value(1).toByteArray().constData());
        const QByteArray pseudonym = AgentNames::pseudonym("k", q.value(0).toString()).toUtf8();
        QVERIFY(csv.contains(pseudonym + ',' + pseudonym + ','));
    }
    QCOMPARE(agents, 10);
}

QTEST_GUILESS_MAIN(TestAgentNames)
#include "tst_agentnames.moc"

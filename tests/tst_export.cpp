// SPDX-License-Identifier: GPL-3.0-or-later
// The rows of each export source (formats.md "Export columns"): exact CSV bytes of a small
// hand-made project, filters and date ranges against hand-worked answers, the same filters against
// the pivot engine's fact counts on a generated demo project, and the answers export scored again
// to the audits' stored scores (what "imports back to the same scores" needs).
#include "common/periods.h"
#include "demo/demogenerator.h"
#include "export/dataexport.h"
#include "export/exportquery.h"
#include "export/tableexport.h"
#include "import/csvreader.h"
#include "import/csvrecord.h"
#include "pivot/cubebuilder.h"
#include "pivot/pivotengine.h"
#include "scoring/scoringengine.h"
#include "store/project.h"
#include "store/scorecardstore.h"

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

namespace {

bool run(QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(db);
    if (!q.prepare(sql)) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

const QVariant Null;

// The hand-made project. Everything a row can hold, each edge once: a team from the roster and one
// stored with the audit, a team move, an agent whose roster starts after its audit, text that needs
// quotes and the formula guard, a negative scale value, N/A, an options label, two root causes, a
// label CSAT scale, a response whose agent comes from its ticket's audit, custom dimensions (one
// named like a built-in dimension, one like a column).
bool buildSmallProject(const QString &path)
{
    ProjectError error;
    auto project = Project::create(path, true, &error);
    if (!project)
        return false;
    QSqlDatabase db = project->database();
    const QString now = QStringLiteral("2026-01-01T00:00:00Z");
    bool ok = db.transaction();
    ok = ok && run(db,
                   "INSERT INTO scorecards(id, name, version, valid_from, definition_json, created_at) "
                   "VALUES (1, 'Support QA', 1, '2026-01-01', '{}', ?)",
                   {now});
    ok = ok && run(db, "INSERT INTO scorecard_sections(id, scorecard_id, position, name) VALUES "
                       "(1, 1, 0, 'Compliance'), (2, 1, 1, 'Communication')");
    ok = ok && run(db, "INSERT INTO criteria(id, scorecard_id, section_id, position, key, name, scale_kind, scale_min, "
                       "scale_max, options_json, critical, allow_na) VALUES "
                       "(1, 1, 1, 0, 'verify_identity', 'Verified', 'binary', 0, 1, NULL, 'compliance', 0),"
                       "(2, 1, 2, 1, 'tone', 'Tone', 'range', 1, 5, NULL, NULL, 1),"
                       "(3, 1, 2, 2, 'resolution', 'Resolution', 'options', 0, 10, "
                       "'[[\"Yes\",10],[\"Partial\",3],[\"No\",0]]', NULL, 0),"
                       "(4, 1, 2, 3, 'effort', 'Effort', 'range', -2, 2, NULL, NULL, 0)");
    ok = ok && run(db, "INSERT INTO teams(id, name) VALUES (1, 'North'), (2, 'South')");
    ok = ok && run(db, "INSERT INTO sites(id, name) VALUES (1, 'Lisbon')");
    ok = ok && run(db, "INSERT INTO queues(id, name) VALUES (1, 'Billing'), (2, 'Returns, EU')");
    ok = ok && run(db, "INSERT INTO channels(id, name) VALUES (1, 'chat')");
    ok = ok && run(db, "INSERT INTO auditors(id, auditor_key, name) VALUES (1, 'QA1', 'Quinn Auditor')");
    ok = ok && run(db,
                   "INSERT INTO agents(id, agent_key, name, hire_date, active, created_at) VALUES "
                   "(1, 'A1', 'Ana Lima', '2025-11-15', 1, ?), (2, 'A2', 'Bo \"Bear\" Chen', NULL, 0, ?)",
                   {now, now});
    ok = ok && run(db, "INSERT INTO agent_history(agent_id, valid_from, team_id, site_id, supervisor) VALUES "
                       "(1, '2025-01-15', 1, 1, 'Sam Lead'), (1, '2026-03-01', 2, 1, 'Kim Boss'),"
                       "(2, '2026-12-01', 2, NULL, 'Kim Boss')");
    ok = ok && run(db, "INSERT INTO custom_dimensions(id, name) VALUES (1, 'product'), (2, 'team'), (3, 'comment')");

    struct Audit
    {
        int id;
        const char *key, *source;
        QVariant ticket;
        const char *date;
        QVariant interaction, agent, auditor, team, site, supervisor, queue, channel;
        const char *sampleType;
        QVariant score, raw;
        int passed, criticalFail, families, incomplete;
        const char *comment;
    };
    const Audit audits[] = {
        {1, "AU-1", "default", "T1", "2026-02-10", "2026-02-08", 1, 1, Null, Null, Null, 1, 1, "random", 88.5, 88.5,
         1, 0,      0,         0,    "=SUM(A1)"},
        {2,
         "AU-2",
         "default",
         "+44 20",
         "2026-03-05",
         Null,
         1,
         Null,
         1,
         Null,
         "Ad Hoc",
         2,
         Null,
         "targeted",
         0.0,
         72.25,
         0,
         1,
         5,
         1,
         "said \"hi\"\nthen left"},
        {3,    "AU-3", "other",  Null, "2026-03-20", Null, 2, Null, Null, Null, Null,
         Null, Null,   "random", Null, Null,         0,    0, 0,    0,    "-x"},
    };
    for (const Audit &a : audits) {
        const PeriodKeys k = PeriodKeys::of(QDate::fromString(QLatin1String(a.date), Qt::ISODate));
        const PeriodKeys i = PeriodKeys::of(QDate::fromString(a.interaction.toString(), Qt::ISODate));
        const auto key = [](int v) { return v ? QVariant(v) : QVariant(); };
        ok = ok && run(db,
                       "INSERT INTO audits(id, source, audit_key, ticket_id, date, interaction_date, day, week, month, "
                       "quarter, i_day, i_week, i_month, i_quarter, agent_id, auditor_id, team_id, site_id, "
                       "supervisor, queue_id, channel_id, sample_type, scorecard_id, score, raw_score, passed, "
                       "critical_fail, critical_families, incomplete, comment) VALUES "
                       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
                       {a.id,         a.source,       a.key,      a.ticket,     a.date,     a.interaction,
                        k.day,        k.week,         k.month,    k.quarter,    key(i.day), key(i.week),
                        key(i.month), key(i.quarter), a.agent,    a.auditor,    a.team,     a.site,
                        a.supervisor, a.queue,        a.channel,  a.sampleType, a.score,    a.raw,
                        a.passed,     a.criticalFail, a.families, a.incomplete, a.comment});
    }
    ok = ok && run(db, "INSERT INTO audit_dimensions(audit_id, dimension_id, value) VALUES "
                       "(1, 1, 'Laptops'), (3, 1, '@me'), (1, 2, 'shadowed'), (2, 3, 'c-dim')");
    ok = ok && run(db, "INSERT INTO answers(id, audit_id, criterion_id, value, option_label, na, c, comment) VALUES "
                       "(1, 1, 1, 1, NULL, 0, 1, NULL), (2, 1, 2, 4, NULL, 0, 0.75, 'ok'),"
                       "(3, 1, 3, 3, 'Partial', 0, 0.3, NULL), (4, 1, 4, -1, NULL, 0, 0.25, NULL),"
                       "(5, 2, 1, 0, NULL, 0, 0, 'no ID check'), (6, 2, 2, NULL, NULL, 1, NULL, NULL)");
    ok = ok &&
         run(db, "INSERT INTO root_causes(id, name) VALUES (1, 'Tool issue'), (2, 'Knowledge gap'), (3, 'Process')");
    ok = ok && run(db, "INSERT INTO answer_root_causes(answer_id, root_cause_id) VALUES (3, 1), (3, 2), (5, 3)");
    const PeriodKeys r1 = PeriodKeys::of(QDate(2026, 2, 11)), r2 = PeriodKeys::of(QDate(2026, 3, 6));
    ok = ok && run(db,
                   "INSERT INTO csat_responses(id, source, response_key, ticket_id, date, day, week, month, quarter, "
                   "score, score_label, scale, satisfied, dissatisfied, agent_id, queue_id, channel_id, reason, "
                   "comment) VALUES "
                   "(1, 'default', 'R1', 'T1', '2026-02-11', ?, ?, ?, ?, 2, NULL, '1-5', 0, 1, 1, 1, 1, 'Slow', "
                   "'@agent thanks'),"
                   "(2, 'default', 'R2', '+44 20', '2026-03-06', ?, ?, ?, ?, 1, 'good', 'labels:bad,good', 1, 0, "
                   "NULL, NULL, NULL, NULL, '-5 stars')",
                   {r1.day, r1.week, r1.month, r1.quarter, r2.day, r2.week, r2.month, r2.quarter});
    ok = ok && run(db, "INSERT INTO csat_dimensions(response_id, dimension_id, value) VALUES (1, 1, 'Laptops')");
    return ok && db.commit();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Parsed back with the project's own reader: rows of fields by header name.
struct Table
{
    QStringList header;
    QList<QStringList> rows;
    QString at(int row, const QString &column) const { return rows.at(row).value(header.indexOf(column)); }
    QStringList column(const QString &name) const
    {
        QStringList values;
        for (const QStringList &r : rows)
            values << r.value(header.indexOf(name));
        return values;
    }
};

Table readCsv(const QString &path)
{
    Table t;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return t;
    CsvOptions options;
    options.delimiter = u',';
    CsvReader reader(&f, options);
    if (!reader.readHeader())
        return t;
    t.header = reader.header().fields();
    CsvRecord record;
    while (reader.next(record))
        t.rows << record.fields();
    return t;
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void auditsCsv();
    void answersCsv();
    void csatCsv();
    void agentsCsv();
    void auditsXlsx();
    void filters_data();
    void filters();
    void dateRange_data();
    void dateRange();
    void interactionPeriods();
    void unknownDimension_data();
    void unknownDimension();
    void agentsHaveNoDates();
    void tooManyRowsForXlsx();
    void cancel();
    void filtersAgreeWithPivots_data();
    void filtersAgreeWithPivots();
    void answersScoreBackToAudits();

private:
    QString exportCsv(ExportSpec spec, const QString &name, QString *error = nullptr);
    QString m_small;
    QString m_demo;
    std::unique_ptr<Project> m_smallProject;
    std::unique_ptr<Project> m_demoProject;
    QTemporaryDir m_dir;
};

void TestExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_small = m_dir.filePath(QStringLiteral("small.qlens"));
    QVERIFY(buildSmallProject(m_small));
    m_demo = m_dir.filePath(QStringLiteral("demo.qlens"));
    {
        ProjectError error;
        auto demo = Project::create(m_demo, true, &error);
        QVERIFY2(demo, qPrintable(error.message));
        DemoOptions options;
        options.agents = 12;
        options.months = 3;
        options.auditsPerAgentMonth = 4;
        QString problem;
        QVERIFY2(generateDemo(*demo, options, {}, &problem), qPrintable(problem));
    }
    ProjectError error;
    m_smallProject = Project::open(m_small, Project::Access::ReadOnly, Project::Check::Deferred, &error);
    QVERIFY2(m_smallProject, qPrintable(error.message));
    m_demoProject = Project::open(m_demo, Project::Access::ReadOnly, Project::Check::Deferred, &error);
    QVERIFY2(m_demoProject, qPrintable(error.message));
}

void TestExport::cleanupTestCase()
{
    m_smallProject.reset();
    m_demoProject.reset();
}

QString TestExport::exportCsv(ExportSpec spec, const QString &name, QString *error)
{
    const QString path = m_dir.filePath(name);
    const auto result = DataExport::run(m_smallProject->database(), spec, path, {});
    if (error)
        *error = result.error;
    return result.status == DataExport::Status::Written ? path : QString();
}

void TestExport::auditsCsv()
{
    ExportSpec spec;
    QString error;
    const QString path = exportCsv(spec, QStringLiteral("audits.csv"), &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    // Custom dimensions: product is a column; "team" loses to the built-in dimension and
    // "comment" to the built-in column. AU-1's team, site and supervisor come from the roster on
    // its date; AU-2's team is stored with it (North, though the roster had moved the agent to
    // South) and its site from the roster; AU-3 predates its agent's roster: blank.
    const QByteArray expected =
        "audit_id,source,ticket_id,date,interaction_date,week,month,agent,agent_name,team,site,supervisor,queue,"
        "channel,"
        "auditor,sample_type,scorecard,scorecard_version,score,raw_score,passed,critical_fail,critical_families,"
        "incomplete,comment,product\r\n"
        "AU-1,default,T1,2026-02-10,2026-02-08,2026-W07,2026-02,A1,Ana Lima,North,Lisbon,Sam Lead,Billing,chat,QA1,"
        "random,Support QA,1,88.5,88.5,1,0,,0,'=SUM(A1),Laptops\r\n"
        "AU-2,default,'+44 20,2026-03-05,,2026-W10,2026-03,A1,Ana Lima,North,Lisbon,Ad Hoc,\"Returns, EU\",,,targeted,"
        "Support QA,1,0,72.25,0,1,customer;compliance,1,\"said \"\"hi\"\"\nthen left\",\r\n"
        "AU-3,other,,2026-03-20,,2026-W12,2026-03,A2,\"Bo \"\"Bear\"\" Chen\",,,,,,,random,Support QA,1,,,0,0,,0,'-x,"
        "'@me\r\n";
    QCOMPARE(readAll(path), expected);
}

void TestExport::answersCsv()
{
    ExportSpec spec;
    spec.source = ExportSource::Answers;
    QString error;
    const QString path = exportCsv(spec, QStringLiteral("answers.csv"), &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    // value: the number (-1 is a number, so no guard), the options label, or N/A; root causes in
    // code-point order; answers in criterion order within each audit.
    const QByteArray au1 = "AU-1,default,T1,2026-02-10,2026-02-08,A1,QA1,North,Lisbon,Sam Lead,Billing,chat,random,"
                           "Support QA,1,";
    const QByteArray au2 = "AU-2,default,'+44 20,2026-03-05,,A1,,North,Lisbon,Ad Hoc,\"Returns, EU\",,targeted,"
                           "Support QA,1,";
    const QByteArray expected =
        "audit_id,source,ticket_id,date,interaction_date,agent,auditor,team,site,supervisor,queue,channel,sample_type,"
        "scorecard,scorecard_version,criterion,section,value,na,c,root_cause,comment\r\n" +
        au1 + "verify_identity,Compliance,1,0,1,,\r\n" + au1 + "tone,Communication,4,0,0.75,,ok\r\n" + au1 +
        "resolution,Communication,Partial,0,0.3,Knowledge gap;Tool issue,\r\n" + au1 +
        "effort,Communication,-1,0,0.25,,\r\n" + au2 + "verify_identity,Compliance,0,0,0,Process,no ID check\r\n" +
        au2 + "tone,Communication,N/A,1,,,\r\n";
    QCOMPARE(readAll(path), expected);
}

void TestExport::csatCsv()
{
    ExportSpec spec;
    spec.source = ExportSource::Csat;
    QString error;
    const QString path = exportCsv(spec, QStringLiteral("csat.csv"), &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    // R2 has no agent of its own: it is the agent of its ticket's latest official audit (AU-2, A1),
    // with the roster's team on the response's date (South, after the move). Its label scale shows
    // the label.
    const QByteArray expected =
        "response_id,source,date,score,ticket_id,agent,team,site,supervisor,queue,channel,reason,comment,scale,"
        "satisfied,dissatisfied,week,month,product\r\n"
        "R1,default,2026-02-11,2,T1,A1,North,Lisbon,Sam Lead,Billing,chat,Slow,'@agent thanks,1-5,0,1,2026-W07,"
        "2026-02,Laptops\r\n"
        "R2,default,2026-03-06,good,'+44 20,A1,South,Lisbon,Kim Boss,,,,'-5 stars,\"labels:bad,good\",1,0,2026-W10,"
        "2026-03,\r\n";
    QCOMPARE(readAll(path), expected);
}

void TestExport::agentsCsv()
{
    ExportSpec spec;
    spec.source = ExportSource::Agents;
    spec.asOf = QDate(2026, 6, 30);
    QString error;
    QString path = exportCsv(spec, QStringLiteral("agents.csv"), &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    // In force on 2026-06-30: A1 after the move; A2's roster starts later, so its first row.
    const QByteArray header = "agent,name,team,site,supervisor,hire_date,active\r\n";
    QCOMPARE(readAll(path), header + "A1,Ana Lima,South,Lisbon,Kim Boss,2025-11-15,1\r\n"
                                     "A2,\"Bo \"\"Bear\"\" Chen\",South,,Kim Boss,,0\r\n");
    spec.asOf = QDate(2026, 2, 1);
    path = exportCsv(spec, QStringLiteral("agents-feb.csv"), &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    QCOMPARE(readAll(path), header + "A1,Ana Lima,North,Lisbon,Sam Lead,2025-11-15,1\r\n"
                                     "A2,\"Bo \"\"Bear\"\" Chen\",South,,Kim Boss,,0\r\n");
}

void TestExport::auditsXlsx()
{
    const QString unzip = QStandardPaths::findExecutable(QStringLiteral("unzip"));
    QVERIFY2(!unzip.isEmpty(), "unzip is needed to read XLSX files back (scripts/setup.sh installs it)");
    const QString path = m_dir.filePath(QStringLiteral("audits.xlsx"));
    const auto result = DataExport::run(m_smallProject->database(), ExportSpec(), path, {});
    QVERIFY2(result.status == DataExport::Status::Written, qPrintable(result.error));
    QCOMPARE(result.rows, 3);
    QProcess p;
    p.start(unzip, {QStringLiteral("-p"), path, QStringLiteral("xl/worksheets/sheet1.xml")});
    QVERIFY(p.waitForFinished(60000));
    const QByteArray xml = p.readAllStandardOutput();
    // 26 columns (A:Z), 3 audits under the header; typed cells as the columns say.
    QVERIFY2(xml.contains("<autoFilter ref=\"A1:Z4\"/>"), xml.constData());
    QVERIFY(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
    QVERIFY(xml.contains("<c r=\"S2\"><v>88.5</v></c>"));                              // score: a number
    QVERIFY(xml.contains("<c r=\"R2\"><v>1</v></c>"));                                 // scorecard_version
    QVERIFY(xml.contains("<c r=\"T3\"><v>72.25</v></c>"));                             // raw_score
    QVERIFY(xml.contains("<c r=\"D2\" s=\"2\"><v>46063</v></c>"));                     // 2026-02-10 as a date
    QVERIFY(xml.contains("<c r=\"Y2\" t=\"inlineStr\"><is><t>=SUM(A1)</t></is></c>")); // text, no guard
    QVERIFY(!xml.contains("<c r=\"S4\"")); // AU-3 has no score: an empty cell
    QVERIFY(!xml.contains("<f>"));
}

void TestExport::filters_data()
{
    QTest::addColumn<int>("source");
    QTest::addColumn<QStringList>("filters");
    QTest::addColumn<QStringList>("expected"); // the first column of the rows kept

    const int audits = int(ExportSource::Audits), answers = int(ExportSource::Answers), csat = int(ExportSource::Csat);
    const auto add = [](const char *name, int source, QStringList filters, QStringList expected) {
        QTest::newRow(name) << source << filters << expected;
    };
    add("team from roster or audit", audits, {"team=North"}, {"AU-1", "AU-2"});
    add("team not in the roster yet", audits, {"team=(blank)"}, {"AU-3"});
    add("team excluded", audits, {"team!=North"}, {"AU-3"});
    add("team not blank", audits, {"team!=(blank)"}, {"AU-1", "AU-2"});
    add("team South: none", audits, {"team=South"}, {});
    add("value with a comma", audits, {"queue=Returns\\, EU"}, {"AU-2"});
    add("two values", audits, {"queue=Billing,Returns\\, EU"}, {"AU-1", "AU-2"});
    add("supervisor stored", audits, {"supervisor=Ad Hoc"}, {"AU-2"});
    add("supervisor from roster", audits, {"supervisor=Sam Lead"}, {"AU-1"});
    add("site blank", audits, {"site=(blank)"}, {"AU-3"});
    add("auditor blank", audits, {"auditor=(blank)"}, {"AU-2", "AU-3"});
    add("agent_name", audits, {"agent_name=Bo \"Bear\" Chen"}, {"AU-3"});
    add("sample_type", audits, {"sample_type=targeted"}, {"AU-2"});
    add("scorecard_version", audits, {"scorecard_version=1"}, {"AU-1", "AU-2", "AU-3"});
    add("scorecard", audits, {"scorecard!=Support QA"}, {});
    // Hired 2025-11-15: 2 whole months on 2026-02-10, 3 on 2026-03-05; A2 has no hire date.
    add("tenure 0-3", audits, {"tenure_band=0-3"}, {"AU-1"});
    add("tenure 3-6", audits, {"tenure_band=3-6"}, {"AU-2"});
    add("tenure blank", audits, {"tenure_band=(blank)"}, {"AU-3"});
    // critical_family is multi-valued: a row stays when one of its families passes.
    add("family in", audits, {"critical_family=compliance"}, {"AU-2"});
    add("family blank", audits, {"critical_family=(blank)"}, {"AU-1", "AU-3"});
    add("family not customer", audits, {"critical_family!=customer"}, {"AU-1", "AU-2", "AU-3"});
    add("family not either", audits, {"critical_family!=customer,compliance"}, {"AU-1", "AU-3"});
    add("family not blank", audits, {"critical_family!=(blank)"}, {"AU-2"});
    add("family unknown", audits, {"critical_family=legal"}, {});
    // The reason of the ticket's latest response.
    add("reason", audits, {"reason=Slow"}, {"AU-1"});
    add("reason blank", audits, {"reason=(blank)"}, {"AU-2", "AU-3"});
    add("custom", audits, {"product=Laptops"}, {"AU-1"});
    add("custom blank", audits, {"product=(blank)"}, {"AU-2"});
    add("custom value that looks like a formula", audits, {"product=@me"}, {"AU-3"});
    add("custom named like a column", audits, {"comment=c-dim"}, {"AU-2"});
    add("month", audits, {"month=2026-03"}, {"AU-2", "AU-3"});
    add("week", audits, {"week=2026-W07"}, {"AU-1"});
    add("day", audits, {"day=2026-03-20"}, {"AU-3"});
    add("quarter", audits, {"quarter=2026-Q1"}, {"AU-1", "AU-2", "AU-3"});
    add("year", audits, {"year=2025"}, {});
    add("not a month matches nothing", audits, {"month=March"}, {});
    add("excluding not a month keeps all", audits, {"month!=March"}, {"AU-1", "AU-2", "AU-3"});
    add("two filters", audits, {"team=North", "month=2026-02"}, {"AU-1"});
    add("same dimension twice", audits, {"queue!=(blank)", "queue!=Billing"}, {"AU-2"});
    add("criterion", answers, {"criterion=tone"}, {"AU-1", "AU-2"});
    add("section", answers, {"section=Compliance"}, {"AU-1", "AU-2"});
    add("root cause", answers, {"root_cause=Tool issue"}, {"AU-1"});
    add("root cause blank", answers, {"root_cause=(blank)", "criterion!=tone"}, {"AU-1", "AU-1"});
    add("root cause excluded", answers, {"root_cause!=Tool issue"}, {"AU-1", "AU-1", "AU-1", "AU-1", "AU-2", "AU-2"});
    add("root causes excluded", answers, {"root_cause!=Tool issue,Knowledge gap", "criterion=resolution"}, {});
    add("root cause not blank", answers, {"root_cause!=(blank)"}, {"AU-1", "AU-2"});
    add("answers by audit dimension", answers, {"product=Laptops", "criterion=effort"}, {"AU-1"});
    add("csat agent from the ticket's audit", csat, {"agent=A1"}, {"R1", "R2"});
    add("csat team from roster", csat, {"team=South"}, {"R2"});
    add("csat reason blank", csat, {"reason=(blank)"}, {"R2"});
    add("csat custom", csat, {"product=Laptops"}, {"R1"});
    add("agents team", int(ExportSource::Agents), {"team=South"}, {"A1", "A2"});
    add("agents supervisor", int(ExportSource::Agents), {"supervisor!=Kim Boss"}, {});
}

void TestExport::filters()
{
    QFETCH(int, source);
    QFETCH(QStringList, filters);
    QFETCH(QStringList, expected);
    ExportSpec spec;
    spec.source = ExportSource(source);
    spec.asOf = QDate(2026, 6, 30);
    for (const QString &text : filters) {
        QString error;
        const auto f = ExportFilter::parse(text, &error);
        QVERIFY2(f, qPrintable(error));
        spec.filters << *f;
    }
    ExportQuery query(m_smallProject->database(), spec);
    QVERIFY2(query.prepare(), qPrintable(query.errorString()));
    QCOMPARE(query.count(), expected.size());
    QString error;
    const QString path = exportCsv(spec, QStringLiteral("filtered.csv"), &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    const Table table = readCsv(path);
    QCOMPARE(table.header, query.header());
    QCOMPARE(table.column(table.header.first()), expected);
}

void TestExport::dateRange_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QStringList>("audits");
    QTest::addColumn<QStringList>("responses");
    QTest::newRow("open") << QDate() << QDate() << QStringList{"AU-1", "AU-2", "AU-3"} << QStringList{"R1", "R2"};
    QTest::newRow("from") << QDate(2026, 3, 1) << QDate() << QStringList{"AU-2", "AU-3"} << QStringList{"R2"};
    QTest::newRow("to") << QDate() << QDate(2026, 2, 28) << QStringList{"AU-1"} << QStringList{"R1"};
    QTest::newRow("one day, both ends inclusive")
        << QDate(2026, 3, 5) << QDate(2026, 3, 5) << QStringList{"AU-2"} << QStringList{};
    QTest::newRow("ends on facts") << QDate(2026, 2, 11) << QDate(2026, 3, 20) << QStringList{"AU-2", "AU-3"}
                                   << QStringList{"R1", "R2"};
    QTest::newRow("nothing") << QDate(2027, 1, 1) << QDate() << QStringList{} << QStringList{};
}

void TestExport::dateRange()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QStringList, audits);
    QFETCH(QStringList, responses);
    ExportSpec spec;
    spec.from = from;
    spec.to = to;
    QString error;
    QString path = exportCsv(spec, QStringLiteral("range.csv"), &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    QCOMPARE(readCsv(path).column(QStringLiteral("audit_id")), audits);
    spec.source = ExportSource::Csat;
    path = exportCsv(spec, QStringLiteral("range-csat.csv"), &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    QCOMPARE(readCsv(path).column(QStringLiteral("response_id")), responses);
}

void TestExport::interactionPeriods()
{
    // With the interaction date driving periods, week, month and the date range follow it; audits
    // without one fall outside any range.
    const QString copy = m_dir.filePath(QStringLiteral("interaction.qlens"));
    QVERIFY(buildSmallProject(copy));
    {
        ProjectError error;
        auto project = Project::open(copy, Project::Access::ReadWrite, Project::Check::Now, &error);
        QVERIFY2(project, qPrintable(error.message));
        QSqlDatabase db = project->database();
        QVERIFY(run(db, "INSERT INTO settings(key, value) VALUES ('period_date', 'interaction_date')"));
    }
    ProjectError error;
    auto project = Project::open(copy, Project::Access::ReadOnly, Project::Check::Deferred, &error);
    QVERIFY2(project, qPrintable(error.message));
    ExportSpec spec;
    const QString path = m_dir.filePath(QStringLiteral("interaction.csv"));
    QVERIFY(DataExport::run(project->database(), spec, path, {}).status == DataExport::Status::Written);
    Table t = readCsv(path);
    QCOMPARE(t.column(QStringLiteral("week")), (QStringList{"2026-W06", "", ""}));
    QCOMPARE(t.column(QStringLiteral("month")), (QStringList{"2026-02", "", ""}));
    spec.from = QDate(2026, 2, 1);
    QVERIFY(DataExport::run(project->database(), spec, path, {}).status == DataExport::Status::Written);
    QCOMPARE(readCsv(path).column(QStringLiteral("audit_id")), QStringList{"AU-1"});
    spec.from = QDate();
    QString problem;
    spec.filters = {*ExportFilter::parse(QStringLiteral("week=(blank)"), &problem)};
    QVERIFY(DataExport::run(project->database(), spec, path, {}).status == DataExport::Status::Written);
    QCOMPARE(readCsv(path).column(QStringLiteral("audit_id")), (QStringList{"AU-2", "AU-3"}));
}

void TestExport::unknownDimension_data()
{
    QTest::addColumn<int>("source");
    QTest::addColumn<QString>("dimension");
    QTest::newRow("no such") << int(ExportSource::Audits) << "colour";
    QTest::newRow("criterion is for answers") << int(ExportSource::Audits) << "criterion";
    QTest::newRow("auditor is not in csat") << int(ExportSource::Csat) << "auditor";
    QTest::newRow("agents have no queue") << int(ExportSource::Agents) << "queue";
    QTest::newRow("case matters") << int(ExportSource::Audits) << "Team";
    QTest::newRow("a custom dimension of audits is not one of agents") << int(ExportSource::Agents) << "product";
}

void TestExport::unknownDimension()
{
    QFETCH(int, source);
    QFETCH(QString, dimension);
    ExportSpec spec;
    spec.source = ExportSource(source);
    spec.filters = {ExportFilter{dimension, false, {QStringLiteral("x")}}};
    const QString path = m_dir.filePath(QStringLiteral("unknown.csv"));
    QFile::remove(path);
    const auto result = DataExport::run(m_smallProject->database(), spec, path, {});
    QCOMPARE(result.status, DataExport::Status::UnknownDimension);
    QVERIFY2(result.error.contains(QStringLiteral("\"%1\"").arg(dimension)), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("agent, agent_name, team")), qPrintable(result.error));
    QVERIFY(!QFile::exists(path));
}

void TestExport::agentsHaveNoDates()
{
    ExportSpec spec;
    spec.source = ExportSource::Agents;
    spec.from = QDate(2026, 1, 1);
    const auto result = DataExport::run(m_smallProject->database(), spec, m_dir.filePath(QStringLiteral("a.csv")), {});
    QCOMPARE(result.status, DataExport::Status::InvalidSpec);
}

void TestExport::tooManyRowsForXlsx()
{
    // Six answers, a sheet of five: refused on the count, before any file exists; CSV is fine.
    ExportSpec spec;
    spec.source = ExportSource::Answers;
    DataExport::Options options;
    options.maxXlsxRows = 5;
    const QString path = m_dir.filePath(QStringLiteral("limit.xlsx"));
    auto result = DataExport::run(m_smallProject->database(), spec, path, options);
    QCOMPARE(result.status, DataExport::Status::TooManyRows);
    QCOMPARE(result.rows, 6);
    QVERIFY2(result.error.contains(QStringLiteral("6 rows")), qPrintable(result.error));
    QVERIFY(!QFile::exists(path));
    options.maxXlsxRows = 6;
    result = DataExport::run(m_smallProject->database(), spec, path, options);
    QVERIFY2(result.status == DataExport::Status::Written, qPrintable(result.error));
    QCOMPARE(result.rows, 6);
}

void TestExport::cancel()
{
    ExportSpec spec;
    spec.source = ExportSource::Answers;
    const QString path = m_dir.filePath(QStringLiteral("cancelled.csv"));
    DataExport::Options options;
    int calls = 0;
    options.progress = [&calls](qint64) { return ++calls < 1; };
    const auto result = DataExport::run(m_demoProject->database(), spec, path, options);
    QCOMPARE(result.status, DataExport::Status::Cancelled);
    QCOMPARE(result.error, QStringLiteral("cancelled"));
    QVERIFY(!QFile::exists(path));
}

void TestExport::filtersAgreeWithPivots_data()
{
    QTest::addColumn<int>("source");
    QTest::addColumn<QStringList>("filters");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    const int audits = int(ExportSource::Audits), answers = int(ExportSource::Answers), csat = int(ExportSource::Csat);
    for (const int source : {audits, answers, csat}) {
        const QString s = exportSourceName(ExportSource(source));
        const auto row = [&s](const char *name) -> QTestData & {
            return QTest::newRow(qPrintable(s + QLatin1Char(' ') + QLatin1String(name)));
        };
        row("all") << source << QStringList{} << QDate() << QDate();
        row("date range") << source << QStringList{} << QDate(2026, 9, 1) << QDate(2026, 9, 30);
        row("month") << source << QStringList{"month=2026-10"} << QDate() << QDate();
        row("not a week") << source << QStringList{"week!=2026-W40"} << QDate() << QDate();
        row("team, site") << source << QStringList{"team!=Aurora", "site=(blank),Lisbon,Manila"} << QDate() << QDate();
        row("supervisor") << source << QStringList{"supervisor!=(blank)"} << QDate() << QDate();
        row("tenure") << source << QStringList{"tenure_band=0-3,3-6"} << QDate() << QDate();
        row("queue and channel") << source << QStringList{"queue=Billing", "channel!=chat"} << QDate() << QDate();
        row("reason") << source << QStringList{"reason!=(blank)"} << QDate() << QDate();
        row("custom") << source << QStringList{"product!=Laptops"} << QDate() << QDate();
        row("agent") << source << QStringList{"agent=A0004,A0007"} << QDate() << QDate(2026, 10, 15);
        if (source == csat)
            continue;
        row("auditor") << source << QStringList{"auditor!=QA03"} << QDate() << QDate();
        row("sample type") << source << QStringList{"sample_type=targeted,csat_triggered"} << QDate() << QDate();
        row("version") << source << QStringList{"scorecard_version=2"} << QDate() << QDate();
        row("family") << source << QStringList{"critical_family=customer,business"} << QDate() << QDate();
        row("no family") << source << QStringList{"critical_family!=compliance"} << QDate() << QDate();
        if (source != answers)
            continue;
        row("criterion") << source << QStringList{"criterion!=greeting,tone", "section!=(blank)"} << QDate() << QDate();
        row("root cause") << source << QStringList{"root_cause!=(blank)"} << QDate() << QDate();
        row("root cause not") << source << QStringList{"root_cause!=(blank),Knowledge gap"} << QDate() << QDate();
    }
}

void TestExport::filtersAgreeWithPivots()
{
    // The pivot engine reads the same vocabulary from its own cubes: an export keeps exactly the
    // facts a pivot counts under the same filters.
    QFETCH(int, source);
    QFETCH(QStringList, filters);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QSqlDatabase db = m_demoProject->database();
    ExportSpec spec;
    spec.source = ExportSource(source);
    spec.from = from;
    spec.to = to;
    PivotSpec pivot;
    pivot.source = source == int(ExportSource::Audits)    ? PivotSource::Audits
                   : source == int(ExportSource::Answers) ? PivotSource::Answers
                                                          : PivotSource::Csat;
    pivot.measures = {QStringLiteral("count")};
    pivot.from = from;
    pivot.to = to;
    for (const QString &text : filters) {
        QString error;
        const auto f = ExportFilter::parse(text, &error);
        QVERIFY2(f, qPrintable(error));
        spec.filters << *f;
        pivot.filters << PivotFilter{f->dimension, f->exclude, f->values};
    }
    ExportQuery query(db, spec);
    QVERIFY2(query.prepare(), qPrintable(query.errorString()));
    const qint64 exported = query.count();

    static QHash<int, std::shared_ptr<const Cube>> cubes;
    QString error;
    if (!cubes.contains(source))
        cubes.insert(source, CubeBuilder::build(db, pivot.source, {}, &error));
    const auto cube = cubes.value(source);
    QVERIFY2(cube, qPrintable(error));
    const auto result = PivotEngine::compute(*cube, pivot, PivotOptions::fromProject(db), &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(exported, result->factCount());
    QVERIFY2(filters.isEmpty() || exported > 0 || from.isValid(), "a filter that keeps nothing tests little");

    const QString path = m_dir.filePath(QStringLiteral("demo-filtered.csv"));
    const auto written = DataExport::run(db, spec, path, {});
    QVERIFY2(written.status == DataExport::Status::Written, qPrintable(written.error));
    QCOMPARE(written.rows, exported);
    QCOMPARE(readCsv(path).rows.size(), exported);
}

void TestExport::answersScoreBackToAudits()
{
    // The answers export carries what scoring needs: scored again under the version it names, each
    // audit's answers give the score, raw score, flags and families of the audits export.
    QSqlDatabase db = m_demoProject->database();
    const QString answersPath = m_dir.filePath(QStringLiteral("demo-answers.csv"));
    const QString auditsPath = m_dir.filePath(QStringLiteral("demo-audits.csv"));
    ExportSpec spec;
    QVERIFY(DataExport::run(db, spec, auditsPath, {}).status == DataExport::Status::Written);
    spec.source = ExportSource::Answers;
    QVERIFY(DataExport::run(db, spec, answersPath, {}).status == DataExport::Status::Written);
    const Table audits = readCsv(auditsPath);
    const Table answers = readCsv(answersPath);
    QVERIFY(audits.rows.size() > 100);
    QVERIFY(answers.rows.size() > audits.rows.size());

    ScorecardStore store(db);
    QHash<QString, std::shared_ptr<ScoringEngine>> engines;
    QHash<QString, QList<AnswerInput>> inputs; // audit_id -> answers by flat index
    QHash<QString, const ScoringEngine *> engineOf;
    int labels = 0, notApplicable = 0;
    for (const QStringList &row : answers.rows) {
        const auto field = [&](const char *name) { return row.value(answers.header.indexOf(QLatin1String(name))); };
        const QString version = field("scorecard") + u'#' + field("scorecard_version");
        if (!engines.contains(version)) {
            const auto stored = store.load(field("scorecard"), field("scorecard_version").toInt());
            QVERIFY2(stored, qPrintable(version));
            engines.insert(version, std::make_shared<ScoringEngine>(stored->card));
        }
        const ScoringEngine *engine = engines.value(version).get();
        const Scorecard &card = engine->scorecard();
        const QString id = field("source") + u'/' + field("audit_id");
        engineOf.insert(id, engine);
        QList<AnswerInput> &list = inputs[id];
        if (list.isEmpty())
            list.resize(card.criterionCount());
        const int index = card.indexOfKey(field("criterion"));
        QVERIFY2(index >= 0, qPrintable(field("criterion")));
        const Scale &scale = card.criterionAt(index).scale;
        const QString value = field("value");
        if (value == QLatin1String("N/A")) {
            list[index] = AnswerInput::notApplicable();
            ++notApplicable;
        } else if (scale.kind == ScaleKind::Options) {
            const auto points = scale.pointsOf(value);
            QVERIFY2(points, qPrintable(value));
            list[index] = AnswerInput::rated(*points);
            ++labels;
        } else {
            bool ok = false;
            list[index] = AnswerInput::rated(value.toDouble(&ok));
            QVERIFY2(ok, qPrintable(value));
        }
    }
    QVERIFY(labels > 0);
    QVERIFY(notApplicable > 0);
    int compared = 0;
    for (const QStringList &row : audits.rows) {
        const auto field = [&](const char *name) { return row.value(audits.header.indexOf(QLatin1String(name))); };
        const QString id = field("source") + u'/' + field("audit_id");
        if (!inputs.contains(id))
            continue; // no answer at all
        const AuditScore s = engineOf.value(id)->score(inputs.value(id));
        const auto number = [](const std::optional<double> &v) { return v ? QString::number(*v, 'g', 17) : QString(); };
        QCOMPARE(number(s.score),
                 field("score").isEmpty() ? QString() : QString::number(field("score").toDouble(), 'g', 17));
        QCOMPARE(number(s.rawScore),
                 field("raw_score").isEmpty() ? QString() : QString::number(field("raw_score").toDouble(), 'g', 17));
        QCOMPARE(s.passed, field("passed") == u"1");
        QCOMPARE(s.criticalFail, field("critical_fail") == u"1");
        QCOMPARE(s.incomplete, field("incomplete") == u"1");
        QCOMPARE(criticalFamilyNames(s.failedFamilies).join(u';'), field("critical_families"));
        ++compared;
    }
    QCOMPARE(compared, audits.rows.size());
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"

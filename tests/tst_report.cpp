// SPDX-License-Identifier: GPL-3.0-or-later
// The report engine (docs/reports.md): every template built from the demo, its headline numbers
// against KpiEngine's and a brute-force SQL oracle, the sections each template has, the honest
// "no data" sections, the analyst's notes (stored, logged, in the document), how agents are shown,
// and the `report` CLI's exit codes.
#include "clirun.h"
#include "demo/demogenerator.h"
#include "quality/periodclose.h"
#include "report/reportbuilder.h"
#include "report/reportnotesstore.h"
#include "scorecard/kpiengine.h"
#include "store/project.h"
#include "store/projectsettings.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

namespace {

using Run = ql::test::CliRun;

Run cli(const QStringList &args)
{
    return ql::test::runCli(QStringLiteral(QL_CLI_PATH), args);
}

QStringList keys(const ReportDocument &doc)
{
    QStringList out;
    for (const ReportSection &s : doc.sections)
        out << s.key;
    return out;
}

int count(const ReportDocument &doc, ReportBlock::Kind kind)
{
    int n = 0;
    for (const ReportSection &s : doc.sections)
        for (const ReportBlock &b : s.blocks)
            n += b.kind == kind ? 1 : 0;
    return n;
}

// Every text of the document (paragraphs, notes, bullets, table cells), for searching.
QString allText(const ReportDocument &doc)
{
    QStringList out{doc.title, doc.periodTitle};
    out << doc.titleFacts;
    for (const ReportSection &s : doc.sections)
        for (const ReportBlock &b : s.blocks) {
            out << b.text << b.items;
            for (const QStringList &row : b.table.rows)
                out << row;
        }
    return out.join(QLatin1Char('\n'));
}

QString sectionText(const ReportSection &section)
{
    ReportDocument doc;
    doc.sections << section;
    return allText(doc);
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void templates_data();
    void templates();
    void headlineMatchesEngineAndOracle();
    void monthlyStructure();
    void noCalibrationSaysSo();
    void noData();
    void badPeriod();
    void reproducible();
    void notes();
    void namesIdsPseudonyms();
    void cliExitCodes_data();
    void cliExitCodes();
    void restatementsInTheNextReport();
    void closedPeriodAsPublished();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Project> m_project;
};

void TestReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("demo.qlens"));
    ProjectError perr;
    m_project = Project::create(m_path, true, &perr);
    QVERIFY2(m_project, qPrintable(perr.message));
    DemoOptions o;
    o.agents = 40;
    o.months = 13;
    o.auditsPerAgentMonth = 10;
    QString error;
    QVERIFY2(generateDemo(*m_project, o, {}, &error), qPrintable(error));
}

void TestReport::templates_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("sections");
    QTest::addColumn<int>("charts");
    QTest::newRow("monthly-quality")
        << QStringLiteral("monthly-quality")
        << QStringList{QStringLiteral("headline"), QStringLiteral("rca"), QStringLiteral("trends"),
                       QStringLiteral("breakdown"), QStringLiteral("defects"), QStringLiteral("critical"),
                       QStringLiteral("csat"), QStringLiteral("drivers"), QStringLiteral("calibration"),
                       QStringLiteral("attention"),
                       QStringLiteral("commentary"), QStringLiteral("actions"), QStringLiteral("data-quality")}
        << 4; // QA score XmR, pass-rate and CSAT p-charts, the Pareto of failed criteria
    // The MBR: one headline page, then exactly three charts, actions and commentary.
    QTest::newRow("mbr") << QStringLiteral("mbr")
                         << QStringList{QStringLiteral("headline"), QStringLiteral("charts"), QStringLiteral("actions"),
                                        QStringLiteral("commentary")}
                         << 3;
    QTest::newRow("calibration") << QStringLiteral("calibration")
                                 << QStringList{QStringLiteral("sessions"), QStringLiteral("participants"),
                                                QStringLiteral("criteria"), QStringLiteral("trends"),
                                                QStringLiteral("commentary")}
                                 << 0;
}

void TestReport::templates()
{
    QFETCH(QString, name);
    QFETCH(QStringList, sections);
    QFETCH(int, charts);
    const auto kind = reportTemplateFromName(name);
    QVERIFY(kind);
    QCOMPARE(reportTemplateName(*kind), name);
    QString error;
    ReportError code = ReportError::Failed;
    const auto doc = ReportBuilder::build(m_project->database(), *kind, QStringLiteral("2026-10"), {}, &error, &code);
    QVERIFY2(doc, qPrintable(error));
    QCOMPARE(code, ReportError::None);
    QCOMPARE(keys(*doc), sections);
    QCOMPARE(count(*doc, ReportBlock::Kind::Chart), charts);
    QCOMPARE(doc->period, QStringLiteral("2026-10"));
    QCOMPARE(doc->periodTitle, QStringLiteral("October 2026"));
    QCOMPARE(doc->title, reportTemplateTitle(*kind));
    QCOMPARE(doc->pageSize, QStringLiteral("A4"));
    QVERIFY(!doc->titleFacts.isEmpty());
    for (const ReportSection &s : doc->sections) {
        QVERIFY2(!s.blocks.isEmpty(), qPrintable(s.key));
        for (const ReportBlock &b : s.blocks)
            if (b.kind == ReportBlock::Kind::Chart) {
                // Every chart has numbers to draw: categories, and the months of a trend are 12.
                QVERIFY2(!b.chart.data.categories.isEmpty(), qPrintable(b.chart.spec.title));
                if (b.chart.spec.type == ChartType::Xmr || b.chart.spec.type == ChartType::PChart)
                    QCOMPARE(b.chart.data.categories.size(), 12);
            }
    }
}

void TestReport::headlineMatchesEngineAndOracle()
{
    QString error;
    const auto doc = ReportBuilder::build(m_project->database(), ReportTemplate::MonthlyQuality, QStringLiteral("2026-10"),
                                          {}, &error);
    QVERIFY2(doc, qPrintable(error));
    const KpiReport engine = KpiEngine(m_project->database()).report({KpiSlice::Kind::All, {}}, *KpiPeriod::parse(QStringLiteral("2026-10")));
    for (const char *key : {"qa_score", "pass_rate", "critical_rate", "csat_pct", "audits", "csat_responses"}) {
        const QList<ReportKpi> k = doc->kpis(QString::fromLatin1(key));
        QVERIFY2(k.size() == 1, key);
        QVERIFY2(k.first().value.value.has_value(), key);
    }
    QCOMPARE(*doc->kpis(QStringLiteral("qa_score")).first().value.value, *engine.qaScore.value);
    QCOMPARE(*doc->kpis(QStringLiteral("pass_rate")).first().value.value, *engine.passRate.value);
    QCOMPARE(*doc->kpis(QStringLiteral("critical_rate")).first().value.value, *engine.criticalRate.value);
    QCOMPARE(*doc->kpis(QStringLiteral("csat_pct")).first().value.value, *engine.csatPct.value);
    QCOMPARE(doc->kpis(QStringLiteral("qa_score")).first().value.previous, engine.qaScore.previous);
    QCOMPARE(doc->kpis(QStringLiteral("pass_rate")).first().value.target, engine.passRate.target);

    // The oracle: counted audits of October 2026 (official, scored, complete, random or targeted;
    // review date is the demo's period date) straight from the table.
    QSqlQuery q(m_project->database());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT count(*), avg(score), 100.0 * avg(passed), 100.0 * avg(critical_fail) FROM audits WHERE superseded_by IS NULL "
        "AND score IS NOT NULL AND incomplete = 0 AND sample_type IN ('random','targeted') AND date BETWEEN '2026-10-01' AND '2026-10-31'")));
    QVERIFY(q.next());
    QCOMPARE(qint64(*doc->kpis(QStringLiteral("audits")).first().value.value), q.value(0).toLongLong());
    QVERIFY(qAbs(*doc->kpis(QStringLiteral("qa_score")).first().value.value - q.value(1).toDouble()) < 1e-9);
    QVERIFY(qAbs(*doc->kpis(QStringLiteral("pass_rate")).first().value.value - q.value(2).toDouble()) < 1e-9);
    QVERIFY(qAbs(*doc->kpis(QStringLiteral("critical_rate")).first().value.value - q.value(3).toDouble()) < 1e-9);

    // The numbers in the text are the table's: the lead sentence prints the QA score as the table does.
    const ReportKpi qa = doc->kpis(QStringLiteral("qa_score")).first();
    QVERIFY(doc->section(QStringLiteral("headline"))->blocks.first().text.contains(formatReportValue(qa, qa.value.value)));
}

void TestReport::monthlyStructure()
{
    QString error;
    const auto doc = ReportBuilder::build(m_project->database(), ReportTemplate::MonthlyQuality, QStringLiteral("2026-10"),
                                          {}, &error);
    QVERIFY2(doc, qPrintable(error));
    // docs/demo.md: a closed calibration session every month, so October has one.
    const QString calibration = sectionText(*doc->section(QStringLiteral("calibration")));
    QVERIFY2(calibration.contains(QStringLiteral("1 calibration session closed in October 2026")), qPrintable(calibration));
    // The breakdown has the four dimensions, each a table.
    const ReportSection *breakdown = doc->section(QStringLiteral("breakdown"));
    QStringList headings;
    for (const ReportBlock &b : breakdown->blocks)
        if (b.kind == ReportBlock::Kind::Heading)
            headings << b.text;
    QCOMPARE(headings, (QStringList{QStringLiteral("Queue"), QStringLiteral("Channel"), QStringLiteral("Team"), QStringLiteral("Site")}));
    // Three RCA sentences: QA score, pass rate, CSAT.
    QCOMPARE(doc->section(QStringLiteral("rca"))->blocks.first().items.size(), 3);
    // The appendix lists the demo's import and the scorecard versions in use.
    const KpiReport engine = KpiEngine(m_project->database()).report({KpiSlice::Kind::All, {}}, *KpiPeriod::parse(QStringLiteral("2026-10")));
    QVERIFY(!engine.scorecardVersions.isEmpty());
    QCOMPARE(doc->section(QStringLiteral("data-quality"))->blocks.last().items, engine.scorecardVersions);
    bool demoImport = false;
    for (const ReportBlock &b : doc->section(QStringLiteral("data-quality"))->blocks)
        for (const QStringList &row : b.table.rows)
            demoImport = demoImport || row.value(2) == QLatin1String("demo");
    QVERIFY(demoImport);
    // Critical errors: the count is the table's (an oracle over the audits), and the criteria
    // table covers every one of them (an audit can fail several: sum ≥ audits ≥ largest row).
    QSqlQuery q(m_project->database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audits WHERE superseded_by IS NULL AND score IS NOT NULL "
                                  "AND incomplete = 0 AND sample_type IN ('random','targeted') AND critical_fail = 1 "
                                  "AND date BETWEEN '2026-10-01' AND '2026-10-31'")));
    QVERIFY(q.next());
    const qint64 critical = q.value(0).toLongLong();
    QVERIFY(critical > 0 && critical < 1000);
    const ReportSection *errors = doc->section(QStringLiteral("critical"));
    QVERIFY2(errors->blocks.first().text.startsWith(QStringLiteral("%1 counted audits failed").arg(critical)),
             qPrintable(errors->blocks.first().text));
    qint64 sum = 0;
    qint64 largest = 0;
    for (const ReportBlock &b : errors->blocks)
        if (b.kind == ReportBlock::Kind::Table && b.table.header.first() == QLatin1String("Critical criterion failed"))
            for (const QStringList &row : b.table.rows) {
                sum += row.at(2).toLongLong();
                largest = std::max(largest, row.at(2).toLongLong());
                QVERIFY(QStringList({"customer", "business", "compliance"}).contains(row.at(1)));
            }
    QVERIFY(largest > 0);
    QVERIFY(sum >= critical);
    QVERIFY(largest <= critical);
    // Nothing written yet: the commentary says so rather than staying blank.
    QVERIFY(sectionText(*doc->section(QStringLiteral("commentary")))
                .contains(QStringLiteral("No commentary has been written for October 2026.")));
}

void TestReport::noCalibrationSaysSo()
{
    // ISO week 40 of 2026 (28 Sep – 4 Oct) has audits but no session (the demo's are on third
    // Wednesdays: 16 Sep, 21 Oct).
    const QString period = QStringLiteral("2026-W40");
    QString error;
    const auto doc = ReportBuilder::build(m_project->database(), ReportTemplate::MonthlyQuality, period, {}, &error);
    QVERIFY2(doc, qPrintable(error));
    QCOMPARE(doc->section(QStringLiteral("calibration"))->blocks.first().text,
             QStringLiteral("No calibration sessions were held in %1.").arg(period));
    ReportError code = ReportError::None;
    QVERIFY(!ReportBuilder::build(m_project->database(), ReportTemplate::Calibration, period, {}, &error, &code));
    QCOMPARE(code, ReportError::NoData);
    QVERIFY2(error.contains(QStringLiteral("no calibration session")), qPrintable(error));
}

void TestReport::noData()
{
    QString error;
    ReportError code = ReportError::None;
    QVERIFY(!ReportBuilder::build(m_project->database(), ReportTemplate::Mbr, QStringLiteral("2020-01"), {}, &error, &code));
    QCOMPARE(code, ReportError::NoData);
    QVERIFY2(error.contains(QStringLiteral("no audits in 2020-01")), qPrintable(error));
}

void TestReport::badPeriod()
{
    QString error;
    ReportError code = ReportError::None;
    QVERIFY(!ReportBuilder::build(m_project->database(), ReportTemplate::Mbr, QStringLiteral("October"), {}, &error, &code));
    QCOMPARE(code, ReportError::BadPeriod);
    QVERIFY2(error.contains(QStringLiteral("\"October\"")), qPrintable(error));
}

void TestReport::reproducible()
{
    QString error;
    const auto a = ReportBuilder::build(m_project->database(), ReportTemplate::MonthlyQuality, QStringLiteral("2026-09"), {}, &error);
    const auto b = ReportBuilder::build(m_project->database(), ReportTemplate::MonthlyQuality, QStringLiteral("2026-09"), {}, &error);
    QVERIFY(a && b);
    QCOMPARE(allText(*a), allText(*b));
    QCOMPARE(a->dataAsOf, b->dataAsOf);
    QVERIFY(!a->dataAsOf.isEmpty());
}

void TestReport::notes()
{
    QSqlDatabase db = m_project->database();
    ReportNotesStore store(db);
    QVERIFY(store.load(ReportTemplate::Mbr, QStringLiteral("2026-10")).isEmpty());
    auto changes = [&] {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'saved_view'"));
        return q.next() ? q.value(0).toLongLong() : -1;
    };
    const qint64 before = changes();
    ReportNotes notes;
    notes.commentary = QStringLiteral("Billing recovered after the macro fix.\n\nReturns needs a refund-policy refresher.");
    notes.actions = {QStringLiteral("Refresher for Returns by 15 Nov (Dana)"), QStringLiteral("Re-audit Billing week 46")};
    QString error;
    QVERIFY2(store.save(ReportTemplate::Mbr, QStringLiteral("2026-10"), notes, &error), qPrintable(error));
    QCOMPARE(changes(), before + 1);
    QCOMPARE(store.load(ReportTemplate::Mbr, QStringLiteral("2026-10")), notes);
    // Another template or period has its own notes.
    QVERIFY(store.load(ReportTemplate::MonthlyQuality, QStringLiteral("2026-10")).isEmpty());
    QVERIFY(store.load(ReportTemplate::Mbr, QStringLiteral("2026-09")).isEmpty());

    const auto doc = ReportBuilder::build(db, ReportTemplate::Mbr, QStringLiteral("2026-10"), {}, &error);
    QVERIFY2(doc, qPrintable(error));
    QCOMPARE(doc->section(QStringLiteral("actions"))->blocks.first().items, notes.actions);
    const ReportSection *commentary = doc->section(QStringLiteral("commentary"));
    QCOMPARE(commentary->blocks.size(), 2);
    QCOMPARE(commentary->blocks.at(1).text, QStringLiteral("Returns needs a refund-policy refresher."));

    // Saving the same notes again writes nothing; clearing them is a logged change (undo restores).
    QVERIFY(store.save(ReportTemplate::Mbr, QStringLiteral("2026-10"), notes, &error));
    QCOMPARE(changes(), before + 1);
    QVERIFY(store.save(ReportTemplate::Mbr, QStringLiteral("2026-10"), {}, &error));
    QCOMPARE(changes(), before + 2);
    QVERIFY(store.load(ReportTemplate::Mbr, QStringLiteral("2026-10")).isEmpty());
}

void TestReport::namesIdsPseudonyms()
{
    QSqlDatabase db = m_project->database();
    QStringList names;
    QStringList ids;
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT agent_key, name FROM agents")));
    while (q.next()) {
        ids << q.value(0).toString();
        names << q.value(1).toString();
    }
    QVERIFY(names.size() >= 40);
    auto mentions = [](const QString &text, const QStringList &words) {
        int n = 0;
        for (const QString &w : words)
            n += text.contains(w) ? 1 : 0;
        return n;
    };
    QString error;
    ReportOptions options;
    options.names = NameDisplay::Names;
    const auto byName = ReportBuilder::build(db, ReportTemplate::MonthlyQuality, QStringLiteral("2026-10"), options, &error);
    QVERIFY2(byName, qPrintable(error));
    QVERIFY(mentions(allText(*byName), names) > 0); // critical errors list their agents
    options.names = NameDisplay::Ids;
    const auto byId = ReportBuilder::build(db, ReportTemplate::MonthlyQuality, QStringLiteral("2026-10"), options, &error);
    QVERIFY2(byId, qPrintable(error));
    QCOMPARE(mentions(allText(*byId), names), 0);
    QVERIFY(mentions(allText(*byId), ids) > 0);
    QCOMPARE(byId->names, QStringLiteral("ids"));
    options.names = NameDisplay::Pseudonyms;
    const auto pseudo = ReportBuilder::build(db, ReportTemplate::MonthlyQuality, QStringLiteral("2026-10"), options, &error);
    QVERIFY2(pseudo, qPrintable(error));
    QCOMPARE(mentions(allText(*pseudo), names), 0);
    QVERIFY(allText(*pseudo).contains(QStringLiteral("Agent ")));
}

void TestReport::cliExitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString out = m_dir.filePath(QStringLiteral("out.html"));
    auto args = [&](const QStringList &extra) { return QStringList{QStringLiteral("report"), m_path} + extra; };
    QTest::newRow("ok html") << args({"--template", "mbr", "--period", "2026-10", "--out", out}) << 0 << QString();
    QTest::newRow("missing template") << args({"--period", "2026-10", "--out", out}) << 2 << QStringLiteral("--template is required");
    QTest::newRow("bad suffix") << args({"--template", "mbr", "--period", "2026-10", "--out", m_dir.filePath("x.docx")}) << 2
                                << QStringLiteral("--out must end in .pdf or .html");
    QTest::newRow("bad period") << args({"--template", "mbr", "--period", "Oct", "--out", out}) << 2 << QStringLiteral("--period");
    QTest::newRow("bad names") << args({"--template", "mbr", "--period", "2026-10", "--out", out, "--names", "initials"}) << 2
                               << QStringLiteral("--names takes names, ids or pseudonyms");
    QTest::newRow("unknown template") << args({"--template", "weekly", "--period", "2026-10", "--out", out}) << 3
                                      << QStringLiteral("unknown template 'weekly'");
    QTest::newRow("no data") << args({"--template", "monthly-quality", "--period", "2019-03", "--out", out}) << 3
                             << QStringLiteral("no audits in 2019-03");
    QTest::newRow("unwritable") << args({"--template", "mbr", "--period", "2026-10", "--out", "/nonexistent-dir/r.pdf"}) << 4
                                << QStringLiteral("cannot be written");
    QTest::newRow("no project") << QStringList{QStringLiteral("report"), m_dir.filePath(QStringLiteral("missing.qlens")),
                                               "--template", "mbr", "--period", "2026-10", "--out", out}
                                << 4 << QString();
}

void TestReport::cliExitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const QString out = m_dir.filePath(QStringLiteral("out.html"));
    QFile::remove(out);
    const Run run = cli(args);
    QVERIFY2(run.code == code, qPrintable(QStringLiteral("exit %1, stderr: %2").arg(run.code).arg(run.err)));
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    if (code == 0) {
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray html = f.readAll();
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("Monthly Business Review"));
    } else if (args.contains(out)) {
        QVERIFY(!QFile::exists(out)); // nothing half-written
    }
}

// scoring.md "Closing a period": after September is closed, a counted September audit is taken out
// of the KPIs (its sample type set to peer, which is not counted), so September's audit count moves
// by one; October's report lists that restatement in its appendix, September's own report does not.
void TestReport::restatementsInTheNextReport()
{
    QTemporaryDir dir;
    ProjectError perr;
    auto project = Project::create(dir.filePath(QStringLiteral("small.qlens")), true, &perr);
    QVERIFY2(project, qPrintable(perr.message));
    DemoOptions o;
    o.agents = 20;
    o.months = 3;
    o.auditsPerAgentMonth = 10;
    QString error;
    QVERIFY2(generateDemo(*project, o, {}, &error), qPrintable(error));
    const QSqlDatabase db = project->database();
    auto appendix = [&](const QString &period) {
        const auto doc = ReportBuilder::build(db, ReportTemplate::MonthlyQuality, period, {}, &error);
        return doc ? sectionText(*doc->section(QStringLiteral("data-quality"))) : QString();
    };
    QVERIFY(appendix(QStringLiteral("2026-10")).contains(QStringLiteral("No number published for a closed period has changed")));

    PeriodClose::Options options;
    options.today = QDate(2026, 11, 27);
    const auto closed = PeriodClose::close(db, QStringLiteral("2026-09"), options, &error);
    QVERIFY2(closed, qPrintable(error));
    const KpiReport before = KpiEngine(db).report({KpiSlice::Kind::All, {}}, *KpiPeriod::parse(QStringLiteral("2026-09")));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("UPDATE audits SET sample_type = 'peer' WHERE id = (SELECT id FROM audits WHERE "
                                  "superseded_by IS NULL AND score IS NOT NULL AND incomplete = 0 AND sample_type = "
                                  "'random' AND day BETWEEN %1 AND %2 ORDER BY id LIMIT 1)")
                       .arg(QDate(2026, 9, 1).toJulianDay())
                       .arg(QDate(2026, 9, 30).toJulianDay())));
    QCOMPARE(q.numRowsAffected(), 1);
    const KpiReport after = KpiEngine(db).report({KpiSlice::Kind::All, {}}, *KpiPeriod::parse(QStringLiteral("2026-09")));
    QCOMPARE(after.audits.n, before.audits.n - 1);

    const QString october = appendix(QStringLiteral("2026-10"));
    const QString expected = QStringLiteral("2026-09 audits restated %1 → %2").arg(before.audits.n).arg(after.audits.n);
    QVERIFY2(october.contains(expected), qPrintable(october));
    QVERIFY(!appendix(QStringLiteral("2026-09")).contains(QStringLiteral("restated")));
}

// A closed period whose data changed after closing: its reports (both templates) show the KPIs
// as published in the snapshot, not today's, and list what was restated; an open period shows
// today's numbers.
void TestReport::closedPeriodAsPublished()
{
    QTemporaryDir dir;
    ProjectError perr;
    auto project = Project::create(dir.filePath(QStringLiteral("closed.qlens")), true, &perr);
    QVERIFY2(project, qPrintable(perr.message));
    DemoOptions o;
    o.agents = 20;
    o.months = 3;
    o.auditsPerAgentMonth = 10;
    QString error;
    QVERIFY2(generateDemo(*project, o, {}, &error), qPrintable(error));
    const QSqlDatabase db = project->database();
    const KpiPeriod september = *KpiPeriod::parse(QStringLiteral("2026-09"));
    const KpiSlice all{KpiSlice::Kind::All, {}};

    PeriodClose::Options options;
    options.today = QDate(2026, 11, 27);
    options.closedBy = QStringLiteral("Ann");
    options.closedAt = QStringLiteral("2026-10-02T09:00:00Z");
    QVERIFY2(PeriodClose::close(db, september.label(), options, &error), qPrintable(error));
    const KpiReport published = KpiEngine(db).report(all, september);

    // Unchanged since closing: the published numbers are today's, and the report says nothing changed.
    auto build = [&](ReportTemplate kind, const QString &period) {
        const auto doc = ReportBuilder::build(db, kind, period, {}, &error);
        return doc ? *doc : ReportDocument{};
    };
    QString headline = sectionText(*build(ReportTemplate::MonthlyQuality, september.label()).section(QStringLiteral("headline")));
    QVERIFY2(headline.contains(QStringLiteral("2026-09 was closed on 2026-10-02 by Ann")), qPrintable(headline));
    QVERIFY(headline.contains(QStringLiteral("No published number has changed since it was closed.")));

    // After closing, the lowest-scoring counted random audit of September becomes a peer audit
    // (not counted): audits n − 1, and the QA score and pass rate rise.
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("UPDATE audits SET sample_type = 'peer' WHERE id = (SELECT id FROM audits WHERE "
                                  "superseded_by IS NULL AND score IS NOT NULL AND incomplete = 0 AND sample_type = "
                                  "'random' AND day BETWEEN %1 AND %2 ORDER BY score, id LIMIT 1)")
                       .arg(september.from.toJulianDay())
                       .arg(september.to.toJulianDay())));
    QCOMPARE(q.numRowsAffected(), 1);
    const KpiReport today = KpiEngine(db).report(all, september);
    QCOMPARE(today.audits.n, published.audits.n - 1);
    QVERIFY(*today.qaScore.value > *published.qaScore.value);

    for (const ReportTemplate kind : {ReportTemplate::MonthlyQuality, ReportTemplate::Mbr}) {
        const ReportDocument doc = build(kind, september.label());
        QVERIFY2(!doc.sections.isEmpty(), qPrintable(error));
        const ReportKpi audits = doc.kpis(QStringLiteral("audits")).value(0);
        QCOMPARE(audits.value.n, published.audits.n);
        QCOMPARE(audits.value.value, published.audits.value);
        const ReportKpi qa = doc.kpis(QStringLiteral("qa_score")).value(0);
        QCOMPARE(qa.value.value, published.qaScore.value);
        QCOMPARE(qa.value.ciLow, published.qaScore.ciLow);
        QCOMPARE(qa.value.previous, published.qaScore.previous);
        QCOMPARE(qa.value.status, published.qaScore.status);
        QCOMPARE(doc.kpis(QStringLiteral("pass_rate")).value(0).value.value, published.passRate.value);
        QCOMPARE(doc.kpis(QStringLiteral("critical_business")).value(0).value.value, published.criticalBusiness.value);
        QVERIFY(doc.titleFacts.contains(QStringLiteral("%1 audits counted of %2 in the period")
                                            .arg(published.audits.n)
                                            .arg(published.auditsTotal.n)));
        headline = sectionText(doc.sections.first());
        const QString restated = QStringLiteral("2026-09 audits restated %1 → %2").arg(published.audits.n).arg(today.audits.n);
        QVERIFY2(headline.contains(restated), qPrintable(headline));
        QVERIFY(headline.contains(QStringLiteral("2026-09 QA score restated")));
        QVERIFY(!headline.contains(QStringLiteral("No published number has changed")));
    }
    // October is not closed: today's numbers, no note.
    const ReportDocument october = build(ReportTemplate::MonthlyQuality, QStringLiteral("2026-10"));
    QCOMPARE(october.kpis(QStringLiteral("audits")).value(0).value.n,
             KpiEngine(db).report(all, *KpiPeriod::parse(QStringLiteral("2026-10"))).audits.n);
    QVERIFY(!sectionText(*october.section(QStringLiteral("headline"))).contains(QStringLiteral("was closed on")));
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"

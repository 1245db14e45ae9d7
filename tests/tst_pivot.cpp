// SPDX-License-Identifier: GPL-3.0-or-later
// Pivot specs (parsing, refusals, round trip), the three outputs against hand-written text, and
// measures on a small project whose every number is worked out by hand below.
#include "pivot/cubebuilder.h"
#include "pivot/pivotengine.h"
#include "pivot/pivotoutput.h"
#include "pivot/pivotspec.h"
#include "store/project.h"
#include "store/sqlitehandle.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ql;

namespace {

// Eight audits of two agents in two teams, January and February 2026.
//   id agent team        month  channel queue  sample    score passed critical
//   1  a1    Alpha       01     chat    Billing random    80    0
//   2  a1    Alpha       01     email   Billing random    90    1
//   3  a2    Sales, EMEA 01     chat    Billing targeted  100   1
//   4  a2    Sales, EMEA 02     chat    Billing random    0     0      customer+business (raw 70)
//   5  a1    Alpha       02     email   Billing random    -     (not scored)
//   6  a2    Sales, EMEA 02     chat    Billing random    60    0      superseded by 7
//   7  a2    Sales, EMEA 02     chat    Billing dispute   95    1      (a re-audit; dispute is not counted)
//   8  a2    Sales, EMEA 01     email   -Ops    random    85    1
// KPI audits (official, scored, complete, random or targeted): 1, 2, 3, 4, 8.
const char *const Fixture = R"sql(
INSERT INTO teams(id, name) VALUES (1, 'Alpha'), (2, 'Sales, EMEA');
INSERT INTO queues(id, name) VALUES (1, 'Billing'), (2, '-Ops');
INSERT INTO channels(id, name) VALUES (1, 'chat'), (2, 'email');
INSERT INTO agents(id, agent_key, name, hire_date, created_at) VALUES
  (1, 'a1', 'Ann', '2025-11-20', '2026-01-01'), (2, 'a2', 'Bob', '2024-01-01', '2026-01-01');
INSERT INTO auditors(id, auditor_key) VALUES (1, 'qa1');
INSERT INTO scorecards(id, name, version, valid_from, definition_json, created_at) VALUES (1, 'Support QA', 1, '2025-01-01', '{}', '2025-01-01');
INSERT INTO scorecard_sections(id, scorecard_id, position, name) VALUES (1, 1, 0, 'Main');
INSERT INTO criteria(id, scorecard_id, section_id, position, key, name, scale_kind, scale_min, scale_max) VALUES
  (1, 1, 1, 0, 'greeting', 'Greeting', 'range', 1, 5), (2, 1, 1, 1, 'tone', 'Tone', 'range', 1, 5);
INSERT INTO audits(id, audit_key, ticket_id, date, interaction_date, day, week, month, quarter, agent_id, auditor_id,
                   team_id, queue_id, channel_id, sample_type, scorecard_id, score, raw_score, passed, critical_fail,
                   critical_families) VALUES
  (1, 'A1', 'T1', '2026-01-05', '2025-12-31', 0, 0, 0, 0, 1, 1, 1, 1, 1, 'random',   1, 80,   80,   0, 0, 0),
  (2, 'A2', 'T2', '2026-01-20', '2026-01-19', 0, 0, 0, 0, 1, 1, 1, 1, 2, 'random',   1, 90,   90,   1, 0, 0),
  (3, 'A3', 'T3', '2026-01-10', '2026-01-10', 0, 0, 0, 0, 2, 1, 2, 1, 1, 'targeted', 1, 100,  100,  1, 0, 0),
  (4, 'A4', 'T4', '2026-02-03', '2026-02-02', 0, 0, 0, 0, 2, 1, 2, 1, 1, 'random',   1, 0,    70,   0, 1, 3),
  (5, 'A5', 'T5', '2026-02-15', NULL,         0, 0, 0, 0, 1, 1, 1, 1, 2, 'random',   1, NULL, NULL, 0, 0, 0),
  (6, 'A6', 'T6', '2026-02-20', '2026-02-20', 0, 0, 0, 0, 2, 1, 2, 1, 1, 'random',   1, 60,   60,   0, 0, 0),
  (7, 'A7', 'T6', '2026-02-25', '2026-02-20', 0, 0, 0, 0, 2, 1, 2, 1, 1, 'dispute',  1, 95,   95,   1, 0, 0),
  (8, 'A8', 'T8', '2026-01-12', '2026-01-12', 0, 0, 0, 0, 2, 1, 2, 2, 2, 'random',   1, 85,   85,   1, 0, 0);
UPDATE audits SET superseded_by = 7 WHERE id = 6;
-- The cube reads the Julian day numbers (day, i_day), not the other period keys.
UPDATE audits SET day = CAST(julianday(date) + 0.5 AS INTEGER),
                  i_day = CAST(julianday(interaction_date) + 0.5 AS INTEGER);
INSERT INTO answers(id, audit_id, criterion_id, value, na, c) VALUES
  (1, 1, 1, 5, 0, 1), (2, 1, 2, NULL, 1, NULL), (3, 2, 1, 1, 0, 0), (4, 2, 2, 3, 0, 0.5), (5, 3, 1, 5, 0, 1), (6, 3, 2, 2, 0, 0.25);
INSERT INTO root_causes(id, name) VALUES (1, 'Script'), (2, 'Training');
INSERT INTO answer_root_causes(answer_id, root_cause_id) VALUES (3, 1), (3, 2);
INSERT INTO csat_responses(id, response_key, ticket_id, date, day, week, month, quarter, score, scale, satisfied,
                           dissatisfied, agent_id, reason) VALUES
  (1, 'R1', 'T1', '2026-01-06', 0, 0, 0, 0, 5,  '1-5',  1, 0, NULL, 'Billing'),
  (2, 'R2', 'T3', '2026-01-11', 0, 0, 0, 0, 2,  '1-5',  0, 1, 2,    'Refund delay'),
  (3, 'R3', 'T3', '2026-01-11', 0, 0, 0, 0, 4,  '1-5',  1, 0, 2,    'Other'),
  (4, 'R4', NULL, '2026-02-01', 0, 0, 0, 0, 10, '0-10', 1, 0, 1,    NULL),
  (5, 'R5', NULL, '2026-02-02', 0, 0, 0, 0, 3,  '0-10', 0, 1, 2,    NULL);
UPDATE csat_responses SET day = CAST(julianday(date) + 0.5 AS INTEGER);
)sql";

PivotSpec parse(const char *json)
{
    QString error;
    const auto spec = PivotSpec::fromJson(QByteArray(json), &error);
    if (!spec)
        qFatal("test spec does not parse: %s", qPrintable(error));
    return *spec;
}

QByteArray crlf(const char *text)
{
    QByteArray out(text);
    out.replace("\n", "\r\n");
    return out;
}

} // namespace

class TestPivot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void specParsesFormatsExample();
    void specRoundTrips();
    void specErrors_data();
    void specErrors();
    void validateErrors_data();
    void validateErrors();
    void engineErrors_data();
    void engineErrors();
    void longOutput();
    void gridOutput();
    void gridShapes();
    void jsonOutput();
    void statistics();
    void multiValuedTotalsCountOnce();
    void topKeepsTiesAndGathersOthers();
    void showAsAndSort();
    void answersKpis();
    void csatKpis();
    void periodDateAndCountedTypes();
    void emptyProject();

private:
    PivotResult compute(const char *json, const PivotOptions &options = {});
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::shared_ptr<const Cube> m_audits, m_answers, m_csat;
};

void TestPivot::initTestCase()
{
    ProjectError err;
    m_project = Project::create(m_dir.filePath(QStringLiteral("fixture.qlens")), false, &err);
    QVERIFY2(m_project, qPrintable(err.message));
    const QString problem = execScript(m_project->database(), QString::fromUtf8(Fixture));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QString error;
    m_audits = CubeBuilder::buildAudits(m_project->database(), {}, &error);
    QVERIFY2(m_audits, qPrintable(error));
    m_answers = CubeBuilder::buildAnswers(m_project->database(), m_audits, {}, &error);
    QVERIFY2(m_answers, qPrintable(error));
    m_csat = CubeBuilder::buildCsat(m_project->database(), *m_audits, {}, &error);
    QVERIFY2(m_csat, qPrintable(error));
    QCOMPARE(m_audits->factCount(), 8u);
    QCOMPARE(m_answers->factCount(), 6u);
    QCOMPARE(m_csat->factCount(), 5u);
}

PivotResult TestPivot::compute(const char *json, const PivotOptions &options)
{
    const PivotSpec spec = parse(json);
    const Cube &cube = spec.source == PivotSource::Audits    ? *m_audits
                       : spec.source == PivotSource::Answers ? *m_answers
                                                             : *m_csat;
    QString error;
    const auto result = PivotEngine::compute(cube, spec, options, &error);
    if (!result)
        qFatal("pivot failed: %s", qPrintable(error));
    return *result;
}

void TestPivot::specParsesFormatsExample()
{
    const PivotSpec spec = parse(R"j({ "source": "audits", "rows": ["team"], "cols": ["month"],
      "measures": ["qa_score", "count", "pass_rate"],
      "filters": { "queue": { "in": ["Billing", "Returns"] }, "channel": { "not_in": ["phone"] },
                   "date": { "from": "2026-01-01", "to": "2026-06-30" } },
      "totals": true,
      "show_as": { "count": "pct_grand" },
      "sort": { "axis": "rows", "by": "qa_score", "at": ["(total)"], "order": "desc" },
      "top": { "n": 10, "by": "count", "others": true } })j");
    QCOMPARE(spec.source, PivotSource::Audits);
    QCOMPARE(spec.rows, QStringList{"team"});
    QCOMPARE(spec.cols, QStringList{"month"});
    QCOMPARE(spec.measures, (QStringList{"qa_score", "count", "pass_rate"}));
    QCOMPARE(spec.filters.size(), 2);
    QCOMPARE(spec.filterOn("queue")->values, (QStringList{"Billing", "Returns"}));
    QVERIFY(!spec.filterOn("queue")->exclude);
    QVERIFY(spec.filterOn("channel")->exclude);
    QCOMPARE(spec.from, QDate(2026, 1, 1));
    QCOMPARE(spec.to, QDate(2026, 6, 30));
    QCOMPARE(spec.totals, PivotTotals::all());
    QCOMPARE(spec.showAsOf("count"), PivotShowAs::PctGrand);
    QCOMPARE(spec.showAsOf("qa_score"), PivotShowAs::Value);
    QVERIFY(spec.sort && spec.sort->descending && spec.sort->by == "qa_score" &&
            spec.sort->at == QStringList{"(total)"});
    QVERIFY(spec.top && spec.top->n == 10 && spec.top->by == "count" && spec.top->others);
    QVERIFY2(spec.validate().isEmpty(), qPrintable(spec.validate()));
}

void TestPivot::specRoundTrips()
{
    for (const char *json :
         {R"j({"source":"answers","rows":["criterion"],"cols":["month","channel"],"measures":["compliance","p90(c)"],
                                "filters":{"root_cause":{"not_in":["Script"]},"date":{"from":"2026-01-01"}},
                                "totals":{"subtotals":true,"rows":false,"cols":true},"show_as":{"compliance":"diff_prev_col"},
                                "sort":{"axis":"cols","by":"label","order":"desc"},"top":{"n":3,"others":false}})j",
          R"j({"measures":["count"]})j"}) {
        const PivotSpec spec = parse(json);
        QString error;
        const auto again = PivotSpec::fromJson(spec.toJson(), &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(*again, spec);
    }
    // Keys come out in formats.md's order.
    QCOMPARE(
        parse(R"j({"measures":["count"],"rows":["team"]})j").toJson(),
        QByteArray(
            R"j({"source":"audits","rows":["team"],"cols":[],"measures":["count"],"filters":{},"totals":false})j"));
}

void TestPivot::specErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("says");
    QTest::newRow("not JSON") << QByteArray("{rows: team}") << "not valid JSON";
    QTest::newRow("not an object") << QByteArray("[1]") << "must be a JSON object";
    QTest::newRow("unknown key") << QByteArray(R"j({"colums":["month"]})j") << "unknown key \"colums\"";
    QTest::newRow("unknown source") << QByteArray(R"j({"source":"tickets"})j")
                                    << "\"source\" must be audits, answers or csat, not \"tickets\"";
    QTest::newRow("rows not an array") << QByteArray(R"j({"rows":"team"})j")
                                       << "\"rows\" must be an array of names, not \"team\"";
    QTest::newRow("measure not a string")
        << QByteArray(R"j({"measures":[3]})j") << "\"measures\" must hold strings, not 3";
    QTest::newRow("filter both ways") << QByteArray(R"j({"filters":{"queue":{"in":["a"],"not_in":["b"]}}})j")
                                      << "exactly one of";
    QTest::newRow("filter unknown key") << QByteArray(R"j({"filters":{"queue":{"is":["a"]}}})j")
                                        << "unknown key \"is\"";
    QTest::newRow("bad date") << QByteArray(R"j({"filters":{"date":{"from":"2026-13-01"}}})j")
                              << "\"filters.date.from\" must be a date YYYY-MM-DD, not \"2026-13-01\"";
    QTest::newRow("totals word") << QByteArray(R"j({"totals":"yes"})j") << "\"totals\" must be true, false or";
    QTest::newRow("totals flag") << QByteArray(R"j({"totals":{"rows":1}})j")
                                 << "\"totals.rows\" must be true or false, not 1";
    QTest::newRow("show_as")
        << QByteArray(R"j({"show_as":{"count":"percent"}})j")
        << "\"show_as.count\" must be pct_grand, pct_row, pct_col or diff_prev_col, not \"percent\"";
    QTest::newRow("sort order") << QByteArray(R"j({"sort":{"by":"label","order":"up"}})j")
                                << "\"sort.order\" must be asc or desc, not \"up\"";
    QTest::newRow("sort by") << QByteArray(R"j({"sort":{"axis":"rows"}})j")
                             << "\"sort.by\" must be \"label\" or a measure";
    QTest::newRow("sort axis") << QByteArray(R"j({"sort":{"by":"label","axis":"diagonal"}})j")
                               << "\"sort.axis\" must be rows or cols";
    QTest::newRow("top n zero") << QByteArray(R"j({"top":{"n":0}})j")
                                << "\"top.n\" must be a whole number from 1, not 0";
    QTest::newRow("top n fraction") << QByteArray(R"j({"top":{"n":2.5}})j") << "not 2.5";
    QTest::newRow("top key") << QByteArray(R"j({"top":{"n":2,"axis":"rows"}})j") << "unknown key \"axis\"";
}

void TestPivot::specErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, says);
    QString error;
    QVERIFY(!PivotSpec::fromJson(json, &error));
    QVERIFY2(error.contains(says), qPrintable(error));
}

void TestPivot::validateErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("says");
    QTest::newRow("no measure") << QByteArray(R"j({"rows":["team"]})j") << "no measure";
    QTest::newRow("unknown measure") << QByteArray(R"j({"measures":["qa_scor"]})j") << "unknown measure \"qa_scor\"";
    QTest::newRow("field of another source") << QByteArray(R"j({"source":"answers","measures":["median(score)"]})j")
                                             << "\"score\" is not a numeric field of the answers source (value, c)";
    QTest::newRow("criterion KPI on audits")
        << QByteArray(R"j({"measures":["compliance"]})j") << "use the answers source";
    QTest::newRow("audit KPI on csat") << QByteArray(R"j({"source":"csat","measures":["qa_score"]})j")
                                       << "use the audits source";
    QTest::newRow("percentile out of range") << QByteArray(R"j({"measures":["p100(score)"]})j") << "p1 to p99";
    QTest::newRow("unknown family") << QByteArray(R"j({"measures":["accuracy(vip)"]})j")
                                    << "\"vip\" is not a critical family";
    QTest::newRow("share of an average") << QByteArray(
                                                R"j({"measures":["avg(score)"],"show_as":{"avg(score)":"pct_col"}})j")
                                         << "offered for count and sum only";
    QTest::newRow("show_as of another measure")
        << QByteArray(R"j({"measures":["count"],"show_as":{"sum(score)":"pct_col"}})j") << "not among the measures";
    QTest::newRow("measure twice") << QByteArray(R"j({"measures":["count","count"]})j") << "asked twice";
    QTest::newRow("dimension twice") << QByteArray(R"j({"rows":["team"],"cols":["team"],"measures":["count"]})j")
                                     << "on the axes twice";
    QTest::newRow("dates reversed")
        << QByteArray(R"j({"measures":["count"],"filters":{"date":{"from":"2026-02-01","to":"2026-01-01"}}})j")
        << "ends (2026-01-01) before it starts (2026-02-01)";
    QTest::newRow("top without rows") << QByteArray(R"j({"measures":["count"],"top":{"n":2}})j")
                                      << "needs a row dimension";
    QTest::newRow("sort by unknown measure")
        << QByteArray(R"j({"measures":["count"],"rows":["team"],"sort":{"by":"speed"}})j")
        << "\"sort.by\": unknown measure \"speed\"";
}

void TestPivot::validateErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, says);
    QString error;
    const auto spec = PivotSpec::fromJson(json, &error);
    QVERIFY2(spec, qPrintable(error));
    QVERIFY2(spec->validate().contains(says), qPrintable(spec->validate()));
}

void TestPivot::engineErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("says");
    QTest::newRow("unknown dimension")
        << QByteArray(R"j({"rows":["tem"],"measures":["count"]})j")
        << "unknown dimension \"tem\" for the audits source (known: agent, agent_name, team";
    QTest::newRow("answer dimension on audits")
        << QByteArray(R"j({"rows":["criterion"],"measures":["count"]})j") << "unknown dimension \"criterion\"";
    QTest::newRow("unknown filter dimension")
        << QByteArray(R"j({"measures":["count"],"filters":{"colour":{"in":["red"]}}})j")
        << "unknown dimension \"colour\"";
    QTest::newRow("distinct of unknown") << QByteArray(R"j({"measures":["count_distinct(nope)"]})j")
                                         << "unknown dimension \"nope\" in \"count_distinct(nope)\"";
    QTest::newRow("share on multi-valued")
        << QByteArray(R"j({"rows":["critical_family"],"measures":["count"],"show_as":{"count":"pct_col"}})j")
        << "not offered with the multi-valued dimension \"critical_family\"";
    QTest::newRow("sort.at unknown")
        << QByteArray(
               R"j({"rows":["team"],"cols":["month"],"measures":["count"],"sort":{"by":"count","at":["2027-01"]}})j")
        << "\"sort.at\": \"2027-01\" is not a member of month";
}

void TestPivot::engineErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, says);
    QString error;
    const auto spec = PivotSpec::fromJson(json, &error);
    QVERIFY2(spec, qPrintable(error));
    QVERIFY(!PivotEngine::compute(*m_audits, *spec, {}, &error));
    QVERIFY2(error.contains(says), qPrintable(error));
    // A spec of one source against a cube of another is refused too.
    QVERIFY(!PivotEngine::compute(*m_csat, parse(R"j({"measures":["count"]})j"), {}, &error));
}

void TestPivot::longOutput()
{
    // Alpha/01: audits 1, 2 -> count 2, qa_score (80 + 90) / 2 = 85, pass 1 of 2 = 50.
    // Alpha/02: audit 5, not scored -> count 1 and no KPI (no line for them).
    // Sales/01: 3, 8 -> (100 + 85) / 2 = 92.5, 2 of 2 passed. Sales/02: 4, 6, 7 -> count 3; only 4
    // counts for KPIs (6 superseded, 7 a dispute) -> 0 and 0.
    // Totals from the facts: Sales 3, 8, 4 -> 185 / 3, 2 of 3; January 1, 2, 3, 8 -> 355 / 4 = 88.75,
    // 3 of 4; February 4 -> 0; all 1, 2, 3, 4, 8 -> 355 / 5 = 71, 3 of 5 = 60.
    const PivotResult r =
        compute(R"j({"rows":["team"],"cols":["month"],"measures":["count","qa_score","pass_rate"],"totals":true})j");
    QCOMPARE(PivotOutput::toLong(r), crlf(R"j(team,month,measure,value
Alpha,2026-01,count,2
Alpha,2026-01,qa_score,85
Alpha,2026-01,pass_rate,50
Alpha,2026-02,count,1
Alpha,(total),count,3
Alpha,(total),qa_score,85
Alpha,(total),pass_rate,50
"Sales, EMEA",2026-01,count,2
"Sales, EMEA",2026-01,qa_score,92.5
"Sales, EMEA",2026-01,pass_rate,100
"Sales, EMEA",2026-02,count,3
"Sales, EMEA",2026-02,qa_score,0
"Sales, EMEA",2026-02,pass_rate,0
"Sales, EMEA",(total),count,5
"Sales, EMEA",(total),qa_score,61.666666666666664
"Sales, EMEA",(total),pass_rate,66.66666666666667
(total),2026-01,count,4
(total),2026-01,qa_score,88.75
(total),2026-01,pass_rate,75
(total),2026-02,count,4
(total),2026-02,qa_score,0
(total),2026-02,pass_rate,0
(total),(total),count,8
(total),(total),qa_score,71
(total),(total),pass_rate,60
)j"));
    // The cell is there, with its n, and its undefined KPIs stay empty: not 0, not NaN.
    QCOMPARE(r.rowCount(), 3);
    QCOMPARE(r.columnCount(), 3);
    QCOMPARE(r.value(0, 1, 0), (std::optional<PivotValue>(PivotValue{1, 1})));
    QVERIFY(!r.value(0, 1, 1));
    QCOMPARE(r.value(2, 2, 1), (std::optional<PivotValue>(PivotValue{71, 5})));
    QVERIFY(r.row(2).isTotal(1) && r.row(2).level == 0 && !r.row(0).isTotal(1));
    // A text cell that a spreadsheet would run as a formula is guarded.
    QCOMPARE(PivotOutput::toLong(compute(R"j({"rows":["queue"],"measures":["count"]})j")),
             crlf("queue,measure,value\n'-Ops,count,1\nBilling,count,7\n")); // '-' (U+002D) sorts before 'B'
}

void TestPivot::gridOutput()
{
    const PivotResult r =
        compute(R"j({"rows":["team"],"cols":["month"],"measures":["count","qa_score","pass_rate"],"totals":true})j");
    QCOMPARE(PivotOutput::toGrid(r),
             crlf(R"j(month,2026-01,2026-01,2026-01,2026-02,2026-02,2026-02,(total),(total),(total)
team,count,qa_score,pass_rate,count,qa_score,pass_rate,count,qa_score,pass_rate
Alpha,2,85,50,1,,,3,85,50
"Sales, EMEA",2,92.5,100,3,0,0,5,61.666666666666664,66.66666666666667
(total),4,88.75,75,4,0,0,8,71,60
)j"));
}

void TestPivot::gridShapes()
{
    // One measure: no measure row; the row dimensions name the label column.
    QCOMPARE(PivotOutput::toGrid(compute(R"j({"rows":["team"],"cols":["channel"],"measures":["count"]})j")),
             crlf("team,chat,email\nAlpha,1,2\n\"Sales, EMEA\",4,1\n"));
    // Two column dimensions and two row dimensions: a column dimension's name sits at the right of
    // the label columns in its own header row.
    QCOMPARE(PivotOutput::toGrid(compute(R"j({"rows":["team","agent"],"cols":["month","channel"],"measures":["count"],
                                             "filters":{"team":{"in":["Alpha"]}}})j")),
             crlf(",month,2026-01,2026-01,2026-02\nteam,agent,chat,email,email\nAlpha,a1,1,1,1\n"));
    // No column dimension: the measures head the value columns.
    QCOMPARE(PivotOutput::toGrid(compute(R"j({"rows":["channel"],"measures":["count","max(score)"]})j")),
             crlf("channel,count,max(score)\nchat,5,100\nemail,3,90\n"));
    // No dimension at all: one row of values.
    QCOMPARE(PivotOutput::toGrid(compute(R"j({"measures":["count","audits"]})j")), crlf("count,audits\n8,5\n"));
}

void TestPivot::jsonOutput()
{
    const PivotResult r =
        compute(R"j({"rows":["team"],"measures":["count","qa_score"],"filters":{"channel":{"in":["chat"]}}})j");
    // Chat: audit 1 (Alpha, 80); 3, 4, 6, 7 (Sales; KPIs count 3 and 4: (100 + 0) / 2 = 50).
    QCOMPARE(
        PivotOutput::toJson(r),
        QByteArray(
            R"j({"spec":{"source":"audits","rows":["team"],"cols":[],"measures":["count","qa_score"],)j"
            R"j("filters":{"channel":{"in":["chat"]}},"totals":false},"cells":[)j"
            R"j({"team":"Alpha","measure":"count","value":1,"n":1},{"team":"Alpha","measure":"qa_score","value":80,"n":1},)j"
            R"j({"team":"Sales, EMEA","measure":"count","value":4,"n":4},)j"
            R"j({"team":"Sales, EMEA","measure":"qa_score","value":50,"n":2}]})j"
            "\n"));
}

void TestPivot::statistics()
{
    // Every audit score (5 has none): 0, 60, 80, 85, 90, 95, 100 (n = 7).
    // median: h = 6 * 0.5 = 3 -> 85. p90: h = 6 * 0.9 = 5.4 -> 95 + 0.4 * (100 - 95) = 97.
    // p10: h = 0.6 -> 0 + 0.6 * 60 = 36. stddev (n - 1): sqrt(sum of squared deviations / 6).
    const PivotResult r =
        compute(R"j({"measures":["median(score)","p90(score)","p10(score)","stddev(score)","min(score)",
                                      "max(score)","sum(score)","avg(score)","count_distinct(agent)","count_distinct(reason)"]})j");
    QCOMPARE(r.cellCount(), 1);
    QCOMPARE(r.cellValue(0, 0), (std::optional<PivotValue>(PivotValue{85, 7})));
    QCOMPARE(r.cellValue(0, 1), (std::optional<PivotValue>(PivotValue{97, 7})));
    QCOMPARE(r.cellValue(0, 2), (std::optional<PivotValue>(PivotValue{36, 7})));
    QCOMPARE(r.cellValue(0, 3)->n, 7);
    QVERIFY(std::fabs(r.cellValue(0, 3)->value - 34.62382884386884) < 1e-12);
    QCOMPARE(r.cellValue(0, 4), (std::optional<PivotValue>(PivotValue{0, 7})));
    QCOMPARE(r.cellValue(0, 5), (std::optional<PivotValue>(PivotValue{100, 7})));
    QCOMPARE(r.cellValue(0, 6), (std::optional<PivotValue>(PivotValue{510, 7})));
    QCOMPARE(r.cellValue(0, 7)->value, 510.0 / 7);
    QCOMPARE(r.cellValue(0, 8), (std::optional<PivotValue>(PivotValue{2, 8})));
    // Reasons of linked responses: audit 1 -> R1 Billing; audit 3 -> R3 (R2 and R3 share the date:
    // the greater id wins) Other; the rest have none, and (blank) is not a value.
    QCOMPARE(r.cellValue(0, 9), (std::optional<PivotValue>(PivotValue{2, 8})));
    // One value: stddev has no value; a period with a single score has that score as every percentile.
    const PivotResult one = compute(
        R"j({"measures":["stddev(score)","p90(score)"],"filters":{"agent":{"in":["a1"]},"channel":{"in":["chat"]}}})j");
    QVERIFY(!one.cellValue(0, 0));
    QCOMPARE(one.cellValue(0, 1), (std::optional<PivotValue>(PivotValue{80, 1})));
}

void TestPivot::multiValuedTotalsCountOnce()
{
    // Audit 4 failed customer and business: under each, but once in the total.
    const PivotResult r = compute(R"j({"rows":["critical_family"],"measures":["count","audits"],"totals":true})j");
    QCOMPARE(PivotOutput::toLong(r),
             crlf("critical_family,measure,value\nbusiness,count,1\nbusiness,audits,1\ncustomer,count,1\n"
                  "customer,audits,1\n(blank),count,7\n(blank),audits,4\n(total),count,8\n(total),audits,5\n"));
    // Answer 3 has two root causes: under each, once in the total; count_distinct counts the causes of
    // the answers in a cell, so both of answer 3's causes count under Script (and under Training).
    // Filtering to one cause keeps the answer under that one only.
    const PivotResult causes = compute(
        R"j({"source":"answers","rows":["root_cause"],"measures":["count","count_distinct(root_cause)"],"totals":true})j");
    QCOMPARE(PivotOutput::toLong(causes),
             crlf("root_cause,measure,value\nScript,count,1\nScript,count_distinct(root_cause),2\nTraining,count,1\n"
                  "Training,count_distinct(root_cause),2\n(blank),count,5\n(blank),count_distinct(root_cause),0\n"
                  "(total),count,6\n(total),count_distinct(root_cause),2\n"));
    const PivotResult filtered =
        compute(R"j({"source":"answers","rows":["root_cause"],"measures":["count"],"totals":true,
                                             "filters":{"root_cause":{"in":["Training"]}}})j");
    QCOMPARE(PivotOutput::toLong(filtered), crlf("root_cause,measure,value\nTraining,count,1\n(total),count,1\n"));
}

void TestPivot::topKeepsTiesAndGathersOthers()
{
    // January: a1 has audits 1, 2 and a2 has 3, 8: a tie at the top, so both stay, and the result says so.
    const PivotResult tie = compute(R"j({"rows":["agent"],"measures":["count"],"top":{"n":1,"by":"count"},
                                        "filters":{"date":{"from":"2026-01-01","to":"2026-01-31"}}})j");
    QCOMPARE(tie.rowCount(), 2);
    QCOMPARE(tie.topTiesKept(), 1);
    QVERIFY2(tie.note().contains("tie"), qPrintable(tie.note()));
    // All months: a2 (5 audits) beats a1 (3); a1's audits are gathered as (others), counted from
    // its facts (qa_score of 1, 2: 85), and the grand total still covers everything.
    const PivotResult r = compute(
        R"j({"rows":["agent"],"measures":["count","qa_score"],"top":{"n":1,"by":"count","others":true},"totals":true})j");
    QCOMPARE(PivotOutput::toLong(r),
             crlf("agent,measure,value\na2,count,5\na2,qa_score,61.666666666666664\n(others),count,3\n"
                  "(others),qa_score,85\n(total),count,8\n(total),qa_score,71\n"));
    QVERIFY(r.row(1).others);
    QCOMPARE(r.topTiesKept(), 0);
}

void TestPivot::showAsAndSort()
{
    // Shares of count by team and month: Alpha/01 is 2 of Alpha's 3, of January's 4, of all 8.
    const PivotResult row =
        compute(R"j({"rows":["team"],"cols":["month"],"measures":["count"],"show_as":{"count":"pct_row"}})j");
    QCOMPARE(row.value(0, 0, 0)->value, 200.0 / 3);
    QCOMPARE(row.value(0, 0, 0)->n, 2);
    QCOMPARE(compute(R"j({"rows":["team"],"cols":["month"],"measures":["count"],"show_as":{"count":"pct_col"}})j")
                 .value(0, 0, 0)
                 ->value,
             50.0);
    QCOMPARE(compute(R"j({"rows":["team"],"cols":["month"],"measures":["count"],"show_as":{"count":"pct_grand"}})j")
                 .value(0, 0, 0)
                 ->value,
             25.0);
    // Difference with the previous column: Sales 92.5 -> 0; Alpha has no February score, so no difference.
    const PivotResult diff = compute(
        R"j({"rows":["team"],"cols":["month"],"measures":["qa_score"],"show_as":{"qa_score":"diff_prev_col"}})j");
    QVERIFY(!diff.value(0, 0, 0) && !diff.value(0, 1, 0) && !diff.value(1, 0, 0));
    QCOMPARE(diff.value(1, 1, 0)->value, -92.5);
    // Sorting rows by a measure at a column: by February's count, ascending -> Alpha (1), Sales (3);
    // descending at the total -> Sales (5), Alpha (3); (total) stays last.
    const PivotResult asc = compute(R"j({"rows":["team"],"cols":["month"],"measures":["count"],"totals":true,
                                        "sort":{"by":"count","at":["2026-02"],"order":"asc"}})j");
    QCOMPARE(asc.row(0).labels, QStringList{"Alpha"});
    const PivotResult desc =
        compute(R"j({"rows":["team"],"cols":["month"],"measures":["count"],"totals":true,"sort":{"by":"count"}})j");
    QCOMPARE(desc.row(0).labels, QStringList{"Sales, EMEA"});
    QCOMPARE(desc.row(2).labels, QStringList{"(total)"});
    // Sorting columns by label, descending; periods otherwise run chronologically.
    const PivotResult cols =
        compute(R"j({"cols":["month"],"measures":["count"],"sort":{"axis":"cols","by":"label","order":"desc"}})j");
    QCOMPARE(cols.column(0).labels, QStringList{"2026-02"});
}

void TestPivot::answersKpis()
{
    // greeting: c = 1, 0, 1 (audits 1, 2, 3, all KPI audits) -> compliance 100 * 2/3; pass (c >= 0.5) 2 of 3.
    // tone: N/A on audit 1, c = 0.5 and 0.25 -> compliance 37.5; pass 1 of 2; N/A 1 of 3.
    const PivotResult r = compute(
        R"j({"source":"answers","rows":["criterion"],"measures":["compliance","criterion_pass_rate","na_rate","count"]})j");
    QCOMPARE(PivotOutput::toLong(r),
             crlf("criterion,measure,value\ngreeting,compliance,66.66666666666666\ngreeting,criterion_pass_rate,66."
                  "66666666666667\n"
                  "greeting,na_rate,0\ngreeting,count,3\ntone,compliance,37.5\ntone,criterion_pass_rate,50\n"
                  "tone,na_rate,33.333333333333336\ntone,count,3\n"));
    // An answer carries its audit's dimensions.
    const PivotResult byTeam = compute(R"j({"source":"answers","rows":["team","section"],"measures":["count"]})j");
    QCOMPARE(PivotOutput::toLong(byTeam),
             crlf("team,section,measure,value\nAlpha,Main,count,4\n\"Sales, EMEA\",Main,count,2\n"));
}

void TestPivot::csatKpis()
{
    // January: R1 5, R2 2, R3 4 (1-5): satisfied 2 of 3, dissatisfied 1 of 3, mean 11 / 3.
    // February: R4 10, R5 3 (0-10): NPS (1 promoter - 1 detractor) / 2 = 0, mean 6.5.
    // Over both months the scales differ: no mean.
    const PivotResult r = compute(
        R"j({"source":"csat","rows":["month"],"measures":["csat_pct","dsat_pct","csat_mean","nps","csat_responses"],"totals":true})j");
    QCOMPARE(
        PivotOutput::toLong(r),
        crlf(
            "month,measure,value\n2026-01,csat_pct,66.66666666666667\n2026-01,dsat_pct,33.333333333333336\n"
            "2026-01,csat_mean,3.6666666666666665\n2026-01,csat_responses,3\n2026-02,csat_pct,50\n2026-02,dsat_pct,50\n"
            "2026-02,csat_mean,6.5\n2026-02,nps,0\n2026-02,csat_responses,2\n(total),csat_pct,60\n(total),dsat_pct,40\n"
            "(total),nps,0\n(total),csat_responses,5\n"));
    // R1 has no agent: it takes a1's, from its ticket's official audit 1.
    QCOMPARE(PivotOutput::toLong(compute(R"j({"source":"csat","rows":["agent"],"measures":["count"]})j")),
             crlf("agent,measure,value\na1,count,2\na2,count,3\n"));
    // On audits, the linked response: audit 1 -> R1 (satisfied), audit 3 -> R3 (satisfied).
    const PivotResult linked = compute(R"j({"measures":["csat_responses","csat_pct","avg(csat)"]})j");
    QCOMPARE(linked.cellValue(0, 0), (std::optional<PivotValue>(PivotValue{2, 2})));
    QCOMPARE(linked.cellValue(0, 1), (std::optional<PivotValue>(PivotValue{100, 2})));
    QCOMPARE(linked.cellValue(0, 2), (std::optional<PivotValue>(PivotValue{4.5, 2})));
}

void TestPivot::periodDateAndCountedTypes()
{
    // By interaction date, audit 1 (2025-12-31) falls in December and audit 5 (no interaction date) in (blank).
    PivotOptions interaction;
    interaction.periodDate = PeriodDate::Interaction;
    QCOMPARE(PivotOutput::toLong(compute(R"j({"rows":["month"],"measures":["count"]})j", interaction)),
             crlf("month,measure,value\n2025-12,count,1\n2026-01,count,3\n2026-02,count,3\n(blank),count,1\n"));
    // The date range follows the period date too; 2025-12-31 by interaction date, 2026-01-05 by review date.
    QCOMPARE(compute(R"j({"measures":["count"],"filters":{"date":{"to":"2025-12-31"}}})j", interaction).factCount(), 1);
    QCOMPARE(compute(R"j({"measures":["count"],"filters":{"date":{"to":"2025-12-31"}}})j").factCount(), 0);
    // Counting disputes too makes audit 7 a KPI audit (audit 6, superseded, still is not).
    PivotOptions disputes;
    disputes.countedSampleTypes = {"random", "targeted", "dispute"};
    const PivotResult r = compute(R"j({"measures":["audits","audits_total","qa_score"]})j", disputes);
    QCOMPARE(r.cellValue(0, 0), (std::optional<PivotValue>(PivotValue{6, 6})));
    QCOMPARE(r.cellValue(0, 1), (std::optional<PivotValue>(PivotValue{8, 8})));
    QCOMPARE(r.cellValue(0, 2)->value, 450.0 / 6);
    // Tenure at the audit's date: a1 hired 2025-11-20 is in 0-3 months; a2 (2024) in 12+.
    QCOMPARE(PivotOutput::toLong(compute(R"j({"rows":["tenure_band"],"measures":["count"]})j")),
             crlf("tenure_band,measure,value\n0-3,count,3\n12+,count,5\n"));
}

void TestPivot::emptyProject()
{
    ProjectError err;
    auto empty = Project::create(m_dir.filePath(QStringLiteral("empty.qlens")), false, &err);
    QVERIFY(empty);
    QString error;
    const auto audits = CubeBuilder::buildAudits(empty->database(), {}, &error);
    QVERIFY2(audits, qPrintable(error));
    QCOMPARE(audits->factCount(), 0u);
    for (PivotSource source : {PivotSource::Answers, PivotSource::Csat}) {
        const auto cube = CubeBuilder::build(empty->database(), source, {}, &error, audits);
        QVERIFY2(cube, qPrintable(error));
        QCOMPARE(cube->factCount(), 0u);
    }
    const auto r = PivotEngine::compute(
        *audits, parse(R"j({"rows":["team"],"cols":["month"],"measures":["count","median(score)"],"totals":true})j"),
        {}, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->factCount(), 0);
    QCOMPARE(r->cellCount(), 0);
    QCOMPARE(PivotOutput::toLong(*r), crlf("team,month,measure,value\n"));
}

QTEST_GUILESS_MAIN(TestPivot)
#include "tst_pivot.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// ChartSpec (formats.md "Chart spec"): the example reads as written, every type and option
// round-trips through toJson(), and wrong specs are refused with a message naming the key.
#include "chart/chartdata.h"
#include "chart/chartfrompivot.h"
#include "chart/chartspec.h"
#include "chart/filtertext.h"

#include <QTest>

using namespace ql;

Q_DECLARE_METATYPE(ql::PivotFilter)

class TestChartSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatsExample();
    void roundTrip_data();
    void roundTrip();
    void defaults();
    void refused_data();
    void refused();
    void validate_data();
    void validate();
    void typeNames();
    void displayLabels();
    void measureInfo();
    void nextPeriod_data();
    void nextPeriod();
    void chartFromPivotReadsTheLayout();
    void controlReadAndWritten();
    void filterText_data();
    void filterText();
    void filterTextRefused_data();
    void filterTextRefused();
};

namespace {
const char *const Example = R"({ "type": "line", "title": "QA score by team", "subtitle": "Jan–Jun 2026, all queues",
  "pivot": { "source": "audits", "rows": ["month"], "cols": ["team"], "measures": ["qa_score"] },
  "target": 85, "labels": false, "theme": "light", "footnote": true, "band": "ci95",
  "annotation": { "at": { "row": "2026-04", "series": "Cascade" }, "text": "new macro" },
  "reference_lines": [ { "axis": "y", "value": 90, "label": "stretch goal" } ] })";
}

void TestChartSpec::formatsExample()
{
    QString error;
    const auto spec = ChartSpec::fromJson(Example, &error);
    QVERIFY2(spec, qPrintable(error));
    QCOMPARE(spec->type, ChartType::Line);
    QCOMPARE(spec->title, QStringLiteral("QA score by team"));
    QCOMPARE(spec->subtitle, QStringLiteral("Jan–Jun 2026, all queues"));
    QCOMPARE(spec->pivot.rows, QStringList{QStringLiteral("month")});
    QCOMPARE(spec->pivot.cols, QStringList{QStringLiteral("team")});
    QCOMPARE(spec->pivot.measures, QStringList{QStringLiteral("qa_score")});
    QCOMPARE(spec->target, std::optional<double>(85));
    QCOMPARE(spec->labels, false);
    QCOMPARE(spec->theme, QStringLiteral("light"));
    QCOMPARE(spec->footnote, true);
    QCOMPARE(spec->band, QStringLiteral("ci95"));
    QVERIFY(spec->annotation);
    QCOMPARE(spec->annotation->row, QStringLiteral("2026-04"));
    QCOMPARE(spec->annotation->series, QStringLiteral("Cascade"));
    QCOMPARE(spec->annotation->text, QStringLiteral("new macro"));
    QCOMPARE(spec->referenceLines.size(), 1);
    QCOMPARE(spec->referenceLines[0], (ChartReferenceLine{QStringLiteral("y"), 90, QStringLiteral("stretch goal")}));
    QCOMPARE(spec->validate(), QString());
}

void TestChartSpec::roundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("formats.md example") << QByteArray(Example);
    for (ChartType t : allChartTypes()) {
        if (t == ChartType::Waterfall)
            continue;
        const QByteArray name = chartTypeName(t).toUtf8();
        QTest::newRow(name.constData()) << QByteArray(R"({"type": ")" + name +
                                                      R"(", "title": "T", "pivot": {"source": "csat",
            "rows": ["week"], "measures": ["csat_pct", "count"], "filters": {"queue": {"not_in": ["Billing, EMEA"]},
            "date": {"from": "2026-01-01", "to": "2026-06-30"}}}, "theme": "dark", "labels": true, "footnote": false})");
    }
    QTest::newRow("waterfall") << QByteArray(
        R"({"type": "waterfall", "title": "Why CSAT fell", "rca": {"metric": "csat_pct", "base": "2026-09", "current": "2026-10", "dims": ["queue", "channel"]}})");
    QTest::newRow("no target, no band, print, two reference lines") << QByteArray(
        R"({"type": "scatter", "pivot": {"source": "audits", "rows": ["agent"], "measures": ["qa_score", "csat_pct", "count"]},
            "theme": "print", "band": "none", "reference_lines": [{"axis": "x", "value": 85.5, "label": ""}, {"axis": "y", "value": -0.25, "label": "zero-ish"}]})");
    QTest::newRow("p-chart with a baseline window, a restart and version changes kept") << QByteArray(
        R"({"type": "p-chart", "pivot": {"rows": ["month"], "measures": ["pass_rate"]},
            "control": {"baseline": {"from": "2026-01", "to": "2026-06"}, "restart": "2026-08", "version_restart": false}})");
    QTest::newRow("xmr with a baseline end only") << QByteArray(
        R"({"type": "xmr", "pivot": {"rows": ["week"], "measures": ["qa_score"]}, "control": {"baseline": {"to": "2026-W20"}}})");
    QTest::newRow("xmr with a restart only") << QByteArray(
        R"({"type": "xmr", "pivot": {"rows": ["month"], "measures": ["qa_score"]}, "control": {"restart": "2026-05"}})");
    QTest::newRow("waterfall with filters") << QByteArray(
        R"({"type": "waterfall", "rca": {"metric": "pass_rate", "base": "2026-Q2", "current": "2026-Q3", "dims": ["queue"],
            "filters": {"channel": {"not_in": ["phone"]}, "team": {"in": ["Sales, EMEA"]}}}})");
    QTest::newRow("names override") << QByteArray(
        R"({"type": "bar", "pivot": {"rows": ["agent_name"], "measures": ["qa_score"]}, "names": "pseudonyms"})");
    QTest::newRow("annotation without series, brand theme, fractional target") << QByteArray(
        R"({"type": "bar", "pivot": {"source": "audits", "rows": ["team"], "measures": ["pass_rate"]}, "target": 87.25,
            "theme": "brand", "annotation": {"at": {"row": "Aurora"}, "text": "new lead"}})");
}

void TestChartSpec::roundTrip()
{
    QFETCH(QByteArray, json);
    QString error;
    const auto first = ChartSpec::fromJson(json, &error);
    QVERIFY2(first, qPrintable(error));
    const QByteArray written = first->toJson();
    const auto second = ChartSpec::fromJson(written, &error);
    QVERIFY2(second, qPrintable(error + QStringLiteral(" in ") + QString::fromUtf8(written)));
    QCOMPARE(*second, *first);
    QCOMPARE(second->toJson(), written); // stable: writing again gives the same bytes
}

void TestChartSpec::defaults()
{
    QString error;
    const auto spec =
        ChartSpec::fromJson(R"({"type": "bar", "pivot": {"rows": ["team"], "measures": ["count"]}})", &error);
    QVERIFY2(spec, qPrintable(error));
    QCOMPARE(spec->theme, QStringLiteral("light"));
    QVERIFY(spec->footnote);
    QVERIFY(!spec->labels);
    QVERIFY(!spec->target);
    QVERIFY(spec->band.isEmpty());
    QVERIFY(!spec->annotation);
    QVERIFY(spec->referenceLines.isEmpty());
    // The keys come out in formats.md's order.
    const QByteArray json = spec->toJson();
    QVERIFY(json.indexOf("\"type\"") < json.indexOf("\"title\""));
    QVERIFY(json.indexOf("\"pivot\"") < json.indexOf("\"target\""));
    QVERIFY(json.indexOf("\"band\"") < json.indexOf("\"reference_lines\""));
    // No "names": the project's setting, and nothing written.
    QVERIFY(!spec->names);
    QVERIFY(!json.contains("\"names\""));
}

void TestChartSpec::refused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    const QByteArray pivot = R"("pivot": {"rows": ["team"], "measures": ["count"]})";
    QTest::newRow("not JSON") << QByteArray("{") << QStringLiteral("JSON");
    QTest::newRow("an array") << QByteArray("[]") << QStringLiteral("object");
    QTest::newRow("unknown key") << QByteArray(R"({"type": "bar", "colour": "red", )" + pivot + "}")
                                 << QStringLiteral("colour");
    QTest::newRow("unknown type") << QByteArray(R"({"type": "pie", )" + pivot + "}") << QStringLiteral("pie");
    QTest::newRow("missing type") << QByteArray("{" + pivot + "}") << QStringLiteral("type");
    QTest::newRow("missing pivot") << QByteArray(R"({"type": "bar"})") << QStringLiteral("pivot");
    QTest::newRow("bad pivot") << QByteArray(R"({"type": "bar", "pivot": {"source": "tickets"}})")
                               << QStringLiteral("pivot");
    QTest::newRow("unknown theme") << QByteArray(R"({"type": "bar", "theme": "neon", )" + pivot + "}")
                                   << QStringLiteral("neon");
    QTest::newRow("target as text") << QByteArray(R"({"type": "bar", "target": "85", )" + pivot + "}")
                                    << QStringLiteral("target");
    QTest::newRow("labels as number") << QByteArray(R"({"type": "bar", "labels": 1, )" + pivot + "}")
                                      << QStringLiteral("labels");
    QTest::newRow("band") << QByteArray(R"({"type": "line", "band": "ci99", )" + pivot + "}") << QStringLiteral("band");
    QTest::newRow("names") << QByteArray(R"({"type": "bar", "names": "initials", )" + pivot + "}")
                           << QStringLiteral("names must be \"names\", \"ids\" or \"pseudonyms\"");
    QTest::newRow("annotation without text")
        << QByteArray(R"({"type": "line", "annotation": {"at": {"row": "x"}}, )" + pivot + "}")
        << QStringLiteral("annotation");
    QTest::newRow("reference line axis")
        << QByteArray(R"({"type": "line", "reference_lines": [{"axis": "z", "value": 1}], )" + pivot + "}")
        << QStringLiteral("axis");
    QTest::newRow("reference line value")
        << QByteArray(R"({"type": "line", "reference_lines": [{"axis": "y", "value": "high"}], )" + pivot + "}")
        << QStringLiteral("value");
    QTest::newRow("waterfall without rca") << QByteArray(R"({"type": "waterfall"})") << QStringLiteral("rca");
    QTest::newRow("rca on a bar") << QByteArray(R"({"type": "bar", "rca": {}, )" + pivot + "}")
                                  << QStringLiteral("rca");
    const QByteArray months = R"("pivot": {"rows": ["month"], "measures": ["pass_rate"]})";
    QTest::newRow("control on a bar") << QByteArray(R"({"type": "bar", "control": {"restart": "2026-05"}, )" + pivot + "}")
                                      << QStringLiteral("control belongs to p-chart and xmr");
    QTest::newRow("control unknown key")
        << QByteArray(R"({"type": "p-chart", "control": {"sigma": 2}, )" + months + "}") << QStringLiteral("sigma");
    QTest::newRow("control baseline as text")
        << QByteArray(R"({"type": "p-chart", "control": {"baseline": "2026-01"}, )" + months + "}")
        << QStringLiteral("control.baseline");
    QTest::newRow("control baseline backwards")
        << QByteArray(R"({"type": "p-chart", "control": {"baseline": {"from": "2026-06", "to": "2026-01"}}, )" + months +
                      "}")
        << QStringLiteral("after");
    QTest::newRow("control restart as number")
        << QByteArray(R"({"type": "xmr", "control": {"restart": 5}, )" + months + "}") << QStringLiteral("control.restart");
    QTest::newRow("control version_restart as text")
        << QByteArray(R"({"type": "xmr", "control": {"version_restart": "no"}, )" + months + "}")
        << QStringLiteral("version_restart");
}

void TestChartSpec::refused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!ChartSpec::fromJson(json, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TestChartSpec::validate_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::newRow("combo with two measures")
        << QByteArray(R"({"type": "combo", "pivot": {"rows": ["month"], "measures": ["count", "qa_score"]}})") << true;
    QTest::newRow("combo with one") << QByteArray(
                                           R"({"type": "combo", "pivot": {"rows": ["month"], "measures": ["count"]}})")
                                    << false;
    QTest::newRow("scatter with one")
        << QByteArray(R"({"type": "scatter", "pivot": {"rows": ["agent"], "measures": ["qa_score"]}})") << false;
    QTest::newRow("heatmap without cols")
        << QByteArray(R"({"type": "heatmap", "pivot": {"rows": ["team"], "measures": ["qa_score"]}})") << false;
    QTest::newRow("p-chart with cols")
        << QByteArray(
               R"({"type": "p-chart", "pivot": {"rows": ["month"], "cols": ["team"], "measures": ["pass_rate"]}})")
        << false;
    QTest::newRow("pareto without rows") << QByteArray(R"({"type": "pareto", "pivot": {"measures": ["count"]}})")
                                         << false;
    QTest::newRow("unknown measure")
        << QByteArray(R"({"type": "bar", "pivot": {"rows": ["team"], "measures": ["happiness"]}})") << false;
    QTest::newRow("no measure") << QByteArray(R"({"type": "bar", "pivot": {"rows": ["team"]}})") << false;
    QTest::newRow("waterfall") << QByteArray(R"({"type": "waterfall", "rca": {"metric": "csat_pct"}})") << false;
}

void TestChartSpec::validate()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QString error;
    const auto spec = ChartSpec::fromJson(json, &error);
    QVERIFY2(spec, qPrintable(error));
    QCOMPARE(spec->validate().isEmpty(), valid);
}

void TestChartSpec::typeNames()
{
    QCOMPARE(allChartTypes().size(), 13);
    for (ChartType t : allChartTypes())
        QCOMPARE(chartTypeFromName(chartTypeName(t)), std::optional<ChartType>(t));
    QCOMPARE(chartTypeName(ChartType::StackedBar100), QStringLiteral("stacked-bar-100"));
    QCOMPARE(chartTypeName(ChartType::PChart), QStringLiteral("p-chart"));
    QVERIFY(!chartTypeFromName(QStringLiteral("Bar")));
}

void TestChartSpec::displayLabels()
{
    QCOMPARE(chartDisplayLabel(QStringLiteral("2026-04")), QStringLiteral("Apr 2026"));
    QCOMPARE(chartDisplayLabel(QStringLiteral("2026-Q3")), QStringLiteral("Q3 2026"));
    QCOMPARE(chartDisplayLabel(QStringLiteral("2026-W07")), QStringLiteral("W07 2026"));
    QCOMPARE(chartDisplayLabel(QStringLiteral("2026-04-03")), QStringLiteral("3 Apr 2026"));
    QCOMPARE(chartDisplayLabel(QStringLiteral("Billing")), QStringLiteral("Billing"));
    QCOMPARE(chartDisplayLabel(QStringLiteral("2026-13")), QStringLiteral("2026-13"));
    QCOMPARE(chartDisplayLabels({QStringLiteral("2025-11"), QStringLiteral("2025-12"), QStringLiteral("2026-01"),
                                 QStringLiteral("2026-02")}),
             (QStringList{QStringLiteral("Nov 2025"), QStringLiteral("Dec"), QStringLiteral("Jan 2026"),
                          QStringLiteral("Feb")}));
}

void TestChartSpec::measureInfo()
{
    const ChartMeasureInfo qa = chartMeasureInfo(QStringLiteral("qa_score"), PivotSource::Audits);
    QCOMPARE(qa.unit, ValueUnit::Points);
    QCOMPARE(qa.field, QStringLiteral("score"));
    QVERIFY(!qa.rate);
    const ChartMeasureInfo crit = chartMeasureInfo(QStringLiteral("critical_rate"), PivotSource::Audits);
    QCOMPARE(crit.unit, ValueUnit::Percent);
    QVERIFY(crit.rate);
    QVERIFY(!crit.higherIsBetter);
    QCOMPARE(chartMeasureInfo(QStringLiteral("count"), PivotSource::Csat).label, QStringLiteral("Responses"));
    QCOMPARE(chartMeasureInfo(QStringLiteral("count"), PivotSource::Audits, PivotShowAs::PctGrand).unit,
             ValueUnit::Percent);
    QCOMPARE(chartMeasureInfo(QStringLiteral("median(score)"), PivotSource::Audits).field, QStringLiteral("score"));
    QCOMPARE(chartMeasureInfo(QStringLiteral("compliance"), PivotSource::Answers).fieldScale, 100.0);
}

void TestChartSpec::nextPeriod_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("next");
    QTest::newRow("month") << QStringLiteral("2026-04") << QStringLiteral("2026-05");
    QTest::newRow("December") << QStringLiteral("2025-12") << QStringLiteral("2026-01");
    QTest::newRow("quarter") << QStringLiteral("2026-Q4") << QStringLiteral("2027-Q1");
    QTest::newRow("week") << QStringLiteral("2026-W07") << QStringLiteral("2026-W08");
    QTest::newRow("52-week year") << QStringLiteral("2025-W52") << QStringLiteral("2026-W01");
    QTest::newRow("53-week year") << QStringLiteral("2026-W52") << QStringLiteral("2026-W53");
    QTest::newRow("after week 53") << QStringLiteral("2026-W53") << QStringLiteral("2027-W01");
    QTest::newRow("day") << QStringLiteral("2026-02-28") << QStringLiteral("2026-03-01");
    QTest::newRow("year") << QStringLiteral("2026") << QStringLiteral("2027");
    QTest::newRow("not a period") << QStringLiteral("Billing") << QString();
}

void TestChartSpec::nextPeriod()
{
    QFETCH(QString, label);
    QFETCH(QString, next);
    QCOMPARE(nextPeriodLabel(label), next);
}

// "Chart this": a period first in Rows gives a line, anything else bars; the pivot is kept whole;
// a layout with no row dimension or no measure cannot be charted and says why.
void TestChartSpec::chartFromPivotReadsTheLayout()
{
    PivotSpec pivot;
    pivot.source = PivotSource::Audits;
    pivot.rows = {QStringLiteral("month")};
    pivot.measures = {QStringLiteral("qa_score"), QStringLiteral("count")};
    pivot.filters << PivotFilter{QStringLiteral("queue"), false, {QStringLiteral("Returns")}};
    QString error;
    auto chart = chartFromPivot(pivot, &error);
    QVERIFY2(chart, qPrintable(error));
    QCOMPARE(chart->type, ChartType::Line);
    QCOMPARE(chart->pivot, pivot);
    QCOMPARE(chart->title, QStringLiteral("QA score by month"));
    pivot.rows = {QStringLiteral("csat_week")};
    QCOMPARE(chartFromPivot(pivot, &error)->type, ChartType::Line);
    pivot.rows = {QStringLiteral("team"), QStringLiteral("agent")};
    pivot.cols = {QStringLiteral("channel")};
    chart = chartFromPivot(pivot, &error);
    QVERIFY2(chart, qPrintable(error));
    QCOMPARE(chart->type, ChartType::Bar);
    QCOMPARE(chart->title, QStringLiteral("QA score by team and channel"));
    pivot.rows.clear();
    QVERIFY(!chartFromPivot(pivot, &error));
    QVERIFY(error.contains(QStringLiteral("Rows")));
    pivot.rows = {QStringLiteral("team")};
    pivot.measures.clear();
    QVERIFY(!chartFromPivot(pivot, &error));
    QVERIFY(error.contains(QStringLiteral("Values")));
}

// The control object: read into ChartControl, written only when it says something, and a bar chart
// carrying one (a form switched from p-chart) fails validation instead of losing it silently.
void TestChartSpec::controlReadAndWritten()
{
    QString error;
    const auto spec = ChartSpec::fromJson(R"({"type": "p-chart", "pivot": {"rows": ["month"], "measures": ["pass_rate"]},
        "control": {"baseline": {"from": "2026-01", "to": "2026-06"}, "restart": "2026-08", "version_restart": false}})",
                                          &error);
    QVERIFY2(spec, qPrintable(error));
    QCOMPARE(spec->control.baselineFrom, QStringLiteral("2026-01"));
    QCOMPARE(spec->control.baselineTo, QStringLiteral("2026-06"));
    QCOMPARE(spec->control.restart, QStringLiteral("2026-08"));
    QVERIFY(!spec->control.versionRestart);
    QVERIFY(spec->validate().isEmpty());
    QVERIFY(spec->toJson().contains(R"("control":{"baseline":{"from":"2026-01","to":"2026-06"},"restart":"2026-08","version_restart":false})"));
    ChartSpec plain = *spec;
    plain.control = {};
    QVERIFY(!plain.toJson().contains("control")); // the default is not written
    ChartSpec bar = *spec;
    bar.type = ChartType::Bar;
    QVERIFY(bar.validate().contains(QStringLiteral("control")));
}

void TestChartSpec::filterText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<PivotFilter>>("filters");
    QTest::addColumn<QString>("written");
    QTest::newRow("empty") << QString() << QList<PivotFilter>{} << QString();
    QTest::newRow("one in") << QStringLiteral("queue = Billing") << QList<PivotFilter>{{"queue", false, {"Billing"}}}
                            << QStringLiteral("queue = Billing");
    QTest::newRow("in and not in, loose spaces")
        << QStringLiteral("  queue=Billing ,Returns ;channel != phone; ")
        << QList<PivotFilter>{{"queue", false, {"Billing", "Returns"}}, {"channel", true, {"phone"}}}
        << QStringLiteral("queue = Billing, Returns; channel != phone");
    QTest::newRow("the not-equal sign") << QStringLiteral("channel ≠ phone, email")
                                        << QList<PivotFilter>{{"channel", true, {"phone", "email"}}}
                                        << QStringLiteral("channel != phone, email");
    QTest::newRow("a value with a comma, quoted")
        << QStringLiteral(R"(team = "Sales, EMEA", Alpha)")
        << QList<PivotFilter>{{"team", false, {"Sales, EMEA", "Alpha"}}} << QStringLiteral(R"(team = "Sales, EMEA", Alpha)");
    QTest::newRow("an equals sign inside quotes")
        << QStringLiteral(R"(reason = "a=b")") << QList<PivotFilter>{{"reason", false, {"a=b"}}}
        << QStringLiteral("reason = a=b");
}

// Filters as the Charts page form types them: read, and written back in one canonical spelling
// that reads to the same filters.
void TestChartSpec::filterText()
{
    QFETCH(QString, text);
    QFETCH(QList<PivotFilter>, filters);
    QFETCH(QString, written);
    QString error;
    const auto read = filtersFromText(text, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(*read, filters);
    QCOMPARE(filtersToText(*read), written);
    QCOMPARE(*filtersFromText(filtersToText(*read), &error), filters);
}

void TestChartSpec::filterTextRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no operator") << QStringLiteral("queue Billing") << QStringLiteral("“queue Billing” needs =");
    QTest::newRow("no dimension") << QStringLiteral("= Billing") << QStringLiteral("names no dimension");
    QTest::newRow("no value") << QStringLiteral("queue = ; channel = chat") << QStringLiteral("gives queue no value");
    QTest::newRow("twice") << QStringLiteral("queue = A; queue != B") << QStringLiteral("queue is filtered twice");
    QTest::newRow("open quote") << QStringLiteral(R"(team = "Sales, EMEA)") << QStringLiteral("not closed");
}

void TestChartSpec::filterTextRefused()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!filtersFromText(text, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestChartSpec)
#include "tst_chartspec.moc"

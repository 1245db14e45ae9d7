// SPDX-License-Identifier: GPL-3.0-or-later
// Sections sent from Insights to a report (issue 8, docs/reports.md "Sent sections"): the stored JSON
// round-trips and bad JSON is refused with what and where; the store keeps an ordered list per
// template with one change-log row per change; a built report has each sent section, recomputed for
// its period, with numbers equal to the Insights page's own computation of that period (the same
// core analyses, run independently here); removing one takes it out; agents follow the report's
// name display; the HTML carries their charts. With QL_SENTSECTIONS_PDF=FILE.pdf the monthly
// report with all six is written there.
#include "demo/demogenerator.h"
#include "insights/insightsdata.h"
#include "rca/rcaengine.h"
#include "rca/themes.h"
#include "report/reportbuilder.h"
#include "report/reportwriter.h"
#include "report/sentsectionstore.h"
#include "store/commentstore.h"
#include "store/criterionnames.h"
#include "store/project.h"
#include "store/savedviewstore.h"

#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace ql;

Q_DECLARE_METATYPE(ql::SentSection)

namespace {

// The report's way of writing a number: C locale, a real minus sign.
QString num(double value, int decimals)
{
    QString text = QLocale::c().toString(value, 'f', decimals);
    if (text.startsWith(QLatin1Char('-')))
        text.replace(0, 1, QChar(0x2212));
    return text;
}

// The report's way of writing a count: "1,204".
QString cnt(qint64 value)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(value);
}

SentSection section(SentSection::Analysis analysis, const QString &kpi = {}, const QString &dimension = {},
                    const QString &periodUnit = {}, bool auditors = false, const QList<PivotFilter> &filters = {})
{
    SentSection s;
    s.analysis = analysis;
    s.kpi = kpi;
    s.dimension = dimension;
    s.periodUnit = periodUnit;
    s.auditorComments = auditors;
    s.filters = filters;
    s.title = s.defaultTitle();
    return s;
}

QList<SentSection> allSix()
{
    using A = SentSection::Analysis;
    return {section(A::WhatChanged, QStringLiteral("csat_pct")),
            section(A::Drivers),
            section(A::Pareto, {}, QStringLiteral("reason")),
            section(A::Themes),
            section(A::Control, QStringLiteral("pass_rate"), {}, QStringLiteral("month")),
            section(A::Funnel, QStringLiteral("pass_rate"), QStringLiteral("team"))};
}

QStringList keys(const ReportDocument &doc)
{
    QStringList out;
    for (const ReportSection &s : doc.sections)
        out << s.key;
    return out;
}

const ReportBlock *block(const ReportSection &s, ReportBlock::Kind kind, int nth = 0)
{
    for (const ReportBlock &b : s.blocks)
        if (b.kind == kind && nth-- == 0)
            return &b;
    return nullptr;
}

QString allText(const ReportDocument &doc)
{
    QStringList out;
    for (const ReportSection &s : doc.sections) {
        out << s.title;
        for (const ReportBlock &b : s.blocks) {
            out << b.text << b.items;
            for (const QStringList &row : b.table.rows)
                out << row;
            out << b.chart.data.categories << b.chart.data.displayCategories << b.chart.spec.title;
            for (const ScatterPoint &p : b.chart.data.points)
                out << p.label;
            if (b.chart.data.waterfall)
                for (const WaterfallStep &w : b.chart.data.waterfall->steps)
                    out << w.label;
        }
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestSentSections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void badJson_data();
    void badJson();
    void storeKeepsAnOrderedListPerTemplate();
    void sectionsInTheReport();
    void numbersEqualTheInsightsPage();
    void controlChartOverTwelveMonths();
    void filtersReachTheSection();
    void scorecardFilterKeepsResponses();
    void removedSectionIsGone();
    void pseudonymsHideAgentNames();
    void damagedListSaysSo();
    void htmlHasTheCharts();

private:
    std::optional<ReportDocument> build(ReportTemplate kind, NameDisplay names = NameDisplay::Ids);
    bool store(const QList<SentSection> &sections, ReportTemplate kind = ReportTemplate::MonthlyQuality);
    qint64 changes() const;

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
};

void TestSentSections::initTestCase()
{
    QVERIFY(m_dir.isValid());
    ProjectError perr;
    m_project = Project::create(m_dir.filePath(QStringLiteral("demo.qlens")), true, &perr);
    QVERIFY2(m_project, qPrintable(perr.message));
    DemoOptions o;
    o.agents = 30;
    o.months = 6; // May to October 2026
    o.auditsPerAgentMonth = 10;
    QString error;
    QVERIFY2(generateDemo(*m_project, o, {}, &error), qPrintable(error));
}

std::optional<ReportDocument> TestSentSections::build(ReportTemplate kind, NameDisplay names)
{
    ReportOptions options;
    options.names = names;
    QString error;
    auto doc = ReportBuilder::build(m_project->database(), kind, QStringLiteral("2026-10"), options, &error);
    if (!doc)
        qWarning() << error;
    return doc;
}

bool TestSentSections::store(const QList<SentSection> &sections, ReportTemplate kind)
{
    QString error;
    const bool ok = SentSectionStore(m_project->database()).save(kind, sections, &error);
    if (!ok)
        qWarning() << error;
    return ok;
}

qint64 TestSentSections::changes() const
{
    QSqlQuery q(m_project->database());
    q.exec(QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'saved_view'"));
    return q.next() ? q.value(0).toLongLong() : -1;
}

void TestSentSections::jsonRoundTrip_data()
{
    using A = SentSection::Analysis;
    QTest::addColumn<SentSection>("section");
    QTest::addColumn<QString>("json");
    const QList<PivotFilter> billing{{QStringLiteral("queue"), false, {QStringLiteral("Billing")}}};
    QTest::newRow("what changed") << section(A::WhatChanged, QStringLiteral("qa_score"))
                                  << QStringLiteral("{\"analysis\":\"what-changed\",\"filters\":{},\"kpi\":\"qa_score\",\"title\":\"What changed in QA score\"}");
    QTest::newRow("drivers, filtered")
        << section(A::Drivers, {}, {}, {}, false, billing)
        << QStringLiteral("{\"analysis\":\"drivers\",\"filters\":{\"queue\":{\"in\":[\"Billing\"]}},\"title\":\"Drivers of CSAT (queue = Billing)\"}");
    QTest::newRow("pareto of root causes")
        << section(A::Pareto, {}, QStringLiteral("root_cause"))
        << QStringLiteral("{\"analysis\":\"pareto\",\"dimension\":\"root_cause\",\"filters\":{},\"title\":\"Pareto of root causes\"}");
    QTest::newRow("themes of auditors")
        << section(A::Themes, {}, {}, {}, true)
        << QStringLiteral("{\"analysis\":\"themes\",\"comments\":\"auditors\",\"filters\":{},\"title\":\"Themes of auditors' comments\"}");
    QTest::newRow("control chart by week")
        << section(A::Control, QStringLiteral("csat_pct"), {}, QStringLiteral("week"), false,
                   {{QStringLiteral("channel"), true, {QStringLiteral("chat"), QStringLiteral("email")}}})
        << QStringLiteral("{\"analysis\":\"control-chart\",\"filters\":{\"channel\":{\"not_in\":[\"chat\",\"email\"]}},\"kpi\":\"csat_pct\",\"period\":\"week\",\"title\":\"CSAT by week, control chart (channel ≠ chat, email)\"}");
    QTest::newRow("funnel of agents")
        << section(A::Funnel, QStringLiteral("qa_score"), QStringLiteral("agent"))
        << QStringLiteral("{\"analysis\":\"funnel\",\"dimension\":\"agent\",\"filters\":{},\"kpi\":\"qa_score\",\"title\":\"QA score of agents, funnel plot\"}");
}

void TestSentSections::jsonRoundTrip()
{
    QFETCH(SentSection, section);
    QFETCH(QString, json);
    // The stored form, key by key (QJsonDocument writes keys sorted).
    QCOMPARE(QString::fromUtf8(QJsonDocument(section.toJson()).toJson(QJsonDocument::Compact)), json);
    QString error;
    const auto back = SentSection::fromJson(QJsonDocument::fromJson(json.toUtf8()).object(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, section);
    // A list of them, as the store keeps it, in its order.
    const QList<SentSection> list{section, allSix().at(2), section};
    const auto listBack = SentSectionStore::fromJson(SentSectionStore::toJson(ReportTemplate::Mbr, list), &error);
    QVERIFY2(listBack, qPrintable(error));
    QCOMPARE(*listBack, list);
}

void TestSentSections::badJson_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QStringLiteral("{\"sections\": [") << QStringLiteral("not JSON");
    QTest::newRow("no list") << QStringLiteral("{\"template\": \"mbr\"}") << QStringLiteral("no \"sections\" list");
    QTest::newRow("unknown analysis") << QStringLiteral("{\"sections\":[{\"analysis\":\"pareto\",\"dimension\":\"reason\"},{\"analysis\":\"histogram\"}]}")
                                      << QStringLiteral("sent section 2: analysis must be what-changed, drivers, pareto, "
                                                        "themes, control-chart or funnel, not \"histogram\"");
    QTest::newRow("unknown KPI") << QStringLiteral("{\"sections\":[{\"analysis\":\"what-changed\",\"kpi\":\"nps_pct\"}]}")
                                 << QStringLiteral("sent section 1: kpi: unknown KPI \"nps_pct\"");
    QTest::newRow("pareto of agents") << QStringLiteral("{\"sections\":[{\"analysis\":\"pareto\",\"dimension\":\"agent\"}]}")
                                      << QStringLiteral("sent section 1: dimension must be reason or root_cause, not \"agent\"");
    QTest::newRow("control chart by day")
        << QStringLiteral("{\"sections\":[{\"analysis\":\"control-chart\",\"kpi\":\"pass_rate\",\"period\":\"day\"}]}")
        << QStringLiteral("sent section 1: period must be week or month, not \"day\"");
    QTest::newRow("themes of nobody") << QStringLiteral("{\"sections\":[{\"analysis\":\"themes\",\"comments\":\"agents\"}]}")
                                      << QStringLiteral("sent section 1: comments must be customers or auditors, not \"agents\"");
    QTest::newRow("filters as a list") << QStringLiteral("{\"sections\":[{\"analysis\":\"drivers\",\"filters\":[]}]}")
                                       << QStringLiteral("sent section 1: filters must be an object");
    QTest::newRow("a filter without values")
        << QStringLiteral("{\"sections\":[{\"analysis\":\"drivers\",\"filters\":{\"queue\":{}}}]}")
        << QStringLiteral("sent section 1: \"filters.queue\" needs exactly one of \"in\" and \"not_in\"");
}

void TestSentSections::badJson()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!SentSectionStore::fromJson(json.toUtf8(), &error));
    QVERIFY2(error.startsWith(message) || error.contains(message), qPrintable(error));
}

void TestSentSections::storeKeepsAnOrderedListPerTemplate()
{
    SentSectionStore s(m_project->database());
    QString error;
    QCOMPARE(s.load(ReportTemplate::Mbr, &error).value(), QList<SentSection>());
    const qint64 before = changes();
    const QList<SentSection> six = allSix();
    QVERIFY2(s.append(ReportTemplate::Mbr, six.at(4), &error), qPrintable(error));
    QVERIFY2(s.append(ReportTemplate::Mbr, six.at(0), &error), qPrintable(error));
    QCOMPARE(changes(), before + 2); // one change-log row each
    QCOMPARE(*s.load(ReportTemplate::Mbr, &error), (QList<SentSection>{six.at(4), six.at(0)}));
    // The other template has its own (none); saving the same list again writes nothing.
    QCOMPARE(*s.load(ReportTemplate::MonthlyQuality, &error), QList<SentSection>());
    QVERIFY(s.save(ReportTemplate::Mbr, {six.at(4), six.at(0)}, &error));
    QCOMPARE(changes(), before + 2);
    // The calibration report takes none.
    QVERIFY(!s.save(ReportTemplate::Calibration, six, &error));
    QVERIFY2(error.contains(QStringLiteral("Calibration")), qPrintable(error));
    // Kept beside the notes: a saved view of kind report.
    QVERIFY(SavedViewStore(m_project->database()).find(QStringLiteral("report"), QStringLiteral("mbr sections")));
    // The MBR gets them after its own sections and before its notes.
    const auto doc = build(ReportTemplate::Mbr);
    QVERIFY(doc);
    QCOMPARE(keys(*doc), (QStringList{QStringLiteral("headline"), QStringLiteral("charts"), QStringLiteral("sent-1"),
                                      QStringLiteral("sent-2"), QStringLiteral("actions"), QStringLiteral("commentary")}));
    QCOMPARE(doc->section(QStringLiteral("sent-1"))->title, six.at(4).title);
    QVERIFY(s.save(ReportTemplate::Mbr, {}, &error));
    QCOMPARE(changes(), before + 3);
}

void TestSentSections::sectionsInTheReport()
{
    QVERIFY(store(allSix()));
    const auto doc = build(ReportTemplate::MonthlyQuality);
    QVERIFY(doc);
    const QStringList k = keys(*doc);
    const qsizetype first = k.indexOf(QStringLiteral("sent-1"));
    QCOMPARE(k.mid(first, 9), (QStringList{QStringLiteral("sent-1"), QStringLiteral("sent-2"), QStringLiteral("sent-3"),
                                           QStringLiteral("sent-4"), QStringLiteral("sent-5"), QStringLiteral("sent-6"),
                                           QStringLiteral("commentary"), QStringLiteral("actions"),
                                           QStringLiteral("data-quality")}));
    QCOMPARE(k.at(first - 1), QStringLiteral("attention")); // after the template's own analyses
    // Chart and table: themes have no chart (none on the Insights page either).
    const QList<int> charts{1, 1, 1, 0, 1, 1};
    for (int i = 0; i < 6; ++i) {
        const ReportSection *s = doc->section(QStringLiteral("sent-%1").arg(i + 1));
        QCOMPARE(s->title, allSix().at(i).title);
        int n = 0;
        for (const ReportBlock &b : s->blocks)
            n += b.kind == ReportBlock::Kind::Chart ? 1 : 0;
        QVERIFY2(n == charts.at(i), qPrintable(s->title));
        // A control chart lists its signals, a funnel the units outside its limits, in a table, or
        // says that there are none.
        const bool noneToList = std::any_of(s->blocks.cbegin(), s->blocks.cend(), [](const ReportBlock &b) {
            return b.text.startsWith(QStringLiteral("No signals: ")) ||
                   (b.text.startsWith(QStringLiteral("No ")) && b.text.contains(QStringLiteral("outside the limits")));
        });
        QVERIFY2(block(*s, ReportBlock::Kind::Table) || (i >= 4 && noneToList), qPrintable(s->title));
        QVERIFY(s->blocks.last().text.startsWith(QStringLiteral("Sent from Insights; computed for ")));
    }
    QCOMPARE(doc->section(QStringLiteral("sent-1"))->blocks.last().text,
             QStringLiteral("Sent from Insights; computed for October 2026 against September 2026."));
    // Reproducible: the same project and period give the same document.
    const auto again = build(ReportTemplate::MonthlyQuality);
    QCOMPARE(QString::fromUtf8(ReportWriter::html(*again)), QString::fromUtf8(ReportWriter::html(*doc)));
}

void TestSentSections::numbersEqualTheInsightsPage()
{
    QVERIFY(store(allSix()));
    const auto doc = build(ReportTemplate::MonthlyQuality);
    QVERIFY(doc);
    // The Insights page's computation with the report's periods: October against September, and
    // October's dates for the analyses of a date range.
    InsightsRequest rq;
    rq.base = QStringLiteral("2026-09");
    rq.current = QStringLiteral("2026-10");
    rq.from = QDate(2026, 10, 1);
    rq.to = QDate(2026, 10, 31);
    rq.metric = QStringLiteral("csat_pct");
    rq.controlMetric = QStringLiteral("pass_rate");
    rq.funnelUnit = QStringLiteral("team");
    const InsightsData insights = InsightsCompute::run(m_project->database(), rq, {});
    QVERIFY2(insights.error.isEmpty(), qPrintable(insights.error));

    // What changed: the sentence, and the top dimension's elements (the demo's Returns drop).
    QVERIFY2(insights.whatChanged, qPrintable(insights.whatChangedError));
    const ReportSection *changed = doc->section(QStringLiteral("sent-1"));
    QCOMPARE(block(*changed, ReportBlock::Kind::Paragraph)->text, insights.whatChanged->summary);
    const rca::Dimension &top = insights.whatChanged->analysis.dimensions.first();
    const ReportTable &elements = block(*changed, ReportBlock::Kind::Table)->table;
    QCOMPARE(elements.header.first(), top.name);
    QCOMPARE(elements.rows.size(), std::min<qsizetype>(15, top.elements.size()));
    for (int i = 0; i < elements.rows.size(); ++i) {
        const rca::Element &e = top.elements.at(i);
        QCOMPARE(elements.rows.at(i).at(0), e.label);
        QCOMPARE(elements.rows.at(i).at(1), num(e.contribution, 2));
        QCOMPARE(elements.rows.at(i).at(7), cnt(e.base.n));
    }
    const ReportBlock *waterfall = block(*changed, ReportBlock::Kind::Chart);
    QCOMPARE(waterfall->chart.data.waterfall->start, insights.contributions.data->waterfall->start);
    QCOMPARE(waterfall->chart.data.waterfall->end, insights.contributions.data->waterfall->end);

    // Drivers: the ranked criteria in the engine's order with their numbers.
    const ReportTable &drivers = block(*doc->section(QStringLiteral("sent-2")), ReportBlock::Kind::Table)->table;
    int row = 0;
    for (const rca::Driver &d : insights.drivers.drivers) {
        if (!d.ranked)
            continue;
        QCOMPARE(drivers.rows.at(row).at(0), CriterionNames::load(m_project->database()).value(d.criterion));
        QCOMPARE(drivers.rows.at(row).at(1), num(*d.csatPassed, 1));
        QCOMPARE(drivers.rows.at(row).at(7), num(d.potentialGain, 2));
        QCOMPARE(drivers.rows.at(row).at(8), cnt(d.failed));
        ++row;
    }
    QVERIFY(row > 0);
    QCOMPARE(drivers.rows.size(), row);

    // The Pareto of reasons: every category with its count and share; the chart draws the same.
    QVERIFY(insights.reasons);
    const ReportSection *pareto = doc->section(QStringLiteral("sent-3"));
    const ReportTable &reasons = block(*pareto, ReportBlock::Kind::Table)->table;
    QCOMPARE(reasons.rows.size(), insights.reasons->items.size());
    qint64 sum = 0;
    for (int i = 0; i < reasons.rows.size(); ++i) {
        const rca::ParetoItem &item = insights.reasons->items.at(i);
        QCOMPARE(reasons.rows.at(i).at(0), item.label);
        QCOMPARE(reasons.rows.at(i).at(1), cnt(item.count));
        QCOMPARE(reasons.rows.at(i).at(2), num(item.share, 1) + QLatin1Char('%'));
        sum += item.count;
    }
    QCOMPARE(sum, insights.reasons->total);
    QCOMPARE(block(*pareto, ReportBlock::Kind::Chart)->chart.data.categories,
             insights.reasonsChart.data->categories);

    // Comment themes: the strongest of each side, with z and counts.
    const ReportTable &themes = block(*doc->section(QStringLiteral("sent-4")), ReportBlock::Kind::Table)->table;
    QVERIFY(!insights.themes.themes.isEmpty());
    const rca::Theme &strongest = insights.themes.themes.first();
    QCOMPARE(themes.rows.first().at(2), num(strongest.z, 2));
    QCOMPARE(themes.rows.first().at(3), cnt(strongest.focusDocs));
    const rca::Theme &other = insights.themes.themes.last();
    if (other.z < 0) {
        const qsizetype firstOther = std::find_if(themes.rows.begin(), themes.rows.end(),
                                                  [](const QStringList &r) { return r.at(2).startsWith(QChar(0x2212)); })
                                     - themes.rows.begin();
        QCOMPARE(themes.rows.at(firstOther).at(2), num(other.z, 2));
    }

    // The funnel of teams: the same statuses, and the table lists those on the bad side.
    const ReportSection *funnelSection = doc->section(QStringLiteral("sent-6"));
    const ChartData &funnel = block(*funnelSection, ReportBlock::Kind::Chart)->chart.data;
    const ChartData &pageFunnel = *insights.funnelChart.data;
    QCOMPARE(funnel.categories, pageFunnel.categories);
    QCOMPARE(funnel.funnel->status, pageFunnel.funnel->status);
    QCOMPARE(funnel.funnel->centre, pageFunnel.funnel->centre);
    const qsizetype flagged = std::count_if(funnel.funnel->status.begin(), funnel.funnel->status.end(), [](stats::FunnelStatus s) {
        return s == stats::FunnelStatus::ToWatch || s == stats::FunnelStatus::NeedsAttention;
    });
    const ReportBlock *flaggedTable = block(*funnelSection, ReportBlock::Kind::Table);
    QCOMPARE(flaggedTable ? flaggedTable->table.rows.size() : 0, flagged);
}

void TestSentSections::controlChartOverTwelveMonths()
{
    QVERIFY(store({allSix().at(4)}));
    const auto doc = build(ReportTemplate::MonthlyQuality);
    QVERIFY(doc);
    const ChartData &chart = block(*doc->section(QStringLiteral("sent-1")), ReportBlock::Kind::Chart)->chart.data;
    // The 12 months to October 2026 hold the demo's six (May to October).
    InsightsRequest rq;
    rq.from = QDate(2025, 11, 1);
    rq.to = QDate(2026, 10, 31);
    rq.controlMetric = QStringLiteral("pass_rate");
    const InsightsData insights = InsightsCompute::run(m_project->database(), rq, {});
    const ChartData &page = *insights.controlChart.data;
    QCOMPARE(chart.categories, (QStringList{QStringLiteral("2026-05"), QStringLiteral("2026-06"), QStringLiteral("2026-07"),
                                           QStringLiteral("2026-08"), QStringLiteral("2026-09"), QStringLiteral("2026-10")}));
    QCOMPARE(chart.categories, page.categories);
    QVERIFY(chart.pChart && page.pChart);
    QCOMPARE(chart.pChart->p, page.pChart->p);
    QCOMPARE(chart.pChart->centre, page.pChart->centre);
    QCOMPARE(chart.pChart->signals, page.pChart->signals);
}

void TestSentSections::filtersReachTheSection()
{
    const QList<PivotFilter> returns{{QStringLiteral("queue"), false, {QStringLiteral("Returns")}}};
    SentSection pareto = section(SentSection::Analysis::Pareto, {}, QStringLiteral("reason"), {}, false, returns);
    QVERIFY(store({allSix().at(2), pareto}));
    const auto doc = build(ReportTemplate::MonthlyQuality);
    QVERIFY(doc);
    InsightsRequest rq;
    rq.base = QStringLiteral("2026-09");
    rq.current = QStringLiteral("2026-10");
    rq.filters = returns;
    const InsightsData insights = InsightsCompute::run(m_project->database(), rq, {});
    const ReportSection *s = doc->section(QStringLiteral("sent-2"));
    QCOMPARE(s->title, QStringLiteral("Pareto of CSAT reasons (queue = Returns)"));
    const ReportTable &t = block(*s, ReportBlock::Kind::Table)->table;
    QCOMPARE(t.rows.size(), insights.reasons->items.size());
    // docs/demo.md: Returns' October complaints are mostly about refund delays.
    QCOMPARE(t.rows.first().at(0), QStringLiteral("Refund delay"));
    QCOMPARE(t.rows.first().at(1), cnt(insights.reasons->items.first().count));
    // Fewer responses than without the filter.
    const ReportTable &all = block(*doc->section(QStringLiteral("sent-1")), ReportBlock::Kind::Table)->table;
    qint64 filtered = 0, unfiltered = 0;
    for (const QStringList &r : t.rows)
        filtered += QLocale(QLocale::English).toLongLong(r.at(1));
    for (const QStringList &r : all.rows)
        unfiltered += QLocale(QLocale::English).toLongLong(r.at(1));
    QVERIFY(filtered > 0 && filtered < unfiltered);
    QCOMPARE(s->blocks.last().text, QStringLiteral("Sent from Insights; computed for October 2026. Filters: queue = Returns."));
}

// Sent from Insights with the filter bar's sample type: the reasons (responses, which have no sample
// type) are those of queue Returns alone, and the note says why; an audit KPI takes the filter.
void TestSentSections::scorecardFilterKeepsResponses()
{
    const QList<PivotFilter> returns{{QStringLiteral("queue"), false, {QStringLiteral("Returns")}}};
    QList<PivotFilter> withSample = returns;
    withSample << PivotFilter{QStringLiteral("sample_type"), false, {QStringLiteral("random")}};
    using A = SentSection::Analysis;
    QVERIFY(store({section(A::Pareto, {}, QStringLiteral("reason"), {}, false, returns),
                   section(A::Pareto, {}, QStringLiteral("reason"), {}, false, withSample),
                   section(A::WhatChanged, QStringLiteral("qa_score"), {}, {}, false, withSample)}));
    const auto doc = build(ReportTemplate::MonthlyQuality);
    QVERIFY(doc);
    const ReportBlock *plain = block(*doc->section(QStringLiteral("sent-1")), ReportBlock::Kind::Table);
    const ReportBlock *sampled = block(*doc->section(QStringLiteral("sent-2")), ReportBlock::Kind::Table);
    QVERIFY(plain && sampled);
    QVERIFY(!plain->table.rows.isEmpty());
    QCOMPARE(sampled->table.rows, plain->table.rows);
    QVERIFY(doc->section(QStringLiteral("sent-2"))->blocks.last().text.contains(QStringLiteral("filter audits only")));
    QVERIFY2(!allText(*doc).contains(QStringLiteral("not analysed")) && !allText(*doc).contains(QStringLiteral("Not analysed")),
             qPrintable(allText(*doc)));
}

void TestSentSections::removedSectionIsGone()
{
    const QList<SentSection> six = allSix();
    QVERIFY(store(six));
    QList<SentSection> five = six;
    five.removeAt(1); // the drivers
    QVERIFY(store(five));
    const auto doc = build(ReportTemplate::MonthlyQuality);
    QVERIFY(doc);
    QVERIFY(!doc->section(QStringLiteral("sent-6")));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(doc->section(QStringLiteral("sent-%1").arg(i + 1))->title, five.at(i).title);
    QVERIFY(!allText(*doc).contains(six.at(1).title));
    QVERIFY(store({}));
    const auto none = build(ReportTemplate::MonthlyQuality);
    QVERIFY(!keys(*none).join(QLatin1Char(',')).contains(QStringLiteral("sent")));
}

void TestSentSections::pseudonymsHideAgentNames()
{
    // Agents appear in the funnel of agents, the drivers' quadrant and possibly the change's elements.
    using A = SentSection::Analysis;
    QVERIFY(store({section(A::Funnel, QStringLiteral("pass_rate"), QStringLiteral("agent")), section(A::Drivers),
                   section(A::WhatChanged, QStringLiteral("qa_score"))}));
    QStringList names, ids;
    QSqlQuery q(m_project->database());
    QVERIFY(q.exec(QStringLiteral("SELECT agent_key, name FROM agents")));
    while (q.next()) {
        ids << q.value(0).toString();
        names << q.value(1).toString();
    }
    QVERIFY(names.size() >= 30);
    const auto pseudonyms = build(ReportTemplate::MonthlyQuality, NameDisplay::Pseudonyms);
    QVERIFY(pseudonyms);
    const QString text = allText(*pseudonyms);
    for (const QString &name : std::as_const(names))
        QVERIFY2(!text.contains(name), qPrintable(name));
    for (const QString &id : std::as_const(ids))
        QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(id))), qPrintable(id));
    const ChartData &funnel = block(*pseudonyms->section(QStringLiteral("sent-1")), ReportBlock::Kind::Chart)->chart.data;
    // One point per agent audited in the period (an agent without audits that month has none).
    QVERIFY(!funnel.categories.isEmpty() && funnel.categories.size() <= ids.size());
    for (const QString &c : funnel.categories)
        QVERIFY2(c.startsWith(QStringLiteral("Agent ")), qPrintable(c));
    // By name, the same funnel shows the roster's names.
    const auto byName = build(ReportTemplate::MonthlyQuality, NameDisplay::Names);
    const ChartData &named = block(*byName->section(QStringLiteral("sent-1")), ReportBlock::Kind::Chart)->chart.data;
    for (const QString &c : named.categories)
        QVERIFY2(names.contains(c), qPrintable(c));
    QVERIFY(store({}));
}

void TestSentSections::damagedListSaysSo()
{
    SavedViewStore views(m_project->database());
    QString error;
    QVERIFY(store({allSix().first()}));
    const auto view = views.find(QStringLiteral("report"), QStringLiteral("monthly-quality sections"));
    QVERIFY(view);
    QVERIFY(views.updateSpec(view->id, "{\"sections\":[{\"analysis\":\"what-changed\",\"kpi\":\"happiness\"}]}", &error));
    const auto doc = build(ReportTemplate::MonthlyQuality);
    QVERIFY(doc); // the report is still written, and says what is wrong
    const ReportSection *s = doc->section(QStringLiteral("sent"));
    QVERIFY(s);
    QVERIFY2(s->blocks.first().text.contains(QStringLiteral("sent section 1: kpi: unknown KPI \"happiness\"")),
             qPrintable(s->blocks.first().text));
    QVERIFY(store({}));
}

void TestSentSections::htmlHasTheCharts()
{
    const auto plain = build(ReportTemplate::MonthlyQuality);
    QVERIFY(store(allSix()));
    const auto doc = build(ReportTemplate::MonthlyQuality);
    QVERIFY(plain && doc);
    const QByteArray before = ReportWriter::html(*plain);
    const QByteArray html = ReportWriter::html(*doc);
    QCOMPARE(int(html.count("<svg")), int(before.count("<svg")) + 5); // one chart each but the themes
    for (const SentSection &s : allSix())
        QVERIFY2(html.contains(s.title.toHtmlEscaped().toUtf8()), qPrintable(s.title));
    // QL_SENTSECTIONS_PDF=FILE.pdf writes the report with them, to look at.
    if (const QString out = qEnvironmentVariable("QL_SENTSECTIONS_PDF"); !out.isEmpty()) {
        const auto named = build(ReportTemplate::MonthlyQuality, NameDisplay::Names);
        QString error;
        QVERIFY2(ReportWriter::write(*named, out, ReportWriter::Format::Pdf, &error), qPrintable(error));
    }
    QVERIFY(store({}));
}

QTEST_MAIN(TestSentSections)
#include "tst_sentsections.moc"

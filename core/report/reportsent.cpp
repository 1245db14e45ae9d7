// SPDX-License-Identifier: GPL-3.0-or-later
// The sections sent from Insights (docs/reports.md "Sent sections"), recomputed for the report's
// period with the same core analyses the Insights page runs.
#include "chart/chartdatabuilder.h"
#include "chart/waterfall.h"
#include "pivot/cubecache.h"
#include "rca/drivers.h"
#include "rca/pareto.h"
#include "rca/quadrant.h"
#include "rca/rcaengine.h"
#include "rca/rcasummary.h"
#include "rca/sourcefilters.h"
#include "rca/themes.h"
#include "reportparts.h"
#include "sentsectionstore.h"
#include "store/commentstore.h"
#include "store/projectsettings.h"

#include <QHash>

#include <cmath>

namespace ql::report {

namespace {

// What the sent sections share: the cubes (the answers one read once, when a section needs it) and
// the agents' names by key.
struct SentContext
{
    const Context &c;
    std::shared_ptr<const Cube> answers;
    QString answersError;
    bool answersTried = false;
    QHash<QString, QString> agentNames;

    const Cube *cube(PivotSource source)
    {
        if (source == PivotSource::Answers) {
            if (!answersTried) {
                answersTried = true;
                if (c.audits)
                    answers = CubeCache::obtain(c.db, PivotSource::Answers, {}, &answersError, c.audits).cube;
            }
            return answers.get();
        }
        return source == PivotSource::Csat ? c.csat.get() : c.audits.get();
    }
    QString cubeError() const { return answersError.isEmpty() ? QStringLiteral("the data could not be read") : answersError; }

    // An agent key as the report shows agents (names, ids or pseudonyms).
    QString agent(const QString &key) const { return c.agent(key, agentNames.value(key)); }
};

QHash<QString, QString> agentNamesOf(const Cube *audits)
{
    QHash<QString, QString> out;
    if (!audits)
        return out;
    const auto keys = audits->findDimension(QStringLiteral("agent"));
    const auto names = audits->findDimension(QStringLiteral("agent_name"));
    if (!keys || !names)
        return out;
    const CubeDimension &k = *keys.dimension;
    const CubeDimension &n = *names.dimension;
    for (qsizetype i = 0; i < k.labels.size(); ++i) {
        const qsizetype at = n.map.empty() ? i : (std::size_t(i) < n.map.size() ? n.map[std::size_t(i)] : -1);
        if (at >= 0 && at < n.labels.size())
            out.insert(k.labels.at(i), n.labels.at(at));
    }
    return out;
}

QString filtersNote(const SentSection &s)
{
    QStringList parts;
    for (const PivotFilter &f : s.filters)
        parts << QStringLiteral("%1 %2 %3").arg(f.dimension, f.exclude ? QStringLiteral("≠") : QStringLiteral("="),
                                                f.values.join(QStringLiteral(", ")));
    if (parts.isEmpty())
        return {};
    QString note = QStringLiteral(" Filters: %1.").arg(parts.join(QStringLiteral("; ")));
    for (const PivotFilter &f : s.filters)
        if (f.dimension == QLatin1String("scorecard") || f.dimension == QLatin1String("sample_type")) {
            note += QStringLiteral(" Scorecard and sample type filter audits only: CSAT responses have neither, "
                                   "so CSAT numbers count every response of the other filters.");
            break;
        }
    return note;
}

std::optional<ReportChart> chartOn(SentContext &sc, const ChartSpec &spec, double aspect, qint64 minSample, QString *why)
{
    const Cube *cube = sc.cube(spec.pivot.source);
    if (!cube) {
        *why = sc.cubeError();
        return std::nullopt;
    }
    ChartContext context = sc.c.chartContext;
    context.minSample = minSample;
    ChartSpec onCube = spec;
    onCube.pivot.filters = rca::filtersFor(*cube, spec.pivot.filters); // responses: no scorecard, no sample type
    auto data = ChartDataBuilder::build(*cube, onCube, sc.c.pivotOptions, context, why);
    if (!data)
        return std::nullopt;
    ReportChart out;
    out.spec = onCube;
    out.data = *data;
    out.aspect = aspect;
    return out;
}

ChartSpec specOf(ChartType type, const QString &title, PivotSource source, const QString &row, const QString &measure,
                 const SentSection &s, const KpiPeriod &range)
{
    ChartSpec spec;
    spec.type = type;
    spec.title = title;
    spec.theme = QStringLiteral("light");
    spec.pivot.source = source;
    spec.pivot.rows = {row};
    spec.pivot.measures = {measure};
    spec.pivot.filters = s.filters;
    spec.pivot.from = range.from;
    spec.pivot.to = range.to;
    return spec;
}

// Agents' labels in an RCA result shown as the report shows agents, with the sentence written again.
void relabelAgents(const SentContext &sc, rca::Result &r)
{
    auto relabel = [&sc](rca::Analysis &a) {
        for (rca::Dimension &d : a.dimensions)
            if (d.name == QLatin1String("agent"))
                for (rca::Element &e : d.elements)
                    e.label = sc.agent(e.label);
    };
    relabel(r.analysis);
    if (r.drill)
        relabel(*r.drill);
    if (r.drillDimension == QLatin1String("agent"))
        r.drillElement = sc.agent(r.drillElement);
    r.summary = rca::summarise(r);
}

ReportTable elementsTable(const rca::Dimension &d, bool percent, int maxRows, int *left)
{
    ReportTable t;
    const QString unit = percent ? QStringLiteral(" %") : QString();
    t.header = {d.name, QStringLiteral("Contribution (pts)"), QStringLiteral("Share of change"), QStringLiteral("Rate effect"),
                QStringLiteral("Mix effect"), QStringLiteral("Base") + unit, QStringLiteral("Current") + unit,
                QStringLiteral("Base n"), QStringLiteral("Current n"), QStringLiteral("Significant")};
    t.numeric = {false, true, true, true, true, true, true, true, true, false};
    t.widths = {2.2, 1.2, 1, 1, 1, 1, 1, 0.9, 0.9, 1};
    *left = 0;
    for (const rca::Element &e : d.elements) {
        if (t.rows.size() >= maxRows) {
            ++*left;
            continue;
        }
        t.rows << QStringList{e.label, number(e.contribution, 2),
                              e.shareOfChange ? report::percent(*e.shareOfChange * 100, 0) : QStringLiteral("–"),
                              number(e.rateEffect, 2), number(e.mixEffect, 2),
                              e.base.n ? number(e.base.value, 1) : QStringLiteral("–"),
                              e.current.n ? number(e.current.value, 1) : QStringLiteral("–"), count(e.base.n),
                              count(e.current.n),
                              (e.significant ? QStringLiteral("yes") : QStringLiteral("no"))
                                  + (e.smallSample ? QStringLiteral(" †") : QString())};
    }
    return t;
}

void whatChanged(SentContext &sc, const SentSection &s, ReportSection &out)
{
    const Context &c = sc.c;
    QString error;
    const auto metric = rca::Metric::parse(s.kpi, &error);
    const auto base = rca::Period::parse(c.period.previous().label());
    const auto current = rca::Period::parse(c.period.label());
    const Cube *cube = metric ? sc.cube(metric->source) : nullptr;
    if (!metric || !base || !current || !cube) {
        out.blocks << ReportBlock::paragraph(
            QStringLiteral("Not analysed: %1.").arg(!metric ? error : !cube ? sc.cubeError() : QStringLiteral("the period has no previous one")));
        return;
    }
    rca::Request request;
    request.metric = *metric;
    request.base = *base;
    request.current = *current;
    request.filters = rca::filtersFor(*cube, s.filters);
    const ProjectSettings settings(c.db);
    rca::Settings rs;
    rs.minSample = metric->source == PivotSource::Csat ? c.minResponses : c.minAudits;
    rs.minChange = settings.value(ProjectSettings::RcaMinimumChange).toDouble();
    auto result = rca::RcaEngine::run(*cube, request, c.pivotOptions, rs, &error);
    if (!result) {
        out.blocks << ReportBlock::paragraph(QStringLiteral("%1, %2 against %3: not analysed (%4).")
                                                 .arg(metric->title, current->label, base->label, error));
        return;
    }
    relabelAgents(sc, *result);
    out.blocks << ReportBlock::paragraph(result->summary);
    for (const QString &w : std::as_const(result->warnings))
        out.blocks << ReportBlock::note(w);
    if (result->analysis.dimensions.isEmpty())
        return;
    QString why;
    if (const auto data = waterfallChartData(*result, &why, 13)) {
        ReportChart chart;
        chart.spec = waterfallSpec(*result);
        chart.data = *data;
        chart.aspect = 0.55;
        out.blocks << ReportBlock::chartBlock(chart);
    }
    const rca::Dimension &top = result->analysis.dimensions.first();
    int left = 0;
    out.blocks << ReportBlock::heading(QStringLiteral("By %1").arg(top.name))
               << ReportBlock::tableBlock(elementsTable(top, metric->percent, 15, &left));
    if (left > 0)
        out.blocks << ReportBlock::note(QStringLiteral("%1 smaller %2 not shown.")
                                            .arg(left)
                                            .arg(left == 1 ? QStringLiteral("element is") : QStringLiteral("elements are")));
    if (result->drill && !result->drill->dimensions.isEmpty()) {
        const rca::Dimension &d = result->drill->dimensions.first();
        out.blocks << ReportBlock::heading(QStringLiteral("Inside %1 %2, by %3").arg(result->drillDimension, result->drillElement, d.name))
                   << ReportBlock::tableBlock(elementsTable(d, metric->percent, 10, &left));
    }
    out.blocks << ReportBlock::note(QStringLiteral("Contributions in points of %1 (rate + mix effect); p-values Holm-adjusted "
                                                   "within the dimension; † under the minimum sample.")
                                        .arg(metric->title));
}

void drivers(SentContext &sc, const SentSection &s, ReportSection &out)
{
    const Context &c = sc.c;
    const Cube *answers = sc.cube(PivotSource::Answers);
    if (!answers) {
        out.blocks << ReportBlock::paragraph(QStringLiteral("Not analysed: %1.").arg(sc.cubeError()));
        return;
    }
    rca::DriversOptions options;
    options.from = c.period.from;
    options.to = c.period.to;
    options.filters = s.filters;
    const rca::DriversResult r = rca::Drivers::compute(*answers, c.pivotOptions, options);
    if (!r.error.isEmpty()) {
        out.blocks << ReportBlock::paragraph(QStringLiteral("Not analysed: %1").arg(r.error));
        return;
    }
    out.blocks << ReportBlock::paragraph(
        QStringLiteral("%1 audits joined to their ticket's CSAT response; left out: %2 CSAT-triggered, %3 not official or "
                       "not counted, %4 without a response. %5")
            .arg(count(r.joinedAudits), count(r.excludedCsatTriggered), count(r.excludedNotCounted),
                 count(r.excludedNoResponse), r.note));
    int unranked = 0;
    const ReportTable t = driversTable(r, &unranked, c.chartContext.criterionNames); // by name: the cube knows the keys
    if (t.rows.isEmpty())
        out.blocks << ReportBlock::paragraph(QStringLiteral("No criterion has enough failed and passed answers to rank."));
    else
        out.blocks << ReportBlock::tableBlock(t);
    if (unranked > 0)
        out.blocks << ReportBlock::note(QStringLiteral("%1 %2 too few failed or passed answers to rank (not shown). An interval "
                                                       "above zero (red) means passing goes with higher CSAT.")
                                            .arg(unranked)
                                            .arg(unranked == 1 ? QStringLiteral("criterion has") : QStringLiteral("criteria have")));

    // The QA-against-CSAT quadrant of agents, as on the Insights page, with agents shown as the report shows them.
    QString why;
    const auto quadrant = c.audits && c.csat
                              ? rca::QuadrantBuilder::build(*c.audits, *c.csat, QStringLiteral("agent"), s.filters, c.period.from,
                                                            c.period.to, c.pivotOptions, c.minAudits, c.minResponses, &why)
                              : std::nullopt;
    ChartSpec scatter = specOf(ChartType::Scatter, QStringLiteral("QA score against CSAT by agent"), PivotSource::Audits,
                               QStringLiteral("agent"), QStringLiteral("qa_score"), s, c.period);
    scatter.pivot.measures << QStringLiteral("csat_pct") << QStringLiteral("count");
    scatter.subtitle = QStringLiteral("%1. Lines: the overall QA score and CSAT; grey: below the minimum sample").arg(periodTitle(c.period));
    if (quadrant && quadrant->qaScore)
        scatter.referenceLines << ChartReferenceLine{QStringLiteral("x"), *quadrant->qaScore,
                                                     QStringLiteral("QA %1").arg(number(*quadrant->qaScore, 1))};
    if (quadrant && quadrant->csatPct)
        scatter.referenceLines << ChartReferenceLine{QStringLiteral("y"), *quadrant->csatPct,
                                                     QStringLiteral("CSAT %1").arg(percent(*quadrant->csatPct))};
    if (auto chart = chartOn(sc, scatter, 0.6, c.minAudits, &why)) {
        for (ScatterPoint &p : chart->data.points)
            p.label = sc.agent(p.label);
        for (QString &label : chart->data.categories)
            label = sc.agent(label);
        chart->data.displayCategories = chart->data.categories;
        out.blocks << ReportBlock::chartBlock(*chart);
    } else {
        out.blocks << ReportBlock::note(QStringLiteral("The quadrant cannot be drawn: %1").arg(why));
    }
}

void pareto(SentContext &sc, const SentSection &s, ReportSection &out)
{
    const Context &c = sc.c;
    const bool reasons = s.dimension == QLatin1String("reason");
    const PivotSource source = reasons ? PivotSource::Csat : PivotSource::Answers;
    const Cube *cube = sc.cube(source);
    const auto period = rca::Period::parse(c.period.label());
    if (!cube || !period) {
        out.blocks << ReportBlock::paragraph(QStringLiteral("Not analysed: %1.").arg(sc.cubeError()));
        return;
    }
    QString error;
    const auto p = rca::ParetoBuilder::build(*cube, s.dimension, *period, rca::filtersFor(*cube, s.filters),
                                             c.pivotOptions, &error);
    if (!p) {
        out.blocks << ReportBlock::paragraph(QStringLiteral("Not analysed: %1").arg(error));
        return;
    }
    if (p->items.isEmpty()) {
        out.blocks << ReportBlock::paragraph(reasons ? QStringLiteral("No CSAT response in %1 gave a reason.").arg(periodTitle(c.period))
                                                     : QStringLiteral("No failed answer in %1 has a root cause.").arg(periodTitle(c.period)));
        return;
    }
    ChartSpec spec = specOf(ChartType::Pareto, reasons ? QStringLiteral("CSAT reasons") : QStringLiteral("Root causes of failed answers"),
                            source, s.dimension, QStringLiteral("count"), s, {});
    spec.pivot.from = {};
    spec.pivot.to = {};
    spec.pivot.filters << PivotFilter{s.dimension, true, {QStringLiteral("(blank)")}};
    spec.pivot.filters << PivotFilter{period->dimension, false, {period->label}};
    spec.subtitle = periodTitle(c.period);
    spec.labels = true;
    QString why;
    if (const auto chart = chartOn(sc, spec, 0.5, 0, &why))
        out.blocks << ReportBlock::chartBlock(*chart);
    else
        out.blocks << ReportBlock::note(QStringLiteral("The chart cannot be drawn: %1").arg(why));
    ReportTable t;
    t.header = {reasons ? QStringLiteral("Reason") : QStringLiteral("Root cause"), QStringLiteral("Count"), QStringLiteral("Share"),
                QStringLiteral("Cumulative"), QStringLiteral("Vital few"), QStringLiteral("New or recurring")};
    t.numeric = {false, true, true, true, false, false};
    t.widths = {2.6, 1, 1, 1, 1, 1.3};
    for (const rca::ParetoItem &item : p->items)
        t.rows << QStringList{item.label, count(item.count), percent(item.share), percent(item.cumulative),
                              item.vitalFew ? QStringLiteral("yes") : QString(),
                              item.isNew ? QStringLiteral("new") : QStringLiteral("recurring")};
    out.blocks << ReportBlock::tableBlock(t)
               << ReportBlock::note(QStringLiteral("%1 %2 in %3; new = absent in each of %4.")
                                        .arg(count(p->total), reasons ? QStringLiteral("responses with a reason")
                                                                      : QStringLiteral("root causes on failed answers"),
                                             periodTitle(c.period), p->previousPeriods.join(QStringLiteral(", "))));
}

void themes(SentContext &sc, const SentSection &s, ReportSection &out)
{
    const Context &c = sc.c;
    QString error;
    auto comments = s.auditorComments ? CommentStore::auditorComments(c.db, c.period.from, c.period.to, &error)
                                      : CommentStore::customerComments(c.db, c.period.from, c.period.to, &error);
    const Cube *cube = s.auditorComments ? c.audits.get() : c.csat.get();
    if (comments && cube)
        comments = rca::Themes::keep(*comments, *cube, rca::filtersFor(*cube, s.filters), c.pivotOptions, &error);
    if (!comments || !cube) {
        out.blocks << ReportBlock::paragraph(QStringLiteral("Not analysed: %1").arg(cube ? error : sc.cubeError()));
        return;
    }
    const QSet<QString> stopWords = rca::Themes::englishStopWords();
    const rca::ThemesResult r = rca::Themes::rank(rca::Themes::documents(*comments), stopWords);
    const auto names = CommentStore::agentNames(c.db, &error);
    const QSet<QString> tokens = rca::Themes::nameTokens(names.value_or(QStringList()), stopWords);
    const QString focus = s.auditorComments ? QStringLiteral("failed answers") : QStringLiteral("dissatisfied");
    const QString reference = s.auditorComments ? QStringLiteral("passed answers") : QStringLiteral("satisfied");
    out.blocks << ReportBlock::paragraph(
        QStringLiteral("%1 in %2: %3 %4, %5 %6. Themes are words and phrases that lean to one group (weighted log-odds, z); "
                       "agents' names are masked.")
            .arg(s.auditorComments ? QStringLiteral("Auditors' comments") : QStringLiteral("Customers' comments"),
                 periodTitle(c.period), count(r.focusDocuments), s.auditorComments ? QStringLiteral("on failed answers") : focus,
                 count(r.referenceDocuments), s.auditorComments ? QStringLiteral("on passed ones") : reference));
    // The strongest themes of each side: the 10 leaning most to the focus group, then the 10 leaning most to the other.
    QList<const rca::Theme *> shown;
    for (const rca::Theme &t : r.themes)
        if (t.z >= 0 && shown.size() < 10)
            shown << &t;
    const qsizetype focusShown = shown.size();
    for (auto it = r.themes.crbegin(); it != r.themes.crend() && shown.size() < focusShown + 10; ++it)
        if (it->z < 0)
            shown << &*it;
    if (shown.isEmpty()) {
        out.blocks << ReportBlock::paragraph(QStringLiteral("Too few comments for themes in %1.").arg(periodTitle(c.period)));
        return;
    }
    ReportTable t;
    t.header = {QStringLiteral("Theme"), QStringLiteral("Leans to"), QStringLiteral("z"),
                s.auditorComments ? QStringLiteral("Comments on failed") : QStringLiteral("Dissatisfied comments"),
                s.auditorComments ? QStringLiteral("Comments on passed") : QStringLiteral("Satisfied comments")};
    t.numeric = {false, false, true, true, true};
    t.widths = {2.4, 1.4, 0.8, 1.2, 1.2};
    for (const rca::Theme *theme : std::as_const(shown))
        t.rows << QStringList{rca::Themes::maskNames(theme->term, tokens), theme->z >= 0 ? focus : reference,
                              number(theme->z, 2), count(theme->focusDocs), count(theme->referenceDocs)};
    out.blocks << ReportBlock::tableBlock(t);
    if (r.themes.size() > shown.size())
        out.blocks << ReportBlock::note(QStringLiteral("The strongest themes of each side; %1 more on the Insights page.")
                                            .arg(r.themes.size() - shown.size()));
}

void controlChart(SentContext &sc, const SentSection &s, ReportSection &out)
{
    const Context &c = sc.c;
    QString error;
    const auto metric = rca::Metric::parse(s.kpi, &error);
    const PivotSource source = metric ? metric->source : PivotSource::Audits;
    const bool rate = chartMeasureInfo(s.kpi, source).rate;
    const KpiPeriod range = trendRange(c.period);
    ChartSpec spec = specOf(rate ? ChartType::PChart : ChartType::Xmr,
                            QStringLiteral("%1 by %2").arg(metric ? metric->title : s.kpi, s.periodUnit), source, s.periodUnit,
                            s.kpi, s, range);
    spec.subtitle = QStringLiteral("12 months to %1, with control limits").arg(periodTitle(KpiPeriod::month(c.period.to)));
    QString why;
    const auto chart = chartOn(sc, spec, 0.55, source == PivotSource::Csat ? c.minResponses : c.minAudits, &why);
    if (!chart) {
        out.blocks << ReportBlock::paragraph(QStringLiteral("The control chart cannot be drawn: %1").arg(why));
        return;
    }
    out.blocks << ReportBlock::chartBlock(*chart);
    const ChartData &data = chart->data;
    const QList<stats::ControlSignal> list =
        data.pChart ? data.pChart->signals : data.xmr ? data.xmr->signals : QList<stats::ControlSignal>();
    if (list.isEmpty()) {
        out.blocks << ReportBlock::paragraph(QStringLiteral("No signals: every %1 is within the limits and no run or trend rule fires.")
                                                 .arg(s.periodUnit));
        return;
    }
    ReportTable t;
    t.header = {QStringLiteral("Where"), QStringLiteral("Signal"), QStringLiteral("Value"), QStringLiteral("n")};
    t.numeric = {false, false, true, true};
    t.widths = {2.2, 2.2, 1, 1};
    for (const stats::ControlSignal &sig : list) {
        const QString where = sig.first == sig.last ? chartDisplayLabel(data.categories.value(sig.first))
                                                    : chartDisplayLabel(data.categories.value(sig.first)) + QStringLiteral(" – ")
                                                          + chartDisplayLabel(data.categories.value(sig.last));
        QString value = QStringLiteral("–");
        if (data.pChart && sig.last < data.pChart->p.size())
            value = percent(data.pChart->p.at(sig.last) * 100);
        else if (data.xmr && sig.last < data.xmr->x.size())
            value = number(data.xmr->x.at(sig.last), 1);
        const qint64 n = data.series.isEmpty() ? 0 : data.series.first().n.value(sig.last);
        t.rows << QStringList{where, stats::signalRuleName(sig.rule) + (sig.high ? QStringLiteral(" (high)") : QStringLiteral(" (low)")),
                              value, count(n)};
    }
    out.blocks << ReportBlock::heading(QStringLiteral("Signals")) << ReportBlock::tableBlock(t);
}

void funnel(SentContext &sc, const SentSection &s, ReportSection &out)
{
    const Context &c = sc.c;
    QString error;
    const auto metric = rca::Metric::parse(s.kpi, &error);
    const PivotSource source = metric ? metric->source : PivotSource::Audits;
    const bool agents = s.dimension == QLatin1String("agent");
    ChartSpec spec = specOf(ChartType::Funnel, QStringLiteral("%1 by %2").arg(metric ? metric->title : s.kpi, s.dimension),
                            source, s.dimension, s.kpi, s, c.period);
    spec.subtitle = periodTitle(c.period);
    QString why;
    auto chart = chartOn(sc, spec, 0.6, source == PivotSource::Csat ? c.minResponses : c.minAudits, &why);
    if (!chart || !chart->data.funnel) {
        out.blocks << ReportBlock::paragraph(QStringLiteral("The funnel cannot be drawn: %1").arg(chart ? QStringLiteral("no units") : why));
        return;
    }
    ChartData &data = chart->data;
    if (agents) {
        for (QString &label : data.categories)
            label = sc.agent(label);
        data.displayCategories = data.categories;
    }
    const stats::Funnel &f = *data.funnel;
    const ChartMeasureInfo info = chartMeasureInfo(s.kpi, source);
    auto value = [&info](double v) { return info.unit == ValueUnit::Percent ? percent(v) : number(v, 1); };
    QString intro = QStringLiteral("%1 of %2 %3s compared on a funnel around the centre line of %4: outside the 99.8% limit "
                                   "needs attention, between 95% and 99.8% is to watch.")
                        .arg(metric ? metric->title : s.kpi)
                        .arg(f.status.size())
                        .arg(s.dimension, value(f.centre));
    if (f.widened)
        intro += QStringLiteral(" Limits are widened for overdispersion (φ = %1).").arg(number(f.phi, 2));
    out.blocks << ReportBlock::paragraph(intro) << ReportBlock::chartBlock(*chart);
    ReportTable t;
    t.header = {agents ? QStringLiteral("Agent") : QStringLiteral("Team"), QStringLiteral("n"), metric ? metric->title : s.kpi,
                QStringLiteral("Status")};
    t.numeric = {false, true, true, false};
    t.widths = {2.4, 1, 1, 1.4};
    int attentionRows = 0;
    for (int i = 0; i < f.status.size(); ++i) {
        const stats::FunnelStatus st = f.status.at(i);
        if (st != stats::FunnelStatus::NeedsAttention && st != stats::FunnelStatus::ToWatch)
            continue;
        const bool attention = st == stats::FunnelStatus::NeedsAttention;
        const int at = attention ? attentionRows++ : int(t.rows.size());
        const ReportTone tone = attention ? ReportTone::Bad : ReportTone::Watch;
        const double v = data.series.isEmpty() ? NAN : data.series.first().values.value(i, NAN);
        t.rows.insert(at, QStringList{data.categories.value(i), count(data.unitN.value(i)),
                                      std::isfinite(v) ? value(v) : QStringLiteral("–"), stats::funnelStatusName(st)});
        t.tones.insert(at, QList<ReportTone>{ReportTone::None, ReportTone::None, tone, tone});
    }
    if (t.rows.isEmpty())
        out.blocks << ReportBlock::paragraph(QStringLiteral("No %1 is outside the limits on the bad side.").arg(s.dimension));
    else
        out.blocks << ReportBlock::tableBlock(t);
}

} // namespace

QList<ReportSection> sentSections(const Context &c, const QList<SentSection> &sections)
{
    QList<ReportSection> out;
    SentContext sc{c, {}, {}, false, agentNamesOf(c.audits.get())};
    for (qsizetype i = 0; i < sections.size(); ++i) {
        if (c.stop())
            return out;
        const SentSection &s = sections.at(i);
        ReportSection section;
        section.key = QStringLiteral("sent-%1").arg(i + 1);
        section.title = s.title.isEmpty() ? s.defaultTitle() : s.title;
        switch (s.analysis) {
        case SentSection::Analysis::WhatChanged:
            whatChanged(sc, s, section);
            break;
        case SentSection::Analysis::Drivers:
            drivers(sc, s, section);
            break;
        case SentSection::Analysis::Pareto:
            pareto(sc, s, section);
            break;
        case SentSection::Analysis::Themes:
            themes(sc, s, section);
            break;
        case SentSection::Analysis::Control:
            controlChart(sc, s, section);
            break;
        case SentSection::Analysis::Funnel:
            funnel(sc, s, section);
            break;
        }
        const QString scope = s.analysis == SentSection::Analysis::WhatChanged
                                  ? QStringLiteral("%1 against %2").arg(periodTitle(c.period), periodTitle(c.period.previous()))
                              : s.analysis == SentSection::Analysis::Control
                                  ? QStringLiteral("the 12 months to %1").arg(periodTitle(KpiPeriod::month(c.period.to)))
                                  : periodTitle(c.period);
        section.blocks << ReportBlock::note(QStringLiteral("Sent from Insights; computed for %1.%2").arg(scope, filtersNote(s)));
        out << section;
    }
    return out;
}

} // namespace ql::report

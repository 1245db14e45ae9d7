// SPDX-License-Identifier: GPL-3.0-or-later
#include "insightsdata.h"

#include "chart/chartdatabuilder.h"
#include "chart/waterfall.h"
#include "common/jobcontext.h"
#include "failedcriteria.h"
#include "insightslabels.h"
#include "pivot/cubebuilder.h"
#include "rca/sourcefilters.h"
#include "store/kpiqueries.h"
#include "store/commentstore.h"
#include "store/criterionnames.h"
#include "store/projectsettings.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace ql {

namespace {

std::shared_ptr<const Cube> cubeOf(const QSqlDatabase &db, std::map<PivotSource, std::shared_ptr<const Cube>> &cubes,
                                   PivotSource source, QString *error)
{
    auto &cube = cubes[source];
    if (!cube) {
        std::shared_ptr<const Cube> audits = source == PivotSource::Audits ? nullptr : cubes[PivotSource::Audits];
        cube = CubeBuilder::build(db, source, {}, error, audits);
    }
    return cube;
}

QStringList labelsOf(const Cube &cube, const QString &dimension)
{
    QStringList out;
    if (const Cube::DimensionRef ref = cube.findDimension(dimension); ref)
        for (const QString &label : ref.dimension->labels)
            if (label != QLatin1String("(blank)"))
                out << label;
    return out;
}

InsightsChart chartOf(const Cube &cube, const ChartSpec &spec, const PivotOptions &options, const ChartContext &context)
{
    InsightsChart c;
    c.spec = spec;
    c.spec.pivot.filters = rca::filtersFor(cube, spec.pivot.filters); // responses: no scorecard, no sample type
    if (const QString problem = spec.validate(); !problem.isEmpty()) {
        c.error = problem;
        return c;
    }
    c.data = ChartDataBuilder::build(cube, c.spec, options, context, &c.error);
    return c;
}

ChartSpec specOf(ChartType type, const QString &title, PivotSource source, const QStringList &rows,
                 const QStringList &measures, const InsightsRequest &request)
{
    ChartSpec s;
    s.type = type;
    s.title = title;
    s.pivot.source = source;
    s.pivot.rows = rows;
    s.pivot.measures = measures;
    s.pivot.filters = request.filters; // chartOf() leaves out what the cube has no dimension for
    s.pivot.from = request.from;
    s.pivot.to = request.to;
    return s;
}

// The contributions of the top dimension's elements as a waterfall from the base value to the
// current one: the 12 largest (by size) in the engine's order, the rest as one "N others" step.
InsightsChart contributionsChart(const rca::Result &result)
{
    InsightsChart c;
    c.spec = waterfallSpec(result);
    c.data = waterfallChartData(result, &c.error, 13);
    if (!c.data)
        c.error = QObject::tr("No dimension to show.");
    return c;
}

} // namespace

InsightsData InsightsCompute::run(JobContext &context, const InsightsRequest &request,
                                  std::map<PivotSource, std::shared_ptr<const Cube>> cubes)
{
    return run(context.database(), request, std::move(cubes), [&context] { return context.isCanceled(); });
}

InsightsData InsightsCompute::run(const QSqlDatabase &db, const InsightsRequest &request,
                                  std::map<PivotSource, std::shared_ptr<const Cube>> cubes,
                                  const std::function<bool()> &canceled)
{
    InsightsData r;
    auto stop = [&canceled] { return canceled && canceled(); };
    QString error;
    const auto audits = cubeOf(db, cubes, PivotSource::Audits, &error);
    const auto csat = audits ? cubeOf(db, cubes, PivotSource::Csat, &error) : nullptr;
    const auto answers = csat ? cubeOf(db, cubes, PivotSource::Answers, &error) : nullptr;
    r.cubes = cubes;
    if (!answers) {
        r.error = QObject::tr("The project cannot be read: %1").arg(error);
        return r;
    }
    const ProjectSettings settings(db);
    const PivotOptions options = PivotOptions::fromProject(db);
    ChartContext chartContext;
    chartContext.periodDate = settings.periodDate();
    chartContext.organisation = settings.organisationName();
    chartContext.countedSampleTypes = settings.countedSampleTypes();
    chartContext.criterionNames = CriterionNames::load(db);
    r.criterionNames = chartContext.criterionNames;

    r.latest = KpiQueries::forProject(db).latestDate();
    r.months = labelsOf(*audits, QStringLiteral("month"));
    for (const QString &d : {QStringLiteral("queue"), QStringLiteral("channel"), QStringLiteral("team"), QStringLiteral("site")})
        r.members.insert(d, labelsOf(*audits, d));
    r.current = !request.current.isEmpty() ? request.current : r.months.value(r.months.size() - 1);
    r.base = !request.base.isEmpty() ? request.base : r.months.value(r.months.size() - 2);

    // What changed.
    if (stop())
        return r;
    if (r.base.isEmpty() || r.current.isEmpty()) {
        r.whatChangedError = QObject::tr("What changed needs data in two months: import audits and CSAT responses first.");
    } else if (const auto metric = rca::Metric::parse(request.metric, &error); !metric) {
        r.whatChangedError = error;
    } else {
        const auto base = rca::Period::parse(r.base);
        const auto current = rca::Period::parse(r.current);
        if (!base || !current) {
            r.whatChangedError = QObject::tr("The periods must be such as 2026-10, 2026-Q3 or 2026-W07 (base '%1', current '%2').")
                                     .arg(r.base, r.current);
        } else {
            rca::Request rq;
            rq.metric = *metric;
            rq.base = *base;
            rq.current = *current;
            rca::Settings rs;
            rs.minSample = metric->source == PivotSource::Csat ? settings.minSampleResponses() : settings.minSampleAudits();
            rs.minChange = settings.value(ProjectSettings::RcaMinimumChange).toDouble();
            const auto cube = metric->source == PivotSource::Csat ? csat
                              : metric->source == PivotSource::Answers ? answers
                                                                        : audits;
            rq.filters = rca::filtersFor(*cube, request.filters);
            r.whatChanged = rca::RcaEngine::run(*cube, rq, options, rs, &r.whatChangedError);
            if (r.whatChanged)
                r.contributions = contributionsChart(*r.whatChanged);
        }
    }

    // Drivers and the quadrant.
    if (stop())
        return r;
    rca::DriversOptions driversOptions;
    driversOptions.from = request.from;
    driversOptions.to = request.to;
    driversOptions.filters = request.filters;
    r.drivers = rca::Drivers::compute(*answers, options, driversOptions);
    r.quadrant = rca::QuadrantBuilder::build(*audits, *csat, QStringLiteral("agent"), request.filters, request.from,
                                             request.to, options, settings.minSampleAudits(),
                                             settings.minSampleResponses(), &r.quadrantError);
    ChartSpec scatter = specOf(ChartType::Scatter, QObject::tr("QA score against CSAT by agent"), PivotSource::Audits,
                               {QStringLiteral("agent_name")},
                               {QStringLiteral("qa_score"), QStringLiteral("csat_pct"), QStringLiteral("count")}, request);
    // The overall QA score and CSAT split the quadrants.
    if (r.quadrant && r.quadrant->qaScore)
        scatter.referenceLines << ChartReferenceLine{QStringLiteral("x"), *r.quadrant->qaScore,
                                                     QObject::tr("QA %1").arg(*r.quadrant->qaScore, 0, 'f', 1)};
    if (r.quadrant && r.quadrant->csatPct)
        scatter.referenceLines << ChartReferenceLine{QStringLiteral("y"), *r.quadrant->csatPct,
                                                     QObject::tr("CSAT %1%").arg(*r.quadrant->csatPct, 0, 'f', 1)};
    scatter.subtitle = QObject::tr("Lines: the overall QA score and CSAT; grey: below the minimum sample");
    chartContext.minSample = settings.minSampleAudits();
    // Agents on the chart as the project shows people (ui.md "People in outputs"): names, ids or
    // pseudonyms; never names where the project asks for pseudonyms it cannot make.
    QString peopleError;
    if (const auto people = PivotAgentDisplay::forOutput(db, std::nullopt, &peopleError)) {
        PivotOptions peopleOptions = options;
        peopleOptions.agents = *people;
        r.quadrantChart = chartOf(*audits, scatter, peopleOptions, chartContext);
    } else {
        r.quadrantChart.error = QObject::tr("Agents cannot be shown as pseudonyms: %1").arg(peopleError);
    }

    // Paretos and the cross-tab, in the current period.
    if (stop())
        return r;
    if (const auto period = rca::Period::parse(r.current); period) {
        QString e1, e2, e3;
        r.reasons = rca::ParetoBuilder::build(*csat, QStringLiteral("reason"), *period,
                                              rca::filtersFor(*csat, request.filters), options, &e1);
        r.rootCauses = rca::ParetoBuilder::build(*answers, QStringLiteral("root_cause"), *period, request.filters, options, &e2);
        r.crossTab = rca::ParetoBuilder::crossTab(*answers, QStringLiteral("reason"), QStringLiteral("root_cause"), *period,
                                                  request.filters, options, &e3);
        r.paretoError = QStringList{e1, e2, e3}.filter(QRegularExpression(QStringLiteral("."))).join(QLatin1Char('\n'));
        auto paretoSpec = [&](const QString &title, PivotSource source, const QString &dimension) {
            ChartSpec s = specOf(ChartType::Pareto, title, source, {dimension}, {QStringLiteral("count")}, request);
            s.pivot.from = {};
            s.pivot.to = {};
            s.pivot.filters << PivotFilter{dimension, true, {QStringLiteral("(blank)")}};
            s.pivot.filters << PivotFilter{period->dimension, false, {period->label}};
            s.subtitle = period->label;
            s.labels = true;
            return s;
        };
        chartContext.minSample = 0;
        r.reasonsChart = chartOf(*csat, paretoSpec(QObject::tr("CSAT reasons"), PivotSource::Csat, QStringLiteral("reason")),
                                 options, chartContext);
        r.rootCausesChart = chartOf(*answers, paretoSpec(QObject::tr("Root causes of failed answers"), PivotSource::Answers,
                                                         QStringLiteral("root_cause")),
                                    options, chartContext);
        if (r.reasons)
            InsightsLabels::markNew(r.reasonsChart, *r.reasons);
        if (r.rootCauses)
            InsightsLabels::markNew(r.rootCausesChart, *r.rootCauses);
        // Failed criteria: counts and points lost (each audit of the period scored again for its e_i).
        if (stop())
            return r;
        r.pointsLost = rca::PointsLostBuilder::build(db, *answers, *period, request.filters, options,
                                                     &r.pointsLostError, canceled);
        if (r.pointsLost) {
            r.failedChart = FailedCriteria::countChart(*r.pointsLost, request.filters, chartContext);
            r.pointsLostChart = FailedCriteria::lostChart(*r.pointsLost, request.filters, chartContext);
        } else {
            r.failedChart.error = r.pointsLostChart.error = r.pointsLostError;
        }
    } else {
        r.paretoError = QObject::tr("The current period '%1' is not a period such as 2026-10.").arg(r.current);
        r.pointsLostError = r.failedChart.error = r.pointsLostChart.error = r.paretoError;
    }

    // Comment themes: customers' (or auditors') comments in the date range and the filters.
    if (stop())
        return r;
    auto comments = request.auditorComments ? CommentStore::auditorComments(db, request.from, request.to, &error)
                                            : CommentStore::customerComments(db, request.from, request.to, &error);
    r.themesOfAuditors = request.auditorComments;
    const Cube &themeCube = request.auditorComments ? *audits : *csat;
    r.languageDimension = rca::CommentLanguage::dimensionOf(themeCube);
    if (!r.languageDimension.isEmpty())
        r.languages = labelsOf(themeCube, r.languageDimension);
    QList<PivotFilter> themeFilters = request.filters;
    if (!r.languageDimension.isEmpty() && !request.themeLanguage.isEmpty())
        themeFilters << PivotFilter{r.languageDimension, false, {request.themeLanguage}};
    if (comments)
        comments = rca::Themes::keep(*comments, themeCube, rca::filtersFor(themeCube, themeFilters), options, &error);
    const auto declared = comments ? rca::CommentLanguage::declared(themeCube, options, &error) : std::nullopt;
    if (!comments || !declared) {
        r.themesError = error;
    } else {
        const QSet<QString> stopWords = rca::Themes::englishStopWords();
        // Comments in other languages are counted and left out (only an English stop list is shipped).
        rca::LanguageSplit split = rca::CommentLanguage::split(*comments, *declared, request.auditorComments, stopWords,
                                                               rca::CommentLanguage::markers());
        r.otherLanguages = split.others;
        r.declaredLanguages = split.declared;
        const auto documents = rca::Themes::documents(split.english);
        r.themes = rca::Themes::rank(documents, stopWords);
        const auto names = CommentStore::agentNames(db, &error);
        const QSet<QString> tokens = rca::Themes::nameTokens(names.value_or(QStringList()), stopWords);
        QHash<qint64, QString> texts;
        for (const rca::ThemeDocument &d : documents)
            texts.insert(d.id, d.text);
        for (const rca::Theme &t : std::as_const(r.themes.themes))
            for (qint64 id : t.examples)
                r.exampleTexts.insert(id, rca::Themes::maskNames(texts.value(id), tokens));
    }

    // Control charts and the funnel.
    if (stop())
        return r;
    const auto metric = rca::Metric::parse(request.controlMetric, &error);
    const PivotSource source = metric ? metric->source : PivotSource::Audits;
    const auto controlCube = source == PivotSource::Csat ? csat : source == PivotSource::Answers ? answers : audits;
    chartContext.minSample = source == PivotSource::Csat ? settings.minSampleResponses() : settings.minSampleAudits();
    const bool rate = chartMeasureInfo(request.controlMetric, source).rate;
    const QString kpi = metric ? metric->title : request.controlMetric;
    ChartSpec controlSpec = specOf(rate ? ChartType::PChart : ChartType::Xmr,
                                   QObject::tr("%1 by %2").arg(kpi, request.controlPeriod), source,
                                   {request.controlPeriod}, {request.controlMetric}, request);
    controlSpec.control.baselineFrom = request.baselineFrom;
    controlSpec.control.baselineTo = request.baselineTo;
    controlSpec.control.versionRestart = !request.keepBaselineAcrossVersions;
    r.controlChart = chartOf(*controlCube, controlSpec, options, chartContext);
    r.funnelChart = chartOf(*controlCube,
                            specOf(ChartType::Funnel, QObject::tr("%1 by %2").arg(kpi, request.funnelUnit), source,
                                   {request.funnelUnit}, {request.controlMetric}, request),
                            options, chartContext);
    if (request.funnelUnit == QLatin1String("agent") && r.funnelChart.data) {
        // Units outside the limits are labelled as the project shows people, not by id.
        // Never fall back to ids where the project asks for pseudonyms.
        if (const auto labels = InsightsLabels::agentLabels(db, *audits, options, &error)) {
            InsightsLabels::nameUnits(r.funnelChart, *labels);
        } else {
            r.funnelChart.data.reset();
            r.funnelChart.error = error;
        }
    }
    return r;
}

} // namespace ql

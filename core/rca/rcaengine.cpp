// SPDX-License-Identifier: GPL-3.0-or-later
#include "rcaengine.h"

#include "rcasummary.h"

#include <QObject>
#include <QRegularExpression>

#include <map>

namespace ql::rca {

namespace {

struct Context
{
    const Cube &cube;
    const Request &request;
    const PivotOptions &options;
    const Settings &settings;
};

// The base and current values of the metric, per member of dimension (or overall when empty).
std::optional<QList<SegmentData>> table(const Context &ctx, const QString &dimension, const QList<PivotFilter> &filters,
                                        QString *error)
{
    const Metric &m = ctx.request.metric;
    PivotSpec spec;
    spec.source = m.source;
    if (!dimension.isEmpty())
        spec.rows = QStringList{dimension};
    spec.cols = QStringList{ctx.request.base.dimension};
    spec.measures = QStringList{m.measure};
    if (!m.sdMeasure.isEmpty())
        spec.measures << m.sdMeasure;
    spec.filters = filters;
    spec.filters << PivotFilter{ctx.request.base.dimension, false,
                                QStringList{ctx.request.base.label, ctx.request.current.label}};
    if (!m.criterion.isEmpty())
        spec.filters << PivotFilter{QStringLiteral("criterion"), false, QStringList{m.criterion}};
    // The standard deviation of a score is taken over the counted sample types, as the KPI is.
    if (!m.sdMeasure.isEmpty() && m.source != PivotSource::Csat && !spec.filterOn(QStringLiteral("sample_type")))
        spec.filters << PivotFilter{QStringLiteral("sample_type"), false, ctx.options.countedSampleTypes};
    const auto result = PivotEngine::compute(ctx.cube, spec, ctx.options, error);
    if (!result)
        return std::nullopt;

    std::map<QString, int> index;
    QList<SegmentData> segments;
    for (int k = 0; k < result->cellCount(); ++k) {
        const auto &cell = result->cell(k);
        const QString label = dimension.isEmpty() ? QString() : result->row(cell.row).labels.value(0);
        const QString period = result->column(cell.column).labels.value(0);
        const auto &v = result->cellValue(k, 0);
        if (!v || v->n == 0)
            continue;
        auto it = index.find(label);
        if (it == index.end()) {
            it = index.emplace(label, int(segments.size())).first;
            segments << SegmentData{label, {}, {}};
        }
        PeriodValue pv{v->n, v->value, std::nullopt};
        if (!m.sdMeasure.isEmpty())
            if (const auto &sd = result->cellValue(k, 1))
                pv.sd = sd->value * m.sdScale;
        if (period == ctx.request.base.label)
            segments[it->second].base = pv;
        else if (period == ctx.request.current.label)
            segments[it->second].current = pv;
    }
    return segments;
}

// A CSAT response's reason is chosen with its score (mostly by dissatisfied customers), so on a CSAT
// KPI its segments are defined by the outcome: a change always "concentrates" in the reasons of the
// unhappy. It says what customers complained about, not where the change happened, so it is searched
// in the drill (inside the segment that explains the change) and never kept at the first level.
bool outcomeBound(const Metric &metric, const QString &dimension, bool drill)
{
    return !drill && metric.source == PivotSource::Csat && dimension == QLatin1String("reason");
}

std::optional<Analysis> analyseWithin(const Context &ctx, const QList<PivotFilter> &filters,
                                      const QStringList &dimensions, bool drill, QString *error)
{
    const auto overall = table(ctx, QString(), filters, error);
    if (!overall)
        return std::nullopt;
    PeriodValue base, current;
    if (!overall->isEmpty()) {
        base = overall->first().base;
        current = overall->first().current;
    }
    if (base.n == 0 || current.n == 0) {
        *error = QObject::tr("no data for %1 in %2 with the filters asked%3")
                     .arg(ctx.request.metric.spelling, base.n == 0 ? ctx.request.base.label : ctx.request.current.label,
                          ctx.request.metric.spelling == QLatin1String("csat_mean")
                              ? QObject::tr(" (a CSAT mean needs responses on one scale)")
                              : QString());
        return std::nullopt;
    }
    QList<DimensionInput> inputs;
    for (const QString &d : dimensions) {
        const auto segments = table(ctx, d, filters, error);
        if (!segments)
            return std::nullopt;
        inputs << DimensionInput{d, *segments, outcomeBound(ctx.request.metric, d, drill)};
    }
    return analyse(base, current, inputs, ctx.request.metric.kind, ctx.settings);
}

// Dimensions that never split a change: periods (the analysis compares two of them), names that
// repeat an id, and what the metric itself fixes.
bool excludedByDefault(const QString &name, const Metric &metric)
{
    static const QStringList always{QStringLiteral("day"),     QStringLiteral("week"), QStringLiteral("month"),
                                    QStringLiteral("quarter"), QStringLiteral("year"), QStringLiteral("agent_name")};
    if (always.contains(name))
        return true;
    return !metric.criterion.isEmpty() && (name == QLatin1String("criterion") || name == QLatin1String("section"));
}

QString scorecardVersionWarning(const Context &ctx)
{
    if (ctx.request.metric.source == PivotSource::Csat)
        return {};
    QString error;
    const auto versions = table(ctx, QStringLiteral("scorecard_version"), ctx.request.filters, &error);
    if (!versions)
        return {};
    QStringList base, current;
    for (const SegmentData &s : *versions) {
        if (s.base.n > 0)
            base << s.label;
        if (s.current.n > 0)
            current << s.label;
    }
    if (base == current)
        return {};
    return QObject::tr("the scorecard version changed between the periods (%1: %2; %3: %4); re-scoring the base "
                       "period under the current version (the what-if) compares like with like")
        .arg(ctx.request.base.label, base.join(QStringLiteral(", ")), ctx.request.current.label,
             current.join(QStringLiteral(", ")));
}

} // namespace

std::optional<Metric> Metric::parse(const QString &text, QString *error)
{
    Metric m;
    m.spelling = text;
    static const QRegularExpression complianceRe(QStringLiteral("^compliance\\((.+)\\)$"));
    if (const auto match = complianceRe.match(text); match.hasMatch()) {
        m.source = PivotSource::Answers;
        m.measure = QStringLiteral("compliance");
        m.sdMeasure = QStringLiteral("stddev(c)");
        m.sdScale = 100;
        m.criterion = match.captured(1).trimmed();
        m.kind = Kind::Mean;
        m.title = QObject::tr("Compliance of %1").arg(m.criterion);
        return m;
    }
    struct Known
    {
        const char *name;
        PivotSource source;
        const char *sd;
        Kind kind;
        const char *title;
        bool percent;
    };
    static const Known known[] = {
        {"qa_score", PivotSource::Audits, "stddev(score)", Kind::Mean, "QA score", false},
        {"pass_rate", PivotSource::Audits, "", Kind::Rate, "Pass rate", true},
        {"critical_rate", PivotSource::Audits, "", Kind::Rate, "Critical error rate", true},
        {"csat_pct", PivotSource::Csat, "", Kind::Rate, "CSAT", true},
        {"dsat_pct", PivotSource::Csat, "", Kind::Rate, "DSAT", true},
        {"csat_mean", PivotSource::Csat, "stddev(csat)", Kind::Mean, "CSAT mean", false},
    };
    for (const Known &k : known) {
        if (text != QLatin1String(k.name))
            continue;
        m.source = k.source;
        m.measure = text;
        m.sdMeasure = QLatin1String(k.sd);
        m.kind = k.kind;
        m.title = QObject::tr(k.title);
        m.percent = k.percent;
        return m;
    }
    *error = QObject::tr("unknown KPI \"%1\" (qa_score, pass_rate, critical_rate, csat_pct, dsat_pct, csat_mean or "
                         "compliance(KEY))")
                 .arg(text);
    return std::nullopt;
}

std::optional<Period> Period::parse(const QString &text)
{
    static const QList<QPair<QRegularExpression, QString>> forms{
        {QRegularExpression(QStringLiteral("^\\d{4}-(0[1-9]|1[0-2])$")), QStringLiteral("month")},
        {QRegularExpression(QStringLiteral("^\\d{4}-Q[1-4]$")), QStringLiteral("quarter")},
        {QRegularExpression(QStringLiteral("^\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])$")), QStringLiteral("week")},
        {QRegularExpression(QStringLiteral("^\\d{4}$")), QStringLiteral("year")},
        {QRegularExpression(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$")), QStringLiteral("day")},
    };
    for (const auto &[re, dimension] : forms)
        if (re.match(text).hasMatch())
            return Period{text, dimension};
    return std::nullopt;
}

QStringList RcaEngine::defaultDimensions(const Cube &cube, const Metric &metric)
{
    QStringList names;
    for (const QString &name : cube.dimensionNames()) {
        const Cube::DimensionRef ref = cube.findDimension(name);
        if (!ref || ref.dimension->multiValued || excludedByDefault(name, metric))
            continue;
        names << name;
    }
    return names;
}

std::optional<Result> RcaEngine::run(const Cube &cube, const Request &request, const PivotOptions &options,
                                     const Settings &settings, QString *error)
{
    if (cube.source() != request.metric.source) {
        *error = QObject::tr("%1 is computed on the %2 source")
                     .arg(request.metric.spelling, pivotSourceName(request.metric.source));
        return std::nullopt;
    }
    if (request.base.dimension != request.current.dimension) {
        *error = QObject::tr("the base and current periods must be of one kind (%1 is a %2, %3 a %4)")
                     .arg(request.base.label, request.base.dimension, request.current.label, request.current.dimension);
        return std::nullopt;
    }
    if (request.base.label == request.current.label) {
        *error = QObject::tr("the base and current periods are the same (%1)").arg(request.base.label);
        return std::nullopt;
    }
    if (!request.metric.criterion.isEmpty()) {
        const Cube::DimensionRef criteria = cube.findDimension(QStringLiteral("criterion"));
        if (!criteria || !criteria.dimension->labels.contains(request.metric.criterion)) {
            *error =
                QObject::tr("unknown criterion \"%1\" in %2").arg(request.metric.criterion, request.metric.spelling);
            return std::nullopt;
        }
    }
    for (const PivotFilter &f : request.filters) {
        if (f.dimension == request.base.dimension) {
            *error =
                QObject::tr("--filter on %1 is not allowed: the periods are --base and --current").arg(f.dimension);
            return std::nullopt;
        }
    }
    Result result;
    result.request = request;
    result.settings = settings;
    result.request.dimensions =
        request.dimensions.isEmpty() ? defaultDimensions(cube, request.metric) : request.dimensions;
    for (const QString &d : std::as_const(result.request.dimensions)) {
        const Cube::DimensionRef ref = cube.findDimension(d, options.periodDate);
        if (!ref) {
            *error = QObject::tr("unknown dimension \"%1\" for %2 (known: %3)")
                         .arg(d, request.metric.spelling, cube.dimensionNames().join(QStringLiteral(", ")));
            return std::nullopt;
        }
        if (ref.dimension->multiValued) {
            *error = QObject::tr("%1 is multi-valued (a fact can have several) and cannot split a change; see its "
                                 "Pareto instead")
                         .arg(d);
            return std::nullopt;
        }
        if (d == request.base.dimension) {
            *error = QObject::tr("%1 is the dimension of the periods compared and cannot split the change").arg(d);
            return std::nullopt;
        }
    }

    const Context ctx{cube, result.request, options, settings};
    auto analysis = analyseWithin(ctx, request.filters, result.request.dimensions, false, error);
    if (!analysis)
        return std::nullopt;
    result.analysis = std::move(*analysis);

    // Drill one level down inside the top element of the top dimension.
    if (!result.analysis.dimensions.isEmpty() && result.analysis.dimensions.first().explainingSetSize > 0) {
        const Dimension &top = result.analysis.dimensions.first();
        QString element;
        for (const Element &e : top.elements)
            if (e.inExplainingSet) {
                element = e.label;
                break;
            }
        QStringList rest = result.request.dimensions;
        rest.removeAll(top.name);
        if (!rest.isEmpty()) {
            QList<PivotFilter> filters = request.filters;
            filters.erase(std::remove_if(filters.begin(), filters.end(),
                                         [&](const PivotFilter &f) { return f.dimension == top.name; }),
                          filters.end());
            filters << PivotFilter{top.name, false, QStringList{element}};
            QString drillError;
            if (auto drill = analyseWithin(ctx, filters, rest, true, &drillError)) {
                result.drillDimension = top.name;
                result.drillElement = element;
                result.drill = std::move(*drill);
            }
        }
    }
    if (const QString warning = scorecardVersionWarning(ctx); !warning.isEmpty())
        result.warnings << warning;
    result.summary = summarise(result);
    return result;
}

} // namespace ql::rca

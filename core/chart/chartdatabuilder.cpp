// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartdatabuilder.h"

#include "pivot/pivotmeasure.h"
#include "stats/intervals.h"

#include <QObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ql {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

QString boxMeasure(const QString &what, const QString &field)
{
    return QStringLiteral("%1(%2)").arg(what, field);
}

QStringList boxMeasures(const QString &field)
{
    return {boxMeasure(QStringLiteral("p10"), field),    boxMeasure(QStringLiteral("p25"), field),
            boxMeasure(QStringLiteral("median"), field), boxMeasure(QStringLiteral("p75"), field),
            boxMeasure(QStringLiteral("p90"), field),    boxMeasure(QStringLiteral("avg"), field)};
}

QString stddevOf(const QString &field)
{
    return QStringLiteral("stddev(%1)").arg(field);
}

bool needsSpread(const ChartSpec &spec, const ChartMeasureInfo &first)
{
    if (first.rate || first.field.isEmpty())
        return false;
    if (spec.type == ChartType::Funnel)
        return true;
    return spec.band == QLatin1String("ci95") &&
           (spec.type == ChartType::Line || spec.type == ChartType::Bar || spec.type == ChartType::Combo);
}

// A box of a KPI's scores reads the audits the KPI counts (scoring.md: official, scored, complete,
// of a counted sample type), so that its dot is the KPI's mean and its n the KPI's n.
bool boxOfKpiAudits(const ChartSpec &spec)
{
    const QString first = spec.pivot.measures.value(0);
    return spec.type == ChartType::Box && spec.pivot.source != PivotSource::Csat &&
           (first == QLatin1String("qa_score") || first == QLatin1String("raw_score"));
}

QString filtersText(const PivotSpec &spec)
{
    QStringList parts;
    for (const PivotFilter &f : spec.filters)
        parts << QStringLiteral("%1 %2 %3")
                     .arg(f.dimension, f.exclude ? QStringLiteral("≠") : QStringLiteral("="),
                          f.values.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral("; "));
}

// The chart's facts (its filters and dates) under `rows` alone, no columns, with `measures` as they
// are: the footnote's n and date range.
PivotSpec overallOf(const PivotSpec &chart, const QStringList &rows, const QStringList &measures)
{
    PivotSpec p = chart;
    p.rows = rows;
    p.cols.clear();
    p.measures = measures;
    p.showAs.clear();
    p.sort.reset();
    p.top.reset();
    return p;
}

QString periodDateText(PivotSource source, const QString &setting)
{
    if (source == PivotSource::Csat)
        return QObject::tr("response date");
    return setting == QLatin1String("interaction_date") ? QObject::tr("interaction date") : QObject::tr("review date");
}

int measureIndex(const PivotResult &pivot, const QString &spelling)
{
    return int(pivot.measures().indexOf(spelling));
}

QString formatShort(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

// Fills a series' band: Wilson for rates, Student t for means with their standard deviation.
void addBand(ChartSeries *s, const ChartMeasureInfo &info, const QList<double> &sd)
{
    for (int i = 0; i < s->values.size(); ++i) {
        double lo = NaN, hi = NaN;
        const double v = s->values[i];
        const qint64 n = s->n[i];
        if (!std::isnan(v) && n > 0) {
            if (info.rate) {
                const auto b = stats::wilsonBounds(std::llround(v / 100.0 * double(n)), n);
                lo = b.low * 100.0;
                hi = b.high * 100.0;
            } else if (i < sd.size() && !std::isnan(sd[i])) {
                const bool bounded = info.unit == ValueUnit::Percent || info.unit == ValueUnit::Points;
                const auto e =
                    stats::meanInterval(v, sd[i] * info.fieldScale, n, bounded ? 0.0 : -1e300, bounded ? 100.0 : 1e300);
                if (e.hasInterval()) {
                    lo = *e.ciLow;
                    hi = *e.ciHigh;
                }
            }
        }
        s->low << lo;
        s->high << hi;
    }
}

// The periods (row labels) where the scorecard version most of the facts were scored with differs
// from the period before: where a control chart's limits restart (analysis.md "Baseline").
QStringList versionStarts(const Cube &cube, const PivotSpec &chart, const PivotOptions &options)
{
    if (!cube.findDimension(QStringLiteral("scorecard_version")))
        return {};
    PivotSpec p = chart;
    p.cols = QStringList{QStringLiteral("scorecard_version")};
    p.measures = QStringList{QStringLiteral("count")};
    p.showAs.clear();
    p.sort.reset();
    p.top.reset();
    p.totals = {};
    QString ignored;
    const auto result = PivotEngine::compute(cube, p, options, &ignored);
    if (!result)
        return {};
    const int rowDims = int(result->rowDimensions().size());
    const int colDims = int(result->columnDimensions().size());
    QStringList starts;
    QString previous;
    for (int r = 0; r < result->rowCount(); ++r) {
        if (result->row(r).isTotal(rowDims))
            continue;
        QString dominant;
        qint64 most = 0;
        for (int c = 0; c < result->columnCount(); ++c) {
            if (result->column(c).isTotal(colDims))
                continue;
            const auto v = result->value(r, c, 0);
            if (v && !std::isnan(v->value) && qint64(v->value) > most) {
                most = qint64(v->value);
                dominant = result->column(c).labels.join(QStringLiteral(" · "));
            }
        }
        if (dominant.isEmpty())
            continue;
        if (!previous.isEmpty() && dominant != previous)
            starts << result->row(r).labels.join(QStringLiteral(" · "));
        previous = dominant;
    }
    return starts;
}

} // namespace

std::optional<PivotSpec> ChartDataBuilder::pivotFor(const ChartSpec &spec, const ChartContext &context, QString *error)
{
    if (const QString problem = spec.validate(); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    PivotSpec p = spec.pivot;
    p.totals = {};
    const QString firstSpelling = p.measures.value(0);
    const ChartMeasureInfo first = chartMeasureInfo(firstSpelling, p.source, p.showAsOf(firstSpelling));
    switch (spec.type) {
    case ChartType::Box: {
        if (first.field.isEmpty()) {
            *error = QObject::tr("a box chart needs a measure with values behind it (qa_score, raw_score, "
                                 "avg(score), median(csat), csat_mean, compliance), not %1")
                         .arg(firstSpelling);
            return std::nullopt;
        }
        p.measures = boxMeasures(first.field);
        p.showAs.clear();
        const QString median = p.measures.at(2);
        if (p.sort && p.sort->by != QLatin1String("label"))
            p.sort->by = median;
        if (p.top)
            p.top->by = median;
        // The KPI counts only audits of the counted sample types; the box shows the same audits
        // (the filter says so in the footnote; build() also leaves out superseded and incomplete
        // audits, which are not dimensions a filter could name).
        if (boxOfKpiAudits(spec) && !p.filterOn(QStringLiteral("sample_type")))
            p.filters << PivotFilter{QStringLiteral("sample_type"), false, context.countedSampleTypes};
        break;
    }
    case ChartType::PChart:
        if (!first.rate) {
            *error = QObject::tr("a p-chart needs a rate measure (pass_rate, critical_rate, csat_pct, …), not %1; "
                                 "an xmr chart takes a mean")
                         .arg(firstSpelling);
            return std::nullopt;
        }
        break;
    case ChartType::Funnel:
        if (!first.rate && first.field.isEmpty()) {
            *error = QObject::tr("a funnel chart needs a rate or a mean measure (pass_rate, csat_pct, qa_score, …), "
                                 "not %1")
                         .arg(firstSpelling);
            return std::nullopt;
        }
        break;
    default:
        break;
    }
    if (needsSpread(spec, first) && !p.measures.contains(stddevOf(first.field)))
        p.measures << stddevOf(first.field);
    if (const QString problem = p.validate(); !problem.isEmpty()) {
        *error = QObject::tr("pivot: %1").arg(problem);
        return std::nullopt;
    }
    return p;
}

std::optional<ChartData> ChartDataBuilder::fromPivot(const ChartSpec &spec, const PivotResult &pivot,
                                                     const ChartContext &context, QString *error)
{
    ChartData d;
    d.type = spec.type;
    d.source = spec.pivot.source;
    d.rowDimension = spec.pivot.rows.join(QStringLiteral(" · "));
    d.columnDimension = spec.pivot.cols.join(QStringLiteral(" · "));
    for (const QString &m : spec.pivot.measures)
        d.measures << chartMeasureInfo(m, spec.pivot.source, spec.pivot.showAsOf(m));
    d.minSample = context.minSample;
    d.facts = pivot.factCount();
    d.firstDate = spec.pivot.from;
    d.lastDate = spec.pivot.to;
    d.periodDate = periodDateText(spec.pivot.source, context.periodDate);
    d.filters = filtersText(pivot.spec());
    d.organisation = context.organisation;

    const int rowDims = int(pivot.rowDimensions().size());
    const int colDims = int(pivot.columnDimensions().size());
    QList<int> rows, cols;
    for (int r = 0; r < pivot.rowCount(); ++r)
        if (!pivot.row(r).isTotal(rowDims))
            rows << r;
    for (int c = 0; c < pivot.columnCount(); ++c)
        if (!pivot.column(c).isTotal(colDims))
            cols << c;
    if (rows.isEmpty() || cols.isEmpty()) {
        *error = QObject::tr("the pivot has no data to chart");
        return std::nullopt;
    }
    for (int r : rows)
        d.categories << pivot.row(r).labels.join(QStringLiteral(" · "));
    auto columnName = [&](int c) { return pivot.column(c).labels.join(QStringLiteral(" · ")); };
    auto valueAt = [&](int r, int c, int m) -> std::pair<double, qint64> {
        if (m < 0)
            return {NaN, 0};
        const auto v = pivot.value(r, c, m);
        return v ? std::pair<double, qint64>{v->value, v->n} : std::pair<double, qint64>{NaN, 0};
    };
    auto seriesOf = [&](const QString &name, int c, int m) {
        ChartSeries s;
        s.name = name;
        for (int r : rows) {
            const auto [v, n] = valueAt(r, c, m);
            s.values << v;
            s.n << n;
        }
        return s;
    };
    const ChartMeasureInfo &first = d.measures.first();
    const int m0 = measureIndex(pivot, spec.pivot.measures.first());
    const int sdIndex = first.field.isEmpty() ? -1 : measureIndex(pivot, stddevOf(first.field));
    auto sdOf = [&](int c) {
        QList<double> sd;
        for (int r : rows)
            sd << valueAt(r, c, sdIndex).first;
        return sd;
    };

    switch (spec.type) {
    case ChartType::Bar:
    case ChartType::StackedBar:
    case ChartType::StackedBar100:
    case ChartType::Line:
    case ChartType::Heatmap:
        if (!spec.pivot.cols.isEmpty()) {
            for (int c : cols)
                d.series << seriesOf(columnName(c), c, m0);
        } else {
            for (const ChartMeasureInfo &info : d.measures)
                d.series << seriesOf(info.label, cols.first(), measureIndex(pivot, info.spelling));
        }
        // A band per series would hide the lines under each other: bands go with a single series.
        if (spec.band == QLatin1String("ci95") && spec.type != ChartType::Heatmap && d.series.size() == 1) {
            for (int k = 0; k < d.series.size(); ++k)
                addBand(&d.series[k], spec.pivot.cols.isEmpty() ? d.measures.value(k) : first,
                        sdOf(spec.pivot.cols.isEmpty() ? cols.first() : cols.at(k)));
            d.notes << (first.rate ? QObject::tr("shaded: 95% Wilson interval")
                                   : QObject::tr("shaded: 95% interval of the mean"));
        }
        break;
    case ChartType::Combo: {
        const int c = cols.first();
        d.series << seriesOf(d.measures.at(0).label, c, m0);
        d.series << seriesOf(d.measures.at(1).label, c, measureIndex(pivot, spec.pivot.measures.at(1)));
        if (spec.band == QLatin1String("ci95"))
            addBand(&d.series[0], first, sdOf(c));
        break;
    }
    case ChartType::Pareto: {
        QList<ParetoItem> items;
        const ChartSeries s = seriesOf(first.label, cols.first(), m0);
        for (int i = 0; i < s.values.size(); ++i)
            if (!std::isnan(s.values[i]))
                items << ParetoItem{d.categories[i], s.values[i], s.n[i]};
        d.pareto = paretoOf(items);
        d.categories.clear();
        ChartSeries sorted;
        sorted.name = first.label;
        for (const ParetoItem &it : d.pareto.items) {
            d.categories << it.label;
            sorted.values << it.value;
            sorted.n << it.n;
        }
        d.series << sorted;
        d.notes << QObject::tr("line: cumulative share; coloured: the vital few up to 80%");
        break;
    }
    case ChartType::Box: {
        const QStringList names = boxMeasures(first.field);
        QList<int> idx;
        for (const QString &n : names)
            idx << measureIndex(pivot, n);
        if (idx.contains(-1)) {
            *error = QObject::tr("the pivot lacks the percentiles a box plot needs (%1)")
                         .arg(names.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        const double k = first.fieldScale;
        for (int r : rows) {
            stats::BoxSummary b;
            b.low = valueAt(r, cols.first(), idx[0]).first * k;
            b.q1 = valueAt(r, cols.first(), idx[1]).first * k;
            const auto [median, n] = valueAt(r, cols.first(), idx[2]);
            b.median = median * k;
            b.n = n;
            b.q3 = valueAt(r, cols.first(), idx[3]).first * k;
            b.high = valueAt(r, cols.first(), idx[4]).first * k;
            b.mean = valueAt(r, cols.first(), idx[5]).first * k;
            d.boxes << b;
        }
        d.notes << QObject::tr("box: 25th–75th percentile, bar: median, dot: mean, whiskers: 10th–90th percentile");
        break;
    }
    case ChartType::Scatter: {
        const int mx = m0;
        const int my = measureIndex(pivot, spec.pivot.measures.at(1));
        const int ms = spec.pivot.measures.size() > 2 ? measureIndex(pivot, spec.pivot.measures.at(2)) : -1;
        if (!spec.pivot.cols.isEmpty())
            for (int c : cols)
                d.groups << columnName(c);
        for (int i = 0; i < rows.size(); ++i) {
            for (int g = 0; g < cols.size(); ++g) {
                const auto [x, nx] = valueAt(rows[i], cols[g], mx);
                const auto [y, ny] = valueAt(rows[i], cols[g], my);
                if (std::isnan(x) || std::isnan(y))
                    continue;
                ScatterPoint p;
                p.label = d.categories[i];
                p.x = x;
                p.y = y;
                p.size = valueAt(rows[i], cols[g], ms).first;
                p.n = std::min(nx, ny);
                p.group = g;
                d.points << p;
            }
        }
        if (d.points.isEmpty()) {
            *error = QObject::tr("no row has both %1 and %2").arg(spec.pivot.measures.at(0), spec.pivot.measures.at(1));
            return std::nullopt;
        }
        break;
    }
    case ChartType::PChart:
    case ChartType::Xmr: {
        ChartSeries s = seriesOf(first.label, cols.first(), m0);
        ChartSeries kept;
        kept.name = s.name;
        QStringList labels;
        for (int i = 0; i < s.values.size(); ++i)
            if (!std::isnan(s.values[i]) && s.n[i] > 0) {
                kept.values << s.values[i];
                kept.n << s.n[i];
                labels << d.categories[i];
            }
        d.categories = labels;
        d.series << kept;
        // Periods with no data are not plotted; runs and moving ranges go on across the gap, which
        // the chart marks.
        QStringList missing;
        for (int i = 1; i < labels.size(); ++i) {
            const QString next = nextPeriodLabel(labels[i - 1]);
            if (!next.isEmpty() && next != labels[i]) {
                d.gapsBefore << i;
                missing << QStringLiteral("%1 – %2").arg(chartDisplayLabel(labels[i - 1]), chartDisplayLabel(labels[i]));
            }
        }
        if (!missing.isEmpty())
            d.notes << QObject::tr("no data between %1 (marked “gap”)").arg(missing.join(QStringLiteral(", ")));
        // The user's baseline window and the version changes, as point indices (a label left out
        // as a gap moves to the next period shown).
        auto indexAtOrAfter = [&labels](const QString &label) {
            for (int i = 0; i < labels.size(); ++i)
                if (labels[i] >= label)
                    return i;
            return int(labels.size());
        };
        if (labels.isEmpty()) {
            *error = QObject::tr("no period has data to chart");
            return std::nullopt;
        }
        const ChartControl &control = spec.control;
        stats::ControlBaseline baseline;
        if (!control.baselineFrom.isEmpty())
            baseline.first = indexAtOrAfter(control.baselineFrom);
        if (!control.baselineTo.isEmpty()) {
            int last = -1;
            for (int i = 0; i < labels.size(); ++i)
                if (labels[i] <= control.baselineTo)
                    last = i;
            baseline.last = last;
        }
        if ((baseline.first || baseline.last) &&
            (baseline.first.value_or(0) > baseline.last.value_or(int(labels.size()) - 1) || baseline.last == -1 ||
             baseline.first == int(labels.size()))) {
            *error = QObject::tr("control.baseline %1 – %2 holds none of the periods charted (%3 – %4)")
                         .arg(control.baselineFrom.isEmpty() ? QObject::tr("(first)") : control.baselineFrom,
                              control.baselineTo.isEmpty() ? QObject::tr("(latest)") : control.baselineTo,
                              labels.first(), labels.last());
            return std::nullopt;
        }
        QList<int> restarts;
        int userRestart = -1;
        if (!control.restart.isEmpty()) {
            userRestart = indexAtOrAfter(control.restart);
            if (userRestart <= 0 || userRestart >= labels.size()) {
                *error = QObject::tr("control.restart %1 must be a period after the first charted and not after the "
                                     "latest (%2 – %3)")
                             .arg(control.restart, labels.first(), labels.last());
                return std::nullopt;
            }
            restarts << userRestart;
            d.chosenRestart = userRestart;
        }
        if (control.versionRestart)
            for (const QString &label : context.restartLabels)
                if (const int i = indexAtOrAfter(label); i > 0 && i < labels.size() && !restarts.contains(i))
                    restarts << i;
        std::sort(restarts.begin(), restarts.end());
        if (spec.type == ChartType::PChart) {
            QList<stats::PChartPoint> points;
            for (int i = 0; i < kept.values.size(); ++i)
                points << stats::PChartPoint{std::llround(kept.values[i] / 100.0 * double(kept.n[i])), kept.n[i]};
            const stats::PChart c = stats::pChartPhased(points, restarts, baseline);
            if (!c.valid) {
                *error = c.note;
                return std::nullopt;
            }
            d.pChart = c;
            d.notes << QObject::tr("centre p̄ = %1%, limits p̄ ± 3σ").arg(formatShort(c.centre * 100.0));
            if (c.laney)
                d.notes << QObject::tr("Laney p′: limits widened by σz = %1").arg(formatShort(c.sigmaZ, 2));
        } else {
            const stats::XmrChart c = stats::xmrChartPhased(kept.values, restarts, baseline);
            if (!c.valid) {
                *error = c.note;
                return std::nullopt;
            }
            d.xmr = c;
            d.notes << QObject::tr("centre x̄ = %1, limits x̄ ± 2.66 mR̄ (mR̄ = %2)")
                           .arg(formatShort(c.centre), formatShort(c.meanMovingRange, 2));
        }
        // Each phase has its own baseline (analysis.md "Baseline"); the footnote names them all,
        // the latest phase's (the one the latest period is judged in) last.
        const bool provisional = d.pChart ? d.pChart->provisional : d.xmr->provisional;
        QStringList spans;
        for (const auto &[bf, bl] : d.pChart ? d.pChart->phaseBaselines : d.xmr->phaseBaselines)
            spans << (bf == bl ? chartDisplayLabel(d.categories.value(bf))
                               : QStringLiteral("%1 – %2").arg(chartDisplayLabel(d.categories.value(bf)),
                                                              chartDisplayLabel(d.categories.value(bl))));
        d.notes << (spans.size() > 1 ? QObject::tr("baselines %1%2") : QObject::tr("baseline %1%2"))
                       .arg(spans.join(QStringLiteral(", ")),
                            !provisional        ? QString()
                            : spans.size() > 1 ? QObject::tr(" (the latest provisional: fewer than 8 points)")
                                               : QObject::tr(" (provisional: fewer than 8 points)"));
        const QList<int> starts = d.pChart ? d.pChart->phaseStarts : d.xmr->phaseStarts;
        for (int k = 1; k < starts.size(); ++k)
            d.notes << (starts[k] == userRestart ? QObject::tr("limits restart in %1 (chosen)")
                                                 : QObject::tr("limits restart in %1 (scorecard version change)"))
                           .arg(chartDisplayLabel(d.categories.value(starts[k])));
        for (int i : d.pChart ? d.pChart->deferredRestarts : d.xmr->deferredRestarts)
            d.notes << (i == userRestart ? QObject::tr("restart in %1: too recent to set limits (fewer than 2 periods)")
                                         : QObject::tr("version change in %1: too recent to restart the limits"))
                           .arg(chartDisplayLabel(d.categories.value(i)));
        break;
    }
    case ChartType::Funnel: {
        QList<stats::FunnelUnit> units;
        ChartSeries s = seriesOf(first.label, cols.first(), m0);
        const QList<double> sd = sdOf(cols.first());
        QStringList labels;
        ChartSeries kept;
        kept.name = s.name;
        for (int i = 0; i < s.values.size(); ++i) {
            if (std::isnan(s.values[i]) || s.n[i] <= 0)
                continue;
            units << stats::FunnelUnit{d.categories[i], s.values[i], s.n[i],
                                       first.rate ? 0.0 : sd.value(i, NaN) * first.fieldScale};
            if (!first.rate && std::isnan(units.last().sd))
                units.last().sd = 0;
            labels << d.categories[i];
            kept.values << s.values[i];
            kept.n << s.n[i];
        }
        const stats::Funnel f = first.rate ? stats::rateFunnel(units, first.higherIsBetter, context.minSample)
                                           : stats::meanFunnel(units, first.higherIsBetter, context.minSample);
        if (!f.valid) {
            *error = f.note;
            return std::nullopt;
        }
        d.categories = labels;
        d.series << kept;
        d.funnel = f;
        d.unitN = kept.n;
        d.notes << (first.rate ? QObject::tr("limits: 95% and 99.8% (exact binomial)")
                               : QObject::tr("limits: 95% and 99.8% (pooled SD %1)").arg(formatShort(f.sw, 1)));
        d.notes << (f.widened ? QObject::tr("overdispersion φ = %1: limits widened by √φ").arg(formatShort(f.phi, 2))
                              : QObject::tr("φ = %1").arg(formatShort(f.phi, 2)));
        break;
    }
    case ChartType::Waterfall:
        *error = QObject::tr("a waterfall chart is drawn from its root-cause analysis (\"rca\"), not from a pivot");
        return std::nullopt;
    }
    QStringList named;
    for (const QString &label : std::as_const(d.categories))
        named << chartNamedLabel(label, d.rowDimension, context.criterionNames);
    d.displayCategories = chartDisplayLabels(named);
    if (!spec.pivot.cols.isEmpty())
        for (ChartSeries &s : d.series)
            if (const QString name = chartNamedLabel(s.name, d.columnDimension, context.criterionNames); name != s.name) {
                s.key = s.name;
                s.name = name;
            }
    for (QString &group : d.groups)
        group = chartNamedLabel(group, d.columnDimension, context.criterionNames);
    return d;
}

std::optional<ChartData> ChartDataBuilder::build(const Cube &cube, const ChartSpec &spec, const PivotOptions &options,
                                                 const ChartContext &context, QString *error)
{
    const auto pivotSpec = pivotFor(spec, context, error);
    if (!pivotSpec)
        return std::nullopt;
    PivotOptions pivotOptions = options;
    pivotOptions.fieldsOfKpiAudits = boxOfKpiAudits(spec);
    const auto result = PivotEngine::compute(cube, *pivotSpec, pivotOptions, error);
    if (!result)
        return std::nullopt;
    if (result->factCount() == 0) {
        *error = QObject::tr("no %1 match the filters and period asked").arg(pivotSourceName(spec.pivot.source));
        return std::nullopt;
    }
    ChartContext chartContext = context;
    if ((spec.type == ChartType::PChart || spec.type == ChartType::Xmr) && spec.control.versionRestart &&
        spec.pivot.source != PivotSource::Csat && chartContext.restartLabels.isEmpty())
        chartContext.restartLabels = versionStarts(cube, *pivotSpec, options);
    auto data = fromPivot(spec, *result, chartContext, error);
    if (!data)
        return std::nullopt;
    if (options.agents.display != NameDisplay::Names) {
        // The footnote's filters name agents as the axes do (ui.md "People in outputs"): a chart
        // under pseudonyms must not name in its footnote whom its bars hide.
        PivotSpec shown = result->spec();
        for (PivotFilter &f : shown.filters)
            f.values = agentFilterLabels(cube, f.dimension, f.values, options.agents);
        data->filters = filtersText(shown);
    }
    if (pivotOptions.fieldsOfKpiAudits) {
        // n: the audits in the boxes (the KPI's n), not every audit that passed the filters.
        const PivotSpec audits = overallOf(*pivotSpec, {}, {QStringLiteral("audits")});
        QString ignored;
        if (const auto n = PivotEngine::compute(cube, audits, options, &ignored); n && n->rowCount() > 0)
            if (const auto v = n->value(0, 0, 0))
                data->facts = qint64(v->value);
        data->notes << QObject::tr("audits as the KPIs count them: official, scored and complete");
    } else if (spec.pivot.source == PivotSource::Audits && spec.type != ChartType::Scatter) {
        // n: the audits the first measure is made of. A KPI (qa_score, pass_rate, …) counts only
        // official, scored, complete audits of the counted sample types, so its n can be smaller
        // than every audit that passed the filters; the footnote gives the KPI's n then.
        const PivotSpec total = overallOf(*pivotSpec, {}, {spec.pivot.measures.value(0)});
        QString ignored;
        if (const auto n = PivotEngine::compute(cube, total, options, &ignored); n && n->rowCount() > 0)
            if (const auto v = n->value(0, 0, 0); v && v->n > 0 && v->n < data->facts) {
                data->facts = v->n;
                data->notes << QObject::tr("audits as the KPIs count them: official, scored, complete, of the "
                                           "counted sample types");
            }
    }
    // The facts' own date range where the spec leaves an end open.
    if (!data->firstDate.isValid() || !data->lastDate.isValid()) {
        const PivotSpec days = overallOf(*pivotSpec, {QStringLiteral("day")}, {QStringLiteral("count")});
        QString ignored;
        if (const auto span = PivotEngine::compute(cube, days, options, &ignored)) {
            QDate lo, hi;
            for (const PivotHeader &h : span->rows()) {
                const QDate d = QDate::fromString(h.labels.value(0), Qt::ISODate);
                if (!d.isValid())
                    continue;
                if (!lo.isValid() || d < lo)
                    lo = d;
                if (!hi.isValid() || d > hi)
                    hi = d;
            }
            if (!data->firstDate.isValid())
                data->firstDate = lo;
            if (!data->lastDate.isValid())
                data->lastDate = hi;
        }
    }
    return data;
}

} // namespace ql

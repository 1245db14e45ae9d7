// SPDX-License-Identifier: GPL-3.0-or-later
#include "waterfall.h"

#include "chartdata.h"
#include "chartspec.h"
#include "rca/rcaengine.h"

#include <QJsonArray>
#include <QObject>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ql {

double Waterfall::runningTotal(int i) const
{
    double total = start;
    for (int k = 0; k <= i && k < steps.size(); ++k)
        total += steps.at(k).value;
    return total;
}

std::optional<ChartData> waterfallChartData(const rca::Result &result, QString *error, int maxSteps)
{
    if (result.analysis.dimensions.isEmpty()) {
        *error = QObject::tr("the analysis found no dimension to decompose the change by");
        return std::nullopt;
    }
    const rca::Dimension &d = result.analysis.dimensions.first();
    const rca::Metric &metric = result.request.metric;
    const ChartMeasureInfo info = chartMeasureInfo(metric.measure, metric.source);

    Waterfall w;
    w.startLabel = chartDisplayLabel(result.request.base.label);
    w.endLabel = chartDisplayLabel(result.request.current.label);
    w.start = result.analysis.base.value;
    w.end = result.analysis.current.value;
    w.higherIsBetter = info.higherIsBetter;

    // The largest maxSteps by size stay, in the engine's order; the rest become one step, last.
    QList<int> order(d.elements.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&d](int a, int b) {
        return std::abs(d.elements.at(a).contribution) > std::abs(d.elements.at(b).contribution);
    });
    const int keepCount = int(d.elements.size()) > maxSteps ? maxSteps - 1 : int(d.elements.size());
    QList<bool> keep(d.elements.size(), false);
    for (int i = 0; i < keepCount; ++i)
        keep[order.at(i)] = true;
    WaterfallStep rest;
    rest.others = true;
    int restCount = 0;
    for (int i = 0; i < d.elements.size(); ++i) {
        const rca::Element &e = d.elements.at(i);
        WaterfallStep s;
        s.label = e.label;
        s.value = e.contribution;
        s.rate = e.rateEffect;
        s.mix = e.mixEffect;
        s.baseN = e.base.n;
        s.currentN = e.current.n;
        if (keep.at(i)) {
            w.steps << s;
            continue;
        }
        ++restCount;
        rest.value += s.value;
        rest.rate += s.rate;
        rest.mix += s.mix;
        rest.baseN += s.baseN;
        rest.currentN += s.currentN;
    }
    if (restCount > 0) {
        rest.label = QObject::tr("%n others", nullptr, restCount);
        w.steps << rest;
    }

    ChartData data;
    data.type = ChartType::Waterfall;
    data.source = metric.source;
    data.rowDimension = d.name;
    ChartSeries series;
    series.name = QObject::tr("Contribution");
    for (const WaterfallStep &s : std::as_const(w.steps)) {
        data.categories << s.label;
        series.values << s.value;
        series.n << s.currentN;
    }
    data.displayCategories = data.categories;
    data.series << series;
    ChartMeasureInfo measure = info;
    measure.label = metric.title;
    data.measures << measure;
    data.minSample = 0;
    data.facts = result.analysis.base.n + result.analysis.current.n;
    data.periodDate = metric.source == PivotSource::Csat ? QObject::tr("response date") : QObject::tr("review date");
    QStringList filters;
    for (const PivotFilter &f : result.request.filters)
        filters << QStringLiteral("%1 %2 %3").arg(f.dimension, f.exclude ? QStringLiteral("≠") : QStringLiteral("="),
                                                 f.values.join(QStringLiteral(", ")));
    data.filters = filters.join(QStringLiteral("; "));
    data.notes << QObject::tr("each step is a %1's rate effect plus its mix effect (Kitagawa)").arg(d.name);
    if (!result.analysis.gatePassed)
        data.notes << QObject::tr("the change is not significant or below the minimum change: for information");
    data.waterfall = w;
    return data;
}

ChartSpec waterfallSpec(const rca::Result &result)
{
    ChartSpec s;
    s.type = ChartType::Waterfall;
    s.labels = true;
    const rca::Metric &metric = result.request.metric;
    const QString top =
        result.analysis.dimensions.isEmpty() ? QString() : result.analysis.dimensions.first().name;
    const double delta = result.analysis.delta;
    const QString change = std::abs(delta) < 0.05 ? QObject::tr("held steady")
                           : delta > 0             ? QObject::tr("rose %1 points").arg(std::abs(delta), 0, 'f', 1)
                                                   : QObject::tr("fell %1 points").arg(std::abs(delta), 0, 'f', 1);
    s.title = top.isEmpty() ? QObject::tr("%1 %2").arg(metric.title, change)
                            : QObject::tr("%1 %2: the change by %3").arg(metric.title, change, top);
    s.subtitle = QObject::tr("%1 → %2, contributions in points")
                     .arg(chartDisplayLabel(result.request.base.label), chartDisplayLabel(result.request.current.label));
    QJsonArray dims;
    for (const QString &dim : result.request.dimensions)
        dims << dim;
    s.rca = QJsonObject{{QStringLiteral("metric"), metric.spelling},
                        {QStringLiteral("base"), result.request.base.label},
                        {QStringLiteral("current"), result.request.current.label},
                        {QStringLiteral("dims"), dims}};
    if (!result.request.filters.isEmpty())
        s.rca.insert(QStringLiteral("filters"), waterfallFiltersJson(result.request.filters));
    return s;
}

} // namespace ql

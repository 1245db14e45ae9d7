// SPDX-License-Identifier: GPL-3.0-or-later
#include "failedcriteria.h"

#include "chart/pareto.h"

#include <QObject>

namespace ql {

namespace {

// The first and last day of a month label ("2026-10"); invalid dates for other labels.
std::pair<QDate, QDate> monthSpan(const QString &label)
{
    const QDate first = QDate::fromString(label + QStringLiteral("-01"), Qt::ISODate);
    if (!first.isValid())
        return {};
    return {first, first.addMonths(1).addDays(-1)};
}

InsightsChart paretoChart(const rca::PointsLost &loss, bool points, const QList<PivotFilter> &filters,
                          const ChartContext &context)
{
    InsightsChart c;
    c.spec.type = ChartType::Pareto;
    c.spec.labels = true;
    c.spec.subtitle = loss.period;
    QList<ParetoItem> items;
    for (const rca::CriterionLoss &l : loss.criteria) {
        const double value = points ? l.pointsLost : double(l.failed);
        if (value > 0)
            items << ParetoItem{l.criterion, value, points ? l.rated : l.failed};
    }
    if (items.isEmpty()) {
        c.error = points ? QObject::tr("No criterion lost points in %1.").arg(loss.period)
                         : QObject::tr("No answer failed in %1.").arg(loss.period);
        return c;
    }
    ChartData d;
    d.type = ChartType::Pareto;
    d.source = PivotSource::Answers;
    d.rowDimension = QStringLiteral("criterion");
    d.pareto = paretoOf(items);
    ChartSeries series;
    for (const ParetoItem &item : d.pareto.items) {
        d.categories << item.label;
        series.values << item.value;
        series.n << item.n;
    }
    for (const QString &key : std::as_const(d.categories))
        d.displayCategories << context.criterionNames.value(key, key);
    ChartMeasureInfo measure;
    if (points) {
        c.spec.title = QObject::tr("Points lost by criterion");
        measure.spelling = QStringLiteral("points_lost");
        measure.label = QObject::tr("Points lost");
        measure.unit = ValueUnit::Number;
        d.notes << QObject::tr("points lost: 100 × effective weight × (1 − c) over rated answers; %1 points in %2 audits")
                       .arg(QString::number(loss.total, 'f', 1))
                       .arg(loss.audits);
    } else {
        c.spec.title = QObject::tr("Failed answers by criterion");
        measure.spelling = QStringLiteral("count");
        measure.label = QObject::tr("Failed answers");
        measure.unit = ValueUnit::Count;
        d.notes << QObject::tr("failed: rated below the criterion's pass level; %1 failed answers in %2 audits")
                       .arg(loss.failed)
                       .arg(loss.audits);
    }
    measure.higherIsBetter = false;
    series.name = measure.label;
    d.series << series;
    d.measures << measure;
    d.minSample = 0;
    for (const rca::CriterionLoss &l : loss.criteria)
        d.facts += l.rated;
    const auto [first, last] = monthSpan(loss.period);
    d.firstDate = first;
    d.lastDate = last;
    d.periodDate = context.periodDate == QLatin1String("interaction_date") ? QObject::tr("interaction date")
                                                                          : QObject::tr("review date");
    QStringList scope;
    for (const PivotFilter &f : filters)
        scope << QStringLiteral("%1 %2 %3").arg(f.dimension, f.exclude ? QStringLiteral("≠") : QStringLiteral("="),
                                               f.values.join(QStringLiteral(", ")));
    d.filters = scope.join(QStringLiteral("; "));
    d.organisation = context.organisation;
    d.notes << QObject::tr("line: cumulative share; coloured: the vital few up to 80%");
    c.data = d;
    return c;
}

} // namespace

InsightsChart FailedCriteria::countChart(const rca::PointsLost &loss, const QList<PivotFilter> &filters,
                                         const ChartContext &context)
{
    return paretoChart(loss, false, filters, context);
}

InsightsChart FailedCriteria::lostChart(const rca::PointsLost &loss, const QList<PivotFilter> &filters,
                                        const ChartContext &context)
{
    return paretoChart(loss, true, filters, context);
}

} // namespace ql

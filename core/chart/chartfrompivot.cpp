// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartfrompivot.h"

#include "chartdata.h"

#include <QObject>

namespace ql {

namespace {

bool isPeriod(const QString &dimension)
{
    static const QStringList periods{QStringLiteral("day"), QStringLiteral("week"), QStringLiteral("month"),
                                     QStringLiteral("quarter"), QStringLiteral("year")};
    // Built-in period dimensions, and those of another date ("csat_month", "review_week", …).
    for (const QString &p : periods)
        if (dimension == p || dimension.endsWith(QLatin1Char('_') + p))
            return true;
    return false;
}

} // namespace

std::optional<ChartSpec> chartFromPivot(const PivotSpec &pivot, QString *error)
{
    if (pivot.rows.isEmpty()) {
        *error = QObject::tr("Put a dimension in Rows to chart the pivot.");
        return std::nullopt;
    }
    if (pivot.measures.isEmpty()) {
        *error = QObject::tr("Put a measure in Values to chart the pivot.");
        return std::nullopt;
    }
    ChartSpec spec;
    spec.pivot = pivot;
    spec.type = isPeriod(pivot.rows.first()) ? ChartType::Line : ChartType::Bar;
    const QString measure = chartMeasureInfo(pivot.measures.first(), pivot.source, pivot.showAsOf(pivot.measures.first())).label;
    const QString by = QString(pivot.rows.first()).replace(QLatin1Char('_'), QLatin1Char(' '));
    spec.title = pivot.cols.isEmpty()
                     ? QObject::tr("%1 by %2").arg(measure, by)
                     : QObject::tr("%1 by %2 and %3")
                           .arg(measure, by, QString(pivot.cols.first()).replace(QLatin1Char('_'), QLatin1Char(' ')));
    if (const QString problem = spec.validate(); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return spec;
}

} // namespace ql

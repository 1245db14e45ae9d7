// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "insightsdata.h"
#include "rca/pointslost.h"

namespace ql {

// The two Paretos of the Failed criteria tab (analysis.md "Pareto": a points-lost Pareto sits beside
// the count one): failed answers per criterion, and points lost per criterion (scoring.md:
// 100 × e_i × (1 − c_i) summed over the criterion's rated answers).
class FailedCriteria final
{
public:
    FailedCriteria() = delete;

    // The count Pareto (criteria with at least one failed answer) and the points-lost Pareto
    // (criteria that lost any points), ready to render; `filters`, the period and the context (the
    // date that drives periods, the organisation) fill the footnote.
    static InsightsChart countChart(const rca::PointsLost &loss, const QList<PivotFilter> &filters,
                                    const ChartContext &context);
    static InsightsChart lostChart(const rca::PointsLost &loss, const QList<PivotFilter> &filters,
                                   const ChartContext &context);
};

} // namespace ql

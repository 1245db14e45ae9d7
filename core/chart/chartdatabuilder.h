// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartdata.h"
#include "pivot/pivotengine.h"
#include "pivot/pivotresult.h"

#include <optional>

namespace ql {

// Builds a chart's data model from pivots (formats.md "Chart spec"): the GUI passes the pivot it
// already shows, the CLI and reports let build() compute it.
class ChartDataBuilder final
{
public:
    // The pivot a chart computes: the spec's, with the measures some types need added (a box plot's
    // percentiles of the field behind its measure; the standard deviation behind a mean's band or
    // funnel). Empty with an error when the type cannot be drawn from that measure.
    static std::optional<PivotSpec> pivotFor(const ChartSpec &spec, const ChartContext &context, QString *error);

    // From a pivot computed with pivotFor()'s spec. The date range is the spec's (or unknown).
    static std::optional<ChartData> fromPivot(const ChartSpec &spec, const PivotResult &pivot,
                                              const ChartContext &context, QString *error);

    // Computes pivotFor() over the cube, and the facts' date range for the footnote.
    static std::optional<ChartData> build(const Cube &cube, const ChartSpec &spec, const PivotOptions &options,
                                          const ChartContext &context, QString *error);
};

} // namespace ql

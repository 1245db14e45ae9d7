// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartspec.h"

#include <QString>

#include <optional>

namespace ql {

// "Chart this" (issue 5): the chart a pivot layout reads as, for the Charts page to open. A pivot
// whose first row dimension is a period (day, week, month, quarter, year) becomes a line over time,
// anything else bars; a column dimension becomes the series. The pivot is kept as it is (filters,
// dates, sort and top N), the title names the first measure and the row dimension. std::nullopt
// with *error when no chart type can draw it (no row dimension, or no measure).
std::optional<ChartSpec> chartFromPivot(const PivotSpec &pivot, QString *error);

} // namespace ql

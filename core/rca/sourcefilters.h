// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/pivotspec.h"

#include <QList>

namespace ql {

class Cube;

namespace rca {

// The shared filter bar's scorecard and sample type filters (ui.md) keep audits and their answers:
// CSAT responses have neither, so an analysis of responses takes the bar's other filters (queue,
// channel, team, site) and counts every response of them, as the Scorecards page's CSAT tiles do.
// Returns `filters` without those on scorecard, scorecard_version or sample_type when `cube` has no
// such dimension; every other filter is kept (an unknown dimension still fails in the pivot).
QList<PivotFilter> filtersFor(const Cube &cube, const QList<PivotFilter> &filters);

// Whether filtersFor() leaves some of `filters` out for `cube`.
bool dropsFilters(const Cube &cube, const QList<PivotFilter> &filters);

} // namespace rca
} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>

#include <optional>

namespace ql {

struct CriterionKpi;

// A criterion's gap against a reference group that contains the slice (an agent within their team,
// a team within all agents), with its standard error (analysis.md: "gaps against the team are
// ranked by gap / standard error, not raw gap"). Compliance is treated as a proportion p = mean c
// with variance p(1 − p)/n (exact for yes/no criteria, an upper bound for partial credit). Because
// the slice is part of the reference, gap = p_a − p_R = (n_r/n_R)(p_a − p_r) with r the rest of the
// reference, so SE = (n_r/n_R)·√(p_a(1 − p_a)/n_a + p_r(1 − p_r)/n_r). When the sums are not nested
// (the agent moved team within the period) the two groups are taken as independent.
struct CriterionGap
{
    double gap = 0; // points
    double se = 0;  // points
    std::optional<double> z; // gap / SE; ±infinity when SE is 0 and the gap is not; 0 when both are 0
    double low() const { return gap - 1.959963984540054 * se; }
    double high() const { return gap + 1.959963984540054 * se; }
};

// pSlice and pReference in [0, 1], n the rated answers. Nothing when a side has no rated answer, or
// when the slice is the whole reference (the gap is 0 by construction, not news).
std::optional<CriterionGap> criterionGap(double pSlice, qint64 nSlice, double pReference, qint64 nReference);

// Orders a breakdown "largest gaps first": criteria with at least minSample rated answers by
// |gap| / SE, largest first (ties: larger |gap|, then as they came); then the small samples, in the
// same order among themselves (shown greyed, not ranked among the others); then those without a gap.
void rankCriteriaByGap(QList<CriterionKpi> &criteria, qint64 minSample);

} // namespace ql

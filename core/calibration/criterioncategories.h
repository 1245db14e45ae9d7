// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibrationtypes.h"
#include "stats/ratings.h"

namespace ql {

// The answers a criterion can receive, as agreement statistics and spreads count them: binary
// 0 and 1, every integer of a range, the options by points (lowest first, so the order is the
// scale's), then N/A when the criterion allows it. The level is the scale's: binary nominal,
// ranges and options ordinal.
struct CriterionCategories
{
    QList<stats::Category> categories;
    int notApplicable = -1; // index of N/A, -1 when the criterion does not allow it
    stats::Level level = stats::Level::Nominal;

    static CriterionCategories of(const Criterion &criterion);
    // The category of an answer, -1 for a missing one or a value off the scale.
    int indexOf(const CalibrationAnswer &answer) const;
    // The answer a category stands for (the inverse of indexOf).
    CalibrationAnswer answerAt(int index) const;
};

} // namespace ql

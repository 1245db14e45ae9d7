// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Ordering the rows or columns of a pivot, and choosing its top N (internal to the engine).
// Ordering is hierarchical: siblings (same parent labels) are ordered among themselves, by label or
// by a measure's value at their own level, and a "(total)" stays after its group, an "(others)"
// just before it. Ties order by value, then n descending, then label (analysis.md).

#include "pivotkeyspace.h"
#include "pivotresult.h"

#include <functional>
#include <optional>
#include <vector>

namespace ql::pivot {

// Sorting and top-N compare values rounded to 12 significant digits: two means that are equal but
// were summed in a different order can differ in their last bit, and that noise must not decide an
// order (nor whether two rows tie).
double tieValue(double v);

using AxisValue = std::function<std::optional<PivotValue>(std::uint64_t axisKey)>;

// Sorts axis keys (row keys when rows, else column keys). With a measure, valueOf gives the value
// that sorts an axis key (any level); missing values go last either way.
void orderAxis(const KeySpace &space, bool rows, bool byLabel, bool descending, const AxisValue &valueOf,
               std::vector<std::uint64_t> *axisKeys);

struct TopChoice
{
    std::vector<std::uint64_t> dropped; // finest row keys left out, sorted
    int tiesKept = 0;                   // rows kept beyond n because they tie with the n-th
    int groupsCut = 0;                  // groups that lost rows
};

// Keeps, within each group of finest rows (same labels but the last), the n rows with the largest
// value (then n descending, then label) and every row tied with the n-th.
TopChoice chooseTop(const KeySpace &space, const std::vector<std::uint64_t> &finestRowKeys, int n,
                    const AxisValue &valueOf);

} // namespace ql::pivot

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace ql::pivot {

// The percent-th percentile (1-99) of the values in [begin, end), not empty, by linear interpolation
// between closest ranks (Hyndman & Fan type 7, as spreadsheets' PERCENTILE): with h = (n - 1) p,
// x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]) on the sorted values. h is computed in
// integers ((n - 1) * percent / 100), so p90 of 11 values is exactly the 10th, not 9.000000000000002.
// Reorders the range (two nth_element passes, linear, instead of a sort).
double percentileType7(double *begin, double *end, int percent);

} // namespace ql::pivot

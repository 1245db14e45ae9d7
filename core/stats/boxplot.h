// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <vector>

namespace ql::stats {

// The percentile of sorted values by linear interpolation between closest ranks (type 7, as
// spreadsheets and the pivot engine do): h = (n − 1)·q/100, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
double percentileType7(std::span<const double> sorted, double percent);

// The numbers a box plot draws: the box from the 25th to the 75th percentile with the median, and
// whiskers at the chosen low and high percentiles (default 10th and 90th: robust to the zero
// scores of auto-failed audits, which would otherwise pin every lower whisker at 0).
struct BoxSummary
{
    double low = 0; // whisker
    double q1 = 0;
    double median = 0;
    double q3 = 0;
    double high = 0; // whisker
    double mean = 0;
    long long n = 0;
};

// NaN values are ignored; an empty input gives n = 0 and zeros.
BoxSummary boxSummary(std::vector<double> values, double whiskerLow = 10, double whiskerHigh = 90);

} // namespace ql::stats

// SPDX-License-Identifier: GPL-3.0-or-later
#include "boxplot.h"

#include <algorithm>
#include <cmath>

namespace ql::stats {

double percentileType7(std::span<const double> sorted, double percent)
{
    if (sorted.empty())
        return std::nan("");
    const double h = double(sorted.size() - 1) * std::clamp(percent, 0.0, 100.0) / 100.0;
    const auto lo = std::size_t(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - double(lo)) * (sorted[hi] - sorted[lo]);
}

BoxSummary boxSummary(std::vector<double> values, double whiskerLow, double whiskerHigh)
{
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }), values.end());
    BoxSummary b;
    b.n = static_cast<long long>(values.size());
    if (values.empty())
        return b;
    std::sort(values.begin(), values.end());
    b.low = percentileType7(values, whiskerLow);
    b.q1 = percentileType7(values, 25);
    b.median = percentileType7(values, 50);
    b.q3 = percentileType7(values, 75);
    b.high = percentileType7(values, whiskerHigh);
    double sum = 0;
    for (double v : values)
        sum += v;
    b.mean = sum / double(values.size());
    return b;
}

} // namespace ql::stats

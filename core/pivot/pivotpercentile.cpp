// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotpercentile.h"

#include <algorithm>
#include <cstdint>

namespace ql::pivot {

double percentileType7(double *begin, double *end, int percent)
{
    const auto n = std::uint64_t(end - begin);
    const std::uint64_t scaled = (n - 1) * std::uint64_t(percent);
    const std::uint64_t lo = scaled / 100;
    const std::uint64_t rest = scaled % 100;
    std::nth_element(begin, begin + lo, end);
    const double low = begin[lo];
    if (rest == 0 || lo + 1 >= n)
        return low;
    // After nth_element everything past lo is >= low: the next order statistic is their minimum.
    const double high = *std::min_element(begin + lo + 1, end);
    return low + (double(rest) / 100.0) * (high - low);
}

} // namespace ql::pivot

// SPDX-License-Identifier: GPL-3.0-or-later
#include "sampleplanner.h"

#include "distributions.h"

#include <cmath>

namespace ql::stats {

namespace {

// A plan beyond a billion audits is not a plan; it also bounds the searches below.
constexpr qint64 largest = 1'000'000'000;

// The smallest n in [lo, hi] with ok(n), given ok is monotone (false … false true … true) and ok(hi).
template <typename Ok> qint64 firstTrue(qint64 lo, qint64 hi, Ok ok)
{
    while (lo < hi) {
        const qint64 mid = lo + (hi - lo) / 2;
        if (ok(mid))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

} // namespace

std::optional<qint64> sampleSizeForMean(double sd, double margin, double confidence)
{
    if (!(margin > 0) || !(sd >= 0) || !(confidence > 0 && confidence < 1))
        return std::nullopt;
    if (sd == 0)
        return 2;
    const auto ok = [&](qint64 n) {
        return studentTCritical(confidence, double(n - 1)) * sd / std::sqrt(double(n)) <= margin;
    };
    if (!ok(largest))
        return std::nullopt;
    return firstTrue(2, largest, ok);
}

std::optional<qint64> sampleSizeForProportion(double p, double margin, double confidence)
{
    if (!(margin > 0) || !(p >= 0 && p <= 1) || !(confidence > 0 && confidence < 1))
        return std::nullopt;
    const double z = normalCritical(confidence);
    const double z2 = z * z;
    const auto ok = [&](qint64 n) {
        const double nn = double(n);
        return z * std::sqrt(nn * p * (1 - p) + z2 / 4) / (nn + z2) <= margin;
    };
    if (!ok(largest))
        return std::nullopt;
    return firstTrue(1, largest, ok);
}

} // namespace ql::stats

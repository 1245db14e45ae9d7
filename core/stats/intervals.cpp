// SPDX-License-Identifier: GPL-3.0-or-later
#include "intervals.h"

#include "distributions.h"

#include <algorithm>
#include <cmath>

namespace ql::stats {

Estimate Estimate::scaled(double factor) const
{
    Estimate e = *this;
    if (e.value)
        e.value = *e.value * factor;
    if (e.ciLow)
        e.ciLow = *e.ciLow * factor;
    if (e.ciHigh)
        e.ciHigh = *e.ciHigh * factor;
    if (factor < 0 && e.hasInterval())
        std::swap(e.ciLow, e.ciHigh);
    return e;
}

QString noteNoData()
{
    return QStringLiteral("no data");
}
QString noteSingleValue()
{
    return QStringLiteral("n = 1: no interval");
}
QString noteNotEstimable()
{
    return QStringLiteral("interval not estimable");
}

namespace {

// Cuts [low, high] back to [lo, hi] and says whether it had to.
void clipInto(Estimate &e, double low, double high, double lo, double hi)
{
    e.clipped = low < lo || high > hi;
    e.ciLow = std::clamp(low, lo, hi);
    e.ciHigh = std::clamp(high, lo, hi);
}

} // namespace

Estimate meanInterval(std::span<const double> values, double lo, double hi, double confidence)
{
    const qint64 n = qint64(values.size());
    if (n == 0)
        return {std::nullopt, 0, std::nullopt, std::nullopt, false, noteNoData()};
    // Two passes: the mean first, then squared deviations from it (no cancellation).
    double sum = 0;
    for (const double v : values)
        sum += v;
    const double mean = sum / double(n);
    const auto [minIt, maxIt] = std::minmax_element(values.begin(), values.end());
    if (n > 1 && *minIt == *maxIt)
        return {mean, n, std::nullopt, std::nullopt, false, noteNotEstimable()};
    double squares = 0;
    for (const double v : values)
        squares += (v - mean) * (v - mean);
    const double sd = n > 1 ? std::sqrt(squares / double(n - 1)) : 0.0;
    return meanInterval(mean, sd, n, lo, hi, confidence);
}

Estimate meanInterval(double mean, double sd, qint64 n, double lo, double hi, double confidence)
{
    Estimate e;
    e.n = n;
    if (n <= 0) {
        e.note = noteNoData();
        return e;
    }
    e.value = mean;
    if (n == 1) {
        e.note = noteSingleValue();
        return e;
    }
    if (!(sd > 0)) {
        e.note = noteNotEstimable();
        return e;
    }
    const double half = studentTCritical(confidence, double(n - 1)) * sd / std::sqrt(double(n));
    clipInto(e, mean - half, mean + half, lo, hi);
    return e;
}

Bounds wilsonBounds(qint64 successes, qint64 n, double confidence)
{
    const double z = normalCritical(confidence);
    const double nn = double(n);
    const double p = double(successes) / nn;
    const double z2 = z * z;
    const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
    const double half = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
    // At 0/n and n/n the exact bound is 0 or 1; rounding must not leave it a hair outside.
    Bounds b{std::max(0.0, centre - half), std::min(1.0, centre + half)};
    if (successes == 0)
        b.low = 0;
    if (successes == n)
        b.high = 1;
    return b;
}

Estimate wilsonInterval(qint64 successes, qint64 n, double confidence)
{
    Estimate e;
    e.n = n;
    if (n <= 0 || successes < 0 || successes > n) {
        e.note = noteNoData();
        return e;
    }
    e.value = double(successes) / double(n);
    if (n == 1) {
        e.note = noteSingleValue();
        return e;
    }
    const Bounds b = wilsonBounds(successes, n, confidence);
    e.ciLow = b.low;
    e.ciHigh = b.high;
    return e;
}

Estimate newcombeDifference(qint64 x1, qint64 n1, qint64 x2, qint64 n2, double confidence)
{
    Estimate e;
    e.n = std::max<qint64>(0, n1) + std::max<qint64>(0, n2);
    if (n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
        e.note = noteNoData();
        return e;
    }
    const double p1 = double(x1) / double(n1);
    const double p2 = double(x2) / double(n2);
    const Bounds b1 = wilsonBounds(x1, n1, confidence);
    const Bounds b2 = wilsonBounds(x2, n2, confidence);
    const double theta = p1 - p2;
    e.value = theta;
    const double low = theta - std::hypot(p1 - b1.low, b2.high - p2);
    const double high = theta + std::hypot(b1.high - p1, p2 - b2.low);
    // Method 10 stays inside [−1, 1] by construction; the clamp only absorbs rounding.
    e.ciLow = std::clamp(low, -1.0, 1.0);
    e.ciHigh = std::clamp(high, -1.0, 1.0);
    return e;
}

Estimate npsEstimate(qint64 promoters, qint64 detractors, qint64 responses)
{
    Estimate e;
    e.n = responses;
    if (responses <= 0 || promoters < 0 || detractors < 0 || promoters + detractors > responses) {
        e.note = noteNoData();
        return e;
    }
    const double n = double(responses);
    const double pP = double(promoters) / n;
    const double pD = double(detractors) / n;
    e.value = 100 * (pP - pD);
    if (responses == 1) {
        e.note = noteSingleValue();
        return e;
    }
    // The variance of a promoter (+1) / passive (0) / detractor (−1) score; it is 0 exactly when
    // every response is in one group, which integer counts let us test without rounding.
    const bool oneGroup = promoters == responses || detractors == responses || promoters + detractors == 0;
    if (oneGroup) {
        e.note = noteNotEstimable();
        return e;
    }
    const double variance = std::max(0.0, pP + pD - (pP - pD) * (pP - pD));
    // scoring.md writes the multiplier as 1.96; we keep it literally so every screen agrees.
    const double half = 1.96 * 100 * std::sqrt(variance / n);
    clipInto(e, *e.value - half, *e.value + half, -100, 100);
    return e;
}

} // namespace ql::stats

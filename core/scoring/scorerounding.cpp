// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorerounding.h"

#include <algorithm>
#include <cmath>

namespace ql {

namespace {

constexpr double Micro = 1e6;
// Beyond this |value| × 1e6 no longer fits exactly in a double's integers; scores never get near.
constexpr double ExactLimit = 1e9;

constexpr long long pow10(int n)
{
    long long p = 1;
    for (int i = 0; i < n; ++i)
        p *= 10;
    return p;
}

// Rounds on an integer count of millionths so the decision sees the decimal digits.
double onMicros(double value, int decimals, bool truncate)
{
    decimals = std::clamp(decimals, 0, 6);
    const double scale = double(pow10(decimals));
    if (!std::isfinite(value) || std::abs(value) >= ExactLimit)
        return truncate ? std::trunc(value * scale) / scale : std::round(value * scale) / scale;
    const long long micros = std::llround(value * Micro);
    const long long unit = pow10(6 - decimals);
    long long q = micros / unit; // toward zero
    const long long r = micros % unit;
    if (!truncate && 2 * std::llabs(r) >= unit)
        q += micros < 0 ? -1 : 1;
    return double(q) / scale;
}

} // namespace

double roundScore6(double value)
{
    if (!std::isfinite(value) || std::abs(value) >= ExactLimit)
        return value;
    // round() is half away from zero; dividing the integer by 1e6 gives the double nearest the
    // 6-decimal number.
    return std::round(value * Micro) / Micro;
}

double roundHalfAwayFromZero(double value, int decimals)
{
    return onMicros(value, decimals, false);
}

double truncateToDecimals(double value, int decimals)
{
    return onMicros(value, decimals, true);
}

QString formatScoreForDisplay(double score, int decimals)
{
    decimals = std::clamp(decimals, 0, 6);
    const double shown = roundHalfAwayFromZero(score, decimals);
    return QString::number(shown == 0 ? 0.0 : shown, 'f', decimals);
}

QString formatAuditScoreForDisplay(double score, double threshold, int decimals)
{
    decimals = std::clamp(decimals, 0, 6);
    if (roundScore6(score) >= threshold)
        return formatScoreForDisplay(score, decimals);
    const double shown = truncateToDecimals(score, decimals);
    return QString::number(shown == 0 ? 0.0 : shown, 'f', decimals);
}

} // namespace ql

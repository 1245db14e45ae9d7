// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <span>

namespace ql::stats {

// A KPI value with its n and 95% interval, following the interval rules of scoring.md:
// n = 0 → no value; n = 1 → a value without interval; all values equal → "interval not
// estimable"; an interval cut back to the scale's range is marked clipped.
struct Estimate
{
    std::optional<double> value;
    qint64 n = 0;
    std::optional<double> ciLow;
    std::optional<double> ciHigh;
    bool clipped = false;
    QString note; // empty, or why there is no value or no interval

    bool hasInterval() const { return ciLow.has_value() && ciHigh.has_value(); }
    // The same estimate with value and bounds multiplied by factor (a proportion as a percent).
    Estimate scaled(double factor) const;
};

// The notes of the rules above, shared so the UI and reports can recognise them.
QString noteNoData();       // "no data"
QString noteSingleValue();  // "n = 1: no interval"
QString noteNotEstimable(); // "interval not estimable"

// Mean with the Student t interval x̄ ± t_{1−α/2, n−1} · s/√n, clipped to [lo, hi] (scores: 0–100).
Estimate meanInterval(std::span<const double> values, double lo, double hi, double confidence = 0.95);
// The same from summary statistics (sd is the sample standard deviation, n − 1 denominator).
Estimate meanInterval(double mean, double sd, qint64 n, double lo, double hi, double confidence = 0.95);

// Proportion successes/n with the Wilson score interval (Wilson 1927; Newcombe 1998, method 3):
//   (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
// It stays inside [0, 1] and is informative at 0/n and n/n, so "all values equal" does not
// apply here; n = 0 and n = 1 follow the rules above. Values are proportions (0–1).
Estimate wilsonInterval(qint64 successes, qint64 n, double confidence = 0.95);

// The bare Wilson bounds for 0 ≤ successes ≤ n, n ≥ 1 (no KPI rules), for Newcombe below.
struct Bounds
{
    double low = 0;
    double high = 0;
};
Bounds wilsonBounds(qint64 successes, qint64 n, double confidence = 0.95);

// p̂1 − p̂2 with Newcombe's hybrid score interval (Newcombe 1998, method 10): with Wilson bounds
// (l_i, u_i), L = θ̂ − √((p̂1−l1)² + (u2−p̂2)²) and U = θ̂ + √((u1−p̂1)² + (p̂2−l2)²).
// No value when either group is empty; n is n1 + n2.
Estimate newcombeDifference(qint64 x1, qint64 n1, qint64 x2, qint64 n2, double confidence = 0.95);

// Net Promoter Score = 100·(p_P − p_D), from −100 to +100, with scoring.md's interval
//   NPS ± 1.96 · 100 · √((p_P + p_D − (p_P − p_D)²) / n), clipped to [−100, 100].
// All responses in one group (zero variance) → "interval not estimable".
Estimate npsEstimate(qint64 promoters, qint64 detractors, qint64 responses);

} // namespace ql::stats

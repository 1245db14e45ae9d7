// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <span>
#include <vector>

namespace ql::stats {

// A two-sided test: the statistic, its degrees of freedom where it has them, and the p-value.
// pValue is empty when the test cannot be done (an empty group, no variation); note says why.
struct TestResult
{
    std::optional<double> statistic;
    std::optional<double> df;
    std::optional<double> pValue;
    QString note;

    // scoring.md marks a delta significant at p < 0.05; an impossible test is never significant.
    bool significant(double alpha = 0.05) const { return pValue.has_value() && *pValue < alpha; }
};

// Two-proportion z-test with the pooled standard error (the test, not the interval):
//   z = (p̂1 − p̂2) / √(p̄(1 − p̄)(1/n1 + 1/n2)),  p̄ = (x1 + x2)/(n1 + n2),  p = 2(1 − Φ(|z|)).
TestResult twoProportionZTest(qint64 x1, qint64 n1, qint64 x2, qint64 n2);

// Welch's unequal-variance t-test (Welch 1947) with the Welch–Satterthwaite degrees of freedom:
//   t = (x̄1 − x̄2)/√(s1²/n1 + s2²/n2),  ν = (s1²/n1 + s2²/n2)² / ((s1²/n1)²/(n1−1) + (s2²/n2)²/(n2−1)).
// Needs n ≥ 2 in both groups and some variance in at least one.
TestResult welchTTest(double mean1, double sd1, qint64 n1, double mean2, double sd2, qint64 n2);
TestResult welchTTest(std::span<const double> a, std::span<const double> b);

// Holm's step-down adjustment (Holm 1979): with p-values sorted p(1) ≤ … ≤ p(m),
// p̃(i) = max_{j ≤ i} min(1, (m − j + 1)·p(j)); returned in the input order. Rejecting where
// p̃ < α controls the family-wise error rate at α.
std::vector<double> holmAdjust(std::span<const double> pValues);

} // namespace ql::stats

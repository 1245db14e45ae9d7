// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <optional>

namespace ql::stats {

// The sampling planner of scoring.md: "how many audits for ±E at 95%".

// Scores: the smallest n ≥ 2 with t_{1−α/2, n−1} · sd / √n ≤ margin, i.e. n ≈ (t·s/E)² with the t
// of the n it gives (the z-based (z·s/E)² is a little too small for small n). sd and margin in
// points. Empty when margin ≤ 0 or sd < 0; sd = 0 needs the minimum, 2.
std::optional<qint64> sampleSizeForMean(double sd, double margin, double confidence = 0.95);

// Rates: the smallest n whose Wilson interval at the expected proportion p has half-width
//   z·√(n·p(1−p) + z²/4) / (n + z²) ≤ margin
// (margin as a proportion: 0.05 for ±5 points). The half-width falls strictly as n grows, so a
// bisection finds the n exactly. Empty when margin ≤ 0 or p is outside [0, 1].
std::optional<qint64> sampleSizeForProportion(double p, double margin, double confidence = 0.95);

} // namespace ql::stats

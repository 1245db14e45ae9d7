// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace ql::stats {

// The few distribution functions the statistics need, computed by Boost.Math. Kept behind plain
// functions so that Boost's headers stay out of every other translation unit. Invalid arguments
// (a probability outside (0, 1), a non-positive degree of freedom) give NaN, never an exception.
// Degrees of freedom may be fractional (Welch, Satterthwaite).

double normalCdf(double x);
double normalSurvival(double x); // 1 − Φ(x), accurate in the far tail
double normalQuantile(double p);

double studentTCdf(double t, double df);
double studentTSurvival(double t, double df);
double studentTQuantile(double p, double df);

double fCdf(double f, double df1, double df2);
double fSurvival(double f, double df1, double df2);
double fQuantile(double p, double df1, double df2);

double chiSquaredCdf(double x, double df);
double chiSquaredSurvival(double x, double df);
double chiSquaredQuantile(double p, double df);

// The two-sided critical value of a (1 − level) interval: z_{1−(1−confidence)/2}, 1.959964 at 95%.
double normalCritical(double confidence);
double studentTCritical(double confidence, double df);

} // namespace ql::stats

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

namespace ql::stats {

// Fair comparison of units of different sizes (analysis.md "Fair comparison of agents and teams";
// Spiegelhalter 2005, "Funnel plots for comparing institutional performance").

// The p-quantile of Bin(n, θ) interpolated as Spiegelhalter 2005 (appendix A.1.1) describes, as a
// proportion: r_p is the smallest r with P(R ≤ r) ≥ p, α = (P(R ≤ r_p) − p) / P(R = r_p), and the
// limit is (r_p − α) / n. Smooth in n, unlike the raw quantile, and exact at small n.
double binomialLimit(double p, qint64 n, double theta);

double binomialCdf(qint64 r, qint64 n, double theta); // P(R ≤ r), Boost.Math

enum class FunnelStatus {
    NotClassified,  // below the minimum sample
    InLine,         // within the 95% limits, or beyond them on the good side
    ToWatch,        // between the 95% and 99.8% limits on the bad side
    NeedsAttention, // beyond the 99.8% limit on the bad side
};
QString funnelStatusName(FunnelStatus status); // "in line", "to watch", "needs attention", "not classified"

struct FunnelUnit
{
    QString label;
    double value = 0; // a rate in percent (0–100), or a mean
    qint64 n = 0;
    double sd = 0; // means only: the unit's sample standard deviation
};

struct FunnelLimits
{
    double n = 0;
    double low95 = 0, high95 = 0;
    double low998 = 0, high998 = 0;
};

struct Funnel
{
    bool rate = true;
    double centre = 0;    // p̄ (percent) or x̄, weighted by n
    double sw = 0;        // means: pooled within-unit standard deviation
    double phi = 1;       // overdispersion: the 10%-winsorised mean of z_i²
    bool widened = false; // φ > 1: limits widened by √φ
    QList<double> z;      // per unit
    QList<FunnelStatus> status;
    QList<FunnelLimits> unitLimits; // at each unit's n
    QList<FunnelLimits> curve;      // for drawing, from the smallest to the largest n
    bool valid = false;
    QString note;

    FunnelLimits limitsAt(double n) const;
};

// higherIsBetter: which side is "bad". minSample: units with fewer cases are not classified (they
// still count in p̄ and φ, as Spiegelhalter does).
Funnel rateFunnel(const QList<FunnelUnit> &units, bool higherIsBetter, qint64 minSample);
Funnel meanFunnel(const QList<FunnelUnit> &units, bool higherIsBetter, qint64 minSample);

// The 10%-winsorised mean of z²: the lowest and highest 10% of the z_i are set to the 10th and
// 90th percentile values (type 7) before squaring and averaging.
double winsorisedPhi(QList<double> z, double fraction = 0.1);

} // namespace ql::stats

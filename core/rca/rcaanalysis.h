// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rcasegment.h"

#include <QList>
#include <QString>

#include <optional>

namespace ql::rca {

// One segment of a dimension after the decomposition (analysis.md "What changed, and why").
struct Element
{
    QString label;
    PeriodValue base;
    PeriodValue current;
    double rateEffect = 0;               // points: (r1 − r0) × (w0 + w1)/2
    double mixEffect = 0;                // points: (w1 − w0) × (r̄ − M̄)
    double contribution = 0;             // rateEffect + mixEffect
    std::optional<double> shareOfChange; // EP = contribution / ΔM (none when ΔM = 0)
    double volume = 0;                   // v̄ = (w0 + w1)/2
    std::optional<double> pValue;        // Holm-adjusted within the dimension
    std::optional<double> rawPValue;     // before the adjustment
    bool mixTested = false;              // the test was on the share of volume (mix drove it)
    bool significant = false;
    bool smallSample = false; // n below the minimum sample in a period where it has facts
    bool inExplainingSet = false;
    double surprise = 0; // Jensen–Shannon (log 2), numerator + denominator
};

struct Dimension
{
    QString name;
    bool kept = false;
    double concentration = 0;             // K = ½ Σ |EP − v̄|
    double surprise = 0;                  // Σ of the elements'
    std::optional<double> explained;      // Σ EP of the explaining set (none without one)
    int explainingSetSize = 0;            // 0: none
    std::optional<double> heterogeneityP; // Cochran's Q on the segment changes
    std::optional<double> volumeShiftP;   // chi-square on segment × period counts
    QList<Element> elements;              // by share of the change, largest first
};

// The settings the analysis depends on (project settings, passed in).
struct Settings
{
    int minSample = 10;     // below it an element is marked small
    double minChange = 1.0; // points: smaller changes are shown "for information"
    double alpha = 0.05;
    double explainTarget = 0.67;
};

enum class Kind { Rate, Mean };

// The change of the KPI and every dimension's decomposition, ranked.
struct Analysis
{
    Kind kind = Kind::Rate;
    PeriodValue base;
    PeriodValue current;
    double delta = 0;
    std::optional<double> pValue;
    bool significant = false;    // p < alpha
    bool gatePassed = false;     // significant and |Δ| ≥ the minimum change: dimensions are ranked
    QList<Dimension> dimensions; // kept ones first, by concentration, then by explaining-set size
};

struct DimensionInput
{
    QString name;
    QList<SegmentData> segments;
    // The dimension describes the outcome itself (a CSAT response's reason, given with the score):
    // decomposed for information but never kept, so it cannot "explain" the change it is part of.
    bool outcomeBound = false;
};

// Decomposes the change over one dimension's segments (Kitagawa's symmetric decomposition) and
// computes the tests, the concentration and the explaining set. With gate false nothing is kept.
Dimension decompose(const DimensionInput &input, Kind kind, bool gate, const Settings &settings);

// The overall test, the gate and every dimension, ranked.
Analysis analyse(const PeriodValue &base, const PeriodValue &current, const QList<DimensionInput> &dimensions,
                 Kind kind, const Settings &settings);

// Jensen–Shannon divergence (log base 2) of one element's base share p and current share q:
// ½ [p log2(2p/(p+q)) + q log2(2q/(p+q))], with 0 log 0 = 0.
double jsDivergence(double p, double q);

// Cochran's Q of changes d_i with standard errors se_i (those with se = 0 are left out): the
// p-value of Q = Σ (d_i − d̄)²/se_i² on k − 1 degrees of freedom; none with fewer than 2.
std::optional<double> cochranQPValue(const QList<double> &d, const QList<double> &se);

// Chi-square test of independence on a 2 × k table of counts (columns with no count left out).
std::optional<double> chiSquare2xkPValue(const QList<qint64> &row0, const QList<qint64> &row1);

} // namespace ql::rca

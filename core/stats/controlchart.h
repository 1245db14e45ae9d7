// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>
#include <utility>

namespace ql::stats {

// Statistical process control (analysis.md "Control charts"): the p-chart (with Laney's p′ when
// subgroups are large enough that real variation exceeds binomial noise) and the XmR chart, their
// baseline and the three signal rules.

// Which periods set the limits. Default: every shown period except the latest (the period being
// judged must not set its own limits). first/last index the points, inclusive.
struct ControlBaseline
{
    std::optional<int> first;
    std::optional<int> last;
    static ControlBaseline all(int count) { return {0, count - 1}; }
};

enum class SignalRule {
    BeyondLimit,      // a point strictly beyond a limit
    RunOfEight,       // 8 successive points strictly on one side of the centre (a point on it breaks the run)
    TrendOfSix,       // 6 successive points each strictly above (or below) the one before (a tie breaks it)
    RangeBeyondLimit, // XmR: a moving range strictly above its upper limit
};
QString signalRuleName(SignalRule rule); // "beyond limit", "run of 8", "trend of 6", "moving range beyond limit"

// One signal: the points first..last (inclusive) that make it; for a limit, first == last. A run
// or trend longer than its rule is one signal spanning all of it.
struct ControlSignal
{
    SignalRule rule = SignalRule::BeyondLimit;
    int first = 0;
    int last = 0;
    bool high = true; // above the centre / upward trend / above the upper limit
    bool operator==(const ControlSignal &) const = default;
};

// The run and trend rules over values against a centre (limits checked separately).
QList<ControlSignal> runSignals(const QList<double> &values, double centre);

struct PChartPoint
{
    qint64 events = 0; // x_i
    qint64 n = 0;      // subgroup size n_i (> 0)
};

struct PChart
{
    QList<double> p;     // x_i / n_i, as proportions (0–1)
    double centre = 0;   // p̄ = Σx / Σn over the baseline
    QList<double> lower; // per point, clipped to [0, 1]
    QList<double> upper;
    double sigmaZ = 1;  // mean moving range of the z_i over the baseline / 1.128
    bool laney = false; // σ_z > 1.2: limits widened by σ_z (Laney's p′)
    int baselineFirst = 0;
    int baselineLast = 0;
    bool provisional = false; // fewer than 8 baseline points
    QList<ControlSignal> signals;
    bool valid = false;
    QString note; // why not valid
    // Phases (pChartPhased): the first point of each; the scalars above (centre, σ_z, baseline)
    // are the last phase's, the one the latest period is judged in. centres: p̄ per point.
    QList<int> phaseStarts{0};
    QList<double> centres;
    QList<int> deferredRestarts; // version changes too recent to restart at (fewer than 2 points since)
    QList<std::pair<int, int>> phaseBaselines; // per phase: the first and last point of its baseline
};

// p̄ ± 3 √(p̄(1 − p̄)/n_i) (× σ_z under Laney). Needs at least one point with n > 0 in the baseline.
// allowLaney false keeps the binomial limits whatever σ_z is (the textbook chart).
PChart pChart(const QList<PChartPoint> &points, ControlBaseline baseline = {}, bool allowLaney = true);

struct XmrChart
{
    QList<double> x;
    QList<double> movingRange; // mR_i = |x_i − x_{i−1}|; movingRange[0] is NaN
    double centre = 0;         // x̄ over the baseline
    double meanMovingRange = 0;
    double lower = 0;      // x̄ − 2.66 mR̄
    double upper = 0;      // x̄ + 2.66 mR̄
    double rangeUpper = 0; // 3.267 mR̄
    int baselineFirst = 0;
    int baselineLast = 0;
    bool provisional = false;
    QList<ControlSignal> signals; // on the X chart, then moving ranges beyond their limit
    bool valid = false;
    QString note;
    // Phases (xmrChartPhased): the first point of each; the scalars above are the last phase's.
    // Per point: the centre and limits of its phase (the moving range at a phase's first point is
    // NaN: it would straddle the change).
    QList<int> phaseStarts{0};
    QList<double> centres;
    QList<double> lowers;
    QList<double> uppers;
    QList<double> meanMovingRanges;
    QList<double> rangeUppers;
    QList<int> deferredRestarts;
    QList<std::pair<int, int>> phaseBaselines; // per phase: the first and last point of its baseline
};

// Needs at least 2 points, and at least 2 in the baseline.
XmrChart xmrChart(const QList<double> &values, ControlBaseline baseline = {});

constexpr int provisionalBelow = 8; // limits from fewer baseline points are provisional

// analysis.md "Baseline": a scorecard version change restarts the limits. restarts are the points
// where a new version begins (ascending; 0 and out-of-range ones are ignored). The points split
// into phases there, each charted on its own: its centre, limits, Laney's σ_z and signals from its
// own points. A restart followed by fewer than 2 points joins the phase before (too recent to set
// limits; listed in deferredRestarts). baseline, when set (point indices), picks each phase's
// baseline where it overlaps the phase; a phase it misses keeps the default: all its points but
// the chart's latest.
PChart pChartPhased(const QList<PChartPoint> &points, const QList<int> &restarts, ControlBaseline baseline = {},
                    bool allowLaney = true);
XmrChart xmrChartPhased(const QList<double> &values, const QList<int> &restarts, ControlBaseline baseline = {});

} // namespace ql::stats

// SPDX-License-Identifier: GPL-3.0-or-later
#include "controlchart.h"

#include <QObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ql::stats {

namespace {

constexpr double d2 = 1.128; // the bias constant of a moving range of two

// The baseline window clamped to the points; the default leaves the latest point out when there
// are at least two.
std::pair<int, int> window(ControlBaseline b, int count)
{
    int first = b.first.value_or(0);
    int last = b.last.value_or(count >= 2 ? count - 2 : count - 1);
    first = std::clamp(first, 0, std::max(0, count - 1));
    last = std::clamp(last, first, std::max(0, count - 1));
    return {first, last};
}

void appendLimitSignals(QList<ControlSignal> *out, const QList<double> &values, const QList<double> &lower,
                        const QList<double> &upper)
{
    for (int i = 0; i < values.size(); ++i) {
        if (std::isnan(values[i]))
            continue;
        if (values[i] > upper[i])
            out->append({SignalRule::BeyondLimit, i, i, true});
        else if (values[i] < lower[i])
            out->append({SignalRule::BeyondLimit, i, i, false});
    }
}

void sortSignals(QList<ControlSignal> *signals)
{
    std::stable_sort(signals->begin(), signals->end(), [](const ControlSignal &a, const ControlSignal &b) {
        return a.first != b.first ? a.first < b.first : int(a.rule) < int(b.rule);
    });
}

} // namespace

QString signalRuleName(SignalRule rule)
{
    switch (rule) {
    case SignalRule::BeyondLimit:
        return QObject::tr("beyond limit");
    case SignalRule::RunOfEight:
        return QObject::tr("run of 8");
    case SignalRule::TrendOfSix:
        return QObject::tr("trend of 6");
    case SignalRule::RangeBeyondLimit:
        return QObject::tr("moving range beyond limit");
    }
    return {};
}

QList<ControlSignal> runSignals(const QList<double> &values, double centre)
{
    QList<ControlSignal> out;
    // Runs on one side of the centre.
    int runStart = 0;
    int runSide = 0;
    auto closeRun = [&](int end) {
        if (runSide != 0 && end - runStart + 1 >= 8)
            out.append({SignalRule::RunOfEight, runStart, end, runSide > 0});
    };
    for (int i = 0; i < values.size(); ++i) {
        const int side = values[i] > centre ? 1 : values[i] < centre ? -1 : 0;
        if (side != runSide || side == 0) {
            closeRun(i - 1);
            runStart = i;
            runSide = side;
        }
    }
    closeRun(int(values.size()) - 1);
    // Trends: 6 points in a row, each strictly above (below) the one before (5 steps).
    int trendStart = 0;
    int trendDir = 0;
    auto closeTrend = [&](int end) {
        if (trendDir != 0 && end - trendStart + 1 >= 6)
            out.append({SignalRule::TrendOfSix, trendStart, end, trendDir > 0});
    };
    for (int i = 1; i < values.size(); ++i) {
        const int dir = values[i] > values[i - 1] ? 1 : values[i] < values[i - 1] ? -1 : 0;
        if (dir != trendDir || dir == 0) {
            closeTrend(i - 1);
            trendStart = dir == 0 ? i : i - 1;
            trendDir = dir;
        }
    }
    closeTrend(int(values.size()) - 1);
    sortSignals(&out);
    return out;
}

PChart pChart(const QList<PChartPoint> &points, ControlBaseline baseline, bool allowLaney)
{
    PChart c;
    const int count = int(points.size());
    if (count == 0) {
        c.note = QObject::tr("no periods");
        return c;
    }
    for (const PChartPoint &pt : points) {
        if (pt.n <= 0 || pt.events < 0 || pt.events > pt.n) {
            c.note = QObject::tr("each period needs 0 ≤ x ≤ n and n > 0");
            return c;
        }
        c.p << double(pt.events) / double(pt.n);
    }
    const auto [first, last] = window(baseline, count);
    c.baselineFirst = first;
    c.baselineLast = last;
    c.provisional = last - first + 1 < provisionalBelow;
    qint64 x = 0, n = 0;
    for (int i = first; i <= last; ++i) {
        x += points[i].events;
        n += points[i].n;
    }
    c.centre = double(x) / double(n);
    const double pbar = c.centre;
    const double spread = pbar * (1 - pbar);

    // Laney: σ_z from the moving ranges of the standardised values over the baseline.
    if (spread > 0 && last > first) {
        double sum = 0;
        int ranges = 0;
        double previous = 0;
        for (int i = first; i <= last; ++i) {
            const double z = (c.p[i] - pbar) / std::sqrt(spread / double(points[i].n));
            if (i > first) {
                sum += std::fabs(z - previous);
                ++ranges;
            }
            previous = z;
        }
        c.sigmaZ = sum / ranges / d2;
        c.laney = allowLaney && c.sigmaZ > 1.2;
    }
    const double widen = c.laney ? c.sigmaZ : 1.0;
    for (int i = 0; i < count; ++i) {
        const double half = 3 * std::sqrt(spread / double(points[i].n)) * widen;
        c.lower << std::max(0.0, pbar - half);
        c.upper << std::min(1.0, pbar + half);
    }
    appendLimitSignals(&c.signals, c.p, c.lower, c.upper);
    c.signals << runSignals(c.p, pbar);
    sortSignals(&c.signals);
    c.centres = QList<double>(count, pbar);
    c.valid = true;
    return c;
}

XmrChart xmrChart(const QList<double> &values, ControlBaseline baseline)
{
    XmrChart c;
    c.x = values;
    const int count = int(values.size());
    if (count < 2) {
        c.note = QObject::tr("an XmR chart needs at least 2 periods");
        return c;
    }
    const auto [first, last] = window(baseline, count);
    if (last - first + 1 < 2) {
        c.note = QObject::tr("an XmR chart needs at least 2 baseline periods");
        return c;
    }
    c.baselineFirst = first;
    c.baselineLast = last;
    c.provisional = last - first + 1 < provisionalBelow;
    c.movingRange << std::numeric_limits<double>::quiet_NaN();
    for (int i = 1; i < count; ++i)
        c.movingRange << std::fabs(values[i] - values[i - 1]);
    double sum = 0;
    for (int i = first; i <= last; ++i)
        sum += values[i];
    c.centre = sum / (last - first + 1);
    double rangeSum = 0;
    for (int i = first + 1; i <= last; ++i)
        rangeSum += c.movingRange[i];
    c.meanMovingRange = rangeSum / (last - first);
    c.lower = c.centre - 2.66 * c.meanMovingRange;
    c.upper = c.centre + 2.66 * c.meanMovingRange;
    c.rangeUpper = 3.267 * c.meanMovingRange;
    appendLimitSignals(&c.signals, values, QList<double>(count, c.lower), QList<double>(count, c.upper));
    c.signals << runSignals(values, c.centre);
    for (int i = 1; i < count; ++i)
        if (c.movingRange[i] > c.rangeUpper)
            c.signals.append({SignalRule::RangeBeyondLimit, i, i, true});
    sortSignals(&c.signals);
    c.centres = QList<double>(count, c.centre);
    c.lowers = QList<double>(count, c.lower);
    c.uppers = QList<double>(count, c.upper);
    c.meanMovingRanges = QList<double>(count, c.meanMovingRange);
    c.rangeUppers = QList<double>(count, c.rangeUpper);
    c.valid = true;
    return c;
}

namespace {

// The phases' first points: restarts kept when at least 2 points follow them before the next.
std::pair<QList<int>, QList<int>> phasesOf(const QList<int> &restarts, int count)
{
    QList<int> starts{0}, deferred;
    QList<int> sorted = restarts;
    std::sort(sorted.begin(), sorted.end());
    for (int k = 0; k < sorted.size(); ++k) {
        const int r = sorted.at(k);
        if (r <= starts.last() || r >= count)
            continue;
        const int next = k + 1 < sorted.size() ? std::min(sorted.at(k + 1), count) : count;
        if (next - r < 2 || r - starts.last() < 2) {
            deferred << r;
            continue;
        }
        starts << r;
    }
    return {starts, deferred};
}

// The baseline of the phase [first, last] of a chart of count points, in the phase's own indices.
ControlBaseline phaseBaseline(ControlBaseline asked, int first, int last, int count)
{
    const int length = last - first + 1;
    if (asked.first || asked.last) {
        const int from = std::max(first, asked.first.value_or(0));
        // An open end is the default's: all but the chart's latest point, as window() reads it.
        const int to = std::min(last, asked.last.value_or(count >= 2 ? count - 2 : count - 1));
        if (from <= to)
            return {from - first, to - first};
    }
    // Default: the whole phase, but never the chart's latest point.
    return {0, last == count - 1 ? length - 2 : length - 1};
}

void shiftSignals(QList<ControlSignal> *out, const QList<ControlSignal> &in, int offset)
{
    for (ControlSignal s : in) {
        s.first += offset;
        s.last += offset;
        out->append(s);
    }
}

} // namespace

PChart pChartPhased(const QList<PChartPoint> &points, const QList<int> &restarts, ControlBaseline baseline,
                    bool allowLaney)
{
    const int count = int(points.size());
    const auto [starts, deferred] = phasesOf(restarts, count);
    if (starts.size() == 1) {
        PChart c = pChart(points, baseline, allowLaney);
        c.deferredRestarts = deferred;
        c.phaseBaselines = {{c.baselineFirst, c.baselineLast}};
        return c;
    }
    PChart out;
    out.phaseStarts = starts;
    out.deferredRestarts = deferred;
    for (int k = 0; k < starts.size(); ++k) {
        const int first = starts.at(k);
        const int last = k + 1 < starts.size() ? starts.at(k + 1) - 1 : count - 1;
        const PChart part = pChart(points.mid(first, last - first + 1), phaseBaseline(baseline, first, last, count),
                                   allowLaney);
        if (!part.valid) {
            out.note = part.note;
            return out;
        }
        out.p << part.p;
        out.lower << part.lower;
        out.upper << part.upper;
        out.centres << part.centres;
        shiftSignals(&out.signals, part.signals, first);
        out.centre = part.centre;
        out.sigmaZ = part.sigmaZ;
        out.laney = part.laney;
        out.baselineFirst = part.baselineFirst + first;
        out.baselineLast = part.baselineLast + first;
        out.phaseBaselines.append({out.baselineFirst, out.baselineLast});
        out.provisional = part.provisional;
    }
    sortSignals(&out.signals);
    out.valid = true;
    return out;
}

XmrChart xmrChartPhased(const QList<double> &values, const QList<int> &restarts, ControlBaseline baseline)
{
    const int count = int(values.size());
    const auto [starts, deferred] = phasesOf(restarts, count);
    if (starts.size() == 1) {
        XmrChart c = xmrChart(values, baseline);
        c.deferredRestarts = deferred;
        c.phaseBaselines = {{c.baselineFirst, c.baselineLast}};
        return c;
    }
    XmrChart out;
    out.x = values;
    out.phaseStarts = starts;
    out.deferredRestarts = deferred;
    for (int k = 0; k < starts.size(); ++k) {
        const int first = starts.at(k);
        const int last = k + 1 < starts.size() ? starts.at(k + 1) - 1 : count - 1;
        ControlBaseline b = phaseBaseline(baseline, first, last, count);
        if (*b.last - *b.first < 1) // an XmR baseline needs 2 points: the whole phase then
            b = {0, last - first};
        const XmrChart part = xmrChart(values.mid(first, last - first + 1), b);
        if (!part.valid) {
            out.note = part.note;
            return out;
        }
        out.movingRange << part.movingRange;
        out.centres << part.centres;
        out.lowers << part.lowers;
        out.uppers << part.uppers;
        out.meanMovingRanges << part.meanMovingRanges;
        out.rangeUppers << part.rangeUppers;
        shiftSignals(&out.signals, part.signals, first);
        out.centre = part.centre;
        out.meanMovingRange = part.meanMovingRange;
        out.lower = part.lower;
        out.upper = part.upper;
        out.rangeUpper = part.rangeUpper;
        out.baselineFirst = part.baselineFirst + first;
        out.baselineLast = part.baselineLast + first;
        out.phaseBaselines.append({out.baselineFirst, out.baselineLast});
        out.provisional = part.provisional;
    }
    sortSignals(&out.signals);
    out.valid = true;
    return out;
}

} // namespace ql::stats

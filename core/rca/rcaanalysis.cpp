// SPDX-License-Identifier: GPL-3.0-or-later
#include "rcaanalysis.h"

#include "stats/distributions.h"
#include "stats/hypothesistests.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <vector>

namespace ql::rca {

namespace {

// The test of one group's change between the periods: two proportions or Welch's t.
std::optional<double> changePValue(const PeriodValue &a, const PeriodValue &b, Kind kind)
{
    if (a.n == 0 || b.n == 0)
        return std::nullopt;
    if (kind == Kind::Rate)
        return stats::twoProportionZTest(a.successes(), a.n, b.successes(), b.n).pValue;
    if (!a.sd || !b.sd)
        return std::nullopt;
    return stats::welchTTest(b.value, *b.sd, b.n, a.value, *a.sd, a.n).pValue;
}

// The squared standard error of a group's change, in the KPI's units (points for a rate).
std::optional<double> changeVariance(const PeriodValue &a, const PeriodValue &b, Kind kind)
{
    if (a.n == 0 || b.n == 0)
        return std::nullopt;
    if (kind == Kind::Rate) {
        const double p0 = a.value / 100.0;
        const double p1 = b.value / 100.0;
        return 1e4 * (p0 * (1 - p0) / double(a.n) + p1 * (1 - p1) / double(b.n));
    }
    if (!a.sd || !b.sd)
        return std::nullopt;
    return *a.sd * *a.sd / double(a.n) + *b.sd * *b.sd / double(b.n);
}

double numerator(const PeriodValue &v, Kind kind)
{
    return kind == Kind::Rate ? double(v.successes()) : v.value * double(v.n);
}

} // namespace

double jsDivergence(double p, double q)
{
    const double m = (p + q) / 2;
    double d = 0;
    if (p > 0)
        d += 0.5 * p * std::log2(p / m);
    if (q > 0)
        d += 0.5 * q * std::log2(q / m);
    return d;
}

std::optional<double> cochranQPValue(const QList<double> &d, const QList<double> &se)
{
    double sw = 0, swd = 0;
    int k = 0;
    for (qsizetype i = 0; i < d.size(); ++i) {
        if (!(se[i] > 0))
            continue;
        const double w = 1.0 / (se[i] * se[i]);
        sw += w;
        swd += w * d[i];
        ++k;
    }
    if (k < 2)
        return std::nullopt;
    const double mean = swd / sw;
    double q = 0;
    for (qsizetype i = 0; i < d.size(); ++i)
        if (se[i] > 0)
            q += (d[i] - mean) * (d[i] - mean) / (se[i] * se[i]);
    return stats::chiSquaredSurvival(q, k - 1);
}

std::optional<double> chiSquare2xkPValue(const QList<qint64> &row0, const QList<qint64> &row1)
{
    double n0 = 0, n1 = 0;
    for (const qint64 v : row0)
        n0 += double(v);
    for (const qint64 v : row1)
        n1 += double(v);
    if (n0 <= 0 || n1 <= 0)
        return std::nullopt;
    const double n = n0 + n1;
    double chi = 0;
    int k = 0;
    for (qsizetype i = 0; i < row0.size(); ++i) {
        const double col = double(row0[i] + row1[i]);
        if (col <= 0)
            continue;
        ++k;
        const double e0 = n0 * col / n, e1 = n1 * col / n;
        chi +=
            (double(row0[i]) - e0) * (double(row0[i]) - e0) / e0 + (double(row1[i]) - e1) * (double(row1[i]) - e1) / e1;
    }
    if (k < 2)
        return std::nullopt;
    return stats::chiSquaredSurvival(chi, k - 1);
}

Dimension decompose(const DimensionInput &input, Kind kind, bool gate, const Settings &settings)
{
    Dimension dim;
    dim.name = input.name;
    qint64 n0 = 0, n1 = 0;
    double num0 = 0, num1 = 0;
    for (const SegmentData &s : input.segments) {
        n0 += s.base.n;
        n1 += s.current.n;
        num0 += numerator(s.base, kind);
        num1 += numerator(s.current, kind);
    }
    if (n0 == 0 || n1 == 0)
        return dim;

    // M from the segments themselves, so that the effects add up to ΔM to the last bit of rounding.
    double m0 = 0, m1 = 0;
    for (const SegmentData &s : input.segments) {
        m0 += double(s.base.n) / double(n0) * s.base.value;
        m1 += double(s.current.n) / double(n1) * s.current.value;
    }
    const double delta = m1 - m0;
    const double mBar = (m0 + m1) / 2;

    QList<double> changes, errors;
    QList<qint64> counts0, counts1;
    std::vector<double> rawP;
    for (const SegmentData &s : input.segments) {
        Element e;
        e.label = s.label;
        e.base = s.base;
        e.current = s.current;
        const double w0 = double(s.base.n) / double(n0);
        const double w1 = double(s.current.n) / double(n1);
        // A segment present in one period only takes the other period's value where it is absent.
        const double r0 = s.base.n > 0 ? s.base.value : s.current.value;
        const double r1 = s.current.n > 0 ? s.current.value : s.base.value;
        e.rateEffect = (r1 - r0) * (w0 + w1) / 2;
        e.mixEffect = (w1 - w0) * ((r0 + r1) / 2 - mBar);
        e.contribution = e.rateEffect + e.mixEffect;
        if (delta != 0)
            e.shareOfChange = e.contribution / delta;
        e.volume = (w0 + w1) / 2;
        // Small where it has facts: a segment absent from one period is judged on the other.
        e.smallSample =
            (s.base.n > 0 && s.base.n < settings.minSample) || (s.current.n > 0 && s.current.n < settings.minSample);

        const auto rateP = changePValue(s.base, s.current, kind);
        const auto mixP = stats::twoProportionZTest(s.current.n, n1, s.base.n, n0).pValue;
        e.mixTested = !rateP || std::abs(e.mixEffect) > std::abs(e.rateEffect);
        e.rawPValue = e.mixTested ? mixP : rateP;
        rawP.push_back(e.rawPValue.value_or(1.0));

        const double nb0 = num0 > 0 ? numerator(s.base, kind) / num0 : 0;
        const double nb1 = num1 > 0 ? numerator(s.current, kind) / num1 : 0;
        e.surprise = jsDivergence(nb0, nb1) + jsDivergence(w0, w1);
        dim.surprise += e.surprise;

        if (const auto v = changeVariance(s.base, s.current, kind)) {
            changes << s.current.value - s.base.value;
            errors << std::sqrt(*v);
        }
        counts0 << s.base.n;
        counts1 << s.current.n;
        dim.elements << e;
    }

    const std::vector<double> adjusted = stats::holmAdjust(rawP);
    for (qsizetype i = 0; i < dim.elements.size(); ++i) {
        Element &e = dim.elements[i];
        if (e.rawPValue) {
            e.pValue = adjusted[std::size_t(i)];
            e.significant = *e.pValue < settings.alpha;
        }
    }

    double k = 0;
    for (const Element &e : std::as_const(dim.elements))
        k += std::abs(e.shareOfChange.value_or(0) - e.volume);
    dim.concentration = delta != 0 ? k / 2 : 0;
    dim.heterogeneityP = cochranQPValue(changes, errors);
    dim.volumeShiftP = chiSquare2xkPValue(counts0, counts1);
    dim.kept = gate && !input.outcomeBound &&
               ((dim.heterogeneityP && *dim.heterogeneityP < settings.alpha) ||
                (dim.volumeShiftP && *dim.volumeShiftP < settings.alpha));

    // Elements by share of the change, largest first; ties by volume, then label.
    std::stable_sort(dim.elements.begin(), dim.elements.end(), [](const Element &a, const Element &b) {
        const double sa = a.shareOfChange.value_or(0), sb = b.shareOfChange.value_or(0);
        if (sa != sb)
            return sa > sb;
        if (a.volume != b.volume)
            return a.volume > b.volume;
        return a.label < b.label;
    });

    if (dim.kept && delta != 0) {
        // The fewest segments, in order of contribution in the direction of ΔM, with lift > 1 and
        // a significant own change, whose shares reach the target.
        double sum = 0;
        QList<int> chosen;
        for (int i = 0; i < dim.elements.size() && sum < settings.explainTarget; ++i) {
            const Element &e = dim.elements[i];
            const double ep = e.shareOfChange.value_or(0);
            if (ep <= 0 || e.volume <= 0 || ep / e.volume <= 1.0 || !e.significant)
                continue;
            sum += ep;
            chosen << i;
        }
        if (sum >= settings.explainTarget) {
            for (const int i : chosen)
                dim.elements[i].inExplainingSet = true;
            dim.explained = sum;
            dim.explainingSetSize = int(chosen.size());
        }
    }
    return dim;
}

Analysis analyse(const PeriodValue &base, const PeriodValue &current, const QList<DimensionInput> &dimensions,
                 Kind kind, const Settings &settings)
{
    Analysis a;
    a.kind = kind;
    a.base = base;
    a.current = current;
    a.delta = current.value - base.value;
    a.pValue = changePValue(base, current, kind);
    a.significant = a.pValue && *a.pValue < settings.alpha;
    a.gatePassed = a.significant && std::abs(a.delta) >= settings.minChange;
    for (const DimensionInput &d : dimensions)
        a.dimensions << decompose(d, kind, a.gatePassed, settings);
    std::stable_sort(a.dimensions.begin(), a.dimensions.end(), [](const Dimension &x, const Dimension &y) {
        if (x.kept != y.kept)
            return x.kept;
        // Concentrations equal up to rounding are a tie (two dimensions can explain one change equally).
        if (std::abs(x.concentration - y.concentration) > 1e-9)
            return x.concentration > y.concentration;
        const int sx = x.explainingSetSize > 0 ? x.explainingSetSize : INT_MAX;
        const int sy = y.explainingSetSize > 0 ? y.explainingSetSize : INT_MAX;
        if (sx != sy)
            return sx < sy;
        return x.name < y.name;
    });
    return a;
}

} // namespace ql::rca

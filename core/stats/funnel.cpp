// SPDX-License-Identifier: GPL-3.0-or-later
#include "funnel.h"

#include "boxplot.h"
#include "distributions.h"

#include <QObject>

#include <boost/math/distributions/binomial.hpp>

#include <algorithm>
#include <cmath>
#include <functional>

namespace ql::stats {

namespace {

using Policy =
    boost::math::policies::policy<boost::math::policies::domain_error<boost::math::policies::errno_on_error>,
                                  boost::math::policies::overflow_error<boost::math::policies::errno_on_error>,
                                  boost::math::policies::evaluation_error<boost::math::policies::errno_on_error>>;

constexpr double z95 = 1.959963984540054;
constexpr double z998 = 3.090232306167813;

// Limits at n, as the curve and the units use them; widen scales the distance from the centre.
FunnelLimits rateLimitsAt(double centrePct, double n, double widen)
{
    const double theta = centrePct / 100.0;
    const auto nn = std::max<qint64>(1, qint64(std::llround(n)));
    auto lim = [&](double p) {
        const double raw = binomialLimit(p, nn, theta) * 100.0;
        return std::clamp(centrePct + (raw - centrePct) * widen, 0.0, 100.0);
    };
    FunnelLimits l;
    l.n = n;
    l.low95 = lim(0.025);
    l.high95 = lim(0.975);
    l.low998 = lim(0.001);
    l.high998 = lim(0.999);
    return l;
}

FunnelLimits meanLimitsAt(double centre, double sw, double n, double widen)
{
    const double se = sw / std::sqrt(std::max(1.0, n)) * widen;
    return {n, centre - z95 * se, centre + z95 * se, centre - z998 * se, centre + z998 * se};
}

FunnelStatus classify(double value, const FunnelLimits &l, bool higherIsBetter)
{
    if (higherIsBetter) {
        if (value < l.low998)
            return FunnelStatus::NeedsAttention;
        if (value < l.low95)
            return FunnelStatus::ToWatch;
    } else {
        if (value > l.high998)
            return FunnelStatus::NeedsAttention;
        if (value > l.high95)
            return FunnelStatus::ToWatch;
    }
    return FunnelStatus::InLine;
}

// Log-spaced n from the smallest to the largest unit, for drawing smooth limits.
QList<double> curveSizes(const QList<FunnelUnit> &units)
{
    qint64 lo = units.front().n, hi = units.front().n;
    for (const FunnelUnit &u : units) {
        lo = std::min(lo, u.n);
        hi = std::max(hi, u.n);
    }
    lo = std::max<qint64>(1, qint64(lo * 0.8));
    hi = std::max<qint64>(lo + 1, qint64(std::ceil(hi * 1.1)));
    QList<double> sizes;
    const int steps = 120;
    for (int k = 0; k <= steps; ++k)
        sizes << std::exp(std::log(double(lo)) + (std::log(double(hi)) - std::log(double(lo))) * k / steps);
    return sizes;
}

void finish(Funnel *f, const QList<FunnelUnit> &units, bool higherIsBetter, qint64 minSample,
            const std::function<FunnelLimits(double)> &at)
{
    for (int i = 0; i < units.size(); ++i) {
        const FunnelLimits l = at(double(units[i].n));
        f->unitLimits << l;
        f->status << (units[i].n < minSample ? FunnelStatus::NotClassified
                                             : classify(units[i].value, l, higherIsBetter));
    }
    for (double n : curveSizes(units))
        f->curve << at(n);
    f->valid = true;
}

} // namespace

double binomialCdf(qint64 r, qint64 n, double theta)
{
    if (r < 0)
        return 0;
    if (r >= n)
        return 1;
    if (theta <= 0)
        return 1;
    if (theta >= 1)
        return 0;
    return boost::math::cdf(boost::math::binomial_distribution<double, Policy>(double(n), theta), double(r));
}

double binomialLimit(double p, qint64 n, double theta)
{
    if (n <= 0)
        return theta;
    // Smallest r with P(R ≤ r) ≥ p: start near the normal guess and walk.
    const double mean = double(n) * theta;
    const double sd = std::sqrt(double(n) * theta * (1 - theta));
    qint64 r = std::clamp<qint64>(qint64(std::floor(mean + normalQuantile(p) * sd)), 0, n);
    while (r > 0 && binomialCdf(r - 1, n, theta) >= p)
        --r;
    while (r < n && binomialCdf(r, n, theta) < p)
        ++r;
    const double at = binomialCdf(r, n, theta);
    const double below = binomialCdf(r - 1, n, theta);
    const double alpha = at > below ? (at - p) / (at - below) : 0.0;
    return std::clamp((double(r) - alpha) / double(n), 0.0, 1.0);
}

QString funnelStatusName(FunnelStatus status)
{
    switch (status) {
    case FunnelStatus::NotClassified:
        return QObject::tr("not classified");
    case FunnelStatus::InLine:
        return QObject::tr("in line");
    case FunnelStatus::ToWatch:
        return QObject::tr("to watch");
    case FunnelStatus::NeedsAttention:
        return QObject::tr("needs attention");
    }
    return {};
}

double winsorisedPhi(QList<double> z, double fraction)
{
    if (z.isEmpty())
        return 1;
    std::vector<double> sorted(z.begin(), z.end());
    std::sort(sorted.begin(), sorted.end());
    const double lo = percentileType7(sorted, fraction * 100);
    const double hi = percentileType7(sorted, 100 - fraction * 100);
    double sum = 0;
    for (double v : z) {
        const double w = std::clamp(v, lo, hi);
        sum += w * w;
    }
    return sum / double(z.size());
}

FunnelLimits Funnel::limitsAt(double n) const
{
    const double widen = widened ? std::sqrt(phi) : 1.0;
    return rate ? rateLimitsAt(centre, n, widen) : meanLimitsAt(centre, sw, n, widen);
}

Funnel rateFunnel(const QList<FunnelUnit> &units, bool higherIsBetter, qint64 minSample)
{
    Funnel f;
    f.rate = true;
    double events = 0;
    qint64 total = 0;
    for (const FunnelUnit &u : units) {
        if (u.n <= 0) {
            f.note = QObject::tr("every unit needs n > 0");
            return f;
        }
        events += u.value / 100.0 * double(u.n);
        total += u.n;
    }
    if (units.isEmpty()) {
        f.note = QObject::tr("no units");
        return f;
    }
    const double theta = events / double(total);
    f.centre = theta * 100.0;
    for (const FunnelUnit &u : units) {
        const double se = std::sqrt(theta * (1 - theta) / double(u.n));
        f.z << (se > 0 ? (u.value / 100.0 - theta) / se : 0.0);
    }
    f.phi = winsorisedPhi(f.z);
    f.widened = f.phi > 1;
    finish(&f, units, higherIsBetter, minSample, [&f](double n) { return f.limitsAt(n); });
    return f;
}

Funnel meanFunnel(const QList<FunnelUnit> &units, bool higherIsBetter, qint64 minSample)
{
    Funnel f;
    f.rate = false;
    if (units.isEmpty()) {
        f.note = QObject::tr("no units");
        return f;
    }
    double sum = 0, ss = 0;
    qint64 total = 0, df = 0;
    for (const FunnelUnit &u : units) {
        if (u.n <= 0) {
            f.note = QObject::tr("every unit needs n > 0");
            return f;
        }
        sum += u.value * double(u.n);
        total += u.n;
        if (u.n > 1) {
            ss += u.sd * u.sd * double(u.n - 1);
            df += u.n - 1;
        }
    }
    f.centre = sum / double(total);
    f.sw = df > 0 ? std::sqrt(ss / double(df)) : 0;
    if (f.sw <= 0) {
        f.note = QObject::tr("no within-unit variation");
        return f;
    }
    for (const FunnelUnit &u : units)
        f.z << (u.value - f.centre) / (f.sw / std::sqrt(double(u.n)));
    f.phi = winsorisedPhi(f.z);
    f.widened = f.phi > 1;
    finish(&f, units, higherIsBetter, minSample, [&f](double n) { return f.limitsAt(n); });
    return f;
}

} // namespace ql::stats

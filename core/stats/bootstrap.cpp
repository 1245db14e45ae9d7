// SPDX-License-Identifier: GPL-3.0-or-later
#include "bootstrap.h"

#include "boundedrandom.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace ql::stats {

namespace {

// Hyndman & Fan (1996) type 7, R's default: h = (N − 1)p, between the ⌊h⌋-th and ⌈h⌉-th values.
double quantile(const std::vector<double> &sorted, double p)
{
    const double h = double(sorted.size() - 1) * p;
    const std::size_t lo = std::size_t(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - double(lo)) * (sorted[hi] - sorted[lo]);
}

} // namespace

BootstrapInterval bootstrapInterval(const Ratings &ratings, const AgreementStatistic &statistic,
                                    const AgreementResult &point, const BootstrapOptions &options)
{
    BootstrapInterval out;
    if (!point.value || options.resamples <= 0)
        return out;
    if (point.units < minimumUnitsForBootstrap) {
        out.note = QStringLiteral("no interval below %1 units").arg(minimumUnitsForBootstrap);
        return out;
    }
    // Units with at least two answers of any kind: the others cannot enter any statistic.
    std::vector<qsizetype> pool;
    for (qsizetype u = 0; u < ratings.unitCount(); ++u) {
        if (ratings.countIn(u, Level::Nominal) >= 2)
            pool.push_back(u);
    }
    if (pool.empty())
        return out;

    std::mt19937_64 engine(options.seed);
    std::vector<qsizetype> drawn(pool.size());
    std::vector<double> values;
    values.reserve(std::size_t(options.resamples));
    for (int b = 0; b < options.resamples; ++b) {
        for (std::size_t i = 0; i < pool.size(); ++i)
            drawn[i] = pool[std::size_t(boundedIndex(engine, pool.size()))];
        const AgreementResult r = statistic(ratings.withUnits(drawn));
        if (r.value && std::isfinite(*r.value))
            values.push_back(*r.value);
        else
            ++out.undefinedResamples;
    }
    if (values.size() * 2 < std::size_t(options.resamples)) {
        out.note = QStringLiteral("no interval: the statistic is undefined in %1 of %2 resamples")
                       .arg(out.undefinedResamples)
                       .arg(options.resamples);
        return out;
    }
    std::sort(values.begin(), values.end());
    const double tail = (1 - options.confidence) / 2;
    out.low = quantile(values, tail);
    out.high = quantile(values, 1 - tail);
    if (out.undefinedResamples > 0)
        out.note = QStringLiteral("interval from %1 of %2 resamples (undefined in the others)")
                       .arg(values.size())
                       .arg(options.resamples);
    return out;
}

AgreementResult withBootstrapInterval(AgreementResult point, const Ratings &ratings,
                                      const AgreementStatistic &statistic, const BootstrapOptions &options)
{
    const BootstrapInterval interval = bootstrapInterval(ratings, statistic, point, options);
    point.ciLow = interval.low;
    point.ciHigh = interval.high;
    if (!interval.note.isEmpty())
        point.notes.append(interval.note);
    return point;
}

} // namespace ql::stats

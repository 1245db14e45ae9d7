// SPDX-License-Identifier: GPL-3.0-or-later
#include "krippendorff.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ql::stats {

namespace {

// δ²(c, k) for the categories actually compared, in category order (c, k index `values`).
class Metric
{
public:
    Metric(Level level, std::vector<double> values, std::vector<double> marginals)
        : m_level(level), m_values(std::move(values)), m_marginals(std::move(marginals))
    {
    }

    double operator()(std::size_t c, std::size_t k) const
    {
        if (c == k)
            return 0;
        switch (m_level) {
        case Level::Nominal:
            return 1;
        case Level::Ordinal: {
            // Krippendorff 2011, p. 6: the ranks between c and k, each weighted by how often it
            // was used, minus half of each end; so unused categories in between add nothing.
            const std::size_t lo = std::min(c, k);
            const std::size_t hi = std::max(c, k);
            double sum = 0;
            for (std::size_t g = lo; g <= hi; ++g)
                sum += m_marginals[g];
            const double d = sum - (m_marginals[lo] + m_marginals[hi]) / 2;
            return d * d;
        }
        case Level::Interval: {
            const double d = m_values[c] - m_values[k];
            return d * d;
        }
        case Level::Ratio: {
            const double s = m_values[c] + m_values[k];
            if (s == 0)
                return 0;
            const double d = (m_values[c] - m_values[k]) / s;
            return d * d;
        }
        }
        return 0;
    }

private:
    Level m_level;
    std::vector<double> m_values;
    std::vector<double> m_marginals;
};

} // namespace

AgreementResult krippendorffAlpha(const Ratings &ratings, Level level)
{
    AgreementResult result;
    const bool numericLevel = level == Level::Interval || level == Level::Ratio;
    if (numericLevel && !ratings.isNumeric()) {
        result.notes.append(QStringLiteral("level %1 needs numeric answers").arg(levelName(level)));
        return result;
    }

    // The categories this level compares, in scale order: N/A only at the nominal level.
    std::vector<int> compact(std::size_t(ratings.categoryCount()), -1);
    std::vector<double> values;
    for (qsizetype c = 0; c < ratings.categoryCount(); ++c) {
        if (level != Level::Nominal && ratings.category(int(c)).notApplicable)
            continue;
        compact[std::size_t(c)] = int(values.size());
        values.push_back(ratings.category(int(c)).value);
    }
    const std::size_t q = values.size();

    std::vector<double> coincidence(q * q, 0.0);
    std::vector<qsizetype> counts(q, 0);
    std::vector<bool> raterSeen(std::size_t(ratings.raterCount()), false);
    std::vector<qsizetype> inUnit(q, 0);
    for (qsizetype u = 0; u < ratings.unitCount(); ++u) {
        const int m = ratings.countIn(u, level);
        if (m < 2)
            continue;
        std::fill(inUnit.begin(), inUnit.end(), 0);
        for (qsizetype r = 0; r < ratings.raterCount(); ++r) {
            if (!ratings.counts(u, r, level))
                continue;
            ++inUnit[std::size_t(compact[std::size_t(ratings.at(u, r))])];
            raterSeen[std::size_t(r)] = true;
        }
        for (std::size_t c = 0; c < q; ++c) {
            if (inUnit[c] == 0)
                continue;
            counts[c] += inUnit[c];
            for (std::size_t k = 0; k < q; ++k) {
                const double pairs =
                    c == k ? double(inUnit[c]) * double(inUnit[c] - 1) : double(inUnit[c]) * double(inUnit[k]);
                coincidence[c * q + k] += pairs / double(m - 1);
            }
        }
        ++result.units;
        result.pairable += m;
    }
    result.raters = std::count(raterSeen.begin(), raterSeen.end(), true);

    if (result.units == 0) {
        result.notes.append(QStringLiteral("no unit has two or more answers"));
        return result;
    }
    const qsizetype used = std::count_if(counts.begin(), counts.end(), [](qsizetype n) { return n > 0; });
    if (used < 2) {
        result.undefined = true;
        annotate(result, counts, &krippendorffBand);
        return result;
    }

    std::vector<double> marginals(q);
    for (std::size_t c = 0; c < q; ++c)
        marginals[c] = double(counts[c]);
    const Metric delta(level, values, marginals);
    const double n = double(result.pairable);
    double observed = 0;
    double expected = 0;
    for (std::size_t c = 0; c < q; ++c) {
        for (std::size_t k = 0; k < q; ++k) {
            const double d = delta(c, k);
            observed += coincidence[c * q + k] * d;
            expected += marginals[c] * marginals[k] * d;
        }
    }
    // Two values used but both δ² zero (ratio level with only 0 and … is impossible; kept as a
    // guard): no expected disagreement, so α is undefined rather than 1 − 0/0.
    if (!(expected > 0)) {
        result.undefined = true;
        annotate(result, counts, &krippendorffBand);
        return result;
    }
    result.value = 1 - (n - 1) * observed / expected;
    annotate(result, counts, &krippendorffBand);
    return result;
}

} // namespace ql::stats

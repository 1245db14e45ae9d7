// SPDX-License-Identifier: GPL-3.0-or-later
#include "kappa.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <vector>

namespace ql::stats {

QString weightsName(KappaWeights weights)
{
    switch (weights) {
    case KappaWeights::None:
        return QStringLiteral("none");
    case KappaWeights::Linear:
        return QStringLiteral("linear");
    case KappaWeights::Quadratic:
        return QStringLiteral("quadratic");
    }
    return {};
}

std::optional<KappaWeights> weightsFromName(const QString &name)
{
    for (const KappaWeights w : {KappaWeights::None, KappaWeights::Linear, KappaWeights::Quadratic}) {
        if (weightsName(w) == name)
            return w;
    }
    return std::nullopt;
}

AgreementResult cohenKappa(const Ratings &ratings, KappaWeights weights)
{
    AgreementResult result;
    if (ratings.raterCount() != 2) {
        result.notes.append(
            QStringLiteral("Cohen's κ needs exactly two raters (there are %1)").arg(ratings.raterCount()));
        return result;
    }
    const Level level = weights == KappaWeights::None ? Level::Nominal : Level::Ordinal;

    // Positions on the scale this κ compares (N/A only when unweighted).
    std::vector<int> position(std::size_t(ratings.categoryCount()), -1);
    int q = 0;
    for (qsizetype c = 0; c < ratings.categoryCount(); ++c) {
        if (level == Level::Nominal || !ratings.category(int(c)).notApplicable)
            position[std::size_t(c)] = q++;
    }

    std::vector<qsizetype> table(std::size_t(q) * std::size_t(q), 0); // rows: rater 1, columns: rater 2
    for (qsizetype u = 0; u < ratings.unitCount(); ++u) {
        if (!ratings.counts(u, 0, level) || !ratings.counts(u, 1, level))
            continue;
        const int i = position[std::size_t(ratings.at(u, 0))];
        const int j = position[std::size_t(ratings.at(u, 1))];
        ++table[std::size_t(i) * std::size_t(q) + std::size_t(j)];
        ++result.units;
    }
    result.pairable = 2 * result.units;
    result.raters = result.units > 0 ? 2 : 0;
    if (result.units == 0) {
        result.notes.append(QStringLiteral("no unit is rated by both raters"));
        return result;
    }

    std::vector<qsizetype> rows(std::size_t(q), 0);
    std::vector<qsizetype> cols(std::size_t(q), 0);
    std::vector<qsizetype> counts(std::size_t(q), 0);
    for (int i = 0; i < q; ++i) {
        for (int j = 0; j < q; ++j) {
            const qsizetype n = table[std::size_t(i) * std::size_t(q) + std::size_t(j)];
            rows[std::size_t(i)] += n;
            cols[std::size_t(j)] += n;
        }
    }
    for (int i = 0; i < q; ++i)
        counts[std::size_t(i)] = rows[std::size_t(i)] + cols[std::size_t(i)];
    const qsizetype used = std::count_if(counts.begin(), counts.end(), [](qsizetype n) { return n > 0; });
    if (used < 2) {
        result.undefined = true;
        annotate(result, counts, &landisKochLabel);
        return result;
    }

    const auto disagreement = [&](int i, int j) -> double {
        if (i == j)
            return 0;
        const double d = double(std::abs(i - j)) / double(q - 1);
        switch (weights) {
        case KappaWeights::None:
            return 1;
        case KappaWeights::Linear:
            return d;
        case KappaWeights::Quadratic:
            return d * d;
        }
        return 1;
    };
    const double n = double(result.units);
    double observed = 0;
    double expected = 0;
    for (int i = 0; i < q; ++i) {
        for (int j = 0; j < q; ++j) {
            const double v = disagreement(i, j);
            observed += v * double(table[std::size_t(i) * std::size_t(q) + std::size_t(j)]) / n;
            expected += v * (double(rows[std::size_t(i)]) / n) * (double(cols[std::size_t(j)]) / n);
        }
    }
    result.value = 1 - observed / expected;
    annotate(result, counts, &landisKochLabel);
    return result;
}

AgreementResult fleissKappa(const Ratings &ratings)
{
    AgreementResult result;
    const Level level = Level::Nominal;
    const std::size_t q = std::size_t(ratings.categoryCount());

    // The modal number of ratings per unit among units that could be paired at all.
    std::map<int, qsizetype> frequency;
    for (qsizetype u = 0; u < ratings.unitCount(); ++u) {
        const int m = ratings.countIn(u, level);
        if (m >= 2)
            ++frequency[m];
    }
    if (frequency.empty()) {
        result.notes.append(QStringLiteral("no unit has two or more answers"));
        return result;
    }
    int modal = 0;
    qsizetype best = 0;
    for (const auto &[m, f] : frequency) { // ascending m, so ">=" keeps the larger on a tie
        if (f >= best) {
            best = f;
            modal = m;
        }
    }

    std::vector<qsizetype> counts(q, 0);
    std::vector<qsizetype> inUnit(q, 0);
    std::vector<bool> raterSeen(std::size_t(ratings.raterCount()), false);
    qsizetype dropped = 0;
    double sumPi = 0;
    for (qsizetype u = 0; u < ratings.unitCount(); ++u) {
        const int m = ratings.countIn(u, level);
        if (m == 0)
            continue;
        if (m != modal) {
            ++dropped;
            continue;
        }
        std::fill(inUnit.begin(), inUnit.end(), 0);
        for (qsizetype r = 0; r < ratings.raterCount(); ++r) {
            if (!ratings.counts(u, r, level))
                continue;
            ++inUnit[std::size_t(ratings.at(u, r))];
            raterSeen[std::size_t(r)] = true;
        }
        qsizetype agreeing = 0; // Σ_j n_ij(n_ij − 1): ordered pairs of raters who agree
        for (std::size_t c = 0; c < q; ++c) {
            agreeing += inUnit[c] * (inUnit[c] - 1);
            counts[c] += inUnit[c];
        }
        sumPi += double(agreeing) / (double(m) * double(m - 1));
        ++result.units;
    }
    result.pairable = result.units * modal;
    result.raters = std::count(raterSeen.begin(), raterSeen.end(), true);
    if (dropped > 0) {
        result.notes.append(dropped == 1
                                ? QStringLiteral("1 unit dropped: not rated %1 times").arg(modal)
                                : QStringLiteral("%1 units dropped: not rated %2 times").arg(dropped).arg(modal));
    }

    const qsizetype used = std::count_if(counts.begin(), counts.end(), [](qsizetype n) { return n > 0; });
    if (used < 2) {
        result.undefined = true;
        annotate(result, counts, &landisKochLabel);
        return result;
    }
    const double pBar = sumPi / double(result.units);
    double pe = 0;
    for (std::size_t c = 0; c < q; ++c) {
        const double p = double(counts[c]) / double(result.pairable);
        pe += p * p;
    }
    result.value = (pBar - pe) / (1 - pe);
    annotate(result, counts, &landisKochLabel);
    return result;
}

} // namespace ql::stats

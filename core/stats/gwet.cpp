// SPDX-License-Identifier: GPL-3.0-or-later
#include "gwet.h"

#include <algorithm>
#include <vector>

namespace ql::stats {

namespace {

// p_a and the classification shares π_k in one pass over the units.
struct Tally
{
    double sumAgreement = 0;   // Σ over units with r_i ≥ 2 of the unit's agreeing-pair share
    std::vector<double> share; // Σ over units with r_i ≥ 1 of r_ik/r_i
    qsizetype unitsWithOne = 0;
    AgreementResult base; // units, raters, pairable over the units with r_i ≥ 2
};

Tally tally(const Ratings &ratings)
{
    const Level level = Level::Nominal;
    const std::size_t q = std::size_t(ratings.categoryCount());
    Tally t;
    t.share.assign(q, 0.0);
    std::vector<qsizetype> inUnit(q, 0);
    std::vector<bool> raterSeen(std::size_t(ratings.raterCount()), false);
    for (qsizetype u = 0; u < ratings.unitCount(); ++u) {
        const int r = ratings.countIn(u, level);
        if (r == 0)
            continue;
        std::fill(inUnit.begin(), inUnit.end(), 0);
        for (qsizetype k = 0; k < ratings.raterCount(); ++k) {
            if (!ratings.counts(u, k, level))
                continue;
            ++inUnit[std::size_t(ratings.at(u, k))];
            if (r >= 2)
                raterSeen[std::size_t(k)] = true;
        }
        ++t.unitsWithOne;
        qsizetype agreeing = 0;
        for (std::size_t c = 0; c < q; ++c) {
            t.share[c] += double(inUnit[c]) / double(r);
            agreeing += inUnit[c] * (inUnit[c] - 1);
        }
        if (r >= 2) {
            t.sumAgreement += double(agreeing) / (double(r) * double(r - 1));
            ++t.base.units;
            t.base.pairable += r;
        }
    }
    t.base.raters = std::count(raterSeen.begin(), raterSeen.end(), true);
    if (t.base.units == 0)
        t.base.notes.append(QStringLiteral("no unit has two or more answers"));
    return t;
}

} // namespace

AgreementResult percentAgreement(const Ratings &ratings)
{
    const Tally t = tally(ratings);
    AgreementResult result = t.base;
    if (result.units > 0)
        result.value = t.sumAgreement / double(result.units);
    return result;
}

AgreementResult gwetAc1(const Ratings &ratings)
{
    const Tally t = tally(ratings);
    AgreementResult result = t.base;
    if (result.units == 0)
        return result;
    const qsizetype q = ratings.categoryCount();
    if (q < 2) {
        result.notes.append(QStringLiteral("AC1 needs at least two categories"));
        return result;
    }
    const double pa = t.sumAgreement / double(result.units);
    double pe = 0;
    for (const double s : t.share) {
        const double pi = s / double(t.unitsWithOne);
        pe += pi * (1 - pi);
    }
    pe /= double(q - 1);
    result.value = (pa - pe) / (1 - pe);
    return result;
}

} // namespace ql::stats

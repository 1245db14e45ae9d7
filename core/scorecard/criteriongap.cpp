// SPDX-License-Identifier: GPL-3.0-or-later
#include "criteriongap.h"

#include "kpireport.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ql {

std::optional<CriterionGap> criterionGap(double pSlice, qint64 nSlice, double pReference, qint64 nReference)
{
    if (nSlice <= 0 || nReference <= 0)
        return std::nullopt;
    const auto variance = [](double p, qint64 n) { return std::clamp(p, 0.0, 1.0) * (1 - std::clamp(p, 0.0, 1.0)) / double(n); };
    CriterionGap g;
    g.gap = 100.0 * (pSlice - pReference);
    const qint64 nRest = nReference - nSlice;
    const double pRest = nRest > 0 ? (double(nReference) * pReference - double(nSlice) * pSlice) / double(nRest) : 0.0;
    constexpr double eps = 1e-9;
    if (nRest > 0 && pRest >= -eps && pRest <= 1 + eps) {
        const double share = double(nRest) / double(nReference);
        g.se = 100.0 * share * std::sqrt(variance(pSlice, nSlice) + variance(pRest, nRest));
    } else if (nRest == 0 && std::abs(pSlice - pReference) < eps) {
        return std::nullopt; // the slice is the whole reference
    } else {
        g.se = 100.0 * std::sqrt(variance(pSlice, nSlice) + variance(pReference, nReference));
    }
    if (g.se > 0)
        g.z = g.gap / g.se;
    else if (std::abs(g.gap) < 1e-9)
        g.z = 0.0;
    else
        g.z = std::copysign(std::numeric_limits<double>::infinity(), g.gap);
    return g;
}

void rankCriteriaByGap(QList<CriterionKpi> &criteria, qint64 minSample)
{
    const auto group = [minSample](const CriterionKpi &c) {
        if (!c.gapSe || !c.gapZ)
            return 2;
        return c.compliance.n < minSample ? 1 : 0;
    };
    std::stable_sort(criteria.begin(), criteria.end(), [&](const CriterionKpi &a, const CriterionKpi &b) {
        const int ga = group(a);
        const int gb = group(b);
        if (ga != gb)
            return ga < gb;
        if (ga == 2)
            return false;
        const double za = std::abs(*a.gapZ);
        const double zb = std::abs(*b.gapZ);
        if (za != zb)
            return za > zb;
        return std::abs(a.gap.value_or(0)) > std::abs(b.gap.value_or(0));
    });
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "pareto.h"

#include <algorithm>

namespace ql {

Pareto paretoOf(QList<ParetoItem> items, double cut)
{
    std::stable_sort(items.begin(), items.end(), [](const ParetoItem &a, const ParetoItem &b) {
        if (a.value != b.value)
            return a.value > b.value;
        if (a.n != b.n)
            return a.n > b.n;
        return a.label < b.label;
    });
    Pareto p;
    p.items = items;
    for (const ParetoItem &i : items)
        p.total += std::max(0.0, i.value);
    double running = 0;
    int reached = -1;
    for (int k = 0; k < items.size(); ++k) {
        const double v = std::max(0.0, items[k].value);
        running += v;
        p.share << (p.total > 0 ? v / p.total * 100.0 : 0.0);
        // The running sum is compared with cut% of the total, not the rounded share, so 80% is
        // reached exactly when it is reached.
        p.cumulative << (p.total > 0 ? running / p.total * 100.0 : 0.0);
        if (reached < 0 && p.total > 0 && running * 100.0 >= cut * p.total * (1 - 1e-12))
            reached = k;
    }
    if (reached >= 0) {
        int last = reached;
        while (last + 1 < items.size() && items[last + 1].value == items[reached].value)
            ++last;
        p.vitalFew = last + 1;
    }
    return p;
}

} // namespace ql

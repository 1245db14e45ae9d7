// SPDX-License-Identifier: GPL-3.0-or-later
#include "hypothesistests.h"

#include "distributions.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ql::stats {

TestResult twoProportionZTest(qint64 x1, qint64 n1, qint64 x2, qint64 n2)
{
    TestResult r;
    if (n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
        r.note = QStringLiteral("no data in one group");
        return r;
    }
    // All successes or all failures in both groups: the pooled variance is 0 and there is
    // nothing to test (the two rates are equal).
    if (x1 + x2 == 0 || x1 + x2 == n1 + n2) {
        r.note = QStringLiteral("no variation");
        return r;
    }
    const double p1 = double(x1) / double(n1);
    const double p2 = double(x2) / double(n2);
    const double pooled = double(x1 + x2) / double(n1 + n2);
    const double se = std::sqrt(pooled * (1 - pooled) * (1.0 / double(n1) + 1.0 / double(n2)));
    const double z = (p1 - p2) / se;
    r.statistic = z;
    r.pValue = std::min(1.0, 2 * normalSurvival(std::fabs(z)));
    return r;
}

TestResult welchTTest(double mean1, double sd1, qint64 n1, double mean2, double sd2, qint64 n2)
{
    TestResult r;
    if (n1 < 2 || n2 < 2) {
        r.note = QStringLiteral("fewer than 2 values in one group");
        return r;
    }
    const double v1 = sd1 * sd1 / double(n1);
    const double v2 = sd2 * sd2 / double(n2);
    if (!(v1 + v2 > 0)) {
        r.note = QStringLiteral("no variation");
        return r;
    }
    const double t = (mean1 - mean2) / std::sqrt(v1 + v2);
    const double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / double(n1 - 1) + v2 * v2 / double(n2 - 1));
    r.statistic = t;
    r.df = df;
    r.pValue = std::min(1.0, 2 * studentTSurvival(std::fabs(t), df));
    return r;
}

namespace {
struct Summary
{
    double mean = 0;
    double sd = 0;
    qint64 n = 0;
};

Summary summarise(std::span<const double> values)
{
    Summary s;
    s.n = qint64(values.size());
    if (s.n == 0)
        return s;
    s.mean = std::accumulate(values.begin(), values.end(), 0.0) / double(s.n);
    if (s.n > 1) {
        double squares = 0;
        for (const double v : values)
            squares += (v - s.mean) * (v - s.mean);
        s.sd = std::sqrt(squares / double(s.n - 1));
    }
    return s;
}
} // namespace

TestResult welchTTest(std::span<const double> a, std::span<const double> b)
{
    const Summary sa = summarise(a);
    const Summary sb = summarise(b);
    return welchTTest(sa.mean, sa.sd, sa.n, sb.mean, sb.sd, sb.n);
}

std::vector<double> holmAdjust(std::span<const double> pValues)
{
    const std::size_t m = pValues.size();
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), std::size_t(0));
    // Stable, so equal p-values keep their input order and the result is repeatable.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return pValues[a] < pValues[b]; });
    std::vector<double> adjusted(m);
    double running = 0;
    for (std::size_t rank = 0; rank < m; ++rank) {
        const std::size_t i = order[rank];
        running = std::max(running, std::min(1.0, double(m - rank) * pValues[i]));
        adjusted[i] = running;
    }
    return adjusted;
}

} // namespace ql::stats

// SPDX-License-Identifier: GPL-3.0-or-later
// The numbers charts draw (analysis.md "Control charts", "Fair comparison", "Pareto"): p-chart and
// XmR limits and signals against a published example and hand-computed cases, Laney's p′, the
// Spiegelhalter binomial funnel limits, φ, Pareto's vital few and the box plot's type-7 numbers.
#include "chart/pareto.h"
#include "stats/boxplot.h"
#include "stats/controlchart.h"
#include "stats/funnel.h"

#include <QTest>

#include <cmath>

using namespace ql;
using namespace ql::stats;

namespace {

bool near(double a, double b, double tol)
{
    return std::fabs(a - b) <= tol;
}

QList<ControlSignal> only(const QList<ControlSignal> &all, SignalRule rule)
{
    QList<ControlSignal> out;
    for (const ControlSignal &s : all)
        if (s.rule == rule)
            out << s;
    return out;
}

} // namespace

class TestControlChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void montgomeryPChart();
    void pChartDefaultBaseline();
    void laney();
    void xmrHandComputed();
    void xmrDefaultBaselineAndSignal();
    void xmrNeedsTwoPoints();
    void xmrRestartsAtVersionChange();
    void xmrUserBaseline();
    void pChartRestartsAtVersionChange();
    void restartTooRecent();
    void runRule_data();
    void runRule();
    void trendRule_data();
    void trendRule();
    void binomialLimitHandComputed();
    void binomialLimitsApproachNormal();
    void winsorisedPhi();
    void rateFunnelStatus();
    void meanFunnelLimits();
    void pareto_data();
    void pareto();
    void paretoTiesOrder();
    void boxNumbers();
    void percentileType7_data();
    void percentileType7();
};

// Montgomery, Introduction to Statistical Quality Control, Example 7.1 (orange-juice cans): 30
// samples of n = 50, 347 nonconforming. p̄ = 347/1500 = 0.2313; limits 0.2313 ± 3√(0.2313 ·
// 0.7687/50) = 0.0524 and 0.4102; samples 15 (22/50 = 0.44) and 23 (24/50 = 0.48) are above.
void TestControlChart::montgomeryPChart()
{
    const QList<int> d{12, 15, 8, 10, 4,  7,  16, 9,  14, 10, 5,  6, 17, 12, 22,
                       8,  10, 5, 13, 11, 20, 18, 24, 15, 9,  12, 7, 13, 9,  6};
    QList<PChartPoint> points;
    for (int x : d)
        points << PChartPoint{x, 50};
    const PChart c = pChart(points, ControlBaseline::all(int(points.size())), false);
    QVERIFY(c.valid);
    QVERIFY(near(c.centre, 347.0 / 1500.0, 1e-12));
    QVERIFY(near(c.upper[0], 0.4102, 0.00005));
    QVERIFY(near(c.lower[0], 0.0524, 0.00005));
    QVERIFY(!c.laney);
    QVERIFY(!c.provisional);
    const QList<ControlSignal> beyond = only(c.signals, SignalRule::BeyondLimit);
    QCOMPARE(beyond.size(), 2);
    QCOMPARE(beyond[0], (ControlSignal{SignalRule::BeyondLimit, 14, 14, true}));
    QCOMPARE(beyond[1], (ControlSignal{SignalRule::BeyondLimit, 22, 22, true}));

    // analysis.md's rule on the same data: the moving ranges of the z_i average 1.8735, so
    // σ_z = 1.8735/1.128 = 1.6609 > 1.2 and the chart switches to Laney's p′ (limits × σ_z), which
    // absorbs the two special causes into the limits.
    const PChart laney = pChart(points, ControlBaseline::all(int(points.size())));
    QVERIFY(laney.laney);
    QVERIFY(near(laney.sigmaZ, 1.6609, 0.00005));
    QVERIFY(near((laney.upper[0] - laney.centre) / laney.sigmaZ, 0.4102 - 0.2313, 0.0001));
    QVERIFY(only(laney.signals, SignalRule::BeyondLimit).isEmpty());
}

// By default the latest period does not set its own limits; limits vary with n and clip at 0.
void TestControlChart::pChartDefaultBaseline()
{
    // 1/10, 2/10, 3/10 then 10/10: baseline the first three, p̄ = 6/30 = 0.2.
    const PChart c = pChart({{1, 10}, {2, 10}, {3, 10}, {10, 10}});
    QVERIFY(c.valid);
    QCOMPARE(c.baselineFirst, 0);
    QCOMPARE(c.baselineLast, 2);
    QVERIFY(c.provisional);
    QVERIFY(near(c.centre, 0.2, 1e-12));
    // 0.2 ± 3√(0.016) = 0.2 ± 0.379473: the lower limit clips to 0.
    QVERIFY(near(c.upper[3], 0.2 + 3 * std::sqrt(0.016), 1e-12));
    QCOMPARE(c.lower[3], 0.0);
    QCOMPARE(only(c.signals, SignalRule::BeyondLimit), (QList<ControlSignal>{{SignalRule::BeyondLimit, 3, 3, true}}));
}

// Rates alternating 80% and 84% on n = 10,000: σ_pi = √(0.82 · 0.18/10⁴), z_i = ±0.02/σ_pi, every
// moving range of z is 0.04/σ_pi, so σ_z = 0.04/(1.128 σ_pi) ≫ 1.2 and the limits become
// p̄ ± 3 σ_pi σ_z = 0.82 ± 3 · 0.04/1.128 = 0.82 ± 0.106383.
void TestControlChart::laney()
{
    QList<PChartPoint> points;
    for (int i = 0; i < 10; ++i)
        points << PChartPoint{i % 2 ? 8400 : 8000, 10000};
    const PChart c = pChart(points, ControlBaseline::all(10));
    QVERIFY(c.laney);
    const double sigmaP = std::sqrt(0.82 * 0.18 / 10000);
    QVERIFY(near(c.sigmaZ, 0.04 / (1.128 * sigmaP), 1e-9));
    QVERIFY(near(c.upper[0], 0.82 + 3 * 0.04 / 1.128, 1e-9));
    QVERIFY(near(c.lower[0], 0.82 - 3 * 0.04 / 1.128, 1e-9));
    QVERIFY(only(c.signals, SignalRule::BeyondLimit).isEmpty());
}

// 10, 12, 11, 14, 13 with all five as baseline: x̄ = 12, moving ranges 2, 1, 3, 1 so mR̄ = 1.75;
// limits 12 ± 2.66 · 1.75 = 7.345 and 16.655; range limit 3.267 · 1.75 = 5.71725.
void TestControlChart::xmrHandComputed()
{
    const XmrChart c = xmrChart({10, 12, 11, 14, 13}, ControlBaseline::all(5));
    QVERIFY(c.valid);
    QVERIFY(near(c.centre, 12, 1e-12));
    QVERIFY(near(c.meanMovingRange, 1.75, 1e-12));
    QVERIFY(near(c.lower, 7.345, 1e-12));
    QVERIFY(near(c.upper, 16.655, 1e-12));
    QVERIFY(near(c.rangeUpper, 5.71725, 1e-12));
    QVERIFY(std::isnan(c.movingRange[0]));
    QCOMPARE(c.movingRange[3], 3.0);
    QVERIFY(c.signals.isEmpty());
    QVERIFY(c.provisional);
}

// Default baseline: all but the latest. 10, 12, 11, 14 → x̄ = 11.75, mR̄ = 2, limits 6.43 and
// 17.07; a latest value of 21 is beyond the upper limit, and its moving range 7 > 3.267 · 2.
void TestControlChart::xmrDefaultBaselineAndSignal()
{
    const XmrChart c = xmrChart({10, 12, 11, 14, 21});
    QVERIFY(near(c.centre, 11.75, 1e-12));
    QVERIFY(near(c.meanMovingRange, 2, 1e-12));
    QVERIFY(near(c.upper, 17.07, 1e-12));
    QCOMPARE(c.signals,
             (QList<ControlSignal>{{SignalRule::BeyondLimit, 4, 4, true}, {SignalRule::RangeBeyondLimit, 4, 4, true}}));
}

void TestControlChart::xmrNeedsTwoPoints()
{
    QVERIFY(!xmrChart({5}).valid);
    QVERIFY(!xmrChart({}).valid);
    QVERIFY(xmrChart({5, 6}, ControlBaseline::all(2)).valid);
}

// A version change at point 4: 10, 12, 11, 13 | 20, 22, 21, 23, 22.
// Phase 1 (0–3, all its points): x̄ = 46/4 = 11.5, mR̄ = (2 + 1 + 2)/3 = 5/3, limits
// 11.5 ∓ 2.66 · 5/3 = 7.0667 and 15.9333. Phase 2 (4–8, baseline 4–7 without the latest):
// x̄ = 86/4 = 21.5, mR̄ = 5/3, limits 17.0667 and 25.9333. No point is beyond its phase's limits.
// One baseline across the change (0–7): x̄ = 132/8 = 16.5, mR̄ = (5 + 7 + 5)/7 = 17/7, lower
// limit 16.5 − 2.66 · 17/7 = 10.04: point 0 (10) would be a false signal.
void TestControlChart::xmrRestartsAtVersionChange()
{
    const QList<double> x{10, 12, 11, 13, 20, 22, 21, 23, 22};
    const XmrChart c = xmrChartPhased(x, {4});
    QVERIFY(c.valid);
    QCOMPARE(c.phaseStarts, (QList<int>{0, 4}));
    QVERIFY(near(c.centres[0], 11.5, 1e-12));
    QVERIFY(near(c.centres[3], 11.5, 1e-12));
    QVERIFY(near(c.lowers[0], 11.5 - 2.66 * 5.0 / 3.0, 1e-12));
    QVERIFY(near(c.uppers[0], 15.933333333333334, 1e-9));
    QVERIFY(near(c.meanMovingRanges[0], 5.0 / 3.0, 1e-12));
    QVERIFY(std::isnan(c.movingRange[4])); // 13 → 20 straddles the change
    QVERIFY(near(c.centre, 21.5, 1e-12));
    QVERIFY(near(c.centres[8], 21.5, 1e-12));
    QVERIFY(near(c.lower, 17.066666666666666, 1e-9));
    QCOMPARE(c.baselineFirst, 4);
    QCOMPARE(c.baselineLast, 7);
    QVERIFY(c.provisional);
    QVERIFY(c.signals.isEmpty());
    // Keeping one baseline across the change instead:
    const XmrChart kept = xmrChart(x);
    QVERIFY(near(kept.centre, 16.5, 1e-12));
    QVERIFY(near(kept.meanMovingRange, 17.0 / 7.0, 1e-12));
    QVERIFY(only(kept.signals, SignalRule::BeyondLimit).contains(ControlSignal{SignalRule::BeyondLimit, 0, 0, false}));
    // No restart asked: the plain chart.
    const XmrChart plain = xmrChartPhased(x, {});
    QCOMPARE(plain.phaseStarts, QList<int>{0});
    QCOMPARE(plain.centre, kept.centre);
}

// The user's window (points 1–2: 12, 11) sets phase 1's limits: x̄ = 11.5, mR̄ = 1, limits
// 11.5 ∓ 2.66 = 8.84 and 14.16; it misses phase 2, which keeps its default (4–7).
void TestControlChart::xmrUserBaseline()
{
    const XmrChart c = xmrChartPhased({10, 12, 11, 13, 20, 22, 21, 23, 22}, {4}, ControlBaseline{1, 2});
    QVERIFY(c.valid);
    QVERIFY(near(c.lowers[0], 8.84, 1e-12));
    QVERIFY(near(c.uppers[3], 14.16, 1e-12));
    QVERIFY(near(c.centre, 21.5, 1e-12));
    QCOMPARE(c.baselineFirst, 4);
    // Without a restart the window is the chart's: 12, 11 → the same 8.84–14.16 for every point,
    // and every later point (20–23) is beyond the upper limit.
    const XmrChart one = xmrChartPhased({10, 12, 11, 13, 20, 22, 21, 23, 22}, {}, ControlBaseline{1, 2});
    QVERIFY(near(one.upper, 14.16, 1e-12));
    QCOMPARE(only(one.signals, SignalRule::BeyondLimit).size(), 5);
}

// Phase 1: 10, 20, 15 of 100 → p̄ = 45/300 = 0.15, 3σ = 3 √(0.15 · 0.85/100) = 0.107121;
// phase 2: 40, 50, 45, 45 of 100, baseline without the latest → p̄ = 135/300 = 0.45,
// 3σ = 3 √(0.45 · 0.55/100) = 0.149248. Binomial limits (no Laney) to check by hand.
void TestControlChart::pChartRestartsAtVersionChange()
{
    const QList<PChartPoint> points{{10, 100}, {20, 100}, {15, 100}, {40, 100}, {50, 100}, {45, 100}, {45, 100}};
    const PChart c = pChartPhased(points, {3}, {}, false);
    QVERIFY(c.valid);
    QCOMPARE(c.phaseStarts, (QList<int>{0, 3}));
    QVERIFY(near(c.centres[0], 0.15, 1e-12));
    QVERIFY(near(c.lower[1], 0.15 - 0.10712142642814275, 1e-9));
    QVERIFY(near(c.upper[2], 0.25712142642814275, 1e-9));
    QVERIFY(near(c.centres[6], 0.45, 1e-12));
    QVERIFY(near(c.centre, 0.45, 1e-12));
    QVERIFY(near(c.upper[6], 0.45 + 0.149248115565993, 1e-9));
    QCOMPARE(c.baselineFirst, 3);
    QCOMPARE(c.baselineLast, 5);
    QVERIFY(c.signals.isEmpty());
    // One baseline (0–5): p̄ = 180/600 = 0.3, 3σ = 0.137477 → 10% and 15% below, 50%, 45%, 45% above.
    const PChart kept = pChart(points, {}, false);
    QVERIFY(near(kept.centre, 0.3, 1e-12));
    QCOMPARE(only(kept.signals, SignalRule::BeyondLimit).size(), 5);
}

// A change with fewer than 2 points after it cannot set limits yet: it is listed, not applied.
void TestControlChart::restartTooRecent()
{
    const XmrChart c = xmrChartPhased({10, 12, 11, 13, 20}, {4});
    QVERIFY(c.valid);
    QCOMPARE(c.phaseStarts, QList<int>{0});
    QCOMPARE(c.deferredRestarts, QList<int>{4});
    QVERIFY(near(c.centre, 11.5, 1e-12));
    const PChart p = pChartPhased({{1, 10}, {2, 10}, {1, 10}}, {1, 2});
    QVERIFY(p.valid);
    QCOMPARE(p.phaseStarts, QList<int>{0});
    QCOMPARE(p.deferredRestarts, (QList<int>{1, 2}));
}

void TestControlChart::runRule_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QList<ControlSignal>>("expected");
    QTest::newRow("eight above") << QList<double>{1, 1, 1, 1, 1, 1, 1, 1}
                                 << QList<ControlSignal>{{SignalRule::RunOfEight, 0, 7, true}};
    QTest::newRow("seven above is not a run") << QList<double>{1, 1, 1, 1, 1, 1, 1, -1} << QList<ControlSignal>{};
    QTest::newRow("ten below, one signal spanning all") << QList<double>{-1, -2, -1, -2, -1, -2, -1, -2, -1, -2}
                                                        << QList<ControlSignal>{{SignalRule::RunOfEight, 0, 9, false}};
    QTest::newRow("a point on the centre breaks the run")
        << QList<double>{1, 1, 1, 1, 0, 1, 1, 1, 1} << QList<ControlSignal>{};
    QTest::newRow("after a switch") << QList<double>{-1, 2, 1, 2, 1, 2, 1, 2, 1}
                                    << QList<ControlSignal>{{SignalRule::RunOfEight, 1, 8, true}};
}

void TestControlChart::runRule()
{
    QFETCH(QList<double>, values);
    QFETCH(QList<ControlSignal>, expected);
    QCOMPARE(only(runSignals(values, 0.0), SignalRule::RunOfEight), expected);
}

void TestControlChart::trendRule_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QList<ControlSignal>>("expected");
    QTest::newRow("six rising") << QList<double>{1, 2, 3, 4, 5, 6}
                                << QList<ControlSignal>{{SignalRule::TrendOfSix, 0, 5, true}};
    QTest::newRow("five rising is not") << QList<double>{1, 2, 3, 4, 5} << QList<ControlSignal>{};
    QTest::newRow("a tie breaks it") << QList<double>{1, 2, 3, 3, 4, 5, 6} << QList<ControlSignal>{};
    QTest::newRow("six falling after a peak")
        << QList<double>{0, 9, 8, 7, 6, 5, 4} << QList<ControlSignal>{{SignalRule::TrendOfSix, 1, 6, false}};
}

void TestControlChart::trendRule()
{
    QFETCH(QList<double>, values);
    QFETCH(QList<ControlSignal>, expected);
    QCOMPARE(only(runSignals(values, 100.0), SignalRule::TrendOfSix), expected);
}

// Bin(10, 0.5): P(R ≤ 7) = 968/1024, P(R ≤ 8) = 1013/1024. The 97.5% point: r = 8,
// α = (1013/1024 − 0.975)/(45/1024) = 0.324444…, limit (8 − α)/10 = 0.7675556.
// The 2.5% point: P(R ≤ 1) = 11/1024, P(R ≤ 2) = 56/1024: r = 2, α = (56/1024 − 0.025)/(45/1024)
// = 0.675556, limit 0.1324444.
void TestControlChart::binomialLimitHandComputed()
{
    QVERIFY(near(binomialCdf(8, 10, 0.5), 1013.0 / 1024.0, 1e-12));
    QVERIFY(near(binomialLimit(0.975, 10, 0.5), (8 - (1013.0 / 1024 - 0.975) / (45.0 / 1024)) / 10, 1e-9));
    QVERIFY(near(binomialLimit(0.975, 10, 0.5), 0.7675556, 1e-7));
    QVERIFY(near(binomialLimit(0.025, 10, 0.5), 0.1324444, 1e-7));
}

// For large n the exact limits approach θ ± z √(θ(1 − θ)/n).
void TestControlChart::binomialLimitsApproachNormal()
{
    const qint64 n = 100000;
    const double theta = 0.8;
    const double se = std::sqrt(theta * (1 - theta) / double(n));
    QVERIFY(near(binomialLimit(0.999, n, theta), theta + 3.090232 * se, se * 0.02));
    QVERIFY(near(binomialLimit(0.025, n, theta), theta - 1.959964 * se, se * 0.02));
}

// z = 1 … 10: the 10th and 90th percentiles (type 7) are 1.9 and 9.1; winsorised squares sum
// 1.9² + (2² + … + 9²) + 9.1² = 3.61 + 284 + 82.81 = 370.42, so φ = 37.042.
void TestControlChart::winsorisedPhi()
{
    QVERIFY(near(stats::winsorisedPhi({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), 37.042, 1e-9));
    QVERIFY(near(stats::winsorisedPhi({1, -1, 1, -1}), 1.0, 1e-12));
}

void TestControlChart::rateFunnelStatus()
{
    QList<FunnelUnit> units;
    for (int i = 0; i < 20; ++i)
        units << FunnelUnit{QStringLiteral("u%1").arg(i), i % 2 ? 86.0 : 84.0, 100};
    units << FunnelUnit{QStringLiteral("low"), 50.0, 100};
    units << FunnelUnit{QStringLiteral("tiny"), 20.0, 5};
    const Funnel f = rateFunnel(units, true, 10);
    QVERIFY(f.valid);
    // p̄ = (10·86 + 10·84 + 50 + 1)/(2100 + 5) events over cases.
    QVERIFY(near(f.centre, (860.0 + 840.0 + 50.0 + 1.0) / 2105.0 * 100.0, 1e-9));
    QCOMPARE(f.status[20], FunnelStatus::NeedsAttention);
    QCOMPARE(f.status[21], FunnelStatus::NotClassified);
    QCOMPARE(f.status[0], FunnelStatus::InLine);
    // The 99.8% limits sit outside the 95% ones, and narrow as n grows.
    const FunnelLimits small = f.limitsAt(20), large = f.limitsAt(2000);
    QVERIFY(small.low998 < small.low95 && small.high95 < small.high998);
    QVERIFY(large.high998 - large.low998 < small.high998 - small.low998);
    // Higher is worse: the same low unit is in line.
    QCOMPARE(rateFunnel(units, false, 10).status[20], FunnelStatus::InLine);
}

// Means: two units of n = 25 with SD 10, so s_w = 10; the limits at n = 25 are x̄ ± z · 10/5.
void TestControlChart::meanFunnelLimits()
{
    const Funnel f = meanFunnel({{QStringLiteral("a"), 80, 25, 10}, {QStringLiteral("b"), 84, 25, 10}}, true, 10);
    QVERIFY(f.valid);
    QVERIFY(near(f.centre, 82, 1e-12));
    QVERIFY(near(f.sw, 10, 1e-12));
    // z = ∓1; winsorised to ∓0.8, so φ = 0.64 < 1 and nothing widens.
    QVERIFY(!f.widened);
    QVERIFY(near(f.unitLimits[0].low95, 82 - 1.959964 * 2, 1e-5));
    QVERIFY(near(f.unitLimits[0].high998, 82 + 3.090232 * 2, 1e-5));
}

void TestControlChart::pareto_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<int>("vitalFew");
    QTest::addColumn<QList<double>>("cumulative");
    QTest::newRow("reaches 80 exactly") << QList<double>{10, 50, 10, 30} << 2 << QList<double>{50, 80, 90, 100};
    QTest::newRow("ties with the cut are in") << QList<double>{40, 20, 20, 20} << 4 << QList<double>{40, 60, 80, 100};
    QTest::newRow("one dominant") << QList<double>{90, 5, 5} << 1 << QList<double>{90, 95, 100};
}

void TestControlChart::pareto()
{
    QFETCH(QList<double>, values);
    QFETCH(int, vitalFew);
    QFETCH(QList<double>, cumulative);
    QList<ParetoItem> items;
    for (int i = 0; i < values.size(); ++i)
        items << ParetoItem{QString(QChar(u'A' + i)), values[i], 1};
    const Pareto p = paretoOf(items);
    QCOMPARE(p.vitalFew, vitalFew);
    QCOMPARE(p.cumulative.size(), cumulative.size());
    for (int i = 0; i < cumulative.size(); ++i)
        QVERIFY2(near(p.cumulative[i], cumulative[i], 1e-9), qPrintable(QString::number(p.cumulative[i])));
    for (int i = 1; i < p.items.size(); ++i)
        QVERIFY(p.items[i - 1].value >= p.items[i].value);
}

// Ties order by n descending, then label.
void TestControlChart::paretoTiesOrder()
{
    const Pareto p = paretoOf({{QStringLiteral("b"), 5, 3}, {QStringLiteral("a"), 5, 3}, {QStringLiteral("c"), 5, 9}});
    QCOMPARE(p.items[0].label, QStringLiteral("c"));
    QCOMPARE(p.items[1].label, QStringLiteral("a"));
    QCOMPARE(p.items[2].label, QStringLiteral("b"));
}

// 1 … 10 (and a NaN, ignored): p10 = 1.9, q1 = 3.25, median 5.5, q3 = 7.75, p90 = 9.1, mean 5.5.
void TestControlChart::boxNumbers()
{
    const BoxSummary b = boxSummary({10, 9, 8, 7, 6, 5, 4, 3, 2, 1, std::nan("")});
    QCOMPARE(b.n, 10LL);
    QVERIFY(near(b.low, 1.9, 1e-12));
    QVERIFY(near(b.q1, 3.25, 1e-12));
    QVERIFY(near(b.median, 5.5, 1e-12));
    QVERIFY(near(b.q3, 7.75, 1e-12));
    QVERIFY(near(b.high, 9.1, 1e-12));
    QVERIFY(near(b.mean, 5.5, 1e-12));
    QCOMPARE(boxSummary({}).n, 0LL);
}

void TestControlChart::percentileType7_data()
{
    QTest::addColumn<QList<double>>("sorted");
    QTest::addColumn<double>("percent");
    QTest::addColumn<double>("expected");
    // h = (n − 1) q: {15, 20, 35, 40, 50}, q = 0.4 → h = 1.6 → 20 + 0.6 · 15 = 29.
    QTest::newRow("between ranks") << QList<double>{15, 20, 35, 40, 50} << 40.0 << 29.0;
    QTest::newRow("minimum") << QList<double>{15, 20, 35, 40, 50} << 0.0 << 15.0;
    QTest::newRow("maximum") << QList<double>{15, 20, 35, 40, 50} << 100.0 << 50.0;
    QTest::newRow("single value") << QList<double>{7} << 90.0 << 7.0;
}

void TestControlChart::percentileType7()
{
    QFETCH(QList<double>, sorted);
    QFETCH(double, percent);
    QFETCH(double, expected);
    const std::vector<double> v(sorted.begin(), sorted.end());
    QVERIFY(near(stats::percentileType7(v, percent), expected, 1e-12));
}

QTEST_GUILESS_MAIN(TestControlChart)
#include "tst_controlchart.moc"

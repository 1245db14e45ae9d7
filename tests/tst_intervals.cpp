// SPDX-License-Identifier: GPL-3.0-or-later
// Intervals, tests and the sampling planner of core/stats against hand-computed values and
// published examples (scoring.md "KPIs", "Small samples, targets and status"; analysis.md).
#include "stats/hypothesistests.h"
#include "stats/intervals.h"
#include "stats/sampleplanner.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace ql::stats;

namespace {
// Published values are given to four decimals; a rounding of ±0.00005 is what they allow.
constexpr double fourDecimals = 0.00005 + 1e-12;

bool near(double a, double b, double tol)
{
    return std::fabs(a - b) <= tol;
}
} // namespace

class TestIntervals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tInterval_data();
    void tInterval();
    void intervalRules_data();
    void intervalRules();
    void wilson_data();
    void wilson();
    void newcombe_data();
    void newcombe();
    void nps_data();
    void nps();
    void twoProportion();
    void welch_data();
    void welch();
    void holm();
    void planner_data();
    void planner();
};

void TestIntervals::tInterval_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<bool>("clipped");
    // {60, 70, 80, 90}: mean 75, s² = (225 + 25 + 25 + 225)/3 = 166.667, s = 12.90994;
    // t_{0.975,3} = 3.182446 (t table); half = 3.182446 · 12.90994 / 2 = 20.54260.
    QTest::newRow("four scores, inside 0-100")
        << std::vector<double>{60, 70, 80, 90} << 75.0 << 54.45740 << 95.54260 << false;
    // {70, 80, 90}: mean 80, s = 10, t_{0.975,2} = 4.302653; half = 4.302653 · 10/√3 = 24.84138:
    // [55.15862, 104.84138] → the upper end is clipped to 100.
    QTest::newRow("three scores, clipped at 100")
        << std::vector<double>{70, 80, 90} << 80.0 << 55.15862 << 100.0 << true;
    // {0, 10}: mean 5, s = 7.071068, t_{0.975,1} = 12.706205; half = 12.706205 · 7.071068/√2 = 63.53102.
    QTest::newRow("two scores, clipped both ends") << std::vector<double>{0, 10} << 5.0 << 0.0 << 68.53102 << true;
}

void TestIntervals::tInterval()
{
    QFETCH(std::vector<double>, values);
    QFETCH(double, mean);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(bool, clipped);
    const Estimate e = meanInterval(values, 0, 100);
    QVERIFY(e.value);
    QCOMPARE(e.n, qint64(values.size()));
    QVERIFY(near(*e.value, mean, 1e-12));
    QVERIFY(e.hasInterval());
    QVERIFY2(near(*e.ciLow, low, 1e-5), qPrintable(QString::number(*e.ciLow, 'g', 12)));
    QVERIFY2(near(*e.ciHigh, high, 1e-5), qPrintable(QString::number(*e.ciHigh, 'g', 12)));
    QCOMPARE(e.clipped, clipped);
    QVERIFY(e.note.isEmpty());
}

void TestIntervals::intervalRules_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<bool>("hasValue");
    QTest::addColumn<QString>("note");
    QTest::newRow("n = 0: no value") << std::vector<double>{} << false << noteNoData();
    QTest::newRow("n = 1: value, no interval") << std::vector<double>{87.5} << true << noteSingleValue();
    QTest::newRow("all equal: not estimable") << std::vector<double>{90, 90, 90, 90} << true << noteNotEstimable();
}

void TestIntervals::intervalRules()
{
    QFETCH(std::vector<double>, values);
    QFETCH(bool, hasValue);
    QFETCH(QString, note);
    const Estimate e = meanInterval(values, 0, 100);
    QCOMPARE(e.value.has_value(), hasValue);
    QVERIFY(!e.hasInterval());
    QCOMPARE(e.note, note);
    QCOMPARE(e.n, qint64(values.size()));
    QVERIFY(!e.clipped);
}

void TestIntervals::wilson_data()
{
    QTest::addColumn<qint64>("x");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    // 8/10, z = 1.959964, z² = 3.841459: centre (8 + 1.920729)/13.841459 = 0.716743;
    // half = 1.959964/13.841459 · √(8·2/10 + 0.960365) = 0.141601 · 1.600114 = 0.226578.
    QTest::newRow("8 of 10") << qint64(8) << qint64(10) << 0.4902 << 0.9433;
    // 0/10: the lower end is 0 and the upper z²/(n + z²) = 3.841459/13.841459 = 0.2775.
    QTest::newRow("0 of 10") << qint64(0) << qint64(10) << 0.0 << 0.2775;
    // 10/10: mirror image of 0/10.
    QTest::newRow("10 of 10") << qint64(10) << qint64(10) << 0.7225 << 1.0;
    // 81/263: 0.2553 to 0.3662 (Newcombe 1998, "Two-sided confidence intervals for the single
    // proportion", Statistics in Medicine 17:857–872, Table I, method 3).
    QTest::newRow("Newcombe 1998 81/263") << qint64(81) << qint64(263) << 0.2553 << 0.3662;
}

void TestIntervals::wilson()
{
    QFETCH(qint64, x);
    QFETCH(qint64, n);
    QFETCH(double, low);
    QFETCH(double, high);
    const Estimate e = wilsonInterval(x, n);
    QCOMPARE(e.n, n);
    QVERIFY(near(*e.value, double(x) / double(n), 1e-15));
    QVERIFY2(near(*e.ciLow, low, fourDecimals), qPrintable(QString::number(*e.ciLow, 'f', 6)));
    QVERIFY2(near(*e.ciHigh, high, fourDecimals), qPrintable(QString::number(*e.ciHigh, 'f', 6)));
    QVERIFY(!e.clipped);

    QVERIFY(!wilsonInterval(0, 0).value);
    const Estimate one = wilsonInterval(1, 1);
    QCOMPARE(*one.value, 1.0);
    QVERIFY(!one.hasInterval());
    QCOMPARE(one.note, noteSingleValue());
}

void TestIntervals::newcombe_data()
{
    QTest::addColumn<qint64>("x1");
    QTest::addColumn<qint64>("n1");
    QTest::addColumn<qint64>("x2");
    QTest::addColumn<qint64>("n2");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    // Newcombe (1998), "Interval estimation for the difference between independent proportions",
    // Statistics in Medicine 17:873–890, Table II, method 10 (hybrid score, no continuity correction).
    QTest::newRow("(a) 56/70 - 48/80") << qint64(56) << qint64(70) << qint64(48) << qint64(80) << 0.0524 << 0.3339;
    QTest::newRow("(b) 9/10 - 3/10") << qint64(9) << qint64(10) << qint64(3) << qint64(10) << 0.1705 << 0.8090;
    QTest::newRow("(d) 5/56 - 0/29") << qint64(5) << qint64(56) << qint64(0) << qint64(29) << -0.0381 << 0.1926;
    QTest::newRow("(e) 0/10 - 0/20") << qint64(0) << qint64(10) << qint64(0) << qint64(20) << -0.1611 << 0.2775;
    QTest::newRow("(f) 0/10 - 0/10") << qint64(0) << qint64(10) << qint64(0) << qint64(10) << -0.2775 << 0.2775;
    QTest::newRow("(g) 10/10 - 0/20") << qint64(10) << qint64(10) << qint64(0) << qint64(20) << 0.6791 << 1.0;
    QTest::newRow("(h) 10/10 - 0/10") << qint64(10) << qint64(10) << qint64(0) << qint64(10) << 0.6075 << 1.0;
}

void TestIntervals::newcombe()
{
    QFETCH(qint64, x1);
    QFETCH(qint64, n1);
    QFETCH(qint64, x2);
    QFETCH(qint64, n2);
    QFETCH(double, low);
    QFETCH(double, high);
    const Estimate e = newcombeDifference(x1, n1, x2, n2);
    QVERIFY(near(*e.value, double(x1) / double(n1) - double(x2) / double(n2), 1e-15));
    QVERIFY2(near(*e.ciLow, low, fourDecimals), qPrintable(QString::number(*e.ciLow, 'f', 6)));
    QVERIFY2(near(*e.ciHigh, high, fourDecimals), qPrintable(QString::number(*e.ciHigh, 'f', 6)));
    QVERIFY(!newcombeDifference(1, 2, 0, 0).value);
}

void TestIntervals::nps_data()
{
    QTest::addColumn<qint64>("promoters");
    QTest::addColumn<qint64>("detractors");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<bool>("clipped");
    // 50 P, 20 D, 30 passives of 100: NPS = 30; variance term 0.5 + 0.2 − 0.3² = 0.61;
    // half = 1.96 · 100 · √(0.61/100) = 196 · 0.0781025 = 15.30809.
    QTest::newRow("50P 20D of 100") << qint64(50) << qint64(20) << qint64(100) << 30.0 << 14.69191 << 45.30809 << false;
    // 9 P, 1 D of 10: NPS = 80; 0.9 + 0.1 − 0.64 = 0.36; half = 196 · √0.036 = 37.18839 → 117.19 clipped.
    QTest::newRow("9P 1D of 10, clipped") << qint64(9) << qint64(1) << qint64(10) << 80.0 << 42.81161 << 100.0 << true;
}

void TestIntervals::nps()
{
    QFETCH(qint64, promoters);
    QFETCH(qint64, detractors);
    QFETCH(qint64, n);
    QFETCH(double, value);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(bool, clipped);
    const Estimate e = npsEstimate(promoters, detractors, n);
    QVERIFY(near(*e.value, value, 1e-12));
    QVERIFY2(near(*e.ciLow, low, 1e-5), qPrintable(QString::number(*e.ciLow, 'f', 6)));
    QVERIFY2(near(*e.ciHigh, high, 1e-5), qPrintable(QString::number(*e.ciHigh, 'f', 6)));
    QCOMPARE(e.clipped, clipped);
    // Every response a promoter: no spread, so no interval.
    const Estimate all = npsEstimate(12, 0, 12);
    QCOMPARE(*all.value, 100.0);
    QCOMPARE(all.note, noteNotEstimable());
    QVERIFY(!all.hasInterval());
}

void TestIntervals::twoProportion()
{
    // 56/70 vs 48/80: pooled p̄ = 104/150 = 0.693333; SE = √(0.693333 · 0.306667 · (1/70 + 1/80))
    // = √(0.212622 · 0.0267857) = 0.0754668; z = 0.2/0.0754668 = 2.65017;
    // p = 2(1 − Φ(2.65017)) = 2 · 0.0040226 = 0.008045 (normal table: Φ(2.65) = 0.99598).
    const TestResult r = twoProportionZTest(56, 70, 48, 80);
    QVERIFY(near(*r.statistic, 2.65017, 1e-5));
    QVERIFY(near(*r.pValue, 0.008045, 1e-5));
    QVERIFY(r.significant());
    // Equal rates: z = 0, p = 1, not significant.
    const TestResult same = twoProportionZTest(5, 10, 10, 20);
    QCOMPARE(*same.statistic, 0.0);
    QVERIFY(near(*same.pValue, 1.0, 1e-12));
    QVERIFY(!same.significant());
    // Everything a success in both: no variance, no test, never significant.
    const TestResult none = twoProportionZTest(10, 10, 20, 20);
    QVERIFY(!none.pValue);
    QVERIFY(!none.significant());
    QVERIFY(!twoProportionZTest(0, 0, 1, 2).pValue);
}

void TestIntervals::welch_data()
{
    QTest::addColumn<std::vector<double>>("a");
    QTest::addColumn<std::vector<double>>("b");
    QTest::addColumn<double>("t");
    QTest::addColumn<double>("df");
    QTest::addColumn<double>("p");
    // {0, 2} vs {4, 6}: means 1 and 5, s² = 2 in both; SE² = 2/2 + 2/2 = 2, t = −4/√2 = −2.828427;
    // ν = 2²/(1²/1 + 1²/1) = 2. With 2 degrees of freedom the t CDF is closed-form,
    // F(t) = 1/2 + t/(2√(2 + t²)), so p = 1 − |t|/√(2 + t²) = 1 − 2.828427/√10 = 0.1055728.
    QTest::newRow("equal variances, closed-form p")
        << std::vector<double>{0, 2} << std::vector<double>{4, 6} << -2.828427 << 2.0 << 0.1055728;
    // {1, 3} vs {10, 10, 10, 10}: s1² = 2, s2² = 0; SE² = 1, t = (2 − 10)/1 = −8; ν = 1²/(1²/1) = 1;
    // with 1 degree of freedom (Cauchy) p = 1 − (2/π)·atan(8) = 1 − 0.6366198 · 1.4464413 = 0.0791668.
    QTest::newRow("one group without variance, df 1")
        << std::vector<double>{1, 3} << std::vector<double>{10, 10, 10, 10} << -8.0 << 1.0 << 0.0791668;
}

void TestIntervals::welch()
{
    QFETCH(std::vector<double>, a);
    QFETCH(std::vector<double>, b);
    QFETCH(double, t);
    QFETCH(double, df);
    QFETCH(double, p);
    const TestResult r = welchTTest(a, b);
    QVERIFY(near(*r.statistic, t, 1e-6));
    QVERIFY(near(*r.df, df, 1e-9));
    QVERIFY2(near(*r.pValue, p, 1e-7), qPrintable(QString::number(*r.pValue, 'g', 10)));
    QVERIFY(!r.significant());
    QVERIFY(!welchTTest(std::vector<double>{1}, b).pValue);
    QVERIFY(!welchTTest(std::vector<double>{3, 3}, std::vector<double>{3, 3, 3}).pValue);
}

void TestIntervals::holm()
{
    // p = (0.01, 0.04, 0.03, 0.005), m = 4. Sorted: 0.005·4 = 0.02; 0.01·3 = 0.03; 0.03·2 = 0.06;
    // 0.04·1 = 0.04 → raised to the running maximum 0.06. Back in input order:
    const std::vector<double> p{0.01, 0.04, 0.03, 0.005};
    const std::vector<double> adjusted = holmAdjust(p);
    const std::vector<double> expected{0.03, 0.06, 0.06, 0.02};
    QCOMPARE(adjusted.size(), expected.size());
    for (std::size_t i = 0; i < p.size(); ++i)
        QVERIFY(near(adjusted[i], expected[i], 1e-15));
    // Capped at 1.
    QCOMPARE(holmAdjust(std::vector<double>{0.6, 0.9}), (std::vector<double>{1.0, 1.0}));
    QVERIFY(holmAdjust(std::vector<double>{}).empty());
}

void TestIntervals::planner_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("spread"); // sd for scores, expected p for rates
    QTest::addColumn<double>("margin");
    QTest::addColumn<qint64>("n");
    // Scores, s = 10, ±5 points: need t_{0.975,n−1} ≤ √n/2. n = 17: t16 = 2.1199 > 2.0616;
    // n = 18: t17 = 2.1098 ≤ 2.1213 → 18 (the z shortcut (1.96·2)² = 15.4 would say 16).
    QTest::newRow("scores sd 10, +-5") << QStringLiteral("mean") << 10.0 << 5.0 << qint64(18);
    // Rates at p = 0.5, ±5 points: half-width z/(2√(n + z²)) ≤ 0.05 ⇔ n ≥ (z/0.1)² − z² =
    // 384.146 − 3.841 = 380.30 → 381 (the Wald formula says 385).
    QTest::newRow("rate 50%, +-5 points") << QStringLiteral("rate") << 0.5 << 0.05 << qint64(381);
    // At p = 0.9, ±5: z·√(0.09n + z²/4) ≤ 0.05(n + z²). n = 140: 1.959964·√13.560365 = 7.21744
    // > 0.05 · 143.841459 = 7.19207; n = 141: 1.959964·√13.650365 = 7.24136 ≤ 7.24207 → 141.
    QTest::newRow("rate 90%, +-5 points") << QStringLiteral("rate") << 0.9 << 0.05 << qint64(141);
}

void TestIntervals::planner()
{
    QFETCH(QString, kind);
    QFETCH(double, spread);
    QFETCH(double, margin);
    QFETCH(qint64, n);
    const auto got =
        kind == QLatin1String("mean") ? sampleSizeForMean(spread, margin) : sampleSizeForProportion(spread, margin);
    QVERIFY(got);
    QCOMPARE(*got, n);
    QVERIFY(!sampleSizeForMean(10, 0));
    QVERIFY(!sampleSizeForProportion(1.5, 0.05));
}

QTEST_GUILESS_MAIN(TestIntervals)
#include "tst_intervals.moc"

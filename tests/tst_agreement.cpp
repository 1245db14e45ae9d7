// SPDX-License-Identifier: GPL-3.0-or-later
// Inter-rater agreement (calibration.md "Agreement statistics") against published worked examples
// and hand-computed tables.
#include "stats/bootstrap.h"
#include "stats/gwet.h"
#include "stats/icc.h"
#include "stats/kappa.h"
#include "stats/krippendorff.h"
#include "stats/ratings.h"

#include <boost/math/distributions/fisher_f.hpp>

#include <QTest>

#include <cmath>

using namespace ql::stats;

Q_DECLARE_METATYPE(ql::stats::Level)
Q_DECLARE_METATYPE(ql::stats::KappaWeights)
Q_DECLARE_METATYPE(ql::stats::IccForm)

namespace {

bool near(double a, double b, double tol)
{
    return std::fabs(a - b) <= tol;
}
// A value published to three decimals matches when it rounds to it.
constexpr double threeDecimals = 0.0005 + 1e-12;

// Ratings from a table with one row per rater and one column per unit; "" is missing.
Ratings byRater(const QList<QStringList> &rows, const RatingsInputOptions &options = {})
{
    QList<RatingRecord> records;
    for (qsizetype r = 0; r < rows.size(); ++r)
        for (qsizetype u = 0; u < rows.at(r).size(); ++u)
            records.append({QStringLiteral("u%1").arg(u + 1), QStringLiteral("r%1").arg(r + 1), rows.at(r).at(u), 0});
    RatingsInputError error;
    const auto ratings = ratingsFromRecords(records, options, &error);
    if (!ratings)
        qFatal("bad test table: %s", qPrintable(error.message));
    return *ratings;
}

// Two raters from a contingency table: cell (i, j) units rated labels[i] by rater 1 and
// labels[j] by rater 2. `categories` is the declared scale (empty: the labels that occur).
Ratings fromTable(const QStringList &labels, const QList<QList<int>> &table, const QStringList &categories = {},
                  Level level = Level::Nominal)
{
    QStringList first, second;
    for (qsizetype i = 0; i < table.size(); ++i)
        for (qsizetype j = 0; j < table.at(i).size(); ++j)
            for (int n = 0; n < table.at(i).at(j); ++n) {
                first.append(labels.at(i));
                second.append(labels.at(j));
            }
    return byRater({first, second}, {level, categories});
}

// Fleiss' layout: for each unit, how many raters chose each category; the raters of a unit need
// not be the same people, so each unit's ratings fill rater slots 1..m.
Ratings fromCounts(const QList<QList<int>> &counts)
{
    QList<RatingRecord> records;
    for (qsizetype u = 0; u < counts.size(); ++u) {
        int slot = 0;
        for (qsizetype c = 0; c < counts.at(u).size(); ++c)
            for (int n = 0; n < counts.at(u).at(c); ++n)
                records.append({QStringLiteral("s%1").arg(u + 1), QStringLiteral("slot%1").arg(++slot),
                                QString::number(c + 1), 0});
    }
    RatingsInputError error;
    return *ratingsFromRecords(records, {}, &error);
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
// twelve units, values 1–5, "" where an observer gave no value.
const QList<QStringList> krippendorffData{
    {"1", "2", "3", "3", "2", "1", "4", "1", "2", "", "", ""},
    {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", "", "3"},
    {"", "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", ""},
    {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", ""},
};

// Fleiss (1971), Table 1: 30 patients, 6 psychiatrists each, counts per diagnosis (depression,
// personality disorder, schizophrenia, neurosis, other).
const QList<QList<int>> fleiss1971{
    {0, 0, 0, 6, 0}, {0, 3, 0, 0, 3}, {0, 1, 4, 0, 1}, {0, 0, 0, 0, 6}, {0, 3, 0, 3, 0}, {2, 0, 4, 0, 0},
    {0, 0, 4, 0, 2}, {2, 0, 3, 1, 0}, {2, 0, 0, 4, 0}, {0, 0, 0, 0, 6}, {1, 0, 0, 5, 0}, {1, 1, 0, 4, 0},
    {0, 3, 3, 0, 0}, {1, 0, 0, 5, 0}, {0, 2, 0, 3, 1}, {0, 0, 5, 0, 1}, {3, 0, 0, 1, 2}, {5, 1, 0, 0, 0},
    {0, 2, 0, 4, 0}, {1, 0, 2, 0, 3}, {0, 0, 0, 0, 6}, {0, 1, 0, 5, 0}, {0, 2, 0, 1, 3}, {2, 0, 0, 4, 0},
    {1, 0, 0, 4, 1}, {0, 5, 0, 1, 0}, {4, 0, 0, 0, 2}, {0, 2, 0, 4, 0}, {1, 0, 5, 0, 0}, {0, 0, 0, 0, 6},
};

// Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories.
const QList<QList<int>> wikipediaFleiss{
    {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
    {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
};

// Shrout & Fleiss (1979), Table 4: six targets rated by four judges.
const QList<QStringList> shroutFleissByJudge{
    {"9", "6", "8", "7", "10", "6"},
    {"2", "1", "4", "1", "5", "2"},
    {"5", "3", "6", "2", "6", "4"},
    {"8", "2", "8", "6", "9", "7"},
};

// The 3 × 3 table used by the Cohen tests (rows rater 1, columns rater 2), n = 40.
const QList<QList<int>> threeByThree{{10, 2, 0}, {3, 12, 3}, {0, 2, 8}};

} // namespace

class TestAgreement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void krippendorffExample_data();
    void krippendorffExample();
    void krippendorffInterpretationNeedsTenUnits();
    void notApplicableByLevel();
    void fleissPublished_data();
    void fleissPublished();
    void fleissDropsOtherRatingCounts();
    void iccShroutFleiss_data();
    void iccShroutFleiss();
    void iccIntervalsByHand();
    void iccCompleteCases();
    void cohen_data();
    void cohen();
    void cohenNeedsTwoRaters();
    void gwetByHand();
    void lowVariation();
    void undefinedNoVariation_data();
    void undefinedNoVariation();
    void bootstrapRepeatable();
    void bootstrapNeedsTenUnits();
    void inputRefusals_data();
    void inputRefusals();
    void inputScales();
};

void TestAgreement::krippendorffExample_data()
{
    QTest::addColumn<Level>("level");
    QTest::addColumn<double>("published");
    // Krippendorff (2011), section C: α nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797.
    QTest::newRow("nominal 0.743") << Level::Nominal << 0.743;
    QTest::newRow("ordinal 0.815") << Level::Ordinal << 0.815;
    QTest::newRow("interval 0.849") << Level::Interval << 0.849;
    QTest::newRow("ratio 0.797") << Level::Ratio << 0.797;
}

void TestAgreement::krippendorffExample()
{
    QFETCH(Level, level);
    QFETCH(double, published);
    const AgreementResult r = krippendorffAlpha(byRater(krippendorffData), level);
    QVERIFY(r.value);
    QVERIFY2(near(*r.value, published, threeDecimals), qPrintable(QString::number(*r.value, 'f', 6)));
    // Unit 12 has one value only and drops out: 11 units, 40 pairable values, all 4 observers.
    QCOMPARE(r.units, qsizetype(11));
    QCOMPARE(r.pairable, qsizetype(40));
    QCOMPARE(r.raters, qsizetype(4));
    QVERIFY(!r.undefined);
    QVERIFY(!r.lowVariation);
    // The nominal case by hand: value counts n_c = 9, 13, 10, 5, 3 (n = 40), the off-diagonal
    // coincidences sum to 8, so α = 1 − (n − 1)·8/(n² − Σ n_c²) = 1 − 39·8/1216 = 113/152.
    if (level == Level::Nominal)
        QVERIFY(near(*r.value, 113.0 / 152.0, 1e-12));
    QCOMPARE(r.interpretation, published >= 0.800 ? QStringLiteral("reliable (Krippendorff 2004)")
                                                  : QStringLiteral("tentative (Krippendorff 2004)"));
}

void TestAgreement::krippendorffInterpretationNeedsTenUnits()
{
    QList<QStringList> nine;
    for (const QStringList &row : krippendorffData)
        nine.append(row.mid(0, 9));
    const AgreementResult r = krippendorffAlpha(byRater(nine), Level::Nominal);
    QCOMPARE(r.units, qsizetype(9));
    QVERIFY(r.value);
    QVERIFY(r.interpretation.isEmpty());
    QVERIFY(!r.noteText().contains(QStringLiteral("Krippendorff 2004")));
}

void TestAgreement::notApplicableByLevel()
{
    // N/A is a category at the nominal level (unit 1's two N/A agree) and missing at the others
    // (unit 1 then has no pairable value and drops out).
    const Ratings r = byRater({{"N/A", "1", "2", "1", "2"}, {"n/a", "1", "2", "2", "2"}});
    QCOMPARE(r.categoryCount(), qsizetype(3));
    QVERIFY(r.category(2).notApplicable);
    const AgreementResult nominal = krippendorffAlpha(r, Level::Nominal);
    const AgreementResult interval = krippendorffAlpha(r, Level::Interval);
    QCOMPARE(nominal.units, qsizetype(5));
    QCOMPARE(nominal.pairable, qsizetype(10));
    QCOMPARE(interval.units, qsizetype(4));
    QCOMPARE(interval.pairable, qsizetype(8));
    // Interval by hand: values 1,1 | 2,2 | 1,2 | 2,2 → n = 8, n_1 = 3, n_2 = 5. Only unit 4 (u4:
    // 1 vs 2) disagrees: o_12 = o_21 = 1/(2−1) = 1, so Σ o δ² = 2. Σ n_c n_k δ² = 2·3·5 = 30.
    // α = 1 − (8 − 1)·2/30 = 1 − 14/30 = 0.533333.
    QVERIFY(near(*interval.value, 1 - 14.0 / 30.0, 1e-12));
    // Nominal adds the agreeing N/A pair: n = 10, n_N/A = 2; Σ n_c n_k δ² = 2(3·5 + 3·2 + 5·2) = 62;
    // α = 1 − 9·2/62 = 0.709677.
    QVERIFY(near(*nominal.value, 1 - 18.0 / 62.0, 1e-12));
    // Cohen unweighted (nominal) pairs all five units; weighted (ordered) only the four rated ones.
    QCOMPARE(cohenKappa(r).units, qsizetype(5));
    QCOMPARE(cohenKappa(r, KappaWeights::Linear).units, qsizetype(4));
}

void TestAgreement::fleissPublished_data()
{
    QTest::addColumn<QList<QList<int>>>("counts");
    QTest::addColumn<double>("published");
    QTest::addColumn<double>("exact");
    // Fleiss (1971): κ = .430. By hand: P̄ = 0.555556, p_j = (26, 26, 30, 55, 43)/180,
    // P_e = Σ p_j² = 0.219938; κ = (0.555556 − 0.219938)/(1 − 0.219938) = 0.430245.
    QTest::newRow("Fleiss 1971, 30 x 6") << fleiss1971 << 0.430 << 0.4302445200601;
    // Wikipedia "Fleiss' kappa": P̄ = 0.378022, P_e = 0.212755, κ = 0.210.
    QTest::newRow("Wikipedia, 10 x 14") << wikipediaFleiss << 0.210 << 0.2099307044220;
}

void TestAgreement::fleissPublished()
{
    QFETCH(QList<QList<int>>, counts);
    QFETCH(double, published);
    QFETCH(double, exact);
    const AgreementResult r = fleissKappa(fromCounts(counts));
    QVERIFY(r.value);
    QVERIFY2(near(*r.value, published, threeDecimals), qPrintable(QString::number(*r.value, 'f', 6)));
    QVERIFY(near(*r.value, exact, 1e-12));
    QCOMPARE(r.units, qsizetype(counts.size()));
    QVERIFY(r.notes.isEmpty() || r.notes == QStringList{noteLowVariation()});
    QVERIFY(r.interpretation.contains(QStringLiteral("Landis & Koch 1977")));
}

void TestAgreement::fleissDropsOtherRatingCounts()
{
    // Three units rated three times, one rated twice: the modal count is 3, the odd unit goes.
    const Ratings r = byRater({{"a", "a", "b", "a"}, {"a", "b", "b", "b"}, {"a", "a", "b", ""}});
    const AgreementResult k = fleissKappa(r);
    QCOMPARE(k.units, qsizetype(3));
    QCOMPARE(k.pairable, qsizetype(9));
    QVERIFY(k.notes.contains(QStringLiteral("1 unit dropped: not rated 3 times")));
    // By hand over units 1–3: P_i = 1, 1/3, 1 → P̄ = 7/9; p_a = 5/9, p_b = 4/9, P_e = 41/81;
    // κ = (7/9 − 41/81)/(1 − 41/81) = (22/81)/(40/81) = 0.55.
    QVERIFY(near(*k.value, 0.55, 1e-12));
}

void TestAgreement::iccShroutFleiss_data()
{
    QTest::addColumn<IccForm>("form");
    QTest::addColumn<double>("published");   // Shrout & Fleiss (1979), Table 4, two decimals
    QTest::addColumn<double>("threePlaces"); // recomputed from their table (calibration.md)
    QTest::newRow("ICC(1,1)") << IccForm::Icc1 << 0.17 << 0.166;
    QTest::newRow("ICC(2,1)") << IccForm::Icc2 << 0.29 << 0.290;
    QTest::newRow("ICC(3,1)") << IccForm::Icc3 << 0.71 << 0.715;
    QTest::newRow("ICC(1,4)") << IccForm::Icc1k << 0.44 << 0.443;
    QTest::newRow("ICC(2,4)") << IccForm::Icc2k << 0.62 << 0.620;
    QTest::newRow("ICC(3,4)") << IccForm::Icc3k << 0.91 << 0.909;
}

void TestAgreement::iccShroutFleiss()
{
    QFETCH(IccForm, form);
    QFETCH(double, published);
    QFETCH(double, threePlaces);
    const IccResult r = intraclassCorrelation(byRater(shroutFleissByJudge, {Level::Interval, {}}));
    QCOMPARE(r.units, qsizetype(6));
    QCOMPARE(r.raters, qsizetype(4));
    QVERIFY(r.droppedUnits.isEmpty() && r.droppedRaters.isEmpty());
    const IccEstimate &e = r.form(form);
    QVERIFY(e.value);
    QVERIFY2(near(*e.value, published, 0.005 + 1e-12), qPrintable(QString::number(*e.value, 'f', 6)));
    QVERIFY2(near(*e.value, threePlaces, threeDecimals), qPrintable(QString::number(*e.value, 'f', 6)));
    QVERIFY(e.ciLow && e.ciHigh);
    QVERIFY(*e.ciLow < *e.value && *e.value < *e.ciHigh);
    // Mean squares by hand (Shrout & Fleiss, Table 2): grand total 127 over 24 cells; target
    // totals 24, 12, 26, 16, 30, 19; judge totals 46, 15, 26, 40; Σx² = 841.
    // SS_total = 841 − 127²/24 = 168.958333; SS_targets = 2913/4 − 672.041667 = 56.208333;
    // SS_judges = 4617/6 − 672.041667 = 97.458333; SS_residual = 15.291667.
    QVERIFY(near(r.bms, 56.2083333333 / 5, 1e-9));  // 11.241667
    QVERIFY(near(r.wms, 112.75 / 18, 1e-9));        // 6.263889
    QVERIFY(near(r.jms, 97.4583333333 / 3, 1e-9));  // 32.486111
    QVERIFY(near(r.ems, 15.2916666667 / 15, 1e-9)); // 1.019444
}

void TestAgreement::iccIntervalsByHand()
{
    const IccResult r = intraclassCorrelation(byRater(shroutFleissByJudge, {Level::Interval, {}}));
    const double n = 6, k = 4;
    const double bms = 56.2083333333333 / 5, wms = 112.75 / 18, jms = 97.4583333333333 / 3, ems = 15.2916666666667 / 15;
    // McGraw & Wong (1996), Table 7, written out here independently of core/stats, with the F
    // quantiles taken straight from Boost.Math.
    const auto fq = [](double d1, double d2) {
        return boost::math::quantile(boost::math::fisher_f_distribution<double>(d1, d2), 0.975);
    };
    // One-way: F = BMS/WMS = 1.794678 on (5, 18); F_{.975}(5,18) = 3.381968, F_{.975}(18,5) = 6.361883.
    const double f1 = bms / wms;
    const double f1l = f1 / fq(5, 18), f1u = f1 * fq(18, 5);
    // Consistency: F = BMS/EMS = 11.027248 on (5, 15); F_{.975}(5,15) = 3.576415, F_{.975}(15,5) = 6.427728.
    const double f3 = bms / ems;
    const double f3l = f3 / fq(5, 15), f3u = f3 * fq(15, 5);
    // Absolute agreement: ρ̂ = ICC(2,1) = 0.289764; Satterthwaite's ν from a = kρ̂/(n(1−ρ̂)),
    // b = 1 + kρ̂(n−1)/(n(1−ρ̂)).
    const double rho = (bms - ems) / (bms + (k - 1) * ems + k * (jms - ems) / n);
    const double a = k * rho / (n * (1 - rho)), b = 1 + k * rho * (n - 1) / (n * (1 - rho));
    const double nu =
        std::pow(a * jms + b * ems, 2) / (std::pow(a * jms, 2) / (k - 1) + std::pow(b * ems, 2) / ((n - 1) * (k - 1)));
    const double fs = fq(n - 1, nu), fss = fq(nu, n - 1);
    struct Expected
    {
        IccForm form;
        double low, high;
        double lowPrinted, highPrinted; // as printed for this data by psych::ICC (Revelle), for reference
    };
    const Expected expected[] = {
        {IccForm::Icc1, (f1l - 1) / (f1l + k - 1), (f1u - 1) / (f1u + k - 1), -0.133, 0.72},
        {IccForm::Icc2, n * (bms - fs * ems) / (fs * (k * jms + (k * n - k - n) * ems) + n * bms),
         n * (fss * bms - ems) / (k * jms + (k * n - k - n) * ems + n * fss * bms), 0.019, 0.76},
        {IccForm::Icc3, (f3l - 1) / (f3l + k - 1), (f3u - 1) / (f3u + k - 1), 0.342, 0.95},
        {IccForm::Icc1k, 1 - 1 / f1l, 1 - 1 / f1u, -0.884, 0.91},
        {IccForm::Icc2k, n * (bms - fs * ems) / (fs * (jms - ems) + n * bms),
         n * (fss * bms - ems) / (jms - ems + n * fss * bms), 0.071, 0.93},
        {IccForm::Icc3k, 1 - 1 / f3l, 1 - 1 / f3u, 0.676, 0.99},
    };
    for (const Expected &x : expected) {
        const IccEstimate &e = r.form(x.form);
        QVERIFY2(near(*e.ciLow, x.low, 1e-9), qPrintable(iccShroutFleissName(x.form)));
        QVERIFY2(near(*e.ciHigh, x.high, 1e-9), qPrintable(iccShroutFleissName(x.form)));
        // The lows are printed to three decimals, the highs to two.
        QVERIFY2(near(*e.ciLow, x.lowPrinted, threeDecimals), qPrintable(QString::number(*e.ciLow, 'f', 4)));
        QVERIFY2(near(*e.ciHigh, x.highPrinted, 0.005 + 1e-12), qPrintable(QString::number(*e.ciHigh, 'f', 4)));
    }
}

void TestAgreement::iccCompleteCases()
{
    // Judge 5 rated only two targets: dropping judge 5 keeps 6 × 4 = 24 cells, dropping the four
    // targets it skipped would keep 2 × 5 = 10. A further gap (target 6, judge 1) costs one unit.
    QList<QStringList> rows = shroutFleissByJudge;
    rows.append({"7", "", "", "", "9", ""});
    rows[0][5] = QString();
    const IccResult r = intraclassCorrelation(byRater(rows, {Level::Interval, {}}));
    QCOMPARE(r.droppedRaters, QStringList{"r5"});
    QCOMPARE(r.droppedUnits, QStringList{"u6"});
    QCOMPARE(r.units, qsizetype(5));
    QCOMPARE(r.raters, qsizetype(4));
    QVERIFY(r.noteText().contains(QStringLiteral("u6")));
    QVERIFY(r.noteText().contains(QStringLiteral("r5")));
    QVERIFY(r.form(IccForm::Icc2).value);

    const IccResult same = intraclassCorrelation(byRater({{"3", "3", "3"}, {"3", "3", "3"}}, {Level::Interval, {}}));
    QVERIFY(same.undefined);
    QCOMPARE(same.notes.first(), noteUndefinedNoVariation());
    for (const IccForm f : allIccForms)
        QVERIFY(!same.form(f).value);
}

void TestAgreement::cohen_data()
{
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QList<QList<int>>>("table");
    QTest::addColumn<QStringList>("categories");
    QTest::addColumn<KappaWeights>("weights");
    QTest::addColumn<double>("kappa");

    // 2 × 2, n = 50: yes/yes 20, yes/no 5, no/yes 10, no/no 15. p_o = 35/50 = 0.7; rater 1 says yes
    // 25/50, rater 2 30/50; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5)/(1 − 0.5) = 0.4.
    QTest::newRow("2x2 unweighted") << QStringList{"yes", "no"} << QList<QList<int>>{{20, 5}, {10, 15}} << QStringList{}
                                    << KappaWeights::None << 0.4;
    // 3 × 3 (rows 12, 18, 10; columns 13, 16, 11; n = 40): p_o = 30/40 = 0.75;
    // p_e = (12·13 + 18·16 + 10·11)/1600 = 554/1600 = 0.34625; κ = 0.40375/0.65375 = 0.617591.
    QTest::newRow("3x3 unweighted") << QStringList{"1", "2", "3"} << threeByThree << QStringList{} << KappaWeights::None
                                    << 0.40375 / 0.65375;
    // Linear, scale 1–3: disagreement |i−j|/2. Observed: 10 units one step apart → 10·0.5/40 = 0.125.
    // Expected: one step 192 + 234 + 198 + 160 = 784 (·0.5), two steps 132 + 130 = 262 (·1):
    // 654/1600 = 0.40875. κ = 1 − 0.125/0.40875 = 0.694190.
    QTest::newRow("3x3 linear") << QStringList{"1", "2", "3"} << threeByThree << QStringList{} << KappaWeights::Linear
                                << 1 - 0.125 / 0.40875;
    // Quadratic: (i−j)²/4. Observed 10·0.25/40 = 0.0625; expected (784·0.25 + 262·1)/1600 = 458/1600;
    // κ = 1 − 0.0625/0.28625 = 0.781659.
    QTest::newRow("3x3 quadratic") << QStringList{"1", "2", "3"} << threeByThree << QStringList{}
                                   << KappaWeights::Quadratic << 1 - 0.0625 / 0.28625;
    // The same table on a declared 1–5 scale: nobody used 4 or 5; the distances are rescaled by a
    // constant, which cancels in κ, so an unused category at the end changes nothing.
    QTest::newRow("linear, unused 4 and 5 at the end")
        << QStringList{"1", "2", "3"} << threeByThree << QStringList{"1", "2", "3", "4", "5"} << KappaWeights::Linear
        << 1 - 0.125 / 0.40875;
    // But an unused category in the middle widens the distance across it: answers 1, 2, 4 on a
    // declared 1–4 scale. Linear (|i−j|/3, ·3 cancels): observed 5·1 + 5·2 = 15 → 15/40;
    // expected 426·1 + 358·2 + 262·3 = 1928 → 1928/1600; κ = 1 − 0.375/1.205 = 0.688797.
    QTest::newRow("linear, unused 3 in the middle")
        << QStringList{"1", "2", "4"} << threeByThree << QStringList{"1", "2", "3", "4"} << KappaWeights::Linear
        << 1 - 0.375 / 1.205;
    // Quadratic on the same: observed 5·1 + 5·4 = 25 → 0.625; expected 426 + 358·4 + 262·9 = 4216
    // → 2.635; κ = 1 − 0.625/2.635 = 0.762808.
    QTest::newRow("quadratic, unused 3 in the middle")
        << QStringList{"1", "2", "4"} << threeByThree << QStringList{"1", "2", "3", "4"} << KappaWeights::Quadratic
        << 1 - 0.625 / 2.635;
    // Without the declared scale the answers 1, 2, 4 are three adjacent categories again.
    QTest::newRow("linear, values that occur")
        << QStringList{"1", "2", "4"} << threeByThree << QStringList{} << KappaWeights::Linear << 1 - 0.125 / 0.40875;
}

void TestAgreement::cohen()
{
    QFETCH(QStringList, labels);
    QFETCH(QList<QList<int>>, table);
    QFETCH(QStringList, categories);
    QFETCH(KappaWeights, weights);
    QFETCH(double, kappa);
    const Level level = weights == KappaWeights::None ? Level::Nominal : Level::Ordinal;
    const AgreementResult r = cohenKappa(fromTable(labels, table, categories, level), weights);
    QVERIFY(r.value);
    QVERIFY2(near(*r.value, kappa, 1e-12), qPrintable(QString::number(*r.value, 'f', 8)));
    QCOMPARE(r.raters, qsizetype(2));
    QCOMPARE(r.pairable, 2 * r.units);
    QVERIFY(r.interpretation.endsWith(QStringLiteral("(Landis & Koch 1977)")));
}

void TestAgreement::cohenNeedsTwoRaters()
{
    const AgreementResult r = cohenKappa(byRater(krippendorffData));
    QVERIFY(!r.value);
    QVERIFY(r.noteText().contains(QStringLiteral("exactly two raters")));
}

void TestAgreement::gwetByHand()
{
    // The 2 × 2 table of cohen(): p_a = 0.7. π_yes = (25/50 + 30/50)/2 = 0.55, π_no = 0.45;
    // p_e = (0.55·0.45 + 0.45·0.55)/(2 − 1) = 0.495; AC1 = (0.7 − 0.495)/(1 − 0.495) = 0.405941.
    const Ratings r = fromTable({"yes", "no"}, {{20, 5}, {10, 15}});
    const AgreementResult pa = percentAgreement(r);
    const AgreementResult ac1 = gwetAc1(r);
    QVERIFY(near(*pa.value, 0.7, 1e-12));
    QVERIFY(near(*ac1.value, 0.205 / 0.505, 1e-12));
    QCOMPARE(ac1.units, qsizetype(50));
    QCOMPARE(ac1.pairable, qsizetype(100));

    // A declared third category nobody used still counts: q = 3, π_maybe = 0;
    // p_e = 0.495/2 = 0.2475; AC1 = (0.7 − 0.2475)/(1 − 0.2475) = 0.601329.
    const AgreementResult ac1q3 = gwetAc1(fromTable({"yes", "no"}, {{20, 5}, {10, 15}}, {"yes", "no", "maybe"}));
    QVERIFY(near(*ac1q3.value, 0.4525 / 0.7525, 1e-12));

    // Three raters, unit by unit (Gwet's multi-rater p_a): (a,a,a) → 1; (a,a,b) → 2/6; (a,b,-) → 0;
    // p_a = (1 + 1/3 + 0)/3 = 0.444444. π_a = (1 + 2/3 + 1/2)/3 = 13/18, π_b = 5/18;
    // p_e = 2·(13/18)(5/18) = 130/324; AC1 = (4/9 − 130/324)/(1 − 130/324) = (14/324)/(194/324) = 0.072165.
    const Ratings three = byRater({{"a", "a", "a"}, {"a", "a", "b"}, {"a", "b", ""}});
    QVERIFY(near(*percentAgreement(three).value, 4.0 / 9.0, 1e-12));
    QVERIFY(near(*gwetAc1(three).value, 14.0 / 194.0, 1e-12));
}

void TestAgreement::lowVariation()
{
    // The kappa paradox: 100 units, yes/yes 94, yes/no 3, no/yes 3. p_o = 0.94; both raters say yes
    // 97 times, p_e = 0.97² + 0.03² = 0.9418; κ = (0.94 − 0.9418)/0.0582 = −0.030928. "yes" is
    // 194/200 = 97% of the answers (> 90%), so κ and α carry the note; AC1 does not:
    // π_yes = 0.97, p_e = 2·0.97·0.03 = 0.0582, AC1 = (0.94 − 0.0582)/0.9418 = 0.936292.
    const Ratings r = fromTable({"yes", "no"}, {{94, 3}, {3, 0}});
    const AgreementResult kappa = cohenKappa(r);
    QVERIFY(near(*kappa.value, -0.0018 / 0.0582, 1e-12));
    QVERIFY(kappa.lowVariation);
    QVERIFY(kappa.notes.contains(noteLowVariation()));
    QCOMPARE(noteLowVariation(), QStringLiteral("low variation: read percent agreement and AC1"));
    QCOMPARE(kappa.interpretation, QStringLiteral("poor (Landis & Koch 1977)"));
    const AgreementResult alpha = krippendorffAlpha(r, Level::Nominal);
    QVERIFY(alpha.lowVariation);
    QVERIFY(alpha.notes.contains(noteLowVariation()));
    QVERIFY(near(*gwetAc1(r).value, 0.8818 / 0.9418, 1e-12));
    QVERIFY(near(*percentAgreement(r).value, 0.94, 1e-12));

    // 90% exactly is not "more than 90%": 18 of 20 answers.
    const AgreementResult edge = cohenKappa(fromTable({"yes", "no"}, {{8, 1}, {1, 0}}));
    QVERIFY(!edge.lowVariation);
}

void TestAgreement::undefinedNoVariation_data()
{
    QTest::addColumn<QString>("metric");
    QTest::newRow("alpha nominal") << QStringLiteral("alpha");
    QTest::newRow("alpha interval") << QStringLiteral("alpha-interval");
    QTest::newRow("cohen") << QStringLiteral("cohen");
    QTest::newRow("cohen quadratic") << QStringLiteral("cohen-quadratic");
    QTest::newRow("fleiss") << QStringLiteral("fleiss");
}

void TestAgreement::undefinedNoVariation()
{
    QFETCH(QString, metric);
    // Everyone answered 4 on a declared 1–5 scale: the expected disagreement is 0.
    QStringList fours(12, QStringLiteral("4"));
    const Ratings r = byRater({fours, fours}, {Level::Ordinal, {"1", "2", "3", "4", "5"}});
    const AgreementResult result = metric == QLatin1String("alpha")             ? krippendorffAlpha(r, Level::Nominal)
                                   : metric == QLatin1String("alpha-interval")  ? krippendorffAlpha(r, Level::Interval)
                                   : metric == QLatin1String("cohen")           ? cohenKappa(r)
                                   : metric == QLatin1String("cohen-quadratic") ? cohenKappa(r, KappaWeights::Quadratic)
                                                                                : fleissKappa(r);
    QVERIFY(!result.value); // never 0, 1 or NaN
    QVERIFY(result.undefined);
    QCOMPARE(result.notes.first(), QStringLiteral("undefined (no variation)"));
    QVERIFY(!result.lowVariation);
    QVERIFY(result.interpretation.isEmpty());
    QCOMPARE(result.units, qsizetype(12));
    // Percent agreement and AC1 stay defined: p_a = 1; π_4 = 1, p_e = 0, AC1 = 1.
    QCOMPARE(*percentAgreement(r).value, 1.0);
    QCOMPARE(*gwetAc1(r).value, 1.0);
}

void TestAgreement::bootstrapRepeatable()
{
    const Ratings r = fromCounts(fleiss1971);
    const AgreementStatistic fleiss = [](const Ratings &x) { return fleissKappa(x); };
    const AgreementResult point = fleiss(r);
    const BootstrapInterval a = bootstrapInterval(r, fleiss, point);
    const BootstrapInterval b = bootstrapInterval(r, fleiss, point, {1000, 1, 0.95});
    QVERIFY(a.low && a.high);
    QCOMPARE(*a.low, *b.low); // same seed, same interval, to the last bit
    QCOMPARE(*a.high, *b.high);
    QVERIFY(*a.low < *point.value && *point.value < *a.high);
    const BootstrapInterval other = bootstrapInterval(r, fleiss, point, {1000, 2, 0.95});
    QVERIFY(*other.low != *a.low || *other.high != *a.high);

    const AgreementResult filled = withBootstrapInterval(point, r, fleiss);
    QCOMPARE(*filled.ciLow, *a.low);
    QCOMPARE(*filled.ciHigh, *a.high);
}

void TestAgreement::bootstrapNeedsTenUnits()
{
    const Ratings nine = fromCounts(fleiss1971.mid(0, 9));
    const AgreementStatistic fleiss = [](const Ratings &x) { return fleissKappa(x); };
    const AgreementResult r = withBootstrapInterval(fleiss(nine), nine, fleiss);
    QVERIFY(r.value);
    QCOMPARE(r.units, qsizetype(9));
    QVERIFY(!r.ciLow && !r.ciHigh);
    QVERIFY(r.notes.contains(QStringLiteral("no interval below 10 units")));
    QVERIFY(r.interpretation.isEmpty());

    const Ratings ten = fromCounts(fleiss1971.mid(0, 10));
    QVERIFY(withBootstrapInterval(fleiss(ten), ten, fleiss).ciLow);
}

void TestAgreement::inputRefusals_data()
{
    QTest::addColumn<QList<RatingRecord>>("records");
    QTest::addColumn<Level>("level");
    QTest::addColumn<QStringList>("categories");
    QTest::addColumn<qsizetype>("line");
    QTest::addColumn<QString>("says");
    const auto rec = [](const char *u, const char *r, const char *v, qsizetype line) {
        return RatingRecord{QString::fromUtf8(u), QString::fromUtf8(r), QString::fromUtf8(v), line};
    };
    QTest::newRow("duplicate unit and rater")
        << QList<RatingRecord>{rec("u1", "ann", "3", 2), rec("u1", "bob", "3", 3), rec("u1", "ann", "4", 4)}
        << Level::Nominal << QStringList{} << qsizetype(4) << QStringLiteral("first on line 2");
    QTest::newRow("outside the categories")
        << QList<RatingRecord>{rec("u1", "ann", "3", 2), rec("u1", "bob", "6", 3)} << Level::Nominal
        << QStringList{"1", "2", "3", "4", "5"} << qsizetype(3) << QStringLiteral("'6' is not one of the categories");
    QTest::newRow("text at interval") << QList<RatingRecord>{rec("u1", "ann", "3", 2), rec("u1", "bob", "good", 3)}
                                      << Level::Interval << QStringList{} << qsizetype(3)
                                      << QStringLiteral("not a number");
    QTest::newRow("text at ordinal without categories")
        << QList<RatingRecord>{rec("u1", "ann", "poor", 2)} << Level::Ordinal << QStringList{} << qsizetype(2)
        << QStringLiteral("--categories");
    QTest::newRow("negative at ratio") << QList<RatingRecord>{rec("u1", "ann", "-1", 2)} << Level::Ratio
                                       << QStringList{} << qsizetype(2) << QStringLiteral("negative");
    QTest::newRow("empty rater") << QList<RatingRecord>{rec("u1", " ", "1", 5)} << Level::Nominal << QStringList{}
                                 << qsizetype(5) << QStringLiteral("rater is empty");
}

void TestAgreement::inputRefusals()
{
    QFETCH(QList<RatingRecord>, records);
    QFETCH(Level, level);
    QFETCH(QStringList, categories);
    QFETCH(qsizetype, line);
    QFETCH(QString, says);
    RatingsInputError error;
    QVERIFY(!ratingsFromRecords(records, {level, categories}, &error));
    QCOMPARE(error.line, line);
    QVERIFY2(error.message.contains(says), qPrintable(error.message));
}

void TestAgreement::inputScales()
{
    RatingsInputError error;
    // Text at the ordinal level with the order declared; "4.0" and "4" are one numeric category.
    const auto ordinal = ratingsFromRecords({{"u1", "a", "poor", 1}, {"u1", "b", "good", 2}},
                                            {Level::Ordinal, {"poor", "fair", "good"}}, &error);
    QVERIFY(ordinal);
    QCOMPARE(ordinal->categoryCount(), qsizetype(3));
    QCOMPARE(ordinal->at(0, 1), 2);
    const auto numbers = ratingsFromRecords(
        {{"u1", "a", "4.0", 1}, {"u1", "b", "4", 2}, {"u2", "a", "10", 3}, {"u2", "b", "", 4}}, {}, &error);
    QVERIFY(numbers);
    QCOMPARE(numbers->categoryCount(), qsizetype(2)); // 4 and 10, in numeric order
    QCOMPARE(numbers->category(0).label, QStringLiteral("4"));
    QCOMPARE(numbers->category(1).value, 10.0);
    QCOMPARE(numbers->at(0, 0), numbers->at(0, 1));
    QCOMPARE(numbers->at(1, 1), Ratings::Missing);
    // N/A at the interval level is accepted (and missing there).
    QVERIFY(ratingsFromRecords({{"u1", "a", "N/A", 1}, {"u1", "b", "3", 2}}, {Level::Interval, {}}, &error));
}

QTEST_GUILESS_MAIN(TestAgreement)
#include "tst_agreement.moc"

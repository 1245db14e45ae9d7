// SPDX-License-Identifier: GPL-3.0-or-later
// A criterion's gap against the team with its standard error, and the breakdown's order by
// |gap| / SE (core/scorecard/criteriongap.h, analysis.md "ranked by gap / standard error, not raw
// gap"), against values worked out by hand.
#include "scorecard/criteriongap.h"
#include "scorecard/kpireport.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace ql;

class TestCriterionGap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void gapAndStandardError_data();
    void gapAndStandardError();
    void independentWhenNotNested();
    void noGapAgainstItself();
    void zeroStandardError();
    void rankedByGapOverStandardError();
};

void TestCriterionGap::gapAndStandardError_data()
{
    QTest::addColumn<double>("pSlice");
    QTest::addColumn<qint64>("nSlice");
    QTest::addColumn<double>("pReference");
    QTest::addColumn<qint64>("nReference");
    QTest::addColumn<double>("gap");
    QTest::addColumn<double>("se");
    QTest::addColumn<double>("z");
    // 4 answers at 70% in a team of 40 at 80%: the rest are 36 at (32 − 2.8)/36 = 0.811111;
    // SE = 36/40 · √(0.7·0.3/4 + 0.811111·0.188889/36) = 0.9 · √(0.0525 + 0.0042558) = 0.9 · 0.238235
    //    = 0.214411 → 21.441 pts; z = −10 / 21.441 = −0.4664.
    QTest::newRow("10 points on 4 answers") << 0.7 << qint64(4) << 0.8 << qint64(40) << -10.0 << 21.44113388 << -0.46639324;
    // 400 answers at 74% in a team of 4000 at 80%: the rest 3600 at (3200 − 296)/3600 = 0.806667;
    // SE = 0.9 · √(0.74·0.26/400 + 0.806667·0.193333/3600) = 0.9 · √(0.000481 + 0.0000433)
    //    = 0.9 · 0.0228980 = 0.0206083 → 2.0608 pts; z = −6 / 2.0608 = −2.9115.
    QTest::newRow("6 points on 400 answers") << 0.74 << qint64(400) << 0.8 << qint64(4000) << -6.0 << 2.06082508 << -2.91145525;
    // The mini project's Ann on "verify": 5 answers at 0.8 in North's 8 at 0.875; the rest 3 at 1.0,
    // SE = 3/8 · √(0.8·0.2/5 + 0) = 0.375 · 0.178885 = 0.0670820 → 6.7082 pts; z = −7.5/6.7082 = −1.1180.
    QTest::newRow("Ann verify against North") << 0.8 << qint64(5) << 0.875 << qint64(8) << -7.5 << 6.70820393 << -1.11803399;
    // A gap above the reference: 20 at 0.95 in 100 at 0.8; rest 80 at (80 − 19)/80 = 0.7625;
    // SE = 0.8 · √(0.95·0.05/20 + 0.7625·0.2375/80) = 0.8 · √(0.002375 + 0.0022637) = 0.8 · 0.0681077
    //    = 0.0544864 → 5.4486 pts; z = 15 / 5.4486 = 2.7530.
    QTest::newRow("above the team") << 0.95 << qint64(20) << 0.8 << qint64(100) << 15.0 << 5.44862368 << 2.75298881;
}

void TestCriterionGap::gapAndStandardError()
{
    QFETCH(double, pSlice);
    QFETCH(qint64, nSlice);
    QFETCH(double, pReference);
    QFETCH(qint64, nReference);
    QFETCH(double, gap);
    QFETCH(double, se);
    QFETCH(double, z);
    const auto g = criterionGap(pSlice, nSlice, pReference, nReference);
    QVERIFY(g);
    QVERIFY2(std::abs(g->gap - gap) < 1e-9, qPrintable(QString::number(g->gap, 'g', 12)));
    QVERIFY2(std::abs(g->se - se) < 1e-7, qPrintable(QString::number(g->se, 'g', 12)));
    QVERIFY(g->z);
    QVERIFY2(std::abs(*g->z - z) < 1e-7, qPrintable(QString::number(*g->z, 'g', 12)));
    QVERIFY(std::abs(g->low() - (gap - 1.959963984540054 * se)) < 1e-6);
}

// Sums that cannot be nested (the agent's answers are not all in the team's: they moved team in
// the period) are taken as two independent groups: 10 at 0.5 against 20 at 0.9 leaves a "rest" of
// 10 at (18 − 5)/10 = 1.3, impossible, so SE = √(0.25/10 + 0.09/20) = √0.0295 = 0.171756 → 17.1756.
void TestCriterionGap::independentWhenNotNested()
{
    const auto g = criterionGap(0.5, 10, 0.9, 20);
    QVERIFY(g);
    QVERIFY(std::abs(g->gap - -40.0) < 1e-9);
    QVERIFY(std::abs(g->se - 17.17556404) < 1e-7);
}

void TestCriterionGap::noGapAgainstItself()
{
    QVERIFY(!criterionGap(0.7, 12, 0.7, 12)); // an agent alone in their team
    QVERIFY(!criterionGap(0.7, 0, 0.8, 12));
    QVERIFY(!criterionGap(0.7, 12, 0.8, 0));
}

// Everyone at 100%: gap 0, SE 0, z 0. An agent at 0 of 3 against a rest at 1 of 1 (every answer
// yes/no, no spread on either side) has SE 0 and a gap: z is −∞, ranked first.
void TestCriterionGap::zeroStandardError()
{
    const auto all = criterionGap(1.0, 4, 1.0, 6);
    QVERIFY(all && all->z);
    QCOMPARE(all->se, 0.0);
    QCOMPARE(*all->z, 0.0);
    const auto none = criterionGap(0.0, 3, 0.25, 4);
    QVERIFY(none && none->z);
    QCOMPARE(none->se, 0.0);
    QVERIFY(std::isinf(*none->z) && *none->z < 0);
}

void TestCriterionGap::rankedByGapOverStandardError()
{
    // Raw gaps would put "tiny" (−10 on 4 answers) first; by |gap| / SE "large" (−6 on 400, z
    // −2.91) and "better" (+15 on 20, z 2.75) come first, then "tiny" (z −0.47, |gap| 10) — but
    // "tiny" has fewer answers than the minimum sample (10), so it follows the ranked ones with the
    // other small sample "few" (z −0.2); "alone" has no gap and comes last.
    auto kpi = [](const char *key, qint64 n, std::optional<double> gap, std::optional<double> z) {
        CriterionKpi c;
        c.key = QString::fromLatin1(key);
        c.compliance.n = n;
        c.gap = gap;
        if (z) {
            c.gapZ = z;
            c.gapSe = *gap / *z;
        }
        return c;
    };
    QList<CriterionKpi> list{kpi("alone", 50, std::nullopt, std::nullopt),
                             kpi("tiny", 4, -10.0, -0.46639324),
                             kpi("few", 6, -2.0, -0.2),
                             kpi("mild", 40, -1.0, -0.5),
                             kpi("better", 20, 15.0, 2.75298881),
                             kpi("large", 400, -6.0, -2.91145525)};
    rankCriteriaByGap(list, 10);
    QStringList order;
    for (const CriterionKpi &c : list)
        order << c.key;
    QCOMPARE(order, (QStringList{QStringLiteral("large"), QStringLiteral("better"), QStringLiteral("mild"),
                                 QStringLiteral("tiny"), QStringLiteral("few"), QStringLiteral("alone")}));
}

QTEST_GUILESS_MAIN(TestCriterionGap)
#include "tst_criteriongap.moc"

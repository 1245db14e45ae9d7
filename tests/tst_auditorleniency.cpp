// SPDX-License-Identifier: GPL-3.0-or-later
// Auditor leniency from ordinary audits (core/scorecard/auditorleniency.h, calibration.md "Trends,
// drift and graders") against values worked out by hand: the weighted mean difference, its
// interval clustered by agent-month, the t test and Holm's adjustment across auditors.
#include "scorecard/auditorleniency.h"

#include <QTest>

#include <cmath>

using namespace ql;

namespace {

bool near(std::optional<double> a, double b, double tolerance = 1e-9)
{
    return a && std::abs(*a - b) < tolerance;
}

AuditorCell cell(const char *auditor, const char *agent, int month, const char *queue, qint64 n, double sum)
{
    return AuditorCell{QString::fromLatin1(auditor), QString::fromLatin1(auditor).toLower(), QString::fromLatin1(agent),
                       month, QString::fromLatin1(queue), n, sum};
}

// Raw scores of three auditors A, B, C (and D, alone) on agents g1–g3 in months 3 and 4:
//   g1, 3, Billing:  A 2 audits, sum 180 (mean 90)   B 1, 70
//   g2, 3, Billing:  A 1, 80                          B 2, 120 (mean 60)
//   g3, 3, Billing:  A 1, 100                         C 1, 90
//   g1, 4, Billing:  A 2, 170 (85)                    B 2, 150 (75)
//   g1, 4, Orders:   A 1, 60                          C 1, 50
//   g3, 4, Orders:   D 3, 240 (nobody else there)
QList<AuditorCell> cells()
{
    return {cell("A", "g1", 3, "Billing", 2, 180), cell("A", "g2", 3, "Billing", 1, 80),
            cell("A", "g3", 3, "Billing", 1, 100), cell("A", "g1", 4, "Billing", 2, 170),
            cell("A", "g1", 4, "Orders", 1, 60),   cell("B", "g1", 3, "Billing", 1, 70),
            cell("B", "g2", 3, "Billing", 2, 120), cell("B", "g1", 4, "Billing", 2, 150),
            cell("C", "g3", 3, "Billing", 1, 90),  cell("C", "g1", 4, "Orders", 1, 50),
            cell("D", "g3", 4, "Orders", 3, 240)};
}

} // namespace

class TestAuditorLeniency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void weightedMeanAndClusteredInterval();
    void holmAcrossAuditors();
    void noSpreadAndNoComparison();
    void emptyInput();
};

// A: d = 90−70 = 20 (w 2, cluster g1·3), 80−60 = 20 (w 1, g2·3), 100−90 = 10 (w 1, g3·3),
// 85−75 = 10 (w 2, g1·4), 60−50 = 10 (w 1, g1·4). W = 7, Σwd = 40+20+10+20+10 = 100, L = 100/7.
// u: g1·3 2·(20 − 100/7) = 80/7; g2·3 40/7; g3·3 −30/7; g1·4 2·(−30/7) + (−30/7) = −90/7.
// Σu² = (6400+1600+900+8100)/49 = 17000/49; G = 4; Var = 4/3 · 17000/49 / 7² = 68000/7203,
// SE = 3.072541439628902; t(0.975, 3) = 3.182446305284263 → [4.507516133, 24.063912438].
// t = L/SE = 4.649478149; p = 2·P(T₃ > t) = 2·(1/2 − (atan(x) + x/(1+x²))/π), x = t/√3 → 0.018762047596.
// B: d = 70−90 = −20 (w 1, g1·3), 60−80 = −20 (w 2, g2·3), 75−85 = −10 (w 2, g1·4). W = 5,
// L = (−20 −40 −20)/5 = −16; u: −4, −8, 12; Σu² = 224; G = 3; Var = 3/2 · 224/25 = 13.44,
// SE = 3.666060556; t(0.975, 2) = 4.302652730 → [−31.773785459, −0.226214541];
// t = 4.364357805, p = 2·(1 − t/√(t²+2))/2 = 0.048697011691.
void TestAuditorLeniency::weightedMeanAndClusteredInterval()
{
    const QList<AuditorLeniency> list = auditorLeniency(cells());
    QCOMPARE(list.size(), 4);
    const AuditorLeniency &a = list.at(0);
    QCOMPARE(a.key, QStringLiteral("A"));
    QCOMPARE(a.name, QStringLiteral("a"));
    QCOMPARE(a.compared, 7);
    QCOMPARE(a.clusters, 4);
    QVERIFY(near(a.value, 100.0 / 7));
    QVERIFY(near(a.ciLow, 4.507516133334498, 1e-7));
    QVERIFY(near(a.ciHigh, 24.063912438094075, 1e-7));
    QVERIFY(near(a.p, 0.018762047595654585, 1e-8));

    const AuditorLeniency &b = list.at(1);
    QCOMPARE(b.key, QStringLiteral("B"));
    QCOMPARE(b.compared, 5);
    QCOMPARE(b.clusters, 3);
    QVERIFY(near(b.value, -16));
    QVERIFY(near(b.ciLow, -31.773785459141443, 1e-7));
    QVERIFY(near(b.ciHigh, -0.22621454085855852, 1e-7));
    QVERIFY(near(b.p, 0.048697011691011816, 1e-8));
}

// Holm over the two tested auditors: A (smallest p) 2 × 0.018762 = 0.037524; B max(0.037524,
// 1 × 0.048697) = 0.048697. Both below 0.05: A lenient, B severe.
void TestAuditorLeniency::holmAcrossAuditors()
{
    const QList<AuditorLeniency> list = auditorLeniency(cells());
    QVERIFY(near(list.at(0).pHolm, 2 * 0.018762047595654585, 1e-8));
    QVERIFY(near(list.at(1).pHolm, 0.048697011691011816, 1e-8));
    QCOMPARE(list.at(0).verdict, AuditorLeniency::Verdict::Lenient);
    QCOMPARE(list.at(1).verdict, AuditorLeniency::Verdict::Severe);
    QCOMPARE(AuditorLeniency::verdictName(list.at(0).verdict), QStringLiteral("lenient"));

    // At α = 0.04 Holm keeps A (0.0375) and drops B (0.0487), though B's own p is below 0.05.
    const QList<AuditorLeniency> strict = auditorLeniency(cells(), 0.04);
    QCOMPARE(strict.at(0).verdict, AuditorLeniency::Verdict::Lenient);
    QCOMPARE(strict.at(1).verdict, AuditorLeniency::Verdict::None);

    // Without B, A's is the only test: Holm leaves its p as it is. C now sees only A: d = 90−100 and
    // 50−60, both −10; A's cells against C: 100−90 = 10 (g3·3) and 60−50 = 10 (g1·4); A's cells
    // with only B's audits have no comparison left.
    QList<AuditorCell> withoutB;
    for (const AuditorCell &c : cells())
        if (c.auditorKey != QLatin1String("B"))
            withoutB << c;
    const QList<AuditorLeniency> two = auditorLeniency(withoutB);
    QCOMPARE(two.at(0).compared, 2);
    QVERIFY(near(two.at(0).value, 10));
    QVERIFY(!two.at(0).p); // both agent-months say +10: no spread to test
}

// C: −10 in two agent-months: L = −10 with a zero-width interval and no test. D audited alone.
void TestAuditorLeniency::noSpreadAndNoComparison()
{
    const QList<AuditorLeniency> list = auditorLeniency(cells());
    const AuditorLeniency &c = list.at(2);
    QCOMPARE(c.key, QStringLiteral("C"));
    QVERIFY(near(c.value, -10));
    QVERIFY(near(c.ciLow, -10));
    QVERIFY(!c.p);
    QVERIFY(!c.pHolm);
    QCOMPARE(c.verdict, AuditorLeniency::Verdict::None);
    QVERIFY(!c.note.isEmpty());
    const AuditorLeniency &d = list.at(3);
    QCOMPARE(d.key, QStringLiteral("D"));
    QCOMPARE(d.compared, 0);
    QVERIFY(!d.value);
    QVERIFY(!d.note.isEmpty());
}

void TestAuditorLeniency::emptyInput()
{
    QVERIFY(auditorLeniency({}).isEmpty());
}

QTEST_GUILESS_MAIN(TestAuditorLeniency)
#include "tst_auditorleniency.moc"

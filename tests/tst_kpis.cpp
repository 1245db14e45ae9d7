// SPDX-License-Identifier: GPL-3.0-or-later
// KPIs of a slice and period (core/scorecard/kpiengine.h) against values worked out by hand on
// the mini project: t and Wilson intervals, previous period and delta, targets and status, small
// samples, CSAT linked by ticket, criterion compliance against team and population, root causes,
// a team's ranking, the auditor view, a trend, and periods.
#include "miniproject.h"
#include "scorecard/kpiengine.h"
#include "stats/intervals.h"
#include "store/projectsettings.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ql;

namespace {

// t(0.975, 4) = 2.7764451051977987, z(0.975) = 1.959963984540054.
bool near(std::optional<double> a, double b, double tolerance = 1e-6)
{
    return a && std::abs(*a - b) < tolerance;
}

const KpiSlice ann{KpiSlice::Kind::Agent, QStringLiteral("AG1")};
const KpiSlice north{KpiSlice::Kind::Team, QStringLiteral("North")};

} // namespace

class TestKpis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void auditKpis();
    void previousAndDelta();
    void csatLinkedByTicket();
    void smallSampleHasNoStatus();
    void targetsAndStatus();
    void criteriaAgainstTeamAndPopulation();
    void rootCauses();
    void ranking();
    void auditors();
    void trend();
    void emptyPeriod();
    void periods_data();
    void periods();

private:
    void setMinSample(int n);

    QTemporaryDir m_dir;
    std::unique_ptr<test::MiniProject> m_mini;
    KpiPeriod m_march;
};

// March 2026, Ann (AG1, North): Good 80, Good 80, Weak 60, Critical 0 (raw 80), Perfect 100 — all
// random — and a `self` Perfect that counts in audits_total only. February: Perfect, Perfect,
// Good (100, 100, 80). Bob (AG2, North) in March: Perfect, Perfect, Weak. Cid (AG3, South):
// Perfect. Auditors of Ann's March audits: QA1, QA2, QA1, QA2, QA1 (and QA1 for the self audit).
void TestKpis::initTestCase()
{
    m_mini = std::make_unique<test::MiniProject>(m_dir.filePath(QStringLiteral("mini.qlens")));
    QVERIFY2(m_mini->error().isEmpty(), qPrintable(m_mini->error()));
    using P = test::MiniProject;
    const QString ag1 = QStringLiteral("AG1"), ag2 = QStringLiteral("AG2"), ag3 = QStringLiteral("AG3");
    const QString qa1 = QStringLiteral("QA1"), qa2 = QStringLiteral("QA2"), random = QStringLiteral("random");
    const QString billing = QStringLiteral("Billing");
    QVERIFY(m_mini->addAudit(QStringLiteral("M1"), P::Good, ag1, QDate(2026, 3, 2), qa1, random, billing, QStringLiteral("T1")));
    QVERIFY(m_mini->addAudit(QStringLiteral("M2"), P::Good, ag1, QDate(2026, 3, 5), qa2));
    QVERIFY(m_mini->addAudit(QStringLiteral("M3"), P::Weak, ag1, QDate(2026, 3, 10), qa1));
    QVERIFY(m_mini->addAudit(QStringLiteral("M4"), P::Critical, ag1, QDate(2026, 3, 17), qa2));
    QVERIFY(m_mini->addAudit(QStringLiteral("M5"), P::Perfect, ag1, QDate(2026, 3, 31), qa1));
    QVERIFY(m_mini->addAudit(QStringLiteral("M6"), P::Perfect, ag1, QDate(2026, 3, 20), qa1, QStringLiteral("self")));
    QVERIFY(m_mini->addAudit(QStringLiteral("F1"), P::Perfect, ag1, QDate(2026, 2, 2)));
    QVERIFY(m_mini->addAudit(QStringLiteral("F2"), P::Perfect, ag1, QDate(2026, 2, 3)));
    QVERIFY(m_mini->addAudit(QStringLiteral("F3"), P::Good, ag1, QDate(2026, 2, 27)));
    QVERIFY(m_mini->addAudit(QStringLiteral("B1"), P::Perfect, ag2, QDate(2026, 3, 3), qa2));
    QVERIFY(m_mini->addAudit(QStringLiteral("B2"), P::Perfect, ag2, QDate(2026, 3, 4), qa2));
    QVERIFY(m_mini->addAudit(QStringLiteral("B3"), P::Weak, ag2, QDate(2026, 3, 6), qa2));
    QVERIFY(m_mini->addAudit(QStringLiteral("C1"), P::Perfect, ag3, QDate(2026, 3, 6), qa1));
    // CSAT: Ann's own responses 5, 4, 2, 5 in March, and one without an agent on ticket T1 (M1).
    QVERIFY(m_mini->addResponse(QStringLiteral("R1"), 5, QDate(2026, 3, 3), ag1));
    QVERIFY(m_mini->addResponse(QStringLiteral("R2"), 4, QDate(2026, 3, 4), ag1));
    QVERIFY(m_mini->addResponse(QStringLiteral("R3"), 2, QDate(2026, 3, 5), ag1));
    QVERIFY(m_mini->addResponse(QStringLiteral("R4"), 5, QDate(2026, 3, 6), ag1));
    QVERIFY(m_mini->addResponse(QStringLiteral("R5"), 1, QDate(2026, 3, 7), QStringLiteral("nobody"), QStringLiteral("T1")));
    QVERIFY(m_mini->addResponse(QStringLiteral("R6"), 5, QDate(2026, 2, 7), ag1));
    // Targets: QA score 85 for all; pass rate 70 for North; critical rate 3; raw score 75.
    QSqlQuery q(m_mini->db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO targets(kpi, scope_kind, scope, value) VALUES ('qa_score', 'all', '', 85), "
                                  "('pass_rate', 'team', 'North', 70), ('pass_rate', 'all', '', 50), "
                                  "('critical_rate', 'all', '', 3), ('raw_score', 'all', '', 75)")));
    m_march = *KpiPeriod::parse(QStringLiteral("2026-03"));
}

void TestKpis::setMinSample(int n)
{
    QString error;
    QVERIFY2(ProjectSettings(m_mini->db()).setValue(ProjectSettings::MinSampleAudits, n, QStringLiteral("test"), &error),
             qPrintable(error));
}

// QA score: mean(80, 80, 60, 0, 100) = 64; s² = (16² + 16² + 4² + 64² + 36²)/4 = 5920/4 = 1480,
// s = 38.470768; half = 2.7764451·38.470768/√5 = 47.767768 → [16.232232, 111.767768], clipped to
// 100. Raw: mean(80, 80, 60, 80, 100) = 80, s = √(800/4) = 14.142136, half 17.559781.
// Pass 3/5 = 60% with Wilson [23.072428, 88.237923]; critical 1/5 = 20% [3.622411, 62.446537].
void TestKpis::auditKpis()
{
    const KpiReport r = KpiEngine(m_mini->db()).report(ann, m_march);
    QCOMPARE(r.name, QStringLiteral("Ann"));
    QCOMPARE(r.team, QStringLiteral("North"));
    QCOMPARE(r.audits.value, 5.0);
    QCOMPARE(r.auditsTotal.value, 6.0);
    QVERIFY(near(r.qaScore.value, 64));
    QCOMPARE(r.qaScore.n, 5);
    QVERIFY(near(r.qaScore.ciLow, 16.232232238));
    QVERIFY(near(r.qaScore.ciHigh, 100));
    QVERIFY(r.qaScore.clipped);
    QVERIFY(near(r.rawScore.value, 80));
    QVERIFY(near(r.rawScore.ciLow, 62.440219338));
    QVERIFY(near(r.rawScore.ciHigh, 97.559780662));
    QVERIFY(!r.rawScore.clipped);
    QVERIFY(near(r.passRate.value, 60));
    QVERIFY(near(r.passRate.ciLow, 23.072428128));
    QVERIFY(near(r.passRate.ciHigh, 88.237922577));
    QVERIFY(near(r.criticalRate.value, 20));
    QVERIFY(near(r.criticalRate.ciLow, 3.622410863));
    QVERIFY(near(r.criticalRate.ciHigh, 62.446537024));
    QVERIFY(near(r.criticalCompliance.value, 20));
    QVERIFY(near(r.criticalCustomer.value, 0));
    QVERIFY(near(r.criticalBusiness.value, 0));
    QCOMPARE(r.scorecardVersions, QStringList{QStringLiteral("Mini QA v1")});
}

// February: 100, 100, 80 → 93.333333; delta 64 − 93.333333 = −29.333333 points; Welch's t =
// −29.33/√(1480/5 + 133.33/3) = −1.59 on few degrees of freedom: not significant. Pass rate 3/5
// against 3/3: z = −0.4/√(0.75·0.25·(1/5 + 1/3)) = −1.2649, p = 0.206: not significant.
void TestKpis::previousAndDelta()
{
    const KpiReport r = KpiEngine(m_mini->db()).report(ann, m_march);
    QCOMPARE(r.previousPeriod.label(), QStringLiteral("2026-02"));
    QVERIFY(near(r.qaScore.previous, 93.333333333));
    QVERIFY(near(r.qaScore.delta, -29.333333333));
    QVERIFY(!r.qaScore.deltaSignificant);
    QVERIFY(near(r.passRate.previous, 100));
    QVERIFY(near(r.passRate.delta, -40));
    QVERIFY(!r.passRate.deltaSignificant);
    QCOMPARE(r.audits.previous, 3.0);
    QCOMPARE(r.audits.delta, 2.0);
}

// Ann's own four responses (5, 4, 2, 5: three satisfied on 1–5) and R5 without an agent, linked
// by ticket T1 to her audit M1 (score 1, dissatisfied): 3/5 = 60%.
void TestKpis::csatLinkedByTicket()
{
    const KpiReport r = KpiEngine(m_mini->db()).report(ann, m_march);
    QCOMPARE(r.csatResponses.value, 5.0);
    QVERIFY(near(r.csatPct.value, 60));
    QVERIFY(near(r.csatPct.ciLow, 23.072428128));
    QVERIFY(r.csatPct.smallSample); // below 20 responses
    QVERIFY(near(r.csatPct.previous, 100));
}

void TestKpis::smallSampleHasNoStatus()
{
    const KpiReport r = KpiEngine(m_mini->db()).report(ann, m_march); // default minimum 10 audits
    QVERIFY(r.qaScore.smallSample);
    QCOMPARE(r.qaScore.target, 85.0);
    QCOMPARE(r.qaScore.status, KpiValue::Status::None);
    QVERIFY(r.passRate.smallSample);
}

// With a minimum sample of 3: QA 64 < 85 but its interval reaches 100 ≥ 85: watch. Pass rate
// 60 < North's 70 (not the 50 for all), upper bound 88.2 ≥ 70: watch. Critical rate 20 > 3 and
// the lower bound 3.62 > 3: bad (lower is better). Raw score 80 ≥ 75: good.
void TestKpis::targetsAndStatus()
{
    setMinSample(3);
    const KpiReport r = KpiEngine(m_mini->db()).report(ann, m_march);
    setMinSample(10);
    QVERIFY(!r.qaScore.smallSample);
    QCOMPARE(r.qaScore.status, KpiValue::Status::Watch);
    QCOMPARE(r.passRate.target, 70.0);
    QCOMPARE(r.passRate.status, KpiValue::Status::Watch);
    QCOMPARE(r.criticalRate.target, 3.0);
    QVERIFY(r.criticalRate.lowerIsBetter);
    QCOMPARE(r.criticalRate.status, KpiValue::Status::Bad);
    QCOMPARE(r.rawScore.status, KpiValue::Status::Good);
    QCOMPARE(KpiValue::statusName(r.rawScore.status), QStringLiteral("good"));

    // South has no pass-rate target of its own: the one for all applies.
    const KpiReport cid = KpiEngine(m_mini->db()).report({KpiSlice::Kind::Agent, QStringLiteral("AG3")}, m_march);
    QCOMPARE(cid.passRate.target, 50.0);
}

// c of Ann's five counted audits and of North (Ann + Bob's Perfect, Perfect, Weak):
//   verify      Ann 1,1,1,0,1 → 80      North 7/8 = 87.5     population (+ Cid 1) 8/9 = 88.89
//   resolution  Ann .5,.5,0,1,1 → 60    North (3 + 2)/8 = 62.5
//   tone        Ann .75,.75,.5,1,1 → 80 North (4 + 2.5)/8 = 81.25
//   disclosure  Ann 1,1,N/A,1,1 → 100   North 6/6 = 100; N/A rate 1/5 = 20%
// Ordered by |gap| / SE (criteriongap.h; all four are below the minimum sample of 10, so they are
// ranked among themselves): the rest of North is Bob's 3 answers, verify 1,1,1 → 1.0, so
//   verify      SE = 3/8·√(0.8·0.2/5 + 0) = 6.7082 pts, z = −1.118
//   resolution  rest (5 − 3)/3 = 0.6667, SE = 3/8·√(0.24/5 + 0.2222/3) = 13.1022, z = −0.191
//   tone        rest (6.5 − 4)/3 = 0.8333, SE = 3/8·√(0.16/5 + 0.1389/3) = 10.4931, z = −0.119
//   disclosure  everyone at 1: gap 0, SE 0, z 0.
// Against the population (9 answers at 8/9; the rest, 4, at 1.0) verify's gap is −8.8889 with
// SE = 4/9·√(0.8·0.2/5) = 7.9505.
void TestKpis::criteriaAgainstTeamAndPopulation()
{
    const KpiReport r = KpiEngine(m_mini->db()).report(ann, m_march);
    QCOMPARE(r.criteria.size(), 4);
    QStringList order;
    for (const CriterionKpi &c : r.criteria)
        order << c.key;
    QCOMPARE(order, (QStringList{QStringLiteral("verify"), QStringLiteral("resolution"), QStringLiteral("tone"),
                                 QStringLiteral("disclosure")}));
    const CriterionKpi &verify = r.criteria.at(0);
    QVERIFY(near(verify.compliance.value, 80));
    QCOMPARE(verify.compliance.n, 5);
    // s = √((4·20² + 80²)/4) = 44.72136; half = 2.7764451·44.72136/√5 = 55.528902.
    QVERIFY(near(verify.compliance.ciLow, 24.471097896));
    QVERIFY(near(verify.teamCompliance, 87.5));
    QVERIFY(near(verify.populationCompliance, 800.0 / 9));
    QVERIFY(near(verify.gap, -7.5));
    QVERIFY(near(verify.gapSe, 6.708203932));
    QVERIFY(near(verify.gapZ, -1.118033989));
    QVERIFY(near(verify.populationGap, -80.0 / 9));
    QVERIFY(near(verify.populationGapSe, 7.95046392));
    QVERIFY(near(r.criteria.at(1).gapSe, 13.102162671));
    QVERIFY(near(r.criteria.at(2).gapSe, 10.493053258));
    QVERIFY(near(r.criteria.at(3).gapZ, 0));
    QVERIFY(near(verify.criterionPassRate.value, 80));
    const CriterionKpi &resolution = r.criteria.at(1);
    QVERIFY(near(resolution.compliance.value, 60));
    QVERIFY(near(resolution.criterionPassRate.value, 80)); // c ≥ 0.5: .5, .5, 1, 1
    QVERIFY(near(r.criteria.at(2).compliance.value, 80));
    QVERIFY(near(r.criteria.at(2).teamCompliance, 81.25));
    const CriterionKpi &disclosure = r.criteria.at(3);
    QCOMPARE(disclosure.compliance.n, 4);
    QVERIFY(near(disclosure.naRate.value, 20));
    QVERIFY(near(disclosure.naRate.ciLow, 3.622410863));
    QCOMPARE(disclosure.compliance.note, stats::noteNotEstimable()); // every c is 1
    QCOMPARE(disclosure.versions, QList<int>{1});
}

// Failed answers (c < 0.5) of Ann's counted audits: Weak's resolution and Critical's verify, each
// with root cause "Knowledge gap".
void TestKpis::rootCauses()
{
    const KpiReport r = KpiEngine(m_mini->db()).report(ann, m_march);
    QCOMPARE(r.rootCauses.size(), 1);
    QCOMPARE(r.rootCauses.first().name, QStringLiteral("Knowledge gap"));
    QCOMPARE(r.rootCauses.first().answers, 2);
}

// North in March: Ann 5 audits, mean 64; Bob 3 audits (100, 100, 60), mean 86.67.
void TestKpis::ranking()
{
    setMinSample(3);
    QList<RankedMember> list = KpiEngine(m_mini->db()).ranking(north, m_march);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).key, QStringLiteral("AG2"));
    QCOMPARE(list.at(0).rank, 1);
    QVERIFY(near(list.at(0).qaScore.value, 260.0 / 3));
    QCOMPARE(list.at(1).key, QStringLiteral("AG1"));
    QCOMPARE(list.at(1).rank, 2);
    QVERIFY(near(list.at(1).qaScore.ciLow, 16.232232238));

    // With a minimum of 4, Bob's 3 audits are listed apart, unranked, after the ranked.
    setMinSample(4);
    list = KpiEngine(m_mini->db()).ranking(north, m_march);
    setMinSample(10);
    QCOMPARE(list.at(0).key, QStringLiteral("AG1"));
    QCOMPARE(list.at(0).rank, 1);
    QCOMPARE(list.at(1).key, QStringLiteral("AG2"));
    QCOMPARE(list.at(1).rank, 0);
    QVERIFY(list.at(1).qaScore.smallSample);
}

// Ann's March audits: QA1 gave 80, 60, 100 (mean 80; and the self audit, counted in the total
// only), QA2 gave 80 and 0 (mean 40).
void TestKpis::auditors()
{
    const QList<RankedMember> list = KpiEngine(m_mini->db()).auditors(ann, m_march);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).key, QStringLiteral("QA1"));
    QCOMPARE(list.at(0).name, QStringLiteral("Quinn"));
    QCOMPARE(list.at(0).qaScore.n, 3);
    QCOMPARE(list.at(0).auditsTotal, 4);
    QVERIFY(near(list.at(0).qaScore.value, 80));
    QCOMPARE(list.at(1).qaScore.n, 2);
    QVERIFY(near(list.at(1).qaScore.value, 40));
    QVERIFY(near(list.at(1).rawScore.value, 80));
}

void TestKpis::trend()
{
    const auto points = KpiEngine(m_mini->db()).trend(ann, m_march, 3);
    QCOMPARE(points.size(), 3);
    QCOMPARE(points.at(0).period.label(), QStringLiteral("2026-01"));
    QVERIFY(!points.at(0).qaScore.value);
    QCOMPARE(points.at(0).qaScore.note, stats::noteNoData());
    QVERIFY(near(points.at(1).qaScore.value, 280.0 / 3));
    QVERIFY(near(points.at(2).qaScore.value, 64));
    QVERIFY(near(points.at(2).passRate.value, 60));
    QCOMPARE(points.at(2).target, 85.0);
}

void TestKpis::emptyPeriod()
{
    const KpiReport r = KpiEngine(m_mini->db()).report(ann, *KpiPeriod::parse(QStringLiteral("2025-06")));
    QCOMPARE(r.audits.value, 0.0);
    QVERIFY(!r.qaScore.value);
    QVERIFY(!r.passRate.value);
    QVERIFY(!r.qaScore.delta);
    QCOMPARE(r.qaScore.status, KpiValue::Status::None);
    QVERIFY(r.criteria.isEmpty());
}

void TestKpis::periods_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QString>("previous");
    QTest::newRow("month") << "2026-03" << QDate(2026, 3, 1) << QDate(2026, 3, 31) << "2026-02";
    QTest::newRow("January's previous") << "2026-01" << QDate(2026, 1, 1) << QDate(2026, 1, 31) << "2025-12";
    QTest::newRow("quarter") << "2026-Q1" << QDate(2026, 1, 1) << QDate(2026, 3, 31) << "2025-Q4";
    QTest::newRow("ISO week of the year before") << "2025-W01" << QDate(2024, 12, 30) << QDate(2025, 1, 5)
                                                 << "2024-W52";
    QTest::newRow("week 53") << "2026-W53" << QDate(2026, 12, 28) << QDate(2027, 1, 3) << "2026-W52";
    QTest::newRow("year") << "2026" << QDate(2026, 1, 1) << QDate(2026, 12, 31) << "2025";
}

void TestKpis::periods()
{
    QFETCH(QString, text);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QString, previous);
    const auto p = KpiPeriod::parse(text);
    QVERIFY(p);
    QCOMPARE(p->from, from);
    QCOMPARE(p->to, to);
    QCOMPARE(p->label(), text);
    QCOMPARE(p->previous().label(), previous);
    QVERIFY(!KpiPeriod::parse(QStringLiteral("2026-13")));
    QVERIFY(!KpiPeriod::parse(QStringLiteral("2025-W53"))); // 2025 has 52 ISO weeks
    // A custom range of N days: the N days that end the day before.
    const KpiPeriod custom = KpiPeriod::custom(QDate(2026, 3, 11), QDate(2026, 3, 20));
    QCOMPARE(custom.previous().from, QDate(2026, 3, 1));
    QCOMPARE(custom.previous().to, QDate(2026, 3, 10));
    QCOMPARE(custom.label(), QStringLiteral("2026-03-11..2026-03-20"));
    // ui.md's presets from an anchor of 2026-03-14: the last 3 months are January to March whole
    // (90 days; the previous 90 days end on 2025-12-31: 2025-10-03..2025-12-31), the last 12 months
    // April 2025 to March 2026, the year to date 1 January to the anchor.
    const KpiPeriod three = KpiPeriod::lastMonths(QDate(2026, 3, 14), 3);
    QCOMPARE(three.label(), QStringLiteral("2026-01-01..2026-03-31"));
    QCOMPARE(three.previous().label(), QStringLiteral("2025-10-03..2025-12-31"));
    QCOMPARE(KpiPeriod::lastMonths(QDate(2026, 3, 14), 12).label(), QStringLiteral("2025-04-01..2026-03-31"));
    QCOMPARE(KpiPeriod::yearToDate(QDate(2026, 3, 14)).label(), QStringLiteral("2026-01-01..2026-03-14"));
}

QTEST_GUILESS_MAIN(TestKpis)
#include "tst_kpis.moc"

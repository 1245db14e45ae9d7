// SPDX-License-Identifier: GPL-3.0-or-later
// Calibration metrics (calibration.md "Metrics") against a small session computed by hand, with
// missing answers, a participant who answered nothing, and each of the three baselines.
#include "tst_calibrationfixture.h"

#include "calibration/calibrationmetrics.h"
#include "calibration/calibrationtrends.h"
#include "stats/gwet.h"
#include "stats/krippendorff.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ql;
using namespace ql::test;

namespace {

constexpr double eps = 1e-9;

// The session of tst_calibrationfixture.h, without a database.
CalibrationSessionData handData(CalibrationState state = CalibrationState::Review, bool withExpert = true)
{
    CalibrationSessionData d;
    d.info.id = 1;
    d.info.state = state;
    d.card = calibrationCard();
    d.criterionIds = {11, 12, 13};
    d.participants = {{1, QStringLiteral("Cat"), 0, withExpert, {}, {}},
                      {2, QStringLiteral("Ann"), 0, false, {}, {}},
                      {3, QStringLiteral("Ben"), 0, false, {}, {}},
                      {4, QStringLiteral("Dan"), 0, false, {}, {}}};
    CalibrationItem t1, t2;
    t1.id = 101;
    t1.ticketId = QStringLiteral("T1");
    t2.id = 102;
    t2.position = 1;
    t2.ticketId = QStringLiteral("T2");
    d.items = {t1, t2};
    d.resetAnswers();
    d.answers = handAnswers();
    d.answersLoaded = true;
    return d;
}

const ParticipantCalibration *find(const CalibrationMetrics &m, const QString &name)
{
    for (const ParticipantCalibration &p : m.participants)
        if (p.name == name)
            return &p;
    return nullptr;
}

bool near(std::optional<double> v, double expected)
{
    if (!v) {
        qWarning("no value where %g was expected", expected);
        return false;
    }
    if (std::fabs(*v - expected) > 1e-6) {
        qWarning("%.12g where %.12g was expected", *v, expected);
        return false;
    }
    return true;
}

} // namespace

class TestCalibrationMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rawScores();
    void expertBaseline();
    void spreadsAndFlags();
    void agreementPerCriterion();
    void groupBaseline();
    void groupBaselineTie();
    void consensusBaseline();
    void everyoneAgrees();
    void storedSessionGivesTheSameNumbers();
    void trendsFlagDrift();
    void demoParticipantDriftsLenient();
};

// Raw scores, e = (1/4, 2/4, 1/4) over rated criteria, c_b = (v − 1)/4:
//   T1: Cat 100 (1, 1, 1); Ann 100·(1 + 2·0.75 + 1)/4 = 87.5; Ben 100·(0 + 2·1)/3 = 66.666667 (c N/A)
//   T2: Cat 100·(1 + 2·0.5)/3 = 66.666667 (c N/A); Ann 100·(1 + 2·0.5 + 0)/4 = 50;
//       Ben 100·1/1 = 100 (b missing, c N/A: only a is rated)
//   Dan answered nothing: no raw score anywhere.
void TestCalibrationMetrics::rawScores()
{
    const CalibrationMetrics m = computeCalibrationMetrics(handData());
    QVERIFY(near(m.items[0].rawScores[0], 100));
    QVERIFY(near(m.items[0].rawScores[1], 87.5));
    QVERIFY(near(m.items[0].rawScores[2], 66.666667));
    QVERIFY(!m.items[0].rawScores[3]);
    QVERIFY(near(m.items[1].rawScores[0], 66.666667));
    QVERIFY(near(m.items[1].rawScores[1], 50));
    QVERIFY(near(m.items[1].rawScores[2], 100));
}

// Baseline: the expert Cat (review, no consensus); Cat is not measured.
//   Ann: d = 87.5 − 100 = −12.5 and 50 − 66.666667 = −16.666667 → signed −14.583333, abs 14.583333,
//        within ±5: 0 of 2 → 0%.
//        alignment T1: a 1, b 1 − |0.75 − 1| = 0.75, c 1 → 0.25 + 0.375 + 0.25 = 0.875
//                  T2: a 1, b 1 − |0.5 − 0.5| = 1, c rated 0 against N/A → 0 → 0.25 + 0.5 + 0 = 0.75
//        → 0.8125; applicability on c: T1 agree, T2 not → 0.5; no critical mismatch.
//   Ben: d = 66.666667 − 100 = −33.333333 and 100 − 66.666667 = +33.333333 → signed 0, abs 33.333333.
//        alignment T1: a 1 − |0 − 1| = 0, b 1, c N/A against rated 0 → 0.5/1 = 0.5
//                  T2: a 1, b missing (left out), c both N/A 1 → (0.25 + 0.25)/(0.25 + 0.25) = 1
//        → 0.75; applicability 0.5; critical a on T1: Ben fails, Cat does not → one false failure.
//   Dan: nothing compared: every figure missing, not zero.
//   Session score: mean of 0.8125 and 0.75 (Dan has none) = 78.125%.
void TestCalibrationMetrics::expertBaseline()
{
    const CalibrationMetrics m = computeCalibrationMetrics(handData());
    QCOMPARE(m.baseline, CalibrationBaseline::Expert);
    QCOMPARE(m.participants.size(), 3);
    QVERIFY(!find(m, QStringLiteral("Cat")));

    const ParticipantCalibration *ann = find(m, QStringLiteral("Ann"));
    QVERIFY(ann);
    QVERIFY(near(ann->deviation[0], -12.5));
    QVERIFY(near(ann->deviation[1], -16.666667));
    QVERIFY(near(ann->meanSignedDeviation, -14.5833335));
    QVERIFY(near(ann->meanAbsDeviation, 14.5833335));
    QVERIFY(near(ann->withinTolerancePct, 0));
    QVERIFY(near(ann->itemAlignment[0], 0.875));
    QVERIFY(near(ann->itemAlignment[1], 0.75));
    QVERIFY(near(ann->alignment, 0.8125));
    QVERIFY(near(ann->applicabilityAgreement, 0.5));
    QCOMPARE(ann->criticalMismatches, 0);
    QCOMPARE(ann->itemsScored, 2);

    const ParticipantCalibration *ben = find(m, QStringLiteral("Ben"));
    QVERIFY(ben);
    QVERIFY(near(ben->meanSignedDeviation, 0));
    QVERIFY(near(ben->meanAbsDeviation, 33.333333));
    QVERIFY(near(ben->itemAlignment[0], 0.5));
    QVERIFY(near(ben->itemAlignment[1], 1));
    QVERIFY(near(ben->alignment, 0.75));
    QVERIFY(near(ben->applicabilityAgreement, 0.5));
    QCOMPARE(ben->criticalMismatches, 1);
    QCOMPARE(m.criticalMismatches.size(), 1);
    QCOMPARE(m.criticalMismatches[0].participant, 2);
    QCOMPARE(m.criticalMismatches[0].item, 0);
    QCOMPARE(m.criticalMismatches[0].criterion, 0);
    QVERIFY(!m.criticalMismatches[0].missed);

    const ParticipantCalibration *dan = find(m, QStringLiteral("Dan"));
    QVERIFY(dan);
    QCOMPARE(dan->itemsScored, 0);
    QVERIFY(!dan->alignment);
    QVERIFY(!dan->meanSignedDeviation);
    QVERIFY(!dan->withinTolerancePct);

    QVERIFY(near(m.sessionScore, 78.125));
}

// Spreads over every rater (the expert too):
//   T1 raw 100, 87.5, 66.666667: mean 84.722222, SD = √(((15.277778)² + (2.777778)² + (−18.055556)²)/2)
//   Per criterion, 1 − largest count / answers: T1 a {1,1,0} 1/3, b {5,4,5} 1/3, c {1,1,N/A} 1/3;
//   T2 a {1,1,1} 0, b {3,3} 0 (Ben's missing answer is not an answer), c {N/A,0,N/A} 1/3.
//   Over the items: a 1/6, b 1/6, c 1/3; only c is above 20%. On T1 all three are above it.
void TestCalibrationMetrics::spreadsAndFlags()
{
    const CalibrationMetrics m = computeCalibrationMetrics(handData());
    const double mean = (100 + 87.5 + 200.0 / 3) / 3;
    const double sd =
        std::sqrt((std::pow(100 - mean, 2) + std::pow(87.5 - mean, 2) + std::pow(200.0 / 3 - mean, 2)) / 2);
    QVERIFY(std::fabs(*m.items[0].spreadSd - sd) < 1e-5);
    QVERIFY(near(m.items[0].criterionSpread[0], 1.0 / 3));
    QVERIFY(near(m.items[1].criterionSpread[0], 0));
    QVERIFY(near(m.items[1].criterionSpread[1], 0));
    QVERIFY(near(m.items[1].criterionSpread[2], 1.0 / 3));
    QCOMPARE(m.items[0].flaggedCriteria, (QStringList{"a", "b", "c"}));
    QCOMPARE(m.items[1].flaggedCriteria, QStringList{"c"});
    QVERIFY(near(m.criteria[0].spread, 1.0 / 6));
    QVERIFY(near(m.criteria[2].spread, 1.0 / 3));
    QVERIFY(!m.criteria[0].flagged);
    QVERIFY(!m.criteria[1].flagged);
    QVERIFY(m.criteria[2].flagged);
    // b on T2: the distribution counts two answers of 3, nothing for Ben or Dan.
    QCOMPARE(m.items[1].distribution[1], (QList<int>{0, 0, 2, 0, 0}));

    // A higher threshold flags nothing over the session.
    CalibrationMetricsOptions o;
    o.disagreementThreshold = 40;
    const CalibrationMetrics loose = computeCalibrationMetrics(handData(), o);
    QVERIFY(!loose.criteria[2].flagged);
    QVERIFY(loose.items[0].flaggedCriteria.isEmpty());
}

// Criterion a over the raters Cat, Ann, Ben (Dan gave nothing): percent agreement per unit
// Σ r_k(r_k − 1)/(r(r − 1)): T1 {1,1,0} (2·1 + 0)/6 = 1/3, T2 {1,1,1} 6/6 = 1 → mean 2/3.
// α and AC1 are core/stats' own, fed the same table: the session hands them the right cells.
void TestCalibrationMetrics::agreementPerCriterion()
{
    const CalibrationMetrics m = computeCalibrationMetrics(handData());
    QCOMPARE(m.raters, (QStringList{"Cat", "Ann", "Ben", "Dan"}));
    QVERIFY(near(m.criteria[0].percentAgreement.value, 2.0 / 3));
    QCOMPARE(m.criteria[0].level, stats::Level::Nominal);
    QCOMPARE(m.criteria[1].level, stats::Level::Ordinal);

    stats::Ratings a(QStringList{"T1", "T2"}, QStringList{"Cat", "Ann", "Ben"},
                     {{QStringLiteral("0"), 0, false}, {QStringLiteral("1"), 1, false}});
    a.set(0, 0, 1);
    a.set(0, 1, 1);
    a.set(0, 2, 0);
    a.set(1, 0, 1);
    a.set(1, 1, 1);
    a.set(1, 2, 1);
    const auto alpha = stats::krippendorffAlpha(a, stats::Level::Nominal);
    QCOMPARE(m.criteria[0].alpha.value.has_value(), alpha.value.has_value());
    if (alpha.value)
        QVERIFY(near(m.criteria[0].alpha.value, *alpha.value));
    QVERIFY(near(m.criteria[0].ac1.value, *stats::gwetAc1(a).value));
    QCOMPARE(m.criteria[0].alpha.units, 2);
    // Two units: no bootstrap interval below 10.
    QVERIFY(!m.criteria[0].alpha.ciLow);
    // c allows N/A: applicability (rated vs N/A) per unit: T1 {rated, rated, N/A} 1/3, T2 {N/A, rated,
    // N/A} 1/3 → 1/3. a does not allow N/A: none.
    QVERIFY(near(m.criteria[2].applicabilityAgreement, 1.0 / 3));
    QVERIFY(!m.criteria[0].applicabilityAgreement);
}

// No expert: the group. Per criterion the modal answer, per item the median raw score.
//   T1 baseline a 1, b 5, c 1, raw median(100, 87.5, 66.67) = 87.5
//   T2 baseline a 1, b 3 (two 3s; Ben missing), c N/A, raw median(66.67, 50, 100) = 66.666667
//   Cat is measured now: d = 100 − 87.5 = 12.5 and 66.666667 − 66.666667 = 0 → signed 6.25,
//   within ±5: 1 of 2 → 50%; alignment T1 1, T2 1 → 1.
//   Ann: d = 0 and −16.666667 → signed −8.333333; alignment T1 0.875, T2 0.75 → 0.8125.
void TestCalibrationMetrics::groupBaseline()
{
    const CalibrationMetrics m = computeCalibrationMetrics(handData(CalibrationState::Review, false));
    QCOMPARE(m.baseline, CalibrationBaseline::Group);
    QCOMPARE(m.participants.size(), 4);
    QVERIFY(near(m.items[0].baselineRaw, 87.5));
    QVERIFY(near(m.items[1].baselineRaw, 66.666667));
    QVERIFY(m.items[1].baseline[2].isNotApplicable());
    QCOMPARE(m.items[1].baseline[1].value, 3.0);
    const ParticipantCalibration *cat = find(m, QStringLiteral("Cat"));
    QVERIFY(near(cat->meanSignedDeviation, 6.25));
    QVERIFY(near(cat->withinTolerancePct, 50));
    QVERIFY(near(cat->alignment, 1));
    const ParticipantCalibration *ann = find(m, QStringLiteral("Ann"));
    QVERIFY(near(ann->meanSignedDeviation, -8.3333335));
    QVERIFY(near(ann->alignment, 0.8125));
}

// Two raters who disagree: no modal answer, so no baseline on that criterion (and no alignment
// from it); the median of two raw scores is their mean.
void TestCalibrationMetrics::groupBaselineTie()
{
    CalibrationSessionData d = handData(CalibrationState::Review, false);
    d.participants = d.participants.mid(1, 2); // Ann, Ben
    d.answers = {{sheet({r(1), r(5), r(1)}), sheet({r(0), r(5), r(1)})}};
    d.items = d.items.mid(0, 1);
    d.consensus.resize(1);
    const CalibrationMetrics m = computeCalibrationMetrics(d);
    QVERIFY(m.items[0].baseline[0].isMissing());
    QCOMPARE(m.items[0].baseline[1].value, 5.0);
    // Ann 100, Ben 100·(0 + 2 + 1)/4 = 75 → median 87.5; Ann's alignment over b and c only: 1.
    QVERIFY(near(m.items[0].baselineRaw, 87.5));
    QVERIFY(near(m.participants[0].itemAlignment[0], 1));
    // No critical mismatch can be counted against a missing baseline.
    QVERIFY(m.criticalMismatches.isEmpty());
}

// Resolved with a consensus: the consensus is the baseline and the expert is one more participant.
//   consensus T1 = (1, 5, 1) raw 100; T2 = (1, 4, N/A) raw 100·(1 + 2·0.75)/3 = 83.333333
//   Cat: d = 0 and 66.666667 − 83.333333 = −16.666667 → signed −8.333333;
//        alignment T1 1, T2 a 1, b 1 − |0.5 − 0.75| = 0.75, c both N/A 1 → 0.25 + 0.375 + 0.25 = 0.875
//        → 0.9375.
void TestCalibrationMetrics::consensusBaseline()
{
    CalibrationSessionData d = handData(CalibrationState::Resolved);
    d.consensus = {sheet({r(1), r(5), r(1)}), sheet({r(1), r(4), na()})};
    const CalibrationMetrics m = computeCalibrationMetrics(d);
    QCOMPARE(m.baseline, CalibrationBaseline::Consensus);
    QCOMPARE(m.participants.size(), 4);
    const ParticipantCalibration *cat = find(m, QStringLiteral("Cat"));
    QVERIFY(cat && cat->expert);
    QVERIFY(near(cat->meanSignedDeviation, -8.3333335));
    QVERIFY(near(cat->alignment, 0.9375));
    // In review the same consensus is not the baseline yet: the expert is.
    d.info.state = CalibrationState::Review;
    QCOMPARE(computeCalibrationMetrics(d).baseline, CalibrationBaseline::Expert);
}

// Everyone gives the same answers: α is undefined (no variation) — never 0, 1 or NaN — while
// percent agreement is 1 and spreads are 0.
void TestCalibrationMetrics::everyoneAgrees()
{
    CalibrationSessionData d = handData();
    for (auto &item : d.answers)
        for (auto &s : item)
            s = sheet({r(1), r(4), r(1)});
    const CalibrationMetrics m = computeCalibrationMetrics(d);
    QVERIFY(!m.criteria[0].alpha.value);
    QVERIFY(m.criteria[0].alpha.undefined);
    QVERIFY(near(m.criteria[0].percentAgreement.value, 1));
    QVERIFY(near(m.criteria[1].spread, 0));
    QVERIFY(near(m.sessionScore, 100));
    QVERIFY(near(m.items[0].spreadSd, 0));
}

// Written through the API and read back from the project, the same session gives the same numbers.
void TestCalibrationMetrics::storedSessionGivesTheSameNumbers()
{
    QTemporaryDir dir;
    auto project = createProject(dir.filePath(QStringLiteral("m.qlens")));
    QVERIFY(project);
    const qint64 card = storeCard(*project);
    const HandSession h = writeHandSession(project->database(), card);
    CalibrationError error;
    const auto m = CalibrationReview(project->database()).metrics(h.sessionId, &error);
    QVERIFY2(m, qPrintable(error.message));
    QCOMPARE(m->baseline, CalibrationBaseline::Expert);
    QVERIFY(near(m->sessionScore, 78.125));
    QVERIFY(near(find(*m, QStringLiteral("Ann"))->meanSignedDeviation, -14.5833335));
    QCOMPARE(m->tolerance, 5.0); // the project setting's default
}

// Drift: the least-squares slope of signed deviation over the session order, t-test on the slope.
//   Ann 0, 1, 2, 4 (x 0..3): x̄ 1.5, ȳ 1.75, Sxy = 2.625 + 0.375 + 0.125 + 3.375 = 6.5, Sxx = 5 → b = 1.3;
//   fitted −0.2, 1.1, 2.4, 3.7, residuals 0.2, −0.1, −0.4, 0.3 → SSE 0.30, s² = 0.15,
//   se(b) = √(0.15/5) = 0.1732051, t = 7.505553; with 2 df the two-sided p is 1 − t/√(t² + 2)
//   = 1 − 7.505553/7.637572 = 0.017286 < 0.05 → drifting lenient.
//   Cy 1, −1, 1, −1: b = −2/5 = −0.4, not significant. Ben has 3 sessions: no test.
void TestCalibrationMetrics::trendsFlagDrift()
{
    QList<CalibrationSessionFigures> sessions;
    const double ann[] = {0, 1, 2, 4};
    const double cy[] = {1, -1, 1, -1};
    for (int k = 3; k >= 0; --k) { // out of order on purpose
        CalibrationSessionFigures s;
        s.info.id = k + 1;
        s.info.date = QDate(2026, 1 + k, 15);
        ParticipantCalibration a;
        a.name = QStringLiteral("Ann");
        a.meanSignedDeviation = ann[k];
        ParticipantCalibration c;
        c.name = QStringLiteral("Cy");
        c.meanSignedDeviation = cy[k];
        s.metrics.participants = {a, c};
        if (k > 0) {
            ParticipantCalibration b;
            b.name = QStringLiteral("Ben");
            b.meanSignedDeviation = 10.0 * k;
            s.metrics.participants.append(b);
        }
        sessions.append(s);
    }
    const auto trends = calibrationParticipantTrends(sessions);
    QCOMPARE(trends.size(), 3);
    const CalibrationParticipantTrend &t = trends[0];
    QCOMPARE(t.name, QStringLiteral("Ann"));
    QCOMPARE(t.points.size(), 4);
    QCOMPARE(t.points[0].date, QDate(2026, 1, 15));
    QVERIFY(near(t.slope, 1.3));
    QVERIFY(std::fabs(*t.pValue - (1 - 7.5055534994651 / std::sqrt(7.5055534994651 * 7.5055534994651 + 2))) < 1e-6);
    QVERIFY(t.drift);
    QCOMPARE(t.direction, QStringLiteral("lenient"));
    const CalibrationParticipantTrend &cyTrend = trends[1];
    QVERIFY(near(cyTrend.slope, -0.4));
    QVERIFY(!cyTrend.drift);
    QVERIFY(!trends[2].slope); // Ben: three sessions
}

// The demo plants a participant (QA04, Priya Raman) drifting lenient over the closed sessions.
void TestCalibrationMetrics::demoParticipantDriftsLenient()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.qlens"));
    QProcess p;
    p.start(QStringLiteral(QL_CLI_PATH),
            {QStringLiteral("demo"), path, QStringLiteral("--agents"), QStringLiteral("30"),
             QStringLiteral("--audits-per-agent-month"), QStringLiteral("6")});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    ProjectError error;
    const auto project = Project::open(path, Project::Access::ReadOnly, Project::Check::Now, &error);
    QVERIFY2(project, qPrintable(error.message));
    CalibrationError problem;
    const auto closed = closedCalibrationSessions(project->database(), &problem);
    QVERIFY2(closed, qPrintable(problem.message));
    QCOMPARE(closed->size(), 12);
    QCOMPARE((*closed)[0].metrics.baseline, CalibrationBaseline::Consensus);
    bool found = false;
    for (const CalibrationParticipantTrend &t : calibrationParticipantTrends(*closed)) {
        if (t.name != QLatin1String("Priya Raman"))
            continue;
        found = true;
        QCOMPARE(t.points.size(), 12);
        QVERIFY(t.drift);
        QCOMPARE(t.direction, QStringLiteral("lenient"));
    }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestCalibrationMetrics)
#include "tst_calibrationmetrics.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// What changed, and why (analysis.md): the rate/mix decomposition sums exactly to the change, also
// with segments present in one period only (hand-computed cases); the tests, the concentration
// and the ranking on constructed cases (analysis.md's required one among them); the sentence; and
// on a small demo, the planted CSAT drop found by the engine.
#include "demo/demogenerator.h"
#include "pivot/cubebuilder.h"
#include "rca/rcaanalysis.h"
#include "rca/rcaengine.h"
#include "rca/rcasummary.h"
#include "store/project.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ql;
using namespace ql::rca;

namespace {

SegmentData seg(const QString &label, qint64 n0, double v0, qint64 n1, double v1, std::optional<double> sd = {})
{
    return SegmentData{label, PeriodValue{n0, v0, sd}, PeriodValue{n1, v1, sd}};
}

const Element *find(const Dimension &d, const QString &label)
{
    for (const Element &e : d.elements)
        if (e.label == label)
            return &e;
    return nullptr;
}

double sumOfEffects(const Dimension &d)
{
    double s = 0;
    for (const Element &e : d.elements)
        s += e.rateEffect + e.mixEffect;
    return s;
}

// analysis.md's required case: 10,000 responses a month in seven queues; Billing and Refunds (12% of
// volume each) drop from 85% to 65% satisfied, the rest stay at 85%; channels voice 70% / chat 30%
// spread evenly over the queues. Base: every group 85%. Current overall:
// (2 × 1200 × 0.65 + 7600 × 0.85)/10,000 = (1560 + 6460)/10,000 = 80.2%, Δ = −4.8 points.
// Each channel holds 70% (30%) of every queue, so both fall to 80.2%: voice 5614/7000, chat 2406/3000.
QList<DimensionInput> requiredCase()
{
    DimensionInput queue{QStringLiteral("queue"), {}};
    queue.segments << seg(QStringLiteral("Billing"), 1200, 85, 1200, 65)
                   << seg(QStringLiteral("Refunds"), 1200, 85, 1200, 65);
    for (const char *q : {"Sales", "Support", "Returns", "Tech", "Accounts"})
        queue.segments << seg(QLatin1String(q), 1520, 85, 1520, 85);
    DimensionInput channel{QStringLiteral("channel"), {}};
    channel.segments << seg(QStringLiteral("voice"), 7000, 85, 7000, 80.2)
                     << seg(QStringLiteral("chat"), 3000, 85, 3000, 80.2);
    return {queue, channel};
}

} // namespace

class TestRca : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decompositionRate();
    void decompositionMeanWithOnePeriodSegments();
    void decompositionSumsExactly_data();
    void decompositionSumsExactly();
    void requiredCase();
    void rankingTieBrokenBySetSize();
    void outcomeBoundNeverKept();
    void gateNoSignificantChange();
    void gateMinimumChange();
    void changeRoundingToNothingHeldSteady();
    void offsetInSentence();
    void jsDivergence();
    void cochranQ();
    void chiSquare();
    void periodsAndMetrics();
    void demoCsatDrop();
};

void TestRca::decompositionRate()
{
    // A: 100 at 80% -> 100 at 60%; B: 100 at 50% -> 50 at 50%; C: absent -> 50 at 70%.
    // N0 = 200, N1 = 200. M0 = 0.5×80 + 0.5×50 = 65; M1 = 0.5×60 + 0.25×50 + 0.25×70 = 60; Δ = −5, M̄ = 62.5.
    // A: rate (60 − 80)×(0.5 + 0.5)/2 = −10, mix 0.
    // B: rate 0, mix (0.25 − 0.5)×(50 − 62.5) = +3.125.
    // C: r0 taken as 70: rate 0, mix (0.25 − 0)×(70 − 62.5) = +1.875.   Σ = −10 + 3.125 + 1.875 = −5.
    // EP: A 2, B −0.625, C −0.375; v̄: A 0.5, B 0.375, C 0.125;
    // K = ½(|2 − 0.5| + |−0.625 − 0.375| + |−0.375 − 0.125|) = ½(1.5 + 1 + 0.5) = 1.5.
    const DimensionInput in{QStringLiteral("queue"),
                            {seg(QStringLiteral("A"), 100, 80, 100, 60), seg(QStringLiteral("B"), 100, 50, 50, 50),
                             seg(QStringLiteral("C"), 0, 0, 50, 70)}};
    const Dimension d = decompose(in, Kind::Rate, true, Settings{});
    QCOMPARE(d.elements.size(), 3);
    const Element *a = find(d, QStringLiteral("A")), *b = find(d, QStringLiteral("B")),
                  *c = find(d, QStringLiteral("C"));
    QVERIFY(a && b && c);
    QCOMPARE(a->rateEffect, -10.0);
    QCOMPARE(a->mixEffect, 0.0);
    QCOMPARE(b->rateEffect, 0.0);
    QCOMPARE(b->mixEffect, 3.125);
    QCOMPARE(c->rateEffect, 0.0);
    QCOMPARE(c->mixEffect, 1.875);
    QCOMPARE(sumOfEffects(d), -5.0);
    QCOMPARE(*a->shareOfChange, 2.0);
    QCOMPARE(*b->shareOfChange, -0.625);
    QCOMPARE(*c->shareOfChange, -0.375);
    QCOMPARE(c->volume, 0.125);
    QCOMPARE(d.concentration, 1.5);
    // Elements by share of the change, largest first.
    QCOMPARE(d.elements.at(0).label, QStringLiteral("A"));
    QCOMPARE(d.elements.at(1).label, QStringLiteral("C"));
    QCOMPARE(d.elements.at(2).label, QStringLiteral("B"));
    // C exists in one period only: its change cannot be tested as a rate, so the mix is tested.
    QVERIFY(c->mixTested);
    QVERIFY(!a->mixTested);
    QVERIFY(c->smallSample == false && b->smallSample == false);
}

void TestRca::decompositionMeanWithOnePeriodSegments()
{
    // QA score. X: 4 audits at 80 -> 2 at 90; Y: 4 at 60 -> none; Z: none -> 2 at 70.
    // M0 = 0.5×80 + 0.5×60 = 70; M1 = 0.5×90 + 0.5×70 = 80; Δ = 10, M̄ = 75.
    // X: rate (90 − 80)×0.5 = 5, mix 0. Y: r1 taken as 60: mix (0 − 0.5)×(60 − 75) = 7.5.
    // Z: r0 taken as 70: mix (0.5 − 0)×(70 − 75) = −2.5.   Σ = 5 + 7.5 − 2.5 = 10.
    const DimensionInput in{QStringLiteral("team"),
                            {seg(QStringLiteral("X"), 4, 80, 2, 90, 5.0), seg(QStringLiteral("Y"), 4, 60, 0, 0, 5.0),
                             seg(QStringLiteral("Z"), 0, 0, 2, 70, 5.0)}};
    const Dimension d = decompose(in, Kind::Mean, true, Settings{});
    QCOMPARE(find(d, QStringLiteral("X"))->rateEffect, 5.0);
    QCOMPARE(find(d, QStringLiteral("Y"))->rateEffect, 0.0);
    QCOMPARE(find(d, QStringLiteral("Y"))->mixEffect, 7.5);
    QCOMPARE(find(d, QStringLiteral("Z"))->mixEffect, -2.5);
    QCOMPARE(sumOfEffects(d), 10.0);
    // Fewer than the minimum sample (10) in a period: every element is small.
    for (const Element &e : d.elements)
        QVERIFY(e.smallSample);
}

void TestRca::decompositionSumsExactly_data()
{
    QTest::addColumn<QList<SegmentData>>("segments");
    QTest::addColumn<double>("delta");
    // Δ from the segments by hand each time.
    // (30×0.6 + 70×0.4 = 46 → 46/100 = 46%) to (10×0.9 + 40×0.5 + 50×0.2 = 39 → 39%): Δ = −7.
    QTest::newRow("three segments, all in both")
        << QList<SegmentData>{seg(QStringLiteral("a"), 30, 60, 10, 90), seg(QStringLiteral("b"), 70, 40, 40, 50),
                              seg(QStringLiteral("c"), 0, 0, 50, 20)}
        << -7.0;
    // Base: a 50 at 20%, b 50 at 80% → 50%. Current: b only, 25 at 40% → 40%. Δ = −10.
    QTest::newRow("one segment gone") << QList<SegmentData>{seg(QStringLiteral("a"), 50, 20, 0, 0),
                                                            seg(QStringLiteral("b"), 50, 80, 25, 40)}
                                      << -10.0;
    // Disjoint: base x 10 at 50% → 50%; current y 30 at 100% → 100%. Δ = 50.
    QTest::newRow("disjoint periods") << QList<SegmentData>{seg(QStringLiteral("x"), 10, 50, 0, 0),
                                                            seg(QStringLiteral("y"), 0, 0, 30, 100)}
                                      << 50.0;
}

void TestRca::decompositionSumsExactly()
{
    QFETCH(QList<SegmentData>, segments);
    QFETCH(double, delta);
    const Dimension d = decompose(DimensionInput{QStringLiteral("d"), segments}, Kind::Rate, true, Settings{});
    QVERIFY2(std::abs(sumOfEffects(d) - delta) < 1e-12, qPrintable(QString::number(sumOfEffects(d), 'g', 17)));
    double shares = 0;
    for (const Element &e : d.elements)
        shares += *e.shareOfChange;
    QVERIFY(std::abs(shares - 1.0) < 1e-12);
}

void TestRca::requiredCase()
{
    const Analysis a =
        analyse(PeriodValue{10000, 85, {}}, PeriodValue{10000, 80.2, {}}, ::requiredCase(), Kind::Rate, Settings{});
    QVERIFY(a.significant);
    QVERIFY(a.gatePassed);
    QCOMPARE(a.dimensions.size(), 2);
    const Dimension &queue = a.dimensions.at(0);
    const Dimension &channel = a.dimensions.at(1);
    QCOMPARE(queue.name, QStringLiteral("queue"));
    QVERIFY(queue.kept);
    // Billing and Refunds each contribute −20 × 0.12 = −2.4 of −4.8: EP 0.5 on volume 0.12;
    // K = ½(2 × |0.5 − 0.12| + 0.76) = 0.76.
    QVERIFY(std::abs(queue.concentration - 0.76) < 1e-9);
    QCOMPARE(queue.explainingSetSize, 2);
    QVERIFY(std::abs(*queue.explained - 1.0) < 1e-9);
    QVERIFY(queue.elements.at(0).inExplainingSet && queue.elements.at(1).inExplainingSet);
    QVERIFY(!queue.elements.at(2).inExplainingSet);
    // Both channels fell alike: EP = volume, K = 0; no heterogeneity, no volume shift: not kept.
    QCOMPARE(channel.name, QStringLiteral("channel"));
    QVERIFY(!channel.kept);
    QVERIFY(std::abs(channel.concentration) < 1e-9);
    QVERIFY(!channel.explained);
    QVERIFY(*channel.heterogeneityP > 0.99);
    QVERIFY(*channel.volumeShiftP > 0.99);
}

void TestRca::rankingTieBrokenBySetSize()
{
    // A team dimension where one team of 24% volume holds both queues: EP 1 on v̄ 0.24 and the other
    // two teams 0 on 0.38: K = ½(0.76 + 0.38 + 0.38) = 0.76, the same as queue's; one segment explains
    // it, against queue's two, so team ranks first.
    QList<DimensionInput> dims = ::requiredCase();
    dims << DimensionInput{QStringLiteral("team"),
                           {seg(QStringLiteral("T1"), 2400, 85, 2400, 65),
                            seg(QStringLiteral("T2"), 3800, 85, 3800, 85),
                            seg(QStringLiteral("T3"), 3800, 85, 3800, 85)}};
    const Analysis a = analyse(PeriodValue{10000, 85, {}}, PeriodValue{10000, 80.2, {}}, dims, Kind::Rate, Settings{});
    QCOMPARE(a.dimensions.at(0).name, QStringLiteral("team"));
    QCOMPARE(a.dimensions.at(0).explainingSetSize, 1);
    QCOMPARE(a.dimensions.at(1).name, QStringLiteral("queue"));
    QCOMPARE(a.dimensions.at(2).name, QStringLiteral("channel"));

    Result r;
    r.request.metric = *Metric::parse(QStringLiteral("csat_pct"), nullptr);
    r.request.base = *Period::parse(QStringLiteral("2026-09"));
    r.request.current = *Period::parse(QStringLiteral("2026-10"));
    r.analysis = a;
    QCOMPARE(summarise(r), QStringLiteral("CSAT fell 4.8 points, from 85.0% in 2026-09 to 80.2% in 2026-10; team T1 "
                                          "(a rate drop from 85.0% to 65.0%) explains all of it."));
}

void TestRca::outcomeBoundNeverKept()
{
    // The required case with a "reason" dimension as CSAT reasons behave: given by dissatisfied
    // customers only (0% satisfied in every reason), the rest blank. Current: 400 more "Refund delay"
    // responses out of the 1,980 dissatisfied. Concentrated (its mix alone carries the change), yet,
    // bound to the outcome, it is never kept: queue still ranks first.
    QList<DimensionInput> dims = ::requiredCase();
    // Base: 1,500 dissatisfied = 100 Refund delay + 1,400 Other; 8,500 blank at 100%.
    // Current: 1,980 dissatisfied = 500 Refund delay + 1,480 Other; 8,020 blank at 100% → 80.2%.
    dims << DimensionInput{QStringLiteral("reason"),
                           {seg(QStringLiteral("Refund delay"), 100, 0, 500, 0),
                            seg(QStringLiteral("Other"), 1400, 0, 1480, 0),
                            seg(QStringLiteral("(blank)"), 8500, 100, 8020, 100)},
                           true};
    const Analysis a = analyse(PeriodValue{10000, 85, {}}, PeriodValue{10000, 80.2, {}}, dims, Kind::Rate, Settings{});
    QCOMPARE(a.dimensions.at(0).name, QStringLiteral("queue"));
    const Dimension &reason =
        a.dimensions.at(1).name == QStringLiteral("reason") ? a.dimensions.at(1) : a.dimensions.at(2);
    QCOMPARE(reason.name, QStringLiteral("reason"));
    QVERIFY(!reason.kept);
    QVERIFY(!reason.explained);
    // Its decomposition is still exact: Σ effects = 80.2 − 85 = −4.8.
    QVERIFY(std::abs(sumOfEffects(reason) + 4.8) < 1e-9);
    QVERIFY(reason.concentration > 0.5);
    // The same dimension, not marked, would be kept.
    dims.last().outcomeBound = false;
    const Analysis b = analyse(PeriodValue{10000, 85, {}}, PeriodValue{10000, 80.2, {}}, dims, Kind::Rate, Settings{});
    bool kept = false;
    for (const Dimension &d : b.dimensions)
        if (d.name == QStringLiteral("reason"))
            kept = d.kept;
    QVERIFY(kept);
}

void TestRca::gateNoSignificantChange()
{
    // 50 responses a month, 80% → 76% (40 → 38 satisfied): z ≈ 0.48, p ≈ 0.63: nothing is ranked.
    const QList<DimensionInput> dims{
        {QStringLiteral("queue"),
         {seg(QStringLiteral("A"), 25, 80, 25, 72), seg(QStringLiteral("B"), 25, 80, 25, 80)}}};
    const Analysis a = analyse(PeriodValue{50, 80, {}}, PeriodValue{50, 76, {}}, dims, Kind::Rate, Settings{});
    QVERIFY(!a.significant);
    QVERIFY(!a.gatePassed);
    QVERIFY(!a.dimensions.at(0).kept);
    QVERIFY(!a.dimensions.at(0).explained);
    // The decomposition is still there, for information: A's rate effect (72 − 80) × 0.5 = −4.
    QCOMPARE(find(a.dimensions.at(0), QStringLiteral("A"))->rateEffect, -4.0);
    Result r;
    r.request.metric = *Metric::parse(QStringLiteral("csat_pct"), nullptr);
    r.request.base = *Period::parse(QStringLiteral("2026-09"));
    r.request.current = *Period::parse(QStringLiteral("2026-10"));
    r.analysis = a;
    QVERIFY2(summarise(r).contains(QStringLiteral("no significant change")), qPrintable(summarise(r)));
}

void TestRca::gateMinimumChange()
{
    // 1,000,000 responses a month, 85.0% → 84.5%: highly significant, but below the 1-point minimum.
    const QList<DimensionInput> dims{
        {QStringLiteral("queue"),
         {seg(QStringLiteral("A"), 500000, 85, 500000, 84), seg(QStringLiteral("B"), 500000, 85, 500000, 85)}}};
    const Analysis a =
        analyse(PeriodValue{1000000, 85, {}}, PeriodValue{1000000, 84.5, {}}, dims, Kind::Rate, Settings{});
    QVERIFY(a.significant);
    QVERIFY(!a.gatePassed);
    QVERIFY(!a.dimensions.at(0).kept);
    // The sentence names the project's minimum change, here 2 points.
    Result r;
    r.request.metric = *Metric::parse(QStringLiteral("csat_pct"), nullptr);
    r.request.base = *Period::parse(QStringLiteral("2026-09"));
    r.request.current = *Period::parse(QStringLiteral("2026-10"));
    r.settings.minChange = 2;
    r.analysis = a;
    QCOMPARE(summarise(r), QStringLiteral("CSAT fell 0.5 points, from 85.0% in 2026-09 to 84.5% in 2026-10; the change "
                                          "is below the minimum change of 2.0 points, so no dimension is ranked."));
}

void TestRca::changeRoundingToNothingHeldSteady()
{
    // 1,000 responses a month, 77.82% → 77.80%: Δ = −0.02 points, which shows as 0.0 at one decimal.
    // The sentence must not say "fell 0.0 points".
    const QList<DimensionInput> dims{
        {QStringLiteral("queue"),
         {seg(QStringLiteral("A"), 500, 77.82, 500, 77.80), seg(QStringLiteral("B"), 500, 77.82, 500, 77.80)}}};
    const Analysis a =
        analyse(PeriodValue{1000, 77.82, {}}, PeriodValue{1000, 77.80, {}}, dims, Kind::Rate, Settings{});
    QVERIFY(a.delta < 0);
    QVERIFY(!a.significant);
    Result r;
    r.request.metric = *Metric::parse(QStringLiteral("csat_pct"), nullptr);
    r.request.base = *Period::parse(QStringLiteral("2026-08"));
    r.request.current = *Period::parse(QStringLiteral("2026-09"));
    r.analysis = a;
    const QString text = summarise(r);
    QVERIFY2(text.startsWith(QStringLiteral("CSAT held steady, 77.8% in 2026-08 and 77.8% in 2026-09")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("0.0 points")), qPrintable(text));
}

void TestRca::offsetInSentence()
{
    // Queue A (5000) falls 90% → 70% (rate −20 × 0.5 = −10); B (5000) rises 70% → 80% (+5). Δ = −5:
    // 80% → 75%. A's EP = 2 (printed "all of it", never 200%), B offsets it (EP −1).
    const QList<DimensionInput> dims{
        {QStringLiteral("queue"),
         {seg(QStringLiteral("A"), 5000, 90, 5000, 70), seg(QStringLiteral("B"), 5000, 70, 5000, 80)}}};
    Result r;
    r.request.metric = *Metric::parse(QStringLiteral("csat_pct"), nullptr);
    r.request.base = *Period::parse(QStringLiteral("2026-09"));
    r.request.current = *Period::parse(QStringLiteral("2026-10"));
    r.analysis = analyse(PeriodValue{10000, 80, {}}, PeriodValue{10000, 75, {}}, dims, Kind::Rate, Settings{});
    QCOMPARE(summarise(r), QStringLiteral("CSAT fell 5.0 points, from 80.0% in 2026-09 to 75.0% in 2026-10; queue A "
                                          "(a rate drop from 90.0% to 70.0%) explains all of it, partly offset by B "
                                          "(a rate rise from 70.0% to 80.0%)."));
}

void TestRca::jsDivergence()
{
    // JS(0.5, 0): m = 0.25; ½ × 0.5 × log2(0.5/0.25) = 0.25.
    QCOMPARE(rca::jsDivergence(0.5, 0.0), 0.25);
    // JS(0.25, 0.75): m = 0.5; ½[0.25 log2 0.5 + 0.75 log2 1.5] = ½[−0.25 + 0.438721875] = 0.0943609375.
    QVERIFY(std::abs(rca::jsDivergence(0.25, 0.75) - 0.5 * (-0.25 + 0.75 * std::log2(1.5))) < 1e-15);
    QVERIFY(std::abs(rca::jsDivergence(0.25, 0.75) - 0.09436093) < 1e-8);
    QCOMPARE(rca::jsDivergence(0.3, 0.3), 0.0);
}

void TestRca::cochranQ()
{
    // d = {1, −1}, se = {1, 1}: d̄ = 0, Q = 2 on 1 df: p = 2(1 − Φ(√2)) = 0.157299207.
    QVERIFY(std::abs(*cochranQPValue({1.0, -1.0}, {1.0, 1.0}) - 0.157299207) < 1e-8);
    // One usable change: no test.
    QVERIFY(!cochranQPValue({1.0, -1.0}, {1.0, 0.0}));
}

void TestRca::chiSquare()
{
    // {10, 20} against {20, 10}: every expected count 15, χ² = 4 × 25/15 = 6.667 on 1 df: p = 0.0098232.
    QVERIFY(std::abs(*chiSquare2xkPValue({10, 20}, {20, 10}) - 0.00982327) < 1e-7);
}

void TestRca::periodsAndMetrics()
{
    QCOMPARE(Period::parse(QStringLiteral("2026-10"))->dimension, QStringLiteral("month"));
    QCOMPARE(Period::parse(QStringLiteral("2026-Q3"))->dimension, QStringLiteral("quarter"));
    QCOMPARE(Period::parse(QStringLiteral("2026-W07"))->dimension, QStringLiteral("week"));
    QCOMPARE(Period::parse(QStringLiteral("2026"))->dimension, QStringLiteral("year"));
    QVERIFY(!Period::parse(QStringLiteral("2026-13")));
    QVERIFY(!Period::parse(QStringLiteral("October")));
    QString error;
    const auto c = Metric::parse(QStringLiteral("compliance(next_steps)"), &error);
    QVERIFY(c);
    QCOMPARE(c->criterion, QStringLiteral("next_steps"));
    QCOMPARE(c->source, PivotSource::Answers);
    QVERIFY(!Metric::parse(QStringLiteral("csat"), &error));
    QVERIFY(error.contains(QStringLiteral("compliance(KEY)")));
}

void TestRca::demoCsatDrop()
{
    // docs/demo.md: Returns' CSAT drops in the last month, for the reason Refund delay.
    QTemporaryDir dir;
    ProjectError perr;
    auto project = Project::create(dir.filePath(QStringLiteral("demo.qlens")), true, &perr);
    QVERIFY(project);
    DemoOptions o;
    o.agents = 60;
    o.months = 6;
    QString error;
    QVERIFY2(generateDemo(*project, o, {}, &error), qPrintable(error));
    const auto audits = CubeBuilder::build(project->database(), PivotSource::Audits, {}, &error);
    QVERIFY2(audits, qPrintable(error));
    const auto csat = CubeBuilder::build(project->database(), PivotSource::Csat, {}, &error, audits);
    QVERIFY2(csat, qPrintable(error));

    Request request;
    request.metric = *Metric::parse(QStringLiteral("csat_pct"), &error);
    request.base = *Period::parse(QStringLiteral("2026-09"));
    request.current = *Period::parse(QStringLiteral("2026-10"));
    request.dimensions = QStringList{QStringLiteral("queue"), QStringLiteral("channel"), QStringLiteral("reason")};
    const auto result =
        RcaEngine::run(*csat, request, PivotOptions::fromProject(project->database()), Settings{}, &error);
    QVERIFY2(result, qPrintable(error));
    qInfo("%s", qPrintable(result->summary));
    QVERIFY(result->analysis.significant);
    QVERIFY(result->analysis.delta < 0);
    const Dimension &top = result->analysis.dimensions.first();
    QCOMPARE(top.name, QStringLiteral("queue"));
    QVERIFY(top.kept);
    QCOMPARE(top.elements.first().label, QStringLiteral("Returns"));
    QVERIFY(top.elements.first().inExplainingSet);
    QCOMPARE(result->drillElement, QStringLiteral("Returns"));
    QVERIFY(result->drill);
    const Dimension &drillTop = result->drill->dimensions.first();
    QCOMPARE(drillTop.name, QStringLiteral("reason"));
    QCOMPARE(drillTop.elements.first().label, QStringLiteral("Refund delay"));
    QVERIFY(drillTop.elements.first().inExplainingSet);
    QVERIFY(result->summary.contains(QStringLiteral("Returns")));
    QVERIFY(result->summary.contains(QStringLiteral("Refund delay")));

    // Every dimension's effects add up to the change of the whole.
    for (const Dimension &d : result->analysis.dimensions) {
        double sum = 0;
        for (const Element &e : d.elements)
            sum += e.rateEffect + e.mixEffect;
        QVERIFY2(std::abs(sum - result->analysis.delta) < 1e-9, qPrintable(d.name));
    }
}

QTEST_GUILESS_MAIN(TestRca)
#include "tst_rca.moc"

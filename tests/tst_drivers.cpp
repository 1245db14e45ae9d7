// SPDX-License-Identifier: GPL-3.0-or-later
// Drivers of CSAT (analysis.md "Drivers"): a criterion's figures from its counts, the difference's
// interval on Newcombe's (1998) published examples, the ranking by potential gain; on a small demo,
// the planted criterion (docs/demo.md) found; the QA-versus-CSAT quadrant and the Paretos of
// reasons and root causes on the same demo.
#include "demo/demogenerator.h"
#include "pivot/cubebuilder.h"
#include "rca/drivers.h"
#include "rca/pareto.h"
#include "rca/quadrant.h"
#include "rca/ridgelogistic.h"
#include "store/project.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ql;
using namespace ql::rca;

class TestDrivers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void newcombe_data();
    void newcombe();
    void figures();
    void choleskySolve();
    void ridgeLogisticSaturated();
    void ridgeLogisticPenalised();
    void vitalFew();
    void previousPeriods();
    void demoPlantedCriterion();
    void filtersPartitionTheSample();
    void demoQuadrant();
    void demoParetos();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::shared_ptr<const Cube> m_audits;
    std::shared_ptr<const Cube> m_answers;
    std::shared_ptr<const Cube> m_csat;
    QJsonObject m_planted;
};

void TestDrivers::initTestCase()
{
    ProjectError perr;
    m_project = Project::create(m_dir.filePath(QStringLiteral("demo.qlens")), true, &perr);
    QVERIFY(m_project);
    DemoOptions o;
    o.agents = 60;
    o.months = 6;
    QString error;
    QVERIFY2(generateDemo(*m_project, o, {}, &error), qPrintable(error));
    m_audits = CubeBuilder::build(m_project->database(), PivotSource::Audits, {}, &error);
    QVERIFY2(m_audits, qPrintable(error));
    m_answers = CubeBuilder::build(m_project->database(), PivotSource::Answers, {}, &error, m_audits);
    QVERIFY2(m_answers, qPrintable(error));
    m_csat = CubeBuilder::build(m_project->database(), PivotSource::Csat, {}, &error, m_audits);
    QVERIFY2(m_csat, qPrintable(error));
    QSqlQuery q(m_project->database());
    QVERIFY(q.exec(QStringLiteral("SELECT mapping_json FROM import_log WHERE kind = 'demo'")) && q.next());
    m_planted = QJsonDocument::fromJson(q.value(0).toByteArray()).object().value(QStringLiteral("planted")).toObject();
}

void TestDrivers::newcombe_data()
{
    QTest::addColumn<qint64>("x1");
    QTest::addColumn<qint64>("n1");
    QTest::addColumn<qint64>("x2");
    QTest::addColumn<qint64>("n2");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    // Newcombe (1998), "Interval estimation for the difference between independent proportions:
    // comparison of eleven methods", Statistics in Medicine 17:873–890, Table II, method 10.
    // (a) 56/70 − 48/80 = 0.8000 − 0.6000 = 0.2000: 0.0524 to 0.3339.
    QTest::newRow("(a) 56/70 - 48/80") << qint64(56) << qint64(70) << qint64(48) << qint64(80) << 0.0524 << 0.3339;
    // (b) 9/10 − 3/10 = 0.6: 0.1705 to 0.8090.
    QTest::newRow("(b) 9/10 - 3/10") << qint64(9) << qint64(10) << qint64(3) << qint64(10) << 0.1705 << 0.8090;
    // (c) 6/7 − 2/7 = 0.5714: 0.0582 to 0.8062.
    QTest::newRow("(c) 6/7 - 2/7") << qint64(6) << qint64(7) << qint64(2) << qint64(7) << 0.0582 << 0.8062;
    // (d) 5/56 − 0/29: −0.0381 to 0.1926.
    QTest::newRow("(d) 5/56 - 0/29") << qint64(5) << qint64(56) << qint64(0) << qint64(29) << -0.0381 << 0.1926;
}

void TestDrivers::newcombe()
{
    // The passed group is "1", the failed "2"; the driver's figures are in points.
    QFETCH(qint64, x1);
    QFETCH(qint64, n1);
    QFETCH(qint64, x2);
    QFETCH(qint64, n2);
    QFETCH(double, low);
    QFETCH(double, high);
    Driver counts;
    counts.criterion = QStringLiteral("k");
    counts.passed = n1;
    counts.passedSatisfied = x1;
    counts.failed = n2;
    counts.failedSatisfied = x2;
    counts.rated = n1 + n2;
    counts.joined = n1 + n2;
    const Driver d = Drivers::figures(counts, 10);
    QVERIFY(std::abs(*d.difference - 100.0 * (double(x1) / double(n1) - double(x2) / double(n2))) < 1e-12);
    QVERIFY2(std::abs(*d.ciLow - 100 * low) < 0.006, qPrintable(QString::number(*d.ciLow, 'f', 4)));
    QVERIFY2(std::abs(*d.ciHigh - 100 * high) < 0.006, qPrintable(QString::number(*d.ciHigh, 'f', 4)));
}

void TestDrivers::figures()
{
    // 160 joined answers, 150 rated (10 N/A): 70 passed (56 satisfied), 80 failed (48 satisfied).
    // CSAT passed 80%, failed 60%, difference 20 points; f = 80/150 = 53.33%, r = 150/160 = 93.75%;
    // potential gain = 0.9375 × 0.5333 × 20 = 0.5 × 20 = 10 points.
    Driver counts;
    counts.joined = 160;
    counts.rated = 150;
    counts.passed = 70;
    counts.passedSatisfied = 56;
    counts.failed = 80;
    counts.failedSatisfied = 48;
    const Driver d = Drivers::figures(counts, 10);
    QCOMPARE(*d.csatPassed, 80.0);
    QCOMPARE(*d.csatFailed, 60.0);
    QVERIFY(std::abs(*d.difference - 20.0) < 1e-12);
    QVERIFY(std::abs(d.failureRate - 100.0 * 80 / 150) < 1e-12);
    QCOMPARE(d.ratedShare, 93.75);
    QVERIFY(std::abs(d.potentialGain - 10.0) < 1e-12);
    QVERIFY(d.ranked);
    // Nine failed answers: below the minimum of ten, not ranked.
    counts.failed = 9;
    counts.failedSatisfied = 5;
    QVERIFY(!Drivers::figures(counts, 10).ranked);
}

void TestDrivers::choleskySolve()
{
    // [[4, 2], [2, 3]] z = [2, 1]: det = 12 − 4 = 8; z = (1/8)[3·2 − 2·1, −2·2 + 4·1] = [0.5, 0];
    // the inverse is (1/8)[[3, −2], [−2, 4]].
    std::vector<double> inverse;
    const auto z = RidgeLogistic::solve({4, 2, 2, 3}, {2, 1}, 2, &inverse);
    QVERIFY(z);
    QVERIFY(std::abs((*z)[0] - 0.5) < 1e-15 && std::abs((*z)[1]) < 1e-15);
    const std::vector<double> expected{3.0 / 8, -2.0 / 8, -2.0 / 8, 4.0 / 8};
    for (std::size_t i = 0; i < 4; ++i)
        QVERIFY(std::abs(inverse[i] - expected[i]) < 1e-15);
    // [[1, 2], [2, 1]] has a negative eigenvalue: refused.
    QVERIFY(!RidgeLogistic::solve({1, 2, 2, 1}, {1, 1}, 2));
}

void TestDrivers::ridgeLogisticSaturated()
{
    // One binary column, no penalty: the maximum-likelihood fit reproduces the two groups' logits.
    // x = 0: 30 of 40 satisfied (p0 = 0.75); x = 1: 10 of 20 (p1 = 0.5).
    // β0 = ln(0.75/0.25) = ln 3 = 1.0986123; β1 = logit(0.5) − ln 3 = −1.0986123;
    // SE(β0) = √(1/(40·0.75·0.25)) = √(1/7.5) = 0.3651484;
    // SE(β1) = √(1/7.5 + 1/(20·0.5·0.5)) = √(0.1333 + 0.2) = 0.5773503.
    const std::vector<double> x{0, 0, 1, 1};
    const std::vector<double> y{1, 0, 1, 0};
    const std::vector<double> w{30, 10, 10, 10};
    const auto fit = RidgeLogistic::fit(x, 1, y, 0.0, w);
    QVERIFY(fit && fit->converged);
    QVERIFY(std::abs(fit->beta[0] - std::log(3.0)) < 1e-9);
    QVERIFY(std::abs(fit->beta[1] + std::log(3.0)) < 1e-9);
    QVERIFY(std::abs(fit->standardErrors[0] - 0.3651484) < 1e-7);
    QVERIFY(std::abs(fit->standardErrors[1] - 0.5773503) < 1e-7);
}

void TestDrivers::ridgeLogisticPenalised()
{
    // The same data with λ = 5: the penalised score equations hold at the fit,
    //   Σ w (y − μ) = 0 (intercept, not penalised) and Σ w (y − μ) x = λ β1,
    // and β1 is shrunk towards 0 from −ln 3.
    const std::vector<double> x{0, 0, 1, 1};
    const std::vector<double> y{1, 0, 1, 0};
    const std::vector<double> w{30, 10, 10, 10};
    const double lambda = 5;
    const auto fit = RidgeLogistic::fit(x, 1, y, lambda, w);
    QVERIFY(fit && fit->converged);
    double s0 = 0, s1 = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const double mu = 1.0 / (1.0 + std::exp(-(fit->beta[0] + fit->beta[1] * x[i])));
        s0 += w[i] * (y[i] - mu);
        s1 += w[i] * (y[i] - mu) * x[i];
    }
    QVERIFY(std::abs(s0) < 1e-9);
    QVERIFY(std::abs(s1 - lambda * fit->beta[1]) < 1e-9);
    QVERIFY(fit->beta[1] < 0 && fit->beta[1] > -std::log(3.0));
}

void TestDrivers::vitalFew()
{
    // Counts 50, 20, 10, 10, 10 of 100: cumulative 50, 70, 80, 90, 100. 80% is first reached at the
    // third; the fourth and fifth tie with it (10), so all five are the vital few.
    // With 50, 20, 15, 10, 5: cumulative 50, 70, 85 — the first three.
    const auto items = [](const QList<qint64> &counts) {
        QList<ParetoItem> out;
        qint64 total = 0, running = 0;
        for (const qint64 c : counts)
            total += c;
        for (const qint64 c : counts) {
            running += c;
            ParetoItem i;
            i.count = c;
            i.cumulative = 100.0 * double(running) / double(total);
            out << i;
        }
        return out;
    };
    QList<ParetoItem> tied = items({50, 20, 10, 10, 10});
    ParetoBuilder::markVitalFew(tied);
    for (const ParetoItem &i : tied)
        QVERIFY(i.vitalFew);
    QList<ParetoItem> plain = items({50, 20, 15, 10, 5});
    ParetoBuilder::markVitalFew(plain);
    QVERIFY(plain[0].vitalFew && plain[1].vitalFew && plain[2].vitalFew);
    QVERIFY(!plain[3].vitalFew && !plain[4].vitalFew);
}

void TestDrivers::previousPeriods()
{
    QCOMPARE(ParetoBuilder::previousPeriods(*Period::parse(QStringLiteral("2026-02")), 3),
             (QStringList{QStringLiteral("2025-11"), QStringLiteral("2025-12"), QStringLiteral("2026-01")}));
    QCOMPARE(ParetoBuilder::previousPeriods(*Period::parse(QStringLiteral("2026-Q1")), 3),
             (QStringList{QStringLiteral("2025-Q2"), QStringLiteral("2025-Q3"), QStringLiteral("2025-Q4")}));
    // 2026-W02 → 2025-W52, 2026-W01 (2025 has 52 ISO weeks: 2025-12-28 is a Sunday of W52).
    QCOMPARE(ParetoBuilder::previousPeriods(*Period::parse(QStringLiteral("2026-W02")), 2),
             (QStringList{QStringLiteral("2025-W52"), QStringLiteral("2026-W01")}));
    // 2021-W01 → 2020-W53 (2020 has 53 ISO weeks).
    QCOMPARE(ParetoBuilder::previousPeriods(*Period::parse(QStringLiteral("2021-W01")), 1),
             (QStringList{QStringLiteral("2020-W53")}));
}

void TestDrivers::demoPlantedCriterion()
{
    // docs/demo.md: among criteria with at least 50 failed answers, next_steps has the largest gap
    // between passed and failed, and at least 15 points.
    const DriversResult r = Drivers::compute(*m_answers, PivotOptions::fromProject(m_project->database()), {});
    QVERIFY(r.joinedAudits > 0);
    QVERIFY(r.excludedCsatTriggered > 0); // the demo has CSAT-triggered audits: left out, and counted
    QVERIFY(r.note.contains(QStringLiteral("associations")));
    const QString planted = m_planted.value(QStringLiteral("csat_criterion")).toString();
    QCOMPARE(planted, QStringLiteral("next_steps"));
    const Driver *best = nullptr;
    for (const Driver &d : r.drivers) {
        qInfo("%s: passed %.1f%% (%lld) failed %.1f%% (%lld) diff %.1f [%.1f, %.1f] f %.1f%% gain %.2f%s",
              qPrintable(d.criterion), d.csatPassed.value_or(-1), d.passed, d.csatFailed.value_or(-1), d.failed,
              d.difference.value_or(0), d.ciLow.value_or(0), d.ciHigh.value_or(0), d.failureRate, d.potentialGain,
              d.ranked ? "" : " (not ranked)");
        if (d.failed >= 50 && d.difference && (!best || *d.difference > *best->difference))
            best = &d;
    }
    QVERIFY(best);
    QCOMPARE(best->criterion, planted);
    QVERIFY(*best->difference >= 15);
    QVERIFY(*best->ciLow > 0);
    // Adjusted for the other criteria, queue and channel, next_steps still costs the most CSAT and
    // ranks first (analysis.md ranks by the adjusted effect); its interval excludes 0.
    QVERIFY(r.adjustedConverged);
    const Driver &first = r.drivers.first();
    QCOMPARE(first.criterion, planted);
    qInfo("adjusted: %s %.1f [%.1f, %.1f]", qPrintable(first.criterion), *first.adjustedEffect, *first.adjustedLow,
          *first.adjustedHigh);
    QVERIFY(*first.adjustedLow > 0);
    QVERIFY(*first.adjustedLow <= *first.adjustedEffect && *first.adjustedEffect <= *first.adjustedHigh);
    for (const Driver &d : r.drivers) {
        QCOMPARE(d.adjustedEffect.has_value(), d.ranked);
        if (d.ranked)
            QVERIFY(*d.adjustedEffect <= *first.adjustedEffect);
    }
    // Ranked by potential gain when asked, largest first.
    DriversOptions byGain;
    byGain.rankBy = DriversOptions::RankBy::PotentialGain;
    const DriversResult g = Drivers::compute(*m_answers, PivotOptions::fromProject(m_project->database()), byGain);
    for (qsizetype i = 1; i < g.drivers.size(); ++i)
        if (g.drivers[i].ranked)
            QVERIFY(g.drivers[i - 1].potentialGain >= g.drivers[i].potentialGain);
    QCOMPARE(g.drivers.first().criterion, planted);
}

void TestDrivers::filtersPartitionTheSample()
{
    // A queue filter keeps only that queue's audits: the queue and "every other queue" split the
    // joined sample and every criterion's counts exactly in two (were the filter ignored, each half
    // would be the whole and the sums twice it).
    const PivotOptions options = PivotOptions::fromProject(m_project->database());
    const DriversResult all = Drivers::compute(*m_answers, options, {});
    QSqlQuery q(m_project->database());
    QVERIFY(q.exec(QStringLiteral("SELECT name FROM queues ORDER BY name LIMIT 1")) && q.next());
    const QString queue = q.value(0).toString();
    DriversOptions in, out;
    in.filters << PivotFilter{QStringLiteral("queue"), false, {queue}};
    out.filters << PivotFilter{QStringLiteral("queue"), true, {queue}};
    const DriversResult a = Drivers::compute(*m_answers, options, in);
    const DriversResult b = Drivers::compute(*m_answers, options, out);
    QVERIFY2(a.error.isEmpty() && b.error.isEmpty(), qPrintable(a.error + b.error));
    QVERIFY(a.joinedAudits > 0 && b.joinedAudits > 0);
    QCOMPARE(a.joinedAudits + b.joinedAudits, all.joinedAudits);
    QVERIFY(a.excludedByFilters > 0);
    QCOMPARE(all.excludedByFilters, 0);
    QHash<QString, qint64> passed, failed;
    for (const DriversResult *r : {&a, &b})
        for (const Driver &d : r->drivers) {
            passed[d.criterion] += d.passed;
            failed[d.criterion] += d.failed;
        }
    for (const Driver &d : all.drivers) {
        QCOMPARE(passed.value(d.criterion), d.passed);
        QCOMPARE(failed.value(d.criterion), d.failed);
    }
    // A dimension the audits do not have: an error, and no drivers.
    DriversOptions unknown;
    unknown.filters << PivotFilter{QStringLiteral("no_such_dimension"), false, {QStringLiteral("x")}};
    const DriversResult bad = Drivers::compute(*m_answers, options, unknown);
    QVERIFY(!bad.error.isEmpty());
    QVERIFY(bad.drivers.isEmpty());
}

void TestDrivers::demoQuadrant()
{
    // The truly low agent sits far below the overall QA score with a full sample; the small-sample
    // agent is marked small.
    QString error;
    const auto q = QuadrantBuilder::build(*m_audits, *m_csat, QStringLiteral("agent"), {}, {}, {},
                                          PivotOptions::fromProject(m_project->database()), 10, 10, &error);
    QVERIFY2(q, qPrintable(error));
    QVERIFY(q->qaScore && q->csatPct);
    const QString low = m_planted.value(QStringLiteral("low_agent")).toString();
    const QString small = m_planted.value(QStringLiteral("small_sample_agent")).toString();
    bool sawLow = false, sawSmall = false;
    for (const QuadrantPoint &p : q->points) {
        if (p.label == low) {
            sawLow = true;
            QVERIFY(*p.qaScore < *q->qaScore - 10);
            QVERIFY(p.audits >= 50);
        }
        if (p.label == small) {
            sawSmall = true;
            QVERIFY(p.smallSample);
        }
    }
    QVERIFY(sawLow);
    QVERIFY(sawSmall);
}

void TestDrivers::demoParetos()
{
    // In the last month, Refund delay leads the reasons of the Returns queue; its counts in the month
    // and the three before, and so whether it is new, agree with SQL.
    QString error;
    const PivotOptions options = PivotOptions::fromProject(m_project->database());
    const auto returns = ParetoBuilder::build(
        *m_csat, QStringLiteral("reason"), *Period::parse(QStringLiteral("2026-10")),
        {PivotFilter{QStringLiteral("queue"), false, {QStringLiteral("Returns")}}}, options, &error);
    QVERIFY2(returns, qPrintable(error));
    QVERIFY(!returns->items.isEmpty());
    const ParetoItem &lead = returns->items.first();
    QCOMPARE(lead.label, QStringLiteral("Refund delay"));
    QVERIFY(lead.vitalFew);
    QList<qint64> sql;
    for (const int month : {202607, 202608, 202609, 202610}) {
        QSqlQuery q(m_project->database());
        QVERIFY(
            q.exec(QStringLiteral("SELECT count(*) FROM csat_responses WHERE reason = 'Refund delay' AND month = %1 "
                                  "AND queue_id = (SELECT id FROM queues WHERE name = 'Returns')")
                       .arg(month)) &&
            q.next());
        sql << q.value(0).toLongLong();
    }
    QCOMPARE(lead.count, sql.last());
    QCOMPARE(lead.previous, sql.mid(0, 3));
    QCOMPARE(lead.isNew, sql[0] == 0 && sql[1] == 0 && sql[2] == 0);
    QVERIFY(std::abs(returns->items.last().cumulative - 100.0) < 1e-9);
    double shares = 0;
    for (const ParetoItem &i : returns->items)
        shares += i.share;
    QVERIFY(std::abs(shares - 100.0) < 1e-9);

    const auto causes = ParetoBuilder::build(*m_answers, QStringLiteral("root_cause"),
                                             *Period::parse(QStringLiteral("2026-10")), {}, options, &error);
    QVERIFY2(causes, qPrintable(error));
    QVERIFY(!causes->items.isEmpty());
    for (const ParetoItem &i : causes->items)
        QVERIFY(i.label != QStringLiteral("(blank)"));

    const auto tab = ParetoBuilder::crossTab(*m_answers, QStringLiteral("reason"), QStringLiteral("root_cause"),
                                             *Period::parse(QStringLiteral("2026-10")), {}, options, &error);
    QVERIFY2(tab, qPrintable(error));
    QVERIFY(tab->total > 0);
    QVERIFY(!tab->rows.contains(QStringLiteral("(blank)")));
    QVERIFY(!tab->columns.contains(QStringLiteral("(blank)")));
}

QTEST_GUILESS_MAIN(TestDrivers)
#include "tst_drivers.moc"

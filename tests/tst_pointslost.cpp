// SPDX-License-Identifier: GPL-3.0-or-later
// The Failed criteria tab's engine (analysis.md "Pareto": a points-lost Pareto beside the count one;
// scoring.md: points lost are 100 × e_i × (1 − c_i)) on tests/miniproject's hand-computed audits, and
// the charts made from it.
#include "insights/failedcriteria.h"
#include "miniproject.h"
#include "pivot/cubebuilder.h"
#include "rca/pointslost.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ql;
using ql::test::MiniProject;

class TestPointsLost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pointsLost_data();
    void pointsLost();
    void unknownFilter();
    void charts();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MiniProject> m_mini;
    std::shared_ptr<const Cube> m_audits, m_answers;
};

// Effective weights with everything rated (Compliance 40, Communication 60):
//   verify 0.4 × 1/2 = 0.2, disclosure 0.2, tone 0.6 × 2/3 = 0.4, resolution 0.6 × 1/3 = 0.2.
// Points lost per audit pattern (100 × e × (1 − c)), pass level 0.5 everywhere:
//   Good     tone 0.4 × 0.25 × 100 = 10, resolution 0.2 × 0.5 × 100 = 10           (sum 20 = 100 − 80; nothing fails)
//   Weak     disclosure N/A: verify's e = 0.4 × 1/1 = 0.4 but c = 1, so 0;
//            tone 0.4 × 0.5 × 100 = 20, resolution 0.2 × 1 × 100 = 20              (sum 40 = 100 − 60; resolution fails)
//   Critical verify 0.2 × 1 × 100 = 20                                             (sum 20 = 100 − raw 80; verify fails)
//   Perfect  nothing
void TestPointsLost::initTestCase()
{
    m_mini = std::make_unique<MiniProject>(m_dir.filePath(QStringLiteral("mini.qlens")));
    QVERIFY2(m_mini->error().isEmpty(), qPrintable(m_mini->error()));
    const QDate march(2026, 3, 10), february(2026, 2, 10);
    int k = 0;
    auto add = [&](MiniProject::Pattern p, const QString &agent, QDate date, const QString &queue) {
        return m_mini->addAudit(QStringLiteral("A%1").arg(++k), p, agent, date, QStringLiteral("QA1"),
                                QStringLiteral("random"), queue) > 0;
    };
    // March, Billing: 3 Good, 2 Critical, 1 Weak, 1 Perfect; March, Orders: 1 Weak; February: 2 Weak.
    for (int i = 0; i < 3; ++i)
        QVERIFY(add(MiniProject::Good, QStringLiteral("AG1"), march, QStringLiteral("Billing")));
    for (int i = 0; i < 2; ++i)
        QVERIFY(add(MiniProject::Critical, QStringLiteral("AG2"), march, QStringLiteral("Billing")));
    QVERIFY(add(MiniProject::Weak, QStringLiteral("AG3"), march, QStringLiteral("Billing")));
    QVERIFY(add(MiniProject::Perfect, QStringLiteral("AG1"), march, QStringLiteral("Billing")));
    QVERIFY(add(MiniProject::Weak, QStringLiteral("AG2"), march, QStringLiteral("Orders")));
    for (int i = 0; i < 2; ++i)
        QVERIFY(add(MiniProject::Weak, QStringLiteral("AG3"), february, QStringLiteral("Billing")));
    QVERIFY2(m_mini->error().isEmpty(), qPrintable(m_mini->error()));
    QString error;
    m_audits = CubeBuilder::build(m_mini->db(), PivotSource::Audits, {}, &error);
    QVERIFY2(m_audits, qPrintable(error));
    m_answers = CubeBuilder::build(m_mini->db(), PivotSource::Answers, {}, &error, m_audits);
    QVERIFY2(m_answers, qPrintable(error));
}

void TestPointsLost::pointsLost_data()
{
    QTest::addColumn<QString>("period");
    QTest::addColumn<QString>("queue"); // empty: no filter
    QTest::addColumn<qint64>("audits");
    // verify, disclosure, tone, resolution
    QTest::addColumn<QList<qint64>>("rated");
    QTest::addColumn<QList<qint64>>("failed");
    QTest::addColumn<QList<double>>("lost");

    // March: verify 2 × 20 = 40; tone 3 × 10 + 2 × 20 = 70; resolution 3 × 10 + 2 × 20 = 70; total 180
    // (= 3 × 20 + 2 × 20 + 2 × 40 + 0). Disclosure is N/A on the two Weak audits.
    QTest::newRow("March, all queues") << "2026-03" << QString() << qint64(8) << QList<qint64>{8, 6, 8, 8}
                                       << QList<qint64>{2, 0, 0, 2} << QList<double>{40, 0, 70, 70};
    // Billing only: one Weak fewer: tone 50, resolution 50 (total 140 = 60 + 40 + 40).
    QTest::newRow("March, Billing") << "2026-03" << QStringLiteral("Billing") << qint64(7)
                                    << QList<qint64>{7, 6, 7, 7} << QList<qint64>{2, 0, 0, 1}
                                    << QList<double>{40, 0, 50, 50};
    // February: two Weak audits, 20 + 20 points each.
    QTest::newRow("February") << "2026-02" << QString() << qint64(2) << QList<qint64>{2, 0, 2, 2}
                              << QList<qint64>{0, 0, 0, 2} << QList<double>{0, 0, 40, 40};
}

void TestPointsLost::pointsLost()
{
    QFETCH(QString, period);
    QFETCH(QString, queue);
    QFETCH(qint64, audits);
    QFETCH(QList<qint64>, rated);
    QFETCH(QList<qint64>, failed);
    QFETCH(QList<double>, lost);
    QList<PivotFilter> filters;
    if (!queue.isEmpty())
        filters << PivotFilter{QStringLiteral("queue"), false, {queue}};
    QString error;
    const auto p = rca::PointsLostBuilder::build(m_mini->db(), *m_answers, *rca::Period::parse(period), filters,
                                                 PivotOptions::fromProject(m_mini->db()), &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(p->period, period);
    QCOMPARE(p->audits, audits);
    const QStringList keys{QStringLiteral("verify"), QStringLiteral("disclosure"), QStringLiteral("tone"),
                           QStringLiteral("resolution")};
    double total = 0;
    qint64 totalFailed = 0;
    for (int i = 0; i < keys.size(); ++i) {
        const auto it = std::find_if(p->criteria.cbegin(), p->criteria.cend(),
                                     [&](const rca::CriterionLoss &l) { return l.criterion == keys[i]; });
        if (rated[i] == 0) {
            QVERIFY2(it == p->criteria.cend(), qPrintable(keys[i]));
            continue;
        }
        QVERIFY2(it != p->criteria.cend(), qPrintable(keys[i]));
        QCOMPARE(it->rated, rated[i]);
        QCOMPARE(it->failed, failed[i]);
        QVERIFY2(qAbs(it->pointsLost - lost[i]) < 1e-9, qPrintable(QStringLiteral("%1: %2").arg(keys[i]).arg(it->pointsLost)));
        total += lost[i];
        totalFailed += failed[i];
    }
    QVERIFY(qAbs(p->total - total) < 1e-9);
    QCOMPARE(p->failed, totalFailed);
}

void TestPointsLost::unknownFilter()
{
    QString error;
    const auto p = rca::PointsLostBuilder::build(m_mini->db(), *m_answers, *rca::Period::parse(QStringLiteral("2026-03")),
                                                 {PivotFilter{QStringLiteral("planet"), false, {QStringLiteral("Mars")}}},
                                                 PivotOptions::fromProject(m_mini->db()), &error);
    QVERIFY(!p);
    QVERIFY2(error.contains(QStringLiteral("planet")), qPrintable(error));
}

void TestPointsLost::charts()
{
    QString error;
    const auto p = rca::PointsLostBuilder::build(m_mini->db(), *m_answers, *rca::Period::parse(QStringLiteral("2026-03")),
                                                 {}, PivotOptions::fromProject(m_mini->db()), &error);
    QVERIFY2(p, qPrintable(error));
    // The count Pareto ranks the criteria that fail; the points-lost one those that cost points, and
    // they differ: tone never fails but loses the most, with resolution (a tie broken by label).
    const InsightsChart count = FailedCriteria::countChart(*p, {}, {});
    QVERIFY2(count.data, qPrintable(count.error));
    QCOMPARE(count.data->categories, (QStringList{QStringLiteral("resolution"), QStringLiteral("verify")}));
    QCOMPARE(count.data->pareto.total, 4.0);
    QCOMPARE(count.data->pareto.vitalFew, 2); // 50%, then 100%
    const InsightsChart lost = FailedCriteria::lostChart(*p, {}, {});
    QVERIFY2(lost.data, qPrintable(lost.error));
    QCOMPARE(lost.data->categories,
             (QStringList{QStringLiteral("resolution"), QStringLiteral("tone"), QStringLiteral("verify")}));
    QCOMPARE(lost.data->pareto.total, 180.0);
    // Cumulative: 70/180 = 38.9%, 140/180 = 77.8%, 100%: the 80% line is first reached at verify.
    QVERIFY(qAbs(lost.data->pareto.cumulative.at(1) - 7777.7777777 / 100) < 1e-6);
    QCOMPARE(lost.data->pareto.vitalFew, 3);
    QCOMPARE(lost.data->firstDate, QDate(2026, 3, 1));
    QCOMPARE(lost.data->lastDate, QDate(2026, 3, 31));
    QVERIFY(lost.data->footnote().contains(QStringLiteral("no filters")));
}

QTEST_MAIN(TestPointsLost)
#include "tst_pointslost.moc"

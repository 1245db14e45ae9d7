// SPDX-License-Identifier: GPL-3.0-or-later
// Measures the pivot engine on a big project (performance.md), when asked:
//   QL_PIVOT_BENCH_PROJECT=/tmp/big.qlens tst_pivotbench            (timings)
//   QL_PIVOT_BENCH_PROJECT=/tmp/big.qlens tst_pivotbench cubeMemory (memory of the audits cube alone)
//   QL_PIVOT_BENCH_PROJECT=/tmp/big.qlens tst_pivotbench dashboard  (the Dashboard's three jobs, by step)
// Skipped otherwise; tests never assert on time. This is what the bench command will grow from.
#include "dashboard/dashboardsummary.h"
#include "pivot/cubebuilder.h"
#include "pivot/cubecache.h"
#include "pivot/pivotbenchmark.h"
#include "scorecard/kpiengine.h"
#include "store/project.h"

#include <QTest>

using namespace ql;

class TestPivotBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timings();
    void cubeMemory();
    void dashboard();

private:
    std::unique_ptr<Project> open();
};

std::unique_ptr<Project> TestPivotBench::open()
{
    const QString path = qEnvironmentVariable("QL_PIVOT_BENCH_PROJECT");
    if (path.isEmpty())
        return nullptr;
    ProjectError err;
    auto project = Project::open(path, Project::Access::ReadOnly, Project::Check::Deferred, &err);
    if (!project)
        qWarning("%s", qPrintable(err.message));
    return project;
}

void TestPivotBench::timings()
{
    auto project = open();
    if (!project)
        QSKIP("set QL_PIVOT_BENCH_PROJECT to a project to measure");
    QString error;
    const int repeat = qEnvironmentVariableIntValue("QL_PIVOT_BENCH_REPEAT") > 0
                           ? qEnvironmentVariableIntValue("QL_PIVOT_BENCH_REPEAT")
                           : 5;
    const auto lines = PivotBenchmark::run(project->database(), repeat, &error);
    QVERIFY2(!lines.isEmpty(), qPrintable(error));
    std::fputs(qPrintable(PivotBenchmark::format(lines)), stdout);
    for (const PivotBenchmark::Line &l : lines) // and what the code itself costs, the machine being shared
        std::printf("%s cpu\t%.2f\n", qPrintable(l.name), l.medianCpuMs);
}

void TestPivotBench::cubeMemory()
{
    auto project = open();
    if (!project)
        QSKIP("set QL_PIVOT_BENCH_PROJECT to a project to measure");
    const qint64 before = PivotBenchmark::residentBytes();
    QString error;
    QElapsedTimer timer;
    timer.start();
    const auto audits = CubeBuilder::buildAudits(project->database(), {}, &error);
    const qint64 ms = timer.elapsed();
    QVERIFY2(audits, qPrintable(error));
    std::printf(
        "audits cube: %zu facts, %lld ms, columns %.1f MB; resident %.1f MB before, %.1f MB after, peak %.1f MB\n",
        audits->factCount(), qlonglong(ms), audits->memoryBytes() / 1048576.0, before / 1048576.0,
        PivotBenchmark::residentBytes() / 1048576.0, PivotBenchmark::peakResidentBytes() / 1048576.0);
    if (qEnvironmentVariableIsSet("QL_PIVOT_BENCH_ANSWERS")) {
        timer.restart();
        const auto answers = CubeBuilder::buildAnswers(project->database(), audits, {}, &error);
        QVERIFY2(answers, qPrintable(error));
        std::printf("answers cube: %zu facts, %lld ms, columns %.1f MB; resident %.1f MB after, peak %.1f MB\n",
                    answers->factCount(), qlonglong(timer.elapsed()), answers->memoryBytes() / 1048576.0,
                    PivotBenchmark::residentBytes() / 1048576.0, PivotBenchmark::peakResidentBytes() / 1048576.0);
    }
}

void TestPivotBench::dashboard()
{
    auto project = open();
    if (!project)
        QSKIP("set QL_PIVOT_BENCH_PROJECT to a project to measure");
    const QSqlDatabase db = project->database();
    const QByteArray stamp = CubeCache::dataStamp(db);
    const bool snapshots = bool(CubeCache::load(db, PivotSource::Audits, stamp));
    QElapsedTimer timer;
    timer.start();
    const DashboardSummary summary = DashboardSummary::compute(db, QDate::currentDate());
    const qint64 tiles = timer.restart();
    QVERIFY(!summary.isEmpty());
    // What the tiles used to cost: the whole report, with the criterion breakdown they never show.
    const KpiEngine engine(db);
    engine.headline({KpiSlice::Kind::All, {}}, summary.report.period);
    const qint64 headline = timer.restart();
    engine.report({KpiSlice::Kind::All, {}}, summary.report.period);
    const qint64 report = timer.restart();
    std::printf("dashboard headline KPIs\t%lld ms\nthe full KPI report\t%lld ms\n", qlonglong(headline),
                qlonglong(report));
    // What the sparklines used to cost: KpiEngine's SQL sums, month by month (now read from the cubes).
    for (const KpiPeriod &m : summary.months) {
        engine.queries().audits({KpiSlice::Kind::All, {}}, m.from, m.to);
        engine.queries().responses({KpiSlice::Kind::All, {}}, m.from, m.to);
    }
    std::printf("the sparklines as SQL sums (before)\t%lld ms\n", qlonglong(timer.restart()));
    timer.restart();
    DashboardSummary::BuiltCubes built;
    DashboardSummary::Cubes cubes;
    DashboardSummary::computeTrends(db, summary.months, {}, &built, &cubes);
    const qint64 trends = timer.restart();
    const auto movers = DashboardSummary::computeMovers(db, summary.report.period, {}, &built, cubes);
    const qint64 moverMs = timer.elapsed();
    QCOMPARE(movers.size(), 3);
    std::printf("dashboard tiles\t%lld ms\ndashboard trends\t%lld ms (audits cube %s, %lld cubes built by a scan)\n"
                "dashboard movers\t%lld ms\n",
                qlonglong(tiles), qlonglong(trends), snapshots ? "from its snapshot" : "without a snapshot",
                qlonglong(built.cubes.size()), qlonglong(moverMs));
    for (const auto &m : movers)
        std::printf("  %s: %s\n", qPrintable(m.title), qPrintable(m.sentence));
}

QTEST_GUILESS_MAIN(TestPivotBench)
#include "tst_pivotbench.moc"

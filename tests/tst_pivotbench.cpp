// SPDX-License-Identifier: GPL-3.0-or-later
// Measures the pivot engine on a big project (performance.md), when asked:
//   QL_PIVOT_BENCH_PROJECT=/tmp/big.qlens tst_pivotbench            (timings)
//   QL_PIVOT_BENCH_PROJECT=/tmp/big.qlens tst_pivotbench cubeMemory (memory of the audits cube alone)
// Skipped otherwise; tests never assert on time. This is what the bench command will grow from.
#include "pivot/cubebuilder.h"
#include "pivot/pivotbenchmark.h"
#include "store/project.h"

#include <QTest>

using namespace ql;

class TestPivotBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timings();
    void cubeMemory();

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

QTEST_GUILESS_MAIN(TestPivotBench)
#include "tst_pivotbench.moc"

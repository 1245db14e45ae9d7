// SPDX-License-Identifier: GPL-3.0-or-later
// qualitylens-cli bench: times the core operations in-process (cli.md, performance.md).
#include "benchchart.h"
#include "benchdashboard.h"
#include "benchreport.h"
#include "clicontext.h"

#include "pivot/pivotbenchmark.h"
#include "store/project.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace ql::cli {

namespace {

double medianOf(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// open_project: what the GUI does before its first screen, read-only with the integrity check
// deferred to the background (performance.md "open a 1M-audit project"). One warm-up first.
std::optional<PivotBenchmark::Line> timeOpen(const QString &path, int repeat, ProjectError *error)
{
    std::vector<double> wall;
    qint64 audits = 0;
    for (int i = 0; i <= repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto project = Project::open(path, Project::Access::ReadOnly, Project::Check::Deferred, error);
        if (!project)
            return std::nullopt;
        QSqlQuery count(project->database());
        if (count.exec(QStringLiteral("SELECT count(*) FROM audits")) && count.next())
            audits = count.value(0).toLongLong();
        count.finish();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (i > 0)
            wall.push_back(ms);
    }
    return PivotBenchmark::Line{QStringLiteral("open_project"), medianOf(wall), 0, repeat, audits};
}

} // namespace

int runBench(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times the core operations of performance.md on PROJECT, in-process, after one warm-up.\n"
                       "One line per operation: NAME<TAB>median_ms<TAB>runs<TAB>facts. Memory goes to stderr."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("the .qlens project file"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("timed runs per operation (default 5)"),
                                          QStringLiteral("N"), QStringLiteral("5"));
    parser.addOption(repeatOption);
    if (const int rc = parseOrExit(parser, args, 1, 1); rc >= 0)
        return rc;
    bool ok = false;
    const int repeat = parser.value(repeatOption).toInt(&ok);
    if (!ok || repeat < 1 || repeat > 1000)
        return usageError(parser, QStringLiteral("--repeat must be a whole number from 1 to 1000, not '%1'")
                                      .arg(parser.value(repeatOption)));

    const QString path = parser.positionalArguments().at(0);
    ProjectError error;
    const auto open = timeOpen(path, repeat, &error);
    if (!open) {
        printError(error.message);
        return exitCodeFor(error);
    }
    printOut(PivotBenchmark::format({*open}));

    // Writable when it can be (checked first, so nothing is written to a damaged project): the
    // cubes' snapshots are written on the first run and cube_build reads them back.
    const auto project = Project::open(path, Project::Access::ReadWriteOrReadOnly, Project::Check::Now, &error);
    if (!project) {
        printError(error.message);
        return exitCodeFor(error);
    }
    const qint64 residentBefore = PivotBenchmark::residentBytes();
    QString message;
    QStringList notes;
    const QList<PivotBenchmark::Line> lines = PivotBenchmark::run(project->database(), repeat, &message, &notes);
    if (lines.isEmpty()) {
        printError(QStringLiteral("%1: %2").arg(path, message));
        return ExitOther;
    }
    printOut(PivotBenchmark::format(lines));
    QList<PivotBenchmark::Line> timed = lines; // for the CPU medians on stderr
    if (const auto dashboard = benchDashboard(project->database(), repeat, &message); !dashboard.isEmpty()) {
        printOut(PivotBenchmark::format(dashboard));
        timed << dashboard;
    } else {
        printError(message);
    }
    if (const auto report = benchReportPdf(project->database(), repeat, &message)) {
        printOut(PivotBenchmark::format({*report}));
        timed << *report;
    } else {
        printError(message);
    }
    if (const auto charts = benchChartPng(project->database(), repeat, &message); !charts.isEmpty()) {
        printOut(PivotBenchmark::format(charts));
        timed << charts;
    } else {
        printError(message);
    }
    for (const QString &note : std::as_const(notes))
        printError(note);
    const QLocale c = QLocale::c();
    // The process CPU time of each operation (median), which a shared machine's load does not inflate.
    for (const PivotBenchmark::Line &l : std::as_const(timed))
        printError(QStringLiteral("cpu %1: %2 ms").arg(l.name, c.toString(l.medianCpuMs, 'f', 1)));
    printError(QStringLiteral("resident memory: %1 MB before the cubes, peak %2 MB")
                   .arg(c.toString(double(residentBefore) / 1048576.0, 'f', 0),
                        c.toString(double(PivotBenchmark::peakResidentBytes()) / 1048576.0, 'f', 0)));
    return ExitOk;
}

} // namespace ql::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotbenchmark.h"

#include "cubebuilder.h"
#include "pivotengine.h"

#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <ctime>
#include <functional>

namespace ql {

namespace {

struct Timing
{
    double wallMs;
    double cpuMs;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// One warm-up run, then `repeat` timed runs; the medians in milliseconds.
Timing measure(int repeat, const std::function<void()> &work)
{
    work();
    std::vector<double> wall, cpu;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        const std::clock_t start = std::clock();
        work();
        cpu.push_back(double(std::clock() - start) * 1000.0 / CLOCKS_PER_SEC);
        wall.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return {median(wall), median(cpu)};
}

qint64 statusField(const char *field)
{
#ifdef Q_OS_LINUX
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong() * 1024;
#else
    Q_UNUSED(field)
#endif
    return 0;
}

} // namespace

qint64 PivotBenchmark::residentBytes()
{
    return statusField("VmRSS:");
}

qint64 PivotBenchmark::peakResidentBytes()
{
    return statusField("VmHWM:");
}

QList<PivotBenchmark::Line> PivotBenchmark::run(const QSqlDatabase &db, int repeat, QString *error)
{
    QList<Line> lines;
    const PivotOptions options = PivotOptions::fromProject(db);
    std::shared_ptr<const Cube> audits;
    const Timing build = measure(repeat, [&] { audits = CubeBuilder::buildAudits(db, {}, error); });
    if (!audits)
        return {};
    lines.append({QStringLiteral("cube_build"), build.wallMs, build.cpuMs, repeat, qint64(audits->factCount())});

    struct Case
    {
        const char *name;
        const char *spec;
    };
    const Case auditCases[] = {
        {"pivot.team_month",
         R"({"rows":["team"],"cols":["month"],"measures":["count","qa_score","pass_rate"],"totals":true})"},
        {"pivot.queue_channel_week", R"({"rows":["queue","channel"],"cols":["week"],"measures":["count","qa_score"]})"},
        {"pivot.percentiles",
         R"j({"rows":["team"],"cols":["month"],"measures":["median(score)","p90(score)","count_distinct(agent)"]})j"},
    };
    auto timePivot = [&](const Cube &cube, const Case &c) -> bool {
        const auto spec = PivotSpec::fromJson(QByteArray(c.spec), error);
        if (!spec)
            return false;
        std::optional<PivotResult> result;
        const Timing t = measure(repeat, [&] { result = PivotEngine::compute(cube, *spec, options, error); });
        if (!result)
            return false;
        lines.append({QLatin1String(c.name), t.wallMs, t.cpuMs, repeat, result->factCount()});
        return true;
    };
    for (const Case &c : auditCases)
        if (!timePivot(*audits, c))
            return {};

    std::shared_ptr<const Cube> answers;
    const Timing answersBuild = measure(repeat, [&] { answers = CubeBuilder::buildAnswers(db, audits, {}, error); });
    if (!answers)
        return {};
    lines.append({QStringLiteral("cube_build.answers"), answersBuild.wallMs, answersBuild.cpuMs, repeat,
                  qint64(answers->factCount())});
    if (!timePivot(*answers,
                   {"pivot.answers",
                    R"({"source":"answers","rows":["criterion"],"cols":["month"],"measures":["compliance","count"]})"}))
        return {};
    return lines;
}

QString PivotBenchmark::format(const QList<Line> &lines)
{
    QString out;
    for (const Line &l : lines)
        out += QStringLiteral("%1\t%2\t%3\t%4\n").arg(l.name).arg(l.medianMs, 0, 'f', 2).arg(l.runs).arg(l.facts);
    return out;
}

} // namespace ql

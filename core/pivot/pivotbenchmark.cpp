// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotbenchmark.h"

#include "cubebuilder.h"
#include "cubecache.h"
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

QList<PivotBenchmark::Line> PivotBenchmark::run(const QSqlDatabase &db, int repeat, QString *error, QStringList *notes)
{
    QList<Line> lines;
    const PivotOptions options = PivotOptions::fromProject(db);
    const QByteArray stamp = CubeCache::dataStamp(db);
    // The scan, then the project's snapshot (written here when the connection can write and there
    // is none yet): cube_build is what opening a project whose data has not changed costs.
    auto timeBuild = [&](const char *name, PivotSource source, std::shared_ptr<const Cube> parent,
                         std::shared_ptr<const Cube> *cube) -> bool {
        const Timing scan = measure(repeat, [&] {
            *cube = source == PivotSource::Audits ? CubeBuilder::buildAudits(db, {}, error)
                                                  : CubeBuilder::buildAnswers(db, parent, {}, error);
        });
        if (!*cube)
            return false;
        const qint64 facts = qint64((*cube)->factCount());
        lines.append({QLatin1String(name) + QLatin1String(".scan"), scan.wallMs, scan.cpuMs, repeat, facts});
        QString why;
        if (!CubeCache::load(db, source, stamp, parent) && !CubeCache::save(db, **cube, stamp, &why)) {
            if (notes)
                notes->append(QStringLiteral("%1: no snapshot (%2); %1 is the scan").arg(QLatin1String(name), why));
            lines.append({QLatin1String(name), scan.wallMs, scan.cpuMs, repeat, facts});
            return true;
        }
        // What a page does: the data stamp, then the snapshot (or a scan, were it stale).
        std::shared_ptr<const Cube> loaded;
        bool fromSnapshot = true;
        const Timing read = measure(repeat, [&] {
            const CubeCache::Result r = CubeCache::obtain(db, source, {}, error, parent);
            loaded = r.cube;
            fromSnapshot = fromSnapshot && r.fromSnapshot;
        });
        if (!loaded || !fromSnapshot) {
            *error = QStringLiteral("the %1 snapshot could not be read back").arg(pivotSourceName(source));
            return false;
        }
        *cube = loaded;
        lines.append({QLatin1String(name), read.wallMs, read.cpuMs, repeat, facts});
        return true;
    };
    std::shared_ptr<const Cube> audits;
    if (!timeBuild("cube_build", PivotSource::Audits, {}, &audits))
        return {};

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
    if (!timeBuild("cube_build.answers", PivotSource::Answers, audits, &answers))
        return {};
    if (!timePivot(*answers,
                   {"pivot.answers",
                    R"({"source":"answers","rows":["criterion"],"cols":["month"],"measures":["compliance","count"]})"}))
        return {};
    return lines;
}

PivotBenchmark::Line PivotBenchmark::time(const QString &name, int repeat, qint64 facts, const std::function<void()> &work)
{
    const Timing t = measure(repeat, work);
    return Line{name, t.wallMs, t.cpuMs, repeat, facts};
}

QString PivotBenchmark::format(const QList<Line> &lines)
{
    QString out;
    for (const Line &l : lines)
        out += QStringLiteral("%1\t%2\t%3\t%4\n").arg(l.name).arg(l.medianMs, 0, 'f', 2).arg(l.runs).arg(l.facts);
    return out;
}

} // namespace ql

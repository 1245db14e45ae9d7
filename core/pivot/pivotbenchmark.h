// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

namespace ql {

// Times the pivot operations of performance.md on a project, in-process, after one warm-up: the
// start of the `bench` command (cli.md: one line per operation, NAME<TAB>median_ms<TAB>runs<TAB>facts).
class PivotBenchmark final
{
public:
    struct Line
    {
        QString name;
        double medianMs = 0;
        double medianCpuMs = 0; // process CPU time: on a shared machine, what the code itself costs
        int runs = 0;
        qint64 facts = 0;
    };

    // cube_build.scan (the audits cube from the fact tables), cube_build (from the project's
    // snapshot, written first when db can write and there is none), pivot.team_month,
    // pivot.queue_channel_week, pivot.percentiles, cube_build.answers.scan, cube_build.answers,
    // pivot.answers. Empty with the reason on failure; notes say where a snapshot was not possible
    // (the cube_build line is then the scan's).
    static QList<Line> run(const QSqlDatabase &db, int repeat, QString *error, QStringList *notes = nullptr);
    static QString format(const QList<Line> &lines);
    // One line timed as the others are: one warm-up run of work, then `repeat` timed runs; the
    // medians of wall and process CPU milliseconds.
    static Line time(const QString &name, int repeat, qint64 facts, const std::function<void()> &work);

    // Resident and peak resident bytes of this process (0 where the platform does not say).
    static qint64 residentBytes();
    static qint64 peakResidentBytes();
};

} // namespace ql

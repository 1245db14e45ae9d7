// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/agentnames.h"
#include "scorecard/kpiengine.h"

#include <QList>
#include <QPicture>
#include <QSqlDatabase>
#include <QStringList>

namespace ql {

class JobContext;

// A team's coaching pack (ui.md "People in outputs"): a folder of one PDF per agent — never one
// file with everyone — each a page with the agent's KPI table (value, interval, previous, delta,
// target, status), the trend of the last 12 periods as a vector chart (render/), and the criteria
// with the largest gaps against the team. A combined file is made only on request and says
// "Confidential" on every page.
//
// Three steps so that only the charts' layout runs on the UI thread (the chart library lays out a
// QGraphicsScene, a GUI-thread object): collect() reads the numbers on a worker, drawCharts()
// records each agent's chart into a QPicture (vector drawing commands) on the UI thread, write()
// paints the PDFs on a worker with progress and cancel.
namespace CoachingPack {

struct Agent
{
    QString key;
    QString name;
    QString shown; // as the outputs show agents: name, id or pseudonym
    KpiReport report;
    QList<KpiEngine::TrendPoint> trend;
    QPicture chart; // filled by drawCharts()
};

struct Options
{
    QString folder;       // one PDF per agent in it
    QString combinedPath; // one file with every agent, marked confidential; empty: none
    QString organisation;
    QString filters; // the filter bar's choices as the page's headline writes them; empty: none
};

struct Result
{
    QStringList files; // written, in agent order (the combined file last)
    int pages = 0;     // pages in all of them
    QString error;     // empty when every file was written
};

// The agents of `team` (a team, site or queue slice) with their reports and trends, under the
// filter bar's `filters` (the agents ranked, every number and the team compared with, as on the
// page); names as `names` says. Stops early (returning what it has) when the job is cancelled.
QList<Agent> collect(const QSqlDatabase &db, const KpiSlice &team, const KpiPeriod &period, NameDisplay names,
                     const QByteArray &pseudonymKey, JobContext *context, const KpiFilters &filters = {});
void drawCharts(QList<Agent> &agents, const QString &filters = {}); // UI thread; `filters` for the footnotes
// Writes atomically: on an error or a cancel, no file of the pack is left behind.
Result write(const QList<Agent> &agents, const Options &options, JobContext *context);

// A file name for an agent's PDF: "coaching-2026-03-Ann_AG1.pdf" (characters other than letters,
// digits, '-' and '_' become '_').
QString fileName(const Agent &agent);

} // namespace CoachingPack

} // namespace ql

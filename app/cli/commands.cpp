// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

namespace ql::cli {

int runInit(const QStringList &args);
int runDemo(const QStringList &args);
int runAgreement(const QStringList &args);
int runExport(const QStringList &args);
int runImport(const QStringList &args);
int runPivot(const QStringList &args);
int runExplain(const QStringList &args);
int runScorecard(const QStringList &args);
int runBench(const QStringList &args);
int runRca(const QStringList &args);
int runCalibration(const QStringList &args);
int runChart(const QStringList &args);
int runReport(const QStringList &args);
int runCheck(const QStringList &args);
int runClosePeriod(const QStringList &args);

const QList<Command> &commands()
{
    static const QList<Command> list{
        {QStringLiteral("init"), QStringLiteral("create an empty project"), &runInit},
        {QStringLiteral("demo"), QStringLiteral("create a project full of realistic generated data"), &runDemo},
        {QStringLiteral("import"), QStringLiteral("import a CSV file as a mapping says, or a scorecard definition"), &runImport},
        {QStringLiteral("export"), QStringLiteral("export audits, answers, CSAT or agents to CSV or XLSX"), &runExport},
        {QStringLiteral("agreement"), QStringLiteral("inter-rater agreement on long-format ratings (JSON out)"), &runAgreement},
        {QStringLiteral("scorecard"), QStringLiteral("the KPIs of an agent, team, site or queue for a period (JSON or text)"), &runScorecard},
        {QStringLiteral("explain"), QStringLiteral("how one audit's score was computed (text or JSON)"), &runExplain},
        {QStringLiteral("pivot"), QStringLiteral("compute a pivot (long, grid or JSON out)"), &runPivot},
        {QStringLiteral("bench"), QStringLiteral("time the core operations in-process (performance.md)"), &runBench, true},
        {QStringLiteral("chart"), QStringLiteral("render a chart to PNG, SVG or PDF (no display needed)"), &runChart, true},
        {QStringLiteral("report"), QStringLiteral("write a monthly quality, business review or calibration report (PDF or HTML)"), &runReport, true},
        {QStringLiteral("calibration"), QStringLiteral("calibration sessions, or one session's metrics"), &runCalibration},
        {QStringLiteral("rca"), QStringLiteral("what changed and why: a KPI's change split by dimension (JSON out)"), &runRca},
        {QStringLiteral("check"), QStringLiteral("integrity check and data-quality report (text or JSON)"), &runCheck},
        {QStringLiteral("close-period"), QStringLiteral("close a period: store its KPIs, settings and data fingerprint"), &runClosePeriod, true},
    };
    return list;
}

} // namespace ql::cli

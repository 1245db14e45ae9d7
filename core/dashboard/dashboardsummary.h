// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibration/calibrationtypes.h"
#include "scorecard/kpireport.h"
#include "store/dashboardqueries.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace ql {

class Cube;

// Everything the Dashboard page shows, computed in one go on a worker thread (docs/dashboard.md):
// the whole project's KPIs (KpiEngine) for the latest complete month against target and the
// previous month, 12 months of each headline KPI for the sparklines, the RCA sentence of the
// biggest movers, open disputes and data freshness.
struct DashboardSummary
{
    struct Mover
    {
        QString kpi;      // qa_score, pass_rate, csat_pct
        QString title;    // "QA score"
        QString sentence; // rca::summarise, or why there is none
        bool analysed = false;
    };

    QDate latestFact;          // the latest audit date (project's period date); invalid: no audits
    bool latestMonthPartial = false;
    KpiReport report;          // KpiSlice::All for the month shown (report.period)
    QList<KpiPeriod> months;   // the sparklines' 12 months, oldest first, ending with report.period
    // One value per month of `months` (nullopt: no data that month) for audits, qa_score,
    // pass_rate, critical_rate and csat_pct.
    QHash<QString, QList<std::optional<double>>> sparklines;
    QList<Mover> movers;
    qint64 openDisputes = 0;
    QDate today; // the day the summary was computed for (the `today` given to compute())
    // Calibration (docs/dashboard.md): the last session closed, and the next one.
    struct Sessions
    {
        std::optional<CalibrationSessionInfo> next; // not closed: the earliest dated today or later,
                                                    // else the latest under way (dated before today)
        std::optional<CalibrationSessionInfo> last; // closed: the latest by date (ties: higher id)
    };
    Sessions calibration;
    std::optional<DashboardQueries::Import> lastImport;

    bool isEmpty() const { return !latestFact.isValid(); }

    // The month shown (docs/dashboard.md): a month is complete once it is over (today is past its
    // last day); counted from the latest fact date when that is earlier than today (ui.md), so it
    // is the latest fact's month when that month is over, otherwise the month before. Callers pass
    // QDate::currentDate() as `today` (tests a fixed day).
    static KpiPeriod latestCompleteMonth(QDate latestFact, QDate today);

    static Sessions calibrationSessions(const QList<CalibrationSessionInfo> &sessions, QDate today);

    // Everything but the movers (quick: SQL sums); canceled is polled between steps.
    static DashboardSummary compute(const QSqlDatabase &db, QDate today,
                                    const std::function<bool()> &canceled = {});
    // The cubes computeMovers() had to build by a scan, and the data stamp they were built under:
    // the caller keeps them as the project's snapshots when it can write (CubeCache::save).
    struct BuiltCubes
    {
        QByteArray stamp;
        QList<std::shared_ptr<const Cube>> cubes;
    };
    // The movers of `month` against the month before (slower: reads or builds the pivot cubes for
    // the RCA, one audits cube and one csat cube for all three KPIs).
    static QList<Mover> computeMovers(const QSqlDatabase &db, const KpiPeriod &month,
                                      const std::function<bool()> &canceled = {}, BuiltCubes *built = nullptr);
};

} // namespace ql

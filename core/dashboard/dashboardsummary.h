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
struct PivotOptions;

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
    // pass_rate, critical_rate and csat_pct. Empty until computeTrends() has filled it.
    using Sparklines = QHash<QString, QList<std::optional<double>>>;
    Sparklines sparklines;
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

    // The tiles: everything but the sparklines and the movers (quick: a few SQL sums of two
    // months); `months` is filled, `sparklines` is left empty. canceled is polled between steps.
    static DashboardSummary compute(const QSqlDatabase &db, QDate today,
                                    const std::function<bool()> &canceled = {});
    // The cubes computeTrends() or computeMovers() had to build by a scan, and the data stamp they
    // were built under: the caller keeps them as the project's snapshots when it can write
    // (CubeCache::save).
    struct BuiltCubes
    {
        QByteArray stamp;
        QList<std::shared_ptr<const Cube>> cubes;
    };
    // The project's audits and csat cubes, shared by the sparklines and the movers (read-only, so
    // any thread may read them). Null where a cube could not be obtained (`error` says why).
    struct Cubes
    {
        std::shared_ptr<const Cube> audits;
        std::shared_ptr<const Cube> csat;
        QString error;
    };
    // Obtains the two cubes (from the project's snapshots when the data has not changed since,
    // else by a scan, which `built` receives) and computes the sparklines of `months` from them.
    // The cubes go to `cubes` for computeMovers().
    static Sparklines computeTrends(const QSqlDatabase &db, const QList<KpiPeriod> &months,
                                    const std::function<bool()> &canceled = {}, BuiltCubes *built = nullptr,
                                    Cubes *cubes = nullptr);
    // The sparklines of `months` from the audits and csat cubes: PivotEngine's audits, qa_score,
    // pass_rate, critical_rate and csat_pct by month, which equal KpiEngine's sums for the whole
    // project (tst_dashboardsummary compares them month by month). A null cube leaves its lines out.
    static Sparklines sparklinesFromCubes(const Cube *audits, const Cube *csat, const QList<KpiPeriod> &months,
                                          const PivotOptions &options);
    // The movers of `month` against the month before (slower: the RCA on the pivot cubes, one
    // audits cube and one csat cube for all three KPIs). Cubes given in `cubes` are used as they
    // are; missing ones are obtained as computeTrends() does.
    static QList<Mover> computeMovers(const QSqlDatabase &db, const KpiPeriod &month,
                                      const std::function<bool()> &canceled = {}, BuiltCubes *built = nullptr,
                                      Cubes cubes = {});
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchdashboard.h"

#include "dashboard/dashboardsummary.h"
#include "pivot/cube.h"
#include "pivot/cubecache.h"

namespace ql::cli {

QList<PivotBenchmark::Line> benchDashboard(const QSqlDatabase &db, int repeat, QString *error)
{
    const QDate today = QDate::currentDate();
    const DashboardSummary first = DashboardSummary::compute(db, today);
    if (first.isEmpty()) {
        *error = QStringLiteral("dashboard: the project has no audits");
        return {};
    }
    // The cubes a scan had to build become the project's snapshots, as the page keeps them; a
    // read-only project keeps scanning (the trends line then times the scans).
    DashboardSummary::BuiltCubes built;
    DashboardSummary::Cubes cubes;
    DashboardSummary::computeTrends(db, first.months, {}, &built, &cubes);
    if (!cubes.audits || !cubes.csat) {
        *error = QStringLiteral("dashboard: %1").arg(cubes.error);
        return {};
    }
    for (const auto &cube : std::as_const(built.cubes)) {
        QString ignored;
        CubeCache::save(db, *cube, built.stamp, &ignored);
    }
    const qint64 facts = qint64(cubes.audits->factCount());
    QList<PivotBenchmark::Line> lines;
    lines << PivotBenchmark::time(QStringLiteral("dashboard"), repeat, facts,
                                  [&] { DashboardSummary::compute(db, today); });
    lines << PivotBenchmark::time(QStringLiteral("dashboard.trends"), repeat, facts,
                                  [&] { DashboardSummary::computeTrends(db, first.months); });
    lines << PivotBenchmark::time(QStringLiteral("dashboard.movers"), repeat, facts, [&] {
        DashboardSummary::computeMovers(db, first.report.period, {}, nullptr, cubes);
    });
    return lines;
}

} // namespace ql::cli

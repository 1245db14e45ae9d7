// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/pivotbenchmark.h"

#include <QList>
#include <QSqlDatabase>

namespace ql::cli {

// bench's dashboard lines (performance.md: open a 1M-audit project to the first useful screen
// ≤ 1.5 s), the Dashboard page's three jobs as it runs them (docs/dashboard.md):
// `dashboard` the tiles (the headline KPIs of the latest complete month against target and the
// previous month, disputes, sessions, freshness), the first useful screen after `open_project`;
// `dashboard.trends` the 12 months of sparklines from the audits and csat cubes, read from their
// snapshots (written after the warm-up when a scan had to build them, as the page does);
// `dashboard.movers` the RCA of the three KPIs on those cubes. Medians of `repeat` runs after one
// warm-up. Empty with *error when the project has no audits.
QList<PivotBenchmark::Line> benchDashboard(const QSqlDatabase &db, int repeat, QString *error);

} // namespace ql::cli

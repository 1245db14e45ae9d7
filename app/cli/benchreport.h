// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/pivotbenchmark.h"

#include <QSqlDatabase>

#include <optional>

namespace ql::cli {

// bench's report.pdf (performance.md: the monthly quality report to PDF, ≤ 5 s): the whole
// report of the latest complete month built from the project and written to a PDF in memory,
// median of `repeat` runs after one warm-up. nullopt with *error when the project has no audits.
std::optional<PivotBenchmark::Line> benchReportPdf(const QSqlDatabase &db, int repeat, QString *error);

} // namespace ql::cli

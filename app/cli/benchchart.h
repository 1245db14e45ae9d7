// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/pivotbenchmark.h"

#include <QList>
#include <QSqlDatabase>

namespace ql::cli {

// bench's chart.render and chart.png (performance.md: a 1920×1080 chart to PNG at 2× scale,
// ≤ 300 ms, render and encode reported separately): the QA score by month as a line with its 95%
// band, its numbers read once from the project; chart.render times building the scene and painting
// it at 2× (3840×2160), chart.png the same plus the PNG encoding. Medians of `repeat` runs after one
// warm-up. Empty with *error when the chart cannot be read.
QList<PivotBenchmark::Line> benchChartPng(const QSqlDatabase &db, int repeat, QString *error);

} // namespace ql::cli

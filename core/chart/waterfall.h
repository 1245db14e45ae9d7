// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace ql {

struct ChartData;
struct ChartSpec;
namespace rca {
struct Result;
}

// A waterfall of a root-cause analysis (formats.md "Chart spec": the top dimension's contributions
// from the base value to the current one). Each step is one element's contribution, the sum of its
// rate and mix effects (analysis.md); the steps sum exactly to end − start.
struct WaterfallStep
{
    QString label;
    double value = 0; // contribution, points of the KPI
    double rate = 0;  // its rate effect
    double mix = 0;   // its mix effect
    qint64 baseN = 0;
    qint64 currentN = 0;
    bool others = false; // the smaller elements, summed
};

struct Waterfall
{
    QString startLabel; // the base period ("Sep 2026")
    QString endLabel;   // the current period
    double start = 0;   // the KPI in the base period
    double end = 0;     // in the current period
    bool higherIsBetter = true;
    QList<WaterfallStep> steps;

    // The running total after step i (start + the steps 0…i).
    double runningTotal(int i) const;
};

// The waterfall of result's top dimension: its elements in the engine's order (share of the change,
// largest first), at most maxSteps of them by size, the rest summed as one "N others" step. Fails
// with a message when the analysis has no dimension.
std::optional<ChartData> waterfallChartData(const rca::Result &result, QString *error, int maxSteps = 10);

// A waterfall spec for result (title, subtitle and the "rca" object formats.md gives).
ChartSpec waterfallSpec(const rca::Result &result);

} // namespace ql

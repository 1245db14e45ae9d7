// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/agentnames.h"
#include "pivot/pivotspec.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ql {

// formats.md "Chart spec (JSON)".
enum class ChartType {
    Bar,
    StackedBar,
    StackedBar100,
    Line,
    Combo,
    Pareto,
    Box,
    Scatter,
    Heatmap,
    PChart,
    Xmr,
    Funnel,
    Waterfall,
};
QString chartTypeName(ChartType type); // "stacked-bar-100", "p-chart", …
std::optional<ChartType> chartTypeFromName(const QString &name);
QList<ChartType> allChartTypes();

struct ChartAnnotation
{
    QString row;    // the category (row label) the arrow points at
    QString series; // the series there; empty: the first
    QString text;
    bool operator==(const ChartAnnotation &) const = default;
};

struct ChartReferenceLine
{
    QString axis = QStringLiteral("y"); // "x" or "y"
    double value = 0;
    QString label;
    bool operator==(const ChartReferenceLine &) const = default;
};

// A control chart's limits (p-chart and xmr; analysis.md "Baseline"), a project extension to
// formats.md's spec (docs/charts.md "The control object"): the baseline window (period labels as
// the pivot's rows read, inclusive; empty: by default all periods but the latest), one period
// where the user restarts the limits (a process change), and whether a scorecard version change
// restarts them (the default; false "keeps" one baseline across it).
struct ChartControl
{
    QString baselineFrom;
    QString baselineTo;
    QString restart;
    bool versionRestart = true;
    bool isDefault() const { return *this == ChartControl{}; }
    bool operator==(const ChartControl &) const = default;
};

// A chart as a value type: parsed from JSON with errors that name the key and value, and written
// back with the keys in formats.md's order, so that fromJson(toJson(s)) == s.
struct ChartSpec
{
    ChartType type = ChartType::Bar;
    QString title;
    QString subtitle;
    PivotSpec pivot;
    QJsonObject rca; // waterfall only
    std::optional<double> target;
    bool labels = false;
    QString theme = QStringLiteral("light");
    bool footnote = true;
    QString band; // "" (none) or "ci95"
    std::optional<ChartAnnotation> annotation;
    QList<ChartReferenceLine> referenceLines;
    ChartControl control; // p-chart and xmr only; written as "control" when not the default
    // How agents appear (ui.md "People in outputs"): nullopt follows the project's name_display;
    // written as "names" only when set (a project extension of formats.md's chart spec).
    std::optional<NameDisplay> names;

    bool operator==(const ChartSpec &) const = default;

    static std::optional<ChartSpec> fromJson(const QByteArray &json, QString *error);
    static std::optional<ChartSpec> fromJsonObject(const QJsonObject &object, QString *error);
    QByteArray toJson() const;

    // What can be checked without a project: the pivot's own rules and how many measures the type
    // needs (combo and scatter two, …). Empty when fine.
    QString validate() const;
};

// A waterfall's "rca": {"filters": …} (formats.md's pivot filters; a project extension to the rca
// object, so an analysis of filtered data charts the same again): read, and written.
std::optional<QList<PivotFilter>> waterfallFilters(const ChartSpec &spec, QString *error);
QJsonValue waterfallFiltersJson(const QList<PivotFilter> &filters);

// p-chart and xmr: the types a "control" object belongs to.
bool isControlChart(ChartType type);

// The theme names every renderer knows.
QStringList chartThemeNames(); // light, dark, print, brand

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartspec.h"
#include "pareto.h"
#include "waterfall.h"
#include "stats/boxplot.h"
#include "stats/controlchart.h"
#include "stats/funnel.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ql {

// How a measure's values read on an axis.
enum class ValueUnit {
    Number,  // plain (NPS, CSAT mean, c)
    Count,   // whole numbers, thousands separators
    Percent, // 0–100, labelled with %
    Points,  // scores 0–100, labelled as numbers ("pts" in titles)
};

struct ChartMeasureInfo
{
    QString spelling; // as in the pivot ("qa_score", "median(score)")
    QString label;    // for people ("QA score", "Median score")
    ValueUnit unit = ValueUnit::Number;
    bool higherIsBetter = true;
    bool rate = false;     // a share of events (binomial): p-chart, Wilson band, binomial funnel
    QString field;         // the per-fact field behind a mean or percentile ("score"), if any
    double fieldScale = 1; // field value × this = the measure's scale (compliance: c × 100)
};
ChartMeasureInfo chartMeasureInfo(const QString &spelling, PivotSource source, PivotShowAs showAs = PivotShowAs::Value);

// A category label as a slide shows it: months "2026-04" → "Apr 2026", quarters "2026-Q1" →
// "Q1 2026", weeks "2026-W07" → "W07 2026", days "2026-04-03" → "3 Apr 2026"; other labels as is.
QString chartDisplayLabel(const QString &label);
// Consecutive period labels with the year said only where it changes ("Nov 2025", "Dec", "Jan 2026").
QStringList chartDisplayLabels(const QStringList &labels);
// The period after a period label (month, quarter, ISO week, day, year); empty for other labels.
QString nextPeriodLabel(const QString &label);

struct ChartSeries
{
    QString name;
    QString key; // the pivot's label when `name` shows it otherwise (a criterion's name for its key)
    QList<double> values; // per category; NaN where the pivot has no value
    QList<qint64> n;
    QList<double> low; // band (ci95), per category; empty when none
    QList<double> high;

    // Whether `label` (an annotation's "series") names this series, by its name or the pivot's label.
    bool is(const QString &label) const { return name == label || (!key.isEmpty() && key == label); }
};

struct ScatterPoint
{
    QString label;
    double x = 0;
    double y = 0;
    double size = 0; // NaN when no size measure
    qint64 n = 0;
    int group = 0; // index into ChartData::groups (the column member), 0 when none
};

// The numbers a chart draws, read from a pivot as formats.md "Chart spec" says for each type.
struct ChartData
{
    ChartType type = ChartType::Bar;
    PivotSource source = PivotSource::Audits;
    QString rowDimension;    // the row dimensions joined with " · "
    QString columnDimension; // the column dimensions joined with " · "
    QStringList categories;  // row labels as in the pivot (annotation.at.row matches these)
    QStringList displayCategories;
    // Per category, a short tag drawn under its label in the accent colour (a Pareto's "new" causes:
    // analysis.md "Pareto"); empty, or an empty string: no tag.
    QStringList categoryTags;
    QList<ChartSeries> series;        // bar, stacked, line, combo (0 bars, 1 line), heatmap (one per column)
    QList<ChartMeasureInfo> measures; // the spec's measures, in order

    Pareto pareto;                  // pareto
    QList<stats::BoxSummary> boxes; // box, per category
    QList<ScatterPoint> points;     // scatter
    QStringList groups;             // scatter colour groups (column members)
    std::optional<stats::PChart> pChart;
    std::optional<stats::XmrChart> xmr;
    std::optional<stats::Funnel> funnel;
    QList<qint64> unitN;    // funnel: n per category
    QList<int> gapsBefore; // p-chart, xmr: points with missing periods just before them
    int chosenRestart = -1; // p-chart, xmr: the point where the user restarted the limits (spec.control.restart)
    std::optional<Waterfall> waterfall; // waterfall: the steps from the base value to the current one

    qint64 minSample = 10; // cells, points and units with fewer facts are greyed
    qint64 facts = 0;
    QDate firstDate; // the data's date range (the spec's, else the facts')
    QDate lastDate;
    QString periodDate; // "review date" or "interaction date"
    QString filters;    // "queue = Billing, Returns; channel ≠ phone"
    QString organisation;
    QStringList notes; // type-specific lines for the footnote ("Laney p′: σz = 1.8")

    // The footnote's facts: source, n, date range, the date that drives periods, filters.
    QString footnote() const;
};

// What the chart needs from the project besides the pivot.
struct ChartContext
{
    qint64 minSample = 10;
    QString periodDate = QStringLiteral("date"); // the project setting ("date" or "interaction_date")
    QString organisation;
    QStringList countedSampleTypes{QStringLiteral("random"), QStringLiteral("targeted")};
    // Control charts (analysis.md "Baseline"): the periods where a scorecard version begins
    // (ChartDataBuilder::build finds them in the cube). The baseline window, the user's restart and
    // whether version changes restart the limits are the spec's (ChartSpec::control).
    QStringList restartLabels;
    // Criterion key -> name (CriterionNames::load): the chart shows names where the pivot has keys.
    QHash<QString, QString> criterionNames;
};

// `label` (a row or column label of a pivot whose dimensions, joined with " · ", are `dimensions`)
// with each part under the `criterion` dimension shown by its name.
QString chartNamedLabel(const QString &label, const QString &dimensions, const QHash<QString, QString> &criterionNames);

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/pivotspec.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace ql {

// The four drop zones of the pivot page.
enum class PivotZone { Filters, Rows, Columns, Values };
QString pivotZoneName(PivotZone zone); // "filters", "rows", "cols", "values"
std::optional<PivotZone> pivotZoneFromName(const QString &name);

// What the pivot page shows: the pivot spec of formats.md, plus what only the page needs — whether
// the date range has its chip in Filters, and which measures are drawn as a heat map. A value type:
// the undo stack keeps one before and one after each change, and a saved view is its spec.
//
// The zones read from the spec: Rows and Columns are its row and column dimensions, Values its
// measures, Filters the date chip (first) and one chip per filtered dimension (alphabetically: the
// order of filters means nothing, and formats.md's JSON object does not keep it).
//
// The editing functions return false (and change nothing) when the edit is refused or changes
// nothing: a measure dropped on Rows, a date grouping already on an axis, and so on.
struct PivotLayout
{
    PivotSpec spec;
    bool dateFilter = false; // the Date chip is in Filters; its range is spec.from/spec.to
    QStringList heatMap;     // measures drawn as a heat map

    bool operator==(const PivotLayout &) const = default;

    // The chips of a zone: dimension names, measures as spelled, "date" for the date chip.
    QStringList items(PivotZone zone) const;
    int count(PivotZone zone) const { return int(items(zone).size()); }

    // Adds a field of the field list (a dimension, "date" or a measure) at index (clamped). On Rows
    // and Columns a dimension that is on an axis moves there, and "date" takes the first grouping
    // not on an axis (month first). On Values a dimension becomes count_distinct of it. On Filters a
    // dimension gets a filter that keeps everything until it is edited; "date" the date chip.
    bool insert(PivotZone zone, int index, const QString &field);
    // A chip to another place (or the same zone, reordered; Filters keep their order).
    bool move(PivotZone from, int fromIndex, PivotZone to, int toIndex);
    bool remove(PivotZone zone, int index);

    // The period of a date chip on Rows or Columns (day, week, month, quarter or year).
    bool setPeriod(PivotZone zone, int index, const QString &period);
    bool setShowAs(const QString &measure, PivotShowAs showAs);
    bool setHeatMap(const QString &measure, bool on);
    bool setFilter(const PivotFilter &filter); // replaces the filter on that dimension
    bool setDateRange(const QDate &from, const QDate &to);
    bool setTotals(const PivotTotals &totals);
    bool setSort(const std::optional<PivotSort> &sort);
    bool setTop(const std::optional<PivotTop> &top); // rows only: the first n row groups, the rest as (others)
    // Another fact source: the dimensions and measures it has stay (custom dimensions included),
    // the rest go; "count" when no measure is left.
    bool setSource(PivotSource source, const QStringList &customDimensions);
    bool clear(); // every zone emptied; the source and totals stay

    // Filters sorted, and show_as, heat map, sort and top that name a measure no longer there
    // dropped.
    void normalise();

    // What a new project starts with: something to look at at once.
    static PivotLayout defaultFor(PivotSource source);

    // The page's per-user memory of the last layout: {"spec": {…}, "date_filter": …, "heat_map": […]}.
    QByteArray toJson() const;
    static std::optional<PivotLayout> fromJson(const QByteArray &json);
    // A layout for a saved view's spec (the date chip shows when it has a range).
    static PivotLayout fromSpec(const PivotSpec &spec, const QStringList &heatMap = {});
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cube.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace ql {

// A filter on one dimension: keep facts whose member is (in) or is not (not_in) one of values.
// On a multi-valued dimension the filter acts on members: a fact keeps the members that pass and
// stays when one does (a fact without any value has the member (blank)).
struct PivotFilter
{
    QString dimension;
    bool exclude = false;
    QStringList values;
    bool operator==(const PivotFilter &) const = default;
};

// formats.md "totals". rows: each row gets a total over the columns (a "(total)" column);
// cols: each column gets a total over the rows (a "(total)" row); both: the grand total as well.
struct PivotTotals
{
    bool subtotals = false;
    bool rows = false;
    bool cols = false;
    static PivotTotals all() { return {true, true, true}; }
    bool operator==(const PivotTotals &) const = default;
};

enum class PivotShowAs { Value, PctGrand, PctRow, PctCol, DiffPrevCol };
QString pivotShowAsName(PivotShowAs showAs);

struct PivotSort
{
    enum class Axis { Rows, Cols };
    Axis axis = Axis::Rows;
    QString by;     // "label" or a measure
    QStringList at; // labels on the other axis whose values sort; empty: the total
    bool descending = false;
    bool operator==(const PivotSort &) const = default;
};

struct PivotTop
{
    int n = 0;
    QString by; // a measure; empty: the first measure
    bool others = false;
    bool operator==(const PivotTop &) const = default;
};

// The pivot spec of formats.md as a value type: parsed from JSON with errors that name the key and
// value, checked against the vocabulary, and written back.
struct PivotSpec
{
    PivotSource source = PivotSource::Audits;
    QStringList rows;
    QStringList cols;
    QStringList measures;
    QList<PivotFilter> filters;
    QDate from; // invalid: open
    QDate to;
    PivotTotals totals;
    QList<QPair<QString, PivotShowAs>> showAs; // measure as spelled -> how
    std::optional<PivotSort> sort;
    std::optional<PivotTop> top;

    bool operator==(const PivotSpec &) const = default;

    // Parses a spec; measures may be missing (the CLI can add them), validate() requires them.
    static std::optional<PivotSpec> fromJson(const QByteArray &json, QString *error);
    static std::optional<PivotSpec> fromJsonObject(const QJsonObject &object, QString *error);

    // Checks what needs no project: at least one measure, each known for the source, show_as, sort
    // and top naming measures of the spec, percentages only on count and sum. Empty when fine.
    QString validate() const;

    PivotShowAs showAsOf(const QString &measure) const;
    const PivotFilter *filterOn(const QString &dimension) const;

    // Compact JSON with the keys in formats.md's order.
    QByteArray toJson() const;
};

} // namespace ql

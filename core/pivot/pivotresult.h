// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivotspec.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ql {

namespace pivot {
class Computation;
}

// A row or a column of a pivot: one label per dimension of its axis. The first `level` labels are
// members; the rest are "(total)" (a subtotal, or the grand total at level 0). An "(others)" row
// gathers the rows that top-N left out of its group.
struct PivotHeader
{
    QStringList labels;
    int level = 0;
    bool others = false;
    bool isTotal(int dimensions) const { return level < dimensions; }
};

// One value of one measure in one cell: the value and the number of facts behind it.
struct PivotValue
{
    double value = 0;
    qint64 n = 0;
    bool operator==(const PivotValue &) const = default;
};

// The computed pivot, in pivot order, shaped for a table model: rows and columns are headers, and a
// cell holds one optional value per measure (empty when no fact or the measure is undefined there).
class PivotResult final
{
public:
    const PivotSpec &spec() const { return m_spec; }
    const QStringList &rowDimensions() const { return m_spec.rows; }
    const QStringList &columnDimensions() const { return m_spec.cols; }
    const QStringList &measures() const { return m_spec.measures; }

    int rowCount() const { return int(m_rows.size()); }
    int columnCount() const { return int(m_columns.size()); }
    int measureCount() const { return int(m_spec.measures.size()); }
    const PivotHeader &row(int i) const { return m_rows.at(i); }
    const PivotHeader &column(int j) const { return m_columns.at(j); }
    const QList<PivotHeader> &rows() const { return m_rows; }
    const QList<PivotHeader> &columns() const { return m_columns; }

    // The value of measure m in cell (row, column), if any.
    std::optional<PivotValue> value(int row, int column, int measure) const;

    // The non-empty cells in pivot order (by row, then column).
    struct Cell
    {
        int row;
        int column;
    };
    int cellCount() const { return int(m_cells.size()); }
    const Cell &cell(int k) const { return m_cells[std::size_t(k)]; }
    const std::optional<PivotValue> &cellValue(int k, int measure) const
    {
        return m_values[std::size_t(k) * std::size_t(measureCount()) + std::size_t(measure)];
    }

    // Facts that passed the filters (each counted once).
    qint64 factCount() const { return m_facts; }

    // Top-N: rows kept beyond n because they tie with the n-th, summed over groups; a sentence
    // for people saying so (empty when nothing was cut or tied).
    int topTiesKept() const { return m_topTies; }
    QString note() const { return m_note; }

private:
    friend class pivot::Computation;
    PivotSpec m_spec;
    QList<PivotHeader> m_rows;
    QList<PivotHeader> m_columns;
    std::vector<Cell> m_cells;
    std::vector<std::optional<PivotValue>> m_values;
    qint64 m_facts = 0;
    int m_topTies = 0;
    QString m_note;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/pivotresult.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace ql {

class PivotHeaderModel;

// A computed pivot as a table, in core terms (after GammaRay's TimerModel): one column per result
// column and measure (measures innermost, as the grid export has them), one row per result row that
// is not inside a collapsed group. Nothing is created per cell: data() looks the value up in the
// PivotResult (a binary search over its non-empty cells) when the view asks for a visible cell, so
// a pivot of any size costs the view only what is on screen. Numbers stay numbers (ValueRole, also
// the display role); PivotFormatProxy makes them text.
//
// It owns the two header models, rebuilt with it, and the collapsed row groups (kept across
// results by their labels, so a layout change does not expand what the user collapsed). Groups can
// be collapsed only when the pivot has subtotals: a collapsed group shows as its subtotal row.
class PivotTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        ValueRole = Qt::UserRole + 1, // double; invalid for an empty cell
        SortRole = ValueRole,
        CountRole,        // qint64: the facts behind the value (n)
        MeasureRole,      // int: the measure's index in the spec
        TotalRole,        // bool: a subtotal or total (row or column)
        RowTotalRole,     // bool
        ColumnTotalRole,  // bool
        ResultRowRole,    // int: the row in the PivotResult
        ResultColumnRole, // int: the column in the PivotResult
    };

    explicit PivotTableModel(QObject *parent = nullptr);
    ~PivotTableModel() override;

    void setResult(std::shared_ptr<const PivotResult> result);
    std::shared_ptr<const PivotResult> result() const { return m_result; }

    PivotHeaderModel *rowHeaderModel() const { return m_rowHeader; }
    PivotHeaderModel *columnHeaderModel() const { return m_columnHeader; }

    int resultRow(int row) const;
    int resultColumn(int column) const;
    int measureAt(int column) const;

    // The smallest and largest value of a measure over the cells that are not totals (the heat
    // map's scale); std::nullopt when there is none.
    std::optional<std::pair<double, double>> detailRange(int measure) const;

    // Row groups: (row, level) names the group whose label is at that level in that row.
    bool canCollapse() const;
    bool isGroupCollapsed(int row, int level) const;
    void setGroupCollapsed(int row, int level, bool collapsed);
    void expandAll();
    void collapseAll(int level); // every group of that level
    QSet<QString> collapsedGroups() const { return m_collapsed; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void collapsedGroupsChanged();

private:
    static QString groupKey(const PivotHeader &header, int level);
    void rebuild(); // the visible rows and the header models; call inside a reset

    std::shared_ptr<const PivotResult> m_result;
    std::vector<int> m_rows;        // result row of each visible row
    std::vector<int> m_collapsedAt; // per visible row: the level of the collapsed group it stands for, or -1
    int m_measures = 1;
    QSet<QString> m_collapsed;
    std::vector<std::optional<std::pair<double, double>>> m_ranges;
    PivotHeaderModel *m_rowHeader;
    PivotHeaderModel *m_columnHeader;
};

} // namespace ql

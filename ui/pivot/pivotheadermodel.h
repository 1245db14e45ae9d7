// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/pivotresult.h"

#include <QAbstractTableModel>
#include <QRect>
#include <QStringList>

#include <memory>
#include <vector>

namespace ql {

// The nested headers of one axis of a pivot table, as a small grid of labels with spans (style.md:
// a QHeaderView subclass paints it, so the table stays a plain QTableView). Sections are the
// table's rows (vertical) or columns (horizontal); levels are the axis's dimensions, plus a level
// naming the measures on the horizontal axis when there are several (or no column dimension).
//
// As a model: vertically, rows are sections and columns are levels; horizontally, rows are levels
// and columns are sections, so it lines up with the table either way. SpanRole gives the rectangle
// (in those model coordinates) of the span a cell belongs to: a team's label spans its agents; a
// subtotal's "Total" spans the levels below its own; span() answers for the span's first cell.
class PivotHeaderModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        SpanRole = Qt::UserRole + 1, // QRect in model coordinates
        TotalRole,                   // bool: the label of a total (drawn bold)
        GroupRole,                   // bool: a row group that can be collapsed or expanded
        CollapsedRole,               // bool: a collapsed row group (its subtotal stands for it)
        LabelRole,                   // the member as the pivot has it ("(total)" for totals)
    };

    // What one cell of the grid is.
    struct Cell
    {
        enum class Kind { Member, Total, Measure, Collapsed };
        Kind kind = Kind::Member;
        QString text;
        QString label;
        int firstSection = 0;
        int lastSection = 0;
        int firstLevel = 0;
        int lastLevel = 0;
        bool total = false;
        bool group = false;
        bool collapsed = false;
    };

    explicit PivotHeaderModel(Qt::Orientation orientation, QObject *parent = nullptr);

    Qt::Orientation orientation() const { return m_orientation; }
    int sectionCount() const { return int(m_headers.size()); }
    int levelCount() const { return m_levels; }
    int dimensionCount() const { return m_dimensions; }
    Cell cell(int section, int level) const;
    // The level names for the corner: dimension titles (and "Values" for the measure level).
    QStringList levelTitles() const { return m_levelTitles; }

    // Sections: one header per section, the measure of each section (horizontal; -1 vertically),
    // the level at which a section stands for a collapsed group (-1 when none). The owner resets
    // this model around it (PivotTableModel does, inside its own reset).
    struct Input
    {
        std::shared_ptr<const PivotResult> result;
        std::vector<int> items;       // result row or column per section
        std::vector<int> measures;    // per section (horizontal)
        std::vector<int> collapsedAt; // per section (vertical)
        bool groupsCollapsible = false;
    };
    void beginRebuild() { beginResetModel(); }
    void rebuild(Input input);
    void endRebuild() { endResetModel(); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QSize span(const QModelIndex &index) const override;

private:
    const PivotHeader &header(int section) const;
    bool isMember(int section, int level) const;
    bool sameGroup(int a, int b, int level) const;

    const Qt::Orientation m_orientation;
    Input m_input;
    std::vector<const PivotHeader *> m_headers;
    int m_dimensions = 0;
    int m_levels = 0;
    bool m_measureLevel = false;
    QStringList m_measureTitles;
    QStringList m_levelTitles;
    std::vector<std::vector<int>> m_runStart; // per dimension level, per section
    std::vector<std::vector<int>> m_runEnd;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivottablemodel.h"

#include "pivotheadermodel.h"

#include <algorithm>
#include <cmath>

namespace ql {

PivotTableModel::PivotTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_rowHeader(new PivotHeaderModel(Qt::Vertical, this)),
      m_columnHeader(new PivotHeaderModel(Qt::Horizontal, this))
{
}

PivotTableModel::~PivotTableModel() = default;

QString PivotTableModel::groupKey(const PivotHeader &header, int level)
{
    QString key = QString::number(level);
    for (int j = 0; j <= level && j < header.labels.size(); ++j)
        key += QChar(0x1f) + header.labels.at(j);
    return key;
}

void PivotTableModel::setResult(std::shared_ptr<const PivotResult> result)
{
    beginResetModel();
    m_result = std::move(result);
    m_measures = m_result ? std::max(1, m_result->measureCount()) : 1;
    m_ranges.assign(std::size_t(m_result ? m_result->measureCount() : 0), std::nullopt);
    if (m_result) {
        const int rowDims = int(m_result->rowDimensions().size());
        const int colDims = int(m_result->columnDimensions().size());
        for (int k = 0; k < m_result->cellCount(); ++k) {
            const PivotResult::Cell &c = m_result->cell(k);
            if (m_result->row(c.row).isTotal(rowDims) || m_result->column(c.column).isTotal(colDims))
                continue;
            for (int m = 0; m < m_result->measureCount(); ++m) {
                const std::optional<PivotValue> &v = m_result->cellValue(k, m);
                if (!v || !std::isfinite(v->value))
                    continue;
                auto &range = m_ranges[std::size_t(m)];
                range = range ? std::pair{std::min(range->first, v->value), std::max(range->second, v->value)}
                              : std::pair{v->value, v->value};
            }
        }
    }
    rebuild();
    endResetModel();
}

void PivotTableModel::rebuild()
{
    m_rows.clear();
    m_collapsedAt.clear();
    PivotHeaderModel::Input rowInput, columnInput;
    rowInput.result = columnInput.result = m_result;
    if (m_result) {
        const int rowDims = int(m_result->rowDimensions().size());
        const bool collapsible = canCollapse();
        for (int r = 0; r < m_result->rowCount(); ++r) {
            const PivotHeader &h = m_result->row(r);
            int collapsedAt = -1;
            bool hidden = false;
            if (collapsible && !m_collapsed.isEmpty()) {
                // The outermost collapsed group this row belongs to: its subtotal stands for it.
                for (int k = 0; k < rowDims - 1 && k < h.level; ++k) {
                    if (!m_collapsed.contains(groupKey(h, k)))
                        continue;
                    if (h.level > k + 1)
                        hidden = true;
                    else
                        collapsedAt = k;
                    break;
                }
            }
            if (hidden)
                continue;
            m_rows.push_back(r);
            m_collapsedAt.push_back(collapsedAt);
        }
        for (int c = 0; c < m_result->columnCount(); ++c)
            for (int m = 0; m < m_measures; ++m) {
                columnInput.items.push_back(c);
                columnInput.measures.push_back(m);
            }
        rowInput.items = m_rows;
        rowInput.collapsedAt = m_collapsedAt;
        rowInput.groupsCollapsible = collapsible;
    }
    m_rowHeader->beginRebuild();
    m_rowHeader->rebuild(std::move(rowInput));
    m_rowHeader->endRebuild();
    m_columnHeader->beginRebuild();
    m_columnHeader->rebuild(std::move(columnInput));
    m_columnHeader->endRebuild();
}

int PivotTableModel::resultRow(int row) const
{
    return row >= 0 && std::size_t(row) < m_rows.size() ? m_rows[std::size_t(row)] : -1;
}

int PivotTableModel::resultColumn(int column) const
{
    return column >= 0 && column < columnCount() ? column / m_measures : -1;
}

int PivotTableModel::measureAt(int column) const
{
    return column >= 0 && column < columnCount() ? column % m_measures : -1;
}

std::optional<std::pair<double, double>> PivotTableModel::detailRange(int measure) const
{
    return measure >= 0 && std::size_t(measure) < m_ranges.size() ? m_ranges[std::size_t(measure)] : std::nullopt;
}

bool PivotTableModel::canCollapse() const
{
    return m_result && m_result->rowDimensions().size() >= 2 && m_result->spec().totals.subtotals;
}

bool PivotTableModel::isGroupCollapsed(int row, int level) const
{
    const int r = resultRow(row);
    if (r < 0)
        return false;
    const PivotHeader &h = m_result->row(r);
    return level < h.level && m_collapsed.contains(groupKey(h, level));
}

void PivotTableModel::setGroupCollapsed(int row, int level, bool collapsed)
{
    const int r = resultRow(row);
    if (r < 0 || !canCollapse() || level < 0 || level >= int(m_result->rowDimensions().size()) - 1)
        return;
    const PivotHeader &h = m_result->row(r);
    if (level >= h.level)
        return;
    const QString key = groupKey(h, level);
    if (m_collapsed.contains(key) == collapsed)
        return;
    beginResetModel();
    if (collapsed)
        m_collapsed.insert(key);
    else
        m_collapsed.remove(key);
    rebuild();
    endResetModel();
    Q_EMIT collapsedGroupsChanged();
}

void PivotTableModel::expandAll()
{
    if (m_collapsed.isEmpty())
        return;
    beginResetModel();
    m_collapsed.clear();
    rebuild();
    endResetModel();
    Q_EMIT collapsedGroupsChanged();
}

void PivotTableModel::collapseAll(int level)
{
    if (!canCollapse() || level < 0 || level >= int(m_result->rowDimensions().size()) - 1)
        return;
    beginResetModel();
    for (const PivotHeader &h : m_result->rows())
        if (level < h.level)
            m_collapsed.insert(groupKey(h, level));
    rebuild();
    endResetModel();
    Q_EMIT collapsedGroupsChanged();
}

int PivotTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_result ? 0 : int(m_rows.size());
}

int PivotTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_result ? 0 : m_result->columnCount() * m_measures;
}

QVariant PivotTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int r = m_rows[std::size_t(index.row())];
    const int c = index.column() / m_measures;
    const int m = index.column() % m_measures;
    switch (role) {
    case Qt::DisplayRole:
    case ValueRole:
    case CountRole: {
        const std::optional<PivotValue> v = m_result->value(r, c, m);
        if (!v)
            return {};
        return role == CountRole ? QVariant(v->n) : QVariant(v->value);
    }
    case MeasureRole:
        return m;
    case ResultRowRole:
        return r;
    case ResultColumnRole:
        return c;
    case RowTotalRole:
        return m_result->row(r).isTotal(int(m_result->rowDimensions().size()));
    case ColumnTotalRole:
        return m_result->column(c).isTotal(int(m_result->columnDimensions().size()));
    case TotalRole:
        return m_result->row(r).isTotal(int(m_result->rowDimensions().size())) ||
               m_result->column(c).isTotal(int(m_result->columnDimensions().size()));
    default:
        return {};
    }
}

QVariant PivotTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || !m_result)
        return QAbstractTableModel::headerData(section, orientation, role);
    const PivotHeaderModel *h = orientation == Qt::Vertical ? m_rowHeader : m_columnHeader;
    if (section < 0 || section >= h->sectionCount())
        return {};
    // All levels in one line, for whatever reads a plain header (accessibility, a plain copy).
    QStringList parts;
    for (int level = 0; level < h->levelCount(); ++level) {
        const PivotHeaderModel::Cell c = h->cell(section, level);
        if (c.firstLevel == level && !c.text.isEmpty())
            parts << c.text;
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace ql

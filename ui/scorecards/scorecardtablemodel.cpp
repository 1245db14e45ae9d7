// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorecardtablemodel.h"

#include <QApplication>
#include <QPalette>

namespace ql {

ScorecardTableModel::ScorecardTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ScorecardTableModel::setHeaders(const QStringList &headers)
{
    beginResetModel();
    m_headers = headers;
    m_rows.clear();
    endResetModel();
}

void ScorecardTableModel::setRows(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int ScorecardTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScorecardTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant ScorecardTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == IdRole)
        return r.id;
    if (role == AgentRole)
        return r.agentKey.isEmpty() ? QVariant() : QVariant(r.agentKey);
    if (role == AgentNameRole)
        return r.agentName.isEmpty() ? QVariant() : QVariant(r.agentName);
    if (role == TagsRole)
        return r.tags.join(QLatin1Char(' '));
    if (index.column() >= r.cells.size())
        return {};
    const Cell &c = r.cells.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return c.text;
    case SortRole:
        return c.value.isValid() ? c.value : QVariant(c.text);
    case Qt::ToolTipRole:
        return c.toolTip.isEmpty() ? QVariant() : QVariant(c.toolTip);
    case Qt::TextAlignmentRole:
        return c.number ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ForegroundRole:
        if (c.muted)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    default:
        return {};
    }
}

QVariant ScorecardTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_headers.size())
        return m_headers.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

ScorecardTableModel::Cell ScorecardTableModel::text(const QString &text, bool muted)
{
    Cell c;
    c.text = text;
    c.muted = muted;
    return c;
}

ScorecardTableModel::Cell ScorecardTableModel::number(const QString &text, const QVariant &value, bool muted,
                                                      const QString &toolTip)
{
    Cell c;
    c.text = text;
    c.value = value;
    c.muted = muted;
    c.toolTip = toolTip;
    c.number = true;
    return c;
}

} // namespace ql

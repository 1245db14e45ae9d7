// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotheadermodel.h"

#include "pivotfields.h"

#include <QFont>

namespace ql {

PivotHeaderModel::PivotHeaderModel(Qt::Orientation orientation, QObject *parent)
    : QAbstractTableModel(parent), m_orientation(orientation)
{
}

const PivotHeader &PivotHeaderModel::header(int section) const
{
    return *m_headers[std::size_t(section)];
}

void PivotHeaderModel::rebuild(Input input)
{
    m_input = std::move(input);
    m_headers.clear();
    m_runStart.clear();
    m_runEnd.clear();
    m_measureTitles.clear();
    m_levelTitles.clear();
    m_dimensions = 0;
    m_levels = 0;
    m_measureLevel = false;
    const PivotResult *result = m_input.result.get();
    if (!result)
        return;
    const bool vertical = m_orientation == Qt::Vertical;
    const QStringList &dims = vertical ? result->rowDimensions() : result->columnDimensions();
    m_dimensions = int(dims.size());
    for (const QString &d : dims)
        m_levelTitles << PivotFields::dimensionTitle(d);
    if (vertical) {
        m_levels = std::max(1, m_dimensions);
        if (m_dimensions == 0)
            m_levelTitles << QString();
    } else {
        m_measureLevel = result->measureCount() > 1 || m_dimensions == 0;
        m_levels = m_dimensions + (m_measureLevel ? 1 : 0);
        if (m_measureLevel)
            m_levelTitles << tr("Values");
        for (const QString &m : result->measures())
            m_measureTitles << PivotFields::chipTitle(m, true, result->spec().showAsOf(m));
    }
    const auto &headers = vertical ? result->rows() : result->columns();
    m_headers.reserve(m_input.items.size());
    for (int item : m_input.items)
        m_headers.push_back(&headers.at(item));
    if (m_input.measures.size() < m_headers.size())
        m_input.measures.resize(m_headers.size(), -1);
    if (m_input.collapsedAt.size() < m_headers.size())
        m_input.collapsedAt.resize(m_headers.size(), -1);

    // Runs of equal members per dimension level: a label spans its run.
    const int n = sectionCount();
    m_runStart.assign(std::size_t(m_dimensions), std::vector<int>(std::size_t(n)));
    m_runEnd.assign(std::size_t(m_dimensions), std::vector<int>(std::size_t(n)));
    for (int k = 0; k < m_dimensions; ++k) {
        std::vector<int> &start = m_runStart[std::size_t(k)];
        std::vector<int> &end = m_runEnd[std::size_t(k)];
        for (int s = 0; s < n; ++s)
            start[std::size_t(s)] = s > 0 && sameGroup(s - 1, s, k) ? start[std::size_t(s - 1)] : s;
        for (int s = n - 1; s >= 0; --s)
            end[std::size_t(s)] = s + 1 < n && sameGroup(s, s + 1, k) ? end[std::size_t(s + 1)] : s;
    }
}

bool PivotHeaderModel::isMember(int section, int level) const
{
    return level < header(section).level && m_input.collapsedAt[std::size_t(section)] != level;
}

bool PivotHeaderModel::sameGroup(int a, int b, int level) const
{
    if (!isMember(a, level) || !isMember(b, level))
        return false;
    const PivotHeader &x = header(a);
    const PivotHeader &y = header(b);
    if (&x == &y)
        return true;
    for (int j = 0; j <= level; ++j)
        if (x.labels.at(j) != y.labels.at(j))
            return false;
    return true;
}

PivotHeaderModel::Cell PivotHeaderModel::cell(int section, int level) const
{
    Cell c;
    c.firstSection = c.lastSection = section;
    c.firstLevel = c.lastLevel = level;
    if (section < 0 || section >= sectionCount() || level < 0 || level >= m_levels)
        return c;
    const PivotHeader &h = header(section);
    if (level >= m_dimensions) {
        if (m_orientation == Qt::Horizontal) {
            c.kind = Cell::Kind::Measure;
            const int m = m_input.measures[std::size_t(section)];
            c.text = m_measureTitles.value(m);
            c.label = m_input.result->measures().value(m);
            c.total = h.isTotal(m_dimensions);
        } else { // no row dimension: the one row holds everything
            c.kind = Cell::Kind::Total;
            c.text = tr("Total");
        }
        return c;
    }
    const int collapsedAt = m_input.collapsedAt[std::size_t(section)];
    if (collapsedAt >= 0 && collapsedAt == level) {
        c.kind = Cell::Kind::Collapsed;
        c.label = h.labels.at(level);
        c.text = PivotFields::memberTitle(c.label);
        c.lastLevel = m_dimensions - 1;
        c.total = true;
        c.group = true;
        c.collapsed = true;
        return c;
    }
    if (collapsedAt >= 0 && level > collapsedAt) {
        Cell owner = cell(section, collapsedAt);
        return owner;
    }
    if (level < h.level) {
        c.kind = Cell::Kind::Member;
        c.label = h.labels.at(level);
        c.text = PivotFields::memberTitle(c.label);
        c.firstSection = m_runStart[std::size_t(level)][std::size_t(section)];
        c.lastSection = m_runEnd[std::size_t(level)][std::size_t(section)];
        c.group = m_orientation == Qt::Vertical && m_input.groupsCollapsible && level < m_dimensions - 1;
        return c;
    }
    // A total: its label sits at its own level and spans the levels below it, and the sections
    // of its own row or column (a total column's measures).
    c.kind = Cell::Kind::Total;
    while (c.firstSection > 0 && m_headers[std::size_t(c.firstSection - 1)] == &h)
        --c.firstSection;
    while (c.lastSection + 1 < sectionCount() && m_headers[std::size_t(c.lastSection + 1)] == &h)
        ++c.lastSection;
    c.label = QStringLiteral("(total)");
    c.text = h.level == 0 && m_dimensions > 0 ? tr("Grand total") : tr("Total");
    c.firstLevel = h.level;
    c.lastLevel = m_dimensions - 1;
    c.total = true;
    return c;
}

int PivotHeaderModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_orientation == Qt::Vertical ? sectionCount() : (sectionCount() > 0 ? m_levels : 0);
}

int PivotHeaderModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_orientation == Qt::Vertical ? (sectionCount() > 0 ? m_levels : 0) : sectionCount();
}

QVariant PivotHeaderModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool vertical = m_orientation == Qt::Vertical;
    const Cell c = cell(vertical ? index.row() : index.column(), vertical ? index.column() : index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return c.text;
    case LabelRole:
        return c.label;
    case SpanRole:
        return vertical ? QRect(QPoint(c.firstLevel, c.firstSection), QPoint(c.lastLevel, c.lastSection))
                        : QRect(QPoint(c.firstSection, c.firstLevel), QPoint(c.lastSection, c.lastLevel));
    case TotalRole:
        return c.total;
    case GroupRole:
        return c.group;
    case CollapsedRole:
        return c.collapsed;
    case Qt::FontRole:
        if (c.total) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QSize PivotHeaderModel::span(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QSize(1, 1);
    const QRect r = index.data(SpanRole).toRect();
    if (r.topLeft() != QPoint(index.column(), index.row()))
        return QSize(1, 1);
    return QSize(r.width(), r.height());
}

} // namespace ql

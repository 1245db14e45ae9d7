// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotheaderview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QSet>
#include <QStyleOptionHeader>
#include <QToolTip>

#include <algorithm>

namespace ql {

namespace {
constexpr int Padding = 6;
constexpr int ArrowSize = 12;
constexpr int MaxLevelWidth = 280;
constexpr int MeasuredSections = 20000; // beyond this, labels are measured on a sample
} // namespace

PivotHeaderView::PivotHeaderView(Qt::Orientation orientation, QWidget *parent) : QHeaderView(orientation, parent)
{
    setHighlightSections(false);
    setSectionsClickable(true);
    setDefaultAlignment(Qt::AlignCenter);
    if (orientation == Qt::Vertical) {
        setSectionResizeMode(QHeaderView::Fixed);
        setDefaultSectionSize(fontMetrics().height() + 8);
    } else {
        setSectionResizeMode(QHeaderView::Interactive);
        setStretchLastSection(false);
        setMinimumSectionSize(40);
    }
}

void PivotHeaderView::setHeaderModel(PivotHeaderModel *model)
{
    m_header = model;
    updateLevels();
}

int PivotHeaderView::levelHeight() const
{
    return fontMetrics().height() + 10;
}

int PivotHeaderView::levelOffset(int level) const
{
    int x = 0;
    for (int l = 0; l < level && l < m_levelWidths.size(); ++l)
        x += m_levelWidths.at(l);
    return x;
}

void PivotHeaderView::updateLevels()
{
    m_levelWidths.clear();
    if (orientation() == Qt::Vertical && m_header) {
        const int levels = m_header->levelCount();
        const int sections = m_header->sectionCount();
        QFont boldFont = font();
        boldFont.setBold(true);
        const QFontMetrics plain(font());
        const QFontMetrics bold(boldFont);
        const int step = std::max(1, sections / MeasuredSections);
        const QStringList titles = m_header->levelTitles();
        for (int level = 0; level < levels; ++level) {
            // At least the level's title, which the corner shows above it.
            int width = bold.horizontalAdvance(titles.value(level)) + 2 * Padding;
            QSet<QString> seen;
            for (int s = 0; s < sections; s += step) {
                const PivotHeaderModel::Cell c = m_header->cell(s, level);
                if (c.firstLevel != level || seen.contains(c.text))
                    continue;
                seen.insert(c.text);
                // A label spanning several levels needs only what is left after the first.
                int w = (c.total ? bold : plain).horizontalAdvance(c.text) + 2 * Padding;
                if (c.group)
                    w += ArrowSize + 4;
                if (c.lastLevel > c.firstLevel)
                    w = std::max(0, w - (c.lastLevel - c.firstLevel) * 40);
                width = std::max(width, w);
            }
            m_levelWidths << std::min(width, MaxLevelWidth);
        }
    }
    updateGeometry();
    viewport()->update();
}

QSize PivotHeaderView::sizeHint() const
{
    QSize size = QHeaderView::sizeHint();
    const int levels = m_header ? std::max(1, m_header->levelCount()) : 1;
    if (orientation() == Qt::Vertical) {
        int width = 0;
        for (int w : m_levelWidths)
            width += w;
        size.setWidth(std::max(width, 40));
    } else {
        size.setHeight(levels * levelHeight());
    }
    return size;
}

QSize PivotHeaderView::sectionSizeFromContents(int logicalIndex) const
{
    QSize size = QHeaderView::sectionSizeFromContents(logicalIndex);
    if (orientation() == Qt::Vertical)
        size.setWidth(sizeHint().width());
    else
        size.setHeight(sizeHint().height());
    return size;
}

QRect PivotHeaderView::spanRect(const PivotHeaderModel::Cell &cell) const
{
    const int first = sectionViewportPosition(cell.firstSection);
    const int last = sectionViewportPosition(cell.lastSection) + sectionSize(cell.lastSection);
    const int levels = m_header ? m_header->levelCount() : 1;
    if (orientation() == Qt::Horizontal) {
        const int lh = levelHeight();
        const int top = cell.firstLevel * lh;
        const int bottom = cell.lastLevel >= levels - 1 ? std::max(height(), levels * lh) : (cell.lastLevel + 1) * lh;
        return QRect(QPoint(first, top), QPoint(last - 1, bottom - 1));
    }
    const int left = levelOffset(cell.firstLevel);
    const int right =
        cell.lastLevel >= levels - 1 ? std::max(width(), levelOffset(levels)) : levelOffset(cell.lastLevel + 1);
    return QRect(QPoint(left, first), QPoint(right - 1, last - 1));
}

QRect PivotHeaderView::arrowRect(const PivotHeaderModel::Cell &cell) const
{
    if (!cell.group || orientation() != Qt::Vertical)
        return {};
    const QRect span = spanRect(cell);
    const int top = std::max(span.top(), 0);
    const int rowHeight = defaultSectionSize();
    return QRect(span.left() + 4, top + (rowHeight - ArrowSize) / 2, ArrowSize, ArrowSize);
}

PivotHeaderView::Hit PivotHeaderView::hitTest(const QPoint &pos) const
{
    Hit hit;
    if (!m_header)
        return hit;
    const bool vertical = orientation() == Qt::Vertical;
    hit.section = logicalIndexAt(vertical ? pos.y() : pos.x());
    if (hit.section < 0 || hit.section >= m_header->sectionCount())
        return Hit{};
    const int levels = m_header->levelCount();
    if (vertical) {
        hit.level = levels - 1;
        for (int l = 0; l < levels; ++l)
            if (pos.x() < levelOffset(l + 1)) {
                hit.level = l;
                break;
            }
    } else {
        hit.level = std::clamp(pos.y() / std::max(1, levelHeight()), 0, levels - 1);
    }
    const PivotHeaderModel::Cell c = m_header->cell(hit.section, hit.level);
    hit.level = c.firstLevel;
    hit.onArrow = arrowRect(c).adjusted(-3, -3, 3, 3).contains(pos);
    return hit;
}

void PivotHeaderView::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    if (!m_header || logicalIndex >= m_header->sectionCount()) {
        QHeaderView::paintSection(painter, rect, logicalIndex);
        return;
    }
    const bool vertical = orientation() == Qt::Vertical;
    const QRect visibleArea = viewport()->rect();
    QFont boldFont = font();
    boldFont.setBold(true);
    for (int level = 0; level < m_header->levelCount(); ++level) {
        const PivotHeaderModel::Cell c = m_header->cell(logicalIndex, level);
        if (c.firstLevel != level)
            continue; // painted with the level where its span starts
        const QRect span = spanRect(c);
        const QRect piece = vertical ? QRect(span.left(), rect.top(), span.width(), rect.height())
                                     : QRect(rect.left(), span.top(), rect.width(), span.height());
        painter->save();
        painter->setClipRect(piece);
        QStyleOptionHeader opt;
        initStyleOption(&opt);
        opt.rect = span;
        opt.section = logicalIndex;
        opt.position = QStyleOptionHeader::Middle;
        opt.state &= ~(QStyle::State_Sunken | QStyle::State_On);
        opt.text.clear();
        style()->drawControl(QStyle::CE_HeaderSection, &opt, painter, this);

        // The label keeps to the part of its span that is in view.
        QRect label = span;
        if (vertical) {
            label.setTop(std::max(span.top(), visibleArea.top()));
            label.setHeight(std::min(defaultSectionSize(), span.height()));
        } else {
            label.setLeft(std::max(span.left(), visibleArea.left()));
            label.setRight(std::min(span.right(), visibleArea.right()));
        }
        label.adjust(Padding, 0, -Padding, 0);
        if (c.group) {
            QStyleOption arrow;
            arrow.initFrom(this);
            arrow.rect = arrowRect(c);
            style()->drawPrimitive(c.collapsed ? QStyle::PE_IndicatorArrowRight : QStyle::PE_IndicatorArrowDown, &arrow,
                                   painter, this);
            label.setLeft(arrow.rect.right() + 4);
        }
        painter->setFont(c.total ? boldFont : font());
        painter->setPen(palette().color(QPalette::ButtonText));
        const Qt::Alignment align = vertical ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignCenter;
        painter->drawText(label, int(align), painter->fontMetrics().elidedText(c.text, Qt::ElideRight, label.width()));
        painter->restore();
    }
}

bool PivotHeaderView::nearSectionEdge(const QPoint &pos) const
{
    if (orientation() != Qt::Horizontal)
        return false;
    const int s = logicalIndexAt(pos.x());
    if (s < 0)
        return false;
    const int left = sectionViewportPosition(s);
    const int right = left + sectionSize(s);
    return (s > 0 && pos.x() - left <= 3) || right - pos.x() <= 3;
}

void PivotHeaderView::mousePressEvent(QMouseEvent *event)
{
    m_baseHandlesMouse = !m_header || nearSectionEdge(event->position().toPoint()) || event->button() != Qt::LeftButton;
    if (m_baseHandlesMouse) {
        QHeaderView::mousePressEvent(event);
        return;
    }
    const Hit hit = hitTest(event->position().toPoint());
    if (hit.section < 0) {
        QHeaderView::mousePressEvent(event);
        return;
    }
    event->accept();
    const PivotHeaderModel::Cell c = m_header->cell(hit.section, hit.level);
    if (hit.onArrow) {
        Q_EMIT groupToggled(hit.section, hit.level);
        return;
    }
    Q_EMIT spanClicked(c.firstSection, c.lastSection, event->modifiers());
}

void PivotHeaderView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_baseHandlesMouse || event->buttons() == Qt::NoButton)
        QHeaderView::mouseMoveEvent(event);
}

void PivotHeaderView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_baseHandlesMouse)
        QHeaderView::mouseReleaseEvent(event);
    m_baseHandlesMouse = false;
}

bool PivotHeaderView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_header) {
        auto *help = static_cast<QHelpEvent *>(event);
        const Hit hit = hitTest(help->pos());
        if (hit.section >= 0) {
            const PivotHeaderModel::Cell c = m_header->cell(hit.section, hit.level);
            QString tip = c.text;
            if (c.group)
                tip += QLatin1Char('\n') +
                       (c.collapsed ? tr("Click the arrow to expand") : tr("Click the arrow to collapse"));
            QToolTip::showText(help->globalPos(), tip, this);
            return true;
        }
    }
    return QHeaderView::viewportEvent(event);
}

} // namespace ql

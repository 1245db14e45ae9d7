// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotdropzone.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QCursor>
#include <QDrag>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>

namespace ql {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
} // namespace

PivotDropZone::PivotDropZone(PivotZone zone, QWidget *parent) : QListWidget(parent), m_zone(zone)
{
    setObjectName(pivotZoneName(zone) + QStringLiteral("Zone"));
    setDragEnabled(true);
    setAcceptDrops(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTextElideMode(Qt::ElideRight);
    setSpacing(1);
    connect(this, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { Q_EMIT chipActivated(m_zone, row(item)); });
}

void PivotDropZone::setChips(const QList<Chip> &chips)
{
    const int current = currentRow();
    clear();
    for (const Chip &c : chips) {
        auto *item = new QListWidgetItem(c.text, this);
        item->setData(IdRole, c.id);
        item->setToolTip(c.toolTip.isEmpty() ? c.text : c.toolTip);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    if (current >= 0 && current < count())
        setCurrentRow(current);
}

QString PivotDropZone::chipId(int index) const
{
    const QListWidgetItem *i = item(index);
    return i ? i->data(IdRole).toString() : QString();
}

QStringList PivotDropZone::mimeTypes() const
{
    return {PivotDrag::mimeType()};
}

QMimeData *PivotDropZone::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    PivotDrag drag;
    drag.field = items.first()->data(IdRole).toString();
    drag.from = m_zone;
    drag.index = row(items.first());
    return drag.toMimeData();
}

void PivotDropZone::startDrag(Qt::DropActions)
{
    // Not QAbstractItemView's: after a move it would remove the item itself; the page does that.
    QListWidgetItem *item = currentItem();
    if (!item)
        return;
    auto *drag = new QDrag(this);
    drag->setMimeData(mimeData({item}));
    const QRect rect = visualItemRect(item);
    QPixmap pixmap(rect.size() * devicePixelRatioF());
    pixmap.setDevicePixelRatio(devicePixelRatioF());
    pixmap.fill(Qt::transparent);
    viewport()->render(&pixmap, QPoint(), QRegion(rect));
    drag->setPixmap(pixmap);
    const int index = row(item);
    const Qt::DropAction action = drag->exec(Qt::MoveAction, Qt::MoveAction);
    // Dropped outside the window: the chip goes, as in a spreadsheet's pivot field list.
    if (action == Qt::IgnoreAction && !drag->target() && window() &&
        !window()->frameGeometry().contains(QCursor::pos()) && QApplication::mouseButtons() == Qt::NoButton)
        Q_EMIT removeRequested(m_zone, index);
}

bool PivotDropZone::acceptable(const QMimeData *mime) const
{
    return PivotDrag::fromMimeData(mime).has_value();
}

int PivotDropZone::dropIndexAt(const QPoint &pos) const
{
    for (int i = 0; i < count(); ++i) {
        const QRect r = visualItemRect(item(i));
        if (pos.y() < r.center().y())
            return i;
    }
    return count();
}

void PivotDropZone::dragEnterEvent(QDragEnterEvent *event)
{
    if (!acceptable(event->mimeData())) {
        event->ignore();
        return;
    }
    event->setDropAction(event->source() == this ? Qt::MoveAction : event->proposedAction());
    event->accept();
}

void PivotDropZone::dragMoveEvent(QDragMoveEvent *event)
{
    if (!acceptable(event->mimeData())) {
        event->ignore();
        return;
    }
    const int index = dropIndexAt(event->position().toPoint());
    if (index != m_dropIndex) {
        m_dropIndex = index;
        viewport()->update();
    }
    event->accept();
}

void PivotDropZone::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_dropIndex = -1;
    viewport()->update();
    QListWidget::dragLeaveEvent(event);
}

void PivotDropZone::dropEvent(QDropEvent *event)
{
    m_dropIndex = -1;
    viewport()->update();
    const auto drag = PivotDrag::fromMimeData(event->mimeData());
    if (!drag) {
        event->ignore();
        return;
    }
    event->setDropAction(drag->from ? Qt::MoveAction : Qt::CopyAction);
    event->accept();
    Q_EMIT dropped(*drag, m_zone, dropIndexAt(event->position().toPoint()));
}

void PivotDropZone::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && currentRow() >= 0) {
        Q_EMIT removeRequested(m_zone, currentRow());
        event->accept();
        return;
    }
    QListWidget::keyPressEvent(event);
}

void PivotDropZone::contextMenuEvent(QContextMenuEvent *event)
{
    QListWidgetItem *i = itemAt(event->pos());
    if (!i)
        return;
    setCurrentItem(i);
    Q_EMIT chipMenuRequested(m_zone, row(i), event->globalPos());
}

void PivotDropZone::paintEvent(QPaintEvent *event)
{
    QListWidget::paintEvent(event);
    QPainter p(viewport());
    if (count() == 0 && !m_placeholder.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect().adjusted(6, 4, -6, -4), int(Qt::AlignCenter | Qt::TextWordWrap), m_placeholder);
    }
    if (m_dropIndex >= 0) {
        int y = 2;
        if (m_dropIndex < count())
            y = visualItemRect(item(m_dropIndex)).top();
        else if (count() > 0)
            y = visualItemRect(item(count() - 1)).bottom() + 1;
        p.setPen(QPen(palette().color(QPalette::Highlight), 2));
        p.drawLine(4, y, viewport()->width() - 4, y);
    }
}

} // namespace ql

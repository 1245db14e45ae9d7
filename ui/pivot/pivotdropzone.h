// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivotdrag.h"

#include <QListWidget>

namespace ql {

// One of the four zones (Filters, Rows, Columns, Values): a list of chips that takes fields dragged
// from the field list or from another zone, and gives its own chips to drag. It never changes
// itself: it reports what was dropped where (dropped()), what should go (removeRequested(): the
// Delete key, the context menu), and the page changes the layout and fills the zones again.
class PivotDropZone final : public QListWidget
{
    Q_OBJECT
public:
    struct Chip
    {
        QString id; // dimension, "date" or measure
        QString text;
        QString toolTip;
    };

    explicit PivotDropZone(PivotZone zone, QWidget *parent = nullptr);

    PivotZone zone() const { return m_zone; }
    void setChips(const QList<Chip> &chips);
    QString chipId(int index) const;
    void setPlaceholderText(const QString &text) { m_placeholder = text; }

    // Where a drop at this viewport point would insert (0..count()).
    int dropIndexAt(const QPoint &pos) const;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;

Q_SIGNALS:
    void dropped(const ql::PivotDrag &drag, ql::PivotZone zone, int index);
    void removeRequested(ql::PivotZone zone, int index);
    void chipActivated(ql::PivotZone zone, int index); // double-click or Enter
    void chipMenuRequested(ql::PivotZone zone, int index, const QPoint &globalPos);

protected:
    void startDrag(Qt::DropActions supportedActions) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    bool acceptable(const QMimeData *mime) const;

    const PivotZone m_zone;
    QString m_placeholder;
    int m_dropIndex = -1; // the insertion line while a drag hovers
};

} // namespace ql

Q_DECLARE_METATYPE(ql::PivotDrag)

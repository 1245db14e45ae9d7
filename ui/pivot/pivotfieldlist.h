// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivotdrag.h"
#include "pivotfields.h"

#include <QStandardItemModel>
#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace ql {

// The field list's model: headings with their fields under them. Fields drag out as PivotDrag
// (copy: the field stays in the list).
class PivotFieldModel final : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, KindRole };

    using QStandardItemModel::QStandardItemModel;

    void setFields(const QList<PivotField> &fields);
    QModelIndex indexOf(const QString &id) const;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }
};

// The left column of the pivot page: a search box over the fields of the current source, grouped
// (dimensions, then measures). Fields drag into the zones; double-click adds one where it belongs
// (a dimension to Rows, a measure to Values). A chip dragged back onto the list is removed.
class PivotFieldList final : public QWidget
{
    Q_OBJECT
public:
    explicit PivotFieldList(QWidget *parent = nullptr);

    void setFields(const QList<PivotField> &fields);
    PivotFieldModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }
    QLineEdit *searchBox() const { return m_search; }
    // The view's index of a field (through the search filter), invalid when hidden or unknown.
    QModelIndex viewIndex(const QString &id) const;

Q_SIGNALS:
    void fieldActivated(const QString &id, ql::PivotField::Kind kind);
    void addRequested(const QString &id, ql::PivotZone zone);
    void chipDroppedBack(ql::PivotZone zone, int index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showMenu(const QPoint &pos);

    PivotFieldModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QTreeView *m_view;
    QList<PivotField> m_fields;
};

} // namespace ql

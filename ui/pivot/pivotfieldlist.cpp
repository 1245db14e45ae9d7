// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotfieldlist.h"

#include "common/icons.h"

#include <QDragEnterEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace ql {

namespace {
constexpr int SearchRole = Qt::UserRole + 10;
} // namespace

void PivotFieldModel::setFields(const QList<PivotField> &fields)
{
    clear();
    QStandardItem *heading = nullptr;
    QString group;
    QFont bold;
    bold.setBold(true);
    for (const PivotField &f : fields) {
        if (!heading || f.group != group) {
            group = f.group;
            heading = new QStandardItem(group);
            heading->setFont(bold);
            heading->setFlags(Qt::ItemIsEnabled);
            heading->setData(QString(), SearchRole);
            appendRow(heading);
        }
        auto *item = new QStandardItem(f.title);
        item->setData(f.id, IdRole);
        item->setData(int(f.kind), KindRole);
        item->setData(f.title + QLatin1Char(' ') + f.id, SearchRole);
        QString tip = f.kind == PivotField::Kind::Measure
                          ? tr("%1 (%2): drag to Values, or double-click").arg(f.title, f.id)
                          : tr("%1: drag to Rows, Columns or Filters, or double-click").arg(f.title);
        if (!f.description.isEmpty())
            tip += QLatin1Char('\n') + f.description;
        item->setToolTip(tip);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        heading->appendRow(item);
    }
}

QModelIndex PivotFieldModel::indexOf(const QString &id) const
{
    for (int g = 0; g < rowCount(); ++g) {
        const QModelIndex heading = index(g, 0);
        for (int r = 0; r < rowCount(heading); ++r) {
            const QModelIndex i = index(r, 0, heading);
            if (i.data(IdRole).toString() == id)
                return i;
        }
    }
    return {};
}

QStringList PivotFieldModel::mimeTypes() const
{
    return {PivotDrag::mimeType()};
}

QMimeData *PivotFieldModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &i : indexes) {
        const QString id = i.data(IdRole).toString();
        if (!id.isEmpty())
            return PivotDrag{id, std::nullopt, -1}.toMimeData();
    }
    return nullptr;
}

PivotFieldList::PivotFieldList(QWidget *parent)
    : QWidget(parent), m_model(new PivotFieldModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_search(new QLineEdit(this)), m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("pivotFieldList"));
    m_search->setObjectName(QStringLiteral("fieldSearch"));
    m_search->setPlaceholderText(tr("Search fields…"));
    m_search->setAccessibleName(tr("Search fields"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Icons::themed(QStringLiteral("edit-find")), QLineEdit::LeadingPosition);

    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterRole(SearchRole);

    m_view->setObjectName(QStringLiteral("fieldTree"));
    m_view->setAccessibleName(tr("Fields"));
    m_view->setModel(m_proxy);
    m_view->setHeaderHidden(true);
    m_view->setRootIsDecorated(true);
    m_view->setUniformRowHeights(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setDefaultDropAction(Qt::CopyAction);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    // Chips dragged back onto the list are removed; the view's own drop handling never runs.
    m_view->setAcceptDrops(true);
    m_view->viewport()->setAcceptDrops(true);
    m_view->viewport()->installEventFilter(this);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        m_view->expandAll();
    });
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString id = index.data(PivotFieldModel::IdRole).toString();
        if (!id.isEmpty())
            Q_EMIT fieldActivated(id, PivotField::Kind(index.data(PivotFieldModel::KindRole).toInt()));
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &PivotFieldList::showMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
}

void PivotFieldList::setFields(const QList<PivotField> &fields)
{
    if (fields.size() == m_fields.size()) {
        bool same = true;
        for (int i = 0; i < fields.size() && same; ++i)
            same = fields.at(i).id == m_fields.at(i).id && fields.at(i).group == m_fields.at(i).group;
        if (same)
            return;
    }
    m_fields = fields;
    m_model->setFields(fields);
    m_view->expandAll();
    // The long lists of statistics start folded: the search box finds them.
    for (int g = 0; g < m_proxy->rowCount(); ++g) {
        const QModelIndex heading = m_proxy->index(g, 0);
        const QModelIndex first = m_proxy->index(0, 0, heading);
        const auto kind = PivotField::Kind(first.data(PivotFieldModel::KindRole).toInt());
        if (kind == PivotField::Kind::Measure && m_proxy->rowCount(heading) >= 8)
            m_view->collapse(heading);
    }
}

QModelIndex PivotFieldList::viewIndex(const QString &id) const
{
    return m_proxy->mapFromSource(m_model->indexOf(id));
}

void PivotFieldList::showMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    const QString id = index.data(PivotFieldModel::IdRole).toString();
    if (id.isEmpty())
        return;
    const auto kind = PivotField::Kind(index.data(PivotFieldModel::KindRole).toInt());
    QMenu menu(this);
    auto add = [&](const QString &text, PivotZone zone) {
        connect(menu.addAction(text), &QAction::triggered, this, [this, id, zone] { Q_EMIT addRequested(id, zone); });
    };
    if (kind == PivotField::Kind::Measure) {
        add(tr("Add to Values"), PivotZone::Values);
    } else {
        add(tr("Add to Rows"), PivotZone::Rows);
        add(tr("Add to Columns"), PivotZone::Columns);
        add(tr("Add to Filters"), PivotZone::Filters);
        if (kind == PivotField::Kind::Dimension)
            add(tr("Count distinct values"), PivotZone::Values);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

bool PivotFieldList::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport())
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *e = static_cast<QDragMoveEvent *>(event);
        const auto drag = PivotDrag::fromMimeData(e->mimeData());
        if (drag && drag->from) {
            e->setDropAction(Qt::MoveAction);
            e->accept();
        } else {
            e->ignore();
        }
        return true;
    }
    case QEvent::Drop: {
        auto *e = static_cast<QDropEvent *>(event);
        const auto drag = PivotDrag::fromMimeData(e->mimeData());
        if (drag && drag->from) {
            e->setDropAction(Qt::MoveAction);
            e->accept();
            Q_EMIT chipDroppedBack(*drag->from, drag->index);
        } else {
            e->ignore();
        }
        return true;
    }
    case QEvent::DragLeave:
        return true;
    default:
        return false;
    }
}

} // namespace ql

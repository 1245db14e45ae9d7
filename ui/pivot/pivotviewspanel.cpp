// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotviewspanel.h"

#include "common/icons.h"

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ql {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
} // namespace

PivotViewsPanel::PivotViewsPanel(QWidget *parent)
    : QWidget(parent), m_list(new QListWidget(this)),
      m_save(new QPushButton(Icons::themed(QStringLiteral("document-save-as"), QStringLiteral("document-save")),
                             tr("Save View…"), this)),
      m_rename(new QPushButton(tr("Rename…"), this)),
      m_delete(new QPushButton(Icons::themed(QStringLiteral("edit-delete")), tr("Delete"), this))
{
    setObjectName(QStringLiteral("pivotViews"));
    auto *title = new QLabel(tr("<b>Saved views</b>"), this);
    m_list->setObjectName(QStringLiteral("viewList"));
    m_list->setAccessibleName(tr("Saved views"));
    m_list->setToolTip(tr("Double-click a view to open it"));
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setUniformItemSizes(true);
    m_save->setObjectName(QStringLiteral("saveView"));
    m_save->setToolTip(tr("Save the current layout in the project, under a name"));
    m_rename->setObjectName(QStringLiteral("renameView"));
    m_delete->setObjectName(QStringLiteral("deleteView"));
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { Q_EMIT openRequested(item->data(IdRole).toLongLong()); });
    connect(m_list, &QListWidget::currentRowChanged, this, &PivotViewsPanel::updateButtons);
    connect(m_save, &QPushButton::clicked, this, &PivotViewsPanel::saveRequested);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        if (selectedView() >= 0)
            Q_EMIT renameRequested(selectedView());
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (selectedView() >= 0)
            Q_EMIT deleteRequested(selectedView());
    });
    auto *buttons = new QGridLayout;
    buttons->addWidget(m_save, 0, 0, 1, 2);
    buttons->addWidget(m_rename, 1, 0);
    buttons->addWidget(m_delete, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    updateButtons();
}

void PivotViewsPanel::setViews(const QList<SavedView> &views)
{
    const qint64 selected = selectedView();
    m_list->clear();
    for (const SavedView &v : views) {
        auto *item = new QListWidgetItem(v.name, m_list);
        item->setData(IdRole, v.id);
        item->setToolTip(tr("%1\nSaved %2").arg(v.name, v.updatedAt));
        if (v.id == selected)
            m_list->setCurrentItem(item);
    }
    setCurrentView(m_current);
    updateButtons();
}

void PivotViewsPanel::setWritable(bool writable)
{
    m_writable = writable;
    m_save->setToolTip(writable ? tr("Save the current layout in the project, under a name")
                                : tr("The project is open read-only"));
    updateButtons();
}

void PivotViewsPanel::setCurrentView(qint64 id)
{
    m_current = id;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        QFont f = item->font();
        f.setBold(item->data(IdRole).toLongLong() == id);
        item->setFont(f);
    }
}

qint64 PivotViewsPanel::selectedView() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(IdRole).toLongLong() : -1;
}

void PivotViewsPanel::updateButtons()
{
    const bool selected = m_list->currentItem() != nullptr;
    m_save->setEnabled(m_writable);
    m_rename->setEnabled(m_writable && selected);
    m_delete->setEnabled(m_writable && selected);
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/savedviewstore.h"

#include <QWidget>

class QListWidget;
class QPushButton;

namespace ql {

// The saved views of the pivot page, in a side list: open one (double-click or Enter), save the
// current layout as a view, rename or delete the selected one. It only shows and asks; the page
// reads and writes the project.
class PivotViewsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit PivotViewsPanel(QWidget *parent = nullptr);

    void setViews(const QList<SavedView> &views);
    void setWritable(bool writable); // a read-only project lists and opens views, nothing else
    void setCurrentView(qint64 id);  // marks the view the page shows (-1: none)
    qint64 selectedView() const;     // -1: none
    QListWidget *list() const { return m_list; }
    QPushButton *saveButton() const { return m_save; }

Q_SIGNALS:
    void openRequested(qint64 id);
    void saveRequested();
    void renameRequested(qint64 id);
    void deleteRequested(qint64 id);

private:
    void updateButtons();

    QListWidget *m_list;
    QPushButton *m_save;
    QPushButton *m_rename;
    QPushButton *m_delete;
    bool m_writable = true;
    qint64 m_current = -1;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/sentsectionstore.h"

#include <QSqlDatabase>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QUndoStack;

namespace ql {

// The Reports page's list of the sections sent from Insights to the template shown, in report order,
// with Remove, Move Up and Move Down; each change is one SentSectionsCommand on the data stack. The
// list follows the project: it reloads whenever the data stack moves (an undo, or a section sent
// from the Insights page), and says changed() when the template's sections differ from before.
class SentSectionsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit SentSectionsPanel(QWidget *parent = nullptr);

    void setDatabase(const QSqlDatabase &db, bool writable); // an invalid db: no project
    void setUndoStack(QUndoStack *stack);
    void setTemplate(ReportTemplate kind);
    void reload();

    QListWidget *list() const { return m_list; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *renameButton() const { return m_rename; }
    QPushButton *upButton() const { return m_up; }
    QPushButton *downButton() const { return m_down; }
    const QList<SentSection> &sections() const { return m_sections; }

    bool removeSelected();
    bool moveSelected(int by); // -1 up, +1 down
    // The selected section's heading in the report (blank titles are refused); the list's items are
    // edited in place too (F2, double-click or Rename), which comes here.
    bool renameSelected(const QString &title);

Q_SIGNALS:
    void changed();                       // the template's sent sections are not what they were
    void message(const QString &text); // what went wrong, for the page's status

private:
    bool apply(QList<SentSection> after, const QString &text, int select);
    void updateEnabled();
    void itemEdited(QListWidgetItem *item);

    QSqlDatabase m_db;
    bool m_writable = false;
    QUndoStack *m_undo = nullptr;
    ReportTemplate m_kind = ReportTemplate::MonthlyQuality;
    QList<SentSection> m_sections;
    QLabel *m_hint;
    QListWidget *m_list;
    QPushButton *m_remove;
    QPushButton *m_rename;
    QPushButton *m_up;
    QPushButton *m_down;
};

} // namespace ql

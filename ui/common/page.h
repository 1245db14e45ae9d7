// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QList>
#include <QWidget>

class QUndoStack;

namespace ql {

class JobRunner;
class Project;

// One page of the main window's sidebar (Dashboard, Data, Pivot, …). Each page is its own class
// and folder under ui/; MainWindow only lists them, hands them the project and shows their status.
class Page : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual QString pageId() const = 0; // stable: settings keys, object names
    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;

    // The project to show, or nullptr when it closes. Before letting go of a project a page
    // cancels its background work and waits for it.
    virtual void setProject(Project *project) = 0;

    virtual void refresh() {}
    // The project's records changed (an import): reload whatever shows them.
    virtual void reloadData() { refresh(); }
    virtual QString statusText() const { return {}; }
    virtual QList<JobRunner *> jobRunners() const { return {}; }

    // Undo (style.md): one project-wide stack for data edits, handed to every page; pages that edit
    // data (scorecards, calibration, reports) say so and the main window makes it the active stack
    // while they show; other pages may keep a stack of their own for layout edits.
    virtual void setDataUndoStack(QUndoStack *stack) { Q_UNUSED(stack) }
    virtual bool editsData() const { return false; }
    virtual QUndoStack *layoutUndoStack() const { return nullptr; }

Q_SIGNALS:
    void statusTextChanged(const QString &text);
    void openDemoRequested();
    void importRequested(); // File → Import…, from an empty state's button
};

} // namespace ql

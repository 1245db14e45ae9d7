// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QList>
#include <QWidget>

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
    virtual QString statusText() const { return {}; }
    virtual QList<JobRunner *> jobRunners() const { return {}; }

Q_SIGNALS:
    void statusTextChanged(const QString &text);
    void openDemoRequested();
};

} // namespace ql

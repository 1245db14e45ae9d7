// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/projecterror.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

namespace ql {

class JobRunner;
class Project;

// The open project of the main window and its life: opening (read-write, or read-only when
// another writer holds it), the quick check that runs in the background after opening, closing.
// It shows nothing itself: the window turns its signals into dialogs and status messages.
//
// Opening runs on a worker thread too: a project that was not closed cleanly is checked before it
// opens, and a project from an older version is backed up and migrated — on a gigabyte file both
// take seconds. The finished connection is handed to this thread.
class ProjectSession final : public QObject
{
    Q_OBJECT
public:
    explicit ProjectSession(QObject *parent = nullptr);
    ~ProjectSession() override;

    Project *project() const { return m_project.get(); }
    bool isOpen() const { return m_project != nullptr; }
    bool isOpening() const;
    bool isChecking() const; // the check is due or running: writes wait for it
    JobRunner *jobRunner() const { return m_runner; }

    // Opens the project at path in place of the current one; opened() or openFailed() follows.
    // If it fails the current project stays open. Opening the project that is open does nothing.
    void open(const QString &path);
    // Creates an empty project at path (replacing a file the user agreed to replace) and opens it.
    bool create(const QString &path, ProjectError *error);
    void close();

Q_SIGNALS:
    void openStarted(const QString &path);
    void openFailed(const QString &path, const ql::ProjectError &error);
    void aboutToClose(); // let go of the project now: cancel and wait for work that reads it
    void closed();
    void opened(ql::Project *project);
    void checkStarted();
    void checkPassed();
    // The background check found the project damaged; it has been closed.
    void checkFailed(const QString &path, const QString &message);

private:
    void adopt(std::unique_ptr<Project> project);
    void startCheck();

    std::unique_ptr<Project> m_project;
    JobRunner *m_runner;
    // Opening is never cancelled: a Project must end on the thread that owns its connection, and
    // a cancelled job would drop it on the worker. Stale openings are closed here instead.
    JobRunner *m_opener;
    QString m_openingPath;
    quint64 m_generation = 0; // which opening a delayed check belongs to
    bool m_checkPending = false;
};

} // namespace ql

Q_DECLARE_METATYPE(ql::ProjectError)

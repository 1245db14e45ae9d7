// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

class QHeaderView;
class QMainWindow;
class QSplitter;

namespace ql {

// Per-user UI state, in one place (after GammaRay's UIStateManager): window geometry and state,
// splitter positions, column widths and order, the last page, recent projects. Only UI state goes
// to QSettings; analytic settings live in the project.
class UiState final
{
public:
    UiState() = delete;

    static void restoreWindow(QMainWindow *window);
    static void saveWindow(const QMainWindow *window);

    // Restores the saved state now and saves every change from here on.
    static void track(QSplitter *splitter, const QString &key);
    static void track(QHeaderView *header, const QString &key);

    // Anything else a page remembers, under a key of its own ("data/tab").
    static QVariant value(const QString &key, const QVariant &fallback = QVariant());
    static void setValue(const QString &key, const QVariant &value);

    static QString lastPage();
    static void setLastPage(const QString &pageId);

    static QString lastProject();
    static void setLastProject(const QString &path);

    // The recent projects that still exist, newest first (missing files are dropped from the list).
    static QStringList recentProjects();
    static void addRecentProject(const QString &path);
    static void removeRecentProject(const QString &path);
    static void clearRecentProjects();

    static constexpr int MaxRecent = 10;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "uistate.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace ql {

namespace {
const QString WindowGeometry = QStringLiteral("window/geometry");
const QString WindowState = QStringLiteral("window/state");
const QString LastPage = QStringLiteral("window/lastPage");
const QString LastProject = QStringLiteral("projects/last");
const QString Recent = QStringLiteral("projects/recent");

QString splitterKey(const QString &key)
{
    return QStringLiteral("splitters/") + key;
}

QString headerKey(const QString &key)
{
    return QStringLiteral("headers/") + key;
}
} // namespace

void UiState::restoreWindow(QMainWindow *window)
{
    QSettings settings;
    const QByteArray geometry = settings.value(WindowGeometry).toByteArray();
    if (geometry.isEmpty() || !window->restoreGeometry(geometry))
        window->resize(1280, 800);
    window->restoreState(settings.value(WindowState).toByteArray());
}

void UiState::saveWindow(const QMainWindow *window)
{
    QSettings settings;
    settings.setValue(WindowGeometry, window->saveGeometry());
    settings.setValue(WindowState, window->saveState());
}

void UiState::track(QSplitter *splitter, const QString &key)
{
    const QByteArray state = QSettings().value(splitterKey(key)).toByteArray();
    if (!state.isEmpty())
        splitter->restoreState(state);
    QObject::connect(splitter, &QSplitter::splitterMoved, splitter,
                     [splitter, key] { QSettings().setValue(splitterKey(key), splitter->saveState()); });
}

void UiState::track(QHeaderView *header, const QString &key)
{
    const QByteArray state = QSettings().value(headerKey(key)).toByteArray();
    if (!state.isEmpty())
        header->restoreState(state);
    auto save = [header, key] { QSettings().setValue(headerKey(key), header->saveState()); };
    QObject::connect(header, &QHeaderView::sectionResized, header, save);
    QObject::connect(header, &QHeaderView::sectionMoved, header, save);
    QObject::connect(header, &QHeaderView::sortIndicatorChanged, header, save);
}

QVariant UiState::value(const QString &key, const QVariant &fallback)
{
    return QSettings().value(QStringLiteral("pages/") + key, fallback);
}

void UiState::setValue(const QString &key, const QVariant &value)
{
    QSettings().setValue(QStringLiteral("pages/") + key, value);
}

QString UiState::lastPage()
{
    return QSettings().value(LastPage).toString();
}

void UiState::setLastPage(const QString &pageId)
{
    QSettings().setValue(LastPage, pageId);
}

QString UiState::lastProject()
{
    return QSettings().value(LastProject).toString();
}

void UiState::setLastProject(const QString &path)
{
    QSettings settings;
    if (path.isEmpty())
        settings.remove(LastProject);
    else
        settings.setValue(LastProject, QFileInfo(path).absoluteFilePath());
}

QStringList UiState::recentProjects()
{
    QSettings settings;
    const QStringList stored = settings.value(Recent).toStringList();
    QStringList existing;
    for (const QString &path : stored)
        if (QFileInfo(path).isFile() && !existing.contains(path))
            existing << path;
    if (existing != stored)
        settings.setValue(Recent, existing);
    return existing;
}

void UiState::addRecentProject(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = recentProjects();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > MaxRecent)
        list.removeLast();
    QSettings().setValue(Recent, list);
}

void UiState::removeRecentProject(const QString &path)
{
    QStringList list = QSettings().value(Recent).toStringList();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(Recent, list);
}

void UiState::clearRecentProjects()
{
    QSettings().remove(Recent);
}

} // namespace ql

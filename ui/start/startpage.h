// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QToolButton;

namespace ql {

// What the window shows when no project is open: create one, open one, open the demo, or pick a
// recent project. When there are no recent projects it says how to start.
class StartPage final : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    void refresh(); // re-reads the recent projects
    QListWidget *recentList() const { return m_recent; }

Q_SIGNALS:
    void newRequested();
    void openRequested();
    void openDemoRequested();
    void openRecentRequested(const QString &path);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QToolButton *makeTile(const QIcon &icon, const QString &text, const QString &name);

    QListWidget *m_recent;
    QLabel *m_recentTitle;
    QLabel *m_noRecent;
};

} // namespace ql

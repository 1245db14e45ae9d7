// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QMimeData;
class QStackedWidget;
class QUndoGroup;
class QUndoStack;

namespace ql {

class DemoBuilder;
class GuideDialog;
class ImportWizard;
class JobStatusWidget;
class Page;
class Project;
class ProjectSession;
class StartPage;

// The main window wires pages, actions and the status bar, and nothing else: the project's life is
// ProjectSession's, each page is its own class, the start page shows when no project is open.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the project in the background, or shows why it cannot (the current project then stays
    // open).
    void openProject(const QString &path);
    // At start: the project named on the command line, else the last one, else the start page.
    void openStartupProject(const QString &argument);
    void openDemo();
    // File → Import…: the import wizard for the open project, starting with `path` when given.
    void openImportWizard(const QString &path = QString());
    ImportWizard *importWizard() const; // the open wizard, or nullptr

    ProjectSession *session() const { return m_session; }
    DemoBuilder *demoBuilder() const { return m_demo; }
    StartPage *startPage() const { return m_start; }
    Page *currentPage() const;
    Page *page(const QString &pageId) const;
    QString statusText() const; // the current page's counts, as the status bar shows them
    QUndoGroup *undoGroup() const { return m_undoGroup; }
    QUndoStack *dataUndoStack() const { return m_dataStack; } // project-wide data edits

    void setDemoPath(const QString &path) { m_demoPath = path; } // tests; default DemoBuilder::defaultPath()

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createStatusBar();
    void addPage(Page *page);
    void showPage(int index);

    void newProject();
    void openProjectDialog();
    void closeProject();
    void about();
    void showGuide();
    void updateRecentMenu();
    void projectOpened(Project *project);
    void projectClosed();
    void updateTitle();
    void showError(const QString &title, const QString &text);
    QString dialogDirectory() const;
    static QString droppedProject(const QMimeData *mime);
    static QString droppedImport(const QMimeData *mime);

    ProjectSession *m_session;
    DemoBuilder *m_demo;
    QString m_demoPath;

    QStackedWidget *m_central;
    StartPage *m_start;
    QWidget *m_workspace;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    QList<Page *> m_pageList;

    QUndoGroup *m_undoGroup = nullptr;
    QUndoStack *m_dataStack = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;

    QLabel *m_countLabel;
    QLabel *m_readOnlyLabel;
    JobStatusWidget *m_jobStatus;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_guideAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QActionGroup *m_pageActions = nullptr;
    GuideDialog *m_guide = nullptr;
    QPointer<ImportWizard> m_importWizard;
};

} // namespace ql

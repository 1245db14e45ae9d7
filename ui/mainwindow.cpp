// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "common/icons.h"
#include "common/jobrunner.h"
#include "common/jobstatuswidget.h"
#include "common/page.h"
#include "common/uistate.h"
#include "calibration/calibrationpage.h"
#include "charts/chartspage.h"
#include "dashboard/dashboardpage.h"
#include "data/datapage.h"
#include "scorecards/scorecardspage.h"
#include "scorecardeditor/scorecardeditorbutton.h"
#include "help/guidedialog.h"
#include "import/importwizard.h"
#include "insights/insightspage.h"
#include "pivot/pivotpage.h"
#include "preferences/preferencesdialog.h"
#include "reports/reportspage.h"
#include "projectsession.h"
#include "start/demobuilder.h"
#include "start/startpage.h"
#include "store/project.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUndoGroup>
#include <QUndoStack>

namespace ql {

namespace {
const QString ProjectSuffix = QStringLiteral(".qlens");
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new ProjectSession(this))
    , m_demo(new DemoBuilder(this))
    , m_demoPath(DemoBuilder::defaultPath())
    , m_central(new QStackedWidget(this))
    , m_start(new StartPage(m_central))
    , m_workspace(new QWidget(m_central))
    , m_sidebar(new QListWidget(m_workspace))
    , m_pages(new QStackedWidget(m_workspace))
    , m_countLabel(new QLabel(this))
    , m_readOnlyLabel(new QLabel(this))
    , m_jobStatus(new JobStatusWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Icons::application());
    setAcceptDrops(true);

    // The sidebar of pages, in the order of ui.md as they come to exist.
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setIconSize(QSize(24, 24));
    m_sidebar->setUniformItemSizes(true);
    m_sidebar->setSpacing(2);
    m_sidebar->setFixedWidth(std::max(150, m_sidebar->fontMetrics().horizontalAdvance(tr("Scorecards")) * 2));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *rule = new QFrame(m_workspace);
    rule->setFrameShape(QFrame::VLine);
    rule->setFrameShadow(QFrame::Sunken);
    auto *workspaceLayout = new QHBoxLayout(m_workspace);
    workspaceLayout->setContentsMargins(0, 0, 0, 0);
    workspaceLayout->setSpacing(0);
    workspaceLayout->addWidget(m_sidebar);
    workspaceLayout->addWidget(rule);
    workspaceLayout->addWidget(m_pages, 1);
    m_central->addWidget(m_start);
    m_central->addWidget(m_workspace);
    setCentralWidget(m_central);

    createActions();
    createMenus();
    createStatusBar();
    auto *dashboard = new DashboardPage(m_pages);
    addPage(dashboard); // first: ui.md
    connect(dashboard, &DashboardPage::pageRequested, this, [this](const QStringList &pageIds) {
        for (const QString &id : pageIds)
            if (Page *target = page(id)) {
                m_sidebar->setCurrentRow(int(m_pageList.indexOf(target)));
                return;
            }
    });
    // The Dashboard's calibration sessions and open disputes open the page on those records.
    connect(dashboard, &DashboardPage::calibrationSessionRequested, this, [this](qint64 sessionId) {
        if (auto *calibration = qobject_cast<CalibrationPage *>(page(QStringLiteral("calibration")))) {
            m_sidebar->setCurrentRow(int(m_pageList.indexOf(calibration)));
            if (sessionId > 0)
                calibration->selectSession(sessionId);
        }
    });
    connect(dashboard, &DashboardPage::openDisputesRequested, this, [this] {
        if (auto *scorecards = qobject_cast<ScorecardsPage *>(page(QStringLiteral("scorecards")))) {
            m_sidebar->setCurrentRow(int(m_pageList.indexOf(scorecards)));
            scorecards->showOpenDisputes();
        }
    });
    addPage(new DataPage(m_pages));
    auto *pivot = new PivotPage(m_pages);
    addPage(pivot);
    auto *charts = new ChartsPage(m_pages);
    addPage(charts);
    // "Chart this": the pivot on screen opens on the Charts page.
    connect(pivot, &PivotPage::chartRequested, this, [this, charts](const ChartSpec &spec) {
        charts->setSpec(spec);
        m_sidebar->setCurrentRow(int(m_pageList.indexOf(charts)));
    });
    auto *scorecards = new ScorecardsPage(m_pages);
    addPage(scorecards); // after Data, Pivot and Charts (ui.md order)
    // File → Scorecards: the page's Scorecard menu (new, edit, rename, delete, what-if), which opens
    // the Scorecards page so that Edit → Undo (its data stack) takes the change back.
    if (QMenu *scorecardsMenu = scorecards->editorButton()->menu()) {
        m_fileMenu->insertMenu(m_closeAction, scorecardsMenu);
        m_fileMenu->insertSeparator(m_closeAction);
        for (QAction *action : scorecardsMenu->actions())
            connect(action, &QAction::triggered, this,
                    [this, scorecards] { m_sidebar->setCurrentRow(int(m_pageList.indexOf(scorecards))); });
    }
    addPage(new CalibrationPage(m_pages)); // after Scorecards (ui.md order)
    addPage(new InsightsPage(m_pages)); // after Scorecards and Calibration, before Reports (ui.md order)
    addPage(new ReportsPage(m_pages)); // last (ui.md order)
    connect(m_sidebar, &QListWidget::currentRowChanged, this, &MainWindow::showPage);
    const QString lastPage = UiState::lastPage();
    int initial = 0;
    for (int i = 0; i < m_pageList.size(); ++i)
        if (m_pageList.at(i)->pageId() == lastPage)
            initial = i;
    m_sidebar->setCurrentRow(initial);

    connect(m_start, &StartPage::newRequested, this, &MainWindow::newProject);
    connect(m_start, &StartPage::openRequested, this, &MainWindow::openProjectDialog);
    connect(m_start, &StartPage::openDemoRequested, this, &MainWindow::openDemo);
    connect(m_start, &StartPage::openRecentRequested, this, &MainWindow::openProject);

    connect(m_session, &ProjectSession::openStarted, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_session, &ProjectSession::openFailed, this, [this](const QString &path, const ProjectError &error) {
        statusBar()->clearMessage();
        if (error.kind == ProjectError::NotFound)
            UiState::removeRecentProject(path);
        m_start->refresh();
        showError(tr("Cannot open project"), error.message);
    });
    connect(m_session, &ProjectSession::opened, this, &MainWindow::projectOpened);
    connect(m_session, &ProjectSession::aboutToClose, this, [this] {
        m_dataStack->clear(); // its commands hold the project's connection
        delete m_importWizard; // cancels (and rolls back) an import still running
        for (Page *page : std::as_const(m_pageList))
            page->setProject(nullptr);
    });
    connect(m_session, &ProjectSession::closed, this, &MainWindow::projectClosed);
    connect(m_session, &ProjectSession::checkStarted, this, [this] { statusBar()->showMessage(tr("Checking project…")); });
    connect(m_session, &ProjectSession::checkPassed, this, [this] { statusBar()->showMessage(tr("Project checked."), 3000); });
    connect(m_session, &ProjectSession::checkFailed, this, [this](const QString &path, const QString &problem) {
        statusBar()->clearMessage();
        showError(tr("Project damaged"),
                  tr("%1 is damaged (%2). It has been closed and was not changed. Restore it from a backup, or try "
                     "“sqlite3 FILE .recover” on a copy.")
                      .arg(QDir::toNativeSeparators(path), problem));
    });
    connect(m_demo, &DemoBuilder::finished, this, &MainWindow::openProject);
    connect(m_demo, &DemoBuilder::failed, this,
            [this](const QString &message) { showError(tr("The demo could not be created"), message); });

    UiState::restoreWindow(this);
    projectClosed();
}

MainWindow::~MainWindow()
{
    // Pages must let go of the project (and finish their jobs) while they still exist.
    m_demo->cancel();
    m_session->close();
    for (Page *page : std::as_const(m_pageList))
        disconnect(page, nullptr, this, nullptr);
}

void MainWindow::createActions()
{
    m_newAction = new QAction(Icons::themed(QStringLiteral("document-new")), tr("&New Project…"), this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newProject);
    m_openAction = new QAction(Icons::themed(QStringLiteral("document-open")), tr("&Open Project…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openProjectDialog);
    m_demoAction = new QAction(Icons::themed(QStringLiteral("qualitylens-demo")), tr("Open &Demo"), this);
    connect(m_demoAction, &QAction::triggered, this, &MainWindow::openDemo);
    m_importAction = new QAction(Icons::themed(QStringLiteral("document-import")),
                                 tr("&Import…"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setStatusTip(tr("Import audits, CSAT responses, a roster or a scorecard from a file"));
    connect(m_importAction, &QAction::triggered, this, [this] { openImportWizard(); });
    m_closeAction = new QAction(Icons::themed(QStringLiteral("document-close"), QStringLiteral("window-close")),
                                tr("&Close Project"), this);
    m_closeAction->setShortcut(QKeySequence::Close);
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeProject);
    m_quitAction = new QAction(Icons::themed(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    m_refreshAction = new QAction(Icons::themed(QStringLiteral("view-refresh")), tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        if (Page *page = currentPage())
            page->refresh();
    });
    m_guideAction = new QAction(Icons::themed(QStringLiteral("help-contents")), tr("QualityLens &Guide"), this);
    m_guideAction->setShortcut(QKeySequence::HelpContents);
    connect(m_guideAction, &QAction::triggered, this, &MainWindow::showGuide);
    m_aboutAction = new QAction(Icons::themed(QStringLiteral("help-about")), tr("&About QualityLens"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
    m_pageActions = new QActionGroup(this);
    m_pageActions->setExclusive(true);
    // One stack for data edits, project-wide (style.md); pages with layout edits add their own.
    m_undoGroup = new QUndoGroup(this);
    m_dataStack = new QUndoStack(m_undoGroup);
    m_dataStack->setObjectName(QStringLiteral("dataUndoStack"));
    m_undoAction = m_undoGroup->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setIcon(Icons::themed(QStringLiteral("edit-undo")));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undoGroup->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setIcon(Icons::themed(QStringLiteral("edit-redo")));
    m_redoAction->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)});
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu = file;
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(Icons::themed(QStringLiteral("document-open-recent")), tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    file->addAction(m_demoAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addSeparator();
    file->addAction(m_closeAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    QAction *preferences = edit->addAction(Icons::themed(QStringLiteral("preferences-system")), tr("&Preferences…"));
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setMenuRole(QAction::PreferencesRole);
    preferences->setShortcut(QKeySequence::Preferences);
    connect(preferences, &QAction::triggered, this, [this] {
        PreferencesDialog dialog(m_session->project(), this);
        dialog.setUndoStack(m_dataStack);
        // After applying, and after each undo and redo of it: charts redraw with the brand.
        dialog.setNotify([this] {
            for (Page *page : std::as_const(m_pageList))
                page->refresh();
        });
        dialog.exec();
    });
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_refreshAction);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_guideAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
    updateRecentMenu();
}

void MainWindow::createStatusBar()
{
    m_countLabel->setObjectName(QStringLiteral("recordCount"));
    m_readOnlyLabel->setObjectName(QStringLiteral("readOnly"));
    m_readOnlyLabel->hide();
    statusBar()->addPermanentWidget(m_jobStatus);
    statusBar()->addPermanentWidget(m_readOnlyLabel);
    statusBar()->addPermanentWidget(m_countLabel);
    m_jobStatus->watch(m_session->jobRunner());
}

void MainWindow::addPage(Page *page)
{
    m_pageList << page;
    m_pages->addWidget(page);
    auto *item = new QListWidgetItem(page->icon(), page->title(), m_sidebar);
    item->setSizeHint(QSize(0, std::max(36, m_sidebar->fontMetrics().height() + 16)));
    item->setToolTip(page->title());
    const int index = int(m_pageList.size()) - 1;
    auto *action = new QAction(page->icon(), page->title(), m_pageActions);
    action->setCheckable(true);
    if (index < 9)
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
    connect(action, &QAction::triggered, this, [this, index] { m_sidebar->setCurrentRow(index); });
    m_viewMenu->insertAction(m_viewMenu->actions().value(index), action);
    for (JobRunner *runner : page->jobRunners())
        m_jobStatus->watch(runner);
    connect(page, &Page::statusTextChanged, this, [this, page](const QString &text) {
        if (page == currentPage())
            m_countLabel->setText(text);
    });
    connect(page, &Page::openDemoRequested, this, &MainWindow::openDemo);
    page->setDataUndoStack(m_dataStack);
    if (QUndoStack *own = page->layoutUndoStack())
        m_undoGroup->addStack(own);
    connect(page, &Page::importRequested, this, [this] { openImportWizard(); });
}

void MainWindow::showPage(int index)
{
    if (index < 0 || index >= m_pageList.size())
        return;
    Page *page = m_pageList.at(index);
    m_pages->setCurrentWidget(page);
    m_pageActions->actions().at(index)->setChecked(true);
    m_countLabel->setText(page->statusText());
    m_undoGroup->setActiveStack(page->editsData() ? m_dataStack : page->layoutUndoStack());
    UiState::setLastPage(page->pageId());
}

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_pages->currentWidget());
}

Page *MainWindow::page(const QString &pageId) const
{
    for (Page *p : m_pageList)
        if (p->pageId() == pageId)
            return p;
    return nullptr;
}

QString MainWindow::statusText() const
{
    return m_countLabel->text();
}

void MainWindow::openProject(const QString &path)
{
    m_session->open(path);
}

void MainWindow::openStartupProject(const QString &argument)
{
    if (!argument.isEmpty()) {
        openProject(argument);
        return;
    }
    const QString last = UiState::lastProject();
    if (!last.isEmpty() && QFileInfo(last).isFile())
        openProject(last);
}

void MainWindow::openDemo()
{
    if (m_demo->isRunning())
        return;
    // A demo that is not there, or that this version cannot read, is (re)written; otherwise the
    // one written before opens.
    if (QFileInfo(m_demoPath).isFile() && !Project::inspectHeader(m_demoPath).isError()) {
        openProject(m_demoPath);
        return;
    }
    m_demo->build(m_demoPath, this);
}

ImportWizard *MainWindow::importWizard() const
{
    return m_importWizard.data();
}

void MainWindow::openImportWizard(const QString &path)
{
    Project *project = m_session->project();
    if (!project || project->isReadOnly())
        return;
    if (!m_importWizard) {
        m_importWizard = new ImportWizard(project, this);
        m_importWizard->setAttribute(Qt::WA_DeleteOnClose);
        m_importWizard->setWindowModality(Qt::WindowModal);
        connect(m_importWizard, &ImportWizard::imported, this, [this] {
            for (Page *page : std::as_const(m_pageList))
                page->reloadData();
        });
        // The import writes only once the project's background quick_check has passed.
        m_importWizard->setProjectCheckPending(m_session->isChecking());
        connect(m_session, &ProjectSession::checkPassed, m_importWizard.data(),
                [wizard = m_importWizard.data()] { wizard->setProjectCheckPending(false); });
    }
    if (!path.isEmpty())
        m_importWizard->setFile(path);
    m_importWizard->show();
    m_importWizard->raise();
    m_importWizard->activateWindow();
}

void MainWindow::newProject()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New Project"), dialogDirectory(),
                                                tr("QualityLens projects (*.qlens)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(ProjectSuffix, Qt::CaseInsensitive)) {
        path += ProjectSuffix;
        // The dialog asked about the name without the suffix; ask about this one.
        if (QFileInfo::exists(path)
            && QMessageBox::question(this, tr("Replace Project"),
                                     tr("%1 exists already. Replace it with an empty project?")
                                         .arg(QDir::toNativeSeparators(path)))
                   != QMessageBox::Yes)
            return;
    }
    ProjectError error;
    if (!m_session->create(path, &error))
        showError(tr("Cannot create project"), error.message);
}

void MainWindow::openProjectDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), dialogDirectory(),
                                                      tr("QualityLens projects (*.qlens);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::closeProject()
{
    m_session->close();
    UiState::setLastProject(QString()); // closed on purpose: start with the start page next time
}

QString MainWindow::dialogDirectory() const
{
    if (m_session->project())
        return QFileInfo(m_session->project()->path()).absolutePath();
    const QStringList recent = UiState::recentProjects();
    if (!recent.isEmpty())
        return QFileInfo(recent.first()).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = UiState::recentProjects();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openProject(path); });
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("Clear List")), &QAction::triggered, this, [this] {
        UiState::clearRecentProjects();
        m_start->refresh();
    });
}

void MainWindow::projectOpened(Project *project)
{
    statusBar()->clearMessage();
    UiState::addRecentProject(project->path());
    UiState::setLastProject(project->path());
    for (Page *page : std::as_const(m_pageList))
        page->setProject(project);
    m_central->setCurrentWidget(m_workspace);
    m_closeAction->setEnabled(true);
    m_importAction->setEnabled(!project->isReadOnly());
    m_refreshAction->setEnabled(true);
    m_pageActions->setEnabled(true);
    if (project->isReadOnly() && !project->lockHolder().isEmpty()) {
        m_readOnlyLabel->setText(tr("Read-only: in use by %1").arg(project->lockHolder()));
        m_readOnlyLabel->setToolTip(tr("Another QualityLens has this project open for writing. You can look at "
                                       "everything; changes wait until it is closed there."));
        m_readOnlyLabel->show();
    } else if (project->isReadOnly()) {
        m_readOnlyLabel->setText(tr("Read-only"));
        m_readOnlyLabel->show();
    } else {
        m_readOnlyLabel->hide();
    }
    if (!project->migrationBackup().isEmpty())
        statusBar()->showMessage(tr("The project was updated to this version; the old file was kept as %1.")
                                     .arg(QDir::toNativeSeparators(project->migrationBackup())),
                                 10000);
    else if (project->onNetworkFileSystem())
        statusBar()->showMessage(tr("This project is on a network drive: only one person should open it at a time."),
                                 10000);
    if (Page *page = currentPage())
        m_countLabel->setText(page->statusText());
    updateTitle();
}

void MainWindow::projectClosed()
{
    m_central->setCurrentWidget(m_start);
    m_start->refresh();
    m_closeAction->setEnabled(false);
    m_importAction->setEnabled(false);
    m_refreshAction->setEnabled(false);
    m_pageActions->setEnabled(false);
    m_readOnlyLabel->hide();
    m_countLabel->clear();
    updateTitle();
}

void MainWindow::updateTitle()
{
    const Project *project = m_session->project();
    if (!project) {
        setWindowTitle(QStringLiteral("QualityLens"));
        return;
    }
    const QString name = QFileInfo(project->path()).completeBaseName();
    setWindowTitle(project->isReadOnly() ? tr("%1 (read-only) — QualityLens").arg(name)
                                         : tr("%1 — QualityLens").arg(name));
}

void MainWindow::showError(const QString &title, const QString &text)
{
    // Window-modal and non-blocking: no nested event loop, and the window stays as it was.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

void MainWindow::showGuide()
{
    if (!m_guide)
        m_guide = new GuideDialog(this);
    m_guide->show();
    m_guide->raise();
    m_guide->activateWindow();
}

void MainWindow::about()
{
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("aboutDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About QualityLens"));
    box->setIconPixmap(Icons::application().pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setText(tr("<h3>QualityLens %1</h3>"
                    "<p>Quality analytics for customer support: audits, CSAT, calibration, pivots, charts and "
                    "reports, on your own machine. No account, no telemetry.</p>"
                    "<p>Free software under the GNU General Public License, version 3 or (at your option) any "
                    "later version (GPL-3.0-or-later). It comes with no warranty.</p>"
                    "<p>Built with Qt %2.</p>")
                     .arg(QStringLiteral(QL_VERSION), QString::fromLatin1(qVersion())));
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    UiState::saveWindow(this);
    m_demo->cancel();
    m_session->close();
    event->accept();
}

QString MainWindow::droppedProject(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return {};
    const QString path = urls.first().toLocalFile();
    return path.endsWith(ProjectSuffix, Qt::CaseInsensitive) ? path : QString();
}

QString MainWindow::droppedImport(const QMimeData *mime)
{
    // A data file dropped on an open project starts the import wizard with it.
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().first().isLocalFile())
        return {};
    const QString path = mime->urls().first().toLocalFile();
    for (const char *suffix : {".csv", ".tsv", ".txt", ".json"})
        if (path.endsWith(QLatin1String(suffix), Qt::CaseInsensitive))
            return path;
    return {};
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedProject(event->mimeData()).isEmpty() ||
        (m_importAction->isEnabled() && !droppedImport(event->mimeData()).isEmpty()))
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (!droppedProject(event->mimeData()).isEmpty() ||
        (m_importAction->isEnabled() && !droppedImport(event->mimeData()).isEmpty()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedProject(event->mimeData());
    if (path.isEmpty()) {
        const QString data = droppedImport(event->mimeData());
        if (!data.isEmpty() && m_importAction->isEnabled()) {
            event->acceptProposedAction();
            openImportWizard(data);
        }
        return;
    }
    event->acceptProposedAction();
    openProject(path);
}

} // namespace ql

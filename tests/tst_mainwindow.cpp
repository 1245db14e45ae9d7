// SPDX-License-Identifier: GPL-3.0-or-later
// The main window: start page, opening (and refusing) projects, read-only fallback, the background
// check, recent projects, drag and drop, the demo.
#include "common/page.h"
#include "common/uistate.h"
#include "data/datapage.h"
#include "data/recordbrowser.h"
#include "data/recordtablemodel.h"
#include "help/guidedialog.h"
#include "mainwindow.h"
#include "projectsession.h"
#include "start/demobuilder.h"
#include "start/startpage.h"
#include "store/project.h"
#include "testproject.h"

#include <QAbstractButton>
#include <QAction>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTest>
#include <QUrl>

using namespace ql;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startsWithTheStartPage();
    void opensTheProjectGiven();
    void reopensTheLastProject();
    void opensRecentFromTheStartPage();
    void refusesFilesThatAreNotProjects_data();
    void refusesFilesThatAreNotProjects();
    void failedOpenKeepsTheCurrentProject();
    void readOnlyWhenAnotherWriterHoldsIt();
    void openingTwiceOpensOnce();
    void checksAnUncleanProjectBeforeOpening();
    void closesAProjectTheCheckFindsDamaged();
    void opensADroppedProject();
    void ignoresOtherDrops();
    void closeReturnsToTheStartPage();
    void remembersTheWindow();
    void aboutNamesVersionAndLicence();
    void f1OpensTheGuide();
    void opensTheDemo();

private:
    // The window, showing `page` when a project opens (the Data page, whose status bar count most
    // checks read; empty: the default, the Dashboard).
    std::unique_ptr<MainWindow> makeWindow(const QString &page = QStringLiteral("data"));
    static QMessageBox *errorDialog(MainWindow *window);
    static QByteArray fileHash(const QString &path);

    QTemporaryDir m_dir;
    QString m_small;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QualityLensTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    qRegisterMetaType<ql::Project *>();
    QVERIFY(m_dir.isValid());
    m_small = m_dir.filePath(QStringLiteral("small.qlens"));
    const QString error = test::createTestProject(m_small);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::makeWindow(const QString &page)
{
    if (!page.isEmpty())
        UiState::setLastPage(page);
    auto window = std::make_unique<MainWindow>();
    window->setDemoPath(m_dir.filePath(QStringLiteral("demo/demo.qlens")));
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

QMessageBox *TestMainWindow::errorDialog(MainWindow *window)
{
    // Opened window-modal and without a nested event loop: the test can look at it and close it.
    QMessageBox *box = window->findChild<QMessageBox *>(QStringLiteral("errorDialog"));
    return box && box->isVisible() ? box : nullptr;
}

QByteArray TestMainWindow::fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void TestMainWindow::startsWithTheStartPage()
{
    m_window = makeWindow();
    m_window->openStartupProject(QString());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("QualityLens"));
    QVERIFY(m_window->startPage()->isVisible());
    QVERIFY(!m_window->session()->isOpen());
    // No recent projects yet: the page says how to start instead of showing an empty list.
    auto *hint = m_window->startPage()->findChild<QLabel *>(QStringLiteral("noRecentProjects"));
    QVERIFY(hint && hint->isVisible());
    QVERIFY(hint->text().contains(QStringLiteral("demo")));
    QVERIFY(!m_window->startPage()->recentList()->isVisible());
    // The sidebar lists only pages that exist.
    auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
    QVERIFY(sidebar);
    QVERIFY(sidebar->count() >= 1);
    QCOMPARE(sidebar->item(0)->text(), QStringLiteral("Dashboard")); // ui.md: the first page
    QCOMPARE(sidebar->item(1)->text(), QStringLiteral("Data"));
}

void TestMainWindow::opensTheProjectGiven()
{
    m_window = makeWindow(QString());
    QSignalSpy checked(m_window->session(), &ProjectSession::checkPassed);
    m_window->openStartupProject(m_small);
    QTRY_VERIFY(m_window->session()->isOpen());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("small — QualityLens"));
    QVERIFY(!m_window->startPage()->isVisible());
    QCOMPARE(m_window->currentPage()->pageId(), QStringLiteral("dashboard")); // the first page
    m_window->findChild<QListWidget *>(QStringLiteral("sidebar"))->setCurrentRow(1);
    QCOMPARE(m_window->currentPage()->pageId(), QStringLiteral("data"));
    QTRY_COMPARE(m_window->statusText(), QStringLiteral("240 audits"));
    QTRY_COMPARE(checked.count(), 1); // the quick check ran in the background and passed
    QVERIFY(m_window->session()->project()->isVerified());
    QCOMPARE(UiState::recentProjects(), QStringList{QFileInfo(m_small).absoluteFilePath()});
    QCOMPARE(UiState::lastProject(), QFileInfo(m_small).absoluteFilePath());
}

void TestMainWindow::reopensTheLastProject()
{
    m_window = makeWindow();
    m_window->openProject(m_small);
    QTRY_VERIFY(m_window->session()->isOpen());
    m_window->close();
    m_window.reset();
    m_window = makeWindow();
    m_window->openStartupProject(QString());
    QTRY_VERIFY(m_window->session()->isOpen());
    QCOMPARE(m_window->session()->project()->path(), QFileInfo(m_small).absoluteFilePath());
}

void TestMainWindow::opensRecentFromTheStartPage()
{
    UiState::addRecentProject(m_small);
    UiState::addRecentProject(m_dir.filePath(QStringLiteral("gone.qlens"))); // missing: dropped from the list
    m_window = makeWindow();
    QListWidget *recent = m_window->startPage()->recentList();
    QTRY_VERIFY(recent->isVisible());
    QCOMPARE(recent->count(), 1);
    QTest::mouseClick(recent->viewport(), Qt::LeftButton, Qt::NoModifier, recent->visualItemRect(recent->item(0)).center());
    QTRY_VERIFY(m_window->session()->isOpen());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("small — QualityLens"));
    QCOMPARE(UiState::recentProjects().size(), 1);
}

void TestMainWindow::refusesFilesThatAreNotProjects_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");
    QTest::newRow("text file") << QStringLiteral("notes.qlens") << QStringLiteral("not a QualityLens project");
    QTest::newRow("another SQLite database") << QStringLiteral("other.qlens")
                                             << QStringLiteral("SQLite database but not a QualityLens project");
    QTest::newRow("newer version") << QStringLiteral("newer.qlens") << QStringLiteral("newer QualityLens");
    QTest::newRow("missing") << QStringLiteral("missing.qlens") << QStringLiteral("does not exist");
}

void TestMainWindow::refusesFilesThatAreNotProjects()
{
    QFETCH(QString, name);
    QFETCH(QString, message);
    const QString path = m_dir.filePath(name);
    if (name == QStringLiteral("notes.qlens")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("agent,score\nA,90\n");
    } else if (name == QStringLiteral("other.qlens") || name == QStringLiteral("newer.qlens")) {
        if (name == QStringLiteral("newer.qlens"))
            QVERIFY(test::createTestProject(path, {2, 1, 0}).isEmpty());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("make"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            if (name == QStringLiteral("other.qlens"))
                QVERIFY(q.exec(QStringLiteral("CREATE TABLE t(x)")));
            else
                QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("make"));
    }
    const QByteArray before = fileHash(path);

    m_window = makeWindow();
    QSignalSpy failed(m_window->session(), &ProjectSession::openFailed);
    m_window->openProject(path);
    QTRY_COMPARE(failed.count(), 1);
    QMessageBox *box = errorDialog(m_window.get());
    QVERIFY(box);
    QVERIFY2(box->text().contains(message), qPrintable(box->text()));
    QVERIFY(box->text().contains(name));
    box->button(QMessageBox::Ok)->click();
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("errorDialog")));
    QVERIFY(!m_window->session()->isOpen());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("QualityLens"));
    QVERIFY(m_window->startPage()->isVisible());
    QCOMPARE(fileHash(path), before); // not modified: byte-identical (or still missing)
    QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    QVERIFY(!UiState::recentProjects().contains(QFileInfo(path).absoluteFilePath()));
}

void TestMainWindow::failedOpenKeepsTheCurrentProject()
{
    m_window = makeWindow();
    m_window->openProject(m_small);
    QTRY_VERIFY(m_window->session()->isOpen());
    m_window->openProject(m_dir.filePath(QStringLiteral("missing.qlens")));
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = errorDialog(m_window.get())));
    box->close();
    QVERIFY(m_window->session()->isOpen());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("small — QualityLens"));
}

void TestMainWindow::readOnlyWhenAnotherWriterHoldsIt()
{
    ProjectError error;
    std::unique_ptr<Project> writer = Project::open(m_small, Project::Access::ReadWrite, Project::Check::Deferred, &error);
    QVERIFY2(writer, qPrintable(error.message));
    m_window = makeWindow();
    m_window->openProject(m_small);
    QTRY_VERIFY(m_window->session()->isOpen());
    QVERIFY(m_window->session()->project()->isReadOnly());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("small (read-only) — QualityLens"));
    auto *label = m_window->statusBar()->findChild<QLabel *>(QStringLiteral("readOnly"));
    QVERIFY(label && label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("process %1").arg(QCoreApplication::applicationPid())), qPrintable(label->text()));
    // Reading works as usual.
    QTRY_COMPARE(m_window->statusText(), QStringLiteral("240 audits"));
    m_window.reset();
    writer.reset();
}

void TestMainWindow::openingTwiceOpensOnce()
{
    // A double click on a recent project: the second request must not find the first one's lock.
    m_window = makeWindow();
    QSignalSpy opened(m_window->session(), &ProjectSession::opened);
    m_window->openProject(m_small);
    m_window->openProject(m_small);
    QTRY_VERIFY(m_window->session()->isOpen());
    QTRY_VERIFY(!m_window->session()->isOpening());
    QCOMPARE(opened.count(), 1);
    QVERIFY(!m_window->session()->project()->isReadOnly());
}

void TestMainWindow::checksAnUncleanProjectBeforeOpening()
{
    // After a crash the project is checked before it opens; that happens off the UI thread too,
    // and the connection made there is used here afterwards.
    const QString path = m_dir.filePath(QStringLiteral("unclean.qlens"));
    QVERIFY(test::createTestProject(path, {3, 5, 1}).isEmpty());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("crash"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE settings SET value = '0' WHERE key = 'clean_close'")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("crash"));
    m_window = makeWindow();
    QSignalSpy checkStarted(m_window->session(), &ProjectSession::checkStarted);
    m_window->openProject(path);
    QTRY_VERIFY(m_window->session()->isOpen());
    QVERIFY(m_window->session()->project()->wasUncleanlyClosed());
    QVERIFY(m_window->session()->project()->isVerified()); // checked while opening
    QTRY_COMPARE(m_window->statusText(), QStringLiteral("15 audits"));
    QCOMPARE(checkStarted.count(), 0); // no second check
    m_window->session()->close();
    // Closed cleanly this time, by the thread that now owns the connection.
    const QString oracle = test::openOracle(path);
    QCOMPARE(test::scalar(oracle, QStringLiteral("SELECT value FROM settings WHERE key = 'clean_close'")), 1);
    QSqlDatabase::database(oracle).close();
    QSqlDatabase::removeDatabase(oracle);
}

void TestMainWindow::closesAProjectTheCheckFindsDamaged()
{
    // A project whose header and settings read fine but whose audits table is broken: only the
    // background quick_check finds it.
    const QString path = m_dir.filePath(QStringLiteral("damaged.qlens"));
    QVERIFY(test::createTestProject(path, {30, 40, 0}).isEmpty());
    int rootPage = 0, pageSize = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE name = 'audits_agent'")) && q.next());
        rootPage = q.value(0).toInt();
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_size")) && q.next());
        pageSize = q.value(0).toInt();
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(qint64(rootPage - 1) * pageSize));
        f.write(QByteArray(pageSize, '\x5a'));
    }
    const QByteArray before = fileHash(path);
    m_window = makeWindow();
    QSignalSpy failed(m_window->session(), &ProjectSession::checkFailed);
    m_window->openProject(path); // the header is fine: it opens, then the check runs
    QTRY_VERIFY(m_window->session()->isOpen());
    QTRY_COMPARE(failed.count(), 1);
    QMessageBox *box = errorDialog(m_window.get());
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("damaged")), qPrintable(box->text()));
    box->close();
    QVERIFY(!m_window->session()->isOpen());
    QVERIFY(m_window->startPage()->isVisible());
    m_window.reset();
    QCOMPARE(fileHash(path), before);
}

void TestMainWindow::opensADroppedProject()
{
    m_window = makeWindow();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_small)});
    const QPoint at = m_window->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(drop.isAccepted());
    QTRY_VERIFY(m_window->session()->isOpen());
    QCOMPARE(m_window->session()->project()->path(), QFileInfo(m_small).absoluteFilePath());
    QTRY_COMPARE(m_window->statusText(), QStringLiteral("240 audits"));
}

void TestMainWindow::ignoresOtherDrops()
{
    m_window = makeWindow();
    const QString csv = m_dir.filePath(QStringLiteral("audits.csv"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("a,b\n");
    f.close();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(csv)});
    QDragEnterEvent enter(m_window->rect().center(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.ignore();
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(!enter.isAccepted());
    QMimeData two;
    two.setUrls({QUrl::fromLocalFile(m_small), QUrl::fromLocalFile(m_small)});
    QDragEnterEvent enterTwo(m_window->rect().center(), Qt::CopyAction, &two, Qt::LeftButton, Qt::NoModifier);
    enterTwo.ignore();
    QApplication::sendEvent(m_window.get(), &enterTwo);
    QVERIFY(!enterTwo.isAccepted());
}

void TestMainWindow::closeReturnsToTheStartPage()
{
    m_window = makeWindow();
    m_window->openProject(m_small);
    QTRY_VERIFY(m_window->session()->isOpen());
    QAction *close = nullptr;
    for (QAction *a : m_window->findChildren<QAction *>())
        if (a->text() == QStringLiteral("&Close Project"))
            close = a;
    QVERIFY(close && close->isEnabled());
    close->trigger();
    QVERIFY(!m_window->session()->isOpen());
    QVERIFY(m_window->startPage()->isVisible());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("QualityLens"));
    QVERIFY(!close->isEnabled());
    QVERIFY(m_window->startPage()->recentList()->isVisible()); // the project is in the recent list now
    QCOMPARE(m_window->statusText(), QString());
    QVERIFY(!QFile::exists(m_small + QStringLiteral(".lock"))); // the writer lock was released
    QCOMPARE(UiState::lastProject(), QString());
}

void TestMainWindow::remembersTheWindow()
{
    m_window = makeWindow();
    m_window->resize(1111, 777);
    m_window->close();
    m_window.reset();
    m_window = makeWindow();
    QCOMPARE(m_window->size(), QSize(1111, 777));
}

void TestMainWindow::aboutNamesVersionAndLicence()
{
    m_window = makeWindow();
    QAction *about = nullptr;
    for (QAction *a : m_window->findChildren<QAction *>())
        if (a->menuRole() == QAction::AboutRole)
            about = a;
    QVERIFY(about);
    about->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("aboutDialog"))));
    QVERIFY(box->text().contains(QStringLiteral(QL_VERSION)));
    QVERIFY(box->text().contains(QStringLiteral("GPL-3.0-or-later")));
    box->close();
}

void TestMainWindow::f1OpensTheGuide()
{
    m_window = makeWindow();
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    GuideDialog *guide = nullptr;
    QTRY_VERIFY((guide = m_window->findChild<GuideDialog *>()) && guide->isVisible());
    const QString text = guide->browser()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("The Data page")), qPrintable(text.left(200)));
    QVERIFY(text.contains(QStringLiteral("Opening a project")));
    guide->close();
    // Every image the guide shows is bundled with it (a missing one shows as a broken picture).
    QFile md(QStringLiteral(":/qualitylens/docs/guide.md"));
    QVERIFY(md.open(QIODevice::ReadOnly));
    const QString source = QString::fromUtf8(md.readAll());
    const QRegularExpression image(QStringLiteral("!\\[[^\\]]*\\]\\(([^)]+\\.png)\\)"));
    int images = 0;
    for (auto it = image.globalMatch(source); it.hasNext(); ++images) {
        const QString file = it.next().captured(1);
        QVERIFY2(QFile::exists(QStringLiteral(":/qualitylens/docs/") + file), qPrintable(file));
    }
    QVERIFY(images >= 6);
}

void TestMainWindow::opensTheDemo()
{
    m_window = makeWindow();
    DemoOptions small;
    small.agents = 10;
    small.months = 2;
    small.auditsPerAgentMonth = 2;
    m_window->demoBuilder()->setOptions(small);
    QSignalSpy built(m_window->demoBuilder(), &DemoBuilder::finished);
    const QString demo = m_dir.filePath(QStringLiteral("demo/demo.qlens"));
    QFile::remove(demo);
    m_window->openDemo();
    QVERIFY(m_window->demoBuilder()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isOpen(), 120000);
    QCOMPARE(m_window->windowTitle(), QStringLiteral("demo — QualityLens"));
    QVERIFY(QFile::exists(demo));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("demo/demo-partial.qlens"))));
    const QString oracle = test::openOracle(demo);
    const qint64 audits = test::scalar(oracle, QStringLiteral("SELECT count(*) FROM audits"));
    QSqlDatabase::database(oracle).close();
    QSqlDatabase::removeDatabase(oracle);
    QVERIFY(audits > 0);
    auto *data = qobject_cast<DataPage *>(m_window->page(QStringLiteral("data")));
    QVERIFY(data);
    QTRY_VERIFY(data->browser(RecordKind::Audits)->model()->isLoaded());
    QCOMPARE(qint64(data->browser(RecordKind::Audits)->model()->rowCount()), audits);
    QCOMPARE(m_window->statusText(), RecordBrowser::countText(RecordKind::Audits, audits, -1, QLocale()));

    // The second time it opens the file written the first time.
    QCOMPARE(built.count(), 1);
    m_window->session()->close();
    m_window->openDemo();
    QVERIFY(!m_window->demoBuilder()->isRunning());
    QTRY_VERIFY(m_window->session()->isOpen());
    QCOMPARE(built.count(), 1);
    m_window->session()->close();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

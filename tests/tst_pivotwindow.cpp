// SPDX-License-Identifier: GPL-3.0-or-later
// The Pivot page inside the main window: its place after Data with its own undo stack, "Chart This"
// opening the Charts page. With QL_PIVOT_SCREENSHOT=PROJECT.qlens (the demo, say) the window is
// also grabbed to QL_PIVOT_SCREENSHOT_OUT (default pivot.png): site and team down, quarter across,
// totals, and the QA score as a heat map. The page on its own: tst_pivotpage.
#include "charts/chartspage.h"
#include "common/jobstatuswidget.h"
#include "data/recordbrowser.h"
#include "data/recordtablemodel.h"
#include "mainwindow.h"
#include "pivot/pivotdrilldialog.h"
#include "pivot/pivotfilterpopup.h"
#include "pivot/pivotpage.h"
#include "pivot/pivottablemodel.h"
#include "projectsession.h"
#include "store/project.h"
#include "tst_pivottiny.h"

#include <QAction>
#include <QCoreApplication>
#include <QListWidget>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoGroup>
#include <QUndoStack>

using namespace ql;

class TestPivotWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void mainWindowShowsPivotAfterDataWithItsUndoStack();
    void chartThisOpensTheChartsPage();
    void screenshot();

private:
    QTemporaryDir m_dir;
    QString m_tiny;
};

void TestPivotWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QualityLensTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_pivotwindow"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    qRegisterMetaType<ql::Project *>();
    QVERIFY(m_dir.isValid());
    m_tiny = m_dir.filePath(QStringLiteral("tiny.qlens"));
    const QString error = test::createTinyPivotProject(m_tiny);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestPivotWindow::init()
{
    QSettings().clear();
}

void TestPivotWindow::mainWindowShowsPivotAfterDataWithItsUndoStack()
{
    MainWindow window;
    window.setDemoPath(m_dir.filePath(QStringLiteral("demo/demo.qlens")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *pivot = qobject_cast<PivotPage *>(window.page(QStringLiteral("pivot")));
    QVERIFY(pivot);
    auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
    QVERIFY(sidebar);
    QStringList order;
    for (int i = 0; i < sidebar->count(); ++i)
        order << sidebar->item(i)->text();
    QVERIFY2(order.indexOf(QStringLiteral("Pivot")) == order.indexOf(QStringLiteral("Data")) + 1,
             qPrintable(order.join(QLatin1Char(','))));
    QSignalSpy opened(window.session(), &ProjectSession::opened);
    window.openProject(m_tiny);
    QVERIFY(opened.wait(10000));
    sidebar->setCurrentRow(int(order.indexOf(QStringLiteral("Pivot"))));
    QCOMPARE(window.currentPage(), pivot);
    QCOMPARE(window.undoGroup()->activeStack(), pivot->layoutUndoStack());
    QTRY_VERIFY_WITH_TIMEOUT(!pivot->isBusy() && pivot->model()->rowCount() == 4, 30000);
    QVERIFY(window.statusText().contains(QStringLiteral("audits")));
    // Ctrl+Z on the pivot page undoes a layout change (the window's Undo acts on the active stack).
    PivotLayout next = pivot->currentLayout();
    next.spec.rows = {QStringLiteral("site")};
    pivot->changeLayout(next, QStringLiteral("site"));
    QAction *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
    QVERIFY(undo && undo->isEnabled());
    undo->trigger();
    QCOMPARE(pivot->currentLayout().spec.rows, (QStringList{"team"}));
    sidebar->setCurrentRow(int(order.indexOf(QStringLiteral("Data"))));
    QVERIFY(window.undoGroup()->activeStack() != pivot->layoutUndoStack());
    window.close();
}

// "Chart this": the pivot on screen opens on the Charts page as a chart of the same pivot — a line
// over months, bars over teams; with no row dimension the action is disabled.
void TestPivotWindow::chartThisOpensTheChartsPage()
{
    MainWindow window;
    window.setDemoPath(m_dir.filePath(QStringLiteral("demo/demo.qlens")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *pivot = qobject_cast<PivotPage *>(window.page(QStringLiteral("pivot")));
    auto *charts = qobject_cast<ChartsPage *>(window.page(QStringLiteral("charts")));
    QVERIFY(pivot && charts);
    QSignalSpy opened(window.session(), &ProjectSession::opened);
    window.openProject(m_tiny);
    QVERIFY(opened.wait(10000));
    auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
    for (int i = 0; i < sidebar->count(); ++i)
        if (sidebar->item(i)->text() == QLatin1String("Pivot"))
            sidebar->setCurrentRow(i);
    QCOMPARE(window.currentPage(), pivot);
    QTRY_VERIFY_WITH_TIMEOUT(!pivot->isBusy() && pivot->model()->result(), 30000);
    QAction *chartThis = pivot->findChild<QAction *>(QStringLiteral("chartThis"));
    QVERIFY(chartThis);

    PivotLayout layout = pivot->currentLayout();
    layout.spec.rows = {QStringLiteral("month")};
    layout.spec.cols = {};
    layout.spec.measures = {QStringLiteral("qa_score")};
    pivot->changeLayout(layout, QStringLiteral("month"));
    QTRY_VERIFY_WITH_TIMEOUT(!pivot->isBusy() && pivot->model()->result(), 30000);
    QVERIFY(chartThis->isEnabled());
    chartThis->trigger();
    QCOMPARE(window.currentPage(), charts);
    ChartSpec spec = charts->spec();
    QCOMPARE(spec.type, ChartType::Line);
    QCOMPARE(spec.pivot.rows, (QStringList{QStringLiteral("month")}));
    QCOMPARE(spec.pivot.measures, (QStringList{QStringLiteral("qa_score")}));
    QVERIFY2(spec.title.startsWith(QStringLiteral("QA score by month")), qPrintable(spec.title));

    for (int i = 0; i < sidebar->count(); ++i)
        if (sidebar->item(i)->text() == QLatin1String("Pivot"))
            sidebar->setCurrentRow(i);
    layout.spec.rows = {QStringLiteral("team")};
    pivot->changeLayout(layout, QStringLiteral("team"));
    QTRY_VERIFY_WITH_TIMEOUT(!pivot->isBusy() && pivot->model()->result(), 30000);
    chartThis->trigger();
    QCOMPARE(window.currentPage(), charts);
    spec = charts->spec();
    QCOMPARE(spec.type, ChartType::Bar);
    QCOMPARE(spec.pivot.rows, (QStringList{QStringLiteral("team")}));

    layout.spec.rows = {};
    layout.spec.cols = {QStringLiteral("team")};
    pivot->changeLayout(layout, QStringLiteral("no rows"));
    QTRY_VERIFY_WITH_TIMEOUT(!pivot->isBusy(), 30000);
    QVERIFY(!chartThis->isEnabled());
    window.close();
}

void TestPivotWindow::screenshot()
{
    const QString project = qEnvironmentVariable("QL_PIVOT_SCREENSHOT");
    if (project.isEmpty())
        QSKIP("QL_PIVOT_SCREENSHOT names no project");
    const QString out = qEnvironmentVariable("QL_PIVOT_SCREENSHOT_OUT", QStringLiteral("pivot.png"));
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *pivot = qobject_cast<PivotPage *>(window.page(QStringLiteral("pivot")));
    auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
    QSignalSpy opened(window.session(), &ProjectSession::opened);
    window.openProject(project);
    QVERIFY(opened.wait(120000));
    for (int i = 0; i < sidebar->count(); ++i)
        if (sidebar->item(i)->text() == QLatin1String("Pivot"))
            sidebar->setCurrentRow(i);
    QTRY_VERIFY_WITH_TIMEOUT(!pivot->isBusy() && pivot->model()->result(), 120000);
    PivotLayout layout = PivotLayout::defaultFor(PivotSource::Audits);
    layout.spec.rows = {QStringLiteral("site"), QStringLiteral("team")};
    layout.spec.cols = {QStringLiteral("quarter")};
    layout.spec.measures = {QStringLiteral("audits"), QStringLiteral("qa_score")};
    layout.heatMap = {QStringLiteral("qa_score")};
    layout.dateFilter = true;
    layout.spec.from = QDate(2026, 1, 1);
    layout.spec.filters = {{QStringLiteral("sample_type"), true, {QStringLiteral("csat_triggered")}}};
    pivot->changeLayout(layout, QStringLiteral("screenshot"));
    QTRY_VERIFY_WITH_TIMEOUT(!pivot->isBusy(), 120000);
    // Other pages' background work (the project's check) done, so the status bar shows the pivot's.
    auto *jobs = window.findChild<JobStatusWidget *>();
    if (!QTest::qWaitFor([&] { return !jobs || !jobs->isVisible(); }, 120000))
        qWarning("other pages are still busy; the status bar shows them");
    QTest::qWait(200);
    QVERIFY(window.grab().save(out));
    // A collapsed site, the team filter and the records behind a cell, to look at.
    auto named = [&](const char *suffix) {
        return QString(out).replace(QStringLiteral(".png"), QLatin1String(suffix));
    };
    pivot->model()->setGroupCollapsed(0, 0, true);
    QTest::qWait(200);
    QVERIFY(window.grab().save(named("-collapsed.png")));
    PivotFilterPopup *popup = pivot->editFilter(QStringLiteral("team"));
    QTest::qWait(200);
    QVERIFY(popup->grab().save(named("-filter.png")));
    popup->close();
    QSignalSpy drilled(pivot, &PivotPage::drillOpened);
    pivot->drillDown(1, 1);
    QVERIFY(drilled.wait(60000));
    auto *dialog = drilled.at(0).at(0).value<PivotDrillDialog *>();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->browser()->model()->isLoaded(), 60000);
    QTest::qWait(200);
    QVERIFY(dialog->grab().save(named("-drill.png")));
}

QTEST_MAIN(TestPivotWindow)
#include "tst_pivotwindow.moc"

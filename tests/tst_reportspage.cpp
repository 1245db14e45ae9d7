// SPDX-License-Identifier: GPL-3.0-or-later
// The Reports page driven headless in the main window on a small generated demo: last in the
// sidebar; the latest complete month by default; the preview has the pages the layout engine gives;
// editing the commentary is one undoable command (undo and redo restore the editor and the project);
// Export PDF/HTML write the files; Close Period stores the snapshot with the report's SHA-256; an
// empty project shows what to do next.
//
// With QL_REPORTS_SCREENSHOT=OUT.png the page is also grabbed (docs/screenshot-reports.png).
#include "common/emptystate.h"
#include "dashboard/dashboardsummary.h"
#include "demo/demogenerator.h"
#include "mainwindow.h"
#include "quality/periodclose.h"
#include "report/reportbuilder.h"
#include "report/reportlayout.h"
#include "report/reportnotesstore.h"
#include "reports/reportspage.h"
#include "scorecard/kpiengine.h"
#include "store/periodsnapshotstore.h"
#include "store/project.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTextCursor>
#include <QUndoGroup>
#include <QUndoStack>

using namespace ql;

class TestReportsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void lastInSidebar();
    void defaultsAndPreview();
    void previewPaintsPageByPage();
    void commentaryUndoRedo();
    void exportPdfAndHtml();
    void closePeriod();
    void emptyProject();
    void screenshot();

private:
    bool openAndWait(const QString &path);
    bool waitForPreview();
    ReportNotes storedNotes(const QString &period) const;

    QTemporaryDir m_dir;
    QString m_path;
    QString m_emptyPath;
    QString m_month; // the latest complete month of the demo: the page's default
    std::unique_ptr<MainWindow> m_window;
    ReportsPage *m_page = nullptr;
};

void TestReportsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QualityLensTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_reportspage"));
    QSettings().clear();
    m_path = m_dir.filePath(QStringLiteral("demo.qlens"));
    {
        ProjectError perr;
        auto project = Project::create(m_path, false, &perr);
        QVERIFY2(project, qPrintable(perr.message));
        DemoOptions o;
        o.agents = 12;
        o.months = 3;
        o.auditsPerAgentMonth = 6;
        QString error;
        QVERIFY2(generateDemo(*project, o, {}, &error), qPrintable(error));
        // The Dashboard's rule (a month is complete once it is over), from today as the page counts it.
        const QDate latest = KpiEngine(project->database()).queries().latestDate();
        m_month = DashboardSummary::latestCompleteMonth(latest, QDate::currentDate()).label();
    }
    m_emptyPath = m_dir.filePath(QStringLiteral("empty.qlens"));
    QVERIFY(Project::create(m_emptyPath, false, nullptr));

    m_window = std::make_unique<MainWindow>();
    m_page = qobject_cast<ReportsPage *>(m_window->page(QStringLiteral("reports")));
    QVERIFY(m_page);
    m_page->setConfirmer([](const QString &, const QString &, const QString &) { return true; });
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(openAndWait(m_path));
}

void TestReportsPage::cleanupTestCase()
{
    m_window.reset();
}

bool TestReportsPage::openAndWait(const QString &path)
{
    QSignalSpy loaded(m_page, &ReportsPage::periodsLoaded);
    m_window->openProject(path);
    return loaded.count() > 0 || loaded.wait(60000);
}

bool TestReportsPage::waitForPreview()
{
    QSignalSpy ready(m_page, &ReportsPage::previewReady);
    return ready.wait(120000);
}

ReportNotes TestReportsPage::storedNotes(const QString &period) const
{
    // A second connection, as another reader would see the project.
    ProjectError perr;
    auto project = Project::open(m_path, Project::Access::ReadOnly, Project::Check::Deferred, &perr);
    return project ? ReportNotesStore(project->database()).load(ReportTemplate::MonthlyQuality, period) : ReportNotes{};
}

void TestReportsPage::lastInSidebar()
{
    auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
    QVERIFY(sidebar);
    QCOMPARE(sidebar->item(sidebar->count() - 1)->text(), QStringLiteral("Reports"));
    sidebar->setCurrentRow(sidebar->count() - 1);
    QVERIFY(m_page->isVisible());
    // The page edits data: Ctrl+Z works on the project-wide data stack while it shows.
    QCOMPARE(m_window->undoGroup()->activeStack(), m_window->dataUndoStack());
}

// The demo covers August, September and October 2026; the default is the latest complete month.
void TestReportsPage::defaultsAndPreview()
{
    QCOMPARE(m_page->templateBox()->count(), 3);
    QCOMPARE(m_page->templateBox()->currentText(), QStringLiteral("Monthly Quality Report"));
    QCOMPARE(m_page->periodBox()->count(), 3);
    QCOMPARE(m_page->periodBox()->currentData().toString(), m_month);
    QCOMPARE(m_page->periodBox()->itemData(0).toString(), QStringLiteral("2026-10")); // newest first
    QCOMPARE(m_page->periodBox()->itemData(2).toString(), QStringLiteral("2026-08"));
    QVERIFY(!m_page->emptyState()->isVisible());
    if (m_page->isBusy() || m_page->previewPageCount() == 0)
        QVERIFY(waitForPreview());
    // The same document laid out directly has the same number of pages.
    ProjectError perr;
    auto project = Project::open(m_path, Project::Access::ReadOnly, Project::Check::Deferred, &perr);
    QVERIFY(project);
    QString error;
    const auto document = ReportBuilder::build(project->database(), ReportTemplate::MonthlyQuality,
                                               m_month, {}, &error);
    QVERIFY2(document, qPrintable(error));
    const int pages = ReportLayout(*document).pageCount();
    QVERIFY(pages > 1);
    QCOMPARE(m_page->previewPageCount(), pages);
    QVERIFY(m_page->previewMessage().startsWith(QString::number(pages)));
}

// The preview's pages are painted one per turn of the event loop (the charts paint on the GUI
// thread only), so a long report never holds the window: an event posted when the first page is
// painted runs before the last one is.
void TestReportsPage::previewPaintsPageByPage()
{
    if (m_page->isBusy())
        QVERIFY(waitForPreview());
    QList<int> painted;
    QList<bool> busy;
    int pagesWhenTicked = -1;
    auto connection = connect(m_page, &ReportsPage::previewPagePainted, this, [&](int n, int pages) {
        painted << n;
        busy << m_page->isBusy();
        if (n == 1 && pages > 1)
            QTimer::singleShot(0, this, [&] { pagesWhenTicked = m_page->previewPageCount(); });
    });
    QSignalSpy ready(m_page, &ReportsPage::previewReady);
    m_page->periodBox()->setCurrentIndex(m_page->periodBox()->currentIndex() == 0 ? 1 : 0);
    QVERIFY(ready.wait(120000));
    disconnect(connection);
    const int pages = m_page->previewPageCount();
    QVERIFY(pages > 1);
    QList<int> expected;
    for (int i = 1; i <= pages; ++i)
        expected << i;
    QCOMPARE(painted, expected);
    QVERIFY(pagesWhenTicked >= 1 && pagesWhenTicked < pages); // the event loop ran mid-paint
    QVERIFY(!busy.contains(false)); // painting counts as busy: a caller waits for previewReady
    QVERIFY(!m_page->isBusy());
    QVERIFY(m_page->previewMessage().startsWith(QString::number(pages)));
    // Back to the default month for the tests that follow.
    m_page->periodBox()->setCurrentIndex(m_page->periodBox()->findData(m_month));
    if (m_page->isBusy() || m_page->previewPageCount() == 0)
        QVERIFY(waitForPreview());
}

void TestReportsPage::commentaryUndoRedo()
{
    QAction *undo = nullptr;
    QAction *redo = nullptr;
    for (QAction *a : m_window->findChildren<QAction *>()) {
        if (a->shortcut() == QKeySequence::Undo)
            undo = a;
        if (a->shortcut() == QKeySequence(QKeySequence::Redo) || a->shortcuts().contains(QKeySequence::Redo))
            redo = a;
    }
    QVERIFY(undo && redo);
    const QString before = storedNotes(m_month).commentary;
    QVERIFY(before.isEmpty());

    m_page->commentaryEdit()->setFocus();
    QTest::keyClicks(m_page->commentaryEdit(), QStringLiteral("Pass rate held while volume grew."));
    QTest::keyClicks(m_page->actionsEdit(), QStringLiteral("Coach the Returns queue on refunds"));
    QVERIFY(m_page->saveNotesButton()->isEnabled());
    QTest::mouseClick(m_page->saveNotesButton(), Qt::LeftButton);
    QVERIFY(!m_page->saveNotesButton()->isEnabled());
    const ReportNotes saved = storedNotes(m_month);
    QCOMPARE(saved.commentary, QStringLiteral("Pass rate held while volume grew."));
    QCOMPARE(saved.actions, QStringList{QStringLiteral("Coach the Returns queue on refunds")});
    QCOMPARE(m_window->dataUndoStack()->count(), 1);

    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(m_page->commentaryEdit()->toPlainText(), QString());
    QCOMPARE(m_page->actionsEdit()->toPlainText(), QString());
    QCOMPARE(storedNotes(m_month), ReportNotes{});

    QVERIFY(redo->isEnabled());
    redo->trigger();
    QCOMPARE(m_page->commentaryEdit()->toPlainText(), QStringLiteral("Pass rate held while volume grew."));
    QCOMPARE(storedNotes(m_month), saved);

    // Typed notes follow their report: switching period saves them to the month they were typed for.
    m_page->commentaryEdit()->moveCursor(QTextCursor::End);
    QTest::keyClicks(m_page->commentaryEdit(), QStringLiteral(" Steady."));
    const int shown = m_page->periodBox()->currentIndex();
    m_page->periodBox()->setCurrentIndex(shown == 2 ? 1 : 2); // another month, without notes
    QCOMPARE(storedNotes(m_month).commentary,
             QStringLiteral("Pass rate held while volume grew. Steady."));
    QCOMPARE(m_page->commentaryEdit()->toPlainText(), QString()); // that month has none
    m_page->periodBox()->setCurrentIndex(shown);
    QCOMPARE(m_page->commentaryEdit()->toPlainText(), QStringLiteral("Pass rate held while volume grew. Steady."));
}

void TestReportsPage::exportPdfAndHtml()
{
    const QString pdf = m_dir.filePath(QStringLiteral("out/monthly.pdf"));
    const QString html = m_dir.filePath(QStringLiteral("monthly.html"));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("out"))));
    QString next = pdf;
    m_page->setFileChooser([&next](const QString &, const QString &suggested, const QString &) {
        Q_UNUSED(suggested)
        return next;
    });
    QSignalSpy finished(m_page, &ReportsPage::exportFinished);
    QTest::mouseClick(m_page->exportPdfButton(), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.size() > 0);
    QVERIFY(file.read(5) == "%PDF-");

    next = html;
    finished.clear();
    QTest::mouseClick(m_page->exportHtmlButton(), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QVERIFY(finished.first().at(0).toBool());
    QFile page(html);
    QVERIFY(page.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(page.readAll());
    // The commentary typed on the page is in the report.
    QVERIFY(text.contains(QStringLiteral("Pass rate held while volume grew. Steady.")));
    QVERIFY(text.contains(QStringLiteral("Coach the Returns queue on refunds")));
}

void TestReportsPage::closePeriod()
{
    QCOMPARE(m_page->periodBox()->currentData().toString(), m_month);
    QVERIFY(m_page->periodState()->text().contains(QStringLiteral("not closed")));
    QSignalSpy closed(m_page, &ReportsPage::periodCloseFinished);
    QSignalSpy reloaded(m_page, &ReportsPage::periodsLoaded);
    QTest::mouseClick(m_page->closePeriodButton(), Qt::LeftButton);
    QVERIFY(closed.wait(120000));
    QVERIFY2(closed.first().at(0).toBool(), qPrintable(closed.first().at(1).toString()));
    QVERIFY(reloaded.count() > 0 || reloaded.wait(60000));
    QVERIFY(m_page->periodBox()->currentText().endsWith(QStringLiteral("(closed)")));
    QVERIFY(m_page->periodState()->text().contains(QStringLiteral("is closed")));

    ProjectError perr;
    auto project = Project::open(m_path, Project::Access::ReadOnly, Project::Check::Deferred, &perr);
    QVERIFY(project);
    const auto snapshot = PeriodSnapshotStore(project->database()).load(m_month);
    QVERIFY(snapshot);
    const QList<PeriodClose::StoredReport> reports = PeriodClose::reports(*snapshot);
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.first().templateName, QStringLiteral("monthly-quality"));
    const QByteArray bytes = PeriodClose::reportBytes(*snapshot, QStringLiteral("monthly-quality"), QStringLiteral("pdf"));
    QVERIFY(bytes.startsWith("%PDF-"));
    QCOMPARE(reports.first().sha256,
             QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
}

void TestReportsPage::emptyProject()
{
    QVERIFY(openAndWait(m_emptyPath));
    QVERIFY(m_page->emptyState()->isVisible());
    QCOMPARE(m_page->emptyState()->text(), QStringLiteral("No audits or CSAT responses yet — File → Import… or open the demo."));
    QCOMPARE(m_page->periodBox()->count(), 0);
    QVERIFY(!m_page->exportPdfButton()->isEnabled());
    QVERIFY(!m_page->closePeriodButton()->isEnabled());
    QVERIFY(m_page->commentaryEdit()->isReadOnly());
    QVERIFY(openAndWait(m_path));
    QVERIFY(!m_page->emptyState()->isVisible());
}

void TestReportsPage::screenshot()
{
    const QString out = qEnvironmentVariable("QL_REPORTS_SCREENSHOT");
    if (out.isEmpty())
        QSKIP("QL_REPORTS_SCREENSHOT is not set");
    const QString project = qEnvironmentVariable("QL_REPORTS_SCREENSHOT_PROJECT", m_path);
    m_window->resize(1280, 800);
    auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
    sidebar->setCurrentRow(sidebar->count() - 1);
    QSignalSpy ready(m_page, &ReportsPage::previewReady);
    QVERIFY(openAndWait(project));
    if (m_page->previewPageCount() == 0)
        QVERIFY(ready.wait(600000));
    QTest::qWait(200); // let the layout settle before the grab (not an assertion)
    QVERIFY(m_window->grab().save(out));
}

QTEST_MAIN(TestReportsPage)
#include "tst_reportspage.moc"

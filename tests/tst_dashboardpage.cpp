// SPDX-License-Identifier: GPL-3.0-or-later
// The Dashboard page (ui/dashboard) in the real main window, offscreen, on the mini project: it is
// the first page; the tiles show the scoring engine's numbers for the latest complete month
// (hand-computed below) with sparklines and small samples greyed; the movers, open disputes and
// freshness; click-through to Scorecards and Data; the empty state of a project without audits.
//
// With QL_DASHBOARD_SCREENSHOT=PROJECT.qlens (for instance the demo) the page is also grabbed to
// QL_DASHBOARD_SCREENSHOT_OUT (default dashboard.png).
#include "common/emptystate.h"
#include "common/page.h"
#include "dashboard/dashboardpage.h"
#include "dashboard/dashboardsummary.h"
#include "mainwindow.h"
#if __has_include("import/importwizard.h")
#include "import/importwizard.h"
#endif
#include "calibration/calibrationpage.h"
#include "miniproject.h"
#include "projectsession.h"
#include "scorecards/disputesview.h"
#include "scorecards/kpitile.h"
#include "scorecards/scorecardspage.h"
#include "scorecards/scorecardtablemodel.h"
#include "store/calibrationstore.h"
#include "store/disputestore.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLinkButton>
#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

class TestDashboardPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void latestCompleteMonth_data();
    void latestCompleteMonth();
    void calibrationSessions_data();
    void calibrationSessions();
    void firstPage();
    void tiles();
    void moversDisputesFreshness();
    void clickThrough();
    void calibrationClickThrough();
    void disputesClickThrough();
    void everyTileClicksThrough();
    void emptyProject();
    void screenshot();

private:
    bool openAndWait(const QString &path, int timeout = 30000);

    QTemporaryDir m_dir;
    QString m_path;
    QString m_emptyPath;
    std::unique_ptr<MainWindow> m_window;
    DashboardPage *m_page = nullptr;
    qint64 m_marchSession = 0;
    qint64 m_aprilSession = 0;
};

// The audits of tst_scorecardpage plus C2 (so March has the minimum sample of 10) and one April
// audit (the latest fact date, 2026-04-10; the page's today is 2026-04-15, so April is still
// running and March is shown).
// Counted March audits (M6 is a `self` audit, not counted):
//   M1 80, M2 80, M3 60, M4 0 (critical), M5 100, B1 100, B2 100, B3 60, C1 100, C2 100
//   n = 10, sum 780: QA score 78.0%; passed (≥ 80) M1 M2 M5 B1 B2 C1 C2 = 7: 70.0%;
//   critical 1/10 = 10.0%.
// February: F1 100, F2 100, F3 80: 280/3 = 93.3%, so the delta is 78.0 − 93.33 = −15.3 pts
// (Welch t ≈ 1.27: not significant). Target 80 (the scorecard's pass threshold): 78 < 80 but the
// 95% interval 78 ± 2.262·31.9/√10 = 55.2–100 (clipped) reaches it: Watch.
// CSAT: one response (5 of 5) in March, below the 20 responses minimum: 100.0%, greyed.
void TestDashboardPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QualityLensTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_dashboardpage"));
    QSettings().clear(); // no remembered page: the first page shows
    m_path = m_dir.filePath(QStringLiteral("mini.qlens"));
    {
        test::MiniProject mini(m_path);
        QVERIFY2(mini.error().isEmpty(), qPrintable(mini.error()));
        using P = test::MiniProject;
        const QString ag1 = QStringLiteral("AG1"), ag2 = QStringLiteral("AG2"), ag3 = QStringLiteral("AG3");
        const QString qa1 = QStringLiteral("QA1"), qa2 = QStringLiteral("QA2");
        QVERIFY(mini.addAudit(QStringLiteral("M1"), P::Good, ag1, QDate(2026, 3, 2), qa1));
        QVERIFY(mini.addAudit(QStringLiteral("M2"), P::Good, ag1, QDate(2026, 3, 5), qa2));
        const qint64 m3 = mini.addAudit(QStringLiteral("M3"), P::Weak, ag1, QDate(2026, 3, 10), qa1);
        QVERIFY(m3);
        QVERIFY(mini.addAudit(QStringLiteral("M4"), P::Critical, ag1, QDate(2026, 3, 17), qa2));
        QVERIFY(mini.addAudit(QStringLiteral("M5"), P::Perfect, ag1, QDate(2026, 3, 31), qa1));
        QVERIFY(mini.addAudit(QStringLiteral("M6"), P::Perfect, ag1, QDate(2026, 3, 20), qa1, QStringLiteral("self")));
        QVERIFY(mini.addAudit(QStringLiteral("F1"), P::Perfect, ag1, QDate(2026, 2, 2)));
        QVERIFY(mini.addAudit(QStringLiteral("F2"), P::Perfect, ag1, QDate(2026, 2, 3)));
        QVERIFY(mini.addAudit(QStringLiteral("F3"), P::Good, ag1, QDate(2026, 2, 27)));
        QVERIFY(mini.addAudit(QStringLiteral("B1"), P::Perfect, ag2, QDate(2026, 3, 3), qa2));
        QVERIFY(mini.addAudit(QStringLiteral("B2"), P::Perfect, ag2, QDate(2026, 3, 4), qa2));
        QVERIFY(mini.addAudit(QStringLiteral("B3"), P::Weak, ag2, QDate(2026, 3, 6), qa2));
        QVERIFY(mini.addAudit(QStringLiteral("C1"), P::Perfect, ag3, QDate(2026, 3, 6), qa1));
        QVERIFY(mini.addAudit(QStringLiteral("C2"), P::Perfect, ag3, QDate(2026, 3, 9), qa1));
        QVERIFY(mini.addAudit(QStringLiteral("A1"), P::Good, ag2, QDate(2026, 4, 10), qa1));
        QVERIFY(mini.addResponse(QStringLiteral("R1"), 5, QDate(2026, 3, 3), ag1));
        QString error;
        DisputeStore disputes(mini.db());
        QVERIFY2(disputes.open(m3, QStringLiteral("Ann"), QStringLiteral("agent"), QStringLiteral("Tone was fine"),
                               {QStringLiteral("tone")}, &error),
                 qPrintable(error));
        // Calibration, seen on 2026-04-15: February and March closed, April's planned for the 22nd
        // (the next), a January draft never finished (under way, but the planned one comes first).
        CalibrationStore sessions(mini.db());
        auto session = [&](const QString &title, QDate date, CalibrationState state) -> qint64 {
            CalibrationSessionInfo info;
            info.title = title;
            info.date = date;
            info.state = state;
            info.scorecardId = mini.scorecard().id;
            info.lead = QStringLiteral("Dana");
            info.createdAt = QStringLiteral("2026-01-05T09:00:00Z");
            const auto id = sessions.insertSession(info);
            if (id && state == CalibrationState::Closed)
                sessions.updateSession(*id, "closed_at", date.addDays(2).toString(Qt::ISODate));
            return id.value_or(0);
        };
        QVERIFY(session(QStringLiteral("January draft"), QDate(2026, 1, 10), CalibrationState::Draft));
        QVERIFY(session(QStringLiteral("February calibration"), QDate(2026, 2, 18), CalibrationState::Closed));
        m_marchSession = session(QStringLiteral("March calibration"), QDate(2026, 3, 18), CalibrationState::Closed);
        m_aprilSession = session(QStringLiteral("April calibration"), QDate(2026, 4, 22), CalibrationState::Scoring);
        QVERIFY(m_marchSession && m_aprilSession);
    }
    m_emptyPath = m_dir.filePath(QStringLiteral("empty.qlens"));
    {
        test::MiniProject empty(m_emptyPath);
        QVERIFY2(empty.error().isEmpty(), qPrintable(empty.error()));
    }
    m_window = std::make_unique<MainWindow>();
    m_page = qobject_cast<DashboardPage *>(m_window->page(QStringLiteral("dashboard")));
    QVERIFY(m_page);
    m_page->setToday(QDate(2026, 4, 15)); // April is still running: March is the latest complete month
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(openAndWait(m_path));
}

void TestDashboardPage::cleanupTestCase()
{
    m_window.reset();
}

bool TestDashboardPage::openAndWait(const QString &path, int timeout)
{
    QSignalSpy loaded(m_page, &DashboardPage::loaded);
    m_window->openProject(path);
    return loaded.wait(timeout);
}

// A month is complete once it is over (today is past its last day), counted from the latest fact
// date when that is earlier than today (ui.md's filter bar).
void TestDashboardPage::latestCompleteMonth_data()
{
    QTest::addColumn<QDate>("latest");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QString>("month");
    // The demo: data to Friday 30 October, viewed in November: October is over, so it is shown.
    QTest::newRow("demo: Oct 30 seen in Nov") << QDate(2026, 10, 30) << QDate(2026, 11, 27) << QStringLiteral("2026-10");
    QTest::newRow("Oct 30 seen on Oct 31") << QDate(2026, 10, 30) << QDate(2026, 10, 31) << QStringLiteral("2026-09");
    QTest::newRow("last day, seen that day") << QDate(2026, 3, 31) << QDate(2026, 3, 31) << QStringLiteral("2026-02");
    QTest::newRow("last day, seen the next") << QDate(2026, 3, 31) << QDate(2026, 4, 1) << QStringLiteral("2026-03");
    QTest::newRow("mid month, month running") << QDate(2026, 4, 10) << QDate(2026, 4, 15) << QStringLiteral("2026-03");
    QTest::newRow("first day, month running") << QDate(2026, 4, 1) << QDate(2026, 4, 1) << QStringLiteral("2026-03");
    QTest::newRow("old data: its month") << QDate(2025, 6, 3) << QDate(2026, 11, 27) << QStringLiteral("2025-06");
    QTest::newRow("leap February complete") << QDate(2028, 2, 29) << QDate(2028, 3, 1) << QStringLiteral("2028-02");
    QTest::newRow("January: December before") << QDate(2027, 1, 30) << QDate(2027, 1, 31) << QStringLiteral("2026-12");
    // Facts dated after today count from today: the month before today's.
    QTest::newRow("future facts") << QDate(2026, 12, 15) << QDate(2026, 11, 27) << QStringLiteral("2026-10");
    QTest::newRow("no facts") << QDate() << QDate(2026, 11, 27) << QStringLiteral("2026-10");
}

void TestDashboardPage::latestCompleteMonth()
{
    QFETCH(QDate, latest);
    QFETCH(QDate, today);
    QFETCH(QString, month);
    QCOMPARE(DashboardSummary::latestCompleteMonth(latest, today).label(), month);
}

// The next session: not closed, the earliest dated today or later, else the latest under way
// (dated before today); the last: the latest closed (ties on the date: the higher id).
void TestDashboardPage::calibrationSessions_data()
{
    QTest::addColumn<QList<CalibrationSessionInfo>>("sessions");
    QTest::addColumn<qint64>("next");
    QTest::addColumn<qint64>("last");
    auto info = [](qint64 id, QDate date, CalibrationState state) {
        CalibrationSessionInfo i;
        i.id = id;
        i.date = date;
        i.state = state;
        return i;
    };
    using S = CalibrationState;
    // Seen on 2026-11-27.
    QTest::newRow("none") << QList<CalibrationSessionInfo>{} << qint64(0) << qint64(0);
    QTest::newRow("planned beats under way")
        << QList<CalibrationSessionInfo>{info(1, {2026, 10, 21}, S::Review), info(2, {2026, 12, 16}, S::Draft),
                                         info(3, {2026, 12, 2}, S::Scoring), info(4, {2026, 10, 14}, S::Closed)}
        << qint64(3) << qint64(4);
    QTest::newRow("today's session is next")
        << QList<CalibrationSessionInfo>{info(5, {2026, 11, 27}, S::Scoring), info(6, {2026, 12, 1}, S::Draft)}
        << qint64(5) << qint64(0);
    QTest::newRow("only under way: the latest")
        << QList<CalibrationSessionInfo>{info(7, {2026, 9, 1}, S::Draft), info(8, {2026, 10, 21}, S::Review),
                                         info(9, {2026, 8, 19}, S::Closed), info(10, {2026, 9, 16}, S::Closed)}
        << qint64(8) << qint64(10);
    QTest::newRow("closed on one day: the higher id")
        << QList<CalibrationSessionInfo>{info(11, {2026, 9, 16}, S::Closed), info(12, {2026, 9, 16}, S::Closed)}
        << qint64(0) << qint64(12);
}

void TestDashboardPage::calibrationSessions()
{
    QFETCH(QList<CalibrationSessionInfo>, sessions);
    QFETCH(qint64, next);
    QFETCH(qint64, last);
    const auto picked = DashboardSummary::calibrationSessions(sessions, QDate(2026, 11, 27));
    QCOMPARE(picked.next ? picked.next->id : 0, next);
    QCOMPARE(picked.last ? picked.last->id : 0, last);
}

void TestDashboardPage::firstPage()
{
    auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
    QVERIFY(sidebar);
    QCOMPARE(sidebar->item(0)->text(), QStringLiteral("Dashboard"));
    QCOMPARE(m_window->currentPage()->pageId(), QStringLiteral("dashboard"));
    QVERIFY(m_page->body()->isVisible());
    QVERIFY(!m_page->emptyState()->isVisible());
    QCOMPARE(m_window->statusText(), m_page->statusText());
    QVERIFY2(m_page->statusText().contains(QStringLiteral("10 audits")), qPrintable(m_page->statusText()));
}

void TestDashboardPage::tiles()
{
    const DashboardSummary &s = m_page->summary();
    QCOMPARE(s.latestFact, QDate(2026, 4, 10));
    QCOMPARE(s.report.period.label(), QStringLiteral("2026-03"));
    QVERIFY(s.latestMonthPartial);
    QVERIFY(m_page->headline()->text().contains(QLocale().toString(QDate(2026, 3, 1), QStringLiteral("MMMM yyyy"))));

    KpiTile *qa = m_page->tile(QStringLiteral("qa_score"));
    QCOMPARE(qa->valueText(), QStringLiteral("78.0%"));
    QCOMPARE(qa->deltaText(), QStringLiteral("▼ −15.3 pts vs 93.3%")); // not significant: no ✱
    QVERIFY(!qa->isGreyed());
    QVERIFY2(qa->statusText().contains(QStringLiteral("Watch")), qPrintable(qa->statusText()));
    QVERIFY(qa->statusText().contains(QStringLiteral("Target 80.0%")));
    QCOMPARE(qa->noteText(), QStringLiteral("n = 10"));
    QCOMPARE(m_page->tile(QStringLiteral("pass_rate"))->valueText(), QStringLiteral("70.0%"));
    QCOMPARE(m_page->tile(QStringLiteral("critical_rate"))->valueText(), QStringLiteral("10.0%"));
    QCOMPARE(m_page->tile(QStringLiteral("audits"))->valueText(), QStringLiteral("10"));
    KpiTile *csat = m_page->tile(QStringLiteral("csat_pct"));
    QCOMPARE(csat->valueText(), QStringLiteral("100.0%"));
    QVERIFY(csat->isGreyed());
    QCOMPARE(csat->noteText(), QStringLiteral("Small sample: n = 1, below 20"));

    // Sparklines: April 2025 … March 2026; only February and March have audits.
    const QList<std::optional<double>> spark = qa->sparkline();
    QCOMPARE(spark.size(), 12);
    for (int i = 0; i < 10; ++i)
        QVERIFY2(!spark.at(i), qPrintable(QString::number(i)));
    QVERIFY(spark.at(10) && qAbs(*spark.at(10) - 280.0 / 3.0) < 1e-9);
    QVERIFY(spark.at(11) && qAbs(*spark.at(11) - 78.0) < 1e-9);
    QCOMPARE(m_page->tile(QStringLiteral("audits"))->sparkline().at(11), std::optional<double>(10.0));
    QCOMPARE(m_page->tile(QStringLiteral("pass_rate"))->sparkline().at(10), std::optional<double>(100.0)); // F1–F3 all pass
}

void TestDashboardPage::moversDisputesFreshness()
{
    const DashboardSummary &s = m_page->summary();
    QCOMPARE(s.movers.size(), 3);
    QCOMPARE(s.movers.at(0).kpi, QStringLiteral("qa_score"));
    QCOMPARE(s.movers.at(2).kpi, QStringLiteral("csat_pct"));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!s.movers.at(i).sentence.isEmpty());
        QVERIFY(m_page->moverLabels().at(i)->isVisible());
        QVERIFY(m_page->moverLabels().at(i)->text().contains(s.movers.at(i).sentence.toHtmlEscaped()));
    }
    QVERIFY2(s.movers.at(0).analysed, qPrintable(s.movers.at(0).sentence));
    QCOMPARE(s.openDisputes, 1);
    QCOMPARE(m_page->disputesButton()->text(), QStringLiteral("1 open dispute"));
    QVERIFY(m_page->freshnessButton()->text().contains(QLocale().toString(QDate(2026, 4, 10), QLocale::ShortFormat)));
}

void TestDashboardPage::clickThrough()
{
    auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
    QTest::mouseClick(m_page->tile(QStringLiteral("qa_score")), Qt::LeftButton);
    QCOMPARE(m_window->currentPage()->pageId(), QStringLiteral("scorecards"));
    sidebar->setCurrentRow(0);
    QCOMPARE(m_window->currentPage(), m_page);
    m_page->tile(QStringLiteral("audits"))->setFocus();
    QTest::keyClick(m_page->tile(QStringLiteral("audits")), Qt::Key_Return);
    QCOMPARE(m_window->currentPage()->pageId(), QStringLiteral("data"));
    sidebar->setCurrentRow(0);
    // A mover's "Explain" link: Insights when the page exists, otherwise Scorecards.
    Q_EMIT m_page->moverLabels().at(0)->linkActivated(QStringLiteral("insights,scorecards"));
    QCOMPARE(m_window->currentPage()->pageId(),
             m_window->page(QStringLiteral("insights")) ? QStringLiteral("insights") : QStringLiteral("scorecards"));
    sidebar->setCurrentRow(0);
}

void TestDashboardPage::calibrationClickThrough()
{
    auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
    const DashboardSummary &s = m_page->summary();
    QVERIFY(s.calibration.next && s.calibration.last);
    QCOMPARE(s.calibration.next->id, m_aprilSession);
    QCOMPARE(s.calibration.last->id, m_marchSession);
    const QLocale locale;
    QCOMPARE(m_page->nextSessionButton()->text(),
             QStringLiteral("Next calibration: ") + locale.toString(QDate(2026, 4, 22), QLocale::ShortFormat));
    QVERIFY2(m_page->nextSessionButton()->description().startsWith(QStringLiteral("April calibration: being scored")),
             qPrintable(m_page->nextSessionButton()->description()));
    QCOMPARE(m_page->lastSessionButton()->text(),
             QStringLiteral("Last calibration: ") + locale.toString(QDate(2026, 3, 18), QLocale::ShortFormat));
    QVERIFY(m_page->lastSessionButton()->description().startsWith(QStringLiteral("March calibration: ")));

    auto *calibration = qobject_cast<CalibrationPage *>(m_window->page(QStringLiteral("calibration")));
    QVERIFY(calibration);
    QTest::mouseClick(m_page->nextSessionButton(), Qt::LeftButton);
    QCOMPARE(m_window->currentPage(), calibration);
    QCOMPARE(calibration->sessionId(), m_aprilSession);
    sidebar->setCurrentRow(0);
    m_page->lastSessionButton()->setFocus();
    QTest::keyClick(m_page->lastSessionButton(), Qt::Key_Space);
    QCOMPARE(m_window->currentPage(), calibration);
    QCOMPARE(calibration->sessionId(), m_marchSession);
    // The Calibration page loads a session off the UI thread: its heading follows when that is done.
    QTRY_VERIFY_WITH_TIMEOUT(calibration->heading()->text().contains(QStringLiteral("March calibration")), 10000);
    sidebar->setCurrentRow(0);
}

// "1 open dispute" opens the Scorecards page's Disputes tab on the project's open disputes: the
// one on M3, whatever agent and period the scorecard showed.
void TestDashboardPage::disputesClickThrough()
{
    auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
    auto *scorecards = qobject_cast<ScorecardsPage *>(m_window->page(QStringLiteral("scorecards")));
    QVERIFY(scorecards);
    QSignalSpy loaded(scorecards, &ScorecardsPage::loaded);
    QTest::mouseClick(m_page->disputesButton(), Qt::LeftButton);
    QCOMPARE(m_window->currentPage(), scorecards);
    QCOMPARE(scorecards->tabs()->currentWidget(), scorecards->disputesView());
    QVERIFY(scorecards->disputesView()->allOpenBox()->isChecked());
    while (scorecards->isLoading() || loaded.isEmpty())
        QVERIFY(loaded.wait(30000));
    const ScorecardTableModel *model = scorecards->disputesView()->disputesModel();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("M3"));
    QCOMPARE(model->index(0, 8).data().toString(), QStringLiteral("open"));
    // Clearing the box goes back to the disputes of the scorecard's own period.
    scorecards->disputesView()->allOpenBox()->setChecked(false);
    QVERIFY(loaded.wait(30000));
    QVERIFY(!scorecards->disputesView()->allOpenBox()->isChecked());
    sidebar->setCurrentRow(0);
}

// ui.md: every number that summarises records clicks through. Each tile, button and link of the
// page leaves the Dashboard for another page.
void TestDashboardPage::everyTileClicksThrough()
{
    auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
    QList<QWidget *> clickable;
    for (const char *kpi : {"qa_score", "pass_rate", "critical_rate", "csat_pct", "audits"})
        clickable << m_page->tile(QString::fromLatin1(kpi));
    clickable << m_page->disputesButton() << m_page->freshnessButton() << m_page->nextSessionButton()
              << m_page->lastSessionButton();
    for (QWidget *w : std::as_const(clickable)) {
        sidebar->setCurrentRow(0);
        QCOMPARE(m_window->currentPage(), m_page);
        QTest::mouseClick(w, Qt::LeftButton);
        QVERIFY2(m_window->currentPage() != m_page, qPrintable(w->objectName()));
    }
    for (QLabel *mover : m_page->moverLabels()) {
        sidebar->setCurrentRow(0);
        QVERIFY(mover->text().contains(QStringLiteral("<a href=")));
        Q_EMIT mover->linkActivated(QStringLiteral("insights,scorecards"));
        QVERIFY(m_window->currentPage() != m_page);
    }
    sidebar->setCurrentRow(0);
}

void TestDashboardPage::emptyProject()
{
    QVERIFY(openAndWait(m_emptyPath));
    QVERIFY(m_page->summary().isEmpty());
    QVERIFY(m_page->emptyState()->isVisible());
    QVERIFY(!m_page->body()->isVisible());
    QCOMPARE(m_page->emptyState()->text(), QStringLiteral("No audits yet — File → Import… or open the demo."));
    QVERIFY(openAndWait(m_path)); // back to the mini project: the body again
    QVERIFY(!m_page->emptyState()->isVisible());
    QVERIFY(m_page->body()->isVisible());
}

void TestDashboardPage::screenshot()
{
    const QString project = qEnvironmentVariable("QL_DASHBOARD_SCREENSHOT");
    if (project.isEmpty())
        QSKIP("QL_DASHBOARD_SCREENSHOT is not set");
    m_window->resize(1280, 800);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(openAndWait(project, 600000));
    qInfo("dashboard of %s loaded in %lld ms", qPrintable(project), qint64(clock.elapsed()));
    QTest::qWait(200); // let the layout settle before the grab (not an assertion)
    const QString out = qEnvironmentVariable("QL_DASHBOARD_SCREENSHOT_OUT", QStringLiteral("dashboard.png"));
    QVERIFY(m_window->grab().save(out));
}

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"

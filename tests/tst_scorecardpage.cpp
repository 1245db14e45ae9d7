// SPDX-License-Identifier: GPL-3.0-or-later
// The Scorecards page (ui/scorecards) in the real main window, offscreen, on the mini project:
// the sidebar order and the data undo stack, KPI tiles with hand-computed values, the criteria,
// audits, ranking, auditors and trend tables (each under QAbstractItemModelTester), the audit
// form with its explanation, a correction through the dialog, Edit → Undo and Redo.
//
// With QL_SCORECARD_SCREENSHOT=PROJECT.qlens (for instance the demo) the page is also grabbed to
// QL_SCORECARD_SCREENSHOT_OUT (default scorecards.png): an agent, a team and an audit.
#include "common/page.h"
#include "mainwindow.h"
// mainwindow.h's inline importWizard() needs the wizard's full type where the import page exists.
#if __has_include("import/importwizard.h")
#include "import/importwizard.h"
#endif
#include "miniproject.h"
#include "projectsession.h"
#include "scorecards/auditformview.h"
#include "scorecards/kpitile.h"
#include "scorecards/scorecardspage.h"
#include "scorecards/scorecardtablemodel.h"
#include "scorecards/trendchart.h"
#include "store/projectsettings.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoGroup>
#include <QUndoStack>

using namespace ql;

class TestScorecardPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sidebarAndUndoStack();
    void agentTiles();
    void tables();
    void auditFormAndExplanation();
    void correctThroughDialogUndoRedo();
    void teamRanking();
    void screenshot();

private:
    bool showAndWait(const KpiSlice &slice, const QString &period);
    int auditRow(const QString &key) const;

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    ScorecardsPage *m_page = nullptr;
    QList<QAbstractItemModelTester *> m_testers;
};

// The data of tst_kpis: Ann (AG1) in March 2026 has Good 80, Good 80, Weak 60, Critical 0,
// Perfect 100 and a `self` Perfect; February Perfect, Perfect, Good; Bob (AG2) Perfect, Perfect,
// Weak; Cid (AG3) Perfect.
void TestScorecardPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_path = m_dir.filePath(QStringLiteral("mini.qlens"));
    {
        test::MiniProject mini(m_path);
        QVERIFY2(mini.error().isEmpty(), qPrintable(mini.error()));
        using P = test::MiniProject;
        const QString ag1 = QStringLiteral("AG1"), qa1 = QStringLiteral("QA1"), qa2 = QStringLiteral("QA2");
        const QString random = QStringLiteral("random");
        QVERIFY(mini.addAudit(QStringLiteral("M1"), P::Good, ag1, QDate(2026, 3, 2), qa1, random,
                              QStringLiteral("Billing"), QStringLiteral("T1")));
        QVERIFY(mini.addAudit(QStringLiteral("M2"), P::Good, ag1, QDate(2026, 3, 5), qa2));
        QVERIFY(mini.addAudit(QStringLiteral("M3"), P::Weak, ag1, QDate(2026, 3, 10), qa1));
        QVERIFY(mini.addAudit(QStringLiteral("M4"), P::Critical, ag1, QDate(2026, 3, 17), qa2));
        QVERIFY(mini.addAudit(QStringLiteral("M5"), P::Perfect, ag1, QDate(2026, 3, 31), qa1));
        QVERIFY(mini.addAudit(QStringLiteral("M6"), P::Perfect, ag1, QDate(2026, 3, 20), qa1, QStringLiteral("self")));
        QVERIFY(mini.addAudit(QStringLiteral("F1"), P::Perfect, ag1, QDate(2026, 2, 2)));
        QVERIFY(mini.addAudit(QStringLiteral("F2"), P::Perfect, ag1, QDate(2026, 2, 3)));
        QVERIFY(mini.addAudit(QStringLiteral("F3"), P::Good, ag1, QDate(2026, 2, 27)));
        QVERIFY(mini.addAudit(QStringLiteral("B1"), P::Perfect, QStringLiteral("AG2"), QDate(2026, 3, 3), qa2));
        QVERIFY(mini.addAudit(QStringLiteral("B2"), P::Perfect, QStringLiteral("AG2"), QDate(2026, 3, 4), qa2));
        QVERIFY(mini.addAudit(QStringLiteral("B3"), P::Weak, QStringLiteral("AG2"), QDate(2026, 3, 6), qa2));
        QVERIFY(mini.addAudit(QStringLiteral("C1"), P::Perfect, QStringLiteral("AG3"), QDate(2026, 3, 6), qa1));
        QVERIFY(mini.addResponse(QStringLiteral("R1"), 5, QDate(2026, 3, 3), ag1));
    }
    m_window = std::make_unique<MainWindow>();
    QSignalSpy opened(m_window->session(), &ProjectSession::opened);
    m_window->openProject(m_path);
    QVERIFY(opened.wait(20000));
    m_page = qobject_cast<ScorecardsPage *>(m_window->page(QStringLiteral("scorecards")));
    QVERIFY(m_page);
    for (ScorecardTableModel *m : {m_page->criteriaModel(), m_page->auditsModel(), m_page->rankingModel(),
                                   m_page->auditorsModel(), m_page->trendModel(), m_page->auditForm()->answersModel()})
        m_testers << new QAbstractItemModelTester(m, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    m_window->resize(1400, 900);
    m_window->show();
}

void TestScorecardPage::cleanupTestCase()
{
    qDeleteAll(m_testers);
    m_window.reset();
}

bool TestScorecardPage::showAndWait(const KpiSlice &slice, const QString &period)
{
    QSignalSpy loaded(m_page, &ScorecardsPage::loaded);
    m_page->showSlice(slice, *KpiPeriod::parse(period));
    return loaded.wait(20000);
}

int TestScorecardPage::auditRow(const QString &key) const
{
    const QAbstractItemModel *model = m_page->auditsView()->model();
    for (int i = 0; i < model->rowCount(); ++i)
        if (model->index(i, 1).data().toString() == key)
            return i;
    return -1;
}

void TestScorecardPage::sidebarAndUndoStack()
{
    auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
    QVERIFY(sidebar);
    QStringList titles;
    for (int i = 0; i < sidebar->count(); ++i)
        titles << sidebar->item(i)->text();
    QVERIFY(titles.contains(QStringLiteral("Scorecards")));
    QVERIFY(titles.indexOf(QStringLiteral("Data")) < titles.indexOf(QStringLiteral("Scorecards")));
    for (const char *later : {"Calibration", "Insights", "Reports"})
        if (titles.contains(QLatin1String(later)))
            QVERIFY(titles.indexOf(QLatin1String(later)) > titles.indexOf(QStringLiteral("Scorecards")));

    // The Edit menu holds the group's Undo and Redo; the Scorecards page edits data, so the data
    // stack is the active one there and on the Data page there is none.
    QMenu *edit = nullptr;
    for (QAction *a : m_window->menuBar()->actions())
        if (a->text() == QStringLiteral("&Edit"))
            edit = a->menu();
    QVERIFY(edit);
    QCOMPARE(edit->actions().size(), 2);
    sidebar->setCurrentRow(int(titles.indexOf(QStringLiteral("Scorecards"))));
    QCOMPARE(m_window->currentPage(), m_page);
    QCOMPARE(m_window->undoGroup()->activeStack(), m_window->dataUndoStack());
    sidebar->setCurrentRow(int(titles.indexOf(QStringLiteral("Data"))));
    QVERIFY(m_window->undoGroup()->activeStack() != m_window->dataUndoStack());
    sidebar->setCurrentRow(int(titles.indexOf(QStringLiteral("Scorecards"))));
}

// QA 64 with 95% CI 16.2–111.8 clipped to 100; previous 93.3, delta −29.3 pts; 5 < 10: greyed.
void TestScorecardPage::agentTiles()
{
    QVERIFY(showAndWait({KpiSlice::Kind::Agent, QStringLiteral("AG1")}, QStringLiteral("2026-03")));
    QCOMPARE(m_page->slice().id, QStringLiteral("AG1"));
    QCOMPARE(m_page->memberBox()->currentText(), QStringLiteral("Ann (AG1)"));
    QCOMPARE(m_page->periodBox()->currentText(), QStringLiteral("2026-03"));
    QVERIFY(m_page->headline()->text().contains(QStringLiteral("<b>Ann</b>")));
    QVERIFY(m_page->headline()->text().contains(QStringLiteral("team North")));
    KpiTile *qa = m_page->tile(QStringLiteral("qa_score"));
    QCOMPARE(qa->valueText(), QStringLiteral("64.0%"));
    QCOMPARE(qa->intervalText(), QStringLiteral("95% CI 16.2–100.0% (clipped)"));
    QCOMPARE(qa->deltaText(), QStringLiteral("▼ −29.3 pts vs 93.3%")); // not significant: no ✱
    QVERIFY(qa->isGreyed());
    QCOMPARE(qa->noteText(), QStringLiteral("Small sample: n = 5, below 10"));
    QCOMPARE(qa->statusText(), QStringLiteral("Target 80.0%")); // the pass threshold; no status below the minimum
    QCOMPARE(m_page->tile(QStringLiteral("audits"))->valueText(), QStringLiteral("5"));
    QCOMPARE(m_page->tile(QStringLiteral("pass_rate"))->valueText(), QStringLiteral("60.0%"));
    QCOMPARE(m_page->tile(QStringLiteral("critical_rate"))->valueText(), QStringLiteral("20.0%"));
    QCOMPARE(m_page->tile(QStringLiteral("csat_responses"))->valueText(), QStringLiteral("1"));
}

void TestScorecardPage::tables()
{
    ScorecardTableModel *criteria = m_page->criteriaModel();
    QCOMPARE(criteria->rowCount(), 4);
    QCOMPARE(criteria->index(0, 0).data().toString(), QStringLiteral("Verified identity")); // gap −7.5 first
    QCOMPARE(criteria->index(0, 1).data().toString(), QStringLiteral("80.0%"));
    QCOMPARE(criteria->index(0, 4).data().toString(), QStringLiteral("87.5%"));
    QCOMPARE(criteria->index(0, 6).data(ScorecardTableModel::SortRole).toDouble(), -7.5);
    QVERIFY(criteria->index(0, 1).data(Qt::ForegroundRole).isValid()); // n = 5: greyed

    ScorecardTableModel *audits = m_page->auditsModel();
    QCOMPARE(audits->rowCount(), 6);
    QVERIFY(auditRow(QStringLiteral("M6")) >= 0);
    const int self = auditRow(QStringLiteral("M6"));
    QVERIFY(m_page->auditsView()->model()->index(self, 0).data(Qt::ForegroundRole).isValid()); // not counted
    QCOMPARE(m_page->auditsView()->model()->index(auditRow(QStringLiteral("M1")), 9).data().toString(), QString());

    // The trend chart is drawn (render/) from the same points as the table below it.
    QVERIFY(!m_page->trendChart()->image().isNull());
    ScorecardTableModel *trend = m_page->trendModel();
    QCOMPARE(trend->rowCount(), 12);
    QCOMPARE(trend->index(11, 0).data().toString(), QStringLiteral("2026-03"));
    QCOMPARE(trend->index(11, 1).data().toString(), QStringLiteral("64.0%"));
    QCOMPARE(trend->index(10, 1).data().toString(), QStringLiteral("93.3%"));
    QCOMPARE(trend->index(9, 1).data().toString(), QStringLiteral("—"));

    ScorecardTableModel *auditors = m_page->auditorsModel();
    QCOMPARE(auditors->rowCount(), 2);
    QCOMPARE(auditors->index(0, 0).data().toString(), QStringLiteral("Quinn (QA1)"));
    QCOMPARE(auditors->index(0, 3).data().toString(), QStringLiteral("80.0%"));
    QCOMPARE(auditors->index(1, 3).data().toString(), QStringLiteral("40.0%"));
}

void TestScorecardPage::auditFormAndExplanation()
{
    m_page->tabs()->setCurrentIndex(1);
    const int row = auditRow(QStringLiteral("M3"));
    QVERIFY(row >= 0);
    QTableView *view = m_page->auditsView();
    const QRect cell = view->visualRect(view->model()->index(row, 1));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    AuditFormView *form = m_page->auditForm();
    QVERIFY2(form->headingText().contains(QStringLiteral("Audit M3")), qPrintable(form->headingText()));
    QVERIFY(form->headingText().contains(QStringLiteral("FAILED")));
    QCOMPARE(form->explanationText().section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("Score 60.0 is below the threshold 80: failed."));
    ScorecardTableModel *answers = form->answersModel();
    QCOMPARE(answers->rowCount(), 4);
    QCOMPARE(answers->index(1, 1).data().toString(), QStringLiteral("N/A"));
    QCOMPARE(answers->index(3, 1).data().toString(), QStringLiteral("No (0)"));
    QCOMPARE(answers->index(3, 4).data().toString(), QStringLiteral("20.0")); // points lost
    QCOMPARE(answers->index(3, 6).data().toString(), QStringLiteral("Missed resolution"));
    QCOMPARE(answers->index(3, 7).data().toString(), QStringLiteral("Knowledge gap"));
}

// Through the dialog: resolution No → Yes on M3 (60 → 80, Communication (2·0.5 + 1)/3): Ann's
// QA score (80 + 80 + 80 + 0 + 100)/5 = 68.0; Edit → Undo brings back 64.0, Redo 68.0.
void TestScorecardPage::correctThroughDialogUndoRedo()
{
    AuditFormView *form = m_page->auditForm();
    QTableView *answers = form->answersView();
    QTest::mouseClick(answers->viewport(), Qt::LeftButton, {}, answers->visualRect(answers->model()->index(3, 0)).center());
    QVERIFY(form->correctButton()->isEnabled());
    bool filled = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *value = dialog->findChild<QComboBox *>(QStringLiteral("correctionValue"));
        auto *reason = dialog->findChild<QLineEdit *>(QStringLiteral("correctionReason"));
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        if (!value || !reason || !buttons)
            return;
        value->setCurrentIndex(value->findText(QStringLiteral("Yes (10)")));
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled()); // no reason yet
        QTest::keyClicks(reason, QStringLiteral("Resolved in the follow-up"));
        filled = true;
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    QSignalSpy loaded(m_page, &ScorecardsPage::loaded);
    QTest::mouseClick(form->correctButton(), Qt::LeftButton);
    QVERIFY(filled);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_window->dataUndoStack()->count(), 1);
    QCOMPARE(m_page->tile(QStringLiteral("qa_score"))->valueText(), QStringLiteral("68.0%"));
    QVERIFY(form->headingText().contains(QStringLiteral("Audit M3"))); // still shown, re-scored
    QVERIFY(form->headingText().contains(QStringLiteral("PASSED")));
    QCOMPARE(form->answersModel()->index(3, 1).data().toString(), QStringLiteral("Yes (10)"));

    QAction *undo = m_window->findChild<QAction *>(QStringLiteral("undoAction"));
    QAction *redo = m_window->findChild<QAction *>(QStringLiteral("redoAction"));
    QVERIFY(undo && redo);
    QCOMPARE(undo->text(), QStringLiteral("&Undo Correct resolution"));
    undo->trigger();
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_page->tile(QStringLiteral("qa_score"))->valueText(), QStringLiteral("64.0%"));
    QCOMPARE(form->answersModel()->index(3, 1).data().toString(), QStringLiteral("No (0)"));
    redo->trigger();
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_page->tile(QStringLiteral("qa_score"))->valueText(), QStringLiteral("68.0%"));
    undo->trigger();
    QVERIFY(loaded.wait(20000));
}

// North: Ann 5 audits and Bob 3, both below the minimum sample of 10: listed, not ranked.
void TestScorecardPage::teamRanking()
{
    QVERIFY(showAndWait({KpiSlice::Kind::Team, QStringLiteral("North")}, QStringLiteral("2026-03")));
    ScorecardTableModel *ranking = m_page->rankingModel();
    QCOMPARE(ranking->rowCount(), 2);
    QCOMPARE(ranking->index(0, 0).data().toString(), QStringLiteral("—"));
    QVERIFY(ranking->index(0, 6).data().toString().contains(QStringLiteral("not ranked")));
    QCOMPARE(m_page->tile(QStringLiteral("audits"))->valueText(), QStringLiteral("8"));
    // (80 + 80 + 60 + 0 + 100 + 100 + 100 + 60)/8 = 72.5
    QCOMPARE(m_page->tile(QStringLiteral("qa_score"))->valueText(), QStringLiteral("72.5%"));
}

void TestScorecardPage::screenshot()
{
    const QString project = qEnvironmentVariable("QL_SCORECARD_SCREENSHOT");
    if (project.isEmpty())
        QSKIP("QL_SCORECARD_SCREENSHOT names no project");
    const QString out = qEnvironmentVariable("QL_SCORECARD_SCREENSHOT_OUT", QStringLiteral("scorecards.png"));
    QSignalSpy opened(m_window->session(), &ProjectSession::opened);
    m_window->openProject(project);
    QVERIFY(opened.wait(120000));
    m_window->resize(1600, 1000);
    const QString agent = qEnvironmentVariable("QL_SCORECARD_AGENT", QStringLiteral("A0215"));
    const QString period = qEnvironmentVariable("QL_SCORECARD_PERIOD", QStringLiteral("2026-10"));
    QVERIFY(showAndWait({KpiSlice::Kind::Agent, agent}, period));
    m_page->tabs()->setCurrentIndex(0);
    QVERIFY(m_window->grab().save(out));
    m_page->tabs()->setCurrentIndex(1);
    m_page->auditsView()->selectRow(0);
    QVERIFY(m_window->grab().save(QString(out).replace(QStringLiteral(".png"), QStringLiteral("-audit.png"))));
    QVERIFY(showAndWait({KpiSlice::Kind::Team, m_page->headline()->text().contains(QStringLiteral("team "))
                                                   ? m_page->headline()->text().section(QStringLiteral("team "), 1).section(QLatin1Char(')'), 0, 0)
                                                   : QString()},
                        period));
    m_page->tabs()->setCurrentIndex(2);
    QVERIFY(m_window->grab().save(QString(out).replace(QStringLiteral(".png"), QStringLiteral("-team.png"))));
    m_page->tabs()->setCurrentIndex(4);
    QVERIFY(m_window->grab().save(QString(out).replace(QStringLiteral(".png"), QStringLiteral("-trend.png"))));
}

QTEST_MAIN(TestScorecardPage)
#include "tst_scorecardpage.moc"

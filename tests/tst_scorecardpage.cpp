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
#include "common/filterbar.h"
#include "common/uistate.h"
#include "pivot/pivotdrilldialog.h"
#include "scorecards/auditformview.h"
#include "scorecards/auditorview.h"
#include "scorecards/chartpicture.h"
#include "scorecards/disputesview.h"
#include "scorecards/kpitile.h"
#include "scorecards/scorecardspage.h"
#include "scorecards/scorecardtablemodel.h"
#include "scorecards/teamview.h"
#include "scorecards/trendchart.h"
#include "export/agentnames.h"
#include "export/tableexportaction.h"
#include "store/project.h"
#include "store/projectsettings.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QLabel>
#include <QCheckBox>
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
#include <QToolButton>
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
    void tilesClickThrough();
    void filterBarAndPresets();
    void auditFormAndExplanation();
    void correctThroughDialogUndoRedo();
    void disputeThroughDialogsUndoRedo();
    void teamRanking();
    void exportTables();
    void coachingPack();
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
    // Undo and Redo come first (Preferences… follows them).
    QVERIFY(edit->actions().size() >= 2);
    QCOMPARE(edit->actions().at(0)->text().remove(QLatin1Char('&')).left(4), QStringLiteral("Undo"));
    QCOMPARE(edit->actions().at(1)->text().remove(QLatin1Char('&')).left(4), QStringLiteral("Redo"));
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
    // The gap's 95% interval and gap / SE (tst_criteriongap): SE = 3/8·√(0.8·0.2/5) = 6.7082 pts,
    // −7.5 ± 1.96·6.7082 = −20.6 to +5.6; z = −7.5 / 6.7082 = −1.12. The rows follow |z|:
    // verify 1.12, resolution 0.19, tone 0.12, disclosure 0.
    QCOMPARE(criteria->headerData(7, Qt::Horizontal).toString(), QStringLiteral("Gap 95% CI"));
    QCOMPARE(criteria->index(0, 7).data().toString(), QStringLiteral("−20.6 to +5.6"));
    QCOMPARE(criteria->index(0, 8).data().toString(), QStringLiteral("−1.12"));
    QVERIFY(std::abs(criteria->index(0, 8).data(ScorecardTableModel::SortRole).toDouble() - -1.118034) < 1e-5);
    QCOMPARE(criteria->index(1, 8).data().toString(), QStringLiteral("−0.19"));
    QCOMPARE(criteria->index(3, 8).data().toString(), QStringLiteral("0.00"));
    QVERIFY(criteria->index(0, 6).data(Qt::ToolTipRole).toString().contains(QStringLiteral("below 10")));

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
    // Leniency: in Ann's March (Billing), Quinn's raw scores 80, 60, 100 (mean 80) against Rae's 80, 80
    // (mean 80): 0 points for both, from one agent-month, so no interval and no test.
    QCOMPARE(auditors->index(0, 7).data().toString(), QStringLiteral("0.0"));
    QCOMPARE(auditors->index(0, 9).data(ScorecardTableModel::SortRole).toInt(), 3);
    QCOMPARE(auditors->index(1, 9).data(ScorecardTableModel::SortRole).toInt(), 2);
    QCOMPARE(auditors->index(0, 10).data(ScorecardTableModel::SortRole).toInt(), 1);
    QCOMPARE(auditors->index(0, 12).data().toString(), QStringLiteral("not tested"));
    QVERIFY(m_page->auditorView()->note()->text().contains(QStringLiteral("Holm")));
}

// ui.md: every number that summarises records clicks through to them. Ann's March: 6 audits, 5
// counted (M6 is `self`), 2 failed (Weak 60, Critical 0), 1 with a critical error (M4); 1 response.
void TestScorecardPage::tilesClickThrough()
{
    QVERIFY(showAndWait({KpiSlice::Kind::Agent, QStringLiteral("AG1")}, QStringLiteral("2026-03")));
    QAbstractItemModel *shown = m_page->auditsView()->model();
    QCOMPARE(shown->rowCount(), 6);
    for (const char *key : {"audits", "qa_score", "raw_score", "pass_rate", "critical_rate", "csat_pct", "csat_responses"})
        QVERIFY2(m_page->tile(QLatin1String(key))->isClickable(), key);

    m_page->tabs()->setCurrentIndex(0);
    QTest::mouseClick(m_page->tile(QStringLiteral("audits")), Qt::LeftButton);
    QCOMPARE(m_page->tabs()->currentWidget()->objectName(), QStringLiteral("auditsSplitter"));
    QCOMPARE(m_page->auditFilterBox()->currentData().toString(), QStringLiteral("counted"));
    QCOMPARE(shown->rowCount(), 5);
    QCOMPARE(auditRow(QStringLiteral("M6")), -1);

    m_page->tile(QStringLiteral("critical_rate"))->setFocus();
    QTest::keyClick(m_page->tile(QStringLiteral("critical_rate")), Qt::Key_Space); // the keyboard too
    QCOMPARE(m_page->auditFilterBox()->currentData().toString(), QStringLiteral("critical"));
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, 1).data().toString(), QStringLiteral("M4"));

    m_page->auditFilterBox()->setCurrentIndex(m_page->auditFilterBox()->findData(QStringLiteral("failed")));
    QCOMPARE(shown->rowCount(), 2);
    QVERIFY(auditRow(QStringLiteral("M3")) >= 0 && auditRow(QStringLiteral("M4")) >= 0);

    // The CSAT tiles open the responses they count, in the Data page's table.
    QSignalSpy opened(m_page, &ScorecardsPage::responsesOpened);
    QTest::mouseClick(m_page->tile(QStringLiteral("csat_pct")), Qt::LeftButton);
    QVERIFY(opened.wait(10000));
    auto *dialog = opened.first().first().value<PivotDrillDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->recordCount(), 1);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("1 CSAT response"));
    QVERIFY(dialog->caption().contains(QStringLiteral("Ann")));
    dialog->close();

    m_page->auditFilterBox()->setCurrentIndex(0);
    QCOMPARE(shown->rowCount(), 6);
    m_page->tabs()->setCurrentIndex(0);
}

// The shared filter bar: every number of the page honours it, the population the gaps are taken
// against too, and it is remembered per project. The period presets count from the latest audit.
void TestScorecardPage::filterBarAndPresets()
{
    FilterBar *bar = m_page->filterBar();
    QVERIFY(bar);
    QCOMPARE(bar->box(QStringLiteral("team"))->count(), 3); // All, North, South
    // Team North: Ann's own numbers are unchanged, but "All agents" is North alone: verify 7/8.
    {
        QSignalSpy loaded(m_page, &ScorecardsPage::loaded);
        bar->box(QStringLiteral("team"))->setCurrentIndex(bar->box(QStringLiteral("team"))->findData(QStringLiteral("North")));
        QVERIFY(loaded.wait(20000));
    }
    QCOMPARE(m_page->tile(QStringLiteral("qa_score"))->valueText(), QStringLiteral("64.0%"));
    QCOMPARE(m_page->criteriaModel()->index(0, 0).data().toString(), QStringLiteral("Verified identity"));
    QCOMPARE(m_page->criteriaModel()->index(0, 5).data().toString(), QStringLiteral("87.5%")); // 8/9 unfiltered
    QVERIFY(m_page->headline()->text().contains(QStringLiteral("<b>Filtered:</b> team = North")));
    QVERIFY(!bar->noteLabel()->isVisible());
    QVERIFY2(m_page->teamView()->funnel().data.footnote().contains(QStringLiteral("filters: team = North")),
             qPrintable(m_page->teamView()->funnel().data.footnote()));
    // Sample type `self`: no counted audit is left (self is not counted), the table shows M6 alone,
    // and CSAT, which has no sample type, says so in the bar and still counts its response.
    {
        QSignalSpy loaded(m_page, &ScorecardsPage::loaded);
        bar->box(QStringLiteral("sample_type"))->setCurrentIndex(bar->box(QStringLiteral("sample_type"))->findData(QStringLiteral("self")));
        QVERIFY(loaded.wait(20000));
    }
    QCOMPARE(m_page->tile(QStringLiteral("audits"))->valueText(), QStringLiteral("0"));
    QCOMPARE(m_page->auditsModel()->rowCount(), 1);
    QCOMPARE(m_page->auditsView()->model()->index(0, 1).data().toString(), QStringLiteral("M6"));
    QCOMPARE(m_page->tile(QStringLiteral("csat_responses"))->valueText(), QStringLiteral("1"));
    QVERIFY(bar->noteLabel()->isVisible());
    QVERIFY(bar->noteLabel()->text().contains(QStringLiteral("no sample type")));
    // Shared: the Insights page's bar takes up the choices when it is shown.
    if (Page *insights = m_window->page(QStringLiteral("insights"))) {
        auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
        auto *insightsBar = insights->findChild<FilterBar *>();
        QVERIFY(sidebar && insightsBar);
        const int back = sidebar->currentRow();
        const auto items = sidebar->findItems(QStringLiteral("Insights"), Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        sidebar->setCurrentItem(items.first());
        QCOMPARE(m_window->currentPage(), insights);
        QCOMPARE(insightsBar->filters().teams, QStringList{QStringLiteral("North")});
        QVERIFY(insightsBar->noteLabel()->text().contains(QStringLiteral("count every response")));
        sidebar->setCurrentRow(back);
    }
    // Remembered per project: another bar on the same project opens on the same choices.
    {
        FilterBar other;
        other.setProject(m_window->session()->project());
        QCOMPARE(other.filters().teams, QStringList{QStringLiteral("North")});
        QCOMPARE(other.filters().sampleTypes, QStringList{QStringLiteral("self")});
    }
    {
        QSignalSpy loaded(m_page, &ScorecardsPage::loaded);
        bar->clear();
        QVERIFY(loaded.wait(20000));
    }
    QVERIFY(bar->filters().isEmpty());
    QCOMPARE(m_page->tile(QStringLiteral("audits"))->valueText(), QStringLiteral("5"));

    // Last 3 months from the latest audit (2026-03-31): January to March, Ann's 3 + 5 counted audits.
    {
        QSignalSpy loaded(m_page, &ScorecardsPage::loaded);
        m_page->periodKindBox()->setCurrentIndex(m_page->periodKindBox()->findText(QStringLiteral("Last 3 months")));
        QVERIFY(loaded.wait(20000));
    }
    QCOMPARE(m_page->periodBox()->currentText(), QStringLiteral("2026-01-01..2026-03-31"));
    QCOMPARE(m_page->periodBox()->count(), 1);
    QVERIFY(!m_page->periodBox()->isEnabled());
    QCOMPARE(m_page->tile(QStringLiteral("audits"))->valueText(), QStringLiteral("8"));
    QCOMPARE(m_page->period().label(), QStringLiteral("2026-01-01..2026-03-31"));
    QVERIFY(showAndWait({KpiSlice::Kind::Agent, QStringLiteral("AG1")}, QStringLiteral("2026-03")));
    QVERIFY(m_page->periodBox()->isEnabled());
    QCOMPARE(m_page->tile(QStringLiteral("audits"))->valueText(), QStringLiteral("5"));
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

// Ann's M3 (Weak, 60, Quinn's) disputed by the agent on "Resolution" through the form's
// Dispute… dialog, then accepted with Yes (10) through Resolve…: M3 becomes 80 and the QA score
// (80 + 80 + 80 + 0 + 100)/5 = 68.0%. Outcomes: Quinn 1 accepted. Edit → Undo reopens the dispute
// and restores 64.0%; Redo decides again; two more undos leave no dispute.
void TestScorecardPage::disputeThroughDialogsUndoRedo()
{
    QVERIFY(showAndWait({KpiSlice::Kind::Agent, QStringLiteral("AG1")}, QStringLiteral("2026-03")));
    m_page->tabs()->setCurrentIndex(1);
    m_page->auditsView()->selectRow(auditRow(QStringLiteral("M3")));
    AuditFormView *form = m_page->auditForm();
    QVERIFY(form->headingText().contains(QStringLiteral("Audit M3")));
    QVERIFY(form->disputeButton()->isEnabled());
    bool filled = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        auto *criteria = dialog ? dialog->findChild<QListWidget *>() : nullptr;
        auto *buttons = dialog ? dialog->findChild<QDialogButtonBox *>() : nullptr;
        if (!criteria || !buttons)
            return;
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled()); // no criterion yet
        for (int i = 0; i < criteria->count(); ++i)
            if (criteria->item(i)->data(Qt::UserRole).toString() == QLatin1String("resolution"))
                criteria->item(i)->setCheckState(Qt::Checked);
        const QList<QLineEdit *> edits = dialog->findChildren<QLineEdit *>();
        QVERIFY(edits.size() >= 2);
        edits.at(1)->setText(QStringLiteral("The customer confirmed it was solved")); // the comment
        filled = true;
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    QSignalSpy loaded(m_page, &ScorecardsPage::loaded);
    QTest::mouseClick(form->disputeButton(), Qt::LeftButton);
    QVERIFY(filled);
    QVERIFY(loaded.wait(20000));
    DisputesView *disputes = m_page->disputesView();
    QCOMPARE(disputes->disputesModel()->rowCount(), 1);
    QCOMPARE(disputes->disputesModel()->index(0, 1).data().toString(), QStringLiteral("M3"));
    QCOMPARE(disputes->disputesModel()->index(0, 6).data().toString(), QStringLiteral("resolution"));
    QCOMPARE(disputes->disputesModel()->index(0, 8).data().toString(), QStringLiteral("open"));

    m_page->tabs()->setCurrentIndex(m_page->tabs()->indexOf(disputes));
    disputes->view()->selectRow(0);
    QVERIFY(disputes->resolveButton()->isEnabled());
    filled = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QList<QComboBox *> boxes = dialog->findChildren<QComboBox *>();
        QVERIFY(buttons && boxes.size() == 2); // the decision, and Resolution's new value
        QComboBox *value = boxes.at(1);
        value->setCurrentIndex(value->findText(QStringLiteral("Yes (10)")));
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled()); // no reason yet
        const QList<QLineEdit *> edits = dialog->findChildren<QLineEdit *>();
        edits.at(1)->setText(QStringLiteral("The follow-up shows it solved")); // the reason
        filled = true;
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    QTest::mouseClick(disputes->resolveButton(), Qt::LeftButton);
    QVERIFY(filled);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_page->tile(QStringLiteral("qa_score"))->valueText(), QStringLiteral("68.0%"));
    QCOMPARE(disputes->disputesModel()->index(0, 8).data().toString(), QStringLiteral("accepted"));
    QCOMPARE(disputes->disputesModel()->index(0, 10).data().toString(), QStringLiteral("The follow-up shows it solved"));
    QCOMPARE(disputes->auditorOutcomes()->rowCount(), 1);
    QCOMPARE(disputes->auditorOutcomes()->index(0, 0).data().toString(), QStringLiteral("Quinn"));
    QCOMPARE(disputes->auditorOutcomes()->index(0, 3).data(ScorecardTableModel::SortRole).toLongLong(), 1); // accepted
    QCOMPARE(disputes->criterionOutcomes()->index(0, 0).data().toString(), QStringLiteral("Resolution (resolution)"));

    QAction *undo = m_window->findChild<QAction *>(QStringLiteral("undoAction"));
    QAction *redo = m_window->findChild<QAction *>(QStringLiteral("redoAction"));
    QCOMPARE(undo->text(), QStringLiteral("&Undo Accept a dispute"));
    undo->trigger();
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_page->tile(QStringLiteral("qa_score"))->valueText(), QStringLiteral("64.0%"));
    QCOMPARE(disputes->disputesModel()->index(0, 8).data().toString(), QStringLiteral("open"));
    redo->trigger();
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_page->tile(QStringLiteral("qa_score"))->valueText(), QStringLiteral("68.0%"));
    undo->trigger();
    QVERIFY(loaded.wait(20000));
    undo->trigger();
    QVERIFY(loaded.wait(20000));
    QCOMPARE(disputes->disputesModel()->rowCount(), 0);
    QCOMPARE(m_page->tile(QStringLiteral("qa_score"))->valueText(), QStringLiteral("64.0%"));
}

// North: Ann 5 audits and Bob 3, both below the minimum sample of 10: listed apart, not ranked,
// not classified by the funnel (which still draws them and counts them in its centre).
// Funnel of the QA score (mean): centre (5·64 + 3·86.667)/8 = 580/8 = 72.5; pooled SD
// s_w = √((4·1480 + 2·533.333)/6) = √1164.444 = 34.123957; Ann's 95% limits at n = 5:
// 72.5 ± 1.959964·34.123957/√5 = [42.589582, 102.410418]. z: Ann (64 − 72.5)/(s_w/√5) = −0.557,
// Bob (86.667 − 72.5)/(s_w/√3) = 0.719: both in line once the minimum is 3.
// Funnel of the pass rate: Ann 3/5, Bob 2/3, centre 5/8 = 62.5%.
void TestScorecardPage::teamRanking()
{
    QVERIFY(showAndWait({KpiSlice::Kind::Team, QStringLiteral("North")}, QStringLiteral("2026-03")));
    ScorecardTableModel *ranking = m_page->rankingModel();
    QCOMPARE(ranking->rowCount(), 2);
    QCOMPARE(ranking->index(0, 0).data().toString(), QStringLiteral("—"));
    QCOMPARE(ranking->index(0, 6).data().toString(), QStringLiteral("not classified"));
    QVERIFY(ranking->index(0, 7).data().toString().contains(QStringLiteral("not ranked")));
    QCOMPARE(m_page->tile(QStringLiteral("audits"))->valueText(), QStringLiteral("8"));
    // (80 + 80 + 60 + 0 + 100 + 100 + 100 + 60)/8 = 72.5
    QCOMPARE(m_page->tile(QStringLiteral("qa_score"))->valueText(), QStringLiteral("72.5%"));
    TeamView *team = m_page->teamView();
    QVERIFY(team->apartLabel()->text().contains(QStringLiteral("Ann (AG1) (5 audits)")));
    QVERIFY(team->apartLabel()->text().contains(QStringLiteral("Bob (AG2) (3 audits)")));
    QVERIFY(team->funnel().error.isEmpty());
    QCOMPARE(team->funnel().keys, (QStringList{QStringLiteral("AG1"), QStringLiteral("AG2")}));
    QVERIFY(qAbs(team->funnel().funnel.centre - 72.5) < 1e-9);
    QVERIFY(qAbs(team->funnel().funnel.sw - 34.123957045519276) < 1e-9);
    QVERIFY(!team->funnelChart()->image().isNull());

    QString error;
    QVERIFY(ProjectSettings(m_window->session()->project()->database())
                .setValue(ProjectSettings::MinSampleAudits, 3, QStringLiteral("test"), &error));
    QVERIFY(showAndWait({KpiSlice::Kind::Team, QStringLiteral("North")}, QStringLiteral("2026-03")));
    QCOMPARE(ranking->index(0, 0).data().toString(), QStringLiteral("1"));
    QCOMPARE(ranking->index(0, 1).data().toString(), QStringLiteral("Bob (AG2)"));
    QCOMPARE(ranking->index(1, 1).data().toString(), QStringLiteral("Ann (AG1)"));
    QCOMPARE(ranking->index(0, 6).data().toString(), QStringLiteral("in line"));
    QCOMPARE(ranking->index(1, 6).data().toString(), QStringLiteral("in line"));
    QVERIFY(team->apartLabel()->isHidden());
    const qsizetype ann = team->funnel().keys.indexOf(QStringLiteral("AG1"));
    QVERIFY(qAbs(team->funnel().funnel.unitLimits.at(ann).low95 - 42.5895824759353) < 1e-6);
    QVERIFY(qAbs(team->funnel().funnel.unitLimits.at(ann).high95 - 102.4104175240647) < 1e-6);
    team->measureBox()->setCurrentIndex(team->measureBox()->findData(int(TeamFunnel::Measure::PassRate)));
    QVERIFY(qAbs(team->funnel().funnel.centre - 62.5) < 1e-9);
    QVERIFY(!team->funnelChart()->image().isNull());
    team->measureBox()->setCurrentIndex(0);
    QVERIFY(ProjectSettings(m_window->session()->project()->database())
                .setValue(ProjectSettings::MinSampleAudits, 10, QStringLiteral("test"), &error));
}

// The team ranking of North to CSV: the agent column splits into Agent ID and Agent; numbers go
// out as numbers (Bob's QA score 86.666…, not "86.7%"); with name_display = pseudonyms both
// columns hold the project's pseudonym and the name appears nowhere.
void TestScorecardPage::exportTables()
{
    QVERIFY(showAndWait({KpiSlice::Kind::Team, QStringLiteral("North")}, QStringLiteral("2026-03")));
    m_page->tabs()->setCurrentIndex(2);
    TableExportAction *action = m_page->exportAction(2);
    QVERIFY(action);
    auto exportCsv = [&](const QString &name) -> QStringList {
        const QString path = m_dir.filePath(name);
        QSignalSpy finished(action, &TableExportAction::finished);
        if (!action->exportTo(path) || !finished.wait(20000) || !finished.first().first().toBool())
            return {};
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    };
    QStringList lines = exportCsv(QStringLiteral("ranking.csv"));
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("Rank,Agent ID,Agent,QA score,95% CI,Audits,Pass rate,Funnel")),
             qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral(",AG1,Ann,64,")), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith(QStringLiteral(",AG2,Bob,86.66")), qPrintable(lines.at(2)));

    QSqlDatabase db = m_window->session()->project()->database();
    QString error;
    QVERIFY(ProjectSettings(db).setValue(ProjectSettings::NameDisplay, QStringLiteral("pseudonyms"),
                                         QStringLiteral("test"), &error));
    lines = exportCsv(QStringLiteral("ranking-pseudonyms.csv"));
    QVERIFY(ProjectSettings(db).setValue(ProjectSettings::NameDisplay, QStringLiteral("names"), QStringLiteral("test"),
                                         &error));
    QCOMPARE(lines.size(), 3);
    const QString ann = AgentNames::pseudonym(AgentNames::projectKey(db, &error), u"AG1");
    QVERIFY(ann.startsWith(QStringLiteral("Agent ")));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral(",%1,%1,64,").arg(ann)), qPrintable(lines.at(1)));
    QVERIFY(!lines.join(QLatin1Char('\n')).contains(QStringLiteral("Ann")));
    QVERIFY(!lines.join(QLatin1Char('\n')).contains(QStringLiteral("AG2")));

    // This export's own choice wins over the project's setting (names): ids only. The criteria
    // table shows no agents, so its export offers no choice.
    QVERIFY(action->menu());
    action->setAgentOverride(NameDisplay::Ids);
    lines = exportCsv(QStringLiteral("ranking-ids.csv"));
    action->setAgentOverride(std::nullopt);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(1).startsWith(QStringLiteral(",AG1,AG1,64,")), qPrintable(lines.at(1)));
    QVERIFY(!lines.join(QLatin1Char('\n')).contains(QStringLiteral("Ann")));
    QVERIFY(!m_page->exportAction(0)->menu());
}

namespace {

// Pages of a PDF: its page objects (/Type /Page, not /Pages), read from the bytes.
int pdfPages(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray bytes = file.readAll();
    if (!bytes.startsWith("%PDF-"))
        return -1;
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
    return int(QString::fromLatin1(bytes).count(page));
}

} // namespace

// North's coaching pack: one PDF per agent (Ann, Bob), one page each, in the folder asked for,
// named by period and agent; the combined file on request holds both pages. Another team's agents
// (Cid, South) are not in it.
void TestScorecardPage::coachingPack()
{
    QVERIFY(showAndWait({KpiSlice::Kind::Agent, QStringLiteral("AG1")}, QStringLiteral("2026-03")));
    const QString folder = m_dir.filePath(QStringLiteral("pack"));
    const QString combined = m_dir.filePath(QStringLiteral("pack-all.pdf"));
    QSignalSpy finished(m_page, &ScorecardsPage::coachingPackFinished);
    QVERIFY(m_page->exportCoachingPack(folder, combined));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    const QStringList files = finished.first().at(2).toStringList();
    QCOMPARE(files.size(), 3);
    QCOMPARE(QDir(folder).entryList(QDir::Files, QDir::Name),
             (QStringList{QStringLiteral("coaching-2026-03-Ann_AG1_.pdf"), QStringLiteral("coaching-2026-03-Bob_AG2_.pdf")}));
    QCOMPARE(pdfPages(QDir(folder).filePath(QStringLiteral("coaching-2026-03-Ann_AG1_.pdf"))), 1);
    QCOMPARE(pdfPages(QDir(folder).filePath(QStringLiteral("coaching-2026-03-Bob_AG2_.pdf"))), 1);
    QCOMPARE(pdfPages(combined), 2);
    QVERIFY(m_page->coachingPackButton()->isEnabled());
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
    QTest::qWait(300); // the tiles' new lines are laid out by posted events: let them run before the grab
    QVERIFY(m_window->grab().save(out));
    {
        // The answers behind the first criterion's compliance (the breakdown's click-through).
        QSignalSpy opened(m_page, &ScorecardsPage::answersOpened);
        QVERIFY(m_page->openCriterionAnswers(0, 1));
        QVERIFY(opened.wait(20000));
        auto *dialog = opened.first().first().value<PivotDrillDialog *>();
        dialog->resize(1200, 600);
        QTest::qWait(300);
        QVERIFY(dialog->grab().save(QString(out).replace(QStringLiteral(".png"), QStringLiteral("-answers.png"))));
        dialog->close();
    }
    m_page->tabs()->setCurrentIndex(1);
    m_page->auditsView()->selectRow(0);
    QTest::qWait(300);
    QVERIFY(m_window->grab().save(QString(out).replace(QStringLiteral(".png"), QStringLiteral("-audit.png"))));
    QVERIFY(showAndWait({KpiSlice::Kind::Team, m_page->headline()->text().contains(QStringLiteral("team "))
                                                   ? m_page->headline()->text().section(QStringLiteral("team "), 1).section(QLatin1Char(')'), 0, 0)
                                                   : QString()},
                        period));
    m_page->tabs()->setCurrentIndex(2);
    QTest::qWait(300);
    QVERIFY(m_window->grab().save(QString(out).replace(QStringLiteral(".png"), QStringLiteral("-team.png"))));
    m_page->tabs()->setCurrentIndex(3);
    QTest::qWait(300);
    QVERIFY(m_window->grab().save(QString(out).replace(QStringLiteral(".png"), QStringLiteral("-auditors.png"))));
    m_page->tabs()->setCurrentIndex(4);
    QTest::qWait(300);
    QVERIFY(m_window->grab().save(QString(out).replace(QStringLiteral(".png"), QStringLiteral("-trend.png"))));
    m_page->tabs()->setCurrentIndex(5);
    QTest::qWait(300);
    QVERIFY(m_window->grab().save(QString(out).replace(QStringLiteral(".png"), QStringLiteral("-disputes.png"))));
    if (const QString pack = qEnvironmentVariable("QL_SCORECARD_PACK"); !pack.isEmpty()) {
        QSignalSpy finished(m_page, &ScorecardsPage::coachingPackFinished);
        QVERIFY(m_page->exportCoachingPack(pack, pack + QStringLiteral("/combined.pdf")));
        QVERIFY(finished.wait(300000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    }
}

QTEST_MAIN(TestScorecardPage)
#include "tst_scorecardpage.moc"

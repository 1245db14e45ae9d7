// SPDX-License-Identifier: GPL-3.0-or-later
// "Send to Report" (issue 8) driven headless in the main window on a small generated demo: each
// Insights tab's menu offers its analyses for the monthly report and the MBR; choosing one stores
// the section with the tab's choices and filters (one undoable command on the data stack, one
// change-log row); the Reports page lists the sent sections, its preview grows by them, and Remove,
// Move Up and Move Down change the list undoably.
//
// With QL_SENDREPORT_SCREENSHOTS=DIR the Insights page with its menu and the Reports page are grabbed.
#include "demo/demogenerator.h"
#include "insights/insightspage.h"
#include "insights/sendtoreport.h"
#include "mainwindow.h"
#include "report/reportbuilder.h"
#include "report/reportlayout.h"
#include "report/sentsectionstore.h"
#include "reports/reportspage.h"
#include "reports/sentsectionspanel.h"
#include "store/project.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace ql;

class TestSendToReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void menuOfEachTab_data();
    void menuOfEachTab();
    void sendIsUndoable();
    void reportsPageListsAndPreviews();
    void removeAndMove();
    void renameInPlace();
    void screenshots();

private:
    QList<SentSection> stored(ReportTemplate kind = ReportTemplate::MonthlyQuality) const;
    qint64 changes() const;
    void showTab(const QString &table);
    QAction *menuAction(const QString &name);
    bool waitForPreview();

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    InsightsPage *m_insights = nullptr;
    ReportsPage *m_reports = nullptr;
    QTabWidget *m_tabs = nullptr;
};

void TestSendToReport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QualityLensTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sendtoreport"));
    QSettings().clear();
    m_path = m_dir.filePath(QStringLiteral("demo.qlens"));
    {
        ProjectError perr;
        auto project = Project::create(m_path, false, &perr);
        QVERIFY2(project, qPrintable(perr.message));
        DemoOptions o;
        o.agents = 12;
        o.months = 3; // August to October 2026
        o.auditsPerAgentMonth = 6;
        QString error;
        QVERIFY2(generateDemo(*project, o, {}, &error), qPrintable(error));
    }
    m_window = std::make_unique<MainWindow>();
    m_insights = qobject_cast<InsightsPage *>(m_window->page(QStringLiteral("insights")));
    m_reports = qobject_cast<ReportsPage *>(m_window->page(QStringLiteral("reports")));
    QVERIFY(m_insights && m_reports);
    m_tabs = m_insights->findChild<QTabWidget *>(QStringLiteral("insightsTabs"));
    QVERIFY(m_tabs);
    m_window->resize(1400, 900);
    m_window->show();
    QSignalSpy computed(m_insights, &InsightsPage::computed);
    QSignalSpy loaded(m_reports, &ReportsPage::periodsLoaded);
    m_window->openProject(m_path);
    QVERIFY(computed.count() > 0 || computed.wait(120000));
    QVERIFY(loaded.count() > 0 || loaded.wait(60000));
}

void TestSendToReport::cleanupTestCase()
{
    m_window.reset();
}

QList<SentSection> TestSendToReport::stored(ReportTemplate kind) const
{
    // A second connection, as another reader would see the project.
    ProjectError perr;
    auto project = Project::open(m_path, Project::Access::ReadOnly, Project::Check::Deferred, &perr);
    QString error;
    const auto list = project ? SentSectionStore(project->database()).load(kind, &error) : std::nullopt;
    return list.value_or(QList<SentSection>());
}

qint64 TestSendToReport::changes() const
{
    ProjectError perr;
    auto project = Project::open(m_path, Project::Access::ReadOnly, Project::Check::Deferred, &perr);
    QSqlQuery q(project->database());
    q.exec(QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'saved_view'"));
    return q.next() ? q.value(0).toLongLong() : -1;
}

void TestSendToReport::showTab(const QString &table)
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->widget(i)->findChild<QWidget *>(table))
            m_tabs->setCurrentIndex(i);
}

QAction *TestSendToReport::menuAction(const QString &name)
{
    QMenu *menu = m_insights->sendToReport()->menu();
    Q_EMIT menu->aboutToShow(); // what the button does before the menu pops up
    return menu->findChild<QAction *>(name);
}

bool TestSendToReport::waitForPreview()
{
    QSignalSpy ready(m_reports, &ReportsPage::previewReady);
    return ready.wait(120000);
}

void TestSendToReport::menuOfEachTab_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("titles"); // the menu's analyses, for each template
    QTest::newRow("what changed") << QStringLiteral("elementsTable") << QStringList{QStringLiteral("What changed in CSAT")};
    QTest::newRow("drivers") << QStringLiteral("driversTable") << QStringList{QStringLiteral("Drivers of CSAT")};
    QTest::newRow("reasons and root causes")
        << QStringLiteral("reasonsTable")
        << QStringList{QStringLiteral("Pareto of CSAT reasons"), QStringLiteral("Pareto of root causes")};
    QTest::newRow("comment themes") << QStringLiteral("themesTable") << QStringList{QStringLiteral("Themes of customers' comments")};
    QTest::newRow("control charts")
        << QStringLiteral("signalsTable")
        << QStringList{QStringLiteral("Pass rate by month, control chart"), QStringLiteral("Pass rate of agents, funnel plot")};
}

void TestSendToReport::menuOfEachTab()
{
    QFETCH(QString, table);
    QFETCH(QStringList, titles);
    showTab(table);
    QToolButton *button = m_insights->sendToReport()->button();
    QVERIFY(button->isVisibleTo(m_insights) && button->isEnabled()); // on the page, whichever page is current
    QCOMPARE(button->text(), QStringLiteral("Send to Report"));
    QMenu *menu = m_insights->sendToReport()->menu();
    Q_EMIT menu->aboutToShow();
    QStringList shown, headers;
    for (QAction *a : menu->actions())
        (a->isSeparator() ? headers : shown) << a->text();
    QCOMPARE(headers, (QStringList{QStringLiteral("To the Monthly Quality Report"), QStringLiteral("To the Monthly Business Review")}));
    QCOMPARE(shown, titles + titles);
}

void TestSendToReport::sendIsUndoable()
{
    QUndoStack *undo = m_window->dataUndoStack();
    const int commands = undo->count();
    const qint64 logged = changes();
    // The Pareto tab, with a queue chosen in the filter bar: the filter goes with the section.
    showTab(QStringLiteral("reasonsTable"));
    auto *queue = m_insights->findChild<QComboBox *>(QStringLiteral("queue"));
    QVERIFY(queue);
    const int returns = queue->findText(QStringLiteral("Returns"));
    QVERIFY(returns > 0);
    QSignalSpy computed(m_insights, &InsightsPage::computed);
    queue->setCurrentIndex(returns);
    QVERIFY(computed.wait(120000));
    QAction *send = menuAction(QStringLiteral("send-monthly-quality-pareto"));
    QVERIFY(send);
    QCOMPARE(send->text(), QStringLiteral("Pareto of CSAT reasons (queue = Returns)"));
    send->trigger();
    QList<SentSection> list = stored();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().analysis, SentSection::Analysis::Pareto);
    QCOMPARE(list.first().dimension, QStringLiteral("reason"));
    QCOMPARE(list.first().filters, (QList<PivotFilter>{{QStringLiteral("queue"), false, {QStringLiteral("Returns")}}}));
    QCOMPARE(undo->count(), commands + 1);
    QCOMPARE(changes(), logged + 1);
    QVERIFY(m_insights->statusText().contains(QStringLiteral("Monthly Quality Report")));
    QVERIFY(stored(ReportTemplate::Mbr).isEmpty()); // only the template chosen

    undo->undo();
    QVERIFY(stored().isEmpty());
    QCOMPARE(changes(), logged + 2); // the undo is a logged change too
    undo->redo();
    QCOMPARE(stored(), list);

    // The control-chart tab with its own choices: by week, QA score, funnel of teams.
    queue->setCurrentIndex(0);
    QVERIFY(computed.wait(120000));
    showTab(QStringLiteral("signalsTable"));
    m_insights->findChild<QComboBox *>(QStringLiteral("controlMetric"))->setCurrentIndex(1); // QA score
    m_insights->findChild<QComboBox *>(QStringLiteral("funnelUnit"))->setCurrentIndex(1);    // teams
    menuAction(QStringLiteral("send-monthly-quality-funnel"))->trigger();
    showTab(QStringLiteral("elementsTable"));
    menuAction(QStringLiteral("send-monthly-quality-what-changed"))->trigger();
    list = stored();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(1).analysis, SentSection::Analysis::Funnel);
    QCOMPARE(list.at(1).kpi, QStringLiteral("qa_score"));
    QCOMPARE(list.at(1).dimension, QStringLiteral("team"));
    QCOMPARE(list.at(2).analysis, SentSection::Analysis::WhatChanged);
    QCOMPARE(list.at(2).kpi, QStringLiteral("csat_pct"));
}

void TestSendToReport::reportsPageListsAndPreviews()
{
    auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
    sidebar->setCurrentRow(sidebar->count() - 1);
    QVERIFY(m_reports->isVisible());
    if (m_reports->isBusy() || m_reports->previewPageCount() == 0)
        QVERIFY(waitForPreview());
    SentSectionsPanel *panel = m_reports->sentSections();
    QStringList titles;
    for (int i = 0; i < panel->list()->count(); ++i)
        titles << panel->list()->item(i)->text();
    QCOMPARE(titles, (QStringList{QStringLiteral("Pareto of CSAT reasons (queue = Returns)"),
                                  QStringLiteral("QA score of teams, funnel plot"), QStringLiteral("What changed in CSAT")}));
    // The preview is the document with the sections: as many pages as laid out directly.
    const QString period = m_reports->periodBox()->currentData().toString();
    ProjectError perr;
    auto project = Project::open(m_path, Project::Access::ReadOnly, Project::Check::Deferred, &perr);
    QString error;
    const auto doc = ReportBuilder::build(project->database(), ReportTemplate::MonthlyQuality, period, {}, &error);
    QVERIFY2(doc, qPrintable(error));
    QVERIFY(doc->section(QStringLiteral("sent-3")));
    QCOMPARE(m_reports->previewPageCount(), ReportLayout(*doc).pageCount());
    // The MBR has none; the calibration report takes none.
    m_reports->templateBox()->setCurrentIndex(m_reports->templateBox()->findData(int(ReportTemplate::Mbr)));
    QCOMPARE(panel->list()->count(), 0);
    m_reports->templateBox()->setCurrentIndex(m_reports->templateBox()->findData(int(ReportTemplate::Calibration)));
    QVERIFY(!panel->list()->isVisible());
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("sentSectionsHint"))->text().contains(QStringLiteral("takes no sections")));
    m_reports->templateBox()->setCurrentIndex(m_reports->templateBox()->findData(int(ReportTemplate::MonthlyQuality)));
    QCOMPARE(panel->list()->count(), 3);
    if (m_reports->isBusy())
        QVERIFY(waitForPreview());
}

void TestSendToReport::removeAndMove()
{
    SentSectionsPanel *panel = m_reports->sentSections();
    QUndoStack *undo = m_window->dataUndoStack();
    const QList<SentSection> start = stored();
    QCOMPARE(start.size(), 3);
    panel->list()->setCurrentRow(0);
    QVERIFY(panel->removeButton()->isEnabled() && panel->downButton()->isEnabled());
    QVERIFY(!panel->upButton()->isEnabled()); // the first cannot move up
    panel->list()->setCurrentRow(2);
    QVERIFY(!panel->downButton()->isEnabled());

    // Move the last up: the list, the store and the preview follow.
    QSignalSpy ready(m_reports, &ReportsPage::previewReady);
    QTest::mouseClick(panel->upButton(), Qt::LeftButton);
    QList<SentSection> moved = start;
    moved.move(2, 1);
    QCOMPARE(stored(), moved);
    QCOMPARE(panel->list()->item(1)->text(), start.at(2).title);
    QCOMPARE(panel->list()->currentRow(), 1); // the selection moves with it
    QVERIFY(ready.count() > 0 || ready.wait(120000));

    // Remove it; undo brings it back, in its place.
    QTest::mouseClick(panel->removeButton(), Qt::LeftButton);
    QList<SentSection> removed = moved;
    removed.removeAt(1);
    QCOMPARE(stored(), removed);
    QCOMPARE(panel->list()->count(), 2);
    QCOMPARE(undo->text(undo->index() - 1), QStringLiteral("Remove \"What changed in CSAT\" from the Monthly Quality Report"));
    undo->undo();
    QCOMPARE(stored(), moved);
    QCOMPARE(panel->list()->count(), 3);
    undo->undo();
    QCOMPARE(stored(), start);
    QCOMPARE(panel->list()->item(2)->text(), start.at(2).title);
    undo->redo();
    undo->redo();
    QCOMPARE(stored(), removed);
    if (m_reports->isBusy())
        QVERIFY(waitForPreview());
}

// A sent section's heading is the user's to word: edited in the list (F2 or Rename), undoable, and
// the report's section carries it; a blank heading is refused and the old one stays.
void TestSendToReport::renameInPlace()
{
    SentSectionsPanel *panel = m_reports->sentSections();
    QUndoStack *undo = m_window->dataUndoStack();
    const QList<SentSection> start = stored();
    QVERIFY(start.size() >= 2);
    panel->list()->setCurrentRow(0);
    QVERIFY(panel->renameButton()->isEnabled());
    QVERIFY(panel->list()->item(0)->flags() & Qt::ItemIsEditable);

    const QString heading = QStringLiteral("Why returns customers are unhappy");
    panel->list()->item(0)->setText(QStringLiteral("  %1 ").arg(heading)); // as the editor commits it
    QList<SentSection> renamed = start;
    renamed[0].title = heading;
    QCOMPARE(stored(), renamed);
    QCOMPARE(panel->list()->item(0)->text(), heading);
    QCOMPARE(undo->text(undo->index() - 1),
             QStringLiteral("Rename \"%1\" to \"%2\" in the Monthly Quality Report").arg(start.at(0).title, heading));

    // The report's section is headed so.
    ProjectError perr;
    {
        auto project = Project::open(m_path, Project::Access::ReadOnly, Project::Check::Deferred, &perr);
        QVERIFY(project);
        QString error;
        const auto doc = ReportBuilder::build(project->database(), ReportTemplate::MonthlyQuality,
                                              m_reports->periodBox()->currentData().toString(), {}, &error);
        QVERIFY2(doc, qPrintable(error));
        QVERIFY(doc->section(QStringLiteral("sent-1")));
        QCOMPARE(doc->section(QStringLiteral("sent-1"))->title, heading);
    }

    // Blank: refused, said, nothing written.
    QSignalSpy said(panel, &SentSectionsPanel::message);
    panel->list()->item(0)->setText(QStringLiteral("   "));
    QCOMPARE(stored(), renamed);
    QCOMPARE(panel->list()->item(0)->text(), heading);
    QCOMPARE(said.count(), 1);
    QVERIFY(said.first().first().toString().contains(QStringLiteral("needs a heading")));

    undo->undo();
    QCOMPARE(stored(), start);
    QCOMPARE(panel->list()->item(0)->text(), start.at(0).title);
    if (m_reports->isBusy())
        QVERIFY(waitForPreview());
}

void TestSendToReport::screenshots()
{
    const QString dir = qEnvironmentVariable("QL_SENDREPORT_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("QL_SENDREPORT_SCREENSHOTS is not set");
    m_window->resize(1280, 800);
    if (m_reports->isBusy())
        QVERIFY(waitForPreview());
    auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
    for (int i = 0; i < sidebar->count(); ++i)
        if (sidebar->item(i)->text() == QStringLiteral("Reports"))
            sidebar->setCurrentRow(i);
    QTest::qWait(200); // let the layout settle before the grab (not an assertion)
    QVERIFY(m_window->grab().save(dir + QStringLiteral("/reports-sent.png")));
    for (int i = 0; i < sidebar->count(); ++i)
        if (sidebar->item(i)->text() == QStringLiteral("Insights"))
            sidebar->setCurrentRow(i);
    showTab(QStringLiteral("signalsTable"));
    QMenu *menu = m_insights->sendToReport()->menu();
    QToolButton *button = m_insights->sendToReport()->button();
    QTest::qWait(200);
    QVERIFY(m_window->grab().save(dir + QStringLiteral("/insights-send.png")));
    Q_EMIT menu->aboutToShow();
    menu->popup(button->mapToGlobal(QPoint(0, button->height())));
    QTest::qWait(200);
    QVERIFY(menu->grab().save(dir + QStringLiteral("/insights-send-menu.png")));
    menu->hide();
}

QTEST_MAIN(TestSendToReport)
#include "tst_sendtoreport.moc"

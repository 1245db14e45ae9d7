// SPDX-License-Identifier: GPL-3.0-or-later
// The Pivot page's outputs: Copy as TSV, Export to CSV and XLSX, and agents on an axis in an export
// (ui.md "People in outputs"): the Export menu's "Agents in the export" choice, the project's
// name_display by default. The tiny project of tst_pivottiny.h: agents AG001 "Agent 1" (North), AG002 "Agent 2" (South), AG003 "Agent 3" (East),
// two audits each. The page's layout and table: tst_pivotpage.
#include "export/agentchoice.h"
#include "export/agentnames.h"
#include "pivot/pivotpage.h"
#include "pivot/pivottablemodel.h"
#include "pivot/pivottableview.h"
#include "store/project.h"
#include "store/projectsettings.h"
#include "tst_pivottiny.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QItemSelectionModel>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace ql;

class TestPivotExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void copiesTheSelectionAsTsv();
    void exportsCsvAndXlsx();
    void exportMenuOffersTheAgentChoice();
    void agentsAsChosen_data();
    void agentsAsChosen();
    void projectSettingIsTheDefault();

private:
    void setLayout(const QStringList &rows, const QStringList &cols, const QStringList &measures,
                   PivotTotals totals = PivotTotals::all());
    QByteArray exportCsv();
    QTemporaryDir m_dir;
    QString m_tiny;
    std::unique_ptr<Project> m_project;
    std::unique_ptr<PivotPage> m_page;
};

void TestPivotExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QualityLensTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_pivotexport"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_dir.isValid());
    m_tiny = m_dir.filePath(QStringLiteral("tiny.qlens"));
    const QString error = test::createTinyPivotProject(m_tiny);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestPivotExport::init()
{
    QSettings().clear();
    ProjectError error;
    m_project = Project::open(m_tiny, Project::Access::ReadWrite, Project::Check::Deferred, &error);
    QVERIFY2(m_project, qPrintable(error.message));
    QVERIFY(ProjectSettings(m_project->database()).setValue(ProjectSettings::NameDisplay, QStringLiteral("names"), QStringLiteral("test")));
    m_page = std::make_unique<PivotPage>();
    m_page->resize(1200, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->setProject(m_project.get());
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 30000);
    setLayout({"agent_name"}, {}, {"count"}, PivotTotals());
}

void TestPivotExport::setLayout(const QStringList &rows, const QStringList &cols, const QStringList &measures,
                                PivotTotals totals)
{
    PivotLayout layout = m_page->currentLayout();
    layout.spec.rows = rows;
    layout.spec.cols = cols;
    layout.spec.measures = measures;
    layout.spec.filters.clear();
    layout.spec.totals = totals;
    m_page->changeLayout(layout, QStringLiteral("test layout"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 30000);
}

void TestPivotExport::cleanup()
{
    m_page.reset();
    m_project.reset();
}

void TestPivotExport::copiesTheSelectionAsTsv()
{
    setLayout({"team"}, {"month"}, {"count", "qa_score"});
    PivotTableView *table = m_page->table();
    QItemSelectionModel *selection = table->selectionModel();
    const QAbstractItemModel *model = table->model();
    // North and South, January's count and QA score.
    selection->select(QItemSelection(model->index(1, 0), model->index(2, 1)), QItemSelectionModel::ClearAndSelect);
    table->setFocus();
    QApplication::clipboard()->clear();
    table->copyAction()->trigger();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Month\t2026-01\t2026-01\n"
                                                               "Team\tCount\tQA score\n"
                                                               "North\t1\t90.0%\n"
                                                               "South\t2\t85.0%\n"));
    // Ctrl+C does the same.
    QApplication::clipboard()->clear();
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("Month\t")));
}

void TestPivotExport::exportsCsvAndXlsx()
{
    setLayout({"team"}, {"month"}, {"count", "qa_score"});
    QSignalSpy finished(m_page.get(), &PivotPage::exportFinished);
    const QString csv = m_dir.filePath(QStringLiteral("pivot.csv"));
    QVERIFY(m_page->exportTo(csv, PivotTableOutput::Shape::Grid));
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    // By hand: (90+70+100)/3 in January, (80+85)/2 in February, 85 over all.
    QCOMPARE(f.readAll(), QByteArray("month,2026-01,2026-01,2026-02,2026-02,(total),(total)\r\n"
                                     "team,count,qa_score,count,qa_score,count,qa_score\r\n"
                                     "East,,,2,85,2,85\r\n"
                                     "North,1,90,1,80,2,85\r\n"
                                     "South,2,85,,,2,85\r\n"
                                     "(total),3,86.66666666666667,3,82.5,6,85\r\n"));
    f.close();
    finished.clear();
    const QString longCsv = m_dir.filePath(QStringLiteral("long.csv"));
    QVERIFY(m_page->exportTo(longCsv, PivotTableOutput::Shape::Long));
    QVERIFY(finished.wait(10000));
    QFile l(longCsv);
    QVERIFY(l.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = l.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("team,month,measure,value\r"));
    QCOMPARE(lines.at(1), QByteArray("East,2026-02,count,2\r"));
    finished.clear();
    const QString xlsx = m_dir.filePath(QStringLiteral("pivot.xlsx"));
    QVERIFY(m_page->exportTo(xlsx, PivotTableOutput::Shape::Grid));
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.at(0).at(0).toBool());
    QFile x(xlsx);
    QVERIFY(x.open(QIODevice::ReadOnly));
    QVERIFY(x.read(2) == "PK"); // a zip container
    QVERIFY(!m_page->exportTo(m_dir.filePath(QStringLiteral("pivot.txt")), PivotTableOutput::Shape::Grid));
}

QByteArray TestPivotExport::exportCsv()
{
    static int n = 0;
    const QString path = m_dir.filePath(QStringLiteral("agents-%1.csv").arg(++n));
    QSignalSpy finished(m_page.get(), &PivotPage::exportFinished);
    if (!m_page->exportTo(path, PivotTableOutput::Shape::Long) || !finished.wait(10000))
        return "(no export)";
    if (!finished.at(0).at(0).toBool())
        return finished.at(0).at(1).toString().toUtf8();
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(unreadable)");
}

void TestPivotExport::exportMenuOffersTheAgentChoice()
{
    QActionGroup *choices = m_page->exportAgentChoices();
    QVERIFY(choices);
    QStringList names;
    for (const QAction *a : choices->actions())
        names << a->objectName();
    QCOMPARE(names, (QStringList{"agentsAsProject", "agentsAsNames", "agentsAsIds", "agentsAsPseudonyms"}));
    QCOMPARE(choices->checkedAction()->objectName(), QStringLiteral("agentsAsProject"));
    // The toolbar's Export button opens that menu from its arrow.
    auto *button = m_page->findChild<QToolButton *>();
    bool found = false;
    for (auto *b : m_page->findChildren<QToolButton *>())
        if (b->defaultAction() && b->defaultAction()->objectName() == QLatin1String("exportPivot")) {
            QCOMPARE(b->popupMode(), QToolButton::MenuButtonPopup);
            QVERIFY(b->defaultAction()->menu());
            found = true;
        }
    QVERIFY(button && found);
}

void TestPivotExport::agentsAsChosen_data()
{
    QTest::addColumn<int>("display");
    QTest::addColumn<QByteArray>("csv");
    QTest::newRow("names") << int(NameDisplay::Names)
                           << QByteArray("agent_name,measure,value\r\nAgent 1,count,2\r\nAgent 2,count,2\r\n"
                                         "Agent 3,count,2\r\n");
    QTest::newRow("ids") << int(NameDisplay::Ids)
                         << QByteArray("agent_name,measure,value\r\nAG001,count,2\r\nAG002,count,2\r\n"
                                       "AG003,count,2\r\n");
}

void TestPivotExport::agentsAsChosen()
{
    QFETCH(int, display);
    QFETCH(QByteArray, csv);
    AgentChoice::choose(m_page->exportAgentChoices(), NameDisplay(display));
    QCOMPARE(exportCsv(), csv);
    // The table on screen keeps the names.
    QCOMPARE(m_page->model()->result()->row(0).labels.at(0), QStringLiteral("Agent 1"));
}

void TestPivotExport::projectSettingIsTheDefault()
{
    QVERIFY(ProjectSettings(m_project->database())
                .setValue(ProjectSettings::NameDisplay, QStringLiteral("pseudonyms"), QStringLiteral("test")));
    const QByteArray csv = exportCsv();
    QString why;
    const QByteArray key = AgentNames::projectKey(m_project->database(), &why);
    QVERIFY2(!key.isEmpty(), qPrintable(why));
    // No name ("Agent 1" as a whole cell: a pseudonym may start "Agent 1…") and no id.
    QVERIFY2(!csv.contains("\nAgent 1,") && !csv.contains("AG00"), csv.constData());
    for (const char *id : {"AG001", "AG002", "AG003"})
        QVERIFY2(csv.contains((AgentNames::pseudonym(key, QString::fromLatin1(id)) + QStringLiteral(",count,2"))
                                  .toUtf8()),
                 csv.constData());
}

QTEST_MAIN(TestPivotExport)
#include "tst_pivotexport.moc"

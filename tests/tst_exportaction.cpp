// SPDX-License-Identifier: GPL-3.0-or-later
// Export… from a table: the written file holds the table as the user sees it — the search's rows
// in the sort order shown, the columns in the order shown without the hidden ones — with typed
// values (numbers as numbers, dates as ISO dates, flags as 0/1), for a Data page table (rows read
// by id on a worker) and for any small table (a snapshot of its model).
#include "data/datapage.h"
#include "data/recordbrowser.h"
#include "data/recordtablemodel.h"
#include "export/agentnames.h"
#include "export/tableexportaction.h"
#include "store/project.h"
#include "store/projectsettings.h"
#include "testproject.h"

#include <QActionGroup>
#include <QCollator>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace ql;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestExportAction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void smallTableAsShown();
    void dataPageTableAsShown();
    void agentsByIdOrPseudonym();
    void agentsChosenPerExport_data();
    void agentsChosenPerExport();
    void xlsx();
    void refusesOtherExtensions();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
};

void TestExportAction::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QualityLensTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_exportaction"));
    QSettings().clear();
    const QString path = m_dir.filePath(QStringLiteral("small.qlens"));
    const QString error = test::createTestProject(path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    ProjectError perror;
    m_project = Project::open(path, Project::Access::ReadWriteOrReadOnly, Project::Check::Deferred, &perror);
    QVERIFY2(m_project, qPrintable(perror.message));
}

void TestExportAction::cleanupTestCase()
{
    m_project.reset();
}

void TestExportAction::smallTableAsShown()
{
    QStandardItemModel model(0, 4);
    model.setHorizontalHeaderLabels({QStringLiteral("Name"), QStringLiteral("Line"), QStringLiteral("Day"),
                                     QStringLiteral("Score")});
    const auto add = [&model](const QString &name, qint64 line, QDate day, double score) {
        QList<QStandardItem *> row{new QStandardItem(name), new QStandardItem, new QStandardItem, new QStandardItem};
        row[1]->setData(line, Qt::DisplayRole);
        row[2]->setData(day, Qt::DisplayRole);
        row[3]->setData(score, Qt::DisplayRole);
        model.appendRow(row);
    };
    add(QStringLiteral("b, with a comma"), 1043, QDate(2026, 3, 7), 87.25);
    add(QStringLiteral("=SUM(A1)"), 7, QDate(), 100);
    add(QStringLiteral("a"), 12, QDate(2026, 1, 31), 0.5);
    QTableView view;
    view.setModel(&model);
    view.setSortingEnabled(true);
    view.sortByColumn(1, Qt::AscendingOrder); // numbers sort as numbers: 7, 12, 1043
    view.horizontalHeader()->moveSection(3, 0); // Score first
    view.setColumnHidden(2, true);             // no Day

    TableExportAction action(&view);
    QSignalSpy finished(&action, &TableExportAction::finished);
    const QString path = m_dir.filePath(QStringLiteral("small.csv"));
    QVERIFY(action.exportTo(path));
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toBool(), true);
    QCOMPARE(finished.first().at(1).toString(), QStringLiteral("3 rows exported to %1").arg(path));
    // The view's model is the unsorted one: the snapshot follows the view, whose model sorted it in
    // place. Text is guarded against formulas; numbers are written as numbers.
    QCOMPARE(readAll(path), QByteArray("Score,Name,Line\r\n"
                                       "100,'=SUM(A1),7\r\n"
                                       "0.5,a,12\r\n"
                                       "87.25,\"b, with a comma\",1043\r\n"));

    // For Excel: the same with a byte-order mark.
    const QString excel = m_dir.filePath(QStringLiteral("small-excel.csv"));
    QVERIFY(action.exportTo(excel, true));
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(readAll(excel), QByteArray("\xEF\xBB\xBF") + readAll(path));
}

void TestExportAction::dataPageTableAsShown()
{
    DataPage page;
    page.resize(1280, 800);
    page.show();
    page.setProject(m_project.get());
    page.tabs()->setCurrentIndex(3);
    RecordBrowser *agents = page.browser(RecordKind::Agents);
    QCOMPARE(page.currentBrowser(), agents);
    QTRY_VERIFY(agents->model()->isLoaded() && !agents->model()->isLoading());
    const int all = agents->model()->rowCount();
    QCOMPARE(all, 12);

    // Search the team column for "North", sort by name descending, hide the id, put Audits first.
    const RecordTable &table = agents->model()->table();
    const int team = table.columnIndex(QStringLiteral("team"));
    const int name = table.columnIndex(QStringLiteral("name"));
    agents->columnChooser()->setCurrentIndex(agents->columnChooser()->findText(QStringLiteral("Team")));
    QTest::keyClicks(agents->searchBox(), QStringLiteral("North"));
    QTest::keyClick(agents->searchBox(), Qt::Key_Return);
    QTRY_VERIFY(agents->model()->isLoaded() && !agents->model()->isLoading() && agents->model()->rowCount() < all);
    const int shown = agents->model()->rowCount();
    QVERIFY(shown > 1);
    agents->view()->sortByColumn(name, Qt::DescendingOrder);
    QTRY_VERIFY(!agents->model()->isLoading() && agents->model()->sortColumn() == name);
    QHeaderView *header = agents->view()->horizontalHeader();
    header->setSectionHidden(table.columnIndex(QStringLiteral("id")), true);
    header->moveSection(header->visualIndex(table.columnIndex(QStringLiteral("audits"))), 0);

    QSignalSpy finished(agents->exportAction(), &TableExportAction::finished);
    const QString path = m_dir.filePath(QStringLiteral("agents.csv"));
    QVERIFY(agents->exportAction()->exportTo(path));
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

    const QList<QByteArray> lines = readAll(path).split('\n');
    QCOMPARE(lines.first(), QByteArray("Audits,Agent ID,Name,Team,Site,Supervisor,Hired,Active\r"));
    QCOMPARE(lines.size(), shown + 2); // the header, the rows, and the empty text after the last CRLF
    QStringList names;
    for (int row = 0; row < shown; ++row) {
        // Each line holds the raw values of the row shown there: counts as integers, the flag as
        // 0/1, dates as ISO dates.
        const QAbstractItemModel *m = agents->model();
        const auto raw = [&](const char *key) { return m->index(row, table.columnIndex(QLatin1String(key))).data(); };
        QCOMPARE(raw("team").toString(), QStringLiteral("North"));
        const QByteArray expected = QByteArray::number(raw("audits").toLongLong()) + ',' +
                                    raw("agent_key").toString().toUtf8() + ',' + raw("name").toString().toUtf8() +
                                    ',' + raw("team").toString().toUtf8() + ',' + raw("site").toString().toUtf8() +
                                    ',' + raw("supervisor").toString().toUtf8() + ',' +
                                    raw("hire_date").toDate().toString(Qt::ISODate).toUtf8() + ',' +
                                    (raw("active").toBool() ? "1" : "0") + '\r';
        QCOMPARE(lines.at(row + 1), expected);
        names << raw("name").toString();
    }
    // Independently of the model: the names come in descending order, numbers inside names compared
    // as numbers ("Agent 10" after "Agent 7"), as the Data page sorts.
    QCollator collator(QLocale(QLocale::English, QLocale::UnitedStates));
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(), [&](const QString &a, const QString &b) { return collator.compare(a, b) > 0; });
    QCOMPARE(names, sorted);
    Q_UNUSED(team);
    page.setProject(nullptr);
}

void TestExportAction::agentsByIdOrPseudonym()
{
    // The project's name_display decides how agents appear in a Data page export (privacy.md).
    QVERIFY(!m_project->isReadOnly());
    ProjectSettings settings(m_project->database());
    QString error;
    QSqlQuery q(m_project->database());
    QVERIFY(q.exec(QStringLiteral("SELECT agent_key, name FROM agents WHERE name IS NOT NULL")));
    QList<std::pair<QString, QString>> agents;
    while (q.next())
        agents.append({q.value(0).toString(), q.value(1).toString()});
    QVERIFY(agents.size() >= 10);

    for (const QString mode : {QStringLiteral("ids"), QStringLiteral("pseudonyms")}) {
        QVERIFY2(settings.setValue(ProjectSettings::NameDisplay, mode, QStringLiteral("test"), &error),
                 qPrintable(error));
        DataPage page;
        page.show();
        page.setProject(m_project.get());
        for (RecordKind kind : {RecordKind::Audits, RecordKind::Agents}) {
            RecordBrowser *browser = page.browser(kind);
            browser->activate();
            QTRY_VERIFY(browser->model()->isLoaded() && !browser->model()->isLoading());
            QSignalSpy finished(browser->exportAction(), &TableExportAction::finished);
            const QString path = m_dir.filePath(QStringLiteral("%1-%2.csv").arg(mode, browser->model()->table().key));
            QVERIFY(browser->exportAction()->exportTo(path));
            QTRY_COMPARE(finished.count(), 1);
            QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
            // Every cell of the file (the test project's texts hold no commas or quotes).
            QSet<QString> cells;
            for (const QString &line : QString::fromUtf8(readAll(path)).split(QStringLiteral("\r\n")))
                for (const QString &cell : line.split(QLatin1Char(',')))
                    cells.insert(cell);
            const QByteArray key = AgentNames::projectKey(m_project->database(), &error);
            for (const auto &[id, name] : agents) {
                QVERIFY2(!cells.contains(name), qPrintable(mode + QLatin1Char(' ') + name)); // never a name
                const QString shown = mode == QLatin1String("ids") ? id : AgentNames::pseudonym(key, id);
                QVERIFY2(cells.contains(shown), qPrintable(shown));
                if (mode == QLatin1String("pseudonyms"))
                    QVERIFY2(!cells.contains(id), qPrintable(id));
            }
        }
        page.setProject(nullptr);
    }
    QVERIFY(settings.setValue(ProjectSettings::NameDisplay, QStringLiteral("names"), QStringLiteral("test"), &error));
}

void TestExportAction::agentsChosenPerExport_data()
{
    // The project setting, the choice in the Export button's menu (empty: "As the Project Sets"),
    // and what the exported agent column must then hold.
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("choice");
    QTest::addColumn<QString>("expected");
    QTest::newRow("names, as project") << "names" << "agentsAsProject" << "names";
    QTest::newRow("names, ids chosen") << "names" << "agentsAsIds" << "ids";
    QTest::newRow("names, pseudonyms chosen") << "names" << "agentsAsPseudonyms" << "pseudonyms";
    QTest::newRow("pseudonyms, names chosen") << "pseudonyms" << "agentsAsNames" << "names";
    QTest::newRow("ids, as project") << "ids" << "agentsAsProject" << "ids";
}

void TestExportAction::agentsChosenPerExport()
{
    // ui.md "People in outputs": the project setting with a per-output override, chosen from the
    // Export button's menu on the Data page.
    QFETCH(QString, project);
    QFETCH(QString, choice);
    QFETCH(QString, expected);
    ProjectSettings settings(m_project->database());
    QString error;
    QVERIFY2(settings.setValue(ProjectSettings::NameDisplay, project, QStringLiteral("test"), &error), qPrintable(error));
    QSqlQuery q(m_project->database());
    QVERIFY(q.exec(QStringLiteral("SELECT agent_key, name FROM agents WHERE name IS NOT NULL")));
    QList<std::pair<QString, QString>> agents;
    while (q.next())
        agents.append({q.value(0).toString(), q.value(1).toString()});
    QVERIFY(agents.size() >= 10);

    DataPage page;
    page.show();
    page.setProject(m_project.get());
    RecordBrowser *browser = page.browser(RecordKind::Audits);
    browser->activate();
    QTRY_VERIFY(browser->model()->isLoaded() && !browser->model()->isLoading());
    auto *button = browser->findChild<QToolButton *>(QStringLiteral("exportButton"));
    QVERIFY(button);
    QCOMPARE(button->popupMode(), QToolButton::MenuButtonPopup);
    QCOMPARE(button->defaultAction(), browser->exportAction());
    QMenu *menu = browser->exportAction()->menu(); // what the button's arrow pops up
    QVERIFY(menu);
    QAction *action = nullptr;
    for (QAction *a : menu->actions())
        if (a->objectName() == choice)
            action = a;
    QVERIFY2(action, qPrintable(choice));
    QVERIFY(action->isCheckable());
    action->trigger();
    QVERIFY(action->isChecked());
    // One choice at a time.
    int checked = 0;
    for (QAction *a : browser->exportAction()->agentChoices()->actions())
        checked += a->isChecked() ? 1 : 0;
    QCOMPARE(checked, 1);

    QSignalSpy finished(browser->exportAction(), &TableExportAction::finished);
    const QString path = m_dir.filePath(QStringLiteral("chosen-%1-%2.csv").arg(project, choice));
    QVERIFY(browser->exportAction()->exportTo(path));
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    const QStringList lines = QString::fromUtf8(readAll(path)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    const int agentColumn = lines.value(0).split(QLatin1Char(',')).indexOf(QStringLiteral("Agent"));
    QVERIFY2(agentColumn >= 0, qPrintable(lines.value(0)));
    QSet<QString> shown;
    for (qsizetype i = 1; i < lines.size(); ++i)
        shown.insert(lines.at(i).split(QLatin1Char(',')).value(agentColumn));
    const QByteArray key = AgentNames::projectKey(m_project->database(), &error);
    QSet<QString> names, ids, pseudonyms;
    for (const auto &[id, name] : agents) {
        names.insert(name);
        ids.insert(id);
        pseudonyms.insert(AgentNames::pseudonym(key, id));
    }
    // Every agent cell is of the expected kind (the demo's agents all have names), and at least ten
    // different agents appear.
    const QSet<QString> &want = expected == QLatin1String("names") ? names : expected == QLatin1String("ids") ? ids : pseudonyms;
    QVERIFY(shown.size() >= 10);
    for (const QString &cell : std::as_const(shown))
        QVERIFY2(want.contains(cell), qPrintable(expected + QStringLiteral(": ") + cell));

    browser->exportAction()->setAgentOverride(std::nullopt); // the next export follows the project again
    QVERIFY(browser->exportAction()->agentChoices()->checkedAction()->objectName() == QLatin1String("agentsAsProject"));
    page.setProject(nullptr);
    QVERIFY(settings.setValue(ProjectSettings::NameDisplay, QStringLiteral("names"), QStringLiteral("test"), &error));
}

void TestExportAction::xlsx()
{
    QStandardItemModel model(2, 2);
    model.setHorizontalHeaderLabels({QStringLiteral("A"), QStringLiteral("B")});
    model.setData(model.index(0, 0), QStringLiteral("x"));
    model.setData(model.index(0, 1), 1.5);
    model.setData(model.index(1, 0), QStringLiteral("y"));
    model.setData(model.index(1, 1), 2);
    QTableView view;
    view.setModel(&model);
    TableExportAction action(&view);
    action.setSheetName(QStringLiteral("Problems"));
    QSignalSpy finished(&action, &TableExportAction::finished);
    const QString path = m_dir.filePath(QStringLiteral("table.xlsx"));
    QVERIFY(action.exportTo(path));
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    const QByteArray bytes = readAll(path);
    QVERIFY(bytes.startsWith("PK\x03\x04")); // a ZIP container, as every .xlsx is
    QVERIFY(bytes.contains("xl/worksheets/sheet1.xml"));
}

void TestExportAction::refusesOtherExtensions()
{
    QStandardItemModel model(1, 1);
    QTableView view;
    view.setModel(&model);
    TableExportAction action(&view);
    QVERIFY(!action.exportTo(m_dir.filePath(QStringLiteral("table.ods"))));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("table.ods"))));
}

QTEST_MAIN(TestExportAction)
#include "tst_exportaction.moc"

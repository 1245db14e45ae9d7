// SPDX-License-Identifier: GPL-3.0-or-later
// The Data page driven as a user would: tabs clicked, headers clicked, search typed, rows selected.
#include "common/emptystate.h"
#include "common/tablecopy.h"
#include "data/auditanswerspane.h"
#include "data/datapage.h"
#include "data/recordbrowser.h"
#include "data/recordformatproxy.h"
#include "data/recordtablemodel.h"
#include "store/project.h"
#include "testproject.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

class TestDataBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void showsAuditsWithCount();
    void switchesTablesByClicking();
    void sortsByClickingTheHeader();
    void searchesWhileTyping();
    void searchesOneColumn();
    void selectingAnAuditShowsItsAnswers();
    void sortingKeepsTheSelectedAudit();
    void emptyProjectSaysWhatToDo();
    void noMatchOffersToClear();
    void copiesSelectedRowsWithHeader();
    void closingTheProjectEmptiesThePage();

private:
    std::vector<qint64> sqlIds(const QString &sql) const;
    void clickHeader(QTableView *view, int column);
    void waitLoaded(RecordBrowser *browser);

    QTemporaryDir m_dir;
    QString m_path;
    QString m_oracle;
    std::unique_ptr<Project> m_project;
    std::unique_ptr<DataPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestDataBrowser::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QualityLensTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_databrowser"));
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("small.qlens"));
    const QString error = test::createTestProject(m_path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    ProjectError perror;
    m_project = Project::open(m_path, Project::Access::ReadWriteOrReadOnly, Project::Check::Deferred, &perror);
    QVERIFY2(m_project, qPrintable(perror.message));
    m_oracle = test::openOracle(m_path);
}

void TestDataBrowser::init()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_page.reset();
    QSettings().clear(); // column widths and the last tab from an earlier test must not leak in
    m_page = std::make_unique<DataPage>();
    RecordBrowser *audits = m_page->browser(RecordKind::Audits);
    m_modelTester = std::make_unique<QAbstractItemModelTester>(audits->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(audits->proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->setProject(m_project.get());
}

void TestDataBrowser::cleanupTestCase()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_page.reset();
    QSqlDatabase::database(m_oracle).close();
    QSqlDatabase::removeDatabase(m_oracle);
    m_project.reset();
}

std::vector<qint64> TestDataBrowser::sqlIds(const QString &sql) const
{
    std::vector<qint64> ids;
    QSqlQuery q(QSqlDatabase::database(m_oracle));
    q.exec(sql);
    while (q.next())
        ids.push_back(q.value(0).toLongLong());
    return ids;
}

void TestDataBrowser::clickHeader(QTableView *view, int column)
{
    QHeaderView *header = view->horizontalHeader();
    view->scrollTo(view->model()->index(0, column));
    const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2, header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, at);
}

void TestDataBrowser::waitLoaded(RecordBrowser *browser)
{
    QTRY_VERIFY(browser->model()->isLoaded() && !browser->model()->isLoading());
}

void TestDataBrowser::showsAuditsWithCount()
{
    QSignalSpy status(m_page.get(), &Page::statusTextChanged);
    RecordBrowser *audits = m_page->browser(RecordKind::Audits);
    QCOMPARE(m_page->currentBrowser(), audits);
    waitLoaded(audits);
    QCOMPARE(qint64(audits->view()->model()->rowCount()), test::scalar(m_oracle, QStringLiteral("SELECT count(*) FROM audits")));
    QCOMPARE(m_page->statusText(), QStringLiteral("240 audits"));
    QVERIFY(!status.isEmpty());
    QCOMPARE(status.last().first().toString(), QStringLiteral("240 audits"));
    QVERIFY(!audits->emptyState()->isVisible());
    // Scores are right-aligned with one decimal.
    const int score = audits->model()->table().columnIndex(QStringLiteral("score"));
    const QModelIndex cell = audits->proxy()->index(0, score);
    QCOMPARE(cell.data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    QVERIFY(cell.data().toString().contains(QLatin1Char('.')));
}

void TestDataBrowser::switchesTablesByClicking()
{
    QTabBar *bar = m_page->tabs()->tabBar();
    const struct
    {
        RecordKind kind;
        const char *count;
        const char *status;
    } tabs[] = {
        {RecordKind::Agents, "SELECT count(*) FROM agents", "12 agents"},
        {RecordKind::CsatResponses, "SELECT count(*) FROM csat_responses", "48 CSAT responses"},
        {RecordKind::Answers, "SELECT count(*) FROM answers", "960 answers"},
        {RecordKind::Audits, "SELECT count(*) FROM audits", "240 audits"},
    };
    for (const auto &tab : tabs) {
        RecordBrowser *browser = m_page->browser(tab.kind);
        const int index = m_page->tabs()->indexOf(browser);
        QTest::mouseClick(bar, Qt::LeftButton, Qt::NoModifier, bar->tabRect(index).center());
        QCOMPARE(m_page->currentBrowser(), browser);
        waitLoaded(browser);
        QCOMPARE(qint64(browser->view()->model()->rowCount()), test::scalar(m_oracle, QString::fromLatin1(tab.count)));
        QTRY_COMPARE(m_page->statusText(), QString::fromLatin1(tab.status));
    }
}

void TestDataBrowser::sortsByClickingTheHeader()
{
    RecordBrowser *audits = m_page->browser(RecordKind::Audits);
    waitLoaded(audits);
    QTableView *view = audits->view();
    RecordTableModel *model = audits->model();
    const int score = model->table().columnIndex(QStringLiteral("score"));
    QSignalSpy layout(model, &QAbstractItemModel::layoutChanged);

    clickHeader(view, score);
    QTRY_COMPARE(layout.count(), 1);
    QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), score);
    QCOMPARE(view->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
    std::vector<qint64> expected = sqlIds(QStringLiteral("SELECT id FROM audits ORDER BY score, id"));
    for (int row : {0, 1, 2, 237, 238, 239})
        QCOMPARE(model->idAt(row), expected[size_t(row)]);

    clickHeader(view, score);
    QTRY_COMPARE(layout.count(), 2);
    QCOMPARE(view->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    expected = sqlIds(QStringLiteral("SELECT id FROM audits ORDER BY score DESC, id"));
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->idAt(row), expected[size_t(row)]);
    // The view shows the sorted rows: the top row has the highest score.
    QSqlQuery max(QSqlDatabase::database(m_oracle));
    QVERIFY(max.exec(QStringLiteral("SELECT max(score) FROM audits")) && max.next());
    QCOMPARE(view->model()->index(0, score).data(RecordTableModel::ValueRole).toDouble(), max.value(0).toDouble());
    QCOMPARE(view->model()->index(0, score).data().toString(), audits->proxy()->format(max.value(0), ValueKind::Score));

    clickHeader(view, score); // third click: back to the order of the file
    QTRY_COMPARE(layout.count(), 3);
    QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), -1);
    QCOMPARE(model->idAt(0), 1);
}

void TestDataBrowser::searchesWhileTyping()
{
    RecordBrowser *audits = m_page->browser(RecordKind::Audits);
    waitLoaded(audits);
    QSignalSpy reset(audits->model(), &QAbstractItemModel::modelReset);
    QTest::keyClicks(audits->searchBox(), QStringLiteral("South"));
    QTRY_VERIFY(reset.count() >= 1 && !audits->model()->isLoading() && audits->model()->filter().text == QStringLiteral("South"));
    const qint64 expected = test::scalar(m_oracle, QStringLiteral("SELECT count(*) FROM audits a JOIN teams t ON t.id = a.team_id "
                                                                  "WHERE t.name = 'South'"));
    QCOMPARE(qint64(audits->view()->model()->rowCount()), expected);
    QTRY_COMPARE(m_page->statusText(), QStringLiteral("%1 of 240 audits").arg(expected));
    // Clearing the box shows everything again.
    audits->searchBox()->clear();
    QTRY_COMPARE(audits->view()->model()->rowCount(), 240);
    QTRY_COMPARE(m_page->statusText(), QStringLiteral("240 audits"));
}

void TestDataBrowser::searchesOneColumn()
{
    RecordBrowser *audits = m_page->browser(RecordKind::Audits);
    waitLoaded(audits);
    QComboBox *column = audits->columnChooser();
    const int team = column->findText(QStringLiteral("Team"));
    QVERIFY(team > 0);
    column->setCurrentIndex(team);
    QTest::keyClicks(audits->searchBox(), QStringLiteral("north"));
    QTest::keyClick(audits->searchBox(), Qt::Key_Return);
    QTRY_VERIFY(!audits->model()->isLoading() && audits->model()->filter().text == QStringLiteral("north"));
    QCOMPARE(qint64(audits->model()->rowCount()),
             test::scalar(m_oracle, QStringLiteral("SELECT count(*) FROM audits a JOIN teams t ON t.id = a.team_id WHERE t.name = 'North'")));
    // The same word in another column finds nothing there.
    column->setCurrentIndex(column->findText(QStringLiteral("Agent")));
    QTRY_VERIFY(!audits->model()->isLoading() && audits->model()->filter().column == audits->model()->table().columnIndex(QStringLiteral("agent")));
    QCOMPARE(audits->model()->rowCount(), 0);
}

void TestDataBrowser::selectingAnAuditShowsItsAnswers()
{
    RecordBrowser *audits = m_page->browser(RecordKind::Audits);
    waitLoaded(audits);
    AuditAnswersPane *pane = m_page->answersPane();
    QVERIFY(pane->isVisible());
    QCOMPARE(pane->auditId(), -1);
    QTableView *view = audits->view();
    const int row = 5;
    const QModelIndex index = view->model()->index(row, 1);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, view->visualRect(index).center());
    const qint64 id = audits->model()->idAt(row);
    QCOMPARE(pane->auditId(), id);
    QTRY_VERIFY(pane->model()->isLoaded() && !pane->model()->isLoading());
    std::vector<qint64> shown;
    for (int r = 0; r < pane->model()->rowCount(); ++r)
        shown.push_back(pane->model()->idAt(r));
    QVERIFY(shown == sqlIds(QStringLiteral("SELECT an.id FROM answers an JOIN criteria cr ON cr.id = an.criterion_id "
                                           "WHERE an.audit_id = %1 ORDER BY cr.position").arg(id)));
    QCOMPARE(pane->view()->model()->rowCount(), 4);
    const QString key = audits->proxy()->index(row, audits->model()->table().columnIndex(QStringLiteral("audit_key"))).data().toString();
    QVERIFY2(pane->title().contains(key), qPrintable(pane->title()));
    const int criterion = pane->model()->table().columnIndex(QStringLiteral("criterion"));
    QCOMPARE(pane->view()->model()->index(0, criterion).data().toString(), QStringLiteral("Verified the customer's identity"));

    // The audit's own comment is shown above its answers (the fixture comments every third audit).
    const QString comment = audits->model()->index(row, audits->model()->table().columnIndex(QStringLiteral("comment"))).data().toString();
    QCOMPARE(pane->comment().isEmpty(), comment.isEmpty());
    if (!comment.isEmpty())
        QVERIFY(pane->comment().contains(comment));

    // Another row, by keyboard.
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(pane->auditId(), audits->model()->idAt(row + 1));
    QTRY_VERIFY(!pane->model()->isLoading() && pane->model()->filter().parent == audits->model()->idAt(row + 1));
    QCOMPARE(pane->model()->rowCount(), 4);
}

void TestDataBrowser::sortingKeepsTheSelectedAudit()
{
    RecordBrowser *audits = m_page->browser(RecordKind::Audits);
    waitLoaded(audits);
    QTableView *view = audits->view();
    view->selectRow(3);
    const qint64 id = audits->model()->idAt(3);
    QSignalSpy layout(audits->model(), &QAbstractItemModel::layoutChanged);
    clickHeader(view, audits->model()->table().columnIndex(QStringLiteral("date")));
    QTRY_COMPARE(layout.count(), 1);
    QCOMPARE(audits->model()->idAt(view->currentIndex().row()), id);
    QCOMPARE(m_page->answersPane()->auditId(), id);
}

void TestDataBrowser::emptyProjectSaysWhatToDo()
{
    const QString path = m_dir.filePath(QStringLiteral("empty.qlens"));
    ProjectError error;
    std::unique_ptr<Project> empty = Project::create(path, true, &error);
    QVERIFY2(empty, qPrintable(error.message));
    m_page->setProject(empty.get());
    RecordBrowser *audits = m_page->browser(RecordKind::Audits);
    waitLoaded(audits);
    QTRY_VERIFY(audits->emptyState()->isVisible());
    QCOMPARE(audits->emptyState()->title(), QStringLiteral("No audits yet"));
    QVERIFY(audits->emptyState()->text().contains(QStringLiteral("demo")));
    QCOMPARE(m_page->statusText(), QStringLiteral("0 audits"));
    QSignalSpy demo(m_page.get(), &Page::openDemoRequested);
    QPushButton *button = nullptr;
    for (QPushButton *b : audits->emptyState()->findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Open Demo"))
            button = b;
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(demo.count(), 1);
    m_page->setProject(nullptr);
}

void TestDataBrowser::noMatchOffersToClear()
{
    RecordBrowser *audits = m_page->browser(RecordKind::Audits);
    waitLoaded(audits);
    QTest::keyClicks(audits->searchBox(), QStringLiteral("no such thing"));
    QTest::keyClick(audits->searchBox(), Qt::Key_Return);
    QTRY_VERIFY(!audits->model()->isLoading() && audits->model()->filter().hasSearch());
    QCOMPARE(audits->model()->rowCount(), 0);
    QTRY_VERIFY(audits->emptyState()->isVisible());
    QVERIFY(audits->emptyState()->title().contains(QStringLiteral("no such thing")));
    QPushButton *clear = nullptr;
    for (QPushButton *b : audits->emptyState()->findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Clear Search"))
            clear = b;
    QVERIFY(clear);
    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_COMPARE(audits->model()->rowCount(), 240);
    QVERIFY(audits->searchBox()->text().isEmpty());
    QTRY_VERIFY(!audits->emptyState()->isVisible());
}

void TestDataBrowser::copiesSelectedRowsWithHeader()
{
    RecordBrowser *audits = m_page->browser(RecordKind::Audits);
    waitLoaded(audits);
    QTableView *view = audits->view();
    view->selectRow(0);
    view->selectionModel()->select(view->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    int copied = 0;
    const QString text = TableCopy::selectedRows(view, TableCopy::MaxRows, &copied);
    QCOMPARE(copied, 2);
    const QStringList lines = text.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("ID\tAudit\tDate\tAgent")));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("1\tA-00001\t")));
    QVERIFY(lines.at(2).startsWith(QStringLiteral("3\tA-00003\t")));
}

void TestDataBrowser::closingTheProjectEmptiesThePage()
{
    RecordBrowser *audits = m_page->browser(RecordKind::Audits);
    waitLoaded(audits);
    m_page->setProject(nullptr);
    QCOMPARE(audits->model()->rowCount(), 0);
    QVERIFY(!audits->emptyState()->isVisible());
    QCOMPARE(m_page->statusText(), QString());
}

QTEST_MAIN(TestDataBrowser)
#include "tst_databrowser.moc"

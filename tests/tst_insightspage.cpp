// SPDX-License-Identifier: GPL-3.0-or-later
// The Insights page driven headless on a small generated demo: each tab shows the engines' numbers
// (compared with the engines run directly), clicking a theme shows its comments, a filter reaches
// the analyses, tables and charts export, and every model passes QAbstractItemModelTester.
#include "chart/chartdatabuilder.h"
#include "charts/chartpreview.h"
#include "chartscene.h"
#include "demo/demogenerator.h"
#include "export/tableexportaction.h"
#include "insights/insightspage.h"
#include "pivot/cubebuilder.h"
#include "rca/drivers.h"
#include "rca/pareto.h"
#include "rca/rcaengine.h"
#include "rca/themes.h"
#include "store/commentstore.h"
#include "store/criterionnames.h"
#include "store/project.h"
#include "store/projectsettings.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

class TestInsightsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void whatChangedShowsTheEngine();
    void driversShowTheEngine();
    void paretosShowTheEngine();
    void themesShowTheirComments();
    void auditorsCommentThemes();
    void controlChartsAndSignals();
    void filterReachesTheAnalyses();
    void exportsTablesAndCharts_data();
    void exportsTablesAndCharts();
    void noProject();
    void screenshots();

private:
    QTableView *table(const QString &name) const { return m_page->findChild<QTableView *>(name); }
    QVariant value(const QString &tableName, int row, int column) const
    {
        const QAbstractItemModel *m = table(tableName)->model();
        return m->data(m->index(row, column), Qt::UserRole);
    }
    QString text(const QString &tableName, int row, int column) const
    {
        const QAbstractItemModel *m = table(tableName)->model();
        return m->data(m->index(row, column)).toString();
    }
    bool recompute();

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::shared_ptr<const Cube> m_audits, m_csat, m_answers;
    std::unique_ptr<InsightsPage> m_page;
    QList<QAbstractItemModelTester *> m_testers;
};

void TestInsightsPage::initTestCase()
{
    ProjectError perr;
    m_project = Project::create(m_dir.filePath(QStringLiteral("insights.qlens")), false, &perr);
    QVERIFY2(m_project, qPrintable(perr.message));
    DemoOptions o;
    o.agents = 24;
    o.months = 6;
    QString error;
    QVERIFY2(generateDemo(*m_project, o, {}, &error), qPrintable(error));
    m_audits = CubeBuilder::build(m_project->database(), PivotSource::Audits, {}, &error);
    QVERIFY2(m_audits, qPrintable(error));
    m_answers = CubeBuilder::build(m_project->database(), PivotSource::Answers, {}, &error, m_audits);
    m_csat = CubeBuilder::build(m_project->database(), PivotSource::Csat, {}, &error, m_audits);
    QVERIFY(m_answers && m_csat);

    m_page = std::make_unique<InsightsPage>();
    for (QTableView *view : m_page->findChildren<QTableView *>())
        m_testers << new QAbstractItemModelTester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                                  this);
    QCOMPARE(m_testers.size(), 9);
    m_page->resize(1400, 900);
    m_page->show();
    QSignalSpy computed(m_page.get(), &InsightsPage::computed);
    m_page->setProject(m_project.get());
    QVERIFY(computed.wait(120000));
    QVERIFY(m_page->data());
}

void TestInsightsPage::cleanupTestCase()
{
    if (m_page)
        m_page->setProject(nullptr);
    m_page.reset();
}

bool TestInsightsPage::recompute()
{
    QSignalSpy computed(m_page.get(), &InsightsPage::computed);
    return computed.wait(120000);
}

void TestInsightsPage::whatChangedShowsTheEngine()
{
    // The default periods are the last two months of the data, and the KPI is CSAT %.
    const QStringList months = m_page->data()->months;
    QCOMPARE(months.size(), 6);
    QCOMPARE(m_page->findChild<QComboBox *>(QStringLiteral("current"))->currentText(), months.last());
    QCOMPARE(m_page->findChild<QComboBox *>(QStringLiteral("base"))->currentText(), months.at(4));

    QString error;
    rca::Request rq;
    rq.metric = *rca::Metric::parse(QStringLiteral("csat_pct"), &error);
    rq.base = *rca::Period::parse(months.at(4));
    rq.current = *rca::Period::parse(months.last());
    const ProjectSettings settings(m_project->database());
    rca::Settings rs;
    rs.minSample = settings.minSampleResponses();
    rs.minChange = settings.value(ProjectSettings::RcaMinimumChange).toDouble();
    const auto expected = rca::RcaEngine::run(*m_csat, rq, PivotOptions::fromProject(m_project->database()), rs, &error);
    QVERIFY2(expected, qPrintable(error));
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("sentence"))->text(), expected->summary);
    QVERIFY(!expected->summary.isEmpty());
    // The table shows the first (top-ranked) dimension's elements in the engine's order and numbers.
    const rca::Dimension &top = expected->analysis.dimensions.first();
    QCOMPARE(table(QStringLiteral("elementsTable"))->model()->rowCount(), top.elements.size());
    for (int i = 0; i < top.elements.size(); ++i) {
        QCOMPARE(text(QStringLiteral("elementsTable"), i, 0), top.elements.at(i).label);
        QCOMPARE(value(QStringLiteral("elementsTable"), i, 1).toDouble(), top.elements.at(i).contribution);
        QCOMPARE(value(QStringLiteral("elementsTable"), i, 8).toLongLong(), top.elements.at(i).current.n);
    }
    // Σ contributions = the change (Kitagawa is exact).
    double sum = 0;
    for (int i = 0; i < top.elements.size(); ++i)
        sum += value(QStringLiteral("elementsTable"), i, 1).toDouble();
    QVERIFY(std::abs(sum - expected->analysis.delta) < 1e-9);
    // Another dimension on demand.
    auto *dimension = m_page->findChild<QComboBox *>(QStringLiteral("changeDimension"));
    QCOMPARE(dimension->count(), expected->analysis.dimensions.size());
    dimension->setCurrentIndex(1);
    QCOMPARE(text(QStringLiteral("elementsTable"), 0, 0), expected->analysis.dimensions.at(1).elements.first().label);
    dimension->setCurrentIndex(0);
    QVERIFY(m_page->chart(QStringLiteral("contributions"))->chart());
    // The chart: at most the 12 largest contributions and the rest as one bar; the bars add up to the change.
    const auto &bars = m_page->data()->contributions.data;
    QVERIFY(bars && bars->categories.size() <= 13);
    QCOMPARE(bars->categories.size(), std::min<int>(13, top.elements.size()));
    double barSum = 0;
    for (double v : bars->series.first().values)
        barSum += v;
    QVERIFY(std::abs(barSum - expected->analysis.delta) < 1e-9);
}

void TestInsightsPage::driversShowTheEngine()
{
    const rca::DriversResult expected = rca::Drivers::compute(*m_answers, PivotOptions::fromProject(m_project->database()), {});
    QVERIFY(!expected.drivers.isEmpty());
    QCOMPARE(table(QStringLiteral("driversTable"))->model()->rowCount(), expected.drivers.size());
    const QHash<QString, QString> names = CriterionNames::load(m_project->database());
    QCOMPARE(names.value(QStringLiteral("next_steps")), QStringLiteral("Set expectations for next steps"));
    for (int i = 0; i < expected.drivers.size(); ++i) {
        const rca::Driver &d = expected.drivers.at(i);
        // The criterion by name, its key in the tooltip (docs/charts.md "Criteria by name").
        QCOMPARE(text(QStringLiteral("driversTable"), i, 0), names.value(d.criterion));
        QCOMPARE(table(QStringLiteral("driversTable"))->model()->index(i, 0).data(Qt::ToolTipRole).toString(), d.criterion);
        if (d.difference)
            QCOMPARE(value(QStringLiteral("driversTable"), i, 3).toDouble(), *d.difference);
        QCOMPARE(value(QStringLiteral("driversTable"), i, 8).toLongLong(), d.failed);
    }
    QVERIFY(m_page->chart(QStringLiteral("quadrant"))->chart());
}

void TestInsightsPage::paretosShowTheEngine()
{
    const QString current = m_page->data()->current;
    QString error;
    const auto reasons = rca::ParetoBuilder::build(*m_csat, QStringLiteral("reason"), *rca::Period::parse(current), {},
                                                   PivotOptions::fromProject(m_project->database()), &error);
    QVERIFY2(reasons && !reasons->items.isEmpty(), qPrintable(error));
    QCOMPARE(table(QStringLiteral("reasonsTable"))->model()->rowCount(), reasons->items.size());
    for (int i = 0; i < reasons->items.size(); ++i) {
        QCOMPARE(text(QStringLiteral("reasonsTable"), i, 0), reasons->items.at(i).label);
        QCOMPARE(value(QStringLiteral("reasonsTable"), i, 1).toLongLong(), reasons->items.at(i).count);
        QCOMPARE(text(QStringLiteral("reasonsTable"), i, 5), reasons->items.at(i).isNew ? QStringLiteral("new") : QStringLiteral("recurring"));
    }
    const auto cross = rca::ParetoBuilder::crossTab(*m_answers, QStringLiteral("reason"), QStringLiteral("root_cause"),
                                                    *rca::Period::parse(current), {},
                                                    PivotOptions::fromProject(m_project->database()), &error);
    QVERIFY(cross);
    QCOMPARE(table(QStringLiteral("crossTable"))->model()->rowCount(), cross->rows.size());
    qint64 total = 0;
    const QAbstractItemModel *m = table(QStringLiteral("crossTable"))->model();
    for (int r = 0; r < m->rowCount(); ++r)
        for (int c = 1; c < m->columnCount(); ++c)
            total += m->data(m->index(r, c), Qt::UserRole).toLongLong();
    QCOMPARE(total, cross->total);
    QVERIFY(m_page->chart(QStringLiteral("reasons"))->chart());
    QVERIFY(m_page->chart(QStringLiteral("rootCauses"))->chart());
}

void TestInsightsPage::themesShowTheirComments()
{
    QString error;
    const auto comments = CommentStore::customerComments(m_project->database(), {}, {}, &error);
    QVERIFY2(comments, qPrintable(error));
    const auto documents = rca::Themes::documents(*comments);
    const rca::ThemesResult expected = rca::Themes::rank(documents, rca::Themes::englishStopWords());
    QVERIFY(!expected.themes.isEmpty());
    QTableView *view = table(QStringLiteral("themesTable"));
    QCOMPARE(view->model()->rowCount(), expected.themes.size());
    QCOMPARE(text(QStringLiteral("themesTable"), 0, 0), expected.themes.first().term);
    QCOMPARE(value(QStringLiteral("themesTable"), 0, 3).toLongLong(), expected.themes.first().focusDocs);

    auto *examples = m_page->findChild<QPlainTextEdit *>(QStringLiteral("examples"));
    QVERIFY(examples->toPlainText().isEmpty());
    m_page->findChild<QTabWidget *>(QStringLiteral("insightsTabs"))->setCurrentIndex(3);
    view->scrollTo(view->model()->index(1, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(1, 0)).center());
    const rca::Theme &second = expected.themes.at(1);
    QVERIFY(examples->toPlainText().contains(second.term));
    QVERIFY(!second.examples.isEmpty());
    // Each example comment (names masked) is shown, and it contains the theme's first word.
    for (qint64 id : second.examples) {
        const QString shown = m_page->data()->exampleTexts.value(id);
        QVERIFY(!shown.isEmpty());
        QVERIFY(examples->toPlainText().contains(shown));
    }
}

void TestInsightsPage::auditorsCommentThemes()
{
    // The corpus box switches the themes to auditors' comments (failed against passed answers).
    auto *corpus = m_page->findChild<QComboBox *>(QStringLiteral("themeCorpus"));
    QVERIFY(corpus);
    corpus->setCurrentIndex(corpus->findData(QStringLiteral("auditors")));
    QVERIFY(recompute());
    QVERIFY(m_page->data()->themesOfAuditors);
    QString error;
    const auto comments = CommentStore::auditorComments(m_project->database(), {}, {}, &error);
    QVERIFY2(comments, qPrintable(error));
    const rca::ThemesResult expected = rca::Themes::rank(rca::Themes::documents(*comments), rca::Themes::englishStopWords());
    QCOMPARE(m_page->data()->themes.focusDocuments, expected.focusDocuments);
    QCOMPARE(m_page->data()->themes.referenceDocuments, expected.referenceDocuments);
    QCOMPARE(table(QStringLiteral("themesTable"))->model()->rowCount(), expected.themes.size());
    QCOMPARE(table(QStringLiteral("themesTable"))->model()->headerData(3, Qt::Horizontal).toString(),
             QStringLiteral("Comments on failed answers"));
    corpus->setCurrentIndex(0);
    QVERIFY(recompute());
    QVERIFY(!m_page->data()->themesOfAuditors);
}

void TestInsightsPage::controlChartsAndSignals()
{
    const ChartPreview *control = m_page->chart(QStringLiteral("control"));
    QVERIFY(control->chart());
    const auto &data = m_page->data()->controlChart.data;
    QVERIFY(data && data->pChart); // pass rate is a rate: a p-chart
    QCOMPARE(data->categories.size(), 6);
    QVERIFY(m_page->chart(QStringLiteral("funnel"))->chart());
    // The signals table lists the p-chart's signals and the funnel's units to watch, nothing else.
    int expected = data->pChart->signals.size();
    const auto &funnel = m_page->data()->funnelChart.data;
    QVERIFY(funnel && funnel->funnel);
    for (stats::FunnelStatus s : funnel->funnel->status)
        expected += s == stats::FunnelStatus::ToWatch || s == stats::FunnelStatus::NeedsAttention;
    QCOMPARE(table(QStringLiteral("signalsTable"))->model()->rowCount(), expected);

    // QA score is a mean: XmR, by week.
    m_page->findChild<QComboBox *>(QStringLiteral("controlMetric"))->setCurrentIndex(1);
    QVERIFY(recompute());
    QVERIFY(m_page->data()->controlChart.data && m_page->data()->controlChart.data->xmr);
    m_page->findChild<QComboBox *>(QStringLiteral("controlPeriod"))->setCurrentIndex(1);
    QVERIFY(recompute());
    QVERIFY(m_page->data()->controlChart.data->categories.size() > 20); // ~26 weeks in 6 months
    m_page->findChild<QComboBox *>(QStringLiteral("controlPeriod"))->setCurrentIndex(0);
    QVERIFY(recompute());
    m_page->findChild<QComboBox *>(QStringLiteral("controlMetric"))->setCurrentIndex(0);
    QVERIFY(recompute());
}

void TestInsightsPage::filterReachesTheAnalyses()
{
    auto *queue = m_page->findChild<QComboBox *>(QStringLiteral("queue"));
    QVERIFY(queue->count() > 2);
    const QString current = m_page->data()->current;
    // The first queue with CSAT reasons in the current period, and its Pareto from the engine.
    int index = -1;
    std::optional<rca::Pareto> reasons;
    for (int i = 1; i < queue->count() && index < 0; ++i) {
        QString error;
        reasons = rca::ParetoBuilder::build(*m_csat, QStringLiteral("reason"), *rca::Period::parse(current),
                                            {PivotFilter{QStringLiteral("queue"), false, {queue->itemText(i)}}},
                                            PivotOptions::fromProject(m_project->database()), &error);
        QVERIFY2(reasons, qPrintable(error));
        if (!reasons->items.isEmpty())
            index = i;
    }
    QVERIFY(index > 0);
    queue->setCurrentIndex(index);
    QVERIFY(recompute());
    QCOMPARE(m_page->data()->whatChanged->request.filters.size(), 1);
    QCOMPARE(table(QStringLiteral("reasonsTable"))->model()->rowCount(), reasons->items.size());
    QCOMPARE(value(QStringLiteral("reasonsTable"), 0, 1).toLongLong(), reasons->items.first().count);
    // The drivers and the comment themes take the filter too: the same as their engines with it.
    const QList<PivotFilter> filters{PivotFilter{QStringLiteral("queue"), false, {queue->itemText(index)}}};
    rca::DriversOptions driversOptions;
    driversOptions.filters = filters;
    const rca::DriversResult drivers =
        rca::Drivers::compute(*m_answers, PivotOptions::fromProject(m_project->database()), driversOptions);
    QVERIFY(drivers.excludedByFilters > 0);
    QCOMPARE(m_page->data()->drivers.joinedAudits, drivers.joinedAudits);
    QCOMPARE(m_page->data()->drivers.excludedByFilters, drivers.excludedByFilters);
    QString error;
    const auto comments = rca::Themes::keep(*CommentStore::customerComments(m_project->database(), {}, {}, &error),
                                            *m_csat, filters, PivotOptions::fromProject(m_project->database()), &error);
    QVERIFY2(comments, qPrintable(error));
    const rca::ThemesResult themes = rca::Themes::rank(rca::Themes::documents(*comments), rca::Themes::englishStopWords());
    QCOMPARE(m_page->data()->themes.focusDocuments, themes.focusDocuments);
    QCOMPARE(m_page->data()->themes.referenceDocuments, themes.referenceDocuments);
    queue->setCurrentIndex(0);
    QVERIFY(recompute());
    QVERIFY(m_page->data()->whatChanged->request.filters.isEmpty());
}

void TestInsightsPage::exportsTablesAndCharts_data()
{
    QTest::addColumn<QString>("tableName");
    QTest::addColumn<QString>("chartName");
    QTest::newRow("what changed") << "elementsTable" << "contributions";
    QTest::newRow("drivers") << "driversTable" << "quadrant";
    QTest::newRow("reasons") << "reasonsTable" << "reasons";
    QTest::newRow("themes") << "themesTable" << "rootCauses";
    QTest::newRow("signals") << "signalsTable" << "control";
    QTest::newRow("cross-tab") << "crossTable" << "funnel";
}

void TestInsightsPage::exportsTablesAndCharts()
{
    QFETCH(QString, tableName);
    QFETCH(QString, chartName);
    auto *action = m_page->findChild<TableExportAction *>(tableName + QStringLiteral("Export"));
    QVERIFY(action);
    QSignalSpy finished(action, &TableExportAction::finished);
    const QString csv = m_dir.filePath(tableName + QStringLiteral(".csv"));
    QVERIFY(action->exportTo(csv));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    const QAbstractItemModel *m = table(tableName)->model();
    QCOMPARE(lines.size(), m->rowCount() + 1); // header and every row
    QVERIFY(lines.first().startsWith(m->headerData(0, Qt::Horizontal).toString().toUtf8().left(5)));

    QString error;
    const QString png = m_dir.filePath(chartName + QStringLiteral(".png"));
    QVERIFY2(m_page->exportChart(chartName, png, 1, &error), qPrintable(error));
    QCOMPARE(QImage(png).size(), QSize(1280, 720));
    QVERIFY2(m_page->exportChart(chartName, m_dir.filePath(chartName + QStringLiteral(".svg")), 1, &error), qPrintable(error));
    QVERIFY(!m_page->exportChart(chartName, m_dir.filePath(chartName + QStringLiteral(".gif")), 1, &error));
    QVERIFY(error.contains(QStringLiteral(".png")));
}

void TestInsightsPage::noProject()
{
    InsightsPage page;
    QVERIFY(!page.data());
    QVERIFY(page.chart(QStringLiteral("control"))->message().contains(QStringLiteral("Open a project")));
}

// With QL_INSIGHTS_SCREENSHOT_DIR set: each tab on the default demo (as `qualitylens-cli demo`
// makes it), saved there as insights-N.png (docs/screenshot-insights.png is the fifth, Control charts).
void TestInsightsPage::screenshots()
{
    const QString out = qEnvironmentVariable("QL_INSIGHTS_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("QL_INSIGHTS_SCREENSHOT_DIR is not set");
    ProjectError perr;
    auto project = Project::create(m_dir.filePath(QStringLiteral("demo.qlens")), false, &perr);
    QVERIFY2(project, qPrintable(perr.message));
    QString error;
    QVERIFY2(generateDemo(*project, DemoOptions{}, {}, &error), qPrintable(error));
    InsightsPage page;
    page.resize(1600, 1000);
    page.show();
    QSignalSpy computed(&page, &InsightsPage::computed);
    page.setProject(project.get());
    QVERIFY(computed.wait(300000));
    auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("insightsTabs"));
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        if (i == 3) {
            QTableView *view = page.findChild<QTableView *>(QStringLiteral("themesTable"));
            view->selectionModel()->setCurrentIndex(view->model()->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
        QTest::qWait(50);
        QVERIFY(page.grab().save(QDir(out).filePath(QStringLiteral("insights-%1.png").arg(i + 1))));
    }
    page.setProject(nullptr);
}

QTEST_MAIN(TestInsightsPage)
#include "tst_insightspage.moc"

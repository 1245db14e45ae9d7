// SPDX-License-Identifier: GPL-3.0-or-later
// Saved charts on the Charts page, driven headless on a small generated project: save (pivot
// charts and a waterfall), reopen the project and find them listed, open one back into the form,
// rename, delete and undo, and export a chart pack: N files of the right size in each format.
#include "chart/chartspec.h"
#include "charts/chartspage.h"
#include "demo/demogenerator.h"
#include "pivot/cubebuilder.h"
#include "store/project.h"
#include "store/savedviewstore.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace ql;

namespace {

const char *barJson = R"J({"type": "bar", "title": "Pass rate by team", "pivot": {"source": "audits", "rows": ["team"],
    "measures": ["pass_rate"]}, "target": 80, "labels": true})J";
const char *paretoJson = R"J({"type": "pareto", "title": "Root causes", "pivot": {"source": "answers",
    "rows": ["root_cause"], "measures": ["count"], "filters": {"root_cause": {"not_in": ["(blank)"]}}}})J";

QStringList names(const QStandardItemModel *model)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->item(row)->text();
    return out;
}

qint64 idOf(const QStandardItemModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->item(row)->text() == name)
            return model->item(row)->data(Qt::UserRole).toLongLong();
    return -1;
}

} // namespace

class TestSavedCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void saveReopenList();
    void openRenameDelete();
    void chartPack_data();
    void chartPack();
    void readOnly();

private:
    void setSpec(ChartsPage &page, const QByteArray &json);
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Project> m_project;
    QString m_waterfallJson;
};

void TestSavedCharts::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("saved.qlens"));
    ProjectError error;
    m_project = Project::create(m_path, false, &error);
    QVERIFY2(m_project, qPrintable(error.message));
    DemoOptions options;
    options.agents = 16;
    options.months = 4;
    options.auditsPerAgentMonth = 4;
    QString message;
    QVERIFY2(generateDemo(*m_project, options, {}, &message), qPrintable(message));
    // The demo comes with saved charts of its own; this test starts from none.
    SavedViewStore store(m_project->database());
    for (const SavedView &v : store.list(QStringLiteral("chart")))
        QVERIFY2(store.remove(v.id, &message), qPrintable(message));
    // The waterfall: CSAT from the demo's second-to-last month to its last.
    const auto csat = CubeBuilder::build(m_project->database(), PivotSource::Csat, {}, &message);
    QVERIFY2(csat, qPrintable(message));
    QStringList months = csat->findDimension(QStringLiteral("month")).dimension->labels;
    months.removeAll(QStringLiteral("(blank)"));
    months.sort();
    m_waterfallJson = QStringLiteral(R"({"type": "waterfall", "title": "Why CSAT moved", "rca": {"metric": "csat_pct",
        "base": "%1", "current": "%2", "dims": ["queue"]}, "labels": true})")
                          .arg(months.at(months.size() - 2), months.last());
}

void TestSavedCharts::setSpec(ChartsPage &page, const QByteArray &json)
{
    QString error;
    const auto spec = ChartSpec::fromJson(json, &error);
    QVERIFY2(spec, qPrintable(error));
    QSignalSpy rendered(&page, &ChartsPage::chartRendered);
    page.setSpec(*spec);
    QVERIFY2(rendered.wait(60000), qPrintable(page.previewMessage()));
}

void TestSavedCharts::saveReopenList()
{
    {
        ChartsPage page;
        QAbstractItemModelTester tester(page.savedCharts(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.setProject(m_project.get());
        QCOMPARE(page.savedCharts()->rowCount(), 0);
        QString error;
        setSpec(page, barJson);
        QVERIFY2(page.saveChart(QStringLiteral("Pass rate by team"), &error), qPrintable(error));
        setSpec(page, paretoJson);
        QVERIFY2(page.saveChart(QStringLiteral("Root causes"), &error), qPrintable(error));
        setSpec(page, m_waterfallJson.toUtf8());
        QVERIFY(page.currentChart()); // the waterfall draws on the page
        QVERIFY2(page.saveChart(QStringLiteral("  Why CSAT moved "), &error), qPrintable(error));
        // Saving under a name that exists replaces that chart.
        QVERIFY2(page.saveChart(QStringLiteral("Why CSAT moved"), &error), qPrintable(error));
        QCOMPARE(names(page.savedCharts()),
                 (QStringList{"Pass rate by team", "Root causes", "Why CSAT moved"}));
        // A spec that cannot be drawn is not saved.
        auto broken = *ChartSpec::fromJson(barJson, &error);
        broken.pivot.measures.clear();
        page.setSpec(broken);
        QVERIFY(!page.saveChart(QStringLiteral("Broken"), &error));
        QVERIFY2(error.contains(QStringLiteral("cannot be saved")), qPrintable(error));
        page.setProject(nullptr);
        QCOMPARE(page.savedCharts()->rowCount(), 0);
    }
    // Reopen the project: the charts are in it.
    m_project.reset();
    ProjectError openError;
    m_project = Project::open(m_path, Project::Access::ReadWrite, Project::Check::Deferred, &openError);
    QVERIFY2(m_project, qPrintable(openError.message));
    ChartsPage page;
    page.setProject(m_project.get());
    QCOMPARE(names(page.savedCharts()), (QStringList{"Pass rate by team", "Root causes", "Why CSAT moved"}));
    const auto stored = SavedViewStore(m_project->database()).find(QStringLiteral("chart"), QStringLiteral("Why CSAT moved"));
    QVERIFY(stored);
    QString error;
    QCOMPARE(ChartSpec::fromJson(stored->specJson, &error)->type, ChartType::Waterfall);
}

void TestSavedCharts::openRenameDelete()
{
    ChartsPage page;
    QUndoStack stack;
    page.setDataUndoStack(&stack);
    page.setProject(m_project.get());
    QAbstractItemModelTester tester(page.savedCharts(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    // Open: the form shows the saved spec exactly.
    const qint64 bar = idOf(page.savedCharts(), QStringLiteral("Pass rate by team"));
    QVERIFY(bar > 0);
    QSignalSpy rendered(&page, &ChartsPage::chartRendered);
    QVERIFY2(page.openSaved(bar, &error), qPrintable(error));
    QCOMPARE(page.spec(), *ChartSpec::fromJson(barJson, &error));
    QVERIFY(rendered.wait(60000));
    // Rename; a taken name is refused.
    QVERIFY2(page.renameSaved(bar, QStringLiteral("Teams' pass rate"), &error), qPrintable(error));
    QCOMPARE(names(page.savedCharts()), (QStringList{"Root causes", "Teams' pass rate", "Why CSAT moved"}));
    QVERIFY(!page.renameSaved(bar, QStringLiteral("Root causes"), &error));
    QVERIFY(!error.isEmpty());
    // Delete, undo, redo, undo: the chart comes back with its spec.
    const qint64 pareto = idOf(page.savedCharts(), QStringLiteral("Root causes"));
    const QByteArray spec = SavedViewStore(m_project->database()).load(pareto)->specJson;
    QVERIFY2(page.deleteSaved(pareto, &error), qPrintable(error));
    QCOMPARE(names(page.savedCharts()), (QStringList{"Teams' pass rate", "Why CSAT moved"}));
    QCOMPARE(stack.count(), 1);
    QVERIFY(stack.undoText().contains(QStringLiteral("Root causes")));
    stack.undo();
    QCOMPARE(names(page.savedCharts()), (QStringList{"Root causes", "Teams' pass rate", "Why CSAT moved"}));
    stack.redo();
    QCOMPARE(page.savedCharts()->rowCount(), 2);
    stack.undo();
    const auto back = SavedViewStore(m_project->database()).find(QStringLiteral("chart"), QStringLiteral("Root causes"));
    QVERIFY(back);
    QCOMPARE(back->specJson, spec);
    stack.clear();
}

void TestSavedCharts::chartPack_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("scale");
    QTest::newRow("png 4:3 at 2x") << "png" << QSize(1440, 1080) << 2;
    QTest::newRow("svg 16:9") << "svg" << QSize(1920, 1080) << 1;
    QTest::newRow("pdf custom") << "pdf" << QSize(1200, 800) << 1;
}

void TestSavedCharts::chartPack()
{
    QFETCH(QString, format);
    QFETCH(QSize, size);
    QFETCH(int, scale);
    ChartsPage page;
    page.setProject(m_project.get());
    QList<qint64> ids;
    for (int row = 0; row < page.savedCharts()->rowCount(); ++row)
        ids << page.savedCharts()->item(row)->data(Qt::UserRole).toLongLong();
    QCOMPARE(ids.size(), 3);
    const QString folder = m_dir.filePath(QStringLiteral("pack-") + format);
    QSignalSpy finished(&page, &ChartsPage::chartPackFinished);
    QString error;
    QVERIFY2(page.exportPack(ids, folder, format, size, scale, &error), qPrintable(error));
    QVERIFY(!page.exportPack(ids, folder, format, size, scale, &error)); // one pack at a time
    QVERIFY(finished.wait(120000));
    const QStringList written = finished.first().at(0).toStringList();
    const QStringList errors = finished.first().at(1).toStringList();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(finished.first().at(2).toBool(), false);
    QCOMPARE(written.size(), 3);
    const QStringList files = QDir(folder).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files, (QStringList{"Root causes." + format, "Teams' pass rate." + format, "Why CSAT moved." + format}));
    for (const QString &name : files) {
        QFile file(QDir(folder).filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        if (format == QLatin1String("png")) {
            QImage image;
            QVERIFY(image.loadFromData(bytes, "PNG"));
            QCOMPARE(image.size(), size * scale);
        } else if (format == QLatin1String("svg")) {
            QVERIFY2(bytes.contains(QStringLiteral("viewBox=\"0 0 %1 %2\"").arg(size.width()).arg(size.height()).toUtf8()),
                     qPrintable(name));
        } else {
            // The page is the chart's size at 144 dpi: half as many points as pixels.
            static const QRegularExpression box(QStringLiteral("/MediaBox \\[\\s*0 0 ([\\d.]+) ([\\d.]+)"));
            const auto m = box.match(QString::fromLatin1(bytes));
            QVERIFY2(m.hasMatch(), qPrintable(name));
            QVERIFY(std::abs(m.captured(1).toDouble() - size.width() / 2.0) < 0.6);
            QVERIFY(std::abs(m.captured(2).toDouble() - size.height() / 2.0) < 0.6);
        }
    }
}

void TestSavedCharts::readOnly()
{
    m_project.reset();
    ProjectError openError;
    auto project = Project::open(m_path, Project::Access::ReadOnly, Project::Check::Deferred, &openError);
    QVERIFY2(project, qPrintable(openError.message));
    ChartsPage page;
    page.setProject(project.get());
    QCOMPARE(page.savedCharts()->rowCount(), 3);
    QString error;
    QVERIFY(!page.saveChart(QStringLiteral("New"), &error));
    QVERIFY(error.contains(QStringLiteral("read-only")));
    QVERIFY(!page.deleteSaved(page.savedCharts()->item(0)->data(Qt::UserRole).toLongLong(), &error));
    page.setProject(nullptr);
}

QTEST_MAIN(TestSavedCharts)
#include "tst_savedcharts.moc"

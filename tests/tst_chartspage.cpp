// SPDX-License-Identifier: GPL-3.0-or-later
// The Charts page driven headless on a small generated project: every preset renders in the preview
// at the output size, a bad spec says why, and export and copy give the output's pixels; a control
// chart's baseline and restart are picked in the form and saved in the spec; a waterfall is made
// and edited in the form (KPI, periods, dimensions, filters).
#include "charts/chartspage.h"
#include "chartscene.h"
#include "demo/demogenerator.h"
#include "store/project.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace ql;

namespace {

// Every text the chart draws (titles, labels, footnote), in reading order (top to bottom, left to
// right) and joined with spaces, so that a footnote wrapped at a space reads as one line again.
QString sceneText(const ChartScene *chart)
{
    QList<std::pair<QPointF, QString>> texts;
    for (QGraphicsItem *item : chart->scene()->items()) {
        if (auto *t = dynamic_cast<QGraphicsTextItem *>(item))
            texts.append({t->scenePos(), t->toPlainText()});
        else if (auto *t = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            texts.append({t->scenePos(), t->text()});
    }
    std::sort(texts.begin(), texts.end(), [](const auto &a, const auto &b) {
        return a.first.y() != b.first.y() ? a.first.y() < b.first.y() : a.first.x() < b.first.x();
    });
    QStringList out;
    for (const auto &t : std::as_const(texts))
        out << t.second;
    return out.join(QLatin1Char(' '));
}

// The demo's months are 2026-05 … 2026-10 (six months ending October 2026).
const QStringList demoMonths{"2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"};

} // namespace

class TestChartsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPresetRenders();
    void badSpecSaysWhy();
    void exportAndCopy();
    void controlBaselineInTheForm();
    void waterfallInTheForm();
    void badFiltersSayWhy();
    void namesChoice();
    void noProject();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
};

void TestChartsPage::initTestCase()
{
    ProjectError error;
    m_project = Project::create(m_dir.filePath(QStringLiteral("page.qlens")), false, &error);
    QVERIFY2(m_project, qPrintable(error.message));
    DemoOptions options;
    options.agents = 16;
    options.months = 6;
    options.auditsPerAgentMonth = 4;
    QString message;
    QVERIFY2(generateDemo(*m_project, options, {}, &message), qPrintable(message));
}

void TestChartsPage::everyPresetRenders()
{
    ChartsPage page;
    page.setProject(m_project.get());
    // QL_CHARTSPAGE_SCREENSHOTS=DIR: the page with each preset, to look at (docs/charts.md).
    const QString shots = qEnvironmentVariable("QL_CHARTSPAGE_SCREENSHOTS");
    if (!shots.isEmpty()) {
        page.resize(1500, 950);
        page.show();
    }
    auto *preset = page.findChild<QComboBox *>(QStringLiteral("preset"));
    QVERIFY(preset);
    for (int i = 1; i < preset->count(); ++i) {
        QSignalSpy rendered(&page, &ChartsPage::chartRendered);
        preset->setCurrentIndex(i);
        QVERIFY2(rendered.wait(60000), qPrintable(preset->itemText(i) + QStringLiteral(": ") + page.previewMessage()));
        QVERIFY(page.currentChart());
        QCOMPARE(page.currentChart()->size(), QSize(1920, 1080));
        if (!shots.isEmpty())
            page.grab().save(QDir(shots).filePath(QStringLiteral("charts-page-%1.png").arg(i, 2, 10, QLatin1Char('0'))));
    }
    // The size follows the choice, so the preview has the output's aspect ratio.
    QSignalSpy rendered(&page, &ChartsPage::chartRendered);
    page.findChild<QComboBox *>(QStringLiteral("size"))->setCurrentIndex(1);
    QVERIFY(rendered.wait(60000));
    QCOMPARE(page.currentChart()->size(), QSize(1440, 1080));
    page.setProject(nullptr);
}

void TestChartsPage::badSpecSaysWhy()
{
    ChartsPage page;
    page.setProject(m_project.get());
    page.findChild<QLineEdit *>(QStringLiteral("measures"))->setText(QStringLiteral("joy"));
    QTRY_VERIFY_WITH_TIMEOUT(page.previewMessage().contains(QStringLiteral("joy")), 10000);
    QVERIFY(!page.currentChart());
    page.setProject(nullptr);
}

void TestChartsPage::exportAndCopy()
{
    ChartsPage page;
    QSignalSpy rendered(&page, &ChartsPage::chartRendered);
    page.setProject(m_project.get());
    QVERIFY(rendered.wait(60000));
    QString error;
    const QString png = m_dir.filePath(QStringLiteral("chart.png"));
    QVERIFY2(page.exportTo(png, 2, &error), qPrintable(error));
    QCOMPARE(QImage(png).size(), QSize(3840, 2160));
    QVERIFY(page.exportTo(m_dir.filePath(QStringLiteral("chart.svg")), 1, &error));
    QVERIFY(page.exportTo(m_dir.filePath(QStringLiteral("chart.pdf")), 1, &error));
    QVERIFY(!page.exportTo(m_dir.filePath(QStringLiteral("chart.gif")), 1, &error));
    page.copyToClipboard();
    QCOMPARE(QApplication::clipboard()->image().size(), QSize(3840, 2160));
    page.setProject(nullptr);
}

// The p-chart preset: the baseline and restart combos list the periods drawn; choosing Jun–Aug and
// a restart in September redraws the preview with them, and the spec (JSON and round trip) says so.
void TestChartsPage::controlBaselineInTheForm()
{
    ChartsPage page;
    page.setProject(m_project.get());
    auto *preset = page.findChild<QComboBox *>(QStringLiteral("preset"));
    auto *from = page.findChild<QComboBox *>(QStringLiteral("baselineFrom"));
    auto *to = page.findChild<QComboBox *>(QStringLiteral("baselineTo"));
    auto *restart = page.findChild<QComboBox *>(QStringLiteral("restart"));
    auto *version = page.findChild<QCheckBox *>(QStringLiteral("versionRestart"));
    QVERIFY(preset && from && to && restart && version);
    QVERIFY(from->isHidden()); // a bar chart has no baseline
    QSignalSpy rendered(&page, &ChartsPage::chartRendered);
    preset->setCurrentIndex(preset->findText(QStringLiteral("p-chart: pass rate by month")));
    QVERIFY(rendered.wait(60000));
    QVERIFY(!from->isHidden() && !restart->isHidden() && !version->isHidden());
    QCOMPARE(page.controlPeriods(), demoMonths);
    QCOMPARE(from->count(), 7); // (the first) and the six months
    QCOMPARE(restart->count(), 6); // (none) and every month but the first
    // The demo's scorecard version 2 arrives in the middle month, August: the limits restart there.
    QVERIFY(sceneText(page.currentChart()).contains(QStringLiteral("limits restart in Aug 2026 (scorecard version change)")));

    rendered.clear();
    from->setCurrentIndex(from->findData(QStringLiteral("2026-06")));
    to->setCurrentIndex(to->findData(QStringLiteral("2026-08")));
    restart->setCurrentIndex(restart->findData(QStringLiteral("2026-09")));
    version->setChecked(false);
    QVERIFY(rendered.wait(60000));
    // The version change kept, the user's restart in September: Sep–Oct is a phase of two (its
    // default baseline is Sep alone), and the footnote names the chosen restart, not the version's.
    const QString text = sceneText(page.currentChart());
    QVERIFY2(text.contains(QStringLiteral("limits restart in Sep 2026 (chosen)")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("scorecard version")), qPrintable(text));
    const ChartSpec spec = page.spec();
    QCOMPARE(spec.control, (ChartControl{QStringLiteral("2026-06"), QStringLiteral("2026-08"), QStringLiteral("2026-09"), false}));
    QString error;
    QCOMPARE(*ChartSpec::fromJson(spec.toJson(), &error), spec);
    QVERIFY(page.findChild<QPlainTextEdit *>(QStringLiteral("json"))->toPlainText().contains(
        QStringLiteral(R"("control":{"baseline":{"from":"2026-06","to":"2026-08"},"restart":"2026-09","version_restart":false})")));

    // A saved chart opens with its window selected; a bar chart drops it.
    ChartsPage other;
    other.setSpec(spec);
    QCOMPARE(other.findChild<QComboBox *>(QStringLiteral("baselineFrom"))->currentData().toString(), QStringLiteral("2026-06"));
    QCOMPARE(other.findChild<QComboBox *>(QStringLiteral("restart"))->currentData().toString(), QStringLiteral("2026-09"));
    QVERIFY(!other.findChild<QCheckBox *>(QStringLiteral("versionRestart"))->isChecked());
    QCOMPARE(other.spec(), spec);
    other.findChild<QComboBox *>(QStringLiteral("type"))->setCurrentIndex(0);
    QVERIFY(other.spec().control.isDefault());
    page.setProject(nullptr);
}

// A waterfall typed into the form: CSAT from September to October by queue, phone left out. The
// preview draws it, the spec carries the "rca" object with its filters, and opening it back fills
// the same fields.
void TestChartsPage::waterfallInTheForm()
{
    ChartsPage page;
    page.setProject(m_project.get());
    auto *type = page.findChild<QComboBox *>(QStringLiteral("type"));
    auto *metric = page.findChild<QComboBox *>(QStringLiteral("metric"));
    auto *base = page.findChild<QLineEdit *>(QStringLiteral("basePeriod"));
    auto *current = page.findChild<QLineEdit *>(QStringLiteral("currentPeriod"));
    auto *dims = page.findChild<QLineEdit *>(QStringLiteral("dimensions"));
    auto *filters = page.findChild<QLineEdit *>(QStringLiteral("filters"));
    QVERIFY(type && metric && base && current && dims && filters);
    QVERIFY(metric->isHidden());
    type->setCurrentIndex(type->findData(int(ChartType::Waterfall)));
    QVERIFY(!metric->isHidden() && !base->isHidden());
    QVERIFY(page.findChild<QLineEdit *>(QStringLiteral("rows"))->isHidden()); // the pivot does not apply
    QTRY_VERIFY_WITH_TIMEOUT(page.previewMessage().contains(QStringLiteral("rca.base")), 10000);
    QSignalSpy rendered(&page, &ChartsPage::chartRendered);
    metric->setCurrentText(QStringLiteral("csat_pct"));
    filters->setText(QStringLiteral("channel != phone"));
    dims->setText(QStringLiteral("queue"));
    base->setText(QStringLiteral("2026-09"));
    current->setText(QStringLiteral("2026-10"));
    page.findChild<QLineEdit *>(QStringLiteral("title"))->setText(QStringLiteral("Why CSAT moved"));
    QVERIFY2(rendered.wait(60000), qPrintable(page.previewMessage()));
    QVERIFY(page.currentChart());
    const QString text = sceneText(page.currentChart());
    QVERIFY2(text.contains(QStringLiteral("Why CSAT moved")) && text.contains(QStringLiteral("channel ≠ phone")),
             qPrintable(text));
    const ChartSpec spec = page.spec();
    QCOMPARE(spec.type, ChartType::Waterfall);
    QCOMPARE(spec.rca.value(QLatin1String("metric")).toString(), QStringLiteral("csat_pct"));
    QCOMPARE(spec.rca.value(QLatin1String("base")).toString(), QStringLiteral("2026-09"));
    QCOMPARE(spec.rca.value(QLatin1String("current")).toString(), QStringLiteral("2026-10"));
    QString error;
    QCOMPARE(*waterfallFilters(spec, &error), (QList<PivotFilter>{{"channel", true, {"phone"}}}));
    QCOMPARE(*ChartSpec::fromJson(spec.toJson(), &error), spec);
    QVERIFY(!spec.toJson().contains("\"pivot\""));

    ChartsPage other;
    other.setSpec(spec);
    QCOMPARE(other.findChild<QComboBox *>(QStringLiteral("metric"))->currentText(), QStringLiteral("csat_pct"));
    QCOMPARE(other.findChild<QLineEdit *>(QStringLiteral("basePeriod"))->text(), QStringLiteral("2026-09"));
    QCOMPARE(other.findChild<QLineEdit *>(QStringLiteral("dimensions"))->text(), QStringLiteral("queue"));
    QCOMPARE(other.findChild<QLineEdit *>(QStringLiteral("filters"))->text(), QStringLiteral("channel != phone"));
    QCOMPARE(other.spec(), spec);
    page.setProject(nullptr);
}

void TestChartsPage::badFiltersSayWhy()
{
    ChartsPage page;
    page.setProject(m_project.get());
    page.findChild<QLineEdit *>(QStringLiteral("filters"))->setText(QStringLiteral("queue Billing"));
    QTRY_VERIFY_WITH_TIMEOUT(page.previewMessage().contains(QStringLiteral("needs = or !=")), 10000);
    QString error;
    QVERIFY(!page.saveChart(QStringLiteral("broken"), &error));
    QVERIFY2(error.contains(QStringLiteral("queue Billing")), qPrintable(error));
    // Fixed, the filter reaches the chart's pivot.
    QSignalSpy rendered(&page, &ChartsPage::chartRendered);
    page.findChild<QLineEdit *>(QStringLiteral("filters"))->setText(QStringLiteral("queue = Billing"));
    QVERIFY(rendered.wait(60000));
    QCOMPARE(page.spec().pivot.filters, (QList<PivotFilter>{{"queue", false, {"Billing"}}}));
    QVERIFY(sceneText(page.currentChart()).contains(QStringLiteral("queue = Billing")));
    page.setProject(nullptr);
}

// "Show agents as" is the chart's own override of the project's name display: the spec (and its
// JSON for the CLI) carries it, the rendered bars follow it, and a spec with "names" sets the box.
void TestChartsPage::namesChoice()
{
    ChartsPage page;
    page.setProject(m_project.get());
    auto *names = page.findChild<QComboBox *>(QStringLiteral("names"));
    QVERIFY(names);
    QCOMPARE(names->currentData().toInt(), -1);
    QCOMPARE(names->itemText(0), QStringLiteral("Project setting (names)"));
    QString error;
    auto spec = ChartSpec::fromJson(R"({"type": "bar", "title": "By agent", "pivot": {"source": "audits",
        "rows": ["agent_name"], "measures": ["count"]}})", &error);
    QVERIFY2(spec, qPrintable(error));
    QSignalSpy rendered(&page, &ChartsPage::chartRendered);
    page.setSpec(*spec);
    QVERIFY(rendered.wait(60000));
    QVERIFY(!page.spec().names);
    static const QRegularExpression id(QStringLiteral("\\bA\\d+\\b"));
    QVERIFY(!sceneText(page.currentChart()).contains(id)); // names: no agent ids on the axis
    rendered.clear();
    names->setCurrentIndex(names->findData(int(NameDisplay::Ids)));
    QVERIFY(rendered.wait(60000));
    QCOMPARE(page.spec().names, std::optional<NameDisplay>(NameDisplay::Ids));
    const auto shown = ChartSpec::fromJson(page.findChild<QPlainTextEdit *>(QStringLiteral("json"))->toPlainText().toUtf8(), &error);
    QVERIFY2(shown, qPrintable(error)); // the spec for the CLI carries it
    QCOMPARE(shown->names, std::optional<NameDisplay>(NameDisplay::Ids));
    QVERIFY2(sceneText(page.currentChart()).contains(id), qPrintable(sceneText(page.currentChart())));

    spec->names = NameDisplay::Pseudonyms;
    page.setSpec(*spec);
    QCOMPARE(names->currentData().toInt(), int(NameDisplay::Pseudonyms));
    page.setProject(nullptr);
}

void TestChartsPage::noProject()
{
    ChartsPage page;
    QVERIFY(!page.currentChart());
    QVERIFY(page.previewMessage().contains(QStringLiteral("Open a project")));
}

QTEST_MAIN(TestChartsPage)
#include "tst_chartspage.moc"

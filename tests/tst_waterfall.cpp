// SPDX-License-Identifier: GPL-3.0-or-later
// The waterfall chart: the steps read from a root-cause analysis (hand-made results, every running
// total worked by hand), the bars drawn where the running totals are (read back through Qt Charts'
// own mapping of the value axis), colours by whether a step helps the KPI, every format headless,
// the spec's validation, and a waterfall of the demo through ChartLoader that adds up exactly.
#include "chart/chartloader.h"
#include "chart/waterfall.h"
#include "chartexport.h"
#include "chartscene.h"
#include "chartsize.h"
#include "charttheme.h"
#include "demo/demogenerator.h"
#include "pivot/cubebuilder.h"
#include "pivot/pivotengine.h"
#include "rca/rcaengine.h"
#include "store/project.h"

#include <QAbstractSeries>
#include <QChart>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace ql;

namespace {

rca::Element element(const QString &label, double rate, double mix, qint64 n)
{
    rca::Element e;
    e.label = label;
    e.rateEffect = rate;
    e.mixEffect = mix;
    e.contribution = rate + mix;
    e.base.n = n;
    e.current.n = n;
    return e;
}

// CSAT 80.0% → 76.0% (Δ = −4.0) by queue: Returns −5.0 (rate −4.5, mix −0.5), Billing +2.0
// (rate 1.5, mix 0.5), Chat −0.6, Email −0.4; −5.0 + 2.0 − 0.6 − 0.4 = −4.0.
rca::Result csatResult()
{
    QString error;
    rca::Result r;
    r.request.metric = *rca::Metric::parse(QStringLiteral("csat_pct"), &error);
    r.request.base = *rca::Period::parse(QStringLiteral("2026-09"));
    r.request.current = *rca::Period::parse(QStringLiteral("2026-10"));
    r.request.dimensions = {QStringLiteral("queue")};
    r.analysis.base = {1000, 80.0, std::nullopt};
    r.analysis.current = {1000, 76.0, std::nullopt};
    r.analysis.delta = -4.0;
    r.analysis.gatePassed = true;
    rca::Dimension d;
    d.name = QStringLiteral("queue");
    d.elements = {element(QStringLiteral("Returns"), -4.5, -0.5, 300), element(QStringLiteral("Billing"), 1.5, 0.5, 300),
                  element(QStringLiteral("Chat"), -0.6, 0.0, 200), element(QStringLiteral("Email"), -0.4, 0.0, 200)};
    r.analysis.dimensions << d;
    return r;
}

// Critical error rate (lower is better) 2.0% → 9.0% by team: A +8.0, B −1.0. Levels 2, 10, 9: the
// range 8 is over half of the top 10, so the axis starts at 0.
rca::Result criticalResult()
{
    QString error;
    rca::Result r;
    r.request.metric = *rca::Metric::parse(QStringLiteral("critical_rate"), &error);
    r.request.base = *rca::Period::parse(QStringLiteral("2026-09"));
    r.request.current = *rca::Period::parse(QStringLiteral("2026-10"));
    r.analysis.base = {500, 2.0, std::nullopt};
    r.analysis.current = {500, 9.0, std::nullopt};
    r.analysis.delta = 7.0;
    rca::Dimension d;
    d.name = QStringLiteral("team");
    d.elements = {element(QStringLiteral("A"), 7.0, 1.0, 250), element(QStringLiteral("B"), -1.0, 0.0, 250)};
    r.analysis.dimensions << d;
    return r;
}

struct Bar
{
    int slot;
    QRectF rect;
    QColor colour;
};

QList<Bar> barsOf(const ChartScene &chart)
{
    QList<Bar> bars;
    for (QGraphicsItem *item : chart.scene()->items())
        if (item->data(0).toString() == QLatin1String("waterfall-bar")) {
            auto *rect = static_cast<QGraphicsRectItem *>(item);
            bars << Bar{item->data(1).toInt(), rect->rect(), rect->brush().color()};
        }
    std::sort(bars.begin(), bars.end(), [](const Bar &a, const Bar &b) { return a.slot < b.slot; });
    return bars;
}

QChart *chartOf(const ChartScene &chart)
{
    for (QGraphicsItem *item : chart.scene()->items())
        if (auto *c = dynamic_cast<QChart *>(item))
            return c;
    return nullptr;
}

} // namespace

class TestWaterfall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void stepsFromTheAnalysis();
    void smallStepsBecomeOthers();
    void barsAreTheRunningTotals_data();
    void barsAreTheRunningTotals();
    void everyFormat_data();
    void everyFormat();
    void specValidation_data();
    void specValidation();
    void demoAddsUp();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
};

void TestWaterfall::initTestCase()
{
    QVERIFY(m_dir.isValid());
    ProjectError projectError;
    m_project = Project::create(m_dir.filePath(QStringLiteral("waterfall.qlens")), false, &projectError);
    QVERIFY2(m_project, qPrintable(projectError.message));
    DemoOptions options;
    options.agents = 24;
    options.months = 4;
    options.auditsPerAgentMonth = 5;
    QString error;
    QVERIFY2(generateDemo(*m_project, options, {}, &error), qPrintable(error));
}

void TestWaterfall::stepsFromTheAnalysis()
{
    QString error;
    const auto data = waterfallChartData(csatResult(), &error);
    QVERIFY2(data, qPrintable(error));
    QCOMPARE(data->type, ChartType::Waterfall);
    QVERIFY(data->waterfall);
    const Waterfall &w = *data->waterfall;
    QCOMPARE(w.startLabel, QStringLiteral("Sep 2026"));
    QCOMPARE(w.endLabel, QStringLiteral("Oct 2026"));
    QCOMPARE(w.start, 80.0);
    QCOMPARE(w.end, 76.0);
    QVERIFY(w.higherIsBetter);
    QCOMPARE(w.steps.size(), 4);
    QCOMPARE(data->categories, (QStringList{"Returns", "Billing", "Chat", "Email"}));
    // Running totals: 80 − 5 = 75; + 2 = 77; − 0.6 = 76.4; − 0.4 = 76 (the current value).
    const double totals[] = {75.0, 77.0, 76.4, 76.0};
    for (int i = 0; i < 4; ++i)
        QVERIFY2(std::abs(w.runningTotal(i) - totals[i]) < 1e-12, qPrintable(QString::number(w.runningTotal(i))));
    QCOMPARE(w.steps.at(0).rate, -4.5);
    QCOMPARE(w.steps.at(0).mix, -0.5);
    QCOMPARE(data->facts, 2000);
    QCOMPARE(data->measures.first().unit, ValueUnit::Percent);
    // The spec says where it came from, for the CLI and saved charts.
    const ChartSpec spec = waterfallSpec(csatResult());
    QCOMPARE(spec.type, ChartType::Waterfall);
    QCOMPARE(spec.title, QStringLiteral("CSAT fell 4.0 points: the change by queue"));
    QCOMPARE(spec.rca.value(QLatin1String("metric")).toString(), QStringLiteral("csat_pct"));
    QCOMPARE(spec.rca.value(QLatin1String("base")).toString(), QStringLiteral("2026-09"));
    QVERIFY2(spec.validate().isEmpty(), qPrintable(spec.validate()));
    const auto again = ChartSpec::fromJson(spec.toJson(), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(*again, spec);
    // An analysis of filtered data keeps its filters in the spec, and reads them back.
    rca::Result filtered = csatResult();
    filtered.request.filters = {PivotFilter{QStringLiteral("channel"), true, {QStringLiteral("phone")}}};
    const ChartSpec withFilters = waterfallSpec(filtered);
    const auto read = ChartSpec::fromJson(withFilters.toJson(), &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(*read, withFilters);
    QCOMPARE(*waterfallFilters(*read, &error), filtered.request.filters);
    QVERIFY2(read->validate().isEmpty(), qPrintable(read->validate()));
}

void TestWaterfall::smallStepsBecomeOthers()
{
    QString error;
    // Three steps at most: the two largest by size (Returns 5.0, Billing 2.0) and the other two
    // summed, −0.6 − 0.4 = −1.0, last.
    const auto data = waterfallChartData(csatResult(), &error, 3);
    QVERIFY2(data, qPrintable(error));
    const Waterfall &w = *data->waterfall;
    QCOMPARE(w.steps.size(), 3);
    QCOMPARE(w.steps.at(0).label, QStringLiteral("Returns"));
    QCOMPARE(w.steps.at(1).label, QStringLiteral("Billing"));
    QCOMPARE(w.steps.at(2).label, QStringLiteral("2 others"));
    QVERIFY(w.steps.at(2).others);
    QVERIFY(std::abs(w.steps.at(2).value - -1.0) < 1e-12);
    QCOMPARE(w.steps.at(2).currentN, 400);
    QVERIFY(std::abs(w.runningTotal(2) - w.end) < 1e-12);
    // No dimension: no chart, and a reason.
    rca::Result empty = csatResult();
    empty.analysis.dimensions.clear();
    QVERIFY(!waterfallChartData(empty, &error));
    QVERIFY(error.contains(QStringLiteral("no dimension")));
}

void TestWaterfall::barsAreTheRunningTotals_data()
{
    QTest::addColumn<bool>("critical");
    QTest::addColumn<QString>("theme");
    QTest::newRow("CSAT, light") << false << "light";
    QTest::newRow("CSAT, dark") << false << "dark";
    QTest::newRow("critical rate, light") << true << "light";
}

void TestWaterfall::barsAreTheRunningTotals()
{
    QFETCH(bool, critical);
    QFETCH(QString, theme);
    const rca::Result result = critical ? criticalResult() : csatResult();
    QString error;
    const auto data = waterfallChartData(result, &error);
    QVERIFY2(data, qPrintable(error));
    const ChartSpec spec = waterfallSpec(result);
    const ChartTheme t = ChartTheme::named(theme);
    const ChartScene chart(spec, *data, t, ChartSize::slide16x9());
    const Waterfall &w = *data->waterfall;
    const QList<Bar> bars = barsOf(chart);
    QCOMPARE(bars.size(), w.steps.size() + 2);
    QChart *qchart = chartOf(chart);
    QVERIFY(qchart);
    QAbstractSeries *axes = qchart->series().first();
    auto y = [&](double v) { return qchart->mapToPosition(QPointF(0, v), axes).y(); };
    auto x = [&](int slot) { return qchart->mapToPosition(QPointF(slot, 0), axes).x(); };
    // Where the totals stand: 0, or the axis' bottom when it does not start at 0.
    const double floorY = critical ? y(0) : qchart->plotArea().bottom();
    // Start and end bars: from the floor to the value, in the main colour.
    QVERIFY(std::abs(bars.first().rect.top() - y(w.start)) < 0.5);
    QVERIFY(std::abs(bars.first().rect.bottom() - floorY) < 0.5);
    QVERIFY(std::abs(bars.last().rect.top() - y(w.end)) < 0.5);
    QCOMPARE(bars.first().colour, t.series(0));
    // Each step floats from the running total before it to the one after it.
    double level = w.start;
    for (int i = 0; i < w.steps.size(); ++i) {
        const Bar &b = bars.at(i + 1);
        const double next = level + w.steps.at(i).value;
        QVERIFY2(std::abs(b.rect.top() - y(std::max(level, next))) < 0.5,
                 qPrintable(QStringLiteral("step %1: top %2, expected %3").arg(i).arg(b.rect.top()).arg(y(std::max(level, next)))));
        QVERIFY2(std::abs(b.rect.bottom() - y(std::min(level, next))) < 0.5, qPrintable(QString::number(i)));
        QVERIFY(std::abs(b.rect.center().x() - x(i + 1)) < 0.5);
        // A step that helps the KPI is bluish green, one that hurts it vermillion.
        const bool helps = (w.steps.at(i).value >= 0) == w.higherIsBetter;
        QCOMPARE(b.colour, helps ? QColor(0x00, 0x9E, 0x73) : t.bad);
        level = next;
    }
    QVERIFY(std::abs(level - w.end) < 1e-9);
    const QByteArray svg = ChartExport::svg(chart);
    if (critical) {
        // Critical rate up is bad: team A's +8.0 is vermillion; labels are signed points.
        QCOMPARE(bars.at(1).colour, t.bad);
        QVERIFY(svg.contains(">+8.0</text>"));
        QVERIFY(svg.contains(QStringLiteral(">\u22121.0</text>").toUtf8()));
        QVERIFY(!svg.contains("the axis starts at"));
    } else {
        // 75–80% would be slivers on a 0–100 axis: the axis starts near the data and says so.
        QVERIFY(svg.contains("the axis starts at"));
        QVERIFY(svg.contains(">80.0%</text>"));
        QVERIFY(svg.contains(">76.0%</text>"));
        QVERIFY(svg.contains(">+2.0</text>"));
    }
    QVERIFY(svg.contains(">Sep 2026</text>"));
}

void TestWaterfall::everyFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QSize>("size");
    for (const char *format : {"png", "svg", "pdf"}) {
        QTest::addRow("%s 16:9", format) << QString::fromLatin1(format) << ChartSize::slide16x9();
        QTest::addRow("%s 4:3", format) << QString::fromLatin1(format) << QSize(1440, 1080);
    }
}

void TestWaterfall::everyFormat()
{
    QFETCH(QString, format);
    QFETCH(QSize, size);
    QString error;
    const auto data = waterfallChartData(csatResult(), &error);
    QVERIFY(data);
    const ChartSpec spec = waterfallSpec(csatResult());
    const ChartTheme theme = ChartTheme::named(QStringLiteral("light"));
    const ChartScene chart(spec, *data, theme, size);
    if (format == QLatin1String("png")) {
        const QImage image = ChartExport::image(chart, 2);
        QCOMPARE(image.size(), size * 2);
        QCOMPARE(QColor(image.pixel(0, 0)), theme.background);
        // The totals' colour and the decrease colour are both on the picture.
        int main = 0, down = 0;
        for (int yy = 0; yy < image.height(); yy += 3)
            for (int xx = 0; xx < image.width(); xx += 3) {
                const QRgb p = image.pixel(xx, yy) & 0xFFFFFF;
                main += p == (theme.series(0).rgb() & 0xFFFFFF);
                down += p == (theme.bad.rgb() & 0xFFFFFF);
            }
        QVERIFY(main > 200);
        QVERIFY(down > 200);
    } else if (format == QLatin1String("svg")) {
        const QByteArray svg = ChartExport::svg(chart);
        QVERIFY(svg.contains(QStringLiteral("viewBox=\"0 0 %1 %2\"").arg(size.width()).arg(size.height()).toUtf8()));
        QVERIFY(svg.contains(spec.title.toUtf8()));
        QVERIFY2(!svg.contains("<image"), "vector");
    } else {
        const QByteArray pdf = ChartExport::pdf(chart);
        QVERIFY(pdf.startsWith("%PDF-"));
        static const QRegularExpression re(QStringLiteral("/MediaBox \\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*\\]"));
        const auto m = re.match(QString::fromLatin1(pdf));
        QVERIFY(m.hasMatch());
        // 144 dpi pixels to 72 dpi points: half.
        QVERIFY(std::abs(m.captured(1).toDouble() - size.width() / 2.0) < 0.6);
        QVERIFY(std::abs(m.captured(2).toDouble() - size.height() / 2.0) < 0.6);
        QVERIFY(!pdf.contains("/Subtype /Image") && !pdf.contains("/Subtype/Image"));
    }
}

void TestWaterfall::specValidation_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("problem"); // empty: valid
    QTest::newRow("valid") << QByteArray(
        R"({"type": "waterfall", "rca": {"metric": "csat_pct", "base": "2026-09", "current": "2026-10", "dims": ["queue"]}})")
                           << QString();
    QTest::newRow("unknown metric") << QByteArray(
        R"({"type": "waterfall", "rca": {"metric": "joy", "base": "2026-09", "current": "2026-10"}})")
                                    << QStringLiteral("rca.metric");
    QTest::newRow("no base") << QByteArray(R"({"type": "waterfall", "rca": {"metric": "csat_pct", "current": "2026-10"}})")
                             << QStringLiteral("rca.base");
    QTest::newRow("bad current") << QByteArray(
        R"({"type": "waterfall", "rca": {"metric": "pass_rate", "base": "2026-09", "current": "October"}})")
                                 << QStringLiteral("\"October\"");
    QTest::newRow("filters") << QByteArray(
        R"({"type": "waterfall", "rca": {"metric": "csat_pct", "base": "2026-09", "current": "2026-10", "filters": {"queue": {"in": ["Billing"]}}}})")
                             << QString();
    QTest::newRow("bad filters") << QByteArray(
        R"({"type": "waterfall", "rca": {"metric": "csat_pct", "base": "2026-09", "current": "2026-10", "filters": {"queue": "Billing"}}})")
                                 << QStringLiteral("rca.");
    QTest::newRow("dims not a list") << QByteArray(
        R"({"type": "waterfall", "rca": {"metric": "csat_pct", "base": "2026-09", "current": "2026-10", "dims": "queue"}})")
                                     << QStringLiteral("rca.dims");
}

void TestWaterfall::specValidation()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, problem);
    QString error;
    const auto spec = ChartSpec::fromJson(json, &error);
    QVERIFY2(spec, qPrintable(error));
    if (problem.isEmpty())
        QVERIFY2(spec->validate().isEmpty(), qPrintable(spec->validate()));
    else
        QVERIFY2(spec->validate().contains(problem), qPrintable(spec->validate()));
}

// The demo's CSAT from its second-to-last month to its last, by queue, through the loader the CLI
// and the chart pack use: the waterfall is the engine's analysis and adds up exactly.
void TestWaterfall::demoAddsUp()
{
    QString error;
    const auto csat = CubeBuilder::build(m_project->database(), PivotSource::Csat, {}, &error);
    QVERIFY2(csat, qPrintable(error));
    QStringList months = csat->findDimension(QStringLiteral("month")).dimension->labels;
    months.removeAll(QStringLiteral("(blank)"));
    months.sort();
    QVERIFY(months.size() >= 2);
    const QString base = months.at(months.size() - 2), current = months.last();
    const QByteArray json = QStringLiteral(R"({"type": "waterfall", "rca": {"metric": "csat_pct", "base": "%1",
        "current": "%2", "dims": ["queue"]}})")
                                .arg(base, current)
                                .toUtf8();
    const auto spec = ChartSpec::fromJson(json, &error);
    QVERIFY2(spec, qPrintable(error));
    const auto data = ChartLoader(m_project->database()).load(*spec, &error);
    QVERIFY2(data, qPrintable(error));
    rca::Request request;
    request.metric = *rca::Metric::parse(QStringLiteral("csat_pct"), &error);
    request.base = *rca::Period::parse(base);
    request.current = *rca::Period::parse(current);
    request.dimensions = {QStringLiteral("queue")};
    const auto expected =
        rca::RcaEngine::run(*csat, request, PivotOptions::fromProject(m_project->database()), rca::Settings{}, &error);
    QVERIFY2(expected, qPrintable(error));
    const Waterfall &w = *data->waterfall;
    QCOMPARE(w.start, expected->analysis.base.value);
    QCOMPARE(w.end, expected->analysis.current.value);
    QVERIFY(std::abs(w.runningTotal(int(w.steps.size()) - 1) - w.end) < 1e-9);
    QCOMPARE(data->rowDimension, QStringLiteral("queue"));
    const ChartScene chart(*spec, *data, ChartTheme::named(QStringLiteral("light")), ChartSize::slide16x9());
    QCOMPARE(barsOf(chart).size(), w.steps.size() + 2);
}

QTEST_MAIN(TestWaterfall)
#include "tst_waterfall.moc"

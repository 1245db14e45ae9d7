// SPDX-License-Identifier: GPL-3.0-or-later
// Charts rendered headless from a small generated project: every type to every format, at every
// size; PNG pixel sizes and scale, PDF page sizes (MediaBox), SVG and PDF vector (text as text, no
// embedded raster for the plot), the theme's font, type sizes and colours applied; and the data
// model each type reads from its pivot.
#include "chart/chartdatabuilder.h"
#include "chartexport.h"
#include "chartscene.h"
#include "chartsize.h"
#include "charttheme.h"
#include "demo/demogenerator.h"
#include "pivot/cubebuilder.h"
#include "pivot/pivotengine.h"
#include "store/project.h"

#include <QChart>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QRegularExpression>
#include <QValueAxis>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace ql;

namespace {

struct Case
{
    const char *name;
    const char *json;
};

// One spec per chart type, fed from each of the three fact sources.
const Case cases[] = {
    {"bar", R"J({"type": "bar", "title": "Auditors differ", "subtitle": "QA score by auditor",
        "pivot": {"source": "audits", "rows": ["auditor"], "measures": ["qa_score"]}, "target": 85, "labels": true})J"},
    {"stacked-bar", R"J({"type": "stacked-bar", "title": "Audits by queue and channel",
        "pivot": {"source": "audits", "rows": ["queue"], "cols": ["channel"], "measures": ["count"]}, "labels": true})J"},
    {"stacked-bar-100", R"J({"type": "stacked-bar-100", "title": "Channel mix per queue",
        "pivot": {"source": "audits", "rows": ["queue"], "cols": ["channel"], "measures": ["count"]}, "labels": true})J"},
    {"line",
     R"J({"type": "line", "title": "CSAT by month", "pivot": {"source": "csat", "rows": ["month"], "measures": ["csat_pct"]},
        "target": 80, "band": "ci95", "annotation": {"at": {"row": "2026-10"}, "text": "the drop"},
        "reference_lines": [{"axis": "y", "value": 90, "label": "stretch goal"}]})J"},
    {"combo", R"J({"type": "combo", "title": "Volume and score", "pivot": {"source": "audits", "rows": ["month"],
        "measures": ["count", "qa_score"]}, "target": 85, "labels": true})J"},
    {"pareto", R"J({"type": "pareto", "title": "Root causes", "pivot": {"source": "answers", "rows": ["root_cause"],
        "measures": ["count"], "filters": {"root_cause": {"not_in": ["(blank)"]}}}})J"},
    {"box", R"J({"type": "box", "title": "Scores by auditor", "pivot": {"source": "audits", "rows": ["auditor"],
        "measures": ["qa_score"]}, "labels": true})J"},
    {"scatter", R"J({"type": "scatter", "title": "QA against CSAT", "pivot": {"source": "audits", "rows": ["agent"],
        "cols": ["site"], "measures": ["qa_score", "csat_pct", "count"]},
        "reference_lines": [{"axis": "x", "value": 85, "label": "target"}]})J"},
    {"heatmap", R"J({"type": "heatmap", "title": "Compliance", "pivot": {"source": "answers", "rows": ["criterion"],
        "cols": ["queue"], "measures": ["compliance"]}})J"},
    {"p-chart", R"J({"type": "p-chart", "title": "Pass rate", "pivot": {"source": "audits", "rows": ["month"],
        "measures": ["pass_rate"]}})J"},
    {"xmr",
     R"J({"type": "xmr", "title": "QA score", "pivot": {"source": "audits", "rows": ["month"], "measures": ["qa_score"]}})J"},
    {"funnel", R"J({"type": "funnel", "title": "Pass rate by agent", "pivot": {"source": "audits", "rows": ["agent"],
        "measures": ["pass_rate"]}})J"},
};

QRectF mediaBox(const QByteArray &pdf)
{
    static const QRegularExpression re(
        QStringLiteral("/MediaBox \\[\\s*([\\d.]+) ([\\d.]+) ([\\d.]+) ([\\d.]+)\\s*\\]"));
    const auto m = re.match(QString::fromLatin1(pdf));
    if (!m.hasMatch())
        return {};
    return QRectF(m.captured(1).toDouble(), m.captured(2).toDouble(), m.captured(3).toDouble(),
                  m.captured(4).toDouble());
}

// The opening tag of the <text> element whose content is exactly text.
QString textElement(const QByteArray &svg, const QString &text)
{
    const QString s = QString::fromUtf8(svg);
    const qsizetype end = s.indexOf(QStringLiteral(">%1</text>").arg(text.toHtmlEscaped()));
    if (end < 0)
        return {};
    const qsizetype start = s.lastIndexOf(QStringLiteral("<text"), end);
    return s.mid(start, end - start);
}

int pixelsOf(const QImage &image, QRgb colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            count += (image.pixel(x, y) & 0xFFFFFF) == (colour & 0xFFFFFF);
    return count;
}

} // namespace

class TestChartRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyTypeEveryFormat_data();
    void everyTypeEveryFormat();
    void pngScale_data();
    void pngScale();
    void sizes_data();
    void sizes();
    void themes_data();
    void themes();
    void brand();
    void typeScalesWithSize();
    void boxReadsTheScores();
    void paretoSortedWithCumulativeShare();
    void controlChartsJudgeTheLatestPeriod();
    void footnote();
    void referenceLabelSaysItsValueOnce();
    void funnelAxisStaysOnTheScale();
    void gapsInControlCharts();
    void typesThatCannotBeDrawn_data();
    void typesThatCannotBeDrawn();

private:
    const ChartData &data(const QString &name) const { return m_data.at(name); }
    ChartSpec spec(const QString &name) const;
    std::optional<ChartData> build(const ChartSpec &spec, QString *error) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::map<PivotSource, std::shared_ptr<const Cube>> m_cubes;
    std::map<QString, ChartData> m_data;
};

ChartSpec TestChartRender::spec(const QString &name) const
{
    for (const Case &c : cases)
        if (name == QLatin1String(c.name)) {
            QString error;
            return *ChartSpec::fromJson(c.json, &error);
        }
    return {};
}

std::optional<ChartData> TestChartRender::build(const ChartSpec &spec, QString *error) const
{
    return ChartDataBuilder::build(*m_cubes.at(spec.pivot.source), spec,
                                   PivotOptions::fromProject(m_project->database()), ChartContext{}, error);
}

void TestChartRender::initTestCase()
{
    QVERIFY(m_dir.isValid());
    ProjectError projectError;
    m_project = Project::create(m_dir.filePath(QStringLiteral("charts.qlens")), false, &projectError);
    QVERIFY2(m_project, qPrintable(projectError.message));
    DemoOptions options;
    options.agents = 24;
    options.months = 12;
    options.auditsPerAgentMonth = 5;
    QString error;
    QVERIFY2(generateDemo(*m_project, options, {}, &error), qPrintable(error));
    for (PivotSource source : {PivotSource::Audits, PivotSource::Answers, PivotSource::Csat}) {
        auto cube = CubeBuilder::build(m_project->database(), source, {}, &error);
        QVERIFY2(cube, qPrintable(error));
        m_cubes[source] = cube;
    }
    for (const Case &c : cases) {
        QString parseError;
        const auto s = ChartSpec::fromJson(c.json, &parseError);
        QVERIFY2(s, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.name), parseError)));
        const auto d = build(*s, &error);
        QVERIFY2(d, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.name), error)));
        m_data.emplace(QString::fromLatin1(c.name), *d);
    }
}

void TestChartRender::everyTypeEveryFormat_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("format");
    for (const Case &c : cases)
        for (const char *format : {"png", "svg", "pdf"})
            QTest::addRow("%s to %s", c.name, format) << QString::fromLatin1(c.name) << QString::fromLatin1(format);
}

void TestChartRender::everyTypeEveryFormat()
{
    QFETCH(QString, type);
    QFETCH(QString, format);
    const ChartSpec s = spec(type);
    const ChartTheme theme = ChartTheme::named(QStringLiteral("light"));
    QCOMPARE(theme.fontFamily, QStringLiteral("Inter"));
    const ChartScene chart(s, data(type), theme, ChartSize::slide16x9());
    if (format == QLatin1String("png")) {
        const QImage image = ChartExport::image(chart, 1);
        QCOMPARE(image.size(), QSize(1920, 1080));
        QCOMPARE(QColor(image.pixel(0, 0)), theme.background);
        QCOMPARE(QColor(image.pixel(1919, 1079)), theme.background);
        // Something was drawn, and the series that are drawn solid are in the theme's first colour.
        QVERIFY(pixelsOf(image, theme.background.rgb()) < (1920 / 2) * (1080 / 2) * 97 / 100);
        static const QStringList solid{"bar",   "stacked-bar", "stacked-bar-100", "line",
                                       "combo", "pareto",      "p-chart",         "xmr"};
        if (solid.contains(type))
            QVERIFY(pixelsOf(image, theme.series(0).rgb()) > 200);
        // 144 dpi: the picture is a 13.333 in slide.
        QVERIFY(std::abs(image.dotsPerMeterX() - 5669) <= 1);
    } else if (format == QLatin1String("svg")) {
        const QByteArray svg = ChartExport::svg(chart);
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("width=\"338.667mm\"")); // 1920 px at 144 dpi
        QVERIFY(svg.contains("viewBox=\"0 0 1920 1080\""));
        QVERIFY(svg.contains("<text"));
        QVERIFY(svg.contains("<rect") || svg.contains("<path") || svg.contains("<polyline"));
        QVERIFY2(!svg.contains("<image"), "the plot must be vector, not a picture");
        // The title: Inter (with fallbacks), 46 px at 1080, bold.
        const QString title = textElement(svg, s.title);
        QVERIFY2(!title.isEmpty(), qPrintable(s.title));
        QVERIFY2(title.contains(QStringLiteral("font-family=\"Inter, 'Helvetica Neue'")), qPrintable(title));
        QVERIFY2(title.contains(QStringLiteral("font-size=\"46\"")), qPrintable(title));
        QVERIFY2(title.contains(QStringLiteral("font-weight=\"700\"")), qPrintable(title));
        QVERIFY2(!svg.contains("font-family=\"Sans Serif\""), "every text names the chart font");
        // Axis and category labels at ≥ 22 px.
        static const QRegularExpression sizes(QStringLiteral("font-size=\"(\\d+)\""));
        int smallest = 1000;
        for (auto it = sizes.globalMatch(QString::fromUtf8(svg)); it.hasNext();)
            smallest = std::min(smallest, it.next().captured(1).toInt());
        QVERIFY2(smallest >= 12, qPrintable(QString::number(smallest)));
        QVERIFY(svg.contains("font-size=\"24\"") || svg.contains("font-size=\"22\""));
    } else {
        const QByteArray pdf = ChartExport::pdf(chart);
        QVERIFY(pdf.startsWith("%PDF-"));
        const QRectF box = mediaBox(pdf);
        QVERIFY2(std::fabs(box.width() - 960) < 0.6 && std::fabs(box.height() - 540) < 0.6,
                 qPrintable(QString::fromLatin1(pdf.left(0))));
        QVERIFY2(!pdf.contains("/Subtype /Image") && !pdf.contains("/Subtype/Image"), "the plot must be vector");
        QVERIFY(pdf.contains("Inter"));
    }
}

void TestChartRender::pngScale_data()
{
    QTest::addColumn<int>("scale");
    QTest::newRow("1x") << 1;
    QTest::newRow("2x") << 2;
    QTest::newRow("3x") << 3;
}

void TestChartRender::pngScale()
{
    QFETCH(int, scale);
    const ChartTheme theme = ChartTheme::named(QStringLiteral("light"));
    const ChartScene chart(spec(QStringLiteral("bar")), data(QStringLiteral("bar")), theme, ChartSize::slide16x9());
    const QImage image = ChartExport::image(chart, scale);
    QCOMPARE(image.size(), QSize(1920 * scale, 1080 * scale));
    QCOMPARE(QColor(image.pixel(0, 0)), theme.background);
}

void TestChartRender::sizes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QSize>("pixels");
    QTest::addColumn<QSizeF>("points");
    QTest::newRow("16:9 slide") << QStringLiteral("16:9") << QSize(1920, 1080) << QSizeF(960, 540);
    QTest::newRow("4:3 slide") << QStringLiteral("4:3") << QSize(1440, 1080) << QSizeF(720, 540);
    QTest::newRow("A4 landscape") << QStringLiteral("a4") << QSize(1684, 1191) << QSizeF(842, 595.5);
    QTest::newRow("custom") << QStringLiteral("1000x700") << QSize(1000, 700) << QSizeF(500, 350);
}

void TestChartRender::sizes()
{
    QFETCH(QString, name);
    QFETCH(QSize, pixels);
    QFETCH(QSizeF, points);
    const auto size = ChartSize::parse(name);
    QVERIFY(size);
    QCOMPARE(*size, pixels);
    const ChartTheme theme = ChartTheme::named(QStringLiteral("light"));
    for (const QString &type : {QStringLiteral("line"), QStringLiteral("heatmap"), QStringLiteral("xmr")}) {
        const ChartScene chart(spec(type), data(type), theme, *size);
        QCOMPARE(ChartExport::image(chart, 1).size(), pixels);
        const QRectF box = mediaBox(ChartExport::pdf(chart));
        QVERIFY2(std::fabs(box.width() - points.width()) < 0.6 && std::fabs(box.height() - points.height()) < 0.6,
                 qPrintable(QStringLiteral("%1 x %2").arg(box.width()).arg(box.height())));
        QVERIFY(ChartExport::svg(chart).contains(
            QStringLiteral("viewBox=\"0 0 %1 %2\"").arg(pixels.width()).arg(pixels.height()).toUtf8()));
    }
    QVERIFY(!ChartSize::parse(QStringLiteral("1920by1080")));
    QVERIFY(!ChartSize::parse(QStringLiteral("10x10")));
}

void TestChartRender::themes_data()
{
    QTest::addColumn<QString>("theme");
    QTest::addColumn<QColor>("background");
    QTest::newRow("light") << QStringLiteral("light") << QColor(0xFF, 0xFF, 0xFF);
    QTest::newRow("dark") << QStringLiteral("dark") << QColor(0x15, 0x18, 0x1C);
    QTest::newRow("print") << QStringLiteral("print") << QColor(0xFF, 0xFF, 0xFF);
    QTest::newRow("brand without settings") << QStringLiteral("brand") << QColor(0xFF, 0xFF, 0xFF);
}

void TestChartRender::themes()
{
    QFETCH(QString, theme);
    QFETCH(QColor, background);
    const ChartTheme t = ChartTheme::named(theme);
    QCOMPARE(t.background, background);
    for (const QString &type : {QStringLiteral("stacked-bar"), QStringLiteral("line")}) {
        const ChartScene chart(spec(type), data(type), t, ChartSize::slide16x9());
        const QImage image = ChartExport::image(chart, 1);
        QCOMPARE(QColor(image.pixel(0, 0)), background);
        QCOMPARE(QColor(image.pixel(1919, 0)), background);
        // The first series is drawn in the theme's first colour.
        QVERIFY2(pixelsOf(image, t.series(0).rgb()) > 200, qPrintable(t.series(0).name()));
        // Titles in the theme's text colour.
        QVERIFY(ChartExport::svg(chart).contains(QStringLiteral("fill=\"%1\"").arg(t.text.name()).toUtf8()));
    }
    // Okabe–Ito by default.
    if (theme == QLatin1String("light"))
        QCOMPARE(t.palette.first(), QColor(0x00, 0x72, 0xB2));
}

void TestChartRender::brand()
{
    ChartBrand b;
    b.colours = {QColor(0x12, 0x34, 0x56), QColor(0xAB, 0xCD, 0xEF)};
    b.font = QStringLiteral("DejaVu Sans"); // on every machine
    b.logo = QImage(80, 40, QImage::Format_RGB32);
    b.logo.fill(QColor(0xFF, 0x00, 0x00));
    const ChartTheme t = ChartTheme::named(QStringLiteral("brand"), b);
    QCOMPARE(t.series(0), QColor(0x12, 0x34, 0x56));
    QCOMPARE(t.fontFamily, QStringLiteral("DejaVu Sans"));
    const ChartScene chart(spec(QStringLiteral("bar")), data(QStringLiteral("bar")), t, ChartSize::slide16x9());
    const QImage image = ChartExport::image(chart, 1);
    QVERIFY(pixelsOf(image, QColor(0x12, 0x34, 0x56).rgb()) > 200);
    // The logo sits at the top right.
    QCOMPARE(QColor(image.pixel(1920 - 72 - 20, 52 + 30)), QColor(0xFF, 0x00, 0x00));
    const QByteArray svg = ChartExport::svg(chart);
    QVERIFY(
        textElement(svg, spec(QStringLiteral("bar")).title).contains(QStringLiteral("font-family=\"'DejaVu Sans', ")));
    // An unknown brand font falls back to Inter.
    b.font = QStringLiteral("No Such Font 123");
    QCOMPARE(ChartTheme::named(QStringLiteral("brand"), b).fontFamily, QStringLiteral("Inter"));
}

// Type sizes follow the output: half the slide, half the type.
void TestChartRender::typeScalesWithSize()
{
    const ChartTheme theme = ChartTheme::named(QStringLiteral("light"));
    const ChartScene small(spec(QStringLiteral("bar")), data(QStringLiteral("bar")), theme, QSize(960, 540));
    QVERIFY(textElement(ChartExport::svg(small), spec(QStringLiteral("bar")).title)
                .contains(QStringLiteral("font-size=\"23\"")));
    const ChartScene large(spec(QStringLiteral("bar")), data(QStringLiteral("bar")), theme, QSize(3840, 2160));
    QVERIFY(textElement(ChartExport::svg(large), spec(QStringLiteral("bar")).title)
                .contains(QStringLiteral("font-size=\"92\"")));
}

// The box plot's numbers are the pivot's type-7 percentiles of the scores behind qa_score, over the
// audits the KPI counts (official, scored, complete, of a counted sample type): its dot is the
// KPI's mean and its n the KPI's n (tst_chartdata works a case by hand).
void TestChartRender::boxReadsTheScores()
{
    const ChartData &d = data(QStringLiteral("box"));
    PivotSpec p;
    p.rows = {QStringLiteral("auditor")};
    p.measures = {QStringLiteral("p25(score)"), QStringLiteral("median(score)"), QStringLiteral("p90(score)")};
    PivotOptions kpiAudits = PivotOptions::fromProject(m_project->database());
    kpiAudits.fieldsOfKpiAudits = true;
    QString error;
    const auto r = PivotEngine::compute(*m_cubes.at(PivotSource::Audits), p, kpiAudits, &error);
    QVERIFY2(r, qPrintable(error));
    PivotSpec kpi;
    kpi.rows = {QStringLiteral("auditor")};
    kpi.measures = {QStringLiteral("qa_score"), QStringLiteral("audits")};
    const auto k = PivotEngine::compute(*m_cubes.at(PivotSource::Audits), kpi,
                                        PivotOptions::fromProject(m_project->database()), &error);
    QVERIFY2(k, qPrintable(error));
    QCOMPARE(d.boxes.size(), r->rowCount());
    qint64 audits = 0;
    for (int i = 0; i < r->rowCount(); ++i) {
        QCOMPARE(d.categories[i], r->row(i).labels.first());
        QCOMPARE(d.boxes[i].q1, r->value(i, 0, 0)->value);
        QCOMPARE(d.boxes[i].median, r->value(i, 0, 1)->value);
        QCOMPARE(d.boxes[i].high, r->value(i, 0, 2)->value);
        QVERIFY(d.boxes[i].low <= d.boxes[i].q1 && d.boxes[i].q3 <= d.boxes[i].high);
        QCOMPARE(k->row(i).labels.first(), d.categories[i]);
        QVERIFY(std::abs(d.boxes[i].mean - k->value(i, 0, 0)->value) < 1e-9);
        QCOMPARE(d.boxes[i].n, qint64(k->value(i, 0, 1)->value));
        audits += d.boxes[i].n;
    }
    QCOMPARE(d.facts, audits); // an audit has one auditor: the boxes' n add up to the footnote's
}

void TestChartRender::paretoSortedWithCumulativeShare()
{
    const ChartData &d = data(QStringLiteral("pareto"));
    QVERIFY(d.pareto.items.size() >= 3);
    QVERIFY(!d.categories.contains(QStringLiteral("(blank)")));
    for (int i = 1; i < d.pareto.items.size(); ++i)
        QVERIFY(d.pareto.items[i - 1].value >= d.pareto.items[i].value);
    QVERIFY(std::fabs(d.pareto.cumulative.last() - 100) < 1e-9);
    QVERIFY(d.pareto.vitalFew >= 1 && d.pareto.cumulative[d.pareto.vitalFew - 1] >= 80 - 1e-9);
    QCOMPARE(d.categories.first(), d.pareto.items.first().label);
}

void TestChartRender::controlChartsJudgeTheLatestPeriod()
{
    const ChartData &p = data(QStringLiteral("p-chart"));
    QVERIFY(p.pChart && p.pChart->valid);
    QCOMPARE(p.categories.size(), 12);
    QCOMPARE(p.pChart->baselineLast, 10);
    // x_i recovered from the rate and n: the centre is Σx/Σn over the baseline.
    const ChartData &x = data(QStringLiteral("xmr"));
    QVERIFY(x.xmr && x.xmr->valid);
    QCOMPARE(x.xmr->baselineLast, 10);
    // Scorecard version 2 arrives in 2026-05 (docs/demo.md): the limits restart there (analysis.md
    // "Baseline"), so the latest month is judged against May–September alone.
    const int may = int(x.categories.indexOf(QStringLiteral("2026-05")));
    QVERIFY(may > 0);
    QCOMPARE(x.xmr->phaseStarts, (QList<int>{0, may}));
    QCOMPARE(p.pChart->phaseStarts, (QList<int>{0, may}));
    double sum = 0;
    for (int i = may; i <= 10; ++i)
        sum += x.series[0].values[i];
    QVERIFY(std::fabs(x.xmr->centre - sum / (11 - may)) < 1e-9);
    QVERIFY(x.notes.join(QLatin1Char(' ')).contains(QStringLiteral("limits restart in May 2026")));
    const ChartData &f = data(QStringLiteral("funnel"));
    QVERIFY(f.funnel && f.funnel->valid);
    QCOMPARE(f.funnel->status.size(), f.categories.size());
}

void TestChartRender::footnote()
{
    const QString text = data(QStringLiteral("bar")).footnote();
    QVERIFY2(text.contains(QStringLiteral("audits")) && text.contains(QStringLiteral("n = ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("2025")) && text.contains(QStringLiteral("2026")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("review date")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("no filters")), qPrintable(text));
    const QString filtered = data(QStringLiteral("pareto")).footnote();
    QVERIFY2(filtered.contains(QStringLiteral("root_cause ≠ (blank)")), qPrintable(filtered));
}

// A reference line's label gets its value on a second line ("stretch goal" / "90%"), unless it
// says it already ("CSAT 90%", as the Insights quadrant labels its lines): then once, not twice.
void TestChartRender::referenceLabelSaysItsValueOnce()
{
    auto lines = [&](const char *label) {
        ChartSpec s = spec(QStringLiteral("line"));
        s.referenceLines = {ChartReferenceLine{QStringLiteral("y"), 90, QString::fromUtf8(label)}};
        const ChartScene scene(s, data(QStringLiteral("line")), ChartTheme::named(QStringLiteral("light")), QSize(1920, 1080));
        QStringList texts;
        for (QGraphicsItem *item : scene.scene()->items())
            if (auto *t = dynamic_cast<QGraphicsSimpleTextItem *>(item))
                texts << t->text();
        return texts;
    };
    const QStringList plain = lines("stretch goal");
    const QStringList valued = lines("CSAT 90%");
    QVERIFY2(plain.contains(QStringLiteral("stretch goal")) && plain.contains(QStringLiteral("90%")), qPrintable(plain.join(u'|')));
    QVERIFY2(valued.contains(QStringLiteral("CSAT 90%")), qPrintable(valued.join(u'|')));
    QCOMPARE(valued.count(QStringLiteral("90%")), plain.count(QStringLiteral("90%")) - 1);
}

// A funnel of a score (0–100 points): the 99.8% limits of small units pass 100 (the funnel clamps
// those of rates itself, not those of means), but the value axis stops at the scale's ends. In one
// month the demo's agents have a handful of audits each, so the limits at a quarter of the largest
// n reach past 100 and would otherwise push the axis above it.
void TestChartRender::funnelAxisStaysOnTheScale()
{
    QString error;
    const auto one = ChartSpec::fromJson(R"J({"type": "funnel", "title": "QA score by agent, October", "pivot": {"source":
        "audits", "rows": ["agent"], "measures": ["qa_score"], "filters": {"month": {"in": ["2026-10"]}}}})J",
                                         &error);
    QVERIFY2(one, qPrintable(error));
    const auto built = build(*one, &error);
    QVERIFY2(built, qPrintable(error));
    const ChartData &f = *built;
    QVERIFY(f.funnel && f.funnel->valid);
    double nmax = 0;
    for (const qint64 n : f.series.first().n)
        nmax = std::max(nmax, double(n));
    QVERIFY2(f.funnel->limitsAt(std::max(2.0, nmax / 4)).high998 > 100, "the case needs limits past 100%");
    const ChartScene scene(*one, f, ChartTheme::named(QStringLiteral("light")), QSize(1920, 1080));
    const QChart *chart = nullptr;
    for (QGraphicsItem *item : scene.scene()->items())
        if (auto *c = dynamic_cast<QChart *>(item))
            chart = c;
    QVERIFY(chart);
    const QList<QAbstractAxis *> vertical = chart->axes(Qt::Vertical);
    QVERIFY(!vertical.isEmpty());
    for (QAbstractAxis *a : vertical) {
        const auto *axis = qobject_cast<const QValueAxis *>(a);
        QVERIFY(axis);
        QVERIFY2(axis->max() <= 100 + 1e-9 && axis->min() >= -1e-9,
                 qPrintable(QStringLiteral("%1 to %2").arg(axis->min()).arg(axis->max())));
    }
}

// A period without data is left out; the chart marks the gap and runs go on across it.
void TestChartRender::gapsInControlCharts()
{
    QString error;
    const auto s = ChartSpec::fromJson(R"J({"type": "xmr", "title": "Gap", "pivot": {"source": "audits", "rows": ["month"],
        "measures": ["qa_score"], "filters": {"month": {"not_in": ["2026-03", "2026-04"]}}}})J",
                                       &error);
    QVERIFY2(s, qPrintable(error));
    const auto d = build(*s, &error);
    QVERIFY2(d, qPrintable(error));
    QCOMPARE(d->categories.size(), 10);
    const int may = int(d->categories.indexOf(QStringLiteral("2026-05")));
    QCOMPARE(d->gapsBefore, QList<int>{may});
    QVERIFY(d->notes.join(QLatin1Char(' ')).contains(QStringLiteral("Feb 2026 – May 2026")));
    QCOMPARE(d->xmr->movingRange.size(), 10); // the range from February to May is one of them
    const ChartScene chart(*s, *d, ChartTheme::named(QStringLiteral("light")), ChartSize::slide16x9());
    QVERIFY(ChartExport::svg(chart).contains(">gap</text>"));
}

void TestChartRender::typesThatCannotBeDrawn_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("p-chart of a mean") << QByteArray(
        R"J({"type": "p-chart", "pivot": {"rows": ["month"], "measures": ["qa_score"]}})J");
    QTest::newRow("box of a count") << QByteArray(
        R"J({"type": "box", "pivot": {"rows": ["team"], "measures": ["count"]}})J");
    QTest::newRow("funnel of a count") << QByteArray(
        R"J({"type": "funnel", "pivot": {"rows": ["agent"], "measures": ["count"]}})J");
    QTest::newRow("no data in the period") << QByteArray(
        R"J({"type": "bar", "pivot": {"rows": ["team"], "measures": ["count"], "filters": {"date": {"from": "2030-01-01"}}}})J");
}

void TestChartRender::typesThatCannotBeDrawn()
{
    QFETCH(QByteArray, json);
    QString error;
    const auto s = ChartSpec::fromJson(json, &error);
    QVERIFY2(s, qPrintable(error));
    QVERIFY(!build(*s, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestChartRender)
#include "tst_chartrender.moc"

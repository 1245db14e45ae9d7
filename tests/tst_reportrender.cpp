// SPDX-License-Identifier: GPL-3.0-or-later
// Reports on paper and in a browser (docs/reports.md): the paged layout (title page, page count,
// page size), the PDF (pages, vector charts: no image objects), the HTML (one self-contained
// file: inline CSS and SVG, no external reference, byte-identical for the same period) and the
// preview images the Reports page shows; the pagination (the MBR's three charts on one page, no
// near-empty page before the end).
//
// With QL_REPORT_PDF_OUT=DIR the pagination test also writes each template's PDF there (to read
// them with pdftoppm), from QL_REPORT_PDF_PROJECT (for instance the demo) when that is set, for
// its latest complete month.
#include "dashboard/dashboardsummary.h"
#include "demo/demogenerator.h"
#include "report/reportbuilder.h"
#include "report/reportlayout.h"
#include "report/reportwriter.h"
#include "scorecard/kpiengine.h"
#include "store/project.h"
#include "store/projectsettings.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

namespace {

// Pages in a PDF: its /Type /Page objects (not /Pages).
int pdfPages(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    return int(QString::fromLatin1(pdf).count(page));
}

// Non-white pixels of an image, as a share.
double inked(const QImage &image)
{
    qint64 n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += image.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
    return double(n) / double(image.width() * image.height());
}

} // namespace

class TestReportRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pdf_data();
    void pdf();
    void html_data();
    void html();
    void letter();
    void previewImages();
    void pagination_data();
    void pagination();

private:
    ReportDocument build(ReportTemplate kind, const QString &period = QStringLiteral("2026-10"));
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
};

void TestReportRender::initTestCase()
{
    QVERIFY(m_dir.isValid());
    ProjectError perr;
    m_project = Project::create(m_dir.filePath(QStringLiteral("demo.qlens")), true, &perr);
    QVERIFY2(m_project, qPrintable(perr.message));
    DemoOptions o;
    o.agents = 30;
    o.months = 13;
    o.auditsPerAgentMonth = 8;
    QString error;
    QVERIFY2(generateDemo(*m_project, o, {}, &error), qPrintable(error));
}

ReportDocument TestReportRender::build(ReportTemplate kind, const QString &period)
{
    QString error;
    const auto doc = ReportBuilder::build(m_project->database(), kind, period, {}, &error);
    if (!doc)
        qFatal("build failed: %s", qPrintable(error));
    return *doc;
}

void TestReportRender::pdf_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("minPages");
    QTest::newRow("monthly-quality") << int(ReportTemplate::MonthlyQuality) << 6;
    QTest::newRow("mbr") << int(ReportTemplate::Mbr) << 3;
    QTest::newRow("calibration") << int(ReportTemplate::Calibration) << 3;
}

void TestReportRender::pdf()
{
    QFETCH(int, kind);
    QFETCH(int, minPages);
    const ReportDocument doc = build(ReportTemplate(kind));
    const ReportLayout layout(doc);
    QVERIFY2(layout.pageCount() >= minPages, qPrintable(QString::number(layout.pageCount())));
    // A4 in points: 210 × 297 mm = 595.3 × 841.9 pt.
    QVERIFY(qAbs(layout.pageSize().width() - 595.3) < 0.5);
    QVERIFY(qAbs(layout.pageSize().height() - 841.9) < 0.5);

    const QByteArray pdf = ReportWriter::pdf(doc);
    QVERIFY(pdf.startsWith("%PDF-"));
    QCOMPARE(pdfPages(pdf), layout.pageCount());
    QVERIFY(pdf.contains("/MediaBox [0 0 595.000000 842.000000]"));
    // Charts are vector: no raster image anywhere in the file (the light theme has no logo).
    QVERIFY(!pdf.contains("/Subtype /Image"));
    QVERIFY(!pdf.contains("/Subtype/Image"));
    // Reproducible: the data's date, not the clock's, and the same bytes again.
    QVERIFY(pdf.contains("/CreationDate (D:20261101000000"));
    QCOMPARE(ReportWriter::pdf(build(ReportTemplate(kind))), pdf);

    const QString path = m_dir.filePath(QStringLiteral("r%1.pdf").arg(kind));
    QString error;
    QVERIFY2(ReportWriter::write(doc, path, ReportWriter::Format::Pdf, &error), qPrintable(error));
    QVERIFY(QFileInfo(path).size() > 10000);
}

void TestReportRender::html_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("svgs");
    QTest::newRow("monthly-quality") << int(ReportTemplate::MonthlyQuality) << 4;
    QTest::newRow("mbr") << int(ReportTemplate::Mbr) << 3;
    QTest::newRow("calibration") << int(ReportTemplate::Calibration) << 0;
}

void TestReportRender::html()
{
    QFETCH(int, kind);
    QFETCH(int, svgs);
    const ReportDocument doc = build(ReportTemplate(kind));
    const QByteArray html = ReportWriter::html(doc);
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    QCOMPARE(int(html.count("<svg")), svgs);
    QVERIFY(html.contains("<style>"));
    // Self-contained: nothing is fetched from anywhere.
    for (const char *external : {"src=\"http", "href=\"http", "<img", "<image", "<link", "<script", "@import", "url(", "<!DOCTYPE svg"})
        QVERIFY2(!html.contains(external), external);
    // Every section is in the contents and has its anchor.
    for (const ReportSection &s : doc.sections) {
        QVERIFY(html.contains(QStringLiteral("href=\"#%1\"").arg(s.key).toUtf8()));
        QVERIFY(html.contains(QStringLiteral("<section id=\"%1\"").arg(s.key).toUtf8()));
    }
    // Reproducible: the same project and period give the same bytes.
    QCOMPARE(ReportWriter::html(build(ReportTemplate(kind))), html);
    if (kind == int(ReportTemplate::MonthlyQuality)) {
        const ReportKpi qa = doc.kpis(QStringLiteral("qa_score")).first();
        QVERIFY(html.contains(QStringLiteral("<td class=\"num\">%1</td>").arg(formatReportValue(qa, qa.value.value)).toUtf8())
                || html.contains(formatReportValue(qa, qa.value.value).toUtf8()));
    }
}

void TestReportRender::letter()
{
    ProjectSettings settings(m_project->database());
    QString error;
    QVERIFY2(settings.setValue(ProjectSettings::ReportPageSize, QStringLiteral("Letter"), QStringLiteral("test"), &error),
             qPrintable(error));
    const ReportDocument doc = build(ReportTemplate::Mbr);
    QCOMPARE(doc.pageSize, QStringLiteral("Letter"));
    const ReportLayout layout(doc);
    QCOMPARE(layout.pageSize(), QSizeF(612, 792)); // 8.5 × 11 in
    QVERIFY(ReportWriter::pdf(doc).contains("/MediaBox [0 0 612.000000 792.000000]"));
    QVERIFY(settings.setValue(ProjectSettings::ReportPageSize, QStringLiteral("A4"), QStringLiteral("test"), &error));
}

void TestReportRender::previewImages()
{
    const ReportDocument doc = build(ReportTemplate::MonthlyQuality);
    const ReportLayout layout(doc);
    const QImage title = layout.pageImage(0, 72);
    QCOMPARE(title.size(), QSize(595, 842)); // Qt's A4 is 595 × 842 whole points
    // The title page has its title; a chart page carries far more ink than an empty page would.
    QVERIFY(inked(title) > 0.005);
    for (int page = 1; page < layout.pageCount(); ++page)
        QVERIFY2(inked(layout.pageImage(page, 48)) > 0.01, qPrintable(QString::number(page)));
    QVERIFY(layout.pageImage(layout.pageCount(), 48).isNull() || inked(layout.pageImage(layout.pageCount(), 48)) == 0);
}

void TestReportRender::pagination_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("pageSize");
    for (const ReportTemplate kind : {ReportTemplate::MonthlyQuality, ReportTemplate::Mbr}) {
        for (const char *size : {"A4", "Letter"})
            QTest::addRow("%s %s", qPrintable(reportTemplateName(kind)), size) << int(kind) << QString::fromLatin1(size);
    }
}

void TestReportRender::pagination()
{
    QFETCH(int, kind);
    QFETCH(QString, pageSize);
    ProjectSettings settings(m_project->database());
    QString error;
    QVERIFY2(settings.setValue(ProjectSettings::ReportPageSize, pageSize, QStringLiteral("test"), &error), qPrintable(error));
    const ReportDocument doc = build(ReportTemplate(kind));
    QVERIFY(settings.setValue(ProjectSettings::ReportPageSize, QStringLiteral("A4"), QStringLiteral("test"), &error));
    const ReportLayout layout(doc);
    const QList<QPair<QString, int>> contents = layout.contents();
    QCOMPARE(contents.size(), doc.sections.size());
    auto pageOf = [&](const QString &key) {
        for (int i = 0; i < doc.sections.size(); ++i)
            if (doc.sections.at(i).key == key)
                return contents.at(i).second;
        return -1;
    };
    if (ReportTemplate(kind) == ReportTemplate::Mbr) {
        // docs/reports.md: the headline on one page, then exactly three charts on the next.
        QCOMPARE(pageOf(QStringLiteral("headline")), 2);
        QCOMPARE(pageOf(QStringLiteral("charts")), 3);
        QCOMPARE(layout.chartPages(), (QList<int>{3, 3, 3}));
        QCOMPARE(pageOf(QStringLiteral("actions")), 4);
        QCOMPARE(pageOf(QStringLiteral("commentary")), 4); // follows the actions on their page
        QCOMPARE(layout.pageCount(), 4);
    } else {
        // Every page of the body but the last is filled to at least a third: no section sits
        // alone on a near-empty page (the Actions did, before the appendix's page).
        for (int page = 1; page + 1 < layout.pageCount(); ++page)
            QVERIFY2(layout.pageFill(page) >= 1.0 / 3.0,
                     qPrintable(QStringLiteral("page %1 is %2% full").arg(page + 1).arg(layout.pageFill(page) * 100, 0, 'f', 0)));
        QVERIFY(pageOf(QStringLiteral("actions")) == pageOf(QStringLiteral("commentary")));
    }

    const QString out = qEnvironmentVariable("QL_REPORT_PDF_OUT");
    if (out.isEmpty())
        return;
    QDir().mkpath(out);
    ReportDocument written = doc;
    std::unique_ptr<Project> other;
    if (const QString path = qEnvironmentVariable("QL_REPORT_PDF_PROJECT"); !path.isEmpty()) {
        ProjectError perr;
        other = Project::open(path, Project::Access::ReadWrite, Project::Check::Now, &perr);
        QVERIFY2(other, qPrintable(perr.message));
        ProjectSettings(other->database()).setValue(ProjectSettings::ReportPageSize, pageSize, QStringLiteral("test"), &error);
        const QDate latest = KpiEngine(other->database()).queries().latestDate();
        const QString period = DashboardSummary::latestCompleteMonth(latest, QDate::currentDate()).label();
        const auto doc2 = ReportBuilder::build(other->database(), ReportTemplate(kind), period, {}, &error);
        QVERIFY2(doc2, qPrintable(error));
        written = *doc2;
        const ReportLayout otherLayout(written);
        for (int page = 1; page < otherLayout.pageCount(); ++page)
            qInfo("%s page %d: %.0f%% full", qPrintable(reportTemplateName(ReportTemplate(kind))), page + 1,
                  otherLayout.pageFill(page) * 100);
    }
    const QString file = QDir(out).filePath(QStringLiteral("%1-%2.pdf").arg(reportTemplateName(ReportTemplate(kind)), pageSize));
    QVERIFY2(ReportWriter::write(written, file, ReportWriter::Format::Pdf, &error), qPrintable(error));
}

QTEST_MAIN(TestReportRender)
#include "tst_reportrender.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportwriter.h"

#include "chartexport.h"
#include "chartscene.h"
#include "charttheme.h"
#include "reportlayout.h"

#include <QBuffer>
#include <QDate>
#include <QFileInfo>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <cmath>

namespace ql::ReportWriter {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString toneClass(ReportTone tone)
{
    switch (tone) {
    case ReportTone::Good:
        return QStringLiteral(" class=\"good\"");
    case ReportTone::Watch:
        return QStringLiteral(" class=\"watch\"");
    case ReportTone::Bad:
        return QStringLiteral(" class=\"bad\"");
    case ReportTone::None:
        break;
    }
    return {};
}

QString tableHtml(const ReportTable &t)
{
    QString out = QStringLiteral("<table>\n<thead><tr>");
    for (int c = 0; c < t.header.size(); ++c)
        out += QStringLiteral("<th%1>%2</th>")
                   .arg(c < t.numeric.size() && t.numeric[c] ? QStringLiteral(" class=\"num\"") : QString(), esc(t.header[c]));
    out += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < t.rows.size(); ++r) {
        out += QStringLiteral("<tr>");
        for (int c = 0; c < t.header.size(); ++c) {
            const ReportTone tone = r < t.tones.size() && c < t.tones[r].size() ? t.tones[r][c] : ReportTone::None;
            QString cls = toneClass(tone);
            if (c < t.numeric.size() && t.numeric[c])
                cls = cls.isEmpty() ? QStringLiteral(" class=\"num\"") : cls.left(cls.size() - 1) + QStringLiteral(" num\"");
            out += QStringLiteral("<td%1>%2</td>").arg(cls, esc(t.rows[r].value(c)));
        }
        out += QStringLiteral("</tr>\n");
    }
    return out + QStringLiteral("</tbody></table>\n");
}

QString kpiTableHtml(const QList<ReportKpi> &kpis)
{
    ReportTable t;
    t.header = {QStringLiteral("KPI"), QStringLiteral("Value"), QStringLiteral("95% interval"), QStringLiteral("Previous"),
                QStringLiteral("Δ"), QStringLiteral("Target"), QStringLiteral("Status")};
    t.numeric = {false, true, true, true, true, true, false};
    for (const ReportKpi &k : kpis) {
        const KpiValue &v = k.value;
        QString ci = QStringLiteral("–");
        if (v.ciLow && v.ciHigh)
            ci = formatReportValue(k, v.ciLow) + QStringLiteral("–") + formatReportValue(k, v.ciHigh);
        QString delta = formatReportDelta(k);
        if (v.deltaSignificant && v.delta)
            delta += QLatin1Char('*');
        t.rows << QStringList{k.label.trimmed(), formatReportValue(k, v.value), ci, formatReportValue(k, v.previous), delta,
                              v.target ? formatReportValue(k, v.target) : QStringLiteral("–"), formatReportStatus(k)};
        const ReportTone tone = reportTone(v);
        t.tones << QList<ReportTone>{ReportTone::None, tone, ReportTone::None, ReportTone::None,
                                     ReportTone::None, ReportTone::None, tone};
    }
    return tableHtml(t);
}

// The chart as inline SVG: the XML prologue and doctype dropped (they name an external DTD).
QString chartSvg(const ReportChart &c)
{
    const double w = 960;
    const QSize pixels(int(w), int(std::round(w * c.aspect)));
    const ChartScene scene(c.spec, c.data, ChartTheme::named(c.spec.theme), pixels);
    QByteArray svg = ChartExport::svg(scene);
    const qsizetype start = svg.indexOf("<svg");
    if (start > 0)
        svg.remove(0, start);
    return QString::fromUtf8(svg);
}

const char *css = R"(
body { font-family: Inter, "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; color: #1a1a1a;
       max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; font-size: 15px; }
header.title { border-top: 8px solid #005a9c; padding-top: 2rem; margin-bottom: 2.5rem; }
header.title .org { color: #555b66; font-size: 1.1rem; margin: 0; }
header.title h1 { font-size: 2.4rem; margin: .2rem 0; }
header.title .period { color: #005a9c; font-size: 1.4rem; margin: 0 0 1rem; }
header.title p { margin: .15rem 0; }
nav ol { padding-left: 1.4rem; }
section { margin-top: 2.2rem; }
h2 { color: #005a9c; border-bottom: 1px solid #005a9c; padding-bottom: .25rem; font-size: 1.35rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
p.note { color: #555b66; font-size: .82rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .4rem 0 1rem; }
th { background: #eef2f7; color: #555b66; font-weight: 600; text-align: left; padding: .3rem .4rem; }
td { padding: .25rem .4rem; border-bottom: 1px solid #eceff3; vertical-align: top; }
tbody tr:nth-child(even) td { background: #f8f9fb; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.good { color: #1b7f3b; font-weight: 600; } .watch { color: #a86200; font-weight: 600; } .bad { color: #b3261e; font-weight: 600; }
figure.chart { margin: 1rem 0; } figure.chart svg { width: 100%; height: auto; }
footer { margin-top: 3rem; color: #555b66; font-size: .8rem; border-top: 1px solid #c9ced6; padding-top: .5rem; }
@media print { section.newpage { break-before: page; } }
)";

} // namespace

std::optional<Format> formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return Format::Html;
    return std::nullopt;
}

QByteArray pdf(const ReportDocument &document)
{
    const ReportLayout layout(document);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(72); // one device unit is one point, the layout's unit
        writer.setCreator(QStringLiteral("QualityLens"));
        writer.setTitle(QStringLiteral("%1 – %2").arg(document.title, document.periodTitle));
        writer.setPageLayout(layout.pageLayout());
        QPainter painter(&writer);
        for (int page = 0; page < layout.pageCount(); ++page) {
            if (page > 0)
                writer.newPage();
            layout.paintPage(&painter, page);
        }
        painter.end();
    }
    // QPdfWriter stamps the clock as /CreationDate; the report's date is its data's (docs/reports.md),
    // so the same project and period give the same bytes. Same length: the xref offsets stay right.
    QByteArray out = buffer.data();
    const QByteArray key = "/CreationDate (D:";
    const qsizetype at = out.indexOf(key);
    QDate day = QLocale::c().toDate(document.dataAsOf, QStringLiteral("d MMMM yyyy"));
    if (!day.isValid())
        day = QDate(2000, 1, 1);
    const QByteArray stamp = day.toString(QStringLiteral("yyyyMMdd")).toLatin1() + "000000";
    if (at >= 0 && at + key.size() + stamp.size() <= out.size())
        out.replace(at + key.size(), stamp.size(), stamp);
    return out;
}

QByteArray html(const ReportDocument &doc)
{
    QString out;
    out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out += QStringLiteral("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out += QStringLiteral("<title>%1 – %2</title>\n<style>%3</style>\n</head>\n<body>\n")
               .arg(esc(doc.title), esc(doc.periodTitle), QString::fromUtf8(css));
    out += QStringLiteral("<header class=\"title\">\n");
    if (!doc.organisation.isEmpty())
        out += QStringLiteral("<p class=\"org\">%1</p>\n").arg(esc(doc.organisation));
    out += QStringLiteral("<h1>%1</h1>\n<p class=\"period\">%2</p>\n").arg(esc(doc.title), esc(doc.periodTitle));
    for (const QString &f : doc.titleFacts)
        out += QStringLiteral("<p>%1</p>\n").arg(esc(f));
    if (!doc.dataAsOf.isEmpty())
        out += QStringLiteral("<p>Data as of %1</p>\n").arg(esc(doc.dataAsOf));
    out += QStringLiteral("</header>\n<nav><h3>Contents</h3><ol>\n");
    for (const ReportSection &s : doc.sections)
        out += QStringLiteral("<li><a href=\"#%1\">%2</a></li>\n").arg(esc(s.key), esc(s.title));
    out += QStringLiteral("</ol></nav>\n");
    int number = 0;
    for (const ReportSection &s : doc.sections) {
        out += QStringLiteral("<section id=\"%1\"%2>\n<h2>%3&#8195;%4</h2>\n")
                   .arg(esc(s.key), s.newPage ? QStringLiteral(" class=\"newpage\"") : QString())
                   .arg(++number)
                   .arg(esc(s.title));
        for (const ReportBlock &b : s.blocks) {
            switch (b.kind) {
            case ReportBlock::Kind::Heading:
                out += QStringLiteral("<h3>%1</h3>\n").arg(esc(b.text));
                break;
            case ReportBlock::Kind::Paragraph:
                out += QStringLiteral("<p>%1</p>\n").arg(esc(b.text));
                break;
            case ReportBlock::Kind::Note:
                out += QStringLiteral("<p class=\"note\">%1</p>\n").arg(esc(b.text));
                break;
            case ReportBlock::Kind::Bullets:
                out += QStringLiteral("<ul>\n");
                for (const QString &i : b.items)
                    out += QStringLiteral("<li>%1</li>\n").arg(esc(i));
                out += QStringLiteral("</ul>\n");
                break;
            case ReportBlock::Kind::KpiTable:
                out += kpiTableHtml(b.kpis);
                break;
            case ReportBlock::Kind::Table:
                out += tableHtml(b.table);
                break;
            case ReportBlock::Kind::Chart:
                out += QStringLiteral("<figure class=\"chart\">\n%1\n</figure>\n").arg(chartSvg(b.chart));
                break;
            case ReportBlock::Kind::PageBreak:
                break;
            }
        }
        out += QStringLiteral("</section>\n");
    }
    out += QStringLiteral("<footer>%1 · %2 · made with QualityLens from the project's data</footer>\n</body>\n</html>\n")
               .arg(esc(doc.title), esc(doc.periodTitle));
    return out.toUtf8();
}

bool write(const ReportDocument &document, const QString &path, Format format, QString *error)
{
    const QByteArray bytes = format == Format::Pdf ? pdf(document) : html(document);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace ql::ReportWriter

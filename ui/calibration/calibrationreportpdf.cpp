// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationreportpdf.h"

#include "chartscene.h"
#include "charttheme.h"
#include "resources.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextObjectInterface>

#include <cmath>
#include <memory>

namespace ql::CalibrationReportPdf {

namespace {

constexpr int kChartObject = QTextFormat::UserObject + 71;
constexpr int kChartIndex = QTextFormat::UserProperty + 1;
constexpr double kChartWidth = 640; // document pixels (96 dpi): the text width of an A4 page
constexpr QSize kChartPixels(1920, 840);

struct Chart
{
    ChartSpec spec;
    ChartData data;
};

// Paints the report's charts where their object characters sit, with the document's painter (the
// PDF's, so vector); Qt's "Text Object" example.
class ChartObject final : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    ChartObject(QList<Chart> charts, QObject *parent) : QObject(parent), m_charts(std::move(charts)) {}

    QSizeF intrinsicSize(QTextDocument *, int, const QTextFormat &) override
    {
        return {kChartWidth, kChartWidth * kChartPixels.height() / kChartPixels.width()};
    }
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format) override
    {
        const int i = format.property(kChartIndex).toInt();
        if (i < 0 || i >= m_charts.size())
            return;
        const ChartScene scene(m_charts.at(i).spec, m_charts.at(i).data, ChartTheme::named(QStringLiteral("print")),
                               kChartPixels);
        scene.render(painter, rect);
    }

private:
    QList<Chart> m_charts;
};

Chart deviationChart(const CalibrationReport &report)
{
    Chart c;
    c.spec.type = ChartType::Bar;
    c.spec.title = QObject::tr("Mean signed deviation from the baseline, by participant");
    c.spec.subtitle = QObject::tr("%1 · + lenient, − severe (points of raw score)").arg(report.title);
    c.spec.labels = true;
    c.data.type = ChartType::Bar;
    c.data.rowDimension = QObject::tr("participant");
    ChartSeries s{QObject::tr("Mean signed deviation"), {}, {}, {}, {}, {}};
    if (const CalibrationReportTable *t = report.table(QStringLiteral("participants")))
        for (const QVariantList &row : t->rows) {
            c.data.categories << row.at(1).toString();
            s.values << (row.at(3).isValid() ? row.at(3).toDouble() : std::nan(""));
            s.n << row.at(8).toLongLong();
        }
    c.data.displayCategories = c.data.categories;
    c.data.series = {s};
    ChartMeasureInfo m;
    m.spelling = QStringLiteral("deviation");
    m.label = QObject::tr("Mean signed deviation (pts)");
    m.unit = ValueUnit::Number;
    c.data.measures = {m};
    c.data.minSample = 0;
    c.spec.footnote = false;
    return c;
}

Chart alphaChart(const CalibrationReport &report)
{
    Chart c;
    c.spec.type = ChartType::Bar;
    c.spec.title = QObject::tr("Krippendorff's α per criterion");
    c.spec.subtitle = QObject::tr("%1 · dashed: 0.667 tentative, 0.800 reliable (Krippendorff 2004)").arg(report.title);
    c.spec.labels = true;
    c.spec.referenceLines = {{QStringLiteral("y"), 0.667, QStringLiteral("0.667")},
                             {QStringLiteral("y"), 0.8, QStringLiteral("0.800")}};
    c.data.type = ChartType::Bar;
    c.data.rowDimension = QObject::tr("criterion");
    ChartSeries s{QObject::tr("α"), {}, {}, {}, {}, {}};
    if (const CalibrationReportTable *t = report.table(QStringLiteral("criteria")))
        for (const QVariantList &row : t->rows) {
            c.data.categories << row.at(0).toString();
            s.values << (row.at(2).isValid() ? row.at(2).toDouble() : std::nan(""));
            s.n << row.at(10).toLongLong();
        }
    c.data.displayCategories = c.data.categories;
    c.data.series = {s};
    ChartMeasureInfo m;
    m.spelling = QStringLiteral("alpha");
    m.label = QObject::tr("α");
    m.unit = ValueUnit::Number;
    c.data.measures = {m};
    c.data.minSample = 0;
    c.spec.footnote = false;
    return c;
}

QString tableHtml(const CalibrationReportTable &t)
{
    QString html = QStringLiteral("<h2>%1</h2>").arg(t.title.toHtmlEscaped());
    if (t.rows.isEmpty()) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(QObject::tr("None.").toHtmlEscaped());
    } else {
        html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\" "
                               "style=\"border-collapse: collapse; border-color: #999999;\"><tr>");
        for (const QString &h : t.header)
            html += QStringLiteral("<th bgcolor=\"#EEEEEE\" align=\"left\">%1</th>").arg(h.toHtmlEscaped());
        html += QStringLiteral("</tr>");
        for (const QVariantList &row : t.rows) {
            html += QStringLiteral("<tr>");
            for (int c = 0; c < row.size() && c < t.formats.size(); ++c) {
                const bool numeric = t.formats.at(c) != CalibrationReportFormat::Text;
                QString text = formatCalibrationReportCell(row.at(c), t.formats.at(c)).toHtmlEscaped();
                text.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
                html += QStringLiteral("<td align=\"%1\">%2</td>").arg(numeric ? "right" : "left", text);
            }
            html += QStringLiteral("</tr>");
        }
        html += QStringLiteral("</table>");
    }
    if (!t.note.isEmpty())
        html += QStringLiteral("<p style=\"font-size: 8pt; color: #555555;\">%1</p>").arg(t.note.toHtmlEscaped());
    return html;
}

void insertChart(QTextCursor &cursor, int index)
{
    QTextCharFormat format;
    format.setObjectType(kChartObject);
    format.setProperty(kChartIndex, index);
    cursor.insertBlock();
    cursor.insertText(QString(QChar::ObjectReplacementCharacter), format);
    cursor.insertBlock();
}

} // namespace

std::unique_ptr<QTextDocument> document(const CalibrationReport &report)
{
    auto doc = std::make_unique<QTextDocument>();
    const QString family = Resources::loadFonts();
    QFont font(family.isEmpty() ? QStringLiteral("DejaVu Sans") : family);
    font.setPointSizeF(9);
    doc->setDefaultFont(font);
    doc->setDocumentMargin(0);
    doc->setDefaultStyleSheet(QStringLiteral("h1 { font-size: 18pt; } h2 { font-size: 12pt; margin-top: 14px; } "
                                             "th { font-weight: bold; }"));
    doc->documentLayout()->registerHandler(kChartObject,
                                           new ChartObject({deviationChart(report), alphaChart(report)}, doc.get()));
    QTextCursor cursor(doc.get());
    QString head = QStringLiteral("<h1>%1</h1><p><b>%2</b></p>")
                       .arg(QObject::tr("Calibration session report: %1").arg(report.title).toHtmlEscaped(),
                            report.subtitle.toHtmlEscaped());
    for (const QString &fact : report.facts)
        head += QStringLiteral("<p>%1</p>").arg(fact.toHtmlEscaped());
    cursor.insertHtml(head);
    for (const CalibrationReportTable &t : report.tables) {
        cursor.insertBlock();
        cursor.insertHtml(tableHtml(t));
        cursor.movePosition(QTextCursor::End);
        if (t.key == QLatin1String("participants") && !t.rows.isEmpty())
            insertChart(cursor, 0);
        if (t.key == QLatin1String("criteria") && !t.rows.isEmpty())
            insertChart(cursor, 1);
    }
    return doc;
}

QByteArray pdf(const CalibrationReport &report, const QString &pageSize)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(pageSize.compare(QLatin1String("Letter"), Qt::CaseInsensitive) == 0
                                         ? QPageSize::Letter
                                         : QPageSize::A4));
        writer.setPageMargins(QMarginsF(16, 16, 16, 16), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(QObject::tr("Calibration session report: %1").arg(report.title));
        writer.setCreator(QStringLiteral("QualityLens"));
        const auto doc = document(report);
        // Paginated at the page's text size in the document's 96 dpi; print() scales it to the writer.
        doc->setPageSize(QSizeF(writer.width() * 96.0 / writer.logicalDpiX(), writer.height() * 96.0 / writer.logicalDpiY()));
        doc->print(&writer);
    }
    return bytes;
}

bool write(const CalibrationReport &report, const QString &path, const QString &pageSize, QString *error)
{
    const QByteArray bytes = pdf(report, pageSize);
    QSaveFile file(path);
    if (bytes.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QObject::tr("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace ql::CalibrationReportPdf

#include "calibrationreportpdf.moc"

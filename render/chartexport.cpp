// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartexport.h"

#include "chartscene.h"
#include "chartsize.h"

#include <QBuffer>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace ql::ChartExport {

std::optional<Format> formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return Format::Png;
    if (suffix == QLatin1String("svg"))
        return Format::Svg;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

QImage image(const ChartScene &chart, int scale)
{
    const QSize size = chart.size() * scale;
    QImage img(size, QImage::Format_RGB32);
    img.fill(chart.theme().background);
    QPainter painter(&img);
    chart.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    painter.end();
    // Physical size: the chart's inches, whatever the scale (so 2× is a sharper, not larger, picture).
    const int dotsPerMeter = int(std::lround(ChartSize::dpi * scale / 0.0254));
    img.setDotsPerMeterX(dotsPerMeter);
    img.setDotsPerMeterY(dotsPerMeter);
    return img;
}

QString svgFontStack(const QString &family)
{
    return QStringLiteral("%1, 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif")
        .arg(family.contains(QLatin1Char(' ')) ? QStringLiteral("'%1'").arg(family) : family);
}

QByteArray svg(const ChartScene &chart)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(chart.size());
    generator.setViewBox(QRect(QPoint(0, 0), chart.size()));
    generator.setResolution(ChartSize::dpi);
    generator.setTitle(chart.title());
    generator.setDescription(QStringLiteral("QualityLens chart"));
    QPainter painter(&generator);
    chart.render(&painter, QRectF(QPointF(0, 0), QSizeF(chart.size())));
    painter.end();
    // SVG does not embed fonts: name the theme's font with a fallback stack. Items that never set
    // a font (empty labels Qt Charts keeps) carry the platform default; they get the stack too.
    QByteArray out = buffer.data();
    const QByteArray stack = "font-family=\"" + svgFontStack(chart.theme().fontFamily).toUtf8() + "\"";
    out.replace("font-family=\"" + chart.theme().fontFamily.toUtf8() + "\"", stack);
    out.replace("font-family=\"Sans Serif\"", stack);
    return out;
}

QByteArray pdf(const ChartScene &chart)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(ChartSize::dpi);
        writer.setCreator(QStringLiteral("QualityLens"));
        writer.setTitle(chart.title());
        const QSizeF inches(double(chart.size().width()) / ChartSize::dpi,
                            double(chart.size().height()) / ChartSize::dpi);
        writer.setPageLayout(QPageLayout(QPageSize(inches, QPageSize::Inch, QString(), QPageSize::ExactMatch),
                                         QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        QPainter painter(&writer);
        chart.render(&painter, QRectF(QPointF(0, 0), QSizeF(chart.size())));
        painter.end();
    }
    return buffer.data();
}

bool write(const ChartScene &chart, const QString &path, Format format, int scale, QString *error)
{
    QByteArray bytes;
    switch (format) {
    case Format::Png: {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (!image(chart, scale).save(&buffer, "PNG")) {
            *error = QObject::tr("the PNG could not be encoded");
            return false;
        }
        break;
    }
    case Format::Svg:
        bytes = svg(chart);
        break;
    case Format::Pdf:
        bytes = pdf(chart);
        break;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QObject::tr("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace ql::ChartExport

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

#include <optional>

namespace ql {

class ChartScene;

// Writing a laid-out chart: PNG (scale 1×, 2×, 3× multiplies the pixels, not the layout), SVG
// (vector, text as text naming the font with a fallback stack, 144 dpi so 1920 px is 13.333 in) and
// PDF (vector, one page the chart's size at 144 dpi).
namespace ChartExport {

enum class Format { Png, Svg, Pdf };
std::optional<Format> formatForPath(const QString &path); // by the file's suffix

QImage image(const ChartScene &chart, int scale = 1);
QByteArray svg(const ChartScene &chart);
QByteArray pdf(const ChartScene &chart);

// The font-family value written into SVGs: the theme's font first, then common fallbacks.
QString svgFontStack(const QString &family);

// Writes the file atomically; false with a message when it cannot be written.
bool write(const ChartScene &chart, const QString &path, Format format, int scale, QString *error);

} // namespace ChartExport

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartsize.h"

#include <QRegularExpression>

#include <cmath>

namespace ql::ChartSize {

QSize slide16x9()
{
    return {1920, 1080};
}

QSize slide4x3()
{
    return {1440, 1080};
}

QSize a4Landscape()
{
    return {int(std::lround(297.0 / 25.4 * dpi)), int(std::lround(210.0 / 25.4 * dpi))};
}

std::optional<QSize> parse(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("16:9") || t == QLatin1String("slide"))
        return slide16x9();
    if (t == QLatin1String("4:3"))
        return slide4x3();
    if (t == QLatin1String("a4") || t == QLatin1String("a4-landscape"))
        return a4Landscape();
    static const QRegularExpression re(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto m = re.match(t);
    if (!m.hasMatch())
        return std::nullopt;
    const int w = m.captured(1).toInt();
    const int h = m.captured(2).toInt();
    if (w < 64 || h < 64 || w > 8192 || h > 8192)
        return std::nullopt;
    return QSize(w, h);
}

} // namespace ql::ChartSize

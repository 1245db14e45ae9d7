// SPDX-License-Identifier: GPL-3.0-or-later
#include "charttheme.h"

#include "resources.h"
#include "store/projectsettings.h"

#include <QFontDatabase>

namespace ql {

namespace {

QString embeddedFamily()
{
    static const QString family = [] {
        const QString loaded = Resources::loadFonts();
        return loaded.isEmpty() ? QStringLiteral("Inter") : loaded;
    }();
    return family;
}

} // namespace

ChartBrand ChartBrand::fromSettings(const ProjectSettings &settings)
{
    ChartBrand brand;
    for (const QString &c : settings.chartBrandColours())
        if (QColor colour(c); colour.isValid())
            brand.colours << colour;
    brand.font = settings.chartBrandFont();
    const QByteArray logo = settings.chartBrandLogo();
    if (!logo.isEmpty())
        brand.logo.loadFromData(logo, "PNG");
    return brand;
}

QList<QColor> ChartTheme::okabeIto()
{
    // Blue first (the exemplars' main colour), yellow last: it is faint on white.
    return {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73), QColor(0xD5, 0x5E, 0x00),
            QColor(0x56, 0xB4, 0xE9), QColor(0xCC, 0x79, 0xA7), QColor(0xF0, 0xE4, 0x42), QColor(0x00, 0x00, 0x00)};
}

ChartTheme ChartTheme::named(const QString &name, const ChartBrand &brand)
{
    ChartTheme t;
    t.name = name;
    t.fontFamily = embeddedFamily();
    t.background = QColor(0xFF, 0xFF, 0xFF);
    t.text = QColor(0x1A, 0x1A, 0x1A);
    t.mutedText = QColor(0x5F, 0x5F, 0x5F);
    t.grid = QColor(0xE4, 0xE4, 0xE4);
    t.axis = QColor(0x8C, 0x8C, 0x8C);
    t.target = QColor(0x26, 0x26, 0x26);
    t.grey = QColor(0xB0, 0xB0, 0xB0);
    t.bad = QColor(0xD5, 0x5E, 0x00);
    t.watch = QColor(0xE6, 0x9F, 0x00);
    t.onBar = QColor(0xFF, 0xFF, 0xFF);
    t.palette = okabeIto();
    if (name == QLatin1String("dark")) {
        t.background = QColor(0x15, 0x18, 0x1C);
        t.text = QColor(0xF2, 0xF2, 0xF2);
        t.mutedText = QColor(0xB4, 0xB8, 0xBE);
        t.grid = QColor(0x33, 0x38, 0x3F);
        t.axis = QColor(0x80, 0x86, 0x8E);
        t.target = QColor(0xE8, 0xE8, 0xE8);
        t.grey = QColor(0x6A, 0x70, 0x78);
        t.onBar = QColor(0x10, 0x10, 0x10);
        // Sky blue leads on a dark ground; Okabe–Ito's blue is too dark there.
        t.palette = {QColor(0x56, 0xB4, 0xE9), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                     QColor(0xD5, 0x5E, 0x00), QColor(0xCC, 0x79, 0xA7), QColor(0xF0, 0xE4, 0x42),
                     QColor(0x00, 0x72, 0xB2), QColor(0xFF, 0xFF, 0xFF)};
    } else if (name == QLatin1String("print")) {
        t.text = QColor(0x00, 0x00, 0x00);
        t.mutedText = QColor(0x40, 0x40, 0x40);
        t.grid = QColor(0xDD, 0xDD, 0xDD);
        t.axis = QColor(0x60, 0x60, 0x60);
        t.target = QColor(0x00, 0x00, 0x00);
        t.grey = QColor(0xC8, 0xC8, 0xC8);
        t.bad = QColor(0x00, 0x00, 0x00);
        t.watch = QColor(0x70, 0x70, 0x70);
        t.palette = {QColor(0x33, 0x33, 0x33), QColor(0x8A, 0x8A, 0x8A), QColor(0xB8, 0xB8, 0xB8),
                     QColor(0x5C, 0x5C, 0x5C), QColor(0xD4, 0xD4, 0xD4), QColor(0x00, 0x00, 0x00)};
    } else if (name == QLatin1String("brand")) {
        if (!brand.colours.isEmpty()) {
            QList<QColor> palette = brand.colours;
            for (const QColor &c : okabeIto())
                if (!palette.contains(c))
                    palette << c;
            t.palette = palette;
        }
        if (!brand.font.isEmpty() && QFontDatabase::families().contains(brand.font))
            t.fontFamily = brand.font;
        t.logo = brand.logo;
    }
    return t;
}

} // namespace ql

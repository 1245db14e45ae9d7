// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QString>

namespace ql {

class ProjectSettings;

// The brand theme's choices, stored in the project (settings chart_brand_colours, chart_brand_font,
// chart_brand_logo) so that the CLI renders them as the GUI does.
struct ChartBrand
{
    QList<QColor> colours; // series colours, first is the main one
    QString font;          // a family name; Inter when it is not installed
    QImage logo;           // drawn at the top right

    static ChartBrand fromSettings(const ProjectSettings &settings); // the project's chart_brand_*
};

// Colours and the font of a chart. Okabe–Ito's colour-blind-safe palette by default.
struct ChartTheme
{
    QString name;
    QColor background;
    QColor text;      // titles, labels
    QColor mutedText; // subtitle, footnote, axis labels
    QColor grid;
    QColor axis;   // the baseline
    QColor target; // target and limit lines
    QColor grey;   // "the rest": Pareto's trivial many, small samples, not classified
    QColor bad;    // below target, signals, needs attention
    QColor watch;  // to watch
    QColor onBar;  // data labels inside bars
    QList<QColor> palette;
    QString fontFamily;
    QImage logo;

    QColor series(int index) const { return palette.at(index % palette.size()); }

    // light, dark, print, brand (brand falls back to light for what the brand does not set).
    static ChartTheme named(const QString &name, const ChartBrand &brand = {});
    static QList<QColor> okabeIto(); // in the order series take them
};

} // namespace ql

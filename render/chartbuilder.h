// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to qlrender: lays one chart out in a scene. chartbuilder.cpp holds the frame (titles,
// legend, footnote), axes and marks every type shares; chartbars.cpp, chartlines.cpp and
// chartpoints.cpp the types.

#include "chart/chartdata.h"
#include "chart/chartspec.h"
#include "charttheme.h"

#include <QFont>
#include <QRectF>
#include <QStringList>

#include <optional>

class QAbstractSeries;
class QChart;
class QGraphicsItem;
class QGraphicsScene;

namespace ql {

class ChartBuilder final
{
public:
    ChartBuilder(QGraphicsScene *scene, const ChartSpec &spec, const ChartData &data, const ChartTheme &theme,
                 QSizeF size);
    void build();

    // A value axis as it will be drawn: range, ticks and their labels.
    struct Axis
    {
        double min = 0;
        double max = 1;
        double step = 0.2;
        ValueUnit unit = ValueUnit::Number;
        QList<double> ticks;
        QStringList labels;
        QString title;
        double labelWidth = 0; // widest tick label, px
    };

    struct LegendEntry
    {
        enum Shape { Box, Line, Dashed, Dot, Band };
        QString name;
        QColor colour;
        Shape shape = Box;
    };

private:
    // Frame.
    QFont font(double px1080, int weight = QFont::Normal) const;
    double px(double at1080) const { return at1080 * m_s; }
    QStringList wrap(const QString &text, const QFont &font, double width) const;
    QRectF addText(const QString &text, const QFont &font, const QColor &colour, const QRectF &box, Qt::Alignment align,
                   double z = 30);
    QGraphicsItem *addLabel(const QString &text, const QFont &font, const QColor &colour, QPointF anchor,
                            Qt::Alignment align, double z = 30, double angle = 0);
    void frame(const QList<LegendEntry> &legend, const QStringList &notes); // sets m_region
    void drawLegend(const QList<LegendEntry> &entries, double top, double *bottom);

    // Axes and mapping.
    Axis makeAxis(double lo, double hi, ValueUnit unit, bool fromZero, const QString &title, int maxTicks = 6) const;
    QString formatValue(double v, ValueUnit unit, bool axis, double step = 1) const;
    QString formatLevel(double v, ValueUnit unit) const;
    QChart *makeChart(const QRectF &plot);
    void attachValueAxis(QChart *chart, const Axis &axis, Qt::Alignment side, const QList<QAbstractSeries *> &series);
    void attachIndexAxis(QChart *chart, double min, double max, const QList<QAbstractSeries *> &series);
    double yPx(double v, const Axis &axis) const;
    double yPx(double v) const { return yPx(v, m_y); }
    double xPx(double index) const; // category index → centre of its slot
    double slotWidth() const;
    double axisTitleWidth(const Axis &axis) const;
    void drawAxisTitle(const Axis &axis, bool right);

    // Categories under the plot: wrapped, or turned when they do not fit.
    struct CategoryLayout
    {
        QList<QStringList> lines;
        QFont font;
        double angle = 0;
        int every = 1;
        double height = 0;
    };
    CategoryLayout layoutCategories(const QStringList &labels, double slot) const;
    void drawCategories(const CategoryLayout &layout, double top);

    // Marks.
    void drawBaseline(double y);
    void drawGaps(double top, double bottom); // control charts: where periods without data were left out
    void drawRestarts(const QList<int> &starts, double top, double bottom); // control charts: limits restart
    void drawTarget(const Axis &axis);
    void drawReferenceLines(const Axis &axis);
    void drawHorizontal(double value, const Axis &axis, const QColor &colour, Qt::PenStyle style, double width,
                        const QString &label, bool labelRight = true);
    void drawAnnotation(QPointF point, const QString &text);
    void drawBarLabel(double x, double top, double bottom, double value, ValueUnit unit, double maxWidth,
                      const QColor &fill = QColor());
    void drawPointLabel(QPointF at, const QString &text, const QColor &colour, bool above = true);
    // A name beside a point: right, left, above or below it, wherever it overlaps no other such
    // label and stays in the plot; false (and nothing drawn) when no place is free.
    bool placeLabel(const QString &text, const QFont &font, const QColor &colour, QPointF at, double gap);
    static QColor textOn(const QColor &fill); // dark or white text, by the fill's luminance
    QRectF plotRect(double left, double right, double bottom) const;
    double rightLabelRoom() const; // room for "target 85" and reference-line labels at the right

    // Types.
    void buildBars();
    void buildCombo();
    void buildPareto();
    void buildLine();
    void buildPChart();
    void buildXmr();
    void buildBox();
    void buildScatter();
    void buildHeatmap();
    void buildFunnel();
    void buildWaterfall();

    QGraphicsScene *m_scene;
    const ChartSpec &m_spec;
    const ChartData &m_data;
    const ChartTheme &m_theme;
    QSizeF m_size;
    double m_s = 1;       // type scale: 1 at 1920 × 1080
    QRectF m_region;      // between the header and the footnote
    QRectF m_plot;        // the plot area of the main chart
    Axis m_y;             // its value axis
    double m_xMin = -0.5; // its horizontal domain (categories: −0.5 … n − 0.5)
    double m_xMax = 0.5;
    QList<QRectF> m_placed; // labels placed by placeLabel()
    // Bar labels share one size: the largest at which every label fits its bar; none when even
    // the smallest does not (half the bars labelled would read as a pattern).
    void chooseBarLabelFont(const QStringList &texts, double barWidth);
    bool m_barFontChosen = false;
    std::optional<QFont> m_barFont;
};

} // namespace ql

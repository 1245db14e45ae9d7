// SPDX-License-Identifier: GPL-3.0-or-later
// Distributions and points: box plot, scatter, heat map, funnel plot.
#include "chartbuilder.h"

#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QLineSeries>
#include <QLinearGradient>
#include <QLocale>
#include <QPen>
#include <QScatterSeries>

#include <algorithm>
#include <cmath>

namespace ql {

namespace {

QString axisTitleFor(const ChartMeasureInfo &m)
{
    return m.unit == ValueUnit::Points ? QObject::tr("%1 (pts)").arg(m.label) : m.label;
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QString thousands(qint64 v)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(v);
}

// An invisible series that gives a chart its axes when the marks are drawn by hand.
QScatterSeries *carrier(double x0, double y0, double x1, double y1)
{
    auto *s = new QScatterSeries;
    s->append(x0, y0);
    s->append(x1, y1);
    s->setColor(Qt::transparent);
    s->setBorderColor(Qt::transparent);
    s->setMarkerSize(1);
    return s;
}

} // namespace

void ChartBuilder::buildBox()
{
    const int n = int(m_data.categories.size());
    const ChartMeasureInfo &measure = m_data.measures.first();
    QStringList notes = m_data.notes;
    bool small = false;
    for (const stats::BoxSummary &b : m_data.boxes)
        small |= b.n < m_data.minSample;
    if (small)
        notes << QObject::tr("grey: fewer than %1 values").arg(m_data.minSample);
    frame({}, notes);

    double lo = 1e300, hi = -1e300;
    for (const stats::BoxSummary &b : m_data.boxes) {
        if (b.n == 0)
            continue;
        lo = std::min(lo, b.low);
        hi = std::max(hi, b.high);
    }
    if (m_spec.target) {
        lo = std::min(lo, *m_spec.target);
        hi = std::max(hi, *m_spec.target);
    }
    m_y = makeAxis(lo, hi, measure.unit, false, axisTitleFor(measure));
    QStringList labels;
    for (int i = 0; i < n; ++i)
        labels << QStringLiteral("%1\nn = %2").arg(m_data.displayCategories[i], thousands(m_data.boxes[i].n));
    const double left = axisTitleWidth(m_y) + m_y.labelWidth + px(16);
    const double right = rightLabelRoom();
    const CategoryLayout cats = layoutCategories(labels, (m_region.width() - left - right) / std::max(1, n));
    m_plot = plotRect(left, right, cats.height);
    QChart *chart = makeChart(m_plot);

    auto *series = new QBoxPlotSeries;
    QColor fill = m_theme.series(0);
    fill.setAlphaF(0.3);
    QColor greyFill = m_theme.grey;
    greyFill.setAlphaF(0.35);
    for (int i = 0; i < n; ++i) {
        const stats::BoxSummary &b = m_data.boxes[i];
        auto *set = new QBoxSet(b.low, b.q1, b.median, b.q3, b.high);
        const bool few = b.n < m_data.minSample;
        set->setBrush(few ? greyFill : fill);
        set->setPen(QPen(few ? m_theme.grey : m_theme.series(0), px(3)));
        series->append(set);
    }
    series->setBoxWidth(0.5);
    series->setBoxOutlineVisible(true);
    chart->addSeries(series);
    attachIndexAxis(chart, -0.5, n - 0.5, {series});
    attachValueAxis(chart, m_y, Qt::AlignLeft, {series});
    drawAxisTitle(m_y, false);
    drawBaseline(m_plot.bottom());
    drawCategories(cats, m_plot.bottom());
    drawTarget(m_y);
    drawReferenceLines(m_y);
    for (int i = 0; i < n; ++i) {
        const stats::BoxSummary &b = m_data.boxes[i];
        if (b.n == 0)
            continue;
        const double r = px(7);
        const QPointF at(xPx(i), yPx(b.mean));
        m_scene->addEllipse(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), QPen(m_theme.background, px(2)), m_theme.text)
            ->setZValue(25);
        if (m_spec.labels)
            addLabel(formatValue(b.median, measure.unit, false), font(20, QFont::DemiBold), m_theme.text,
                     QPointF(xPx(i) + slotWidth() * 0.27, yPx(b.median)), Qt::AlignLeft | Qt::AlignVCenter, 35);
    }
    if (m_spec.annotation) {
        const int i = int(m_data.categories.indexOf(m_spec.annotation->row));
        if (i >= 0)
            drawAnnotation(QPointF(xPx(i), yPx(m_data.boxes[i].high)), m_spec.annotation->text);
    }
}

void ChartBuilder::buildScatter()
{
    const ChartMeasureInfo &mx = m_data.measures[0];
    const ChartMeasureInfo &my = m_data.measures[1];
    const bool sized = m_data.measures.size() > 2;
    bool small = false;
    double smin = 1e300, smax = -1e300, xlo = 1e300, xhi = -1e300, ylo = 1e300, yhi = -1e300;
    for (const ScatterPoint &p : m_data.points) {
        small |= p.n < m_data.minSample;
        xlo = std::min(xlo, p.x);
        xhi = std::max(xhi, p.x);
        ylo = std::min(ylo, p.y);
        yhi = std::max(yhi, p.y);
        if (sized && !std::isnan(p.size)) {
            smin = std::min(smin, p.size);
            smax = std::max(smax, p.size);
        }
    }
    for (const ChartReferenceLine &l : m_spec.referenceLines) {
        if (l.axis == QLatin1String("x")) {
            xlo = std::min(xlo, l.value);
            xhi = std::max(xhi, l.value);
        } else {
            ylo = std::min(ylo, l.value);
            yhi = std::max(yhi, l.value);
        }
    }
    QList<LegendEntry> legend;
    for (int g = 0; g < m_data.groups.size(); ++g)
        legend << LegendEntry{m_data.groups[g], m_theme.series(g), LegendEntry::Dot};
    if (small && legend.size() > 1)
        legend << LegendEntry{QObject::tr("fewer than %1").arg(m_data.minSample), m_theme.grey, LegendEntry::Dot};
    QStringList notes = m_data.notes;
    notes.prepend(
        QObject::tr("one point per %1").arg(QString(m_data.rowDimension).replace(QLatin1Char('_'), QLatin1Char(' '))));
    if (sized)
        notes << QObject::tr("size: %1").arg(m_data.measures[2].label);
    if (small)
        notes << QObject::tr("grey: fewer than %1 facts").arg(m_data.minSample);
    frame(legend, notes);

    m_y = makeAxis(ylo, yhi, my.unit, my.unit == ValueUnit::Count, axisTitleFor(my));
    const Axis xAxis = makeAxis(xlo, xhi, mx.unit, mx.unit == ValueUnit::Count, axisTitleFor(mx), 8);
    const QFontMetricsF fm(font(24));
    const double left = axisTitleWidth(m_y) + m_y.labelWidth + px(16);
    const double right = std::max(px(40), rightLabelRoom());
    const double bottom = fm.lineSpacing() * 2 + px(24);
    m_plot = plotRect(left, right, bottom);
    QChart *chart = makeChart(m_plot);
    QScatterSeries *axes = carrier(xAxis.min, m_y.min, xAxis.max, m_y.max);
    chart->addSeries(axes);
    attachValueAxis(chart, xAxis, Qt::AlignBottom, {axes});
    attachValueAxis(chart, m_y, Qt::AlignLeft, {axes});
    m_xMin = xAxis.min;
    m_xMax = xAxis.max;
    drawAxisTitle(m_y, false);
    addLabel(xAxis.title, font(24), m_theme.mutedText, QPointF(m_plot.center().x(), m_region.bottom()),
             Qt::AlignHCenter | Qt::AlignBottom);
    drawBaseline(m_plot.bottom());
    drawReferenceLines(m_y);
    drawTarget(m_y);
    for (const ChartReferenceLine &l : m_spec.referenceLines) {
        if (l.axis != QLatin1String("x") || l.value < xAxis.min || l.value > xAxis.max)
            continue;
        const double x = xPx(l.value);
        m_scene->addLine(QLineF(x, m_plot.top(), x, m_plot.bottom()), QPen(m_theme.mutedText, px(3), Qt::DotLine))
            ->setZValue(20);
        addLabel(l.label.isEmpty() ? formatValue(l.value, xAxis.unit, false) : l.label, font(22), m_theme.mutedText,
                 QPointF(x + px(8), m_plot.top()), Qt::AlignLeft | Qt::AlignTop);
    }
    // Larger points first, so small ones stay visible on top.
    QList<int> order;
    for (int i = 0; i < m_data.points.size(); ++i)
        order << i;
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return sized ? m_data.points[a].size > m_data.points[b].size : a < b; });
    auto radius = [&](const ScatterPoint &p) {
        // Areas in proportion to the size measure (from zero), so half the audits is half the ink.
        if (!sized || std::isnan(p.size) || smax <= 0)
            return px(10);
        return std::max(px(3), px(14) * std::sqrt(std::max(0.0, p.size) / smax));
    };
    for (int i : order) {
        const ScatterPoint &p = m_data.points[i];
        const QPointF at(xPx(p.x), yPx(p.y));
        const double r = radius(p);
        QColor colour = p.n < m_data.minSample ? m_theme.grey : m_theme.series(p.group);
        QColor fill = colour;
        fill.setAlphaF(0.72);
        m_scene->addEllipse(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), QPen(m_theme.background, px(1.5)), fill)
            ->setZValue(22);
    }
    // Names of the points furthest from the crowd (in standard deviations of each axis), each
    // where it overlaps no other name; all of them when labels are asked for.
    double mx0 = 0, my0 = 0, sx = 0, sy = 0;
    for (const ScatterPoint &p : m_data.points) {
        mx0 += p.x;
        my0 += p.y;
    }
    mx0 /= double(m_data.points.size());
    my0 /= double(m_data.points.size());
    for (const ScatterPoint &p : m_data.points) {
        sx += (p.x - mx0) * (p.x - mx0);
        sy += (p.y - my0) * (p.y - my0);
    }
    sx = std::sqrt(sx / double(m_data.points.size())) + 1e-9;
    sy = std::sqrt(sy / double(m_data.points.size())) + 1e-9;
    QList<int> byDistance = order;
    auto distance = [&](const ScatterPoint &p) { return std::hypot((p.x - mx0) / sx, (p.y - my0) / sy); };
    std::sort(byDistance.begin(), byDistance.end(),
              [&](int a, int b) { return distance(m_data.points[a]) > distance(m_data.points[b]); });
    const int wanted = m_spec.labels ? 40 : 6;
    for (const ScatterPoint &p : m_data.points) {
        const double r = radius(p);
        m_placed << QRectF(xPx(p.x) - r, yPx(p.y) - r, 2 * r, 2 * r).adjusted(px(2), px(2), -px(2), -px(2));
    }
    int placed = 0;
    for (int i : byDistance) {
        if (placed >= wanted)
            break;
        const ScatterPoint &p = m_data.points[i];
        if (p.n < m_data.minSample && !m_spec.labels)
            continue; // a small sample is not the story
        placed += placeLabel(chartDisplayLabel(p.label), font(20), m_theme.text, QPointF(xPx(p.x), yPx(p.y)),
                             radius(p) + px(6));
    }
    if (m_spec.annotation)
        for (const ScatterPoint &p : m_data.points)
            if (p.label == m_spec.annotation->row) {
                drawAnnotation(QPointF(xPx(p.x), yPx(p.y)), m_spec.annotation->text);
                break;
            }
}

void ChartBuilder::buildHeatmap()
{
    const int rows = int(m_data.categories.size());
    const int cols = int(m_data.series.size());
    const ChartMeasureInfo &measure = m_data.measures.first();
    double lo = 1e300, hi = -1e300;
    bool small = false;
    for (const ChartSeries &s : m_data.series)
        for (int i = 0; i < rows; ++i) {
            const double v = s.values.value(i);
            if (std::isnan(v))
                continue;
            if (s.n.value(i) < m_data.minSample) {
                small = true;
                continue;
            }
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (lo > hi) {
        lo = 0;
        hi = 1;
    }
    QStringList notes = m_data.notes;
    notes.prepend(QObject::tr("darker: higher %1").arg(measure.label.toLower()));
    if (small)
        notes << QObject::tr("hatched: fewer than %1 facts").arg(m_data.minSample);
    frame({}, notes);

    const QFont rowFont = font(22);
    const QFontMetricsF rfm(rowFont);
    double rowLabelWidth = 0;
    for (const QString &l : m_data.displayCategories)
        rowLabelWidth = std::max(rowLabelWidth, rfm.horizontalAdvance(l));
    rowLabelWidth = std::min(rowLabelWidth, m_region.width() * 0.3);
    const QStringList colLabels = chartDisplayLabels([&] {
        QStringList names;
        for (const ChartSeries &s : m_data.series)
            names << s.name;
        return names;
    }());
    const double gridLeft = m_region.left() + rowLabelWidth + px(16);
    const double scaleHeight = px(56);
    const double gridWidth = m_region.right() - gridLeft;
    m_xMin = -0.5;
    m_xMax = cols - 0.5;
    m_plot = QRectF(gridLeft, m_region.top(), gridWidth, 1);
    const CategoryLayout heads = layoutCategories(colLabels, gridWidth / std::max(1, cols));
    const double gridTop = m_region.top() + heads.height;
    const double gridHeight = m_region.bottom() - scaleHeight - gridTop;
    const double cellW = gridWidth / std::max(1, cols);
    const double cellH = gridHeight / std::max(1, rows);
    m_plot = QRectF(gridLeft, gridTop, gridWidth, gridHeight);
    // Column heads above the grid (turned ones hang up from it).
    for (int j = 0; j < cols; j += heads.every) {
        const QString text = heads.lines[j].join(QLatin1Char('\n'));
        if (heads.angle == 0)
            addLabel(text, heads.font, m_theme.text, QPointF(xPx(j), gridTop - px(8)),
                     Qt::AlignHCenter | Qt::AlignBottom);
        else
            addLabel(text, heads.font, m_theme.text, QPointF(xPx(j) - px(6), gridTop - px(8)),
                     Qt::AlignLeft | Qt::AlignBottom, 30, heads.angle);
    }
    const QColor low = m_theme.name == QLatin1String("dark") ? QColor(0x22, 0x2A, 0x33) : QColor(0xEE, 0xF4, 0xFA);
    const QColor high = m_theme.name == QLatin1String("print")  ? QColor(0x20, 0x20, 0x20)
                        : m_theme.name == QLatin1String("dark") ? QColor(0x56, 0xB4, 0xE9)
                                                                : m_theme.series(0).darker(135);
    const double textPx = std::clamp(cellH / m_s * 0.5, 12.0, 22.0);
    const QFont cellFont = font(textPx, QFont::DemiBold);
    const QFontMetricsF cfm(cellFont);
    for (int i = 0; i < rows; ++i) {
        const double y = gridTop + i * cellH;
        if (cellH >= rfm.height() * 0.8 || i % int(std::ceil(rfm.height() / cellH)) == 0)
            addLabel(m_data.displayCategories[i], rowFont, m_theme.text, QPointF(gridLeft - px(12), y + cellH / 2),
                     Qt::AlignRight | Qt::AlignVCenter);
        for (int j = 0; j < cols; ++j) {
            const QRectF cell(gridLeft + j * cellW, y, cellW, cellH);
            const double v = m_data.series[j].values.value(i);
            const qint64 n = m_data.series[j].n.value(i);
            if (std::isnan(v)) {
                m_scene->addRect(cell.adjusted(px(1), px(1), -px(1), -px(1)), Qt::NoPen, m_theme.background)
                    ->setZValue(10);
                continue;
            }
            const bool few = n < m_data.minSample;
            const double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
            const QColor colour = few ? m_theme.grey : mix(low, high, t);
            m_scene->addRect(cell.adjusted(px(1), px(1), -px(1), -px(1)), Qt::NoPen, colour)->setZValue(10);
            if (few)
                m_scene
                    ->addRect(cell.adjusted(px(1), px(1), -px(1), -px(1)), Qt::NoPen,
                              QBrush(m_theme.background, Qt::BDiagPattern))
                    ->setZValue(11);
            const QString text = formatValue(v, measure.unit, false);
            if (cfm.horizontalAdvance(text) < cellW * 0.92 && cfm.height() < cellH * 1.05)
                addLabel(text, cellFont, few ? QColor(0x1A, 0x1A, 0x1A) : textOn(colour), cell.center(),
                         Qt::AlignCenter, 12);
        }
    }
    // The colour scale, under the grid at the right.
    const double sw = std::min(px(420), gridWidth * 0.5);
    const QRectF bar(m_region.right() - sw, m_region.bottom() - px(22), sw, px(18));
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    gradient.setColorAt(0, low);
    gradient.setColorAt(1, high);
    m_scene->addRect(bar, Qt::NoPen, gradient)->setZValue(10);
    const QFont sf = font(20);
    addLabel(formatValue(lo, measure.unit, false), sf, m_theme.mutedText,
             QPointF(bar.left() - px(10), bar.center().y()), Qt::AlignRight | Qt::AlignVCenter);
    addLabel(formatValue(hi, measure.unit, false), sf, m_theme.mutedText, QPointF(bar.right(), bar.top() - px(4)),
             Qt::AlignRight | Qt::AlignBottom);
    addLabel(measure.label, sf, m_theme.mutedText, QPointF(bar.left(), bar.top() - px(4)),
             Qt::AlignLeft | Qt::AlignBottom);
}

void ChartBuilder::buildFunnel()
{
    const stats::Funnel &f = *m_data.funnel;
    const ChartMeasureInfo &measure = m_data.measures.first();
    const ChartSeries &s = m_data.series.first();
    const int n = int(s.values.size());
    bool seen[4] = {false, false, false, false};
    for (stats::FunnelStatus st : f.status)
        seen[int(st)] = true;
    QList<LegendEntry> legend;
    legend << LegendEntry{stats::funnelStatusName(stats::FunnelStatus::InLine), m_theme.series(0), LegendEntry::Dot};
    if (seen[int(stats::FunnelStatus::ToWatch)])
        legend << LegendEntry{stats::funnelStatusName(stats::FunnelStatus::ToWatch), m_theme.watch, LegendEntry::Dot};
    if (seen[int(stats::FunnelStatus::NeedsAttention)])
        legend << LegendEntry{stats::funnelStatusName(stats::FunnelStatus::NeedsAttention), m_theme.bad,
                              LegendEntry::Dot};
    if (seen[int(stats::FunnelStatus::NotClassified)])
        legend << LegendEntry{QObject::tr("fewer than %1 cases").arg(m_data.minSample), m_theme.grey, LegendEntry::Dot};
    QStringList notes = m_data.notes;
    notes.prepend(QObject::tr("one point per %1; centre %2")
                      .arg(QString(m_data.rowDimension).replace(QLatin1Char('_'), QLatin1Char(' ')),
                           formatValue(f.centre, measure.unit, false)));
    frame(legend, notes);

    double ylo = f.centre, yhi = f.centre, nmax = 0;
    for (int i = 0; i < n; ++i) {
        ylo = std::min(ylo, s.values[i]);
        yhi = std::max(yhi, s.values[i]);
        nmax = std::max(nmax, double(s.n[i]));
    }
    // Show the 99.8% limits from a quarter of the largest n on; smaller units' limits flare off the plot.
    const stats::FunnelLimits quarter = f.limitsAt(std::max(2.0, nmax / 4));
    ylo = std::min(ylo, quarter.low998);
    yhi = std::max(yhi, quarter.high998);
    if (m_spec.target) {
        ylo = std::min(ylo, *m_spec.target);
        yhi = std::max(yhi, *m_spec.target);
    }
    // Rates and scores live on 0–100: limits beyond the scale's ends mean nothing, so the axis
    // stops there (the curves are clipped by it).
    if (measure.unit == ValueUnit::Percent || measure.unit == ValueUnit::Points) {
        ylo = std::max(ylo, 0.0);
        yhi = std::min(yhi, 100.0);
    }
    m_y = makeAxis(ylo, yhi, measure.unit, false, axisTitleFor(measure));
    if (measure.unit == ValueUnit::Percent || measure.unit == ValueUnit::Points) {
        m_y.min = std::max(m_y.min, 0.0);
        m_y.max = std::min(m_y.max, 100.0);
        for (qsizetype i = m_y.ticks.size() - 1; i >= 0; --i)
            if (m_y.ticks[i] < m_y.min - 1e-9 || m_y.ticks[i] > m_y.max + 1e-9) {
                m_y.ticks.removeAt(i);
                if (i < m_y.labels.size())
                    m_y.labels.removeAt(i);
            }
    }
    const QString nTitle = m_data.source == PivotSource::Audits    ? QObject::tr("n (audits)")
                           : m_data.source == PivotSource::Answers ? QObject::tr("n (answers)")
                                                                   : QObject::tr("n (responses)");
    const Axis xAxis = makeAxis(0, nmax, ValueUnit::Count, true, nTitle, 8);
    const QFontMetricsF fm(font(24));
    const double left = axisTitleWidth(m_y) + m_y.labelWidth + px(16);
    const double right = QFontMetricsF(font(22)).horizontalAdvance(QStringLiteral("99.8%")) + px(24);
    const double bottom = fm.lineSpacing() * 2 + px(24);
    m_plot = plotRect(left, right, bottom);
    QChart *chart = makeChart(m_plot);
    QList<QAbstractSeries *> all;
    QScatterSeries *axes = carrier(xAxis.min, m_y.min, xAxis.max, m_y.max);
    chart->addSeries(axes);
    all << axes;
    auto curve = [&](auto pick, Qt::PenStyle style, double width) {
        auto *line = new QLineSeries;
        line->setPen(QPen(m_theme.mutedText, width, style, Qt::FlatCap, Qt::RoundJoin));
        // From n = 1 to the axis end, denser where the limits bend.
        for (int k = 0; k <= 160; ++k) {
            const double n = 1 + (xAxis.max - 1) * std::pow(k / 160.0, 2);
            line->append(n,
                         std::clamp(pick(f.limitsAt(n)), m_y.min - (m_y.max - m_y.min), m_y.max + (m_y.max - m_y.min)));
        }
        chart->addSeries(line);
        all << line;
    };
    curve([](const stats::FunnelLimits &l) { return l.low95; }, Qt::DashLine, px(3));
    curve([](const stats::FunnelLimits &l) { return l.high95; }, Qt::DashLine, px(3));
    curve([](const stats::FunnelLimits &l) { return l.low998; }, Qt::SolidLine, px(3));
    curve([](const stats::FunnelLimits &l) { return l.high998; }, Qt::SolidLine, px(3));
    auto *centre = new QLineSeries;
    centre->setPen(QPen(m_theme.text, px(2.5)));
    centre->append(xAxis.min, f.centre);
    centre->append(xAxis.max, f.centre);
    chart->addSeries(centre);
    all << centre;
    attachValueAxis(chart, xAxis, Qt::AlignBottom, all);
    attachValueAxis(chart, m_y, Qt::AlignLeft, all);
    m_xMin = xAxis.min;
    m_xMax = xAxis.max;
    drawAxisTitle(m_y, false);
    addLabel(xAxis.title, font(24), m_theme.mutedText, QPointF(m_plot.center().x(), m_region.bottom()),
             Qt::AlignHCenter | Qt::AlignBottom);
    drawBaseline(m_plot.bottom());
    drawTarget(m_y);
    const stats::FunnelLimits end = f.limitsAt(xAxis.max);
    const QFont lf = font(20);
    for (const auto &[value, text] :
         {std::pair{end.high998, QStringLiteral("99.8%")}, std::pair{end.high95, QStringLiteral("95%")},
          std::pair{end.low95, QStringLiteral("95%")}, std::pair{end.low998, QStringLiteral("99.8%")}})
        if (value >= m_y.min && value <= m_y.max)
            addLabel(text, lf, m_theme.mutedText, QPointF(m_plot.right() + px(8), yPx(value)),
                     Qt::AlignLeft | Qt::AlignVCenter);

    QList<int> flagged;
    for (int i = 0; i < n; ++i) {
        const stats::FunnelStatus st = f.status[i];
        const QColor colour = st == stats::FunnelStatus::NeedsAttention  ? m_theme.bad
                              : st == stats::FunnelStatus::ToWatch       ? m_theme.watch
                              : st == stats::FunnelStatus::NotClassified ? m_theme.grey
                                                                         : m_theme.series(0);
        const QPointF at(xPx(double(s.n[i])), yPx(s.values[i]));
        const double r = px(st == stats::FunnelStatus::InLine || st == stats::FunnelStatus::NotClassified ? 9 : 12);
        QColor fill = colour;
        fill.setAlphaF(st == stats::FunnelStatus::InLine ? 0.6 : 0.95);
        m_scene->addEllipse(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), QPen(m_theme.background, px(1.5)), fill)
            ->setZValue(st == stats::FunnelStatus::InLine ? 22 : 24);
        if (st == stats::FunnelStatus::NeedsAttention || st == stats::FunnelStatus::ToWatch)
            flagged << i;
    }
    // Name the flagged units, the furthest out first.
    std::sort(flagged.begin(), flagged.end(), [&](int a, int b) { return std::fabs(f.z[a]) > std::fabs(f.z[b]); });
    int placed = 0;
    for (int i : flagged) {
        if (placed >= (m_spec.labels ? 40 : 8))
            break;
        placed += placeLabel(m_data.displayCategories.value(i, m_data.categories[i]), font(20), m_theme.text,
                             QPointF(xPx(double(s.n[i])), yPx(s.values[i])), px(16));
    }
    if (m_spec.annotation) {
        const int i = int(m_data.categories.indexOf(m_spec.annotation->row));
        if (i >= 0)
            drawAnnotation(QPointF(xPx(double(s.n[i])), yPx(s.values[i])), m_spec.annotation->text);
    }
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
// Waterfall: the base value, one floating bar per contribution and the current value, joined by
// connectors (formats.md "Chart spec", analysis.md "What changed, and why").
#include "chartbuilder.h"

#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QPen>
#include <QScatterSeries>

#include <algorithm>
#include <cmath>

namespace ql {

void ChartBuilder::buildWaterfall()
{
    const Waterfall &w = *m_data.waterfall;
    const ChartMeasureInfo &measure = m_data.measures.first();
    const int steps = int(w.steps.size());
    const int n = steps + 2;
    const bool print = m_theme.name == QLatin1String("print");
    // Totals in the main colour; a step that helps the KPI in bluish green, one that hurts it in
    // vermillion (Okabe–Ito: told apart with any colour vision); greys on paper.
    const QColor total = print ? QColor(0x5C, 0x5C, 0x5C) : m_theme.series(0);
    const QColor good = print ? QColor(0xC8, 0xC8, 0xC8) : QColor(0x00, 0x9E, 0x73);
    const QColor bad = print ? QColor(0x00, 0x00, 0x00) : m_theme.bad;
    auto colourOf = [&](double v) { return (v >= 0) == w.higherIsBetter ? good : bad; };

    QStringList labels{w.startLabel};
    for (const WaterfallStep &s : w.steps)
        labels << s.label;
    labels << w.endLabel;

    // The levels the bars reach decide the axis. Bars of a level start at 0; when every level
    // sits far from 0 (a rate of 70–80%) the axis starts near the data and says so, or the
    // contributions would be slivers.
    double lo = std::min(w.start, w.end), hi = std::max(w.start, w.end);
    for (int i = 0; i < steps; ++i) {
        lo = std::min(lo, w.runningTotal(i));
        hi = std::max(hi, w.runningTotal(i));
    }
    if (m_spec.target) {
        lo = std::min(lo, *m_spec.target);
        hi = std::max(hi, *m_spec.target);
    }
    const bool fromZero = lo <= 0 || (hi - lo) >= 0.5 * hi;
    const QString metricWord = measure.label.isEmpty() ? QObject::tr("the KPI") : measure.label;
    QList<LegendEntry> legend{{QObject::tr("%1 in %2 and %3").arg(metricWord, w.startLabel, w.endLabel), total,
                               LegendEntry::Box},
                              {QObject::tr("raised %1").arg(metricWord), w.higherIsBetter ? good : bad, LegendEntry::Box},
                              {QObject::tr("lowered %1").arg(metricWord), w.higherIsBetter ? bad : good,
                               LegendEntry::Box}};
    QStringList notes = m_data.notes;
    m_y = makeAxis(lo, hi, measure.unit, fromZero, measure.label);
    if (!fromZero)
        notes.prepend(QObject::tr("the axis starts at %1, not 0").arg(formatValue(m_y.min, measure.unit, true, m_y.step)));
    frame(legend, notes);
    const double left = axisTitleWidth(m_y) + m_y.labelWidth + px(16);
    const double right = rightLabelRoom();
    const CategoryLayout cats = layoutCategories(labels, (m_region.width() - left - right) / n);
    m_plot = plotRect(left, right, cats.height);
    QChart *chart = makeChart(m_plot);
    auto *carrier = new QScatterSeries;
    carrier->setName(QStringLiteral("waterfall-axes"));
    carrier->append(-0.5, m_y.min);
    carrier->append(n - 0.5, m_y.max);
    carrier->setColor(Qt::transparent);
    carrier->setBorderColor(Qt::transparent);
    carrier->setMarkerSize(1);
    chart->addSeries(carrier);
    attachIndexAxis(chart, -0.5, n - 0.5, {carrier});
    attachValueAxis(chart, m_y, Qt::AlignLeft, {carrier});
    drawAxisTitle(m_y, false);
    const double ground = std::max(0.0, m_y.min);
    drawBaseline(yPx(ground));
    drawCategories(cats, m_plot.bottom());
    drawTarget(m_y);
    drawReferenceLines(m_y);

    const double barWidth = slotWidth() * 0.62;
    // Each bar: from (value) bottom to top, tagged so tests can read the geometry back.
    auto addBar = [&](int slot, double from, double to, const QColor &colour, double value) {
        const double top = yPx(std::max(from, to));
        const double bottom = yPx(std::min(from, to));
        QRectF rect(xPx(slot) - barWidth / 2, top, barWidth, std::max(bottom - top, px(2)));
        auto *item = m_scene->addRect(rect, Qt::NoPen, colour);
        item->setZValue(10);
        item->setData(0, QStringLiteral("waterfall-bar"));
        item->setData(1, slot);
        item->setData(2, value);
        return rect;
    };

    // Sizes of the labels: one font for all, the largest at which each fits its bar.
    auto stepText = [&](double v) {
        const QString t = formatValue(v, measure.unit == ValueUnit::Percent ? ValueUnit::Points : measure.unit, false);
        return v > 0 ? QStringLiteral("+") + t : t;
    };
    QStringList texts{formatValue(w.start, measure.unit, false), formatValue(w.end, measure.unit, false)};
    for (const WaterfallStep &s : w.steps)
        texts << stepText(s.value);
    chooseBarLabelFont(texts, barWidth * 1.5);
    const QFont labelFont = m_barFont.value_or(font(20, QFont::DemiBold));

    auto labelOutside = [&](const QRectF &bar, const QString &text, bool above) {
        if (above)
            addLabel(text, labelFont, m_theme.text, QPointF(bar.center().x(), bar.top() - px(6)),
                     Qt::AlignHCenter | Qt::AlignBottom, 35);
        else
            addLabel(text, labelFont, m_theme.text, QPointF(bar.center().x(), bar.bottom() + px(6)),
                     Qt::AlignHCenter | Qt::AlignTop, 35);
    };

    const QPen connector(m_theme.axis, px(2), Qt::DashLine, Qt::FlatCap);
    auto connect = [&](int fromSlot, double level) {
        const double y = yPx(level);
        m_scene->addLine(QLineF(xPx(fromSlot) + barWidth / 2, y, xPx(fromSlot + 1) - barWidth / 2, y), connector)
            ->setZValue(12);
    };

    const QRectF startBar = addBar(0, ground, w.start, total, w.start);
    labelOutside(startBar, texts.at(0), true);
    double level = w.start;
    for (int i = 0; i < steps; ++i) {
        connect(i, level);
        const double v = w.steps.at(i).value;
        const QRectF bar = addBar(i + 1, level, level + v, colourOf(v), v);
        if (m_spec.labels || steps <= 15)
            labelOutside(bar, stepText(v), v >= 0);
        level += v;
    }
    connect(steps, level);
    const QRectF endBar = addBar(n - 1, ground, w.end, total, w.end);
    labelOutside(endBar, texts.at(1), true);
    if (!fromZero) {
        // The totals do not reach 0: a break at their feet says they are cut.
        for (const QRectF &bar : {startBar, endBar}) {
            const double y = bar.bottom() - px(18);
            m_scene->addRect(QRectF(bar.left() - px(2), y - px(5), bar.width() + px(4), px(10)), Qt::NoPen,
                             m_theme.background)
                ->setZValue(11);
        }
    }
    if (m_spec.annotation) {
        const int i = int(labels.indexOf(m_spec.annotation->row));
        if (i >= 0) {
            const double at = i == 0 ? w.start : i == n - 1 ? w.end : w.runningTotal(i - 1);
            drawAnnotation(QPointF(xPx(i), yPx(at)), m_spec.annotation->text);
        }
    }
}

} // namespace ql

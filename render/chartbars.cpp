// SPDX-License-Identifier: GPL-3.0-or-later
// Bars: grouped, stacked and 100% stacked; combo (bars and a line on a second axis); Pareto.
#include "chartbuilder.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QLineSeries>
#include <QPen>
#include <QPercentBarSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>

#include <algorithm>
#include <cmath>

namespace ql {

namespace {

double valueOr0(double v)
{
    return std::isnan(v) ? 0.0 : v;
}

QString axisTitleFor(const ChartMeasureInfo &m)
{
    return m.unit == ValueUnit::Points ? QObject::tr("%1 (pts)").arg(m.label) : m.label;
}

QBarSet *makeSet(const QString &name, const QColor &colour)
{
    auto *set = new QBarSet(name);
    set->setColor(colour);
    set->setBorderColor(colour);
    set->setPen(Qt::NoPen);
    return set;
}

// A measure is on its bad side of the target.
bool missesTarget(double v, double target, bool higherIsBetter)
{
    return higherIsBetter ? v < target : v > target;
}

} // namespace

void ChartBuilder::buildBars()
{
    const int n = int(m_data.categories.size());
    const bool stacked = m_spec.type == ChartType::StackedBar;
    const bool percent = m_spec.type == ChartType::StackedBar100;
    const ChartMeasureInfo &measure = m_data.measures.first();
    const int k = int(m_data.series.size());
    const bool highlight = k == 1 && m_spec.target && !stacked && !percent;

    QList<LegendEntry> legend;
    for (int j = 0; j < k; ++j)
        legend << LegendEntry{m_data.series[j].name, m_theme.series(j), LegendEntry::Box};
    QStringList notes = m_data.notes;
    if (highlight)
        notes.prepend(measure.higherIsBetter ? QObject::tr("highlighted: below target")
                                             : QObject::tr("highlighted: above target"));
    if (percent)
        notes.prepend(QObject::tr("each bar is 100% of its %1").arg(m_data.rowDimension));
    frame(legend, notes);

    double lo = 0, hi = 0;
    for (int i = 0; i < n; ++i) {
        double sum = 0;
        for (const ChartSeries &s : m_data.series) {
            const double v = valueOr0(s.values.value(i));
            sum += v;
            hi = std::max(hi, v);
            lo = std::min(lo, v);
        }
        if (stacked)
            hi = std::max(hi, sum);
    }
    if (m_spec.target)
        hi = std::max(hi, *m_spec.target);
    for (const ChartReferenceLine &l : m_spec.referenceLines)
        if (l.axis == QLatin1String("y"))
            hi = std::max(hi, l.value);
    m_y = percent ? makeAxis(0, 100, ValueUnit::Percent, true, QObject::tr("Share of %1").arg(measure.label))
                  : makeAxis(lo, hi, measure.unit, true,
                             k > 1 && m_spec.pivot.cols.isEmpty() ? QString() : axisTitleFor(measure));
    if (percent) {
        m_y.min = 0;
        m_y.max = 100;
    }
    const double left = axisTitleWidth(m_y) + m_y.labelWidth + px(16);
    const double right = rightLabelRoom();
    const CategoryLayout cats =
        layoutCategories(m_data.displayCategories, (m_region.width() - left - right) / std::max(1, n));
    m_plot = plotRect(left, right, cats.height);
    QChart *chart = makeChart(m_plot);

    const double barWidth = k == 1 ? 0.62 : std::min(0.86, 0.5 + 0.1 * k);
    QAbstractBarSeries *series = nullptr;
    if (highlight) {
        auto *s = new QStackedBarSeries;
        QBarSet *ok = makeSet(m_data.series[0].name, m_theme.series(0));
        QBarSet *bad = makeSet(QObject::tr("off target"), m_theme.bad);
        for (int i = 0; i < n; ++i) {
            const double v = valueOr0(m_data.series[0].values[i]);
            const bool miss = missesTarget(v, *m_spec.target, measure.higherIsBetter);
            *ok << (miss ? 0.0 : v);
            *bad << (miss ? v : 0.0);
        }
        s->append(ok);
        s->append(bad);
        series = s;
    } else {
        if (percent)
            series = new QPercentBarSeries;
        else if (stacked)
            series = new QStackedBarSeries;
        else
            series = new QBarSeries;
        for (int j = 0; j < k; ++j) {
            QBarSet *set = makeSet(m_data.series[j].name, m_theme.series(j));
            for (int i = 0; i < n; ++i)
                *set << valueOr0(m_data.series[j].values.value(i));
            series->append(set);
        }
    }
    series->setBarWidth(barWidth);
    chart->addSeries(series);
    attachIndexAxis(chart, -0.5, n - 0.5, {series});
    attachValueAxis(chart, m_y, Qt::AlignLeft, {series});
    drawAxisTitle(m_y, false);
    drawBaseline(yPx(std::max(0.0, m_y.min)));
    drawCategories(cats, m_plot.bottom());
    drawTarget(m_y);
    drawReferenceLines(m_y);

    const double slot = slotWidth();
    const double group = slot * barWidth;
    auto barCentre = [&](int i, int j) {
        if (stacked || percent || highlight)
            return xPx(i);
        return xPx(i) - group / 2 + (j + 0.5) * group / k;
    };
    auto barTop = [&](int i, int j) {
        if (!stacked && !percent)
            return yPx(valueOr0(m_data.series[j].values[i]));
        double below = 0, total = 0;
        for (int q = 0; q < k; ++q) {
            const double v = valueOr0(m_data.series[q].values[i]);
            total += v;
            if (q <= j)
                below += v;
        }
        return yPx(percent ? (total > 0 ? below / total * 100 : 0) : below);
    };
    if (m_spec.labels && !stacked && !percent) {
        QStringList texts;
        for (const ChartSeries &series : m_data.series)
            for (double v : series.values)
                if (!std::isnan(v))
                    texts << formatValue(v, measure.unit, false);
        chooseBarLabelFont(texts, group / (highlight ? 1 : k));
    }
    if (m_spec.labels) {
        const QFontMetricsF fm(font(22, QFont::DemiBold));
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < k; ++j) {
                const double v = m_data.series[j].values.value(i);
                if (std::isnan(v))
                    continue;
                if (!stacked && !percent) {
                    const QColor fill =
                        highlight ? (missesTarget(v, *m_spec.target, measure.higherIsBetter) ? m_theme.bad
                                                                                             : m_theme.series(0))
                                  : m_theme.series(j);
                    drawBarLabel(barCentre(i, j), barTop(i, j), yPx(std::max(0.0, m_y.min)), v, measure.unit,
                                 group / (highlight ? 1 : k), fill);
                    continue;
                }
                // Segments: the label sits in the middle when the segment is tall enough.
                const double top = barTop(i, j);
                const double bottom = j == 0 ? yPx(0) : barTop(i, j - 1);
                if (bottom - top < fm.lineSpacing() * 1.1)
                    continue;
                double shown = v;
                ValueUnit unit = measure.unit;
                if (percent) {
                    double total = 0;
                    for (int q = 0; q < k; ++q)
                        total += valueOr0(m_data.series[q].values[i]);
                    shown = total > 0 ? v / total * 100 : 0;
                    unit = ValueUnit::Percent;
                }
                const QString text = formatValue(shown, unit == ValueUnit::Percent ? ValueUnit::Percent : unit, false);
                if (fm.horizontalAdvance(text) > group * 1.05)
                    continue;
                addLabel(text, font(22, QFont::DemiBold), textOn(m_theme.series(j)),
                         QPointF(barCentre(i, j), (top + bottom) / 2), Qt::AlignCenter, 35);
            }
        }
    }
    if (m_spec.annotation) {
        const int i = int(m_data.categories.indexOf(m_spec.annotation->row));
        int j = 0;
        for (int q = 0; q < k; ++q)
            if (m_data.series[q].is(m_spec.annotation->series))
                j = q;
        if (i >= 0)
            drawAnnotation(QPointF(barCentre(i, j), barTop(i, j)), m_spec.annotation->text);
    }
}

void ChartBuilder::buildCombo()
{
    const int n = int(m_data.categories.size());
    const ChartSeries &bars = m_data.series[0];
    const ChartSeries &line = m_data.series[1];
    const ChartMeasureInfo &barMeasure = m_data.measures[0];
    const ChartMeasureInfo &lineMeasure = m_data.measures[1];
    frame({{bars.name, m_theme.series(0), LegendEntry::Box}, {line.name, m_theme.series(1), LegendEntry::Line}},
          m_data.notes);

    double hi = 0;
    for (double v : bars.values)
        hi = std::max(hi, valueOr0(v));
    m_y = makeAxis(0, hi, barMeasure.unit, true, axisTitleFor(barMeasure));
    double llo = 1e300, lhi = -1e300;
    for (double v : line.values)
        if (!std::isnan(v)) {
            llo = std::min(llo, v);
            lhi = std::max(lhi, v);
        }
    if (m_spec.target) {
        llo = std::min(llo, *m_spec.target);
        lhi = std::max(lhi, *m_spec.target);
    }
    // The line's axis leaves the bottom third to the bars, so the two do not tangle.
    const bool lineFromZero = lineMeasure.unit == ValueUnit::Count;
    Axis second = makeAxis(lineFromZero ? 0 : llo - (lhi - llo) * 0.8, lhi, lineMeasure.unit, lineFromZero,
                           axisTitleFor(lineMeasure));
    const double left = axisTitleWidth(m_y) + m_y.labelWidth + px(16);
    const double right = axisTitleWidth(second) + second.labelWidth + px(16);
    const CategoryLayout cats =
        layoutCategories(m_data.displayCategories, (m_region.width() - left - right) / std::max(1, n));
    m_plot = plotRect(left, right, cats.height);
    QChart *chart = makeChart(m_plot);

    auto *barSeries = new QBarSeries;
    QBarSet *set = makeSet(bars.name, m_theme.series(0));
    for (double v : bars.values)
        *set << valueOr0(v);
    barSeries->append(set);
    barSeries->setBarWidth(0.62);
    chart->addSeries(barSeries);
    auto *lineSeries = new QLineSeries;
    QPen pen(m_theme.series(1), px(5));
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    lineSeries->setPen(pen);
    lineSeries->setPointsVisible(true);
    lineSeries->setMarkerSize(px(12));
    for (int i = 0; i < n; ++i)
        if (!std::isnan(line.values[i]))
            lineSeries->append(i, line.values[i]);
    chart->addSeries(lineSeries);
    attachIndexAxis(chart, -0.5, n - 0.5, {barSeries, lineSeries});
    attachValueAxis(chart, m_y, Qt::AlignLeft, {barSeries});
    attachValueAxis(chart, second, Qt::AlignRight, {lineSeries});
    drawAxisTitle(m_y, false);
    drawAxisTitle(second, true);
    drawBaseline(yPx(0));
    drawCategories(cats, m_plot.bottom());
    if (m_spec.target)
        drawHorizontal(*m_spec.target, second, m_theme.target, Qt::DashLine, px(3),
                       QObject::tr("target %1").arg(formatLevel(*m_spec.target, second.unit)), false);
    if (m_spec.labels) {
        QStringList texts;
        for (double v : bars.values)
            if (!std::isnan(v))
                texts << formatValue(v, barMeasure.unit, false);
        chooseBarLabelFont(texts, slotWidth() * 0.62);
        for (int i = 0; i < n; ++i) {
            if (!std::isnan(bars.values[i]))
                drawBarLabel(xPx(i), yPx(bars.values[i]), yPx(0), bars.values[i], barMeasure.unit, slotWidth() * 0.62,
                             m_theme.series(0));
            if (!std::isnan(line.values[i]))
                drawPointLabel(QPointF(xPx(i), yPx(line.values[i], second)),
                               formatValue(line.values[i], lineMeasure.unit, false), m_theme.series(1));
        }
    }
    if (m_spec.annotation) {
        const int i = int(m_data.categories.indexOf(m_spec.annotation->row));
        if (i >= 0) {
            const bool onLine = line.is(m_spec.annotation->series);
            drawAnnotation(QPointF(xPx(i), onLine ? yPx(line.values[i], second) : yPx(valueOr0(bars.values[i]))),
                           m_spec.annotation->text);
        }
    }
}

void ChartBuilder::buildPareto()
{
    const Pareto &p = m_data.pareto;
    const ChartMeasureInfo &measure = m_data.measures.first();
    // A slide holds about fifteen bars; the long tail becomes one grey "all others" bar.
    constexpr int maxBars = 15;
    QStringList labels;
    QList<double> values, cumulative;
    QList<bool> vital;
    QStringList tags; // "new" causes: a tag under the category's label
    const int shown = int(p.items.size()) > maxBars ? maxBars - 1 : int(p.items.size());
    for (int i = 0; i < shown; ++i) {
        labels << m_data.displayCategories.value(i);
        tags << m_data.categoryTags.value(i);
        values << p.items[i].value;
        cumulative << p.cumulative[i];
        vital << (i < p.vitalFew);
    }
    if (shown < p.items.size()) {
        double rest = 0;
        for (int i = shown; i < p.items.size(); ++i)
            rest += p.items[i].value;
        labels << QObject::tr("%1 others").arg(p.items.size() - shown);
        tags << QString();
        values << rest;
        cumulative << 100.0;
        vital << false;
    }
    const int n = int(labels.size());
    QStringList notes = m_data.notes;
    notes.prepend(QObject::tr("the vital few: %1 of %2 categories make %3% of the total")
                      .arg(p.vitalFew)
                      .arg(p.items.size())
                      .arg(formatValue(p.vitalFew > 0 ? p.cumulative[p.vitalFew - 1] : 0, ValueUnit::Number, false)));
    frame({}, notes);

    double hi = 0;
    for (double v : values)
        hi = std::max(hi, v);
    m_y = makeAxis(0, hi, measure.unit, true, axisTitleFor(measure));
    Axis cum = makeAxis(0, 100, ValueUnit::Percent, true, QObject::tr("Cumulative share"), 5);
    cum.min = 0;
    cum.max = 100;
    const double left = axisTitleWidth(m_y) + m_y.labelWidth + px(16);
    const double right = axisTitleWidth(cum) + cum.labelWidth + px(16);
    const double slot = (m_region.width() - left - right) / std::max(1, n);
    CategoryLayout cats = layoutCategories(labels, slot);
    const bool tagged = std::any_of(tags.cbegin(), tags.cend(), [](const QString &t) { return !t.isEmpty(); });
    const QFont tagFont = font(20, QFont::Bold);
    if (tagged && cats.angle == 0) {
        cats.height += QFontMetricsF(tagFont).lineSpacing() + px(4);
    } else if (tagged) { // turned labels: the tag goes at the label's end
        QStringList withTags = labels;
        for (int i = 0; i < n; ++i)
            if (!tags[i].isEmpty())
                withTags[i] += QStringLiteral(" · ") + tags[i];
        cats = layoutCategories(withTags, slot);
    }
    m_plot = plotRect(left, right, cats.height);
    QChart *chart = makeChart(m_plot);

    auto *bars = new QStackedBarSeries;
    QBarSet *few = makeSet(QObject::tr("vital few"), m_theme.series(0));
    QBarSet *many = makeSet(QObject::tr("the rest"), m_theme.grey);
    for (int i = 0; i < n; ++i) {
        *few << (vital[i] ? values[i] : 0.0);
        *many << (vital[i] ? 0.0 : values[i]);
    }
    bars->append(few);
    bars->append(many);
    bars->setBarWidth(0.62);
    chart->addSeries(bars);
    const QColor lineColour = m_theme.name == QLatin1String("print") ? m_theme.text : m_theme.series(1);
    auto *line = new QLineSeries;
    QPen pen(lineColour, px(5));
    pen.setJoinStyle(Qt::RoundJoin);
    line->setPen(pen);
    line->setPointsVisible(true);
    line->setMarkerSize(px(12));
    for (int i = 0; i < n; ++i)
        line->append(i, cumulative[i]);
    chart->addSeries(line);
    attachIndexAxis(chart, -0.5, n - 0.5, {bars, line});
    attachValueAxis(chart, m_y, Qt::AlignLeft, {bars});
    attachValueAxis(chart, cum, Qt::AlignRight, {line});
    drawAxisTitle(m_y, false);
    drawAxisTitle(cum, true);
    drawBaseline(yPx(0));
    drawCategories(cats, m_plot.bottom());
    if (tagged && cats.angle == 0) {
        const double lineHeight = QFontMetricsF(cats.font).lineSpacing();
        for (int i = 0; i < n; ++i)
            if (!tags[i].isEmpty())
                addLabel(tags[i], tagFont, m_theme.bad,
                         QPointF(xPx(i), m_plot.bottom() + px(10) + lineHeight * cats.lines.value(i).size() + px(2)),
                         Qt::AlignHCenter | Qt::AlignTop);
    }
    drawHorizontal(80, cum, lineColour, Qt::DashLine, px(2.5), QObject::tr("80% of the total"), false);
    if (p.vitalFew > 0 && p.vitalFew < n) {
        // The cut: a thin divider between the vital few and the rest.
        const double x = (xPx(p.vitalFew - 1) + xPx(p.vitalFew)) / 2;
        m_scene->addLine(QLineF(x, m_plot.top(), x, m_plot.bottom()), QPen(m_theme.axis, px(2), Qt::DotLine))
            ->setZValue(15);
    }
    QStringList texts;
    for (double v : values)
        texts << formatValue(v, measure.unit, false);
    chooseBarLabelFont(texts, slotWidth() * 0.62);
    for (int i = 0; i < n; ++i)
        if (m_spec.labels || n <= 15)
            drawBarLabel(xPx(i), yPx(values[i]), yPx(0), values[i], measure.unit, slotWidth() * 0.62,
                         vital[i] ? m_theme.series(0) : m_theme.grey);
    if (m_spec.annotation) {
        // The row as the pivot names it (a criterion's key), else as the chart shows it.
        int i = int(m_data.categories.indexOf(m_spec.annotation->row));
        if (i < 0 || i >= shown)
            i = int(labels.indexOf(chartDisplayLabel(m_spec.annotation->row)));
        if (i >= 0)
            drawAnnotation(QPointF(xPx(i), yPx(values[i])), m_spec.annotation->text);
    }
}

} // namespace ql

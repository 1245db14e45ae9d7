// SPDX-License-Identifier: GPL-3.0-or-later
// Lines over categories (periods): the line chart with its band, and the control charts.
#include "chartbuilder.h"

#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QLineSeries>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace ql {

namespace {

QLineSeries *styledLine(const QColor &colour, double width, double marker, Qt::PenStyle style = Qt::SolidLine)
{
    auto *s = new QLineSeries;
    QPen pen(colour, width, style, style == Qt::SolidLine ? Qt::RoundCap : Qt::FlatCap, Qt::RoundJoin);
    s->setPen(pen);
    if (marker > 0) {
        s->setPointsVisible(true);
        s->setMarkerSize(marker);
    }
    return s;
}

QString axisTitleFor(const ChartMeasureInfo &m)
{
    return m.unit == ValueUnit::Points ? QObject::tr("%1 (pts)").arg(m.label) : m.label;
}

// "Sep 2026 beyond the upper limit", "Mar – Oct 2026 run of 8 above the centre".
QString describeSignal(const stats::ControlSignal &s, const QStringList &labels)
{
    const QString span = s.first == s.last ? labels.value(s.first)
                                           : QStringLiteral("%1 – %2").arg(labels.value(s.first), labels.value(s.last));
    switch (s.rule) {
    case stats::SignalRule::BeyondLimit:
        return QObject::tr("%1 beyond the %2 limit").arg(span, s.high ? QObject::tr("upper") : QObject::tr("lower"));
    case stats::SignalRule::RunOfEight:
        return QObject::tr("%1 run of %2 %3 the centre")
            .arg(span)
            .arg(s.last - s.first + 1)
            .arg(s.high ? QObject::tr("above") : QObject::tr("below"));
    case stats::SignalRule::TrendOfSix:
        return QObject::tr("%1 trend of %2 %3")
            .arg(span)
            .arg(s.last - s.first + 1)
            .arg(s.high ? QObject::tr("up") : QObject::tr("down"));
    case stats::SignalRule::RangeBeyondLimit:
        return QObject::tr("%1 moving range beyond its limit").arg(span);
    }
    return span;
}

QString signalSentence(const QList<stats::ControlSignal> &signals, const QStringList &labels)
{
    if (signals.isEmpty())
        return QObject::tr("no signals");
    QStringList parts;
    for (const stats::ControlSignal &s : signals)
        parts << describeSignal(s, labels);
    return QObject::tr("signals: %1").arg(parts.join(QStringLiteral("; ")));
}

} // namespace

void ChartBuilder::buildLine()
{
    const int n = int(m_data.categories.size());
    const int k = int(m_data.series.size());
    const ChartMeasureInfo &measure = m_data.measures.first();
    QList<LegendEntry> legend;
    for (int j = 0; j < k; ++j)
        legend << LegendEntry{m_data.series[j].name, m_theme.series(j), LegendEntry::Line};
    frame(legend, m_data.notes);

    double lo = 1e300, hi = -1e300;
    auto extend = [&](double v) {
        if (!std::isnan(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    };
    for (const ChartSeries &s : m_data.series) {
        for (double v : s.values)
            extend(v);
        for (double v : s.low)
            extend(v);
        for (double v : s.high)
            extend(v);
    }
    if (m_spec.target)
        extend(*m_spec.target);
    for (const ChartReferenceLine &l : m_spec.referenceLines)
        if (l.axis == QLatin1String("y"))
            extend(l.value);
    const bool fromZero = measure.unit == ValueUnit::Count;
    m_y = makeAxis(lo, hi, measure.unit, fromZero,
                   k > 1 && m_spec.pivot.cols.isEmpty() ? QString() : axisTitleFor(measure));
    const double left = axisTitleWidth(m_y) + m_y.labelWidth + px(16);
    const double right = rightLabelRoom();
    const CategoryLayout cats =
        layoutCategories(m_data.displayCategories, (m_region.width() - left - right) / std::max(1, n));
    m_plot = plotRect(left, right, cats.height);
    QChart *chart = makeChart(m_plot);

    m_xMin = -0.5;
    m_xMax = n - 0.5;
    QList<QAbstractSeries *> all;
    for (int j = 0; j < k; ++j) {
        const ChartSeries &s = m_data.series[j];
        if (s.low.isEmpty() || k > 3)
            continue;
        auto *upper = new QLineSeries;
        auto *lower = new QLineSeries;
        for (int i = 0; i < n; ++i)
            if (!std::isnan(s.low.value(i)) && !std::isnan(s.high.value(i))) {
                upper->append(i, s.high[i]);
                lower->append(i, s.low[i]);
            }
        auto *band = new QAreaSeries(upper, lower);
        upper->setParent(band); // an area series does not own its edges
        lower->setParent(band);
        QColor fill = m_theme.series(j);
        fill.setAlphaF(m_theme.name == QLatin1String("dark") ? 0.28 : 0.18);
        band->setBrush(fill);
        band->setPen(Qt::NoPen);
        chart->addSeries(band);
        all << band;
    }
    for (int j = 0; j < k; ++j) {
        // Markers shrink with the slot, and go when points are too close to tell apart.
        const double marker = slotWidth() < px(16) ? 0 : std::min(px(12), slotWidth() * 0.22);
        auto *line = styledLine(m_theme.series(j), px(n > 30 ? 4 : 5), marker);
        for (int i = 0; i < n; ++i)
            if (!std::isnan(m_data.series[j].values.value(i)))
                line->append(i, m_data.series[j].values[i]);
        chart->addSeries(line);
        all << line;
    }
    attachIndexAxis(chart, -0.5, n - 0.5, all);
    attachValueAxis(chart, m_y, Qt::AlignLeft, all);
    drawAxisTitle(m_y, false);
    drawBaseline(m_plot.bottom());
    drawCategories(cats, m_plot.bottom());
    drawTarget(m_y);
    drawReferenceLines(m_y);
    if (m_spec.labels && k <= 2 && n <= 24) {
        for (int j = 0; j < k; ++j)
            for (int i = 0; i < n; ++i) {
                const double v = m_data.series[j].values.value(i);
                if (!std::isnan(v))
                    drawPointLabel(QPointF(xPx(i), yPx(v)), formatValue(v, measure.unit, false), m_theme.series(j),
                                   j == 0);
            }
    }
    if (m_spec.annotation) {
        const int i = int(m_data.categories.indexOf(m_spec.annotation->row));
        int j = 0;
        for (int q = 0; q < k; ++q)
            if (m_data.series[q].is(m_spec.annotation->series))
                j = q;
        if (i >= 0 && !std::isnan(m_data.series[j].values.value(i)))
            drawAnnotation(QPointF(xPx(i), yPx(m_data.series[j].values[i])), m_spec.annotation->text);
    }
}

void ChartBuilder::buildPChart()
{
    const stats::PChart &c = *m_data.pChart;
    const int n = int(m_data.categories.size());
    const ChartMeasureInfo &measure = m_data.measures.first();
    QStringList notes = m_data.notes;
    notes << signalSentence(c.signals, m_data.displayCategories);
    frame({}, notes);

    double lo = 1e300, hi = -1e300;
    for (int i = 0; i < n; ++i) {
        lo = std::min({lo, c.p[i] * 100, c.lower[i] * 100});
        hi = std::max({hi, c.p[i] * 100, c.upper[i] * 100});
    }
    if (m_spec.target) {
        lo = std::min(lo, *m_spec.target);
        hi = std::max(hi, *m_spec.target);
    }
    m_y = makeAxis(lo, hi, ValueUnit::Percent, false, measure.label);
    const QFontMetricsF fm(font(22));
    const double left = axisTitleWidth(m_y) + m_y.labelWidth + px(16);
    const double right = std::max(rightLabelRoom(), fm.horizontalAdvance(QStringLiteral("UCL 100.0%")) + px(20));
    const CategoryLayout cats =
        layoutCategories(m_data.displayCategories, (m_region.width() - left - right) / std::max(1, n));
    m_plot = plotRect(left, right, cats.height);
    QChart *chart = makeChart(m_plot);

    auto *upper = styledLine(m_theme.mutedText, px(3), 0, Qt::DashLine);
    auto *lower = styledLine(m_theme.mutedText, px(3), 0, Qt::DashLine);
    for (int i = 0; i < n; ++i) {
        upper->append(i - 0.5, c.upper[i] * 100);
        upper->append(i + 0.5, c.upper[i] * 100);
        lower->append(i - 0.5, c.lower[i] * 100);
        lower->append(i + 0.5, c.lower[i] * 100);
    }
    // The centre steps where the limits restart (a scorecard version change).
    auto *centre = styledLine(m_theme.mutedText, px(2.5), 0);
    for (int i = 0; i < n; ++i) {
        const double v = (c.centres.size() == n ? c.centres[i] : c.centre) * 100;
        centre->append(i - 0.5, v);
        centre->append(i + 0.5, v);
    }
    auto *line = styledLine(m_theme.series(0), px(5), px(12));
    for (int i = 0; i < n; ++i)
        line->append(i, c.p[i] * 100);
    for (QLineSeries *s : {upper, lower, centre, line})
        chart->addSeries(s);
    attachIndexAxis(chart, -0.5, n - 0.5, {upper, lower, centre, line});
    attachValueAxis(chart, m_y, Qt::AlignLeft, {upper, lower, centre, line});
    drawAxisTitle(m_y, false);
    drawBaseline(m_plot.bottom());
    drawCategories(cats, m_plot.bottom());
    drawTarget(m_y);
    drawGaps(m_plot.top(), m_plot.bottom());
    drawRestarts(c.phaseStarts, m_plot.top(), m_plot.bottom());
    const QFont f = font(22);
    addLabel(QObject::tr("UCL %1").arg(formatValue(c.upper.last() * 100, ValueUnit::Percent, false)), f,
             m_theme.mutedText, QPointF(m_plot.right() + px(10), yPx(c.upper.last() * 100)),
             Qt::AlignLeft | Qt::AlignVCenter);
    addLabel(QObject::tr("LCL %1").arg(formatValue(c.lower.last() * 100, ValueUnit::Percent, false)), f,
             m_theme.mutedText, QPointF(m_plot.right() + px(10), yPx(c.lower.last() * 100)),
             Qt::AlignLeft | Qt::AlignVCenter);
    addLabel(QObject::tr("p̄ %1").arg(formatValue(c.centre * 100, ValueUnit::Percent, false)), f, m_theme.mutedText,
             QPointF(m_plot.right() + px(10), yPx(c.centre * 100)), Qt::AlignLeft | Qt::AlignVCenter);
    if (c.baselineLast < n - 1) {
        const double x = (xPx(c.baselineLast) + xPx(c.baselineLast + 1)) / 2;
        m_scene->addLine(QLineF(x, m_plot.top(), x, m_plot.bottom()), QPen(m_theme.axis, px(2), Qt::DotLine))
            ->setZValue(15);
        addLabel(QObject::tr("baseline"), font(20), m_theme.mutedText, QPointF(x - px(8), m_plot.top()),
                 Qt::AlignRight | Qt::AlignTop);
    }
    // Signals: filled for a point beyond a limit, a ring for runs and trends.
    for (const stats::ControlSignal &s : c.signals) {
        for (int i = s.first; i <= s.last; ++i) {
            const QPointF at(xPx(i), yPx(c.p[i] * 100));
            const double r = px(s.rule == stats::SignalRule::BeyondLimit ? 13 : 16);
            if (s.rule == stats::SignalRule::BeyondLimit)
                m_scene->addEllipse(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt::NoPen, m_theme.bad)
                    ->setZValue(25);
            else
                m_scene->addEllipse(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), QPen(m_theme.bad, px(3)))
                    ->setZValue(25);
        }
        if (s.rule == stats::SignalRule::BeyondLimit)
            drawPointLabel(QPointF(xPx(s.last), yPx(c.p[s.last] * 100)),
                           formatValue(c.p[s.last] * 100, ValueUnit::Percent, false), m_theme.bad, s.high);
    }
    if (m_spec.labels && n <= 24)
        for (int i = 0; i < n; ++i)
            drawPointLabel(QPointF(xPx(i), yPx(c.p[i] * 100)), formatValue(c.p[i] * 100, ValueUnit::Percent, false),
                           m_theme.series(0));
    if (m_spec.annotation) {
        const int i = int(m_data.categories.indexOf(m_spec.annotation->row));
        if (i >= 0)
            drawAnnotation(QPointF(xPx(i), yPx(c.p[i] * 100)), m_spec.annotation->text);
    }
}

void ChartBuilder::buildXmr()
{
    const stats::XmrChart &c = *m_data.xmr;
    const int n = int(m_data.categories.size());
    const ChartMeasureInfo &measure = m_data.measures.first();
    QStringList notes = m_data.notes;
    notes << signalSentence(c.signals, m_data.displayCategories);
    frame({}, notes);

    const bool phased = c.centres.size() == n;
    double lo = c.lower, hi = c.upper;
    for (double v : c.x) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    for (int i = 0; phased && i < n; ++i) {
        lo = std::min(lo, c.lowers[i]);
        hi = std::max(hi, c.uppers[i]);
    }
    if (m_spec.target) {
        lo = std::min(lo, *m_spec.target);
        hi = std::max(hi, *m_spec.target);
    }
    const Axis xAxis = makeAxis(lo, hi, measure.unit, false, axisTitleFor(measure), 5);
    double rhi = c.rangeUpper;
    for (int i = 0; phased && i < n; ++i)
        rhi = std::max(rhi, c.rangeUppers[i]);
    for (double v : c.movingRange)
        if (!std::isnan(v))
            rhi = std::max(rhi, v);
    const Axis rAxis = makeAxis(0, rhi, measure.unit == ValueUnit::Percent ? ValueUnit::Points : measure.unit, true,
                                QObject::tr("Moving range"), 3);
    const QFontMetricsF fm(font(22));
    const double left =
        std::max(axisTitleWidth(xAxis) + xAxis.labelWidth, axisTitleWidth(rAxis) + rAxis.labelWidth) + px(16);
    const double right = std::max(rightLabelRoom(), fm.horizontalAdvance(QStringLiteral("UNPL 100.0")) + px(20));
    const CategoryLayout cats =
        layoutCategories(m_data.displayCategories, (m_region.width() - left - right) / std::max(1, n));
    const QRectF whole = plotRect(left, right, cats.height);
    const double gap = px(72);
    const QRectF top(whole.left(), whole.top(), whole.width(), (whole.height() - gap) * 0.68);
    const QRectF bottom(whole.left(), top.bottom() + gap, whole.width(), whole.height() - gap - top.height());
    const QFont f = font(22);

    // The X chart.
    m_plot = top;
    m_y = xAxis;
    QChart *chart = makeChart(top);
    auto *upper = styledLine(m_theme.mutedText, px(3), 0, Qt::DashLine);
    auto *lower = styledLine(m_theme.mutedText, px(3), 0, Qt::DashLine);
    auto *centre = styledLine(m_theme.mutedText, px(2.5), 0);
    for (QLineSeries *s : {upper, lower, centre})
        for (int i = 0; i < n; ++i) {
            const double v = s == upper   ? (phased ? c.uppers[i] : c.upper)
                             : s == lower ? (phased ? c.lowers[i] : c.lower)
                                          : (phased ? c.centres[i] : c.centre);
            s->append(i - 0.5, v);
            s->append(i + 0.5, v);
        }
    auto *line = styledLine(m_theme.series(0), px(5), px(12));
    for (int i = 0; i < n; ++i)
        line->append(i, c.x[i]);
    for (QLineSeries *s : {upper, lower, centre, line})
        chart->addSeries(s);
    attachIndexAxis(chart, -0.5, n - 0.5, {upper, lower, centre, line});
    attachValueAxis(chart, xAxis, Qt::AlignLeft, {upper, lower, centre, line});
    drawAxisTitle(xAxis, false);
    drawBaseline(top.bottom());
    drawGaps(top.top(), top.bottom());
    drawRestarts(c.phaseStarts, top.top(), bottom.bottom());
    drawTarget(xAxis);
    addLabel(QObject::tr("UNPL %1").arg(formatValue(c.upper, measure.unit, false)), f, m_theme.mutedText,
             QPointF(top.right() + px(10), yPx(c.upper)), Qt::AlignLeft | Qt::AlignVCenter);
    addLabel(QObject::tr("LNPL %1").arg(formatValue(c.lower, measure.unit, false)), f, m_theme.mutedText,
             QPointF(top.right() + px(10), yPx(c.lower)), Qt::AlignLeft | Qt::AlignVCenter);
    addLabel(QObject::tr("x̄ %1").arg(formatValue(c.centre, measure.unit, false)), f, m_theme.mutedText,
             QPointF(top.right() + px(10), yPx(c.centre)), Qt::AlignLeft | Qt::AlignVCenter);
    for (const stats::ControlSignal &s : c.signals) {
        if (s.rule == stats::SignalRule::RangeBeyondLimit)
            continue;
        for (int i = s.first; i <= s.last; ++i) {
            const QPointF at(xPx(i), yPx(c.x[i]));
            const double r = px(s.rule == stats::SignalRule::BeyondLimit ? 13 : 16);
            if (s.rule == stats::SignalRule::BeyondLimit)
                m_scene->addEllipse(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt::NoPen, m_theme.bad)
                    ->setZValue(25);
            else
                m_scene->addEllipse(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), QPen(m_theme.bad, px(3)))
                    ->setZValue(25);
        }
        if (s.rule == stats::SignalRule::BeyondLimit)
            drawPointLabel(QPointF(xPx(s.last), yPx(c.x[s.last])), formatValue(c.x[s.last], measure.unit, false),
                           m_theme.bad, s.high);
    }
    if (m_spec.labels && n <= 24)
        for (int i = 0; i < n; ++i)
            drawPointLabel(QPointF(xPx(i), yPx(c.x[i])), formatValue(c.x[i], measure.unit, false), m_theme.series(0));
    if (c.baselineLast < n - 1) {
        const double x = (xPx(c.baselineLast) + xPx(c.baselineLast + 1)) / 2;
        m_scene->addLine(QLineF(x, top.top(), x, bottom.bottom()), QPen(m_theme.axis, px(2), Qt::DotLine))
            ->setZValue(15);
        addLabel(QObject::tr("baseline"), font(20), m_theme.mutedText, QPointF(x - px(8), top.top()),
                 Qt::AlignRight | Qt::AlignTop);
    }
    if (m_spec.annotation) {
        const int i = int(m_data.categories.indexOf(m_spec.annotation->row));
        if (i >= 0)
            drawAnnotation(QPointF(xPx(i), yPx(c.x[i])), m_spec.annotation->text);
    }

    // The moving-range chart.
    m_plot = bottom;
    m_y = rAxis;
    QChart *ranges = makeChart(bottom);
    // One line per phase: a moving range across a version change is not one.
    QList<QLineSeries *> rangeLines;
    for (int i = 1; i < n; ++i) {
        if (std::isnan(c.movingRange[i]))
            continue;
        if (rangeLines.isEmpty() || c.phaseStarts.contains(i - 1))
            rangeLines << styledLine(m_theme.series(0), px(4), px(11));
        rangeLines.last()->append(i, c.movingRange[i]);
    }
    auto *url = styledLine(m_theme.mutedText, px(3), 0, Qt::DashLine);
    auto *mean = styledLine(m_theme.mutedText, px(2.5), 0);
    for (int i = 0; i < n; ++i) {
        url->append(i - 0.5, phased ? c.rangeUppers[i] : c.rangeUpper);
        url->append(i + 0.5, phased ? c.rangeUppers[i] : c.rangeUpper);
        mean->append(i - 0.5, phased ? c.meanMovingRanges[i] : c.meanMovingRange);
        mean->append(i + 0.5, phased ? c.meanMovingRanges[i] : c.meanMovingRange);
    }
    QList<QAbstractSeries *> rangeSeries{url, mean};
    for (QLineSeries *line : std::as_const(rangeLines))
        rangeSeries << line;
    for (QAbstractSeries *s : std::as_const(rangeSeries))
        ranges->addSeries(s);
    attachIndexAxis(ranges, -0.5, n - 0.5, rangeSeries);
    attachValueAxis(ranges, rAxis, Qt::AlignLeft, rangeSeries);
    drawAxisTitle(rAxis, false);
    drawBaseline(bottom.bottom());
    addLabel(QObject::tr("URL %1").arg(formatValue(c.rangeUpper, rAxis.unit, false)), f, m_theme.mutedText,
             QPointF(bottom.right() + px(10), yPx(c.rangeUpper)), Qt::AlignLeft | Qt::AlignVCenter);
    addLabel(QObject::tr("mR̄ %1").arg(formatValue(c.meanMovingRange, rAxis.unit, false)), f, m_theme.mutedText,
             QPointF(bottom.right() + px(10), yPx(c.meanMovingRange)), Qt::AlignLeft | Qt::AlignVCenter);
    for (const stats::ControlSignal &s : c.signals)
        if (s.rule == stats::SignalRule::RangeBeyondLimit) {
            const QPointF at(xPx(s.first), yPx(c.movingRange[s.first]));
            const double r = px(12);
            m_scene->addEllipse(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt::NoPen, m_theme.bad)->setZValue(25);
        }
    drawCategories(cats, bottom.bottom());
}

// Where the limits restart (a scorecard version change, or the period the user chose): a solid
// rule and its label.
void ChartBuilder::drawRestarts(const QList<int> &starts, double top, double bottom)
{
    for (int k = 1; k < starts.size(); ++k) {
        const double x = (xPx(starts[k] - 1) + xPx(starts[k])) / 2;
        m_scene->addLine(QLineF(x, top, x, bottom), QPen(m_theme.axis, px(2.5), Qt::SolidLine))->setZValue(15);
        addLabel(starts[k] == m_data.chosenRestart ? QObject::tr("limits restart")
                                                   : QObject::tr("new scorecard version:\nlimits restart"),
                 font(20), m_theme.mutedText,
                 QPointF(x + px(8), top), Qt::AlignLeft | Qt::AlignTop);
    }
}

} // namespace ql

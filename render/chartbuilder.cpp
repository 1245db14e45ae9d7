// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartbuilder.h"

#include <QCategoryAxis>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsItemGroup>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QLocale>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ql {

namespace {

const QLocale &english()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}

double niceStep(double range, int maxTicks)
{
    if (range <= 0)
        return 1;
    const double raw = range / std::max(1, maxTicks);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / mag;
    const double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
    return nice * mag;
}

} // namespace

ChartBuilder::ChartBuilder(QGraphicsScene *scene, const ChartSpec &spec, const ChartData &data, const ChartTheme &theme,
                           QSizeF size)
    : m_scene(scene), m_spec(spec), m_data(data), m_theme(theme), m_size(size),
      m_s(std::min(size.height() / 1080.0, size.width() / 1440.0))
{
}

void ChartBuilder::build()
{
    switch (m_spec.type) {
    case ChartType::Bar:
    case ChartType::StackedBar:
    case ChartType::StackedBar100:
        buildBars();
        break;
    case ChartType::Combo:
        buildCombo();
        break;
    case ChartType::Pareto:
        buildPareto();
        break;
    case ChartType::Line:
        buildLine();
        break;
    case ChartType::PChart:
        buildPChart();
        break;
    case ChartType::Xmr:
        buildXmr();
        break;
    case ChartType::Box:
        buildBox();
        break;
    case ChartType::Scatter:
        buildScatter();
        break;
    case ChartType::Heatmap:
        buildHeatmap();
        break;
    case ChartType::Funnel:
        buildFunnel();
        break;
    case ChartType::Waterfall:
        if (m_data.waterfall) {
            buildWaterfall();
        } else {
            frame({}, {});
            addText(QObject::tr("This waterfall has no analysis to draw."), font(30), m_theme.mutedText, m_region,
                    Qt::AlignCenter);
        }
        break;
    }
}

QFont ChartBuilder::font(double px1080, int weight) const
{
    QFont f(m_theme.fontFamily);
    f.setPixelSize(std::max(6, int(std::lround(px1080 * m_s))));
    f.setWeight(QFont::Weight(weight));
    f.setStyleStrategy(QFont::PreferAntialias);
    return f;
}

QStringList ChartBuilder::wrap(const QString &text, const QFont &f, double width) const
{
    const QFontMetricsF fm(f);
    QStringList out;
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        QString line;
        // Words too wide for the line may break after a hyphen ("Customer-" / "caused").
        QStringList words;
        for (const QString &word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (fm.horizontalAdvance(word) <= width || !word.contains(QLatin1Char('-'))) {
                words << word;
                continue;
            }
            const QStringList parts = word.split(QLatin1Char('-'));
            for (int k = 0; k < parts.size(); ++k)
                words << (k + 1 < parts.size() ? parts[k] + QLatin1Char('-') : parts[k]);
        }
        for (const QString &word : words) {
            const bool glued = line.endsWith(QLatin1Char('-'));
            const QString candidate = line.isEmpty() ? word : glued ? line + word : line + QLatin1Char(' ') + word;
            if (!line.isEmpty() && fm.horizontalAdvance(candidate) > width) {
                out << line;
                line = word;
            } else {
                line = candidate;
            }
        }
        out << line;
    }
    return out;
}

QRectF ChartBuilder::addText(const QString &text, const QFont &f, const QColor &colour, const QRectF &box,
                             Qt::Alignment align, double z)
{
    const QStringList lines = wrap(text, f, box.width());
    const QFontMetricsF fm(f);
    const double lineHeight = fm.lineSpacing();
    const double total = lineHeight * double(lines.size());
    double y = box.top();
    if (align & Qt::AlignBottom)
        y = box.bottom() - total;
    else if (align & Qt::AlignVCenter)
        y = box.center().y() - total / 2;
    QRectF used;
    for (const QString &line : lines) {
        auto *item = m_scene->addSimpleText(line, f);
        item->setBrush(colour);
        item->setZValue(z);
        const double w = fm.horizontalAdvance(line);
        double x = box.left();
        if (align & Qt::AlignRight)
            x = box.right() - w;
        else if (align & Qt::AlignHCenter)
            x = box.center().x() - w / 2;
        item->setPos(x, y);
        used = used.united(QRectF(x, y, w, lineHeight));
        y += lineHeight;
    }
    return used;
}

QGraphicsItem *ChartBuilder::addLabel(const QString &text, const QFont &f, const QColor &colour, QPointF anchor,
                                      Qt::Alignment align, double z, double angle)
{
    const QFontMetricsF fm(f);
    const QStringList lines = text.split(QLatin1Char('\n'));
    double width = 0;
    for (const QString &l : lines)
        width = std::max(width, fm.horizontalAdvance(l));
    const double height = fm.lineSpacing() * double(lines.size());
    auto *group = new QGraphicsItemGroup;
    m_scene->addItem(group);
    double y = 0;
    for (const QString &l : lines) {
        auto *item = new QGraphicsSimpleTextItem(l);
        item->setFont(f);
        item->setBrush(colour);
        const double w = fm.horizontalAdvance(l);
        const double x = (align & Qt::AlignRight) ? width - w : (align & Qt::AlignHCenter) ? (width - w) / 2 : 0;
        item->setPos(x, y);
        group->addToGroup(item);
        y += fm.lineSpacing();
    }
    QPointF offset(0, 0);
    if (align & Qt::AlignRight)
        offset.setX(width);
    else if (align & Qt::AlignHCenter)
        offset.setX(width / 2);
    if (align & Qt::AlignBottom)
        offset.setY(height);
    else if (align & Qt::AlignVCenter)
        offset.setY(height / 2);
    group->setPos(anchor - offset);
    group->setZValue(z);
    if (angle != 0) {
        group->setTransformOriginPoint(offset);
        group->setRotation(angle);
    }
    return group;
}

void ChartBuilder::drawLegend(const QList<LegendEntry> &entries, double top, double *bottom)
{
    const QFont f = font(24);
    const QFontMetricsF fm(f);
    const double swatch = px(26);
    const double gap = px(10);
    const double spacing = px(34);
    double x = px(72);
    double y = top;
    const double right = m_size.width() - px(72);
    for (const LegendEntry &e : entries) {
        const double w = swatch + gap + fm.horizontalAdvance(e.name);
        if (x + w > right && x > px(72)) {
            x = px(72);
            y += fm.lineSpacing() * 1.2;
        }
        const double cy = y + fm.lineSpacing() / 2;
        switch (e.shape) {
        case LegendEntry::Box:
        case LegendEntry::Band:
            m_scene->addRect(QRectF(x, cy - swatch / 2, swatch, swatch), Qt::NoPen, e.colour)->setZValue(30);
            break;
        case LegendEntry::Line:
        case LegendEntry::Dashed: {
            QPen pen(e.colour, px(5), e.shape == LegendEntry::Dashed ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap);
            m_scene->addLine(QLineF(x, cy, x + swatch, cy), pen)->setZValue(30);
            m_scene->addEllipse(QRectF(x + swatch / 2 - px(6), cy - px(6), px(12), px(12)), Qt::NoPen, e.colour)
                ->setZValue(31);
            break;
        }
        case LegendEntry::Dot:
            m_scene->addEllipse(QRectF(x + swatch / 2 - px(9), cy - px(9), px(18), px(18)), Qt::NoPen, e.colour)
                ->setZValue(30);
            break;
        }
        addLabel(e.name, f, m_theme.text, QPointF(x + swatch + gap, y), Qt::AlignLeft | Qt::AlignTop);
        x += w + spacing;
    }
    *bottom = y + fm.lineSpacing();
}

void ChartBuilder::frame(const QList<LegendEntry> &legend, const QStringList &notes)
{
    const double margin = px(72);
    double top = px(52);
    double titleRight = m_size.width() - margin;
    if (!m_theme.logo.isNull()) {
        const double h = px(72);
        const QPixmap logo =
            QPixmap::fromImage(m_theme.logo.scaledToHeight(int(std::lround(h * 2)), Qt::SmoothTransformation));
        auto *item = m_scene->addPixmap(logo);
        item->setTransformationMode(Qt::SmoothTransformation);
        item->setScale(h / logo.height());
        const double w = logo.width() * h / logo.height();
        item->setPos(m_size.width() - margin - w, top);
        titleRight -= w + px(24);
    }
    const QRectF titleBox(margin, top, titleRight - margin, m_size.height());
    if (!m_spec.title.isEmpty())
        top = addText(m_spec.title, font(46, QFont::Bold), m_theme.text, titleBox, Qt::AlignLeft | Qt::AlignTop)
                  .bottom() +
              px(8);
    if (!m_spec.subtitle.isEmpty())
        top = addText(m_spec.subtitle, font(30), m_theme.mutedText,
                      QRectF(margin, top, titleRight - margin, m_size.height()), Qt::AlignLeft | Qt::AlignTop)
                  .bottom();
    if (legend.size() > 1) {
        top += px(18);
        drawLegend(legend, top, &top);
    }
    double bottom = m_size.height() - px(40);
    if (m_spec.footnote) {
        QString text = m_data.footnote();
        if (!notes.isEmpty())
            text += QLatin1Char('\n') + notes.join(QStringLiteral(" · "));
        const QRectF used =
            addText(text, font(20), m_theme.mutedText, QRectF(margin, 0, m_size.width() - 2 * margin, bottom),
                    Qt::AlignLeft | Qt::AlignBottom);
        bottom = used.top();
    }
    m_region = QRectF(margin, top + px(28), m_size.width() - 2 * margin, bottom - top - px(28) - px(26));
}

ChartBuilder::Axis ChartBuilder::makeAxis(double lo, double hi, ValueUnit unit, bool fromZero, const QString &title,
                                          int maxTicks) const
{
    Axis a;
    a.unit = unit;
    a.title = title;
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    if (fromZero) {
        lo = std::min(0.0, lo);
        hi = std::max(0.0, hi);
    }
    if (hi - lo < 1e-9) {
        const double pad = std::max(1.0, std::fabs(hi) * 0.1);
        lo -= fromZero && lo >= 0 ? 0 : pad;
        hi += pad;
    }
    const bool percent = unit == ValueUnit::Percent;
    const bool bounded = percent || unit == ValueUnit::Points;
    // Headroom above the data (and below it when the axis does not start at 0).
    const double range = hi - lo;
    double top = hi + range * 0.06;
    double bottom = fromZero && lo >= 0 ? lo : lo - range * 0.06;
    if (bounded) {
        if (hi <= 100 && top > 100)
            top = 100;
        if (lo >= 0 && bottom < 0)
            bottom = 0;
    }
    a.step = niceStep(top - bottom, maxTicks);
    if (unit == ValueUnit::Count)
        a.step = std::max(1.0, a.step);
    a.min = std::floor(bottom / a.step + 1e-9) * a.step;
    a.max = std::ceil(top / a.step - 1e-9) * a.step;
    if (bounded && hi <= 100 && a.max > 100)
        a.max = 100;
    const QFontMetricsF fm(font(24));
    for (int k = 0;; ++k) {
        const double t = a.min + k * a.step;
        if (t > a.max + a.step * 1e-6)
            break;
        a.ticks << t;
        a.labels << formatValue(t, unit, true, a.step);
        a.labelWidth = std::max(a.labelWidth, fm.horizontalAdvance(a.labels.last()));
    }
    return a;
}

QString ChartBuilder::formatLevel(double v, ValueUnit unit) const
{
    // A target or a limit the user typed: 85, not 85.0.
    if (std::fabs(v - std::round(v)) < 1e-9)
        return formatValue(v, unit, true, 1);
    return formatValue(v, unit, false);
}

QString ChartBuilder::formatValue(double v, ValueUnit unit, bool axis, double step) const
{
    if (std::isnan(v))
        return QStringLiteral("–");
    if (std::fabs(v) < 1e-12)
        v = 0;
    int decimals = 1;
    if (axis)
        decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
    QString text;
    switch (unit) {
    case ValueUnit::Count:
        text = english().toString(v, 'f', axis ? decimals : (std::fabs(v - std::round(v)) < 1e-9 ? 0 : 1));
        break;
    case ValueUnit::Percent:
        text = english().toString(v, 'f', decimals) + QLatin1Char('%');
        break;
    case ValueUnit::Points:
        text = english().toString(v, 'f', decimals);
        break;
    case ValueUnit::Number:
        text = english().toString(v, 'f', axis ? decimals : (std::fabs(v) >= 10 ? 1 : 2));
        break;
    }
    if (v < 0)
        text.replace(0, 1, QChar(0x2212));
    return text;
}

QChart *ChartBuilder::makeChart(const QRectF &plot)
{
    auto *chart = new QChart;
    m_scene->addItem(chart);
    chart->setGeometry(QRectF(QPointF(0, 0), m_size));
    chart->setBackgroundVisible(false);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setDropShadowEnabled(false);
    chart->setBackgroundRoundness(0);
    chart->legend()->hide();
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setPlotArea(plot);
    chart->setZValue(0);
    return chart;
}

void ChartBuilder::attachValueAxis(QChart *chart, const Axis &a, Qt::Alignment side,
                                   const QList<QAbstractSeries *> &series)
{
    auto *axis = new QCategoryAxis;
    axis->setStartValue(a.min);
    for (int k = 0; k < a.ticks.size(); ++k)
        axis->append(a.labels[k], a.ticks[k]);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setRange(a.min, a.max);
    axis->setLabelsFont(font(24));
    axis->setLabelsColor(m_theme.mutedText);
    axis->setLineVisible(false);
    axis->setTruncateLabels(false);
    const bool primary = side == Qt::AlignLeft || side == Qt::AlignBottom;
    axis->setGridLineVisible(primary);
    axis->setGridLinePen(QPen(m_theme.grid, std::max(1.0, px(1.5))));
    chart->addAxis(axis, side);
    for (QAbstractSeries *s : series)
        s->attachAxis(axis);
}

void ChartBuilder::attachIndexAxis(QChart *chart, double min, double max, const QList<QAbstractSeries *> &series)
{
    auto *axis = new QValueAxis;
    axis->setRange(min, max);
    axis->setVisible(false);
    chart->addAxis(axis, Qt::AlignBottom);
    for (QAbstractSeries *s : series)
        s->attachAxis(axis);
    m_xMin = min;
    m_xMax = max;
}

double ChartBuilder::yPx(double v, const Axis &axis) const
{
    return m_plot.bottom() - (v - axis.min) / (axis.max - axis.min) * m_plot.height();
}

double ChartBuilder::xPx(double index) const
{
    return m_plot.left() + (index - m_xMin) / (m_xMax - m_xMin) * m_plot.width();
}

double ChartBuilder::slotWidth() const
{
    return m_plot.width() / (m_xMax - m_xMin);
}

double ChartBuilder::axisTitleWidth(const Axis &axis) const
{
    return axis.title.isEmpty() ? 0 : QFontMetricsF(font(24)).lineSpacing() + px(12);
}

void ChartBuilder::drawAxisTitle(const Axis &axis, bool right)
{
    if (axis.title.isEmpty())
        return;
    const QFont f = font(24);
    const double x = right ? m_region.right() : m_region.left();
    addLabel(axis.title, f, m_theme.mutedText, QPointF(x, m_plot.center().y()), Qt::AlignHCenter | Qt::AlignTop, 30,
             right ? 90 : -90);
}

ChartBuilder::CategoryLayout ChartBuilder::layoutCategories(const QStringList &labels, double slot) const
{
    CategoryLayout layout;
    const double room = slot * 0.94;
    for (double size : {24.0, 22.0}) {
        const QFont f = font(size);
        const QFontMetricsF fm(f);
        bool fits = true;
        int most = 1;
        QList<QStringList> lines;
        for (const QString &label : labels) {
            const QStringList l = wrap(label, f, room);
            for (const QString &line : l)
                if (fm.horizontalAdvance(line) > room)
                    fits = false;
            most = std::max(most, int(l.size()));
            lines << l;
        }
        if (fits && most <= 3) {
            layout.lines = lines;
            layout.font = f;
            layout.height = fm.lineSpacing() * most + px(12);
            return layout;
        }
    }
    // Turned labels, every k-th when even those would overlap; never cut.
    layout.font = font(22);
    layout.angle = -40;
    const QFontMetricsF fm(layout.font);
    const double across = slot * std::sin(40.0 * M_PI / 180.0);
    layout.every = std::max(1, int(std::ceil(fm.lineSpacing() * 1.05 / std::max(1.0, across))));
    double widest = 0;
    for (const QString &label : labels) {
        layout.lines << QStringList{label};
        widest = std::max(widest, fm.horizontalAdvance(label));
    }
    layout.height = widest * std::sin(40.0 * M_PI / 180.0) + fm.lineSpacing() + px(16);
    return layout;
}

void ChartBuilder::drawCategories(const CategoryLayout &layout, double top)
{
    for (int i = 0; i < layout.lines.size(); i += layout.every) {
        const QString text = layout.lines[i].join(QLatin1Char('\n'));
        if (layout.angle == 0)
            addLabel(text, layout.font, m_theme.text, QPointF(xPx(i), top + px(10)), Qt::AlignHCenter | Qt::AlignTop);
        else
            addLabel(text, layout.font, m_theme.text, QPointF(xPx(i) + px(6), top + px(8)),
                     Qt::AlignRight | Qt::AlignTop, 30, layout.angle);
    }
}

void ChartBuilder::drawBaseline(double y)
{
    m_scene->addLine(QLineF(m_plot.left(), y, m_plot.right(), y), QPen(m_theme.axis, px(2), Qt::SolidLine, Qt::FlatCap))
        ->setZValue(5);
}

void ChartBuilder::drawGaps(double top, double bottom)
{
    for (int i : m_data.gapsBefore) {
        const double x = (xPx(i - 1) + xPx(i)) / 2;
        m_scene->addLine(QLineF(x, top, x, bottom), QPen(m_theme.mutedText, px(2), Qt::DashDotLine))->setZValue(15);
        addLabel(QObject::tr("gap"), font(20), m_theme.mutedText, QPointF(x + px(6), bottom - px(6)),
                 Qt::AlignLeft | Qt::AlignBottom);
    }
}

void ChartBuilder::drawHorizontal(double value, const Axis &axis, const QColor &colour, Qt::PenStyle style,
                                  double width, const QString &label, bool labelRight)
{
    if (value < axis.min || value > axis.max)
        return;
    const double y = yPx(value, axis);
    QPen pen(colour, width, style, Qt::FlatCap);
    m_scene->addLine(QLineF(m_plot.left(), y, m_plot.right(), y), pen)->setZValue(20);
    if (!label.isEmpty()) {
        if (labelRight)
            addLabel(label, font(22), colour, QPointF(m_plot.right() + px(10), y), Qt::AlignLeft | Qt::AlignVCenter);
        else {
            // Inside the plot the label may sit over bars: give it a ground of its own.
            const QFont f = font(22);
            const QFontMetricsF fm(f);
            const QRectF box(m_plot.right() - px(10) - fm.horizontalAdvance(label), y - px(8) - fm.lineSpacing(),
                             fm.horizontalAdvance(label) + px(8), fm.lineSpacing() + px(2));
            QColor ground = m_theme.background;
            ground.setAlphaF(0.85);
            m_scene->addRect(box, Qt::NoPen, ground)->setZValue(29);
            addLabel(label, f, colour, QPointF(m_plot.right() - px(6), y - px(7)), Qt::AlignRight | Qt::AlignBottom);
        }
    }
}

void ChartBuilder::drawTarget(const Axis &axis)
{
    if (!m_spec.target)
        return;
    drawHorizontal(*m_spec.target, axis, m_theme.target, Qt::DashLine, px(3),
                   QObject::tr("target\n%1").arg(formatLevel(*m_spec.target, axis.unit)));
}

void ChartBuilder::drawReferenceLines(const Axis &axis)
{
    for (const ChartReferenceLine &l : m_spec.referenceLines)
        if (l.axis == QLatin1String("y")) {
            // The value under the label, unless the label already says it ("CSAT 77.2%").
            const QString level = formatLevel(l.value, axis.unit);
            drawHorizontal(l.value, axis, m_theme.mutedText, Qt::DotLine, px(3),
                           l.label.isEmpty()           ? level
                           : l.label.contains(level) ? l.label
                                                     : QStringLiteral("%1\n%2").arg(l.label, level));
        }
}

double ChartBuilder::rightLabelRoom() const
{
    const QFontMetricsF fm(font(22));
    double widest = 0;
    if (m_spec.target)
        widest = std::max(widest, fm.horizontalAdvance(QStringLiteral("target")));
    for (const ChartReferenceLine &l : m_spec.referenceLines)
        if (l.axis == QLatin1String("y"))
            for (const QString &part : QStringList{l.label, QStringLiteral("100.0%")})
                widest = std::max(widest, fm.horizontalAdvance(part));
    if (m_spec.target)
        widest = std::max(widest, fm.horizontalAdvance(QStringLiteral("100.0%")));
    return widest > 0 ? widest + px(20) : px(12);
}

QRectF ChartBuilder::plotRect(double left, double right, double bottom) const
{
    return QRectF(m_region.left() + left, m_region.top() + px(8), m_region.width() - left - right,
                  m_region.height() - px(8) - bottom);
}

void ChartBuilder::drawAnnotation(QPointF point, const QString &text)
{
    const QFont f = font(24);
    const double width = px(440);
    const QStringList lines = wrap(text, f, width);
    const QFontMetricsF fm(f);
    double w = 0;
    for (const QString &l : lines)
        w = std::max(w, fm.horizontalAdvance(l));
    const double h = fm.lineSpacing() * double(lines.size());
    const bool left = point.x() > m_plot.center().x();
    const bool below = point.y() < m_plot.center().y();
    QRectF box(0, 0, w, h);
    box.moveCenter(point + QPointF(left ? -(px(170) + w / 2) : px(170) + w / 2, below ? px(120) : -px(120)));
    box.moveLeft(std::clamp(box.left(), m_plot.left() + px(8), m_plot.right() - w));
    box.moveTop(std::clamp(box.top(), m_plot.top(), m_plot.bottom() - h - px(8)));
    addText(text, f, m_theme.text, box.adjusted(0, 0, px(2), 0), Qt::AlignLeft | Qt::AlignTop, 40);
    // The arrow leaves the text's side nearest the point and stops short of it.
    const QPointF from(left ? box.right() + px(10) : box.left() - px(10), box.center().y());
    QLineF line(from, point);
    line.setLength(std::max(0.0, line.length() - px(14)));
    const QPen pen(m_theme.text, px(2.5), Qt::SolidLine, Qt::RoundCap);
    m_scene->addLine(line, pen)->setZValue(40);
    const double angle = std::atan2(line.dy(), line.dx());
    const QPointF tip = line.p2();
    const double len = px(16), spread = 0.45;
    QPolygonF head;
    head << tip << tip - QPointF(std::cos(angle - spread) * len, std::sin(angle - spread) * len)
         << tip - QPointF(std::cos(angle + spread) * len, std::sin(angle + spread) * len);
    m_scene->addPolygon(head, QPen(m_theme.text, px(1)), m_theme.text)->setZValue(40);
}

void ChartBuilder::chooseBarLabelFont(const QStringList &texts, double barWidth)
{
    m_barFontChosen = true;
    m_barFont.reset();
    for (double size : {24.0, 20.0}) {
        const QFont f = font(size, QFont::DemiBold);
        const QFontMetricsF fm(f);
        double widest = 0;
        for (const QString &t : texts)
            widest = std::max(widest, fm.horizontalAdvance(t));
        if (widest <= barWidth * 0.96) {
            m_barFont = f;
            return;
        }
    }
}

void ChartBuilder::drawBarLabel(double x, double top, double bottom, double value, ValueUnit unit, double maxWidth,
                                const QColor &fill)
{
    const QString text = formatValue(value, unit, false);
    if (m_barFontChosen && !m_barFont)
        return;
    QFont f = m_barFont.value_or(font(24, QFont::DemiBold));
    if (!m_barFontChosen && QFontMetricsF(f).horizontalAdvance(text) > maxWidth)
        f = font(20, QFont::DemiBold);
    const QFontMetricsF fm(f);
    if (!m_barFontChosen && fm.horizontalAdvance(text) > maxWidth * 1.1)
        return;
    if (bottom - top >= fm.lineSpacing() * 1.5)
        addLabel(text, f, fill.isValid() ? textOn(fill) : m_theme.onBar, QPointF(x, top + px(6)),
                 Qt::AlignHCenter | Qt::AlignTop, 35);
    else
        addLabel(text, f, m_theme.text, QPointF(x, top - px(4)), Qt::AlignHCenter | Qt::AlignBottom, 35);
}

QColor ChartBuilder::textOn(const QColor &fill)
{
    auto linear = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const double luminance =
        0.2126 * linear(fill.redF()) + 0.7152 * linear(fill.greenF()) + 0.0722 * linear(fill.blueF());
    return luminance > 0.3 ? QColor(0x1A, 0x1A, 0x1A) : QColor(0xFF, 0xFF, 0xFF);
}

bool ChartBuilder::placeLabel(const QString &text, const QFont &f, const QColor &colour, QPointF at, double gap)
{
    const QFontMetricsF fm(f);
    const QSizeF size(fm.horizontalAdvance(text), fm.lineSpacing());
    const bool rightFirst = at.x() < m_plot.center().x();
    const QList<QPointF> corners{
        rightFirst ? QPointF(at.x() + gap, at.y() - size.height() / 2)
                   : QPointF(at.x() - gap - size.width(), at.y() - size.height() / 2),
        rightFirst ? QPointF(at.x() - gap - size.width(), at.y() - size.height() / 2)
                   : QPointF(at.x() + gap, at.y() - size.height() / 2),
        QPointF(at.x() - size.width() / 2, at.y() - gap - size.height()),
        QPointF(at.x() - size.width() / 2, at.y() + gap),
    };
    for (const QPointF &corner : corners) {
        const QRectF rect(corner, size);
        if (!m_plot.contains(rect))
            continue;
        bool free = true;
        for (const QRectF &other : m_placed)
            if (other.intersects(rect)) {
                free = false;
                break;
            }
        if (!free)
            continue;
        m_placed << rect;
        addLabel(text, f, colour, corner, Qt::AlignLeft | Qt::AlignTop, 35);
        return true;
    }
    return false;
}

void ChartBuilder::drawPointLabel(QPointF at, const QString &text, const QColor &colour, bool above)
{
    addLabel(text, font(22, QFont::DemiBold), colour, at + QPointF(0, above ? -px(14) : px(14)),
             Qt::AlignHCenter | (above ? Qt::AlignBottom : Qt::AlignTop), 35);
}

} // namespace ql

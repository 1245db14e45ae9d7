// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportlayout.h"

#include "chartscene.h"
#include "charttheme.h"

#include <QFont>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ql {

namespace {

// Type sizes in points (pixel sizes on a 72-dpi page: one unit is one point).
enum class Style : quint8 { Body, Bold, Note, Table, TableBold, TableHead, H1, H2, Title, Subtitle, Running };

constexpr double margin = 56;     // left and right, points (about 20 mm)
constexpr double topMargin = 64;  // below the running header
constexpr double bottomMargin = 56;
constexpr double gap = 8;         // between blocks
constexpr double cellPadX = 4;
constexpr double cellPadY = 3;

const QColor ink(0x1A, 0x1A, 0x1A);
const QColor muted(0x55, 0x5B, 0x66);
const QColor rule(0xC9, 0xCE, 0xD6);
const QColor accent(0x00, 0x5A, 0x9C);
const QColor headFill(0xEE, 0xF2, 0xF7);
const QColor zebra(0xF8, 0xF9, 0xFB);

QColor toneColour(ReportTone tone)
{
    switch (tone) {
    case ReportTone::Good:
        return QColor(0x1B, 0x7F, 0x3B);
    case ReportTone::Watch:
        return QColor(0xA8, 0x62, 0x00);
    case ReportTone::Bad:
        return QColor(0xB3, 0x26, 0x1E);
    case ReportTone::None:
        break;
    }
    return ink;
}

struct Item
{
    enum class Type : quint8 { Text, Fill, Line, Chart };
    Type type = Type::Text;
    QRectF rect;
    QString text;
    Style style = Style::Body;
    int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    QColor colour;
    int chart = -1;
};

struct Page
{
    std::vector<Item> items;
};

} // namespace

struct ReportLayout::Private
{
    ReportDocument doc;
    QString family;
    QPageLayout layout;
    QSizeF size;
    std::vector<Page> pages;
    std::vector<std::unique_ptr<ChartScene>> charts;
    QList<QPair<QString, int>> contents; // section title, page (1-based)
    double y = 0;

    QFont font(Style style) const
    {
        QFont f(family);
        f.setHintingPreference(QFont::PreferNoHinting);
        f.setKerning(true);
        auto set = [&](int px, int weight) {
            f.setPixelSize(px);
            f.setWeight(QFont::Weight(weight));
        };
        switch (style) {
        case Style::Body:
            set(10, QFont::Normal);
            break;
        case Style::Bold:
            set(10, QFont::DemiBold);
            break;
        case Style::Note:
            set(8, QFont::Normal);
            break;
        case Style::Table:
            set(9, QFont::Normal);
            break;
        case Style::TableBold:
            set(9, QFont::DemiBold);
            break;
        case Style::TableHead:
            set(8, QFont::DemiBold);
            break;
        case Style::H1:
            set(16, QFont::DemiBold);
            break;
        case Style::H2:
            set(12, QFont::DemiBold);
            break;
        case Style::Title:
            set(30, QFont::Bold);
            break;
        case Style::Subtitle:
            set(16, QFont::Normal);
            break;
        case Style::Running:
            set(8, QFont::Normal);
            break;
        }
        return f;
    }

    double contentWidth() const { return size.width() - 2 * margin; }
    double bottom() const { return size.height() - bottomMargin; }

    double textHeight(const QString &text, Style style, double width) const
    {
        const QFontMetricsF fm(font(style));
        return fm.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
    }

    void newPage()
    {
        pages.emplace_back();
        y = topMargin;
    }
    Page &page() { return pages.back(); }
    bool fits(double h) const { return y + h <= bottom() + 0.01; }
    void ensure(double h)
    {
        if (!fits(h) && y > topMargin + 0.01)
            newPage();
    }

    void text(const QRectF &r, const QString &t, Style style, const QColor &colour,
              int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap)
    {
        Item i;
        i.type = Item::Type::Text;
        i.rect = r;
        i.text = t;
        i.style = style;
        i.colour = colour;
        i.flags = flags;
        page().items.push_back(i);
    }
    void fill(const QRectF &r, const QColor &colour)
    {
        Item i;
        i.type = Item::Type::Fill;
        i.rect = r;
        i.colour = colour;
        page().items.push_back(i);
    }
    void line(const QPointF &a, const QPointF &b, const QColor &colour)
    {
        Item i;
        i.type = Item::Type::Line;
        i.rect = QRectF(a, b);
        i.colour = colour;
        page().items.push_back(i);
    }

    void paragraph(const QString &t, Style style, const QColor &colour, double indent = 0)
    {
        const double w = contentWidth() - indent;
        const double h = textHeight(t, style, w);
        ensure(h);
        text(QRectF(margin + indent, y, w, h + 1), t, style, colour);
        y += h + gap;
    }

    void bullets(const QStringList &items)
    {
        const double indent = 14;
        for (const QString &t : items) {
            const double w = contentWidth() - indent;
            const double h = textHeight(t, Style::Body, w);
            ensure(h);
            text(QRectF(margin + 3, y, indent, h), QStringLiteral("•"), Style::Body, accent);
            text(QRectF(margin + indent, y, w, h + 1), t, Style::Body, ink);
            y += h + 4;
        }
        y += gap - 4;
    }

    // A table: column widths relative, header repeated on every page the table crosses.
    void table(const ReportTable &t)
    {
        const int columns = int(t.header.size());
        if (columns == 0)
            return;
        QList<double> widths;
        double total = 0;
        for (int c = 0; c < columns; ++c) {
            widths << (c < t.widths.size() ? t.widths[c] : 1.0);
            total += widths.last();
        }
        for (double &w : widths)
            w = w / total * contentWidth();
        auto rowHeight = [&](const QStringList &cells, Style style) {
            double h = 0;
            const Style wide = style == Style::Table ? Style::TableBold : style; // toned cells are bold
            for (int c = 0; c < columns; ++c)
                h = std::max(h, textHeight(cells.value(c), wide, widths[c] - 2 * cellPadX));
            return h + 2 * cellPadY;
        };
        const double headH = rowHeight(t.header, Style::TableHead);
        auto header = [&] {
            fill(QRectF(margin, y, contentWidth(), headH), headFill);
            double x = margin;
            for (int c = 0; c < columns; ++c) {
                const int align = (c < t.numeric.size() && t.numeric[c]) ? Qt::AlignRight : Qt::AlignLeft;
                text(QRectF(x + cellPadX, y + cellPadY, widths[c] - 2 * cellPadX, headH), t.header[c], Style::TableHead,
                     muted, align | Qt::AlignTop | Qt::TextWordWrap);
                x += widths[c];
            }
            y += headH;
            line(QPointF(margin, y), QPointF(margin + contentWidth(), y), rule);
        };
        ensure(headH + rowHeight(t.rows.value(0), Style::Table));
        header();
        for (int r = 0; r < t.rows.size(); ++r) {
            const double h = rowHeight(t.rows[r], Style::Table);
            if (!fits(h)) {
                newPage();
                header();
            }
            if (r % 2 == 1)
                fill(QRectF(margin, y, contentWidth(), h), zebra);
            double x = margin;
            for (int c = 0; c < columns; ++c) {
                const int align = (c < t.numeric.size() && t.numeric[c]) ? Qt::AlignRight : Qt::AlignLeft;
                const ReportTone tone = r < t.tones.size() && c < t.tones[r].size() ? t.tones[r][c] : ReportTone::None;
                text(QRectF(x + cellPadX, y + cellPadY, widths[c] - 2 * cellPadX, h), t.rows[r].value(c),
                     tone == ReportTone::None ? Style::Table : Style::TableBold, toneColour(tone),
                     align | Qt::AlignTop | Qt::TextWordWrap);
                x += widths[c];
            }
            y += h;
        }
        line(QPointF(margin, y), QPointF(margin + contentWidth(), y), rule);
        y += gap + 2;
    }

    void kpiTable(const QList<ReportKpi> &kpis)
    {
        ReportTable t;
        t.header = {QStringLiteral("KPI"), QStringLiteral("Value"), QStringLiteral("95% interval"), QStringLiteral("Previous"),
                    QStringLiteral("Δ"), QStringLiteral("Target"), QStringLiteral("Status")};
        t.numeric = {false, true, true, true, true, true, false};
        t.widths = {2.2, 1, 1.5, 1, 1, 1, 1.3};
        for (const ReportKpi &k : kpis) {
            const KpiValue &v = k.value;
            QString ci = QStringLiteral("–");
            if (v.ciLow && v.ciHigh)
                ci = formatReportValue(k, v.ciLow) + QStringLiteral("–") + formatReportValue(k, v.ciHigh);
            QString delta = formatReportDelta(k);
            if (v.deltaSignificant && v.delta)
                delta += QLatin1Char('*');
            t.rows << QStringList{k.label.trimmed().isEmpty() ? k.key : k.label, formatReportValue(k, v.value), ci,
                                  formatReportValue(k, v.previous), delta,
                                  v.target ? formatReportValue(k, v.target) : QStringLiteral("–"),
                                  formatReportStatus(k)};
            const ReportTone tone = reportTone(v);
            t.tones << QList<ReportTone>{ReportTone::None, tone, ReportTone::None, ReportTone::None,
                                         ReportTone::None, ReportTone::None, tone};
        }
        table(t);
    }

    void chart(const ReportChart &c, double scale = 1.0)
    {
        const double w = contentWidth();
        const double h = std::round(w * c.aspect * scale);
        ensure(h);
        const QSize pixels(int(std::round(w * 2)), int(std::round(h * 2))); // 144 dpi, the charts' own scale
        charts.push_back(std::make_unique<ChartScene>(c.spec, c.data, ChartTheme::named(c.spec.theme), pixels));
        Item i;
        i.type = Item::Type::Chart;
        i.rect = QRectF(margin, y, w, h);
        i.chart = int(charts.size()) - 1;
        page().items.push_back(i);
        y += h + gap;
    }

    // The height a block takes (the same arithmetic as laying it out, without page breaks).
    double blockHeight(const ReportBlock &b, double chartScale) const
    {
        const double w = contentWidth();
        switch (b.kind) {
        case ReportBlock::Kind::Heading:
            return textHeight(b.text, Style::H2, w) + 6;
        case ReportBlock::Kind::Paragraph:
            return textHeight(b.text, Style::Body, w) + gap;
        case ReportBlock::Kind::Note:
            return textHeight(b.text, Style::Note, w) + gap;
        case ReportBlock::Kind::Bullets: {
            double h = gap - 4;
            for (const QString &t : b.items)
                h += textHeight(t, Style::Body, w - 14) + 4;
            return h;
        }
        case ReportBlock::Kind::Chart:
            return std::round(w * b.chart.aspect * chartScale) + gap;
        case ReportBlock::Kind::KpiTable:
        case ReportBlock::Kind::Table:
        case ReportBlock::Kind::PageBreak:
            break;
        }
        return 0; // tables: not measured (a section to fit on one page has none)
    }

    // How much a fitOnePage section's charts must shrink for it to fit below its heading on a page.
    double chartScaleToFit(const ReportSection &s, double headingHeight) const
    {
        double fixed = headingHeight;
        double charts = 0;
        for (const ReportBlock &b : s.blocks) {
            if (b.kind == ReportBlock::Kind::Chart)
                charts += blockHeight(b, 1.0) - gap;
            else
                fixed += blockHeight(b, 1.0);
            if (b.kind == ReportBlock::Kind::Chart)
                fixed += gap;
        }
        const double room = bottom() - topMargin - fixed;
        if (charts <= 0 || charts <= room)
            return 1.0;
        return std::max(0.6, std::floor(room / charts * 1000) / 1000);
    }

    // The height of a whole section laid out on one page (its tables are not measured).
    double sectionHeight(const ReportSection &s, int number) const
    {
        double h = textHeight(QStringLiteral("%1  %2").arg(number).arg(s.title), Style::H1, contentWidth()) + 6 + 4 + gap;
        for (const ReportBlock &b : s.blocks)
            h += blockHeight(b, 1.0);
        return h + gap;
    }

    void section(const ReportSection &s, int number, const ReportSection *next)
    {
        const QString title = QStringLiteral("%1  %2").arg(number).arg(s.title);
        const double h = textHeight(title, Style::H1, contentWidth());
        const double chartScale = s.fitOnePage ? chartScaleToFit(s, h + 4 + gap + gap) : 1.0;
        const double area = bottom() - topMargin;
        if (s.newPage && y > topMargin + 0.01)
            newPage();
        else if (s.minRoom > 0 && !fits(s.minRoom * area))
            newPage();
        if (s.keepWithNext && next) {
            // This section and the start of the next one (its heading and a few lines) together.
            const double together = sectionHeight(s, number)
                                    + textHeight(QStringLiteral("%1  %2").arg(number + 1).arg(next->title), Style::H1,
                                                 contentWidth())
                                    + 60;
            if (together <= area)
                ensure(together);
        }
        // A heading keeps at least a few lines with it, and its opening blocks up to the first
        // chart (an introduction and its chart) when they fit on one page: never a heading alone at
        // the foot of a page with its chart on the next.
        double lead = 0;
        for (const ReportBlock &b : s.blocks) {
            if (b.kind == ReportBlock::Kind::Table || b.kind == ReportBlock::Kind::PageBreak)
                break;
            lead += blockHeight(b, chartScale);
            if (b.kind == ReportBlock::Kind::Chart)
                break;
        }
        const double opening = h + 4 + gap + std::max(60.0, lead);
        ensure(opening <= area ? opening : h + 60);
        if (y > topMargin + 0.01)
            y += 6;
        text(QRectF(margin, y, contentWidth(), h + 1), title, Style::H1, accent);
        contents << qMakePair(title, int(pages.size()));
        y += h + 4;
        line(QPointF(margin, y), QPointF(margin + contentWidth(), y), accent);
        y += gap;
        for (const ReportBlock &b : s.blocks) {
            switch (b.kind) {
            case ReportBlock::Kind::Heading: {
                const double hh = textHeight(b.text, Style::H2, contentWidth());
                ensure(hh + 50);
                y += 2;
                text(QRectF(margin, y, contentWidth(), hh + 1), b.text, Style::H2, ink);
                y += hh + 4;
                break;
            }
            case ReportBlock::Kind::Paragraph:
                paragraph(b.text, Style::Body, ink);
                break;
            case ReportBlock::Kind::Note:
                paragraph(b.text, Style::Note, muted);
                break;
            case ReportBlock::Kind::Bullets:
                bullets(b.items);
                break;
            case ReportBlock::Kind::KpiTable:
                kpiTable(b.kpis);
                break;
            case ReportBlock::Kind::Table:
                table(b.table);
                break;
            case ReportBlock::Kind::Chart:
                chart(b.chart, chartScale);
                break;
            case ReportBlock::Kind::PageBreak:
                newPage();
                break;
            }
        }
        y += gap;
    }

    void layoutAll()
    {
        pages.emplace_back(); // the title page, painted from the document and the contents
        newPage();
        for (int i = 0; i < doc.sections.size(); ++i)
            section(doc.sections.at(i), i + 1, i + 1 < doc.sections.size() ? &doc.sections.at(i + 1) : nullptr);
        if (pages.back().items.empty() && pages.size() > 2)
            pages.pop_back();
    }

    void paintTitle(QPainter *p) const
    {
        const double w = contentWidth();
        p->fillRect(QRectF(0, 0, size.width(), 10), accent);
        double ty = 150;
        auto draw = [&](const QString &t, Style style, const QColor &colour, double after) {
            if (t.isEmpty())
                return;
            p->setFont(font(style));
            p->setPen(colour);
            const QRectF r = p->boundingRect(QRectF(margin, ty, w, 1e6), Qt::TextWordWrap, t);
            p->drawText(QRectF(margin, ty, w, r.height() + 1), Qt::TextWordWrap, t);
            ty += r.height() + after;
        };
        draw(doc.organisation, Style::H2, muted, 10);
        draw(doc.title, Style::Title, ink, 8);
        draw(doc.periodTitle, Style::Subtitle, accent, 24);
        for (const QString &f : doc.titleFacts)
            draw(f, Style::Body, ink, 3);
        if (!doc.dataAsOf.isEmpty())
            draw(QStringLiteral("Data as of %1").arg(doc.dataAsOf), Style::Body, ink, 3);
        ty += 30;
        draw(QStringLiteral("Contents"), Style::H2, ink, 8);
        p->setFont(font(Style::Body));
        for (const auto &[title, page] : contents) {
            p->setPen(ink);
            p->drawText(QRectF(margin, ty, w - 40, 14), Qt::AlignLeft | Qt::AlignVCenter, title);
            p->drawText(QRectF(margin, ty, w, 14), Qt::AlignRight | Qt::AlignVCenter, QString::number(page));
            ty += 16;
        }
        p->setFont(font(Style::Running));
        p->setPen(muted);
        p->drawText(QRectF(margin, size.height() - bottomMargin + 16, w, 12), Qt::AlignLeft | Qt::AlignVCenter,
                    QStringLiteral("Made with QualityLens from the project's data; the same project and period give the same report."));
    }

    void paintRunning(QPainter *p, int index) const
    {
        const double w = contentWidth();
        p->setFont(font(Style::Running));
        p->setPen(muted);
        QStringList left;
        if (!doc.organisation.isEmpty())
            left << doc.organisation;
        left << doc.title;
        p->drawText(QRectF(margin, 28, w, 12), Qt::AlignLeft | Qt::AlignVCenter, left.join(QStringLiteral(" · ")));
        p->drawText(QRectF(margin, 28, w, 12), Qt::AlignRight | Qt::AlignVCenter, doc.periodTitle);
        p->setPen(QPen(rule, 0.6));
        p->drawLine(QPointF(margin, 44), QPointF(margin + w, 44));
        p->setPen(muted);
        const double fy = size.height() - bottomMargin + 20;
        p->drawText(QRectF(margin, fy, w, 12), Qt::AlignRight | Qt::AlignVCenter,
                    QStringLiteral("Page %1 of %2").arg(index + 1).arg(pages.size()));
        if (!doc.dataAsOf.isEmpty())
            p->drawText(QRectF(margin, fy, w, 12), Qt::AlignLeft | Qt::AlignVCenter,
                        QStringLiteral("Data as of %1").arg(doc.dataAsOf));
    }
};

ReportLayout::ReportLayout(const ReportDocument &document)
    : d(std::make_unique<Private>())
{
    d->doc = document;
    d->family = ChartTheme::named(QStringLiteral("light")).fontFamily;
    const QPageSize pageSize(document.pageSize == QLatin1String("Letter") ? QPageSize::Letter : QPageSize::A4);
    d->layout = QPageLayout(pageSize, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Point);
    d->size = pageSize.size(QPageSize::Point);
    d->layoutAll();
}

ReportLayout::~ReportLayout() = default;

int ReportLayout::pageCount() const
{
    return int(d->pages.size());
}

QList<QPair<QString, int>> ReportLayout::contents() const
{
    return d->contents;
}

QList<int> ReportLayout::chartPages() const
{
    QList<int> out(qsizetype(d->charts.size()), 0);
    for (std::size_t p = 0; p < d->pages.size(); ++p)
        for (const Item &i : d->pages[p].items)
            if (i.type == Item::Type::Chart)
                out[i.chart] = int(p) + 1;
    return out;
}

double ReportLayout::pageFill(int page) const
{
    if (page <= 0 || page >= pageCount())
        return 0;
    double lowest = topMargin;
    for (const Item &i : d->pages[std::size_t(page)].items)
        lowest = std::max(lowest, std::max(i.rect.top(), i.rect.bottom()));
    return (lowest - topMargin) / (d->bottom() - topMargin);
}

QSizeF ReportLayout::pageSize() const
{
    return d->size;
}

QPageLayout ReportLayout::pageLayout() const
{
    return d->layout;
}

void ReportLayout::paintPage(QPainter *painter, int page) const
{
    if (page < 0 || page >= pageCount())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    if (page == 0) {
        d->paintTitle(painter);
        painter->restore();
        return;
    }
    d->paintRunning(painter, page);
    for (const Item &i : d->pages[std::size_t(page)].items) {
        switch (i.type) {
        case Item::Type::Text:
            painter->setFont(d->font(i.style));
            painter->setPen(i.colour);
            painter->drawText(i.rect, i.flags, i.text);
            break;
        case Item::Type::Fill:
            painter->fillRect(i.rect, i.colour);
            break;
        case Item::Type::Line:
            painter->setPen(QPen(i.colour, 0.6));
            painter->drawLine(i.rect.topLeft(), i.rect.bottomRight());
            break;
        case Item::Type::Chart:
            d->charts[std::size_t(i.chart)]->render(painter, i.rect);
            break;
        }
    }
    painter->restore();
}

QImage ReportLayout::pageImage(int page, double dpi) const
{
    const double scale = dpi / 72.0;
    QImage image(QSize(int(std::ceil(d->size.width() * scale)), int(std::ceil(d->size.height() * scale))),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(int(std::round(dpi / 0.0254)));
    image.setDotsPerMeterY(int(std::round(dpi / 0.0254)));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(scale, scale);
    paintPage(&painter, page);
    painter.end();
    return image;
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "coachingpack.h"

#include "chartscene.h"
#include "charttheme.h"
#include "common/jobcontext.h"
#include "kpiformat.h"
#include "trendchart.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <memory>

namespace ql::CoachingPack {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("ql::CoachingPack", text, nullptr, n);
}

constexpr QSize chartSize(1600, 760);
const QColor ink(0x22, 0x22, 0x22);
const QColor muted(0x77, 0x77, 0x77);
const QColor rule(0xcc, 0xcc, 0xcc);

QFont font(int pixels, bool bold = false)
{
    QFont f(QStringLiteral("Inter"));
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(pixels);
    f.setBold(bold);
    return f;
}

// Draws one row of cells at y with the given column widths; returns the row's height.
double row(QPainter &p, double y, const QList<double> &widths, const QStringList &cells, const QFont &f,
           const QColor &colour, const QList<int> &rightAligned, double height = 20)
{
    p.setFont(f);
    p.setPen(colour);
    double x = 0;
    for (int i = 0; i < cells.size() && i < widths.size(); ++i) {
        const Qt::Alignment align = (rightAligned.contains(i) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter;
        const QRectF box(x + 3, y, widths.at(i) - 6, height);
        p.drawText(box, int(align), QFontMetricsF(f).elidedText(cells.at(i), Qt::ElideRight, box.width()));
        x += widths.at(i);
    }
    p.setPen(QPen(rule, 0.5));
    p.drawLine(QPointF(0, y + height), QPointF(x, y + height));
    return height;
}

QString countText(const KpiValue &k)
{
    return k.value ? QLocale().toString(qint64(*k.value)) : QStringLiteral("—");
}

void paintAgent(QPainter &p, const Agent &a, const Options &options, double width, double height, bool confidential)
{
    const KpiReport &r = a.report;
    double y = 0;
    p.setFont(font(10));
    p.setPen(confidential ? QColor(0xD5, 0x5E, 0x00) : muted);
    QString top = tr("Coaching pack");
    if (!options.organisation.isEmpty())
        top += QStringLiteral(" · ") + options.organisation;
    top += QStringLiteral(" · ") + (confidential ? tr("CONFIDENTIAL: combined file of a whole team, made on request")
                                                 : tr("Confidential: for %1 and their team lead").arg(a.shown));
    p.drawText(QRectF(0, y, width, 16), int(Qt::AlignLeft | Qt::AlignVCenter), top);
    y += 22;
    p.setPen(ink);
    p.setFont(font(22, true));
    p.drawText(QRectF(0, y, width, 30), int(Qt::AlignLeft | Qt::AlignVCenter), a.shown);
    y += 32;
    p.setFont(font(11));
    p.setPen(muted);
    QString sub = tr("%1 (%2 to %3), compared with %4")
                      .arg(r.period.label(), r.period.from.toString(Qt::ISODate), r.period.to.toString(Qt::ISODate),
                           r.previousPeriod.label());
    if (!r.team.isEmpty())
        sub = tr("Team %1 · ").arg(r.team) + sub;
    if (!r.scorecardVersions.isEmpty())
        sub += QStringLiteral(" · ") + r.scorecardVersions.join(QStringLiteral(", "));
    p.drawText(QRectF(0, y, width, 18), int(Qt::AlignLeft | Qt::AlignVCenter), sub);
    y += 20;
    if (!options.filters.isEmpty()) {
        // The pack follows the filter bar: every page says which filters made its numbers.
        p.setPen(ink);
        p.setFont(font(11, true));
        const QString filtered =
            tr("Filtered: %1 (every number on this page, the team compared with too)").arg(options.filters);
        p.drawText(QRectF(0, y, width, 18), int(Qt::AlignLeft | Qt::AlignVCenter),
                   QFontMetricsF(font(11, true)).elidedText(filtered, Qt::ElideRight, width));
        y += 20;
    }
    y += 8;

    // KPI table.
    const QList<double> kw{width * 0.25, width * 0.11, width * 0.19, width * 0.11, width * 0.14, width * 0.09,
                           width * 0.11};
    y += row(p, y, kw, {tr("KPI"), tr("Value"), tr("95% CI"), tr("Previous"), tr("Change"), tr("Target"), tr("Status")},
             font(11, true), ink, {1, 3, 4, 5});
    struct Line
    {
        QString label;
        const KpiValue *k;
        bool count;
    };
    const QList<Line> lines{{tr("Audits"), &r.audits, true},
                            {tr("QA score"), &r.qaScore, false},
                            {tr("Raw score"), &r.rawScore, false},
                            {tr("Pass rate"), &r.passRate, false},
                            {tr("Critical error rate"), &r.criticalRate, false},
                            {tr("CSAT %"), &r.csatPct, false},
                            {tr("CSAT responses"), &r.csatResponses, true}};
    bool anySmall = false;
    for (const Line &l : lines) {
        const KpiValue &k = *l.k;
        anySmall = anySmall || k.smallSample;
        const QString value = l.count ? countText(k) : KpiFormat::level(k.value);
        const QString previous = l.count ? (k.previous ? QLocale().toString(qint64(*k.previous)) : QStringLiteral("—"))
                                         : KpiFormat::level(k.previous);
        const QString status = k.status == KpiValue::Status::None
                                   ? QString()
                                   : KpiFormat::statusSymbol(k.status) + QLatin1Char(' ') + KpiFormat::statusText(k.status);
        y += row(p, y, kw,
                 {l.label + (k.smallSample ? tr(" (small sample)") : QString()), value,
                  l.count ? QString() : KpiFormat::range(k), previous, KpiFormat::delta(k, !l.count),
                  l.count ? QString() : KpiFormat::level(k.target), status},
                 font(11), k.smallSample ? muted : ink, {1, 3, 4, 5});
    }
    p.setFont(font(9));
    p.setPen(muted);
    p.drawText(QRectF(0, y + 2, width, 28), int(Qt::AlignLeft) | int(Qt::TextWordWrap),
               tr("Counted: official, scored, complete audits of the counted sample types. Minimum sample %1 audits, "
                  "%2 responses%3. ✱: the change is significant (p < 0.05).")
                   .arg(r.minSampleAudits)
                   .arg(r.minSampleResponses)
                   .arg(anySmall ? tr("; grey lines are below it and carry no status") : QString()));
    y += 36;

    // The trend chart, as vector drawing commands.
    const double chartHeight = width * chartSize.height() / chartSize.width();
    if (!a.chart.isNull()) {
        p.save();
        p.translate(0, y);
        p.scale(width / chartSize.width(), chartHeight / chartSize.height());
        p.drawPicture(0, 0, a.chart);
        p.restore();
    }
    y += chartHeight + 12;

    // Criteria with the largest gaps against the team.
    p.setPen(ink);
    p.setFont(font(13, true));
    p.drawText(QRectF(0, y, width, 20), int(Qt::AlignLeft | Qt::AlignVCenter),
               tr("Criteria: largest gaps against the team first (gap over its standard error)"));
    y += 24;
    const QList<double> cw{width * 0.46, width * 0.14, width * 0.08, width * 0.14, width * 0.18};
    y += row(p, y, cw, {tr("Criterion"), tr("Compliance"), tr("n"), tr("Team"), tr("Gap (pts)")}, font(11, true), ink,
             {1, 2, 3, 4});
    int shown = 0;
    const double footer = height - 20;
    for (const CriterionKpi &c : r.criteria) {
        if (shown >= 12 || y + 20 > footer - 40)
            break;
        y += row(p, y, cw,
                 {c.name.isEmpty() ? c.key : c.name, KpiFormat::level(c.compliance.value),
                  QLocale().toString(c.compliance.n), KpiFormat::level(c.teamCompliance), KpiFormat::points(c.gap)},
                 font(11), c.compliance.smallSample ? muted : ink, {1, 2, 3, 4});
        ++shown;
    }
    if (r.criteria.isEmpty()) {
        p.setFont(font(11));
        p.setPen(muted);
        p.drawText(QRectF(0, y + 2, width, 18), int(Qt::AlignLeft | Qt::AlignVCenter), tr("No rated criteria in this period."));
        y += 20;
    }
    if (!r.rootCauses.isEmpty() && y + 40 < footer) {
        QStringList causes;
        for (const RootCauseCount &c : r.rootCauses)
            causes << QStringLiteral("%1 (%2)").arg(c.name).arg(c.answers);
        p.setFont(font(11));
        p.setPen(ink);
        p.drawText(QRectF(0, y + 6, width, footer - y - 6), int(Qt::AlignLeft) | int(Qt::TextWordWrap),
                   tr("Root causes of failed answers: %1").arg(causes.join(QStringLiteral(", "))));
    }
    p.setFont(font(9));
    p.setPen(muted);
    p.drawText(QRectF(0, footer, width, 16), int(Qt::AlignLeft | Qt::AlignVCenter),
               tr("QualityLens · made %1").arg(QDateTime::currentDateTime().toString(Qt::ISODate)));
}

std::unique_ptr<QPdfWriter> pdfOn(QIODevice *device, const QString &title)
{
    auto pdf = std::make_unique<QPdfWriter>(device);
    pdf->setResolution(96);
    pdf->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                   QPageLayout::Millimeter));
    pdf->setTitle(title);
    pdf->setCreator(QStringLiteral("QualityLens"));
    return pdf;
}

} // namespace

QString fileName(const Agent &agent)
{
    QString who = agent.shown;
    who.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]+")), QStringLiteral("_"));
    return QStringLiteral("coaching-%1-%2.pdf").arg(agent.report.period.label(), who);
}

QList<Agent> collect(const QSqlDatabase &db, const KpiSlice &team, const KpiPeriod &period, NameDisplay names,
                     const QByteArray &pseudonymKey, JobContext *context, const KpiFilters &filters)
{
    QList<Agent> out;
    KpiEngine engine(db);
    engine.setFilters(filters);
    const QList<RankedMember> members = engine.ranking(team, period);
    for (int i = 0; i < members.size(); ++i) {
        if (context && context->isCanceled())
            return out;
        const RankedMember &m = members.at(i);
        if (context)
            context->setProgress(0.5 * i / members.size(), tr("Reading %1 of %2 agents").arg(i + 1).arg(members.size()));
        Agent a;
        a.key = m.key;
        a.name = m.name;
        switch (names) {
        case NameDisplay::Names:
            a.shown = m.name.isEmpty() ? m.key : QStringLiteral("%1 (%2)").arg(m.name, m.key);
            break;
        case NameDisplay::Ids:
            a.shown = m.key;
            break;
        case NameDisplay::Pseudonyms:
            a.shown = AgentNames::pseudonym(pseudonymKey, m.key);
            break;
        }
        const KpiSlice agent{KpiSlice::Kind::Agent, m.key};
        a.report = engine.report(agent, period);
        a.trend = engine.trend(agent, period, 12);
        out << a;
    }
    return out;
}

void drawCharts(QList<Agent> &agents, const QString &filters)
{
    for (Agent &a : agents) {
        if (a.trend.isEmpty())
            continue;
        ChartSpec spec;
        ChartData data;
        TrendChart::build(a.trend, QStringLiteral("%1 · %2").arg(a.shown, a.report.period.label()),
                          a.report.minSampleAudits, &spec, &data);
        data.filters = filters;
        const ChartScene chart(spec, data, ChartTheme::named(QStringLiteral("light")), chartSize);
        QPainter painter(&a.chart);
        chart.render(&painter, QRectF(QPointF(0, 0), QSizeF(chartSize)));
    }
}

Result write(const QList<Agent> &agents, const Options &options, JobContext *context)
{
    Result result;
    QList<std::shared_ptr<QSaveFile>> files;
    auto fail = [&](const QString &error) {
        for (const auto &f : std::as_const(files))
            f->cancelWriting();
        for (const QString &path : std::as_const(result.files))
            QFile::remove(path);
        result.files.clear();
        result.pages = 0;
        result.error = error;
        return result;
    };
    if (!QDir(options.folder).exists() && !options.folder.isEmpty() && !QDir().mkpath(options.folder))
        return fail(tr("the folder %1 cannot be made").arg(QDir::toNativeSeparators(options.folder)));
    const int steps = int(agents.size()) * (options.combinedPath.isEmpty() ? 1 : 2);
    int step = 0;
    auto paintTo = [&](QPdfWriter &pdf, QPainter &painter, const Agent &a, bool confidential) {
        const QRect page = pdf.pageLayout().paintRectPixels(pdf.resolution());
        paintAgent(painter, a, options, page.width(), page.height(), confidential);
    };
    if (!options.folder.isEmpty()) {
        for (const Agent &a : agents) {
            if (context && context->isCanceled())
                return fail(tr("cancelled"));
            if (context)
                context->setProgress(0.5 + 0.5 * step++ / std::max(1, steps), tr("Writing %1").arg(fileName(a)));
            const QString path = QDir(options.folder).filePath(fileName(a));
            auto file = std::make_shared<QSaveFile>(path);
            files << file;
            if (!file->open(QIODevice::WriteOnly))
                return fail(tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), file->errorString()));
            {
                QString title = tr("Coaching pack: %1, %2").arg(a.shown, a.report.period.label());
                if (!options.filters.isEmpty())
                    title += tr(" (filtered: %1)").arg(options.filters);
                auto pdf = pdfOn(file.get(), title);
                QPainter painter(pdf.get());
                paintTo(*pdf, painter, a, false);
                painter.end();
            }
            if (!file->commit())
                return fail(tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), file->errorString()));
            files.removeLast();
            result.files << path;
            ++result.pages;
        }
    }
    if (!options.combinedPath.isEmpty()) {
        auto file = std::make_shared<QSaveFile>(options.combinedPath);
        files << file;
        if (!file->open(QIODevice::WriteOnly))
            return fail(tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(options.combinedPath),
                                                          file->errorString()));
        {
            auto pdf = pdfOn(file.get(), tr("Coaching pack (confidential)"));
            QPainter painter(pdf.get());
            for (int i = 0; i < agents.size(); ++i) {
                if (context && context->isCanceled()) {
                    painter.end();
                    return fail(tr("cancelled"));
                }
                if (context)
                    context->setProgress(0.5 + 0.5 * step++ / std::max(1, steps), tr("Writing the combined file"));
                if (i > 0)
                    pdf->newPage();
                paintTo(*pdf, painter, agents.at(i), true);
            }
            painter.end();
        }
        if (!file->commit())
            return fail(tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(options.combinedPath),
                                                          file->errorString()));
        files.removeLast();
        result.files << options.combinedPath;
        result.pages += int(agents.size());
    }
    return result;
}

} // namespace ql::CoachingPack

// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportdocument.h"

#include <cmath>

#include <QLocale>

namespace ql {

QString formatReportValue(const ReportKpi &kpi, std::optional<double> value)
{
    if (!value)
        return QStringLiteral("–");
    const QLocale c = QLocale::c();
    if (kpi.count) {
        QLocale english(QLocale::English, QLocale::UnitedStates); // "4,201" on every machine
        english.setNumberOptions(QLocale::DefaultNumberOptions);
        return english.toString(qint64(std::llround(*value)));
    }
    QString text = c.toString(*value, 'f', kpi.decimals);
    if (text.startsWith(QLatin1Char('-')))
        text.replace(0, 1, QChar(0x2212));
    return kpi.percent ? text + QLatin1Char('%') : text;
}

QString formatReportDelta(const ReportKpi &kpi)
{
    if (!kpi.value.delta)
        return QStringLiteral("–");
    const double d = *kpi.value.delta;
    const QLocale c = QLocale::c();
    const int decimals = kpi.count ? 0 : kpi.decimals;
    QString text = c.toString(std::abs(d), 'f', decimals);
    const bool zero = text.toDouble() == 0;
    const QString sign = zero ? QString() : d > 0 ? QStringLiteral("+") : QString(QChar(0x2212));
    return sign + text + (kpi.count ? QString() : QStringLiteral(" pts"));
}

QString formatReportStatus(const ReportKpi &kpi)
{
    if (kpi.value.smallSample)
        return QStringLiteral("small sample");
    switch (kpi.value.status) {
    case KpiValue::Status::Good:
        return QStringLiteral("on target");
    case KpiValue::Status::Watch:
        return QStringLiteral("watch");
    case KpiValue::Status::Bad:
        return kpi.value.lowerIsBetter ? QStringLiteral("above target") : QStringLiteral("below target");
    case KpiValue::Status::None:
        break;
    }
    return {};
}

ReportTone reportTone(const KpiValue &value)
{
    if (value.smallSample)
        return ReportTone::None;
    switch (value.status) {
    case KpiValue::Status::Good:
        return ReportTone::Good;
    case KpiValue::Status::Watch:
        return ReportTone::Watch;
    case KpiValue::Status::Bad:
        return ReportTone::Bad;
    case KpiValue::Status::None:
        break;
    }
    return ReportTone::None;
}

QString reportTemplateName(ReportTemplate kind)
{
    switch (kind) {
    case ReportTemplate::MonthlyQuality:
        return QStringLiteral("monthly-quality");
    case ReportTemplate::Mbr:
        return QStringLiteral("mbr");
    case ReportTemplate::Calibration:
        return QStringLiteral("calibration");
    }
    return {};
}

QString reportTemplateTitle(ReportTemplate kind)
{
    switch (kind) {
    case ReportTemplate::MonthlyQuality:
        return QStringLiteral("Monthly Quality Report");
    case ReportTemplate::Mbr:
        return QStringLiteral("Monthly Business Review");
    case ReportTemplate::Calibration:
        return QStringLiteral("Calibration Report");
    }
    return {};
}

std::optional<ReportTemplate> reportTemplateFromName(const QString &name)
{
    for (ReportTemplate kind : allReportTemplates())
        if (reportTemplateName(kind) == name)
            return kind;
    return std::nullopt;
}

QList<ReportTemplate> allReportTemplates()
{
    return {ReportTemplate::MonthlyQuality, ReportTemplate::Mbr, ReportTemplate::Calibration};
}

ReportBlock ReportBlock::heading(const QString &text)
{
    ReportBlock b;
    b.kind = Kind::Heading;
    b.text = text;
    return b;
}

ReportBlock ReportBlock::paragraph(const QString &text)
{
    ReportBlock b;
    b.kind = Kind::Paragraph;
    b.text = text;
    return b;
}

ReportBlock ReportBlock::note(const QString &text)
{
    ReportBlock b;
    b.kind = Kind::Note;
    b.text = text;
    return b;
}

ReportBlock ReportBlock::bullets(const QStringList &items)
{
    ReportBlock b;
    b.kind = Kind::Bullets;
    b.items = items;
    return b;
}

ReportBlock ReportBlock::kpiTable(const QList<ReportKpi> &kpis)
{
    ReportBlock b;
    b.kind = Kind::KpiTable;
    b.kpis = kpis;
    return b;
}

ReportBlock ReportBlock::tableBlock(const ReportTable &table)
{
    ReportBlock b;
    b.kind = Kind::Table;
    b.table = table;
    return b;
}

ReportBlock ReportBlock::chartBlock(const ReportChart &chart)
{
    ReportBlock b;
    b.kind = Kind::Chart;
    b.chart = chart;
    return b;
}

ReportBlock ReportBlock::pageBreak()
{
    ReportBlock b;
    b.kind = Kind::PageBreak;
    return b;
}

const ReportSection *ReportDocument::section(const QString &key) const
{
    for (const ReportSection &s : sections)
        if (s.key == key)
            return &s;
    return nullptr;
}

QList<ReportKpi> ReportDocument::kpis(const QString &key) const
{
    QList<ReportKpi> out;
    for (const ReportSection &s : sections)
        for (const ReportBlock &b : s.blocks)
            if (b.kind == ReportBlock::Kind::KpiTable)
                for (const ReportKpi &k : b.kpis)
                    if (k.key == key)
                        out << k;
    return out;
}

} // namespace ql

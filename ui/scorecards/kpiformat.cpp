// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpiformat.h"

#include "scoring/scorerounding.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace ql::KpiFormat {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ql::KpiFormat", text);
}
} // namespace

QString level(const std::optional<double> &value)
{
    if (!value)
        return QStringLiteral("—");
    return QLocale().toString(formatScoreForDisplay(*value).toDouble(), 'f', 1) + QLatin1Char('%');
}

QString count(double value)
{
    return QLocale().toString(qint64(value));
}

QString interval(const KpiValue &k)
{
    if (k.ciLow && k.ciHigh) {
        QString text = tr("95% CI %1–%2").arg(level(k.ciLow).chopped(1), level(k.ciHigh));
        if (k.clipped)
            text += tr(" (clipped)");
        return text;
    }
    return k.note;
}

QString range(const KpiValue &k)
{
    if (k.ciLow && k.ciHigh)
        return QStringLiteral("%1–%2").arg(level(k.ciLow).chopped(1), level(k.ciHigh));
    return k.note;
}

QString points(const std::optional<double> &value)
{
    if (!value)
        return QStringLiteral("—");
    const double v = std::abs(*value) < 0.05 ? 0.0 : *value;
    const QString text = QLocale().toString(std::abs(v), 'f', 1);
    return v > 0 ? QStringLiteral("+") + text : v < 0 ? QStringLiteral("−") + text : text;
}

QString delta(const KpiValue &k, bool points)
{
    if (!k.delta)
        return k.previous ? QString() : tr("no previous period");
    const double d = *k.delta;
    const QString arrow = d > 0 ? QStringLiteral("▲") : d < 0 ? QStringLiteral("▼") : QStringLiteral("=");
    const QString sign = d > 0 ? QStringLiteral("+") : d < 0 ? QStringLiteral("−") : QString();
    const QString magnitude = points ? QLocale().toString(std::abs(d), 'f', 1) : QLocale().toString(qint64(std::abs(d)));
    QString text = QStringLiteral("%1 %2%3").arg(arrow, sign, magnitude);
    if (points)
        text += tr(" pts");
    if (points && k.deltaSignificant)
        text += tr(" ✱");
    return text;
}

QString statusText(KpiValue::Status status)
{
    switch (status) {
    case KpiValue::Status::Good:
        return tr("Good");
    case KpiValue::Status::Watch:
        return tr("Watch");
    case KpiValue::Status::Bad:
        return tr("Bad");
    case KpiValue::Status::None:
        break;
    }
    return {};
}

QColor statusColor(KpiValue::Status status)
{
    switch (status) {
    case KpiValue::Status::Good:
        return QColor(0x00, 0x9E, 0x73);
    case KpiValue::Status::Watch:
        return QColor(0xE6, 0x9F, 0x00);
    case KpiValue::Status::Bad:
        return QColor(0xD5, 0x5E, 0x00);
    case KpiValue::Status::None:
        break;
    }
    return QColor(0x99, 0x99, 0x99);
}

QString statusSymbol(KpiValue::Status status)
{
    switch (status) {
    case KpiValue::Status::Good:
        return QStringLiteral("●");
    case KpiValue::Status::Watch:
        return QStringLiteral("▲");
    case KpiValue::Status::Bad:
        return QStringLiteral("■");
    case KpiValue::Status::None:
        break;
    }
    return {};
}

QString filters(const KpiFilters &f)
{
    QStringList parts;
    const QList<std::pair<const char *, QStringList>> named{{"queue", f.queues},         {"channel", f.channels},
                                                           {"team", f.teams},           {"site", f.sites},
                                                           {"scorecard", f.scorecards}, {"sample_type", f.sampleTypes}};
    for (const auto &[dim, values] : named)
        if (!values.isEmpty())
            parts << QStringLiteral("%1 = %2").arg(QLatin1String(dim), values.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral("; "));
}

} // namespace ql::KpiFormat

// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpiperiod.h"

#include <algorithm>

#include <QRegularExpression>

namespace ql {

namespace {

// Monday of ISO week 1 of an ISO year: the week holding 4 January.
QDate isoWeekOne(int year)
{
    const QDate jan4(year, 1, 4);
    return jan4.addDays(1 - jan4.dayOfWeek());
}

} // namespace

KpiPeriod KpiPeriod::month(QDate day)
{
    const QDate first(day.year(), day.month(), 1);
    return {Kind::Month, first, first.addMonths(1).addDays(-1)};
}

KpiPeriod KpiPeriod::quarter(QDate day)
{
    const QDate first(day.year(), (day.month() - 1) / 3 * 3 + 1, 1);
    return {Kind::Quarter, first, first.addMonths(3).addDays(-1)};
}

KpiPeriod KpiPeriod::custom(QDate from, QDate to)
{
    return {Kind::Custom, from, to};
}

KpiPeriod KpiPeriod::lastMonths(QDate anchor, int months)
{
    const QDate first(anchor.year(), anchor.month(), 1);
    return custom(first.addMonths(-(std::max(1, months) - 1)), first.addMonths(1).addDays(-1));
}

KpiPeriod KpiPeriod::yearToDate(QDate anchor)
{
    return custom(QDate(anchor.year(), 1, 1), anchor);
}

std::optional<KpiPeriod> KpiPeriod::parse(const QString &text)
{
    static const QRegularExpression monthRe(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    static const QRegularExpression quarterRe(QStringLiteral("^(\\d{4})-Q([1-4])$"));
    static const QRegularExpression weekRe(QStringLiteral("^(\\d{4})-W(\\d{2})$"));
    static const QRegularExpression yearRe(QStringLiteral("^(\\d{4})$"));
    if (const auto m = monthRe.match(text); m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), 1);
        return d.isValid() ? std::optional(month(d)) : std::nullopt;
    }
    if (const auto m = quarterRe.match(text); m.hasMatch())
        return quarter(QDate(m.captured(1).toInt(), (m.captured(2).toInt() - 1) * 3 + 1, 1));
    if (const auto m = weekRe.match(text); m.hasMatch()) {
        const int year = m.captured(1).toInt();
        const int week = m.captured(2).toInt();
        const QDate monday = isoWeekOne(year).addDays(7 * (week - 1));
        int isoYear = 0;
        if (week < 1 || monday.weekNumber(&isoYear) != week || isoYear != year)
            return std::nullopt;
        return KpiPeriod{Kind::Week, monday, monday.addDays(6)};
    }
    if (const auto m = yearRe.match(text); m.hasMatch()) {
        const int year = m.captured(1).toInt();
        return KpiPeriod{Kind::Year, QDate(year, 1, 1), QDate(year, 12, 31)};
    }
    return std::nullopt;
}

KpiPeriod KpiPeriod::previous() const
{
    switch (kind) {
    case Kind::Week:
        return {kind, from.addDays(-7), to.addDays(-7)};
    case Kind::Month:
        return month(from.addMonths(-1));
    case Kind::Quarter:
        return quarter(from.addMonths(-3));
    case Kind::Year:
        return {kind, from.addYears(-1), from.addDays(-1)};
    case Kind::Custom: {
        const qint64 days = from.daysTo(to) + 1;
        return {kind, from.addDays(-days), from.addDays(-1)};
    }
    }
    return *this;
}

QString KpiPeriod::label() const
{
    switch (kind) {
    case Kind::Week: {
        int isoYear = 0;
        const int week = from.weekNumber(&isoYear);
        return QStringLiteral("%1-W%2").arg(isoYear).arg(week, 2, 10, QLatin1Char('0'));
    }
    case Kind::Month:
        return from.toString(QStringLiteral("yyyy-MM"));
    case Kind::Quarter:
        return QStringLiteral("%1-Q%2").arg(from.year()).arg((from.month() - 1) / 3 + 1);
    case Kind::Year:
        return QString::number(from.year());
    case Kind::Custom:
        return from.toString(Qt::ISODate) + QStringLiteral("..") + to.toString(Qt::ISODate);
    }
    return {};
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "periods.h"

namespace ql {

PeriodKeys PeriodKeys::of(QDate date)
{
    PeriodKeys k;
    if (!date.isValid())
        return k;
    int isoYear = 0;
    const int week = date.weekNumber(&isoYear);
    k.day = int(date.toJulianDay());
    k.week = isoYear * 100 + week;
    k.month = date.year() * 100 + date.month();
    k.quarter = date.year() * 10 + (date.month() - 1) / 3 + 1;
    return k;
}

namespace Periods {

QString dayLabel(int dayKey)
{
    return QDate::fromJulianDay(dayKey).toString(Qt::ISODate);
}

QString weekLabel(int weekKey)
{
    return QStringLiteral("%1-W%2").arg(weekKey / 100, 4, 10, QLatin1Char('0')).arg(weekKey % 100, 2, 10, QLatin1Char('0'));
}

QString monthLabel(int monthKey)
{
    return QStringLiteral("%1-%2").arg(monthKey / 100, 4, 10, QLatin1Char('0')).arg(monthKey % 100, 2, 10, QLatin1Char('0'));
}

QString quarterLabel(int quarterKey)
{
    return QStringLiteral("%1-Q%2").arg(quarterKey / 10, 4, 10, QLatin1Char('0')).arg(quarterKey % 10);
}

int yearOf(int monthKey)
{
    return monthKey / 100;
}

} // namespace Periods
} // namespace ql

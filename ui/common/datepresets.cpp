// SPDX-License-Identifier: GPL-3.0-or-later
#include "datepresets.h"

#include <QComboBox>
#include <QCoreApplication>

namespace ql::DatePresets {

bool isPreset(int value)
{
    return value >= ThisMonth && value <= YearToDate;
}

QString name(Preset preset)
{
    const char *text = "";
    switch (preset) {
    case ThisMonth:
        text = QT_TRANSLATE_NOOP("ql::DatePresets", "This month");
        break;
    case LastMonth:
        text = QT_TRANSLATE_NOOP("ql::DatePresets", "Last month");
        break;
    case LastThreeMonths:
        text = QT_TRANSLATE_NOOP("ql::DatePresets", "Last 3 months");
        break;
    case LastTwelveMonths:
        text = QT_TRANSLATE_NOOP("ql::DatePresets", "Last 12 months");
        break;
    case YearToDate:
        text = QT_TRANSLATE_NOOP("ql::DatePresets", "Year to date");
        break;
    }
    return QCoreApplication::translate("ql::DatePresets", text);
}

QDate anchor(QDate latest, QDate today)
{
    return latest.isValid() && latest < today ? latest : today;
}

KpiPeriod period(int preset, QDate latest, QDate today)
{
    const QDate day = anchor(latest, today);
    switch (preset) {
    case ThisMonth:
        return KpiPeriod::month(day);
    case LastMonth:
        return KpiPeriod::month(day).previous();
    case LastThreeMonths:
        return KpiPeriod::lastMonths(day, 3);
    case LastTwelveMonths:
        return KpiPeriod::lastMonths(day, 12);
    case YearToDate:
        return KpiPeriod::yearToDate(day);
    default:
        return {};
    }
}

void addTo(QComboBox *box, const QList<Preset> &presets)
{
    for (Preset p : presets)
        box->addItem(name(p), int(p));
}

} // namespace ql::DatePresets

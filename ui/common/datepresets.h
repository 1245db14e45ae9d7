// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecard/kpiperiod.h"

#include <QDate>
#include <QList>
#include <QString>

class QComboBox;

namespace ql {

// ui.md's date presets of the shared filter bar: this month, last month, the last 3 and 12 months
// and year to date, counted from the latest fact date when it is earlier than today. One place for
// the pages that offer them (the Scorecards page's Period box, the Insights page's Dates box).
namespace DatePresets {

// Values stored as the boxes' item data; apart from KpiPeriod::Kind's small numbers.
enum Preset : int { ThisMonth = 100, LastMonth, LastThreeMonths, LastTwelveMonths, YearToDate };

bool isPreset(int value);
QString name(Preset preset); // "Last 3 months", …
// The day the presets count from: `latest` when it is valid and earlier than today, else today.
QDate anchor(QDate latest, QDate today = QDate::currentDate());
// The preset's days: a month (this or last), or a custom range (the last N months: the anchor's
// month and the N − 1 whole months before it; year to date: 1 January to the anchor).
KpiPeriod period(int preset, QDate latest, QDate today = QDate::currentDate());
// Adds `presets` to `box`, each with its Preset as item data.
void addTo(QComboBox *box, const QList<Preset> &presets);

} // namespace DatePresets

} // namespace ql

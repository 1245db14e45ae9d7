// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

namespace ql {

// Period keys are integers computed once when a fact is stored, so that grouping by week, month or
// quarter never parses dates again (SQLite 3.40 has no ISO week either).
struct PeriodKeys
{
    int day = 0;     // Julian day number
    int week = 0;    // ISO week-numbering year * 100 + ISO week
    int month = 0;   // year * 100 + month
    int quarter = 0; // year * 10 + quarter

    static PeriodKeys of(QDate date);
};

namespace Periods {
QString dayLabel(int dayKey);         // 2026-02-03
QString weekLabel(int weekKey);       // 2025-W01
QString monthLabel(int monthKey);     // 2026-02
QString quarterLabel(int quarterKey); // 2026-Q1
int yearOf(int monthKey);
} // namespace Periods

} // namespace ql

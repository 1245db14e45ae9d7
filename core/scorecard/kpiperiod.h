// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace ql {

// A period of scoring.md "Periods": an ISO week (2026-W07), a month (2026-10), a quarter (2026-Q3),
// a year (2026) or a custom range of days. The previous period of a week, month, quarter or year is
// the one before it; of a custom range of N days, the N days that end the day before it.
struct KpiPeriod
{
    enum class Kind : quint8 { Week, Month, Quarter, Year, Custom };
    Kind kind = Kind::Month;
    QDate from;
    QDate to;

    static std::optional<KpiPeriod> parse(const QString &text);
    static KpiPeriod month(QDate day);
    static KpiPeriod quarter(QDate day);
    static KpiPeriod custom(QDate from, QDate to);
    // ui.md's date presets, counted from `anchor` (the latest fact date when it is earlier than
    // today): the anchor's month and the months-1 whole months before it, as a custom range; and
    // 1 January of the anchor's year to the anchor.
    static KpiPeriod lastMonths(QDate anchor, int months);
    static KpiPeriod yearToDate(QDate anchor);

    KpiPeriod previous() const;
    QString label() const; // 2026-10, 2026-Q3, 2026-W07, 2026, or 2026-10-01..2026-10-15
    bool isValid() const { return from.isValid() && to.isValid() && from <= to; }
    bool operator==(const KpiPeriod &other) const = default;
};

} // namespace ql

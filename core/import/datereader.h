// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QStringView>
#include <QTime>
#include <QTimeZone>

namespace ql {

// Reads date cells as an import mapping's date_format and time_zone say (formats.md).
//
// "auto" takes ISO 8601: a date (2026-03-07), or a date-time with T or a space (2026-03-07T14:05,
// seconds and fractions optional), with or without a zone (Z, +01:00, +0100). Any other format is
// a Qt date format that must describe the whole cell (M/d/yyyy also reads 03/07/2026; two-digit
// years are 2000–2099, where Qt would give 19xx).
//
// A date-time keeps the calendar date it was written with: nothing is converted to the machine's
// zone, so the same file gives the same periods on every machine. Only when time_zone is set is
// a date-time that carries a zone converted to that zone first.
class DateReader final
{
public:
    struct Result
    {
        QDate date;       // invalid when the cell is not a date
        QString dateTime; // ISO date-time text when the cell had a time, else empty
    };

    explicit DateReader(const QString &format = QStringLiteral("auto"), const QString &timeZone = {});

    Result read(QStringView cell) const;
    // 2026-03-07, without QDate::toString's locale-aware formatting (it costs microseconds per
    // call, and an import formats a date per record).
    static QString isoDate(QDate date);
    // "an ISO 8601 date" or "a date in the format M/d/yyyy", for messages.
    QString expected() const;

private:
    Result readIso(QStringView cell) const;
    Result readFormat(QStringView cell) const;
    Result finish(QDate date, QTime time, bool hasZone, int offsetSeconds, bool utc) const;

    QString m_format;
    bool m_auto = true;
    bool m_hasTime = false;
    bool m_twoDigitYear = false;
    QTimeZone m_zone;
    bool m_convert = false;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "datereader.h"

#include <QDateTime>
#include <QObject>

namespace ql {

namespace {

// Digits at [pos, pos + n) as a number, or -1.
int digits(QStringView s, qsizetype pos, qsizetype n)
{
    if (pos + n > s.size())
        return -1;
    int v = 0;
    for (qsizetype i = pos; i < pos + n; ++i) {
        const char16_t c = s[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        v = v * 10 + (c - u'0');
    }
    return v;
}

} // namespace

DateReader::DateReader(const QString &format, const QString &timeZone)
    : m_format(format), m_auto(format.isEmpty() || format == u"auto")
{
    if (!m_auto) {
        m_hasTime = format.contains(u'h') || format.contains(u'H') || format.contains(u'm');
        m_twoDigitYear = format.contains(QStringLiteral("yy")) && !format.contains(QStringLiteral("yyyy"));
    }
    if (!timeZone.isEmpty()) {
        m_zone = QTimeZone(timeZone.toUtf8());
        m_convert = m_zone.isValid();
    }
}

QString DateReader::isoDate(QDate date)
{
    if (!date.isValid())
        return {};
    int y = 0, m = 0, d = 0;
    date.getDate(&y, &m, &d);
    if (y < 1 || y > 9999)
        return date.toString(Qt::ISODate);
    const char16_t text[10] = {char16_t(u'0' + y / 1000),
                               char16_t(u'0' + y / 100 % 10),
                               char16_t(u'0' + y / 10 % 10),
                               char16_t(u'0' + y % 10),
                               u'-',
                               char16_t(u'0' + m / 10),
                               char16_t(u'0' + m % 10),
                               u'-',
                               char16_t(u'0' + d / 10),
                               char16_t(u'0' + d % 10)};
    return QString(reinterpret_cast<const QChar *>(text), 10);
}

QString DateReader::expected() const
{
    return m_auto ? QObject::tr("an ISO 8601 date such as 2026-03-07")
                  : QObject::tr("a date in the format %1").arg(m_format);
}

DateReader::Result DateReader::read(QStringView cell) const
{
    const QStringView text = cell.trimmed();
    if (text.isEmpty())
        return {};
    return m_auto ? readIso(text) : readFormat(text);
}

DateReader::Result DateReader::finish(QDate date, QTime time, bool hasZone, int offsetSeconds, bool utc) const
{
    Result r;
    if (!date.isValid())
        return r;
    if (!time.isValid()) {
        r.date = date;
        return r;
    }
    if (hasZone && m_convert) {
        const QDateTime written =
            utc ? QDateTime(date, time, Qt::UTC) : QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds);
        const QDateTime there = written.toTimeZone(m_zone);
        r.date = there.date();
        r.dateTime = there.toString(Qt::ISODate);
        return r;
    }
    // Without a target zone the written wall-clock time is kept, with the zone it was written in.
    r.date = date;
    const int hms[3] = {time.hour(), time.minute(), time.second()};
    const char16_t clock[9] = {u'T', char16_t(u'0' + hms[0] / 10), char16_t(u'0' + hms[0] % 10),
                               u':', char16_t(u'0' + hms[1] / 10), char16_t(u'0' + hms[1] % 10),
                               u':', char16_t(u'0' + hms[2] / 10), char16_t(u'0' + hms[2] % 10)};
    r.dateTime = isoDate(date);
    r.dateTime.append(reinterpret_cast<const QChar *>(clock), 9);
    if (hasZone) {
        if (utc) {
            r.dateTime += QLatin1Char('Z');
        } else {
            const int a = qAbs(offsetSeconds) / 60;
            r.dateTime += QStringLiteral("%1%2:%3")
                              .arg(offsetSeconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                              .arg(a / 60, 2, 10, QLatin1Char('0'))
                              .arg(a % 60, 2, 10, QLatin1Char('0'));
        }
    }
    return r;
}

DateReader::Result DateReader::readIso(QStringView s) const
{
    // Parsed by hand: QDateTime::fromString(Qt::ISODate) would build a local time for zone-less
    // text, and that can move a time that falls into the machine's daylight-saving gap.
    const int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
    if (y < 0 || mo < 0 || d < 0 || s[4] != u'-' || s[7] != u'-')
        return {};
    const QDate date(y, mo, d);
    if (s.size() == 10)
        return finish(date, {}, false, 0, false);
    if (s[10] != u'T' && s[10] != u't' && s[10] != u' ')
        return {};
    const int h = digits(s, 11, 2), mi = digits(s, 14, 2);
    if (h < 0 || mi < 0 || s.size() < 16 || s[13] != u':')
        return {};
    qsizetype pos = 16;
    int sec = 0, ms = 0;
    if (pos < s.size() && s[pos] == u':') {
        sec = digits(s, pos + 1, 2);
        if (sec < 0)
            return {};
        pos += 3;
        if (pos < s.size() && (s[pos] == u'.' || s[pos] == u',')) {
            ++pos;
            int scale = 100;
            const qsizetype start = pos;
            while (pos < s.size() && s[pos].isDigit()) {
                ms += scale * (s[pos].unicode() - u'0');
                scale /= 10;
                ++pos;
            }
            if (pos == start)
                return {};
        }
    }
    const QTime time(h, mi, sec, ms);
    if (!time.isValid())
        return {};
    if (pos == s.size())
        return finish(date, time, false, 0, false);
    const QStringView zone = s.mid(pos);
    if (zone == u"Z" || zone == u"z")
        return finish(date, time, true, 0, true);
    if (zone[0] != u'+' && zone[0] != u'-')
        return {};
    const int zh = digits(zone, 1, 2);
    int zm = 0;
    if (zone.size() == 6 && zone[3] == u':')
        zm = digits(zone, 4, 2);
    else if (zone.size() == 5)
        zm = digits(zone, 3, 2);
    else if (zone.size() != 3)
        return {};
    if (zh < 0 || zm < 0 || zh > 18 || zm > 59)
        return {};
    const int offset = (zh * 3600 + zm * 60) * (zone[0] == u'-' ? -1 : 1);
    return finish(date, time, true, offset, false);
}

DateReader::Result DateReader::readFormat(QStringView s) const
{
    const QString text = s.toString();
    QDate date;
    QTime time;
    if (m_hasTime) {
        // A date-time format: read in UTC so the machine's zone (and its DST gaps) plays no part.
        QDateTime dt = QDateTime::fromString(text, m_format);
        if (!dt.isValid())
            return {};
        date = dt.date();
        time = dt.time();
        if (dt.timeSpec() == Qt::OffsetFromUTC || dt.timeSpec() == Qt::UTC || dt.timeSpec() == Qt::TimeZone) {
            if (m_twoDigitYear && date.year() < 2000)
                date = date.addYears(100);
            return finish(date, time, true, dt.offsetFromUtc(), dt.timeSpec() == Qt::UTC);
        }
    } else {
        date = QDate::fromString(text, m_format);
    }
    if (m_twoDigitYear && date.isValid() && date.year() < 2000)
        date = date.addYears(100);
    return finish(date, time, false, 0, false);
}

} // namespace ql

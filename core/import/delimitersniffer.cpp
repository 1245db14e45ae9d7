// SPDX-License-Identifier: GPL-3.0-or-later
#include "delimitersniffer.h"

#include <QList>
#include <QObject>

namespace ql {

namespace {

// Field counts of the first complete records of `text` split by `delim`, following CsvReader's
// rules: a quote opens a quoted field only at the start of a field, "" inside it is a quote, text
// after a closing quote stays in the field, empty lines are skipped, LF, CR and CRLF end lines.
QList<int> fieldCounts(QStringView text, char16_t delim, bool wholeText, int maxRecords)
{
    QList<int> counts;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n && counts.size() < maxRecords) {
        const char16_t first = text[i].unicode();
        if (first == u'\r' || first == u'\n') {
            ++i; // a blank line (the LF of a CRLF is just another skipped character here)
            continue;
        }
        int fields = 1;
        bool atFieldStart = true;
        bool inQuotes = false;
        bool complete = false;
        for (; i < n; ++i) {
            const char16_t c = text[i].unicode();
            if (inQuotes) {
                if (c == u'"') {
                    if (i + 1 < n && text[i + 1] == u'"')
                        ++i;
                    else
                        inQuotes = false;
                }
                continue;
            }
            if (c == delim) {
                ++fields;
                atFieldStart = true;
            } else if (c == u'\r' || c == u'\n') {
                complete = true;
                ++i;
                break;
            } else {
                if (c == u'"' && atFieldStart)
                    inQuotes = true;
                atFieldStart = false;
            }
        }
        if (!complete && !(wholeText && !inQuotes))
            break; // runs past the sample (or is an unclosed quote): not a record we can count
        counts.append(fields);
    }
    return counts;
}

} // namespace

QString DelimiterSniffer::delimiterName(QChar delimiter)
{
    switch (delimiter.unicode()) {
    case u',':
        return QObject::tr("comma");
    case u';':
        return QObject::tr("semicolon");
    case u'\t':
        return QObject::tr("tab");
    case u'|':
        return QObject::tr("pipe");
    default:
        return QStringLiteral("\"%1\"").arg(delimiter);
    }
}

QString DelimiterSniffer::Result::description() const
{
    const QString name = delimiterName(delimiter);
    if (consistent)
        return QObject::tr("%1 (found: %2 fields in each of the %3 records sampled)")
            .arg(name)
            .arg(fieldCount)
            .arg(recordsSampled);
    if (fieldCount > 1)
        return QObject::tr("%1 (found: %2 fields in %3 of the %4 records sampled; no delimiter gave the same "
                           "count in all)")
            .arg(name)
            .arg(fieldCount)
            .arg(recordsAgreeing)
            .arg(recordsSampled);
    return QObject::tr("%1 (default: no delimiter splits the header)").arg(name);
}

DelimiterSniffer::Result DelimiterSniffer::sniff(QStringView sample, bool wholeText, int maxRecords)
{
    static constexpr char16_t candidates[] = {u',', u';', u'\t', u'|'};
    Result best;
    bool haveFallback = false;
    for (const char16_t d : candidates) {
        const QList<int> counts = fieldCounts(sample, d, wholeText, maxRecords);
        if (counts.isEmpty() || counts.first() <= 1)
            continue;
        Result r;
        r.delimiter = QChar(d);
        r.fieldCount = counts.first();
        r.recordsSampled = int(counts.size());
        r.recordsAgreeing = int(counts.count(r.fieldCount));
        r.consistent = r.recordsAgreeing == r.recordsSampled;
        if (r.consistent)
            return r;
        if (!haveFallback || r.recordsAgreeing > best.recordsAgreeing) {
            best = r;
            haveFallback = true;
        }
    }
    if (!haveFallback)
        best.recordsSampled = best.recordsAgreeing = int(fieldCounts(sample, u',', wholeText, maxRecords).size());
    return best;
}

} // namespace ql

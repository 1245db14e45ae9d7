// SPDX-License-Identifier: GPL-3.0-or-later
#include "masking.h"

#include <QList>
#include <QRegularExpression>

#include <algorithm>

namespace ql {

namespace {

int countDigits(const QString &text)
{
    int n = 0;
    for (QChar c : text)
        n += c.isDigit() ? 1 : 0;
    return n;
}

QString onlyDigits(QStringView s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        if (c.isDigit())
            out += c;
    }
    return out;
}

// Replaces every match that `accept` agrees to with what `replace` gives; returns the count.
template <typename Accept, typename Replace>
int replaceMatches(QString &text, const QRegularExpression &re, Accept accept, Replace replace)
{
    int count = 0;
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QStringView found = QStringView(text).mid(m.capturedStart(), m.capturedLength());
        if (!accept(found))
            continue;
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += replace(found);
        last = m.capturedEnd();
        ++count;
    }
    if (count > 0) {
        out += QStringView(text).mid(last);
        text = out;
    }
    return count;
}

} // namespace

bool Masker::luhnValid(QStringView digits)
{
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits[i].unicode() - u'0';
        if (d < 0 || d > 9)
            return false;
        if (twice) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return !digits.isEmpty() && sum % 10 == 0;
}

bool Masker::ibanValid(QStringView compact)
{
    if (compact.size() < 15 || compact.size() > 34)
        return false;
    // ISO 13616: move the first four characters to the end, letters become 10–35, mod 97 == 1.
    int remainder = 0;
    for (qsizetype k = 0; k < compact.size(); ++k) {
        const QChar c = compact[(k + 4) % compact.size()];
        const char16_t u = c.toUpper().unicode();
        if (u >= u'0' && u <= u'9') {
            remainder = (remainder * 10 + (u - u'0')) % 97;
        } else if (u >= u'A' && u <= u'Z') {
            remainder = (remainder * 100 + (u - u'A' + 10)) % 97;
        } else {
            return false;
        }
    }
    return remainder == 1;
}

int Masker::mask(QString &text) const
{
    if (text.isEmpty())
        return 0;
    int count = 0;
    // Cheap tests first: most comments hold no digits and no @, and then no expression runs.
    const int digitCount = (m_kinds & (Card | Phone | Iban)) ? countDigits(text) : 0;
    if ((m_kinds & Card) && digitCount >= 13)
        count += maskCards(text);
    if ((m_kinds & Iban) && digitCount >= 2)
        count += maskIbans(text);
    if ((m_kinds & Email) && text.contains(u'@'))
        count += maskEmails(text);
    if ((m_kinds & Phone) && countDigits(text) >= 7)
        count += maskPhones(text);
    return count;
}

int Masker::maskCards(QString &text) const
{
    // Digits with at most one space or dash between them, not glued to other digits.
    static const QRegularExpression re(QStringLiteral("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])"));
    return replaceMatches(
        text, re,
        [](QStringView found) {
            const QString digits = onlyDigits(found);
            return digits.size() >= 13 && digits.size() <= 19 && luhnValid(digits);
        },
        [](QStringView found) { return QStringLiteral("**** **** **** ") + onlyDigits(found).right(4); });
}

int Masker::maskIbans(QString &text) const
{
    // Two capital letters, two check digits, then letters and digits with single spaces between
    // groups. The candidate may run on into the next word ("… 00 please"), so the longest prefix
    // that ends where a group ends and passes the mod-97 check is the IBAN.
    static const QRegularExpression re(QStringLiteral("(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Za-z0-9]){11,30}"));
    int count = 0;
    QString out;
    qsizetype last = 0;
    qsizetype from = 0;
    while (true) {
        const QRegularExpressionMatch m = re.match(text, from);
        if (!m.hasMatch())
            break;
        const qsizetype start = m.capturedStart();
        QString compact;
        QList<qsizetype> positions; // text position of each compact character
        for (qsizetype i = start; i < m.capturedEnd(); ++i) {
            if (text.at(i) != u' ') {
                compact += text.at(i);
                positions << i;
            }
        }
        qsizetype end = -1;
        for (qsizetype n = compact.size(); n >= 15 && end < 0; --n) {
            const qsizetype after = positions.at(n - 1) + 1;
            const bool boundary = after >= text.size() || !text.at(after).isLetterOrNumber();
            if (boundary && ibanValid(QStringView(compact).left(n)))
                end = after;
        }
        if (end < 0) {
            from = start + 1;
            continue;
        }
        QString masked = text.mid(start, end - start);
        int seen = 0;
        const int total = int(std::count_if(masked.cbegin(), masked.cend(), [](QChar c) { return c != u' '; }));
        for (qsizetype i = 0; i < masked.size(); ++i) {
            if (masked.at(i) == u' ')
                continue;
            ++seen;
            if (seen > 2 && seen <= total - 4)
                masked[i] = u'*';
        }
        out += QStringView(text).mid(last, start - last);
        out += masked;
        last = end;
        from = end;
        ++count;
    }
    if (count > 0) {
        out += QStringView(text).mid(last);
        text = out;
    }
    return count;
}

int Masker::maskEmails(QString &text) const
{
    static const QRegularExpression re(
        QStringLiteral("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"));
    return replaceMatches(
        text, re, [](QStringView) { return true; }, [](QStringView) { return QStringLiteral("***@***"); });
}

int Masker::maskPhones(QString &text) const
{
    static const QRegularExpression re(
        QStringLiteral("(?<![0-9A-Za-z*])(?:\\+|00)?\\(?[0-9][0-9 ().-]{5,20}[0-9](?![0-9])"));
    return replaceMatches(
        text, re,
        [](QStringView found) {
            const qsizetype n = onlyDigits(found).size();
            // Dates (2026-03-07) and times have too few digits or look like them; 7–15 digits
            // is the ITU range for a full number.
            static const QRegularExpression date(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
            return n >= 7 && n <= 15 && !date.match(found).hasMatch();
        },
        [](QStringView found) {
            QString out = found.toString();
            const qsizetype n = onlyDigits(found).size();
            qsizetype seen = 0;
            for (qsizetype i = 0; i < out.size(); ++i) {
                if (out[i].isDigit() && ++seen <= n - 2)
                    out[i] = u'*';
            }
            return out;
        });
}

} // namespace ql

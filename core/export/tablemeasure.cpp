// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablemeasure.h"

#include <charconv>
#include <cmath>

namespace ql {

namespace {
// <c r="AB123456" s="1" t="inlineStr"><is><t></t></is></c>, give or take.
constexpr qint64 CellXmlOverhead = 48;
} // namespace

bool TableMeasure::begin(const QStringList &header)
{
    m_longest = QList<qsizetype>(header.size(), 0);
    m_rows = -1;
    m_col = 0;
    for (const QString &name : header)
        addText(name);
    return endRow();
}

void TableMeasure::measure(qsizetype length)
{
    if (m_col < m_longest.size() && length > m_longest[m_col])
        m_longest[m_col] = length;
    ++m_col;
    m_xmlBytes += CellXmlOverhead + length;
}

void TableMeasure::addText(QStringView text)
{
    qsizetype length = text.size();
    for (const QChar c : text)
        if (c.isLowSurrogate())
            --length; // a surrogate pair is one character
    measure(length);
}

qsizetype TableMeasure::displayLength(double value)
{
    if (!std::isfinite(value))
        return 0;
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, value);
    // Excel's General format shows at most 11 characters of a number.
    return std::min<qsizetype>(11, result.ptr - text);
}

void TableMeasure::addNumber(double value)
{
    measure(displayLength(value));
}

void TableMeasure::addInteger(qint64 value)
{
    char text[24];
    const auto result = std::to_chars(text, text + sizeof text, value);
    measure(std::min<qsizetype>(11, result.ptr - text));
}

void TableMeasure::addDate(QDate date)
{
    measure(date.isValid() ? 10 : 0);
}

bool TableMeasure::endRow()
{
    ++m_rows;
    m_col = 0;
    return !stoppedEarly();
}

} // namespace ql

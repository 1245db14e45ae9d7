// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotjsonwriter.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace ql {

QByteArray shortestNumber(double value)
{
    if (value == 0)
        return QByteArrayLiteral("0");
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QByteArray(buffer, int(result.ptr - buffer));
}

void PivotJsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty()) {
        if (!m_first.back())
            m_out += ',';
        m_first.back() = false;
    }
}

PivotJsonWriter &PivotJsonWriter::beginObject()
{
    separate();
    m_out += '{';
    m_first.push_back(true);
    return *this;
}

PivotJsonWriter &PivotJsonWriter::endObject()
{
    m_out += '}';
    m_first.pop_back();
    return *this;
}

PivotJsonWriter &PivotJsonWriter::beginArray()
{
    separate();
    m_out += '[';
    m_first.push_back(true);
    return *this;
}

PivotJsonWriter &PivotJsonWriter::endArray()
{
    m_out += ']';
    m_first.pop_back();
    return *this;
}

PivotJsonWriter &PivotJsonWriter::key(const QString &name)
{
    separate();
    escape(name, &m_out);
    m_out += ':';
    m_afterKey = true;
    return *this;
}

PivotJsonWriter &PivotJsonWriter::string(const QString &value)
{
    separate();
    escape(value, &m_out);
    return *this;
}

PivotJsonWriter &PivotJsonWriter::strings(const QStringList &values)
{
    beginArray();
    for (const QString &v : values)
        string(v);
    return endArray();
}

PivotJsonWriter &PivotJsonWriter::number(double value)
{
    separate();
    if (!std::isfinite(value))
        m_out += "null"; // JSON has no NaN or infinity; the engine never produces them
    else
        m_out += shortestNumber(value);
    return *this;
}

PivotJsonWriter &PivotJsonWriter::integer(std::int64_t value)
{
    separate();
    m_out += QByteArray::number(qlonglong(value));
    return *this;
}

PivotJsonWriter &PivotJsonWriter::boolean(bool value)
{
    separate();
    m_out += value ? "true" : "false";
    return *this;
}

PivotJsonWriter &PivotJsonWriter::null()
{
    separate();
    m_out += "null";
    return *this;
}

PivotJsonWriter &PivotJsonWriter::raw(const QByteArray &json)
{
    separate();
    m_out += json;
    return *this;
}

void PivotJsonWriter::escape(const QString &text, QByteArray *out)
{
    out->append('"');
    const QByteArray utf8 = text.toUtf8();
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out->append("\\\"");
            break;
        case '\\':
            out->append("\\\\");
            break;
        case '\n':
            out->append("\\n");
            break;
        case '\r':
            out->append("\\r");
            break;
        case '\t':
            out->append("\\t");
            break;
        case '\b':
            out->append("\\b");
            break;
        case '\f':
            out->append("\\f");
            break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out->append(buf);
            } else {
                out->append(ch);
            }
        }
    }
    out->append('"');
}

} // namespace ql

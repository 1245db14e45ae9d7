// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvwriter.h"

#include <QIODevice>
#include <QObject>
#include <charconv>
#include <cmath>

namespace ql {

namespace {

constexpr qsizetype FlushAt = 64 * 1024;

// Shortest text that reads back to the same double; empty for NaN and infinities, "0" for -0.
qsizetype formatDouble(double value, char (&text)[32])
{
    if (!std::isfinite(value))
        return 0;
    if (value == 0)
        value = 0;
    return std::to_chars(text, text + sizeof text, value).ptr - text;
}

} // namespace

CsvWriter::CsvWriter(QIODevice *device) : CsvWriter(device, Options()) {}

CsvWriter::CsvWriter(QIODevice *device, Options options)
    : m_device(device), m_options(options), m_encoder(QStringConverter::Utf8)
{
    if (m_options.byteOrderMark)
        m_buffer.append("\xEF\xBB\xBF");
    m_recordStart = m_buffer.size();
}

CsvWriter::~CsvWriter()
{
    flush();
}

bool CsvWriter::needsQuotes(QStringView text, QChar delimiter)
{
    for (const QChar c : text)
        if (c == delimiter || c == u'"' || c == u'\r' || c == u'\n')
            return true;
    return false;
}

bool CsvWriter::needsFormulaGuard(QStringView text)
{
    if (text.isEmpty())
        return false;
    switch (text.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
}

QString CsvWriter::formatNumber(double value)
{
    char text[32];
    return QString::fromLatin1(text, formatDouble(value, text));
}

void CsvWriter::beginField()
{
    if (m_fieldsInRecord++ > 0)
        appendUtf8(QStringView(&m_options.delimiter, 1));
}

void CsvWriter::appendUtf8(QStringView text)
{
    if (text.isEmpty())
        return;
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + m_encoder.requiredSpace(text.size()));
    char *end = m_encoder.appendToBuffer(m_buffer.data() + old, text);
    m_buffer.resize(end - m_buffer.constData());
}

void CsvWriter::appendField(QStringView text, bool guard)
{
    beginField();
    const bool guarded = guard && needsFormulaGuard(text);
    if (!needsQuotes(text, m_options.delimiter)) {
        if (guarded)
            m_buffer.append('\'');
        appendUtf8(text);
        return;
    }
    m_buffer.append('"');
    if (guarded)
        m_buffer.append('\'');
    qsizetype from = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'"') {
            appendUtf8(text.sliced(from, i + 1 - from)); // the quote itself…
            from = i;                                    // …and once more to start the next span
        }
    }
    appendUtf8(text.sliced(from));
    m_buffer.append('"');
}

void CsvWriter::addText(QStringView text)
{
    appendField(text, m_options.formulaGuard);
}

void CsvWriter::addPlain(QStringView text)
{
    appendField(text, false);
}

void CsvWriter::addNumber(double value)
{
    beginField();
    char text[32];
    m_buffer.append(text, formatDouble(value, text));
}

void CsvWriter::addInteger(qint64 value)
{
    beginField();
    char text[24];
    const auto result = std::to_chars(text, text + sizeof text, value);
    m_buffer.append(text, result.ptr - text);
}

bool CsvWriter::endRecord()
{
    // One empty field would be an empty line, which readers skip.
    if (m_fieldsInRecord == 1 && m_flushed + m_buffer.size() == m_recordStart)
        m_buffer.append("\"\"");
    m_buffer.append("\r\n");
    m_fieldsInRecord = 0;
    m_recordStart = m_flushed + m_buffer.size();
    if (m_buffer.size() >= FlushAt)
        flush();
    return !m_error;
}

bool CsvWriter::writeTextRecord(const QStringList &fields)
{
    for (const QString &f : fields)
        addText(f);
    return endRecord();
}

bool CsvWriter::writePlainRecord(const QStringList &fields)
{
    for (const QString &f : fields)
        addPlain(f);
    return endRecord();
}

bool CsvWriter::flush()
{
    if (m_error || m_buffer.isEmpty())
        return !m_error;
    if (!m_device || m_device->write(m_buffer.constData(), m_buffer.size()) != m_buffer.size()) {
        m_error = true;
        m_errorString = m_device ? QObject::tr("cannot write: %1").arg(m_device->errorString())
                                 : QObject::tr("cannot write: no output");
    }
    m_flushed += m_buffer.size();
    m_buffer.resize(0); // keeps the capacity
    return !m_error;
}

} // namespace ql

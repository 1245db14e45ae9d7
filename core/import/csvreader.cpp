// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvreader.h"

#include "encodingdetector.h"

#include <QFileDevice>
#include <QFileInfo>
#include <QIODevice>
#include <QObject>
#include <cstring>
#include <utility>

namespace ql {

namespace {

// UTF-8 length of UTF-16 text that came from valid UTF-8: a surrogate pair is 4 bytes.
qint64 utf8Length(const char16_t *p, qsizetype n)
{
    qint64 bytes = n;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = p[i];
        bytes += (c >= 0x80) + (c >= 0x800) - (c >= 0xD800 && c <= 0xDFFF);
    }
    return bytes;
}

QString fieldCountText(qsizetype n)
{
    return n == 1 ? QObject::tr("1 field") : QObject::tr("%1 fields").arg(n);
}

} // namespace

CsvReader::CsvReader(QIODevice *device, CsvOptions options) : m_device(device), m_options(std::move(options))
{
    m_source = m_options.sourceName;
    if (m_source.isEmpty()) {
        if (auto *file = qobject_cast<QFileDevice *>(device); file && !file->fileName().isEmpty())
            m_source = QFileInfo(file->fileName()).fileName();
        else
            m_source = QStringLiteral("input");
    }
}

CsvReader::~CsvReader() = default;

QString CsvReader::lineMessage(qint64 line, const QString &text) const
{
    return QStringLiteral("%1:%2: %3").arg(m_source, QString::number(line), text);
}

bool CsvReader::fail(const QString &message)
{
    if (m_checkingUtf8) {
        // Before stopping on this error, make sure the file is UTF-8 at all: if it is not, the
        // error to report is that (and a Windows-1252 reading may find another one, or none).
        QByteArray rest(qMax<qsizetype>(1, m_options.chunkSize), Qt::Uninitialized);
        qint64 n = 0;
        while (m_validator.isValid() && (n = m_device->read(rest.data(), rest.size())) > 0)
            m_validator.feed(QByteArrayView(rest.constData(), n));
        if (n == 0 && !m_validator.finish())
            return notUtf8();
        if (!m_validator.isValid())
            return notUtf8();
        m_checkingUtf8 = false;
    }
    m_error = true;
    m_errorString = message;
    return false;
}

bool CsvReader::notUtf8()
{
    m_checkingUtf8 = false;
    m_encodingChanged = true;
    m_encoding = EncodingDetector::notUtf8(m_validator);
    return fail(QStringLiteral("%1: %2").arg(
        m_source, QObject::tr("to be read again as %1").arg(m_encoding.description())));
}

bool CsvReader::start()
{
    m_started = true;
    if (!m_device || !m_device->isOpen() || !m_device->isReadable())
        return fail(QObject::tr("%1: the file is not open for reading").arg(m_source));
    // Line ends must reach the parser as written (CR-only files, CRs inside quoted fields).
    m_device->setTextModeEnabled(false);
    if (!m_options.delimiter.isNull() && !CsvOptions::isUsableDelimiter(m_options.delimiter))
        return fail(QObject::tr("%1: \"%2\" cannot separate fields").arg(m_source, m_options.delimiter));

    QString error;
    const auto detected = m_options.knownEncoding
                              ? m_options.knownEncoding
                              : EncodingDetector::detect(m_device, m_options.encoding, &error, m_options.chunkSize,
                                                         m_options.checkUtf8WhileReading);
    if (!detected)
        return fail(QStringLiteral("%1: %2").arg(m_source, error));
    m_encoding = *detected;
    m_checkingUtf8 = m_options.checkUtf8WhileReading && !m_options.knownEncoding &&
                     m_encoding.reason == DetectedEncoding::Reason::ValidUtf8;
    m_decoder = m_encoding.makeDecoder();
    if (!m_decoder.isValid())
        return fail(QObject::tr("%1: this build of Qt cannot decode %2").arg(m_source, m_encoding.displayName()));
    m_bytesPerUnit = m_encoding.name == u"utf-8" ? 0 : m_encoding.name.startsWith(u"utf-16") ? 2 : 1;

    m_anchorBytes = m_device->pos();
    if (m_encoding.bomLength > 0) {
        char bom[4];
        if (m_device->read(bom, m_encoding.bomLength) != m_encoding.bomLength)
            return fail(QObject::tr("%1: cannot read the file: %2").arg(m_source, m_device->errorString()));
        m_anchorBytes += m_encoding.bomLength;
        m_bytesRead += m_encoding.bomLength;
    }

    if (m_options.delimiter.isNull()) {
        // The sample is the same text whatever the chunk size, so the guess is too.
        constexpr qsizetype sampleLength = DelimiterSniffer::DefaultSampleLength;
        while (m_length < sampleLength && fill()) {
        }
        if (m_error)
            return false;
        const qsizetype n = qMin(m_length, sampleLength);
        m_sniffed = DelimiterSniffer::sniff(QStringView(m_buffer.get(), n), m_eof && m_length <= sampleLength);
        m_delimiter = m_sniffed.delimiter;
        m_delimiterSniffed = true;
    } else {
        m_delimiter = m_options.delimiter;
        m_sniffed = DelimiterSniffer::Result();
        m_sniffed.delimiter = m_delimiter;
    }
    return true;
}

qint64 CsvReader::byteOffsetAt(qsizetype at)
{
    const qsizetype units = at - m_anchor;
    m_anchorBytes += m_bytesPerUnit > 0 ? qint64(units) * m_bytesPerUnit : utf8Length(m_buffer.get() + m_anchor, units);
    m_anchor = at;
    return m_anchorBytes;
}

bool CsvReader::fill()
{
    if (m_eof || m_error)
        return false;

    // Keep only the text of the record being read (or nothing between records).
    const bool inRecord = m_state != State::RecordStart;
    if (inRecord && m_length - m_recordStart > m_options.maxRecordLength) {
        const qint64 line = m_state == State::Quoted ? m_quoteLine : m_recordLine;
        const QString what = m_state == State::Quoted
                                 ? QObject::tr("a quoted field starts here and is still open after %1 characters; "
                                               "is a closing quote missing?")
                                 : QObject::tr("the record is longer than %1 characters");
        return fail(lineMessage(line, what.arg(m_options.maxRecordLength)));
    }
    const qsizetype keep = inRecord ? m_recordStart : m_pos;
    if (keep > 0) {
        byteOffsetAt(keep);
        std::memmove(m_buffer.get(), m_buffer.get() + keep, size_t(m_length - keep) * sizeof(char16_t));
        m_length -= keep;
        m_pos -= keep;
        m_anchor -= keep;
        if (inRecord) {
            m_recordStart -= keep;
            m_fieldStart -= keep;
        }
    }

    const qsizetype chunkSize = qMax<qsizetype>(1, m_options.chunkSize);
    if (m_chunk.size() != chunkSize)
        m_chunk.resize(chunkSize);
    const qint64 n = m_device->read(m_chunk.data(), chunkSize);
    if (n < 0)
        return fail(QObject::tr("%1: cannot read the file: %2").arg(m_source, m_device->errorString()));
    if (n == 0) {
        if (m_checkingUtf8 && !m_validator.finish())
            return notUtf8();
        m_checkingUtf8 = false; // the whole file was UTF-8
        m_eof = true;
        return false;
    }
    if (m_checkingUtf8 && !m_validator.feed(QByteArrayView(m_chunk.constData(), n)))
        return notUtf8();
    m_bytesRead += n;

    const qsizetype needed = m_length + m_decoder.requiredSpace(n);
    if (needed > m_capacity) {
        const qsizetype capacity = qMax(needed, qMax<qsizetype>(2 * m_capacity, 4096));
        auto grown = std::make_unique_for_overwrite<char16_t[]>(size_t(capacity));
        if (m_length > 0)
            std::memcpy(grown.get(), m_buffer.get(), size_t(m_length) * sizeof(char16_t));
        m_buffer = std::move(grown);
        m_capacity = capacity;
    }
    QChar *out = reinterpret_cast<QChar *>(m_buffer.get() + m_length);
    const QChar *end = m_decoder.appendToBuffer(out, QByteArrayView(m_chunk.constData(), n));
    m_length += end - out;
    if (m_decoder.hasError())
        m_decodingErrors = true;
    return true;
}

void CsvReader::beginRecord(CsvRecord &record, qsizetype at)
{
    m_recordStart = at;
    m_recordLine = m_line;
    record.m_line = m_line;
    record.m_byteOffset = byteOffsetAt(at);
}

CsvReader::Parse CsvReader::endRecord(CsvRecord &record, qsizetype end)
{
    if (m_options.keepRawText)
        record.m_raw.assign(m_buffer.get() + m_recordStart, size_t(end - m_recordStart));
    m_state = State::RecordStart;
    return Parse::Record;
}

CsvReader::Parse CsvReader::finishAtEnd(CsvRecord &record)
{
    switch (m_state) {
    case State::RecordStart:
        return Parse::End;
    case State::Quoted:
        fail(lineMessage(m_quoteLine, QObject::tr("a quoted field starts here and is not closed before the end of "
                                                  "the file")));
        return Parse::Error;
    case State::Unquoted:
        record.appendToField(m_buffer.get() + m_fieldStart, m_length - m_fieldStart);
        record.endField();
        break;
    case State::FieldStart: // after a delimiter: an empty last field
    case State::QuoteInQuoted:
        record.endField();
        break;
    }
    m_pos = m_length;
    return endRecord(record, m_length);
}

// A resumable state machine: when the decoded text runs out mid-record it reads the next chunk
// and carries on where it stopped (the record's text stays in the buffer until it ends).
CsvReader::Parse CsvReader::parseRecord(CsvRecord &record)
{
    record.clear();
    m_state = State::RecordStart;
    const char16_t delim = m_delimiter.unicode();
    for (;;) {
        if (m_pos >= m_length) {
            if (fill())
                continue;
            if (m_error)
                return Parse::Error;
            return finishAtEnd(record);
        }
        const char16_t *buf = m_buffer.get();
        const qsizetype n = m_length;
        qsizetype i = m_pos;
        switch (m_state) {
        case State::RecordStart: {
            const char16_t c = buf[i];
            const bool afterCr = std::exchange(m_skipLf, false);
            if (c == u'\n') { // a blank line, or the LF of the previous line's CRLF
                if (!afterCr)
                    ++m_line;
                m_pos = i + 1;
                continue;
            }
            if (c == u'\r') {
                ++m_line;
                m_skipLf = true;
                m_pos = i + 1;
                continue;
            }
            beginRecord(record, i);
            m_state = State::FieldStart;
            continue;
        }
        case State::FieldStart:
            if (buf[i] == u'"') {
                m_state = State::Quoted;
                m_quoteLine = m_line;
                m_fieldStart = m_pos = i + 1;
                continue;
            }
            m_state = State::Unquoted;
            m_fieldStart = i;
            [[fallthrough]];
        case State::Unquoted: {
            char16_t c = 0;
            while (i < n) {
                c = buf[i];
                if (c == delim || c == u'\n' || c == u'\r')
                    break;
                ++i;
            }
            if (i == n) {
                m_pos = n;
                continue;
            }
            record.appendToField(buf + m_fieldStart, i - m_fieldStart);
            record.endField();
            m_pos = i + 1;
            if (c == delim) {
                m_state = State::FieldStart;
                continue;
            }
            ++m_line;
            m_skipLf = c == u'\r';
            return endRecord(record, i);
        }
        case State::Quoted: {
            while (i < n) {
                const char16_t c = buf[i];
                if (c == u'"')
                    break;
                // buf[i - 1] exists: at worst it is the opening quote.
                if (c == u'\r' || (c == u'\n' && buf[i - 1] != u'\r'))
                    ++m_line;
                ++i;
            }
            if (i == n) {
                m_pos = n;
                continue;
            }
            record.appendToField(buf + m_fieldStart, i - m_fieldStart);
            m_state = State::QuoteInQuoted;
            m_pos = i + 1;
            continue;
        }
        case State::QuoteInQuoted: {
            const char16_t c = buf[i];
            if (c == u'"') { // "" is one quote: it starts the next span of text
                m_state = State::Quoted;
                m_fieldStart = i;
                m_pos = i + 1;
                continue;
            }
            if (c == delim) {
                record.endField();
                m_state = State::FieldStart;
                m_pos = i + 1;
                continue;
            }
            if (c == u'\n' || c == u'\r') {
                record.endField();
                m_pos = i + 1;
                ++m_line;
                m_skipLf = c == u'\r';
                return endRecord(record, i);
            }
            // Text after the closing quote stays in the field.
            m_state = State::Unquoted;
            m_fieldStart = i;
            continue;
        }
        }
    }
}

bool CsvReader::readHeader()
{
    if (!m_started && !start())
        return false;
    if (m_error || m_atEnd)
        return false;
    const Parse result = parseRecord(m_header);
    if (result == Parse::Error)
        return false;
    if (result == Parse::End) {
        m_atEnd = true;
        return fail(QObject::tr("%1: the file is empty; a header line was expected").arg(m_source));
    }
    m_headerFields = m_header.size();
    return true;
}

bool CsvReader::next(CsvRecord &record)
{
    if (!m_started && !start())
        return false;
    if (m_error || m_atEnd)
        return false;
    const Parse result = parseRecord(record);
    if (result == Parse::End)
        m_atEnd = true;
    if (result != Parse::Record)
        return false;
    ++m_records;
    if (m_headerFields >= 0 && record.size() != m_headerFields) {
        ++m_malformed;
        record.m_problem =
            lineMessage(record.line(), QObject::tr("record has %1, the header has %2")
                                           .arg(fieldCountText(record.size()), QString::number(m_headerFields)));
    }
    return true;
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "csvoptions.h"
#include "csvrecord.h"
#include "delimitersniffer.h"
#include "detectedencoding.h"
#include "utf8validator.h"

#include <QByteArray>
#include <QStringDecoder>
#include <memory>

class QIODevice;

namespace ql {

// Streams records out of a CSV file (RFC 4180) without holding the file in memory.
//
// Reads the device in chunks (CsvOptions::chunkSize) through one stateful decoder, so characters
// split over a chunk boundary decode correctly. Rules:
// - Fields are separated by the delimiter; a field that starts with a quote is quoted: delimiters,
//   CR and LF inside it are text and "" is one quote. A quote anywhere else is text (`37.8"N`).
//   Text after a closing quote is kept (`"ab"c` reads as abc), as Python's csv module does.
// - Records end at LF, CRLF or a lone CR, mixed freely; the last one may lack a line end.
// - Empty lines are skipped (they still count as lines). A line holding only delimiters is a
//   record of empty fields. A single-column record whose value is empty must be written "".
// - A BOM at the start is skipped (EncodingDetector decides the encoding).
// - Line numbers are physical: every LF, CRLF or lone CR counts, inside quotes too.
//
// Errors: a record whose field count differs from the header's is still returned, with
// CsvRecord::problem() set ("audits.csv:17: record has 5 fields, the header has 6"), and reading
// goes on. A quote still open at the end of the file, a record longer than
// CsvOptions::maxRecordLength, a read failure or an unusable encoding/delimiter end reading:
// next() returns false and hasError() is true.
class CsvReader final
{
public:
    explicit CsvReader(QIODevice *device, CsvOptions options = {});
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // Reads the first record as the header: later records must have as many fields. Without a
    // call to readHeader(), next() returns every record and checks no field counts.
    bool readHeader();
    const CsvRecord &header() const { return m_header; }
    qsizetype headerFieldCount() const { return m_headerFields; }

    // Reads the next record into `record` (reusing its storage). False at the end of the data, or
    // on an error that stops reading (then hasError()).
    bool next(CsvRecord &record);

    bool atEnd() const { return m_atEnd; }
    bool hasError() const { return m_error; }
    // CsvOptions::checkUtf8WhileReading found a byte that is not UTF-8: reading stopped (hasError())
    // and encoding() is the one to read the file again with.
    bool encodingChanged() const { return m_encodingChanged; }
    QString errorString() const { return m_errorString; }

    // Known after the first readHeader() or next().
    const DetectedEncoding &encoding() const { return m_encoding; }
    QChar delimiter() const { return m_delimiter; }
    // Why that delimiter, when it was sniffed ("auto"); for a given delimiter only .delimiter is set.
    const DelimiterSniffer::Result &delimiterGuess() const { return m_sniffed; }
    bool delimiterWasSniffed() const { return m_delimiterSniffed; }

    QString sourceName() const { return m_source; }
    // "audits.csv:17: text": how messages about a line of the file are written (cli.md).
    QString lineMessage(qint64 line, const QString &text) const;
    qint64 recordsRead() const { return m_records; }        // header excluded
    qint64 malformedRecords() const { return m_malformed; } // records with a field-count problem
    // Whether the decoder met bytes that are invalid in the chosen encoding (replaced by U+FFFD).
    // Never for "auto" UTF-8, which was validated first.
    bool hadDecodingErrors() const { return m_decodingErrors; }
    // Bytes of the file read so far (for progress).
    qint64 bytesRead() const { return m_bytesRead; }

private:
    enum class State { RecordStart, FieldStart, Unquoted, Quoted, QuoteInQuoted };
    enum class Parse { Record, End, Error };

    bool start();
    bool fill(); // reads and decodes one chunk; false at the end of the data or on error
    Parse parseRecord(CsvRecord &record);
    Parse finishAtEnd(CsvRecord &record);
    Parse endRecord(CsvRecord &record, qsizetype end);
    void beginRecord(CsvRecord &record, qsizetype at);
    qint64 byteOffsetAt(qsizetype at);
    bool fail(const QString &message);
    bool notUtf8(); // checkUtf8WhileReading met a byte that is not UTF-8

    QIODevice *m_device;
    CsvOptions m_options;
    QString m_source;
    DetectedEncoding m_encoding;
    QStringDecoder m_decoder;
    QChar m_delimiter;
    DelimiterSniffer::Result m_sniffed;
    bool m_delimiterSniffed = false;
    CsvRecord m_header;
    qsizetype m_headerFields = -1;

    // Decoded text: [0, m_length) of m_buffer; parsing is at m_pos. The current record's text is
    // kept from m_recordStart until the record ends, for rawText() and so that no field needs
    // copying twice.
    std::unique_ptr<char16_t[]> m_buffer;
    qsizetype m_capacity = 0;
    qsizetype m_length = 0;
    qsizetype m_pos = 0;
    QByteArray m_chunk;

    State m_state = State::RecordStart;
    qsizetype m_recordStart = 0;
    qsizetype m_fieldStart = 0;
    qint64 m_line = 1;
    qint64 m_recordLine = 0; // where the current record started
    qint64 m_quoteLine = 0;  // where the open quoted field started
    bool m_skipLf = false;   // the last line ended with CR: an LF next completes a CRLF

    // Byte offsets: m_anchorBytes is the file offset of m_buffer[m_anchor].
    qsizetype m_anchor = 0;
    qint64 m_anchorBytes = 0;
    int m_bytesPerUnit = 0; // 1 or 2 for fixed-width encodings; 0 for UTF-8 (counted)

    qint64 m_bytesRead = 0;
    qint64 m_records = 0;
    qint64 m_malformed = 0;
    bool m_started = false;
    bool m_eof = false;
    bool m_atEnd = false;
    bool m_error = false;
    bool m_decodingErrors = false;
    QString m_errorString;
    bool m_checkingUtf8 = false; // CsvOptions::checkUtf8WhileReading, while the file is UTF-8 so far
    bool m_encodingChanged = false;
    Utf8Validator m_validator;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <string>
#include <vector>

namespace ql {

// One record read by CsvReader. The fields sit back to back in one buffer that is reused from
// record to record, so reading a million rows allocates almost nothing; field() returns views into
// it that stay valid until the record is read into again or cleared.
class CsvRecord final
{
public:
    qsizetype size() const { return qsizetype(m_ends.size()); }
    bool isEmpty() const { return m_ends.empty(); }
    QStringView field(qsizetype i) const
    {
        Q_ASSERT(i >= 0 && i < size());
        const qsizetype start = i > 0 ? m_ends[size_t(i - 1)] : 0;
        return QStringView(m_text.data() + start, m_ends[size_t(i)] - start);
    }
    QStringView operator[](qsizetype i) const { return field(i); }
    QStringList fields() const;                // copies
    qsizetype indexOf(QStringView name) const; // first field equal to name, or -1

    // The physical line where the record starts (1 = the first line of the file, normally the
    // header); a record with embedded line breaks spans several lines.
    qint64 line() const { return m_line; }
    // Offset in the file of the record's first byte (after any BOM and skipped blank lines). Exact
    // unless the decoder replaced invalid bytes (CsvReader::hadDecodingErrors()).
    qint64 byteOffset() const { return m_byteOffset; }
    // The record as written in the file, decoded, without its line end. Only with
    // CsvOptions::keepRawText; empty otherwise.
    QStringView rawText() const { return QStringView(m_raw.data(), qsizetype(m_raw.size())); }

    // Empty for a well-formed record; else the message, such as
    // "audits.csv:17: record has 5 fields, the header has 6".
    const QString &problem() const { return m_problem; }
    bool isWellFormed() const { return m_problem.isEmpty(); }

    void clear();
    // For building records by hand (tests, writers); the reader fills records itself.
    void append(QStringView field);

private:
    friend class CsvReader;
    void appendToField(const char16_t *text, qsizetype length) { m_text.append(text, size_t(length)); }
    void endField() { m_ends.push_back(qsizetype(m_text.size())); }

    std::u16string m_text;
    std::vector<qsizetype> m_ends; // end of each field in m_text
    std::u16string m_raw;
    QString m_problem;
    qint64 m_line = 0;
    qint64 m_byteOffset = 0;
};

} // namespace ql

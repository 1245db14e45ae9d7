// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QChar>
#include <QString>
#include <QStringEncoder>
#include <QStringList>
#include <QStringView>

class QIODevice;

namespace ql {

// Writes CSV as formats.md "Export columns" says: RFC 4180, UTF-8, CRLF line ends, a field quoted
// only when it holds the delimiter, a quote, CR or LF (leading and trailing spaces are written as
// they are), and an optional BOM. Text cells that begin with = + - @ tab or CR get a leading ' so
// that a spreadsheet does not run them as formulas; numbers are written as numbers, in the
// shortest form that reads back to the same double.
//
// A record of one empty field is written as "" so that it does not read back as a blank line
// (which CsvReader skips).
class CsvWriter final
{
public:
    struct Options
    {
        QChar delimiter = QChar(u',');
        bool byteOrderMark = false; // for Excel (--excel)
        bool formulaGuard = true;   // addText() guards; off for files meant to be read back verbatim
    };

    explicit CsvWriter(QIODevice *device);
    CsvWriter(QIODevice *device, Options options);
    ~CsvWriter(); // flushes
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    // One cell of the current record each.
    void addText(QStringView text);  // a text column: formula guard applies
    void addPlain(QStringView text); // verbatim (the original fields of a rejected row)
    void addNumber(double value);    // shortest round-trip form; NaN and infinities as an empty cell
    void addInteger(qint64 value);
    void addEmpty() { addPlain({}); }
    // Ends the record with CRLF. False once writing has failed.
    bool endRecord();

    bool writeTextRecord(const QStringList &fields);  // addText() each, endRecord()
    bool writePlainRecord(const QStringList &fields); // addPlain() each, endRecord()

    bool flush();
    bool hasError() const { return m_error; }
    QString errorString() const { return m_errorString; }

    static bool needsQuotes(QStringView text, QChar delimiter);
    static bool needsFormulaGuard(QStringView text);
    static QString formatNumber(double value);

private:
    void beginField();
    void appendUtf8(QStringView text);
    void appendField(QStringView text, bool guard);

    QIODevice *m_device;
    Options m_options;
    QStringEncoder m_encoder;
    QByteArray m_buffer;
    qint64 m_flushed = 0;     // bytes handed to the device
    qint64 m_recordStart = 0; // where the current record starts, counting flushed bytes
    int m_fieldsInRecord = 0;
    bool m_error = false;
    QString m_errorString;
};

} // namespace ql

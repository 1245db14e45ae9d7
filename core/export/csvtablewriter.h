// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tablewriter.h"

#include <memory>

class QSaveFile;

namespace ql {

class CsvWriter;

// A table as CSV (formats.md "Export columns"): RFC 4180, UTF-8, CRLF, quoting only where needed,
// a BOM when asked (--excel). Text cells get the formula guard (a leading ' before = + - @ tab CR);
// numbers, integers and dates are written as they are, so -3 stays a number. Dates are ISO 8601.
//
// The file is written through QSaveFile: a temporary file in the same folder, renamed over the
// target by finish(); without a successful finish() nothing is left behind.
class CsvTableWriter final : public TableWriter
{
public:
    struct Options
    {
        bool byteOrderMark = false; // --excel: Excel then reads the file as UTF-8
    };

    explicit CsvTableWriter(const QString &path);
    CsvTableWriter(const QString &path, Options options);
    ~CsvTableWriter() override;

    bool begin(const QStringList &header) override;
    void addText(QStringView text) override;
    void addNumber(double value) override;
    void addInteger(qint64 value) override;
    void addDate(QDate date) override;
    void addEmpty() override;
    bool endRow() override;
    bool finish() override;
    QString errorString() const override { return m_error; }

    qint64 dataRows() const { return m_rows; } // rows ended after the header

private:
    bool fail(const QString &message);

    QString m_path;
    Options m_options;
    std::unique_ptr<QSaveFile> m_file;
    std::unique_ptr<CsvWriter> m_csv;
    QString m_error;
    qint64 m_rows = -1; // the header is row 0
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace ql {

// A sink for one table of typed cells, written row by row: begin() with the header, then per row
// one add…() per column and endRow(), then finish(). Nothing is held per row, so a million rows
// stream through in constant memory. Implementations: CsvTableWriter, XlsxTableWriter, and
// TableMeasure (counts rows and measures text for the XLSX column widths).
//
// A file writer writes to a temporary name beside the target and only finish() puts the file in
// place; a writer destroyed without a successful finish() leaves nothing behind, and an existing
// file of that name untouched.
class TableWriter
{
public:
    virtual ~TableWriter() = default;

    // False when the output cannot be started (errorString() says why).
    virtual bool begin(const QStringList &header) = 0;

    virtual void addText(QStringView text) = 0; // a text cell; an empty one is an empty cell
    virtual void addNumber(double value) = 0;   // NaN and infinities are written as empty cells
    virtual void addInteger(qint64 value) = 0;
    virtual void addDate(QDate date) = 0; // an invalid date is an empty cell
    virtual void addEmpty() = 0;

    // Ends the row; false once writing has failed (stop producing rows then).
    virtual bool endRow() = 0;
    // Completes the output and puts the file in place; false when that failed.
    virtual bool finish() = 0;

    virtual QString errorString() const = 0;

protected:
    TableWriter() = default;
    TableWriter(const TableWriter &) = delete;
    TableWriter &operator=(const TableWriter &) = delete;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportquery.h"
#include "xlsxtablewriter.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace ql {

// `export`: one source of a project, filtered, into a CSV or XLSX file (by the file's extension).
// The reads run in one read transaction, so the XLSX passes (count, measure, write) see the same
// rows even while another process writes to the project.
class DataExport final
{
public:
    struct Options
    {
        bool byteOrderMark = false; // CSV for Excel (--excel)
        qint64 maxXlsxRows = XlsxTableWriter::SheetRowLimit;
        std::function<bool(qint64)> progress; // rows so far; false cancels
    };

    enum class Status {
        Written,
        UnknownFormat,    // the file is neither .csv nor .xlsx (CLI exit 2)
        InvalidSpec,      // (CLI exit 2)
        UnknownDimension, // (CLI exit 3)
        TooManyRows,      // XLSX over the sheet limit; nothing written (CLI exit 3)
        ReadFailed,       // the project could not be read (CLI exit 4)
        WriteFailed,      // the file could not be written; nothing left behind (CLI exit 4)
        Cancelled,
    };

    struct Result
    {
        Status status = Status::ReadFailed;
        qint64 rows = 0;
        qint64 truncatedCells = 0; // XLSX texts cut to Excel's 32,767 characters
        QString error;
    };

    static Result run(const QSqlDatabase &db, const ExportSpec &spec, const QString &path, const Options &options);
};

} // namespace ql

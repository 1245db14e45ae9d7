// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xlsxtablewriter.h"

#include <QString>

#include <functional>
#include <optional>

namespace ql {

class TableWriter;

// Writes one table to a CSV or XLSX file from a producer that can be run more than once: the data
// export of the CLI (ExportQuery) and, later, "Export…" from any table of the GUI. It knows nothing
// of where the rows come from.
//
// CSV takes one pass. XLSX takes two: the first (into a TableMeasure) counts the rows, so that more
// than the sheet holds is refused before any file is touched, and measures the longest text of each
// column for the widths; the second writes. Both passes must produce the same rows (ExportQuery
// runs them in one read transaction). The measuring pass costs a read of the data; it buys exact
// widths ("longest text", not a sample's) and the autofilter's range, which libxlsxwriter's
// constant_memory mode needs before the first row.
class TableExport final
{
public:
    enum class Format { Csv, Xlsx };

    // .csv or .xlsx, in any letter case; std::nullopt for anything else.
    static std::optional<Format> formatOf(const QString &path);

    // Writes the header and every row into out; returns false to stop, with the reason in *error
    // (a read error, or "cancelled"). It is called once per pass.
    using Producer = std::function<bool(TableWriter &out, QString *error)>;

    struct Options
    {
        Format format = Format::Csv;
        bool byteOrderMark = false;                          // CSV only (--excel)
        qint64 maxXlsxRows = XlsxTableWriter::SheetRowLimit; // lower only in tests
        qint64 knownRows = -1; // when the caller has counted: refuse at once when over the limit
        QString sheetName;     // XLSX
    };

    struct Result
    {
        enum Status { Written, TooManyRows, SourceFailed, OutputFailed };
        Status status = OutputFailed;
        qint64 rows = 0;           // data rows written (or counted, for TooManyRows)
        qint64 truncatedCells = 0; // XLSX cells whose text was cut to the cell limit
        QString error;
        bool ok() const { return status == Written; }
    };

    static Result write(const QString &path, const Options &options, const Producer &produce);
};

} // namespace ql

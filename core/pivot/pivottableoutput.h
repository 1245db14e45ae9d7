// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivotresult.h"

#include <QString>

namespace ql {

class TableWriter;

// A computed pivot written into any TableWriter (CSV, XLSX, or TableMeasure for the XLSX widths),
// with typed cells: the same rows and labels as PivotOutput's long and grid CSV (cli.md "Output
// formats"), so a file exported from the pivot page reads like `qualitylens-cli pivot … --out`.
// Long: header = row dimensions, column dimensions, measure, value; one row per non-empty value.
// Grid: the first header row goes to begin(), the other header rows follow as rows of text.
class PivotTableOutput final
{
public:
    enum class Shape { Long, Grid };

    // Writes header and rows; false with *error when the writer failed.
    static bool write(const PivotResult &result, Shape shape, TableWriter &out, QString *error);

    // Data rows under the header that write() produces (to refuse an XLSX over the sheet at once).
    static qint64 rowCount(const PivotResult &result, Shape shape);
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivottableoutput.h"

#include "export/tablewriter.h"

namespace ql {

namespace {

bool fail(TableWriter &out, QString *error)
{
    *error = out.errorString();
    return false;
}

bool writeLong(const PivotResult &result, TableWriter &out, QString *error)
{
    if (!out.begin(result.rowDimensions() + result.columnDimensions() +
                   QStringList{QStringLiteral("measure"), QStringLiteral("value")}))
        return fail(out, error);
    for (int k = 0; k < result.cellCount(); ++k) {
        const PivotResult::Cell &cell = result.cell(k);
        for (int m = 0; m < result.measureCount(); ++m) {
            const std::optional<PivotValue> &v = result.cellValue(k, m);
            if (!v)
                continue;
            for (const QString &l : result.row(cell.row).labels)
                out.addText(l);
            for (const QString &l : result.column(cell.column).labels)
                out.addText(l);
            out.addText(result.measures().at(m));
            out.addNumber(v->value);
            if (!out.endRow())
                return fail(out, error);
        }
    }
    return true;
}

bool writeGrid(const PivotResult &result, TableWriter &out, QString *error)
{
    const QStringList &rowDims = result.rowDimensions();
    const QStringList &colDims = result.columnDimensions();
    const int labelColumns = int(rowDims.size());
    const int measures = result.measureCount();
    const bool measureRow = measures > 1 || colDims.isEmpty();
    const int headerRows = int(colDims.size()) + (measureRow ? 1 : 0);
    // As PivotOutput::toGrid: the row dimensions' names on the last header row, a column
    // dimension's name at the right end of the label columns on its own row.
    auto headerRow = [&](int h) {
        QStringList fields;
        const bool lastHeader = h == headerRows - 1;
        for (int l = 0; l < labelColumns; ++l)
            fields << (lastHeader ? rowDims.at(l) : l == labelColumns - 1 ? colDims.at(h) : QString());
        for (int j = 0; j < result.columnCount(); ++j)
            for (int m = 0; m < measures; ++m)
                fields << (h < colDims.size() ? result.column(j).labels.at(h) : result.measures().at(m));
        return fields;
    };
    if (!out.begin(headerRow(0)))
        return fail(out, error);
    for (int h = 1; h < headerRows; ++h) {
        for (const QString &f : headerRow(h))
            out.addText(f);
        if (!out.endRow())
            return fail(out, error);
    }
    int k = 0; // cells are in row, then column order
    for (int i = 0; i < result.rowCount(); ++i) {
        for (const QString &l : result.row(i).labels)
            out.addText(l);
        for (int j = 0; j < result.columnCount(); ++j) {
            const bool here = k < result.cellCount() && result.cell(k).row == i && result.cell(k).column == j;
            for (int m = 0; m < measures; ++m) {
                const std::optional<PivotValue> *v = here ? &result.cellValue(k, m) : nullptr;
                if (v && *v)
                    out.addNumber((*v)->value);
                else
                    out.addEmpty();
            }
            if (here)
                ++k;
        }
        if (!out.endRow())
            return fail(out, error);
    }
    return true;
}

} // namespace

bool PivotTableOutput::write(const PivotResult &result, Shape shape, TableWriter &out, QString *error)
{
    return shape == Shape::Long ? writeLong(result, out, error) : writeGrid(result, out, error);
}

qint64 PivotTableOutput::rowCount(const PivotResult &result, Shape shape)
{
    if (shape == Shape::Grid) {
        const bool measureRow = result.measureCount() > 1 || result.columnDimensions().isEmpty();
        const qint64 headerRows = result.columnDimensions().size() + (measureRow ? 1 : 0);
        return headerRows - 1 + result.rowCount();
    }
    qint64 n = 0;
    for (int k = 0; k < result.cellCount(); ++k)
        for (int m = 0; m < result.measureCount(); ++m)
            n += result.cellValue(k, m) ? 1 : 0;
    return n;
}

} // namespace ql

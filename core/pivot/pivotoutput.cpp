// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotoutput.h"

#include "import/csvwriter.h"
#include "pivotjsonwriter.h"

#include <QBuffer>

namespace ql {

std::optional<PivotOutput::Format> PivotOutput::formatFromName(const QString &name)
{
    if (name == QLatin1String("long"))
        return Format::Long;
    if (name == QLatin1String("grid"))
        return Format::Grid;
    if (name == QLatin1String("json"))
        return Format::Json;
    return std::nullopt;
}

QByteArray PivotOutput::format(const PivotResult &result, Format format)
{
    switch (format) {
    case Format::Long:
        return toLong(result);
    case Format::Grid:
        return toGrid(result);
    case Format::Json:
        return toJson(result);
    }
    return {};
}

QByteArray PivotOutput::toLong(const PivotResult &result)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter csv(&buffer);
        csv.writeTextRecord(result.rowDimensions() + result.columnDimensions() +
                            QStringList{QStringLiteral("measure"), QStringLiteral("value")});
        for (int k = 0; k < result.cellCount(); ++k) {
            const PivotResult::Cell &cell = result.cell(k);
            const QStringList &rowLabels = result.row(cell.row).labels;
            const QStringList &colLabels = result.column(cell.column).labels;
            for (int m = 0; m < result.measureCount(); ++m) {
                const std::optional<PivotValue> &v = result.cellValue(k, m);
                if (!v)
                    continue;
                for (const QString &l : rowLabels)
                    csv.addText(l);
                for (const QString &l : colLabels)
                    csv.addText(l);
                csv.addText(result.measures().at(m));
                csv.addNumber(v->value);
                csv.endRecord();
            }
        }
    }
    return out;
}

QByteArray PivotOutput::toGrid(const PivotResult &result)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    CsvWriter csv(&buffer);
    const QStringList &rowDims = result.rowDimensions();
    const QStringList &colDims = result.columnDimensions();
    const int labelColumns = int(rowDims.size());
    const int measures = result.measureCount();
    const bool measureRow = measures > 1 || colDims.isEmpty();
    const int headerRows = int(colDims.size()) + (measureRow ? 1 : 0);
    for (int h = 0; h < headerRows; ++h) {
        const bool lastHeader = h == headerRows - 1;
        for (int l = 0; l < labelColumns; ++l) {
            if (lastHeader)
                csv.addText(rowDims.at(l));
            else if (l == labelColumns - 1)
                csv.addText(colDims.at(h));
            else
                csv.addEmpty();
        }
        for (int j = 0; j < result.columnCount(); ++j)
            for (int m = 0; m < measures; ++m)
                csv.addText(h < colDims.size() ? result.column(j).labels.at(h) : result.measures().at(m));
        csv.endRecord();
    }
    int k = 0; // cells are in row, then column order
    for (int i = 0; i < result.rowCount(); ++i) {
        for (const QString &l : result.row(i).labels)
            csv.addText(l);
        for (int j = 0; j < result.columnCount(); ++j) {
            const bool here = k < result.cellCount() && result.cell(k).row == i && result.cell(k).column == j;
            for (int m = 0; m < measures; ++m) {
                const std::optional<PivotValue> *v = here ? &result.cellValue(k, m) : nullptr;
                if (v && *v)
                    csv.addNumber((*v)->value);
                else
                    csv.addEmpty();
            }
            if (here)
                ++k;
        }
        csv.endRecord();
    }
    csv.flush();
    return out;
}

QByteArray PivotOutput::toJson(const PivotResult &result)
{
    PivotJsonWriter w;
    w.beginObject();
    w.key("spec").raw(result.spec().toJson());
    w.key("cells").beginArray();
    const QStringList dims = result.rowDimensions() + result.columnDimensions();
    for (int k = 0; k < result.cellCount(); ++k) {
        const PivotResult::Cell &cell = result.cell(k);
        const QStringList labels = result.row(cell.row).labels + result.column(cell.column).labels;
        for (int m = 0; m < result.measureCount(); ++m) {
            const std::optional<PivotValue> &v = result.cellValue(k, m);
            if (!v)
                continue;
            w.beginObject();
            for (qsizetype d = 0; d < dims.size(); ++d)
                w.key(dims.at(d)).string(labels.at(d));
            w.key("measure").string(result.measures().at(m));
            w.key("value").number(v->value);
            w.key("n").integer(v->n);
            w.endObject();
        }
    }
    w.endArray();
    w.endObject();
    QByteArray out = w.take();
    out += '\n';
    return out;
}

} // namespace ql

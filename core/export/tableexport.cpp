// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableexport.h"

#include "csvtablewriter.h"
#include "tablemeasure.h"

#include <QLocale>
#include <QObject>

namespace ql {

namespace {
// The ZIP container needs ZIP64 once a part passes 4 GiB; leave room for the estimate's error.
constexpr qint64 Zip64Above = qint64(3) << 30;
} // namespace

std::optional<TableExport::Format> TableExport::formatOf(const QString &path)
{
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return Format::Csv;
    if (path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive))
        return Format::Xlsx;
    return std::nullopt;
}

TableExport::Result TableExport::write(const QString &path, const Options &options, const Producer &produce)
{
    Result result;
    if (options.format == Format::Csv) {
        CsvTableWriter::Options csv;
        csv.byteOrderMark = options.byteOrderMark;
        CsvTableWriter writer(path, csv);
        QString error;
        if (!produce(writer, &error)) {
            result.status = writer.errorString().isEmpty() ? Result::SourceFailed : Result::OutputFailed;
            result.error = writer.errorString().isEmpty() ? error : writer.errorString();
            return result; // the writer's destructor discards the temporary file
        }
        if (!writer.finish()) {
            result.error = writer.errorString();
            return result;
        }
        result.status = Result::Written;
        result.rows = writer.dataRows();
        return result;
    }

    if (options.knownRows > options.maxXlsxRows) {
        result.status = Result::TooManyRows;
        result.rows = options.knownRows;
        result.error = XlsxTableWriter::tooManyRowsMessage(options.knownRows, options.maxXlsxRows);
        return result;
    }
    TableMeasure measure(options.maxXlsxRows);
    QString error;
    if (!produce(measure, &error) && !measure.stoppedEarly()) {
        result.status = Result::SourceFailed;
        result.error = error;
        return result;
    }
    if (measure.stoppedEarly()) {
        result.status = Result::TooManyRows;
        result.rows = measure.dataRows();
        QLocale c = QLocale::c();
        c.setNumberOptions(QLocale::DefaultNumberOptions);
        result.error = QObject::tr("the export has more than %1 rows and an XLSX sheet holds at most %1 under its "
                                   "header; narrow it (--filter, --from, --to) or export to CSV")
                           .arg(c.toString(options.maxXlsxRows));
        return result;
    }

    XlsxTableWriter::Options xlsx;
    xlsx.dataRows = measure.dataRows();
    xlsx.maxDataRows = options.maxXlsxRows;
    xlsx.sheetName = options.sheetName;
    xlsx.zip64 = measure.estimatedXmlBytes() > Zip64Above;
    for (const qsizetype longest : measure.longest())
        xlsx.columnWidths << XlsxTableWriter::columnWidth(longest);
    XlsxTableWriter writer(path, xlsx);
    if (!produce(writer, &error)) {
        result.status = writer.tooManyRows()             ? Result::TooManyRows
                        : writer.errorString().isEmpty() ? Result::SourceFailed
                                                         : Result::OutputFailed;
        result.error = writer.errorString().isEmpty() ? error : writer.errorString();
        return result;
    }
    if (!writer.finish()) {
        result.error = writer.errorString();
        return result;
    }
    result.status = Result::Written;
    result.rows = xlsx.dataRows;
    result.truncatedCells = writer.truncatedCells();
    return result;
}

} // namespace ql

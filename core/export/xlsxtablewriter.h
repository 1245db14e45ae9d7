// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tablewriter.h"

#include <QByteArray>
#include <QList>

#include <memory>

class QTemporaryFile;
struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace ql {

// A table as an XLSX workbook of one sheet (formats.md "Export columns"), written by libxlsxwriter
// in constant_memory mode: each row goes to disk as it ends, so memory stays flat at any size.
// Typed cells (numbers as numbers, dates as dates formatted yyyy-mm-dd, text as inline strings), a
// bold header row frozen in place, an autofilter over the data and the given column widths.
//
// constant_memory mode cannot revisit rows, and libxlsxwriter then accepts the autofilter only
// before the first row is written, so the number of data rows must be known up front (Options::
// dataRows; TableExport measures it in a first pass). The widths are set up front too, the order
// libxlsxwriter documents. More rows than maxDataRows (the sheet's 1,048,575 under the header) are
// refused by begin(), before anything is written.
//
// The workbook is written to a temporary file in the target's folder and renamed over the target by
// finish(); a failure, or destruction without finish(), leaves nothing behind.
class XlsxTableWriter final : public TableWriter
{
public:
    static constexpr qint64 SheetRowLimit = 1'048'575; // data rows under the header row
    static constexpr int ColumnLimit = 16'384;
    static constexpr qsizetype CellTextLimit = 32'767; // characters in one cell; longer text is cut

    struct Options
    {
        qint64 dataRows = 0;                // rows that will follow the header (the autofilter's range)
        QList<double> columnWidths;         // per column, in Excel's character units; missing: default
        qint64 maxDataRows = SheetRowLimit; // lower only in tests
        QString sheetName;                  // empty: Sheet1; cut to Excel's 31 characters
        bool zip64 = false;                 // for sheets whose XML passes 4 GB
    };

    // formats.md: the longest text × 1.1 + 2, at most 60 (Excel's character units).
    static double columnWidth(qsizetype longestText);
    // The message for an export over the limit, shared with TableExport's early refusal.
    static QString tooManyRowsMessage(qint64 rows, qint64 limit);

    XlsxTableWriter(const QString &path, Options options);
    ~XlsxTableWriter() override;

    bool begin(const QStringList &header) override;
    void addText(QStringView text) override;
    void addNumber(double value) override;
    void addInteger(qint64 value) override;
    void addDate(QDate date) override;
    void addEmpty() override;
    bool endRow() override;
    bool finish() override;
    QString errorString() const override { return m_error; }

    bool tooManyRows() const { return m_tooManyRows; }    // begin() refused because of the limit
    qint64 truncatedCells() const { return m_truncated; } // texts cut to CellTextLimit

private:
    bool fail(const QString &message);
    bool check(int lxwError);
    void discard();

    QString m_path;
    Options m_options;
    std::unique_ptr<QTemporaryFile> m_temp;
    lxw_workbook *m_workbook = nullptr;
    lxw_worksheet *m_sheet = nullptr;
    lxw_format *m_bold = nullptr;
    lxw_format *m_dateFormat = nullptr;
    QByteArray m_utf8; // reused for every text cell
    quint32 m_row = 0; // the sheet row being written (0 is the header)
    int m_col = 0;
    int m_columns = 0;
    qint64 m_truncated = 0;
    bool m_tooManyRows = false;
    QString m_error;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tablewriter.h"

#include <QList>

namespace ql {

// A TableWriter that writes nothing: it counts the data rows and measures the longest text of each
// column as a spreadsheet shows it (header included), for the XLSX column widths and row limit.
// Text is measured in characters (code points); a number as Excel's General format shows it (at
// most 11 characters), a date as yyyy-mm-dd.
class TableMeasure final : public TableWriter
{
public:
    // endRow() returns false once more than stopAfter data rows came (-1: never), so a producer
    // stops early when the answer is already "too many".
    explicit TableMeasure(qint64 stopAfter = -1) : m_stopAfter(stopAfter) {}

    bool begin(const QStringList &header) override;
    void addText(QStringView text) override;
    void addNumber(double value) override;
    void addInteger(qint64 value) override;
    void addDate(QDate date) override;
    void addEmpty() override { ++m_col; }
    bool endRow() override;
    bool finish() override { return true; }
    QString errorString() const override { return {}; }

    qint64 dataRows() const { return m_rows; }
    bool stoppedEarly() const { return m_stopAfter >= 0 && m_rows > m_stopAfter; }
    const QList<qsizetype> &longest() const { return m_longest; }
    // Roughly how many bytes the sheet's XML takes (decides ZIP64 for very large sheets).
    qint64 estimatedXmlBytes() const { return m_xmlBytes; }

    static qsizetype displayLength(double value);

private:
    void measure(qsizetype length);

    QList<qsizetype> m_longest;
    qint64 m_stopAfter;
    qint64 m_rows = -1; // the header is row 0
    qint64 m_xmlBytes = 0;
    int m_col = 0;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibrationmetrics.h"
#include "calibrationtypes.h"

#include <QSqlDatabase>
#include <QVariant>

#include <optional>

namespace ql {

// How a column's numbers read; the PDF and XLSX writers format them from this, so the same
// numbers go to both (the XLSX keeps them as numbers).
enum class CalibrationReportFormat : quint8 {
    Text,
    Count,         // whole number
    Percent,       // 0–100, one decimal, "%"
    SignedPoints,  // points, two decimals, with a sign (+ lenient, − severe)
    Points,        // points, two decimals
    Statistic,     // α, AC1: three decimals
};

struct CalibrationReportTable
{
    QString key;   // participants, mismatches, criteria, spread, consensus, notes
    QString title; // "Participants ranked by alignment"
    QString note;  // a line under the table (what the figures mean); may be empty
    QStringList header;
    QList<CalibrationReportFormat> formats; // per column
    QList<QVariantList> rows;               // per row, per column: double, qint64 or QString; invalid = "–"
};

// A session report (calibration.md, issue 7): participants ranked by alignment with their signed
// deviation, critical mismatches, per-criterion α with its interpretation band, the items with the
// widest spread, the consensus decisions and the discussion notes. Plain values, built from the
// session and its metrics alone (no clock), so the same session gives the same report.
struct CalibrationReport
{
    qint64 sessionId = 0;
    QString title;       // the session's title
    QString subtitle;    // "2026-03-20 · Calibration QA v1 · lead Lead · resolved"
    QStringList facts;   // baseline, session score, tolerance, threshold, items and raters
    QList<CalibrationReportTable> tables;

    const CalibrationReportTable *table(const QString &key) const;
};

// How many of the widest-spread items the report lists.
inline constexpr int calibrationReportSpreadItems = 5;

CalibrationReport buildCalibrationReport(const CalibrationSessionData &data, const CalibrationMetrics &metrics);
// From review on (answers are blind before); tolerance and threshold from the project settings.
std::optional<CalibrationReport> calibrationReport(const QSqlDatabase &db, qint64 sessionId,
                                                   CalibrationError *error = nullptr);

// A cell as the PDF prints it ("84.2%", "+2.50", "0.812", "–").
QString formatCalibrationReportCell(const QVariant &value, CalibrationReportFormat format);

// One sheet per table after a Summary sheet, numbers as numbers; written to a temporary file and
// renamed over `path`, so a failure leaves nothing behind. False with a message naming the file.
bool writeCalibrationReportXlsx(const CalibrationReport &report, const QString &path, QString *error);

} // namespace ql

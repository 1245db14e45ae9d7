// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibration/calibrationreport.h"

#include <QByteArray>
#include <QString>

#include <memory>

class QTextDocument;

namespace ql {

// The session report as a PDF (style.md "Reports"): a QTextDocument printed to QPdfWriter, its
// charts (participants' mean signed deviation, α per criterion) painted by render/'s ChartScene
// through a QTextObjectInterface, so they stay vector. A4 or Letter as the project's setting says.
namespace CalibrationReportPdf {

// The document the PDF prints (tests read its text); charts are object characters in it.
std::unique_ptr<QTextDocument> document(const CalibrationReport &report);
QByteArray pdf(const CalibrationReport &report, const QString &pageSize = QStringLiteral("A4"));
// Written atomically; false with a message naming the file.
bool write(const CalibrationReport &report, const QString &path, const QString &pageSize, QString *error);

} // namespace CalibrationReportPdf

} // namespace ql

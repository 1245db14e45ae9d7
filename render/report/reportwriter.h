// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportdocument.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace ql {

// Writing a report (docs/reports.md): a paged PDF (ReportLayout, charts as vectors) or one
// self-contained HTML file (inline CSS, charts as inline SVG, no external references). Files are
// written atomically; nothing is left half-written.
namespace ReportWriter {

enum class Format { Pdf, Html };
std::optional<Format> formatForPath(const QString &path); // by the suffix: .pdf, .html/.htm

QByteArray pdf(const ReportDocument &document);
QByteArray html(const ReportDocument &document);

// false with a message naming the file when it cannot be written.
bool write(const ReportDocument &document, const QString &path, Format format, QString *error);

} // namespace ReportWriter

} // namespace ql

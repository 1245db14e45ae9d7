// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChar>
#include <QHash>
#include <QString>

namespace ql {

// Writes the rejects file of formats.md: UTF-8, the input's delimiter, the original header plus a
// `reason` column, then each rejected record with its fields as read and its reason.
//
// It reads the input a second time and copies only the rejected records, so the import itself
// never keeps rows in memory in case they are rejected later (an audit's last row can reject its
// first).
namespace RejectsWriter {
bool write(const QString &inputPath, const QString &encoding, QChar delimiter,
           const QHash<qint64, QString> &rejectedLines, const QString &outputPath, QString *error);
} // namespace RejectsWriter

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace ql {

// One rejected row (or a refusal about the file as a whole), for the CLI's stderr, the wizard's
// problem table and the rejects file's `reason` column.
struct ImportProblem
{
    QString file;    // base name of the file
    qint64 line = 0; // physical line where the record starts (1 = header); 0 for the whole file
    QString field;   // the mapping field (agent, value, …) or empty
    QString value;   // the cell's text as written, or empty
    QString reason;  // "value "7" for criterion tone is outside its scale 1–5"

    // "audits.csv:1043: value "7" for criterion tone is outside its scale 1–5" (cli.md).
    QString message() const
    {
        if (line > 0)
            return QStringLiteral("%1:%2: %3").arg(file, QString::number(line), reason);
        return file.isEmpty() ? reason : QStringLiteral("%1: %2").arg(file, reason);
    }
};

} // namespace ql

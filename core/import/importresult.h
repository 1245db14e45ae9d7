// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detectedencoding.h"
#include "importproblem.h"
#include "importsummary.h"

#include <QChar>
#include <QList>
#include <QString>

namespace ql {

// What Importer::run() did.
struct ImportResult
{
    enum Status {
        Imported,  // committed (with skip-invalid, possibly with rejected rows left out); a dry run that would
        Rejected,  // rows were rejected and nothing was imported (exit 3)
        Refused,   // the file does not fit the mapping (a mapped column missing, a quote never closed): exit 3
        Cancelled, // stopped through ImportOptions::cancel; nothing changed
        Failed,    // the file or the project could not be read or written (exit 4); nothing changed
    };

    Status status = Failed;
    ImportSummary summary;
    // Every problem, in file order: rejected rows, or the refusal. Rows rejected only because another
    // row of their audit was are not listed (they are in the rejects file).
    QList<ImportProblem> problems;
    QString error; // Refused, Failed: one message for people
    bool rejectsWritten = false;
    DetectedEncoding encoding;
    QChar delimiter;
    QString delimiterDescription;
    qint64 answersInserted = 0;

    bool changedNothing() const { return status != Imported || summary.dryRun; }
};

} // namespace ql

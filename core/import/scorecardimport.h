// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importsummary.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>

namespace ql {

// `import PROJECT --scorecard CARD.json` (formats.md "Scorecard definition", scoring.md
// "Versions"): a scorecard whose name is new becomes version 1 (or the file's version); one whose
// content differs from the current version beyond names and descriptions becomes a new version,
// from the file's valid_from (default today), and the previous version ends the day before; a
// change of names or descriptions only updates the current version in place; identical content
// changes nothing. Recorded in import_log (kind scorecard) and the change log, in one transaction.
class ScorecardImport final
{
public:
    enum class Outcome { Created, NewVersion, NamesUpdated, Unchanged };

    struct Result
    {
        bool ok = false;
        bool invalidInput = false; // the file does not fit (exit 3) rather than cannot be read (exit 4)
        QString error;
        Outcome outcome = Outcome::Unchanged;
        QString name;
        int version = 0;
        qint64 scorecardId = 0;
        ImportSummary summary;

        static QString outcomeName(Outcome outcome); // created, new_version, names_updated, unchanged
        QByteArray toJson() const;                   // the summary line plus scorecard, version, outcome
    };

    static Result importFile(QSqlDatabase db, const QString &path, const QString &who = {}, QDate today = {});
};

} // namespace ql

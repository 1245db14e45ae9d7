// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace ql {

// What a re-import needs to know about the records of a source that are already in the project:
// their row id, the hash of the content they were imported with, whether they were changed in the
// application since, and (audits) the scorecard version they were scored with.
struct ExistingRecord
{
    qint64 id = 0;
    QString contentHash;
    bool localChanges = false;
    qint64 scorecardId = 0;
};

namespace ExistingRecords {
// table: "audits" (keyed by audit_key) or "csat_responses" (by response_key); one source.
bool load(const QSqlDatabase &db, const QString &table, const QString &source, QHash<QString, ExistingRecord> *out,
          QString *error);
} // namespace ExistingRecords

} // namespace ql

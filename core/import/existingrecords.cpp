// SPDX-License-Identifier: GPL-3.0-or-later
#include "existingrecords.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ql::ExistingRecords {

bool load(const QSqlDatabase &db, const QString &table, const QString &source, QHash<QString, ExistingRecord> *out,
          QString *error)
{
    out->clear();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (table == u"audits")
        q.prepare(QStringLiteral(
            "SELECT id, audit_key, content_hash, local_changes, scorecard_id FROM audits WHERE source = ?"));
    else
        q.prepare(QStringLiteral("SELECT id, response_key, content_hash, 0, 0 FROM csat_responses WHERE source = ?"));
    q.addBindValue(source);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        ExistingRecord r;
        r.id = q.value(0).toLongLong();
        r.contentHash = q.value(2).toString();
        r.localChanges = q.value(3).toInt() != 0;
        r.scorecardId = q.value(4).toLongLong();
        out->insert(q.value(1).toString(), r);
    }
    return true;
}

} // namespace ql::ExistingRecords

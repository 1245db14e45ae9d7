// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "existingrecords.h"
#include "pendingaudit.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QString>

#include <vector>

namespace ql {

struct ImportContext;

// Finishes an assembled audit: a rejected one takes its other rows with it ("another row of audit
// X was rejected"); a valid one is scored with the ScoringEngine of its scorecard version, hashed,
// compared with the stored audit of the same id, and inserted, replaced, kept (unchanged, or
// kept_local with the source's values in source_pending), with change-log entries for updates.
class AuditCommitter final
{
public:
    AuditCommitter(ImportContext &context, const QHash<QString, ExistingRecord> &existing);

    void commit(PendingAudit &audit);
    // --replace-range: removes the source's audits dated from..to whose ids the file did not hold.
    bool removeMissing(QDate from, QDate to, const QSet<QString> &keysInFile);

    qint64 answersInserted() const { return m_answers; }

    // The content hash of an audit as imported (docs/import.md "Re-importing").
    static QString hashOf(const PendingAudit &audit);
    // The source's values of an audit, as source_pending and the change log store them.
    static QString json(const PendingAudit &audit);

private:
    void reject(PendingAudit &audit);
    bool write(const PendingAudit &audit, qint64 existingId, const QString &hash);
    QString storedJson(qint64 auditId) const;

    ImportContext &m_ctx;
    const QHash<QString, ExistingRecord> &m_existing;
    std::vector<AnswerInput> m_inputs;
    qint64 m_answers = 0;
};

} // namespace ql

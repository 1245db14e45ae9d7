// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditcorrections.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace ql {

// One dispute of an audit (docs/schema.md "disputes").
struct Dispute
{
    enum class State : quint8 { Open, Accepted, PartiallyAccepted, Rejected };

    qint64 id = 0;
    qint64 auditId = 0;
    QString openedAt;
    QString openedBy;
    QString openerRole; // "agent" or "lead"
    QString comment;
    State state = State::Open;
    QString decidedAt;
    QString decidedBy;
    QString decisionComment;
    qint64 reauditId = 0;
    QStringList criteria; // keys of the criteria disputed, in scorecard order

    static QString stateName(State state); // open, accepted, partially_accepted, rejected
};

// A new value for one disputed criterion, applied when the dispute is accepted.
struct DisputeCorrection
{
    QString criterionKey;
    AnswerState state;
};

// Opens and decides disputes. Each call is one transaction with its change-log rows (entity
// `dispute`); a decision that accepts a dispute applies its corrections to the audit in the same
// transaction (AuditCorrections: the audit is re-scored and keeps every version in the change log).
// Accepting (the auditor's answer is overturned) needs at least one correction; partially
// accepting needs one and applies only those given; rejecting (the answer is upheld) takes none.
class DisputeStore final
{
public:
    explicit DisputeStore(QSqlDatabase db);

    std::optional<qint64> open(qint64 auditId, const QString &openedBy, const QString &openerRole,
                               const QString &comment, const QStringList &criterionKeys, QString *error);
    bool decide(qint64 disputeId, Dispute::State decision, const QString &decidedBy, const QString &decisionComment,
                const QList<DisputeCorrection> &corrections, QString *error);

    std::optional<Dispute> load(qint64 disputeId, QString *error = nullptr) const;
    QList<Dispute> forAudit(qint64 auditId) const;

private:
    QSqlDatabase m_db;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditcorrections.h"

#include <QDate>
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

// A dispute in the disputes list: the dispute with its audit's key, date, agent and auditor.
struct DisputeRow
{
    Dispute dispute;
    QString auditKey;
    QString auditDate;
    QString agentKey;
    QString agentName;
    QString auditor; // name, else key
    std::optional<double> hoursToResolve; // decided_at − opened_at
};

// Outcomes of decided disputes for one auditor or one criterion (issue 4: "outcomes and time to
// resolve per auditor and criterion"). A dispute naming three criteria counts once for each.
struct DisputeOutcome
{
    QString key;  // auditor key or criterion key
    QString name; // auditor or criterion name
    qint64 open = 0;
    qint64 accepted = 0;
    qint64 partiallyAccepted = 0;
    qint64 rejected = 0;
    std::optional<double> meanHoursToResolve;   // over decided disputes
    std::optional<double> medianHoursToResolve;
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
    // `applied`, when given, receives what each correction changed (enough to undo it exactly).
    bool decide(qint64 disputeId, Dispute::State decision, const QString &decidedBy, const QString &decisionComment,
                const QList<DisputeCorrection> &corrections, QString *error,
                QList<CorrectionResult> *applied = nullptr);
    // Takes a decision back (its undo): in one transaction the answers `applied` changed are written
    // back as they were (with the audit's local-changes flag), the dispute is open again, and the
    // change log gains mirror rows with `reason` ("Undo: …"); no log row is deleted.
    bool reopen(qint64 disputeId, const QList<CorrectionResult> &applied, const QString &reason, QString *error);

    // Withdraws an open dispute (the undo of opening it): the dispute and its criteria go, the change
    // log keeps the opening and gains a row saying so with `reason`.
    bool withdraw(qint64 disputeId, const QString &reason, QString *error);

    // Disputes opened in [from, to] (ISO dates of opened_at; invalid dates: unbounded), newest first.
    QList<DisputeRow> list(QDate from = {}, QDate to = {}) const;
    // Outcomes per auditor of the disputed audits, and per criterion disputed.
    static QList<DisputeOutcome> byAuditor(const QList<DisputeRow> &rows);
    QList<DisputeOutcome> byCriterion(const QList<DisputeRow> &rows) const;

    std::optional<Dispute> load(qint64 disputeId, QString *error = nullptr) const;
    QList<Dispute> forAudit(qint64 auditId) const;

private:
    QSqlDatabase m_db;
};

} // namespace ql

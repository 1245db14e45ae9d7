// SPDX-License-Identifier: GPL-3.0-or-later
#include "disputestore.h"

#include "changelog.h"
#include "common/userinfo.h"
#include "savepoint.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ql {

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

Dispute::State stateFromName(const QString &name)
{
    if (name == QLatin1String("accepted"))
        return Dispute::State::Accepted;
    if (name == QLatin1String("partially_accepted"))
        return Dispute::State::PartiallyAccepted;
    if (name == QLatin1String("rejected"))
        return Dispute::State::Rejected;
    return Dispute::State::Open;
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

} // namespace

QString Dispute::stateName(State state)
{
    switch (state) {
    case State::Open:
        return QStringLiteral("open");
    case State::Accepted:
        return QStringLiteral("accepted");
    case State::PartiallyAccepted:
        return QStringLiteral("partially_accepted");
    case State::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

DisputeStore::DisputeStore(QSqlDatabase db) : m_db(std::move(db)) {}

std::optional<qint64> DisputeStore::open(qint64 auditId, const QString &openedBy, const QString &openerRole,
                                         const QString &comment, const QStringList &criterionKeys, QString *error)
{
    if (openerRole != QLatin1String("agent") && openerRole != QLatin1String("lead")) {
        setError(error, QObject::tr("a dispute is opened by an agent or a lead, not '%1'").arg(openerRole));
        return std::nullopt;
    }
    if (openedBy.trimmed().isEmpty()) {
        setError(error, QObject::tr("a dispute needs the name of who opens it"));
        return std::nullopt;
    }
    if (criterionKeys.isEmpty()) {
        setError(error, QObject::tr("a dispute names at least one criterion"));
        return std::nullopt;
    }
    QSqlQuery a(m_db);
    a.prepare(QStringLiteral("SELECT scorecard_id FROM audits WHERE id = ?"));
    a.addBindValue(auditId);
    if (!a.exec() || !a.next()) {
        setError(error, QObject::tr("no audit with id %1").arg(auditId));
        return std::nullopt;
    }
    const qint64 scorecardId = a.value(0).toLongLong();
    QList<qint64> criterionIds;
    for (const QString &key : criterionKeys) {
        QSqlQuery c(m_db);
        c.prepare(QStringLiteral("SELECT id FROM criteria WHERE scorecard_id = ? AND key = ?"));
        c.addBindValue(scorecardId);
        c.addBindValue(key);
        if (!c.exec() || !c.next()) {
            setError(error, QObject::tr("the audit's scorecard has no criterion '%1'").arg(key));
            return std::nullopt;
        }
        if (!criterionIds.contains(c.value(0).toLongLong()))
            criterionIds << c.value(0).toLongLong();
    }

    Savepoint savepoint(m_db, QStringLiteral("ql_dispute"));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO disputes(audit_id, opened_at, opened_by, opener_role, comment, state) "
                             "VALUES (?, ?, ?, ?, ?, 'open')"));
    for (const QVariant &v : {QVariant(auditId), QVariant(UserInfo::nowIso()), QVariant(openedBy), QVariant(openerRole),
                              textOrNull(comment)})
        q.addBindValue(v);
    if (!q.exec()) {
        setError(error, q.lastError().text());
        return std::nullopt;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    for (qint64 criterionId : criterionIds) {
        QSqlQuery c(m_db);
        c.prepare(QStringLiteral("INSERT INTO dispute_criteria(dispute_id, criterion_id) VALUES (?, ?)"));
        c.addBindValue(id);
        c.addBindValue(criterionId);
        if (!c.exec()) {
            setError(error, c.lastError().text());
            return std::nullopt;
        }
    }
    ChangeEntry entry;
    entry.entity = QStringLiteral("dispute");
    entry.entityId = QString::number(id);
    entry.newValue = QStringLiteral("open: audit %1 by %2 (%3): %4")
                         .arg(auditId)
                         .arg(openedBy, openerRole, criterionKeys.join(QStringLiteral(", ")));
    entry.reason = comment;
    if (!ChangeLog::record(m_db, entry, error) || !savepoint.commit())
        return std::nullopt;
    return id;
}

bool DisputeStore::decide(qint64 disputeId, Dispute::State decision, const QString &decidedBy,
                          const QString &decisionComment, const QList<DisputeCorrection> &corrections, QString *error)
{
    const auto dispute = load(disputeId, error);
    if (!dispute)
        return false;
    if (dispute->state != Dispute::State::Open) {
        setError(error, QObject::tr("dispute %1 is already decided (%2)")
                            .arg(disputeId)
                            .arg(Dispute::stateName(dispute->state)));
        return false;
    }
    if (decision == Dispute::State::Open) {
        setError(error, QObject::tr("a decision accepts, partially accepts or rejects"));
        return false;
    }
    if (decidedBy.trimmed().isEmpty() || decisionComment.trimmed().isEmpty()) {
        setError(error, QObject::tr("a decision needs who decided and a reason"));
        return false;
    }
    if (decision == Dispute::State::Rejected && !corrections.isEmpty()) {
        setError(error, QObject::tr("a rejected dispute keeps the audit as it is: no corrections"));
        return false;
    }
    if (decision != Dispute::State::Rejected && corrections.isEmpty()) {
        setError(error, QObject::tr("accepting a dispute needs the corrected answers"));
        return false;
    }
    for (const DisputeCorrection &c : corrections) {
        if (!dispute->criteria.contains(c.criterionKey)) {
            setError(error, QObject::tr("dispute %1 does not name criterion '%2'").arg(disputeId).arg(c.criterionKey));
            return false;
        }
    }

    Savepoint savepoint(m_db, QStringLiteral("ql_dispute"));
    const QString state = Dispute::stateName(decision);
    const QString reason = QStringLiteral("dispute %1 %2: %3").arg(disputeId).arg(state, decisionComment);
    AuditCorrections audits(m_db);
    for (const DisputeCorrection &c : corrections) {
        if (!audits.setAnswer(dispute->auditId, c.criterionKey, c.state, reason, error))
            return false;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE disputes SET state = ?, decided_at = ?, decided_by = ?, decision_comment = ? "
                             "WHERE id = ?"));
    for (const QVariant &v : {QVariant(state), QVariant(UserInfo::nowIso()), QVariant(decidedBy),
                              QVariant(decisionComment), QVariant(disputeId)})
        q.addBindValue(v);
    if (!q.exec()) {
        setError(error, q.lastError().text());
        return false;
    }
    ChangeEntry entry;
    entry.entity = QStringLiteral("dispute");
    entry.entityId = QString::number(disputeId);
    entry.field = QStringLiteral("state");
    entry.oldValue = QStringLiteral("open");
    entry.newValue = state;
    entry.reason = decisionComment;
    if (!ChangeLog::record(m_db, entry, error))
        return false;
    if (!savepoint.commit()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    return true;
}

std::optional<Dispute> DisputeStore::load(qint64 disputeId, QString *error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, audit_id, opened_at, opened_by, opener_role, comment, state, decided_at, "
                             "decided_by, decision_comment, reaudit_id FROM disputes WHERE id = ?"));
    q.addBindValue(disputeId);
    if (!q.exec() || !q.next()) {
        setError(error, QObject::tr("no dispute with id %1").arg(disputeId));
        return std::nullopt;
    }
    Dispute d;
    d.id = q.value(0).toLongLong();
    d.auditId = q.value(1).toLongLong();
    d.openedAt = q.value(2).toString();
    d.openedBy = q.value(3).toString();
    d.openerRole = q.value(4).toString();
    d.comment = q.value(5).toString();
    d.state = stateFromName(q.value(6).toString());
    d.decidedAt = q.value(7).toString();
    d.decidedBy = q.value(8).toString();
    d.decisionComment = q.value(9).toString();
    d.reauditId = q.value(10).isNull() ? 0 : q.value(10).toLongLong();
    QSqlQuery c(m_db);
    c.prepare(QStringLiteral("SELECT c.key FROM dispute_criteria d JOIN criteria c ON c.id = d.criterion_id "
                             "WHERE d.dispute_id = ? ORDER BY c.position"));
    c.addBindValue(disputeId);
    if (c.exec())
        while (c.next())
            d.criteria << c.value(0).toString();
    return d;
}

QList<Dispute> DisputeStore::forAudit(qint64 auditId) const
{
    QList<Dispute> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM disputes WHERE audit_id = ? ORDER BY id"));
    q.addBindValue(auditId);
    if (!q.exec())
        return out;
    while (q.next())
        if (auto d = load(q.value(0).toLongLong()))
            out << *d;
    return out;
}

} // namespace ql

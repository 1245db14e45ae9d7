// SPDX-License-Identifier: GPL-3.0-or-later
#include "disputestore.h"

#include "changelog.h"
#include "common/userinfo.h"
#include "savepoint.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

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
                          const QString &decisionComment, const QList<DisputeCorrection> &corrections, QString *error,
                          QList<CorrectionResult> *applied)
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
    QList<CorrectionResult> done;
    for (const DisputeCorrection &c : corrections) {
        const auto result = audits.setAnswer(dispute->auditId, c.criterionKey, c.state, reason, error);
        if (!result)
            return false;
        done << *result;
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
    if (applied)
        *applied = done;
    return true;
}

bool DisputeStore::reopen(qint64 disputeId, const QList<CorrectionResult> &applied, const QString &reason,
                          QString *error)
{
    const auto dispute = load(disputeId, error);
    if (!dispute)
        return false;
    if (dispute->state == Dispute::State::Open) {
        setError(error, QObject::tr("dispute %1 is open: there is no decision to take back").arg(disputeId));
        return false;
    }
    Savepoint savepoint(m_db, QStringLiteral("ql_dispute"));
    AuditCorrections audits(m_db);
    // Last change first, so that the audit ends exactly as it was before the decision.
    for (auto it = applied.crbegin(); it != applied.crend(); ++it) {
        if (!audits.setAnswer(it->auditId, it->criterionKey, it->before, reason, error, it->localChangesBefore))
            return false;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE disputes SET state = 'open', decided_at = NULL, decided_by = NULL, "
                             "decision_comment = NULL WHERE id = ?"));
    q.addBindValue(disputeId);
    if (!q.exec()) {
        setError(error, q.lastError().text());
        return false;
    }
    ChangeEntry entry;
    entry.entity = QStringLiteral("dispute");
    entry.entityId = QString::number(disputeId);
    entry.field = QStringLiteral("state");
    entry.oldValue = Dispute::stateName(dispute->state);
    entry.newValue = QStringLiteral("open");
    entry.reason = reason;
    if (!ChangeLog::record(m_db, entry, error))
        return false;
    if (!savepoint.commit()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    return true;
}

bool DisputeStore::withdraw(qint64 disputeId, const QString &reason, QString *error)
{
    const auto dispute = load(disputeId, error);
    if (!dispute)
        return false;
    if (dispute->state != Dispute::State::Open) {
        setError(error, QObject::tr("dispute %1 is decided: take the decision back first").arg(disputeId));
        return false;
    }
    Savepoint savepoint(m_db, QStringLiteral("ql_dispute"));
    for (const QString &sql : {QStringLiteral("DELETE FROM dispute_criteria WHERE dispute_id = ?"),
                               QStringLiteral("DELETE FROM disputes WHERE id = ?")}) {
        QSqlQuery q(m_db);
        q.prepare(sql);
        q.addBindValue(disputeId);
        if (!q.exec()) {
            setError(error, q.lastError().text());
            return false;
        }
    }
    ChangeEntry entry;
    entry.entity = QStringLiteral("dispute");
    entry.entityId = QString::number(disputeId);
    entry.oldValue = QStringLiteral("open: audit %1 by %2 (%3): %4")
                         .arg(dispute->auditId)
                         .arg(dispute->openedBy, dispute->openerRole, dispute->criteria.join(QStringLiteral(", ")));
    entry.newValue = QStringLiteral("withdrawn");
    entry.reason = reason;
    if (!ChangeLog::record(m_db, entry, error))
        return false;
    if (!savepoint.commit()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    return true;
}

QList<DisputeRow> DisputeStore::list(QDate from, QDate to) const
{
    QList<DisputeRow> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT d.id, a.audit_key, a.date, g.agent_key, coalesce(g.name, ''), "
                             "coalesce(u.name, u.auditor_key, '') FROM disputes d JOIN audits a ON a.id = d.audit_id "
                             "JOIN agents g ON g.id = a.agent_id LEFT JOIN auditors u ON u.id = a.auditor_id "
                             "WHERE (? IS NULL OR substr(d.opened_at, 1, 10) >= ?) "
                             "AND (? IS NULL OR substr(d.opened_at, 1, 10) <= ?) ORDER BY d.opened_at DESC, d.id DESC"));
    const QVariant f = from.isValid() ? QVariant(from.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
    const QVariant t = to.isValid() ? QVariant(to.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
    for (const QVariant &v : {f, f, t, t})
        q.addBindValue(v);
    if (!q.exec())
        return out;
    while (q.next()) {
        const auto d = load(q.value(0).toLongLong());
        if (!d)
            continue;
        DisputeRow r;
        r.dispute = *d;
        r.auditKey = q.value(1).toString();
        r.auditDate = q.value(2).toString();
        r.agentKey = q.value(3).toString();
        r.agentName = q.value(4).toString();
        r.auditor = q.value(5).toString();
        if (d->state != Dispute::State::Open) {
            const QDateTime opened = QDateTime::fromString(d->openedAt, Qt::ISODate);
            const QDateTime decided = QDateTime::fromString(d->decidedAt, Qt::ISODate);
            if (opened.isValid() && decided.isValid())
                r.hoursToResolve = double(opened.secsTo(decided)) / 3600.0;
        }
        out << r;
    }
    return out;
}

namespace {

void count(DisputeOutcome &o, const DisputeRow &r, QList<double> &hours)
{
    switch (r.dispute.state) {
    case Dispute::State::Open:
        ++o.open;
        break;
    case Dispute::State::Accepted:
        ++o.accepted;
        break;
    case Dispute::State::PartiallyAccepted:
        ++o.partiallyAccepted;
        break;
    case Dispute::State::Rejected:
        ++o.rejected;
        break;
    }
    if (r.hoursToResolve)
        hours << *r.hoursToResolve;
}

void finishHours(DisputeOutcome &o, QList<double> hours)
{
    if (hours.isEmpty())
        return;
    std::sort(hours.begin(), hours.end());
    double sum = 0;
    for (double h : std::as_const(hours))
        sum += h;
    o.meanHoursToResolve = sum / double(hours.size());
    const qsizetype m = hours.size() / 2;
    o.medianHoursToResolve = hours.size() % 2 ? hours.at(m) : (hours.at(m - 1) + hours.at(m)) / 2;
}

} // namespace

QList<DisputeOutcome> DisputeStore::byAuditor(const QList<DisputeRow> &rows)
{
    QList<DisputeOutcome> out;
    QList<QList<double>> hours;
    for (const DisputeRow &r : rows) {
        qsizetype i = 0;
        while (i < out.size() && out.at(i).key != r.auditor)
            ++i;
        if (i == out.size()) {
            DisputeOutcome o;
            o.key = o.name = r.auditor;
            out << o;
            hours.emplaceBack();
        }
        count(out[i], r, hours[i]);
    }
    for (qsizetype i = 0; i < out.size(); ++i)
        finishHours(out[i], hours.at(i));
    std::sort(out.begin(), out.end(), [](const DisputeOutcome &a, const DisputeOutcome &b) { return a.key < b.key; });
    return out;
}

QList<DisputeOutcome> DisputeStore::byCriterion(const QList<DisputeRow> &rows) const
{
    QList<DisputeOutcome> out;
    QList<QList<double>> hours;
    for (const DisputeRow &r : rows) {
        for (const QString &key : r.dispute.criteria) {
            qsizetype i = 0;
            while (i < out.size() && out.at(i).key != key)
                ++i;
            if (i == out.size()) {
                QSqlQuery q(m_db);
                q.prepare(QStringLiteral("SELECT name FROM criteria WHERE key = ? ORDER BY id DESC LIMIT 1"));
                q.addBindValue(key);
                DisputeOutcome o;
                o.key = key;
                o.name = q.exec() && q.next() ? q.value(0).toString() : key;
                out << o;
                hours.emplaceBack();
            }
            count(out[i], r, hours[i]);
        }
    }
    for (qsizetype i = 0; i < out.size(); ++i)
        finishHours(out[i], hours.at(i));
    std::sort(out.begin(), out.end(), [](const DisputeOutcome &a, const DisputeOutcome &b) { return a.key < b.key; });
    return out;
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

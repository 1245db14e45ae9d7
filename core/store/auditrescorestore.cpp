// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditrescorestore.h"

#include "changelog.h"
#include "savepoint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QVariant nullable(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<double>());
}

bool exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    setError(error, q.lastError().text());
    return false;
}

bool sameScore(const AuditScore &a, const AuditScore &b)
{
    // decidedBy is not stored; everything else is.
    return a.score == b.score && a.rawScore == b.rawScore && a.passed == b.passed && a.criticalFail == b.criticalFail &&
           a.failedFamilies == b.failedFamilies && a.incomplete == b.incomplete;
}

} // namespace

AuditRescoreStore::AuditRescoreStore(QSqlDatabase db) : m_db(std::move(db)) {}

std::optional<RescoredAudit> AuditRescoreStore::load(qint64 auditId, QString *error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT scorecard_id, score, raw_score, passed, critical_fail, critical_families, "
                             "incomplete FROM audits WHERE id = ?"));
    q.addBindValue(auditId);
    if (!exec(q, error))
        return std::nullopt;
    if (!q.next()) {
        setError(error, QObject::tr("no audit with id %1").arg(auditId));
        return std::nullopt;
    }
    RescoredAudit a;
    a.auditId = auditId;
    a.scorecardId = q.value(0).toLongLong();
    if (!q.value(1).isNull())
        a.score.score = q.value(1).toDouble();
    if (!q.value(2).isNull())
        a.score.rawScore = q.value(2).toDouble();
    a.score.passed = q.value(3).toInt() != 0;
    a.score.criticalFail = q.value(4).toInt() != 0;
    a.score.failedFamilies = quint8(q.value(5).toInt());
    a.score.incomplete = q.value(6).toInt() != 0;
    QSqlQuery n(m_db);
    n.prepare(QStringLiteral("SELECT id, criterion_id, value, option_label, na, c FROM answers WHERE audit_id = ? "
                             "ORDER BY id"));
    n.addBindValue(auditId);
    if (!exec(n, error))
        return std::nullopt;
    while (n.next()) {
        RescoredAnswer r;
        r.answerId = n.value(0).toLongLong();
        r.criterionId = n.value(1).toLongLong();
        if (!n.value(2).isNull())
            r.value = n.value(2).toDouble();
        r.optionLabel = n.value(3).toString();
        r.na = n.value(4).toInt() != 0;
        if (!n.value(5).isNull())
            r.c = n.value(5).toDouble();
        a.answers << r;
    }
    return a;
}

QString AuditRescoreStore::statesJson(const QList<RescoredAudit> &audits)
{
    QJsonArray list;
    for (const RescoredAudit &a : audits) {
        const AuditScore &s = a.score;
        list.append(QJsonObject{{QStringLiteral("id"), a.auditId},
                                {QStringLiteral("scorecard_id"), a.scorecardId},
                                {QStringLiteral("score"), s.score ? QJsonValue(*s.score) : QJsonValue()},
                                {QStringLiteral("raw_score"), s.rawScore ? QJsonValue(*s.rawScore) : QJsonValue()},
                                {QStringLiteral("passed"), s.passed},
                                {QStringLiteral("critical_fail"), s.criticalFail},
                                {QStringLiteral("critical_families"), int(s.failedFamilies)},
                                {QStringLiteral("incomplete"), s.incomplete}});
    }
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("audits"), list}}).toJson(QJsonDocument::Compact));
}

bool AuditRescoreStore::write(const QString &scorecard, const QList<RescoredAudit> &expected,
                              const QList<RescoredAudit> &next, const QString &reason, QString *error)
{
    if (expected.size() != next.size()) {
        setError(error, QObject::tr("a re-score needs the state before and after of the same audits"));
        return false;
    }
    if (next.isEmpty()) {
        setError(error, QObject::tr("no audit changes under this version: nothing to apply"));
        return false;
    }
    if (reason.trimmed().isEmpty()) {
        setError(error, QObject::tr("a re-score needs a reason"));
        return false;
    }
    Savepoint savepoint(m_db, QStringLiteral("ql_audit_rescore"));
    if (!savepoint.isOpen()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    QSqlQuery audit(m_db);
    audit.prepare(QStringLiteral("UPDATE audits SET scorecard_id = ?, score = ?, raw_score = ?, passed = ?, "
                                 "critical_fail = ?, critical_families = ?, incomplete = ? WHERE id = ?"));
    QSqlQuery answer(m_db);
    answer.prepare(
        QStringLiteral("UPDATE answers SET criterion_id = ?, value = ?, option_label = ?, na = ?, c = ? WHERE id = ? "
                       "AND audit_id = ?"));
    for (qsizetype i = 0; i < next.size(); ++i) {
        const RescoredAudit &was = expected.at(i);
        const RescoredAudit &now = next.at(i);
        if (was.auditId != now.auditId) {
            setError(error, QObject::tr("a re-score needs the state before and after of the same audits"));
            return false;
        }
        const auto stored = load(was.auditId, error);
        if (!stored)
            return false;
        if (stored->scorecardId != was.scorecardId || !sameScore(stored->score, was.score)) {
            setError(error, QObject::tr("audit %1 changed since the re-score was computed; nothing was written")
                                .arg(was.auditId));
            return false;
        }
        const AuditScore &s = now.score;
        for (const QVariant &v : {QVariant(now.scorecardId), nullable(s.score), nullable(s.rawScore),
                                  QVariant(s.passed ? 1 : 0), QVariant(s.criticalFail ? 1 : 0),
                                  QVariant(int(s.failedFamilies)), QVariant(s.incomplete ? 1 : 0),
                                  QVariant(now.auditId)})
            audit.addBindValue(v);
        if (!exec(audit, error))
            return false;
        for (const RescoredAnswer &a : now.answers) {
            const QVariant label = a.optionLabel.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                           : QVariant(a.optionLabel);
            for (const QVariant &v : {QVariant(a.criterionId), nullable(a.value), label, QVariant(a.na ? 1 : 0),
                                      nullable(a.c), QVariant(a.answerId), QVariant(now.auditId)})
                answer.addBindValue(v);
            if (!exec(answer, error))
                return false;
            if (answer.numRowsAffected() != 1) {
                setError(error, QObject::tr("answer %1 of audit %2 does not exist; nothing was written")
                                    .arg(a.answerId)
                                    .arg(now.auditId));
                return false;
            }
        }
    }
    ChangeEntry entry;
    entry.entity = QStringLiteral("scorecard");
    entry.entityId = scorecard;
    entry.field = QStringLiteral("rescore");
    entry.oldValue = statesJson(expected);
    entry.newValue = statesJson(next);
    entry.reason = reason;
    if (!ChangeLog::record(m_db, entry, error))
        return false;
    if (!savepoint.commit()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    return true;
}

} // namespace ql

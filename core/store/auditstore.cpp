// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditstore.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ql {

namespace {

std::optional<double> optionalDouble(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

const StoredAnswer *StoredAudit::answerAt(int flatIndex) const
{
    for (const StoredAnswer &a : answers)
        if (a.flatIndex == flatIndex)
            return &a;
    return nullptr;
}

std::vector<AnswerInput> StoredAudit::inputs(int criterionCount) const
{
    std::vector<AnswerInput> out(size_t(std::max(criterionCount, 0)));
    for (const StoredAnswer &a : answers) {
        if (a.flatIndex < 0 || a.flatIndex >= criterionCount)
            continue;
        out[size_t(a.flatIndex)] = a.na || !a.value ? AnswerInput::notApplicable() : AnswerInput::rated(*a.value);
    }
    return out;
}

AuditStore::AuditStore(QSqlDatabase db) : m_db(std::move(db)) {}

std::optional<qint64> AuditStore::findId(const QString &source, const QString &key) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM audits WHERE source = ? AND audit_key = ?"));
    q.addBindValue(source);
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

std::optional<StoredAudit> AuditStore::load(qint64 id, QString *error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT a.source, a.audit_key, a.ticket_id, a.date, a.agent_id, g.agent_key, g.name, u.auditor_key, u.name, "
        "t.name, qu.name, ch.name, a.sample_type, a.scorecard_id, a.score, a.raw_score, a.passed, a.critical_fail, "
        "a.critical_families, a.incomplete, a.local_changes, a.superseded_by, a.comment "
        "FROM audits a JOIN agents g ON g.id = a.agent_id LEFT JOIN auditors u ON u.id = a.auditor_id "
        "LEFT JOIN teams t ON t.id = a.team_id LEFT JOIN queues qu ON qu.id = a.queue_id "
        "LEFT JOIN channels ch ON ch.id = a.channel_id WHERE a.id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        setError(error, q.lastError().text());
        return std::nullopt;
    }
    if (!q.next()) {
        setError(error, QObject::tr("no audit with id %1").arg(id));
        return std::nullopt;
    }
    StoredAudit a;
    a.id = id;
    a.source = q.value(0).toString();
    a.key = q.value(1).toString();
    a.ticketId = q.value(2).toString();
    a.date = QDate::fromString(q.value(3).toString(), Qt::ISODate);
    a.agentId = q.value(4).toLongLong();
    a.agentKey = q.value(5).toString();
    a.agentName = q.value(6).toString();
    a.auditorKey = q.value(7).toString();
    a.auditorName = q.value(8).toString();
    a.team = q.value(9).toString();
    a.queue = q.value(10).toString();
    a.channel = q.value(11).toString();
    a.sampleType = q.value(12).toString();
    a.scorecardId = q.value(13).toLongLong();
    a.score = optionalDouble(q.value(14));
    a.rawScore = optionalDouble(q.value(15));
    a.passed = q.value(16).toInt() != 0;
    a.criticalFail = q.value(17).toInt() != 0;
    a.criticalFamilies = quint8(q.value(18).toInt());
    a.incomplete = q.value(19).toInt() != 0;
    a.localChanges = q.value(20).toInt() != 0;
    a.supersededBy = q.value(21).isNull() ? 0 : q.value(21).toLongLong();
    a.comment = q.value(22).toString();

    // Flat index = rank of the criterion's position within its scorecard version.
    QHash<qint64, int> flat;
    QSqlQuery c(m_db);
    c.prepare(QStringLiteral("SELECT id FROM criteria WHERE scorecard_id = ? ORDER BY position"));
    c.addBindValue(a.scorecardId);
    if (!c.exec()) {
        setError(error, c.lastError().text());
        return std::nullopt;
    }
    while (c.next())
        flat.insert(c.value(0).toLongLong(), int(flat.size()));

    QSqlQuery ans(m_db);
    ans.prepare(QStringLiteral(
        "SELECT n.id, n.criterion_id, n.value, n.option_label, n.na, n.c, n.comment, "
        "(SELECT group_concat(name, char(31)) FROM (SELECT r.name FROM answer_root_causes x "
        " JOIN root_causes r ON r.id = x.root_cause_id WHERE x.answer_id = n.id ORDER BY r.name)) "
        "FROM answers n WHERE n.audit_id = ?"));
    ans.addBindValue(id);
    if (!ans.exec()) {
        setError(error, ans.lastError().text());
        return std::nullopt;
    }
    while (ans.next()) {
        StoredAnswer s;
        s.id = ans.value(0).toLongLong();
        s.criterionId = ans.value(1).toLongLong();
        s.flatIndex = flat.value(s.criterionId, -1);
        s.value = optionalDouble(ans.value(2));
        s.optionLabel = ans.value(3).toString();
        s.na = ans.value(4).toInt() != 0;
        s.c = optionalDouble(ans.value(5));
        s.comment = ans.value(6).toString();
        if (!ans.value(7).isNull())
            s.rootCauses = ans.value(7).toString().split(QChar(31));
        a.answers << s;
    }
    std::sort(a.answers.begin(), a.answers.end(),
              [](const StoredAnswer &x, const StoredAnswer &y) { return x.flatIndex < y.flatIndex; });
    return a;
}

} // namespace ql

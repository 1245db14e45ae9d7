// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportqueries.h"

#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace ql {

ReportQueries::ReportQueries(QSqlDatabase db, const QString &periodColumn)
    : m_db(std::move(db))
    , m_day(periodColumn == QLatin1String("interaction_date") ? QStringLiteral("i_day") : QStringLiteral("day"))
{
}

QList<ReportQueries::Import> ReportQueries::imports() const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT at, file_name, kind, source, inserted, updated, unchanged, rejected FROM import_log "
                             "ORDER BY at, id"));
    QList<Import> out;
    if (!q.exec())
        return out;
    while (q.next())
        out << Import{q.value(0).toString(),     q.value(1).toString(),     q.value(2).toString(),
                      q.value(3).toString(),     q.value(4).toLongLong(),   q.value(5).toLongLong(),
                      q.value(6).toLongLong(),   q.value(7).toLongLong()};
    return out;
}

ReportQueries::Gaps ReportQueries::gaps(QDate from, QDate to) const
{
    Gaps g;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*), sum(score IS NULL), sum(incomplete), sum(queue_id IS NULL), "
                             "sum(channel_id IS NULL), sum(team_id IS NULL), sum(coalesce(ticket_id, '') = '') "
                             "FROM audits WHERE superseded_by IS NULL AND %1 BETWEEN ? AND ?")
                  .arg(m_day));
    q.addBindValue(from.toJulianDay());
    q.addBindValue(to.toJulianDay());
    if (q.exec() && q.next()) {
        g.audits = q.value(0).toLongLong();
        g.noScore = q.value(1).toLongLong();
        g.incomplete = q.value(2).toLongLong();
        g.noQueue = q.value(3).toLongLong();
        g.noChannel = q.value(4).toLongLong();
        g.noTeam = q.value(5).toLongLong();
        g.noTicket = q.value(6).toLongLong();
    }
    QSqlQuery days(m_db);
    days.prepare(QStringLiteral("SELECT DISTINCT %1 FROM audits WHERE superseded_by IS NULL AND %1 BETWEEN ? AND ?").arg(m_day));
    days.addBindValue(from.toJulianDay());
    days.addBindValue(to.toJulianDay());
    QSet<qint64> seen;
    if (days.exec())
        while (days.next())
            seen.insert(days.value(0).toLongLong());
    for (QDate d = from; d <= to; d = d.addDays(1))
        if (d.dayOfWeek() <= 5 && !seen.contains(d.toJulianDay()))
            ++g.daysWithout;
    return g;
}

QList<ReportQueries::AgentAudits> ReportQueries::auditsPerAgent(QDate from, QDate to) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT g.agent_key, g.name, count(*) AS n FROM audits a JOIN agents g ON g.id = a.agent_id "
                             "WHERE a.superseded_by IS NULL AND a.%1 BETWEEN ? AND ? GROUP BY a.agent_id "
                             "ORDER BY n, g.agent_key")
                  .arg(m_day));
    q.addBindValue(from.toJulianDay());
    q.addBindValue(to.toJulianDay());
    QList<AgentAudits> out;
    if (q.exec())
        while (q.next())
            out << AgentAudits{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
    return out;
}

QList<ReportQueries::CriticalCount> ReportQueries::criticalByCriterion(QDate from, QDate to,
                                                                     const QStringList &countedTypes) const
{
    QStringList marks;
    for (qsizetype i = 0; i < countedTypes.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT cr.name, cr.critical, count(DISTINCT a.id) AS n FROM audits a "
                             "JOIN answers an ON an.audit_id = a.id JOIN criteria cr ON cr.id = an.criterion_id "
                             "WHERE a.superseded_by IS NULL AND a.score IS NOT NULL AND a.incomplete = 0 "
                             "AND a.critical_fail = 1 AND a.sample_type IN (%1) AND a.%2 BETWEEN ? AND ? "
                             "AND cr.critical IS NOT NULL AND an.na = 0 AND an.c < cr.pass_level "
                             "GROUP BY cr.name, cr.critical ORDER BY n DESC, cr.name")
                  .arg(marks.isEmpty() ? QStringLiteral("''") : marks.join(QLatin1Char(',')), m_day));
    for (const QString &t : countedTypes)
        q.addBindValue(t);
    q.addBindValue(from.toJulianDay());
    q.addBindValue(to.toJulianDay());
    QList<CriticalCount> out;
    if (q.exec())
        while (q.next())
            out << CriticalCount{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
    return out;
}

QList<ReportQueries::CriticalAudit> ReportQueries::criticalAudits(QDate from, QDate to,
                                                                 const QStringList &countedTypes) const
{
    QStringList marks;
    for (qsizetype i = 0; i < countedTypes.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT a.id, a.date, coalesce(a.ticket_id, ''), g.agent_key, coalesce(g.name, ''), "
                             "coalesce(u.name, u.auditor_key, ''), a.score FROM audits a JOIN agents g ON g.id = a.agent_id "
                             "LEFT JOIN auditors u ON u.id = a.auditor_id "
                             "WHERE a.superseded_by IS NULL AND a.score IS NOT NULL AND a.incomplete = 0 "
                             "AND a.critical_fail = 1 AND a.sample_type IN (%1) AND a.%2 BETWEEN ? AND ? "
                             "ORDER BY a.date, a.id")
                  .arg(marks.isEmpty() ? QStringLiteral("''") : marks.join(QLatin1Char(',')), m_day));
    for (const QString &t : countedTypes)
        q.addBindValue(t);
    q.addBindValue(from.toJulianDay());
    q.addBindValue(to.toJulianDay());
    QList<CriticalAudit> out;
    if (q.exec())
        while (q.next()) {
            CriticalAudit r;
            r.id = q.value(0).toLongLong();
            r.date = QDate::fromString(q.value(1).toString().left(10), Qt::ISODate);
            r.ticketId = q.value(2).toString();
            r.agentKey = q.value(3).toString();
            r.agentName = q.value(4).toString();
            r.auditor = q.value(5).toString();
            if (!q.value(6).isNull())
                r.score = q.value(6).toDouble();
            out << r;
        }
    return out;
}

QHash<QString, QString> ReportQueries::criterionNames() const
{
    QSqlQuery q(m_db);
    QHash<QString, QString> out;
    if (!q.exec(QStringLiteral("SELECT c.key, c.name FROM criteria c JOIN scorecards s ON s.id = c.scorecard_id "
                               "ORDER BY s.version, s.id, c.id")))
        return out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString()); // later versions win
    return out;
}

} // namespace ql

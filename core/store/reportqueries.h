// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace ql {

// The few facts of a report's data-quality appendix that no other query gives: the import log and
// the gaps in a period's audits.
class ReportQueries final
{
public:
    // periodColumn: the project setting period_date ("date" or "interaction_date").
    ReportQueries(QSqlDatabase db, const QString &periodColumn);

    struct Import
    {
        QString at; // as stored (ISO 8601, UTC)
        QString fileName;
        QString kind;
        QString source;
        qint64 inserted = 0;
        qint64 updated = 0;
        qint64 unchanged = 0;
        qint64 rejected = 0;
    };
    // Every import, oldest first (a month's data is often imported after the month).
    QList<Import> imports() const;

    struct Gaps
    {
        qint64 audits = 0;       // current audits in the period (not superseded)
        qint64 noScore = 0;      // with no score
        qint64 incomplete = 0;
        qint64 noQueue = 0;
        qint64 noChannel = 0;
        qint64 noTeam = 0;
        qint64 noTicket = 0;
        qint64 daysWithout = 0;  // weekdays of the period with no audit
    };
    Gaps gaps(QDate from, QDate to) const;

    // Agents with current audits in the period and how many (agent key, name, audits), by audits.
    struct AgentAudits
    {
        QString key;
        QString name;
        qint64 audits = 0;
    };
    QList<AgentAudits> auditsPerAgent(QDate from, QDate to) const;

    // The critical criteria failed (rated below their pass level) on the period's counted audits
    // that failed critically: criterion name, family, audits; most audits first.
    struct CriticalCount
    {
        QString criterion;
        QString family; // customer, business, compliance
        qint64 audits = 0;
    };
    QList<CriticalCount> criticalByCriterion(QDate from, QDate to, const QStringList &countedTypes) const;

    // The period's counted audits that failed critically, by date then id.
    struct CriticalAudit
    {
        qint64 id = 0;
        QDate date;
        QString ticketId;
        QString agentKey;
        QString agentName;
        QString auditor;
        std::optional<double> score;
    };
    QList<CriticalAudit> criticalAudits(QDate from, QDate to, const QStringList &countedTypes) const;

private:
    QSqlDatabase m_db;
    QString m_day; // day or i_day
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importwriter.h"
#include "stringindex.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace ql {

// The agents, their aliases and their team/site/supervisor history, read once per import and kept
// up to date in memory as the import adds to them. Facts look agents up by the id their file uses
// (a roster id or an alias) and take team, site and supervisor from the history row in force on
// their date when the file does not give them (formats.md).
class AgentRoster final
{
public:
    struct Agent
    {
        qint64 id = 0;
        QString key;
        QString name;
        QString hireDate;
        bool active = true;
    };

    struct Placement
    {
        qint64 historyId = 0; // 0 when no history row applies
        QString validFrom;
        qint64 teamId = 0;
        qint64 siteId = 0;
        QString supervisor;

        bool samePlace(const Placement &o) const
        {
            return teamId == o.teamId && siteId == o.siteId && supervisor == o.supervisor;
        }
    };

    bool load(const QSqlDatabase &db, QString *error);

    // The agent an id of a file means: its key, else an alias. 0 when unknown.
    qint64 find(const QString &keyOrAlias) const;
    // find(), or a new agent with that key. `writer` null: a stand-in id, nothing written.
    qint64 ensure(const QString &key, ImportWriter *writer, const QString &createdAt, qint64 importId, bool *created);

    // Every agent's key and name (empty when none), by key; for choosing an agent (the import
    // wizard maps a file's unknown id to one).
    QList<std::pair<QString, QString>> keysAndNames() const;

    Agent *agent(qint64 id);
    const Agent *agent(qint64 id) const;
    // The agent an alias belongs to (0 when none).
    qint64 aliasOwner(const QString &alias) const { return m_aliases.value(alias); }
    void addAlias(const QString &alias, qint64 agentId) { m_aliases.insertOrAssign(alias, agentId); }
    void addAgent(const Agent &agent);

    // The history row with the latest valid_from on or before `date`.
    Placement inForce(qint64 agentId, QDate date) const;
    Placement inForce(qint64 agentId, const QString &isoDay) const;
    // The row that starts exactly on validFrom, if any.
    const Placement *startingOn(qint64 agentId, const QString &validFrom) const;
    void setPlacement(qint64 agentId, const Placement &placement); // inserts or replaces by valid_from

private:
    StringIds m_byKey;
    StringIds m_aliases;
    QHash<qint64, Agent> m_agents;
    QHash<qint64, QList<Placement>> m_history; // by valid_from, ascending
    qint64 m_nextStandIn = -1;
};

} // namespace ql

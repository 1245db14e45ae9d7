// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentroster.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace ql {

bool AgentRoster::load(const QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, agent_key, name, hire_date, active FROM agents"))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        Agent a;
        a.id = q.value(0).toLongLong();
        a.key = q.value(1).toString();
        a.name = q.value(2).toString();
        a.hireDate = q.value(3).toString();
        a.active = q.value(4).toInt() != 0;
        addAgent(a);
    }
    if (!q.exec(QStringLiteral("SELECT alias, agent_id FROM agent_aliases"))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next())
        m_aliases.insertOrAssign(q.value(0).toString(), q.value(1).toLongLong());
    if (!q.exec(QStringLiteral("SELECT id, agent_id, valid_from, team_id, site_id, supervisor FROM agent_history "
                               "ORDER BY agent_id, valid_from"))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        Placement p;
        p.historyId = q.value(0).toLongLong();
        p.validFrom = q.value(2).toString();
        p.teamId = q.value(3).toLongLong();
        p.siteId = q.value(4).toLongLong();
        p.supervisor = q.value(5).toString();
        m_history[q.value(1).toLongLong()].append(p);
    }
    return true;
}

void AgentRoster::addAgent(const Agent &agent)
{
    m_agents.insert(agent.id, agent);
    m_byKey.insertOrAssign(agent.key, agent.id);
}

qint64 AgentRoster::find(const QString &keyOrAlias) const
{
    if (const qint64 id = m_byKey.value(keyOrAlias))
        return id;
    return m_aliases.value(keyOrAlias);
}

qint64 AgentRoster::ensure(const QString &key, ImportWriter *writer, const QString &createdAt, qint64 importId,
                           bool *created)
{
    *created = false;
    if (const qint64 id = find(key))
        return id;
    Agent a;
    a.key = key;
    a.id = writer ? writer->insertAgent(key, QString(), QString(), true, createdAt, importId) : m_nextStandIn--;
    if (a.id == 0)
        return 0;
    addAgent(a);
    *created = true;
    return a.id;
}

QList<std::pair<QString, QString>> AgentRoster::keysAndNames() const
{
    QList<std::pair<QString, QString>> out;
    out.reserve(m_agents.size());
    for (const Agent &a : m_agents)
        if (a.id > 0) // not a dry run's stand-in
            out.append({a.key, a.name});
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return out;
}

AgentRoster::Agent *AgentRoster::agent(qint64 id)
{
    const auto it = m_agents.find(id);
    return it == m_agents.end() ? nullptr : &*it;
}

const AgentRoster::Agent *AgentRoster::agent(qint64 id) const
{
    const auto it = m_agents.constFind(id);
    return it == m_agents.cend() ? nullptr : &*it;
}

AgentRoster::Placement AgentRoster::inForce(qint64 agentId, QDate date) const
{
    if (!m_history.contains(agentId))
        return {};
    return inForce(agentId, date.toString(Qt::ISODate));
}

AgentRoster::Placement AgentRoster::inForce(qint64 agentId, const QString &day) const
{
    const auto it = m_history.constFind(agentId);
    if (it == m_history.cend())
        return {};
    const QList<Placement> &rows = *it;
    // Rows are few per agent; the last one starting on or before the day applies.
    for (qsizetype i = rows.size() - 1; i >= 0; --i) {
        if (rows.at(i).validFrom <= day)
            return rows.at(i);
    }
    return {};
}

const AgentRoster::Placement *AgentRoster::startingOn(qint64 agentId, const QString &validFrom) const
{
    const auto it = m_history.constFind(agentId);
    if (it == m_history.cend())
        return nullptr;
    for (const Placement &p : *it) {
        if (p.validFrom == validFrom)
            return &p;
    }
    return nullptr;
}

void AgentRoster::setPlacement(qint64 agentId, const Placement &placement)
{
    QList<Placement> &rows = m_history[agentId];
    for (Placement &p : rows) {
        if (p.validFrom == placement.validFrom) {
            p = placement;
            return;
        }
    }
    rows.append(placement);
    std::sort(rows.begin(), rows.end(),
              [](const Placement &a, const Placement &b) { return a.validFrom < b.validFrom; });
}

} // namespace ql

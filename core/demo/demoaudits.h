// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demorandom.h"
#include "demoworld.h"

#include <functional>
#include <vector>

namespace ql {

class DemoWriter;

// The audits: month by month, every agent's random audits plus a stream of targeted and
// CSAT-triggered ones, in date order (so ids, audit keys and ticket numbers grow with the date),
// each answered from the criterion models, scored by the ScoringEngine and written with its
// answers, comments, root causes and product. Observers (CSAT, calibration, disputes) see every
// audit as it is written.
class DemoAuditStream final
{
public:
    using Observer = std::function<void(const DemoWorld::AuditRecord &)>;
    using Progress = std::function<bool(double fraction, const QString &stage)>;

    DemoAuditStream(DemoWorld &world, DemoWriter &writer);

    void addObserver(Observer observer) { m_observers.push_back(std::move(observer)); }

    // False when the writer failed or progress() asked to stop.
    bool run(const Progress &progress);

    // Scores a record's outcomes with its version's engine.
    AuditScore score(const DemoWorld::AuditRecord &record) const;
    // Writes an audit (the record's id is assigned here) with its answers; used for re-audits too.
    void write(DemoWorld::AuditRecord &record);

    qint64 audits() const { return m_auditId; }
    qint64 answers() const { return m_answerId; }
    qint64 randomAudits() const { return m_randomAudits; }

private:
    struct Pending
    {
        int day;
        int agent;
        quint32 sequence;
        quint8 type;
    };

    int randomCount(const DemoWorld::Agent &agent, int month) const;
    int eligibleFrom(const DemoWorld::Agent &agent, int month) const; // index into workingDays[month]
    void planMonth(int month);
    void makeAudit(const Pending &pending, DemoWorld::AuditRecord &record);
    void answer(DemoWorld::AuditRecord &record, double propensity);

    DemoWorld &m_world;
    DemoWriter &m_writer;
    DemoRandom m_random;
    std::vector<Observer> m_observers;
    std::vector<Pending> m_pending;
    std::vector<double> m_auditorCapacity;
    qint64 m_auditId = 0;
    qint64 m_answerId = 0;
    qint64 m_randomAudits = 0;
    quint32 m_ticket = 4'200'000;
    char m_key[24] = {};
    char m_ticketText[16] = {};
};

} // namespace ql

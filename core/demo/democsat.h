// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demorandom.h"
#include "demoworld.h"

#include <deque>

namespace ql {

class DemoWriter;

// CSAT responses on a 1–5 scale (satisfied 4–5, dissatisfied 1–2), generated beside the audits:
// about a third of audited tickets get a response linked by ticket id, every CSAT-triggered audit
// has the dissatisfied response that triggered it, and the agent's unaudited tickets get responses
// too. The score follows the conversation: a failed next_steps answer makes a dissatisfied
// customer much more likely (a planted effect), and in the last month the Returns queue loses
// customers to refund delays (another). docs/demo.md describes the comments with personal data.
class DemoCsat final
{
public:
    DemoCsat(DemoWorld &world, DemoWriter &writer);

    void onAudit(const DemoWorld::AuditRecord &audit);

    qint64 responses() const { return m_id; }
    qint64 masked() const { return m_masked; }

private:
    struct Contact
    {
        const char *ticket;
        int day;
        int agent;
        int queue;
        int channel;
        int product;
        bool nextStepsFailed;
        int resolution; // outcome index, 0 = No
        bool toneLow;
        bool triggered; // the dissatisfied response behind a CSAT-triggered audit
    };

    void respond(const Contact &contact);
    const char *comment(int score, int reason, int queue, int month);

    DemoWorld &m_world;
    DemoWriter &m_writer;
    DemoRandom m_random;
    std::array<std::array<double, 5>, DemoWorld::Buckets> m_cdf{};
    // Flat indices of the criteria the score depends on, per scorecard version (−1: absent).
    std::array<int, 2> m_nextSteps{{-1, -1}};
    std::array<int, 2> m_resolution{{-1, -1}};
    std::array<int, 2> m_tone{{-1, -1}};
    std::array<bool, 3> m_emailPlanted{};
    qint64 m_id = 0;
    qint64 m_masked = 0;
    char m_key[24] = {};
    char m_ticket[16] = {};
    std::deque<QByteArray> m_builtComments; // the few comments made up here, kept until the end
};

} // namespace ql

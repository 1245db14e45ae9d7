// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demorandom.h"
#include "demoworld.h"

#include <vector>

namespace ql {

class DemoWriter;

// Calibration (calibration.md): one closed session a month, each with 5–6 auditors and the QA lead
// as expert scoring 4–6 conversations drawn from that month's random audits across score bands,
// with the consensus recorded; and one session in review at the end, on Returns conversations.
// The conversations are stored as interactions. One participant drifts lenient over the year (a
// planted effect); the lenient and severe auditors are lenient and severe here too.
class DemoCalibration final
{
public:
    DemoCalibration(DemoWorld &world, DemoWriter &writer);

    // Offers a freshly written audit as a possible item.
    void consider(const DemoWorld::AuditRecord &audit);
    // Writes the interactions and the sessions; call after the audits. False on a write failure.
    bool write();

    qint64 sessions() const { return m_sessionCount; }
    qint64 interactions() const { return m_interactionId; }
    qint64 masked() const { return m_masked; } // transcripts with a (masked) card number

private:
    struct Candidate
    {
        qint64 auditId;
        quint32 ticket;
        int interactionDay;
        int agent;
        int queue;
        int channel;
        double quality;
        bool weak; // next steps were not given
    };
    struct Reservoir
    {
        std::vector<Candidate> items;
        int seen = 0;
    };
    struct Session
    {
        int day = 0;
        int month = 0;
        bool review = false;
        std::array<Reservoir, 3> bands; // raw score below 75, 75–90, 90 and up
    };

    void offer(Reservoir &reservoir, std::size_t capacity, const Candidate &candidate);
    std::vector<Candidate> items(Session &session);
    void writeSession(Session &session, int index, int closedCount);

    DemoWorld &m_world;
    DemoWriter &m_writer;
    DemoRandom m_random;
    std::vector<Session> m_sessions;
    qint64 m_sessionCount = 0;
    qint64 m_interactionId = 0;
    qint64 m_participantId = 0;
    qint64 m_itemId = 0;
    qint64 m_answerId = 0;
    qint64 m_anchorId = 0;
    qint64 m_masked = 0;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demorandom.h"
#include "demoworld.h"

#include <vector>

namespace ql {

class DemoAuditStream;
class DemoWriter;

// Disputes on failed audits: a few a month decided over the year (accepted and partially accepted
// ones with a re-audit that supersedes the original, rejected ones without), and a few still open
// from the last month.
class DemoDisputes final
{
public:
    DemoDisputes(DemoWorld &world, DemoWriter &writer, DemoAuditStream &audits);

    void consider(const DemoWorld::AuditRecord &audit);
    // Writes the disputes and the re-audits; call after the audit stream. False on a write failure.
    bool write();

    qint64 disputes() const { return m_id; }

private:
    struct Reservoir
    {
        std::vector<DemoWorld::AuditRecord> items;
        int seen = 0;
    };

    void offer(Reservoir &reservoir, std::size_t capacity, const DemoWorld::AuditRecord &audit);
    void writeOne(const DemoWorld::AuditRecord &audit, bool open);

    DemoWorld &m_world;
    DemoWriter &m_writer;
    DemoAuditStream &m_audits;
    DemoRandom m_random;
    std::vector<Reservoir> m_decided; // per month but the last
    Reservoir m_open;
    std::size_t m_perMonth = 1;
    std::size_t m_openCount = 3;
    qint64 m_id = 0;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "demodisputes.h"

#include "demoaudits.h"
#include "demotexts.h"
#include "demowriter.h"

#include <algorithm>
#include <cmath>

namespace ql {

namespace {

constexpr quint64 StreamDisputes = 0x6469737075746500ull; // "dispute"

} // namespace

DemoDisputes::DemoDisputes(DemoWorld &world, DemoWriter &writer, DemoAuditStream &audits)
    : m_world(world), m_writer(writer), m_audits(audits), m_random(DemoRandom::fork(world.options.seed, StreamDisputes))
{
    // About one decided dispute per 2,000 audits and one open per 10,000 (at least a few of each).
    const double expected = double(world.options.agents) * world.months * world.options.auditsPerAgentMonth;
    m_perMonth = std::size_t(std::max(1.0, std::ceil(expected / 2000 / std::max(1, world.months - 1))));
    m_openCount = std::size_t(std::max(3.0, std::round(expected / 10000)));
    m_decided.resize(std::size_t(std::max(0, world.months - 1)));
}

void DemoDisputes::offer(Reservoir &reservoir, std::size_t capacity, const DemoWorld::AuditRecord &audit)
{
    ++reservoir.seen;
    if (reservoir.items.size() < capacity) {
        reservoir.items.push_back(audit);
        return;
    }
    const quint64 j = m_random.below(quint64(reservoir.seen));
    if (j < capacity)
        reservoir.items[std::size_t(j)] = audit;
}

void DemoDisputes::consider(const DemoWorld::AuditRecord &audit)
{
    // Agents dispute failed audits of the kinds that count in their KPIs.
    if (audit.score.passed || !audit.score.score || audit.score.incomplete ||
        (audit.sampleType != DemoWorld::Random && audit.sampleType != DemoWorld::Targeted))
        return;
    if (audit.month < m_world.months - 1)
        offer(m_decided[std::size_t(audit.month)], m_perMonth, audit);
    else if (audit.day <= int(m_world.last.toJulianDay()) - 3)
        offer(m_open, m_openCount, audit);
}

bool DemoDisputes::write()
{
    for (Reservoir &month : m_decided) {
        // Reservoir order is the order of replacement; the disputes are opened in audit order.
        std::sort(month.items.begin(), month.items.end(),
                  [](const DemoWorld::AuditRecord &a, const DemoWorld::AuditRecord &b) { return a.id < b.id; });
        for (const DemoWorld::AuditRecord &audit : month.items)
            writeOne(audit, false);
    }
    std::sort(m_open.items.begin(), m_open.items.end(),
              [](const DemoWorld::AuditRecord &a, const DemoWorld::AuditRecord &b) { return a.id < b.id; });
    for (const DemoWorld::AuditRecord &audit : m_open.items)
        writeOne(audit, true);
    return m_writer.ok();
}

void DemoDisputes::writeOne(const DemoWorld::AuditRecord &audit, bool open)
{
    DemoWorld &w = m_world;
    DemoRandom &r = m_random;
    const DemoWorld::Version &v = *w.versions[std::size_t(audit.version)];
    const int n = int(v.model.size());
    const int lastDay = int(w.last.toJulianDay());
    const qint64 id = ++m_id;

    // The criteria disputed: one or two of the failed ones (the weakest answer when the audit
    // failed on its total alone).
    std::vector<int> failed;
    int weakest = -1;
    double weakestC = 2;
    for (int i = 0; i < n; ++i) {
        const qint8 o = audit.outcome[std::size_t(i)];
        if (o < 0)
            continue;
        const DemoWorld::CriterionModel &m = w.models[std::size_t(v.model[std::size_t(i)])];
        const double c = m.c[std::size_t(o)];
        if (c < m.passLevel)
            failed.push_back(i);
        if (c < weakestC) {
            weakestC = c;
            weakest = i;
        }
    }
    if (failed.empty() && weakest >= 0)
        failed.push_back(weakest);
    r.shuffle(std::span<int>(failed));
    const std::size_t keep = failed.size() > 1 && r.chance(0.7) ? 1 : std::min<std::size_t>(failed.size(), 2);
    failed.erase(failed.begin() + std::ptrdiff_t(keep), failed.end());

    const DemoWorld::Agent &agent = w.agents[std::size_t(audit.agent)];
    const bool byLead = r.chance(0.2);
    const int openedDay = std::min(audit.day + r.between(1, 4), lastDay);
    const QString openedAt = DemoWorld::stamp(QDate::fromJulianDay(openedDay), r.between(9, 16), r.between(0, 59));
    const QString openedBy = byLead ? w.teams[std::size_t(audit.team)].supervisor : agent.name;
    const auto disputeTexts = DemoTexts::disputeComments();
    const char *comment = disputeTexts[r.below(disputeTexts.size())];

    const char *state = "open";
    QString decidedAt;
    const char *decision = nullptr;
    qint64 reauditId = 0;
    if (!open) {
        const double x = r.uniform();
        state = x < 0.35 ? "accepted" : x < 0.5 ? "partially_accepted" : "rejected";
        const bool upheld = x < 0.5;
        const int decidedDay = std::min(openedDay + r.between(2, 6), lastDay);
        decidedAt = DemoWorld::stamp(QDate::fromJulianDay(decidedDay), r.between(9, 16), r.between(0, 59));
        const auto decisions = DemoTexts::disputeDecisionComments(upheld);
        decision = decisions[r.below(decisions.size())];
        if (upheld) {
            // The re-audit: the same conversation, scored again by another auditor with the
            // disputed answers corrected (all of them, or the first one when partially accepted).
            DemoWorld::AuditRecord re = audit;
            re.sampleType = DemoWorld::Dispute;
            re.day = decidedDay;
            re.month = w.monthOf(decidedDay);
            re.auditor = (audit.auditor + 1 + int(r.below(quint64(w.auditors.size() - 1)))) % int(w.auditors.size());
            re.unauditedCount = 0;
            const std::size_t corrected = x < 0.35 ? failed.size() : 1;
            for (std::size_t k = 0; k < corrected; ++k) {
                const int i = failed[k];
                re.outcome[std::size_t(i)] = qint8(w.models[std::size_t(v.model[std::size_t(i)])].outcomes - 1);
            }
            re.score = m_audits.score(re);
            m_audits.write(re);
            reauditId = re.id;
            m_writer.superseded(audit.id, re.id);
            w.changes.push_back({decidedAt, w.qaLead, QStringLiteral("audit"), QString::number(audit.id),
                                 QStringLiteral("superseded_by"), QString(), QString::number(re.id),
                                 QStringLiteral("dispute %1").arg(id)});
        }
        w.changes.push_back({decidedAt, w.qaLead, QStringLiteral("dispute"), QString::number(id),
                             QStringLiteral("state"), QStringLiteral("open"), QString::fromLatin1(state),
                             QString::fromUtf8(decision)});
    }
    m_writer.dispute(id, audit.id, openedAt, openedBy, byLead ? "lead" : "agent", comment, state, decidedAt,
                     open ? QString() : w.qaLead, decision, reauditId);
    std::sort(failed.begin(), failed.end());
    for (int i : failed)
        m_writer.disputeCriterion(id, v.criterionIds[std::size_t(i)]);
    w.changes.push_back({openedAt, openedBy, QStringLiteral("dispute"), QString::number(id), QString(), QString(),
                         QStringLiteral("open"), QString::fromUtf8(comment)});
}

} // namespace ql

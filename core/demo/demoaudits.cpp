// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoaudits.h"

#include "demotexts.h"
#include "demowriter.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace ql {

namespace {

constexpr quint64 StreamAudits = 0x6175646974730000ull; // "audits"

// Shares of the random volume added on top as targeted and CSAT-triggered audits (docs/demo.md).
constexpr double TargetedShare = 0.04;
constexpr double CsatTriggeredShare = 0.03;

// Writes "QA-0000042" (at least seven digits) and returns the length.
int formatKey(char *out, const char *prefix, qint64 number, int width)
{
    const std::size_t p = std::strlen(prefix);
    std::memcpy(out, prefix, p);
    char digits[24];
    const auto res = std::to_chars(digits, digits + sizeof digits, number);
    const int n = int(res.ptr - digits);
    int pos = int(p);
    for (int i = n; i < width; ++i)
        out[pos++] = '0';
    std::memcpy(out + pos, digits, std::size_t(n));
    pos += n;
    out[pos] = '\0';
    return pos;
}

// An index drawn from cumulative weights (ascending, last = total > 0).
int drawCumulative(DemoRandom &r, const std::vector<double> &cumulative)
{
    const double x = r.uniform() * cumulative.back();
    const auto it = std::upper_bound(cumulative.cbegin(), cumulative.cend(), x);
    return int(std::min<std::ptrdiff_t>(it - cumulative.cbegin(), std::ptrdiff_t(cumulative.size()) - 1));
}

} // namespace

DemoAuditStream::DemoAuditStream(DemoWorld &world, DemoWriter &writer)
    : m_world(world), m_writer(writer), m_random(DemoRandom::fork(world.options.seed, StreamAudits))
{
    for (const DemoWorld::Auditor &a : world.auditors)
        m_auditorCapacity.push_back(a.capacity);
}

int DemoAuditStream::eligibleFrom(const DemoWorld::Agent &agent, int month) const
{
    const std::vector<int> &days = m_world.workingDays[std::size_t(month)];
    return int(std::lower_bound(days.cbegin(), days.cend(), agent.firstAuditDay) - days.cbegin());
}

int DemoAuditStream::randomCount(const DemoWorld::Agent &agent, int month) const
{
    if (month >= agent.leaveMonth)
        return 0;
    const int total = int(m_world.workingDays[std::size_t(month)].size());
    const int eligible = total - eligibleFrom(agent, month);
    if (eligible <= 0)
        return 0;
    const int perMonth = m_world.options.auditsPerAgentMonth;
    if (agent.role == DemoWorld::SmallSample)
        return std::min(perMonth, 5);
    if (eligible == total)
        return perMonth;
    // Joined during the month: a share of the quota, as a QA team would plan it.
    return std::max(1, int(std::lround(double(perMonth) * eligible / total)));
}

void DemoAuditStream::planMonth(int month)
{
    DemoWorld &w = m_world;
    DemoRandom &r = m_random;
    const std::vector<int> &days = w.workingDays[std::size_t(month)];
    m_pending.clear();
    quint32 sequence = 0;
    const auto add = [&](int agent, quint8 type) {
        const int from = eligibleFrom(w.agents[std::size_t(agent)], month);
        const int day = days[std::size_t(from) + std::size_t(r.below(quint64(int(days.size()) - from)))];
        m_pending.push_back({day, agent, sequence++, type});
    };

    int randomTotal = 0;
    for (int a = 0; a < int(w.agents.size()); ++a) {
        const int n = randomCount(w.agents[std::size_t(a)], month);
        for (int j = 0; j < n; ++j)
            add(a, DemoWorld::Random);
        randomTotal += n;
    }
    m_randomAudits += randomTotal;

    // Targeted audits follow up on people who need coaching: the truly low agent gets a steady
    // share, the rest goes to weaker agents and new hires.
    const int monthStartDay = int(w.monthStart[std::size_t(month)].toJulianDay());
    std::vector<double> targeted, triggered;
    targeted.reserve(w.agents.size());
    triggered.reserve(w.agents.size());
    double targetedSum = 0, triggeredSum = 0;
    for (const DemoWorld::Agent &a : w.agents) {
        const bool eligible = randomCount(a, month) > 0 && a.role == DemoWorld::Normal;
        const double target = !eligible ? 0 : (a.skill < -0.5 ? 3.0 : 0.5) + (monthStartDay - a.hireDay < 90 ? 3.0 : 0);
        const double trigger = !eligible ? 0 : 1 + 2 * std::max(0.0, -a.skill);
        targeted.push_back(targetedSum += target);
        triggered.push_back(triggeredSum += trigger);
    }
    int targetedCount = int(std::lround(TargetedShare * randomTotal));
    if (randomCount(w.agents[std::size_t(w.lowAgent)], month) > 0) {
        const int extra = std::min(targetedCount, std::max(1, int(std::lround(w.options.auditsPerAgentMonth * 0.4))));
        for (int j = 0; j < extra; ++j)
            add(w.lowAgent, DemoWorld::Targeted);
        targetedCount -= extra;
    }
    if (targetedSum > 0)
        for (int j = 0; j < targetedCount; ++j)
            add(drawCumulative(r, targeted), DemoWorld::Targeted);
    const int triggeredCount = int(std::lround(CsatTriggeredShare * randomTotal));
    if (triggeredSum > 0)
        for (int j = 0; j < triggeredCount; ++j)
            add(drawCumulative(r, triggered), DemoWorld::CsatTriggered);

    std::sort(m_pending.begin(), m_pending.end(), [](const Pending &x, const Pending &y) {
        return x.day != y.day ? x.day < y.day : x.sequence < y.sequence;
    });
}

void DemoAuditStream::makeAudit(const Pending &pending, DemoWorld::AuditRecord &rec)
{
    DemoWorld &w = m_world;
    DemoRandom &r = m_random;
    const DemoWorld::Agent &agent = w.agents[std::size_t(pending.agent)];
    rec.day = pending.day;
    rec.month = w.monthOf(pending.day);
    rec.agent = pending.agent;
    rec.sampleType = pending.type;
    rec.team = agent.teamOn(pending.day);
    rec.auditor = r.weighted(std::span<const double>(m_auditorCapacity));
    const int home = w.teams[std::size_t(rec.team)].homeQueue;
    rec.queue = r.chance(0.75) ? home : r.weighted(std::span<const double>(w.queueVolume));
    rec.channel = r.weighted(std::span<const double>(w.channelMix[std::size_t(rec.queue)]));
    rec.product = r.weighted(std::span<const double>(w.productMix[std::size_t(rec.queue)]));
    rec.interactionDay = pending.day - r.between(pending.type == DemoWorld::CsatTriggered ? 2 : 1, 10);
    rec.version = w.versionOn(pending.day);

    // The conversation's quality: the agent's skill, a learning curve over the first six months,
    // a slow improvement over the window, riskier contacts for targeted and CSAT-triggered
    // audits, and the conversation's own luck.
    const int tenure = rec.interactionDay - agent.hireDay;
    const double learning = agent.role == DemoWorld::SmallSample ? 0 : -0.7 * std::max(0.0, 1 - tenure / 180.0);
    const double trend = 0.25 * rec.month / std::max(1, w.months - 1);
    const double typeOffset = pending.type == DemoWorld::Targeted        ? -0.3
                              : pending.type == DemoWorld::CsatTriggered ? -0.6
                                                                         : 0;
    double quality = agent.skill + learning + trend + typeOffset + r.normal(0, 0.5);
    if (agent.role == DemoWorld::SmallSample)
        quality -= 2.0; // a bad first fortnight: few audits, all of them from it
    rec.quality = quality;
    answer(rec, quality + w.auditors[std::size_t(rec.auditor)].bias);
    rec.score = score(rec);

    // Tickets numbered in date order; the gap holds the agent's tickets nobody audited.
    rec.unauditedCount = int(r.below(4));
    rec.unauditedFrom = m_ticket + 1;
    m_ticket += quint32(rec.unauditedCount) + 1;
    rec.ticket = m_ticket;
}

void DemoAuditStream::answer(DemoWorld::AuditRecord &rec, double propensity)
{
    DemoWorld &w = m_world;
    DemoRandom &r = m_random;
    const DemoWorld::Version &v = *w.versions[std::size_t(rec.version)];
    const int n = int(v.model.size());
    const int bucket = DemoWorld::bucketOf(propensity);
    for (int i = 0; i < n; ++i) {
        const int mi = v.model[std::size_t(i)];
        const DemoWorld::CriterionModel &m = w.models[std::size_t(mi)];
        if (m.allowNa && r.uniform() < m.naProbability[std::size_t(rec.channel)][std::size_t(rec.queue)]) {
            rec.outcome[std::size_t(i)] = -1;
            continue;
        }
        int b = bucket;
        if (mi == w.adoptionCriterion) {
            // A new criterion: agents pick the habit up over the months after it is introduced.
            const int since = rec.month - w.monthOf(v.validFromDay);
            b = DemoWorld::bucketOf(propensity + std::min(0.0, -1.2 + 0.3 * since));
        }
        rec.outcome[std::size_t(i)] = qint8(DemoWorld::outcomeOf(m, b, r.uniform()));
    }
    // A few audits are saved with a required criterion left unanswered: incomplete.
    if (r.chance(0.006)) {
        int required[DemoWorld::MaxCriteria];
        int count = 0;
        for (int i = 0; i < n; ++i)
            if (!w.models[std::size_t(v.model[std::size_t(i)])].allowNa)
                required[count++] = i;
        if (count > 0)
            rec.outcome[std::size_t(required[r.below(quint64(count))])] = -2;
    }
}

AuditScore DemoAuditStream::score(const DemoWorld::AuditRecord &rec) const
{
    const DemoWorld::Version &v = *m_world.versions[std::size_t(rec.version)];
    std::array<AnswerInput, DemoWorld::MaxCriteria> inputs{};
    const std::size_t n = v.model.size();
    for (std::size_t i = 0; i < n; ++i) {
        const qint8 o = rec.outcome[i];
        if (o >= 0)
            inputs[i] = AnswerInput::rated(m_world.models[std::size_t(v.model[i])].value[std::size_t(o)]);
        else
            inputs[i] = o == -1 ? AnswerInput::notApplicable() : AnswerInput::missing();
    }
    return v.engine->score(std::span<const AnswerInput>(inputs.data(), n));
}

void DemoAuditStream::write(DemoWorld::AuditRecord &rec)
{
    DemoWorld &w = m_world;
    DemoRandom &r = m_random;
    const DemoWorld::Version &v = *w.versions[std::size_t(rec.version)];
    const DemoWorld::Team &team = w.teams[std::size_t(rec.team)];
    rec.id = ++m_auditId;
    formatKey(m_key, "QA-", rec.id, 7);
    formatKey(m_ticketText, "", qint64(rec.ticket), 0);

    const char *comment = nullptr;
    if (r.chance(0.15)) {
        const auto list = DemoTexts::auditComments(rec.score.passed, rec.score.criticalFail);
        comment = list[r.below(list.size())];
    }
    DemoWriter::Audit a;
    a.id = rec.id;
    a.key = m_key;
    a.ticket = m_ticketText;
    a.date = w.dateText(rec.day);
    a.interactionDate = w.dateText(rec.interactionDay);
    a.keys = &w.keysOf(rec.day);
    a.interactionKeys = &w.keysOf(rec.interactionDay);
    a.agentId = rec.agent + 1;
    a.auditorId = rec.auditor + 1;
    a.teamId = rec.team + 1;
    a.siteId = team.site + 1;
    a.supervisor = &team.supervisorUtf8;
    a.queueId = rec.queue + 1;
    a.channelId = rec.channel + 1;
    a.sampleType = DemoWorld::sampleTypeName(rec.sampleType);
    a.scorecardId = v.scorecardId;
    a.score = &rec.score;
    a.comment = comment;
    a.importId = w.importId;
    m_writer.audit(a);

    const std::size_t n = v.model.size();
    for (std::size_t i = 0; i < n; ++i) {
        const qint8 o = rec.outcome[i];
        if (o == -2)
            continue;
        const DemoWorld::CriterionModel &m = w.models[std::size_t(v.model[i])];
        DemoWriter::Answer ans;
        ans.id = ++m_answerId;
        ans.auditId = rec.id;
        ans.criterionId = v.criterionIds[i];
        bool failed = false;
        if (o >= 0) {
            const auto k = std::size_t(o);
            ans.value = m.value[k];
            ans.c = m.c[k];
            if (!m.label[k].isNull())
                ans.optionLabel = m.label[k].constData();
            failed = m.c[k] < m.passLevel;
        }
        if (failed && r.chance(0.35)) {
            const auto list = DemoTexts::failedAnswerComments(m.key);
            if (!list.empty())
                ans.comment = list[r.below(list.size())];
        }
        m_writer.answer(ans);
        if (failed) {
            // Every failed answer gets its root cause, a fifth of them a second one.
            const int cause = r.weighted(std::span<const int>(m.rootCauseWeights));
            m_writer.answerRootCause(ans.id, cause + 1);
            if (r.chance(0.2)) {
                const int second = r.weighted(std::span<const int>(m.rootCauseWeights));
                if (second != cause)
                    m_writer.answerRootCause(ans.id, second + 1);
            }
        }
    }
    m_writer.auditDimension(rec.id, 1, DemoTexts::productNames()[std::size_t(rec.product)]);
}

bool DemoAuditStream::run(const Progress &progress)
{
    DemoWorld &w = m_world;
    const double expected =
        double(w.options.agents) * w.months * w.options.auditsPerAgentMonth * (1 + TargetedShare + CsatTriggeredShare);
    qint64 done = 0;
    for (int month = 0; month < w.months; ++month) {
        const QString stage =
            QStringLiteral("audits %1").arg(w.monthStart[std::size_t(month)].toString(QStringLiteral("yyyy-MM")));
        if (!progress(std::min(1.0, done / expected), stage))
            return false;
        planMonth(month);
        for (const Pending &p : m_pending) {
            DemoWorld::AuditRecord rec;
            makeAudit(p, rec);
            write(rec);
            for (const Observer &observer : m_observers)
                observer(rec);
            if ((++done & 0x3fff) == 0) {
                if (!m_writer.ok() || !progress(std::min(1.0, done / expected), stage))
                    return false;
            }
        }
        if (!m_writer.ok())
            return false;
    }
    return true;
}

} // namespace ql

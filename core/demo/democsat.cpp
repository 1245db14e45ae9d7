// SPDX-License-Identifier: GPL-3.0-or-later
#include "democsat.h"

#include "demotexts.h"
#include "demowriter.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace ql {

namespace {

constexpr quint64 StreamCsat = 0x6373617400000000ull; // "csat"

// Score shares for a good conversation (1 … 5): 87% satisfied; the average one gives about 80%.
constexpr double Baseline[5] = {0.03, 0.03, 0.07, 0.25, 0.62};
// Queue and channel baselines (Billing, Returns, Technical, Orders, Accounts; email, chat, phone,
// social): customers are harder to please on technical issues and on social media.
constexpr double QueueBase[5] = {-0.2, 0.0, -0.3, 0.1, 0.2};
constexpr double ChannelBase[4] = {-0.2, 0.1, 0.2, -0.4};
// The planted effect: a customer left without next steps is much more often dissatisfied.
constexpr double NextStepsFailedEffect = -1.7;
// The planted drop: share of Returns responses in the last month that are refund-delay complaints.
constexpr double RefundDelayShare = 0.3;

const char *const kEmails[] = {"jane.doe@example.com", "m.okafor@example.org", "tom.b@example.net"};

void formatNumber(char *out, const char *prefix, qint64 number, int width)
{
    int pos = 0;
    while (*prefix)
        out[pos++] = *prefix++;
    char digits[24];
    const auto res = std::to_chars(digits, digits + sizeof digits, number);
    const int n = int(res.ptr - digits);
    for (int i = n; i < width; ++i)
        out[pos++] = '0';
    for (int i = 0; i < n; ++i)
        out[pos++] = digits[i];
    out[pos] = '\0';
}

} // namespace

DemoCsat::DemoCsat(DemoWorld &world, DemoWriter &writer)
    : m_world(world), m_writer(writer), m_random(DemoRandom::fork(world.options.seed, StreamCsat))
{
    std::array<double, 4> cut{};
    double cumulative = 0;
    for (int k = 0; k < 4; ++k) {
        cumulative += Baseline[k];
        cut[std::size_t(k)] = std::log(cumulative / (1 - cumulative));
    }
    for (int b = 0; b < DemoWorld::Buckets; ++b) {
        const double z = DemoWorld::bucketCentre(b);
        for (int k = 0; k < 4; ++k)
            m_cdf[std::size_t(b)][std::size_t(k)] = 1 / (1 + std::exp(-(cut[std::size_t(k)] - z)));
        m_cdf[std::size_t(b)][4] = 1;
    }
    for (std::size_t v = 0; v < world.versions.size() && v < 2; ++v) {
        const Scorecard &card = world.versions[v]->card;
        m_nextSteps[v] = card.indexOfKey(u"next_steps");
        m_resolution[v] = card.indexOfKey(u"resolution");
        m_tone[v] = card.indexOfKey(u"tone");
    }
}

void DemoCsat::onAudit(const DemoWorld::AuditRecord &audit)
{
    DemoWorld &w = m_world;
    DemoRandom &r = m_random;
    const DemoWorld::Version &v = *w.versions[std::size_t(audit.version)];
    const DemoWorld::Agent &agent = w.agents[std::size_t(audit.agent)];

    // The agent's other tickets around this one: some customers answer the survey. Their
    // conversations were not audited, so their quality is drawn here from the same models.
    for (int k = 0; k < audit.unauditedCount; ++k) {
        if (!r.chance(0.4))
            continue;
        char ticket[16];
        formatNumber(ticket, "", qint64(audit.unauditedFrom) + k, 0);
        Contact c{};
        c.ticket = ticket;
        c.agent = audit.agent;
        c.queue = r.chance(0.6) ? audit.queue : r.weighted(std::span<const double>(w.queueVolume));
        c.channel = r.weighted(std::span<const double>(w.channelMix[std::size_t(c.queue)]));
        c.product = r.weighted(std::span<const double>(w.productMix[std::size_t(c.queue)]));
        c.day = audit.interactionDay - int(r.below(10)) + int(r.below(3));
        const int bucket = DemoWorld::bucketOf(agent.skill + r.normal(0, 0.6));
        const auto draw = [&](int flat) {
            if (flat < 0)
                return -1;
            const auto &m = w.models[std::size_t(v.model[std::size_t(flat)])];
            if (m.allowNa && r.uniform() < m.naProbability[std::size_t(c.channel)][std::size_t(c.queue)])
                return -1;
            return DemoWorld::outcomeOf(m, bucket, r.uniform());
        };
        c.nextStepsFailed = draw(m_nextSteps[std::size_t(audit.version)]) == 0;
        const int resolution = draw(m_resolution[std::size_t(audit.version)]);
        c.resolution = resolution < 0 ? 2 : resolution;
        const int tone = draw(m_tone[std::size_t(audit.version)]);
        c.toneLow = tone >= 0 && tone <= 1;
        respond(c);
    }

    const bool triggered = audit.sampleType == DemoWorld::CsatTriggered;
    if (!triggered && !r.chance(0.32))
        return;
    char ticket[16];
    formatNumber(ticket, "", qint64(audit.ticket), 0);
    Contact c{};
    c.ticket = ticket;
    c.agent = audit.agent;
    c.queue = audit.queue;
    c.channel = audit.channel;
    c.product = audit.product;
    c.triggered = triggered;
    // A triggering response came in before the audit; others within a few days of the contact.
    c.day = triggered ? std::min(audit.interactionDay + int(r.below(2)), audit.day - 1)
                      : audit.interactionDay + int(r.below(3));
    const auto outcome = [&](int flat) { return flat < 0 ? qint8(-1) : audit.outcome[std::size_t(flat)]; };
    c.nextStepsFailed = outcome(m_nextSteps[std::size_t(audit.version)]) == 0;
    const qint8 resolution = outcome(m_resolution[std::size_t(audit.version)]);
    c.resolution = resolution < 0 ? 2 : resolution;
    const qint8 tone = outcome(m_tone[std::size_t(audit.version)]);
    c.toneLow = tone >= 0 && tone <= 1;
    respond(c);
}

void DemoCsat::respond(const Contact &contact)
{
    DemoWorld &w = m_world;
    DemoRandom &r = m_random;
    // Responses outside the window are not in the export the demo stands for; the one behind a
    // CSAT-triggered audit always is (on the first day at the earliest).
    const int firstDay = int(w.first.toJulianDay());
    const int day = contact.triggered ? std::max(contact.day, firstDay) : contact.day;
    if (day < firstDay || day > int(w.last.toJulianDay()))
        return;
    const int month = w.monthOf(day);
    const DemoWorld::Agent &agent = w.agents[std::size_t(contact.agent)];

    int score = 0;
    int reason = -1;
    if (contact.triggered) {
        score = r.chance(0.6) ? 1 : 2;
    } else if (contact.queue == w.plantedQueue && month == w.months - 1 && r.chance(RefundDelayShare)) {
        score = r.chance(0.55) ? 1 : 2;
        reason = w.refundDelayReason;
    } else {
        const double z = QueueBase[contact.queue] + ChannelBase[contact.channel] + 0.35 * agent.skill +
                         (contact.nextStepsFailed ? NextStepsFailedEffect : 0) +
                         (contact.resolution == 0   ? -0.5
                          : contact.resolution == 1 ? -0.2
                                                    : 0) +
                         (contact.toneLow ? -0.3 : 0);
        const auto &cdf = m_cdf[std::size_t(DemoWorld::bucketOf(z))];
        const double u = r.uniform();
        int k = 0;
        while (k < 4 && u >= cdf[std::size_t(k)])
            ++k;
        score = k + 1;
    }
    // Customers pick a reason when they are not satisfied (for a 3, most of them do).
    if (reason < 0 && (score <= 2 || (score == 3 && r.chance(0.6)))) {
        const bool refundQueue = contact.queue == 0 || contact.queue == w.plantedQueue;
        const double weights[] = {20,
                                  20.0 + (contact.resolution == 0 ? 25 : 0),
                                  10,
                                  8.0 + (contact.toneLow ? 15 : 0),
                                  8.0 + (contact.nextStepsFailed ? 35 : 0),
                                  16,
                                  10,
                                  refundQueue ? 3.0 : 0.0};
        reason = r.weighted(weights);
    }

    const int teamIndex = agent.teamOn(day);
    const DemoWorld::Team &team = w.teams[std::size_t(teamIndex)];
    ++m_id;
    formatNumber(m_key, "CS-", m_id, 7);
    DemoWriter::Csat row;
    row.id = m_id;
    row.key = m_key;
    row.ticket = contact.ticket;
    row.date = w.dateText(day);
    row.keys = &w.keysOf(day);
    row.score = score;
    row.satisfied = score >= 4;
    row.dissatisfied = score <= 2;
    row.agentId = contact.agent + 1;
    row.teamId = teamIndex + 1;
    row.siteId = team.site + 1;
    row.supervisor = &team.supervisorUtf8;
    row.queueId = contact.queue + 1;
    row.channelId = contact.channel + 1;
    row.reason = reason >= 0 ? DemoTexts::csatReasons()[std::size_t(reason)] : nullptr;
    row.comment = comment(score, reason, contact.queue, month);
    row.importId = w.importId;
    m_writer.csat(row);
    m_writer.csatDimension(m_id, 1, DemoTexts::productNames()[std::size_t(contact.product)]);
}

const char *DemoCsat::comment(int score, int reason, int queue, int month)
{
    DemoRandom &r = m_random;
    const double share = score <= 2 ? 0.55 : score == 3 ? 0.3 : 0.25;
    if (!r.chance(share))
        return nullptr;
    if (score >= 4) {
        const auto list = DemoTexts::csatPositiveComments();
        return list[r.below(list.size())];
    }
    const auto list =
        score == 3 && reason < 0 ? DemoTexts::csatNeutralComments() : DemoTexts::csatNegativeComments(reason);
    const char *text = list[r.below(list.size())];
    if (score > 2)
        return text;
    // A few comments carry personal data. Card numbers are stored masked, as the importer's
    // default masking would store them; the e-mail addresses are left for `check` to find.
    const int slot = month == 0 ? 0 : month == m_world.months / 2 ? 1 : month == m_world.months - 1 ? 2 : -1;
    if (slot >= 0 && !m_emailPlanted[std::size_t(slot)]) {
        m_emailPlanted[std::size_t(slot)] = true;
        m_builtComments.push_back(QByteArray(text) + " Please reply to " + kEmails[slot] +
                                  ", not the address on the account.");
        return m_builtComments.back().constData();
    }
    if (queue == 0 && r.chance(0.02)) {
        ++m_masked;
        m_builtComments.push_back("Charged twice on my card **** **** **** " +
                                  QByteArray::number(10000 + r.below(10000)).mid(1) + ", please refund.");
        return m_builtComments.back().constData();
    }
    return text;
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoorganisation.h"

#include "demotexts.h"
#include "demowriter.h"
#include "store/scorecardstore.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ql {

namespace {

constexpr quint64 StreamOrganisation = 0x6f7267616e697361ull; // "organisa"

// Where N/A is likely, by criterion: the chance an auditor marks it N/A, from channel and queue.
enum NaProfile { NaNever, NaIdentity, NaListening, NaProcess, NaKnowledge, NaWritten, NaNextSteps };

struct CriterionSpec
{
    const char *key;
    const char *name;
    const char *description;
    int section;
    char scale;            // 'b' binary, 'r' range 1–5, 'o' options
    const char *labels[3]; // options as authored, best first
    double points[3];
    double weight;
    CriticalFamily critical;
    CriticalEffect effect;
    bool allowNa;
    double baseline[5]; // outcome probabilities at propensity 0, worst outcome first
    double slope;       // how strongly the propensity moves the answer
    int fromVersion;
    NaProfile na;
    int rootCauses[8]; // weights over DemoTexts::rootCauseNames()
};

// "Support QA". Version 2 adds knowledge_share and moves 5 points of section weight from
// Communication to Resolution (docs/demo.md).
// clang-format off
const CriterionSpec kCriteria[] = {
    {"greeting", "Greeting and introduction", "Greets the customer and gives their name.", 0, 'b', {}, {}, 1,
     CriticalFamily::None, CriticalEffect::Audit, false, {0.04, 0.96}, 0.8, 1, NaNever, {1, 2, 0, 4, 0, 5, 0, 0}},
    {"verify_identity", "Verified the customer's identity",
     "Two security questions before any account detail is discussed or changed. N/A when no account is touched.", 0,
     'b', {}, {}, 2, CriticalFamily::Compliance, CriticalEffect::Audit, true, {0.01, 0.99}, 0.9, 1, NaIdentity,
     {2, 8, 1, 3, 2, 1, 0, 0}},
    {"discovery", "Asked the right questions", "Finds the real issue before answering.", 1, 'r', {}, {}, 2,
     CriticalFamily::None, CriticalEffect::Audit, false, {0.02, 0.05, 0.15, 0.38, 0.40}, 1.0, 1, NaNever,
     {6, 1, 0, 3, 0, 1, 1, 1}},
    {"active_listening", "Listened and acknowledged", "Acknowledges what the customer said. N/A on e-mail threads.", 1,
     'r', {}, {}, 1, CriticalFamily::None, CriticalEffect::Audit, true, {0.01, 0.04, 0.14, 0.36, 0.45}, 0.9, 1,
     NaListening, {1, 0, 0, 4, 0, 5, 0, 1}},
    {"correct_info", "Gave correct and complete information", "Policy, prices and timelines as in the knowledge base.",
     2, 'b', {}, {}, 3, CriticalFamily::Customer, CriticalEffect::Audit, false, {0.015, 0.985}, 1.0, 1, NaNever,
     {9, 1, 2, 1, 4, 0, 1, 0}},
    {"resolution", "Resolved the issue", "Yes: solved or correctly escalated; Partial: part of it; No: left open.", 2,
     'o', {"Yes", "Partial", "No"}, {10, 3, 0}, 3, CriticalFamily::None, CriticalEffect::Audit, false,
     {0.05, 0.15, 0.80}, 1.0, 1, NaNever, {5, 2, 3, 2, 2, 0, 2, 2}},
    {"process_followed", "Followed the refund and returns process",
     "Labels, approvals and reason codes as the process requires. N/A when no refund or return is involved.", 2, 'b',
     {}, {}, 2, CriticalFamily::Business, CriticalEffect::Section, true, {0.015, 0.985}, 0.9, 1, NaProcess,
     {3, 8, 2, 2, 3, 0, 1, 0}},
    {"knowledge_share", "Offered a self-service article", "Links the help-centre article that fits, when one exists.",
     2, 'b', {}, {}, 1, CriticalFamily::None, CriticalEffect::Audit, true, {0.20, 0.80}, 0.8, 2, NaKnowledge,
     {4, 2, 2, 3, 0, 0, 0, 0}},
    {"tone", "Tone and empathy", "Warm, patient, owns the problem.", 3, 'r', {}, {}, 2, CriticalFamily::None,
     CriticalEffect::Audit, false, {0.01, 0.03, 0.10, 0.36, 0.50}, 1.0, 1, NaNever, {0, 0, 0, 4, 0, 8, 0, 2}},
    {"clarity", "Clear and concise", "Short, structured, no jargon.", 3, 'r', {}, {}, 1, CriticalFamily::None,
     CriticalEffect::Audit, false, {0.01, 0.04, 0.15, 0.40, 0.40}, 0.9, 1, NaNever, {2, 0, 0, 5, 0, 2, 0, 0}},
    {"grammar", "Spelling and grammar", "Written channels only.", 3, 'b', {}, {}, 1, CriticalFamily::None,
     CriticalEffect::Audit, true, {0.07, 0.93}, 0.7, 1, NaWritten, {1, 0, 1, 6, 0, 1, 0, 0}},
    {"documentation", "Ticket notes and tagging", "Internal note and the right tags for reporting.", 4, 'o',
     {"Complete", "Partial", "Missing"}, {2, 1, 0}, 1, CriticalFamily::None, CriticalEffect::Audit, false,
     {0.04, 0.16, 0.80}, 0.8, 1, NaNever, {1, 3, 4, 6, 0, 0, 0, 0}},
    {"next_steps", "Set expectations for next steps", "Says what happens next and when.", 4, 'b', {}, {}, 1,
     CriticalFamily::None, CriticalEffect::Audit, true, {0.12, 0.88}, 1.0, 1, NaNextSteps, {5, 3, 1, 4, 2, 0, 1, 0}},
};

const char *const kSections[] = {"Opening and verification", "Understanding", "Resolution", "Communication", "Wrap-up"};
const double kSectionWeights[2][5] = {{15, 20, 35, 20, 10}, {15, 20, 40, 15, 10}};
// clang-format on

double naProbability(NaProfile profile, int channel, int queue)
{
    // Channels: email, chat, phone, social. Queues: Billing, Returns, Technical, Orders, Accounts.
    static const double identity[5] = {0.10, 0.25, 0.50, 0.30, 0.05};
    static const double process[5] = {0.20, 0.05, 0.80, 0.40, 0.60};
    switch (profile) {
    case NaNever:
        return 0;
    case NaIdentity:
        return std::min(1.0, identity[queue] + (channel == 3 ? 0.10 : 0));
    case NaListening:
        return channel == 0 || channel == 3 ? 0.30 : channel == 1 ? 0.05 : 0.02;
    case NaProcess:
        return process[queue];
    case NaKnowledge:
        return channel == 2 ? 0.45 : 0.30;
    case NaWritten:
        return channel == 2 ? 0.95 : 0.02;
    case NaNextSteps:
        return 0.08;
    }
    return 0;
}

QString personName(int index)
{
    const auto first = DemoTexts::firstNames();
    const auto last = DemoTexts::lastNames();
    const int combos = int(first.size() * last.size());
    const int base = index % combos;
    QString name = QString::fromUtf8(first[std::size_t(base) % first.size()]) + QLatin1Char(' ');
    if (index >= combos) // more people than pairs: a middle initial keeps names distinct
        name += QLatin1Char(char('A' + (index / combos - 1) % 26)) + QStringLiteral(". ");
    return name + QString::fromUtf8(last[std::size_t(base) / first.size()]);
}

} // namespace

QString DemoWorld::stamp(QDate day, int hour, int minute)
{
    return QStringLiteral("%1T%2:%3:00Z")
        .arg(day.toString(Qt::ISODate))
        .arg(hour, 2, 10, QLatin1Char('0'))
        .arg(minute, 2, 10, QLatin1Char('0'));
}

int DemoWorld::monthOf(int julianDay) const
{
    // From the precomputed keys: QDate's calendar arithmetic shows up in a profile at a million rows.
    const int index = julianDay - dayTextBase;
    const int key = index >= 0 && index < int(dayKeys.size()) ? dayKeys[std::size_t(index)].month
                                                              : PeriodKeys::of(QDate::fromJulianDay(julianDay)).month;
    return (key / 100 - first.year()) * 12 + key % 100 - first.month();
}

DemoOrganisation::DemoOrganisation(DemoWorld &world, DemoWriter &writer, const QSqlDatabase &db)
    : m_world(world), m_writer(writer), m_db(db), m_random(DemoRandom::fork(world.options.seed, StreamOrganisation))
{
}

void DemoOrganisation::build()
{
    buildCalendar();
    buildDictionaries();
    buildAgents();
    buildAuditors();
    buildModels();
}

void DemoOrganisation::buildCalendar()
{
    DemoWorld &w = m_world;
    const QDate end(w.options.endMonth.year(), w.options.endMonth.month(), 1);
    w.months = w.options.months;
    w.first = end.addMonths(-(w.months - 1));
    w.last = end.addMonths(1).addDays(-1);
    // The demo's "now": the morning after the last month, so nothing depends on the clock.
    w.importAt = DemoWorld::stamp(end.addMonths(1), 6, 0);
    for (int m = 0; m < w.months; ++m) {
        const QDate start = w.first.addMonths(m);
        w.monthStart.push_back(start);
        std::vector<int> days;
        for (QDate d = start; d.month() == start.month(); d = d.addDays(1)) {
            const bool holiday =
                (d.month() == 1 && d.day() == 1) || (d.month() == 12 && (d.day() == 25 || d.day() == 26));
            if (d.dayOfWeek() <= 5 && !holiday)
                days.push_back(int(d.toJulianDay()));
        }
        w.workingDays.push_back(std::move(days));
    }
    // Dates from well before the window (interaction dates, a year of hires) to after it.
    w.dayTextBase = int(w.first.toJulianDay()) - 400;
    const int count = int(w.last.toJulianDay()) + 60 - w.dayTextBase;
    w.dayText.resize(std::size_t(count));
    w.dayKeys.resize(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        const QDate d = QDate::fromJulianDay(w.dayTextBase + i);
        const QByteArray text = d.toString(Qt::ISODate).toLatin1();
        std::copy_n(text.constData(), 10, w.dayText[std::size_t(i)].data());
        w.dayText[std::size_t(i)][10] = '\0';
        w.dayKeys[std::size_t(i)] = PeriodKeys::of(d);
    }
}

void DemoOrganisation::buildDictionaries()
{
    DemoWorld &w = m_world;
    const auto toList = [](DemoTexts::List items) {
        QStringList out;
        for (const char *item : items)
            out << QString::fromUtf8(item);
        return out;
    };
    w.sites = toList(DemoTexts::siteNames());
    w.queues = toList(DemoTexts::queueNames());
    w.channels = toList(DemoTexts::channelNames());
    w.products = toList(DemoTexts::productNames());
    w.rootCauses = toList(DemoTexts::rootCauseNames());
    w.qaLead = QString::fromUtf8(DemoTexts::qaLeadName());
    w.plantedQueue = 1; // Returns
    w.refundDelayReason = DemoTexts::csatReasonIndex("Refund delay");

    // Different volumes per queue, and a channel and product mix for each.
    w.queueVolume = {0.28, 0.20, 0.22, 0.20, 0.10};
    w.channelMix = {{{0.30, 0.30, 0.35, 0.05},
                     {0.45, 0.30, 0.15, 0.10},
                     {0.20, 0.35, 0.40, 0.05},
                     {0.35, 0.35, 0.20, 0.10},
                     {0.30, 0.30, 0.35, 0.05}}};
    w.productMix = {{{0.10, 0.10, 0.15, 0.05, 0.60},
                     {0.25, 0.25, 0.25, 0.25, 0.00},
                     {0.40, 0.25, 0.30, 0.05, 0.00},
                     {0.25, 0.25, 0.25, 0.25, 0.00},
                     {0.10, 0.05, 0.10, 0.05, 0.70}}};

    // About twelve agents per team; teams spread over the sites and given home queues in
    // proportion to the queues' volumes.
    const int teamCount = std::max(3, int(std::lround(w.options.agents / 12.0)));
    const auto names = DemoTexts::teamNames();
    std::array<int, DemoWorld::Queues> assigned{};
    for (int t = 0; t < teamCount; ++t) {
        DemoWorld::Team team;
        team.name = QString::fromUtf8(names[std::size_t(t) % names.size()]);
        if (t >= int(names.size()))
            team.name += QStringLiteral(" %1").arg(t / int(names.size()) + 1);
        team.site = t % int(w.sites.size());
        int best = 0;
        double bestGap = -1e9;
        for (int q = 0; q < DemoWorld::Queues; ++q) {
            const double gap = w.queueVolume[std::size_t(q)] * (t + 1) - assigned[std::size_t(q)];
            if (gap > bestGap) {
                bestGap = gap;
                best = q;
            }
        }
        ++assigned[std::size_t(best)];
        team.homeQueue = best;
        w.teams.push_back(team);
    }
}

void DemoOrganisation::buildAgents()
{
    DemoWorld &w = m_world;
    DemoRandom &r = m_random;
    const int n = w.options.agents;
    const int teamCount = int(w.teams.size());

    // Distinct names: a shuffled walk through first × last name pairs (agents first, then supervisors).
    const int combos = int(DemoTexts::firstNames().size() * DemoTexts::lastNames().size());
    std::vector<int> nameOrder(std::size_t(std::max(combos, n + teamCount)));
    std::iota(nameOrder.begin(), nameOrder.end(), 0);
    r.shuffle(std::span<int>(nameOrder.data(), std::size_t(combos)));
    for (int t = 0; t < teamCount; ++t) {
        w.teams[std::size_t(t)].supervisor = personName(nameOrder[std::size_t(n + t)]);
        w.teams[std::size_t(t)].supervisorUtf8 = w.teams[std::size_t(t)].supervisor.toUtf8();
    }

    std::vector<int> teamOrder(static_cast<std::size_t>(n));
    std::iota(teamOrder.begin(), teamOrder.end(), 0);
    r.shuffle(std::span<int>(teamOrder));

    const int digits = std::max(4, int(QString::number(n).size()));
    const int firstDay = int(w.first.toJulianDay());
    const int lastDay = int(w.last.toJulianDay());
    w.agents.resize(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        DemoWorld::Agent &a = w.agents[std::size_t(i)];
        a.key = QStringLiteral("A%1").arg(i + 1, digits, 10, QLatin1Char('0')).toLatin1();
        a.name = personName(nameOrder[std::size_t(i)]);
        a.team = teamOrder[std::size_t(i)] % teamCount;
        a.leaveMonth = w.months;
        // Tenure spread: some hired during the window, the rest from months to years before it.
        const double tenure = r.uniform();
        if (tenure < 0.08)
            a.hireDay = firstDay + 20 + int(r.below(quint64(std::max(1, lastDay - firstDay - 60))));
        else if (tenure < 0.22)
            a.hireDay = firstDay - 1 - int(r.below(180));
        else if (tenure < 0.45)
            a.hireDay = firstDay - 180 - int(r.below(365));
        else
            a.hireDay = firstDay - 545 - int(r.below(2400));
        a.firstAuditDay = a.hireDay + 14;
        a.skill = std::clamp(r.normal(0, 0.45), -1.1, 1.1);
    }

    // A few leave in the last third of the window; a few move team (within their site) mid-window.
    const int leavers = std::max(1, n * 3 / 100);
    const int movers = std::max(1, n * 3 / 100);
    for (int k = 0; k < leavers; ++k) {
        DemoWorld::Agent &a = w.agents[std::size_t(r.below(quint64(n)))];
        if (a.hireDay < firstDay)
            a.leaveMonth =
                std::max(1, w.months * 2 / 3 + int(r.below(quint64(std::max(1, w.months - w.months * 2 / 3)))));
    }
    for (int moved = 0, attempt = 0; moved < movers && w.months >= 3 && attempt < 20 * movers; ++attempt) {
        DemoWorld::Agent &a = w.agents[std::size_t(r.below(quint64(n)))];
        const int month = 1 + int(r.below(quint64(w.months - 2)));
        const int day = w.workingDays[std::size_t(month)].front();
        if (a.moveTeam >= 0 || a.leaveMonth < w.months || day <= a.firstAuditDay + 30)
            continue;
        a.moveTeam = (a.team + (teamCount >= 4 ? 3 : 1)) % teamCount; // teams t and t+3 share a site
        a.moveDay = day;
        ++moved;
    }

    // The planted agents: a long-tenured one who is truly below the rest, and an experienced hire
    // who joins in the last month and gets only a handful of audits.
    const auto plain = [&](int i) {
        const DemoWorld::Agent &a = w.agents[std::size_t(i)];
        return a.role == DemoWorld::Normal && a.moveTeam < 0 && a.leaveMonth == w.months && a.hireDay < firstDay - 365;
    };
    const auto pick = [&]() {
        const int start = int(r.below(quint64(n)));
        for (int k = 0; k < n; ++k)
            if (plain((start + k) % n))
                return (start + k) % n;
        // A tiny organisation may have nobody with a year of tenure: make one.
        int i = start;
        while (w.agents[std::size_t(i)].role != DemoWorld::Normal)
            i = (i + 1) % n;
        DemoWorld::Agent &a = w.agents[std::size_t(i)];
        a.hireDay = firstDay - 800;
        a.firstAuditDay = a.hireDay + 14;
        a.leaveMonth = w.months;
        a.moveTeam = -1;
        return i;
    };
    const int low = pick();
    w.lowAgent = low;
    w.agents[std::size_t(low)].role = DemoWorld::TrulyLow;
    w.agents[std::size_t(low)].skill = -1.75;
    const int small = pick();
    w.smallAgent = small;
    DemoWorld::Agent &s = w.agents[std::size_t(small)];
    s.role = DemoWorld::SmallSample;
    s.skill = 0;
    s.hireDay = int(w.monthStart.back().toJulianDay()) + 1;
    s.firstAuditDay = s.hireDay + 7;
}

void DemoOrganisation::buildAuditors()
{
    DemoWorld &w = m_world;
    const auto names = DemoTexts::auditorNames();
    static const double capacity[] = {1.1, 1.0, 0.9, 1.0, 1.2, 0.9, 1.0, 0.9};
    w.lenientAuditor = 1;
    w.severeAuditor = 6;
    w.driftingAuditor = 3;
    for (std::size_t i = 0; i < names.size(); ++i) {
        DemoWorld::Auditor a;
        a.key = QStringLiteral("QA%1").arg(int(i) + 1, 2, 10, QLatin1Char('0'));
        a.name = QString::fromUtf8(names[i]);
        a.capacity = capacity[i];
        a.bias = m_random.normal(0, 0.06);
        w.auditors.push_back(a);
    }
    w.auditors[std::size_t(w.lenientAuditor)].bias = 0.8;
    w.auditors[std::size_t(w.severeAuditor)].bias = -0.65;
}

void DemoOrganisation::buildModels()
{
    DemoWorld &w = m_world;
    for (const CriterionSpec &spec : kCriteria) {
        DemoWorld::CriterionModel m;
        m.key = QString::fromLatin1(spec.key);
        m.allowNa = spec.allowNa;
        m.outcomes = spec.scale == 'b' ? 2 : spec.scale == 'r' ? 5 : 3;
        for (int k = 0; k < m.outcomes; ++k) {
            const auto uk = std::size_t(k);
            if (spec.scale == 'b') {
                m.value[uk] = k;
                m.c[uk] = k;
            } else if (spec.scale == 'r') {
                m.value[uk] = k + 1;
                m.c[uk] = k / 4.0;
            } else {
                // Outcomes run worst first; the authored options run best first.
                m.value[uk] = spec.points[2 - k];
                m.c[uk] = spec.points[2 - k] / spec.points[0];
                m.label[uk] = QByteArray(spec.labels[2 - k]);
            }
        }
        // Ordered logit: the baseline's cumulative shares give the cut points at propensity 0.
        std::array<double, DemoWorld::MaxOutcomes> cut{};
        double cumulative = 0;
        for (int k = 0; k < m.outcomes - 1; ++k) {
            cumulative += spec.baseline[k];
            cut[std::size_t(k)] = std::log(cumulative / (1 - cumulative));
        }
        for (int b = 0; b < DemoWorld::Buckets; ++b) {
            const double x = DemoWorld::bucketCentre(b);
            for (int k = 0; k < m.outcomes - 1; ++k)
                m.cdf[std::size_t(b)][std::size_t(k)] = 1 / (1 + std::exp(-(cut[std::size_t(k)] - spec.slope * x)));
            m.cdf[std::size_t(b)][std::size_t(m.outcomes - 1)] = 1;
        }
        for (int ch = 0; ch < DemoWorld::Channels; ++ch)
            for (int q = 0; q < DemoWorld::Queues; ++q)
                m.naProbability[std::size_t(ch)][std::size_t(q)] = spec.allowNa ? naProbability(spec.na, ch, q) : 0;
        std::copy(std::begin(spec.rootCauses), std::end(spec.rootCauses), std::begin(m.rootCauseWeights));
        if (m.key == QLatin1String("next_steps"))
            w.plantedCriterion = int(w.models.size());
        if (spec.fromVersion == 2)
            w.adoptionCriterion = int(w.models.size());
        w.models.push_back(m);
    }
}

Scorecard DemoOrganisation::scorecard(int version) const
{
    Scorecard card;
    card.name = QStringLiteral("Support QA");
    card.version = version;
    card.passThreshold = 85;
    card.policy = CriticalPolicy::Zero;
    card.description = QStringLiteral("Quality standard for e-mail, chat, phone and social support.");
    for (int s = 0; s < 5; ++s) {
        Section section;
        section.name = QString::fromUtf8(kSections[s]);
        section.weight = kSectionWeights[version - 1][s];
        for (const CriterionSpec &spec : kCriteria) {
            if (spec.section != s || spec.fromVersion > version)
                continue;
            Criterion c;
            c.key = QString::fromLatin1(spec.key);
            c.name = QString::fromUtf8(spec.name);
            c.description = QString::fromUtf8(spec.description);
            if (spec.scale == 'b')
                c.scale = Scale::binary();
            else if (spec.scale == 'r')
                c.scale = Scale::range(1, 5);
            else
                c.scale = Scale::fromOptions({{QString::fromLatin1(spec.labels[0]), spec.points[0]},
                                              {QString::fromLatin1(spec.labels[1]), spec.points[1]},
                                              {QString::fromLatin1(spec.labels[2]), spec.points[2]}});
            c.weight = spec.weight;
            c.critical = spec.critical;
            c.criticalEffect = spec.effect;
            c.allowNa = spec.allowNa;
            section.criteria.append(c);
        }
        card.sections.append(section);
    }
    return card;
}

bool DemoOrganisation::write(QString *error)
{
    DemoWorld &w = m_world;
    DemoWriter &out = m_writer;
    const auto names = [&](DemoWriter::NameTable table, const QStringList &list) {
        for (qsizetype i = 0; i < list.size(); ++i)
            out.name(table, i + 1, list.at(i));
    };
    names(DemoWriter::Sites, w.sites);
    names(DemoWriter::Queues, w.queues);
    names(DemoWriter::Channels, w.channels);
    names(DemoWriter::RootCauses, w.rootCauses);
    names(DemoWriter::CustomDimensions, {QStringLiteral("product")});
    for (std::size_t t = 0; t < w.teams.size(); ++t)
        out.name(DemoWriter::Teams, qint64(t) + 1, w.teams[t].name);

    qint64 historyId = 0;
    int aliasHolders = 0;
    const int aliasEvery = std::max(2, w.options.agents / std::max(2, w.options.agents * 2 / 100));
    for (std::size_t i = 0; i < w.agents.size(); ++i) {
        const DemoWorld::Agent &a = w.agents[i];
        const qint64 id = qint64(i) + 1;
        const QByteArray hire = QDate::fromJulianDay(a.hireDay).toString(Qt::ISODate).toLatin1();
        out.agent(id, a.key, a.name, hire.constData(), a.leaveMonth == w.months, w.importAt, w.importId);
        const DemoWorld::Team &team = w.teams[std::size_t(a.team)];
        out.history(++historyId, id, hire.constData(), a.team + 1, team.site + 1, team.supervisor, w.importId);
        if (a.moveTeam >= 0) {
            const DemoWorld::Team &to = w.teams[std::size_t(a.moveTeam)];
            out.history(++historyId, id, w.dateText(a.moveDay), a.moveTeam + 1, to.site + 1, to.supervisor, w.importId);
            w.changes.push_back({DemoWorld::stamp(QDate::fromJulianDay(a.moveDay), 7, 0), w.qaLead,
                                 QStringLiteral("agent"), QString::fromLatin1(a.key), QStringLiteral("team"), team.name,
                                 to.name, QStringLiteral("roster update")});
        }
        // Other ids the same person has elsewhere: the help desk's user id, and an old HR id.
        if (i % std::size_t(aliasEvery) == std::size_t(aliasEvery / 2)) {
            out.alias(QStringLiteral("zd-%1").arg(360000000 + 7919 * qint64(i)), id);
            if (++aliasHolders % 3 == 0)
                out.alias(QStringLiteral("legacy-%1").arg(QString::fromLatin1(a.key)), id);
        }
    }
    for (std::size_t i = 0; i < w.auditors.size(); ++i)
        out.auditor(qint64(i) + 1, w.auditors[i].key, w.auditors[i].name);
    if (!out.ok()) {
        *error = out.error();
        return false;
    }
    if (!writeScorecards(error))
        return false;
    if (!writeSettingsAndViews()) {
        *error = out.error();
        return false;
    }
    return true;
}

bool DemoOrganisation::writeScorecards(QString *error)
{
    DemoWorld &w = m_world;
    ScorecardStore store(m_db);
    const QDate secondFrom = w.monthStart[std::size_t(w.months / 2)];
    for (int version = 1; version <= 2; ++version) {
        Scorecard card = scorecard(version);
        card.validFrom = version == 1 ? w.first : secondFrom;
        const QString createdAt = DemoWorld::stamp(card.validFrom.addDays(version == 1 ? -14 : -10), 9, 0);
        const auto stored = store.save(card, createdAt, error, version == 1 ? secondFrom.addDays(-1) : QDate());
        if (!stored)
            return false;
        auto v = std::make_unique<DemoWorld::Version>();
        v->scorecardId = stored->id;
        v->validFromDay = int(card.validFrom.toJulianDay());
        v->card = card;
        v->engine = std::make_unique<ScoringEngine>(card);
        v->criterionIds.assign(stored->criterionIds.cbegin(), stored->criterionIds.cend());
        for (int i = 0; i < card.criterionCount(); ++i) {
            const QString &key = card.criterionAt(i).key;
            const auto it = std::find_if(w.models.cbegin(), w.models.cend(),
                                         [&](const DemoWorld::CriterionModel &m) { return m.key == key; });
            v->model.push_back(int(it - w.models.cbegin()));
        }
        w.changes.push_back({createdAt, w.qaLead, QStringLiteral("scorecard"), QString::number(stored->id), QString(),
                             QString(), QStringLiteral("Support QA version %1").arg(version),
                             version == 1
                                 ? QStringLiteral("new scorecard")
                                 : QStringLiteral("added knowledge_share; Resolution 35 → 40, Communication 20 → 15")});
        w.versions.push_back(std::move(v));
    }
    w.changes.push_back({DemoWorld::stamp(secondFrom.addDays(-10), 9, 1), w.qaLead, QStringLiteral("scorecard"),
                         QString::number(w.versions[0]->scorecardId), QStringLiteral("valid_to"), QString(),
                         secondFrom.addDays(-1).toString(Qt::ISODate), QStringLiteral("superseded by version 2")});
    return true;
}

bool DemoOrganisation::writeSettingsAndViews()
{
    DemoWorld &w = m_world;
    DemoWriter &out = m_writer;
    const QString organisation = QStringLiteral("Northwind Home & Tech (demo)");
    out.setting(QStringLiteral("organisation_name"), organisation);
    w.changes.push_back({DemoWorld::stamp(w.first.addDays(-15), 8, 0), w.qaLead, QStringLiteral("setting"),
                         QStringLiteral("organisation_name"), QStringLiteral("value"), QString(), organisation,
                         QStringLiteral("set up the project")});

    const QByteArray from = w.first.toString(Qt::ISODate).toLatin1();
    qint64 id = 0;
    out.target(++id, "qa_score", "all", QString(), from.constData(), 85);
    out.target(++id, "pass_rate", "all", QString(), from.constData(), 70);
    out.target(++id, "critical_rate", "all", QString(), from.constData(), 3);
    out.target(++id, "csat_pct", "all", QString(), from.constData(), 80);
    out.target(++id, "csat_pct", "queue", QStringLiteral("Returns"), from.constData(), 78);

    id = 0;
    out.savedView(
        ++id, "pivot", QStringLiteral("QA score by team and month"),
        R"({"source":"audits","rows":["team"],"cols":["month"],"measures":["qa_score","count","pass_rate"],"totals":true})",
        w.importAt);
    out.savedView(
        ++id, "pivot", QStringLiteral("CSAT by queue and month"),
        R"({"source":"csat","rows":["queue"],"cols":["month"],"measures":["csat_pct","csat_responses"],"totals":true})",
        w.importAt);
    out.savedView(
        ++id, "pivot", QStringLiteral("Criterion compliance by month"),
        R"({"source":"answers","rows":["criterion"],"cols":["month"],"measures":["compliance","count"],"totals":false})",
        w.importAt);
    out.savedView(
        ++id, "chart", QStringLiteral("QA score by site"),
        R"({"type":"line","title":"QA score by site","pivot":{"source":"audits","rows":["month"],"cols":["site"],"measures":["qa_score"]},"target":85,"footnote":true})",
        w.importAt);
    return out.ok();
}

} // namespace ql

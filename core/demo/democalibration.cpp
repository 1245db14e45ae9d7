// SPDX-License-Identifier: GPL-3.0-or-later
#include "democalibration.h"

#include "demotexts.h"
#include "demowriter.h"

#include <algorithm>
#include <charconv>

namespace ql {

namespace {

constexpr quint64 StreamCalibration = 0x63616c6962000000ull; // "calib"

const char *const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

int thirdWednesday(QDate monthStart)
{
    QDate d = monthStart;
    while (d.dayOfWeek() != 3)
        d = d.addDays(1);
    return int(d.addDays(14).toJulianDay());
}

} // namespace

DemoCalibration::DemoCalibration(DemoWorld &world, DemoWriter &writer)
    : m_world(world), m_writer(writer), m_random(DemoRandom::fork(world.options.seed, StreamCalibration))
{
    for (int m = 0; m < world.months; ++m) {
        Session s;
        s.day = thirdWednesday(world.monthStart[std::size_t(m)]);
        s.month = m;
        m_sessions.push_back(std::move(s));
    }
    // The session still in review: the last working day, on the month's Returns conversations.
    Session review;
    review.day = world.workingDays.back().back();
    review.month = world.months - 1;
    review.review = true;
    m_sessions.push_back(std::move(review));
}

void DemoCalibration::offer(Reservoir &reservoir, std::size_t capacity, const Candidate &candidate)
{
    ++reservoir.seen;
    if (reservoir.items.size() < capacity) {
        reservoir.items.push_back(candidate);
        return;
    }
    const quint64 j = m_random.below(quint64(reservoir.seen));
    if (j < capacity)
        reservoir.items[std::size_t(j)] = candidate;
}

void DemoCalibration::consider(const DemoWorld::AuditRecord &audit)
{
    if (audit.sampleType != DemoWorld::Random || !audit.score.rawScore)
        return;
    const DemoWorld &w = m_world;
    const int nextSteps = w.versions[std::size_t(audit.version)]->card.indexOfKey(u"next_steps");
    const Candidate c{
        audit.id,    audit.ticket,  audit.interactionDay, audit.agent,
        audit.queue, audit.channel, audit.quality,        nextSteps >= 0 && audit.outcome[std::size_t(nextSteps)] == 0};
    Session &s = m_sessions[std::size_t(audit.month)];
    if (audit.day < s.day && audit.day >= s.day - 28) {
        const double raw = *audit.score.rawScore;
        offer(s.bands[raw < 75 ? 0 : raw < 90 ? 1 : 2], 2, c);
    }
    Session &review = m_sessions.back();
    if (audit.month == w.months - 1 && audit.queue == w.plantedQueue && audit.day > s.day && audit.day < review.day)
        offer(review.bands[0], 6, c);
}

std::vector<DemoCalibration::Candidate> DemoCalibration::items(Session &session)
{
    const std::size_t count = std::size_t(m_random.between(4, 6));
    std::vector<Candidate> out;
    if (session.review) {
        out = session.bands[0].items;
    } else {
        // Interleave the bands so that a short draw still spans low, middle and high scores.
        for (std::size_t k = 0; k < 2; ++k)
            for (int band : {1, 0, 2})
                if (k < session.bands[std::size_t(band)].items.size())
                    out.push_back(session.bands[std::size_t(band)].items[k]);
    }
    if (out.size() > count)
        out.resize(count);
    return out;
}

bool DemoCalibration::write()
{
    int closedCount = 0;
    for (const Session &s : m_sessions)
        closedCount += s.review ? 0 : 1;
    for (std::size_t i = 0; i < m_sessions.size(); ++i)
        writeSession(m_sessions[i], int(i), closedCount);
    return m_writer.ok();
}

void DemoCalibration::writeSession(Session &session, int index, int closedCount)
{
    DemoWorld &w = m_world;
    DemoRandom &r = m_random;
    const std::vector<Candidate> chosen = items(session);
    if (chosen.empty())
        return;
    const DemoWorld::Version &v = *w.versions[std::size_t(w.versionOn(session.day))];
    const int n = int(v.model.size());
    const QDate date = QDate::fromJulianDay(session.day);
    const qint64 sessionId = ++m_sessionCount;

    const QString monthName =
        QStringLiteral("%1 %2").arg(QString::fromLatin1(kMonths[date.month() - 1])).arg(date.year());
    const QString title = session.review ? QStringLiteral("Returns deep-dive – %1").arg(monthName)
                                         : QStringLiteral("Monthly calibration – %1").arg(monthName);
    const QString monthKey = date.toString(QStringLiteral("yyyy-MM"));
    const QString draw =
        session.review
            ? QStringLiteral(R"({"method":"filter","queue":"Returns","month":"%1","sample_type":"random"})")
                  .arg(monthKey)
            : QStringLiteral(
                  R"({"method":"random","month":"%1","sample_type":"random","stratify":"raw_score","bands":[75,90],"seed":%2})")
                  .arg(monthKey)
                  .arg(index + 1);
    const QString createdAt = DemoWorld::stamp(date.addDays(-7), 9, 0);
    const QString closedAt = session.review ? QString() : DemoWorld::stamp(date.addDays(5), 16, 0);
    m_writer.calibrationSession(sessionId, title, w.dateText(session.day), session.review ? "review" : "closed",
                                v.scorecardId, w.qaLead, draw, createdAt, closedAt);

    // Participants: the drifting auditor always, four or five others, and the QA lead as expert.
    std::vector<int> pool;
    for (int a = 0; a < int(w.auditors.size()); ++a)
        if (a != w.driftingAuditor)
            pool.push_back(a);
    r.shuffle(std::span<int>(pool));
    std::vector<int> people{w.driftingAuditor};
    const int size = r.between(5, 6);
    for (int a : pool)
        if (int(people.size()) < size)
            people.push_back(a);
    std::sort(people.begin(), people.end());
    people.push_back(-1); // the expert
    std::vector<qint64> participantIds;
    std::vector<double> bias;
    // The drifting participant starts a little severe and ends clearly lenient.
    const double progress = double(index) / std::max(1, closedCount - 1);
    for (int a : people) {
        const qint64 id = ++m_participantId;
        participantIds.push_back(id);
        const QString submitted = DemoWorld::stamp(date.addDays(-r.between(1, 5)), r.between(9, 16), r.between(0, 59));
        if (a < 0) {
            m_writer.calibrationParticipant(id, sessionId, w.qaLead, 0, true, submitted);
            bias.push_back(0);
            continue;
        }
        const DemoWorld::Auditor &auditor = w.auditors[std::size_t(a)];
        m_writer.calibrationParticipant(id, sessionId, auditor.name, a + 1, false, submitted);
        double b = 0.8 * auditor.bias + r.normal(0, 0.08);
        if (a == w.driftingAuditor)
            b += -0.4 + 2.8 * progress;
        bias.push_back(b);
    }

    const std::size_t people_n = people.size();
    for (std::size_t j = 0; j < chosen.size(); ++j) {
        const Candidate &item = chosen[j];
        char ticket[16];
        *std::to_chars(ticket, ticket + sizeof ticket - 1, item.ticket).ptr = '\0';
        const qint64 interactionId = ++m_interactionId;
        const QString agentFirst = w.agents[std::size_t(item.agent)].name.section(QLatin1Char(' '), 0, 0);
        m_masked += item.queue == 0 ? 1 : 0; // the Billing conversation quotes the customer's card, masked
        m_writer.interaction(interactionId, ticket, item.channel + 1, w.dateText(item.interactionDay),
                             DemoTexts::transcript(item.queue, item.channel, int(j), item.weak, agentFirst),
                             w.importId);
        const auto notes = DemoTexts::calibrationNotes();
        const qint64 itemId = ++m_itemId;
        m_writer.calibrationItem(itemId, sessionId, int(j), ticket, interactionId, item.auditId,
                                 session.review ? QString() : QString::fromUtf8(notes[r.below(notes.size())]));

        // What the conversation shows is shared by everyone; each participant reads it through
        // their own leniency and a little noise.
        std::array<bool, DemoWorld::MaxCriteria> itemNa{};
        std::array<double, DemoWorld::MaxCriteria> itemU{};
        for (int i = 0; i < n; ++i) {
            const DemoWorld::CriterionModel &m = w.models[std::size_t(v.model[std::size_t(i)])];
            itemNa[std::size_t(i)] =
                m.allowNa && r.uniform() < m.naProbability[std::size_t(item.channel)][std::size_t(item.queue)];
            itemU[std::size_t(i)] = r.uniform();
        }
        std::vector<std::array<qint8, DemoWorld::MaxCriteria>> given(people_n);
        for (std::size_t p = 0; p < people_n; ++p) {
            const bool expert = people[p] < 0;
            const int bucket = DemoWorld::bucketOf(item.quality + bias[p]);
            for (int i = 0; i < n; ++i) {
                const auto ui = std::size_t(i);
                const DemoWorld::CriterionModel &m = w.models[std::size_t(v.model[ui])];
                bool na = itemNa[ui];
                if (!expert && m.allowNa && r.chance(0.04))
                    na = !na;
                const double u = std::clamp(itemU[ui] + (r.uniform() - 0.5) * (expert ? 0.1 : 0.2), 0.0, 0.999999);
                qint8 o = na ? qint8(-1) : qint8(DemoWorld::outcomeOf(m, bucket, u));
                if (!expert && r.chance(0.005))
                    o = -2; // partial submissions happen: missing, not zero
                given[p][ui] = o;
                if (o == -2)
                    continue;
                DemoWriter::CalibrationAnswer a;
                a.itemId = itemId;
                a.participantId = participantIds[p];
                a.criterionId = v.criterionIds[ui];
                if (o >= 0) {
                    a.value = m.value[std::size_t(o)];
                    a.c = m.c[std::size_t(o)];
                    if (!m.label[std::size_t(o)].isNull())
                        a.optionLabel = m.label[std::size_t(o)].constData();
                    if (a.c < m.passLevel && r.chance(0.05)) {
                        const auto comments = DemoTexts::failedAnswerComments(m.key);
                        if (!comments.empty())
                            a.text = comments[r.below(comments.size())];
                    }
                }
                m_writer.calibrationAnswer(++m_answerId, a);
            }
        }
        if (session.review)
            continue;

        // The consensus starts from the expert's answers; the group wins a few arguments.
        for (int i = 0; i < n; ++i) {
            const auto ui = std::size_t(i);
            const DemoWorld::CriterionModel &m = w.models[std::size_t(v.model[ui])];
            qint8 o = given[people_n - 1][ui];
            const char *note = nullptr;
            if (r.chance(0.12)) {
                int counts[DemoWorld::MaxOutcomes + 1] = {};
                for (std::size_t p = 0; p + 1 < people_n; ++p)
                    if (given[p][ui] >= -1)
                        ++counts[given[p][ui] + 1];
                const int best = int(std::max_element(std::begin(counts), std::end(counts)) - std::begin(counts));
                if (counts[best] > 0 && best - 1 != o) {
                    o = qint8(best - 1);
                    note = "Changed after discussion: the group's reading.";
                }
            }
            DemoWriter::CalibrationAnswer a;
            a.itemId = itemId;
            a.criterionId = v.criterionIds[ui];
            a.text = note;
            if (o >= 0) {
                a.value = m.value[std::size_t(o)];
                a.c = m.c[std::size_t(o)];
                if (!m.label[std::size_t(o)].isNull())
                    a.optionLabel = m.label[std::size_t(o)].constData();
            }
            m_writer.calibrationConsensus(a);
            // The first item of the first sessions becomes an anchor example for a criterion.
            static const char16_t *const anchorKeys[] = {u"next_steps", u"tone", u"verify_identity"};
            if (j == 0 && index < 3 && v.card.criterionAt(i).key == QStringView(anchorKeys[index])) {
                a.text = "Anchor example: agreed in calibration.";
                m_writer.anchorExample(++m_anchorId, a.criterionId, itemId, a, closedAt);
            }
        }
        w.changes.push_back({DemoWorld::stamp(date.addDays(2), 14, int(j)), w.qaLead,
                             QStringLiteral("calibration_item"), QString::number(itemId), QStringLiteral("consensus"),
                             QString(), QStringLiteral("recorded"), QString()});
    }

    const auto state = [&](QDate day, int hour, const char *from, const char *to) {
        w.changes.push_back({DemoWorld::stamp(day, hour, 0), w.qaLead, QStringLiteral("calibration_session"),
                             QString::number(sessionId), QStringLiteral("state"), QString::fromLatin1(from),
                             QString::fromLatin1(to), QString()});
    };
    w.changes.push_back({createdAt, w.qaLead, QStringLiteral("calibration_session"), QString::number(sessionId),
                         QString(), QString(), title, QStringLiteral("created")});
    state(date.addDays(-6), 9, "draft", "scoring");
    state(date, 10, "scoring", "review");
    if (!session.review) {
        state(date.addDays(2), 15, "review", "resolved");
        state(date.addDays(5), 16, "resolved", "closed");
    }
}

} // namespace ql

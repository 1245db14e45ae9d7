// SPDX-License-Identifier: GPL-3.0-or-later
// CubeBuilder: audits and responses linked by ticket (scoring.md: the official audit of a ticket
// and agent is the latest that is not superseded; a ticket links to its latest response, ties
// going to the greater response id).
#include "cubebuilderparts.h"
#include "sqlitescan.h"

#include <sqlite3.h>

#include <algorithm>
#include <tuple>

namespace ql::cubebuild {

namespace {

// The time of day of one row's date_time, read only when two dates tie.
class TimeOfDay
{
public:
    TimeOfDay(sqlite3 *db, const char *sql) { sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }
    ~TimeOfDay() { sqlite3_finalize(m_stmt); }
    std::int32_t operator()(std::int64_t id)
    {
        if (!m_stmt)
            return -1;
        sqlite3_reset(m_stmt);
        sqlite3_bind_int64(m_stmt, 1, id);
        if (sqlite3_step(m_stmt) != SQLITE_ROW)
            return -1;
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, 0));
        return text ? secondsOfDay(std::string_view(text, std::size_t(sqlite3_column_bytes(m_stmt, 0)))) : -1;
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

using Recency = std::tuple<std::int32_t, std::int32_t, std::int64_t>; // day, time of day, id

} // namespace

bool linkTickets(sqlite3 *db, TicketLinks *links, QString *error)
{
    const std::vector<std::int64_t> &ids = *links->auditIds;
    const IdRows rowOf(ids);
    const std::vector<std::int32_t> &julianOf = links->dayCoder->days();
    auto dayOf = [&](std::int32_t row) {
        const std::int32_t code = links->days->at(std::size_t(row));
        return code > 0 ? julianOf[std::size_t(code - 1)] : 0;
    };
    std::vector<std::uint8_t> &flags = *links->flags;
    TimeOfDay auditTime(db, "SELECT date_time FROM audits WHERE id = ?");

    // Groups of a ticket that has responses: its audit rows and its response ids, flattened.
    std::vector<std::uint32_t> groupAuditStart{0}, groupResponseStart{0};
    std::vector<std::int32_t> groupAudits, groupAgentRow;
    std::vector<std::int64_t> groupResponses;

    SqliteScan a(db, "SELECT ticket_id, id FROM audits WHERE ticket_id IS NOT NULL ORDER BY ticket_id, id");
    SqliteScan r(db, "SELECT ticket_id, id FROM csat_responses WHERE ticket_id IS NOT NULL ORDER BY ticket_id, id");
    bool hasA = a.next();
    bool hasR = r.next();
    std::string ticket;
    std::vector<std::int32_t> group;
    std::vector<Recency> recency;
    while (hasA) {
        ticket.assign(a.text(0));
        group.clear();
        while (hasA && a.text(0) == std::string_view(ticket)) {
            if (const std::int32_t row = rowOf.row(a.integer(1)); row >= 0)
                group.push_back(row);
            hasA = a.next();
        }
        // Both indexes sort with the BINARY collation, so the lists merge.
        while (hasR && r.text(0) < std::string_view(ticket))
            hasR = r.next();
        const std::size_t responsesBefore = groupResponses.size();
        while (hasR && r.text(0) == std::string_view(ticket)) {
            groupResponses.push_back(r.integer(1));
            hasR = r.next();
        }
        const bool hasResponses = groupResponses.size() > responsesBefore;
        if (group.empty()) {
            groupResponses.resize(responsesBefore);
            continue;
        }

        std::int32_t latestOfficial = -1;
        if (group.size() == 1) {
            if (flags[std::size_t(group[0])] & Cube::Official)
                latestOfficial = group[0];
        } else {
            // Several audits of one ticket: per agent, only the latest not superseded stays official.
            recency.assign(group.size(), {});
            for (std::size_t k = 0; k < group.size(); ++k)
                recency[k] = {dayOf(group[k]), 0, ids[std::size_t(group[k])]};
            for (std::size_t k = 0; k < group.size(); ++k)
                for (std::size_t j = 0; j < group.size(); ++j)
                    if (j != k && std::get<0>(recency[j]) == std::get<0>(recency[k])) {
                        // Same date: the time of day decides before the id does.
                        std::get<1>(recency[k]) = auditTime(std::get<2>(recency[k]));
                        break;
                    }
            for (std::size_t k = 0; k < group.size(); ++k) {
                std::uint8_t &f = flags[std::size_t(group[k])];
                if (!(f & Cube::Official))
                    continue;
                const std::int32_t agent = links->agents->at(std::size_t(group[k]));
                for (std::size_t j = 0; j < group.size(); ++j)
                    if (j != k && (flags[std::size_t(group[j])] & Cube::Official) &&
                        links->agents->at(std::size_t(group[j])) == agent && recency[k] < recency[j]) {
                        f &= std::uint8_t(~Cube::Official);
                        break;
                    }
            }
            std::size_t best = group.size();
            for (std::size_t k = 0; k < group.size(); ++k)
                if ((flags[std::size_t(group[k])] & Cube::Official) &&
                    (best == group.size() || recency[best] < recency[k]))
                    best = k;
            if (best < group.size())
                latestOfficial = group[best];
        }
        if (!hasResponses)
            continue;
        groupAudits.insert(groupAudits.end(), group.begin(), group.end());
        groupAuditStart.push_back(std::uint32_t(groupAudits.size()));
        groupResponseStart.push_back(std::uint32_t(groupResponses.size()));
        groupAgentRow.push_back(latestOfficial);
    }
    if (!a.error().isEmpty() || !r.error().isEmpty()) {
        *error = !a.error().isEmpty() ? a.error() : r.error();
        return false;
    }

    // The outcome, reason and date of just the responses that share a ticket with an audit.
    std::vector<std::int64_t> matched = groupResponses;
    std::sort(matched.begin(), matched.end());
    matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
    std::vector<std::int32_t> matchedDay(matched.size()), matchedOutcome(matched.size()), matchedReason(matched.size());
    if (!matched.empty()) {
        SqliteScan scan(
            db, "SELECT id, day, score, scale, satisfied, dissatisfied, reason FROM csat_responses ORDER BY id");
        std::size_t k = 0;
        while (k < matched.size() && scan.next()) {
            const std::int64_t id = scan.integer(0);
            if (id < matched[k])
                continue;
            while (k < matched.size() && matched[k] < id)
                ++k;
            if (k == matched.size() || matched[k] != id)
                continue;
            matchedDay[k] = std::int32_t(scan.integer(1));
            matchedOutcome[k] =
                links->outcomes.code(scan.real(2), scan.text(3), scan.integer(4) != 0, scan.integer(5) != 0);
            matchedReason[k] = links->reasons.code(scan.text(6));
            ++k;
        }
        if (!scan.error().isEmpty()) {
            *error = scan.error();
            return false;
        }
    }
    auto indexOf = [&](std::int64_t id) {
        return std::size_t(std::lower_bound(matched.begin(), matched.end(), id) - matched.begin());
    };

    links->linkedOutcome.fill(ids.size(), 0, std::int64_t(links->outcomes.outcomes.size()));
    links->linkedReason.fill(ids.size(), 0, std::int64_t(links->reasons.size()));
    TimeOfDay responseTime(db, "SELECT date_time FROM csat_responses WHERE id = ?");
    std::vector<std::pair<std::int64_t, std::int32_t>> agentOf;
    for (std::size_t g = 0; g + 1 < groupAuditStart.size(); ++g) {
        std::size_t latest = matched.size();
        Recency best{};
        const std::uint32_t from = groupResponseStart[g], to = groupResponseStart[g + 1];
        for (std::uint32_t k = from; k < to; ++k) {
            const std::size_t m = indexOf(groupResponses[k]);
            std::int32_t seconds = 0;
            for (std::uint32_t j = from; j < to; ++j)
                if (j != k && matchedDay[indexOf(groupResponses[j])] == matchedDay[m]) {
                    seconds = responseTime(matched[m]);
                    break;
                }
            const Recency rec{matchedDay[m], seconds, matched[m]};
            if (latest == matched.size() || best < rec) {
                latest = m;
                best = rec;
            }
            if (groupAgentRow[g] >= 0)
                agentOf.emplace_back(matched[m], links->agents->at(std::size_t(groupAgentRow[g])));
        }
        for (std::uint32_t k = groupAuditStart[g]; k < groupAuditStart[g + 1]; ++k) {
            links->linkedOutcome.set(std::size_t(groupAudits[k]), matchedOutcome[latest]);
            links->linkedReason.set(std::size_t(groupAudits[k]), matchedReason[latest]);
        }
    }
    std::sort(agentOf.begin(), agentOf.end());
    for (const auto &[id, agent] : agentOf) {
        links->responseIds.push_back(id);
        links->responseAgents.push_back(agent);
    }
    return true;
}

} // namespace ql::cubebuild

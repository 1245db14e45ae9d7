// SPDX-License-Identifier: GPL-3.0-or-later
#include "cubebuilder.h"

#include "cubebuilderparts.h"
#include "sqlitescan.h"
#include "store/sqlitehandle.h"

#include <QObject>

#include <algorithm>
#include <tuple>

namespace ql {

using namespace cubebuild;

namespace {

const char *const SampleTypes[] = {"auto",   "csat_triggered", "dispute", "peer",
                                   "random", "self",           "targeted"}; // code-point order

std::int32_t sampleTypeCode(std::string_view text)
{
    for (std::int32_t i = 0; i < 7; ++i)
        if (text == SampleTypes[i])
            return i;
    return 7; // (blank)
}

// A response that can be linked to audits by its ticket.
struct LinkableResponse
{
    std::int64_t id;
    std::int32_t day;
    std::int32_t seconds;
    std::int32_t outcome; // CsatOutcomeDictionary code
    std::int32_t reason;  // provisional reason code
};

// "Latest" of scoring.md: the later date, then the later time of day, then the greater id.
using Recency = std::tuple<std::int32_t, std::int32_t, std::int64_t>;

bool sameTicket(std::string_view a, std::string_view b)
{
    return a == b;
}

struct AuditScan
{
    std::vector<std::int32_t> days, interactionDays, seconds;
};

// Walks audits and responses in ticket order (two covering index scans, merged like sorted lists,
// so no ticket string is ever held in a hash table): marks the official audit of each ticket and
// agent, links each audit to its ticket's latest response, and notes for each response the agent
// of its ticket's latest official audit.
bool linkTickets(sqlite3 *db, const std::vector<std::int64_t> &ids, const CodeColumn &agents, const AuditScan &scan,
                 std::vector<std::uint8_t> *flags, const std::vector<LinkableResponse> &responses,
                 CodeColumn *linkedOutcome, CodeColumn *linkedReason, std::vector<std::int64_t> *responseIds,
                 std::vector<std::int32_t> *responseAgents, QString *error)
{
    const std::vector<std::int32_t> rowOf = rowsById(ids);
    SqliteScan a(db, "SELECT ticket_id, id FROM audits WHERE ticket_id IS NOT NULL ORDER BY ticket_id, id");
    SqliteScan r(db, "SELECT ticket_id, id FROM csat_responses WHERE ticket_id IS NOT NULL ORDER BY ticket_id, id");
    bool hasA = a.next();
    bool hasR = r.next();
    std::string ticket;
    std::vector<std::int32_t> group;
    std::vector<const LinkableResponse *> groupResponses;
    auto responseOf = [&](std::int64_t id) -> const LinkableResponse * {
        auto it = std::lower_bound(responses.begin(), responses.end(), id,
                                   [](const LinkableResponse &x, std::int64_t v) { return x.id < v; });
        return it != responses.end() && it->id == id ? &*it : nullptr;
    };
    auto recency = [&](std::int32_t row) {
        return Recency{scan.days[std::size_t(row)], scan.seconds[std::size_t(row)], ids[std::size_t(row)]};
    };
    while (hasA) {
        ticket.assign(a.text(0));
        group.clear();
        while (hasA && sameTicket(a.text(0), ticket)) {
            const std::int64_t id = a.integer(1);
            if (id >= 0 && id < std::int64_t(rowOf.size()) && rowOf[std::size_t(id)] >= 0)
                group.push_back(rowOf[std::size_t(id)]);
            hasA = a.next();
        }
        // Responses sort with the same BINARY collation as audits, so the two lists merge.
        while (hasR && r.text(0) < std::string_view(ticket))
            hasR = r.next();
        groupResponses.clear();
        while (hasR && sameTicket(r.text(0), ticket)) {
            if (const LinkableResponse *resp = responseOf(r.integer(1)))
                groupResponses.push_back(resp);
            hasR = r.next();
        }

        // Official: per agent, only the latest audit that is not superseded.
        std::sort(group.begin(), group.end(), [&](std::int32_t x, std::int32_t y) {
            const std::int32_t ax = agents.at(std::size_t(x)), ay = agents.at(std::size_t(y));
            return ax != ay ? ax < ay : recency(x) < recency(y);
        });
        std::int32_t latestOfficial = -1;
        for (std::size_t i = 0; i < group.size(); ++i) {
            const std::int32_t row = group[i];
            std::uint8_t &f = (*flags)[std::size_t(row)];
            if (!(f & Cube::Official))
                continue;
            bool laterExists = false;
            for (std::size_t j = i + 1;
                 j < group.size() && agents.at(std::size_t(group[j])) == agents.at(std::size_t(row)); ++j)
                if ((*flags)[std::size_t(group[j])] & Cube::Official)
                    laterExists = true;
            if (laterExists)
                f &= std::uint8_t(~Cube::Official);
            else if (latestOfficial < 0 || recency(latestOfficial) < recency(row))
                latestOfficial = row;
        }

        const LinkableResponse *latest = nullptr;
        for (const LinkableResponse *resp : groupResponses) {
            if (!latest ||
                Recency{latest->day, latest->seconds, latest->id} < Recency{resp->day, resp->seconds, resp->id})
                latest = resp;
            if (latestOfficial >= 0) {
                responseIds->push_back(resp->id);
                responseAgents->push_back(agents.at(std::size_t(latestOfficial)));
            }
        }
        if (latest)
            for (std::int32_t row : group) {
                linkedOutcome->set(std::size_t(row), latest->outcome);
                linkedReason->set(std::size_t(row), latest->reason);
            }
    }
    if (!a.error().isEmpty() || !r.error().isEmpty()) {
        *error = !a.error().isEmpty() ? a.error() : r.error();
        return false;
    }
    // By response id, for the csat builder's binary search.
    std::vector<std::size_t> order(responseIds->size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t x, std::size_t y) { return (*responseIds)[x] < (*responseIds)[y]; });
    std::vector<std::int64_t> sortedIds;
    std::vector<std::int32_t> sortedAgents;
    for (std::size_t i : order) {
        sortedIds.push_back((*responseIds)[i]);
        sortedAgents.push_back((*responseAgents)[i]);
    }
    responseIds->swap(sortedIds);
    responseAgents->swap(sortedAgents);
    return true;
}

} // namespace

std::shared_ptr<const Cube> CubeBuilder::buildAudits(const QSqlDatabase &db, const Control &control, QString *error)
{
    QString dummy;
    QString &err = error ? *error : dummy;
    err.clear();
    sqlite3 *h = sqliteHandle(db);
    if (!h) {
        err = QObject::tr("the project's database is not open");
        return nullptr;
    }
    std::shared_ptr<Cube> cube = Access::create(PivotSource::Audits);
    Roster roster;
    IdCodes queues, channels, auditors;
    QStringList queueLabels, channelLabels, auditorLabels;
    CustomDimensions custom;
    if (!loadRoster(h, &roster, &err) ||
        !loadIdDictionary(h, "SELECT id, name FROM queues", &queues, &queueLabels, &err) ||
        !loadIdDictionary(h, "SELECT id, name FROM channels", &channels, &channelLabels, &err) ||
        !loadIdDictionary(h, "SELECT id, auditor_key FROM auditors", &auditors, &auditorLabels, &err) ||
        !loadCustomDimensions(h, &custom, &err))
        return nullptr;

    // Scorecard versions: the fact column holds the version's position; name and version derive from it.
    std::vector<std::int64_t> scorecardIds;
    StringDictionary scorecardNames, scorecardVersions;
    std::vector<std::int32_t> nameOfVersion, numberOfVersion;
    {
        SqliteScan scan(h, "SELECT id, name, version FROM scorecards ORDER BY id");
        while (scan.next()) {
            scorecardIds.push_back(scan.integer(0));
            nameOfVersion.push_back(scorecardNames.code(scan.text(1)));
            numberOfVersion.push_back(scorecardVersions.code(std::to_string(scan.integer(2))));
        }
        if (!scan.error().isEmpty()) {
            err = scan.error();
            return nullptr;
        }
    }
    const std::vector<std::int32_t> scorecardRowOf = rowsById(scorecardIds);

    // Responses that carry a ticket, for linking.
    std::vector<LinkableResponse> responses;
    CsatOutcomeDictionary outcomes;
    StringDictionary reasons;
    {
        SqliteScan scan(h, "SELECT id, day, date_time, score, scale, satisfied, dissatisfied, reason "
                           "FROM csat_responses WHERE ticket_id IS NOT NULL ORDER BY id");
        while (scan.next()) {
            LinkableResponse r;
            r.id = scan.integer(0);
            r.day = std::int32_t(scan.integer(1));
            r.seconds = secondsOfDay(scan.text(2));
            r.outcome = outcomes.code(scan.real(3), scan.text(4), scan.integer(5) != 0, scan.integer(6) != 0);
            r.reason = reasons.code(scan.text(7));
            responses.push_back(r);
        }
        if (!scan.error().isEmpty()) {
            err = scan.error();
            return nullptr;
        }
    }

    const std::int64_t expected = sqliteScalar(h, "SELECT max(id) FROM audits", 0);
    Checkpoint checkpoint(control, 0, 85, expected);
    CodeColumn *agent = Access::addColumn(cube.get()), *auditor = Access::addColumn(cube.get()),
               *team = Access::addColumn(cube.get()), *site = Access::addColumn(cube.get()),
               *queue = Access::addColumn(cube.get()), *channel = Access::addColumn(cube.get()),
               *sampleType = Access::addColumn(cube.get()), *scorecard = Access::addColumn(cube.get()),
               *tenure = Access::addColumn(cube.get()), *families = Access::addColumn(cube.get()),
               *reviewDay = Access::addColumn(cube.get()), *interactionDay = Access::addColumn(cube.get());
    CodeColumn supervisor, linkedOutcome, linkedReason;
    AuditScan scanned;
    const std::size_t reserve = std::size_t(std::min<std::int64_t>(expected, 50'000'000));
    for (CodeColumn *c :
         {agent, auditor, team, site, queue, channel, sampleType, scorecard, tenure, families, &supervisor})
        c->reserve(reserve);
    for (auto *v : {&scanned.days, &scanned.interactionDays, &scanned.seconds})
        v->reserve(reserve);
    cube->m_factIds.reserve(reserve);
    cube->m_flags.reserve(reserve);
    cube->m_score.reserve(reserve);
    cube->m_rawScore.reserve(reserve);
    {
        SqliteScan scan(h, "SELECT id, agent_id, auditor_id, team_id, site_id, supervisor, queue_id, channel_id, "
                           "sample_type, scorecard_id, day, i_day, date_time, score, raw_score, passed, critical_fail, "
                           "critical_families, incomplete, superseded_by FROM audits ORDER BY id");
        std::int64_t row = 0;
        while (scan.next()) {
            if (checkpoint.tick(++row)) {
                err = QObject::tr("cancelled");
                return nullptr;
            }
            cube->m_factIds.push_back(scan.integer(0));
            const std::int32_t a = roster.agents.code(scan.integer(1), scan.isNull(1));
            const auto day = std::int32_t(scan.integer(10));
            agent->push_back(a);
            auditor->push_back(auditors.code(scan.integer(2), scan.isNull(2)));
            // Team, site and supervisor as stored on the audit, else the roster's on its date.
            const Roster::Entry *history = nullptr;
            const bool needHistory = scan.isNull(3) || scan.isNull(4) || scan.text(5).empty();
            if (needHistory)
                history = roster.at(a, day);
            team->push_back(!scan.isNull(3) ? roster.teams.code(scan.integer(3), false)
                            : history       ? history->team
                                            : roster.teams.blank);
            site->push_back(!scan.isNull(4) ? roster.sites.code(scan.integer(4), false)
                            : history       ? history->site
                                            : roster.sites.blank);
            supervisor.push_back(!scan.text(5).empty() ? roster.supervisors.code(scan.text(5))
                                 : history             ? history->supervisor
                                                       : 0);
            queue->push_back(queues.code(scan.integer(6), scan.isNull(6)));
            channel->push_back(channels.code(scan.integer(7), scan.isNull(7)));
            sampleType->push_back(sampleTypeCode(scan.text(8)));
            const std::int64_t sc = scan.integer(9);
            scorecard->push_back(sc >= 0 && sc < std::int64_t(scorecardRowOf.size()) &&
                                         scorecardRowOf[std::size_t(sc)] >= 0
                                     ? scorecardRowOf[std::size_t(sc)]
                                     : std::int32_t(scorecardIds.size()));
            scanned.days.push_back(day);
            scanned.interactionDays.push_back(scan.isNull(11) ? 0 : std::int32_t(scan.integer(11)));
            scanned.seconds.push_back(secondsOfDay(scan.text(12)));
            tenure->push_back(tenureBand(roster.hireDay[std::size_t(a)], day));
            const double score = scan.real(13);
            cube->m_score.push_back(score);
            cube->m_rawScore.push_back(scan.real(14));
            std::uint8_t f = 0;
            if (scan.isNull(19))
                f |= Cube::Official;
            if (!std::isnan(score))
                f |= Cube::Scored;
            if (scan.integer(18) == 0)
                f |= Cube::Complete;
            if (scan.integer(15) != 0)
                f |= Cube::Passed;
            if (scan.integer(16) != 0)
                f |= Cube::CriticalFail;
            cube->m_flags.push_back(f);
            families->push_back(std::int32_t(scan.integer(17) & 7));
        }
        if (!scan.error().isEmpty()) {
            err = scan.error();
            return nullptr;
        }
    }
    cube->m_count = cube->m_factIds.size();
    if (checkpoint.cancelled()) {
        err = QObject::tr("cancelled");
        return nullptr;
    }
    linkedOutcome.fill(cube->m_count, 0, std::int64_t(outcomes.outcomes.size()));
    linkedReason.fill(cube->m_count, 0, std::int64_t(reasons.size()));
    Checkpoint linking(control, 85, 95, 1);
    if (!linkTickets(h, cube->m_factIds, *agent, scanned, &cube->m_flags, responses, &linkedOutcome, &linkedReason,
                     &cube->m_linkedResponseIds, &cube->m_linkedResponseAgents, &err))
        return nullptr;
    std::vector<LinkableResponse>().swap(responses);

    // Dimensions, in analysis.md's order.
    auto dim = [&](const char *name, const CodeColumn *column, const QStringList &labels) -> CubeDimension & {
        CubeDimension &d = Access::addDimension(cube.get(), QLatin1String(name));
        d.column = column;
        d.labels = labels;
        return d;
    };
    dim("agent", agent, roster.agentLabels);
    dim("agent_name", agent, roster.nameLabels).map = roster.nameOfAgent;
    dim("team", team, roster.teamLabels);
    dim("site", site, roster.siteLabels);
    finishTextColumn(cube.get(), roster.supervisors, std::move(supervisor),
                     &Access::addDimension(cube.get(), QStringLiteral("supervisor")));
    dim("tenure_band", tenure, tenureLabels());
    dim("queue", queue, queueLabels);
    dim("channel", channel, channelLabels);
    dim("auditor", auditor, auditorLabels);
    {
        CubeDimension &name = dim("scorecard", scorecard, {});
        std::vector<std::int32_t> final = scorecardNames.finish(&name.labels);
        for (std::int32_t p : nameOfVersion)
            name.map.push_back(final[std::size_t(p)]);
        name.map.push_back(name.blankCode());
        CubeDimension &version = dim("scorecard_version", scorecard, {});
        final = scorecardVersions.finish(&version.labels, [](const std::string &x, const std::string &y) {
            return x.size() != y.size() ? x.size() < y.size() : x < y; // numbers: shorter is smaller
        });
        for (std::int32_t p : numberOfVersion)
            version.map.push_back(final[std::size_t(p)]);
        version.map.push_back(version.blankCode());
    }
    CubeDimension &sample = dim("sample_type", sampleType, {});
    for (const char *t : SampleTypes)
        sample.labels << QLatin1String(t);
    sample.labels << QStringLiteral("(blank)");
    cube->m_sampleType = sampleType;
    {
        // The set of a bitmask: business, compliance, customer in code-point order; none -> (blank).
        CubeDimension &family = dim("critical_family", families,
                                    {QStringLiteral("business"), QStringLiteral("compliance"),
                                     QStringLiteral("customer"), QStringLiteral("(blank)")});
        family.multiValued = true;
        for (int mask = 0; mask < 8; ++mask) {
            family.setOffsets.push_back(std::uint32_t(family.setValues.size()));
            if (mask & Cube::Business)
                family.setValues.push_back(0);
            if (mask & Cube::Compliance)
                family.setValues.push_back(1);
            if (mask & Cube::Customer)
                family.setValues.push_back(2);
            if (mask == 0)
                family.setValues.push_back(3);
        }
        family.setOffsets.push_back(std::uint32_t(family.setValues.size()));
        cube->m_families = families;
    }
    finishTextColumn(cube.get(), reasons, std::move(linkedReason),
                     &Access::addDimension(cube.get(), QStringLiteral("reason")));
    static const QStringList builtIn{"agent",
                                     "agent_name",
                                     "team",
                                     "site",
                                     "supervisor",
                                     "tenure_band",
                                     "queue",
                                     "channel",
                                     "auditor",
                                     "scorecard",
                                     "scorecard_version",
                                     "sample_type",
                                     "section",
                                     "criterion",
                                     "root_cause",
                                     "critical_family",
                                     "reason",
                                     "day",
                                     "week",
                                     "month",
                                     "quarter",
                                     "year",
                                     "date"};
    if (!addCustomDimensions(cube.get(), h,
                             "SELECT audit_id, dimension_id, value FROM audit_dimensions ORDER BY audit_id", custom,
                             cube->m_factIds, builtIn, &err))
        return nullptr;
    std::vector<CubeDimension *> periods;
    addPeriodDimensions(cube.get(), reviewDay, scanned.days, QString(), &periods);
    addPeriodDimensions(cube.get(), interactionDay, scanned.interactionDays, QStringLiteral("i:"), &periods);

    cube->m_csatOutcomeCodes = std::move(linkedOutcome);
    cube->m_csatOutcomes = std::move(outcomes.outcomes);
    cube->m_csatScales = outcomes.scales;
    for (const auto &c : cube->m_columns)
        c->shrink();
    cube->m_score.shrink();
    cube->m_rawScore.shrink();
    if (control.progress)
        control.progress(100);
    return cube;
}

std::shared_ptr<const Cube> CubeBuilder::build(const QSqlDatabase &db, PivotSource source, const Control &control,
                                               QString *error, std::shared_ptr<const Cube> audits)
{
    if (!audits || audits->source() != PivotSource::Audits) {
        if (source != PivotSource::Audits) {
            // The audits cube is the first part of the work: scale its progress.
            Control first;
            first.cancel = control.cancel;
            if (control.progress)
                first.progress = [&control](int p) { control.progress(p / 2); };
            audits = buildAudits(db, first, error);
        } else {
            audits = buildAudits(db, control, error);
        }
        if (!audits)
            return nullptr;
    }
    if (source == PivotSource::Audits)
        return audits;
    Control second;
    second.cancel = control.cancel;
    if (control.progress)
        second.progress = [&control](int p) { control.progress(50 + p / 2); };
    return source == PivotSource::Csat ? buildCsat(db, *audits, second, error)
                                       : buildAnswers(db, audits, second, error);
}

std::shared_ptr<const Cube> CubeBuilder::build(const QString &connectionName, PivotSource source,
                                               const Control &control, QString *error,
                                               std::shared_ptr<const Cube> audits)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, true);
    if (!db.isOpen()) {
        if (error)
            *error = QObject::tr("no open connection named %1").arg(connectionName);
        return nullptr;
    }
    return build(db, source, control, error, std::move(audits));
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
// CubeBuilder: the csat source, one fact per survey response.
#include "cubebuilder.h"

#include "cubebuilderparts.h"
#include "sqlitescan.h"
#include "store/sqlitehandle.h"

#include <QHash>
#include <QObject>

#include <algorithm>

namespace ql {

using namespace cubebuild;

std::shared_ptr<const Cube> CubeBuilder::buildCsat(const QSqlDatabase &db, const Cube &audits, const Control &control,
                                                   QString *error)
{
    QString dummy;
    QString &err = error ? *error : dummy;
    err.clear();
    sqlite3 *h = sqliteHandle(db);
    if (!h) {
        err = QObject::tr("the project's database is not open");
        return nullptr;
    }
    std::shared_ptr<Cube> cube = Access::create(PivotSource::Csat);
    Roster roster;
    IdCodes queues, channels;
    QStringList queueLabels, channelLabels;
    CustomDimensions custom;
    if (!loadRoster(h, &roster, &err) ||
        !loadIdDictionary(h, "SELECT id, name FROM queues", &queues, &queueLabels, &err) ||
        !loadIdDictionary(h, "SELECT id, name FROM channels", &channels, &channelLabels, &err) ||
        !loadCustomDimensions(h, &custom, &err))
        return nullptr;

    // A response without an agent takes the agent of its ticket's latest official audit (scoring.md),
    // which the audits cube noted by its code there: translate through the agent's key.
    QHash<QString, std::int32_t> agentByKey;
    for (qsizetype i = 0; i + 1 < roster.agentLabels.size(); ++i)
        agentByKey.insert(roster.agentLabels.at(i), std::int32_t(i));
    const QStringList &auditAgentLabels = audits.findDimension(QStringLiteral("agent")).dimension->labels;
    auto linkedAgent = [&](std::int64_t responseId) -> std::int32_t {
        const auto &ids = audits.m_linkedResponseIds;
        const auto it = std::lower_bound(ids.begin(), ids.end(), responseId);
        if (it == ids.end() || *it != responseId)
            return roster.agents.blank;
        const std::int32_t code = audits.m_linkedResponseAgents[std::size_t(it - ids.begin())];
        return agentByKey.value(auditAgentLabels.value(code), roster.agents.blank);
    };

    const std::int64_t expected = sqliteScalar(h, "SELECT max(id) FROM csat_responses", 0);
    Checkpoint checkpoint(control, 0, 95, expected);
    CodeColumn *agent = Access::addColumn(cube.get()), *team = Access::addColumn(cube.get()),
               *site = Access::addColumn(cube.get()), *queue = Access::addColumn(cube.get()),
               *channel = Access::addColumn(cube.get()), *tenure = Access::addColumn(cube.get()),
               *dayColumn = Access::addColumn(cube.get());
    CodeColumn supervisor, reason;
    CsatOutcomeDictionary outcomes;
    StringDictionary reasons;
    DayCoder days;
    {
        SqliteScan scan(h,
                        "SELECT id, agent_id, team_id, site_id, supervisor, queue_id, channel_id, day, score, scale, "
                        "satisfied, dissatisfied, reason FROM csat_responses ORDER BY id");
        std::int64_t row = 0;
        while (scan.next()) {
            if (checkpoint.tick(++row)) {
                err = QObject::tr("cancelled");
                return nullptr;
            }
            const std::int64_t id = scan.integer(0);
            cube->m_factIds.push_back(id);
            const std::int32_t a = scan.isNull(1) ? linkedAgent(id) : roster.agents.code(scan.integer(1), false);
            const auto day = std::int32_t(scan.integer(7));
            agent->push_back(a);
            const Roster::Entry *history = nullptr;
            if (scan.isNull(2) || scan.isNull(3) || scan.text(4).empty())
                history = roster.at(a, day);
            team->push_back(!scan.isNull(2) ? roster.teams.code(scan.integer(2), false)
                            : history       ? history->team
                                            : roster.teams.blank);
            site->push_back(!scan.isNull(3) ? roster.sites.code(scan.integer(3), false)
                            : history       ? history->site
                                            : roster.sites.blank);
            supervisor.push_back(!scan.text(4).empty() ? roster.supervisors.code(scan.text(4))
                                 : history             ? history->supervisor
                                                       : 0);
            queue->push_back(queues.code(scan.integer(5), scan.isNull(5)));
            channel->push_back(channels.code(scan.integer(6), scan.isNull(6)));
            dayColumn->push_back(days.code(day));
            tenure->push_back(tenureBand(roster.hireDay[std::size_t(a)], day));
            cube->m_csatOutcomeCodes.push_back(
                outcomes.code(scan.real(8), scan.text(9), scan.integer(10) != 0, scan.integer(11) != 0));
            reason.push_back(reasons.code(scan.text(12)));
        }
        if (!scan.error().isEmpty()) {
            err = scan.error();
            return nullptr;
        }
    }
    cube->m_count = cube->m_factIds.size();

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
    finishTextColumn(cube.get(), reasons, std::move(reason),
                     &Access::addDimension(cube.get(), QStringLiteral("reason")));
    if (!addCustomDimensions(cube.get(), h,
                             "SELECT response_id, dimension_id, value FROM csat_dimensions ORDER BY response_id",
                             custom, cube->m_factIds, builtInDimensionNames(), &err))
        return nullptr;
    std::vector<CubeDimension *> periods;
    addPeriodDimensions(cube.get(), dayColumn, days, QString(), &periods);
    cube->m_csatOutcomes = std::move(outcomes.outcomes);
    cube->m_csatScales = outcomes.scales;
    for (const auto &c : cube->m_columns)
        c->shrink();
    cube->m_csatOutcomeCodes.shrink();
    if (control.progress)
        control.progress(100);
    return cube;
}

} // namespace ql

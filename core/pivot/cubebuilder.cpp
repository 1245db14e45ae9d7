// SPDX-License-Identifier: GPL-3.0-or-later
#include "cubebuilder.h"

#include "cubebuilderparts.h"
#include "sqlitescan.h"
#include "store/sqlitehandle.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QObject>

#include <algorithm>
#include <ctime>
#include <tuple>

namespace ql {

Q_LOGGING_CATEGORY(lcCubeBuild, "ql.pivot.build", QtWarningMsg)

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

// Wall and CPU time of the build's phases, for the ql.pivot.build logging category (the machine
// this is measured on is shared: CPU time says what the code costs, wall time what a user waits).
class PhaseTimer
{
public:
    PhaseTimer() { restart(); }
    QString restart()
    {
        const qint64 wall = m_wall.isValid() ? m_wall.restart() : (m_wall.start(), 0);
        const std::clock_t now = std::clock();
        const double cpu = m_cpu ? double(now - m_cpu) * 1000.0 / CLOCKS_PER_SEC : 0;
        m_cpu = now;
        return QStringLiteral("%1 ms (cpu %2 ms)").arg(wall).arg(cpu, 0, 'f', 0);
    }

private:
    QElapsedTimer m_wall;
    std::clock_t m_cpu = 0;
};

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
    PhaseTimer phase;
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

    qCDebug(lcCubeBuild) << "audits: dictionaries" << phase.restart();
    const std::int64_t expected = sqliteScalar(h, "SELECT max(id) FROM audits", 0);
    Checkpoint checkpoint(control, 0, 85, expected);
    CodeColumn *agent = Access::addColumn(cube.get()), *auditor = Access::addColumn(cube.get()),
               *team = Access::addColumn(cube.get()), *site = Access::addColumn(cube.get()),
               *queue = Access::addColumn(cube.get()), *channel = Access::addColumn(cube.get()),
               *sampleType = Access::addColumn(cube.get()), *scorecard = Access::addColumn(cube.get()),
               *tenure = Access::addColumn(cube.get()), *families = Access::addColumn(cube.get()),
               *reviewDay = Access::addColumn(cube.get()), *interactionDay = Access::addColumn(cube.get());
    CodeColumn supervisor;
    DayCoder reviewDays, interactionDays;
    const std::size_t reserve = std::size_t(std::min<std::int64_t>(expected, 50'000'000));
    for (CodeColumn *c : {agent, auditor, team, site, queue, channel, sampleType, scorecard, tenure, families,
                          &supervisor, reviewDay, interactionDay})
        c->reserve(reserve);
    cube->m_factIds.reserve(reserve);
    cube->m_flags.reserve(reserve);
    cube->m_score.reserve(reserve);
    cube->m_rawScore.reserve(reserve);
    {
        SqliteScan scan(h, "SELECT id, agent_id, auditor_id, team_id, site_id, supervisor, queue_id, channel_id, "
                           "sample_type, scorecard_id, day, i_day, score, raw_score, passed, critical_fail, "
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
            reviewDay->push_back(reviewDays.code(day));
            interactionDay->push_back(interactionDays.code(scan.isNull(11) ? 0 : std::int32_t(scan.integer(11))));
            tenure->push_back(tenureBand(roster.hireDay[std::size_t(a)], day));
            const double score = scan.real(12);
            cube->m_score.push_back(score);
            cube->m_rawScore.push_back(scan.real(13));
            std::uint8_t f = 0;
            if (scan.isNull(18))
                f |= Cube::Official; // for now: not superseded (linkTickets keeps only the latest per ticket and agent)
            if (!std::isnan(score))
                f |= Cube::Scored;
            if (scan.integer(17) == 0)
                f |= Cube::Complete;
            if (scan.integer(14) != 0)
                f |= Cube::Passed;
            if (scan.integer(15) != 0)
                f |= Cube::CriticalFail;
            cube->m_flags.push_back(f);
            families->push_back(std::int32_t(scan.integer(16) & 7));
        }
        if (!scan.error().isEmpty()) {
            err = scan.error();
            return nullptr;
        }
    }
    cube->m_count = cube->m_factIds.size();
    qCDebug(lcCubeBuild) << "audits: scan" << phase.restart();
    if (checkpoint.cancelled()) {
        err = QObject::tr("cancelled");
        return nullptr;
    }
    Checkpoint linking(control, 85, 95, 1);
    TicketLinks links;
    links.auditIds = &cube->m_factIds;
    links.agents = agent;
    links.days = reviewDay;
    links.dayCoder = &reviewDays;
    links.flags = &cube->m_flags;
    if (!linkTickets(h, &links, &err))
        return nullptr;
    cube->m_linkedResponseIds = std::move(links.responseIds);
    cube->m_linkedResponseAgents = std::move(links.responseAgents);
    qCDebug(lcCubeBuild) << "audits: tickets linked" << phase.restart();

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
    finishTextColumn(cube.get(), links.reasons, std::move(links.linkedReason),
                     &Access::addDimension(cube.get(), QStringLiteral("reason")));
    if (!addCustomDimensions(cube.get(), h,
                             "SELECT audit_id, dimension_id, value FROM audit_dimensions ORDER BY audit_id", custom,
                             cube->m_factIds, builtInDimensionNames(), &err))
        return nullptr;
    qCDebug(lcCubeBuild) << "audits: dimensions and custom dimensions" << phase.restart();
    std::vector<CubeDimension *> periods;
    addPeriodDimensions(cube.get(), reviewDay, reviewDays, QString(), &periods);
    addPeriodDimensions(cube.get(), interactionDay, interactionDays, QStringLiteral("i:"), &periods);

    cube->m_csatOutcomeCodes = std::move(links.linkedOutcome);
    cube->m_csatOutcomes = std::move(links.outcomes.outcomes);
    cube->m_csatScales = links.outcomes.scales;
    for (const auto &c : cube->m_columns)
        c->shrink();
    cube->m_score.shrink();
    cube->m_rawScore.shrink();
    qCDebug(lcCubeBuild) << "audits: periods" << phase.restart();
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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "demogenerator.h"

#include "demoaudits.h"
#include "democalibration.h"
#include "democsat.h"
#include "demodisputes.h"
#include "demoorganisation.h"
#include "demowriter.h"
#include "store/project.h"
#include "store/sqlitehandle.h"

#include <QCryptographicHash>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>

namespace ql {

namespace {

// Shares of the progress bar per stage (the audits are nearly all the work).
constexpr double OrganisationShare = 0.02;
constexpr double AuditsShare = 0.92;

bool isEmpty(const Project &project)
{
    QSqlQuery q(project.database());
    if (!q.exec(QStringLiteral("SELECT (SELECT count(*) FROM agents) + (SELECT count(*) FROM audits) + "
                               "(SELECT count(*) FROM scorecards) + (SELECT count(*) FROM csat_responses) + "
                               "(SELECT count(*) FROM calibration_sessions) + (SELECT count(*) FROM import_log)")) ||
        !q.next())
        return false;
    return q.value(0).toLongLong() == 0;
}

// Foreign keys stay declared and are enforced for every later write; during the bulk load they are
// switched off, since checking them costs a lookup per row (an answer's audit and criterion) and a
// fifth of the run. The generator writes rows that satisfy them, and tst_demo checks that with
// PRAGMA foreign_key_check. The pragma only takes effect outside a transaction, so this wraps the
// whole transaction.
class ForeignKeysOff
{
public:
    explicit ForeignKeysOff(sqlite3 *db) : m_db(db)
    {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA foreign_keys", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            m_wasOn = sqlite3_column_int(stmt, 0) != 0;
        sqlite3_finalize(stmt);
        sqlite3_exec(db, "PRAGMA foreign_keys = OFF", nullptr, nullptr, nullptr);
    }
    ~ForeignKeysOff()
    {
        if (m_wasOn)
            sqlite3_exec(m_db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    }

private:
    sqlite3 *m_db;
    bool m_wasOn = false;
};

} // namespace

QString DemoOptions::validate() const
{
    if (agents < 10 || agents > 100000)
        return QStringLiteral("--agents must be between 10 and 100000");
    if (months < 2 || months > 120)
        return QStringLiteral("--months must be between 2 and 120");
    if (auditsPerAgentMonth < 1 || auditsPerAgentMonth > 500)
        return QStringLiteral("--audits-per-agent-month must be between 1 and 500");
    if (!endMonth.isValid() || endMonth.year() < 1900 || endMonth.year() > 9999)
        return QStringLiteral("--end must be a month such as 2026-10");
    return {};
}

std::optional<DemoSummary> generateDemo(Project &project, const DemoOptions &options,
                                        const std::function<bool(double, const QString &)> &progress, QString *error)
{
    QString dummy;
    QString &err = error ? *error : dummy;
    err.clear();
    const auto report = [&](double fraction, const QString &stage) { return !progress || progress(fraction, stage); };

    if (const QString problem = options.validate(); !problem.isEmpty()) {
        err = problem;
        return std::nullopt;
    }
    if (project.isReadOnly()) {
        err = QStringLiteral("the project is open read-only");
        return std::nullopt;
    }
    if (!isEmpty(project)) {
        err = QStringLiteral("the project is not empty; the demo fills a new project");
        return std::nullopt;
    }
    sqlite3 *db = project.handle();
    if (!db) {
        err = QStringLiteral("the project has no open connection");
        return std::nullopt;
    }

    ScopedCacheSize cache(db);
    ForeignKeysOff foreignKeys(db);
    DemoWriter writer(db);
    if (!writer.exec("BEGIN IMMEDIATE")) {
        err = writer.error();
        return std::nullopt;
    }
    // Everything below writes inside this one transaction; any way out but the commit rolls back.
    struct Rollback
    {
        sqlite3 *db;
        bool armed = true;
        ~Rollback()
        {
            if (armed)
                sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        }
    } rollback{db};
    const auto failed = [&](const QString &why) {
        err = why.isEmpty() ? writer.error() : why;
        if (err.isEmpty())
            err = QStringLiteral("cancelled");
        return std::nullopt;
    };

    if (!report(0, QStringLiteral("organisation")))
        return failed(QStringLiteral("cancelled"));
    if (!writer.prepare())
        return failed(writer.error());

    DemoWorld world;
    world.options = options;
    DemoOrganisation organisation(world, writer, project.database());
    organisation.build();

    const QString end = world.monthStart.back().toString(QStringLiteral("yyyy-MM"));
    // The options, and where the planted effects are (docs/demo.md), so that a reader of the
    // project can find them without the seed's arithmetic.
    const auto agentKey = [&](int i) { return QString::fromLatin1(world.agents[std::size_t(i)].key); };
    const auto auditor = [&](int i) { return world.auditors[std::size_t(i)].key; };
    const QString mapping =
        QStringLiteral(
            R"({"generator":"demo","seed":%1,"agents":%2,"months":%3,"audits_per_agent_month":%4,"end":"%5",)")
            .arg(options.seed)
            .arg(options.agents)
            .arg(options.months)
            .arg(options.auditsPerAgentMonth)
            .arg(end) +
        QStringLiteral(R"("planted":{"low_agent":"%1","small_sample_agent":"%2","lenient_auditor":"%3",)"
                       R"("severe_auditor":"%4","drifting_participant":"%5","csat_drop_queue":"%6",)"
                       R"("csat_drop_reason":"Refund delay","csat_criterion":"%7","new_criterion":"knowledge_share"}})")
            .arg(agentKey(world.lowAgent), agentKey(world.smallAgent), auditor(world.lenientAuditor),
                 auditor(world.severeAuditor), auditor(world.driftingAuditor), world.queues.at(world.plantedQueue),
                 world.models[std::size_t(world.plantedCriterion)].key);
    const QString who = QStringLiteral("demo");
    writer.importLog(
        world.importId, world.importAt, who,
        QStringLiteral("demo (seed %1, %2 agents, %3 months, %4 audits per agent-month, ending %5)")
            .arg(options.seed)
            .arg(options.agents)
            .arg(options.months)
            .arg(options.auditsPerAgentMonth)
            .arg(end),
        QString::fromLatin1(QCryptographicHash::hash(mapping.toUtf8(), QCryptographicHash::Sha256).toHex()), mapping);
    QString problem;
    if (!organisation.write(&problem))
        return failed(problem);
    if (!report(OrganisationShare, QStringLiteral("organisation")))
        return failed(QStringLiteral("cancelled"));

    DemoAuditStream audits(world, writer);
    DemoCsat csat(world, writer);
    DemoCalibration calibration(world, writer);
    DemoDisputes disputes(world, writer, audits);
    audits.addObserver([&](const DemoWorld::AuditRecord &a) { csat.onAudit(a); });
    audits.addObserver([&](const DemoWorld::AuditRecord &a) { calibration.consider(a); });
    audits.addObserver([&](const DemoWorld::AuditRecord &a) { disputes.consider(a); });
    const bool streamed = audits.run([&](double fraction, const QString &stage) {
        return report(OrganisationShare + AuditsShare * fraction, stage);
    });
    if (!streamed)
        return failed(writer.ok() ? QStringLiteral("cancelled") : writer.error());

    // Disputes update audits written earlier: they must be in the table, not in a batch.
    if (!writer.flush())
        return failed(writer.error());
    if (!report(0.94, QStringLiteral("calibration")))
        return failed(QStringLiteral("cancelled"));
    if (!calibration.write())
        return failed(writer.error());
    if (!report(0.96, QStringLiteral("disputes")))
        return failed(QStringLiteral("cancelled"));
    if (!disputes.write())
        return failed(writer.error());

    // The change log in the order things happened, then the import's own summary.
    if (!report(0.97, QStringLiteral("change log")))
        return failed(QStringLiteral("cancelled"));
    std::stable_sort(world.changes.begin(), world.changes.end(),
                     [](const DemoWorld::Change &a, const DemoWorld::Change &b) { return a.at < b.at; });
    qint64 changeId = 0;
    for (const DemoWorld::Change &c : world.changes)
        writer.changeLog(++changeId, c.at, c.who, c.entity, c.entityId, c.field, c.oldValue, c.newValue,
                         c.reason.isEmpty() ? QStringLiteral("import %1").arg(world.importId) : c.reason,
                         world.importId);

    DemoSummary summary;
    summary.audits = audits.audits();
    summary.answers = audits.answers();
    summary.csatResponses = csat.responses();
    summary.agents = qint64(world.agents.size());
    summary.calibrationSessions = calibration.sessions();
    summary.disputes = disputes.disputes();
    const QString reason = QStringLiteral("import %1").arg(world.importId);
    const std::pair<const char *, qint64> counts[] = {
        {"agents", summary.agents},
        {"audits", summary.audits},
        {"answers", summary.answers},
        {"csat_responses", summary.csatResponses},
        {"interactions", calibration.interactions()},
        {"calibration_sessions", summary.calibrationSessions},
        {"disputes", summary.disputes},
    };
    for (const auto &[field, count] : counts)
        writer.changeLog(++changeId, world.importAt, who, QStringLiteral("import"), QString::number(world.importId),
                         QString::fromLatin1(field), QString(), QString::number(count), reason, world.importId);
    writer.importCounts(world.importId,
                        summary.audits + summary.csatResponses + summary.agents + calibration.interactions(), 0,
                        summary.agents, csat.masked() + calibration.masked());
    if (!writer.flush())
        return failed(writer.error());

    if (!report(0.98, QStringLiteral("saving")))
        return failed(QStringLiteral("cancelled"));
    if (!writer.exec("COMMIT"))
        return failed(writer.error());
    rollback.armed = false;
    report(1.0, QStringLiteral("done"));
    return summary;
}

} // namespace ql

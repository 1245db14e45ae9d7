// SPDX-License-Identifier: GPL-3.0-or-later
#include "testproject.h"

#include "common/periods.h"
#include "store/project.h"

#include <QDate>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace ql::test {

namespace {

// A tiny deterministic generator: the same file on every machine.
class Lcg
{
public:
    explicit Lcg(quint64 seed) : m_state(seed) {}
    quint32 next()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return quint32(m_state >> 33);
    }
    int below(int n) { return int(next() % quint32(n)); }

private:
    quint64 m_state;
};

bool exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    *error = q.lastError().text() + QStringLiteral(" in ") + q.lastQuery();
    return false;
}

bool run(const QSqlDatabase &db, const QString &sql, const QVariantList &values, QString *error)
{
    QSqlQuery q(db);
    if (!q.prepare(sql)) {
        *error = q.lastError().text() + QStringLiteral(" in ") + sql;
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    return exec(q, error);
}

} // namespace

QString createTestProject(const QString &path, const TestProjectOptions &options)
{
    ProjectError perror;
    std::unique_ptr<Project> project = Project::create(path, true, &perror);
    if (!project)
        return perror.message;
    QSqlDatabase db = project->database();
    QString error;
    db.transaction();
    const QString now = QStringLiteral("2026-01-01T00:00:00Z");
    auto ok = [&](const QString &sql, const QVariantList &values = {}) { return run(db, sql, values, &error); };

    const QStringList teams{QStringLiteral("North"), QStringLiteral("South"), QStringLiteral("East")};
    const QStringList sites{QStringLiteral("Lisbon"), QStringLiteral("Porto")};
    const QStringList queues{QStringLiteral("Billing"), QStringLiteral("Technical"), QStringLiteral("Orders")};
    const QStringList channels{QStringLiteral("Chat"), QStringLiteral("Email"), QStringLiteral("Phone")};
    for (const QString &t : teams)
        if (!ok(QStringLiteral("INSERT INTO teams(name) VALUES (?)"), {t}))
            return error;
    for (const QString &s : sites)
        if (!ok(QStringLiteral("INSERT INTO sites(name) VALUES (?)"), {s}))
            return error;
    for (const QString &s : queues)
        if (!ok(QStringLiteral("INSERT INTO queues(name) VALUES (?)"), {s}))
            return error;
    for (const QString &s : channels)
        if (!ok(QStringLiteral("INSERT INTO channels(name) VALUES (?)"), {s}))
            return error;
    if (!ok(QStringLiteral("INSERT INTO auditors(auditor_key, name) VALUES ('AU1', 'Ana Auditor'), ('AU2', 'Ben Auditor')")))
        return error;
    if (!ok(QStringLiteral("INSERT INTO root_causes(name) VALUES ('Knowledge gap'), ('Process unclear'), ('Tool issue')")))
        return error;

    // Two versions of one scorecard, each with two sections of two criteria.
    struct Criterion
    {
        const char *key;
        const char *name;
        const char *scale;
        double min, max;
        const char *critical;
        int allowNa;
        int section;
    };
    const Criterion criteria[] = {
        {"verify_identity", "Verified the customer's identity", "binary", 0, 1, "compliance", 0, 0},
        {"disclosure", "Read the required disclosure", "binary", 0, 1, nullptr, 1, 0},
        {"tone", "Tone and empathy", "range", 1, 5, nullptr, 0, 1},
        {"resolution", "Resolved the issue", "options", 0, 10, nullptr, 0, 1},
    };
    for (int version = 1; version <= 2; ++version) {
        if (!ok(QStringLiteral("INSERT INTO scorecards(id, name, version, valid_from, valid_to, definition_json, created_at) "
                               "VALUES (?, 'Support QA', ?, ?, ?, '{}', ?)"),
                {version, version, version == 1 ? QStringLiteral("2026-01-01") : QStringLiteral("2026-07-01"),
                 version == 1 ? QVariant(QStringLiteral("2026-06-30")) : QVariant(), now}))
            return error;
        for (int s = 0; s < 2; ++s)
            if (!ok(QStringLiteral("INSERT INTO scorecard_sections(id, scorecard_id, position, name, weight) VALUES (?, ?, ?, ?, ?)"),
                    {version * 10 + s, version, s, s == 0 ? QStringLiteral("Compliance") : QStringLiteral("Communication"),
                     s == 0 ? 30 : 70}))
                return error;
        int position = 0;
        for (const Criterion &c : criteria) {
            if (!ok(QStringLiteral("INSERT INTO criteria(id, scorecard_id, section_id, position, key, name, scale_kind, "
                                   "scale_min, scale_max, critical, allow_na) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {version * 10 + position, version, version * 10 + c.section, position, QString::fromLatin1(c.key),
                     QString::fromLatin1(c.name), QString::fromLatin1(c.scale), c.min, c.max,
                     c.critical ? QVariant(QString::fromLatin1(c.critical)) : QVariant(), c.allowNa}))
                return error;
            ++position;
        }
    }

    Lcg rng(20260101);
    qint64 auditId = 0;
    qint64 answerId = 0;
    qint64 csatId = 0;
    const QDate start(2026, 1, 5);
    for (int a = 1; a <= options.agents; ++a) {
        const int team = (a - 1) % teams.size() + 1;
        const int site = (a - 1) % sites.size() + 1;
        if (!ok(QStringLiteral("INSERT INTO agents(id, agent_key, name, hire_date, active, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                {a, QStringLiteral("AG%1").arg(a, 3, 10, QLatin1Char('0')), QStringLiteral("Agent %1").arg(a),
                 QStringLiteral("2024-%1-15").arg(a % 12 + 1, 2, 10, QLatin1Char('0')), a % 7 == 0 ? 0 : 1, now}))
            return error;
        if (!ok(QStringLiteral("INSERT INTO agent_history(agent_id, valid_from, team_id, site_id, supervisor) VALUES (?, '2024-01-01', ?, ?, ?)"),
                {a, team, site, QStringLiteral("Lead %1").arg(teams.at(team - 1))}))
            return error;
        for (int i = 0; i < options.auditsPerAgent; ++i) {
            ++auditId;
            const QDate date = start.addDays(rng.below(300));
            const PeriodKeys keys = PeriodKeys::of(date);
            const int scorecard = date < QDate(2026, 7, 1) ? 1 : 2;
            // Whole-number scores half the time, so many rows tie; every 17th audit has no score.
            QVariant score;
            if (auditId % 17 != 0)
                score = rng.below(2) ? double(60 + rng.below(41)) : 60 + rng.below(4000) / 100.0;
            const bool critical = rng.below(20) == 0;
            if (critical && score.isValid())
                score = 0.0;
            const bool passed = score.isValid() && !critical && score.toDouble() >= 85;
            if (!ok(QStringLiteral("INSERT INTO audits(id, audit_key, ticket_id, date, day, week, month, quarter, agent_id, "
                                   "auditor_id, team_id, site_id, queue_id, channel_id, sample_type, scorecard_id, score, "
                                   "raw_score, passed, critical_fail, comment) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {auditId, QStringLiteral("A-%1").arg(auditId, 5, 10, QLatin1Char('0')),
                     QStringLiteral("T%1").arg(100000 + auditId), date.toString(Qt::ISODate), keys.day, keys.week,
                     keys.month, keys.quarter, a, rng.below(2) + 1, team, site, rng.below(queues.size()) + 1,
                     rng.below(channels.size()) + 1, i % 5 == 0 ? QStringLiteral("targeted") : QStringLiteral("random"),
                     scorecard, score, score, passed ? 1 : 0, critical ? 1 : 0,
                     i % 3 == 0 ? QVariant(QStringLiteral("Checked by %1").arg(i % 2 ? QStringLiteral("Ana") : QStringLiteral("Ben")))
                                : QVariant()}))
                return error;
            for (int c = 0; c < 4; ++c) {
                ++answerId;
                const Criterion &cr = criteria[c];
                const bool na = cr.allowNa && rng.below(4) == 0;
                QVariant value, label, credit;
                if (!na) {
                    if (c == 3) {
                        const int pick = rng.below(3);
                        const double points[] = {10, 3, 0};
                        const char *labels[] = {"Yes", "Partial", "No"};
                        value = points[pick];
                        label = QString::fromLatin1(labels[pick]);
                        credit = points[pick] / 10.0;
                    } else if (c == 2) {
                        value = double(1 + rng.below(5));
                        credit = (value.toDouble() - 1) / 4.0;
                    } else {
                        value = double(c == 0 && critical ? 0 : (rng.below(6) ? 1 : 0));
                        credit = value;
                    }
                }
                if (!ok(QStringLiteral("INSERT INTO answers(id, audit_id, criterion_id, value, option_label, na, c, comment) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                        {answerId, auditId, scorecard * 10 + c, value, label, na ? 1 : 0, credit,
                         credit.isValid() && credit.toDouble() < 0.5 ? QVariant(QStringLiteral("Missed on call %1").arg(auditId))
                                                                     : QVariant()}))
                    return error;
                if (credit.isValid() && credit.toDouble() < 0.5)
                    if (!ok(QStringLiteral("INSERT INTO answer_root_causes(answer_id, root_cause_id) VALUES (?, ?)"),
                            {answerId, 1 + int(answerId % 3)}))
                        return error;
            }
        }
        for (int i = 0; i < options.csatPerAgent; ++i) {
            ++csatId;
            const QDate date = start.addDays(rng.below(300));
            const PeriodKeys keys = PeriodKeys::of(date);
            const int value = 1 + rng.below(5);
            if (!ok(QStringLiteral("INSERT INTO csat_responses(id, response_key, ticket_id, date, day, week, month, quarter, "
                                   "score, score_label, scale, satisfied, dissatisfied, agent_id, team_id, queue_id, "
                                   "channel_id, reason, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '1-5', ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {csatId, QStringLiteral("R-%1").arg(csatId, 5, 10, QLatin1Char('0')),
                     QStringLiteral("T%1").arg(100000 + csatId), date.toString(Qt::ISODate), keys.day, keys.week,
                     keys.month, keys.quarter, value, value >= 4 ? QStringLiteral("Happy") : QStringLiteral("Unhappy"),
                     value >= 4 ? 1 : 0, value <= 2 ? 1 : 0, a, team, rng.below(queues.size()) + 1,
                     rng.below(channels.size()) + 1, value <= 2 ? QVariant(QStringLiteral("Slow reply")) : QVariant(),
                     QStringLiteral("Thanks, %1").arg(value)}))
                return error;
        }
    }
    if (!db.commit())
        return db.lastError().text();
    return {};
}

QString openOracle(const QString &path)
{
    static int counter = 0;
    const QString name = QStringLiteral("oracle-%1").arg(++counter);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    db.open();
    return name;
}

qint64 scalar(const QString &connection, const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(connection));
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace ql::test

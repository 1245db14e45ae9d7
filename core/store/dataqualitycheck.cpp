// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataqualitycheck.h"

#include "common/periods.h"
#include "import/masking.h"
#include "project.h"
#include "projectsettings.h"

#include <QHash>
#include <QLocale>
#include <QSet>
#include <QSqlQuery>

#include <map>

namespace ql {

namespace {

constexpr int MaxExamples = 5;

int nextMonth(int month)
{
    return month % 100 == 12 ? (month / 100 + 1) * 100 + 1 : month + 1;
}

} // namespace

QString DataQualityFinding::severityName(Severity s)
{
    return s == Severity::Info ? QStringLiteral("info") : QStringLiteral("problem");
}

qint64 DataQualityReport::problems() const
{
    qint64 n = 0;
    for (const DataQualityFinding &f : findings)
        n += f.severity == DataQualityFinding::Severity::Problem ? 1 : 0;
    return n;
}

DataQualityCheck::DataQualityCheck(QSqlDatabase db, QDate today)
    : m_db(std::move(db))
    , m_today(today)
{
}

DataQualityReport DataQualityCheck::run() const
{
    DataQualityReport r;
    integrity(r);
    if (r.damaged())
        return r; // reading a damaged file further only adds noise
    rowCounts(r);
    missingValues(r);
    duplicates(r);
    outOfRange(r);
    orphans(r);
    incompleteAudits(r);
    coverage(r);
    personalData(r);
    gaps(r);
    return r;
}

void DataQualityCheck::integrity(DataQualityReport &r) const
{
    const QString problem = Project::integrityCheck(m_db);
    if (!problem.isEmpty())
        r.integrity = problem.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void DataQualityCheck::rowCounts(DataQualityReport &r) const
{
    for (const char *table : {"agents", "auditors", "scorecards", "audits", "answers", "csat_responses", "interactions",
                              "calibration_sessions", "disputes"}) {
        QSqlQuery q(m_db);
        const QString name = QLatin1String(table);
        if (q.exec(QStringLiteral("SELECT count(*) FROM ") + name) && q.next())
            r.rows.append({name, q.value(0).toLongLong()});
    }
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT min(date), max(date) FROM audits")) && q.next()) {
        r.firstAudit = QDate::fromString(q.value(0).toString().left(10), Qt::ISODate);
        r.lastAudit = QDate::fromString(q.value(1).toString().left(10), Qt::ISODate);
    }
}

void DataQualityCheck::add(DataQualityReport &r, DataQualityFinding f, const QString &keyExpr, const QString &fromWhere,
                           const QVariantList &binds) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) ") + fromWhere);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next() || q.value(0).toLongLong() == 0)
        return;
    f.count = q.value(0).toLongLong();
    q.prepare(QStringLiteral("SELECT %1 %2 LIMIT %3").arg(keyExpr, fromWhere).arg(MaxExamples));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (q.exec())
        while (q.next())
            f.examples << q.value(0).toString();
    f.message += QStringLiteral(": ") + QLocale::c().toString(f.count);
    r.findings << f;
}

void DataQualityCheck::missingValues(DataQualityReport &r) const
{
    struct Missing
    {
        const char *table;
        const char *column;
        const char *key;
        const char *message;
    };
    static const Missing checks[] = {
        {"audits", "auditor_id", "audit_key", "audits without an auditor"},
        {"audits", "ticket_id", "audit_key", "audits without a ticket id"},
        {"audits", "queue_id", "audit_key", "audits without a queue"},
        {"audits", "channel_id", "audit_key", "audits without a channel"},
        {"audits", "team_id", "audit_key", "audits without a team"},
        {"csat_responses", "agent_id", "response_key", "CSAT responses without an agent"},
        {"csat_responses", "ticket_id", "response_key", "CSAT responses without a ticket id"},
        {"agents", "name", "agent_key", "agents without a name"},
    };
    for (const Missing &m : checks)
        add(r, {QStringLiteral("missing_values"), DataQualityFinding::Severity::Problem, QLatin1String(m.table),
                QLatin1String(m.column), 0, QLatin1String(m.message), {}},
            QLatin1String(m.key),
            QStringLiteral("FROM %1 WHERE %2 IS NULL OR trim(%2) = ''").arg(QLatin1String(m.table), QLatin1String(m.column)));
}

void DataQualityCheck::duplicates(DataQualityReport &r) const
{
    // The same agent's ticket scored twice on the same card, day and auditor: a record imported twice
    // under two keys (a re-audit supersedes the first and is not counted).
    add(r, {QStringLiteral("duplicates"), DataQualityFinding::Severity::Problem, QStringLiteral("audits"), {}, 0,
            QStringLiteral("audits that repeat another audit (same agent, ticket, scorecard, day and auditor)"), {}},
        QStringLiteral("a.audit_key"),
        QStringLiteral("FROM audits a WHERE a.superseded_by IS NULL AND a.ticket_id IS NOT NULL AND EXISTS ("
                       "SELECT 1 FROM audits b WHERE b.ticket_id = a.ticket_id AND b.id < a.id AND "
                       "b.superseded_by IS NULL AND b.agent_id = a.agent_id AND b.scorecard_id = a.scorecard_id AND "
                       "b.date = a.date AND b.auditor_id IS a.auditor_id)"));
    add(r, {QStringLiteral("duplicates"), DataQualityFinding::Severity::Problem, QStringLiteral("csat_responses"),
            QStringLiteral("ticket_id"), 0, QStringLiteral("CSAT responses for a ticket that already has one"),
            {}},
        QStringLiteral("a.response_key"),
        QStringLiteral("FROM csat_responses a WHERE a.ticket_id IS NOT NULL AND EXISTS ("
                       "SELECT 1 FROM csat_responses b WHERE b.ticket_id = a.ticket_id AND b.id < a.id)"));
    add(r, {QStringLiteral("duplicates"), DataQualityFinding::Severity::Problem, QStringLiteral("agents"),
            QStringLiteral("name"), 0, QStringLiteral("agents sharing their name with another agent id"), {}},
        QStringLiteral("a.agent_key"),
        QStringLiteral("FROM agents a WHERE a.name IS NOT NULL AND trim(a.name) <> '' AND EXISTS ("
                       "SELECT 1 FROM agents b WHERE b.id < a.id AND lower(trim(b.name)) = lower(trim(a.name)))"));
}

void DataQualityCheck::outOfRange(DataQualityReport &r) const
{
    using S = DataQualityFinding::Severity;
    add(r, {QStringLiteral("out_of_range"), S::Problem, QStringLiteral("audits"), QStringLiteral("score"), 0,
            QStringLiteral("audits with a score or raw score outside 0–100"), {}},
        QStringLiteral("audit_key"),
        QStringLiteral("FROM audits WHERE score < 0 OR score > 100 OR raw_score < 0 OR raw_score > 100"));
    add(r, {QStringLiteral("out_of_range"), S::Problem, QStringLiteral("answers"), QStringLiteral("value"), 0,
            QStringLiteral("answers with a value outside their criterion's scale"), {}},
        QStringLiteral("au.audit_key || ' ' || c.key"),
        QStringLiteral("FROM answers a JOIN criteria c ON c.id = a.criterion_id JOIN audits au ON au.id = a.audit_id "
                       "WHERE a.na = 0 AND a.value IS NOT NULL AND (a.value < c.scale_min OR a.value > c.scale_max)"));
    // Numeric scales are stored as "MIN-MAX" (labels as "labels:…", checked at import).
    add(r, {QStringLiteral("out_of_range"), S::Problem, QStringLiteral("csat_responses"), QStringLiteral("score"), 0,
            QStringLiteral("CSAT responses with a score outside their scale"), {}},
        QStringLiteral("response_key"),
        QStringLiteral("FROM csat_responses WHERE scale NOT LIKE 'labels:%' AND instr(scale, '-') > 1 AND "
                       "(score < CAST(substr(scale, 1, instr(scale, '-') - 1) AS REAL) OR "
                       "score > CAST(substr(scale, instr(scale, '-') + 1) AS REAL))"));
    const QString today = m_today.toString(Qt::ISODate);
    add(r, {QStringLiteral("out_of_range"), S::Problem, QStringLiteral("audits"), QStringLiteral("date"), 0,
            QStringLiteral("audits dated after today (%1)").arg(today), {}},
        QStringLiteral("audit_key"), QStringLiteral("FROM audits WHERE substr(date, 1, 10) > ?"), {today});
    add(r, {QStringLiteral("out_of_range"), S::Problem, QStringLiteral("csat_responses"), QStringLiteral("date"), 0,
            QStringLiteral("CSAT responses dated after today (%1)").arg(today), {}},
        QStringLiteral("response_key"), QStringLiteral("FROM csat_responses WHERE substr(date, 1, 10) > ?"), {today});
}

void DataQualityCheck::orphans(DataQualityReport &r) const
{
    using S = DataQualityFinding::Severity;
    add(r, {QStringLiteral("orphans"), S::Problem, QStringLiteral("answers"), QStringLiteral("audit_id"), 0,
            QStringLiteral("answers of no audit"), {}},
        QStringLiteral("'answer ' || id"),
        QStringLiteral("FROM answers WHERE audit_id NOT IN (SELECT id FROM audits)"));
    add(r, {QStringLiteral("orphans"), S::Problem, QStringLiteral("answers"), QStringLiteral("criterion_id"), 0,
            QStringLiteral("answers of no criterion"), {}},
        QStringLiteral("'answer ' || id"),
        QStringLiteral("FROM answers WHERE criterion_id NOT IN (SELECT id FROM criteria)"));
    add(r, {QStringLiteral("orphans"), S::Problem, QStringLiteral("audits"), QStringLiteral("agent_id"), 0,
            QStringLiteral("audits of an agent who is not in the project"), {}},
        QStringLiteral("audit_key"), QStringLiteral("FROM audits WHERE agent_id NOT IN (SELECT id FROM agents)"));
    add(r, {QStringLiteral("orphans"), S::Problem, QStringLiteral("audits"), QStringLiteral("scorecard_id"), 0,
            QStringLiteral("audits on a scorecard that is not in the project"), {}},
        QStringLiteral("audit_key"),
        QStringLiteral("FROM audits WHERE scorecard_id NOT IN (SELECT id FROM scorecards)"));
    add(r, {QStringLiteral("orphans"), S::Problem, QStringLiteral("csat_responses"), QStringLiteral("agent_id"), 0,
            QStringLiteral("CSAT responses naming an agent who is not in the project"), {}},
        QStringLiteral("response_key"),
        QStringLiteral("FROM csat_responses WHERE agent_id IS NOT NULL AND agent_id NOT IN (SELECT id FROM agents)"));
    // Only a sample of tickets is audited, so most responses have no audit: information, not a fault.
    add(r, {QStringLiteral("orphans"), S::Info, QStringLiteral("csat_responses"), QStringLiteral("ticket_id"), 0,
            QStringLiteral("CSAT responses for tickets with no audit and no conversation in the project"), {}},
        QStringLiteral("c.response_key"),
        QStringLiteral("FROM csat_responses c WHERE c.ticket_id IS NOT NULL AND "
                       "NOT EXISTS (SELECT 1 FROM audits a WHERE a.ticket_id = c.ticket_id) AND "
                       "NOT EXISTS (SELECT 1 FROM interactions i WHERE i.ticket_id = c.ticket_id)"));
}

void DataQualityCheck::incompleteAudits(DataQualityReport &r) const
{
    using S = DataQualityFinding::Severity;
    add(r, {QStringLiteral("incomplete_audits"), S::Problem, QStringLiteral("audits"), QStringLiteral("incomplete"), 0,
            QStringLiteral("incomplete audits (a required criterion has no answer; not counted in KPIs)"), {}},
        QStringLiteral("audit_key"), QStringLiteral("FROM audits WHERE incomplete = 1"));
    add(r, {QStringLiteral("incomplete_audits"), S::Problem, QStringLiteral("audits"), {}, 0,
            QStringLiteral("audits without any answers"), {}},
        QStringLiteral("a.audit_key"),
        QStringLiteral("FROM audits a WHERE NOT EXISTS (SELECT 1 FROM answers x WHERE x.audit_id = a.id)"));
}

void DataQualityCheck::coverage(DataQualityReport &r) const
{
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
        q.addBindValue(ProjectSettings::keyName(ProjectSettings::SamplingPlanPerAgentMonth));
        if (!q.exec() || !q.next() || q.value(0).isNull())
            return; // the project sets no plan: the report says so
        bool ok = false;
        const int plan = q.value(0).toString().toInt(&ok);
        if (!ok || plan <= 0)
            return;
        r.samplingPlan = plan;
    }
    const int plan = *r.samplingPlan;
    const QStringList types = ProjectSettings(m_db).countedSampleTypes();
    QStringList marks;
    for (qsizetype i = 0; i < types.size(); ++i)
        marks << QStringLiteral("?");

    std::map<int, QHash<qint64, qint64>> perMonth; // month → agent → counted audits
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT month, agent_id, count(*) FROM audits WHERE sample_type IN (%1) "
                             "GROUP BY month, agent_id").arg(marks.join(QLatin1Char(','))));
    for (const QString &t : types)
        q.addBindValue(t);
    if (!q.exec())
        return;
    while (q.next())
        perMonth[q.value(0).toInt()][q.value(1).toLongLong()] = q.value(2).toLongLong();
    if (r.firstAudit.isValid()) {
        const int first = PeriodKeys::of(r.firstAudit).month;
        const int last = PeriodKeys::of(r.lastAudit).month;
        for (int m = first; m <= last; m = nextMonth(m))
            perMonth[m]; // months without any counted audit are covered by no one
    }

    struct Agent
    {
        qint64 id;
        QString key;
        QDate hired;
        bool active;
    };
    QList<Agent> agents;
    q.exec(QStringLiteral("SELECT id, agent_key, hire_date, active FROM agents ORDER BY agent_key"));
    while (q.next())
        agents.append({q.value(0).toLongLong(), q.value(1).toString(),
                       QDate::fromString(q.value(2).toString().left(10), Qt::ISODate), q.value(3).toInt() == 1});

    DataQualityFinding f{QStringLiteral("coverage"), DataQualityFinding::Severity::Problem, QStringLiteral("audits"),
                         QStringLiteral("agent_id"), 0, {}, {}};
    for (const auto &[month, counts] : perMonth) {
        CoverageMonth c;
        c.month = month;
        const QDate monthEnd = QDate(month / 100, month % 100, 1).addMonths(1).addDays(-1);
        for (const Agent &a : agents) {
            const qint64 n = counts.value(a.id, 0);
            // On the roster that month (active, hired by its end), or audited in it.
            if (n == 0 && (!a.active || (a.hired.isValid() && a.hired > monthEnd)))
                continue;
            ++c.agents;
            c.audits += n;
            if (n < plan) {
                ++c.belowPlan;
                if (f.examples.size() < MaxExamples)
                    f.examples << QStringLiteral("%1 %2: %3 of %4").arg(Periods::monthLabel(month), a.key).arg(n).arg(plan);
            }
        }
        f.count += c.belowPlan;
        r.coverage << c;
    }
    if (f.count > 0) {
        f.message = QStringLiteral("agent-months below the sampling plan of %1 audits per agent per month: %2")
                        .arg(plan)
                        .arg(QLocale::c().toString(f.count));
        r.findings << f;
    }
}

void DataQualityCheck::personalData(DataQualityReport &r) const
{
    struct Field
    {
        const char *table;
        const char *column;
        const char *key;
        const char *from;
        const char *what;
    };
    static const Field fields[] = {
        {"audits", "comment", "audit_key", "FROM audits WHERE comment IS NOT NULL", "audit comments"},
        {"answers", "comment", "au.audit_key || ' ' || c.key",
         "FROM answers a JOIN audits au ON au.id = a.audit_id JOIN criteria c ON c.id = a.criterion_id "
         "WHERE a.comment IS NOT NULL",
         "answer comments"},
        {"csat_responses", "comment", "response_key", "FROM csat_responses WHERE comment IS NOT NULL", "CSAT comments"},
        {"interactions", "transcript", "ticket_id", "FROM interactions WHERE transcript IS NOT NULL",
         "conversation transcripts"},
        {"disputes", "comment", "'dispute ' || id", "FROM disputes WHERE comment IS NOT NULL", "dispute comments"},
    };
    static const struct
    {
        Masker::Kind kind;
        const char *name;
    } kinds[] = {{Masker::Card, "a card number"},
                 {Masker::Email, "an email address"},
                 {Masker::Phone, "a phone number"},
                 {Masker::Iban, "an IBAN"}};
    for (const Field &field : fields) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        // The text column is the last one selected; the key the first.
        const QString text = QLatin1String(field.table) == QLatin1String("answers") ? QStringLiteral("a.comment")
                                                                                      : QLatin1String(field.column);
        if (!q.exec(QStringLiteral("SELECT %1, %2 %3").arg(QLatin1String(field.key), text, QLatin1String(field.from))))
            continue;
        DataQualityFinding found[4];
        for (int k = 0; k < 4; ++k)
            found[k] = {QStringLiteral("pii"), DataQualityFinding::Severity::Problem, QLatin1String(field.table),
                        QLatin1String(field.column), 0, {}, {}};
        while (q.next()) {
            const QString value = q.value(1).toString();
            if (value.isEmpty())
                continue;
            for (int k = 0; k < 4; ++k) {
                // Cards first, as the masker does, so a card number never also counts as a phone number.
                QString copy = value;
                if (kinds[k].kind == Masker::Phone)
                    Masker(Masker::Card | Masker::Iban).mask(copy);
                if (Masker(kinds[k].kind).mask(copy) == 0)
                    continue;
                ++found[k].count;
                if (found[k].examples.size() < MaxExamples)
                    found[k].examples << q.value(0).toString();
            }
        }
        for (int k = 0; k < 4; ++k) {
            if (found[k].count == 0)
                continue;
            found[k].message = QStringLiteral("%1 containing %2: %3")
                                   .arg(QLatin1String(field.what), QLatin1String(kinds[k].name),
                                        QLocale::c().toString(found[k].count));
            r.findings << found[k];
        }
    }
}

void DataQualityCheck::gaps(DataQualityReport &r) const
{
    auto keys = [this](const QString &sql) {
        QSet<int> set;
        QSqlQuery q(m_db);
        if (q.exec(sql))
            while (q.next())
                set.insert(q.value(0).toInt());
        return set;
    };
    for (const char *table : {"audits", "csat_responses"}) {
        const QString name = QLatin1String(table);
        const QSet<int> months = keys(QStringLiteral("SELECT DISTINCT month FROM ") + name);
        const QSet<int> weeks = keys(QStringLiteral("SELECT DISTINCT week FROM ") + name);
        if (months.isEmpty())
            continue;
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT min(day), max(day) FROM ") + name) || !q.next())
            continue;
        const QDate first = QDate::fromJulianDay(q.value(0).toLongLong());
        const QDate last = QDate::fromJulianDay(q.value(1).toLongLong());
        const char *what = name == QLatin1String("audits") ? "audits" : "CSAT responses";

        DataQualityFinding month{QStringLiteral("gaps"), DataQualityFinding::Severity::Problem, name,
                                 QStringLiteral("month"), 0, {}, {}};
        const int lastMonth = PeriodKeys::of(last).month;
        for (int m = PeriodKeys::of(first).month; m <= lastMonth; m = nextMonth(m)) {
            if (months.contains(m))
                continue;
            ++month.count;
            if (month.examples.size() < MaxExamples)
                month.examples << Periods::monthLabel(m);
        }
        if (month.count > 0) {
            month.message = QStringLiteral("months without %1 between %2 and %3: %4")
                                .arg(QLatin1String(what), first.toString(Qt::ISODate), last.toString(Qt::ISODate),
                                     QLocale::c().toString(month.count));
            r.findings << month;
        }
        DataQualityFinding week{QStringLiteral("gaps"), DataQualityFinding::Severity::Problem, name,
                                QStringLiteral("week"), 0, {}, {}};
        for (QDate d = first.addDays(1 - first.dayOfWeek()); d <= last; d = d.addDays(7)) {
            const int w = PeriodKeys::of(d).week;
            if (weeks.contains(w))
                continue;
            ++week.count;
            if (week.examples.size() < MaxExamples)
                week.examples << Periods::weekLabel(w);
        }
        if (week.count > 0) {
            week.message = QStringLiteral("ISO weeks without %1 between %2 and %3: %4")
                               .arg(QLatin1String(what), first.toString(Qt::ISODate), last.toString(Qt::ISODate),
                                    QLocale::c().toString(week.count));
            r.findings << week;
        }
    }
}

} // namespace ql

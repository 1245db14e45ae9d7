// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpiqueries.h"

#include "projectsettings.h"
#include "scoring/scorecard.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ql {

namespace {

// The bound values every slice-and-dates query starts with: the slice's id (none for all agents),
// then the first and last day, as where() and the `BETWEEN ? AND ?` after it expect them.
QVariantList sliceAndDates(const KpiSlice &slice, QDate from, QDate to)
{
    QVariantList values;
    if (slice.kind != KpiSlice::Kind::All)
        values << slice.id;
    values << from.toJulianDay() << to.toJulianDay();
    return values;
}

// The audits table's CHECK list (schema_v1.sql).
const QStringList &schemaSampleTypes()
{
    static const QStringList types{QStringLiteral("random"), QStringLiteral("targeted"),
                                   QStringLiteral("csat_triggered"), QStringLiteral("dispute"),
                                   QStringLiteral("self"), QStringLiteral("peer"), QStringLiteral("auto")};
    return types;
}

QSqlQuery run(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        qWarning("KpiQueries: %s in %s", qPrintable(q.lastError().text()), qPrintable(sql));
        return q;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        qWarning("KpiQueries: %s in %s", qPrintable(q.lastError().text()), qPrintable(sql));
    return q;
}

// The aggregate columns of AuditSums over audits `a` (counted ones only, except the total).
QString sumColumns(const QString &counted)
{
    return QStringLiteral("count(*), sum(%1), "
                          "sum(CASE WHEN %1 THEN a.score END), sum(CASE WHEN %1 THEN a.score * a.score END), "
                          "sum(CASE WHEN %1 THEN a.raw_score END), sum(CASE WHEN %1 THEN a.raw_score * a.raw_score END), "
                          "sum(CASE WHEN %1 THEN a.passed END), sum(CASE WHEN %1 THEN a.critical_fail END), "
                          "sum(CASE WHEN %1 AND a.critical_families & 1 THEN 1 END), "
                          "sum(CASE WHEN %1 AND a.critical_families & 2 THEN 1 END), "
                          "sum(CASE WHEN %1 AND a.critical_families & 4 THEN 1 END)")
        .arg(counted);
}

AuditSums readSums(const QSqlQuery &q, int first)
{
    AuditSums s;
    s.total = q.value(first).toLongLong();
    s.n = q.value(first + 1).toLongLong();
    s.scoreSum = q.value(first + 2).toDouble();
    s.scoreSquares = q.value(first + 3).toDouble();
    s.rawSum = q.value(first + 4).toDouble();
    s.rawSquares = q.value(first + 5).toDouble();
    s.passed = q.value(first + 6).toLongLong();
    s.critical = q.value(first + 7).toLongLong();
    s.customer = q.value(first + 8).toLongLong();
    s.business = q.value(first + 9).toLongLong();
    s.compliance = q.value(first + 10).toLongLong();
    return s;
}

} // namespace

QString KpiSlice::kindName(Kind kind)
{
    switch (kind) {
    case Kind::All:
        return QStringLiteral("all");
    case Kind::Agent:
        return QStringLiteral("agent");
    case Kind::Team:
        return QStringLiteral("team");
    case Kind::Site:
        return QStringLiteral("site");
    case Kind::Queue:
        return QStringLiteral("queue");
    }
    return {};
}

std::optional<KpiSlice::Kind> KpiSlice::kindFromName(const QString &name)
{
    for (Kind k : {Kind::All, Kind::Agent, Kind::Team, Kind::Site, Kind::Queue})
        if (kindName(k) == name)
            return k;
    return std::nullopt;
}

KpiQueries::KpiQueries(QSqlDatabase db, QString periodColumn, QStringList countedTypes)
    : m_db(std::move(db))
    , m_day(periodColumn == QLatin1String("interaction_date") ? QStringLiteral("i_day") : QStringLiteral("day"))
    , m_counted(std::move(countedTypes))
{
}

KpiQueries KpiQueries::forProject(const QSqlDatabase &db)
{
    ProjectSettings settings(db);
    return KpiQueries(db, settings.periodDate(), settings.countedSampleTypes());
}

KpiFilterChoices KpiQueries::filterChoices(const QSqlDatabase &db)
{
    auto names = [&db](const char *sql) {
        QStringList out;
        QSqlQuery q(db);
        if (q.exec(QString::fromLatin1(sql)))
            while (q.next())
                out << q.value(0).toString();
        return out;
    };
    KpiFilterChoices c;
    c.queues = names("SELECT name FROM queues ORDER BY name");
    c.channels = names("SELECT name FROM channels ORDER BY name");
    c.teams = names("SELECT name FROM teams ORDER BY name");
    c.sites = names("SELECT name FROM sites ORDER BY name");
    c.scorecards = names("SELECT DISTINCT name FROM scorecards ORDER BY name");
    c.sampleTypes = schemaSampleTypes();
    return c;
}

void KpiQueries::setFilters(const KpiFilters &filters)
{
    m_filters = filters;
    auto ids = [this](const char *sql, const QStringList &names) {
        QList<qint64> out;
        for (const QString &name : names) {
            QSqlQuery q = run(m_db, QString::fromLatin1(sql), {name});
            while (q.next())
                out << q.value(0).toLongLong();
        }
        if (!names.isEmpty() && out.isEmpty())
            out << -1; // no such name: nothing matches
        return out;
    };
    m_queueIds = ids("SELECT id FROM queues WHERE name = ?", filters.queues);
    m_channelIds = ids("SELECT id FROM channels WHERE name = ?", filters.channels);
    m_teamIds = ids("SELECT id FROM teams WHERE name = ?", filters.teams);
    m_siteIds = ids("SELECT id FROM sites WHERE name = ?", filters.sites);
    m_scorecardIds = ids("SELECT id FROM scorecards WHERE name = ?", filters.scorecards);
}

// The filters' condition on audits or responses `alias`. The ids were read with bound values and
// the sample types are checked against the schema's closed list, so both are inlined (as counted()
// does): every query keeps its own bindings unchanged.
QString KpiQueries::filterCondition(const QString &alias, bool responses) const
{
    QStringList parts;
    auto in = [&](const char *column, const QList<qint64> &ids) {
        if (ids.isEmpty())
            return;
        QStringList list;
        for (qint64 id : ids)
            list << QString::number(id);
        parts << QStringLiteral("%1.%2 IN (%3)").arg(alias, QString::fromLatin1(column), list.join(QLatin1Char(',')));
    };
    in("queue_id", m_queueIds);
    in("channel_id", m_channelIds);
    in("team_id", m_teamIds);
    in("site_id", m_siteIds);
    if (!responses) {
        in("scorecard_id", m_scorecardIds);
        if (!m_filters.sampleTypes.isEmpty()) {
            const QStringList &known = schemaSampleTypes();
            QStringList marks;
            for (const QString &t : m_filters.sampleTypes)
                if (known.contains(t))
                    marks << QStringLiteral("'%1'").arg(t);
            parts << QStringLiteral("%1.sample_type IN (%2)")
                         .arg(alias, marks.isEmpty() ? QStringLiteral("''") : marks.join(QLatin1Char(',')));
        }
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" AND ") + parts.join(QStringLiteral(" AND "));
}

// The slice's condition on audits (or responses) `alias`, with one bound value unless it is All,
// and the filters'.
QString KpiQueries::where(const KpiSlice &slice, const QString &alias) const
{
    const QString filters = filterCondition(alias, alias == QLatin1String("r"));
    switch (slice.kind) {
    case KpiSlice::Kind::All:
        return QStringLiteral("1") + filters;
    case KpiSlice::Kind::Agent:
        return QStringLiteral("%1.agent_id = (SELECT id FROM agents WHERE agent_key = ?)").arg(alias) + filters;
    case KpiSlice::Kind::Team:
        return QStringLiteral("%1.team_id = (SELECT id FROM teams WHERE name = ?)").arg(alias) + filters;
    case KpiSlice::Kind::Site:
        return QStringLiteral("%1.site_id = (SELECT id FROM sites WHERE name = ?)").arg(alias) + filters;
    case KpiSlice::Kind::Queue:
        return QStringLiteral("%1.queue_id = (SELECT id FROM queues WHERE name = ?)").arg(alias) + filters;
    }
    return QStringLiteral("0");
}

QString KpiQueries::counted(const QString &a) const
{
    QStringList marks;
    for (int i = 0; i < m_counted.size(); ++i)
        marks << QStringLiteral("'%1'").arg(QString(m_counted.at(i)).remove(QLatin1Char('\'')));
    // The sample types are a closed list of names the settings validate; inlined so that the
    // expression can repeat inside CASE without re-binding.
    return QStringLiteral("(%1.superseded_by IS NULL AND %1.score IS NOT NULL AND %1.incomplete = 0 AND "
                          "%1.sample_type IN (%2))")
        .arg(a, marks.isEmpty() ? QStringLiteral("''") : marks.join(QLatin1Char(',')));
}

AuditSums KpiQueries::audits(const KpiSlice &slice, QDate from, QDate to) const
{
    QVariantList values = sliceAndDates(slice, from, to);
    const QString c = counted(QStringLiteral("a"));
    QSqlQuery q = run(m_db,
                      QStringLiteral("SELECT %1 FROM audits a WHERE %2 AND a.%3 BETWEEN ? AND ?")
                          .arg(sumColumns(c), where(slice, QStringLiteral("a")), m_day),
                      values);
    AuditSums s;
    if (q.next())
        s = readSums(q, 0);
    QSqlQuery v = run(m_db,
                      QStringLiteral("SELECT DISTINCT s.name, s.version FROM audits a JOIN scorecards s ON s.id = "
                                     "a.scorecard_id WHERE %1 AND a.%2 BETWEEN ? AND ? AND %3 ORDER BY s.name, s.version")
                          .arg(where(slice, QStringLiteral("a")), m_day, c),
                      values);
    while (v.next())
        s.versions << QStringLiteral("%1 v%2").arg(v.value(0).toString()).arg(v.value(1).toInt());
    return s;
}

// Which responses belong to the slice; binds its values (and the range's) to `values`.
QString KpiQueries::responseCondition(const KpiSlice &slice, QDate from, QDate to, QVariantList &values) const
{
    QString condition;
    if (slice.kind == KpiSlice::Kind::Agent) {
        // A response's agent is its own agent field, else the linked official audit's (scoring.md).
        condition = QStringLiteral(
            "coalesce(r.agent_id, (SELECT a.agent_id FROM audits a WHERE a.ticket_id = r.ticket_id AND "
            "a.superseded_by IS NULL ORDER BY a.date DESC, a.id DESC LIMIT 1)) = "
            "(SELECT id FROM agents WHERE agent_key = ?)") + filterCondition(QStringLiteral("r"), true);
    } else {
        condition = where(slice, QStringLiteral("r"));
    }
    values << sliceAndDates(slice, from, to);
    return condition + QStringLiteral(" AND r.day BETWEEN ? AND ?");
}

ResponseSums KpiQueries::responses(const KpiSlice &slice, QDate from, QDate to) const
{
    QVariantList values;
    const QString condition = responseCondition(slice, from, to, values);
    QSqlQuery q = run(m_db,
                      QStringLiteral("SELECT count(*), sum(r.satisfied), sum(r.dissatisfied) FROM csat_responses r "
                                     "WHERE %1")
                          .arg(condition),
                      values);
    ResponseSums s;
    if (q.next()) {
        s.n = q.value(0).toLongLong();
        s.satisfied = q.value(1).toLongLong();
        s.dissatisfied = q.value(2).toLongLong();
    }
    return s;
}

QList<qint64> KpiQueries::responseIds(const KpiSlice &slice, QDate from, QDate to) const
{
    QVariantList values;
    const QString condition = responseCondition(slice, from, to, values);
    QSqlQuery q = run(m_db, QStringLiteral("SELECT r.id FROM csat_responses r WHERE %1 ORDER BY r.id").arg(condition),
                      values);
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

QList<CriterionSums> KpiQueries::criteria(const KpiSlice &slice, QDate from, QDate to) const
{
    QVariantList values = sliceAndDates(slice, from, to);
    QSqlQuery q = run(
        m_db,
        QStringLiteral("SELECT s.name, s.version, c.key, c.name, c.scale_kind, c.scale_min, c.scale_max, "
                       "coalesce(c.options_json, ''), coalesce(c.critical, ''), c.position, count(*), count(n.c), "
                       "sum(n.c), sum(n.c * n.c), sum(n.c >= c.pass_level), sum(n.na) "
                       "FROM audits a JOIN answers n ON n.audit_id = a.id JOIN criteria c ON c.id = n.criterion_id "
                       "JOIN scorecards s ON s.id = a.scorecard_id WHERE %1 AND a.%2 BETWEEN ? AND ? AND %3 "
                       "GROUP BY c.id ORDER BY s.name, s.version, c.position")
            .arg(where(slice, QStringLiteral("a")), m_day, counted(QStringLiteral("a"))),
        values);
    QList<CriterionSums> out;
    QHash<QString, qsizetype> pooled; // versions pool when scale and critical flag are identical
    while (q.next()) {
        const QString poolKey = QStringList{q.value(0).toString(), q.value(2).toString(), q.value(4).toString(),
                                            q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
                                            q.value(8).toString()}
                                    .join(QChar(31));
        qsizetype index = pooled.value(poolKey, -1);
        if (index < 0) {
            CriterionSums c;
            c.scorecard = q.value(0).toString();
            c.key = q.value(2).toString();
            c.name = q.value(3).toString();
            index = out.size();
            pooled.insert(poolKey, index);
            out << c;
        }
        CriterionSums &c = out[index];
        c.name = q.value(3).toString(); // the latest version's name
        c.versions << q.value(1).toInt();
        c.answers += q.value(10).toLongLong();
        c.rated += q.value(11).toLongLong();
        c.cSum += q.value(12).toDouble();
        c.cSquares += q.value(13).toDouble();
        c.passed += q.value(14).toLongLong();
        c.na += q.value(15).toLongLong();
    }
    return out;
}

QList<qint64> KpiQueries::criterionAnswerIds(const KpiSlice &slice, QDate from, QDate to, const QString &scorecard,
                                             const QString &key, const QList<int> &versions, bool ratedOnly) const
{
    QVariantList values = sliceAndDates(slice, from, to);
    values << scorecard << key;
    QStringList numbers;
    for (int v : versions)
        numbers << QString::number(v);
    QSqlQuery q = run(m_db,
                      QStringLiteral("SELECT n.id FROM audits a JOIN answers n ON n.audit_id = a.id "
                                     "JOIN criteria c ON c.id = n.criterion_id JOIN scorecards s ON s.id = a.scorecard_id "
                                     "WHERE %1 AND a.%2 BETWEEN ? AND ? AND %3 AND s.name = ? AND c.key = ? "
                                     "AND s.version IN (%4)%5 ORDER BY n.id")
                          .arg(where(slice, QStringLiteral("a")), m_day, counted(QStringLiteral("a")),
                               numbers.isEmpty() ? QStringLiteral("NULL") : numbers.join(QLatin1Char(',')),
                               ratedOnly ? QStringLiteral(" AND n.c IS NOT NULL") : QString()),
                      values);
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

namespace {

// FROM … WHERE of the failed answers with their root causes in the counted audits of a slice and
// dates (two ? for the dates after the slice's): what rootCauses() counts, rootCauseAnswerIds() lists.
QString failedAnswerCauses(const QString &slice, const QString &day, const QString &counted)
{
    return QStringLiteral("FROM audits a JOIN answers n ON n.audit_id = a.id JOIN criteria c ON c.id = n.criterion_id "
                          "JOIN answer_root_causes x ON x.answer_id = n.id JOIN root_causes r ON r.id = x.root_cause_id "
                          "WHERE %1 AND a.%2 BETWEEN ? AND ? AND %3 AND n.c < c.pass_level")
        .arg(slice, day, counted);
}

} // namespace

QList<RootCauseCount> KpiQueries::rootCauses(const KpiSlice &slice, QDate from, QDate to) const
{
    QVariantList values = sliceAndDates(slice, from, to);
    QSqlQuery q = run(m_db,
                      QStringLiteral("SELECT r.name, count(*) %1 GROUP BY r.id ORDER BY count(*) DESC, r.name")
                          .arg(failedAnswerCauses(where(slice, QStringLiteral("a")), m_day, counted(QStringLiteral("a")))),
                      values);
    QList<RootCauseCount> out;
    while (q.next())
        out << RootCauseCount{q.value(0).toString(), q.value(1).toLongLong()};
    return out;
}

QList<qint64> KpiQueries::rootCauseAnswerIds(const KpiSlice &slice, QDate from, QDate to, const QString &name) const
{
    QVariantList values = sliceAndDates(slice, from, to);
    values << name;
    // The rows rootCauses() counts for this cause: one per failed answer that names it.
    QSqlQuery q = run(m_db,
                      QStringLiteral("SELECT n.id %1 AND r.name = ? ORDER BY n.id")
                          .arg(failedAnswerCauses(where(slice, QStringLiteral("a")), m_day, counted(QStringLiteral("a")))),
                      values);
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

QList<GroupSums> KpiQueries::byAgent(const KpiSlice &slice, QDate from, QDate to) const
{
    QVariantList values = sliceAndDates(slice, from, to);
    QSqlQuery q = run(m_db,
                      QStringLiteral("SELECT g.agent_key, coalesce(g.name, ''), %1 FROM audits a "
                                     "JOIN agents g ON g.id = a.agent_id WHERE %2 AND a.%3 BETWEEN ? AND ? "
                                     "GROUP BY a.agent_id ORDER BY g.agent_key")
                          .arg(sumColumns(counted(QStringLiteral("a"))), where(slice, QStringLiteral("a")), m_day),
                      values);
    QList<GroupSums> out;
    while (q.next())
        out << GroupSums{q.value(0).toString(), q.value(1).toString(), readSums(q, 2)};
    return out;
}

QList<GroupSums> KpiQueries::byAuditor(const KpiSlice &slice, QDate from, QDate to) const
{
    QVariantList values = sliceAndDates(slice, from, to);
    QSqlQuery q = run(m_db,
                      QStringLiteral("SELECT coalesce(u.auditor_key, ''), coalesce(u.name, ''), %1 FROM audits a "
                                     "LEFT JOIN auditors u ON u.id = a.auditor_id WHERE %2 AND a.%3 BETWEEN ? AND ? "
                                     "GROUP BY a.auditor_id ORDER BY u.auditor_key")
                          .arg(sumColumns(counted(QStringLiteral("a"))), where(slice, QStringLiteral("a")), m_day),
                      values);
    QList<GroupSums> out;
    while (q.next())
        out << GroupSums{q.value(0).toString(), q.value(1).toString(), readSums(q, 2)};
    return out;
}

QList<AuditorCell> KpiQueries::auditorCells(const KpiSlice &slice, QDate from, QDate to) const
{
    QVariantList values = sliceAndDates(slice, from, to);
    const QString month = m_day == QLatin1String("i_day") ? QStringLiteral("i_month") : QStringLiteral("month");
    QSqlQuery q = run(m_db,
                      QStringLiteral("SELECT u.auditor_key, coalesce(u.name, ''), g.agent_key, a.%1, "
                                     "coalesce(qu.name, ''), count(*), sum(a.raw_score) FROM audits a "
                                     "JOIN auditors u ON u.id = a.auditor_id JOIN agents g ON g.id = a.agent_id "
                                     "LEFT JOIN queues qu ON qu.id = a.queue_id "
                                     "WHERE %2 AND %3 AND a.raw_score IS NOT NULL AND a.%4 BETWEEN ? AND ? "
                                     "GROUP BY a.auditor_id, a.agent_id, a.%1, a.queue_id "
                                     "ORDER BY u.auditor_key, g.agent_key, a.%1, qu.name")
                          .arg(month, where(slice, QStringLiteral("a")), counted(QStringLiteral("a")), m_day),
                      values);
    QList<AuditorCell> out;
    while (q.next())
        out << AuditorCell{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt(),
                           q.value(4).toString(),  q.value(5).toLongLong(), q.value(6).toDouble()};
    return out;
}

QList<AuditListRow> KpiQueries::auditList(const KpiSlice &slice, QDate from, QDate to) const
{
    QVariantList values = sliceAndDates(slice, from, to);
    QSqlQuery q = run(
        m_db,
        QStringLiteral("SELECT a.id, a.audit_key, a.date, coalesce(a.ticket_id, ''), g.agent_key, coalesce(g.name, ''), "
                       "coalesce(u.name, u.auditor_key, ''), a.sample_type, a.score, a.passed, a.critical_fail, "
                       "a.incomplete, %1, (SELECT r.score FROM csat_responses r WHERE r.ticket_id = a.ticket_id "
                       "ORDER BY r.date DESC, r.id DESC LIMIT 1), "
                       "coalesce(a.critical_families, 0) "
                       "FROM audits a JOIN agents g ON g.id = a.agent_id LEFT JOIN auditors u ON u.id = a.auditor_id "
                       "WHERE %2 AND a.%3 BETWEEN ? AND ? ORDER BY a.date, a.id")
            .arg(counted(QStringLiteral("a")), where(slice, QStringLiteral("a")), m_day),
        values);
    QList<AuditListRow> out;
    while (q.next()) {
        AuditListRow r;
        r.id = q.value(0).toLongLong();
        r.key = q.value(1).toString();
        r.date = QDate::fromString(q.value(2).toString(), Qt::ISODate);
        r.ticketId = q.value(3).toString();
        r.agentKey = q.value(4).toString();
        r.agentName = q.value(5).toString();
        r.auditor = q.value(6).toString();
        r.sampleType = q.value(7).toString();
        if (!q.value(8).isNull())
            r.score = q.value(8).toDouble();
        r.passed = q.value(9).toInt() != 0;
        r.criticalFail = q.value(10).toInt() != 0;
        r.incomplete = q.value(11).toInt() != 0;
        r.counted = q.value(12).toInt() != 0;
        if (!q.value(13).isNull())
            r.csat = q.value(13).toDouble();
        r.criticalFamilies = q.value(14).toInt();
        out << r;
    }
    return out;
}

QString KpiQueries::sliceName(const KpiSlice &slice) const
{
    QString sql;
    switch (slice.kind) {
    case KpiSlice::Kind::All:
        return QObject::tr("All");
    case KpiSlice::Kind::Agent:
        sql = QStringLiteral("SELECT coalesce(name, agent_key) FROM agents WHERE agent_key = ?");
        break;
    case KpiSlice::Kind::Team:
        sql = QStringLiteral("SELECT name FROM teams WHERE name = ?");
        break;
    case KpiSlice::Kind::Site:
        sql = QStringLiteral("SELECT name FROM sites WHERE name = ?");
        break;
    case KpiSlice::Kind::Queue:
        sql = QStringLiteral("SELECT name FROM queues WHERE name = ?");
        break;
    }
    QSqlQuery q = run(m_db, sql, {slice.id});
    return q.next() ? q.value(0).toString() : QString();
}

QString KpiQueries::teamOfAgent(const QString &agentKey, QDate to) const
{
    QSqlQuery q = run(m_db,
                      QStringLiteral("SELECT t.name FROM audits a JOIN teams t ON t.id = a.team_id WHERE a.agent_id = "
                                     "(SELECT id FROM agents WHERE agent_key = ?) AND a.%1 <= ? "
                                     "ORDER BY a.%1 DESC, a.id DESC LIMIT 1")
                          .arg(m_day),
                      {agentKey, to.toJulianDay()});
    return q.next() ? q.value(0).toString() : QString();
}

std::optional<double> KpiQueries::target(const QString &kpi, const QString &team, const QString &queue,
                                         const QString &scorecard, QDate on) const
{
    // The most specific scope that has one: team, then queue, then scorecard, then all; within a
    // scope the latest valid_from on or before the date.
    const QList<QPair<QString, QString>> scopes{{QStringLiteral("team"), team},
                                                {QStringLiteral("queue"), queue},
                                                {QStringLiteral("scorecard"), scorecard},
                                                {QStringLiteral("all"), QString()}};
    for (const auto &[kind, scope] : scopes) {
        if (kind != QLatin1String("all") && scope.isEmpty())
            continue;
        QSqlQuery q = run(m_db,
                          QStringLiteral("SELECT value FROM targets WHERE kpi = ? AND scope_kind = ? AND scope = ? "
                                         "AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1"),
                          {kpi, kind, scope.isEmpty() ? QStringLiteral("") : scope, on.toString(Qt::ISODate)});
        if (q.next())
            return q.value(0).toDouble();
    }
    return std::nullopt;
}

QList<QPair<QString, double>> KpiQueries::scorecards(const KpiSlice &slice, QDate from, QDate to) const
{
    QVariantList values = sliceAndDates(slice, from, to);
    QSqlQuery q = run(m_db,
                      QStringLiteral("SELECT s.name, max(s.pass_threshold) FROM audits a JOIN scorecards s ON s.id = "
                                     "a.scorecard_id WHERE %1 AND a.%2 BETWEEN ? AND ? AND %3 GROUP BY s.name")
                          .arg(where(slice, QStringLiteral("a")), m_day, counted(QStringLiteral("a"))),
                      values);
    QList<QPair<QString, double>> out;
    while (q.next())
        out << qMakePair(q.value(0).toString(), q.value(1).toDouble());
    return out;
}

QList<QPair<QString, QString>> KpiQueries::members(KpiSlice::Kind kind) const
{
    QString sql;
    switch (kind) {
    case KpiSlice::Kind::All:
        return {};
    case KpiSlice::Kind::Agent:
        sql = QStringLiteral("SELECT agent_key, coalesce(name, agent_key) FROM agents ORDER BY name, agent_key");
        break;
    case KpiSlice::Kind::Team:
        sql = QStringLiteral("SELECT name, name FROM teams ORDER BY name");
        break;
    case KpiSlice::Kind::Site:
        sql = QStringLiteral("SELECT name, name FROM sites ORDER BY name");
        break;
    case KpiSlice::Kind::Queue:
        sql = QStringLiteral("SELECT name, name FROM queues ORDER BY name");
        break;
    }
    QSqlQuery q = run(m_db, sql, {});
    QList<QPair<QString, QString>> out;
    while (q.next())
        out << qMakePair(q.value(0).toString(), q.value(1).toString());
    return out;
}

QDate KpiQueries::latestDate() const
{
    QSqlQuery q = run(m_db, QStringLiteral("SELECT max(%1) FROM audits").arg(m_day), {});
    return q.next() && !q.value(0).isNull() ? QDate::fromJulianDay(q.value(0).toLongLong()) : QDate();
}

QList<qint64> KpiQueries::officialAudits(const KpiSlice &slice, QDate from, QDate to, const QString &scorecard) const
{
    QStringList marks;
    for (const QString &type : m_counted)
        marks << QStringLiteral("'%1'").arg(QString(type).remove(QLatin1Char('\'')));
    QVariantList values = sliceAndDates(slice, from, to);
    values << scorecard;
    QSqlQuery q = run(m_db,
                      QStringLiteral("SELECT a.id FROM audits a JOIN scorecards s ON s.id = a.scorecard_id "
                                     "WHERE %1 AND a.%2 BETWEEN ? AND ? AND s.name = ? AND a.superseded_by IS NULL "
                                     "AND a.sample_type IN (%3) ORDER BY a.date, a.id")
                          .arg(where(slice, QStringLiteral("a")), m_day,
                               marks.isEmpty() ? QStringLiteral("''") : marks.join(QLatin1Char(','))),
                      values);
    QList<qint64> out;
    while (q.next())
        out << q.value(0).toLongLong();
    return out;
}

} // namespace ql

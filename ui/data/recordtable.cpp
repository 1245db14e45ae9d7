// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordtable.h"

#include <QCryptographicHash>
#include <QtGlobal>

namespace ql {

namespace {

QString like(const QString &expr)
{
    return QStringLiteral("%1 LIKE ?1 ESCAPE '\\'").arg(expr);
}

// fk IN (the ids of `table` whose name matches): SQLite builds the id set once, so a search on a
// joined name costs one scan of the base table.
QString nameMatch(const QString &fk, const QString &table, const QStringList &nameColumns)
{
    QStringList ors;
    for (const QString &c : nameColumns)
        ors << like(c);
    return QStringLiteral("%1 IN (SELECT id FROM %2 WHERE %3)").arg(fk, table, ors.join(QStringLiteral(" OR ")));
}

const QString agentLabel = QStringLiteral("COALESCE(ag.name, ag.agent_key)");
const QString agentDictionary = QStringLiteral("SELECT id, COALESCE(name, agent_key) FROM agents");
const QString auditorDictionary = QStringLiteral("SELECT id, COALESCE(name, auditor_key) FROM auditors");
const QString scorecardLabel = QStringLiteral("sc.name || ' v' || sc.version");
const QString scorecardDictionary = QStringLiteral("SELECT id, name || ' v' || version FROM scorecards");

QString dictionaryOf(const QString &table)
{
    return QStringLiteral("SELECT id, name FROM %1").arg(table);
}

QString rootCauses(const QString &answerId)
{
    return QStringLiteral("(SELECT group_concat(rc.name, ', ') FROM answer_root_causes arc "
                          "JOIN root_causes rc ON rc.id = arc.root_cause_id WHERE arc.answer_id = %1)")
        .arg(answerId);
}

QString rootCauseMatch(const QString &answerId)
{
    return QStringLiteral("%1 IN (SELECT arc.answer_id FROM answer_root_causes arc JOIN root_causes rc "
                          "ON rc.id = arc.root_cause_id WHERE %2)")
        .arg(answerId, like(QStringLiteral("rc.name")));
}

// The agent's team, site or supervisor as of their latest history row.
QString currentOf(const QString &what, const QString &join)
{
    return QStringLiteral("(SELECT %1 FROM agent_history h %2 WHERE h.agent_id = ag.id "
                          "ORDER BY h.valid_from DESC LIMIT 1)")
        .arg(what, join);
}

RecordTable audits()
{
    RecordTable t;
    t.kind = RecordKind::Audits;
    t.key = QStringLiteral("audits");
    t.title = QT_TRANSLATE_NOOP("ql::RecordTable", "Audits");
    t.noun = QT_TRANSLATE_NOOP("ql::RecordTable", "audits");
    t.idColumn = QStringLiteral("a.id");
    t.idFrom = QStringLiteral("audits a");
    t.from = QStringLiteral("audits a "
                            "LEFT JOIN agents ag ON ag.id = a.agent_id "
                            "LEFT JOIN teams t ON t.id = a.team_id "
                            "LEFT JOIN sites s ON s.id = a.site_id "
                            "LEFT JOIN queues q ON q.id = a.queue_id "
                            "LEFT JOIN channels ch ON ch.id = a.channel_id "
                            "LEFT JOIN auditors au ON au.id = a.auditor_id "
                            "LEFT JOIN scorecards sc ON sc.id = a.scorecard_id");
    const QStringList names{QStringLiteral("name")};
    t.columns = {
        {QStringLiteral("id"), QT_TRANSLATE_NOOP("ql::RecordTable", "ID"), ValueKind::Id, QStringLiteral("a.id"),
         QStringLiteral("a.id"), {}, {}, {}, 7},
        {QStringLiteral("audit_key"), QT_TRANSLATE_NOOP("ql::RecordTable", "Audit"), ValueKind::Text,
         QStringLiteral("a.audit_key"), QStringLiteral("a.audit_key"), {}, {}, like(QStringLiteral("a.audit_key")), 11},
        {QStringLiteral("date"), QT_TRANSLATE_NOOP("ql::RecordTable", "Date"), ValueKind::Date,
         QStringLiteral("a.date"), QStringLiteral("a.day"), {}, {}, {}, 10},
        {QStringLiteral("agent"), QT_TRANSLATE_NOOP("ql::RecordTable", "Agent"), ValueKind::Text, agentLabel,
         QStringLiteral("a.agent_id"), {}, agentDictionary,
         nameMatch(QStringLiteral("a.agent_id"), QStringLiteral("agents"), {QStringLiteral("name"), QStringLiteral("agent_key")}),
         18},
        {QStringLiteral("team"), QT_TRANSLATE_NOOP("ql::RecordTable", "Team"), ValueKind::Text,
         QStringLiteral("t.name"), QStringLiteral("a.team_id"), {}, dictionaryOf(QStringLiteral("teams")),
         nameMatch(QStringLiteral("a.team_id"), QStringLiteral("teams"), names), 11},
        {QStringLiteral("site"), QT_TRANSLATE_NOOP("ql::RecordTable", "Site"), ValueKind::Text,
         QStringLiteral("s.name"), QStringLiteral("a.site_id"), {}, dictionaryOf(QStringLiteral("sites")),
         nameMatch(QStringLiteral("a.site_id"), QStringLiteral("sites"), names), 9},
        {QStringLiteral("queue"), QT_TRANSLATE_NOOP("ql::RecordTable", "Queue"), ValueKind::Text,
         QStringLiteral("q.name"), QStringLiteral("a.queue_id"), {}, dictionaryOf(QStringLiteral("queues")),
         nameMatch(QStringLiteral("a.queue_id"), QStringLiteral("queues"), names), 10},
        {QStringLiteral("channel"), QT_TRANSLATE_NOOP("ql::RecordTable", "Channel"), ValueKind::Text,
         QStringLiteral("ch.name"), QStringLiteral("a.channel_id"), {}, dictionaryOf(QStringLiteral("channels")),
         nameMatch(QStringLiteral("a.channel_id"), QStringLiteral("channels"), names), 8},
        {QStringLiteral("auditor"), QT_TRANSLATE_NOOP("ql::RecordTable", "Auditor"), ValueKind::Text,
         QStringLiteral("COALESCE(au.name, au.auditor_key)"), QStringLiteral("a.auditor_id"), {}, auditorDictionary,
         nameMatch(QStringLiteral("a.auditor_id"), QStringLiteral("auditors"), {QStringLiteral("name"), QStringLiteral("auditor_key")}),
         14},
        {QStringLiteral("scorecard"), QT_TRANSLATE_NOOP("ql::RecordTable", "Scorecard"), ValueKind::Text,
         scorecardLabel, QStringLiteral("a.scorecard_id"), {}, scorecardDictionary,
         nameMatch(QStringLiteral("a.scorecard_id"), QStringLiteral("scorecards"), names), 13},
        {QStringLiteral("sample_type"), QT_TRANSLATE_NOOP("ql::RecordTable", "Sample"), ValueKind::Code,
         QStringLiteral("a.sample_type"), QStringLiteral("a.sample_type"), {}, {}, like(QStringLiteral("a.sample_type")), 10},
        {QStringLiteral("score"), QT_TRANSLATE_NOOP("ql::RecordTable", "Score"), ValueKind::Score,
         QStringLiteral("a.score"), QStringLiteral("a.score"), {}, {}, {}, 7},
        {QStringLiteral("passed"), QT_TRANSLATE_NOOP("ql::RecordTable", "Passed"), ValueKind::Flag,
         QStringLiteral("a.passed"), QStringLiteral("a.passed"), {}, {}, {}, 7},
        {QStringLiteral("critical_fail"), QT_TRANSLATE_NOOP("ql::RecordTable", "Critical"), ValueKind::Flag,
         QStringLiteral("a.critical_fail"), QStringLiteral("a.critical_fail"), {}, {}, {}, 7},
        {QStringLiteral("ticket_id"), QT_TRANSLATE_NOOP("ql::RecordTable", "Ticket"), ValueKind::Text,
         QStringLiteral("a.ticket_id"), QStringLiteral("a.ticket_id"), {}, {}, like(QStringLiteral("a.ticket_id")), 11},
        {QStringLiteral("comment"), QT_TRANSLATE_NOOP("ql::RecordTable", "Comment"), ValueKind::Text,
         QStringLiteral("a.comment"), QStringLiteral("a.comment"), {}, {}, like(QStringLiteral("a.comment")), 40},
    };
    return t;
}

RecordTable answers()
{
    RecordTable t;
    t.kind = RecordKind::Answers;
    t.key = QStringLiteral("answers");
    t.title = QT_TRANSLATE_NOOP("ql::RecordTable", "Answers");
    t.noun = QT_TRANSLATE_NOOP("ql::RecordTable", "answers");
    t.idColumn = QStringLiteral("an.id");
    t.idFrom = QStringLiteral("answers an");
    t.from = QStringLiteral("answers an "
                            "JOIN audits a ON a.id = an.audit_id "
                            "LEFT JOIN agents ag ON ag.id = a.agent_id "
                            "LEFT JOIN teams t ON t.id = a.team_id "
                            "LEFT JOIN criteria cr ON cr.id = an.criterion_id");
    // Audit-level columns sort through a dictionary keyed by audit id: one pass over the audits
    // instead of a join per answer.
    auto perAudit = [](const QString &value, const QString &join = QString()) {
        return QStringLiteral("SELECT a.id, %1 FROM audits a %2").arg(value, join);
    };
    auto auditMatch = [](const QString &predicate) {
        return QStringLiteral("an.audit_id IN (SELECT a.id FROM audits a WHERE %1)").arg(predicate);
    };
    t.columns = {
        {QStringLiteral("id"), QT_TRANSLATE_NOOP("ql::RecordTable", "ID"), ValueKind::Id, QStringLiteral("an.id"),
         QStringLiteral("an.id"), {}, {}, {}, 8},
        {QStringLiteral("audit_key"), QT_TRANSLATE_NOOP("ql::RecordTable", "Audit"), ValueKind::Text,
         QStringLiteral("a.audit_key"), QStringLiteral("an.audit_id"), {}, perAudit(QStringLiteral("a.audit_key")),
         auditMatch(like(QStringLiteral("a.audit_key"))), 11},
        {QStringLiteral("date"), QT_TRANSLATE_NOOP("ql::RecordTable", "Date"), ValueKind::Date,
         QStringLiteral("a.date"), QStringLiteral("an.audit_id"), {}, perAudit(QStringLiteral("a.day")), {}, 10},
        {QStringLiteral("agent"), QT_TRANSLATE_NOOP("ql::RecordTable", "Agent"), ValueKind::Text, agentLabel,
         QStringLiteral("an.audit_id"), {},
         perAudit(agentLabel, QStringLiteral("LEFT JOIN agents ag ON ag.id = a.agent_id")),
         auditMatch(nameMatch(QStringLiteral("a.agent_id"), QStringLiteral("agents"),
                              {QStringLiteral("name"), QStringLiteral("agent_key")})),
         18},
        {QStringLiteral("team"), QT_TRANSLATE_NOOP("ql::RecordTable", "Team"), ValueKind::Text,
         QStringLiteral("t.name"), QStringLiteral("an.audit_id"), {},
         perAudit(QStringLiteral("t.name"), QStringLiteral("LEFT JOIN teams t ON t.id = a.team_id")),
         auditMatch(nameMatch(QStringLiteral("a.team_id"), QStringLiteral("teams"), {QStringLiteral("name")})), 11},
        {QStringLiteral("criterion"), QT_TRANSLATE_NOOP("ql::RecordTable", "Criterion"), ValueKind::Text,
         QStringLiteral("cr.name"), QStringLiteral("an.criterion_id"), {}, dictionaryOf(QStringLiteral("criteria")),
         nameMatch(QStringLiteral("an.criterion_id"), QStringLiteral("criteria"), {QStringLiteral("name"), QStringLiteral("key")}),
         32},
        {QStringLiteral("value"), QT_TRANSLATE_NOOP("ql::RecordTable", "Value"), ValueKind::Number,
         QStringLiteral("COALESCE(an.option_label, an.value)"), QStringLiteral("an.value"), {}, {}, {}, 8},
        {QStringLiteral("c"), QT_TRANSLATE_NOOP("ql::RecordTable", "c"), ValueKind::Ratio, QStringLiteral("an.c"),
         QStringLiteral("an.c"), {}, {}, {}, 6},
        {QStringLiteral("na"), QT_TRANSLATE_NOOP("ql::RecordTable", "N/A"), ValueKind::Flag, QStringLiteral("an.na"),
         QStringLiteral("an.na"), {}, {}, {}, 6},
        {QStringLiteral("root_causes"), QT_TRANSLATE_NOOP("ql::RecordTable", "Root causes"), ValueKind::Text,
         rootCauses(QStringLiteral("an.id")), rootCauses(QStringLiteral("an.id")), {}, {},
         rootCauseMatch(QStringLiteral("an.id")), 20},
        {QStringLiteral("comment"), QT_TRANSLATE_NOOP("ql::RecordTable", "Comment"), ValueKind::Text,
         QStringLiteral("an.comment"), QStringLiteral("an.comment"), {}, {}, like(QStringLiteral("an.comment")), 40},
    };
    return t;
}

RecordTable auditAnswers()
{
    RecordTable t;
    t.kind = RecordKind::AuditAnswers;
    t.key = QStringLiteral("audit-answers");
    t.title = QT_TRANSLATE_NOOP("ql::RecordTable", "Answers");
    t.noun = QT_TRANSLATE_NOOP("ql::RecordTable", "answers");
    t.idColumn = QStringLiteral("an.id");
    t.idFrom = QStringLiteral("answers an LEFT JOIN criteria cr ON cr.id = an.criterion_id");
    t.from = QStringLiteral("answers an "
                            "LEFT JOIN criteria cr ON cr.id = an.criterion_id "
                            "LEFT JOIN scorecard_sections sec ON sec.id = cr.section_id");
    t.naturalOrder = QStringLiteral("cr.position, an.id");
    t.parentColumn = QStringLiteral("an.audit_id");
    t.columns = {
        {QStringLiteral("section"), QT_TRANSLATE_NOOP("ql::RecordTable", "Section"), ValueKind::Text,
         QStringLiteral("sec.name"), QStringLiteral("cr.section_id"), {}, dictionaryOf(QStringLiteral("scorecard_sections")),
         {}, 20},
        {QStringLiteral("criterion"), QT_TRANSLATE_NOOP("ql::RecordTable", "Criterion"), ValueKind::Text,
         QStringLiteral("cr.name"), QStringLiteral("cr.position"), {}, {}, {}, 32},
        {QStringLiteral("value"), QT_TRANSLATE_NOOP("ql::RecordTable", "Value"), ValueKind::Number,
         QStringLiteral("COALESCE(an.option_label, an.value)"), QStringLiteral("an.value"), {}, {}, {}, 9},
        {QStringLiteral("c"), QT_TRANSLATE_NOOP("ql::RecordTable", "c"), ValueKind::Ratio, QStringLiteral("an.c"),
         QStringLiteral("an.c"), {}, {}, {}, 6},
        {QStringLiteral("na"), QT_TRANSLATE_NOOP("ql::RecordTable", "N/A"), ValueKind::Flag, QStringLiteral("an.na"),
         QStringLiteral("an.na"), {}, {}, {}, 6},
        {QStringLiteral("critical"), QT_TRANSLATE_NOOP("ql::RecordTable", "Critical"), ValueKind::Code,
         QStringLiteral("cr.critical"), QStringLiteral("cr.critical"), {}, {}, {}, 10},
        {QStringLiteral("root_causes"), QT_TRANSLATE_NOOP("ql::RecordTable", "Root causes"), ValueKind::Text,
         rootCauses(QStringLiteral("an.id")), rootCauses(QStringLiteral("an.id")), {}, {}, {}, 22},
        {QStringLiteral("comment"), QT_TRANSLATE_NOOP("ql::RecordTable", "Comment"), ValueKind::Text,
         QStringLiteral("an.comment"), QStringLiteral("an.comment"), {}, {}, {}, 40},
    };
    return t;
}

RecordTable csatResponses()
{
    RecordTable t;
    t.kind = RecordKind::CsatResponses;
    t.key = QStringLiteral("csat");
    t.title = QT_TRANSLATE_NOOP("ql::RecordTable", "CSAT responses");
    t.noun = QT_TRANSLATE_NOOP("ql::RecordTable", "CSAT responses");
    t.idColumn = QStringLiteral("r.id");
    t.idFrom = QStringLiteral("csat_responses r");
    t.from = QStringLiteral("csat_responses r "
                            "LEFT JOIN agents ag ON ag.id = r.agent_id "
                            "LEFT JOIN teams t ON t.id = r.team_id "
                            "LEFT JOIN queues q ON q.id = r.queue_id "
                            "LEFT JOIN channels ch ON ch.id = r.channel_id");
    const QStringList names{QStringLiteral("name")};
    t.columns = {
        {QStringLiteral("id"), QT_TRANSLATE_NOOP("ql::RecordTable", "ID"), ValueKind::Id, QStringLiteral("r.id"),
         QStringLiteral("r.id"), {}, {}, {}, 7},
        {QStringLiteral("response_key"), QT_TRANSLATE_NOOP("ql::RecordTable", "Response"), ValueKind::Text,
         QStringLiteral("r.response_key"), QStringLiteral("r.response_key"), {}, {}, like(QStringLiteral("r.response_key")), 11},
        {QStringLiteral("date"), QT_TRANSLATE_NOOP("ql::RecordTable", "Date"), ValueKind::Date,
         QStringLiteral("r.date"), QStringLiteral("r.day"), {}, {}, {}, 10},
        {QStringLiteral("ticket_id"), QT_TRANSLATE_NOOP("ql::RecordTable", "Ticket"), ValueKind::Text,
         QStringLiteral("r.ticket_id"), QStringLiteral("r.ticket_id"), {}, {}, like(QStringLiteral("r.ticket_id")), 11},
        {QStringLiteral("score"), QT_TRANSLATE_NOOP("ql::RecordTable", "Score"), ValueKind::Number,
         QStringLiteral("r.score"), QStringLiteral("r.score"), {}, {}, {}, 6},
        {QStringLiteral("score_label"), QT_TRANSLATE_NOOP("ql::RecordTable", "Answer"), ValueKind::Text,
         QStringLiteral("r.score_label"), QStringLiteral("r.score_label"), {}, {}, like(QStringLiteral("r.score_label")), 12},
        {QStringLiteral("scale"), QT_TRANSLATE_NOOP("ql::RecordTable", "Scale"), ValueKind::Text,
         QStringLiteral("r.scale"), QStringLiteral("r.scale"), {}, {}, {}, 7},
        {QStringLiteral("satisfied"), QT_TRANSLATE_NOOP("ql::RecordTable", "Satisfied"), ValueKind::Flag,
         QStringLiteral("r.satisfied"), QStringLiteral("r.satisfied"), {}, {}, {}, 8},
        {QStringLiteral("dissatisfied"), QT_TRANSLATE_NOOP("ql::RecordTable", "Dissatisfied"), ValueKind::Flag,
         QStringLiteral("r.dissatisfied"), QStringLiteral("r.dissatisfied"), {}, {}, {}, 9},
        {QStringLiteral("agent"), QT_TRANSLATE_NOOP("ql::RecordTable", "Agent"), ValueKind::Text, agentLabel,
         QStringLiteral("r.agent_id"), {}, agentDictionary,
         nameMatch(QStringLiteral("r.agent_id"), QStringLiteral("agents"), {QStringLiteral("name"), QStringLiteral("agent_key")}),
         18},
        {QStringLiteral("team"), QT_TRANSLATE_NOOP("ql::RecordTable", "Team"), ValueKind::Text,
         QStringLiteral("t.name"), QStringLiteral("r.team_id"), {}, dictionaryOf(QStringLiteral("teams")),
         nameMatch(QStringLiteral("r.team_id"), QStringLiteral("teams"), names), 11},
        {QStringLiteral("queue"), QT_TRANSLATE_NOOP("ql::RecordTable", "Queue"), ValueKind::Text,
         QStringLiteral("q.name"), QStringLiteral("r.queue_id"), {}, dictionaryOf(QStringLiteral("queues")),
         nameMatch(QStringLiteral("r.queue_id"), QStringLiteral("queues"), names), 10},
        {QStringLiteral("channel"), QT_TRANSLATE_NOOP("ql::RecordTable", "Channel"), ValueKind::Text,
         QStringLiteral("ch.name"), QStringLiteral("r.channel_id"), {}, dictionaryOf(QStringLiteral("channels")),
         nameMatch(QStringLiteral("r.channel_id"), QStringLiteral("channels"), names), 8},
        {QStringLiteral("reason"), QT_TRANSLATE_NOOP("ql::RecordTable", "Reason"), ValueKind::Text,
         QStringLiteral("r.reason"), QStringLiteral("r.reason"), {}, {}, like(QStringLiteral("r.reason")), 16},
        {QStringLiteral("comment"), QT_TRANSLATE_NOOP("ql::RecordTable", "Comment"), ValueKind::Text,
         QStringLiteral("r.comment"), QStringLiteral("r.comment"), {}, {}, like(QStringLiteral("r.comment")), 40},
    };
    return t;
}

RecordTable agents()
{
    RecordTable t;
    t.kind = RecordKind::Agents;
    t.key = QStringLiteral("agents");
    t.title = QT_TRANSLATE_NOOP("ql::RecordTable", "Agents");
    t.noun = QT_TRANSLATE_NOOP("ql::RecordTable", "agents");
    t.idColumn = QStringLiteral("ag.id");
    t.idFrom = QStringLiteral("agents ag");
    t.from = QStringLiteral("agents ag");
    const QString team = currentOf(QStringLiteral("t.name"), QStringLiteral("LEFT JOIN teams t ON t.id = h.team_id"));
    const QString site = currentOf(QStringLiteral("s.name"), QStringLiteral("LEFT JOIN sites s ON s.id = h.site_id"));
    const QString supervisor = currentOf(QStringLiteral("h.supervisor"), QString());
    const QString audits = QStringLiteral("(SELECT count(*) FROM audits x WHERE x.agent_id = ag.id)");
    t.columns = {
        {QStringLiteral("id"), QT_TRANSLATE_NOOP("ql::RecordTable", "ID"), ValueKind::Id, QStringLiteral("ag.id"),
         QStringLiteral("ag.id"), {}, {}, {}, 6},
        {QStringLiteral("agent_key"), QT_TRANSLATE_NOOP("ql::RecordTable", "Agent ID"), ValueKind::Text,
         QStringLiteral("ag.agent_key"), QStringLiteral("ag.agent_key"), {}, {}, like(QStringLiteral("ag.agent_key")), 11},
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("ql::RecordTable", "Name"), ValueKind::Text,
         QStringLiteral("ag.name"), QStringLiteral("ag.name"), {}, {}, like(QStringLiteral("ag.name")), 20},
        {QStringLiteral("team"), QT_TRANSLATE_NOOP("ql::RecordTable", "Team"), ValueKind::Text, team, team, {}, {},
         like(team), 11},
        {QStringLiteral("site"), QT_TRANSLATE_NOOP("ql::RecordTable", "Site"), ValueKind::Text, site, site, {}, {},
         like(site), 9},
        {QStringLiteral("supervisor"), QT_TRANSLATE_NOOP("ql::RecordTable", "Supervisor"), ValueKind::Text, supervisor,
         supervisor, {}, {}, like(supervisor), 16},
        {QStringLiteral("hire_date"), QT_TRANSLATE_NOOP("ql::RecordTable", "Hired"), ValueKind::Date,
         QStringLiteral("ag.hire_date"), QStringLiteral("ag.hire_date"), {}, {}, {}, 10},
        {QStringLiteral("active"), QT_TRANSLATE_NOOP("ql::RecordTable", "Active"), ValueKind::Flag,
         QStringLiteral("ag.active"), QStringLiteral("ag.active"), {}, {}, {}, 7},
        {QStringLiteral("audits"), QT_TRANSLATE_NOOP("ql::RecordTable", "Audits"), ValueKind::Count, audits, audits,
         {}, {}, {}, 8},
    };
    return t;
}

} // namespace

int RecordTable::columnIndex(const QString &columnKey) const
{
    for (int i = 0; i < columns.size(); ++i)
        if (columns.at(i).key == columnKey)
            return i;
    return -1;
}

QString RecordTable::signature() const
{
    QStringList keys;
    for (const RecordColumn &c : columns)
        keys << c.key;
    return QString::fromLatin1(QCryptographicHash::hash(keys.join(QLatin1Char(',')).toUtf8(), QCryptographicHash::Md5)
                                   .toHex()
                                   .left(8));
}

const RecordTable &RecordTable::get(RecordKind kind)
{
    static const RecordTable tables[] = {audits(), answers(), csatResponses(), agents(), auditAnswers()};
    return tables[static_cast<int>(kind)];
}

} // namespace ql

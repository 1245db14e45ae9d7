// SPDX-License-Identifier: GPL-3.0-or-later
#include "demowriter.h"

#include <sqlite3.h>

namespace ql {

DemoWriter::DemoWriter(sqlite3 *db) : m_db(db) {}

bool DemoWriter::exec(const char *sql)
{
    if (!ok())
        return false;
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        m_error = QString::fromUtf8(message ? message : sqlite3_errmsg(m_db));
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool DemoWriter::prepare()
{
    static const char *const nameSql[NameTableCount] = {
        "INSERT INTO sites(id, name) VALUES (?1, ?2)",       "INSERT INTO teams(id, name) VALUES (?1, ?2)",
        "INSERT INTO queues(id, name) VALUES (?1, ?2)",      "INSERT INTO channels(id, name) VALUES (?1, ?2)",
        "INSERT INTO root_causes(id, name) VALUES (?1, ?2)", "INSERT INTO custom_dimensions(id, name) VALUES (?1, ?2)",
    };
    for (int t = 0; t < NameTableCount; ++t)
        if (!m_names[t].prepare(m_db, nameSql[t], &m_error))
            return false;

    const struct
    {
        DemoStatement *statement;
        const char *sql;
    } all[] = {
        {&m_importLog, "INSERT INTO import_log(id, at, who, file_name, file_size, sha256, kind, source, mapping_json) "
                       "VALUES (?1, ?2, ?3, ?4, 0, ?5, 'demo', 'demo', ?6)"},
        {&m_importCounts,
         "UPDATE import_log SET inserted = ?2, rows_read = ?3, agents_created = ?4, masked = ?5 WHERE id = ?1"},
        {&m_changeLog,
         "INSERT INTO change_log(id, at, who, entity, entity_id, field, old_value, new_value, reason, import_id) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"},
        {&m_setting, "INSERT INTO settings(key, value) VALUES (?1, ?2) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value"},
        {&m_agent, "INSERT INTO agents(id, agent_key, name, hire_date, active, created_at, import_id) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
        {&m_alias, "INSERT INTO agent_aliases(alias, agent_id) VALUES (?1, ?2)"},
        {&m_history, "INSERT INTO agent_history(id, agent_id, valid_from, team_id, site_id, supervisor, import_id) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
        {&m_auditor, "INSERT INTO auditors(id, auditor_key, name) VALUES (?1, ?2, ?3)"},
        {&m_superseded, "UPDATE audits SET superseded_by = ?2 WHERE id = ?1"},
        {&m_interaction, "INSERT INTO interactions(id, source, ticket_id, channel_id, date, transcript, import_id) "
                         "VALUES (?1, 'demo', ?2, ?3, ?4, ?5, ?6)"},
        {&m_session,
         "INSERT INTO calibration_sessions(id, title, date, state, scorecard_id, lead, draw_json, created_at, "
         "closed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
        {&m_participant,
         "INSERT INTO calibration_participants(id, session_id, name, auditor_id, is_expert, submitted_at) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
        {&m_item, "INSERT INTO calibration_items(id, session_id, position, ticket_id, interaction_id, audit_id, notes) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
        {&m_calibrationAnswer, "INSERT INTO calibration_answers(id, item_id, participant_id, criterion_id, value, "
                               "option_label, na, c, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
        {&m_consensus, "INSERT INTO calibration_consensus(item_id, criterion_id, value, option_label, na, c, note) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
        {&m_anchor, "INSERT INTO anchor_examples(id, criterion_id, item_id, value, option_label, na, note, created_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
        {&m_dispute,
         "INSERT INTO disputes(id, audit_id, opened_at, opened_by, opener_role, comment, state, decided_at, "
         "decided_by, decision_comment, reaudit_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"},
        {&m_disputeCriterion, "INSERT INTO dispute_criteria(dispute_id, criterion_id) VALUES (?1, ?2)"},
        {&m_target,
         "INSERT INTO targets(id, kpi, scope_kind, scope, valid_from, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
        {&m_savedView, "INSERT INTO saved_views(id, kind, name, spec_json, created_at, updated_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?5)"},
    };
    for (const auto &s : all)
        if (!s.statement->prepare(m_db, s.sql, &m_error))
            return false;
    // The big tables: multi-row inserts (demobatch.h), 200 rows at a time, 64 for the wide ones.
    return m_audit.prepare(
               m_db,
               "INSERT INTO audits(id, source, audit_key, ticket_id, date, interaction_date, day, week, month, "
               "quarter, i_day, i_week, i_month, i_quarter, agent_id, auditor_id, team_id, site_id, supervisor, "
               "queue_id, channel_id, sample_type, scorecard_id, score, raw_score, passed, critical_fail, "
               "critical_families, incomplete, comment, import_id)",
               31, &m_error, 64) &&
           m_csat.prepare(
               m_db,
               "INSERT INTO csat_responses(id, source, response_key, ticket_id, date, day, week, month, quarter, "
               "score, scale, satisfied, dissatisfied, agent_id, team_id, site_id, supervisor, queue_id, "
               "channel_id, reason, comment, import_id)",
               22, &m_error, 64) &&
           m_answer.prepare(m_db,
                            "INSERT INTO answers(id, audit_id, criterion_id, value, option_label, na, c, comment)", 8,
                            &m_error) &&
           m_answerRootCause.prepare(m_db, "INSERT INTO answer_root_causes(answer_id, root_cause_id)", 2, &m_error) &&
           m_auditDimension.prepare(m_db, "INSERT INTO audit_dimensions(audit_id, dimension_id, value)", 3, &m_error) &&
           m_csatDimension.prepare(m_db, "INSERT INTO csat_dimensions(response_id, dimension_id, value)", 3, &m_error);
}

bool DemoWriter::flush()
{
    return m_audit.flush() && m_csat.flush() && m_answer.flush() && m_answerRootCause.flush() &&
           m_auditDimension.flush() && m_csatDimension.flush() && ok();
}

void DemoWriter::bindId(DemoStatement &s, int i, qint64 id)
{
    if (id > 0)
        s.bind(i, id);
    else
        s.bindNull(i);
}

bool DemoWriter::importLog(qint64 id, const QString &at, const QString &who, const QString &fileName,
                           const QString &sha256, const QString &mappingJson)
{
    DemoStatement &s = m_importLog;
    s.bind(1, id);
    s.bind(2, at);
    s.bind(3, who);
    s.bind(4, fileName);
    s.bind(5, sha256);
    s.bind(6, mappingJson);
    return s.run();
}

bool DemoWriter::importCounts(qint64 id, qint64 inserted, qint64 rowsRead, qint64 agentsCreated, qint64 masked)
{
    DemoStatement &s = m_importCounts;
    s.bind(1, id);
    s.bind(2, inserted);
    s.bind(3, rowsRead);
    s.bind(4, agentsCreated);
    s.bind(5, masked);
    return s.run();
}

bool DemoWriter::changeLog(qint64 id, const QString &at, const QString &who, const QString &entity,
                           const QString &entityId, const QString &field, const QString &oldValue,
                           const QString &newValue, const QString &reason, qint64 importId)
{
    DemoStatement &s = m_changeLog;
    s.bind(1, id);
    s.bind(2, at);
    s.bind(3, who);
    s.bind(4, entity);
    s.bind(5, entityId);
    s.bind(6, field);
    s.bind(7, oldValue);
    s.bind(8, newValue);
    s.bind(9, reason);
    bindId(s, 10, importId);
    return s.run();
}

bool DemoWriter::setting(const QString &key, const QString &value)
{
    m_setting.bind(1, key);
    m_setting.bind(2, value);
    return m_setting.run();
}

bool DemoWriter::name(NameTable table, qint64 id, const QString &name)
{
    DemoStatement &s = m_names[table];
    s.bind(1, id);
    s.bind(2, name);
    return s.run();
}

bool DemoWriter::agent(qint64 id, const QByteArray &key, const QString &name, const char *hireDate, bool active,
                       const QString &createdAt, qint64 importId)
{
    DemoStatement &s = m_agent;
    s.bind(1, id);
    s.bind(2, key);
    s.bind(3, name);
    s.bind(4, hireDate);
    s.bind(5, active);
    s.bind(6, createdAt);
    bindId(s, 7, importId);
    return s.run();
}

bool DemoWriter::alias(const QString &alias, qint64 agentId)
{
    m_alias.bind(1, alias);
    m_alias.bind(2, agentId);
    return m_alias.run();
}

bool DemoWriter::history(qint64 id, qint64 agentId, const char *validFrom, qint64 teamId, qint64 siteId,
                         const QString &supervisor, qint64 importId)
{
    DemoStatement &s = m_history;
    s.bind(1, id);
    s.bind(2, agentId);
    s.bind(3, validFrom);
    bindId(s, 4, teamId);
    bindId(s, 5, siteId);
    s.bind(6, supervisor);
    bindId(s, 7, importId);
    return s.run();
}

bool DemoWriter::auditor(qint64 id, const QString &key, const QString &name)
{
    m_auditor.bind(1, id);
    m_auditor.bind(2, key);
    m_auditor.bind(3, name);
    return m_auditor.run();
}

void DemoWriter::addId(DemoBatch &b, qint64 id)
{
    if (id > 0)
        b.add(id);
    else
        b.addNull();
}

bool DemoWriter::audit(const Audit &a)
{
    DemoBatch &b = m_audit;
    b.row();
    b.add(a.id);
    b.add("demo");
    b.addCopy(a.key);
    b.addCopy(a.ticket);
    b.add(a.date);
    b.add(a.interactionDate);
    b.add(a.keys->day);
    b.add(a.keys->week);
    b.add(a.keys->month);
    b.add(a.keys->quarter);
    if (a.interactionKeys) {
        b.add(a.interactionKeys->day);
        b.add(a.interactionKeys->week);
        b.add(a.interactionKeys->month);
        b.add(a.interactionKeys->quarter);
    } else {
        for (int i = 0; i < 4; ++i)
            b.addNull();
    }
    b.add(a.agentId);
    addId(b, a.auditorId);
    addId(b, a.teamId);
    addId(b, a.siteId);
    b.add(a.supervisor ? a.supervisor->constData() : nullptr);
    addId(b, a.queueId);
    addId(b, a.channelId);
    b.add(a.sampleType);
    b.add(a.scorecardId);
    b.add(a.score->score);
    b.add(a.score->rawScore);
    b.add(a.score->passed);
    b.add(a.score->criticalFail);
    b.add(int(a.score->failedFamilies));
    b.add(a.score->incomplete);
    b.add(a.comment);
    addId(b, a.importId);
    return ok();
}

bool DemoWriter::answer(const Answer &a)
{
    DemoBatch &b = m_answer;
    b.row();
    b.add(a.id);
    b.add(a.auditId);
    b.add(a.criterionId);
    b.add(a.value);
    b.add(a.optionLabel);
    b.add(!a.value.has_value());
    b.add(a.c);
    b.add(a.comment);
    return ok();
}

bool DemoWriter::answerRootCause(qint64 answerId, qint64 rootCauseId)
{
    m_answerRootCause.row();
    m_answerRootCause.add(answerId);
    m_answerRootCause.add(rootCauseId);
    return ok();
}

bool DemoWriter::auditDimension(qint64 auditId, qint64 dimensionId, const char *value)
{
    m_auditDimension.row();
    m_auditDimension.add(auditId);
    m_auditDimension.add(dimensionId);
    m_auditDimension.add(value);
    return ok();
}

bool DemoWriter::superseded(qint64 auditId, qint64 byAuditId)
{
    m_superseded.bind(1, auditId);
    m_superseded.bind(2, byAuditId);
    return m_superseded.run();
}

bool DemoWriter::csat(const Csat &r)
{
    DemoBatch &b = m_csat;
    b.row();
    b.add(r.id);
    b.add("demo");
    b.addCopy(r.key);
    b.addCopy(r.ticket);
    b.add(r.date);
    b.add(r.keys->day);
    b.add(r.keys->week);
    b.add(r.keys->month);
    b.add(r.keys->quarter);
    b.add(double(r.score));
    b.add("1-5");
    b.add(r.satisfied);
    b.add(r.dissatisfied);
    addId(b, r.agentId);
    addId(b, r.teamId);
    addId(b, r.siteId);
    b.add(r.supervisor ? r.supervisor->constData() : nullptr);
    addId(b, r.queueId);
    addId(b, r.channelId);
    b.add(r.reason);
    b.add(r.comment);
    addId(b, r.importId);
    return ok();
}

bool DemoWriter::csatDimension(qint64 responseId, qint64 dimensionId, const char *value)
{
    m_csatDimension.row();
    m_csatDimension.add(responseId);
    m_csatDimension.add(dimensionId);
    m_csatDimension.add(value);
    return ok();
}

bool DemoWriter::interaction(qint64 id, const char *ticket, qint64 channelId, const char *date,
                             const QString &transcript, qint64 importId)
{
    DemoStatement &s = m_interaction;
    s.bind(1, id);
    s.bind(2, ticket);
    bindId(s, 3, channelId);
    s.bind(4, date);
    s.bind(5, transcript);
    bindId(s, 6, importId);
    return s.run();
}

bool DemoWriter::calibrationSession(qint64 id, const QString &title, const char *date, const char *state,
                                    qint64 scorecardId, const QString &lead, const QString &drawJson,
                                    const QString &createdAt, const QString &closedAt)
{
    DemoStatement &s = m_session;
    s.bind(1, id);
    s.bind(2, title);
    s.bind(3, date);
    s.bind(4, state);
    s.bind(5, scorecardId);
    s.bind(6, lead);
    s.bind(7, drawJson);
    s.bind(8, createdAt);
    s.bind(9, closedAt);
    return s.run();
}

bool DemoWriter::calibrationParticipant(qint64 id, qint64 sessionId, const QString &name, qint64 auditorId, bool expert,
                                        const QString &submittedAt)
{
    DemoStatement &s = m_participant;
    s.bind(1, id);
    s.bind(2, sessionId);
    s.bind(3, name);
    bindId(s, 4, auditorId);
    s.bind(5, expert);
    s.bind(6, submittedAt);
    return s.run();
}

bool DemoWriter::calibrationItem(qint64 id, qint64 sessionId, int position, const char *ticket, qint64 interactionId,
                                 qint64 auditId, const QString &notes)
{
    DemoStatement &s = m_item;
    s.bind(1, id);
    s.bind(2, sessionId);
    s.bind(3, position);
    s.bind(4, ticket);
    bindId(s, 5, interactionId);
    bindId(s, 6, auditId);
    s.bind(7, notes);
    return s.run();
}

bool DemoWriter::calibrationAnswer(qint64 id, const CalibrationAnswer &a)
{
    DemoStatement &s = m_calibrationAnswer;
    s.bind(1, id);
    s.bind(2, a.itemId);
    s.bind(3, a.participantId);
    s.bind(4, a.criterionId);
    s.bind(5, a.value);
    s.bind(6, a.optionLabel);
    s.bind(7, !a.value.has_value());
    s.bind(8, a.c);
    s.bind(9, a.text);
    return s.run();
}

bool DemoWriter::calibrationConsensus(const CalibrationAnswer &a)
{
    DemoStatement &s = m_consensus;
    s.bind(1, a.itemId);
    s.bind(2, a.criterionId);
    s.bind(3, a.value);
    s.bind(4, a.optionLabel);
    s.bind(5, !a.value.has_value());
    s.bind(6, a.c);
    s.bind(7, a.text);
    return s.run();
}

bool DemoWriter::anchorExample(qint64 id, qint64 criterionId, qint64 itemId, const CalibrationAnswer &a,
                               const QString &createdAt)
{
    DemoStatement &s = m_anchor;
    s.bind(1, id);
    s.bind(2, criterionId);
    bindId(s, 3, itemId);
    s.bind(4, a.value);
    s.bind(5, a.optionLabel);
    s.bind(6, !a.value.has_value());
    s.bind(7, a.text);
    s.bind(8, createdAt);
    return s.run();
}

bool DemoWriter::dispute(qint64 id, qint64 auditId, const QString &openedAt, const QString &openedBy,
                         const char *openerRole, const char *comment, const char *state, const QString &decidedAt,
                         const QString &decidedBy, const char *decisionComment, qint64 reauditId)
{
    DemoStatement &s = m_dispute;
    s.bind(1, id);
    s.bind(2, auditId);
    s.bind(3, openedAt);
    s.bind(4, openedBy);
    s.bind(5, openerRole);
    s.bind(6, comment);
    s.bind(7, state);
    s.bind(8, decidedAt);
    s.bind(9, decidedBy);
    s.bind(10, decisionComment);
    bindId(s, 11, reauditId);
    return s.run();
}

bool DemoWriter::disputeCriterion(qint64 disputeId, qint64 criterionId)
{
    m_disputeCriterion.bind(1, disputeId);
    m_disputeCriterion.bind(2, criterionId);
    return m_disputeCriterion.run();
}

bool DemoWriter::target(qint64 id, const char *kpi, const char *scopeKind, const QString &scope, const char *validFrom,
                        double value)
{
    DemoStatement &s = m_target;
    s.bind(1, id);
    s.bind(2, kpi);
    s.bind(3, scopeKind);
    // scope is NOT NULL DEFAULT '': an empty scope is the empty string, not NULL.
    const QByteArray utf8 = scope.isEmpty() ? QByteArray("") : scope.toUtf8();
    s.bind(4, utf8);
    s.bind(5, validFrom);
    s.bind(6, value);
    return s.run();
}

bool DemoWriter::savedView(qint64 id, const char *kind, const QString &name, const QByteArray &specJson,
                           const QString &at)
{
    DemoStatement &s = m_savedView;
    s.bind(1, id);
    s.bind(2, kind);
    s.bind(3, name);
    s.bind(4, specJson);
    s.bind(5, at);
    return s.run();
}

} // namespace ql

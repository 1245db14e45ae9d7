// SPDX-License-Identifier: GPL-3.0-or-later
#include "importwriter.h"

#include <sqlite3.h>

namespace ql {

namespace {

constexpr const char *AuditColumns =
    "source, audit_key, ticket_id, date, date_time, interaction_date, day, week, month, quarter, i_day, i_week, "
    "i_month, "
    "i_quarter, agent_id, auditor_id, team_id, site_id, supervisor, queue_id, channel_id, sample_type, scorecard_id, "
    "score, raw_score, passed, critical_fail, critical_families, incomplete, comment, content_hash, import_id";

constexpr const char *CsatColumns = "source, response_key, ticket_id, date, date_time, day, week, month, quarter, "
                                    "score, score_label, scale, satisfied, "
                                    "dissatisfied, agent_id, team_id, site_id, supervisor, queue_id, channel_id, "
                                    "reason, comment, content_hash, import_id";

constexpr int AuditColumnCount = 32;
const QByteArray AuditInsertHead = QByteArray("INSERT INTO audits(") + AuditColumns + ")";

// "?first, ?first+1, …", n of them.
QByteArray placeholders(int n, int first = 1)
{
    QByteArray out;
    for (int i = first; i < first + n; ++i)
        out += (i > first ? ", ?" : "?") + QByteArray::number(i);
    return out;
}

QByteArray assignments(const char *columns)
{
    QByteArray out;
    int i = 0;
    for (const QByteArray &c : QByteArray(columns).split(',')) {
        if (i > 0)
            out += ", ";
        out += c.trimmed() + " = ?" + QByteArray::number(++i);
    }
    return out;
}

} // namespace

ImportWriter::ImportWriter(sqlite3 *db) : m_db(db) {}

qint64 ImportWriter::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

bool ImportWriter::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        if (m_error.isEmpty())
            m_error = QString::fromUtf8(message ? message : sqlite3_errmsg(m_db));
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool ImportWriter::prepare()
{
    static const char *nameSql[NameTableCount] = {
        "INSERT INTO teams(name) VALUES (?1)",           "INSERT INTO sites(name) VALUES (?1)",
        "INSERT INTO queues(name) VALUES (?1)",          "INSERT INTO channels(name) VALUES (?1)",
        "INSERT INTO root_causes(name) VALUES (?1)",     "INSERT INTO custom_dimensions(name) VALUES (?1)",
        "INSERT INTO auditors(auditor_key) VALUES (?1)",
    };
    for (int t = 0; t < NameTableCount; ++t) {
        if (!m_names[t].prepare(m_db, nameSql[t], &m_error))
            return false;
    }
    const QByteArray auditUpdate = QByteArray("UPDATE audits SET ") + assignments(AuditColumns) +
                                   ", local_changes = 0, source_pending = NULL WHERE id = ?33";
    const QByteArray csatInsert =
        QByteArray("INSERT INTO csat_responses(") + CsatColumns + ") VALUES (" + placeholders(24) + ")";
    const QByteArray csatUpdate =
        QByteArray("UPDATE csat_responses SET ") + assignments(CsatColumns) + " WHERE id = ?25";
    const std::pair<BulkStatement *, const char *> statements[] = {
        {&m_importLog, "INSERT INTO import_log(at, who, file_name, file_size, sha256, kind, source, mapping_json) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
        {&m_importCounts,
         "UPDATE import_log SET inserted = ?2, updated = ?3, unchanged = ?4, kept_local = ?5, rejected = ?6, "
         "rows_read = ?7, rows_rejected = ?8, agents_created = ?9, masked = ?10, sha256 = ?11 WHERE id = ?1"},
        {&m_changeLog,
         "INSERT INTO change_log(at, who, entity, entity_id, field, old_value, new_value, reason, import_id) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'import ' || ?8, ?8)"},
        {&m_agent, "INSERT INTO agents(agent_key, name, hire_date, active, created_at, import_id) VALUES (?1, ?2, ?3, "
                   "?4, ?5, ?6)"},
        {&m_agentUpdate, "UPDATE agents SET name = ?2, hire_date = ?3, active = ?4 WHERE id = ?1"},
        {&m_alias, "INSERT INTO agent_aliases(alias, agent_id) VALUES (?1, ?2)"},
        {&m_history, "INSERT INTO agent_history(agent_id, valid_from, team_id, site_id, supervisor, import_id) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
        {&m_historyUpdate,
         "UPDATE agent_history SET team_id = ?2, site_id = ?3, supervisor = ?4, import_id = ?5 WHERE id = ?1"},
        {&m_auditUpdate, auditUpdate.constData()},
        {&m_sourcePending, "UPDATE audits SET source_pending = ?2 WHERE id = ?1"},
        {&m_answersDelete, "DELETE FROM answers WHERE audit_id = ?1"},
        {&m_auditDimsDelete, "DELETE FROM audit_dimensions WHERE audit_id = ?1"},
        {&m_detachCalibration, "UPDATE calibration_items SET audit_id = NULL WHERE audit_id = ?1"},
        {&m_detachSuperseded, "UPDATE audits SET superseded_by = NULL WHERE superseded_by = ?1"},
        {&m_detachReaudit, "UPDATE disputes SET reaudit_id = NULL WHERE reaudit_id = ?1"},
        {&m_auditDelete, "DELETE FROM audits WHERE id = ?1"},
        {&m_answerRootCause, "INSERT OR IGNORE INTO answer_root_causes(answer_id, root_cause_id) VALUES (?1, ?2)"},
        {&m_auditDimension, "INSERT INTO audit_dimensions(audit_id, dimension_id, value) VALUES (?1, ?2, ?3)"},
        {&m_csat, csatInsert.constData()},
        {&m_csatUpdate, csatUpdate.constData()},
        {&m_csatDimsDelete, "DELETE FROM csat_dimensions WHERE response_id = ?1"},
        {&m_csatDimension, "INSERT INTO csat_dimensions(response_id, dimension_id, value) VALUES (?1, ?2, ?3)"},
        {&m_interaction, "INSERT INTO interactions(source, ticket_id, channel_id, date, transcript, media, import_id) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
        {&m_interactionUpdate, "UPDATE interactions SET channel_id = ?2, date = ?3, transcript = ?4, media = ?5, "
                               "import_id = ?6 WHERE id = ?1"},
    };
    for (const auto &[statement, sql] : statements) {
        if (!statement->prepare(m_db, sql, &m_error))
            return false;
    }
    return true;
}

qint64 ImportWriter::insertName(NameTable table, const QString &name)
{
    BulkStatement &s = m_names[table];
    s.bind(1, name);
    return s.run() ? lastInsertId() : 0;
}

qint64 ImportWriter::importLog(const QString &at, const QString &who, const QString &fileName, qint64 fileSize,
                               const QString &sha256, const QString &kind, const QString &source,
                               const QString &mappingJson)
{
    BulkStatement &s = m_importLog;
    s.bind(1, at);
    s.bind(2, who);
    s.bind(3, fileName);
    s.bind(4, fileSize);
    s.bind(5, sha256);
    s.bind(6, kind);
    s.bind(7, source);
    s.bind(8, mappingJson);
    return s.run() ? lastInsertId() : 0;
}

bool ImportWriter::importCounts(qint64 id, qint64 inserted, qint64 updated, qint64 unchanged, qint64 keptLocal,
                                qint64 rejected, qint64 rowsRead, qint64 rowsRejected, qint64 agentsCreated,
                                qint64 masked, const QString &sha256)
{
    BulkStatement &s = m_importCounts;
    s.bind(1, id);
    s.bind(2, inserted);
    s.bind(3, updated);
    s.bind(4, unchanged);
    s.bind(5, keptLocal);
    s.bind(6, rejected);
    s.bind(7, rowsRead);
    s.bind(8, rowsRejected);
    s.bind(9, agentsCreated);
    s.bind(10, masked);
    s.bind(11, sha256);
    return s.run();
}

bool ImportWriter::changeLog(const QString &at, const QString &who, const QString &entity, const QString &entityId,
                             const QString &field, const QString &oldValue, const QString &newValue, qint64 importId)
{
    BulkStatement &s = m_changeLog;
    s.bind(1, at);
    s.bind(2, who);
    s.bind(3, entity);
    s.bind(4, entityId);
    s.bind(5, field);
    s.bind(6, oldValue);
    s.bind(7, newValue);
    s.bind(8, importId);
    return s.run();
}

qint64 ImportWriter::insertAgent(const QString &key, const QString &name, const QString &hireDate, bool active,
                                 const QString &createdAt, qint64 importId)
{
    BulkStatement &s = m_agent;
    s.bind(1, key);
    s.bind(2, name);
    s.bind(3, hireDate);
    s.bind(4, active);
    s.bind(5, createdAt);
    s.bindId(6, importId);
    return s.run() ? lastInsertId() : 0;
}

bool ImportWriter::updateAgent(qint64 id, const QString &name, const QString &hireDate, bool active)
{
    BulkStatement &s = m_agentUpdate;
    s.bind(1, id);
    s.bind(2, name);
    s.bind(3, hireDate);
    s.bind(4, active);
    return s.run();
}

bool ImportWriter::insertAlias(const QString &alias, qint64 agentId)
{
    m_alias.bind(1, alias);
    m_alias.bind(2, agentId);
    return m_alias.run();
}

bool ImportWriter::insertHistory(qint64 agentId, const QString &validFrom, qint64 teamId, qint64 siteId,
                                 const QString &supervisor, qint64 importId)
{
    BulkStatement &s = m_history;
    s.bind(1, agentId);
    s.bind(2, validFrom);
    s.bindId(3, teamId);
    s.bindId(4, siteId);
    s.bind(5, supervisor);
    s.bindId(6, importId);
    return s.run();
}

bool ImportWriter::updateHistory(qint64 historyId, qint64 teamId, qint64 siteId, const QString &supervisor,
                                 qint64 importId)
{
    BulkStatement &s = m_historyUpdate;
    s.bind(1, historyId);
    s.bindId(2, teamId);
    s.bindId(3, siteId);
    s.bind(4, supervisor);
    s.bindId(5, importId);
    return s.run();
}

void ImportWriter::bindAudit(BulkStatement &s, const AuditRow &a, int first)
{
    const int o = first - 1;
    s.bind(o + 1, a.source);
    s.bind(o + 2, a.key);
    s.bind(o + 3, a.ticket);
    s.bind(o + 4, a.date);
    s.bind(o + 5, a.dateTime);
    s.bind(o + 6, a.interactionDate);
    s.bind(o + 7, a.keys.day);
    s.bind(o + 8, a.keys.week);
    s.bind(o + 9, a.keys.month);
    s.bind(o + 10, a.keys.quarter);
    if (a.interactionDate.isEmpty()) {
        for (int i = 11; i <= 14; ++i)
            s.bindNull(o + i);
    } else {
        s.bind(o + 11, a.interactionKeys.day);
        s.bind(o + 12, a.interactionKeys.week);
        s.bind(o + 13, a.interactionKeys.month);
        s.bind(o + 14, a.interactionKeys.quarter);
    }
    s.bind(o + 15, a.agentId);
    s.bindId(o + 16, a.auditorId);
    s.bindId(o + 17, a.teamId);
    s.bindId(o + 18, a.siteId);
    s.bind(o + 19, a.supervisor);
    s.bindId(o + 20, a.queueId);
    s.bindId(o + 21, a.channelId);
    s.bind(o + 22, a.sampleType);
    s.bind(o + 23, a.scorecardId);
    s.bind(o + 24, a.score.score);
    s.bind(o + 25, a.score.rawScore);
    s.bind(o + 26, a.score.passed);
    s.bind(o + 27, a.score.criticalFail);
    s.bind(o + 28, int(a.score.failedFamilies));
    s.bind(o + 29, a.score.incomplete);
    s.bind(o + 30, a.comment);
    s.bind(o + 31, a.contentHash);
    s.bindId(o + 32, a.importId);
}

bool ImportWriter::updateAudit(qint64 id, const AuditRow &a)
{
    bindAudit(m_auditUpdate, a);
    m_auditUpdate.bind(33, id);
    return m_auditUpdate.run();
}

bool ImportWriter::setSourcePending(qint64 id, const QString &json)
{
    m_sourcePending.bind(1, id);
    m_sourcePending.bind(2, json);
    return m_sourcePending.run();
}

bool ImportWriter::clearAuditChildren(qint64 id)
{
    m_answersDelete.bind(1, id);
    m_auditDimsDelete.bind(1, id);
    return m_answersDelete.run() && m_auditDimsDelete.run();
}

bool ImportWriter::removeAudit(qint64 id)
{
    // Calibration items, re-audits and disputes' re-audit links keep their rows; only the link to
    // the removed audit goes (its disputes go with it, ON DELETE CASCADE).
    for (BulkStatement *s : {&m_detachCalibration, &m_detachSuperseded, &m_detachReaudit, &m_auditDelete}) {
        s->bind(1, id);
        if (!s->run())
            return false;
    }
    return true;
}

BulkStatement &ImportWriter::rowsStatement(std::vector<std::unique_ptr<BulkStatement>> &cache, int rows,
                                           const char *head, int valuesPerRow)
{
    if (cache.size() <= size_t(rows))
        cache.resize(size_t(rows) + 1);
    std::unique_ptr<BulkStatement> &s = cache[size_t(rows)];
    if (!s) {
        QByteArray sql = QByteArray(head) + " VALUES ";
        for (int r = 0; r < rows; ++r) {
            if (r > 0)
                sql += ", ";
            sql += '(' + placeholders(valuesPerRow, r * valuesPerRow + 1) + ')';
        }
        s = std::make_unique<BulkStatement>();
        s->prepare(m_db, sql.constData(), &m_error); // a failure is kept in m_error; run() refuses
    }
    return *s;
}

qint64 ImportWriter::insertAudits(std::span<const AuditRow *const> rows)
{
    qint64 first = 0;
    while (!rows.empty()) {
        const int n = int(std::min<size_t>(rows.size(), MaxAuditsPerStatement));
        BulkStatement &s = rowsStatement(m_audits, n, AuditInsertHead.constData(), AuditColumnCount);
        for (int r = 0; r < n; ++r)
            bindAudit(s, *rows[size_t(r)], r * AuditColumnCount + 1);
        if (!s.run())
            return 0;
        // A rowid table gives each new row the largest rowid so far plus one, so the rows of one
        // INSERT have consecutive ids ending at the last insert rowid.
        if (first == 0)
            first = lastInsertId() - n + 1;
        rows = rows.subspan(size_t(n));
    }
    return first;
}

qint64 ImportWriter::insertAnswers(std::span<const AnswerValues> answers)
{
    qint64 first = 0;
    while (!answers.empty()) {
        const int n = int(std::min<size_t>(answers.size(), MaxAnswersPerStatement));
        BulkStatement &s = rowsStatement(
            m_answers, n, "INSERT INTO answers(audit_id, criterion_id, value, option_label, na, c, comment)", 7);
        for (int r = 0; r < n; ++r) {
            const AnswerValues &a = answers[size_t(r)];
            const int p = 7 * r + 1;
            s.bind(p, a.auditId);
            s.bind(p + 1, a.criterionId);
            if (a.na)
                s.bindNull(p + 2);
            else
                s.bind(p + 2, a.value);
            s.bind(p + 3, a.optionLabel ? *a.optionLabel : QString());
            s.bind(p + 4, a.na);
            s.bind(p + 5, a.na ? std::nullopt : a.c);
            s.bind(p + 6, a.comment ? *a.comment : QString());
        }
        if (!s.run())
            return 0;
        if (first == 0)
            first = lastInsertId() - n + 1; // consecutive, as in insertAudits()
        answers = answers.subspan(size_t(n));
    }
    return first;
}

bool ImportWriter::insertAnswerRootCause(qint64 answerId, qint64 rootCauseId)
{
    m_answerRootCause.bind(1, answerId);
    m_answerRootCause.bind(2, rootCauseId);
    return m_answerRootCause.run();
}

bool ImportWriter::insertAuditDimension(qint64 auditId, qint64 dimensionId, const QString &value)
{
    m_auditDimension.bind(1, auditId);
    m_auditDimension.bind(2, dimensionId);
    m_auditDimension.bind(3, value);
    return m_auditDimension.run();
}

void ImportWriter::bindCsat(BulkStatement &s, const CsatRow &r)
{
    s.bind(1, r.source);
    s.bind(2, r.key);
    s.bind(3, r.ticket);
    s.bind(4, r.date);
    s.bind(5, r.dateTime);
    s.bind(6, r.keys.day);
    s.bind(7, r.keys.week);
    s.bind(8, r.keys.month);
    s.bind(9, r.keys.quarter);
    s.bind(10, r.score);
    s.bind(11, r.scoreLabel);
    s.bind(12, r.scale);
    s.bind(13, r.satisfied);
    s.bind(14, r.dissatisfied);
    s.bindId(15, r.agentId);
    s.bindId(16, r.teamId);
    s.bindId(17, r.siteId);
    s.bind(18, r.supervisor);
    s.bindId(19, r.queueId);
    s.bindId(20, r.channelId);
    s.bind(21, r.reason);
    s.bind(22, r.comment);
    s.bind(23, r.contentHash);
    s.bindId(24, r.importId);
}

qint64 ImportWriter::insertCsat(const CsatRow &r)
{
    bindCsat(m_csat, r);
    return m_csat.run() ? lastInsertId() : 0;
}

bool ImportWriter::updateCsat(qint64 id, const CsatRow &r)
{
    bindCsat(m_csatUpdate, r);
    m_csatUpdate.bind(25, id);
    m_csatDimsDelete.bind(1, id);
    return m_csatUpdate.run() && m_csatDimsDelete.run();
}

bool ImportWriter::insertCsatDimension(qint64 responseId, qint64 dimensionId, const QString &value)
{
    m_csatDimension.bind(1, responseId);
    m_csatDimension.bind(2, dimensionId);
    m_csatDimension.bind(3, value);
    return m_csatDimension.run();
}

qint64 ImportWriter::insertInteraction(const QString &source, const QString &ticket, qint64 channelId,
                                       const QString &date, const QString &transcript, const QString &media,
                                       qint64 importId)
{
    BulkStatement &s = m_interaction;
    s.bind(1, source);
    s.bind(2, ticket);
    s.bindId(3, channelId);
    s.bind(4, date);
    s.bind(5, transcript);
    s.bind(6, media);
    s.bindId(7, importId);
    return s.run() ? lastInsertId() : 0;
}

bool ImportWriter::updateInteraction(qint64 id, qint64 channelId, const QString &date, const QString &transcript,
                                     const QString &media, qint64 importId)
{
    BulkStatement &s = m_interactionUpdate;
    s.bind(1, id);
    s.bindId(2, channelId);
    s.bind(3, date);
    s.bind(4, transcript);
    s.bind(5, media);
    s.bindId(6, importId);
    return s.run();
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bulkstatement.h"
#include "common/periods.h"
#include "scoring/auditscore.h"

#include <QString>

#include <memory>
#include <span>
#include <vector>

struct sqlite3;

namespace ql {

// The import's SQL in one place: one prepared statement per write, run on the raw sqlite3 handle
// inside the importer's transaction. A failure is kept in error() and refuses every later write.
class ImportWriter final
{
public:
    enum NameTable { Teams, Sites, Queues, Channels, RootCauses, CustomDimensions, Auditors, NameTableCount };

    struct AuditRow
    {
        QString source;
        QString key;
        QString ticket;
        QString date;
        QString dateTime;
        QString interactionDate; // empty when none
        PeriodKeys keys;
        PeriodKeys interactionKeys; // ignored without an interaction date
        qint64 agentId = 0;
        qint64 auditorId = 0;
        qint64 teamId = 0;
        qint64 siteId = 0;
        QString supervisor;
        qint64 queueId = 0;
        qint64 channelId = 0;
        QString sampleType = QStringLiteral("random");
        qint64 scorecardId = 0;
        AuditScore score;
        QString comment;
        QString contentHash;
        qint64 importId = 0;
    };

    struct CsatRow
    {
        QString source;
        QString key;
        QString ticket;
        QString date;
        QString dateTime;
        PeriodKeys keys;
        double score = 0;
        QString scoreLabel;
        QString scale;
        bool satisfied = false;
        bool dissatisfied = false;
        qint64 agentId = 0;
        qint64 teamId = 0;
        qint64 siteId = 0;
        QString supervisor;
        qint64 queueId = 0;
        qint64 channelId = 0;
        QString reason;
        QString comment;
        QString contentHash;
        qint64 importId = 0;
    };

    explicit ImportWriter(sqlite3 *db);

    bool prepare();
    const QString &error() const { return m_error; }
    bool ok() const { return m_error.isEmpty(); }
    sqlite3 *db() const { return m_db; }
    qint64 lastInsertId() const;
    // Runs SQL that needs no binding (BEGIN, COMMIT, …).
    bool exec(const char *sql);

    qint64 insertName(NameTable table, const QString &name);

    qint64 importLog(const QString &at, const QString &who, const QString &fileName, qint64 fileSize,
                     const QString &sha256, const QString &kind, const QString &source, const QString &mappingJson);
    bool importCounts(qint64 id, qint64 inserted, qint64 updated, qint64 unchanged, qint64 keptLocal, qint64 rejected,
                      qint64 rowsRead, qint64 rowsRejected, qint64 agentsCreated, qint64 masked, const QString &sha256);
    bool changeLog(const QString &at, const QString &who, const QString &entity, const QString &entityId,
                   const QString &field, const QString &oldValue, const QString &newValue, qint64 importId);

    qint64 insertAgent(const QString &key, const QString &name, const QString &hireDate, bool active,
                       const QString &createdAt, qint64 importId);
    bool updateAgent(qint64 id, const QString &name, const QString &hireDate, bool active);
    bool insertAlias(const QString &alias, qint64 agentId);
    bool insertHistory(qint64 agentId, const QString &validFrom, qint64 teamId, qint64 siteId,
                       const QString &supervisor, qint64 importId);
    bool updateHistory(qint64 historyId, qint64 teamId, qint64 siteId, const QString &supervisor, qint64 importId);

    // A bulk import writes a batch of new audits with one INSERT and their answers with a few,
    // rather than one per row: SQLite then keeps its cursors on the table and on the unique index
    // open from one row to the next, so a row appended at the end needs no search from the root,
    // and each statement is set up once for many rows (docs/import.md "Speed").
    static constexpr int MaxAuditsPerStatement = 16;  // 32 values a row
    static constexpr int MaxAnswersPerStatement = 64; // 7 values a row

    // Inserts audits in order, up to MaxAuditsPerStatement rows per INSERT; returns the id of the
    // first (the others follow it one by one), or 0 after a failure.
    qint64 insertAudits(std::span<const AuditRow *const> rows);
    bool updateAudit(qint64 id, const AuditRow &a); // also clears local_changes and source_pending
    bool setSourcePending(qint64 id, const QString &json);
    bool clearAuditChildren(qint64 id); // answers (and their root causes) and custom dimensions
    bool removeAudit(qint64 id);        // detaches references first
    // One answer of insertAnswers(). value and c are stored only when it is not N/A; an empty label
    // or comment is NULL. The strings must outlive the call.
    struct AnswerValues
    {
        qint64 auditId = 0;
        qint64 criterionId = 0;
        bool na = false;
        double value = 0;
        std::optional<double> c;
        const QString *optionLabel = nullptr;
        const QString *comment = nullptr;
    };
    // Inserts answers in order, up to MaxAnswersPerStatement rows per INSERT; returns the id of the
    // first (the others follow it one by one), or 0 after a failure.
    qint64 insertAnswers(std::span<const AnswerValues> answers);
    bool insertAnswerRootCause(qint64 answerId, qint64 rootCauseId);
    bool insertAuditDimension(qint64 auditId, qint64 dimensionId, const QString &value);

    qint64 insertCsat(const CsatRow &r);
    bool updateCsat(qint64 id, const CsatRow &r);
    bool insertCsatDimension(qint64 responseId, qint64 dimensionId, const QString &value);

    qint64 insertInteraction(const QString &source, const QString &ticket, qint64 channelId, const QString &date,
                             const QString &transcript, const QString &media, qint64 importId);
    bool updateInteraction(qint64 id, qint64 channelId, const QString &date, const QString &transcript,
                           const QString &media, qint64 importId);

private:
    // Binds the row's 32 values to parameters first … first + 31.
    void bindAudit(BulkStatement &s, const AuditRow &a, int first = 1);
    void bindCsat(BulkStatement &s, const CsatRow &r);

    sqlite3 *m_db;
    QString m_error;
    BulkStatement m_names[NameTableCount];
    BulkStatement m_importLog, m_importCounts, m_changeLog;
    BulkStatement m_agent, m_agentUpdate, m_alias, m_history, m_historyUpdate;
    BulkStatement m_auditUpdate, m_sourcePending, m_answersDelete, m_auditDimsDelete;
    BulkStatement m_detachCalibration, m_detachSuperseded, m_detachReaudit, m_auditDelete;
    // Statements inserting n rows at once (n rows of VALUES) at [n], prepared when first needed.
    BulkStatement &rowsStatement(std::vector<std::unique_ptr<BulkStatement>> &cache, int rows, const char *head,
                                 int valuesPerRow);
    std::vector<std::unique_ptr<BulkStatement>> m_audits, m_answers;
    BulkStatement m_answerRootCause, m_auditDimension;
    BulkStatement m_csat, m_csatUpdate, m_csatDimsDelete, m_csatDimension;
    BulkStatement m_interaction, m_interactionUpdate;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/periods.h"
#include "demobatch.h"
#include "demostatement.h"
#include "scoring/auditscore.h"

#include <QString>

#include <optional>

struct sqlite3;

namespace ql {

// The demo's SQL in one place: one prepared statement per table, bound and run row by row inside
// the caller's transaction (performance.md: the raw sqlite3 API, ids given in insertion order).
// A failure is kept in error() and stops every later write.
class DemoWriter final
{
public:
    // Rows of the big tables are gathered and written in batches: key and ticket are copied, every
    // other text must outlive flush() (literals, the world's strings).
    struct Audit
    {
        qint64 id = 0;
        const char *key = nullptr;
        const char *ticket = nullptr;
        const char *date = nullptr;
        const char *interactionDate = nullptr;
        const PeriodKeys *keys = nullptr;
        const PeriodKeys *interactionKeys = nullptr;
        qint64 agentId = 0;
        qint64 auditorId = 0;
        qint64 teamId = 0;
        qint64 siteId = 0;
        const QByteArray *supervisor = nullptr;
        qint64 queueId = 0;
        qint64 channelId = 0;
        const char *sampleType = "random";
        qint64 scorecardId = 0;
        const AuditScore *score = nullptr;
        const char *comment = nullptr;
        qint64 importId = 0;
    };

    struct Answer
    {
        qint64 id = 0;
        qint64 auditId = 0;
        qint64 criterionId = 0;
        std::optional<double> value; // none when N/A
        const char *optionLabel = nullptr;
        std::optional<double> c;
        const char *comment = nullptr;
    };

    struct Csat
    {
        qint64 id = 0;
        const char *key = nullptr;
        const char *ticket = nullptr;
        const char *date = nullptr;
        const PeriodKeys *keys = nullptr;
        int score = 0;
        bool satisfied = false;
        bool dissatisfied = false;
        qint64 agentId = 0;
        qint64 teamId = 0;
        qint64 siteId = 0;
        const QByteArray *supervisor = nullptr;
        qint64 queueId = 0;
        qint64 channelId = 0;
        const char *reason = nullptr;
        const char *comment = nullptr; // must outlive flush(): a literal, or kept by the caller
        qint64 importId = 0;
    };

    struct CalibrationAnswer
    {
        qint64 itemId = 0;
        qint64 participantId = 0; // 0 for the consensus
        qint64 criterionId = 0;
        std::optional<double> value;
        const char *optionLabel = nullptr;
        std::optional<double> c;
        const char *text = nullptr; // comment, or the consensus note
    };

    explicit DemoWriter(sqlite3 *db);

    bool prepare();
    const QString &error() const { return m_error; }
    bool ok() const { return m_error.isEmpty(); }
    // Runs one statement that needs no binding (BEGIN, PRAGMA, …).
    bool exec(const char *sql);
    // Writes the rows still gathered for multi-row inserts (answers, root causes, dimensions).
    bool flush();

    bool importLog(qint64 id, const QString &at, const QString &who, const QString &fileName, const QString &sha256,
                   const QString &mappingJson);
    bool importCounts(qint64 id, qint64 inserted, qint64 rowsRead, qint64 agentsCreated, qint64 masked);
    bool changeLog(qint64 id, const QString &at, const QString &who, const QString &entity, const QString &entityId,
                   const QString &field, const QString &oldValue, const QString &newValue, const QString &reason,
                   qint64 importId);
    bool setting(const QString &key, const QString &value);

    enum NameTable { Sites, Teams, Queues, Channels, RootCauses, CustomDimensions, NameTableCount };
    bool name(NameTable table, qint64 id, const QString &name);

    bool agent(qint64 id, const QByteArray &key, const QString &name, const char *hireDate, bool active,
               const QString &createdAt, qint64 importId);
    bool alias(const QString &alias, qint64 agentId);
    bool history(qint64 id, qint64 agentId, const char *validFrom, qint64 teamId, qint64 siteId,
                 const QString &supervisor, qint64 importId);
    bool auditor(qint64 id, const QString &key, const QString &name);

    bool audit(const Audit &a);
    bool answer(const Answer &a);
    bool answerRootCause(qint64 answerId, qint64 rootCauseId);
    bool auditDimension(qint64 auditId, qint64 dimensionId, const char *value);
    bool superseded(qint64 auditId, qint64 byAuditId);

    bool csat(const Csat &r);
    bool csatDimension(qint64 responseId, qint64 dimensionId, const char *value);

    bool interaction(qint64 id, const char *ticket, qint64 channelId, const char *date, const QString &transcript,
                     qint64 importId);

    bool calibrationSession(qint64 id, const QString &title, const char *date, const char *state, qint64 scorecardId,
                            const QString &lead, const QString &drawJson, const QString &createdAt,
                            const QString &closedAt);
    bool calibrationParticipant(qint64 id, qint64 sessionId, const QString &name, qint64 auditorId, bool expert,
                                const QString &submittedAt);
    bool calibrationItem(qint64 id, qint64 sessionId, int position, const char *ticket, qint64 interactionId,
                         qint64 auditId, const QString &notes);
    bool calibrationAnswer(qint64 id, const CalibrationAnswer &a);
    bool calibrationConsensus(const CalibrationAnswer &a);
    bool anchorExample(qint64 id, qint64 criterionId, qint64 itemId, const CalibrationAnswer &a,
                       const QString &createdAt);

    bool dispute(qint64 id, qint64 auditId, const QString &openedAt, const QString &openedBy, const char *openerRole,
                 const char *comment, const char *state, const QString &decidedAt, const QString &decidedBy,
                 const char *decisionComment, qint64 reauditId);
    bool disputeCriterion(qint64 disputeId, qint64 criterionId);

    bool target(qint64 id, const char *kpi, const char *scopeKind, const QString &scope, const char *validFrom,
                double value);
    bool savedView(qint64 id, const char *kind, const QString &name, const QByteArray &specJson, const QString &at);

private:
    static void bindId(DemoStatement &s, int i, qint64 id); // 0 binds NULL
    static void addId(DemoBatch &b, qint64 id);

    sqlite3 *m_db = nullptr;
    QString m_error;

    DemoStatement m_importLog, m_importCounts, m_changeLog, m_setting;
    DemoStatement m_names[NameTableCount];
    DemoStatement m_agent, m_alias, m_history, m_auditor;
    DemoStatement m_superseded, m_interaction;
    DemoBatch m_audit, m_answer, m_answerRootCause, m_auditDimension, m_csat, m_csatDimension;
    DemoStatement m_session, m_participant, m_item, m_calibrationAnswer, m_consensus, m_anchor;
    DemoStatement m_dispute, m_disputeCriterion, m_target, m_savedView;
};

} // namespace ql

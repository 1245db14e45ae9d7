// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/auditscore.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ql {

// One answer row of a re-scored audit: which criterion row it points at and what it holds there.
struct RescoredAnswer
{
    qint64 answerId = 0;
    qint64 criterionId = 0;
    std::optional<double> value; // none when N/A
    QString optionLabel;
    bool na = false;
    std::optional<double> c;

    bool operator==(const RescoredAnswer &other) const = default;
};

// An audit's scoring state: the scorecard version it is scored with, its stored result and the
// criterion rows its answers point at. A re-score moves an audit from one such state to another.
struct RescoredAudit
{
    qint64 auditId = 0;
    qint64 scorecardId = 0;
    AuditScore score;
    QList<RescoredAnswer> answers;

    // What is stored: the score's decidedBy is not, so it is not compared.
    bool operator==(const RescoredAudit &other) const
    {
        const AuditScore &a = score;
        const AuditScore &b = other.score;
        return auditId == other.auditId && scorecardId == other.scorecardId && a.score == b.score &&
               a.rawScore == b.rawScore && a.passed == b.passed && a.criticalFail == b.criticalFail &&
               a.failedFamilies == b.failedFamilies && a.incomplete == b.incomplete && answers == other.answers;
    }
};

// Writes an applied what-if (docs/scorecard-editor.md "Apply"): every audit of `next` moves to its
// version, its answers to that version's criterion rows, and its stored score to the re-scored
// one, all in one SAVEPOINT with one change-log row (entity `scorecard`, entity_id the scorecard's
// name, field `rescore`, old and new values the audits' states as JSON). Each audit must still be
// as `expected` says (its version and stored score), or nothing is written: an undo never
// overwrites a later correction. Undo is the same call with the two lists swapped.
class AuditRescoreStore final
{
public:
    explicit AuditRescoreStore(QSqlDatabase db);

    bool write(const QString &scorecard, const QList<RescoredAudit> &expected, const QList<RescoredAudit> &next,
               const QString &reason, QString *error);

    // The audit's state as stored now.
    std::optional<RescoredAudit> load(qint64 auditId, QString *error = nullptr) const;

    // {"audits":[{"id","scorecard_id","score","raw_score","passed","critical_fail","critical_families","incomplete"}]}
    static QString statesJson(const QList<RescoredAudit> &audits);

private:
    QSqlDatabase m_db;
};

} // namespace ql

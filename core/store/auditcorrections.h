// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/auditscore.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ql {

// One answer as a correction sets it: rated with a value on the criterion's scale (an options
// scale takes the option's points), N/A, or absent (no row: only an undo of a correction that
// created the row asks for that).
struct AnswerState
{
    enum Kind : quint8 { Absent, NotApplicable, Rated };
    Kind kind = Absent;
    double value = 0;
    QString comment;

    static AnswerState rated(double value, const QString &comment = {}) { return {Rated, value, comment}; }
    static AnswerState notApplicable(const QString &comment = {}) { return {NotApplicable, 0, comment}; }

    QJsonObject toJson(const QString &label) const; // {"value", "label", "na", "comment"}; null for Absent
    bool operator==(const AnswerState &other) const = default;
};

// What a correction changed; enough to undo it exactly.
struct CorrectionResult
{
    qint64 auditId = 0;
    QString criterionKey;
    AnswerState before;
    AnswerState after;
    AuditScore scoreBefore; // as stored
    AuditScore scoreAfter;  // as stored now
    bool localChangesBefore = false;
    qint64 firstLogId = 0; // the change_log rows written, first and last
    qint64 lastLogId = 0;
};

// Corrects one answer of an audit and re-scores the audit with the scoring engine, in one
// transaction (a SAVEPOINT, so a dispute's decision can hold several) together with its change-log
// rows. The change log keeps every version of the audit: entity `audit`, entity_id the audit's row
// id, one row with field `answer:KEY` whose old_value and new_value are the answer's JSON
// (AnswerState::toJson) and one with field `score` holding the stored result before and after
// ({"score", "raw_score", "passed", "critical_fail", "critical_families", "incomplete",
// "local_changes"}); both carry the reason. The audit is marked local_changes (a re-import keeps
// it) unless `localChanges` says otherwise (an undo restores the flag it had).
class AuditCorrections final
{
public:
    explicit AuditCorrections(QSqlDatabase db);

    std::optional<CorrectionResult> setAnswer(qint64 auditId, const QString &criterionKey, const AnswerState &state,
                                              const QString &reason, QString *error,
                                              std::optional<bool> localChanges = std::nullopt);

    // The answer as stored now.
    std::optional<AnswerState> answer(qint64 auditId, const QString &criterionKey, QString *error = nullptr) const;

private:
    QSqlDatabase m_db;
};

} // namespace ql

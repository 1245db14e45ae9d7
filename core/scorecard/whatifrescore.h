// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kpiperiod.h"
#include "kpireport.h"
#include "scoring/scorecard.h"
#include "store/auditrescorestore.h"
#include "store/auditstore.h"
#include "store/kpiqueries.h"

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>
#include <vector>

namespace ql {

// What the user says about answers that do not carry over by key (docs/scorecard-editor.md
// "Mapping"): a source criterion key to the target's key, and per source key an option label to
// the target's label. Whatever is not in the map carries by its own key and label.
struct CarryMap
{
    QHash<QString, QString> keys;                    // source key → target key
    QHash<QString, QHash<QString, QString>> labels; // source key → (source label → target label)

    bool isEmpty() const { return keys.isEmpty() && labels.isEmpty(); }
    QString targetKey(const QString &sourceKey) const { return keys.value(sourceKey, sourceKey); }
    QString targetLabel(const QString &sourceKey, const QString &label) const
    {
        return labels.value(sourceKey).value(label, label);
    }
    bool operator==(const CarryMap &) const = default;
};

// Why an answer does not carry over: no criterion with its key (NoKey), N/A where the target does
// not allow it, a switch between options and numbers, an option label the target lacks, a value off
// its scale, or a target criterion another answer of the audit has taken already (two criteria
// mapped onto one).
enum class NotCarried { None, NoKey, NaNotAllowed, KindSwitch, NoLabel, OffScale, Taken };

// The answers of one source criterion that do not carry over, and why (the mapping dialog offers
// the target's criteria of the same kind of scale, and target labels for NoLabel).
struct WhatIfUncarried
{
    QString key;
    QString name;
    int answers = 0;
    QList<NotCarried> reasons;
    QStringList details; // labels or values (at most five)
    QStringList labels;  // every option label among the answers (for NoLabel: each one to map)
    ScaleKind kind = ScaleKind::Binary; // the source criterion's
};

// One audit of a what-if: its score as stored and under the other version.
struct WhatIfAudit
{
    qint64 id = 0;
    QString key;
    QDate date;
    QString agentName;
    int storedVersion = 0;
    AuditScore before; // as stored
    AuditScore after;  // under the target
    QStringList uncarried; // criterion keys of answers the target cannot take (scored as unanswered)

    // Counts in the KPIs (the audit is already official and of a counted sample type).
    static bool counts(const AuditScore &s) { return s.score && !s.incomplete; }
    bool changed() const;
};

// The what-if of scoring.md "Versions": a period's official audits re-scored under another version
// or an unsaved draft, side by side with their stored scores, and nothing written.
struct WhatIfResult
{
    QString scorecard;   // the name whose audits were re-scored
    QString targetLabel; // "Support QA v3", or "Support QA (draft)"
    KpiPeriod period;
    QList<WhatIfAudit> audits;
    KpiReport before; // the audit KPIs of the stored scores (KpiEngine::fromSums)
    KpiReport after;  // the same under the target
    int changed = 0;  // audits whose stored result differs from the target's
    int uncarried = 0; // audits with at least one answer the target cannot take
    QStringList uncarriedCriteria; // the criterion keys of those answers (applyBlocker explains each)
    QList<WhatIfUncarried> uncarriedDetails; // the same, with why (in the order met)
    CarryMap map;                            // the mapping the run used

    // What an apply writes, when the target is a stored version and every answer carries over;
    // otherwise applyBlocker says why there is nothing to apply.
    QList<RescoredAudit> applyBefore;
    QList<RescoredAudit> applyAfter;
    QString applyBlocker;
    bool canApply() const { return applyBlocker.isEmpty() && !applyAfter.isEmpty(); }
};

// Re-scores without writing. The audits are those the Scorecards page counts for a slice and
// period (official, counted sample types, by the project's period date) that were scored with any
// version of the scorecard; the scoring is ScoringEngine's and the KPIs KpiEngine's.
//
// Answers carry over by criterion key, or to the key the CarryMap gives (docs/scorecard-editor.md):
// an N/A stays N/A where the target allows N/A; an option by its label (or its mapped label); a
// binary or range value as written when the target's scale has it. Anything else is an uncarried
// answer, scored as unanswered.
class WhatIfRescore final
{
public:
    explicit WhatIfRescore(const QSqlDatabase &db);

    // `target` is a stored version (targetId > 0, its rows are what an apply points at) or a draft
    // (targetId 0: never applied). nullopt with *error when the target is invalid or unreadable.
    // `map` says where answers whose key or label the target lacks go.
    std::optional<WhatIfResult> run(const KpiSlice &slice, const KpiPeriod &period, const QString &scorecard,
                                    const Scorecard &target, qint64 targetId, QString *error,
                                    const CarryMap &map = {}) const;

    // The answers of `audit` (scored under `from`) as the target reads them, by the rules above;
    // the keys that do not carry over are added to *uncarried.
    static std::vector<AnswerInput> carry(const Scorecard &from, const StoredAudit &audit, const Scorecard &to,
                                          QStringList *uncarried, const CarryMap &map = {});

    // Histogram counts of counted scores in `bins` equal bins over 0–100 (100 falls in the last).
    static QList<int> histogram(const QList<WhatIfAudit> &audits, bool after, int bins = 10);

private:
    QSqlDatabase m_db;
};

} // namespace ql

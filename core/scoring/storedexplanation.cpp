// SPDX-License-Identifier: GPL-3.0-or-later
#include "storedexplanation.h"

#include "scoringengine.h"

namespace ql {

bool StoredExplanation::matchesStored() const
{
    const AuditScore &r = explanation.result;
    return r.score == audit.score && r.rawScore == audit.rawScore && r.passed == audit.passed &&
           r.criticalFail == audit.criticalFail && r.failedFamilies == audit.criticalFamilies &&
           r.incomplete == audit.incomplete;
}

std::optional<StoredExplanation> explainStoredAudit(const QSqlDatabase &db, qint64 auditId, QString *error)
{
    auto audit = AuditStore(db).load(auditId, error);
    if (!audit)
        return std::nullopt;
    auto card = ScorecardStore(db).load(audit->scorecardId, error);
    if (!card)
        return std::nullopt;
    const ScoringEngine engine(card->card);
    const std::vector<AnswerInput> inputs = audit->inputs(engine.criterionCount());
    StoredExplanation out{std::move(*audit), std::move(*card), {}};
    out.explanation = engine.explain(inputs);
    return out;
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "pointslost.h"

#include "pivot/pivotdrill.h"
#include "scoring/scoringengine.h"
#include "store/auditstore.h"
#include "store/scorecardstore.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <map>
#include <memory>

namespace ql::rca {

std::optional<PointsLost> PointsLostBuilder::build(const QSqlDatabase &db, const Cube &answers, const Period &period,
                                                   const QList<PivotFilter> &filters, const PivotOptions &options,
                                                   QString *error, const std::function<bool()> &canceled)
{
    PivotSpec spec;
    spec.source = PivotSource::Answers;
    spec.filters = filters;
    spec.filters << PivotFilter{period.dimension, false, {period.label}};
    const auto rows = PivotDrill::factRows(answers, spec, options, nullptr, error);
    if (!rows)
        return std::nullopt;
    // The answers kept, by audit: which criteria of it count.
    std::map<qint64, QSet<QString>> kept;
    for (const PivotDrill::AnswerKey &k : PivotDrill::answerKeys(answers, *rows))
        kept[k.auditId].insert(k.criterion);

    struct Version
    {
        StoredScorecard stored;
        std::unique_ptr<ScoringEngine> engine;
    };
    QHash<qint64, std::shared_ptr<Version>> versions;
    const AuditStore audits(db);
    const ScorecardStore scorecards(db);
    std::map<QString, CriterionLoss> byKey;
    PointsLost out;
    out.period = period.label;
    for (const auto &[auditId, criteria] : kept) {
        if (canceled && canceled()) {
            *error = QObject::tr("cancelled");
            return std::nullopt;
        }
        QString why;
        const auto audit = audits.load(auditId, &why);
        if (!audit) {
            *error = QObject::tr("audit %1 cannot be read: %2").arg(auditId).arg(why);
            return std::nullopt;
        }
        std::shared_ptr<Version> &version = versions[audit->scorecardId];
        if (!version) {
            auto stored = scorecards.load(audit->scorecardId, &why);
            if (!stored) {
                *error = QObject::tr("the scorecard of audit %1 cannot be read: %2").arg(audit->key, why);
                return std::nullopt;
            }
            version = std::make_shared<Version>();
            version->stored = std::move(*stored);
            version->engine = std::make_unique<ScoringEngine>(version->stored.card);
        }
        const ScoringEngine &engine = *version->engine;
        const AuditExplanation explanation = engine.explain(audit->inputs(engine.criterionCount()));
        bool counted = false;
        for (int i = 0; i < explanation.criteria.size(); ++i) {
            const AuditExplanation::CriterionPart &part = explanation.criteria.at(i);
            if (!part.c || !criteria.contains(part.key))
                continue;
            CriterionLoss &loss = byKey[part.key];
            loss.criterion = part.key;
            ++loss.rated;
            if (*part.c < engine.scorecard().criterionAt(i).passLevel)
                ++loss.failed;
            loss.pointsLost += part.pointsLost;
            counted = true;
        }
        out.audits += counted;
    }
    for (auto &[key, loss] : byKey) {
        out.total += loss.pointsLost;
        out.failed += loss.failed;
        out.criteria << loss;
    }
    return out;
}

} // namespace ql::rca

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditexplanation.h"

#include <QJsonObject>
#include <QString>

namespace ql {

// The two renderings of an audit's explanation that `qualitylens-cli explain` prints: the JSON of
// cli.md ("explain --format json") and a table for people.
class ExplanationJson
{
public:
    // cli.md's keys, plus each criterion's "name", "missing" and option "label" (null unless the
    // scale has options). Scores are the stored 6-decimal values; weights, c and points are
    // unrounded so the points add up to raw_score.
    static QJsonObject toJson(const AuditExplanation &explanation, const QString &auditId, const QString &scorecardName,
                              int scorecardVersion);

    // A heading with the result, the sections and criteria as aligned columns (value, c, weight,
    // effective weight, points, points lost, critical), and the rule that decided the result.
    static QString toText(const AuditExplanation &explanation, const QString &auditId, const QString &scorecardName,
                          int scorecardVersion);

    // One sentence naming the rule behind `passed`, e.g. "Score 84.9 is below the threshold 85:
    // failed."
    static QString decisionSentence(const AuditExplanation &explanation);
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rcaengine.h"

#include "pivot/cube.h"
#include "pivot/pivotengine.h"
#include "pivot/pivotspec.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

namespace ql::rca {

// One criterion's failures and the points its answers lost in a period: the count Pareto of failed
// criteria and, beside it, the points-lost Pareto (analysis.md "Pareto"). Points lost are
// scoring.md's 100 × e_i × (1 − c_i), with e_i the criterion's effective weight in its audit (the
// weights of what was not rated redistributed), so they add up to 100 − the raw score per audit.
struct CriterionLoss
{
    QString criterion;     // the criterion's key (stable across scorecard versions)
    qint64 rated = 0;      // rated answers
    qint64 failed = 0;     // rated answers with c below the criterion's pass level
    double pointsLost = 0; // Σ over its rated answers of 100 × e_i × (1 − c_i)
};

struct PointsLost
{
    QString period;
    qint64 audits = 0;    // audits whose answers were counted
    double total = 0;     // Σ of the criteria's points lost
    qint64 failed = 0;    // Σ of the criteria's failed answers
    QList<CriterionLoss> criteria; // by key
};

class PointsLostBuilder final
{
public:
    // The answers in the period that pass the filters (every answer fact, as the Paretos count
    // them), each audit scored again under its own scorecard version to find its e_i. Reads the
    // audits through the store. std::nullopt with *error when a filter names an unknown dimension,
    // an audit or its scorecard cannot be read, or when cancelled.
    static std::optional<PointsLost> build(const QSqlDatabase &db, const Cube &answers, const Period &period,
                                           const QList<PivotFilter> &filters, const PivotOptions &options,
                                           QString *error, const std::function<bool()> &canceled = {});
};

} // namespace ql::rca

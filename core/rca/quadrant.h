// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/cube.h"
#include "pivot/pivotengine.h"
#include "pivot/pivotspec.h"

#include <QList>
#include <QString>

#include <optional>

namespace ql::rca {

// One agent or team in the QA-versus-CSAT quadrant: QA score on its counted audits, CSAT % on its
// responses, each with its n; below either minimum sample the point is drawn grey.
struct QuadrantPoint
{
    QString label;
    std::optional<double> qaScore;
    qint64 audits = 0;
    std::optional<double> csatPct;
    qint64 responses = 0;
    bool smallSample = false;
};

struct Quadrant
{
    QString unit;                  // "agent" or "team" (any dimension of both sources)
    std::optional<double> qaScore; // overall values: the lines that split the quadrants
    std::optional<double> csatPct;
    QList<QuadrantPoint> points; // by label
};

class QuadrantBuilder final
{
public:
    // filters apply to both sources (dimensions both have: team, queue, channel, site, month, …),
    // except scorecard and sample type, which keep audits only (filtersFor()); from/to are the
    // pivots' date range.
    static std::optional<Quadrant> build(const Cube &audits, const Cube &csat, const QString &unit,
                                         const QList<PivotFilter> &filters, const QDate &from, const QDate &to,
                                         const PivotOptions &options, int minAudits, int minResponses, QString *error);
};

} // namespace ql::rca

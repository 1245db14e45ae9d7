// SPDX-License-Identifier: GPL-3.0-or-later
#include "quadrant.h"

#include "sourcefilters.h"

#include <map>

namespace ql::rca {

std::optional<Quadrant> QuadrantBuilder::build(const Cube &audits, const Cube &csat, const QString &unit,
                                               const QList<PivotFilter> &filters, const QDate &from, const QDate &to,
                                               const PivotOptions &options, int minAudits, int minResponses,
                                               QString *error)
{
    Quadrant quadrant;
    quadrant.unit = unit;
    std::map<QString, QuadrantPoint> points;
    const auto run = [&](const Cube &cube, const QString &measure, bool qa) -> bool {
        PivotSpec spec;
        spec.source = cube.source();
        spec.rows = QStringList{unit};
        spec.measures = QStringList{measure};
        spec.filters = filtersFor(cube, filters); // responses take no scorecard or sample type
        spec.from = from;
        spec.to = to;
        spec.totals.cols = true; // the overall value, from the facts
        const auto result = PivotEngine::compute(cube, spec, options, error);
        if (!result)
            return false;
        for (int k = 0; k < result->cellCount(); ++k) {
            const auto &cell = result->cell(k);
            const auto &v = result->cellValue(k, 0);
            if (!v)
                continue;
            const PivotHeader &row = result->row(cell.row);
            if (row.isTotal(1)) {
                (qa ? quadrant.qaScore : quadrant.csatPct) = v->value;
                continue;
            }
            QuadrantPoint &p = points[row.labels.value(0)];
            p.label = row.labels.value(0);
            if (qa) {
                p.qaScore = v->value;
                p.audits = v->n;
            } else {
                p.csatPct = v->value;
                p.responses = v->n;
            }
        }
        return true;
    };
    if (!run(audits, QStringLiteral("qa_score"), true) || !run(csat, QStringLiteral("csat_pct"), false))
        return std::nullopt;
    for (auto &[label, p] : points) {
        p.smallSample = p.audits < minAudits || p.responses < minResponses;
        quadrant.points << p;
    }
    return quadrant;
}

} // namespace ql::rca

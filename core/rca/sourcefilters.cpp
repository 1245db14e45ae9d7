// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourcefilters.h"

#include "pivot/cube.h"

namespace ql::rca {

namespace {

bool auditOnly(const QString &dimension)
{
    return dimension == QLatin1String("scorecard") || dimension == QLatin1String("scorecard_version") ||
           dimension == QLatin1String("sample_type");
}

} // namespace

QList<PivotFilter> filtersFor(const Cube &cube, const QList<PivotFilter> &filters)
{
    QList<PivotFilter> out;
    for (const PivotFilter &f : filters)
        if (!auditOnly(f.dimension) || cube.findDimension(f.dimension))
            out << f;
    return out;
}

bool dropsFilters(const Cube &cube, const QList<PivotFilter> &filters)
{
    return filtersFor(cube, filters).size() != filters.size();
}

} // namespace ql::rca

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/cube.h"

#include <QDate>

namespace ql::rca {

// The period date of each fact of a cube (audits or csat), for a date range on analyses that read
// the cube directly instead of through a pivot.
class CubeDates final
{
public:
    CubeDates(const Cube &cube, PeriodDate date)
    {
        const Cube::DimensionRef ref = cube.findDimension(QStringLiteral("day"), date);
        if (ref && !ref.viaParent)
            m_day = ref.dimension;
    }

    // Julian day of fact i, 0 when it has none.
    qint64 julianDay(std::size_t i) const
    {
        if (!m_day)
            return 0;
        std::int32_t code = m_day->column->at(i);
        if (!m_day->map.empty())
            code = m_day->map[std::size_t(code)];
        return code >= 0 && std::size_t(code) < m_day->julianDays.size() ? m_day->julianDays[std::size_t(code)] : 0;
    }

    // Whether fact i falls in [from, to] (an invalid bound is open; a fact without date passes only
    // when both are open).
    bool within(std::size_t i, const QDate &from, const QDate &to) const
    {
        if (!from.isValid() && !to.isValid())
            return true;
        const qint64 day = julianDay(i);
        if (day == 0)
            return false;
        return (!from.isValid() || day >= from.toJulianDay()) && (!to.isValid() || day <= to.toJulianDay());
    }

private:
    const CubeDimension *m_day = nullptr;
};

} // namespace ql::rca

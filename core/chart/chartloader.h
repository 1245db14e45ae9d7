// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartdata.h"
#include "chartspec.h"
#include "pivot/cube.h"

#include <QSqlDatabase>

#include <atomic>
#include <map>
#include <memory>
#include <optional>

namespace ql {

// The numbers of any chart spec, read straight from a project: the pivot types through
// ChartDataBuilder on the cube of the spec's source, a waterfall through the root-cause analysis
// of its "rca" object. The project's settings apply (minimum samples, the date that drives
// periods, the organisation, counted sample types, the RCA minimum change) as in the GUI and the
// CLI. Cubes are built once per source and reused for the next spec (a chart pack).
class ChartLoader final
{
public:
    explicit ChartLoader(const QSqlDatabase &db, const std::atomic_bool *cancel = nullptr);

    std::optional<ChartData> load(const ChartSpec &spec, QString *error);

    // Cubes built earlier (a page keeps them between jobs), and the ones this loader has now.
    void setCubes(std::map<PivotSource, std::shared_ptr<const Cube>> cubes) { m_cubes = std::move(cubes); }
    const std::map<PivotSource, std::shared_ptr<const Cube>> &cubes() const { return m_cubes; }

private:
    std::shared_ptr<const Cube> cube(PivotSource source, QString *error);

    QSqlDatabase m_db;
    const std::atomic_bool *m_cancel;
    std::optional<QHash<QString, QString>> m_criterionNames; // read on first use, for every spec after
    std::map<PivotSource, std::shared_ptr<const Cube>> m_cubes;
};

} // namespace ql

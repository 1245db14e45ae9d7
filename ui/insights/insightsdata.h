// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/chartdata.h"
#include "chart/chartspec.h"
#include "pivot/cube.h"
#include "rca/drivers.h"
#include "rca/pareto.h"
#include "rca/quadrant.h"
#include "rca/rcaengine.h"
#include "rca/themes.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>

namespace ql {

class JobContext;

// What the Insights page asks for: the shared filter bar and each tab's choices.
struct InsightsRequest
{
    QDate from; // invalid: open
    QDate to;
    QList<PivotFilter> filters; // queue, channel, team, site (kept values)
    QString base;               // periods of "what changed" and the Paretos (current); empty: the last two months
    QString current;
    QString metric = QStringLiteral("csat_pct");        // what changed
    QString controlMetric = QStringLiteral("pass_rate"); // control charts
    QString controlPeriod = QStringLiteral("month");     // week or month
    QString funnelUnit = QStringLiteral("agent");        // agent or team
    bool auditorComments = false; // comment themes of auditors' comments (failed vs passed answers)
};

// A chart ready to render (its spec and numbers), or why there is none.
struct InsightsChart
{
    ChartSpec spec;
    std::optional<ChartData> data;
    QString error;
};

// Everything the page shows, computed on a worker thread off the project's cubes.
struct InsightsData
{
    std::map<PivotSource, std::shared_ptr<const Cube>> cubes; // reused by the next computation
    QString error;                                             // the cubes could not be built
    QStringList months;                                        // for the period boxes
    QHash<QString, QStringList> members;                       // queue, channel, team, site -> labels
    QString base;                                              // the periods used
    QString current;

    std::optional<rca::Result> whatChanged;
    QString whatChangedError;
    InsightsChart contributions;

    rca::DriversResult drivers;
    std::optional<rca::Quadrant> quadrant;
    QString quadrantError;
    InsightsChart quadrantChart;

    std::optional<rca::Pareto> reasons;
    std::optional<rca::Pareto> rootCauses;
    std::optional<rca::CrossTab> crossTab;
    QString paretoError;
    InsightsChart reasonsChart;
    InsightsChart rootCausesChart;

    rca::ThemesResult themes;
    QHash<qint64, QString> exampleTexts; // masked
    QString themesError;
    bool themesOfAuditors = false; // the corpus: auditors' comments rather than customers'

    InsightsChart controlChart;
    InsightsChart funnelChart;
};

class InsightsCompute final
{
public:
    static InsightsData run(JobContext &context, const InsightsRequest &request,
                            std::map<PivotSource, std::shared_ptr<const Cube>> cubes);
    // The same on a database connection (tests compare the page with it).
    static InsightsData run(const QSqlDatabase &db, const InsightsRequest &request,
                            std::map<PivotSource, std::shared_ptr<const Cube>> cubes,
                            const std::function<bool()> &canceled = {});
};

} // namespace ql

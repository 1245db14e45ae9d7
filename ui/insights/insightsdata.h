// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/chartdata.h"
#include "chart/chartspec.h"
#include "pivot/cube.h"
#include "rca/drivers.h"
#include "rca/commentlanguage.h"
#include "rca/pareto.h"
#include "rca/pointslost.h"
#include "rca/quadrant.h"
#include "rca/rcaengine.h"
#include "rca/themes.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
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
    QList<PivotFilter> filters; // queue, channel, team, site, scorecard, sample_type (kept values)
    QString base;               // periods of "what changed" and the Paretos (current); empty: the last two months
    QString current;
    QString metric = QStringLiteral("csat_pct");        // what changed
    QString controlMetric = QStringLiteral("pass_rate"); // control charts
    QString controlPeriod = QStringLiteral("month");     // week or month
    QString funnelUnit = QStringLiteral("agent");        // agent or team
    bool auditorComments = false; // comment themes of auditors' comments (failed vs passed answers)
    // Control charts' baseline (analysis.md "Baseline"): the window of periods whose points set the
    // limits (labels, inclusive; empty: all shown but the latest), and whether one baseline is kept
    // across a scorecard version change (by default the limits restart there).
    QString baselineFrom;
    QString baselineTo;
    bool keepBaselineAcrossVersions = false;
    QString themeLanguage; // the comment themes keep this value of the data's language dimension; empty: all
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
    QDate latest; // the latest audit's period date: the date presets count from it (ui.md)
    QHash<QString, QStringList> members;                       // queue, channel, team, site -> labels
    QString base;                                              // the periods used
    QString current;

    std::optional<rca::Result> whatChanged;
    QString whatChangedError;
    InsightsChart contributions;

    rca::DriversResult drivers;
    QHash<QString, QString> criterionNames; // key -> name, for the drivers table
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
    QMap<QString, qint64> otherLanguages; // comments in other languages, counted and left out, by language
    qint64 declaredLanguages = 0;          // comments whose language the data's language dimension gave
    QString languageDimension;             // the data's language dimension, empty when it has none
    QStringList languages;                 // its values (the language filter offers them)

    // Failed criteria: the count Pareto and the points-lost Pareto beside it, in the current period.
    std::optional<rca::PointsLost> pointsLost;
    QString pointsLostError;
    InsightsChart failedChart;
    InsightsChart pointsLostChart;

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

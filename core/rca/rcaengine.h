// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rcaanalysis.h"

#include "pivot/cube.h"
#include "pivot/pivotengine.h"
#include "pivot/pivotspec.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ql::rca {

// The KPI of an analysis: one of analysis.md's KPIs by name, or compliance(KEY).
struct Metric
{
    QString spelling; // as asked: "csat_pct", "compliance(next_steps)"
    PivotSource source = PivotSource::Audits;
    QString measure;    // the pivot measure of the KPI
    QString sdMeasure;  // the pivot measure of its standard deviation (means only)
    double sdScale = 1; // compliance: c is 0–1, the KPI 0–100
    QString criterion;  // compliance(KEY): the criterion key
    Kind kind = Kind::Rate;
    QString title;       // for people: "CSAT", "QA score", "Compliance of next_steps"
    bool percent = true; // shown with % and its change in points

    // Parses a KPI name; the error names the ones allowed.
    static std::optional<Metric> parse(const QString &text, QString *error);
};

// A period as written on the command line (2026-10, 2026-Q3, 2026-W07, 2026, 2026-10-05) and the
// period dimension whose labels it matches.
struct Period
{
    QString label;
    QString dimension; // month, quarter, week, year or day
    static std::optional<Period> parse(const QString &text);
};

struct Request
{
    Metric metric;
    Period base;
    Period current;
    QStringList dimensions; // empty: every single-valued dimension that applies
    QList<PivotFilter> filters;
};

// The whole answer: the analysis, the drill inside the top element and the sentence.
struct Result
{
    Request request;
    Settings settings; // as used
    Analysis analysis;
    QString drillDimension; // the top dimension; empty when there is no drill
    QString drillElement;
    std::optional<Analysis> drill;
    QString summary;
    QStringList warnings; // for people: a scorecard version change between the periods
};

// Runs "what changed, and why" on the cube of the metric's source (Request::metric.source).
// Fails with a message when a dimension, filter or criterion is unknown, a dimension is
// multi-valued, or a period has no data.
class RcaEngine final
{
public:
    static std::optional<Result> run(const Cube &cube, const Request &request, const PivotOptions &options,
                                     const Settings &settings, QString *error);

    // The dimensions searched by default for a cube and metric.
    static QStringList defaultDimensions(const Cube &cube, const Metric &metric);
};

} // namespace ql::rca

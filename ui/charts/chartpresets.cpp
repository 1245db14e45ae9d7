// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpresets.h"

#include <QObject>

namespace ql {

namespace {

ChartSpec make(ChartType type, const QString &title, PivotSource source, const QStringList &rows, const QStringList &cols,
               const QStringList &measures)
{
    ChartSpec s;
    s.type = type;
    s.title = title;
    s.pivot.source = source;
    s.pivot.rows = rows;
    s.pivot.cols = cols;
    s.pivot.measures = measures;
    return s;
}

} // namespace

QList<ChartPreset> chartPresets()
{
    QList<ChartPreset> list;
    const QString month = QStringLiteral("month");
    ChartSpec bar = make(ChartType::Bar, QObject::tr("QA score by team"), PivotSource::Audits, {QStringLiteral("team")}, {},
                         {QStringLiteral("qa_score")});
    bar.target = 85;
    bar.labels = true;
    list << ChartPreset{QObject::tr("Bar: QA score by team"), bar};
    ChartSpec stacked = make(ChartType::StackedBar, QObject::tr("Audits by queue and channel"), PivotSource::Audits,
                             {QStringLiteral("queue")}, {QStringLiteral("channel")}, {QStringLiteral("count")});
    stacked.labels = true;
    list << ChartPreset{QObject::tr("Stacked bar: audits by queue and channel"), stacked};
    ChartSpec mix = stacked;
    mix.type = ChartType::StackedBar100;
    mix.title = QObject::tr("Channel mix per queue");
    list << ChartPreset{QObject::tr("100% stacked bar: channel mix per queue"), mix};
    ChartSpec line = make(ChartType::Line, QObject::tr("CSAT by month"), PivotSource::Csat, {month}, {},
                          {QStringLiteral("csat_pct")});
    line.band = QStringLiteral("ci95");
    line.target = 80;
    list << ChartPreset{QObject::tr("Line: CSAT by month with its interval"), line};
    ChartSpec combo = make(ChartType::Combo, QObject::tr("Audits and QA score by month"), PivotSource::Audits, {month}, {},
                           {QStringLiteral("count"), QStringLiteral("qa_score")});
    combo.target = 85;
    list << ChartPreset{QObject::tr("Combo: audits and QA score by month"), combo};
    ChartSpec pareto = make(ChartType::Pareto, QObject::tr("Root causes of failed answers"), PivotSource::Answers,
                            {QStringLiteral("root_cause")}, {}, {QStringLiteral("count")});
    pareto.pivot.filters << PivotFilter{QStringLiteral("root_cause"), true, {QStringLiteral("(blank)")}};
    pareto.labels = true;
    list << ChartPreset{QObject::tr("Pareto: root causes"), pareto};
    list << ChartPreset{QObject::tr("Box plot: scores by auditor"),
                        make(ChartType::Box, QObject::tr("Audit scores by auditor"), PivotSource::Audits,
                             {QStringLiteral("auditor")}, {}, {QStringLiteral("qa_score")})};
    list << ChartPreset{QObject::tr("Scatter: QA score against CSAT by agent"),
                        make(ChartType::Scatter, QObject::tr("QA score against CSAT by agent"), PivotSource::Audits,
                             {QStringLiteral("agent_name")}, {QStringLiteral("site")},
                             {QStringLiteral("qa_score"), QStringLiteral("csat_pct"), QStringLiteral("count")})};
    list << ChartPreset{QObject::tr("Heat map: compliance by criterion and queue"),
                        make(ChartType::Heatmap, QObject::tr("Compliance by criterion and queue"), PivotSource::Answers,
                             {QStringLiteral("criterion")}, {QStringLiteral("queue")}, {QStringLiteral("compliance")})};
    list << ChartPreset{QObject::tr("p-chart: pass rate by month"),
                        make(ChartType::PChart, QObject::tr("Pass rate by month"), PivotSource::Audits, {month}, {},
                             {QStringLiteral("pass_rate")})};
    list << ChartPreset{QObject::tr("XmR: QA score by month"),
                        make(ChartType::Xmr, QObject::tr("QA score by month"), PivotSource::Audits, {month}, {},
                             {QStringLiteral("qa_score")})};
    list << ChartPreset{QObject::tr("Funnel: pass rate by agent"),
                        make(ChartType::Funnel, QObject::tr("Pass rate by agent"), PivotSource::Audits,
                             {QStringLiteral("agent")}, {}, {QStringLiteral("pass_rate")})};
    return list;
}

} // namespace ql

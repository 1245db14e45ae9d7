// SPDX-License-Identifier: GPL-3.0-or-later
#include "sentsection.h"

#include "chart/chartspec.h"
#include "rca/rcaengine.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <array>

namespace ql {

namespace {

struct AnalysisName
{
    SentSection::Analysis analysis;
    const char *name;
};

constexpr std::array<AnalysisName, 6> kNames{{{SentSection::Analysis::WhatChanged, "what-changed"},
                                               {SentSection::Analysis::Drivers, "drivers"},
                                               {SentSection::Analysis::Pareto, "pareto"},
                                               {SentSection::Analysis::Themes, "themes"},
                                               {SentSection::Analysis::Control, "control-chart"},
                                               {SentSection::Analysis::Funnel, "funnel"}}};

bool usesKpi(SentSection::Analysis a)
{
    return a == SentSection::Analysis::WhatChanged || a == SentSection::Analysis::Control
           || a == SentSection::Analysis::Funnel;
}

QString filtersText(const QList<PivotFilter> &filters)
{
    QStringList parts;
    for (const PivotFilter &f : filters)
        parts << QStringLiteral("%1 %2 %3")
                     .arg(f.dimension, f.exclude ? QStringLiteral("≠") : QStringLiteral("="),
                          f.values.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral("; "));
}

} // namespace

QString sentAnalysisName(SentSection::Analysis analysis)
{
    for (const AnalysisName &n : kNames)
        if (n.analysis == analysis)
            return QString::fromLatin1(n.name);
    return {};
}

std::optional<SentSection::Analysis> sentAnalysisFromName(const QString &name)
{
    for (const AnalysisName &n : kNames)
        if (name == QLatin1String(n.name))
            return n.analysis;
    return std::nullopt;
}

QJsonObject SentSection::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("analysis"), sentAnalysisName(analysis));
    o.insert(QLatin1String("title"), title);
    if (usesKpi(analysis))
        o.insert(QLatin1String("kpi"), kpi);
    if (analysis == Analysis::Pareto || analysis == Analysis::Funnel)
        o.insert(QLatin1String("dimension"), dimension);
    if (analysis == Analysis::Control)
        o.insert(QLatin1String("period"), periodUnit);
    if (analysis == Analysis::Themes)
        o.insert(QLatin1String("comments"), auditorComments ? QStringLiteral("auditors") : QStringLiteral("customers"));
    const QJsonValue f = waterfallFiltersJson(filters);
    o.insert(QLatin1String("filters"), f.isObject() ? f : QJsonObject());
    return o;
}

std::optional<SentSection> SentSection::fromJson(const QJsonObject &o, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<SentSection> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    auto text = [&o](const char *key) { return o.value(QLatin1String(key)).toString(); };
    SentSection s;
    const auto analysis = sentAnalysisFromName(text("analysis"));
    if (!analysis)
        return fail(QStringLiteral("analysis must be what-changed, drivers, pareto, themes, control-chart or funnel, not \"%1\"")
                        .arg(text("analysis")));
    s.analysis = *analysis;
    s.title = text("title").trimmed();
    if (usesKpi(s.analysis)) {
        s.kpi = text("kpi");
        QString why;
        const auto metric = rca::Metric::parse(s.kpi, &why);
        if (!metric)
            return fail(QStringLiteral("kpi: %1").arg(why));
        if (s.analysis != Analysis::WhatChanged && metric->source == PivotSource::Answers)
            return fail(QStringLiteral("kpi: a control chart or funnel needs an audit or CSAT KPI, not \"%1\"").arg(s.kpi));
    }
    if (s.analysis == Analysis::Pareto) {
        s.dimension = text("dimension");
        if (s.dimension != QLatin1String("reason") && s.dimension != QLatin1String("root_cause"))
            return fail(QStringLiteral("dimension must be reason or root_cause, not \"%1\"").arg(s.dimension));
    }
    if (s.analysis == Analysis::Funnel) {
        s.dimension = text("dimension");
        if (s.dimension != QLatin1String("agent") && s.dimension != QLatin1String("team"))
            return fail(QStringLiteral("dimension must be agent or team, not \"%1\"").arg(s.dimension));
    }
    if (s.analysis == Analysis::Control) {
        s.periodUnit = text("period");
        if (s.periodUnit != QLatin1String("week") && s.periodUnit != QLatin1String("month"))
            return fail(QStringLiteral("period must be week or month, not \"%1\"").arg(s.periodUnit));
    }
    if (s.analysis == Analysis::Themes) {
        const QString comments = text("comments");
        if (comments != QLatin1String("customers") && comments != QLatin1String("auditors"))
            return fail(QStringLiteral("comments must be customers or auditors, not \"%1\"").arg(comments));
        s.auditorComments = comments == QLatin1String("auditors");
    }
    const QJsonValue filters = o.value(QLatin1String("filters"));
    if (!filters.isUndefined()) {
        if (!filters.isObject())
            return fail(QStringLiteral("filters must be an object such as {\"queue\": {\"in\": [\"Billing\"]}}"));
        QJsonObject pivot;
        pivot.insert(QLatin1String("measures"), QJsonArray{QStringLiteral("count")});
        pivot.insert(QLatin1String("filters"), filters);
        QString why;
        const auto spec = PivotSpec::fromJsonObject(pivot, &why);
        if (!spec)
            return fail(why);
        s.filters = spec->filters;
    }
    if (s.title.isEmpty())
        s.title = s.defaultTitle();
    return s;
}

QString SentSection::defaultTitle() const
{
    QString kpiTitle = kpi;
    if (usesKpi(analysis)) {
        QString ignored;
        if (const auto metric = rca::Metric::parse(kpi, &ignored))
            kpiTitle = metric->title;
    }
    QString t;
    switch (analysis) {
    case Analysis::WhatChanged:
        t = QStringLiteral("What changed in %1").arg(kpiTitle);
        break;
    case Analysis::Drivers:
        t = QStringLiteral("Drivers of CSAT");
        break;
    case Analysis::Pareto:
        t = dimension == QLatin1String("reason") ? QStringLiteral("Pareto of CSAT reasons")
                                                 : QStringLiteral("Pareto of root causes");
        break;
    case Analysis::Themes:
        t = auditorComments ? QStringLiteral("Themes of auditors' comments") : QStringLiteral("Themes of customers' comments");
        break;
    case Analysis::Control:
        t = QStringLiteral("%1 by %2, control chart").arg(kpiTitle, periodUnit);
        break;
    case Analysis::Funnel:
        t = QStringLiteral("%1 of %2s, funnel plot").arg(kpiTitle, dimension);
        break;
    }
    if (!filters.isEmpty())
        t += QStringLiteral(" (%1)").arg(filtersText(filters));
    return t;
}

} // namespace ql

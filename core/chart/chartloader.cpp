// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartloader.h"

#include "chartdatabuilder.h"
#include "pivot/cubebuilder.h"
#include "pivot/pivotengine.h"
#include "rca/rcaengine.h"
#include "store/criterionnames.h"
#include "store/projectsettings.h"
#include "waterfall.h"

#include <QJsonArray>
#include <QObject>

namespace ql {

ChartLoader::ChartLoader(const QSqlDatabase &db, const std::atomic_bool *cancel) : m_db(db), m_cancel(cancel) {}

std::shared_ptr<const Cube> ChartLoader::cube(PivotSource source, QString *error)
{
    auto &cube = m_cubes[source];
    if (!cube) {
        CubeBuilder::Control control;
        control.cancel = m_cancel;
        std::shared_ptr<const Cube> audits;
        if (source != PivotSource::Audits) {
            audits = this->cube(PivotSource::Audits, error);
            if (!audits)
                return nullptr;
        }
        cube = CubeBuilder::build(m_db, source, control, error, audits);
    }
    return cube;
}

std::optional<ChartData> ChartLoader::load(const ChartSpec &spec, QString *error)
{
    if (const QString problem = spec.validate(); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    const ProjectSettings settings(m_db);
    PivotOptions options = PivotOptions::fromProject(m_db);
    // A chart is an output: agents appear as the spec's "names" or else the project's name_display
    // says (ui.md "People in outputs").
    const auto agents = PivotAgentDisplay::forOutput(m_db, spec.names, error);
    if (!agents)
        return std::nullopt;
    options.agents = *agents;
    if (spec.type != ChartType::Waterfall) {
        ChartContext context;
        context.minSample =
            spec.pivot.source == PivotSource::Csat ? settings.minSampleResponses() : settings.minSampleAudits();
        context.periodDate = settings.periodDate();
        context.organisation = settings.organisationName();
        context.countedSampleTypes = settings.countedSampleTypes();
        if (!m_criterionNames)
            m_criterionNames = CriterionNames::load(m_db);
        context.criterionNames = *m_criterionNames;
        const auto c = cube(spec.pivot.source, error);
        if (!c)
            return std::nullopt;
        return ChartDataBuilder::build(*c, spec, options, context, error);
    }

    rca::Request request;
    const auto metric = rca::Metric::parse(spec.rca.value(QLatin1String("metric")).toString(), error);
    if (!metric)
        return std::nullopt;
    request.metric = *metric;
    request.base = *rca::Period::parse(spec.rca.value(QLatin1String("base")).toString());
    request.current = *rca::Period::parse(spec.rca.value(QLatin1String("current")).toString());
    for (const QJsonValue &d : spec.rca.value(QLatin1String("dims")).toArray())
        request.dimensions << d.toString();
    const auto filters = waterfallFilters(spec, error);
    if (!filters)
        return std::nullopt;
    request.filters = *filters;
    const auto c = cube(metric->source, error);
    if (!c)
        return std::nullopt;
    rca::Settings rcaSettings;
    rcaSettings.minSample =
        metric->source == PivotSource::Csat ? settings.minSampleResponses() : settings.minSampleAudits();
    rcaSettings.minChange = settings.value(ProjectSettings::RcaMinimumChange).toDouble();
    const auto result = rca::RcaEngine::run(*c, request, options, rcaSettings, error);
    if (!result)
        return std::nullopt;
    auto data = waterfallChartData(*result, error);
    if (data) {
        data->organisation = settings.organisationName();
        if (metric->source != PivotSource::Csat && settings.periodDate() == QLatin1String("interaction_date"))
            data->periodDate = QObject::tr("interaction date");
    }
    return data;
}

} // namespace ql

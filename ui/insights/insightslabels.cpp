// SPDX-License-Identifier: GPL-3.0-or-later
#include "insightslabels.h"

#include "export/agentnames.h"
#include "store/projectsettings.h"

#include <QObject>

namespace ql {

void InsightsLabels::markNew(InsightsChart &chart, const rca::Pareto &pareto)
{
    if (!chart.data)
        return;
    ChartData &d = *chart.data;
    QSet<QString> fresh;
    for (const rca::ParetoItem &item : pareto.items)
        if (item.isNew)
            fresh.insert(item.label);
    d.categoryTags.clear();
    for (const QString &category : std::as_const(d.categories))
        d.categoryTags << (fresh.contains(category) ? QObject::tr("NEW") : QString());
    if (!fresh.isEmpty() && !pareto.previousPeriods.isEmpty())
        d.notes << QObject::tr("NEW: absent in each of the three periods before (%1 – %2)")
                       .arg(chartDisplayLabel(pareto.previousPeriods.first()),
                            chartDisplayLabel(pareto.previousPeriods.last()));
}

std::optional<QHash<QString, QString>> InsightsLabels::agentLabels(const QSqlDatabase &db, const Cube &audits,
                                                                   const PivotOptions &options, QString *error)
{
    const NameDisplay display = AgentNames::fromName(ProjectSettings(db).value(ProjectSettings::NameDisplay).toString())
                                    .value_or(NameDisplay::Names);
    QByteArray key;
    if (display == NameDisplay::Pseudonyms) {
        QString why;
        key = AgentNames::projectKey(db, &why);
        if (key.isEmpty()) {
            *error = QObject::tr("Agents cannot be shown as pseudonyms: %1").arg(why);
            return std::nullopt;
        }
    }
    PivotSpec spec;
    spec.source = PivotSource::Audits;
    spec.rows = QStringList{QStringLiteral("agent"), QStringLiteral("agent_name")};
    spec.measures = QStringList{QStringLiteral("count")};
    const auto result = PivotEngine::compute(audits, spec, options, error);
    if (!result)
        return std::nullopt;
    QHash<QString, QString> out;
    for (const PivotHeader &row : result->rows()) {
        const QString id = row.labels.value(0);
        const QString name = row.labels.value(1);
        if (id.isEmpty() || out.contains(id) || row.labels.size() < 2)
            continue;
        switch (display) {
        case NameDisplay::Names:
            out.insert(id, name.isEmpty() || name == QLatin1String("(blank)") ? id : name);
            break;
        case NameDisplay::Ids:
            out.insert(id, id);
            break;
        case NameDisplay::Pseudonyms:
            out.insert(id, AgentNames::pseudonym(key, id));
            break;
        }
    }
    return out;
}

void InsightsLabels::nameUnits(InsightsChart &chart, const QHash<QString, QString> &labels)
{
    if (!chart.data)
        return;
    ChartData &d = *chart.data;
    d.displayCategories.clear();
    for (const QString &category : std::as_const(d.categories))
        d.displayCategories << labels.value(category, category);
}

} // namespace ql

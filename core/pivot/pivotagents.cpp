// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotagents.h"

#include "store/projectsettings.h"

#include <QObject>

#include <algorithm>

namespace ql {

std::optional<PivotAgentDisplay> PivotAgentDisplay::forOutput(const QSqlDatabase &db,
                                                              std::optional<NameDisplay> override, QString *error)
{
    PivotAgentDisplay display;
    display.display =
        override.value_or(AgentNames::fromName(ProjectSettings(db).value(ProjectSettings::NameDisplay).toString())
                              .value_or(NameDisplay::Names));
    if (display.display == NameDisplay::Pseudonyms) {
        display.pseudonymKey = AgentNames::projectKey(db, error);
        if (display.pseudonymKey.isEmpty())
            return std::nullopt;
    }
    return display;
}

AgentOverlay agentOverlay(const Cube &cube, const QString &name, const PivotAgentDisplay &display)
{
    AgentOverlay overlay;
    const bool isAgent = name == QLatin1String("agent"), isName = name == QLatin1String("agent_name");
    if (display.display == NameDisplay::Names || !(isAgent || isName) ||
        (isAgent && display.display == NameDisplay::Ids))
        return overlay;
    const Cube::DimensionRef agentRef = cube.findDimension(QStringLiteral("agent"));
    const Cube::DimensionRef shownRef = cube.findDimension(name);
    if (!agentRef || !shownRef)
        return overlay;
    const CubeDimension &agents = *agentRef.dimension;
    const CubeDimension &shown = *shownRef.dimension;

    // One member per agent (code a < blank), labelled as asked; equal labels share a member.
    const std::int32_t agentBlank = agents.blankCode();
    QStringList labels;
    labels.reserve(agentBlank);
    for (std::int32_t a = 0; a < agentBlank; ++a) {
        const QString &id = agents.labels.at(a);
        labels << (display.display == NameDisplay::Pseudonyms ? AgentNames::pseudonym(display.pseudonymKey, id) : id);
    }
    // Code-point order, as the cube's dictionaries sort (their UTF-8 bytes).
    const auto codePointLess = [](const QString &x, const QString &y) { return x.toUtf8() < y.toUtf8(); };
    QStringList sorted = labels;
    std::sort(sorted.begin(), sorted.end(), codePointLess);
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    std::vector<std::int32_t> newOfAgent(std::size_t(agentBlank) + 1);
    for (std::int32_t a = 0; a < agentBlank; ++a)
        newOfAgent[std::size_t(a)] = std::int32_t(
            std::lower_bound(sorted.cbegin(), sorted.cend(), labels.at(a), codePointLess) - sorted.cbegin());
    const std::int32_t blank = std::int32_t(sorted.size());
    newOfAgent[std::size_t(agentBlank)] = blank;

    auto dim = std::make_unique<CubeDimension>();
    dim->name = shown.name;
    dim->labels = sorted;
    dim->labels << agents.labels.at(agentBlank); // (blank)
    dim->column = agents.column;
    // Column code -> agent code (the agent dimension's own map, if any) -> overlay code.
    const std::size_t columnCodes = agents.map.empty() ? std::size_t(agents.cardinality()) : agents.map.size();
    dim->map.resize(columnCodes);
    for (std::size_t c = 0; c < columnCodes; ++c)
        dim->map[c] = newOfAgent[std::size_t(agents.map.empty() ? std::int32_t(c) : agents.map[c])];

    // The stood-in dimension's code of each overlay member (the first agent under it).
    overlay.originalCode.assign(std::size_t(blank) + 1, shown.blankCode());
    std::vector<std::uint8_t> seen(std::size_t(blank) + 1, 0);
    for (std::int32_t a = 0; a <= agentBlank; ++a) {
        const std::int32_t n = newOfAgent[std::size_t(a)];
        if (seen[std::size_t(n)])
            continue;
        seen[std::size_t(n)] = 1;
        if (isAgent || shown.map.empty())
            overlay.originalCode[std::size_t(n)] = a;
        else if (std::size_t(a) < shown.map.size())
            overlay.originalCode[std::size_t(n)] = shown.map[std::size_t(a)];
    }
    overlay.dimension = std::move(dim);
    overlay.viaParent = agentRef.viaParent;
    return overlay;
}

QStringList agentFilterLabels(const Cube &cube, const QString &dimension, const QStringList &values,
                              const PivotAgentDisplay &display)
{
    const bool isAgent = dimension == QLatin1String("agent"), isName = dimension == QLatin1String("agent_name");
    if (display.display == NameDisplay::Names || !(isAgent || isName) ||
        (isAgent && display.display == NameDisplay::Ids))
        return values;
    const bool pseudonyms = display.display == NameDisplay::Pseudonyms;
    auto shownOf = [&](const QString &id) { return pseudonyms ? AgentNames::pseudonym(display.pseudonymKey, id) : id; };
    QStringList out;
    if (isAgent) {
        const Cube::DimensionRef agentRef = cube.findDimension(QStringLiteral("agent"));
        for (const QString &id : values)
            out << (agentRef && agentRef.dimension->labels.contains(id) ? shownOf(id) : QObject::tr("(unknown)"));
        return out;
    }
    const Cube::DimensionRef agentRef = cube.findDimension(QStringLiteral("agent"));
    const Cube::DimensionRef nameRef = cube.findDimension(QStringLiteral("agent_name"));
    if (!agentRef || !nameRef)
        return pseudonyms ? QStringList(values.size(), QObject::tr("(unknown)")) : values;
    const CubeDimension &agents = *agentRef.dimension;
    const CubeDimension &names = *nameRef.dimension;
    for (const QString &name : values) {
        const std::int32_t code = std::int32_t(names.labels.indexOf(name));
        QStringList shown;
        for (std::int32_t a = 0; code >= 0 && a < agents.blankCode(); ++a) {
            const std::int32_t nameCode = names.map.empty() ? a : (std::size_t(a) < names.map.size() ? names.map[std::size_t(a)] : -1);
            if (nameCode == code)
                shown << shownOf(agents.labels.at(a));
        }
        if (shown.isEmpty())
            out << (pseudonyms ? QObject::tr("(unknown)") : name);
        else
            out << shown;
    }
    return out;
}

} // namespace ql

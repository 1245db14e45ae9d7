// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cube.h"
#include "export/agentnames.h"

#include <QByteArray>
#include <QSqlDatabase>

#include <memory>
#include <optional>
#include <vector>

namespace ql {

// How a pivot shows agents in an output (ui.md "People in outputs"): the cube keeps ids under
// `agent` and names under `agent_name`; an output may ask for ids or stable pseudonyms instead.
struct PivotAgentDisplay
{
    NameDisplay display = NameDisplay::Names;
    QByteArray pseudonymKey; // for Pseudonyms (AgentNames::projectKey)

    // The override when given, else the project's name_display; with the project's pseudonym key
    // when pseudonyms are asked (made on first use if the connection can write). nullopt, with
    // *error, when pseudonyms are asked of a read-only project that has no key yet.
    static std::optional<PivotAgentDisplay> forOutput(const QSqlDatabase &db, std::optional<NameDisplay> override,
                                                      QString *error);
};

// A dimension standing in for the cube's `agent` or `agent_name` on a pivot's axis, labelled as
// the display asks: Ids turns agent_name into one member per agent, labelled by id; Pseudonyms
// labels both by pseudonym. Members are re-sorted by their new labels (code-point order, (blank)
// last), so the order of the rows says nothing about the ids behind pseudonyms.
struct AgentOverlay
{
    std::unique_ptr<CubeDimension> dimension;
    bool viaParent = false;
    // For each overlay code: the code of the same agent in the dimension it stands in for (so a
    // filter written on ids or names still selects the same agents).
    std::vector<std::int32_t> originalCode;
};

// The overlay for dimension `name`, or an empty one (dimension == nullptr) when the display leaves
// that dimension as the cube has it (Names; `agent` under Ids; any other dimension).
AgentOverlay agentOverlay(const Cube &cube, const QString &name, const PivotAgentDisplay &display);

// The values of a filter on `agent` (ids) or `agent_name` (names) as the display shows agents, for
// an output's footnote: under Ids the ids (a name gives the ids of its agents), under Pseudonyms
// the pseudonyms, so a footnote never names whom the axes hide. Any other filter, or Names: the
// values as they are. A value the cube does not hold is kept under Ids and shown as "(unknown)"
// under Pseudonyms.
QStringList agentFilterLabels(const Cube &cube, const QString &dimension, const QStringList &values,
                              const PivotAgentDisplay &display);

} // namespace ql

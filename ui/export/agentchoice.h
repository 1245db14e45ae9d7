// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/agentnames.h"

#include <optional>

class QAction;
class QActionGroup;

namespace ql {

// The "Agents in the export" menu of an Export action (ui.md "People in outputs": a project
// setting with a per-output override): As the Project Sets, Agent Names, Agent Ids, Pseudonyms.
class AgentChoice final
{
public:
    AgentChoice() = delete;

    // Gives `action` that menu (it is deleted with the action) and returns its exclusive group,
    // parented to the action, with "As the Project Sets" checked.
    static QActionGroup *attach(QAction *action);
    // The checked choice; nullopt means the project's name_display.
    static std::optional<NameDisplay> chosen(const QActionGroup *group);
    static void choose(QActionGroup *group, std::optional<NameDisplay> display);
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentchoice.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>

namespace ql {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ql::AgentChoice", text);
}
} // namespace

QActionGroup *AgentChoice::attach(QAction *action)
{
    auto *menu = new QMenu(tr("Agents in the Export"));
    menu->setObjectName(QStringLiteral("exportAgentsMenu"));
    menu->setToolTipsVisible(true);
    QObject::connect(action, &QObject::destroyed, menu, &QObject::deleteLater);
    auto *group = new QActionGroup(action);
    group->setExclusive(true);
    menu->addSection(tr("Agents in the export"));
    struct Choice
    {
        const char *name;
        QString text;
        QString tip;
        int value; // -1: the project's setting
    };
    const Choice choices[] = {
        {"agentsAsProject", tr("As the Project Sets"),
         tr("Agents appear as Project Settings say (names, ids or pseudonyms)"), -1},
        {"agentsAsNames", tr("Agent Names"), tr("Agents appear by name"), int(NameDisplay::Names)},
        {"agentsAsIds", tr("Agent Ids"), tr("Agents appear by their id in the source, never by name"),
         int(NameDisplay::Ids)},
        {"agentsAsPseudonyms", tr("Pseudonyms"),
         tr("Agents appear as a stable pseudonym of this project (\"Agent 7QK2MD\"), never by name or id"),
         int(NameDisplay::Pseudonyms)},
    };
    for (const Choice &choice : choices) {
        QAction *item = menu->addAction(choice.text);
        item->setObjectName(QLatin1String(choice.name));
        item->setToolTip(choice.tip);
        item->setCheckable(true);
        item->setData(choice.value);
        item->setChecked(choice.value < 0);
        group->addAction(item);
    }
    action->setMenu(menu);
    return group;
}

std::optional<NameDisplay> AgentChoice::chosen(const QActionGroup *group)
{
    const QAction *checked = group ? group->checkedAction() : nullptr;
    if (!checked || checked->data().toInt() < 0)
        return std::nullopt;
    return NameDisplay(checked->data().toInt());
}

void AgentChoice::choose(QActionGroup *group, std::optional<NameDisplay> display)
{
    if (!group)
        return;
    const int wanted = display ? int(*display) : -1;
    for (QAction *action : group->actions())
        if (action->data().toInt() == wanted)
            action->setChecked(true);
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencescommand.h"

#include <QCoreApplication>

namespace ql {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ql::PreferencesCommand", text);
}

} // namespace

std::unique_ptr<PreferencesCommand> PreferencesCommand::create(const QSqlDatabase &db, const Values &after,
                                                               QString *error, Notify notify)
{
    ProjectSettings settings(db);
    Values before, changed;
    for (const auto &[key, value] : after) {
        const QVariant old = settings.value(key);
        if (old.toString() == value.toString() && old.toStringList() == value.toStringList())
            continue;
        before.append({key, old});
        changed.append({key, value});
    }
    if (changed.isEmpty())
        return nullptr; // nothing to write, nothing to undo
    if (!settings.setValues(changed, tr("Preferences"), error))
        return nullptr;
    // What the project now holds (setValues normalises, e.g. colours upper-cased).
    Values now;
    for (const auto &[key, value] : std::as_const(changed))
        now.append({key, settings.value(key)});
    std::unique_ptr<PreferencesCommand> command(new PreferencesCommand(db, before, now, std::move(notify)));
    if (command->m_notify)
        command->m_notify();
    return command;
}

PreferencesCommand::PreferencesCommand(const QSqlDatabase &db, Values before, Values after, Notify notify)
    : m_db(db), m_before(std::move(before)), m_after(std::move(after)), m_notify(std::move(notify))
{
    setText(tr("Change Preferences"));
}

void PreferencesCommand::write(const Values &values, const QString &reason)
{
    m_error.clear();
    if (!ProjectSettings(m_db).setValues(values, reason, &m_error)) {
        setObsolete(true); // the project refused (read-only, gone): the stack drops what it cannot do
        return;
    }
    if (m_notify)
        m_notify();
}

void PreferencesCommand::undo()
{
    write(m_before, tr("Preferences (undo)"));
    m_applied = false;
}

void PreferencesCommand::redo()
{
    if (m_applied)
        return;
    write(m_after, tr("Preferences (redo)"));
    m_applied = true;
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "renamescorecardcommand.h"

#include "store/scorecardlifecycle.h"

#include <QCoreApplication>

namespace ql {

std::unique_ptr<RenameScorecardCommand> RenameScorecardCommand::create(const QSqlDatabase &db, const QString &from,
                                                                       const QString &to, const QString &reason,
                                                                       QString *error, Notify notify)
{
    if (!ScorecardLifecycle(db).rename(from, to, reason, error))
        return nullptr;
    std::unique_ptr<RenameScorecardCommand> command(new RenameScorecardCommand(db, from, to, reason, std::move(notify)));
    if (command->m_notify)
        command->m_notify();
    return command;
}

RenameScorecardCommand::RenameScorecardCommand(const QSqlDatabase &db, QString from, QString to, QString reason,
                                               Notify notify)
    : m_db(db), m_from(std::move(from)), m_to(std::move(to)), m_reason(std::move(reason)), m_notify(std::move(notify))
{
    setText(QCoreApplication::translate("ql::RenameScorecardCommand", "Rename scorecard %1 to %2").arg(m_from, m_to));
}

void RenameScorecardCommand::step(const QString &from, const QString &to, const QString &reason, bool applied)
{
    m_error.clear();
    if (!ScorecardLifecycle(m_db).rename(from, to, reason, &m_error)) {
        setObsolete(true);
        return;
    }
    m_applied = applied;
    if (m_notify)
        m_notify();
}

void RenameScorecardCommand::undo()
{
    step(m_to, m_from, QStringLiteral("Undo: ") + m_reason, false);
}

void RenameScorecardCommand::redo()
{
    if (!m_applied)
        step(m_from, m_to, QStringLiteral("Redo: ") + m_reason, true);
}

} // namespace ql

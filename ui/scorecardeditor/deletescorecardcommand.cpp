// SPDX-License-Identifier: GPL-3.0-or-later
#include "deletescorecardcommand.h"

#include "store/scorecardlifecycle.h"

#include <QCoreApplication>

namespace ql {

std::unique_ptr<DeleteScorecardCommand> DeleteScorecardCommand::create(const QSqlDatabase &db, const QString &name,
                                                                       const QString &reason, QString *error,
                                                                       Notify notify)
{
    auto removed = ScorecardLifecycle(db).remove(name, reason, error);
    if (!removed)
        return nullptr;
    std::unique_ptr<DeleteScorecardCommand> command(
        new DeleteScorecardCommand(db, name, std::move(*removed), reason, std::move(notify)));
    if (command->m_notify)
        command->m_notify();
    return command;
}

DeleteScorecardCommand::DeleteScorecardCommand(const QSqlDatabase &db, QString name, QList<StoredScorecard> versions,
                                               QString reason, Notify notify)
    : m_db(db), m_name(std::move(name)), m_versions(std::move(versions)), m_reason(std::move(reason)),
      m_notify(std::move(notify))
{
    setText(QCoreApplication::translate("ql::DeleteScorecardCommand", "Delete scorecard %1").arg(m_name));
}

void DeleteScorecardCommand::undo()
{
    m_error.clear();
    if (!ScorecardLifecycle(m_db).restore(m_versions, QStringLiteral("Undo: ") + m_reason, &m_error)) {
        setObsolete(true);
        return;
    }
    m_applied = false;
    if (m_notify)
        m_notify();
}

void DeleteScorecardCommand::redo()
{
    if (m_applied)
        return;
    m_error.clear();
    auto removed = ScorecardLifecycle(m_db).remove(m_name, QStringLiteral("Redo: ") + m_reason, &m_error);
    if (!removed) {
        setObsolete(true);
        return;
    }
    m_versions = std::move(*removed);
    m_applied = true;
    if (m_notify)
        m_notify();
}

} // namespace ql

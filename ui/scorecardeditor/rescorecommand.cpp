// SPDX-License-Identifier: GPL-3.0-or-later
#include "rescorecommand.h"

#include "scorecard/whatifrescore.h"

#include <QCoreApplication>

namespace ql {

std::unique_ptr<RescoreCommand> RescoreCommand::create(const QSqlDatabase &db, const WhatIfResult &whatIf,
                                                       const QString &reason, QString *error, Notify notify)
{
    if (!whatIf.canApply()) {
        if (error)
            *error = whatIf.applyBlocker.isEmpty()
                         ? QCoreApplication::translate("ql::RescoreCommand", "nothing to apply")
                         : whatIf.applyBlocker;
        return nullptr;
    }
    if (!AuditRescoreStore(db).write(whatIf.scorecard, whatIf.applyBefore, whatIf.applyAfter, reason, error))
        return nullptr;
    std::unique_ptr<RescoreCommand> command(new RescoreCommand(db, whatIf.scorecard, whatIf.applyBefore,
                                                               whatIf.applyAfter, reason, std::move(notify)));
    command->setText(QCoreApplication::translate("ql::RescoreCommand", "Re-score %1 audits under %2")
                         .arg(whatIf.applyAfter.size())
                         .arg(whatIf.targetLabel));
    if (command->m_notify)
        command->m_notify();
    return command;
}

RescoreCommand::RescoreCommand(const QSqlDatabase &db, QString scorecard, QList<RescoredAudit> before,
                               QList<RescoredAudit> after, QString reason, Notify notify)
    : m_db(db)
    , m_scorecard(std::move(scorecard))
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_reason(std::move(reason))
    , m_notify(std::move(notify))
{
}

void RescoreCommand::undo()
{
    m_error.clear();
    if (!AuditRescoreStore(m_db).write(m_scorecard, m_after, m_before, QStringLiteral("Undo: ") + m_reason, &m_error)) {
        setObsolete(true);
        return;
    }
    m_applied = false;
    if (m_notify)
        m_notify();
}

void RescoreCommand::redo()
{
    if (m_applied)
        return;
    m_error.clear();
    if (!AuditRescoreStore(m_db).write(m_scorecard, m_before, m_after, QStringLiteral("Redo: ") + m_reason, &m_error)) {
        setObsolete(true);
        return;
    }
    m_applied = true;
    if (m_notify)
        m_notify();
}

} // namespace ql

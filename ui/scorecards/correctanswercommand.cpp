// SPDX-License-Identifier: GPL-3.0-or-later
#include "correctanswercommand.h"

#include <QCoreApplication>

namespace ql {

std::unique_ptr<CorrectAnswerCommand> CorrectAnswerCommand::create(const QSqlDatabase &db, qint64 auditId,
                                                                   const QString &criterionKey, const AnswerState &state,
                                                                   const QString &reason, QString *error, Notify notify)
{
    auto result = AuditCorrections(db).setAnswer(auditId, criterionKey, state, reason, error);
    if (!result)
        return nullptr;
    std::unique_ptr<CorrectAnswerCommand> command(new CorrectAnswerCommand(db, *result, reason, std::move(notify)));
    if (command->m_notify)
        command->m_notify(auditId);
    return command;
}

CorrectAnswerCommand::CorrectAnswerCommand(const QSqlDatabase &db, CorrectionResult result, QString reason, Notify notify)
    : m_db(db), m_result(std::move(result)), m_reason(std::move(reason)), m_notify(std::move(notify))
{
    setText(QCoreApplication::translate("ql::CorrectAnswerCommand", "Correct %1").arg(m_result.criterionKey));
}

void CorrectAnswerCommand::undo()
{
    m_error.clear();
    const auto done = AuditCorrections(m_db).setAnswer(m_result.auditId, m_result.criterionKey, m_result.before,
                                                       QStringLiteral("Undo: ") + m_reason, &m_error,
                                                       m_result.localChangesBefore);
    if (!done) {
        setObsolete(true); // the data moved on underneath; the stack drops what it cannot undo
        return;
    }
    m_applied = false;
    if (m_notify)
        m_notify(m_result.auditId);
}

void CorrectAnswerCommand::redo()
{
    if (m_applied)
        return;
    m_error.clear();
    const auto done = AuditCorrections(m_db).setAnswer(m_result.auditId, m_result.criterionKey, m_result.after,
                                                       QStringLiteral("Redo: ") + m_reason, &m_error);
    if (!done) {
        setObsolete(true);
        return;
    }
    m_applied = true;
    if (m_notify)
        m_notify(m_result.auditId);
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "savescorecardcommand.h"

#include <QCoreApplication>

namespace ql {

std::unique_ptr<SaveScorecardCommand> SaveScorecardCommand::create(const QSqlDatabase &db, qint64 baseId,
                                                                   const Scorecard &card, QDate validFrom,
                                                                   const QString &reason, QString *error,
                                                                   Notify notify)
{
    auto edit = ScorecardEdits(db).save(baseId, card, validFrom, reason, error);
    if (!edit)
        return nullptr;
    std::unique_ptr<SaveScorecardCommand> command(new SaveScorecardCommand(db, *edit, reason, std::move(notify)));
    if (command->m_notify)
        command->m_notify(command->m_edit);
    return command;
}

SaveScorecardCommand::SaveScorecardCommand(const QSqlDatabase &db, ScorecardEdit edit, QString reason, Notify notify)
    : m_db(db), m_edit(std::move(edit)), m_reason(std::move(reason)), m_notify(std::move(notify))
{
    const char *text = m_edit.kind == ScorecardEdit::Kind::Created      ? "New scorecard %1 (version %2)"
                       : m_edit.kind == ScorecardEdit::Kind::NewVersion ? "Save %1 version %2"
                                                                        : "Rename in %1 version %2";
    setText(QCoreApplication::translate("ql::SaveScorecardCommand", text)
                .arg(m_edit.card.name)
                .arg(m_edit.card.version));
}

void SaveScorecardCommand::undo()
{
    m_error.clear();
    if (!ScorecardEdits(m_db).undo(m_edit, QStringLiteral("Undo: ") + m_reason, &m_error)) {
        setObsolete(true);
        return;
    }
    m_applied = false;
    if (m_notify)
        m_notify(m_edit);
}

void SaveScorecardCommand::redo()
{
    if (m_applied)
        return;
    m_error.clear();
    if (!ScorecardEdits(m_db).redo(m_edit, QStringLiteral("Redo: ") + m_reason, &m_error)) {
        setObsolete(true);
        return;
    }
    m_applied = true;
    if (m_notify)
        m_notify(m_edit);
}

} // namespace ql

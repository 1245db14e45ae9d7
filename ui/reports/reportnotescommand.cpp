// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportnotescommand.h"

#include <QCoreApplication>

namespace ql {

std::unique_ptr<ReportNotesCommand> ReportNotesCommand::create(const QSqlDatabase &db, ReportTemplate kind,
                                                               const QString &period, const ReportNotes &after,
                                                               QString *error, Notify notify)
{
    ReportNotesStore store(db);
    const ReportNotes before = store.load(kind, period);
    if (before == after)
        return nullptr; // nothing to save, nothing to undo
    if (!store.save(kind, period, after, error))
        return nullptr;
    std::unique_ptr<ReportNotesCommand> command(
        new ReportNotesCommand(db, kind, period, before, store.load(kind, period), std::move(notify)));
    if (command->m_notify)
        command->m_notify(kind, period);
    return command;
}

ReportNotesCommand::ReportNotesCommand(const QSqlDatabase &db, ReportTemplate kind, QString period,
                                       ReportNotes before, ReportNotes after, Notify notify)
    : m_db(db)
    , m_kind(kind)
    , m_period(std::move(period))
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_notify(std::move(notify))
{
    setText(QCoreApplication::translate("ql::ReportNotesCommand", "Edit notes of %1 %2")
                .arg(reportTemplateTitle(m_kind), m_period));
}

void ReportNotesCommand::write(const ReportNotes &notes)
{
    m_error.clear();
    if (!ReportNotesStore(m_db).save(m_kind, m_period, notes, &m_error)) {
        setObsolete(true); // the project refused (read-only, gone): the stack drops what it cannot do
        return;
    }
    if (m_notify)
        m_notify(m_kind, m_period);
}

void ReportNotesCommand::undo()
{
    write(m_before);
    m_applied = false;
}

void ReportNotesCommand::redo()
{
    if (m_applied)
        return;
    write(m_after);
    m_applied = true;
}

} // namespace ql

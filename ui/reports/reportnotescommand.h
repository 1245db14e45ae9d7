// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportnotesstore.h"

#include <QSqlDatabase>
#include <QUndoCommand>

#include <functional>
#include <memory>

namespace ql {

// Editing the analyst commentary and action items of one report, undoably (style.md: every user
// edit is a QUndoCommand written in one transaction with its change-log row; ReportNotesStore
// writes through SavedViewStore, which does both). create() saves at once and returns nothing when
// the store refuses (the message in *error); pushing it onto the data stack does not save twice.
// Undo writes the notes as they were; redo writes them again. notify runs after each write so the
// page shows what the project now holds.
class ReportNotesCommand final : public QUndoCommand
{
public:
    using Notify = std::function<void(ReportTemplate kind, const QString &period)>;

    static std::unique_ptr<ReportNotesCommand> create(const QSqlDatabase &db, ReportTemplate kind,
                                                      const QString &period, const ReportNotes &after,
                                                      QString *error, Notify notify = {});

    void undo() override;
    void redo() override;

    const ReportNotes &before() const { return m_before; }
    const ReportNotes &after() const { return m_after; }
    QString lastError() const { return m_error; }

private:
    ReportNotesCommand(const QSqlDatabase &db, ReportTemplate kind, QString period, ReportNotes before,
                       ReportNotes after, Notify notify);
    void write(const ReportNotes &notes);

    QSqlDatabase m_db;
    ReportTemplate m_kind;
    QString m_period;
    ReportNotes m_before;
    ReportNotes m_after;
    Notify m_notify;
    QString m_error;
    bool m_applied = true; // create() has saved; the first redo() only marks it done
};

} // namespace ql

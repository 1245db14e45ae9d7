// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QUndoCommand>

#include <functional>
#include <memory>

namespace ql {

// Renaming a scorecard (every version, and its targets), undoably (ScorecardLifecycle::rename).
// create() renames at once and returns nothing when the core refuses (the message in *error); undo
// renames back (refused, the command turning obsolete, if the old name was taken meanwhile).
class RenameScorecardCommand final : public QUndoCommand
{
public:
    using Notify = std::function<void()>;

    static std::unique_ptr<RenameScorecardCommand> create(const QSqlDatabase &db, const QString &from, const QString &to,
                                                          const QString &reason, QString *error, Notify notify = {});

    void undo() override;
    void redo() override;
    QString lastError() const { return m_error; }

private:
    RenameScorecardCommand(const QSqlDatabase &db, QString from, QString to, QString reason, Notify notify);
    void step(const QString &from, const QString &to, const QString &reason, bool applied);

    QSqlDatabase m_db;
    QString m_from;
    QString m_to;
    QString m_reason;
    Notify m_notify;
    QString m_error;
    bool m_applied = true;
};

} // namespace ql

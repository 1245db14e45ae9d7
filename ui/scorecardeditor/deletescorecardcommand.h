// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/scorecardstore.h"

#include <QSqlDatabase>
#include <QUndoCommand>

#include <functional>
#include <memory>

namespace ql {

// Deleting a scorecard with every version, undoably (ScorecardLifecycle::remove). create() deletes
// at once and returns nothing when the core refuses (audits use it: the message says how many and
// what to do); undo stores the versions again, redo deletes them again (refused, the command turning
// obsolete, once something uses them).
class DeleteScorecardCommand final : public QUndoCommand
{
public:
    using Notify = std::function<void()>;

    static std::unique_ptr<DeleteScorecardCommand> create(const QSqlDatabase &db, const QString &name,
                                                          const QString &reason, QString *error, Notify notify = {});

    void undo() override;
    void redo() override;
    QString lastError() const { return m_error; }

private:
    DeleteScorecardCommand(const QSqlDatabase &db, QString name, QList<StoredScorecard> versions, QString reason,
                           Notify notify);

    QSqlDatabase m_db;
    QString m_name;
    QList<StoredScorecard> m_versions;
    QString m_reason;
    Notify m_notify;
    QString m_error;
    bool m_applied = true;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/scorecardedits.h"

#include <QSqlDatabase>
#include <QUndoCommand>

#include <functional>
#include <memory>

namespace ql {

// Saving the scorecard editor's work, undoably: a new scorecard, a new version, or names changed
// in place (ScorecardEdits). create() saves at once and returns nothing when the core refuses (the
// message in *error); undo removes the version again (refused once audits use it: the command
// turns obsolete) or restores the names, with a change-log row of its own.
class SaveScorecardCommand final : public QUndoCommand
{
public:
    using Notify = std::function<void(const ScorecardEdit &)>;

    static std::unique_ptr<SaveScorecardCommand> create(const QSqlDatabase &db, qint64 baseId, const Scorecard &card,
                                                        QDate validFrom, const QString &reason, QString *error,
                                                        Notify notify = {});

    void undo() override;
    void redo() override;

    const ScorecardEdit &edit() const { return m_edit; }
    QString lastError() const { return m_error; }

private:
    SaveScorecardCommand(const QSqlDatabase &db, ScorecardEdit edit, QString reason, Notify notify);

    QSqlDatabase m_db;
    ScorecardEdit m_edit;
    QString m_reason;
    Notify m_notify;
    QString m_error;
    bool m_applied = true;
};

} // namespace ql

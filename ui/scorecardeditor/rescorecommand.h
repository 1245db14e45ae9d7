// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/auditrescorestore.h"

#include <QSqlDatabase>
#include <QUndoCommand>

#include <functional>
#include <memory>

namespace ql {

struct WhatIfResult;

// Applying a what-if (docs/scorecard-editor.md): the period's audits move to the target version
// with their re-scored results, in one transaction with one change-log row. create() applies it at
// once (nothing when the core refuses, the message in *error); undo writes the stored scores,
// versions and answer rows back exactly as they were, as a change of its own ("Undo: …"), and
// refuses (the command turns obsolete) when an audit changed in between.
class RescoreCommand final : public QUndoCommand
{
public:
    using Notify = std::function<void()>;

    static std::unique_ptr<RescoreCommand> create(const QSqlDatabase &db, const WhatIfResult &whatIf,
                                                  const QString &reason, QString *error, Notify notify = {});

    void undo() override;
    void redo() override;

    int auditCount() const { return int(m_after.size()); }
    QString lastError() const { return m_error; }

private:
    RescoreCommand(const QSqlDatabase &db, QString scorecard, QList<RescoredAudit> before, QList<RescoredAudit> after,
                   QString reason, Notify notify);

    QSqlDatabase m_db;
    QString m_scorecard;
    QList<RescoredAudit> m_before;
    QList<RescoredAudit> m_after;
    QString m_reason;
    Notify m_notify;
    QString m_error;
    bool m_applied = true;
};

} // namespace ql

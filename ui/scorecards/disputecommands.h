// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/disputestore.h"

#include <QSqlDatabase>
#include <QUndoCommand>

#include <functional>
#include <memory>

namespace ql {

// Opening a dispute, undoably: undo withdraws it (the change log keeps both), redo opens it again
// (as a new dispute row). As CorrectAnswerCommand, create() applies it at once.
class OpenDisputeCommand final : public QUndoCommand
{
public:
    using Notify = std::function<void(qint64 auditId)>;

    static std::unique_ptr<OpenDisputeCommand> create(const QSqlDatabase &db, qint64 auditId, const QString &openedBy,
                                                      const QString &openerRole, const QString &comment,
                                                      const QStringList &criteria, QString *error, Notify notify = {});
    void undo() override;
    void redo() override;
    qint64 disputeId() const { return m_id; }

private:
    OpenDisputeCommand() = default;

    QSqlDatabase m_db;
    qint64 m_auditId = 0;
    QString m_openedBy, m_role, m_comment;
    QStringList m_criteria;
    Notify m_notify;
    qint64 m_id = 0;
    bool m_applied = true;
};

// Deciding a dispute (accept, partially accept with new values, reject), undoably. Accepting
// writes the answer corrections, the re-scored audit and the change log in one transaction
// (DisputeStore::decide through AuditCorrections); undo writes every answer back exactly as it was
// and opens the dispute again, logging mirror rows ("Undo: …"); redo decides again (new rows, the same reason).
class DecideDisputeCommand final : public QUndoCommand
{
public:
    using Notify = std::function<void(qint64 auditId)>;

    static std::unique_ptr<DecideDisputeCommand> create(const QSqlDatabase &db, qint64 disputeId,
                                                        Dispute::State decision, const QString &decidedBy,
                                                        const QString &reason,
                                                        const QList<DisputeCorrection> &corrections, QString *error,
                                                        Notify notify = {});
    void undo() override;
    void redo() override;

    const QList<CorrectionResult> &applied() const { return m_applied; }
    QString lastError() const { return m_error; }

private:
    DecideDisputeCommand() = default;

    QSqlDatabase m_db;
    qint64 m_disputeId = 0;
    qint64 m_auditId = 0;
    Dispute::State m_decision = Dispute::State::Rejected;
    QString m_decidedBy, m_reason;
    QList<DisputeCorrection> m_corrections;
    QList<CorrectionResult> m_applied;
    Notify m_notify;
    QString m_error;
    bool m_done = true;
};

} // namespace ql

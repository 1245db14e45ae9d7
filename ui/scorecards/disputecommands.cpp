// SPDX-License-Identifier: GPL-3.0-or-later
#include "disputecommands.h"

#include <QCoreApplication>

namespace ql {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ql::DisputeCommands", text);
}

} // namespace

std::unique_ptr<OpenDisputeCommand> OpenDisputeCommand::create(const QSqlDatabase &db, qint64 auditId,
                                                               const QString &openedBy, const QString &openerRole,
                                                               const QString &comment, const QStringList &criteria,
                                                               QString *error, Notify notify)
{
    const auto id = DisputeStore(db).open(auditId, openedBy, openerRole, comment, criteria, error);
    if (!id)
        return nullptr;
    std::unique_ptr<OpenDisputeCommand> c(new OpenDisputeCommand);
    c->m_db = db;
    c->m_auditId = auditId;
    c->m_openedBy = openedBy;
    c->m_role = openerRole;
    c->m_comment = comment;
    c->m_criteria = criteria;
    c->m_notify = std::move(notify);
    c->m_id = *id;
    c->setText(tr("Open a dispute"));
    if (c->m_notify)
        c->m_notify(auditId);
    return c;
}

void OpenDisputeCommand::undo()
{
    QString error;
    if (!DisputeStore(m_db).withdraw(m_id, QStringLiteral("Undo: ") + m_comment, &error)) {
        setObsolete(true);
        return;
    }
    m_applied = false;
    if (m_notify)
        m_notify(m_auditId);
}

void OpenDisputeCommand::redo()
{
    if (m_applied)
        return;
    QString error;
    const auto id = DisputeStore(m_db).open(m_auditId, m_openedBy, m_role, m_comment, m_criteria, &error);
    if (!id) {
        setObsolete(true);
        return;
    }
    m_id = *id;
    m_applied = true;
    if (m_notify)
        m_notify(m_auditId);
}

std::unique_ptr<DecideDisputeCommand> DecideDisputeCommand::create(const QSqlDatabase &db, qint64 disputeId,
                                                                   Dispute::State decision, const QString &decidedBy,
                                                                   const QString &reason,
                                                                   const QList<DisputeCorrection> &corrections,
                                                                   QString *error, Notify notify)
{
    DisputeStore store(db);
    const auto dispute = store.load(disputeId, error);
    if (!dispute)
        return nullptr;
    QList<CorrectionResult> applied;
    if (!store.decide(disputeId, decision, decidedBy, reason, corrections, error, &applied))
        return nullptr;
    std::unique_ptr<DecideDisputeCommand> c(new DecideDisputeCommand);
    c->m_db = db;
    c->m_disputeId = disputeId;
    c->m_auditId = dispute->auditId;
    c->m_decision = decision;
    c->m_decidedBy = decidedBy;
    c->m_reason = reason;
    c->m_corrections = corrections;
    c->m_applied = applied;
    c->m_notify = std::move(notify);
    c->setText(decision == Dispute::State::Rejected ? tr("Reject a dispute")
               : decision == Dispute::State::Accepted ? tr("Accept a dispute")
                                                      : tr("Partially accept a dispute"));
    if (c->m_notify)
        c->m_notify(c->m_auditId);
    return c;
}

void DecideDisputeCommand::undo()
{
    m_error.clear();
    if (!DisputeStore(m_db).reopen(m_disputeId, m_applied, QStringLiteral("Undo: ") + m_reason, &m_error)) {
        setObsolete(true);
        return;
    }
    m_done = false;
    if (m_notify)
        m_notify(m_auditId);
}

void DecideDisputeCommand::redo()
{
    if (m_done)
        return;
    m_error.clear();
    QList<CorrectionResult> applied;
    // The decision comment is stored with the dispute, so it stays the reason given (no "Redo:").
    if (!DisputeStore(m_db).decide(m_disputeId, m_decision, m_decidedBy, m_reason,
                                   m_corrections, &m_error, &applied)) {
        setObsolete(true);
        return;
    }
    m_applied = applied;
    m_done = true;
    if (m_notify)
        m_notify(m_auditId);
}

} // namespace ql

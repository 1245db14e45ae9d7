// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/disputestore.h"

#include <QSqlDatabase>
#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;
class QUndoStack;

namespace ql {

class ScorecardTableModel;

// The disputes of the Scorecards page (issue 4): the disputes of the shown period's audits (opened
// by an agent or a lead, with a comment and the criteria disputed; state, decision and reason;
// hours to resolve), "Resolve…" to accept, partially accept with new values, or reject with a
// reason — an undoable command on the project's data stack that writes the corrections and the
// change log in one transaction — and the outcomes and time to resolve per auditor and criterion.
// Disputes are opened from an audit's form ("Dispute…").
class DisputesView final : public QWidget
{
    Q_OBJECT
public:
    explicit DisputesView(QWidget *parent = nullptr);

    void setDatabase(const QSqlDatabase &db, bool writable);
    void setUndoStack(QUndoStack *stack) { m_stack = stack; }
    void setDisputes(const QList<DisputeRow> &rows, const QList<DisputeOutcome> &byAuditor,
                     const QList<DisputeOutcome> &byCriterion);
    void clear();

    // What the dialogs do once filled in (tests call them directly): undoable commands.
    bool openDispute(qint64 auditId, const QString &openedBy, const QString &role, const QString &comment,
                     const QStringList &criteria, QString *error);
    bool decide(qint64 disputeId, Dispute::State decision, const QString &decidedBy, const QString &reason,
                const QList<DisputeCorrection> &corrections, QString *error);
    void openDisputeDialog(qint64 auditId);

    ScorecardTableModel *disputesModel() const { return m_disputes; }
    ScorecardTableModel *auditorOutcomes() const { return m_byAuditor; }
    ScorecardTableModel *criterionOutcomes() const { return m_byCriterion; }
    QTableView *view() const { return m_view; }
    QPushButton *resolveButton() const { return m_resolve; }
    // "All open disputes": the list shows the project's open disputes, on audits of any period,
    // instead of the disputes of the shown period's audits (the Dashboard's click-through).
    QCheckBox *allOpenBox() const { return m_allOpen; }
    bool showsAllOpen() const;
    void setShowsAllOpen(bool all);

Q_SIGNALS:
    void changed(qint64 auditId); // after a dispute was opened or decided, or that undone or redone
    void scopeChanged(); // "All open disputes" was ticked or cleared: the list must be read again

private:
    void openResolveDialog();
    void updateButtons();
    std::function<void(qint64)> notifier();

    QSqlDatabase m_db;
    bool m_writable = false;
    QUndoStack *m_stack = nullptr;
    QList<DisputeRow> m_rows;
    ScorecardTableModel *m_disputes;
    ScorecardTableModel *m_byAuditor;
    ScorecardTableModel *m_byCriterion;
    QTableView *m_view;
    QPushButton *m_resolve;
    QLabel *m_summary;
    QCheckBox *m_allOpen;
};

} // namespace ql

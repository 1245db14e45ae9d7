// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/storedexplanation.h"
#include "store/auditcorrections.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;
class QUndoStack;

namespace ql {

class ScorecardTableModel;

// One audit, read-only, as its form: the heading (agent, date, ticket, auditor, result), each
// answer with its value, c, points, comment and root causes, and the explanation of the score
// (the rule that decided it). "Correct answer…" corrects the selected answer with a reason, as an
// undoable command on the project's data stack.
class AuditFormView final : public QWidget
{
    Q_OBJECT
public:
    explicit AuditFormView(QWidget *parent = nullptr);

    void setDatabase(const QSqlDatabase &db, bool writable);
    void setUndoStack(QUndoStack *stack) { m_stack = stack; }
    void showAudit(qint64 auditId); // -1 clears
    qint64 auditId() const { return m_auditId; }

    ScorecardTableModel *answersModel() const { return m_model; }
    QTableView *answersView() const { return m_view; }
    QPushButton *correctButton() const { return m_correct; }
    QPushButton *disputeButton() const { return m_dispute; }
    QString headingText() const;
    QString explanationText() const;

    // Corrects an answer of the shown audit (what the dialog does once filled in).
    bool correct(const QString &criterionKey, const AnswerState &state, const QString &reason, QString *error);

Q_SIGNALS:
    void auditChanged(qint64 auditId); // after a correction, its undo or redo
    void disputeRequested(qint64 auditId); // "Dispute…" on the shown audit

private:
    void openCorrectionDialog();
    void updateButtons();

    QSqlDatabase m_db;
    bool m_writable = false;
    QUndoStack *m_stack = nullptr;
    qint64 m_auditId = -1;
    std::optional<StoredExplanation> m_shown;
    QLabel *m_heading;
    ScorecardTableModel *m_model;
    QTableView *m_view;
    QTextBrowser *m_explanation;
    QPushButton *m_correct;
    QPushButton *m_dispute;
};

} // namespace ql

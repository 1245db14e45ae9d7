// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/auditcorrections.h"

#include <QSqlDatabase>
#include <QUndoCommand>

#include <functional>
#include <memory>

namespace ql {

// Correcting one answer of an audit, undoably (style.md: every user edit is a QUndoCommand written
// in one transaction with its change-log rows). create() applies the correction at once and
// returns nothing when the core refuses it (the message in *error); pushing the command onto the
// data stack then does not apply it a second time. Undo writes the answer, the scores and the
// local-changes flag back exactly as they were, as a change of its own in the change log (reason
// "Undo: …"; the log is never rewritten); redo applies the correction again ("Redo: …").
class CorrectAnswerCommand final : public QUndoCommand
{
public:
    using Notify = std::function<void(qint64 auditId)>;

    static std::unique_ptr<CorrectAnswerCommand> create(const QSqlDatabase &db, qint64 auditId,
                                                        const QString &criterionKey, const AnswerState &state,
                                                        const QString &reason, QString *error,
                                                        Notify notify = {});

    void undo() override;
    void redo() override;

    const CorrectionResult &result() const { return m_result; }
    QString lastError() const { return m_error; }

private:
    CorrectAnswerCommand(const QSqlDatabase &db, CorrectionResult result, QString reason, Notify notify);

    QSqlDatabase m_db;
    CorrectionResult m_result;
    QString m_reason;
    Notify m_notify;
    QString m_error;
    bool m_applied = true; // create() has applied it; the first redo() only marks it done
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibration/calibrationtypes.h"

#include <QUndoCommand>

#include <functional>
#include <memory>

namespace ql {

// One calibration edit on the data undo stack (style.md: every user edit is a QUndoCommand written
// in one transaction with its change-log rows). `forward` and `backward` are engine calls, each
// its own transaction; they get the change log's reason: empty the first time, then
// "Undo: <text>" / "Redo: <text>" (the log is never rewritten: an undo is a change of its own).
// create() applies the edit at once and returns nothing when the engine refuses it; adopt() wraps
// an edit that is already written (New Session's dialog). Pushing either onto the stack does not
// apply it a second time. When undo or redo is refused (the data moved on underneath) the command
// turns obsolete and the stack drops it; notify() tells the page either way.
class CalibrationCommand final : public QUndoCommand
{
public:
    using Step = std::function<CalibrationError(const QString &reason)>;
    // After an undo or a redo: the session it touched and the error, if any.
    using Notify = std::function<void(qint64 sessionId, const CalibrationError &error)>;

    static std::unique_ptr<CalibrationCommand> create(const QString &text, qint64 sessionId, Step forward,
                                                      Step backward, Notify notify, CalibrationError *error);
    static std::unique_ptr<CalibrationCommand> adopt(const QString &text, qint64 sessionId, Step forward,
                                                     Step backward, Notify notify);

    void undo() override;
    void redo() override;

    qint64 sessionId() const { return m_sessionId; }
    const CalibrationError &lastError() const { return m_error; }

private:
    CalibrationCommand(const QString &text, qint64 sessionId, Step forward, Step backward, Notify notify);
    void run(const Step &step, const QString &prefix, bool appliedAfter);

    qint64 m_sessionId;
    Step m_forward;
    Step m_backward;
    Notify m_notify;
    CalibrationError m_error;
    bool m_applied = true;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationcommand.h"

namespace ql {

std::unique_ptr<CalibrationCommand> CalibrationCommand::create(const QString &text, qint64 sessionId, Step forward,
                                                               Step backward, Notify notify, CalibrationError *error)
{
    const CalibrationError e = forward({});
    if (e.isError()) {
        if (error)
            *error = e;
        return nullptr;
    }
    return adopt(text, sessionId, std::move(forward), std::move(backward), std::move(notify));
}

std::unique_ptr<CalibrationCommand> CalibrationCommand::adopt(const QString &text, qint64 sessionId, Step forward,
                                                              Step backward, Notify notify)
{
    return std::unique_ptr<CalibrationCommand>(
        new CalibrationCommand(text, sessionId, std::move(forward), std::move(backward), std::move(notify)));
}

CalibrationCommand::CalibrationCommand(const QString &text, qint64 sessionId, Step forward, Step backward,
                                       Notify notify)
    : m_sessionId(sessionId), m_forward(std::move(forward)), m_backward(std::move(backward)),
      m_notify(std::move(notify))
{
    setText(text);
}

void CalibrationCommand::run(const Step &step, const QString &prefix, bool appliedAfter)
{
    m_error = step(prefix + text());
    if (m_error.isError())
        setObsolete(true); // the stack drops what it can no longer undo or redo
    else
        m_applied = appliedAfter;
    if (m_notify)
        m_notify(m_sessionId, m_error);
}

void CalibrationCommand::undo()
{
    run(m_backward, QStringLiteral("Undo: "), false);
}

void CalibrationCommand::redo()
{
    if (m_applied)
        return;
    run(m_forward, QStringLiteral("Redo: "), true);
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotlayoutcommand.h"

namespace ql {

PivotLayoutCommand::PivotLayoutCommand(Apply apply, PivotLayout before, PivotLayout after, const QString &text,
                                       const QString &mergeTag)
    : QUndoCommand(text), m_apply(std::move(apply)), m_before(std::move(before)), m_after(std::move(after)),
      m_mergeTag(mergeTag)
{
}

void PivotLayoutCommand::undo()
{
    m_apply(m_before);
}

void PivotLayoutCommand::redo()
{
    m_apply(m_after);
}

int PivotLayoutCommand::id() const
{
    return m_mergeTag.isEmpty() ? -1 : 0x51504c; // one id for every mergeable layout edit; the tag decides
}

bool PivotLayoutCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const PivotLayoutCommand *>(other);
    if (!next || next->m_mergeTag != m_mergeTag || m_mergeTag.isEmpty())
        return false;
    m_after = next->m_after;
    return true;
}

} // namespace ql

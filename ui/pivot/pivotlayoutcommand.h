// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivotlayout.h"

#include <QUndoCommand>

#include <functional>

namespace ql {

// One change of the pivot page's layout, on the page's own undo stack (style.md: Ctrl+Z on the
// pivot page undoes layout, never data). It holds the layout before and after; undo and redo
// hand one of them to the page. Consecutive edits of the same filter merge into one step.
class PivotLayoutCommand final : public QUndoCommand
{
public:
    using Apply = std::function<void(const PivotLayout &)>;

    PivotLayoutCommand(Apply apply, PivotLayout before, PivotLayout after, const QString &text,
                       const QString &mergeTag = QString());

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    const PivotLayout &before() const { return m_before; }
    const PivotLayout &after() const { return m_after; }

private:
    Apply m_apply;
    PivotLayout m_before;
    PivotLayout m_after;
    QString m_mergeTag; // empty: never merges
};

} // namespace ql

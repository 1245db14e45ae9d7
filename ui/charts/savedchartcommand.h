// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/savedviewstore.h"

#include <QSqlDatabase>
#include <QUndoCommand>

#include <functional>

namespace ql {

// Deleting a saved chart, undoably (style.md: every data edit an undoable command). Redo removes
// the view (its change-log row keeps the spec); undo saves it again under its name with the same
// spec (a new id, and a "created" row). changed() runs after either, with an error when the
// project refused (the name was taken meanwhile, the project is read-only).
class SavedChartDeleteCommand final : public QUndoCommand
{
public:
    using Changed = std::function<void(const QString &error)>;

    SavedChartDeleteCommand(QSqlDatabase db, SavedView view, Changed changed);

    void redo() override;
    void undo() override;

    qint64 currentId() const { return m_view.id; }

private:
    QSqlDatabase m_db;
    SavedView m_view;
    Changed m_changed;
};

} // namespace ql

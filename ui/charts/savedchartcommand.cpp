// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedchartcommand.h"

#include <QObject>

namespace ql {

SavedChartDeleteCommand::SavedChartDeleteCommand(QSqlDatabase db, SavedView view, Changed changed)
    : m_db(std::move(db)), m_view(std::move(view)), m_changed(std::move(changed))
{
    setText(QObject::tr("Delete Chart “%1”").arg(m_view.name));
}

void SavedChartDeleteCommand::redo()
{
    QString error;
    SavedViewStore(m_db).remove(m_view.id, &error);
    if (m_changed)
        m_changed(error);
}

void SavedChartDeleteCommand::undo()
{
    QString error;
    if (const auto id = SavedViewStore(m_db).create(m_view.kind, m_view.name, m_view.specJson, &error))
        m_view.id = *id;
    if (m_changed)
        m_changed(error);
}

} // namespace ql

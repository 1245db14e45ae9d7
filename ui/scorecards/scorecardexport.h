// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/agentnames.h"
#include "export/tableexportaction.h"

#include <QByteArray>
#include <QSqlDatabase>

#include <optional>

class QTableView;

namespace ql {

// Exports of the Scorecards page's tables (CSV/XLSX through TableExportAction). A table that shows
// agents (ScorecardTableModel::AgentRole on its rows; the column `agentColumn` shows them) is
// written with that column split in two, "Agent ID" and "Agent", filled as `names` says (ui.md
// "People in outputs"): names, ids, or the project's pseudonyms in both. Numbers go out as numbers
// (the cells' raw values), the rest as the text shown.
namespace ScorecardExport {

TableExportSource source(const QTableView *view, int agentColumn, NameDisplay names, const QByteArray &pseudonymKey);

// The export's choice (`override`) or else the project's name_display and, for pseudonyms, its key;
// ids when pseudonyms are asked for and the key cannot be had (never names).
NameDisplay projectNames(const QSqlDatabase &db, QByteArray *pseudonymKey,
                         std::optional<NameDisplay> override = std::nullopt);

} // namespace ScorecardExport

} // namespace ql

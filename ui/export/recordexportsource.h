// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/agentnames.h"
#include "tableexportaction.h"

namespace ql {

class RecordTableModel;

// The export of a Data page table (RecordTableModel) as the user sees it: the rows the search keeps,
// in the current sort order (the model's id list, copied when the export starts), the columns in
// the order shown with hidden ones left out, and raw values rather than the formatted text (scores
// as numbers, dates as dates, flags as 0/1). The rows are read on the export's worker thread by id,
// a page at a time, through the job's own read-only connection.
//
// Agents appear as `names` says (the project's name_display by default, privacy.md): with ids, the
// Agent and Name columns hold the agent's id; with pseudonyms (made with `pseudonymKey`), the Agent,
// Agent ID and Name columns hold the pseudonym.
TableExportSource recordExportSource(const RecordTableModel *model, const QTableView *view,
                                     NameDisplay names = NameDisplay::Names, const QByteArray &pseudonymKey = {});

} // namespace ql

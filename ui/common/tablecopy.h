// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAction;
class QTableView;

namespace ql::TableCopy {

// The selected rows of a table as tab-separated text with a header line: the columns as the user
// arranged them (visual order, hidden ones left out) and the values as shown. At most maxRows rows.
QString selectedRows(const QTableView *view, int maxRows, int *copiedRows = nullptr, int *selectedRows = nullptr);

// A Copy action (Ctrl+C) on the view that puts selectedRows() on the clipboard.
QAction *install(QTableView *view);

constexpr int MaxRows = 10000;

} // namespace ql::TableCopy

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace ql {

class PivotFormatProxy;

// A block of a pivot as tab-separated text that pastes into Excel and Sheets with its headers: one
// line per column level (the column labels over the block, the dimension names over the row labels),
// then one line per row: its labels, then the values as shown. A row group's label is repeated on
// each of its rows (the pasted block can be filtered); a total's label is written once, at its
// level. Tabs and line breaks inside labels become spaces.
namespace PivotCopy {
QString block(const PivotFormatProxy *proxy, const QList<int> &rows, const QList<int> &columns);
} // namespace PivotCopy

} // namespace ql

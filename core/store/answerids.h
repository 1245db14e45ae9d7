// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <optional>
#include <utility>
#include <vector>

namespace ql::AnswerIds {

// The ids of the answers named by (audit id, criterion key), ascending: an audit has one answer per
// criterion (UNIQUE(audit_id, criterion_id)), so the pair finds it. The answers cube keeps no
// answer ids, and a drill-down into an answers pivot finds its rows this way. Pairs without an
// answer are skipped. One indexed lookup per distinct audit, through the raw sqlite3 handle.
// std::nullopt with *error when the project cannot be read or cancel was set.
std::optional<std::vector<qint64>> find(const QSqlDatabase &db, std::vector<std::pair<qint64, QString>> keys,
                                        const std::atomic_bool *cancel, QString *error);

} // namespace ql::AnswerIds

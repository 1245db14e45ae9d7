// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ql {

// The saved pivot and chart views (table saved_views) that filter on a dimension's value, followed
// when that value is renamed (a scorecard renamed from "Chat QA" to "Chat quality"): every `in` and
// `not_in` list of the dimension in a pivot view's filters, a chart view's pivot filters and a
// waterfall's rca filters has the old value replaced by the new one. Each rewritten view gets its
// change-log row (entity "saved_view", field spec_json, old and new spec, the reason given). A view
// whose spec no longer reads is left as it is. Runs inside the caller's transaction or savepoint.
class SavedViewValues final
{
public:
    // How many views were rewritten; std::nullopt with *error when a write failed.
    static std::optional<int> rename(const QSqlDatabase &db, const QString &dimension, const QString &from,
                                     const QString &to, const QString &reason, QString *error);
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "answerids.h"

#include "sqlitehandle.h"

#include <QObject>

#include <algorithm>
#include <sqlite3.h>

namespace ql::AnswerIds {

std::optional<std::vector<qint64>> find(const QSqlDatabase &db, std::vector<std::pair<qint64, QString>> keys,
                                        const std::atomic_bool *cancel, QString *error)
{
    sqlite3 *h = sqliteHandle(db);
    if (!h) {
        *error = QObject::tr("the project cannot be read");
        return std::nullopt;
    }
    sqlite3_stmt *stmt = nullptr;
    const char *sql = "SELECT an.id, cr.key FROM answers an JOIN criteria cr ON cr.id = an.criterion_id "
                      "WHERE an.audit_id = ?";
    if (sqlite3_prepare_v2(h, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(h));
        return std::nullopt;
    }
    std::sort(keys.begin(), keys.end());
    std::vector<qint64> ids;
    ids.reserve(keys.size());
    QString failure;
    for (std::size_t i = 0; i < keys.size() && failure.isEmpty();) {
        const qint64 audit = keys[i].first;
        std::size_t end = i;
        while (end < keys.size() && keys[end].first == audit)
            ++end;
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            failure = QObject::tr("cancelled");
            break;
        }
        sqlite3_reset(stmt);
        sqlite3_bind_int64(stmt, 1, audit);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1));
            const QString key = QString::fromUtf8(text, sqlite3_column_bytes(stmt, 1));
            for (std::size_t k = i; k < end; ++k)
                if (keys[k].second == key) {
                    ids.push_back(sqlite3_column_int64(stmt, 0));
                    break;
                }
        }
        if (rc != SQLITE_DONE)
            failure = QString::fromUtf8(sqlite3_errmsg(h));
        i = end;
    }
    sqlite3_finalize(stmt);
    if (!failure.isEmpty()) {
        *error = failure;
        return std::nullopt;
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

} // namespace ql::AnswerIds

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

#include <optional>

namespace ql {

// A prepared sqlite3 statement for the demo's bulk writes: bind, run, reset. Text bound from a
// `const char *` is SQLITE_STATIC (the caller keeps it alive until run()), so the hot loops copy
// nothing; QString text is converted and copied by SQLite. The first failure is kept in *error and
// every later run() is refused, so callers check once per batch.
class DemoStatement final
{
public:
    DemoStatement() = default;
    ~DemoStatement() { sqlite3_finalize(m_stmt); }
    DemoStatement(const DemoStatement &) = delete;
    DemoStatement &operator=(const DemoStatement &) = delete;

    bool prepare(sqlite3 *db, const char *sql, QString *error)
    {
        m_db = db;
        m_error = error;
        if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
            fail();
            return false;
        }
        return true;
    }

    void bind(int i, qint64 v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, int v) { sqlite3_bind_int(m_stmt, i, v); }
    void bind(int i, bool v) { sqlite3_bind_int(m_stmt, i, v ? 1 : 0); }
    void bind(int i, double v) { sqlite3_bind_double(m_stmt, i, v); }
    void bind(int i, std::optional<double> v)
    {
        if (v)
            sqlite3_bind_double(m_stmt, i, *v);
        else
            sqlite3_bind_null(m_stmt, i);
    }
    // nullptr binds NULL.
    void bind(int i, const char *utf8, int length = -1)
    {
        if (utf8)
            sqlite3_bind_text(m_stmt, i, utf8, length, SQLITE_STATIC);
        else
            sqlite3_bind_null(m_stmt, i);
    }
    void bind(int i, const QByteArray &utf8)
    {
        if (utf8.isNull())
            sqlite3_bind_null(m_stmt, i);
        else
            sqlite3_bind_text(m_stmt, i, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
    }
    // An empty QString binds NULL.
    void bind(int i, const QString &text)
    {
        if (text.isEmpty()) {
            sqlite3_bind_null(m_stmt, i);
            return;
        }
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(m_stmt, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    void bindNull(int i) { sqlite3_bind_null(m_stmt, i); }

    bool run()
    {
        if (m_error && !m_error->isEmpty()) {
            sqlite3_reset(m_stmt);
            return false;
        }
        const int rc = sqlite3_step(m_stmt);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
            fail();
            sqlite3_reset(m_stmt);
            return false;
        }
        sqlite3_reset(m_stmt);
        return true;
    }

private:
    void fail()
    {
        if (m_error && m_error->isEmpty())
            *m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    }

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString *m_error = nullptr;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ql {

// A prepared statement on the raw sqlite3 handle, for the import's bulk writes (performance.md:
// QtSql costs 2–3× the C API per row). Bind, run, and the statement resets itself. The first
// failure is kept and refuses every later run(), so the importer checks once per record.
class BulkStatement final
{
public:
    BulkStatement() = default;
    ~BulkStatement();
    BulkStatement(const BulkStatement &) = delete;
    BulkStatement &operator=(const BulkStatement &) = delete;

    bool prepare(sqlite3 *db, const char *sql, QString *error);
    bool isPrepared() const { return m_stmt != nullptr; }

    void bind(int i, qint64 v);
    void bind(int i, int v) { bind(i, qint64(v)); }
    void bind(int i, bool v) { bind(i, qint64(v ? 1 : 0)); }
    void bind(int i, double v);
    void bind(int i, std::optional<double> v);
    // Copied by SQLite; an empty or null text binds NULL.
    void bind(int i, const QString &text);
    // Not copied: `utf8` must stay alive until run(). A null array binds NULL.
    void bindStatic(int i, const QByteArray &utf8);
    // Zero binds NULL (an id that is not there).
    void bindId(int i, qint64 id);
    void bindNull(int i);

    // Steps once. For queries, the row's columns are readable until the next run().
    bool run();
    bool step(bool *hasRow); // for queries stepping several rows; reset() when done
    void reset();
    qint64 columnInt(int i) const;
    double columnDouble(int i) const;
    QString columnText(int i) const;
    bool columnIsNull(int i) const;

private:
    void fail();

    // One reusable UTF-8 buffer per parameter: text is converted into it and bound without a
    // copy, so binding allocates nothing once the buffers have grown.
    std::vector<QByteArray> m_buffers;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString *m_error = nullptr;
};

} // namespace ql

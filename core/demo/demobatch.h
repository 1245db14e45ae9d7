// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demostatement.h"

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <vector>

namespace ql {

// Rows gathered for one multi-row INSERT (INSERT … VALUES (…), (…), …): for the narrow tables
// with millions of rows (answers, root causes, dimensions) the statement overhead per row is most
// of SQLite's work (and for the wide ones with several indexes, audits and responses, opening a
// cursor per index per row), and one statement per batch of rows removes it. Values are kept by
// copy, text by pointer — texts must be string literals or otherwise outlive the flush — unless
// added with addCopy(), which keeps a copy of a short text (keys, ticket ids).
class DemoBatch final
{
public:
    DemoBatch() = default;
    DemoBatch(const DemoBatch &) = delete;
    DemoBatch &operator=(const DemoBatch &) = delete;

    // `head` is "INSERT INTO t(a, b, c)"; the VALUES clauses are generated.
    bool prepare(sqlite3 *db, const char *head, int columns, QString *error, int rowsPerBatch = 200)
    {
        m_columns = columns;
        m_rows = rowsPerBatch;
        m_values.assign(std::size_t(columns * rowsPerBatch), Value{});
        m_copies.assign(std::size_t(columns * rowsPerBatch), {});
        const auto sql = [&](int rows) {
            QByteArray s(head);
            s += " VALUES ";
            for (int r = 0; r < rows; ++r) {
                s += r ? ",(" : "(";
                for (int c = 0; c < columns; ++c)
                    s += c ? ",?" : "?";
                s += ')';
            }
            return s;
        };
        return m_many.prepare(db, sql(rowsPerBatch).constData(), error) && m_one.prepare(db, sql(1).constData(), error);
    }

    // Starts a row; then exactly `columns` add() calls.
    void row()
    {
        if (m_used == m_rows)
            flushFull();
        m_next = std::size_t(m_used * m_columns);
        ++m_used;
    }
    void add(qint64 v) { m_values[m_next++] = Value{Value::Int, v, 0, nullptr}; }
    void add(int v) { add(qint64(v)); }
    void add(bool v) { add(qint64(v ? 1 : 0)); }
    void add(double v) { m_values[m_next++] = Value{Value::Real, 0, v, nullptr}; }
    void add(std::optional<double> v)
    {
        if (v)
            add(*v);
        else
            addNull();
    }
    void add(const char *text)
    {
        if (text)
            m_values[m_next++] = Value{Value::Text, 0, 0, text};
        else
            addNull();
    }
    void addNull() { m_values[m_next++] = Value{}; }
    // A text of at most 31 bytes, copied (the caller may reuse its buffer at once).
    void addCopy(const char *text)
    {
        if (!text) {
            addNull();
            return;
        }
        std::array<char, 32> &slot = m_copies[m_next];
        const std::size_t n = std::min<std::size_t>(std::strlen(text), slot.size() - 1);
        std::memcpy(slot.data(), text, n);
        slot[n] = '\0';
        add(static_cast<const char *>(slot.data()));
    }

    // Writes what is gathered; call before anything reads the table, and at the end.
    bool flush()
    {
        for (int r = 0; r < m_used; ++r) {
            bindRow(m_one, r, 0);
            if (!m_one.run())
                return false;
        }
        m_used = 0;
        return true;
    }

private:
    struct Value
    {
        enum Kind : quint8 { Null, Int, Real, Text } kind = Null;
        qint64 i = 0;
        double d = 0;
        const char *s = nullptr;
    };

    void bindRow(DemoStatement &s, int row, int firstParameter)
    {
        const std::size_t base = std::size_t(row * m_columns);
        for (int c = 0; c < m_columns; ++c) {
            const Value &v = m_values[base + std::size_t(c)];
            const int p = firstParameter + c + 1;
            switch (v.kind) {
            case Value::Null:
                s.bindNull(p);
                break;
            case Value::Int:
                s.bind(p, v.i);
                break;
            case Value::Real:
                s.bind(p, v.d);
                break;
            case Value::Text:
                s.bind(p, v.s);
                break;
            }
        }
    }

    void flushFull()
    {
        for (int r = 0; r < m_rows; ++r)
            bindRow(m_many, r, r * m_columns);
        m_many.run();
        m_used = 0;
    }

    DemoStatement m_many;
    DemoStatement m_one;
    std::vector<Value> m_values;
    std::vector<std::array<char, 32>> m_copies; // per value slot, for addCopy()
    int m_columns = 0;
    int m_rows = 0;
    int m_used = 0;
    std::size_t m_next = 0;
};

} // namespace ql

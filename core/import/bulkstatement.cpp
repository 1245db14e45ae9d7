// SPDX-License-Identifier: GPL-3.0-or-later
#include "bulkstatement.h"

#include <sqlite3.h>

#include <cstring>

namespace ql {

BulkStatement::~BulkStatement()
{
    sqlite3_finalize(m_stmt);
}

bool BulkStatement::prepare(sqlite3 *db, const char *sql, QString *error)
{
    m_db = db;
    m_error = error;
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
        fail();
        return false;
    }
    m_buffers.assign(size_t(sqlite3_bind_parameter_count(m_stmt)) + 1, QByteArray());
    return true;
}

void BulkStatement::bind(int i, qint64 v)
{
    sqlite3_bind_int64(m_stmt, i, v);
}

void BulkStatement::bind(int i, double v)
{
    sqlite3_bind_double(m_stmt, i, v);
}

void BulkStatement::bind(int i, std::optional<double> v)
{
    if (v)
        sqlite3_bind_double(m_stmt, i, *v);
    else
        sqlite3_bind_null(m_stmt, i);
}

void BulkStatement::bind(int i, const QString &text)
{
    if (text.isEmpty()) {
        sqlite3_bind_null(m_stmt, i);
        return;
    }
    QByteArray &buffer = m_buffers[size_t(i)];
    const qsizetype n = text.size();
    if (buffer.size() < n * 3)
        buffer.resize(n * 3);
    char *out = buffer.data();
    const char16_t *in = reinterpret_cast<const char16_t *>(text.utf16());
    qsizetype k = 0;
    bool ascii = true;
    for (; k < n; ++k) {
        if (in[k] >= 0x80) {
            ascii = false;
            break;
        }
        out[k] = char(in[k]);
    }
    if (ascii) {
        sqlite3_bind_text(m_stmt, i, out, int(n), SQLITE_STATIC);
        return;
    }
    const QByteArray utf8 = text.toUtf8();
    if (buffer.size() < utf8.size())
        buffer.resize(utf8.size());
    std::memcpy(buffer.data(), utf8.constData(), size_t(utf8.size()));
    sqlite3_bind_text(m_stmt, i, buffer.constData(), int(utf8.size()), SQLITE_STATIC);
}

void BulkStatement::bindStatic(int i, const QByteArray &utf8)
{
    if (utf8.isNull())
        sqlite3_bind_null(m_stmt, i);
    else
        sqlite3_bind_text(m_stmt, i, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

void BulkStatement::bindId(int i, qint64 id)
{
    if (id > 0)
        sqlite3_bind_int64(m_stmt, i, id);
    else
        sqlite3_bind_null(m_stmt, i);
}

void BulkStatement::bindNull(int i)
{
    sqlite3_bind_null(m_stmt, i);
}

void BulkStatement::fail()
{
    if (m_error && m_error->isEmpty())
        *m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
}

bool BulkStatement::run()
{
    if (!m_stmt || (m_error && !m_error->isEmpty())) {
        if (m_stmt)
            sqlite3_reset(m_stmt);
        return false;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true; // the caller reads the row, then reset()s (or the next run() does)
    if (rc != SQLITE_DONE) {
        fail();
        sqlite3_reset(m_stmt);
        return false;
    }
    sqlite3_reset(m_stmt);
    return true;
}

bool BulkStatement::step(bool *hasRow)
{
    *hasRow = false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        *hasRow = true;
        return true;
    }
    if (rc != SQLITE_DONE) {
        fail();
        return false;
    }
    return true;
}

void BulkStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 BulkStatement::columnInt(int i) const
{
    return sqlite3_column_int64(m_stmt, i);
}

double BulkStatement::columnDouble(int i) const
{
    return sqlite3_column_double(m_stmt, i);
}

QString BulkStatement::columnText(int i) const
{
    const auto *p = static_cast<const char16_t *>(sqlite3_column_text16(m_stmt, i));
    if (!p)
        return {};
    return QString(reinterpret_cast<const QChar *>(p), sqlite3_column_bytes16(m_stmt, i) / 2);
}

bool BulkStatement::columnIsNull(int i) const
{
    return sqlite3_column_type(m_stmt, i) == SQLITE_NULL;
}

} // namespace ql

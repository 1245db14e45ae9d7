// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordorder.h"

#include "common/jobcontext.h"
#include "recordtable.h"

#include <QCollator>
#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <sqlite3.h>

namespace ql {

namespace {

constexpr int CheckEvery = 16384; // rows between looks at the cancel flag
constexpr double NullKey = -std::numeric_limits<double>::infinity(); // SQL order: NULL first
constexpr int CollateLimit = 200000; // more distinct strings than this keep their UTF-8 (code point) order

QString tr(const char *text)
{
    return QCoreApplication::translate("ql::RecordOrder", text);
}

// A prepared statement that finalises itself.
class Statement final
{
public:
    Statement(sqlite3 *db, const QString &sql)
    {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr) != SQLITE_OK)
            m_error = QString::fromUtf8(sqlite3_errmsg(db));
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    QString error() const { return m_error; }
    sqlite3_stmt *get() const { return m_stmt; }

    void bindFilter(const RecordFilter &filter)
    {
        const int count = sqlite3_bind_parameter_count(m_stmt);
        if (count >= 1 && filter.hasSearch()) {
            m_pattern = RecordOrder::likePattern(filter.text).toUtf8();
            sqlite3_bind_text(m_stmt, 1, m_pattern.constData(), int(m_pattern.size()), SQLITE_STATIC);
        }
        if (count >= 2 && filter.parent)
            sqlite3_bind_int64(m_stmt, 2, *filter.parent);
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
    QByteArray m_pattern;
};

QString stepError(sqlite3 *db, int rc, JobContext &context)
{
    if (context.isCanceled() || rc == SQLITE_INTERRUPT)
        return tr("Cancelled.");
    return QString::fromUtf8(sqlite3_errmsg(db));
}

// Ranks the strings met while reading, in display order. The strings go into one flat buffer and
// are sorted by their bytes (no allocation per string: a million audit keys sort in a fraction of
// a second). When there are few distinct values — names of agents, teams, queues — those are then
// ordered by the locale's collation, case-insensitive and with numbers compared as numbers
// ("Agent 2" before "Agent 10"); many distinct values (keys, comments) keep the byte order.
class TextRanks final
{
public:
    void add(size_t slot, const char *text, int bytes)
    {
        m_items.push_back({slot, m_bytes.size(), quint32(bytes)});
        m_bytes.append(text, size_t(bytes));
    }

    bool isEmpty() const { return m_items.empty(); }

    // Calls setKey(slot, rank) for every string added.
    template <typename SetRank>
    void resolve(JobContext &context, SetRank &&setRank) const
    {
        const size_t n = m_items.size();
        if (n == 0)
            return;
        auto view = [this](size_t i) {
            const Item &item = m_items[i];
            return std::string_view(m_bytes.data() + item.offset, item.bytes);
        };
        std::vector<quint32> order(n);
        for (size_t i = 0; i < n; ++i)
            order[i] = quint32(i);
        std::sort(order.begin(), order.end(), [&](quint32 a, quint32 b) { return view(a) < view(b); });
        if (context.isCanceled())
            return;
        // Runs of equal bytes are the distinct values, already in byte order.
        std::vector<quint32> runOf(n);
        std::vector<quint32> firstOfRun;
        for (size_t i = 0; i < n; ++i) {
            if (i == 0 || view(order[i]) != view(order[i - 1]))
                firstOfRun.push_back(order[i]);
            runOf[order[i]] = quint32(firstOfRun.size() - 1);
        }
        const size_t runs = firstOfRun.size();
        std::vector<int> rankOfRun(runs);
        for (size_t r = 0; r < runs; ++r)
            rankOfRun[r] = int(r);
        if (runs > 1 && runs <= size_t(CollateLimit)) {
            // The C locale's collator compares code points and ignores numeric mode; English rules
            // are the better guess for a user who has not chosen a language.
            QLocale locale;
            if (locale.language() == QLocale::C)
                locale = QLocale(QLocale::English, QLocale::UnitedStates);
            QCollator collator(locale);
            collator.setNumericMode(true);
            collator.setCaseSensitivity(Qt::CaseInsensitive);
            std::vector<QCollatorSortKey> keys;
            keys.reserve(runs);
            for (quint32 first : firstOfRun) {
                const std::string_view v = view(first);
                keys.push_back(collator.sortKey(QString::fromUtf8(v.data(), qsizetype(v.size()))));
            }
            std::vector<quint32> byCollation(runs);
            for (size_t r = 0; r < runs; ++r)
                byCollation[r] = quint32(r);
            // Ties in the collation (case variants) keep the byte order, so the order is total.
            std::stable_sort(byCollation.begin(), byCollation.end(),
                             [&](quint32 a, quint32 b) { return keys[a].compare(keys[b]) < 0; });
            int rank = 0;
            for (size_t i = 0; i < runs; ++i) {
                if (i > 0 && keys[byCollation[i - 1]].compare(keys[byCollation[i]]) != 0)
                    ++rank;
                rankOfRun[byCollation[i]] = rank;
            }
        }
        for (size_t i = 0; i < n; ++i)
            setRank(m_items[i].slot, rankOfRun[runOf[i]]);
    }

private:
    struct Item
    {
        size_t slot;
        size_t offset;
        quint32 bytes;
    };
    std::vector<Item> m_items;
    std::string m_bytes;
};

// Sort keys as doubles: numbers keep their value, text sorts after every number (as in SQLite) by
// its rank, NULL is -inf.
class KeyBuilder final
{
public:
    // Reads column `col` of the current row; returns its key, or remembers it as text for later.
    double read(sqlite3_stmt *stmt, int col, size_t slot)
    {
        switch (sqlite3_column_type(stmt, col)) {
        case SQLITE_NULL:
            return NullKey;
        case SQLITE_INTEGER:
        case SQLITE_FLOAT: {
            const double v = sqlite3_column_double(stmt, col);
            m_maxNumber = std::max(m_maxNumber, v);
            return v;
        }
        default: {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, col));
            const int bytes = sqlite3_column_bytes(stmt, col);
            m_text.add(slot, text, bytes);
            return 0;
        }
        }
    }

    // Writes the keys of the text values into keys[slot].
    template <typename SetKey>
    void resolve(JobContext &context, SetKey &&setKey)
    {
        if (m_text.isEmpty())
            return;
        const double base = std::isfinite(m_maxNumber) ? std::floor(m_maxNumber) + 1 : 0;
        m_text.resolve(context, [&](size_t slot, int rank) { setKey(slot, base + rank); });
    }

private:
    TextRanks m_text;
    double m_maxNumber = -std::numeric_limits<double>::infinity();
};

// id -> key of a dictionary (the label of an agent, a team, an audit's date …).
class Dictionary final
{
public:
    QString load(sqlite3 *db, const QString &sql, JobContext &context)
    {
        Statement stmt(db, sql);
        if (!stmt.isValid())
            return stmt.error();
        KeyBuilder builder;
        std::vector<qint64> ids;
        std::vector<double> keys;
        int rc;
        while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
            ids.push_back(sqlite3_column_int64(stmt.get(), 0));
            keys.push_back(builder.read(stmt.get(), 1, keys.size()));
            if (ids.size() % CheckEvery == 0 && context.isCanceled())
                return tr("Cancelled.");
        }
        if (rc != SQLITE_DONE)
            return stepError(db, rc, context);
        builder.resolve(context, [&](size_t slot, double key) { keys[slot] = key; });
        // Ids are usually dense: a plain vector beats a hash by far for millions of lookups.
        const qint64 maxId = ids.empty() ? 0 : *std::max_element(ids.begin(), ids.end());
        const qint64 minId = ids.empty() ? 0 : *std::min_element(ids.begin(), ids.end());
        m_dense = minId >= 0 && maxId < 4 * qint64(ids.size()) + 1024;
        if (m_dense) {
            m_vector.assign(size_t(maxId) + 1, NullKey);
            for (size_t i = 0; i < ids.size(); ++i)
                m_vector[size_t(ids[i])] = keys[i];
        } else {
            m_hash.reserve(qsizetype(ids.size()));
            for (size_t i = 0; i < ids.size(); ++i)
                m_hash.insert(ids[i], keys[i]);
        }
        return {};
    }

    double key(sqlite3_stmt *stmt, int col) const
    {
        if (sqlite3_column_type(stmt, col) == SQLITE_NULL)
            return NullKey;
        const qint64 id = sqlite3_column_int64(stmt, col);
        if (m_dense)
            return id >= 0 && id < qint64(m_vector.size()) ? m_vector[size_t(id)] : NullKey;
        return m_hash.value(id, NullKey);
    }

private:
    bool m_dense = true;
    std::vector<double> m_vector;
    QHash<qint64, double> m_hash;
};

struct Keyed
{
    qint64 id;
    double key;
};

// The rows a drill-down keeps (RecordFilter::ids): a bitmap over their range when it is dense
// enough, else a binary search. Without ids, everything passes.
class IdSet final
{
public:
    explicit IdSet(const std::shared_ptr<const std::vector<qint64>> &ids) : m_ids(ids)
    {
        if (!m_ids || m_ids->empty())
            return;
        m_min = m_ids->front();
        const qint64 span = m_ids->back() - m_min + 1;
        if (span > 0 && span <= 64 * qint64(m_ids->size()) + 65536) {
            m_bits.assign(size_t(span), 0);
            for (qint64 id : *m_ids)
                m_bits[size_t(id - m_min)] = 1;
        }
    }
    bool contains(qint64 id) const
    {
        if (!m_ids)
            return true;
        if (!m_bits.empty())
            return id >= m_min && id - m_min < qint64(m_bits.size()) && m_bits[size_t(id - m_min)];
        return std::binary_search(m_ids->begin(), m_ids->end(), id);
    }

private:
    std::shared_ptr<const std::vector<qint64>> m_ids;
    qint64 m_min = 0;
    std::vector<quint8> m_bits;
};

} // namespace

QString RecordOrder::likePattern(const QString &text)
{
    QString escaped = text.trimmed();
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString RecordOrder::whereClause(const RecordTable &table, const RecordFilter &filter)
{
    QStringList where;
    if (filter.parent && !table.parentColumn.isEmpty())
        where << QStringLiteral("%1 = ?2").arg(table.parentColumn);
    if (filter.hasSearch()) {
        QStringList any;
        for (int i = 0; i < table.columns.size(); ++i) {
            const RecordColumn &c = table.columns.at(i);
            if (!c.match.isEmpty() && (filter.column < 0 || filter.column == i))
                any << c.match;
        }
        where << (any.isEmpty() ? QStringLiteral("0") : QStringLiteral("(%1)").arg(any.join(QStringLiteral(" OR "))));
    }
    return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
}

RecordOrderResult RecordOrder::compute(const RecordTable &table, const RecordOrderRequest &request, JobContext &context)
{
    RecordOrderResult result;
    sqlite3 *db = context.handle();
    if (!db) {
        result.error = tr("The project cannot be read.");
        return result;
    }
    const QString where = whereClause(table, request.filter);
    double expected = request.expectedRows > 0 ? double(request.expectedRows) : -1;
    auto progress = [&](size_t rows, double share, const QString &text) {
        context.setProgress(expected > 0 ? std::min(1.0, double(rows) / expected) * share : -1, text);
    };

    if (request.countTotal && request.filter.ids) {
        result.total = qint64(request.filter.ids->size());
    } else if (request.countTotal) {
        RecordFilter parentOnly;
        parentOnly.parent = request.filter.parent;
        Statement count(db, QStringLiteral("SELECT count(*) FROM %1%2").arg(table.idFrom, whereClause(table, parentOnly)));
        if (!count.isValid()) {
            result.error = count.error();
            return result;
        }
        count.bindFilter(parentOnly);
        if (sqlite3_step(count.get()) == SQLITE_ROW)
            result.total = sqlite3_column_int64(count.get(), 0);
    }

    const bool sorted = request.sortColumn >= 0 && request.sortColumn < table.columns.size();
    const IdSet keep(request.filter.ids);
    if (!sorted && request.filter.ids && !request.filter.hasSearch() && table.naturalOrder.isEmpty()) {
        result.ids = *request.filter.ids; // a drill-down in its natural order: nothing to read
        return result;
    }
    if (!sorted) {
        const QString order = table.naturalOrder.isEmpty() ? QString() : QStringLiteral(" ORDER BY ") + table.naturalOrder;
        Statement stmt(db, QStringLiteral("SELECT %1 FROM %2%3%4").arg(table.idColumn, table.idFrom, where, order));
        if (!stmt.isValid()) {
            result.error = stmt.error();
            return result;
        }
        stmt.bindFilter(request.filter);
        qint64 expectedIds = request.filter.ids ? qint64(request.filter.ids->size()) : request.expectedRows;
        if (expectedIds < 0 && where.isEmpty()) {
            // Growing a vector to 12M ids copies it again and again; counting first is cheaper.
            Statement count(db, QStringLiteral("SELECT count(*) FROM %1").arg(table.idFrom));
            if (count.isValid() && sqlite3_step(count.get()) == SQLITE_ROW)
                expectedIds = sqlite3_column_int64(count.get(), 0);
        }
        if (expectedIds > 0) {
            result.ids.reserve(size_t(expectedIds));
            expected = double(expectedIds);
        }
        int rc;
        size_t read = 0;
        while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
            const qint64 id = sqlite3_column_int64(stmt.get(), 0);
            if (keep.contains(id))
                result.ids.push_back(id);
            if (++read % CheckEvery == 0) {
                if (context.isCanceled())
                    return {};
                progress(read, 0.95, QString());
            }
        }
        if (rc != SQLITE_DONE) {
            result.error = stepError(db, rc, context);
            result.ids.clear();
            return result;
        }
        // SQLite may read the ids from a covering index in another order.
        if (table.naturalOrder.isEmpty() && !std::is_sorted(result.ids.begin(), result.ids.end()))
            std::sort(result.ids.begin(), result.ids.end());
        return result;
    }

    const RecordColumn &column = table.columns.at(request.sortColumn);
    Dictionary dictionary;
    if (!column.dictionary.isEmpty()) {
        if (const QString error = dictionary.load(db, column.dictionary, context); !error.isEmpty()) {
            result.error = error;
            return result;
        }
    }
    const QString join = column.sortJoin.isEmpty() ? QString() : QLatin1Char(' ') + column.sortJoin;
    Statement stmt(db, QStringLiteral("SELECT %1, %2 FROM %3%4%5")
                           .arg(table.idColumn, column.sortKey, table.idFrom, join, where));
    if (!stmt.isValid()) {
        result.error = stmt.error();
        return result;
    }
    stmt.bindFilter(request.filter);
    std::vector<Keyed> rows;
    if (request.expectedRows > 0)
        rows.reserve(size_t(request.expectedRows));
    KeyBuilder builder;
    const bool viaDictionary = !column.dictionary.isEmpty();
    int rc;
    size_t read = 0;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        const qint64 id = sqlite3_column_int64(stmt.get(), 0);
        if (keep.contains(id)) {
            const double key = viaDictionary ? dictionary.key(stmt.get(), 1) : builder.read(stmt.get(), 1, rows.size());
            rows.push_back({id, key});
        }
        if (++read % CheckEvery == 0) {
            if (context.isCanceled())
                return {};
            progress(read, 0.8, QString());
        }
    }
    if (rc != SQLITE_DONE) {
        result.error = stepError(db, rc, context);
        return result;
    }
    builder.resolve(context, [&](size_t slot, double key) { rows[slot].key = key; });
    if (context.isCanceled())
        return {};
    context.setProgress(expected > 0 ? 0.85 : -1, tr("Sorting…"));
    // Ties keep id order in both directions, so the order is total and repeatable.
    if (request.order == Qt::AscendingOrder)
        std::sort(rows.begin(), rows.end(),
                  [](const Keyed &a, const Keyed &b) { return a.key < b.key || (a.key == b.key && a.id < b.id); });
    else
        std::sort(rows.begin(), rows.end(),
                  [](const Keyed &a, const Keyed &b) { return a.key > b.key || (a.key == b.key && a.id < b.id); });
    result.ids.reserve(rows.size());
    for (const Keyed &r : rows)
        result.ids.push_back(r.id);
    return result;
}

} // namespace ql

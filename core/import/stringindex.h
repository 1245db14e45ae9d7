// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <string>
#include <utility>
#include <vector>

namespace ql {

// The import's string lookups: a file's audit ids (one insert per audit), agent ids and aliases and
// the names of teams, queues, channels… (several lookups per audit, on the writer thread). Each
// distinct string gets an index 0, 1, 2, … in the order first inserted. The strings sit back to back
// in one buffer and an open-addressing table of (hash, index) finds them, so a lookup touches about
// one slot of the table and the one string it compares, and nothing is allocated per string.
// std::unordered_map<QString, …> allocated a node per string and chased pointers from bucket to
// node to text: with 125,000 audit ids that cost ~1.7 µs of CPU per id, and looking up an audit's
// agent ~1.4 µs, mostly cache misses (docs/benchmarks.md "Import"). Qt's QHash<QString, …> is
// slower still here: its seeded string hash costs ~250 ns a lookup in Qt 6.4. Not seeded: the
// strings come from the user's own files.
class StringIndex final
{
public:
    // The index of `key` and whether it was added now (false: it was there).
    std::pair<qsizetype, bool> insert(QStringView key);
    // The index of `key`, or -1.
    qsizetype indexOf(QStringView key) const;
    bool contains(QStringView key) const { return indexOf(key) >= 0; }
    QStringView keyAt(qsizetype index) const;
    qsizetype size() const { return qsizetype(m_ends.size()); }
    bool isEmpty() const { return m_ends.empty(); }
    void clear();

private:
    struct Slot
    {
        quint32 check = 0; // the hash's high 32 bits
        quint32 entry = 0; // index + 1; 0 = empty
    };
    static size_t hashOf(QStringView key);
    // The slot holding `key`, or the empty slot where it would go. m_slots must not be empty.
    size_t find(QStringView key, size_t hash) const;
    void grow();

    std::u16string m_text;      // every key, back to back
    std::vector<size_t> m_ends; // end of each key in m_text
    std::vector<Slot> m_slots;  // a power of two, at most half full
};

// Strings to ids (0 means none), on a StringIndex.
class StringIds final
{
public:
    // The id of `key`, or 0.
    qint64 value(QStringView key) const
    {
        const qsizetype i = m_index.indexOf(key);
        return i < 0 ? 0 : m_ids[size_t(i)];
    }
    void insertOrAssign(QStringView key, qint64 id)
    {
        const auto [i, added] = m_index.insert(key);
        if (added)
            m_ids.push_back(id);
        else
            m_ids[size_t(i)] = id;
    }
    // The first key with that id, or an empty string.
    QString keyOf(qint64 id) const;
    qsizetype size() const { return m_index.size(); }
    void clear()
    {
        m_index.clear();
        m_ids.clear();
    }

private:
    StringIndex m_index;
    std::vector<qint64> m_ids; // by index
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

#include <string>
#include <vector>

namespace ql {

// The set of a file's audit ids (AuditAssembler): one insert per audit, a lookup per stored audit
// with --replace-range. Built for that one job: the ids' text sits back to back in one buffer and
// an open-addressing table of (hash, index) finds them, so an insert touches about one cache line
// of the table and allocates nothing once the buffers have grown. std::unordered_set<QString>
// allocated a node and a string per id and chased pointers through a bucket list: 1.7 µs of CPU
// per id on the 125,000-audit benchmark, about 4 % of the import (docs/benchmarks.md "Import").
class KeySet final
{
public:
    // True when `key` was not in the set (it is now).
    bool insert(QStringView key);
    bool contains(QStringView key) const;
    qsizetype size() const { return qsizetype(m_ends.size()); }
    bool isEmpty() const { return m_ends.empty(); }

private:
    struct Slot
    {
        quint32 check = 0; // the hash's high 32 bits
        quint32 entry = 0; // index + 1 into m_ends; 0 = empty
    };
    static size_t hashOf(QStringView key);
    QStringView keyAt(quint32 index) const;
    // The slot holding `key`, or the empty slot where it would go.
    size_t find(QStringView key, size_t hash) const;
    void grow();

    std::u16string m_text;     // every key, back to back
    std::vector<size_t> m_ends; // end of each key in m_text
    std::vector<Slot> m_slots;  // a power of two, at most half full
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "stringindex.h"

#include <functional>
#include <string_view>

namespace ql {

size_t StringIndex::hashOf(QStringView key)
{
    return std::hash<std::u16string_view>()(
        std::u16string_view(reinterpret_cast<const char16_t *>(key.utf16()), size_t(key.size())));
}

QStringView StringIndex::keyAt(qsizetype index) const
{
    const size_t start = index > 0 ? m_ends[size_t(index) - 1] : 0;
    return QStringView(m_text.data() + start, qsizetype(m_ends[size_t(index)] - start));
}

size_t StringIndex::find(QStringView key, size_t hash) const
{
    const size_t mask = m_slots.size() - 1;
    const auto check = quint32(hash >> 32);
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot &s = m_slots[i];
        if (s.entry == 0 || (s.check == check && keyAt(qsizetype(s.entry) - 1) == key))
            return i;
    }
}

void StringIndex::grow()
{
    m_slots.assign(m_slots.empty() ? 64 : m_slots.size() * 2, Slot());
    const size_t mask = m_slots.size() - 1;
    for (size_t index = 0; index < m_ends.size(); ++index) {
        const size_t hash = hashOf(keyAt(qsizetype(index)));
        size_t i = hash & mask;
        while (m_slots[i].entry != 0)
            i = (i + 1) & mask;
        m_slots[i] = {quint32(hash >> 32), quint32(index + 1)};
    }
}

std::pair<qsizetype, bool> StringIndex::insert(QStringView key)
{
    if (2 * (m_ends.size() + 1) > m_slots.size())
        grow();
    const size_t hash = hashOf(key);
    Slot &slot = m_slots[find(key, hash)];
    if (slot.entry != 0)
        return {qsizetype(slot.entry) - 1, false};
    m_text.append(reinterpret_cast<const char16_t *>(key.utf16()), size_t(key.size()));
    m_ends.push_back(m_text.size());
    slot = {quint32(hash >> 32), quint32(m_ends.size())};
    return {qsizetype(m_ends.size()) - 1, true};
}

qsizetype StringIndex::indexOf(QStringView key) const
{
    if (m_slots.empty())
        return -1;
    const Slot &slot = m_slots[find(key, hashOf(key))];
    return qsizetype(slot.entry) - 1;
}

void StringIndex::clear()
{
    m_text.clear();
    m_ends.clear();
    m_slots.clear();
}

QString StringIds::keyOf(qint64 id) const
{
    for (size_t i = 0; i < m_ids.size(); ++i) {
        if (m_ids[i] == id)
            return m_index.keyAt(qsizetype(i)).toString();
    }
    return {};
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyset.h"

#include <functional>
#include <string_view>

namespace ql {

size_t KeySet::hashOf(QStringView key)
{
    return std::hash<std::u16string_view>()(
        std::u16string_view(reinterpret_cast<const char16_t *>(key.utf16()), size_t(key.size())));
}

QStringView KeySet::keyAt(quint32 index) const
{
    const size_t start = index > 0 ? m_ends[index - 1] : 0;
    return QStringView(m_text.data() + start, qsizetype(m_ends[index] - start));
}

size_t KeySet::find(QStringView key, size_t hash) const
{
    const size_t mask = m_slots.size() - 1;
    const auto check = quint32(hash >> 32);
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot &s = m_slots[i];
        if (s.entry == 0 || (s.check == check && keyAt(s.entry - 1) == key))
            return i;
    }
}

void KeySet::grow()
{
    std::vector<Slot> old;
    old.swap(m_slots);
    m_slots.assign(old.empty() ? 1024 : old.size() * 2, Slot());
    const size_t mask = m_slots.size() - 1;
    for (quint32 index = 0; index < quint32(m_ends.size()); ++index) {
        const size_t hash = hashOf(keyAt(index));
        size_t i = hash & mask;
        while (m_slots[i].entry != 0)
            i = (i + 1) & mask;
        m_slots[i] = {quint32(hash >> 32), index + 1};
    }
}

bool KeySet::insert(QStringView key)
{
    if (2 * (m_ends.size() + 1) > m_slots.size())
        grow();
    const size_t hash = hashOf(key);
    Slot &slot = m_slots[find(key, hash)];
    if (slot.entry != 0)
        return false;
    m_text.append(reinterpret_cast<const char16_t *>(key.utf16()), size_t(key.size()));
    m_ends.push_back(m_text.size());
    slot = {quint32(hash >> 32), quint32(m_ends.size())};
    return true;
}

bool KeySet::contains(QStringView key) const
{
    if (m_slots.empty())
        return false;
    return m_slots[find(key, hashOf(key))].entry != 0;
}

} // namespace ql

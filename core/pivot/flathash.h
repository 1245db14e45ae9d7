// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ql {

// Open-addressing map from 64-bit keys to dense 32-bit slot numbers, handed out in insertion order.
// The pivot engine uses it when the product of dimension cardinalities is too large for a dense
// array; std::unordered_map would allocate a node per key, which is what the hot loop must avoid.
class FlatKeyMap final
{
public:
    static constexpr std::uint64_t EmptyKey = ~std::uint64_t(0);

    explicit FlatKeyMap(std::size_t expected = 16) { rehash(capacityFor(expected)); }

    // The slot of key, inserting it (with the next slot number) when absent.
    std::uint32_t insert(std::uint64_t key)
    {
        std::size_t i = index(key);
        for (;;) {
            const std::uint64_t k = m_keys[i];
            if (k == key)
                return m_slots[i];
            if (k == EmptyKey)
                break;
            i = (i + 1) & m_mask;
        }
        if ((m_keysInOrder.size() + 1) * 4 > m_keys.size() * 3) {
            rehash(m_keys.size() * 2);
            return insert(key);
        }
        const auto slot = std::uint32_t(m_keysInOrder.size());
        m_keys[i] = key;
        m_slots[i] = slot;
        m_keysInOrder.push_back(key);
        return slot;
    }

    // The slot of key, or -1 when absent.
    std::int64_t find(std::uint64_t key) const
    {
        std::size_t i = index(key);
        for (;;) {
            const std::uint64_t k = m_keys[i];
            if (k == key)
                return m_slots[i];
            if (k == EmptyKey)
                return -1;
            i = (i + 1) & m_mask;
        }
    }

    std::size_t size() const { return m_keysInOrder.size(); }
    const std::vector<std::uint64_t> &keys() const { return m_keysInOrder; } // slot -> key

private:
    static std::size_t capacityFor(std::size_t n)
    {
        std::size_t c = 16;
        while (c * 3 < n * 4 + 4)
            c *= 2;
        return c;
    }
    std::size_t index(std::uint64_t key) const
    {
        // A multiplicative mix: keys are mixed-radix numbers whose low digits vary most.
        key ^= key >> 33;
        key *= 0xff51afd7ed558ccdULL;
        key ^= key >> 33;
        return std::size_t(key) & m_mask;
    }
    void rehash(std::size_t capacity)
    {
        m_keys.assign(capacity, EmptyKey);
        m_slots.assign(capacity, 0);
        m_mask = capacity - 1;
        for (std::size_t s = 0; s < m_keysInOrder.size(); ++s) {
            std::size_t i = index(m_keysInOrder[s]);
            while (m_keys[i] != EmptyKey)
                i = (i + 1) & m_mask;
            m_keys[i] = m_keysInOrder[s];
            m_slots[i] = std::uint32_t(s);
        }
    }

    std::vector<std::uint64_t> m_keys;
    std::vector<std::uint32_t> m_slots;
    std::vector<std::uint64_t> m_keysInOrder;
    std::size_t m_mask = 0;
};

} // namespace ql

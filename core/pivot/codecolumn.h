// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace ql {

// Dictionary codes of one column, one per fact, stored in 1, 2 or 4 bytes by the cardinality: a
// million audits take 1 MB for a channel instead of 4, which is what keeps the audits cube inside
// its memory budget. Hot loops call visit() once and run on the typed pointer.
class CodeColumn final
{
public:
    CodeColumn() = default;

    // size facts of code, wide enough for codes below cardinality (to be set() later).
    void fill(std::size_t size, std::int32_t code, std::int64_t cardinality)
    {
        m_width = cardinality <= 0x100 ? 1 : cardinality <= 0x10000 ? 2 : 4;
        m_size = size;
        m_bytes.assign(size * std::size_t(m_width), 0);
        if (code != 0)
            for (std::size_t i = 0; i < size; ++i)
                set(i, code);
    }

    void reserve(std::size_t n) { m_bytes.reserve(n * std::size_t(m_width)); }

    // Appends a code (>= 0), widening the storage when the code does not fit.
    void push_back(std::int32_t code)
    {
        if (code >= limit())
            widenTo(code < 0x10000 ? 2 : 4);
        m_bytes.resize(m_bytes.size() + std::size_t(m_width));
        ++m_size;
        set(m_size - 1, code);
    }

    void set(std::size_t i, std::int32_t code)
    {
        switch (m_width) {
        case 1:
            m_bytes[i] = std::uint8_t(code);
            break;
        case 2: {
            const auto v = std::uint16_t(code);
            std::memcpy(&m_bytes[i * 2], &v, 2);
            break;
        }
        default:
            std::memcpy(&m_bytes[i * 4], &code, 4);
            break;
        }
    }

    std::int32_t at(std::size_t i) const
    {
        switch (m_width) {
        case 1:
            return m_bytes[i];
        case 2: {
            std::uint16_t v;
            std::memcpy(&v, &m_bytes[i * 2], 2);
            return v;
        }
        default: {
            std::int32_t v;
            std::memcpy(&v, &m_bytes[i * 4], 4);
            return v;
        }
        }
    }

    // Replaces every code c by map[c] (provisional codes -> final, sorted ones).
    void remap(const std::vector<std::int32_t> &map)
    {
        std::int32_t top = 0;
        for (std::int32_t v : map)
            top = v > top ? v : top;
        if (top >= limit())
            widenTo(top < 0x10000 ? 2 : 4);
        for (std::size_t i = 0; i < m_size; ++i)
            set(i, map[std::size_t(at(i))]);
    }

    // Calls f with a typed pointer to the codes (const uint8_t*, const uint16_t* or const int32_t*).
    template <class F> decltype(auto) visit(F &&f) const
    {
        switch (m_width) {
        case 1:
            return f(reinterpret_cast<const std::uint8_t *>(m_bytes.data()));
        case 2:
            return f(reinterpret_cast<const std::uint16_t *>(m_bytes.data()));
        default:
            return f(reinterpret_cast<const std::int32_t *>(m_bytes.data()));
        }
    }

    void shrink() { m_bytes.shrink_to_fit(); }
    std::size_t size() const { return m_size; }
    int width() const { return m_width; }
    std::size_t bytes() const { return m_bytes.capacity(); }

private:
    std::int64_t limit() const { return m_width == 1 ? 0x100 : m_width == 2 ? 0x10000 : 0x7fffffff; }
    void widenTo(int width)
    {
        if (width <= m_width)
            return;
        std::vector<std::uint8_t> old;
        old.swap(m_bytes);
        const int oldWidth = m_width;
        m_width = width;
        m_bytes.assign(m_size * std::size_t(width), 0);
        for (std::size_t i = 0; i < m_size; ++i) {
            std::int32_t v = 0;
            if (oldWidth == 1)
                v = old[i];
            else if (oldWidth == 2) {
                std::uint16_t u;
                std::memcpy(&u, &old[i * 2], 2);
                v = u;
            } else
                std::memcpy(&v, &old[i * 4], 4);
            set(i, v);
        }
    }

    // operator new aligns the buffer for 2- and 4-byte reads.
    std::vector<std::uint8_t> m_bytes;
    std::size_t m_size = 0;
    int m_width = 1;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "stringdictionary.h"

#include <algorithm>

namespace ql {

StringDictionary::StringDictionary() : m_table(64, -1), m_hashes(64, 0)
{
    m_values.emplace_back(); // code 0: (blank)
}

std::uint64_t StringDictionary::hash(std::string_view s)
{
    // FNV-1a, then a final mix: labels are short and the table is small.
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char ch : s) {
        h ^= ch;
        h *= 1099511628211ULL;
    }
    h ^= h >> 29;
    return h;
}

std::int32_t StringDictionary::code(std::string_view text)
{
    if (text.empty())
        return 0;
    const std::uint64_t h = hash(text);
    const std::size_t mask = m_table.size() - 1;
    std::size_t i = std::size_t(h) & mask;
    for (;;) {
        const std::int32_t c = m_table[i];
        if (c < 0)
            break;
        if (m_hashes[i] == h && m_values[std::size_t(c)] == text)
            return c;
        i = (i + 1) & mask;
    }
    const auto c = std::int32_t(m_values.size());
    m_values.emplace_back(text);
    m_table[i] = c;
    m_hashes[i] = h;
    if (m_values.size() * 2 > m_table.size())
        grow();
    return c;
}

void StringDictionary::grow()
{
    std::vector<std::int32_t> table(m_table.size() * 2, -1);
    std::vector<std::uint64_t> hashes(table.size(), 0);
    const std::size_t mask = table.size() - 1;
    for (std::size_t j = 0; j < m_table.size(); ++j) {
        if (m_table[j] < 0)
            continue;
        std::size_t i = std::size_t(m_hashes[j]) & mask;
        while (table[i] >= 0)
            i = (i + 1) & mask;
        table[i] = m_table[j];
        hashes[i] = m_hashes[j];
    }
    m_table.swap(table);
    m_hashes.swap(hashes);
}

std::vector<std::int32_t> StringDictionary::finish(QStringList *labels) const
{
    return finish(labels, [](const std::string &a, const std::string &b) { return a < b; });
}

} // namespace ql

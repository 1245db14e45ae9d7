// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace ql {

// Text values of one dimension as they stream out of SQLite, coded in order of first appearance;
// finish() sorts them and gives the final codes. Code 0 is (blank): an empty or NULL value. The
// lookup hashes the UTF-8 bytes straight from the statement, so no QString is made per row.
class StringDictionary final
{
public:
    StringDictionary();

    std::int32_t code(std::string_view text);
    std::size_t size() const { return m_values.size(); } // including (blank)
    const std::string &value(std::int32_t code) const { return m_values[std::size_t(code)]; }

    // Sorts the values in code-point order (UTF-8 byte order is code-point order), appends
    // "(blank)", and returns provisional code -> final code.
    std::vector<std::int32_t> finish(QStringList *labels) const;

    // The same, ordering values with less(a, b) instead (numbers, bands).
    template <class Less> std::vector<std::int32_t> finish(QStringList *labels, Less less) const;

private:
    static std::uint64_t hash(std::string_view s);
    void grow();

    std::deque<std::string> m_values;  // stable addresses: the table holds views into them
    std::vector<std::int32_t> m_table; // -1 empty
    std::vector<std::uint64_t> m_hashes;
};

template <class Less> std::vector<std::int32_t> StringDictionary::finish(QStringList *labels, Less less) const
{
    std::vector<std::int32_t> order;
    for (std::int32_t c = 1; c < std::int32_t(m_values.size()); ++c)
        order.push_back(c);
    std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
        const std::string &x = m_values[std::size_t(a)];
        const std::string &y = m_values[std::size_t(b)];
        if (less(x, y))
            return true;
        if (less(y, x))
            return false;
        return x < y;
    });
    std::vector<std::int32_t> map(m_values.size());
    labels->clear();
    for (std::size_t i = 0; i < order.size(); ++i) {
        map[std::size_t(order[i])] = std::int32_t(i);
        labels->append(QString::fromUtf8(m_values[std::size_t(order[i])]));
    }
    map[0] = std::int32_t(order.size());
    labels->append(QStringLiteral("(blank)"));
    return map;
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <functional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace ql {

// The hash of the import's name lookups (names of teams, queues, channels…, agent ids and aliases,
// the audit ids of a file), for std::unordered_map and std::unordered_set keyed by QString.
// Qt 6.4's seeded string hash makes one QHash<QString, …> lookup cost about 250 ns of CPU on the
// development machine, against about 20 ns with the standard library's hash of the same UTF-16
// text, and an import looks up about eight names per audit (docs/benchmarks.md "Import"). Not
// seeded: the keys come from the user's own files.
// Deliberately not noexcept: libstdc++ then stores each element's hash in its node, so a lookup
// compares hashes before strings and walking a bucket or growing the table hashes no key again
// (with a noexcept hash it recomputes the hash of every node it passes, ~200 ns a lookup here).
struct StringHash
{
    size_t operator()(QStringView s) const
    {
        return std::hash<std::u16string_view>()(std::u16string_view(s.utf16(), size_t(s.size())));
    }
    size_t operator()(const QString &s) const { return (*this)(QStringView(s)); }
};

template <typename T> using StringMap = std::unordered_map<QString, T, StringHash>;
using StringSet = std::unordered_set<QString, StringHash>;

// The value for `key`, or a default-constructed one (as QHash::value()).
template <typename T> T valueOf(const StringMap<T> &map, const QString &key)
{
    const auto it = map.find(key);
    return it == map.end() ? T() : it->second;
}

} // namespace ql

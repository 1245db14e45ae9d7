// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

namespace ql::pivot {

// Where the engine switches strategies. Tests lower them to run the hash paths on small data.
struct Tuning
{
    // Cells are a dense array while the key space has at most this many keys, else a hash table.
    static inline std::uint64_t denseLimit = std::uint64_t(1) << 18;
    // count_distinct keeps a bitset per cell while all bitsets fit in this many bytes, else pairs.
    static inline std::size_t distinctBitsetBudget = std::size_t(32) << 20;
};

} // namespace ql::pivot

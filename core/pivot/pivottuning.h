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
    // The fused pass (pivotfused.h) splits the facts into parts of at least this many facts, at
    // most maxParts of them, while the parts' per-cell state fits in partStateBudget bytes. The
    // parts depend on the data only, never on the threads, so the sums are the same on any machine.
    static inline std::size_t partFacts = std::size_t(1) << 20;
    static inline std::size_t maxParts = 16;
    static inline std::size_t partStateBudget = std::size_t(16) << 20;
    // The fused pass at all (tests compare it with the general one), and the facts per run of one
    // audit, on average, from which it reads runs instead of each answer's audit row.
    static inline bool fused = true;
    static inline std::size_t runFacts = 4;
    // Threads that work through the parts (the caller's among them); 0: QThread::idealThreadCount().
    static inline int threads = 0;
};

} // namespace ql::pivot

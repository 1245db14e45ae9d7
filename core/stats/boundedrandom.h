// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <random>

namespace ql::stats {

// A uniform integer in [0, n), n > 0, from std::mt19937_64 — which the standard specifies bit for
// bit — by rejection: draws below 2^64 mod n are thrown away so every residue is equally likely.
// The std:: distributions are not specified and differ between standard libraries (style.md), so
// the same seed would give other bootstrap intervals on another platform.
inline std::uint64_t boundedIndex(std::mt19937_64 &engine, std::uint64_t n)
{
    const std::uint64_t threshold = (0 - n) % n;
    std::uint64_t x = engine();
    while (x < threshold)
        x = engine();
    return x % n;
}

} // namespace ql::stats

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <cmath>
#include <random>
#include <span>
#include <utility>

namespace ql {

// Repeatable randomness for the demo (style.md "Hints"): std::mt19937_64 is specified bit for bit
// by the standard, but the std:: distributions are not, so every distribution here is written out.
// Each part of the generator draws from its own stream (forked by name), so adding a draw in one
// part does not reshuffle the others.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed) : m_engine(seed) {}

    // An independent stream for one part of the generator: the seed and a label, mixed with
    // SplitMix64 so that near seeds give unrelated streams.
    static DemoRandom fork(quint64 seed, quint64 label) { return DemoRandom(splitMix(splitMix(seed) ^ label)); }

    quint64 next() { return m_engine(); }

    // Uniform in [0, n) without modulo bias: draws below 2^64 mod n are rejected, so every residue
    // is equally likely (portable: no 128-bit multiply, which MSVC lacks). n > 0.
    quint64 below(quint64 n)
    {
        const quint64 threshold = (0 - n) % n;
        quint64 x = next();
        while (x < threshold)
            x = next();
        return x % n;
    }

    // Uniform integer in [lo, hi], lo <= hi.
    int between(int lo, int hi) { return lo + int(below(quint64(hi - lo) + 1)); }

    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }

    bool chance(double p) { return uniform() < p; }

    // Standard normal by Box–Muller; the second value of each pair is kept for the next call.
    double normal()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        double u1 = uniform();
        while (u1 <= 0)
            u1 = uniform();
        const double u2 = uniform();
        const double r = std::sqrt(-2.0 * std::log(u1));
        constexpr double twoPi = 6.283185307179586476925286766559;
        m_spare = r * std::sin(twoPi * u2);
        m_hasSpare = true;
        return r * std::cos(twoPi * u2);
    }

    double normal(double mean, double sd) { return mean + sd * normal(); }

    // Fisher–Yates, from the back.
    template <typename T> void shuffle(std::span<T> items)
    {
        for (std::size_t i = items.size(); i > 1; --i)
            std::swap(items[i - 1], items[below(i)]);
    }

    // An index drawn with probability proportional to weights[i] (all ≥ 0, sum > 0).
    template <typename W> int weighted(std::span<const W> weights)
    {
        double total = 0;
        for (const W w : weights)
            total += double(w);
        double x = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            x -= double(weights[i]);
            if (x < 0)
                return int(i);
        }
        // Rounding can leave x at a hair above zero: the last positive weight takes it.
        for (std::size_t i = weights.size(); i > 0; --i)
            if (weights[i - 1] > 0)
                return int(i - 1);
        return 0;
    }

    template <typename W, std::size_t N> int weighted(const W (&weights)[N])
    {
        return weighted(std::span<const W>(weights, N));
    }

    // One of a fixed list.
    template <typename T, std::size_t N> const T &pick(const T (&items)[N]) { return items[below(N)]; }

    static quint64 splitMix(quint64 x)
    {
        x += 0x9E3779B97F4A7C15ull;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
        return x ^ (x >> 31);
    }

private:
    std::mt19937_64 m_engine;
    double m_spare = 0;
    bool m_hasSpare = false;
};

} // namespace ql

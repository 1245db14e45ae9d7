// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace ql {

// A numeric measure column (audit score, raw score). Scores are stored rounded to 6 decimals
// (scoring.md), so they are kept as integer millionths in 4 bytes, and v / 1e6 gives back exactly
// the double that was stored; a float would print 79.22239044189453 for 79.222389. A value that is
// not a whole number of millionths switches the column to doubles, so nothing is ever rounded.
class NumericColumn final
{
public:
    static constexpr std::int32_t FixedNull = std::numeric_limits<std::int32_t>::min();

    void reserve(std::size_t n) { m_fixed.reserve(n); }

    void push_back(double v) // NaN = no value
    {
        if (!m_double) {
            if (std::isnan(v)) {
                m_fixed.push_back(FixedNull);
                return;
            }
            if (std::fabs(v) < 2000.0) {
                const double scaled = std::nearbyint(v * 1e6);
                if (scaled / 1e6 == v) {
                    m_fixed.push_back(std::int32_t(scaled));
                    return;
                }
            }
            toDouble();
        }
        m_doubles.push_back(v);
    }

    bool isFixed() const { return !m_double; }
    std::size_t size() const { return m_double ? m_doubles.size() : m_fixed.size(); }

    double at(std::size_t i) const
    {
        if (m_double)
            return m_doubles[i];
        return m_fixed[i] == FixedNull ? std::numeric_limits<double>::quiet_NaN() : m_fixed[i] / 1e6;
    }

    // Calls f with a getter (std::size_t -> double, NaN for no value) specialised for the storage.
    template <class F> decltype(auto) visit(F &&f) const
    {
        if (m_double) {
            const double *p = m_doubles.data();
            return f([p](std::size_t i) { return p[i]; });
        }
        const std::int32_t *p = m_fixed.data();
        return f([p](std::size_t i) {
            const std::int32_t v = p[i];
            return v == FixedNull ? std::numeric_limits<double>::quiet_NaN() : v / 1e6;
        });
    }

    void shrink()
    {
        m_fixed.shrink_to_fit();
        m_doubles.shrink_to_fit();
    }
    std::size_t bytes() const { return m_fixed.capacity() * 4 + m_doubles.capacity() * 8; }

private:
    void toDouble()
    {
        m_double = true;
        m_doubles.reserve(m_fixed.capacity());
        for (std::int32_t v : m_fixed)
            m_doubles.push_back(v == FixedNull ? std::numeric_limits<double>::quiet_NaN() : v / 1e6);
        std::vector<std::int32_t>().swap(m_fixed);
    }

    std::vector<std::int32_t> m_fixed;
    std::vector<double> m_doubles;
    bool m_double = false;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <cstring>

namespace ql {

// A 64-bit FNV-1a hash of a record's imported content, so that a re-import can tell an unchanged
// record without reading it back. Not cryptographic: it only has to notice edits, and it is stable
// across machines and Qt versions (qHash is seeded per process). Every value is prefixed by its
// length or kind so that ("ab", "c") and ("a", "bc") differ.
//
// The digest is FNV-1a over the bytes: each text as its length (a little-endian qint64) and its
// UTF-16LE code units, each number as its 8 little-endian bytes. Stored hashes depend on exactly
// that, so it must not change. FNV-1a's step is h = (h ^ byte) × P, and h ^ 0 is h, so a run of k
// zero bytes is one multiplication by P^k: an ASCII character (its high byte is zero) costs one
// multiplication instead of two, a small number two or three instead of eight
// (tst_contenthash checks it against the byte-wise definition).
class ContentHash final
{
public:
    void add(QStringView text)
    {
        add(qint64(text.size()));
        const char16_t *p = reinterpret_cast<const char16_t *>(text.utf16());
        for (qsizetype i = 0, n = text.size(); i < n; ++i) {
            const char16_t c = p[i];
            addByte(uchar(c & 0xff));
            addByte(uchar(c >> 8));
        }
        flush();
    }
    void add(qint64 v)
    {
        const quint64 u = quint64(v);
        for (int i = 0; i < 8; ++i)
            addByte(uchar(u >> (8 * i)));
        flush();
    }
    void add(int v) { add(qint64(v)); }
    void add(double v)
    {
        if (v == 0)
            v = 0; // -0 and 0 are the same answer
        qint64 bits;
        std::memcpy(&bits, &v, sizeof bits);
        add(bits);
    }
    QString hex() const
    {
        QString out(16, Qt::Uninitialized);
        char16_t *p = reinterpret_cast<char16_t *>(out.data());
        for (int i = 0; i < 16; ++i)
            p[i] = u"0123456789abcdef"[(m_hash >> (60 - 4 * i)) & 0xf];
        return out;
    }

private:
    static constexpr quint64 Prime = 0x100000001b3ULL;
    static constexpr int MaxOwed = 16;
    // Prime^k, k = 0 … MaxOwed.
    static constexpr std::array<quint64, MaxOwed + 1> Powers = [] {
        std::array<quint64, MaxOwed + 1> p{};
        p[0] = 1;
        for (int k = 1; k <= MaxOwed; ++k)
            p[size_t(k)] = p[size_t(k - 1)] * Prime;
        return p;
    }();

    // One FNV-1a step, with the multiplications of the zero bytes before it owed until a non-zero
    // byte (or the end of the value) needs the hash.
    void addByte(uchar b)
    {
        if (b == 0) {
            if (++m_owed == MaxOwed)
                flush();
            return;
        }
        m_hash = (m_hash * Powers[size_t(m_owed)]) ^ b;
        m_owed = 1;
    }
    void flush()
    {
        m_hash *= Powers[size_t(m_owed)];
        m_owed = 0;
    }

    quint64 m_hash = 0xcbf29ce484222325ULL;
    int m_owed = 0; // multiplications by Prime not yet applied
};

} // namespace ql

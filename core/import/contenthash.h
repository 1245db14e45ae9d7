// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <cstring>

namespace ql {

// A 64-bit FNV-1a hash of a record's imported content, so that a re-import can tell an unchanged
// record without reading it back. Not cryptographic: it only has to notice edits, and it is stable
// across machines and Qt versions (qHash is seeded per process). Every value is prefixed by its
// length or kind so that ("ab", "c") and ("a", "bc") differ.
class ContentHash final
{
public:
    void add(QStringView text)
    {
        add(qint64(text.size()));
        addBytes(text.utf16(), size_t(text.size()) * 2);
    }
    void add(qint64 v) { addBytes(&v, sizeof v); }
    void add(int v) { add(qint64(v)); }
    void add(double v)
    {
        if (v == 0)
            v = 0; // -0 and 0 are the same answer
        addBytes(&v, sizeof v);
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
    void addBytes(const void *data, size_t n)
    {
        const auto *p = static_cast<const unsigned char *>(data);
        for (size_t i = 0; i < n; ++i) {
            m_hash ^= p[i];
            m_hash *= 0x100000001b3ULL;
        }
    }
    quint64 m_hash = 0xcbf29ce484222325ULL;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "utf8validator.h"

#include <algorithm>
#include <cstring>

namespace ql {

namespace {

// How many continuation bytes follow lead byte c and the range of the first of them; 0 for a byte
// that cannot start a sequence.
int sequenceFor(uchar c, uchar *lo, uchar *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        return 1;
    if (c == 0xE0) {
        *lo = 0xA0; // no overlong 3-byte forms
        return 2;
    }
    if (c == 0xED) {
        *hi = 0x9F; // no UTF-16 surrogates
        return 2;
    }
    if (c >= 0xE1 && c <= 0xEF)
        return 2;
    if (c == 0xF0) {
        *lo = 0x90; // no overlong 4-byte forms
        return 3;
    }
    if (c >= 0xF1 && c <= 0xF3)
        return 3;
    if (c == 0xF4) {
        *hi = 0x8F; // nothing above U+10FFFF
        return 3;
    }
    return 0;
}

} // namespace

void Utf8Validator::countLineEnds(const char *data, qsizetype size)
{
    if (size <= 0)
        return;
    // LFs not preceded by CR, plus every CR.
    m_lineEnds += std::count(data, data + size, '\n');
    const char *p = data;
    const char *end = data + size;
    if (m_lastWasCr && *p == '\n')
        --m_lineEnds; // the LF of a CRLF split over two chunks
    while ((p = static_cast<const char *>(std::memchr(p, '\r', size_t(end - p))))) {
        ++p;
        if (p == end || *p != '\n')
            ++m_lineEnds; // a lone CR (one at the chunk's end is corrected above on the next chunk)
    }
    // A CR at the very end was counted as lone; if the next chunk starts with LF that LF is not
    // counted (above), which keeps CRLF = one line end either way.
    m_lastWasCr = data[size - 1] == '\r';
}

bool Utf8Validator::fail(qint64 offset, uchar byte, const char *chunk, qsizetype validInChunk)
{
    m_invalidOffset = offset;
    m_invalidByte = byte;
    // Line ends are ASCII, so none sits inside the broken sequence: counting the chunk's bytes up
    // to the failure is exact.
    countLineEnds(chunk, validInChunk);
    m_invalidLine = m_lineEnds + 1;
    return false;
}

bool Utf8Validator::feed(QByteArrayView bytes)
{
    if (!isValid())
        return false;
    const char *data = bytes.data();
    const auto *p = reinterpret_cast<const uchar *>(data);
    const qsizetype n = bytes.size();
    qsizetype i = 0;

    while (m_need > 0 && i < n) {
        if (p[i] < m_lo || p[i] > m_hi)
            return fail(m_seqStart, m_seqLead, data, 0);
        m_lo = 0x80;
        m_hi = 0xBF;
        --m_need;
        ++i;
    }

    while (i < n) {
        // Sixteen ASCII bytes at a time: most CSV text is ASCII.
        while (i + 16 <= n) {
            quint64 a, b;
            std::memcpy(&a, p + i, 8);
            std::memcpy(&b, p + i + 8, 8);
            if ((a | b) & 0x8080808080808080ULL)
                break;
            i += 16;
        }
        if (i >= n)
            break;
        const uchar c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        uchar lo, hi;
        int need = sequenceFor(c, &lo, &hi);
        if (need == 0)
            return fail(m_offset + i, c, data, i);
        const qsizetype start = i++;
        while (need > 0 && i < n) {
            if (p[i] < lo || p[i] > hi)
                return fail(m_offset + start, c, data, start);
            lo = 0x80;
            hi = 0xBF;
            --need;
            ++i;
        }
        if (need > 0) {
            m_need = need;
            m_lo = lo;
            m_hi = hi;
            m_seqStart = m_offset + start;
            m_seqLead = c;
        }
    }
    countLineEnds(data, n);
    m_offset += n;
    return true;
}

bool Utf8Validator::finish()
{
    if (isValid() && m_need > 0) {
        m_invalidOffset = m_seqStart;
        m_invalidByte = m_seqLead;
        m_invalidLine = m_lineEnds + 1;
    }
    return isValid();
}

} // namespace ql

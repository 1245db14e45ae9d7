// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace ql {

// Checks a byte stream fed in chunks of any size for well-formed UTF-8 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF), and finds the first invalid byte and its line.
// A sequence cut by a chunk boundary is carried over; one cut by the end of the stream is invalid.
class Utf8Validator final
{
public:
    // False once the stream is known to be invalid (later chunks are then ignored).
    bool feed(QByteArrayView bytes);
    // The stream ended. False if it is invalid.
    bool finish();

    bool isValid() const { return m_invalidOffset < 0; }
    // Offset from the start of the stream of the first byte of the first invalid sequence, or -1.
    qint64 invalidOffset() const { return m_invalidOffset; }
    uchar invalidByte() const { return m_invalidByte; }
    // Its physical line (1-based; LF, CRLF and lone CR end a line), or -1.
    qint64 invalidLine() const { return m_invalidLine; }
    qint64 bytesSeen() const { return m_offset; }

private:
    void countLineEnds(const char *data, qsizetype size);
    bool fail(qint64 offset, uchar byte, const char *chunk, qsizetype validInChunk);

    qint64 m_offset = 0;   // bytes fed before the current chunk
    qint64 m_lineEnds = 0; // line ends in the bytes fed before the current chunk
    bool m_lastWasCr = false;
    // A multi-byte sequence begun in an earlier chunk.
    int m_need = 0;
    uchar m_lo = 0x80, m_hi = 0xBF; // allowed range of the next continuation byte
    qint64 m_seqStart = 0;
    uchar m_seqLead = 0;

    qint64 m_invalidOffset = -1;
    qint64 m_invalidLine = -1;
    uchar m_invalidByte = 0;
};

} // namespace ql

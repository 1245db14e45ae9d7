// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringDecoder>

namespace ql {

// The encoding a CSV file is read with, and why (shown in the import summary and the wizard).
struct DetectedEncoding
{
    enum class Reason {
        Requested,     // the mapping named it
        ByteOrderMark, // a BOM at the start of the file
        NulBytes,      // UTF-16 without a BOM: NUL bytes in the first 4 KB
        ValidUtf8,     // the whole file is valid UTF-8
        InvalidUtf8,   // a byte that is not valid UTF-8: read as Windows-1252
    };

    QString name; // canonical csv.encoding value: utf-8, utf-16le, utf-16be, windows-1252, latin-1
    Reason reason = Reason::Requested;
    int bomLength = 0; // bytes of byte-order mark to skip before the text
    // InvalidUtf8: the first byte that broke UTF-8, its offset from the start of the text and its
    // physical line (1-based).
    qint64 invalidByteOffset = -1;
    qint64 invalidByteLine = -1;
    uchar invalidByte = 0;

    // "UTF-16LE", "Windows-1252", … for people.
    QString displayName() const;
    // One sentence: the encoding and why, e.g. "Windows-1252 (byte 0x96 on line 5123 is not valid UTF-8)".
    QString description() const;
    // A fresh stateful decoder for this encoding (invalid when this Qt lacks it: Windows-1252 needs ICU).
    QStringDecoder makeDecoder() const;
};

} // namespace ql

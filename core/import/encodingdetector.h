// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detectedencoding.h"

#include <QStringList>
#include <optional>

class QIODevice;

namespace ql {

class Utf8Validator;

// Decides which encoding a CSV file is read with (formats.md, csv.encoding).
//
// "auto": a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); else NUL bytes in the first 4 KB
// mean UTF-16 without a BOM (little-endian when most NULs sit at odd offsets, as the high byte of
// ASCII text); else the whole file is validated as UTF-8, streamed in chunks, and at the first
// invalid byte it is read as Windows-1252 instead. A named encoding is used as given; a BOM that
// matches it is skipped.
class EncodingDetector final
{
public:
    // Looks at the text from the device's current position and leaves the position there (the
    // UTF-8 check reads the device to its end, so "auto" needs a random-access device unless a
    // BOM or NULs decide). nullopt, with *error set, for an unknown name or a read failure.
    // `deferUtf8Check`: where the whole file would be validated, answer UTF-8 (ValidUtf8) without
    // reading it; the caller checks the bytes as it reads them (CsvOptions::checkUtf8WhileReading).
    static std::optional<DetectedEncoding> detect(QIODevice *device, const QString &requested, QString *error,
                                                  qsizetype chunkSize = qsizetype(1) << 20,
                                                  bool deferUtf8Check = false);
    // What a file that failed `validator` is read with: Windows-1252, and why.
    static DetectedEncoding notUtf8(const Utf8Validator &validator);

    // The values csv.encoding accepts besides "auto", in canonical spelling.
    static QStringList encodingNames();
    // The canonical name for a csv.encoding value (case-insensitive), "auto", or an empty string.
    static QString canonicalName(const QString &requested);

    static constexpr qsizetype NulWindow = 4096;
};

} // namespace ql

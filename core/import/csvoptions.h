// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detectedencoding.h"

#include <QChar>
#include <QString>
#include <optional>

namespace ql {

// How CsvReader reads a file: the csv part of an import mapping (formats.md "Import mapping")
// plus a few knobs for tests and the importer.
struct CsvOptions
{
    // A null QChar means "auto": sniffed among , ; tab | (see DelimiterSniffer).
    QChar delimiter;
    // A csv.encoding value: auto, utf-8, utf-16le, utf-16be, windows-1252, latin-1.
    QString encoding = QStringLiteral("auto");
    // The name that prefixes messages ("audits.csv:17: …"). Empty: the base name of the QFile
    // being read, else "input".
    QString sourceName;
    // Bytes read from the device at a time. The file never sits in memory as a whole.
    qsizetype chunkSize = qsizetype(1) << 20;
    // A record longer than this (in UTF-16 code units) stops reading with an error: it almost
    // always means a quote left open, and without a cap that quote would pull the rest of a
    // 1 GB file into memory.
    qsizetype maxRecordLength = qsizetype(16) << 20;
    // Keep each record's source text (CsvRecord::rawText()), e.g. to show a rejected row as written.
    bool keepRawText = false;
    // "auto" encoding, no BOM and no NULs: read the text as UTF-8 straight away and check each chunk
    // as it is read, instead of reading the whole file once first to check it (the importer, which
    // reads every record anyway: docs/import.md "Speed"). Records then come out before the whole
    // file is known to be UTF-8; at a byte that is not, reading stops with
    // CsvReader::encodingChanged() and encoding() says what to read it with (Windows-1252, with
    // that byte and its line, exactly as the first pass would have found), for the caller to start
    // over with knownEncoding. Reading that stops on an error first checks the rest of the file,
    // so the error reported is the one a Windows-1252 reading would give when the file is not UTF-8.
    bool checkUtf8WhileReading = false;
    // Read with this encoding, without detecting one (the second pass after encodingChanged()).
    std::optional<DetectedEncoding> knownEncoding;

    // Reads a csv.delimiter setting: "auto" gives a null QChar, "tab" or "\t" a tab, any other single
    // character itself. A quote, CR or LF cannot separate fields; those and longer text give nullopt.
    static std::optional<QChar> parseDelimiter(const QString &setting);
    static bool isUsableDelimiter(QChar c);
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

    // Reads a csv.delimiter setting: "auto" gives a null QChar, "tab" or "\t" a tab, any other single
    // character itself. A quote, CR or LF cannot separate fields; those and longer text give nullopt.
    static std::optional<QChar> parseDelimiter(const QString &setting);
    static bool isUsableDelimiter(QChar c);
};

} // namespace ql

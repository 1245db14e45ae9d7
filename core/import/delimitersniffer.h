// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChar>
#include <QString>
#include <QStringView>

namespace ql {

// Guesses the field delimiter of a CSV text (csv.delimiter "auto") among , ; tab and |.
//
// Each candidate splits the first records of a sample with the reader's own quoting rules (a
// delimiter inside quotes does not count; blank lines are skipped). The first candidate, in the order
// , ; tab |, that gives every sampled record the same field count, greater than one, wins. When none
// does, the candidate that agrees with the header's field count (>1) on the most records wins (same
// order for ties); when even the header has one field everywhere, it is ",".
class DelimiterSniffer final
{
public:
    struct Result
    {
        QChar delimiter = QChar(u',');
        int fieldCount = 1;      // in the header, with that delimiter
        int recordsSampled = 0;  // complete records looked at, the header included
        int recordsAgreeing = 0; // of those, how many have fieldCount fields
        bool consistent = false; // all of them did

        QString description() const; // for the import summary and the wizard
    };

    // `sample` is the start of the decoded text; `wholeText` says it holds all of it (else a record
    // that runs past its end is not counted).
    static Result sniff(QStringView sample, bool wholeText, int maxRecords = DefaultRecords);

    static constexpr int DefaultRecords = 20;
    static constexpr qsizetype DefaultSampleLength = 64 * 1024; // characters
    static QString delimiterName(QChar delimiter);              // "comma", "semicolon", "tab", "pipe", or the character
};

} // namespace ql

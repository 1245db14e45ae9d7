// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecard.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ql {

// The scorecard definition file of formats.md: reading with full validation, and writing for
// export. Every refusal names the JSON path it is about, as in
// "sections[1].criteria[0].scale: min (5) must be less than max (5)".
class ScorecardJson
{
public:
    // Parses a file's text (UTF-8, a byte-order mark is allowed). On failure returns nullopt and,
    // when error is given, sets it to a message for people. Options keep their file order.
    static std::optional<Scorecard> parse(QByteArrayView text, QString *error = nullptr);

    // The same for a definition that only exists as a QJsonObject, which has lost the file's key
    // order: options are then ordered by points, highest first (labels break ties).
    static std::optional<Scorecard> fromJsonObject(const QJsonObject &object, QString *error = nullptr);

    // Checks a scorecard built in code or read back from a store against the rules the parser
    // applies; an empty string when it is valid, else the first problem with its path.
    static QString validate(const Scorecard &card);

    // Indented UTF-8 text with keys in formats.md's order and options in the model's order; every
    // criterion field is written out, so the file documents itself. parse(toJson(c)) == c.
    static QByteArray toJson(const Scorecard &card);

    // The same content as a QJsonObject (whose option keys QJsonObject sorts by label).
    static QJsonObject toJsonObject(const Scorecard &card);

private:
    class Reader;
};

} // namespace ql

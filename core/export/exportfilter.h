// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace ql {

// One filter of an export: keep the rows whose member of `dimension` is (or, with exclude, is not)
// one of `values`. `(blank)` stands for a missing value. On a multi-valued dimension (root_cause,
// critical_family) a row stays when one of its members passes, as in a pivot (analysis.md).
struct ExportFilter
{
    QString dimension;
    bool exclude = false;
    QStringList values;

    bool operator==(const ExportFilter &) const = default;

    // The command line's form (cli.md): DIM=V1,V2 keeps, DIM!=V1,V2 excludes; a comma inside a
    // value is written \, (no other escapes). std::nullopt with *error for a malformed argument:
    // no "=", an empty dimension, or an empty value.
    static std::optional<ExportFilter> parse(const QString &argument, QString *error);
};

} // namespace ql

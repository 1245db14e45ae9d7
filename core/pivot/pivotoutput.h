// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivotresult.h"

#include <QByteArray>
#include <QString>

#include <optional>

class QIODevice;

namespace ql {

// The pivot outputs of cli.md "Output formats":
// - long: CSV, header = row dimensions, column dimensions, measure, value; one line per non-empty
//   cell and measure, in pivot order.
// - grid: the pivot as a spreadsheet-like CSV: the row dimensions' labels on the left, one value
//   column per column header and measure; one header row per column dimension, then a row naming
//   the measures when there are several (or no column dimension). The last header row carries the
//   row dimensions' names over the label columns; a column dimension's name sits at the right end
//   of the label columns in its own header row when that is not the last.
// - json: {"spec": {…}, "cells": [{DIM: …, …, "measure": …, "value": …, "n": …}]}.
// CSV is RFC 4180 with CRLF and minimal quoting (CsvWriter); numbers in the shortest form that
// reads back; an empty cell has no line (long, json) or an empty field (grid).
class PivotOutput final
{
public:
    enum class Format { Long, Grid, Json };
    static std::optional<Format> formatFromName(const QString &name);

    static QByteArray toLong(const PivotResult &result);
    static QByteArray toGrid(const PivotResult &result);
    static QByteArray toJson(const PivotResult &result);
    static QByteArray format(const PivotResult &result, Format format);
};

} // namespace ql

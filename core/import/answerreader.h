// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/auditscore.h"
#include "scoring/scorecard.h"
#include "valuemap.h"

#include <QChar>
#include <QString>
#include <QStringView>

namespace ql {

// Reads one answer cell as formats.md says: the field's `values` map first (exact, then
// case-insensitively; "na" is not applicable); else N/A, NA, n/a and - are not applicable, an
// options scale takes an option's label (case-insensitively) and the others a number. An empty
// cell is "not answered". Values outside the scale, non-integers on integer scales and N/A where
// the criterion does not allow it are refused with the reason formats.md shows.
class AnswerReader final
{
public:
    struct Result
    {
        AnswerInput input; // Missing for an empty cell
        int option = -1;   // the option chosen on an options scale
        QString reason;    // empty when the cell is fine
    };

    static Result read(const Criterion &criterion, QStringView cell, const ValueMap *values, QChar decimal);

    // A number written with `decimal` as the decimal separator (no thousands separators).
    static bool parseNumber(QStringView text, QChar decimal, double *out);
    // N/A, NA, n/a, - (the defaults when no values map says otherwise).
    static bool isDefaultNotApplicable(QStringView text);
    // "3" or "2.5": numbers in messages and stored texts, shortest form.
    static QString formatNumber(double value);
};

} // namespace ql

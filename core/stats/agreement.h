// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace ql::stats {

class Ratings;
enum class Level;

// One agreement statistic with its n (calibration.md "Agreement statistics"). `value` is empty
// when the statistic is undefined — never 0, 1 or NaN in its place — and `notes` say why.
struct AgreementResult
{
    std::optional<double> value;
    std::optional<double> ciLow;
    std::optional<double> ciHigh;
    qsizetype units = 0;       // units that entered the statistic
    qsizetype raters = 0;      // raters with at least one answer in those units
    qsizetype pairable = 0;    // answers that entered it (each can be paired with another)
    bool undefined = false;    // expected disagreement 0: "undefined (no variation)"
    bool lowVariation = false; // one answer is more than 90% of them
    QString interpretation;    // a named band, only from 10 units up; empty otherwise
    QStringList notes;         // why there is no value, the low-variation advice, what was dropped

    // Every note, then the interpretation, joined with "; " (the CLI's "note"); empty when none.
    QString noteText() const;
};

// The texts of calibration.md, kept in one place so the screens and the tests match them.
QString noteUndefinedNoVariation(); // "undefined (no variation)"
QString noteLowVariation();         // "low variation: read percent agreement and AC1"

// Interpretation labels are given only from this many units up (calibration.md).
inline constexpr qsizetype minimumUnitsForInterpretation = 10;

// Krippendorff (2004, p. 241): α ≥ .800 reliable; .667 ≤ α < .800 tentative conclusions only;
// below .667 unreliable. Returned with the source named: "tentative (Krippendorff 2004)".
QString krippendorffBand(double alpha);
// Landis & Koch (1977): < 0 poor, 0–.20 slight, .21–.40 fair, .41–.60 moderate, .61–.80
// substantial, .81–1 almost perfect. Returned with the source named: "moderate (Landis & Koch 1977)".
QString landisKochLabel(double kappa);

// True when the most frequent category is more than 90% of the answers that entered a statistic.
// counts[c] = how often category c was given.
bool isLowVariation(const std::vector<qsizetype> &counts);

// Fills `undefined`, `lowVariation` and their notes, and the interpretation when there are
// enough units; shared by α and κ so both say the same things the same way.
void annotate(AgreementResult &result, const std::vector<qsizetype> &categoryCounts, QString (*label)(double));

} // namespace ql::stats

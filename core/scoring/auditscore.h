// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace ql {

// One criterion's answer in an audit, as the scoring engine reads it. `value` is the number on
// the criterion's scale: 0 or 1 (binary), the integer (range) or the option's points (options).
struct AnswerInput
{
    enum State : quint8 { Missing, NotApplicable, Rated };
    State state = Missing;
    double value = 0;

    static AnswerInput rated(double value) { return {Rated, value}; }
    static AnswerInput notApplicable() { return {NotApplicable, 0}; }
    static AnswerInput missing() { return {Missing, 0}; }
};

// The result of scoring one audit (scoring.md "One audit"). Scores are rounded to 6 decimals,
// as they are stored and compared.
struct AuditScore
{
    // Which rule settled `passed`: a critical failure with effect audit (or any critical failure
    // under policy flag), a section-effect failure that zeroed a section under policy zero, the
    // pass threshold, or the absence of a score.
    enum DecidedBy : quint8 { Critical, Section, Threshold, NoScore };

    std::optional<double> score;    // 0–100 after the critical policy; none with nothing weighted rated
    std::optional<double> rawScore; // 0–100 with no zeroing at all
    bool criticalFail = false;
    quint8 failedFamilies = 0; // criticalFamilyBit() of each family with a failure
    bool passed = false;
    bool incomplete = false; // a criterion without allow_na is unanswered
    DecidedBy decidedBy = NoScore;

    // "critical", "section", "threshold" or "no_score", as the explain JSON writes it.
    static QString decidedByName(DecidedBy rule);

    bool operator==(const AuditScore &other) const = default;
};

} // namespace ql

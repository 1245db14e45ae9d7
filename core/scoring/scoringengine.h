// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditexplanation.h"
#include "auditscore.h"
#include "scorecard.h"

#include <span>
#include <vector>

namespace ql {

// Scores audits under one scorecard version (scoring.md "One audit"). Built once per version;
// score() does no allocation and keeps no state, so one engine can serve many threads.
//
// Answers are indexed by flat criterion index (Scorecard::criterionAt()); answers beyond the end
// of the span count as missing.
class ScoringEngine
{
public:
    explicit ScoringEngine(const Scorecard &card);

    const Scorecard &scorecard() const { return m_card; }
    int criterionCount() const { return int(m_criteria.size()); }

    AuditScore score(std::span<const AnswerInput> answers) const noexcept;

    // The full breakdown behind score(); its result equals score(answers).
    AuditExplanation explain(std::span<const AnswerInput> answers) const;

    // c_i of a value on a criterion's scale, clamped to [0, 1].
    double c(int flatIndex, double value) const;

    // e_i as if every criterion were rated (calibration's item alignment uses it).
    double nominalEffectiveWeight(int flatIndex) const { return m_criteria.at(flatIndex).nominalEffectiveWeight; }

private:
    struct CriterionData
    {
        double weight;
        double minValue;
        double span; // max − min; a degenerate scale (≤ 0) gives c = 0
        double nominalEffectiveWeight;
        quint8 familyBit; // 0 when not critical
        bool sectionEffect;
        bool allowNa;
    };

    struct SectionData
    {
        int begin; // flat index range [begin, end)
        int end;
        // W_s as written; 1 without section weights (unused there). Dividing by the Σ W_s of the
        // sections with a score normalises it, so it is not normalised up front.
        double weight;
    };

    // Per-section sums of one audit, shared by score() and explain().
    struct SectionTally
    {
        double ratedWeight = 0; // Σ w_i over rated criteria
        double weightedC = 0;   // Σ w_i c_i over rated criteria
        bool anyRated = false;
        bool sectionFailure = false; // a section-effect critical failure
    };

    struct Totals
    {
        double rawNumerator = 0;
        double rawDenominator = 0;
        double numerator = 0; // with section-effect zeroing
        double denominator = 0;
        quint8 failedFamilies = 0;
        bool auditFailure = false;
        bool sectionFailure = false;
        bool incomplete = false;
    };

    double cOf(const CriterionData &d, double value) const noexcept;
    SectionTally tallySection(const SectionData &s, std::span<const AnswerInput> answers,
                              Totals &totals) const noexcept;
    void addSection(const SectionData &s, const SectionTally &tally, Totals &totals) const noexcept;
    AuditScore finish(const Totals &totals) const noexcept;

    Scorecard m_card;
    std::vector<CriterionData> m_criteria;
    std::vector<SectionData> m_sections;
    bool m_sectionWeights = false;
    bool m_zeroPolicy = true;
    double m_threshold = 85;
};

} // namespace ql

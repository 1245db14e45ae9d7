// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoringengine.h"

#include "scorerounding.h"

#include <QVarLengthArray>

namespace ql {

QString AuditScore::decidedByName(DecidedBy rule)
{
    switch (rule) {
    case Critical:
        return QStringLiteral("critical");
    case Section:
        return QStringLiteral("section");
    case Threshold:
        return QStringLiteral("threshold");
    case NoScore:
        break;
    }
    return QStringLiteral("no_score");
}

ScoringEngine::ScoringEngine(const Scorecard &card)
    : m_card(card), m_sectionWeights(card.hasSectionWeights()), m_zeroPolicy(card.policy == CriticalPolicy::Zero),
      m_threshold(card.passThreshold)
{
    m_criteria.reserve(card.criterionCount());
    m_sections.reserve(card.sections.size());
    for (const Section &section : card.sections) {
        SectionData s;
        s.begin = int(m_criteria.size());
        s.end = s.begin + int(section.criteria.size());
        s.weight = m_sectionWeights ? *section.weight : 1.0;
        m_sections.push_back(s);
        for (const Criterion &criterion : section.criteria) {
            CriterionData d;
            d.weight = criterion.weight;
            d.minValue = criterion.scale.minValue();
            d.span = criterion.scale.maxValue() - d.minValue;
            d.nominalEffectiveWeight = 0;
            d.familyBit = criticalFamilyBit(criterion.critical);
            d.sectionEffect = criterion.criticalEffect == CriticalEffect::Section;
            d.allowNa = criterion.allowNa;
            m_criteria.push_back(d);
        }
    }

    // e_i with every criterion rated: the same shares explain() computes over rated criteria.
    double allWeight = 0;
    double scoredSectionWeight = 0;
    for (const SectionData &s : m_sections) {
        double w = 0;
        for (int i = s.begin; i < s.end; ++i)
            w += m_criteria[i].weight;
        allWeight += w;
        if (w > 0)
            scoredSectionWeight += s.weight;
    }
    for (const SectionData &s : m_sections) {
        double w = 0;
        for (int i = s.begin; i < s.end; ++i)
            w += m_criteria[i].weight;
        for (int i = s.begin; i < s.end; ++i) {
            double &e = m_criteria[i].nominalEffectiveWeight;
            if (!m_sectionWeights)
                e = allWeight > 0 ? m_criteria[i].weight / allWeight : 0;
            else
                e = w > 0 && scoredSectionWeight > 0 ? s.weight * m_criteria[i].weight / (scoredSectionWeight * w) : 0;
        }
    }
}

double ScoringEngine::cOf(const CriterionData &d, double value) const noexcept
{
    // Division rather than a precomputed reciprocal keeps c exact where the spec's formula is
    // (5 on 0–10 is exactly 0.5, which must not count as a critical failure).
    const double c = d.span > 0 ? (value - d.minValue) / d.span : 0;
    if (!(c > 0)) // also NaN
        return 0;
    return c < 1 ? c : 1;
}

double ScoringEngine::c(int flatIndex, double value) const
{
    return cOf(m_criteria.at(flatIndex), value);
}

ScoringEngine::SectionTally ScoringEngine::tallySection(const SectionData &s, std::span<const AnswerInput> answers,
                                                        Totals &totals) const noexcept
{
    SectionTally tally;
    const int answered = int(answers.size());
    for (int i = s.begin; i < s.end; ++i) {
        const CriterionData &d = m_criteria[i];
        const AnswerInput::State state = i < answered ? answers[i].state : AnswerInput::Missing;
        if (state != AnswerInput::Rated) {
            if (state == AnswerInput::Missing && !d.allowNa)
                totals.incomplete = true;
            continue;
        }
        const double c = cOf(d, answers[i].value);
        tally.anyRated = true;
        tally.ratedWeight += d.weight;
        tally.weightedC += d.weight * c;
        // A fixed rule, not pass_level (scoring.md): c exactly 0.5 is not a failure.
        if (d.familyBit && c < 0.5) {
            totals.failedFamilies |= d.familyBit;
            if (d.sectionEffect)
                tally.sectionFailure = true;
            else
                totals.auditFailure = true;
        }
    }
    if (tally.sectionFailure)
        totals.sectionFailure = true;
    return tally;
}

void ScoringEngine::addSection(const SectionData &s, const SectionTally &tally, Totals &totals) const noexcept
{
    const bool zeroed = m_zeroPolicy && tally.sectionFailure;
    if (!m_sectionWeights) {
        // Zeroing a section here means c_i = 0 for its rated criteria: their weights stay in the
        // denominator, their points leave the numerator.
        totals.rawNumerator += tally.weightedC;
        totals.rawDenominator += tally.ratedWeight;
        totals.numerator += zeroed ? 0 : tally.weightedC;
        totals.denominator += tally.ratedWeight;
        return;
    }
    if (tally.ratedWeight > 0) {
        const double sectionScore = tally.weightedC / tally.ratedWeight;
        totals.rawNumerator += s.weight * sectionScore;
        totals.rawDenominator += s.weight;
        totals.numerator += zeroed ? 0 : s.weight * sectionScore;
        totals.denominator += s.weight;
    } else if (zeroed) {
        // Section zero takes precedence over N/A: a zeroed section whose rated weights sum to 0
        // still counts, with score 0, instead of dropping out.
        totals.denominator += s.weight;
    }
}

AuditScore ScoringEngine::finish(const Totals &totals) const noexcept
{
    AuditScore r;
    r.incomplete = totals.incomplete;
    r.failedFamilies = totals.failedFamilies;
    r.criticalFail = totals.failedFamilies != 0;
    if (totals.rawDenominator > 0)
        r.rawScore = roundScore6(100 * totals.rawNumerator / totals.rawDenominator);

    if (!m_zeroPolicy)
        r.score = r.rawScore;
    else if (totals.auditFailure)
        r.score = 0.0;
    else if (totals.sectionFailure)
        r.score = totals.denominator > 0
                      ? std::optional<double>(roundScore6(100 * totals.numerator / totals.denominator))
                      : std::nullopt;
    else
        r.score = r.rawScore;

    if (!r.score)
        r.decidedBy = AuditScore::NoScore;
    else if (totals.auditFailure)
        r.decidedBy = AuditScore::Critical;
    else if (totals.sectionFailure)
        r.decidedBy = m_zeroPolicy ? AuditScore::Section : AuditScore::Critical;
    else
        r.decidedBy = AuditScore::Threshold;
    r.passed = r.score && !r.criticalFail && *r.score >= m_threshold;
    return r;
}

AuditScore ScoringEngine::score(std::span<const AnswerInput> answers) const noexcept
{
    Totals totals;
    for (const SectionData &s : m_sections)
        addSection(s, tallySection(s, answers, totals), totals);
    return finish(totals);
}

AuditExplanation ScoringEngine::explain(std::span<const AnswerInput> answers) const
{
    Totals totals;
    QVarLengthArray<SectionTally, 16> tallies;
    for (const SectionData &s : m_sections) {
        tallies.append(tallySection(s, answers, totals));
        addSection(s, tallies.back(), totals);
    }

    AuditExplanation ex;
    ex.result = finish(totals);
    ex.threshold = m_threshold;
    ex.policy = m_card.policy;
    ex.sectionWeights = m_sectionWeights;

    // Shares of the raw score: sections that dropped out give their weight to the others.
    double scoredSectionWeight = 0;
    double ratedWeight = 0;
    for (qsizetype k = 0; k < tallies.size(); ++k) {
        ratedWeight += tallies[k].ratedWeight;
        if (tallies[k].ratedWeight > 0)
            scoredSectionWeight += m_sections[k].weight;
    }

    const int answered = int(answers.size());
    for (qsizetype k = 0; k < qsizetype(m_sections.size()); ++k) {
        const SectionData &s = m_sections[k];
        const SectionTally &t = tallies[k];
        const Section &section = m_card.sections.at(k);

        AuditExplanation::SectionPart part;
        part.name = section.name;
        part.weight = m_sectionWeights ? section.weight : std::nullopt;
        part.zeroed = m_zeroPolicy && t.sectionFailure;
        if (t.ratedWeight > 0) {
            part.score = roundScore6(100 * t.weightedC / t.ratedWeight);
            if (m_sectionWeights)
                part.effectiveWeight = scoredSectionWeight > 0 ? s.weight / scoredSectionWeight : 0;
            else
                part.effectiveWeight = ratedWeight > 0 ? t.ratedWeight / ratedWeight : 0;
        }
        ex.sections << part;

        for (int i = s.begin; i < s.end; ++i) {
            const CriterionData &d = m_criteria[i];
            const Criterion &criterion = section.criteria.at(i - s.begin);
            const AnswerInput answer = i < answered ? answers[i] : AnswerInput::missing();

            AuditExplanation::CriterionPart c;
            c.key = criterion.key;
            c.name = criterion.name;
            c.section = int(k);
            c.weight = d.weight;
            c.critical = criterion.critical;
            c.criticalEffect = criterion.criticalEffect;
            c.missing = answer.state == AnswerInput::Missing;
            c.na = answer.state == AnswerInput::NotApplicable || (c.missing && d.allowNa);
            if (answer.state == AnswerInput::Rated) {
                c.value = answer.value;
                if (criterion.scale.kind == ScaleKind::Options)
                    c.label = criterion.scale.labelOf(answer.value);
                const double ci = cOf(d, answer.value);
                c.c = ci;
                c.criticalFailed = d.familyBit && ci < 0.5;
                // e_i = share × w_i / denominator, multiplied out before the one division so that
                // weights such as 70 × 2 / (100 × 5) give 0.28 and points 21, not 20.999999999999996.
                const double share = m_sectionWeights ? s.weight : 1.0;
                const double denominator = m_sectionWeights ? scoredSectionWeight * t.ratedWeight : ratedWeight;
                if (t.ratedWeight > 0 && denominator > 0) {
                    c.effectiveWeight = share * d.weight / denominator;
                    c.points = 100 * share * d.weight * ci / denominator;
                    c.pointsLost = 100 * share * d.weight * (1 - ci) / denominator;
                }
            }
            ex.criteria << c;
        }
    }
    return ex;
}

} // namespace ql

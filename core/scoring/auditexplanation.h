// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditscore.h"
#include "scorecard.h"

#include <QList>
#include <QString>

#include <optional>

namespace ql {

// Everything behind one audit's score, for `explain` and the audit detail view. Weights,
// effective weights and points describe the raw score (no zeroing), so the points add up to it;
// `zeroed`, the failed criteria and `result.decidedBy` say what the critical policy did on top.
struct AuditExplanation
{
    struct SectionPart
    {
        QString name;
        std::optional<double> score;  // 100 × S_s, rounded to 6 decimals; none when it dropped out
        std::optional<double> weight; // W_s as written (percent); none without section weights
        double effectiveWeight = 0;   // the section's share of the raw score, 0–1
        bool zeroed = false;          // a section-effect critical failure set it to 0 (policy zero)
    };

    struct CriterionPart
    {
        QString key;
        QString name;
        int section = 0;
        std::optional<double> value; // the value on the scale; none when N/A or missing
        QString label;               // the option's label on an options scale
        bool na = false;             // answered N/A, or missing on a criterion that allows N/A
        bool missing = false;        // no answer at all
        std::optional<double> c;     // none when not rated
        double weight = 0;           // w_i
        double effectiveWeight = 0;  // e_i, 0 when not rated
        double points = 0;           // 100 × e_i × c_i
        double pointsLost = 0;       // 100 × e_i × (1 − c_i)
        CriticalFamily critical = CriticalFamily::None;
        CriticalEffect criticalEffect = CriticalEffect::Audit;
        bool criticalFailed = false;
    };

    AuditScore result;
    double threshold = 0;
    CriticalPolicy policy = CriticalPolicy::Zero;
    bool sectionWeights = false;
    QList<SectionPart> sections;
    QList<CriterionPart> criteria; // in flat index order
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ratings.h"

#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace ql::stats {

// The six intraclass correlations of Shrout & Fleiss (1979), in their order.
enum class IccForm { Icc1, Icc2, Icc3, Icc1k, Icc2k, Icc3k };
inline constexpr std::array<IccForm, 6> allIccForms{IccForm::Icc1,  IccForm::Icc2,  IccForm::Icc3,
                                                    IccForm::Icc1k, IccForm::Icc2k, IccForm::Icc3k};

QString iccKey(IccForm form);              // the CLI's keys: "icc1", "icc2", "icc3", "icc1k", "icc2k", "icc3k"
QString iccShroutFleissName(IccForm form); // "ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)"
QString iccMcGrawWongName(IccForm form);   // "ICC(1)", "ICC(A,1)", "ICC(C,1)", "ICC(k)", "ICC(A,k)", "ICC(C,k)"

struct IccEstimate
{
    std::optional<double> value;
    std::optional<double> ciLow;
    std::optional<double> ciHigh;
};

struct IccResult
{
    std::array<IccEstimate, 6> forms; // indexed by IccForm
    qsizetype units = 0;              // complete units used
    qsizetype raters = 0;             // raters used
    QStringList droppedUnits;         // ids of units left out (incomplete for the raters kept)
    QStringList droppedRaters;        // ids of raters left out
    bool undefined = false;           // every answer equal: "undefined (no variation)"
    QStringList notes;

    // The two-way ANOVA mean squares (Shrout & Fleiss, Table 2): between targets, within
    // targets, between judges, residual.
    double bms = 0, wms = 0, jms = 0, ems = 0;

    const IccEstimate &form(IccForm f) const { return forms[std::size_t(f)]; }
    QString noteText() const { return notes.join(QStringLiteral("; ")); }
};

// ICC on numeric answers (N/A is missing), complete cases only. Raters who leave many units
// unrated would cost every unit they skipped, so raters are dropped, most gaps first, while that
// keeps more cells (units × raters) than dropping the incomplete units; then incomplete units go.
// Both lists are reported. Needs two complete units and two raters.
//   ICC(1,1) = (BMS − WMS)/(BMS + (k−1)WMS)            ICC(1,k) = (BMS − WMS)/BMS
//   ICC(2,1) = (BMS − EMS)/(BMS + (k−1)EMS + k(JMS − EMS)/n)
//   ICC(2,k) = (BMS − EMS)/(BMS + (JMS − EMS)/n)
//   ICC(3,1) = (BMS − EMS)/(BMS + (k−1)EMS)            ICC(3,k) = (BMS − EMS)/BMS
// Intervals are F-based, as McGraw & Wong (1996, Table 7) give them (Satterthwaite's degrees of
// freedom for the absolute-agreement forms).
IccResult intraclassCorrelation(const Ratings &ratings, double confidence = 0.95);

} // namespace ql::stats

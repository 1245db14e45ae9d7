// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agreement.h"
#include "ratings.h"

namespace ql::stats {

enum class KappaWeights { None, Linear, Quadratic };

QString weightsName(KappaWeights weights); // "none", "linear", "quadratic"
std::optional<KappaWeights> weightsFromName(const QString &name);

// Cohen's κ for exactly two raters (Cohen 1960; weighted: Cohen 1968), over the units both rated,
// written with disagreement weights v_ij so that "no expected disagreement" is an exact test:
//   κ = 1 − Σ v_ij p_ij / Σ v_ij p_i. p_.j,
// v_ij = [i ≠ j] unweighted, |i − j|/(q − 1) linear, (i − j)²/(q − 1)² quadratic, where i, j are
// positions on the declared scale of q categories — so a category nobody used still counts (it
// widens the distance across it). Unweighted κ is nominal (N/A a category); weighted κ needs an
// order, so N/A is missing there. With a rater count other than two there is no value.
AgreementResult cohenKappa(const Ratings &ratings, KappaWeights weights = KappaWeights::None);

// Fleiss' κ for m raters per unit, nominal (Fleiss 1971):
//   P_i = (Σ_j n_ij² − m)/(m(m − 1)),  P̄ = mean P_i,  p_j = Σ_i n_ij/(N m),  P_e = Σ p_j²,
//   κ = (P̄ − P_e)/(1 − P_e).
// Fleiss' formula needs the same m for every unit: units rated a number of times other than the
// modal one (ties: the larger) are dropped and counted in the notes. The raters may differ
// between units.
AgreementResult fleissKappa(const Ratings &ratings);

} // namespace ql::stats

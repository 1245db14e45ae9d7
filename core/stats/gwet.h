// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agreement.h"
#include "ratings.h"

namespace ql::stats {

// Nominal statistics over the declared categories (N/A one of them), after Gwet, "Handbook of
// Inter-Rater Reliability", 4th ed. (2014), ch. 2 and 4, and his irrCAC package.

// Percent agreement: the share of agreeing rater pairs per unit, averaged over the n' units with
// r_i ≥ 2 ratings:  p_a = (1/n') Σ_i Σ_k r_ik(r_ik − 1) / (r_i(r_i − 1)).
// Defined whenever some unit has two ratings (it is 1 when everyone agrees).
AgreementResult percentAgreement(const Ratings &ratings);

// Gwet's AC1 (Gwet 2008):  AC1 = (p_a − p_e)/(1 − p_e),  p_e = Σ_k π_k(1 − π_k)/(q − 1),
// π_k = (1/n) Σ_i r_ik/r_i over the n units with at least one rating, q the number of declared
// categories — so a category nobody used still counts. p_e ≤ 1 − 1/q < 1, so AC1 stays defined
// when everyone gives the same answer; it needs q ≥ 2.
AgreementResult gwetAc1(const Ratings &ratings);

} // namespace ql::stats

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agreement.h"
#include "ratings.h"

namespace ql::stats {

// Krippendorff's α at the given level, via the coincidence matrix (Krippendorff, "Computing
// Krippendorff's Alpha-Reliability", 2011):
//   o_ck = Σ_u n_uc·n_uk / (m_u − 1)  (c ≠ k; n_uc(n_uc − 1)/(m_u − 1) on the diagonal),
//   n_c = Σ_k o_ck,  n = Σ_c n_c,  α = 1 − (n − 1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck,
// with δ² nominal (c ≠ k), ordinal ((Σ_{g=c..k} n_g − (n_c + n_k)/2)², over the category
// order), interval ((c − k)²) or ratio (((c − k)/(c + k))²). Units with fewer than two
// pairable answers drop out; N/A is a category at the nominal level and missing at the others.
// Interval and ratio need numeric categories. units, raters and pairable count what entered.
AgreementResult krippendorffAlpha(const Ratings &ratings, Level level);

} // namespace ql::stats

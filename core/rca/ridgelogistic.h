// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <vector>

namespace ql::rca {

// Logistic regression with an L2 (ridge) penalty on every coefficient but the intercept, fitted by
// Newton–Raphson on the penalised log-likelihood
//   ℓ(β) = Σ_i [y_i η_i − ln(1 + e^{η_i})] − (λ/2) Σ_{j ≥ 1} β_j²,   η_i = β₀ + Σ_j x_ij β_j.
// The covariance is the inverse of the penalised information X'WX + λI (without the intercept's
// penalty), the usual large-sample approximation. Small dense problems (tens of columns).
struct RidgeLogisticFit
{
    std::vector<double> beta; // intercept first, then one per column of X
    std::vector<double> standardErrors;
    int iterations = 0;
    bool converged = false;
};

class RidgeLogistic final
{
public:
    // x: n rows of k values (row-major, n × k), y: n outcomes 0/1, weights: optional frequency weights.
    static std::optional<RidgeLogisticFit> fit(const std::vector<double> &x, int columns, const std::vector<double> &y,
                                               double lambda, const std::vector<double> &weights = {},
                                               int maxIterations = 50, double tolerance = 1e-10);

    // Solves A z = b for a symmetric positive definite A (n × n, row-major) by Cholesky; fills the
    // inverse when asked. Empty when A is not positive definite.
    static std::optional<std::vector<double>> solve(std::vector<double> a, std::vector<double> b, int n,
                                                    std::vector<double> *inverse = nullptr);
};

} // namespace ql::rca

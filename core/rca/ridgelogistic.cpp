// SPDX-License-Identifier: GPL-3.0-or-later
#include "ridgelogistic.h"

#include <cmath>

namespace ql::rca {

std::optional<std::vector<double>> RidgeLogistic::solve(std::vector<double> a, std::vector<double> b, int n,
                                                        std::vector<double> *inverse)
{
    const auto at = [n](int r, int c) { return std::size_t(r) * std::size_t(n) + std::size_t(c); };
    // Cholesky A = L L' in the lower triangle of a.
    for (int j = 0; j < n; ++j) {
        double d = a[at(j, j)];
        for (int k = 0; k < j; ++k)
            d -= a[at(j, k)] * a[at(j, k)];
        if (!(d > 0))
            return std::nullopt;
        a[at(j, j)] = std::sqrt(d);
        for (int i = j + 1; i < n; ++i) {
            double s = a[at(i, j)];
            for (int k = 0; k < j; ++k)
                s -= a[at(i, k)] * a[at(j, k)];
            a[at(i, j)] = s / a[at(j, j)];
        }
    }
    const auto solveWith = [&](std::vector<double> v) {
        for (int i = 0; i < n; ++i) { // L y = v
            for (int k = 0; k < i; ++k)
                v[std::size_t(i)] -= a[at(i, k)] * v[std::size_t(k)];
            v[std::size_t(i)] /= a[at(i, i)];
        }
        for (int i = n - 1; i >= 0; --i) { // L' z = y
            for (int k = i + 1; k < n; ++k)
                v[std::size_t(i)] -= a[at(k, i)] * v[std::size_t(k)];
            v[std::size_t(i)] /= a[at(i, i)];
        }
        return v;
    };
    if (inverse) {
        inverse->assign(std::size_t(n) * std::size_t(n), 0);
        for (int c = 0; c < n; ++c) {
            std::vector<double> e(std::size_t(n), 0);
            e[std::size_t(c)] = 1;
            const std::vector<double> col = solveWith(e);
            for (int r = 0; r < n; ++r)
                (*inverse)[at(r, c)] = col[std::size_t(r)];
        }
    }
    return solveWith(std::move(b));
}

std::optional<RidgeLogisticFit> RidgeLogistic::fit(const std::vector<double> &x, int columns,
                                                   const std::vector<double> &y, double lambda,
                                                   const std::vector<double> &weights, int maxIterations,
                                                   double tolerance)
{
    const std::size_t n = y.size();
    const int p = columns + 1;
    if (n == 0 || x.size() != n * std::size_t(columns))
        return std::nullopt;
    RidgeLogisticFit fit;
    fit.beta.assign(std::size_t(p), 0);
    std::vector<double> info(std::size_t(p) * std::size_t(p));
    std::vector<double> score(static_cast<std::size_t>(p));
    std::vector<double> row(static_cast<std::size_t>(p));
    const auto rowOf = [&](std::size_t i) {
        row[0] = 1;
        for (int j = 0; j < columns; ++j)
            row[std::size_t(j + 1)] = x[i * std::size_t(columns) + std::size_t(j)];
    };
    const auto accumulate = [&]() {
        std::fill(info.begin(), info.end(), 0.0);
        std::fill(score.begin(), score.end(), 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            rowOf(i);
            double eta = 0;
            for (int j = 0; j < p; ++j)
                eta += row[std::size_t(j)] * fit.beta[std::size_t(j)];
            const double mu = 1.0 / (1.0 + std::exp(-eta));
            const double w = weights.empty() ? 1.0 : weights[i];
            const double v = w * mu * (1 - mu);
            for (int j = 0; j < p; ++j) {
                score[std::size_t(j)] += w * (y[i] - mu) * row[std::size_t(j)];
                if (row[std::size_t(j)] == 0)
                    continue;
                for (int k = 0; k <= j; ++k)
                    info[std::size_t(j) * std::size_t(p) + std::size_t(k)] +=
                        v * row[std::size_t(j)] * row[std::size_t(k)];
            }
        }
        for (int j = 0; j < p; ++j)
            for (int k = j + 1; k < p; ++k)
                info[std::size_t(j) * std::size_t(p) + std::size_t(k)] =
                    info[std::size_t(k) * std::size_t(p) + std::size_t(j)];
        for (int j = 1; j < p; ++j) {
            score[std::size_t(j)] -= lambda * fit.beta[std::size_t(j)];
            info[std::size_t(j) * std::size_t(p) + std::size_t(j)] += lambda;
        }
    };
    for (fit.iterations = 1; fit.iterations <= maxIterations; ++fit.iterations) {
        accumulate();
        const auto step = solve(info, score, p);
        if (!step)
            return std::nullopt;
        double largest = 0;
        for (int j = 0; j < p; ++j) {
            fit.beta[std::size_t(j)] += (*step)[std::size_t(j)];
            largest = std::max(largest, std::abs((*step)[std::size_t(j)]));
        }
        if (largest < tolerance) {
            fit.converged = true;
            break;
        }
    }
    accumulate();
    std::vector<double> inverse;
    if (!solve(info, score, p, &inverse))
        return std::nullopt;
    fit.standardErrors.resize(std::size_t(p));
    for (int j = 0; j < p; ++j)
        fit.standardErrors[std::size_t(j)] = std::sqrt(inverse[std::size_t(j) * std::size_t(p) + std::size_t(j)]);
    return fit;
}

} // namespace ql::rca

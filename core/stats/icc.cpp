// SPDX-License-Identifier: GPL-3.0-or-later
#include "icc.h"

#include "agreement.h"
#include "distributions.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace ql::stats {

QString iccKey(IccForm form)
{
    static const char *const keys[] = {"icc1", "icc2", "icc3", "icc1k", "icc2k", "icc3k"};
    return QLatin1String(keys[int(form)]);
}

QString iccShroutFleissName(IccForm form)
{
    static const char *const names[] = {"ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)"};
    return QLatin1String(names[int(form)]);
}

QString iccMcGrawWongName(IccForm form)
{
    static const char *const names[] = {"ICC(1)", "ICC(A,1)", "ICC(C,1)", "ICC(k)", "ICC(A,k)", "ICC(C,k)"};
    return QLatin1String(names[int(form)]);
}

namespace {

std::optional<double> ratio(double numerator, double denominator)
{
    if (denominator == 0 || !std::isfinite(numerator / denominator))
        return std::nullopt;
    return numerator / denominator;
}

bool finite(double x)
{
    return std::isfinite(x);
}

// The ids for a note: the full lists stay in the result, the note names the first ten.
QString shortList(const QStringList &ids)
{
    constexpr qsizetype shown = 10;
    if (ids.size() <= shown)
        return ids.join(QStringLiteral(", "));
    return QStringLiteral("%1 and %2 more").arg(ids.mid(0, shown).join(QStringLiteral(", "))).arg(ids.size() - shown);
}

// Which raters to keep: raters without any answer go first; then each step drops the rater with
// the most gaps (first in input order on a tie); the choice with the most complete cells
// (units × raters) wins, fewer drops on a tie.
std::vector<qsizetype> chooseRaters(const Ratings &ratings)
{
    const Level level = Level::Interval;
    std::vector<qsizetype> kept;
    for (qsizetype r = 0; r < ratings.raterCount(); ++r) {
        for (qsizetype u = 0; u < ratings.unitCount(); ++u) {
            if (ratings.counts(u, r, level)) {
                kept.push_back(r);
                break;
            }
        }
    }
    const auto completeUnits = [&](const std::vector<qsizetype> &raters) {
        qsizetype n = 0;
        for (qsizetype u = 0; u < ratings.unitCount(); ++u)
            n += std::all_of(raters.begin(), raters.end(), [&](qsizetype r) { return ratings.counts(u, r, level); })
                     ? 1
                     : 0;
        return n;
    };
    std::vector<qsizetype> best = kept;
    qsizetype bestCells = completeUnits(kept) * qsizetype(kept.size());
    while (kept.size() > 2) {
        qsizetype worst = -1;
        qsizetype worstGaps = -1;
        for (const qsizetype r : kept) {
            qsizetype gaps = 0;
            for (qsizetype u = 0; u < ratings.unitCount(); ++u)
                gaps += ratings.counts(u, r, level) ? 0 : 1;
            if (gaps > worstGaps) {
                worstGaps = gaps;
                worst = r;
            }
        }
        if (worstGaps == 0)
            break;
        kept.erase(std::find(kept.begin(), kept.end(), worst));
        const qsizetype cells = completeUnits(kept) * qsizetype(kept.size());
        if (cells > bestCells) {
            bestCells = cells;
            best = kept;
        }
    }
    return best;
}

} // namespace

IccResult intraclassCorrelation(const Ratings &ratings, double confidence)
{
    IccResult result;
    const Level level = Level::Interval;
    if (!ratings.isNumeric()) {
        result.notes.append(QStringLiteral("ICC needs numeric answers"));
        return result;
    }

    const std::vector<qsizetype> raters = chooseRaters(ratings);
    std::vector<qsizetype> units;
    for (qsizetype u = 0; u < ratings.unitCount(); ++u) {
        const bool complete = !raters.empty() && std::all_of(raters.begin(), raters.end(),
                                                             [&](qsizetype r) { return ratings.counts(u, r, level); });
        if (complete)
            units.push_back(u);
        else
            result.droppedUnits.append(ratings.units().at(u));
    }
    for (qsizetype r = 0; r < ratings.raterCount(); ++r) {
        if (std::find(raters.begin(), raters.end(), r) == raters.end())
            result.droppedRaters.append(ratings.raters().at(r));
    }
    if (!result.droppedUnits.isEmpty())
        result.notes.append(QStringLiteral("complete cases only: %1 unit(s) dropped (%2)")
                                .arg(result.droppedUnits.size())
                                .arg(shortList(result.droppedUnits)));
    if (!result.droppedRaters.isEmpty())
        result.notes.append(QStringLiteral("%1 rater(s) dropped (%2)")
                                .arg(result.droppedRaters.size())
                                .arg(shortList(result.droppedRaters)));

    const qsizetype n = qsizetype(units.size());
    const qsizetype k = qsizetype(raters.size());
    if (n < 2 || k < 2) {
        result.notes.append(QStringLiteral("ICC needs at least two complete units and two raters"));
        return result;
    }
    result.units = n;
    result.raters = k;

    // The n × k table and its margins.
    std::vector<double> y(std::size_t(n * k));
    for (qsizetype i = 0; i < n; ++i)
        for (qsizetype j = 0; j < k; ++j)
            y[std::size_t(i * k + j)] =
                ratings.category(ratings.at(units[std::size_t(i)], raters[std::size_t(j)])).value;
    const double grand = std::accumulate(y.begin(), y.end(), 0.0) / double(n * k);
    std::vector<double> rowMean(std::size_t(n), 0.0);
    std::vector<double> colMean(std::size_t(k), 0.0);
    for (qsizetype i = 0; i < n; ++i)
        for (qsizetype j = 0; j < k; ++j) {
            rowMean[std::size_t(i)] += y[std::size_t(i * k + j)] / double(k);
            colMean[std::size_t(j)] += y[std::size_t(i * k + j)] / double(n);
        }
    // Sums of squares from deviations (not from raw sums), so equal answers give exact zeros.
    double ssRows = 0, ssCols = 0, ssError = 0, ssWithin = 0;
    for (qsizetype i = 0; i < n; ++i)
        ssRows += double(k) * (rowMean[std::size_t(i)] - grand) * (rowMean[std::size_t(i)] - grand);
    for (qsizetype j = 0; j < k; ++j)
        ssCols += double(n) * (colMean[std::size_t(j)] - grand) * (colMean[std::size_t(j)] - grand);
    for (qsizetype i = 0; i < n; ++i)
        for (qsizetype j = 0; j < k; ++j) {
            const double v = y[std::size_t(i * k + j)];
            const double e = v - rowMean[std::size_t(i)] - colMean[std::size_t(j)] + grand;
            ssError += e * e;
            ssWithin += (v - rowMean[std::size_t(i)]) * (v - rowMean[std::size_t(i)]);
        }
    const double bms = ssRows / double(n - 1);
    const double wms = ssWithin / double(n * (k - 1));
    const double jms = ssCols / double(k - 1);
    const double ems = ssError / double((n - 1) * (k - 1));
    result.bms = bms;
    result.wms = wms;
    result.jms = jms;
    result.ems = ems;

    if (ssRows + ssWithin == 0) { // every answer equal
        result.undefined = true;
        result.notes.prepend(noteUndefinedNoVariation());
        return result;
    }

    const double kk = double(k);
    const double nn = double(n);
    auto &f = result.forms;
    f[std::size_t(IccForm::Icc1)].value = ratio(bms - wms, bms + (kk - 1) * wms);
    f[std::size_t(IccForm::Icc2)].value = ratio(bms - ems, bms + (kk - 1) * ems + kk * (jms - ems) / nn);
    f[std::size_t(IccForm::Icc3)].value = ratio(bms - ems, bms + (kk - 1) * ems);
    f[std::size_t(IccForm::Icc1k)].value = ratio(bms - wms, bms);
    f[std::size_t(IccForm::Icc2k)].value = ratio(bms - ems, bms + (jms - ems) / nn);
    f[std::size_t(IccForm::Icc3k)].value = ratio(bms - ems, bms);

    const double p = 1 - (1 - confidence) / 2; // upper quantile of a two-sided interval

    // One-way and consistency forms (McGraw & Wong 1996, Table 7, cases 1 and 3):
    //   F_L = F_obs / F_p(df1, df2),  F_U = F_obs · F_p(df2, df1),
    //   single: ((F_L − 1)/(F_L + k − 1), (F_U − 1)/(F_U + k − 1)); average: (1 − 1/F_L, 1 − 1/F_U).
    const auto fInterval = [&](double fObs, double df1, double df2, IccForm single, IccForm average) {
        if (!finite(fObs))
            return;
        const double fl = fObs / fQuantile(p, df1, df2);
        const double fu = fObs * fQuantile(p, df2, df1);
        if (!finite(fl) || !finite(fu))
            return;
        f[std::size_t(single)].ciLow = (fl - 1) / (fl + kk - 1);
        f[std::size_t(single)].ciHigh = (fu - 1) / (fu + kk - 1);
        if (fl > 0)
            f[std::size_t(average)].ciLow = 1 - 1 / fl;
        if (fu > 0)
            f[std::size_t(average)].ciHigh = 1 - 1 / fu;
    };
    if (wms > 0)
        fInterval(bms / wms, nn - 1, nn * (kk - 1), IccForm::Icc1, IccForm::Icc1k);
    if (ems > 0)
        fInterval(bms / ems, nn - 1, (nn - 1) * (kk - 1), IccForm::Icc3, IccForm::Icc3k);

    // Absolute agreement (case 2A): Satterthwaite's ν with ρ̂ = ICC(A,1),
    //   a = kρ̂/(n(1 − ρ̂)),  b = 1 + kρ̂(n − 1)/(n(1 − ρ̂)),
    //   ν = (a·JMS + b·EMS)² / ((a·JMS)²/(k − 1) + (b·EMS)²/((n − 1)(k − 1))),
    //   F* = F_p(n − 1, ν),  F** = F_p(ν, n − 1),
    //   single: L = n(BMS − F*·EMS) / (F*(k·JMS + (kn − k − n)EMS) + n·BMS),
    //           U = n(F**·BMS − EMS) / (k·JMS + (kn − k − n)EMS + n·F**·BMS);
    //   average: L = n(BMS − F*·EMS) / (F*(JMS − EMS) + n·BMS),
    //           U = n(F**·BMS − EMS) / (JMS − EMS + n·F**·BMS)
    // (the average bounds are the Spearman–Brown step-up of the single ones).
    if (const auto rho = f[std::size_t(IccForm::Icc2)].value; rho && *rho < 1 && ems > 0) {
        const double a = kk * *rho / (nn * (1 - *rho));
        const double b = 1 + kk * *rho * (nn - 1) / (nn * (1 - *rho));
        const double num = (a * jms + b * ems) * (a * jms + b * ems);
        const double den = (a * jms) * (a * jms) / (kk - 1) + (b * ems) * (b * ems) / ((nn - 1) * (kk - 1));
        const double nu = num / den;
        const double fStar = fQuantile(p, nn - 1, nu);
        const double fStar2 = fQuantile(p, nu, nn - 1);
        if (finite(nu) && nu > 0 && finite(fStar) && finite(fStar2)) {
            const double c = kk * nn - kk - nn;
            f[std::size_t(IccForm::Icc2)].ciLow = nn * (bms - fStar * ems) / (fStar * (kk * jms + c * ems) + nn * bms);
            f[std::size_t(IccForm::Icc2)].ciHigh = nn * (fStar2 * bms - ems) / (kk * jms + c * ems + nn * fStar2 * bms);
            f[std::size_t(IccForm::Icc2k)].ciLow = nn * (bms - fStar * ems) / (fStar * (jms - ems) + nn * bms);
            f[std::size_t(IccForm::Icc2k)].ciHigh = nn * (fStar2 * bms - ems) / (jms - ems + nn * fStar2 * bms);
        }
    }
    return result;
}

} // namespace ql::stats

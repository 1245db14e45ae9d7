// SPDX-License-Identifier: GPL-3.0-or-later
#include "agreement.h"

#include <algorithm>
#include <numeric>

namespace ql::stats {

QString AgreementResult::noteText() const
{
    QStringList all = notes;
    if (!interpretation.isEmpty())
        all.append(interpretation);
    return all.join(QStringLiteral("; "));
}

QString noteUndefinedNoVariation()
{
    return QStringLiteral("undefined (no variation)");
}
QString noteLowVariation()
{
    return QStringLiteral("low variation: read percent agreement and AC1");
}

QString krippendorffBand(double alpha)
{
    const char *band = alpha >= 0.800 ? "reliable" : alpha >= 0.667 ? "tentative" : "unreliable";
    return QStringLiteral("%1 (Krippendorff 2004)").arg(QLatin1String(band));
}

QString landisKochLabel(double kappa)
{
    // Landis & Koch give the bands to two decimals (0.00–0.20, 0.21–0.40, …); a value between
    // 0.20 and 0.21 belongs to the lower band, so the upper bounds are inclusive.
    const char *label = kappa < 0       ? "poor"
                        : kappa <= 0.20 ? "slight"
                        : kappa <= 0.40 ? "fair"
                        : kappa <= 0.60 ? "moderate"
                        : kappa <= 0.80 ? "substantial"
                                        : "almost perfect";
    return QStringLiteral("%1 (Landis & Koch 1977)").arg(QLatin1String(label));
}

bool isLowVariation(const std::vector<qsizetype> &counts)
{
    const qsizetype total = std::accumulate(counts.begin(), counts.end(), qsizetype(0));
    if (total == 0)
        return false;
    const qsizetype top = *std::max_element(counts.begin(), counts.end());
    // More than 90%, in integers: top/total > 9/10.
    return top * 10 > total * 9;
}

void annotate(AgreementResult &result, const std::vector<qsizetype> &categoryCounts, QString (*label)(double))
{
    if (result.undefined) {
        result.value.reset();
        result.notes.prepend(noteUndefinedNoVariation());
        return;
    }
    result.lowVariation = isLowVariation(categoryCounts);
    if (result.lowVariation)
        result.notes.append(noteLowVariation());
    if (result.value && label && result.units >= minimumUnitsForInterpretation)
        result.interpretation = label(*result.value);
}

} // namespace ql::stats

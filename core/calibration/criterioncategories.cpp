// SPDX-License-Identifier: GPL-3.0-or-later
#include "criterioncategories.h"

#include <algorithm>

namespace ql {

CriterionCategories CriterionCategories::of(const Criterion &criterion)
{
    CriterionCategories out;
    const Scale &s = criterion.scale;
    switch (s.kind) {
    case ScaleKind::Binary:
        out.categories = {{QStringLiteral("0"), 0, false}, {QStringLiteral("1"), 1, false}};
        out.level = stats::Level::Nominal;
        break;
    case ScaleKind::Range:
        for (int v = s.min; v <= s.max; ++v)
            out.categories.append({QString::number(v), double(v), false});
        out.level = stats::Level::Ordinal;
        break;
    case ScaleKind::Options: {
        auto options = s.options;
        std::stable_sort(options.begin(), options.end(),
                         [](const auto &a, const auto &b) { return a.second < b.second; });
        for (const auto &[label, points] : options)
            out.categories.append({label, points, false});
        out.level = stats::Level::Ordinal;
        break;
    }
    }
    if (criterion.allowNa) {
        out.notApplicable = int(out.categories.size());
        out.categories.append({QStringLiteral("N/A"), std::numeric_limits<double>::quiet_NaN(), true});
    }
    return out;
}

int CriterionCategories::indexOf(const CalibrationAnswer &answer) const
{
    if (answer.isNotApplicable())
        return notApplicable;
    if (!answer.isRated())
        return -1;
    const int rated = notApplicable >= 0 ? notApplicable : int(categories.size());
    if (!answer.optionLabel.isEmpty()) {
        for (int i = 0; i < rated; ++i)
            if (categories.at(i).label.compare(answer.optionLabel, Qt::CaseInsensitive) == 0)
                return i;
    }
    for (int i = 0; i < rated; ++i)
        if (categories.at(i).value == answer.value)
            return i;
    return -1;
}

CalibrationAnswer CriterionCategories::answerAt(int index) const
{
    if (index < 0 || index >= categories.size())
        return {};
    if (index == notApplicable)
        return CalibrationAnswer::notApplicable();
    const stats::Category &c = categories.at(index);
    const bool numericLabel = c.label == QString::number(c.value);
    return CalibrationAnswer::rated(c.value, numericLabel ? QString() : c.label);
}

} // namespace ql

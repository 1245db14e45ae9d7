// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorecard.h"

#include <algorithm>
#include <cmath>

namespace ql {

Scale Scale::binary()
{
    return Scale{};
}

Scale Scale::range(int min, int max)
{
    Scale s;
    s.kind = ScaleKind::Range;
    s.min = min;
    s.max = max;
    return s;
}

Scale Scale::fromOptions(QList<std::pair<QString, double>> options)
{
    Scale s;
    s.kind = ScaleKind::Options;
    // min and max are meaningless here; zero them so equal option lists compare equal.
    s.min = 0;
    s.max = 0;
    s.options = std::move(options);
    return s;
}

double Scale::minValue() const
{
    switch (kind) {
    case ScaleKind::Binary:
        return 0;
    case ScaleKind::Range:
        return min;
    case ScaleKind::Options:
        return 0;
    }
    return 0;
}

double Scale::maxValue() const
{
    switch (kind) {
    case ScaleKind::Binary:
        return 1;
    case ScaleKind::Range:
        return max;
    case ScaleKind::Options: {
        double top = 0;
        for (const auto &option : options)
            top = std::max(top, option.second);
        return top;
    }
    }
    return 1;
}

double Scale::maxPoints() const
{
    return maxValue();
}

double Scale::c(double value) const
{
    const double lo = minValue();
    const double span = maxValue() - lo;
    if (!(span > 0))
        return 0;
    return std::clamp((value - lo) / span, 0.0, 1.0);
}

bool Scale::isValidValue(double value) const
{
    switch (kind) {
    case ScaleKind::Binary:
        return value == 0 || value == 1;
    case ScaleKind::Range:
        return value >= min && value <= max && std::floor(value) == value;
    case ScaleKind::Options:
        return std::any_of(options.cbegin(), options.cend(), [value](const auto &o) { return o.second == value; });
    }
    return false;
}

int Scale::optionIndex(QStringView label) const
{
    const QStringView trimmed = label.trimmed();
    for (qsizetype i = 0; i < options.size(); ++i) {
        if (trimmed.compare(options.at(i).first, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

std::optional<double> Scale::pointsOf(QStringView label) const
{
    const int i = optionIndex(label);
    if (i < 0)
        return std::nullopt;
    return options.at(i).second;
}

QString Scale::labelOf(double points) const
{
    for (const auto &option : options) {
        if (option.second == points)
            return option.first;
    }
    return {};
}

QString Scale::describe() const
{
    switch (kind) {
    case ScaleKind::Binary:
        return QStringLiteral("binary");
    case ScaleKind::Range:
        return QStringLiteral("%1–%2").arg(min).arg(max);
    case ScaleKind::Options: {
        QStringList labels;
        labels.reserve(options.size());
        for (const auto &option : options)
            labels << option.first;
        return labels.join(QLatin1Char('/'));
    }
    }
    return {};
}

QString criticalFamilyName(CriticalFamily family)
{
    switch (family) {
    case CriticalFamily::None:
        return {};
    case CriticalFamily::Customer:
        return QStringLiteral("customer");
    case CriticalFamily::Business:
        return QStringLiteral("business");
    case CriticalFamily::Compliance:
        return QStringLiteral("compliance");
    }
    return {};
}

std::optional<CriticalFamily> criticalFamilyFromName(QStringView name)
{
    if (name == u"customer")
        return CriticalFamily::Customer;
    if (name == u"business")
        return CriticalFamily::Business;
    if (name == u"compliance")
        return CriticalFamily::Compliance;
    return std::nullopt;
}

quint8 criticalFamilyBit(CriticalFamily family)
{
    return family == CriticalFamily::None ? 0 : quint8(1u << (quint8(family) - 1));
}

QStringList criticalFamilyNames(quint8 mask)
{
    QStringList names;
    for (CriticalFamily f : {CriticalFamily::Customer, CriticalFamily::Business, CriticalFamily::Compliance}) {
        if (mask & criticalFamilyBit(f))
            names << criticalFamilyName(f);
    }
    return names;
}

QString criticalPolicyName(CriticalPolicy policy)
{
    return policy == CriticalPolicy::Flag ? QStringLiteral("flag") : QStringLiteral("zero");
}

QString criticalEffectName(CriticalEffect effect)
{
    return effect == CriticalEffect::Section ? QStringLiteral("section") : QStringLiteral("audit");
}

int Scorecard::criterionCount() const
{
    qsizetype n = 0;
    for (const Section &section : sections)
        n += section.criteria.size();
    return int(n);
}

const Criterion &Scorecard::criterionAt(int flatIndex) const
{
    for (const Section &section : sections) {
        if (flatIndex < section.criteria.size())
            return section.criteria.at(flatIndex);
        flatIndex -= int(section.criteria.size());
    }
    Q_ASSERT_X(false, "Scorecard::criterionAt", "flat index out of range");
    return sections.constLast().criteria.constLast();
}

int Scorecard::sectionOf(int flatIndex) const
{
    if (flatIndex < 0)
        return -1;
    for (qsizetype s = 0; s < sections.size(); ++s) {
        if (flatIndex < sections.at(s).criteria.size())
            return int(s);
        flatIndex -= int(sections.at(s).criteria.size());
    }
    return -1;
}

int Scorecard::indexOfKey(QStringView key) const
{
    int flat = 0;
    for (const Section &section : sections) {
        for (const Criterion &criterion : section.criteria) {
            if (criterion.key == key)
                return flat;
            ++flat;
        }
    }
    return -1;
}

bool Scorecard::hasSectionWeights() const
{
    return !sections.isEmpty() &&
           std::all_of(sections.cbegin(), sections.cend(), [](const Section &s) { return s.weight.has_value(); });
}

bool Scorecard::sameContentExceptNames(const Scorecard &other) const
{
    if (passThreshold != other.passThreshold || policy != other.policy || sections.size() != other.sections.size())
        return false;
    for (qsizetype s = 0; s < sections.size(); ++s) {
        const Section &a = sections.at(s);
        const Section &b = other.sections.at(s);
        if (a.weight != b.weight || a.criteria.size() != b.criteria.size())
            return false;
        for (qsizetype i = 0; i < a.criteria.size(); ++i) {
            const Criterion &x = a.criteria.at(i);
            const Criterion &y = b.criteria.at(i);
            if (x.key != y.key || !(x.scale == y.scale) || x.weight != y.weight || x.critical != y.critical ||
                x.criticalEffect != y.criticalEffect || x.allowNa != y.allowNa || x.passLevel != y.passLevel)
                return false;
        }
    }
    return true;
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace ql {

enum class ScaleKind : quint8 { Binary, Range, Options };

// How a criterion is answered. The numeric value of an answer is 0/1 (binary), an integer in
// [min, max] (range) or the chosen option's points (options); c maps it to [0, 1].
struct Scale
{
    ScaleKind kind = ScaleKind::Binary;
    int min = 0;                               // range only
    int max = 1;                               // range only
    QList<std::pair<QString, double>> options; // label and points, in file order (options only)

    static Scale binary();
    static Scale range(int min, int max);
    static Scale fromOptions(QList<std::pair<QString, double>> options);

    // The value that gives c = 0 and c = 1: binary 0 and 1, range min and max, options 0 and the
    // top option's points.
    double minValue() const;
    double maxValue() const;
    // The top option's points for an options scale, else maxValue().
    double maxPoints() const;

    // c in [0, 1]; values outside the scale are clamped (the importer rejects them first).
    double c(double value) const;
    // Binary and range scales take integers only; a non-integer there is rejected on import.
    bool isInteger() const { return kind != ScaleKind::Options; }
    // True when the value is a possible answer: an integer in range, or some option's points.
    bool isValidValue(double value) const;

    // -1 when no option has that label; labels are matched case-insensitively (formats.md).
    int optionIndex(QStringView label) const;
    std::optional<double> pointsOf(QStringView label) const;
    // The first option carrying these points (for exports and explanations), or an empty string.
    QString labelOf(double points) const;

    // "binary", "1–5" or "Yes/Partial/No", for messages such as "outside its scale 1–5".
    QString describe() const;

    bool operator==(const Scale &other) const = default;
};

enum class CriticalFamily : quint8 { None, Customer, Business, Compliance };

// "customer", "business", "compliance"; an empty string for None.
QString criticalFamilyName(CriticalFamily family);
// std::nullopt for anything but the three family names.
std::optional<CriticalFamily> criticalFamilyFromName(QStringView name);
// Failed families are recorded as a bitmask: customer 1, business 2, compliance 4.
quint8 criticalFamilyBit(CriticalFamily family);
// The family names in a mask, in customer, business, compliance order.
QStringList criticalFamilyNames(quint8 mask);

enum class CriticalEffect : quint8 { Audit, Section };

struct Criterion
{
    QString key;
    QString name;
    QString description;
    Scale scale;
    double weight = 1;
    CriticalFamily critical = CriticalFamily::None;
    CriticalEffect criticalEffect = CriticalEffect::Audit;
    bool allowNa = false;
    double passLevel = 0.5;

    bool isCritical() const { return critical != CriticalFamily::None; }
    bool operator==(const Criterion &other) const = default;
};

struct Section
{
    QString name;
    std::optional<double> weight; // percent; every section has one or none has
    QList<Criterion> criteria;

    bool operator==(const Section &other) const = default;
};

enum class CriticalPolicy : quint8 { Zero, Flag };

QString criticalPolicyName(CriticalPolicy policy);
QString criticalEffectName(CriticalEffect effect);

// A criterion's flat index is its position in sections-then-criteria order; stores, importers
// and the scoring engine address answers by it.
struct Scorecard
{
    QString name;
    int version = 0; // 0: not set yet (an import gives the next number)
    QDate validFrom; // invalid: not set yet (an import gives today's date)
    double passThreshold = 85;
    CriticalPolicy policy = CriticalPolicy::Zero;
    QString description;
    QList<Section> sections;

    int criterionCount() const;
    // Precondition: 0 <= flatIndex < criterionCount().
    const Criterion &criterionAt(int flatIndex) const;
    // The section holding a flat index, or -1 when out of range.
    int sectionOf(int flatIndex) const;
    // The flat index of the criterion with this key, or -1.
    int indexOfKey(QStringView key) const;
    bool hasSectionWeights() const;

    // True when the two differ at most in display names and descriptions (and in version and
    // valid_from, which say when a content applies rather than what it is). Anything else,
    // including option labels and the order of sections, criteria or options, needs a new
    // version: the flat index and answer labels depend on them.
    bool sameContentExceptNames(const Scorecard &other) const;

    bool operator==(const Scorecard &other) const = default;
};

} // namespace ql

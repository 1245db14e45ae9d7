// SPDX-License-Identifier: GPL-3.0-or-later
#include "cube.h"

namespace ql {

QString pivotSourceName(PivotSource source)
{
    switch (source) {
    case PivotSource::Audits:
        return QStringLiteral("audits");
    case PivotSource::Answers:
        return QStringLiteral("answers");
    case PivotSource::Csat:
        return QStringLiteral("csat");
    }
    return {};
}

std::optional<PivotSource> pivotSourceFromName(const QString &name)
{
    for (PivotSource s : {PivotSource::Audits, PivotSource::Answers, PivotSource::Csat})
        if (pivotSourceName(s) == name)
            return s;
    return std::nullopt;
}

Cube::~Cube() = default;

const Cube::ParentRuns &Cube::parentRuns() const
{
    std::call_once(m_runsOnce, [this] {
        const std::size_t n = m_parentRows.size();
        for (std::size_t i = 0; i < n; ++i)
            if (i == 0 || m_parentRows[i] != m_parentRows[i - 1]) {
                m_runs.starts.push_back(std::uint32_t(i));
                m_runs.parents.push_back(m_parentRows[i]);
            }
        m_runs.starts.push_back(std::uint32_t(n));
        m_runs.starts.shrink_to_fit();
        m_runs.parents.shrink_to_fit();
    });
    return m_runs;
}

CodeColumn *Cube::addColumn()
{
    m_columns.push_back(std::make_unique<CodeColumn>());
    return m_columns.back().get();
}

CubeDimension &Cube::addDimension(const QString &name)
{
    m_dimensions.push_back(std::make_unique<CubeDimension>());
    m_dimensions.back()->name = name;
    return *m_dimensions.back();
}

Cube::DimensionRef Cube::findDimension(const QString &name, PeriodDate date) const
{
    // The interaction date's periods are kept under an internal name; the period date picks them.
    static const QStringList periods{QStringLiteral("day"), QStringLiteral("week"), QStringLiteral("month"),
                                     QStringLiteral("quarter"), QStringLiteral("year")};
    QString wanted = name;
    if (date == PeriodDate::Interaction && periods.contains(name))
        wanted = QStringLiteral("i:") + name;
    for (const auto &d : m_dimensions)
        if (d->name == wanted)
            return {d.get(), false};
    if (wanted != name) // responses have one date: both period dates use it
        for (const auto &d : m_dimensions)
            if (d->name == name)
                return {d.get(), false};
    if (name.startsWith(QLatin1String("i:")))
        return {};
    if (m_parent) {
        DimensionRef ref = m_parent->findDimension(name, date);
        ref.viaParent = bool(ref);
        return ref;
    }
    return {};
}

QStringList Cube::dimensionNames() const
{
    QStringList names;
    for (const auto &d : m_dimensions)
        if (!d->name.startsWith(QLatin1String("i:")))
            names << d->name;
    if (m_parent)
        for (const QString &n : m_parent->dimensionNames())
            if (!names.contains(n))
                names << n;
    return names;
}

const CubeDimension &Cube::sampleTypeDimension() const
{
    return *findDimension(QStringLiteral("sample_type")).dimension;
}

std::size_t Cube::memoryBytes() const
{
    std::size_t bytes = 0;
    for (const auto &c : m_columns)
        bytes += c->bytes();
    for (const auto &d : m_dimensions) {
        bytes += d->map.capacity() * 4 + d->setOffsets.capacity() * 4 + d->setValues.capacity() * 4 +
                 d->julianDays.capacity() * 4;
        for (const QString &l : d->labels)
            bytes += std::size_t(l.size()) * 2 + 32;
    }
    bytes += m_factIds.capacity() * 8 + m_parentRows.capacity() * 4 + m_flags.capacity();
    bytes += m_score.bytes() + m_rawScore.bytes() + m_csatOutcomeCodes.bytes() + m_answerOutcomeCodes.bytes();
    bytes += m_csatOutcomes.capacity() * sizeof(CsatOutcome) + m_answerOutcomes.capacity() * sizeof(AnswerOutcome);
    bytes += m_linkedResponseIds.capacity() * 8 + m_linkedResponseAgents.capacity() * 4;
    return bytes;
}

} // namespace ql

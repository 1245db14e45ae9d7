// SPDX-License-Identifier: GPL-3.0-or-later
#include "cubesnapshot.h"

#include "cubebuilderparts.h"

#include <cstring>
#include <type_traits>

namespace ql {

namespace {

constexpr char Magic[8] = {'Q', 'L', 'C', 'U', 'B', 'E', '\r', '\n'};
constexpr std::uint32_t ByteOrderMark = 0x01020304;
// Column references that are not in Cube::m_columns.
constexpr std::int32_t NoColumn = -1, CsatOutcomeColumn = -2, AnswerOutcomeColumn = -3;

static_assert(std::is_trivially_copyable_v<Cube::CsatOutcome>);
static_assert(std::is_trivially_copyable_v<Cube::AnswerOutcome>);

class Writer
{
public:
    template <class T> void value(T v)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        m_out.append(reinterpret_cast<const char *>(&v), sizeof v);
    }
    template <class T> void vector(const std::vector<T> &v)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        value<std::uint64_t>(v.size());
        m_out.append(reinterpret_cast<const char *>(v.data()), qsizetype(v.size() * sizeof(T)));
    }
    void string(const QString &s)
    {
        value<std::uint32_t>(std::uint32_t(s.size()));
        m_out.append(reinterpret_cast<const char *>(s.constData()), s.size() * qsizetype(sizeof(QChar)));
    }
    void strings(const QStringList &list)
    {
        value<std::uint32_t>(std::uint32_t(list.size()));
        for (const QString &s : list)
            string(s);
    }
    void column(const CodeColumn &c)
    {
        value<std::int32_t>(c.width());
        value<std::uint64_t>(c.size());
        value<std::uint64_t>(c.size() * std::size_t(c.width()));
        c.visit([&](const auto *codes) {
            m_out.append(reinterpret_cast<const char *>(codes), qsizetype(c.size() * sizeof(*codes)));
        });
    }
    // As doubles (NaN for none): reading them back through push_back() stores them as the build did.
    void numbers(const NumericColumn &c)
    {
        value<std::uint64_t>(c.size());
        for (std::size_t i = 0; i < c.size(); ++i)
            value<double>(c.at(i));
    }
    QByteArray &bytes() { return m_out; }

private:
    QByteArray m_out;
};

// Every read is checked against the end: a short or damaged snapshot fails, it never reads past it.
class Reader
{
public:
    Reader(const char *data, std::size_t size) : m_data(data), m_left(size) {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_left == 0; }

    template <class T> T value()
    {
        T v{};
        if (take(sizeof v))
            std::memcpy(&v, m_data - sizeof v, sizeof v);
        return v;
    }
    template <class T> std::vector<T> vector()
    {
        const auto n = value<std::uint64_t>();
        std::vector<T> v;
        if (!m_ok || n > m_left / sizeof(T)) {
            m_ok = false;
            return v;
        }
        v.resize(std::size_t(n));
        if (n)
            std::memcpy(v.data(), m_data, std::size_t(n) * sizeof(T));
        take(std::size_t(n) * sizeof(T));
        return v;
    }
    QString string()
    {
        const auto n = value<std::uint32_t>();
        if (!m_ok || n > m_left / sizeof(QChar)) {
            m_ok = false;
            return {};
        }
        QString s(reinterpret_cast<const QChar *>(m_data), qsizetype(n));
        take(n * sizeof(QChar));
        return s;
    }
    QStringList strings()
    {
        const auto n = value<std::uint32_t>();
        QStringList list;
        if (!m_ok || n > m_left / sizeof(std::uint32_t)) {
            m_ok = false;
            return list;
        }
        list.reserve(qsizetype(n));
        for (std::uint32_t i = 0; i < n && m_ok; ++i)
            list << string();
        return list;
    }
    void column(CodeColumn *c)
    {
        const auto width = value<std::int32_t>();
        const auto size = value<std::uint64_t>();
        const auto bytes = value<std::uint64_t>();
        if (!m_ok || (width != 1 && width != 2 && width != 4) || size > m_left / std::uint64_t(width) ||
            bytes != size * std::uint64_t(width)) {
            m_ok = false;
            return;
        }
        // fill() picks the width from a cardinality: the smallest that needs this width.
        const std::int64_t cardinality = width == 1 ? 0x100 : width == 2 ? 0x10000 : 0x10001;
        c->fill(std::size_t(size), 0, cardinality);
        const char *p = m_data;
        switch (width) {
        case 1:
            for (std::size_t i = 0; i < size; ++i)
                c->set(i, std::uint8_t(p[i]));
            break;
        case 2:
            for (std::size_t i = 0; i < size; ++i) {
                std::uint16_t v;
                std::memcpy(&v, p + i * 2, 2);
                c->set(i, v);
            }
            break;
        default:
            for (std::size_t i = 0; i < size; ++i) {
                std::int32_t v;
                std::memcpy(&v, p + i * 4, 4);
                c->set(i, v);
            }
            break;
        }
        take(std::size_t(bytes));
    }
    void numbers(NumericColumn *c)
    {
        const auto n = value<std::uint64_t>();
        if (!m_ok || n > m_left / sizeof(double)) {
            m_ok = false;
            return;
        }
        c->reserve(std::size_t(n));
        for (std::uint64_t i = 0; i < n; ++i)
            c->push_back(value<double>());
    }
    void fail() { m_ok = false; }

private:
    bool take(std::size_t n)
    {
        if (!m_ok || n > m_left) {
            m_ok = false;
            return false;
        }
        m_data += n;
        m_left -= n;
        return true;
    }
    const char *m_data;
    std::size_t m_left;
    bool m_ok = true;
};

} // namespace

QByteArray CubeSnapshot::write(const Cube &cube)
{
    return cubebuild::Access::writeSnapshot(cube);
}

std::shared_ptr<const Cube> CubeSnapshot::read(const char *data, std::size_t size, std::shared_ptr<const Cube> audits)
{
    return cubebuild::Access::readSnapshot(data, size, std::move(audits));
}

namespace cubebuild {

QByteArray Access::writeSnapshot(const Cube &cube)
{
    auto columnRef = [&cube](const CodeColumn *c) -> std::int32_t {
        if (!c)
            return NoColumn;
        if (c == &cube.m_csatOutcomeCodes)
            return CsatOutcomeColumn;
        if (c == &cube.m_answerOutcomeCodes)
            return AnswerOutcomeColumn;
        for (std::size_t i = 0; i < cube.m_columns.size(); ++i)
            if (cube.m_columns[i].get() == c)
                return std::int32_t(i);
        return std::numeric_limits<std::int32_t>::min(); // not the cube's: cannot be written
    };
    const std::int32_t families = columnRef(cube.m_families), sampleType = columnRef(cube.m_sampleType);
    if (families == std::numeric_limits<std::int32_t>::min() || sampleType == std::numeric_limits<std::int32_t>::min())
        return {};

    Writer w;
    w.bytes().append(Magic, sizeof Magic);
    w.value<std::uint32_t>(CubeSnapshot::Version);
    w.value<std::uint32_t>(ByteOrderMark);
    w.value<std::uint32_t>(std::uint32_t(cube.m_source));
    w.value<std::uint64_t>(cube.m_count);
    w.value<std::uint64_t>(cube.m_parent ? cube.m_parent->factCount() : 0);

    w.value<std::uint32_t>(std::uint32_t(cube.m_columns.size()));
    for (const auto &c : cube.m_columns)
        w.column(*c);
    w.value<std::uint32_t>(std::uint32_t(cube.m_dimensions.size()));
    for (const auto &d : cube.m_dimensions) {
        const std::int32_t ref = columnRef(d->column);
        if (ref == std::numeric_limits<std::int32_t>::min())
            return {};
        w.string(d->name);
        w.strings(d->labels);
        w.value<std::int32_t>(ref);
        w.vector(d->map);
        w.value<std::uint8_t>(d->multiValued ? 1 : 0);
        w.vector(d->setOffsets);
        w.vector(d->setValues);
        w.value<std::int32_t>(std::int32_t(d->period));
        w.vector(d->julianDays);
    }
    w.strings(cube.m_customNames);
    w.vector(cube.m_factIds);
    w.vector(cube.m_parentRows);
    w.vector(cube.m_flags);
    w.value<std::int32_t>(families);
    w.numbers(cube.m_score);
    w.numbers(cube.m_rawScore);
    w.value<std::int32_t>(sampleType);
    w.column(cube.m_csatOutcomeCodes);
    w.vector(cube.m_csatOutcomes);
    w.strings(cube.m_csatScales);
    w.column(cube.m_answerOutcomeCodes);
    w.vector(cube.m_answerOutcomes);
    w.vector(cube.m_linkedResponseIds);
    w.vector(cube.m_linkedResponseAgents);
    return std::move(w.bytes());
}

std::shared_ptr<const Cube> Access::readSnapshot(const char *data, std::size_t size, std::shared_ptr<const Cube> audits)
{
    if (size < sizeof Magic || std::memcmp(data, Magic, sizeof Magic) != 0)
        return nullptr;
    Reader r(data + sizeof Magic, size - sizeof Magic);
    if (r.value<std::uint32_t>() != std::uint32_t(CubeSnapshot::Version) || r.value<std::uint32_t>() != ByteOrderMark)
        return nullptr;
    const auto source = r.value<std::uint32_t>();
    if (!r.ok() || source > std::uint32_t(PivotSource::Csat))
        return nullptr;
    std::shared_ptr<Cube> cube = create(PivotSource(source));
    cube->m_count = std::size_t(r.value<std::uint64_t>());
    const auto parentCount = r.value<std::uint64_t>();
    if (cube->m_source == PivotSource::Answers) {
        if (!audits || audits->source() != PivotSource::Audits || audits->factCount() != parentCount)
            return nullptr;
        cube->m_parent = std::move(audits);
    }

    const auto columns = r.value<std::uint32_t>();
    for (std::uint32_t i = 0; i < columns && r.ok(); ++i)
        r.column(cube->addColumn());
    auto column = [&](std::int32_t ref) -> const CodeColumn * {
        if (ref == NoColumn)
            return nullptr;
        if (ref == CsatOutcomeColumn)
            return &cube->m_csatOutcomeCodes;
        if (ref == AnswerOutcomeColumn)
            return &cube->m_answerOutcomeCodes;
        if (ref >= 0 && std::size_t(ref) < cube->m_columns.size())
            return cube->m_columns[std::size_t(ref)].get();
        r.fail();
        return nullptr;
    };
    const auto dimensions = r.value<std::uint32_t>();
    for (std::uint32_t i = 0; i < dimensions && r.ok(); ++i) {
        CubeDimension &d = cube->addDimension(r.string());
        d.labels = r.strings();
        d.column = column(r.value<std::int32_t>());
        d.map = r.vector<std::int32_t>();
        d.multiValued = r.value<std::uint8_t>() != 0;
        d.setOffsets = r.vector<std::uint32_t>();
        d.setValues = r.vector<std::int32_t>();
        const auto period = r.value<std::int32_t>();
        if (period < 0 || period > std::int32_t(CubeDimension::Period::Year))
            r.fail();
        d.period = CubeDimension::Period(period);
        d.julianDays = r.vector<std::int32_t>();
        if (d.labels.isEmpty())
            r.fail(); // every dimension has at least (blank)
    }
    cube->m_customNames = r.strings();
    cube->m_factIds = r.vector<std::int64_t>();
    cube->m_parentRows = r.vector<std::int32_t>();
    cube->m_flags = r.vector<std::uint8_t>();
    cube->m_families = column(r.value<std::int32_t>());
    r.numbers(&cube->m_score);
    r.numbers(&cube->m_rawScore);
    cube->m_sampleType = column(r.value<std::int32_t>());
    r.column(&cube->m_csatOutcomeCodes);
    cube->m_csatOutcomes = r.vector<Cube::CsatOutcome>();
    cube->m_csatScales = r.strings();
    r.column(&cube->m_answerOutcomeCodes);
    cube->m_answerOutcomes = r.vector<Cube::AnswerOutcome>();
    cube->m_linkedResponseIds = r.vector<std::int64_t>();
    cube->m_linkedResponseAgents = r.vector<std::int32_t>();
    if (!r.ok() || !r.atEnd())
        return nullptr;
    // The fact columns must all hold one value per fact (answers: per answer; their audit columns
    // live in the parent).
    for (const auto &c : cube->m_columns)
        if (c->size() != cube->m_count && c->size() != 0)
            return nullptr;
    if (cube->m_parent && cube->m_parentRows.size() != cube->m_count)
        return nullptr;
    return cube;
}

} // namespace cubebuild

} // namespace ql

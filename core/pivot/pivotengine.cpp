// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotengine.h"

#include "pivotassign.h"
#include "pivotfused.h"
#include "pivotkeyspace.h"
#include "pivotmeasures.h"
#include "pivotorder.h"
#include "store/projectsettings.h"

#include <QObject>
#include <QSet>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace ql {

using namespace pivot;

PivotOptions PivotOptions::fromProject(const QSqlDatabase &db)
{
    const ProjectSettings settings(db);
    PivotOptions options;
    options.periodDate =
        settings.periodDate() == QLatin1String("interaction_date") ? PeriodDate::Interaction : PeriodDate::Review;
    options.countedSampleTypes = settings.countedSampleTypes();
    return options;
}

namespace pivot {

using Level = std::pair<int, int>; // (row level, column level): how many leading dimensions are members

// One pivot being computed: the plan resolved against the cube, the slots and their measures.
class Computation
{
public:
    Computation(const Cube &cube, const PivotSpec &spec, const PivotOptions &options)
        : m_cube(cube), m_spec(spec), m_options(options)
    {
    }
    std::optional<PivotResult> run(QString *error);

private:
    bool resolve(QString *error);
    bool resolveSortAt(QString *error);
    std::vector<std::uint8_t> allowedFor(const PivotFilter &filter, const CubeDimension &dimension) const;
    void derive(const std::vector<std::uint32_t> &targets, bool byFacts);
    void deriveLevel(const Level &level);
    void deriveOthers(int colLevel);
    bool multiValuedCollapsed(int fromRow, int fromCol) const;
    std::optional<PivotValue> value(std::uint32_t slot, int measure);
    std::optional<PivotValue> valueAt(std::uint64_t key, int measure);
    bool isDropped(std::uint64_t rowKey) const
    {
        return std::binary_search(m_dropped.begin(), m_dropped.end(), rowKey);
    }
    PivotHeader header(bool rows, std::uint64_t axisKey) const;
    void growAccumulators();

    const Cube &m_cube;
    const PivotSpec &m_spec;
    PivotOptions m_options;
    int m_rowDims = 0;
    int m_colDims = 0;
    KeySpace m_space;
    std::vector<FactFilter> m_filters;
    std::map<QString, std::vector<std::uint8_t>> m_allowed; // by dimension name
    std::vector<PivotMeasure> m_measures;                   // displayed, then hidden ones (sort, top)
    std::vector<std::unique_ptr<Accumulator>> m_accumulators;
    std::unique_ptr<CategoryAccumulator> m_facts; // facts per slot: a cell exists when > 0
    MeasureContext m_context;
    std::unique_ptr<SlotTable> m_table;
    Assignment m_assignment;
    std::vector<std::uint8_t> m_present; // per slot: computed (finest or derived)
    std::vector<std::uint32_t> m_presentSlots;
    std::set<Level> m_computed;
    std::vector<std::int32_t> m_cacheRow;
    std::vector<std::optional<PivotValue>> m_cache;
    std::vector<std::uint8_t> m_cached;
    int m_sortMeasure = -1;
    int m_topMeasure = -1;
    std::uint64_t m_atKey = 0; // sort.at on the other axis
    int m_atLevel = 0;
    std::vector<std::uint64_t> m_dropped; // finest row keys top-N left out
    std::vector<std::unique_ptr<CubeDimension>> m_overlays; // agents labelled for an output
    // By dimension name: the cube's dimension an overlay stands in for, and each overlay code's code there.
    std::map<QString, std::pair<const CubeDimension *, std::vector<std::int32_t>>> m_overlaid;
};

static int measureIndex(std::vector<PivotMeasure> *measures, const QString &spelling)
{
    for (std::size_t i = 0; i < measures->size(); ++i)
        if ((*measures)[i].spelling == spelling)
            return int(i);
    QString ignored;
    measures->push_back(*PivotMeasure::parse(spelling, &ignored)); // validate() checked it
    return int(measures->size() - 1);
}

std::vector<std::uint8_t> Computation::allowedFor(const PivotFilter &filter, const CubeDimension &dimension) const
{
    const QSet<QString> values(filter.values.begin(), filter.values.end());
    std::vector<std::uint8_t> allowed(std::size_t(dimension.cardinality()));
    for (std::int32_t c = 0; c < dimension.cardinality(); ++c)
        allowed[std::size_t(c)] = values.contains(dimension.labels.at(c)) != filter.exclude;
    return allowed;
}

bool Computation::resolve(QString *error)
{
    m_rowDims = int(m_spec.rows.size());
    m_colDims = int(m_spec.cols.size());
    auto unknown = [&](const QString &name) {
        *error = QObject::tr("unknown dimension \"%1\" for the %2 source (known: %3)")
                     .arg(name, pivotSourceName(m_cube.source()), m_cube.dimensionNames().join(QStringLiteral(", ")));
        return false;
    };
    for (const QString &name : m_spec.rows + m_spec.cols) {
        AxisDimension a;
        a.ref = m_cube.findDimension(name, m_options.periodDate);
        if (!a.ref)
            return unknown(name);
        AgentOverlay overlay = agentOverlay(m_cube, name, m_options.agents);
        const CubeDimension *filtered = a.ref.dimension;
        if (overlay.dimension) {
            a.ref.dimension = overlay.dimension.get();
            a.ref.viaParent = overlay.viaParent;
            m_overlays.push_back(std::move(overlay.dimension));
            m_overlaid[name] = {filtered, overlay.originalCode};
        }
        a.cardinality = a.ref.dimension->cardinality();
        if (const PivotFilter *f = m_spec.filterOn(name)) {
            a.allowed = allowedFor(*f, *filtered);
            if (filtered != a.ref.dimension) { // the filter names agents as the cube does
                std::vector<std::uint8_t> shown(std::size_t(a.cardinality));
                for (std::size_t c = 0; c < shown.size(); ++c)
                    shown[c] = a.allowed[std::size_t(overlay.originalCode[c])];
                a.allowed = std::move(shown);
            }
            m_allowed[name] = a.allowed;
        }
        m_space.dims.push_back(std::move(a));
    }
    m_space.rowDims = m_rowDims;
    m_space.colDims = m_colDims;
    m_space.finish();
    if (m_space.overflow) {
        *error = QObject::tr("the pivot has too many members across its dimensions to compute; use fewer dimensions");
        return false;
    }
    for (const PivotFilter &f : m_spec.filters) {
        if (m_spec.rows.contains(f.dimension) || m_spec.cols.contains(f.dimension))
            continue;
        const Cube::DimensionRef ref = m_cube.findDimension(f.dimension, m_options.periodDate);
        if (!ref)
            return unknown(f.dimension);
        m_filters.push_back({ref, allowedFor(f, *ref.dimension)});
        m_allowed[f.dimension] = m_filters.back().allowed;
    }
    if (m_spec.from.isValid() || m_spec.to.isValid()) {
        // Both ends inclusive, on the date that drives periods; a fact without that date is out.
        const Cube::DimensionRef day = m_cube.findDimension(QStringLiteral("day"), m_options.periodDate);
        const std::int32_t lo = m_spec.from.isValid() ? std::int32_t(m_spec.from.toJulianDay()) : 1;
        const std::int32_t hi =
            m_spec.to.isValid() ? std::int32_t(m_spec.to.toJulianDay()) : std::numeric_limits<std::int32_t>::max();
        FactFilter f{day, {}};
        for (std::int32_t jd : day.dimension->julianDays)
            f.allowed.push_back(jd > 0 && jd >= lo && jd <= hi);
        m_filters.push_back(std::move(f));
    }
    for (const auto &[measure, how] : m_spec.showAs)
        if (how != PivotShowAs::DiffPrevCol)
            for (const AxisDimension &a : m_space.dims)
                if (a.ref.dimension->multiValued) {
                    *error =
                        QObject::tr("\"show_as.%1\": %2 is not offered with the multi-valued dimension \"%3\" on an "
                                    "axis (a fact counts under each of its values, so the shares would not add up)")
                            .arg(measure, pivotShowAsName(how), a.ref.dimension->name);
                    return false;
                }

    m_context.cube = &m_cube;
    m_context.periodDate = m_options.periodDate;
    m_context.countedSampleTypes = m_options.countedSampleTypes;
    m_context.fieldsOfKpiAudits = m_options.fieldsOfKpiAudits;
    m_context.allowedMembers = [this](const QString &name) -> const std::vector<std::uint8_t> * {
        const auto it = m_allowed.find(name);
        return it == m_allowed.end() ? nullptr : &it->second;
    };
    for (const QString &m : m_spec.measures)
        measureIndex(&m_measures, m);
    if (m_spec.sort && m_spec.sort->by != QLatin1String("label"))
        m_sortMeasure = measureIndex(&m_measures, m_spec.sort->by);
    if (m_spec.top)
        m_topMeasure = measureIndex(&m_measures, m_spec.top->by.isEmpty() ? m_spec.measures.first() : m_spec.top->by);
    m_facts = std::make_unique<CategoryAccumulator>(CategoryInput{}, CategoryAccumulator::Result::Count);
    m_context.facts = m_facts.get();
    for (const PivotMeasure &m : m_measures) {
        auto accumulator = makeAccumulator(m, &m_context, error);
        if (!accumulator)
            return false;
        m_accumulators.push_back(std::move(accumulator));
    }
    return resolveSortAt(error);
}

bool Computation::resolveSortAt(QString *error)
{
    if (!m_spec.sort)
        return true;
    const bool otherIsRows = m_spec.sort->axis == PivotSort::Axis::Cols;
    const int dims = otherIsRows ? m_rowDims : m_colDims;
    m_atKey = m_space.axisPrefix(otherIsRows, 0, 0);
    m_atLevel = 0;
    bool total = false;
    for (int j = 0; j < m_spec.sort->at.size() && j < dims; ++j) {
        const QString &label = m_spec.sort->at.at(j);
        const AxisDimension &a = m_space.dims[std::size_t(otherIsRows ? j : m_rowDims + j)];
        if (label == QLatin1String("(total)")) {
            total = true;
            continue;
        }
        std::int32_t code = label == QLatin1String("(others)") && otherIsRows && j == m_rowDims - 1
                                ? a.others()
                                : std::int32_t(a.ref.dimension->labels.indexOf(label));
        if (const auto o = m_overlaid.find(a.ref.dimension->name); code < 0 && o != m_overlaid.end()) {
            // An agent named as the cube has it, on an axis that shows agents otherwise.
            const auto &[original, originalCode] = o->second;
            const auto at = std::find(originalCode.cbegin(), originalCode.cend(), original->labels.indexOf(label));
            if (original->labels.contains(label) && at != originalCode.cend())
                code = std::int32_t(at - originalCode.cbegin());
        }
        if (code < 0 || total) {
            *error = total ? QObject::tr("\"sort.at\": \"%1\" follows \"(total)\"").arg(label)
                           : QObject::tr("\"sort.at\": \"%1\" is not a member of %2").arg(label, a.ref.dimension->name);
            return false;
        }
        m_atKey = m_space.axisWithDigit(otherIsRows, m_atKey, j, code);
        m_atLevel = j + 1;
    }
    return true;
}

bool Computation::multiValuedCollapsed(int fromRow, int fromCol) const
{
    for (int d = 0; d < int(m_space.dims.size()); ++d) {
        const bool collapsed = d < m_rowDims ? d >= fromRow : d - m_rowDims >= fromCol;
        if (collapsed && m_space.dims[std::size_t(d)].ref.dimension->multiValued)
            return true;
    }
    return false;
}

void Computation::growAccumulators()
{
    const std::size_t n = m_table->size();
    m_facts->resize(n);
    for (auto &a : m_accumulators)
        a->resize(n);
    m_present.resize(n, 0);
}

// Fills the target slots from the finest ones (targets[k] for the k-th occupied finest slot). By
// merging when that equals adding their facts; else (a multi-valued dimension folds away, and a fact
// under two of its values must count once) by adding each fact once per target.
void Computation::derive(const std::vector<std::uint32_t> &targets, bool byFacts)
{
    growAccumulators();
    const std::vector<std::uint32_t> &occupied = m_assignment.occupied;
    std::vector<Accumulator *> all{m_facts.get()};
    for (auto &a : m_accumulators)
        all.push_back(a.get());
    if (!byFacts) {
        for (Accumulator *a : all) {
            for (std::size_t k = 0; k < occupied.size(); ++k)
                if (targets[k] != NoSlot)
                    a->merge(targets[k], occupied[k]);
            a->finishMerges();
        }
    } else {
        std::vector<std::uint32_t> targetOf(m_table->size(), NoSlot);
        for (std::size_t k = 0; k < occupied.size(); ++k)
            targetOf[occupied[k]] = targets[k];
        Entries derived;
        derived.expanded = true;
        std::vector<std::uint32_t> run;
        std::size_t current = ~std::size_t(0);
        auto flush = [&] {
            std::sort(run.begin(), run.end());
            run.erase(std::unique(run.begin(), run.end()), run.end());
            for (std::uint32_t t : run) {
                derived.facts.push_back(std::uint32_t(current));
                derived.slots.push_back(t);
            }
            run.clear();
        };
        forEachEntry(m_assignment.entries, [&](std::size_t fact, std::uint32_t slot) {
            if (fact != current) {
                flush();
                current = fact;
            }
            if (targetOf[slot] != NoSlot)
                run.push_back(targetOf[slot]);
        });
        flush();
        for (Accumulator *a : all)
            a->add(derived);
    }
    for (std::uint32_t t : targets)
        if (t != NoSlot && !m_present[t]) {
            m_present[t] = 1;
            m_presentSlots.push_back(t);
        }
}

void Computation::deriveLevel(const Level &level)
{
    const std::vector<std::uint32_t> &occupied = m_assignment.occupied;
    std::vector<std::uint32_t> targets(occupied.size());
    for (std::size_t k = 0; k < occupied.size(); ++k)
        targets[k] = m_table->slot(m_space.project(m_table->key(occupied[k]), level.first, level.second));
    derive(targets, multiValuedCollapsed(level.first, level.second));
    m_computed.insert(level);
}

// "(others)" gathers, per group and column, the facts of the rows top-N left out.
void Computation::deriveOthers(int colLevel)
{
    const std::vector<std::uint32_t> &occupied = m_assignment.occupied;
    const int last = m_rowDims - 1;
    std::vector<std::uint32_t> targets(occupied.size(), NoSlot);
    for (std::size_t k = 0; k < occupied.size(); ++k) {
        const std::uint64_t key = m_table->key(occupied[k]);
        if (!isDropped(m_space.rowKey(key)))
            continue;
        const std::uint64_t others = m_space.withDigit(key, last, m_space.dims[std::size_t(last)].others());
        targets[k] = m_table->slot(m_space.project(others, m_rowDims, colLevel));
    }
    derive(targets,
           m_space.dims[std::size_t(last)].ref.dimension->multiValued || multiValuedCollapsed(m_rowDims, colLevel));
}

std::optional<PivotValue> Computation::value(std::uint32_t slot, int measure)
{
    if (m_cacheRow.size() < m_table->size())
        m_cacheRow.resize(m_table->size(), -1);
    const std::size_t width = m_measures.size();
    if (m_cacheRow[slot] < 0) {
        m_cacheRow[slot] = std::int32_t(m_cache.size() / width);
        m_cache.resize(m_cache.size() + width);
        m_cached.resize(m_cached.size() + width, 0);
    }
    const std::size_t at = std::size_t(m_cacheRow[slot]) * width + std::size_t(measure);
    if (!m_cached[at]) {
        m_cache[at] = m_accumulators[std::size_t(measure)]->value(slot);
        m_cached[at] = 1;
    }
    return m_cache[at];
}

std::optional<PivotValue> Computation::valueAt(std::uint64_t key, int measure)
{
    const std::int64_t slot = m_table->find(key);
    if (slot < 0 || std::size_t(slot) >= m_present.size() || !m_present[std::size_t(slot)] ||
        m_facts->counted(std::uint32_t(slot)) == 0)
        return std::nullopt;
    return value(std::uint32_t(slot), measure);
}

PivotHeader Computation::header(bool rows, std::uint64_t axisKey) const
{
    PivotHeader h;
    const int dims = rows ? m_rowDims : m_colDims;
    h.level = m_space.axisLevel(rows, axisKey);
    for (int j = 0; j < dims; ++j) {
        const AxisDimension &a = m_space.dims[std::size_t(rows ? j : m_rowDims + j)];
        const std::int32_t d = m_space.axisDigit(rows, axisKey, j);
        if (d == a.total())
            h.labels << QStringLiteral("(total)");
        else if (d == a.others()) {
            h.labels << QStringLiteral("(others)");
            h.others = true;
        } else
            h.labels << a.ref.dimension->labels.at(d);
    }
    return h;
}

std::optional<PivotResult> Computation::run(QString *error)
{
    if (const QString problem = m_spec.validate(); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    if (m_spec.source != m_cube.source()) {
        *error = QObject::tr("the pivot reads the %1 source, but the cube holds %2")
                     .arg(pivotSourceName(m_spec.source), pivotSourceName(m_cube.source()));
        return std::nullopt;
    }
    if (!resolve(error))
        return std::nullopt;

    // Levels shown, then levels needed behind the scenes (shares, sorting, top N).
    std::set<int> rowLevels{m_rowDims}, colLevels{m_colDims};
    if (m_spec.totals.subtotals) {
        for (int a = 1; a < m_rowDims; ++a)
            rowLevels.insert(a);
        for (int b = 1; b < m_colDims; ++b)
            colLevels.insert(b);
    }
    if (m_spec.totals.cols)
        rowLevels.insert(0);
    if (m_spec.totals.rows)
        colLevels.insert(0);
    std::set<Level> shown, needed;
    for (int a : rowLevels)
        for (int b : colLevels)
            shown.insert({a, b});
    needed = shown;
    for (const auto &[measure, how] : m_spec.showAs)
        for (const Level &l : shown) {
            if (how == PivotShowAs::PctGrand)
                needed.insert({0, 0});
            else if (how == PivotShowAs::PctRow)
                needed.insert({l.first, 0});
            else if (how == PivotShowAs::PctCol)
                needed.insert({0, l.second});
        }
    if (m_spec.sort && m_sortMeasure >= 0) {
        if (m_spec.sort->axis == PivotSort::Axis::Rows)
            for (int a = 1; a <= m_rowDims; ++a)
                needed.insert({a, m_atLevel});
        else
            for (int b = 1; b <= m_colDims; ++b)
                needed.insert({m_atLevel, b});
    }
    if (m_spec.top)
        needed.insert({m_rowDims, 0});

    m_table = std::make_unique<SlotTable>(m_space.size, m_cube.factCount());
    growAccumulators(); // a dense table has all its slots already; a hash table grows as facts arrive
    std::vector<Accumulator *> accumulators;
    for (auto &a : m_accumulators)
        accumulators.push_back(a.get());
    std::vector<bool> fed(accumulators.size(), false); // by the fused pass, which feeds what it can
    if (auto fused = assignFused(m_cube, m_space, m_filters, *m_table, accumulators, &fed))
        m_assignment = std::move(*fused);
    else
        m_assignment = assignFacts(m_cube, m_space, m_filters, m_table.get());
    growAccumulators();
    m_facts->setCounted(m_assignment.perSlot);
    std::vector<std::uint32_t>().swap(m_assignment.perSlot);
    for (std::size_t k = 0; k < accumulators.size(); ++k)
        if (!fed[k])
            accumulators[k]->add(m_assignment.entries);
    for (std::uint32_t s : m_assignment.occupied) {
        m_present[s] = 1;
        m_presentSlots.push_back(s);
    }
    m_computed.insert({m_rowDims, m_colDims});
    for (const Level &l : needed)
        if (!m_computed.count(l))
            deriveLevel(l);

    PivotResult result;
    if (m_spec.top) {
        std::vector<std::uint64_t> finestRows;
        for (std::uint32_t s : m_assignment.occupied)
            finestRows.push_back(m_space.rowKey(m_table->key(s)));
        std::sort(finestRows.begin(), finestRows.end());
        finestRows.erase(std::unique(finestRows.begin(), finestRows.end()), finestRows.end());
        const std::uint64_t colTotal = m_space.axisPrefix(false, 0, 0);
        const TopChoice choice = chooseTop(m_space, finestRows, m_spec.top->n, [&](std::uint64_t rowKey) {
            return valueAt(m_space.join(rowKey, colTotal), m_topMeasure);
        });
        m_dropped = choice.dropped;
        result.m_topTies = choice.tiesKept;
        if (choice.tiesKept > 0)
            result.m_note = QObject::tr("top %1 by %2: %3 more row(s) shown because they tie with the last one kept")
                                .arg(m_spec.top->n)
                                .arg(m_measures[std::size_t(m_topMeasure)].spelling)
                                .arg(choice.tiesKept);
        if (m_spec.top->others && !m_dropped.empty())
            for (const Level &l : needed)
                if (l.first == m_rowDims)
                    deriveOthers(l.second);
    }

    // The shown cells, their rows and columns.
    std::vector<std::uint64_t> rowKeys, colKeys;
    std::vector<std::uint32_t> shownSlots;
    for (std::uint32_t s : m_presentSlots) {
        if (m_facts->counted(s) == 0)
            continue;
        const std::uint64_t key = m_table->key(s);
        const std::uint64_t rk = m_space.rowKey(key), ck = m_space.colKey(key);
        const Level level{m_space.axisLevel(true, rk), m_space.axisLevel(false, ck)};
        if (!shown.count(level) || (level.first == m_rowDims && m_rowDims > 0 && isDropped(rk)))
            continue;
        shownSlots.push_back(s);
        rowKeys.push_back(rk);
        colKeys.push_back(ck);
    }
    for (auto *keys : {&rowKeys, &colKeys}) {
        std::sort(keys->begin(), keys->end());
        keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
    }
    if (m_spec.sort) {
        const bool rows = m_spec.sort->axis == PivotSort::Axis::Rows;
        const bool byLabel = m_sortMeasure < 0;
        orderAxis(
            m_space, rows, byLabel, m_spec.sort->descending,
            [&](std::uint64_t axisKey) {
                return valueAt(rows ? m_space.join(axisKey, m_atKey) : m_space.join(m_atKey, axisKey), m_sortMeasure);
            },
            rows ? &rowKeys : &colKeys);
    }
    std::unordered_map<std::uint64_t, int> rowIndex, colIndex;
    for (std::size_t i = 0; i < rowKeys.size(); ++i) {
        rowIndex[rowKeys[i]] = int(i);
        result.m_rows << header(true, rowKeys[i]);
    }
    for (std::size_t j = 0; j < colKeys.size(); ++j) {
        colIndex[colKeys[j]] = int(j);
        result.m_columns << header(false, colKeys[j]);
    }
    // diff_prev_col: the previous column at the same level under the same parent labels.
    std::vector<std::int64_t> previousCol(colKeys.size(), -1);
    {
        std::map<std::pair<int, std::uint64_t>, int> last;
        for (std::size_t j = 0; j < colKeys.size(); ++j) {
            const int level = m_space.axisLevel(false, colKeys[j]);
            if (level == 0)
                continue;
            const auto group = std::make_pair(level, m_space.axisPrefix(false, colKeys[j], level - 1));
            const auto it = last.find(group);
            if (it != last.end())
                previousCol[j] = it->second;
            last[group] = int(j);
        }
    }

    struct Placed
    {
        int row, col;
        std::uint32_t slot;
    };
    std::vector<Placed> placed;
    placed.reserve(shownSlots.size());
    for (std::uint32_t s : shownSlots) {
        const std::uint64_t key = m_table->key(s);
        placed.push_back({rowIndex.at(m_space.rowKey(key)), colIndex.at(m_space.colKey(key)), s});
    }
    std::sort(placed.begin(), placed.end(),
              [](const Placed &a, const Placed &b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
    const std::uint64_t rowTotal = m_space.axisPrefix(true, 0, 0), colTotal = m_space.axisPrefix(false, 0, 0);
    const int shownMeasures = int(m_spec.measures.size());
    result.m_cells.reserve(placed.size());
    result.m_values.reserve(placed.size() * std::size_t(shownMeasures));
    for (const Placed &p : placed) {
        result.m_cells.push_back({p.row, p.col});
        const std::uint64_t rk = rowKeys[std::size_t(p.row)], ck = colKeys[std::size_t(p.col)];
        for (int m = 0; m < shownMeasures; ++m) {
            std::optional<PivotValue> v = value(p.slot, m);
            const PivotShowAs how = m_spec.showAsOf(m_spec.measures.at(m));
            if (v && how != PivotShowAs::Value) {
                if (how == PivotShowAs::DiffPrevCol) {
                    const std::int64_t prev = previousCol[std::size_t(p.col)];
                    const auto before =
                        prev < 0 ? std::nullopt : valueAt(m_space.join(rk, colKeys[std::size_t(prev)]), m);
                    v = before ? std::optional<PivotValue>(PivotValue{v->value - before->value, v->n}) : std::nullopt;
                } else {
                    const std::uint64_t denominatorKey = how == PivotShowAs::PctGrand ? m_space.join(rowTotal, colTotal)
                                                         : how == PivotShowAs::PctRow ? m_space.join(rk, colTotal)
                                                                                      : m_space.join(rowTotal, ck);
                    const auto d = valueAt(denominatorKey, m);
                    v = d && d->value != 0 ? std::optional<PivotValue>(PivotValue{100.0 * v->value / d->value, v->n})
                                           : std::nullopt;
                }
            }
            result.m_values.push_back(v);
        }
    }
    result.m_spec = m_spec;
    result.m_facts = m_assignment.facts;
    return result;
}

} // namespace pivot

std::optional<PivotResult> PivotEngine::compute(const Cube &cube, const PivotSpec &spec, const PivotOptions &options,
                                                QString *error)
{
    QString dummy;
    Computation computation(cube, spec, options);
    return computation.run(error ? error : &dummy);
}

} // namespace ql

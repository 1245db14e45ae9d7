// SPDX-License-Identifier: GPL-3.0-or-later
#include "cubebuilderparts.h"

#include "common/periods.h"
#include "sqlitescan.h"

#include <QDate>

#include <algorithm>
#include <cstring>
#include <map>

namespace ql::cubebuild {

Checkpoint::Checkpoint(const CubeBuilder::Control &control, int from, int to, std::int64_t expectedRows)
    : m_control(control), m_from(from), m_to(to), m_expected(std::max<std::int64_t>(expectedRows, 1))
{
    if (m_control.progress)
        m_control.progress(from);
}

bool Checkpoint::cancelled() const
{
    return m_control.cancel && m_control.cancel->load(std::memory_order_relaxed);
}

bool Checkpoint::report(std::int64_t row)
{
    if (m_control.progress) {
        const std::int64_t done = std::min(row, m_expected);
        m_control.progress(m_from + int((m_to - m_from) * done / m_expected));
    }
    return cancelled();
}

bool loadIdDictionary(sqlite3 *db, const char *sql, IdCodes *codes, QStringList *labels, QString *error)
{
    SqliteScan scan(db, sql);
    StringDictionary dictionary;
    std::vector<std::pair<std::int64_t, std::int32_t>> rows;
    std::int64_t maxId = -1;
    while (scan.next()) {
        const std::int64_t id = scan.integer(0);
        rows.emplace_back(id, dictionary.code(scan.text(1)));
        maxId = std::max(maxId, id);
    }
    if (!scan.error().isEmpty()) {
        *error = scan.error();
        return false;
    }
    const std::vector<std::int32_t> final = dictionary.finish(labels);
    codes->blank = std::int32_t(labels->size() - 1);
    codes->byId.assign(std::size_t(maxId + 1), -1);
    for (const auto &[id, provisional] : rows)
        if (id >= 0)
            codes->byId[std::size_t(id)] = final[std::size_t(provisional)];
    return true;
}

const Roster::Entry *Roster::at(std::int32_t agent, std::int32_t day) const
{
    if (agent < 0 || agent >= std::int32_t(history.size()))
        return nullptr;
    const std::vector<Entry> &entries = history[std::size_t(agent)];
    auto it = std::upper_bound(entries.begin(), entries.end(), day,
                               [](std::int32_t d, const Entry &e) { return d < e.fromDay; });
    if (it == entries.begin())
        return nullptr;
    return &*(it - 1);
}

bool loadRoster(sqlite3 *db, Roster *roster, QString *error)
{
    if (!loadIdDictionary(db, "SELECT id, agent_key FROM agents", &roster->agents, &roster->agentLabels, error) ||
        !loadIdDictionary(db, "SELECT id, name FROM teams", &roster->teams, &roster->teamLabels, error) ||
        !loadIdDictionary(db, "SELECT id, name FROM sites", &roster->sites, &roster->siteLabels, error))
        return false;
    const std::size_t agentCount = std::size_t(roster->agentLabels.size());
    roster->hireDay.assign(agentCount, 0);
    roster->history.assign(agentCount, {});
    StringDictionary names;
    std::vector<std::int32_t> provisionalName(agentCount, 0);
    {
        SqliteScan scan(db, "SELECT id, name, hire_date FROM agents");
        while (scan.next()) {
            const std::int32_t agent = roster->agents.code(scan.integer(0), false);
            provisionalName[std::size_t(agent)] = names.code(scan.text(1));
            roster->hireDay[std::size_t(agent)] = julianDayOf(scan.text(2));
        }
        if (!scan.error().isEmpty()) {
            *error = scan.error();
            return false;
        }
    }
    const std::vector<std::int32_t> finalName = names.finish(&roster->nameLabels);
    roster->nameOfAgent.resize(agentCount);
    for (std::size_t a = 0; a < agentCount; ++a)
        roster->nameOfAgent[a] = finalName[std::size_t(provisionalName[a])];

    SqliteScan scan(db, "SELECT agent_id, valid_from, team_id, site_id, supervisor FROM agent_history");
    while (scan.next()) {
        const std::int32_t agent = roster->agents.code(scan.integer(0), false);
        if (agent >= std::int32_t(agentCount))
            continue;
        Roster::Entry e;
        e.fromDay = julianDayOf(scan.text(1));
        e.team = roster->teams.code(scan.integer(2), scan.isNull(2));
        e.site = roster->sites.code(scan.integer(3), scan.isNull(3));
        e.supervisor = roster->supervisors.code(scan.text(4));
        roster->history[std::size_t(agent)].push_back(e);
    }
    if (!scan.error().isEmpty()) {
        *error = scan.error();
        return false;
    }
    for (auto &entries : roster->history)
        std::sort(entries.begin(), entries.end(),
                  [](const Roster::Entry &a, const Roster::Entry &b) { return a.fromDay < b.fromDay; });
    return true;
}

namespace {
// Howard Hinnant's civil-calendar algorithms, on Julian day numbers (2440588 = 1970-01-01).
std::int32_t daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 + 2440588;
}

void civilFromDays(std::int32_t julian, int *y, int *m, int *d)
{
    const int z = julian - 2440588 + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

int digits(std::string_view s, std::size_t at, std::size_t n)
{
    if (s.size() < at + n)
        return -1;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}
} // namespace

std::int32_t julianDayOf(std::string_view iso)
{
    const int y = digits(iso, 0, 4), m = digits(iso, 5, 2), d = digits(iso, 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31 || iso[4] != '-' || iso[7] != '-')
        return 0;
    return daysFromCivil(y, m, d);
}

std::int32_t secondsOfDay(std::string_view dt)
{
    if (dt.size() < 16 || (dt[10] != 'T' && dt[10] != ' '))
        return -1;
    const int h = digits(dt, 11, 2), mi = digits(dt, 14, 2);
    const int s = dt.size() >= 19 && dt[16] == ':' ? digits(dt, 17, 2) : 0;
    if (h < 0 || mi < 0 || s < 0)
        return -1;
    return h * 3600 + mi * 60 + s;
}

std::int32_t tenureBand(std::int32_t hireDay, std::int32_t factDay)
{
    if (hireDay <= 0 || factDay <= 0 || factDay < hireDay)
        return 4;
    int y1, m1, d1, y2, m2, d2;
    civilFromDays(hireDay, &y1, &m1, &d1);
    civilFromDays(factDay, &y2, &m2, &d2);
    // Whole months of service on the fact's date (hired 15 Jan: 3 months on 15 Apr, not on 14 Apr).
    const int months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
    return months < 3 ? 0 : months < 6 ? 1 : months < 12 ? 2 : 3;
}

QStringList tenureLabels()
{
    return {QStringLiteral("0-3"), QStringLiteral("3-6"), QStringLiteral("6-12"), QStringLiteral("12+"),
            QStringLiteral("(blank)")};
}

void DayCoder::widen(std::int32_t julian)
{
    // A new day outside the range: a range around both, with room to spare (dates cluster).
    const std::int32_t lo = m_codes.empty() ? julian - 512 : std::min(m_lo, julian - 512);
    const std::int32_t hi =
        m_codes.empty() ? julian + 512 : std::max(m_lo + std::int32_t(m_codes.size()), julian + 512);
    std::vector<std::int32_t> codes(std::size_t(hi - lo), 0);
    std::copy(m_codes.begin(), m_codes.end(), codes.begin() + (m_lo - lo));
    m_codes.swap(codes);
    m_lo = lo;
}

void addPeriodDimensions(Cube *cube, CodeColumn *dayColumn, const DayCoder &coder, const QString &prefix,
                         std::vector<CubeDimension *> *added)
{
    std::vector<std::int32_t> days = coder.days();
    std::sort(days.begin(), days.end());
    const auto blank = std::int32_t(days.size());
    std::vector<std::int32_t> final(coder.days().size() + 1);
    final[0] = blank;
    for (std::size_t p = 0; p < coder.days().size(); ++p)
        final[p + 1] = std::int32_t(std::lower_bound(days.begin(), days.end(), coder.days()[p]) - days.begin());
    dayColumn->remap(final);
    dayColumn->shrink();

    CubeDimension &day = Access::addDimension(cube, prefix + QStringLiteral("day"));
    day.column = dayColumn;
    day.period = CubeDimension::Period::Day;
    for (std::int32_t jd : days) {
        day.labels << Periods::dayLabel(jd);
        day.julianDays.push_back(jd);
    }
    day.labels << QStringLiteral("(blank)");
    day.julianDays.push_back(0);
    added->push_back(&day);

    struct Kind
    {
        const char *name;
        CubeDimension::Period period;
        int (*key)(const PeriodKeys &);
        QString (*label)(int);
    };
    static const Kind kinds[] = {
        {"week", CubeDimension::Period::Week, [](const PeriodKeys &k) { return k.week; }, &Periods::weekLabel},
        {"month", CubeDimension::Period::Month, [](const PeriodKeys &k) { return k.month; }, &Periods::monthLabel},
        {"quarter", CubeDimension::Period::Quarter, [](const PeriodKeys &k) { return k.quarter; },
         &Periods::quarterLabel},
        {"year", CubeDimension::Period::Year, [](const PeriodKeys &k) { return k.month / 100; },
         [](int y) { return QStringLiteral("%1").arg(y, 4, 10, QLatin1Char('0')); }},
    };
    std::vector<PeriodKeys> keys;
    keys.reserve(days.size());
    for (std::int32_t jd : days)
        keys.push_back(PeriodKeys::of(QDate::fromJulianDay(jd)));
    for (const Kind &kind : kinds) {
        std::map<int, std::int32_t> codes; // ordered: period keys sort chronologically
        for (const PeriodKeys &k : keys)
            codes.emplace(kind.key(k), 0);
        CubeDimension &dim = Access::addDimension(cube, prefix + QLatin1String(kind.name));
        dim.column = dayColumn;
        dim.period = kind.period;
        std::int32_t next = 0;
        for (auto &[key, code] : codes) {
            code = next++;
            dim.labels << kind.label(key);
        }
        dim.labels << QStringLiteral("(blank)");
        dim.map.reserve(days.size() + 1);
        for (const PeriodKeys &k : keys)
            dim.map.push_back(codes[kind.key(k)]);
        dim.map.push_back(next); // (blank) day -> (blank) period
        added->push_back(&dim);
    }
}

CodeColumn *finishTextColumn(Cube *cube, const StringDictionary &dictionary, CodeColumn &&provisional,
                             CubeDimension *dimension)
{
    CodeColumn *column = Access::addColumn(cube);
    *column = std::move(provisional);
    column->remap(dictionary.finish(&dimension->labels));
    column->shrink();
    dimension->column = column;
    return column;
}

int CustomDimensions::indexOf(std::int64_t id) const
{
    const auto it = std::find(ids.begin(), ids.end(), id);
    return it == ids.end() ? -1 : int(it - ids.begin());
}

bool loadCustomDimensions(sqlite3 *db, CustomDimensions *custom, QString *error)
{
    SqliteScan scan(db, "SELECT id, name FROM custom_dimensions ORDER BY id");
    while (scan.next()) {
        custom->ids.push_back(scan.integer(0));
        custom->names << QString::fromUtf8(scan.text(1));
    }
    *error = scan.error();
    return error->isEmpty();
}

const QStringList &builtInDimensionNames()
{
    static const QStringList names{"agent",
                                     "agent_name",
                                     "team",
                                     "site",
                                     "supervisor",
                                     "tenure_band",
                                     "queue",
                                     "channel",
                                     "auditor",
                                     "scorecard",
                                     "scorecard_version",
                                     "sample_type",
                                     "section",
                                     "criterion",
                                     "root_cause",
                                     "critical_family",
                                     "reason",
                                     "day",
                                     "week",
                                     "month",
                                     "quarter",
                                     "year",
                                     "date"};
    return names;
}

bool addCustomDimensions(Cube *cube, sqlite3 *db, const char *sql, const CustomDimensions &custom,
                         const std::vector<std::int64_t> &factIds, const QStringList &builtIn, QString *error)
{
    const std::size_t n = custom.ids.size();
    std::vector<StringDictionary> dictionaries(n);
    std::vector<std::vector<std::int32_t>> provisional(n);
    SqliteScan scan(db, sql);
    std::size_t row = 0;
    while (scan.next()) {
        const std::int64_t factId = scan.integer(0);
        while (row < factIds.size() && factIds[row] < factId)
            ++row;
        if (row == factIds.size())
            break;
        if (factIds[row] != factId)
            continue;
        const int d = custom.indexOf(scan.integer(1));
        if (d < 0)
            continue;
        std::vector<std::int32_t> &codes = provisional[std::size_t(d)];
        if (codes.empty()) // only dimensions with values pay for a column of provisional codes
            codes.assign(factIds.size(), 0);
        codes[row] = dictionaries[std::size_t(d)].code(scan.text(2));
    }
    if (!scan.error().isEmpty()) {
        *error = scan.error();
        return false;
    }
    for (std::size_t d = 0; d < n; ++d) {
        // A custom dimension named like a built-in one would be unreachable; the built-in one wins.
        if (builtIn.contains(custom.names.at(qsizetype(d))))
            continue;
        CubeDimension &dim = Access::addDimension(cube, custom.names.at(qsizetype(d)));
        CodeColumn codes;
        codes.reserve(factIds.size());
        for (std::size_t r = 0; r < factIds.size(); ++r)
            codes.push_back(provisional[d].empty() ? 0 : provisional[d][r]);
        std::vector<std::int32_t>().swap(provisional[d]);
        finishTextColumn(cube, dictionaries[d], std::move(codes), &dim);
        Access::customNames(cube) << dim.name;
    }
    return true;
}

CsatOutcomeDictionary::CsatOutcomeDictionary()
{
    outcomes.emplace_back();
}

std::int32_t CsatOutcomeDictionary::code(double score, std::string_view scale, bool satisfied, bool dissatisfied)
{
    const std::int32_t provisional = m_scales.code(scale);
    if (std::size_t(provisional) >= m_scaleOfProvisional.size()) {
        m_scaleOfProvisional.resize(std::size_t(provisional) + 1, -1);
        m_scaleOfProvisional[std::size_t(provisional)] = std::int32_t(scales.size());
        scales << QString::fromUtf8(scale);
    }
    const std::int32_t scaleCode = m_scaleOfProvisional[std::size_t(provisional)];
    // Outcomes are few (a scale has a handful of points): a linear search beats a hash here.
    for (std::size_t i = 1; i < outcomes.size(); ++i) {
        const Cube::CsatOutcome &o = outcomes[i];
        if (o.scale == scaleCode && o.satisfied == satisfied && o.dissatisfied == dissatisfied &&
            std::memcmp(&o.score, &score, sizeof score) == 0)
            return std::int32_t(i);
    }
    Cube::CsatOutcome o;
    o.score = score;
    o.scale = scaleCode;
    o.satisfied = satisfied;
    o.dissatisfied = dissatisfied;
    o.zeroToTen = scale == "0-10";
    o.promoter = o.zeroToTen && score >= 9;
    o.detractor = o.zeroToTen && score <= 6;
    outcomes.push_back(o);
    return std::int32_t(outcomes.size() - 1);
}

std::vector<std::int32_t> rowsById(const std::vector<std::int64_t> &ids)
{
    const std::int64_t maxId = ids.empty() ? -1 : ids.back();
    std::vector<std::int32_t> rows(std::size_t(maxId + 1), -1);
    for (std::size_t r = 0; r < ids.size(); ++r)
        if (ids[r] >= 0)
            rows[std::size_t(ids[r])] = std::int32_t(r);
    return rows;
}

} // namespace ql::cubebuild

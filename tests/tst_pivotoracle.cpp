// SPDX-License-Identifier: GPL-3.0-or-later
// The pivot engine against a brute-force oracle on random projects (fixed seed): the oracle works
// from the rows the test wrote (not from the cube), recomputes every cell of every level from its
// facts with plain loops, and orders, cuts and shares the way analysis.md says. Any difference in
// a row, a column, a value or an n fails with the spec that produced it.
#include "pivot/cubebuilder.h"
#include "pivot/pivotengine.h"
#include "pivot/pivotspec.h"
#include "pivot/pivottuning.h"
#include "store/project.h"
#include "tst_pivotworld.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

using namespace ql;

namespace {

using namespace pivotworld;

// ---- The oracle: plain loops over the facts of tst_pivotworld.h -----------------------------------

class Oracle
{
public:
    Oracle(const World &w, PivotSource source, const PivotOptions &options)
        : m_w(w), m_source(source), m_options(options)
    {
        build();
    }

    QList<Fact> facts;
    QStringList labelsOf(const QString &dim) const
    {
        QStringList out;
        for (const Fact &f : facts)
            for (const QString &l : f.members.at(dim))
                if (!out.contains(l))
                    out << l;
        return out;
    }
    QStringList dims() const { return facts.isEmpty() ? QStringList() : keysOf(facts.first().members); }

    // The expected pivot, or nullopt when the engine must refuse the spec.
    struct Expected
    {
        QList<Tuple> rows, cols;
        std::map<std::pair<int, int>, QList<std::optional<PivotValue>>> cells;
        qint64 facts = 0;
    };
    std::optional<Expected> run(const PivotSpec &spec);

private:
    static QStringList keysOf(const std::map<QString, QStringList> &m)
    {
        QStringList k;
        for (const auto &[key, v] : m)
            k << key;
        return k;
    }
    static int secs(const QString &t) { return t.isEmpty() ? -1 : t.left(2).toInt() * 3600 + t.mid(3, 2).toInt() * 60; }
    static QString name(const QStringList &list, int i) { return i < 0 ? Blank : list.at(i); }
    const History *historyAt(int agent, QDate date) const
    {
        const History *best = nullptr;
        for (const History &h : m_w.history)
            if (h.agent == agent && h.from <= date && (!best || h.from > best->from))
                best = &h;
        return best;
    }
    static QString tenure(QDate hire, QDate date)
    {
        if (!hire.isValid() || date < hire)
            return Blank;
        const int months =
            (date.year() - hire.year()) * 12 + date.month() - hire.month() - (date.day() < hire.day() ? 1 : 0);
        return months < 3    ? QStringLiteral("0-3")
               : months < 6  ? QStringLiteral("3-6")
               : months < 12 ? QStringLiteral("6-12")
                             : QStringLiteral("12+");
    }
    static void periods(Fact *f, QDate d)
    {
        f->periodDate = d;
        int isoYear = 0;
        const int week = d.isValid() ? d.weekNumber(&isoYear) : 0;
        f->members["day"] = {d.isValid() ? d.toString(Qt::ISODate) : Blank};
        f->members["week"] = {d.isValid() ? QStringLiteral("%1-W%2").arg(isoYear).arg(week, 2, 10, QLatin1Char('0'))
                                          : Blank};
        f->members["month"] = {d.isValid() ? d.toString(QStringLiteral("yyyy-MM")) : Blank};
        f->members["quarter"] = {d.isValid() ? QStringLiteral("%1-Q%2").arg(d.year()).arg((d.month() - 1) / 3 + 1)
                                             : Blank};
        f->members["year"] = {d.isValid() ? QString::number(d.year()) : Blank};
    }
    bool official(int i) const
    {
        const Audit &a = m_w.audits[i];
        if (a.supersededBy)
            return false;
        for (const Audit &b : m_w.audits)
            if (&b != &a && !a.ticket.isEmpty() && b.ticket == a.ticket && b.agent == a.agent && !b.supersededBy &&
                std::make_tuple(b.date, secs(b.time), b.id) > std::make_tuple(a.date, secs(a.time), a.id))
                return false;
        return true;
    }
    const Response *linked(const QString &ticket) const
    {
        const Response *best = nullptr;
        for (const Response &s : m_w.responses)
            if (!ticket.isEmpty() && s.ticket == ticket &&
                (!best ||
                 std::make_tuple(s.date, secs(s.time), s.id) > std::make_tuple(best->date, secs(best->time), best->id)))
                best = &s;
        return best;
    }
    void people(Fact *f, int agent, int team, int site, const QString &supervisor, QDate date) const
    {
        const History *h = agent >= 0 ? historyAt(agent, date) : nullptr;
        f->members["agent"] = {agent < 0 ? Blank : m_w.agents[agent].key};
        f->members["agent_name"] = {agent < 0 || m_w.agents[agent].name.isEmpty() ? Blank : m_w.agents[agent].name};
        f->members["team"] = {team >= 0 ? m_w.teams[team] : h ? name(m_w.teams, h->team) : Blank};
        f->members["site"] = {site >= 0 ? m_w.sites[site] : h ? name(m_w.sites, h->site) : Blank};
        f->members["supervisor"] = {!supervisor.isEmpty()           ? supervisor
                                    : h && !h->supervisor.isEmpty() ? h->supervisor
                                                                    : Blank};
        f->members["tenure_band"] = {agent < 0 ? Blank : tenure(m_w.agents[agent].hire, date)};
    }
    void csatInputs(Fact *f, const Response *s) const
    {
        if (!s)
            return;
        f->hasCsat = true;
        f->csat = s->score;
        f->satisfied = s->satisfied;
        f->dissatisfied = s->dissatisfied;
        f->scale = s->scale;
    }
    Fact auditFact(int i) const
    {
        const Audit &a = m_w.audits[i];
        Fact f;
        people(&f, a.agent, a.team, a.site, a.supervisor, a.date);
        f.members["queue"] = {name(m_w.queues, a.queue)};
        f.members["channel"] = {name(m_w.channels, a.channel)};
        f.members["auditor"] = {name(m_w.auditors, a.auditor)};
        f.members["scorecard"] = {m_w.scorecards[a.scorecard].name};
        f.members["scorecard_version"] = {QString::number(m_w.scorecards[a.scorecard].version)};
        f.members["sample_type"] = {a.sampleType};
        QStringList fam;
        for (const auto &[bit, label] :
             {std::pair{1, "customer"}, std::pair{2, "business"}, std::pair{4, "compliance"}})
            if (a.families & bit)
                fam << QLatin1String(label);
        f.members["critical_family"] = fam.isEmpty() ? QStringList{Blank} : fam;
        const Response *s = linked(a.ticket);
        f.members["reason"] = {s && !s->reason.isEmpty() ? s->reason : Blank};
        for (int d = 0; d < m_w.customNames.size(); ++d)
            f.members[m_w.customNames[d]] = {a.custom.value(d, Blank)};
        periods(&f, m_options.periodDate == PeriodDate::Review ? a.date : a.interaction);
        f.score = a.score;
        f.raw = a.raw;
        f.eligible =
            official(i) && !std::isnan(a.score) && !a.incomplete && m_options.countedSampleTypes.contains(a.sampleType);
        f.passed = a.passed;
        f.critical = a.critical;
        f.families = a.families;
        csatInputs(&f, s);
        return f;
    }
    void build()
    {
        if (m_source == PivotSource::Audits)
            for (int i = 0; i < m_w.audits.size(); ++i)
                facts << auditFact(i);
        if (m_source == PivotSource::Answers)
            for (const Answer &an : m_w.answers) {
                Fact f = auditFact(an.audit);
                f.hasCsat = false;
                const Criterion &c = m_w.criteria[an.criterion];
                f.members["section"] = {c.section};
                f.members["criterion"] = {c.key};
                QStringList causes;
                for (int k : an.causes)
                    causes << m_w.causes[k];
                f.members["root_cause"] = causes.isEmpty() ? QStringList{Blank} : causes;
                f.value = an.value;
                f.c = an.c;
                f.na = an.na;
                f.rated = !an.na && !std::isnan(an.c);
                f.passes = f.rated && an.c >= c.passLevel;
                facts << f;
            }
        if (m_source == PivotSource::Csat)
            for (const Response &s : m_w.responses) {
                int agent = s.agent;
                if (agent < 0) { // the latest official audit of its ticket
                    const Audit *best = nullptr;
                    for (int i = 0; i < m_w.audits.size(); ++i) {
                        const Audit &a = m_w.audits[i];
                        if (!s.ticket.isEmpty() && a.ticket == s.ticket && official(i) &&
                            (!best || std::make_tuple(a.date, secs(a.time), a.id) >
                                          std::make_tuple(best->date, secs(best->time), best->id)))
                            best = &a;
                    }
                    agent = best ? best->agent : -1;
                }
                Fact f;
                people(&f, agent, s.team, s.site, s.supervisor, s.date);
                f.members["queue"] = {name(m_w.queues, s.queue)};
                f.members["channel"] = {name(m_w.channels, s.channel)};
                f.members["reason"] = {s.reason.isEmpty() ? Blank : s.reason};
                for (int d = 0; d < m_w.customNames.size(); ++d)
                    f.members[m_w.customNames[d]] = {s.custom.value(d, Blank)};
                periods(&f, s.date);
                csatInputs(&f, &s);
                facts << f;
            }
    }

    // Label order of analysis.md: periods chronological, bands by length, versions by number,
    // the rest by code point (UTF-8 bytes), (blank) last.
    static bool labelLess(const QString &dim, const QString &a, const QString &b)
    {
        if (a == b)
            return false;
        if (a == Blank || b == Blank)
            return b == Blank;
        if (dim == QLatin1String("tenure_band")) {
            const QStringList order{"0-3", "3-6", "6-12", "12+"};
            return order.indexOf(a) < order.indexOf(b);
        }
        if (dim == QLatin1String("scorecard_version"))
            return a.toInt() < b.toInt();
        return a.toUtf8() < b.toUtf8();
    }

    QStringList axisMembers(const Fact &f, const QString &dim) const
    {
        QStringList out;
        const PivotFilter *filter = m_spec->filterOn(dim);
        for (const QString &l : f.members.at(dim))
            if (!filter || filter->values.contains(l) != filter->exclude)
                out << l;
        return out;
    }
    bool passes(const Fact &f) const
    {
        if ((m_spec->from.isValid() || m_spec->to.isValid()) &&
            (!f.periodDate.isValid() || (m_spec->from.isValid() && f.periodDate < m_spec->from) ||
             (m_spec->to.isValid() && f.periodDate > m_spec->to)))
            return false;
        for (const PivotFilter &filter : m_spec->filters)
            if (axisMembers(f, filter.dimension).isEmpty())
                return false;
        return true;
    }
    bool matches(const Fact &f, const Tuple &row, const Tuple &col) const
    {
        for (int j = 0; j < row.size() + col.size(); ++j) {
            const bool isRow = j < row.size();
            const QString &label = isRow ? row[j] : col[j - row.size()];
            const QString &dim = isRow ? m_spec->rows[j] : m_spec->cols[j - row.size()];
            if (label == Total)
                continue;
            const QStringList members = axisMembers(f, dim);
            if (label == Others) {
                bool any = false;
                for (const QString &m : members)
                    any = any || m_dropped.count(row.mid(0, j) + Tuple{m});
                if (!any)
                    return false;
            } else if (!members.contains(label))
                return false;
        }
        return true;
    }
    QList<int> factsOf(const Tuple &row, const Tuple &col) const
    {
        QList<int> out;
        for (int i : m_passing)
            if (matches(facts[i], row, col))
                out << i;
        return out;
    }
    std::optional<PivotValue> measure(const QString &spelling, const QList<int> &ids) const;
    QList<Tuple> combos(const Fact &f, const QStringList &dims) const
    {
        QList<Tuple> out{Tuple{}};
        for (const QString &d : dims) {
            QList<Tuple> next;
            for (const Tuple &t : out)
                for (const QString &m : axisMembers(f, d))
                    next << t + Tuple{m};
            out = next;
        }
        return out;
    }
    static Tuple withTotals(const Tuple &t, int level)
    {
        Tuple out = t.mid(0, level);
        while (out.size() < t.size())
            out << Total;
        return out;
    }
    static int levelOf(const Tuple &t)
    {
        int l = 0;
        while (l < t.size() && t[l] != Total)
            ++l;
        return l;
    }
    void order(QList<Tuple> *tuples, bool rows) const;

    const World &m_w;
    PivotSource m_source;
    PivotOptions m_options;
    const PivotSpec *m_spec = nullptr;
    QList<int> m_passing;
    std::set<Tuple> m_dropped;
};

std::optional<PivotValue> Oracle::measure(const QString &spelling, const QList<int> &ids) const
{
    const qsizetype open = spelling.indexOf(QLatin1Char('('));
    const QString fn = open < 0 ? spelling : spelling.left(open);
    const QString arg = open < 0 ? QString() : spelling.mid(open + 1, spelling.size() - open - 2);
    auto rate = [](qint64 num, qint64 den, bool complement = false) -> std::optional<PivotValue> {
        if (den == 0)
            return std::nullopt;
        const double v = 100.0 * double(num) / double(den);
        return PivotValue{complement ? 100.0 - v : v, den};
    };
    auto count = [&](auto pred) {
        qint64 n = 0, num = 0;
        for (int i : ids)
            if (int k = pred(facts[i]); k > 0) {
                ++n;
                num += k == 2;
            }
        return std::make_pair(num, n);
    };
    auto mean = [&](auto get, double scale) -> std::optional<PivotValue> {
        double sum = 0;
        qint64 n = 0;
        for (int i : ids)
            if (const double v = get(facts[i]); !std::isnan(v)) {
                sum += v;
                ++n;
            }
        if (n == 0)
            return std::nullopt;
        return PivotValue{scale * (sum / double(n)), n};
    };
    if (fn == QLatin1String("count") || fn == QLatin1String("audits_total"))
        return PivotValue{double(ids.size()), ids.size()};
    if (fn == QLatin1String("count_distinct")) {
        QSet<QString> seen;
        for (int i : ids)
            for (const QString &m : axisMembers(facts[i], arg))
                if (m != Blank)
                    seen.insert(m);
        return PivotValue{double(seen.size()), ids.size()};
    }
    if (fn == QLatin1String("audits")) {
        const auto [num, n] = count([](const Fact &f) { return f.eligible ? 1 : 0; });
        return PivotValue{double(n), n};
    }
    if (fn == QLatin1String("qa_score"))
        return mean([](const Fact &f) { return f.eligible ? f.score : NaN; }, 1);
    if (fn == QLatin1String("raw_score"))
        return mean([](const Fact &f) { return f.eligible ? f.raw : NaN; }, 1);
    if (fn == QLatin1String("pass_rate") || fn == QLatin1String("critical_rate") || fn == QLatin1String("accuracy")) {
        const int bit = arg == QLatin1String("customer") ? 1 : arg == QLatin1String("business") ? 2 : 4;
        const auto [num, n] = count([&](const Fact &f) {
            if (!f.eligible)
                return 0;
            const bool hit = fn == QLatin1String("pass_rate") ? f.passed
                             : arg.isEmpty()                  ? f.critical
                                                              : (f.families & bit) != 0;
            return hit ? 2 : 1;
        });
        return rate(num, n, fn == QLatin1String("accuracy"));
    }
    if (fn == QLatin1String("compliance"))
        return mean([](const Fact &f) { return f.eligible && f.rated ? f.c : NaN; }, 100);
    if (fn == QLatin1String("criterion_pass_rate")) {
        const auto [num, n] = count([](const Fact &f) { return !f.eligible || !f.rated ? 0 : f.passes ? 2 : 1; });
        return rate(num, n);
    }
    if (fn == QLatin1String("na_rate")) {
        const auto [num, n] = count([](const Fact &f) { return !f.eligible ? 0 : f.na ? 2 : 1; });
        return rate(num, n);
    }
    if (fn == QLatin1String("csat_responses")) {
        const auto [num, n] = count([](const Fact &f) { return f.hasCsat ? 1 : 0; });
        return PivotValue{double(n), n};
    }
    if (fn == QLatin1String("csat_pct") || fn == QLatin1String("dsat_pct")) {
        const bool sat = fn == QLatin1String("csat_pct");
        const auto [num, n] = count([&](const Fact &f) {
            return !f.hasCsat ? 0 : (sat ? f.satisfied : f.dissatisfied) ? 2 : 1;
        });
        return rate(num, n);
    }
    if (fn == QLatin1String("nps")) {
        qint64 n = 0, p = 0, d = 0;
        for (int i : ids)
            if (facts[i].hasCsat && facts[i].scale == QLatin1String("0-10")) {
                ++n;
                p += facts[i].csat >= 9;
                d += facts[i].csat <= 6;
            }
        if (n == 0)
            return std::nullopt;
        return PivotValue{100.0 * double(p - d) / double(n), n};
    }
    if (fn == QLatin1String("csat_mean")) {
        QSet<QString> scales;
        for (int i : ids)
            if (facts[i].hasCsat)
                scales.insert(facts[i].scale);
        if (scales.size() > 1)
            return std::nullopt;
        return mean([](const Fact &f) { return f.hasCsat ? f.csat : NaN; }, 1);
    }
    // A function of a numeric field.
    std::vector<double> xs;
    for (int i : ids) {
        const Fact &f = facts[i];
        const double v = arg == QLatin1String("score")       ? (m_source == PivotSource::Csat ? f.csat : f.score)
                         : arg == QLatin1String("raw_score") ? f.raw
                         : arg == QLatin1String("csat")      ? f.csat
                         : arg == QLatin1String("value")     ? f.value
                                                             : f.c;
        if (!std::isnan(v))
            xs.push_back(v);
    }
    const auto n = qint64(xs.size());
    if (n == 0)
        return std::nullopt;
    std::sort(xs.begin(), xs.end());
    double sum = 0;
    for (double x : xs)
        sum += x;
    if (fn == QLatin1String("sum"))
        return PivotValue{sum, n};
    if (fn == QLatin1String("avg"))
        return PivotValue{sum / double(n), n};
    if (fn == QLatin1String("min"))
        return PivotValue{xs.front(), n};
    if (fn == QLatin1String("max"))
        return PivotValue{xs.back(), n};
    if (fn == QLatin1String("stddev")) {
        if (n < 2)
            return std::nullopt;
        double ss = 0;
        for (double x : xs)
            ss += (x - sum / double(n)) * (x - sum / double(n));
        return PivotValue{std::sqrt(ss / double(n - 1)), n};
    }
    const int pct = fn == QLatin1String("median") ? 50 : fn.mid(1).toInt();
    const qint64 scaled = (n - 1) * pct, lo = scaled / 100, rest = scaled % 100;
    const double v =
        rest == 0 ? xs[std::size_t(lo)]
                  : xs[std::size_t(lo)] + (double(rest) / 100.0) * (xs[std::size_t(lo) + 1] - xs[std::size_t(lo)]);
    return PivotValue{v, n};
}

void Oracle::order(QList<Tuple> *tuples, bool rows) const
{
    const QStringList &dims = rows ? m_spec->rows : m_spec->cols;
    const bool sorted = m_spec->sort && (m_spec->sort->axis == PivotSort::Axis::Rows) == rows;
    const bool byLabel = !sorted || m_spec->sort->by == QLatin1String("label");
    const bool desc = sorted && m_spec->sort->descending;
    Tuple at;
    if (sorted) {
        const qsizetype other = rows ? m_spec->cols.size() : m_spec->rows.size();
        at = m_spec->sort->at.mid(0, other);
        while (at.size() < other)
            at << Total;
    }
    std::map<Tuple, std::optional<PivotValue>> cache;
    auto valueOf = [&](const Tuple &prefix) {
        if (!cache.count(prefix)) {
            const QList<int> ids = rows ? factsOf(prefix, at) : factsOf(at, prefix);
            cache[prefix] = ids.isEmpty() ? std::nullopt : tieRounded(measure(m_spec->sort->by, ids));
        }
        return cache[prefix];
    };
    std::stable_sort(tuples->begin(), tuples->end(), [&](const Tuple &a, const Tuple &b) {
        for (int j = 0; j < a.size(); ++j) {
            if (a[j] == b[j])
                continue;
            if (a[j] == Total || b[j] == Total)
                return b[j] == Total;
            if (a[j] == Others || b[j] == Others)
                return b[j] == Others;
            if (byLabel)
                return desc ? labelLess(dims[j], b[j], a[j]) : labelLess(dims[j], a[j], b[j]);
            const auto va = valueOf(withTotals(a, j + 1)), vb = valueOf(withTotals(b, j + 1));
            if (va.has_value() != vb.has_value())
                return va.has_value();
            if (va && va->value != vb->value)
                return desc ? va->value > vb->value : va->value < vb->value;
            if (va && va->n != vb->n)
                return va->n > vb->n;
            return labelLess(dims[j], a[j], b[j]);
        }
        return false;
    });
}

std::optional<Oracle::Expected> Oracle::run(const PivotSpec &spec)
{
    m_spec = &spec;
    m_dropped.clear();
    m_passing.clear();
    for (const auto &[m, how] : spec.showAs)
        for (const QString &d : spec.rows + spec.cols)
            if (how != PivotShowAs::DiffPrevCol &&
                (d == QLatin1String("critical_family") || d == QLatin1String("root_cause")))
                return std::nullopt; // shares are refused with a multi-valued dimension on an axis
    for (int i = 0; i < facts.size(); ++i)
        if (passes(facts[i]))
            m_passing << i;
    Expected e;
    e.facts = m_passing.size();
    const int R = int(spec.rows.size()), C = int(spec.cols.size());
    std::set<int> rowLevels{R}, colLevels{C};
    for (int a = 1; a < R && spec.totals.subtotals; ++a)
        rowLevels.insert(a);
    for (int b = 1; b < C && spec.totals.subtotals; ++b)
        colLevels.insert(b);
    if (spec.totals.cols)
        rowLevels.insert(0);
    if (spec.totals.rows)
        colLevels.insert(0);
    const Tuple allRows = withTotals(Tuple(spec.rows), 0), allCols = withTotals(Tuple(spec.cols), 0);

    if (spec.top) {
        const QString by = spec.top->by.isEmpty() ? spec.measures.first() : spec.top->by;
        std::map<Tuple, std::set<Tuple>> groups;
        for (int i : m_passing)
            for (const Tuple &t : combos(facts[i], spec.rows))
                groups[t.mid(0, R - 1)].insert(t);
        for (const auto &[group, members] : groups) {
            struct Ranked
            {
                Tuple t;
                std::optional<PivotValue> v;
            };
            QList<Ranked> ranked;
            for (const Tuple &t : members)
                ranked << Ranked{t, tieRounded(measure(by, factsOf(t, allCols)))};
            std::stable_sort(ranked.begin(), ranked.end(), [&](const Ranked &a, const Ranked &b) {
                if (a.v.has_value() != b.v.has_value())
                    return a.v.has_value();
                if (a.v && a.v->value != b.v->value)
                    return a.v->value > b.v->value;
                if (a.v && a.v->n != b.v->n)
                    return a.v->n > b.v->n;
                return labelLess(spec.rows.last(), a.t.last(), b.t.last());
            });
            qsizetype keep = std::min<qsizetype>(ranked.size(), spec.top->n);
            auto same = [](const std::optional<PivotValue> &a, const std::optional<PivotValue> &b) {
                return a.has_value() == b.has_value() && (!a || a->value == b->value);
            };
            while (keep < ranked.size() && same(ranked[keep].v, ranked[keep - 1].v))
                ++keep;
            for (qsizetype k = keep; k < ranked.size(); ++k)
                m_dropped.insert(ranked[k].t);
        }
    }

    std::set<std::pair<Tuple, Tuple>> candidates;
    for (int i : m_passing)
        for (const Tuple &rc : combos(facts[i], spec.rows))
            for (const Tuple &cc : combos(facts[i], spec.cols))
                for (int a : rowLevels)
                    for (int b : colLevels) {
                        if (a == R && R > 0 && m_dropped.count(rc)) {
                            if (spec.top->others)
                                candidates.insert({rc.mid(0, R - 1) + Tuple{Others}, withTotals(cc, b)});
                            continue;
                        }
                        candidates.insert({withTotals(rc, a), withTotals(cc, b)});
                    }
    for (const auto &[r, c] : candidates) {
        if (!e.rows.contains(r))
            e.rows << r;
        if (!e.cols.contains(c))
            e.cols << c;
    }
    order(&e.rows, true);
    order(&e.cols, false);
    auto valueAt = [&](const QString &m, const Tuple &r, const Tuple &c) -> std::optional<PivotValue> {
        const QList<int> ids = factsOf(r, c);
        return ids.isEmpty() ? std::nullopt : measure(m, ids);
    };
    for (const auto &[r, c] : candidates) {
        const QList<int> ids = factsOf(r, c);
        if (ids.isEmpty())
            continue;
        const int ci = int(e.cols.indexOf(c));
        QList<std::optional<PivotValue>> values;
        for (const QString &m : spec.measures) {
            std::optional<PivotValue> v = measure(m, ids);
            const PivotShowAs how = spec.showAsOf(m);
            if (v && how == PivotShowAs::DiffPrevCol) {
                const int level = levelOf(c);
                std::optional<PivotValue> before;
                for (int j = ci - 1; level > 0 && j >= 0; --j)
                    if (levelOf(e.cols[j]) == level && e.cols[j].mid(0, level - 1) == c.mid(0, level - 1)) {
                        before = valueAt(m, r, e.cols[j]);
                        break;
                    }
                v = before ? std::optional<PivotValue>(PivotValue{v->value - before->value, v->n}) : std::nullopt;
            } else if (v && how != PivotShowAs::Value) {
                const auto d = how == PivotShowAs::PctGrand ? valueAt(m, allRows, allCols)
                               : how == PivotShowAs::PctRow ? valueAt(m, r, allCols)
                                                            : valueAt(m, allRows, c);
                v = d && d->value != 0 ? std::optional<PivotValue>(PivotValue{100.0 * v->value / d->value, v->n})
                                       : std::nullopt;
            }
            values << v;
        }
        e.cells[{int(e.rows.indexOf(r)), ci}] = values;
    }
    return e;
}

QString describe(const std::optional<PivotValue> &v)
{
    return v ? QStringLiteral("%1 (n %2)").arg(v->value, 0, 'g', 17).arg(v->n) : QStringLiteral("empty");
}

bool close(double a, double b)
{
    return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

// Empty when the engine's result is the oracle's.
QString difference(const PivotResult &got, const Oracle::Expected &want)
{
    if (got.factCount() != want.facts)
        return QStringLiteral("facts %1, expected %2").arg(got.factCount()).arg(want.facts);
    QList<Tuple> rows, cols;
    for (const PivotHeader &h : got.rows())
        rows << h.labels;
    for (const PivotHeader &h : got.columns())
        cols << h.labels;
    if (rows != want.rows)
        return QStringLiteral("rows\n  got      %1\n  expected %2")
            .arg(QDebug::toString(rows), QDebug::toString(want.rows));
    if (cols != want.cols)
        return QStringLiteral("columns\n  got      %1\n  expected %2")
            .arg(QDebug::toString(cols), QDebug::toString(want.cols));
    if (got.cellCount() != int(want.cells.size()))
        return QStringLiteral("%1 cells, expected %2").arg(got.cellCount()).arg(want.cells.size());
    for (int k = 0; k < got.cellCount(); ++k) {
        const PivotResult::Cell &cell = got.cell(k);
        const auto it = want.cells.find({cell.row, cell.column});
        if (it == want.cells.end())
            return QStringLiteral("unexpected cell %1 x %2")
                .arg(rows[cell.row].join(u'|'), cols[cell.column].join(u'|'));
        for (int m = 0; m < got.measureCount(); ++m) {
            const auto &g = got.cellValue(k, m);
            const auto &w = it->second.at(m);
            if (g.has_value() != w.has_value() || (g && (g->n != w->n || !close(g->value, w->value))))
                return QStringLiteral("cell %1 x %2, %3: got %4, expected %5")
                    .arg(rows[cell.row].join(u'|'), cols[cell.column].join(u'|'), got.measures().at(m), describe(g),
                         describe(w));
        }
    }
    return {};
}

} // namespace

class TestPivotOracle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomProjects();
};

void TestPivotOracle::randomProjects()
{
    // A fixed seed; QL_PIVOT_SEED explores others.
    const quint64 seed =
        qEnvironmentVariableIsSet("QL_PIVOT_SEED") ? qEnvironmentVariable("QL_PIVOT_SEED").toULongLong() : 20261127;
    Rng r(seed);
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("QL_KEEP_PIVOT_PROJECTS"));
    if (!dir.autoRemove())
        qInfo("projects kept in %s", qPrintable(dir.path()));
    int compared = 0, refused = 0, empty = 0, topTies = 0, multiValued = 0;
    for (int p = 0; p < 40; ++p) {
        const World world = generate(r);
        // Every other project runs the hash paths the small data would never reach: cells in a hash
        // table instead of a dense array, count_distinct in a pair set instead of bitsets.
        const bool hashPaths = p % 2 == 1;
        pivot::Tuning::denseLimit = hashPaths ? 0 : std::uint64_t(1) << 18;
        pivot::Tuning::distinctBitsetBudget = hashPaths ? 0 : std::size_t(32) << 20;
        // And every fourth one the answers' fused pass in parts of 5 facts on 3 threads, or by
        // each answer's audit row instead of runs of one audit.
        pivot::Tuning::partFacts = p % 4 == 2 ? 5 : std::size_t(1) << 20;
        pivot::Tuning::threads = p % 4 == 2 ? 3 : 0;
        pivot::Tuning::runFacts = p % 4 == 0 ? 1'000'000 : 1;
        ProjectError err;
        auto project = Project::create(dir.filePath(QStringLiteral("p%1.qlens").arg(p)), true, &err);
        QVERIFY2(project, qPrintable(err.message));
        QVERIFY(insert(world, project->database()));
        QString error;
        const auto audits = CubeBuilder::buildAudits(project->database(), {}, &error);
        QVERIFY2(audits, qPrintable(error));
        const auto answers = CubeBuilder::buildAnswers(project->database(), audits, {}, &error);
        QVERIFY2(answers, qPrintable(error));
        const auto csat = CubeBuilder::buildCsat(project->database(), *audits, {}, &error);
        QVERIFY2(csat, qPrintable(error));
        for (int k = 0; k < 15; ++k) {
            const int s = r.below(4);
            const PivotSource source = s < 2 ? PivotSource::Audits : s == 2 ? PivotSource::Answers : PivotSource::Csat;
            PivotOptions options;
            options.periodDate = r.chance(0.3) ? PeriodDate::Interaction : PeriodDate::Review;
            options.countedSampleTypes =
                r.chance(0.6) ? QStringList{"random", "targeted"} : QStringList{"random", "dispute", "auto"};
            Oracle oracle(world, source, options);
            if (oracle.facts.isEmpty())
                continue; // no dimensions to draw from; the empty cube is checked below
            const PivotSpec spec = randomSpec(
                r, oracle.dims(), [&](const QString &d) { return oracle.labelsOf(d); }, source);
            if (!spec.validate().isEmpty())
                continue;
            const Cube &cube = source == PivotSource::Audits    ? *audits
                               : source == PivotSource::Answers ? *answers
                                                                : *csat;
            const auto want = oracle.run(spec);
            const auto got = PivotEngine::compute(cube, spec, options, &error);
            const QString context = QStringLiteral("project %1, period date %2, counted %3, spec %4")
                                        .arg(p)
                                        .arg(options.periodDate == PeriodDate::Review ? "date" : "interaction_date",
                                             options.countedSampleTypes.join(u','), QString::fromUtf8(spec.toJson()));
            if (!want) {
                QVERIFY2(!got, qPrintable(QStringLiteral("the engine should refuse: %1").arg(context)));
                ++refused;
                continue;
            }
            QVERIFY2(got, qPrintable(QStringLiteral("%1: %2").arg(error, context)));
            const QString diff = difference(*got, *want);
            if (!diff.isEmpty())
                qWarning("%s\n%s", qPrintable(context), qPrintable(diff)); // QVERIFY2 cuts long messages
            QVERIFY2(diff.isEmpty(), qPrintable(context));
            ++compared;
            empty += got->factCount() == 0;
            topTies += got->topTiesKept() > 0;
            for (const QString &d : spec.rows + spec.cols)
                multiValued += d == QLatin1String("critical_family") || d == QLatin1String("root_cause");
        }
        // An empty slice: every source, filtered to nothing.
        for (const auto &cube : {audits, answers, csat}) {
            PivotSpec spec;
            spec.source = cube->source();
            spec.rows = {QStringLiteral("month")};
            spec.measures = {QStringLiteral("count")};
            spec.totals = PivotTotals::all();
            spec.filters << PivotFilter{QStringLiteral("agent"), false, {QStringLiteral("nobody")}};
            const auto got = PivotEngine::compute(*cube, spec, {}, &error);
            QVERIFY2(got, qPrintable(error));
            QCOMPARE(got->factCount(), 0);
            QCOMPARE(got->rowCount(), 0);
            QCOMPARE(got->cellCount(), 0);
        }
    }
    qInfo("compared %d pivots (%d with no fact, %d with ties kept by top-N, %d multi-valued axes), %d refusals checked",
          compared, empty, topTies, multiValued, refused);
    QVERIFY(compared >= 400);
    QVERIFY(refused > 0 && topTies > 0 && multiValued > 20);
}

QTEST_GUILESS_MAIN(TestPivotOracle)
#include "tst_pivotoracle.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Random projects and pivot specs for the pivot oracle test (tst_pivotoracle.cpp): a small world of agents, audits,
// answers and responses with the awkward cases on purpose (labels whose code-point and UTF-16
// orders differ, superseded audits, tickets with several audits and responses, missing teams that
// the roster history fills, N/A answers, unscored and incomplete audits), written with plain SQL.

#include "common/periods.h"
#include "pivot/pivotresult.h"
#include "pivot/pivotspec.h"
#include "store/project.h"

#include <QSqlError>
#include <QSqlQuery>

#include <cmath>
#include <functional>
#include <map>
#include <random>
#include <set>

namespace pivotworld {

using namespace ql;

inline constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
inline const QString Blank = QStringLiteral("(blank)");
inline const QString Total = QStringLiteral("(total)");
inline const QString Others = QStringLiteral("(others)");

struct Rng
{
    std::mt19937_64 engine;
    explicit Rng(quint64 seed) : engine(seed) {}
    int below(int n) { return n <= 0 ? 0 : int(engine() % quint64(n)); }
    bool chance(double p) { return double(engine() >> 11) * 0x1.0p-53 < p; }
    template <class T> const T &pick(const QList<T> &list) { return list.at(below(int(list.size()))); }
};

// ---- The raw world the test writes into a project -------------------------------------------------

struct Agent
{
    QString key, name;
    QDate hire;
};
struct History
{
    int agent;
    QDate from;
    int team, site;
    QString supervisor;
};
struct Scorecard
{
    QString name;
    int version;
};
struct Criterion
{
    int scorecard;
    QString section, key;
    double passLevel;
};
struct Audit
{
    qint64 id;
    QString ticket;
    QDate date;
    QString time;
    QDate interaction;
    int agent, auditor, team, site;
    QString supervisor;
    int queue, channel;
    QString sampleType;
    int scorecard;
    double score, raw;
    bool passed, critical;
    int families;
    bool incomplete;
    qint64 supersededBy;
    QMap<int, QString> custom;
};
struct Answer
{
    qint64 id;
    int audit, criterion;
    double value, c;
    bool na;
    QList<int> causes;
};
struct Response
{
    qint64 id;
    QString ticket;
    QDate date;
    QString time;
    double score;
    QString scale;
    bool satisfied, dissatisfied;
    int agent, team, site;
    QString supervisor;
    int queue, channel;
    QString reason;
    QMap<int, QString> custom;
};

struct World
{
    QStringList teams, sites, queues, channels, auditors, causes, customNames;
    QList<Agent> agents;
    QList<History> history;
    QList<Scorecard> scorecards;
    QList<Criterion> criteria;
    QList<Audit> audits;
    QList<Answer> answers;
    QList<Response> responses;
};

// Labels chosen to trip code-point order: U+FB00 sorts before U+1F600 by code point but after it
// in UTF-16 code units; commas and quotes exercise CSV quoting elsewhere.
inline const QStringList Names{QStringLiteral("Alpha"),
                               QStringLiteral("beta"),
                               QStringLiteral("Zulu"),
                               QStringLiteral("Äpfel"),
                               QStringLiteral("\U0001F600 smile"),
                               QStringLiteral("\uFB00 ligature"),
                               QStringLiteral("a, b"),
                               QStringLiteral("12"),
                               QStringLiteral("9")};
inline const QStringList SampleTypes{"random", "targeted", "csat_triggered", "dispute", "self", "peer", "auto"};

inline QStringList somenames(Rng &r, const QString &prefix, int n)
{
    QStringList out;
    QStringList pool = Names;
    for (int i = 0; i < n; ++i)
        out << (r.chance(0.5) && !pool.isEmpty() ? pool.takeAt(r.below(int(pool.size())))
                                                 : QStringLiteral("%1 %2").arg(prefix).arg(i));
    out.removeDuplicates();
    return out;
}

inline QString timeOf(Rng &r)
{
    return r.chance(0.4) ? QString()
                         : QStringLiteral("%1:%2:00")
                               .arg(r.below(24), 2, 10, QLatin1Char('0'))
                               .arg(r.below(2) * 30, 2, 10, QLatin1Char('0'));
}

inline World generate(Rng &r)
{
    World w;
    w.teams = somenames(r, QStringLiteral("Team"), 1 + r.below(4));
    w.sites = somenames(r, QStringLiteral("Site"), 1 + r.below(3));
    w.queues = somenames(r, QStringLiteral("Queue"), 1 + r.below(4));
    w.channels = somenames(r, QStringLiteral("Channel"), 1 + r.below(3));
    w.auditors = somenames(r, QStringLiteral("Auditor"), 1 + r.below(3));
    w.causes = somenames(r, QStringLiteral("Cause"), r.below(4));
    for (int i = 0, n = r.below(3); i < n; ++i)
        w.customNames << QStringLiteral("custom%1").arg(i);
    const QDate base(2025, 12, 20);
    const int nAgents = 1 + r.below(6);
    const QStringList supervisors{QStringLiteral("Sam"), QStringLiteral("Kim"), QStringLiteral("Lee")};
    for (int a = 0; a < nAgents; ++a) {
        Agent ag{QStringLiteral("ag%1").arg(a),
                 r.chance(0.8) ? r.pick(QStringList{"Ann", "Bob", "Cy", "Ann"}) : QString(),
                 r.chance(0.8) ? base.addDays(-r.below(500)) : QDate()};
        w.agents << ag;
        for (int h = 0, n = r.below(3); h < n; ++h)
            w.history << History{
                a, base.addDays(-30 + h * 25 + r.below(20)), r.chance(0.9) ? r.below(int(w.teams.size())) : -1,
                r.chance(0.7) ? r.below(int(w.sites.size())) : -1, r.chance(0.7) ? r.pick(supervisors) : QString()};
    }
    // agent_history is unique per (agent, valid_from)
    std::set<std::pair<int, QDate>> seen;
    w.history.erase(std::remove_if(w.history.begin(), w.history.end(),
                                   [&](const History &h) {
                                       return !seen.insert({h.agent, h.from}).second;
                                   }),
                    w.history.end());
    w.scorecards << Scorecard{QStringLiteral("Support QA"), 1};
    if (r.chance(0.5))
        w.scorecards << Scorecard{QStringLiteral("Support QA"), 2};
    if (r.chance(0.3))
        w.scorecards << Scorecard{QStringLiteral("Sales"), 1};
    if (r.chance(0.2))
        w.scorecards << Scorecard{QStringLiteral("Support QA"), 10};
    const QStringList keys{QStringLiteral("greeting"), QStringLiteral("tone"), QStringLiteral("resolution"),
                           QStringLiteral("verify_id")};
    for (int s = 0; s < w.scorecards.size(); ++s)
        for (int k = 0; k < keys.size(); ++k)
            if (k == 0 || r.chance(0.7))
                w.criteria << Criterion{s, k < 2 ? QStringLiteral("Communication") : QStringLiteral("Compliance"),
                                        keys.at(k), r.pick(QList<double>{0.5, 0.5, 1.0, 0.25})};

    const QList<double> scores{0, 50, 72.5, 85, 85, 90, 100, 66.666667, 84.999999, 85};
    const QList<double> cValues{0, 0.25, 0.5, 1, 1, 1.0 / 3};
    const int nAudits = r.chance(0.05) ? 0 : r.below(90);
    QStringList tickets;
    for (int t = 0; t < 25; ++t)
        tickets << QStringLiteral("T%1").arg(t);
    for (int i = 0; i < nAudits; ++i) {
        Audit a;
        a.id = 5 + 2 * i;
        a.ticket = r.chance(0.8) ? r.pick(tickets) : QString();
        a.date = base.addDays(r.below(80));
        a.time = timeOf(r);
        a.interaction = r.chance(0.8) ? a.date.addDays(-r.below(10)) : QDate();
        a.agent = r.below(nAgents);
        a.auditor = r.chance(0.9) ? r.below(int(w.auditors.size())) : -1;
        a.team = r.chance(0.6) ? r.below(int(w.teams.size())) : -1;
        a.site = r.chance(0.6) ? r.below(int(w.sites.size())) : -1;
        a.supervisor = r.chance(0.5) ? r.pick(supervisors) : QString();
        a.queue = r.chance(0.9) ? r.below(int(w.queues.size())) : -1;
        a.channel = r.chance(0.9) ? r.below(int(w.channels.size())) : -1;
        a.sampleType = r.chance(0.6) ? QStringLiteral("random") : r.pick(SampleTypes);
        a.scorecard = r.below(int(w.scorecards.size()));
        const bool scored = r.chance(0.85);
        a.raw = scored ? r.pick(scores) : NaN;
        a.critical = scored && r.chance(0.2);
        a.families = a.critical ? 1 + r.below(7) : 0;
        a.score = scored ? (a.critical && r.chance(0.7) ? 0 : a.raw) : NaN;
        a.passed = scored && !a.critical && a.score >= 85;
        a.incomplete = r.chance(0.1);
        a.supersededBy = 0;
        for (int d = 0; d < w.customNames.size(); ++d)
            if (r.chance(0.7))
                a.custom[d] = r.pick(QStringList{"x", "y", "Z", "ü"});
        w.audits << a;
    }
    for (int i = 0; i < w.audits.size(); ++i)
        if (r.chance(0.1) && i + 1 < w.audits.size())
            w.audits[i].supersededBy = w.audits[i + 1 + r.below(int(w.audits.size()) - i - 1)].id;
    qint64 answerId = 100;
    for (int i = 0; i < w.audits.size(); ++i)
        for (int k = 0; k < w.criteria.size(); ++k) {
            if (w.criteria[k].scorecard != w.audits[i].scorecard || r.chance(0.2))
                continue;
            Answer an{answerId++, i, k, NaN, NaN, r.chance(0.15), {}};
            if (!an.na) {
                an.c = r.pick(cValues);
                an.value = an.c * 4 + 1;
            }
            for (int c = 0; c < w.causes.size(); ++c)
                if (r.chance(0.3))
                    an.causes << c;
            w.answers << an;
        }
    const int nResponses = r.below(50);
    for (int i = 0; i < nResponses; ++i) {
        Response s;
        s.id = 7 + 3 * i;
        s.ticket = r.chance(0.8) ? r.pick(tickets) : QString();
        s.date = base.addDays(r.below(80));
        s.time = timeOf(r);
        s.scale = r.chance(0.6) ? QStringLiteral("1-5") : QStringLiteral("0-10");
        if (s.scale == QLatin1String("1-5")) {
            s.score = 1 + r.below(5);
            s.satisfied = s.score >= 4;
            s.dissatisfied = s.score <= 2;
        } else {
            s.score = r.below(11);
            s.satisfied = s.score >= 9;
            s.dissatisfied = s.score <= 6;
        }
        s.agent = r.chance(0.6) ? r.below(nAgents) : -1;
        s.team = r.chance(0.5) ? r.below(int(w.teams.size())) : -1;
        s.site = r.chance(0.5) ? r.below(int(w.sites.size())) : -1;
        s.supervisor = r.chance(0.3) ? r.pick(supervisors) : QString();
        s.queue = r.chance(0.9) ? r.below(int(w.queues.size())) : -1;
        s.channel = r.chance(0.9) ? r.below(int(w.channels.size())) : -1;
        s.reason = r.chance(0.8) ? r.pick(QStringList{"Billing", "Refund delay", "Other", "billing"}) : QString();
        for (int d = 0; d < w.customNames.size(); ++d)
            if (r.chance(0.5))
                s.custom[d] = r.pick(QStringList{"x", "q"});
        w.responses << s;
    }
    return w;
}

// ---- Writing it into a project with SQL ------------------------------------------------------------

inline QVariant orNull(int index)
{
    return index < 0 ? QVariant() : QVariant(index + 1);
}
inline QVariant orNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}
inline QVariant orNull(double v)
{
    return std::isnan(v) ? QVariant() : QVariant(v);
}

inline bool exec(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec()) {
        qWarning() << q.lastError().text() << q.lastQuery();
        return false;
    }
    return true;
}

inline bool insert(const World &w, QSqlDatabase db)
{
    db.transaction();
    QSqlQuery q(db);
    auto names = [&](const char *table, const QStringList &list) {
        q.prepare(QStringLiteral("INSERT INTO %1(id, name) VALUES (?, ?)").arg(QLatin1String(table)));
        for (int i = 0; i < list.size(); ++i)
            if (!exec(q, {i + 1, list.at(i)}))
                return false;
        return true;
    };
    if (!names("teams", w.teams) || !names("sites", w.sites) || !names("queues", w.queues) ||
        !names("channels", w.channels) || !names("root_causes", w.causes) || !names("custom_dimensions", w.customNames))
        return false;
    q.prepare(QStringLiteral("INSERT INTO auditors(id, auditor_key) VALUES (?, ?)"));
    for (int i = 0; i < w.auditors.size(); ++i)
        if (!exec(q, {i + 1, w.auditors.at(i)}))
            return false;
    q.prepare(QStringLiteral(
        "INSERT INTO agents(id, agent_key, name, hire_date, created_at) VALUES (?, ?, ?, ?, '2026-01-01')"));
    for (int i = 0; i < w.agents.size(); ++i)
        if (!exec(q, {i + 1, w.agents[i].key, orNull(w.agents[i].name),
                      w.agents[i].hire.isValid() ? QVariant(w.agents[i].hire.toString(Qt::ISODate)) : QVariant()}))
            return false;
    q.prepare(QStringLiteral(
        "INSERT INTO agent_history(agent_id, valid_from, team_id, site_id, supervisor) VALUES (?, ?, ?, ?, ?)"));
    for (const History &h : w.history)
        if (!exec(q, {h.agent + 1, h.from.toString(Qt::ISODate), orNull(h.team), orNull(h.site), orNull(h.supervisor)}))
            return false;
    q.prepare(QStringLiteral("INSERT INTO scorecards(id, name, version, valid_from, definition_json, created_at) "
                             "VALUES (?, ?, ?, '2025-01-01', '{}', '2025-01-01')"));
    for (int i = 0; i < w.scorecards.size(); ++i)
        if (!exec(q, {i + 1, w.scorecards[i].name, w.scorecards[i].version}))
            return false;
    QSqlQuery sec(db);
    sec.prepare(QStringLiteral("INSERT INTO scorecard_sections(scorecard_id, position, name) VALUES (?, ?, ?)"));
    q.prepare(QStringLiteral("INSERT INTO criteria(id, scorecard_id, section_id, position, key, name, scale_kind, "
                             "scale_min, scale_max, pass_level) "
                             "VALUES (?, ?, ?, ?, ?, ?, 'range', 1, 5, ?)"));
    std::map<std::pair<int, QString>, qint64> sectionIds;
    for (int k = 0; k < w.criteria.size(); ++k) {
        const Criterion &c = w.criteria[k];
        auto [it, fresh] = sectionIds.emplace(std::make_pair(c.scorecard, c.section), 0);
        if (fresh) {
            if (!exec(sec, {c.scorecard + 1, int(sectionIds.size()), c.section}))
                return false;
            it->second = sec.lastInsertId().toLongLong();
        }
        if (!exec(q, {k + 1, c.scorecard + 1, it->second, k, c.key, c.key, c.passLevel}))
            return false;
    }
    q.prepare(QStringLiteral(
        "INSERT INTO audits(id, audit_key, ticket_id, date, date_time, interaction_date, day, week, month, quarter, "
        "i_day, i_week, i_month, i_quarter, agent_id, auditor_id, team_id, site_id, supervisor, queue_id, "
        "channel_id, sample_type, scorecard_id, score, raw_score, passed, critical_fail, critical_families, "
        "incomplete) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const Audit &a : w.audits) {
        const PeriodKeys k = PeriodKeys::of(a.date), ik = PeriodKeys::of(a.interaction);
        auto ikey = [&](int v) { return a.interaction.isValid() ? QVariant(v) : QVariant(QMetaType(QMetaType::Int)); };
        if (!exec(q,
                  {a.id,
                   QStringLiteral("A%1").arg(a.id),
                   orNull(a.ticket),
                   a.date.toString(Qt::ISODate),
                   a.time.isEmpty() ? QVariant() : QVariant(a.date.toString(Qt::ISODate) + QLatin1Char('T') + a.time),
                   a.interaction.isValid() ? QVariant(a.interaction.toString(Qt::ISODate)) : QVariant(),
                   k.day,
                   k.week,
                   k.month,
                   k.quarter,
                   ikey(ik.day),
                   ikey(ik.week),
                   ikey(ik.month),
                   ikey(ik.quarter),
                   a.agent + 1,
                   orNull(a.auditor),
                   orNull(a.team),
                   orNull(a.site),
                   orNull(a.supervisor),
                   orNull(a.queue),
                   orNull(a.channel),
                   a.sampleType,
                   a.scorecard + 1,
                   orNull(a.score),
                   orNull(a.raw),
                   int(a.passed),
                   int(a.critical),
                   a.families,
                   int(a.incomplete)}))
            return false;
    }
    q.prepare(QStringLiteral("UPDATE audits SET superseded_by = ? WHERE id = ?"));
    for (const Audit &a : w.audits)
        if (a.supersededBy && !exec(q, {a.supersededBy, a.id}))
            return false;
    q.prepare(QStringLiteral("INSERT INTO audit_dimensions(audit_id, dimension_id, value) VALUES (?, ?, ?)"));
    for (const Audit &a : w.audits)
        for (auto it = a.custom.begin(); it != a.custom.end(); ++it)
            if (!exec(q, {a.id, it.key() + 1, it.value()}))
                return false;
    q.prepare(
        QStringLiteral("INSERT INTO answers(id, audit_id, criterion_id, value, na, c) VALUES (?, ?, ?, ?, ?, ?)"));
    QSqlQuery rc(db);
    rc.prepare(QStringLiteral("INSERT INTO answer_root_causes(answer_id, root_cause_id) VALUES (?, ?)"));
    for (const Answer &an : w.answers) {
        if (!exec(q, {an.id, w.audits[an.audit].id, an.criterion + 1, orNull(an.value), int(an.na), orNull(an.c)}))
            return false;
        for (int c : an.causes)
            if (!exec(rc, {an.id, c + 1}))
                return false;
    }
    q.prepare(QStringLiteral(
        "INSERT INTO csat_responses(id, response_key, ticket_id, date, date_time, day, week, month, quarter, score, "
        "scale, satisfied, dissatisfied, agent_id, team_id, site_id, supervisor, queue_id, channel_id, reason) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const Response &s : w.responses) {
        const PeriodKeys k = PeriodKeys::of(s.date);
        if (!exec(q,
                  {s.id,
                   QStringLiteral("R%1").arg(s.id),
                   orNull(s.ticket),
                   s.date.toString(Qt::ISODate),
                   s.time.isEmpty() ? QVariant() : QVariant(s.date.toString(Qt::ISODate) + QLatin1Char(' ') + s.time),
                   k.day,
                   k.week,
                   k.month,
                   k.quarter,
                   s.score,
                   s.scale,
                   int(s.satisfied),
                   int(s.dissatisfied),
                   orNull(s.agent),
                   orNull(s.team),
                   orNull(s.site),
                   orNull(s.supervisor),
                   orNull(s.queue),
                   orNull(s.channel),
                   orNull(s.reason)}))
            return false;
    }
    q.prepare(QStringLiteral("INSERT INTO csat_dimensions(response_id, dimension_id, value) VALUES (?, ?, ?)"));
    for (const Response &s : w.responses)
        for (auto it = s.custom.begin(); it != s.custom.end(); ++it)
            if (!exec(q, {s.id, it.key() + 1, it.value()}))
                return false;
    return db.commit();
}

// ---- Random specs --------------------------------------------------------------------------------

// A random spec over the dimensions of a source, with labels drawn from its facts.
inline PivotSpec randomSpec(Rng &r, const QStringList &dimensions,
                            const std::function<QStringList(const QString &)> &labelsOf, PivotSource source)
{
    PivotSpec spec;
    spec.source = source;
    QStringList dims = dimensions;
    auto takeDim = [&]() {
        // Periods and the multi-valued dimensions come up more often than their share.
        static const QStringList favourites{"month", "week", "critical_family", "root_cause", "day", "quarter"};
        if (r.chance(0.4))
            for (int tries = 0; tries < 3; ++tries)
                if (const QString f = r.pick(favourites); dims.contains(f))
                    return dims.takeAt(dims.indexOf(f));
        return dims.takeAt(r.below(int(dims.size())));
    };
    for (int i = 0, n = r.below(3); i < n && !dims.isEmpty(); ++i)
        spec.rows << takeDim();
    for (int i = 0, n = r.below(3); i < n && !dims.isEmpty(); ++i)
        spec.cols << takeDim();
    const QStringList allDims = dimensions;
    QStringList pool{QStringLiteral("count"), QStringLiteral("count_distinct(%1)").arg(r.pick(allDims))};
    if (source == PivotSource::Audits)
        pool << QStringList{"audits",
                            "audits_total",
                            "qa_score",
                            "raw_score",
                            "pass_rate",
                            "critical_rate",
                            "critical_rate(customer)",
                            "accuracy(business)",
                            "csat_responses",
                            "csat_pct",
                            "dsat_pct",
                            "csat_mean",
                            "nps",
                            "sum(score)",
                            "avg(raw_score)",
                            "min(score)",
                            "max(csat)",
                            "median(score)",
                            "p90(score)",
                            "p10(raw_score)",
                            "stddev(score)",
                            "median(csat)"};
    else if (source == PivotSource::Answers)
        pool << QStringList{"compliance", "criterion_pass_rate", "na_rate", "avg(c)",     "sum(value)", "median(c)",
                            "p25(value)", "stddev(c)",           "min(c)",  "max(value)", "p99(c)"};
    else
        pool << QStringList{"csat_responses", "csat_pct",      "dsat_pct",  "csat_mean",    "nps",
                            "avg(csat)",      "median(score)", "p75(csat)", "stddev(csat)", "sum(csat)"};
    for (int i = 0, n = 1 + r.below(3); i < n; ++i)
        if (const QString m = r.pick(pool); !spec.measures.contains(m))
            spec.measures << m;
    for (int i = 0, n = r.below(3); i < n; ++i) {
        const QString d = r.pick(allDims);
        if (spec.filterOn(d))
            continue;
        PivotFilter f{d, r.chance(0.4), {}};
        const QStringList labels = labelsOf(d);
        for (int k = 0, m = 1 + r.below(2); k < m && !labels.isEmpty(); ++k)
            f.values << r.pick(labels);
        if (r.chance(0.2))
            f.values << QStringLiteral("nope");
        spec.filters << f;
    }
    if (r.chance(0.3)) {
        if (r.chance(0.7))
            spec.from = QDate(2025, 12, 20).addDays(r.below(60));
        if (r.chance(0.7))
            spec.to = QDate(2026, 1, 10).addDays(r.below(60));
        if (spec.from.isValid() && spec.to.isValid() && spec.from > spec.to)
            std::swap(spec.from, spec.to);
    }
    const int totals = r.below(10);
    spec.totals = totals < 4   ? PivotTotals::all()
                  : totals < 7 ? PivotTotals{}
                               : PivotTotals{r.chance(0.5), r.chance(0.5), r.chance(0.5)};
    if (r.chance(0.3)) {
        const QString m = r.pick(spec.measures);
        const bool additive = m == QLatin1String("count") || m.startsWith(QLatin1String("sum("));
        spec.showAs.append({m, additive ? r.pick(QList<PivotShowAs>{PivotShowAs::PctGrand, PivotShowAs::PctRow,
                                                                    PivotShowAs::PctCol, PivotShowAs::DiffPrevCol})
                                        : PivotShowAs::DiffPrevCol});
    }
    if (r.chance(0.35) && !(spec.rows.isEmpty() && spec.cols.isEmpty())) {
        PivotSort sort;
        sort.axis = spec.cols.isEmpty() || (!spec.rows.isEmpty() && r.chance(0.6)) ? PivotSort::Axis::Rows
                                                                                   : PivotSort::Axis::Cols;
        sort.by = r.chance(0.3) ? QStringLiteral("label") : r.chance(0.7) ? r.pick(spec.measures) : r.pick(pool);
        sort.descending = r.chance(0.5);
        const QStringList &other = sort.axis == PivotSort::Axis::Rows ? spec.cols : spec.rows;
        for (int j = 0, n = r.below(int(other.size()) + 1); j < n; ++j) {
            const QStringList labels = labelsOf(other[j]);
            sort.at << (r.chance(0.2) || labels.isEmpty() ? Total : r.pick(labels));
            if (sort.at.last() == Total)
                break;
        }
        spec.sort = sort;
    }
    if (r.chance(0.3) && !spec.rows.isEmpty())
        spec.top = PivotTop{1 + r.below(3), r.chance(0.7) ? r.pick(spec.measures) : r.pick(pool), r.chance(0.5)};
    return spec;
}

// ---- What the oracle sees of the world: every fact with its member labels -----------------------

struct Fact
{
    std::map<QString, QStringList> members; // dimension -> labels (several for multi-valued)
    QDate periodDate;
    double score = NaN, raw = NaN, csat = NaN, value = NaN, c = NaN;
    bool eligible = false, passed = false, critical = false, hasCsat = false, satisfied = false, dissatisfied = false;
    bool na = false, rated = false, passes = false;
    int families = 0;
    QString scale;
};

using Tuple = QStringList;

// Ties are judged on values rounded to 12 significant digits (analysis.md's ties, robust to the
// last bit of a sum): printf-style rounding, written independently of the engine's.
inline std::optional<PivotValue> tieRounded(std::optional<PivotValue> v)
{
    if (v)
        v->value = QString::number(v->value, 'g', 12).toDouble();
    return v;
}

} // namespace pivotworld

// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpiengine.h"

#include "criteriongap.h"
#include "stats/hypothesistests.h"
#include "stats/intervals.h"
#include "store/projectsettings.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace ql {

namespace {

struct Moments
{
    double mean = 0;
    double sd = 0;
};

Moments moments(double sum, double squares, qint64 n)
{
    if (n <= 0)
        return {};
    const double mean = sum / double(n);
    if (n == 1)
        return {mean, 0};
    double variance = (squares - double(n) * mean * mean) / double(n - 1);
    // Sums of squares lose the last digits: a spread this small is "all values equal".
    if (variance < 1e-9 * std::max(1.0, mean * mean))
        variance = 0;
    return {mean, std::sqrt(variance)};
}

void fill(KpiValue &k, const stats::Estimate &e)
{
    k.value = e.value;
    k.n = e.n;
    k.ciLow = e.ciLow;
    k.ciHigh = e.ciHigh;
    k.clipped = e.clipped;
    k.note = e.note;
}

KpiValue meanKpi(double sum, double squares, qint64 n, qint64 minN)
{
    KpiValue k;
    const Moments m = moments(sum, squares, n);
    fill(k, stats::meanInterval(m.mean, m.sd, n, 0, 100));
    k.smallSample = n < minN;
    return k;
}

KpiValue rateKpi(qint64 x, qint64 n, qint64 minN, bool lowerIsBetter = false)
{
    KpiValue k;
    fill(k, stats::wilsonInterval(x, n).scaled(100));
    k.smallSample = n < minN;
    k.lowerIsBetter = lowerIsBetter;
    return k;
}

KpiValue countKpi(qint64 n, qint64 minN)
{
    KpiValue k;
    k.value = double(n);
    k.n = n;
    k.smallSample = n < minN;
    return k;
}

void setPreviousMean(KpiValue &k, double sum, double squares, qint64 n)
{
    if (n <= 0 || !k.value)
        return;
    const Moments before = moments(sum, squares, n);
    k.previous = before.mean;
    k.delta = *k.value - before.mean;
}

void setPreviousRate(KpiValue &k, qint64 x1, qint64 n1, qint64 x0, qint64 n0)
{
    if (n0 <= 0 || !k.value)
        return;
    k.previous = 100.0 * double(x0) / double(n0);
    k.delta = *k.value - *k.previous;
    k.deltaSignificant = stats::twoProportionZTest(x1, n1, x0, n0).significant();
}

void setStatus(KpiValue &k, std::optional<double> target)
{
    k.target = target;
    if (!target || !k.value || k.smallSample) {
        k.status = KpiValue::Status::None;
        return;
    }
    const bool good = k.lowerIsBetter ? *k.value <= *target : *k.value >= *target;
    if (good) {
        k.status = KpiValue::Status::Good;
        return;
    }
    const bool reaches = k.lowerIsBetter ? (k.ciLow && *k.ciLow <= *target) : (k.ciHigh && *k.ciHigh >= *target);
    k.status = reaches ? KpiValue::Status::Watch : KpiValue::Status::Bad;
}

QString poolKey(const QString &scorecard, const QString &key)
{
    return scorecard + QChar(31) + key;
}

struct Compliance
{
    double p = 0; // mean c
    qint64 n = 0; // rated answers
};

QHash<QString, Compliance> complianceByKey(const QList<CriterionSums> &list)
{
    QHash<QString, Compliance> out;
    for (const CriterionSums &c : list)
        if (c.rated > 0 && !out.contains(poolKey(c.scorecard, c.key)))
            out.insert(poolKey(c.scorecard, c.key), {c.cSum / double(c.rated), c.rated});
    return out;
}

} // namespace

QString KpiValue::statusName(Status status)
{
    switch (status) {
    case Status::Good:
        return QStringLiteral("good");
    case Status::Watch:
        return QStringLiteral("watch");
    case Status::Bad:
        return QStringLiteral("bad");
    case Status::None:
        break;
    }
    return {};
}

KpiEngine::KpiEngine(const QSqlDatabase &db)
    : m_db(db), m_queries(KpiQueries::forProject(db))
{
    const ProjectSettings settings(db);
    m_minAudits = settings.minSampleAudits();
    m_minResponses = settings.minSampleResponses();
}

KpiReport KpiEngine::headline(const KpiSlice &slice, const KpiPeriod &period) const
{
    KpiReport r;
    r.slice = slice;
    r.name = m_queries.sliceName(slice);
    r.period = period;
    r.previousPeriod = period.previous();
    r.minSampleAudits = m_minAudits;
    r.minSampleResponses = m_minResponses;
    if (slice.kind == KpiSlice::Kind::Agent)
        r.team = m_queries.teamOfAgent(slice.id, period.to);
    else if (slice.kind == KpiSlice::Kind::Team)
        r.team = slice.id;

    const AuditSums now = m_queries.audits(slice, period.from, period.to);
    const AuditSums before = m_queries.audits(slice, r.previousPeriod.from, r.previousPeriod.to);
    r.scorecardVersions = now.versions;

    r.audits = countKpi(now.n, m_minAudits);
    if (before.total > 0 || before.n > 0) {
        r.audits.previous = double(before.n);
        r.audits.delta = double(now.n - before.n);
    }
    r.auditsTotal = countKpi(now.total, 0);
    r.auditsTotal.smallSample = false;
    if (before.total > 0) {
        r.auditsTotal.previous = double(before.total);
        r.auditsTotal.delta = double(now.total - before.total);
    }

    r.qaScore = meanKpi(now.scoreSum, now.scoreSquares, now.n, m_minAudits);
    setPreviousMean(r.qaScore, before.scoreSum, before.scoreSquares, before.n);
    r.rawScore = meanKpi(now.rawSum, now.rawSquares, now.n, m_minAudits);
    setPreviousMean(r.rawScore, before.rawSum, before.rawSquares, before.n);
    for (auto [k, s0, q0, n0, s1, q1, n1] :
         {std::tuple{&r.qaScore, before.scoreSum, before.scoreSquares, before.n, now.scoreSum, now.scoreSquares, now.n},
          std::tuple{&r.rawScore, before.rawSum, before.rawSquares, before.n, now.rawSum, now.rawSquares, now.n}}) {
        if (!k->delta)
            continue;
        const Moments m1 = moments(s1, q1, n1);
        const Moments m0 = moments(s0, q0, n0);
        k->deltaSignificant = stats::welchTTest(m1.mean, m1.sd, n1, m0.mean, m0.sd, n0).significant();
    }

    r.passRate = rateKpi(now.passed, now.n, m_minAudits);
    setPreviousRate(r.passRate, now.passed, now.n, before.passed, before.n);
    r.criticalRate = rateKpi(now.critical, now.n, m_minAudits, true);
    setPreviousRate(r.criticalRate, now.critical, now.n, before.critical, before.n);
    r.criticalCustomer = rateKpi(now.customer, now.n, m_minAudits, true);
    setPreviousRate(r.criticalCustomer, now.customer, now.n, before.customer, before.n);
    r.criticalBusiness = rateKpi(now.business, now.n, m_minAudits, true);
    setPreviousRate(r.criticalBusiness, now.business, now.n, before.business, before.n);
    r.criticalCompliance = rateKpi(now.compliance, now.n, m_minAudits, true);
    setPreviousRate(r.criticalCompliance, now.compliance, now.n, before.compliance, before.n);

    const ResponseSums csat = m_queries.responses(slice, period.from, period.to);
    const ResponseSums csatBefore = m_queries.responses(slice, r.previousPeriod.from, r.previousPeriod.to);
    r.csatPct = rateKpi(csat.satisfied, csat.n, m_minResponses);
    setPreviousRate(r.csatPct, csat.satisfied, csat.n, csatBefore.satisfied, csatBefore.n);
    r.csatResponses = countKpi(csat.n, m_minResponses);
    if (csatBefore.n > 0) {
        r.csatResponses.previous = double(csatBefore.n);
        r.csatResponses.delta = double(csat.n - csatBefore.n);
    }

    // Targets: the most specific scope; the QA score's defaults to the scorecard's pass threshold.
    const auto cards = m_queries.scorecards(slice, period.from, period.to);
    const QString scorecard = cards.size() == 1 ? cards.first().first : QString();
    const QString queue = slice.kind == KpiSlice::Kind::Queue ? slice.id : QString();
    auto target = [&](const char *kpi) {
        return m_queries.target(QString::fromLatin1(kpi), r.team, queue, scorecard, period.to);
    };
    std::optional<double> qaTarget = target("qa_score");
    if (!qaTarget && cards.size() == 1)
        qaTarget = cards.first().second;
    setStatus(r.qaScore, qaTarget);
    setStatus(r.rawScore, target("raw_score"));
    setStatus(r.passRate, target("pass_rate"));
    setStatus(r.criticalRate, target("critical_rate"));
    setStatus(r.csatPct, target("csat_pct"));
    setStatus(r.criticalCustomer, target("critical_rate(customer)"));
    setStatus(r.criticalBusiness, target("critical_rate(business)"));
    setStatus(r.criticalCompliance, target("critical_rate(compliance)"));
    return r;
}

KpiReport KpiEngine::fromSums(const AuditSums &sums, int minSampleAudits)
{
    KpiReport r;
    r.minSampleAudits = minSampleAudits;
    r.scorecardVersions = sums.versions;
    r.audits = countKpi(sums.n, minSampleAudits);
    r.auditsTotal = countKpi(sums.total, 0);
    r.qaScore = meanKpi(sums.scoreSum, sums.scoreSquares, sums.n, minSampleAudits);
    r.rawScore = meanKpi(sums.rawSum, sums.rawSquares, sums.n, minSampleAudits);
    r.passRate = rateKpi(sums.passed, sums.n, minSampleAudits);
    r.criticalRate = rateKpi(sums.critical, sums.n, minSampleAudits, true);
    r.criticalCustomer = rateKpi(sums.customer, sums.n, minSampleAudits, true);
    r.criticalBusiness = rateKpi(sums.business, sums.n, minSampleAudits, true);
    r.criticalCompliance = rateKpi(sums.compliance, sums.n, minSampleAudits, true);
    return r;
}

KpiReport KpiEngine::report(const KpiSlice &slice, const KpiPeriod &period) const
{
    KpiReport r = headline(slice, period);
    // Criterion breakdown against the team (agents) or the whole population (the slice's own sums
    // when the slice is the whole population: the answers of a period are read once).
    const QList<CriterionSums> criteria = m_queries.criteria(slice, period.from, period.to);
    QHash<QString, Compliance> team;
    if (slice.kind == KpiSlice::Kind::Agent && !r.team.isEmpty())
        team = complianceByKey(m_queries.criteria({KpiSlice::Kind::Team, r.team}, period.from, period.to));
    const QHash<QString, Compliance> population =
        slice.kind == KpiSlice::Kind::All
            ? complianceByKey(criteria)
            : complianceByKey(m_queries.criteria({KpiSlice::Kind::All, {}}, period.from, period.to));
    for (const CriterionSums &c : criteria) {
        CriterionKpi k;
        k.key = c.key;
        k.name = c.name;
        k.scorecard = c.scorecard;
        k.versions = c.versions;
        const Moments m = moments(100.0 * c.cSum, 10000.0 * c.cSquares, c.rated);
        fill(k.compliance, stats::meanInterval(m.mean, m.sd, c.rated, 0, 100));
        k.compliance.smallSample = c.rated < m_minAudits;
        k.criterionPassRate = rateKpi(c.passed, c.rated, m_minAudits);
        k.naRate = rateKpi(c.na, c.answers, m_minAudits, true);
        const QString pk = poolKey(c.scorecard, c.key);
        const double p = c.rated > 0 ? c.cSum / double(c.rated) : 0.0;
        if (team.contains(pk))
            k.teamCompliance = 100.0 * team.value(pk).p;
        if (population.contains(pk))
            k.populationCompliance = 100.0 * population.value(pk).p;
        const bool agent = slice.kind == KpiSlice::Kind::Agent;
        const auto gapTo = [&](const QHash<QString, Compliance> &reference) {
            if (!reference.contains(pk))
                return std::optional<CriterionGap>();
            return criterionGap(p, c.rated, reference.value(pk).p, reference.value(pk).n);
        };
        const std::optional<double> reference = agent ? k.teamCompliance : k.populationCompliance;
        if (reference && k.compliance.value)
            k.gap = *k.compliance.value - *reference;
        if (const auto g = gapTo(agent ? team : population)) {
            k.gapSe = g->se;
            k.gapZ = g->z;
        }
        if (agent) {
            if (const auto g = gapTo(population)) {
                k.populationGap = g->gap;
                k.populationGapSe = g->se;
            }
        }
        r.criteria << k;
    }
    rankCriteriaByGap(r.criteria, m_minAudits);
    r.rootCauses = m_queries.rootCauses(slice, period.from, period.to);
    return r;
}

namespace {

QList<RankedMember> members(const QList<GroupSums> &groups, int minAudits)
{
    QList<RankedMember> out;
    for (const GroupSums &g : groups) {
        RankedMember m;
        m.key = g.key;
        m.name = g.name;
        m.qaScore = meanKpi(g.sums.scoreSum, g.sums.scoreSquares, g.sums.n, minAudits);
        m.rawScore = meanKpi(g.sums.rawSum, g.sums.rawSquares, g.sums.n, minAudits);
        m.passRate = rateKpi(g.sums.passed, g.sums.n, minAudits);
        m.auditsTotal = g.sums.total;
        m.scoreSd = moments(g.sums.scoreSum, g.sums.scoreSquares, g.sums.n).sd;
        out << m;
    }
    return out;
}

} // namespace

QList<RankedMember> KpiEngine::ranking(const KpiSlice &slice, const KpiPeriod &period) const
{
    QList<RankedMember> out = members(m_queries.byAgent(slice, period.from, period.to), m_minAudits);
    // Ranked ones by QA score (ties: more audits first, then key); small samples after, by key.
    std::stable_sort(out.begin(), out.end(), [](const RankedMember &a, const RankedMember &b) {
        const bool ra = !a.qaScore.smallSample && a.qaScore.value;
        const bool rb = !b.qaScore.smallSample && b.qaScore.value;
        if (ra != rb)
            return ra;
        if (!ra)
            return a.key < b.key;
        if (*a.qaScore.value != *b.qaScore.value)
            return *a.qaScore.value > *b.qaScore.value;
        if (a.qaScore.n != b.qaScore.n)
            return a.qaScore.n > b.qaScore.n;
        return a.key < b.key;
    });
    int rank = 0;
    for (RankedMember &m : out)
        m.rank = !m.qaScore.smallSample && m.qaScore.value ? ++rank : 0;
    return out;
}

QList<RankedMember> KpiEngine::auditors(const KpiSlice &slice, const KpiPeriod &period) const
{
    return members(m_queries.byAuditor(slice, period.from, period.to), m_minAudits);
}

QList<AuditorLeniency> KpiEngine::leniency(const KpiSlice &slice, const KpiPeriod &period) const
{
    return auditorLeniency(m_queries.auditorCells(slice, period.from, period.to));
}

QList<KpiEngine::TrendPoint> KpiEngine::trend(const KpiSlice &slice, const KpiPeriod &period, int count) const
{
    QList<TrendPoint> out;
    KpiPeriod p = period;
    const auto cards = m_queries.scorecards(slice, period.from, period.to);
    const QString team = slice.kind == KpiSlice::Kind::Agent ? m_queries.teamOfAgent(slice.id, period.to)
                         : slice.kind == KpiSlice::Kind::Team ? slice.id
                                                              : QString();
    for (int i = 0; i < count; ++i) {
        const AuditSums s = m_queries.audits(slice, p.from, p.to);
        TrendPoint t;
        t.period = p;
        t.qaScore = meanKpi(s.scoreSum, s.scoreSquares, s.n, m_minAudits);
        t.passRate = rateKpi(s.passed, s.n, m_minAudits);
        t.target = m_queries.target(QStringLiteral("qa_score"), team,
                                    slice.kind == KpiSlice::Kind::Queue ? slice.id : QString(),
                                    cards.size() == 1 ? cards.first().first : QString(), p.to);
        if (!t.target && cards.size() == 1)
            t.target = cards.first().second;
        out.prepend(t);
        p = p.previous();
    }
    return out;
}

} // namespace ql

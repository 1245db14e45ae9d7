// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationmetrics.h"

#include "criterioncategories.h"
#include "scoring/scorerounding.h"
#include "scoring/scoringengine.h"
#include "stats/gwet.h"
#include "stats/kappa.h"
#include "stats/krippendorff.h"

#include <algorithm>
#include <cmath>

namespace ql {

namespace {

using stats::AgreementResult;
using stats::Ratings;

std::vector<AnswerInput> inputsOf(const CalibrationSheet &sheet, int n)
{
    std::vector<AnswerInput> in(std::size_t(n), AnswerInput::missing());
    for (int i = 0; i < n && i < sheet.size(); ++i)
        in[std::size_t(i)] = {sheet.at(i).state, sheet.at(i).value};
    return in;
}

bool anyAnswer(const CalibrationSheet &sheet)
{
    return std::any_of(sheet.begin(), sheet.end(), [](const CalibrationAnswer &a) { return !a.isMissing(); });
}

std::optional<double> rawScoreOf(const ScoringEngine &engine, const CalibrationSheet &sheet)
{
    if (!anyAnswer(sheet))
        return std::nullopt;
    const auto in = inputsOf(sheet, engine.criterionCount());
    return engine.score(in).rawScore;
}

std::optional<double> median(std::vector<double> v)
{
    if (v.empty())
        return std::nullopt;
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

std::optional<double> sampleSd(const std::vector<double> &v)
{
    if (v.size() < 2)
        return std::nullopt;
    double mean = 0;
    for (double x : v)
        mean += x;
    mean /= double(v.size());
    double ss = 0;
    for (double x : v)
        ss += (x - mean) * (x - mean);
    return std::sqrt(ss / double(v.size() - 1));
}

std::optional<double> meanOf(const std::vector<double> &v)
{
    if (v.empty())
        return std::nullopt;
    double s = 0;
    for (double x : v)
        s += x;
    return s / double(v.size());
}

bool criticalFailure(const Criterion &criterion, const CalibrationAnswer &a)
{
    return a.isRated() && criterion.scale.c(a.value) < 0.5;
}

// The per-criterion alignment of calibration.md: both N/A 1, N/A against rated 0, both rated
// 1 − |c_p − c_b|; none when either side is missing.
std::optional<double> criterionAlignment(const Criterion &criterion, const CalibrationAnswer &p,
                                         const CalibrationAnswer &b)
{
    if (p.isMissing() || b.isMissing())
        return std::nullopt;
    if (p.isNotApplicable() || b.isNotApplicable())
        return p.isNotApplicable() && b.isNotApplicable() ? 1.0 : 0.0;
    return 1 - std::fabs(criterion.scale.c(p.value) - criterion.scale.c(b.value));
}

} // namespace

QString calibrationBaselineName(CalibrationBaseline baseline)
{
    switch (baseline) {
    case CalibrationBaseline::Expert:
        return QStringLiteral("expert");
    case CalibrationBaseline::Consensus:
        return QStringLiteral("consensus");
    case CalibrationBaseline::Group:
        return QStringLiteral("group");
    }
    return {};
}

std::optional<double> calibrationRawScore(const Scorecard &card, const CalibrationSheet &sheet)
{
    return rawScoreOf(ScoringEngine(card), sheet);
}

CalibrationMetrics computeCalibrationMetrics(const CalibrationSessionData &data,
                                             const CalibrationMetricsOptions &options)
{
    CalibrationMetrics m;
    m.tolerance = options.tolerance;
    m.disagreementThreshold = options.disagreementThreshold;
    const ScoringEngine engine(data.card);
    const int nCriteria = data.card.criterionCount();
    const int nItems = int(data.items.size());
    const int nPeople = int(data.participants.size());
    const int expert = data.expertIndex();

    QList<CriterionCategories> categories;
    for (int c = 0; c < nCriteria; ++c)
        categories.append(CriterionCategories::of(data.card.criterionAt(c)));

    // The baseline.
    bool anyConsensus = false;
    for (const CalibrationSheet &s : data.consensus)
        anyConsensus = anyConsensus || anyAnswer(s);
    const bool resolved = data.info.state == CalibrationState::Resolved || data.info.state == CalibrationState::Closed;
    m.baseline = resolved && anyConsensus ? CalibrationBaseline::Consensus
                 : expert >= 0            ? CalibrationBaseline::Expert
                                          : CalibrationBaseline::Group;

    // Raters for spreads and agreement: everyone, the expert too unless excluded.
    QList<int> raters;
    for (int p = 0; p < nPeople; ++p)
        if (p != expert || options.expertAsRater)
            raters.append(p);
    for (int p : raters)
        m.raters.append(data.participants.at(p).name);

    // Raw scores and the items' baselines.
    for (int i = 0; i < nItems; ++i) {
        ItemCalibration item;
        item.id = data.items.at(i).id;
        item.ticketId = data.items.at(i).ticketId;
        for (int p = 0; p < nPeople; ++p)
            item.rawScores.append(rawScoreOf(engine, data.answers[std::size_t(i)][std::size_t(p)]));
        switch (m.baseline) {
        case CalibrationBaseline::Consensus:
            item.baseline = data.consensus[std::size_t(i)];
            item.baselineRaw = rawScoreOf(engine, item.baseline);
            break;
        case CalibrationBaseline::Expert:
            item.baseline = data.answers[std::size_t(i)][std::size_t(expert)];
            item.baselineRaw = item.rawScores.at(expert);
            break;
        case CalibrationBaseline::Group: {
            item.baseline = CalibrationSheet(nCriteria);
            for (int c = 0; c < nCriteria; ++c) {
                QList<int> counts(categories.at(c).categories.size(), 0);
                for (int p = 0; p < nPeople; ++p) {
                    const int k = categories.at(c).indexOf(data.answer(i, p, c));
                    if (k >= 0)
                        ++counts[k];
                }
                const auto top = std::max_element(counts.begin(), counts.end());
                if (top != counts.end() && *top > 0 && std::count(counts.begin(), counts.end(), *top) == 1)
                    item.baseline[c] = categories.at(c).answerAt(int(top - counts.begin()));
            }
            std::vector<double> raws;
            for (const auto &r : item.rawScores)
                if (r)
                    raws.push_back(*r);
            item.baselineRaw = median(raws);
            break;
        }
        }

        // Spreads and answer distributions over the raters.
        std::vector<double> raws;
        for (int p : raters)
            if (item.rawScores.at(p))
                raws.push_back(*item.rawScores.at(p));
        item.spreadSd = sampleSd(raws);
        for (int c = 0; c < nCriteria; ++c) {
            QList<int> counts(categories.at(c).categories.size(), 0);
            int answers = 0;
            for (int p : raters) {
                const int k = categories.at(c).indexOf(data.answer(i, p, c));
                if (k >= 0) {
                    ++counts[k];
                    ++answers;
                }
            }
            std::optional<double> spread;
            if (answers > 0)
                spread = 1 - double(*std::max_element(counts.begin(), counts.end())) / answers;
            item.distribution.append(counts);
            item.criterionSpread.append(spread);
            if (spread && *spread * 100 > options.disagreementThreshold + 1e-9)
                item.flaggedCriteria.append(data.card.criterionAt(c).key);
        }
        m.items.append(item);
    }

    // Participants against the baseline.
    std::vector<double> alignments;
    for (int p = 0; p < nPeople; ++p) {
        if (m.baseline == CalibrationBaseline::Expert && p == expert)
            continue;
        ParticipantCalibration pc;
        pc.participant = p;
        pc.id = data.participants.at(p).id;
        pc.name = data.participants.at(p).name;
        pc.expert = data.participants.at(p).expert;
        std::vector<double> deviations, itemAlignments;
        int within = 0, applicable = 0, applicableAgree = 0;
        for (int i = 0; i < nItems; ++i) {
            const ItemCalibration &item = m.items.at(i);
            const CalibrationSheet &sheet = data.answers[std::size_t(i)][std::size_t(p)];
            pc.itemsScored += anyAnswer(sheet) ? 1 : 0;
            std::optional<double> d;
            if (item.rawScores.at(p) && item.baselineRaw) {
                d = roundScore6(*item.rawScores.at(p) - *item.baselineRaw);
                deviations.push_back(*d);
                within += std::fabs(*d) <= options.tolerance + 1e-9 ? 1 : 0;
            }
            pc.deviation.append(d);

            double weighted = 0, weights = 0;
            for (int c = 0; c < nCriteria; ++c) {
                const Criterion &criterion = data.card.criterionAt(c);
                const CalibrationAnswer &a = sheet.value(c);
                const CalibrationAnswer &b = item.baseline.value(c);
                const auto align = criterionAlignment(criterion, a, b);
                if (!align)
                    continue;
                const double e = engine.nominalEffectiveWeight(c);
                weighted += e * *align;
                weights += e;
                if (criterion.allowNa) {
                    ++applicable;
                    applicableAgree += a.isNotApplicable() == b.isNotApplicable() ? 1 : 0;
                }
                if (criterion.isCritical()) {
                    const bool pf = criticalFailure(criterion, a), bf = criticalFailure(criterion, b);
                    if (pf != bf) {
                        ++pc.criticalMismatches;
                        m.criticalMismatches.append({p, i, c, bf});
                    }
                }
            }
            std::optional<double> ia;
            if (weights > 0) {
                ia = weighted / weights;
                itemAlignments.push_back(*ia);
            }
            pc.itemAlignment.append(ia);
        }
        pc.itemsCompared = int(deviations.size());
        pc.alignment = meanOf(itemAlignments);
        pc.meanSignedDeviation = meanOf(deviations);
        std::vector<double> absolute;
        for (double d : deviations)
            absolute.push_back(std::fabs(d));
        pc.meanAbsDeviation = meanOf(absolute);
        if (!deviations.empty())
            pc.withinTolerancePct = 100.0 * within / double(deviations.size());
        if (applicable > 0)
            pc.applicabilityAgreement = double(applicableAgree) / applicable;
        if (pc.alignment)
            alignments.push_back(*pc.alignment);
        m.participants.append(pc);
    }
    if (const auto mean = meanOf(alignments))
        m.sessionScore = 100 * *mean;

    // Agreement statistics per criterion, over the raters, each item a unit.
    QStringList units;
    for (const CalibrationItem &it : data.items)
        units.append(QString::number(it.id));
    for (int c = 0; c < nCriteria; ++c) {
        const Criterion &criterion = data.card.criterionAt(c);
        const CriterionCategories &cat = categories.at(c);
        CriterionCalibration cc;
        cc.index = c;
        cc.key = criterion.key;
        cc.name = criterion.name;
        cc.level = cat.level;
        Ratings ratings(units, m.raters, cat.categories);
        Ratings applicability(units, m.raters,
                              {{QStringLiteral("rated"), 1, false}, {QStringLiteral("N/A"), 0, false}});
        for (int i = 0; i < nItems; ++i)
            for (int r = 0; r < raters.size(); ++r) {
                const CalibrationAnswer &a = data.answer(i, raters.at(r), c);
                const int k = cat.indexOf(a);
                ratings.set(i, r, k < 0 ? Ratings::Missing : k);
                if (!a.isMissing())
                    applicability.set(i, r, a.isNotApplicable() ? 1 : 0);
                cc.answers += k >= 0 ? 1 : 0;
            }
        const stats::Level level = cat.level;
        const stats::AgreementStatistic alpha = [level](const Ratings &r) {
            return stats::krippendorffAlpha(r, level);
        };
        cc.alpha = stats::withBootstrapInterval(alpha(ratings), ratings, alpha, options.bootstrap);
        cc.percentAgreement = stats::percentAgreement(ratings);
        cc.ac1 = stats::gwetAc1(ratings);
        cc.fleiss = stats::fleissKappa(ratings);
        if (raters.size() == 2)
            cc.cohen = stats::cohenKappa(ratings);
        if (criterion.allowNa)
            cc.applicabilityAgreement = stats::percentAgreement(applicability).value;
        std::vector<double> spreads;
        for (const ItemCalibration &item : m.items)
            if (item.criterionSpread.at(c))
                spreads.push_back(*item.criterionSpread.at(c));
        cc.spread = meanOf(spreads);
        cc.flagged = cc.spread && *cc.spread * 100 > options.disagreementThreshold + 1e-9;
        m.criteria.append(cc);
    }

    // The critical-failure flag: one unit per item and critical criterion.
    QStringList flagUnits;
    QList<std::pair<int, int>> flagCells;
    for (int i = 0; i < nItems; ++i)
        for (int c = 0; c < nCriteria; ++c)
            if (data.card.criterionAt(c).isCritical()) {
                flagUnits.append(QStringLiteral("%1/%2").arg(data.items.at(i).id).arg(data.card.criterionAt(c).key));
                flagCells.append({i, c});
            }
    Ratings flags(flagUnits, m.raters,
                  {{QStringLiteral("no failure"), 0, false}, {QStringLiteral("failure"), 1, false}});
    for (int u = 0; u < flagCells.size(); ++u)
        for (int r = 0; r < raters.size(); ++r) {
            const auto [i, c] = flagCells.at(u);
            const CalibrationAnswer &a = data.answer(i, raters.at(r), c);
            if (!a.isMissing())
                flags.set(u, r, criticalFailure(data.card.criterionAt(c), a) ? 1 : 0);
        }
    m.criticalFlagKappa = stats::fleissKappa(flags);
    m.criticalFlagAc1 = stats::gwetAc1(flags);

    // Raw scores: interval α and the ICC forms.
    QList<stats::RatingRecord> records;
    for (int i = 0; i < nItems; ++i)
        for (int r = 0; r < raters.size(); ++r)
            if (const auto raw = m.items.at(i).rawScores.at(raters.at(r)))
                records.append({units.at(i), m.raters.at(r), QString::number(*raw, 'g', 17), 0});
    stats::RatingsInputError inputError;
    if (const auto raw = stats::ratingsFromRecords(records, {stats::Level::Interval, {}}, &inputError)) {
        const stats::AgreementStatistic alpha = [](const Ratings &r) {
            return stats::krippendorffAlpha(r, stats::Level::Interval);
        };
        m.rawScoreAlpha = stats::withBootstrapInterval(alpha(*raw), *raw, alpha, options.bootstrap);
        m.rawScoreIcc = stats::intraclassCorrelation(*raw);
    } else {
        m.rawScoreAlpha.notes.append(records.isEmpty() ? QStringLiteral("no raw scores") : inputError.message);
    }
    return m;
}

} // namespace ql

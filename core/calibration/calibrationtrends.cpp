// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationtrends.h"

#include "calibrationreview.h"
#include "calibrationsessions.h"
#include "criterioncategories.h"
#include "stats/controlchart.h"
#include "stats/distributions.h"
#include "stats/krippendorff.h"
#include "store/projectsettings.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace ql {

QList<CalibrationParticipantTrend> calibrationParticipantTrends(QList<CalibrationSessionFigures> sessions)
{
    std::stable_sort(sessions.begin(), sessions.end(), [](const auto &a, const auto &b) {
        return a.info.date != b.info.date ? a.info.date < b.info.date : a.info.id < b.info.id;
    });
    std::map<QString, CalibrationParticipantTrend> byName;
    QStringList order;
    for (const CalibrationSessionFigures &s : sessions)
        for (const ParticipantCalibration &p : s.metrics.participants) {
            auto [it, inserted] = byName.try_emplace(p.name);
            if (inserted) {
                it->second.name = p.name;
                order.append(p.name);
            }
            it->second.points.append(
                {s.info.id, s.info.date, p.alignment, p.meanSignedDeviation, p.criticalMismatches});
        }
    QList<CalibrationParticipantTrend> out;
    for (const QString &name : order) {
        CalibrationParticipantTrend t = byName[name];
        // x = the session's place in the participant's series, y = signed deviation where there is one.
        std::vector<double> x, y;
        for (int k = 0; k < t.points.size(); ++k)
            if (t.points.at(k).signedDeviation) {
                x.push_back(k);
                y.push_back(*t.points.at(k).signedDeviation);
            }
        const std::size_t n = x.size();
        if (n >= 4) {
            double mx = 0, my = 0;
            for (std::size_t i = 0; i < n; ++i) {
                mx += x[i];
                my += y[i];
            }
            mx /= double(n);
            my /= double(n);
            double sxx = 0, sxy = 0;
            for (std::size_t i = 0; i < n; ++i) {
                sxx += (x[i] - mx) * (x[i] - mx);
                sxy += (x[i] - mx) * (y[i] - my);
            }
            const double b = sxy / sxx;
            double sse = 0;
            for (std::size_t i = 0; i < n; ++i) {
                const double e = y[i] - (my + b * (x[i] - mx));
                sse += e * e;
            }
            const double se = std::sqrt(sse / double(n - 2) / sxx);
            t.slope = b;
            if (se > 0)
                t.pValue = std::min(1.0, 2 * stats::studentTSurvival(std::fabs(b / se), double(n - 2)));
            else
                t.pValue = b != 0 ? 0.0 : 1.0; // a perfect line
            t.drift = *t.pValue < 0.05 && b != 0;
            if (t.drift) {
                t.direction = b > 0 ? QStringLiteral("lenient") : QStringLiteral("severe");
                t.driftRules << QStringLiteral("slope");
            }
        }
        // The SPC rules (analysis.md) on an XmR chart of the same series, its baseline every
        // session but the latest; a signal counts when it reaches the latest session. From 4
        // sessions, as the slope test (limits from 1 or 2 moving ranges say nothing).
        if (n >= 4) {
            const stats::XmrChart chart = stats::xmrChart(QList<double>(y.begin(), y.end()));
            for (const stats::ControlSignal &s : chart.signals) {
                if (!chart.valid || chart.meanMovingRange <= 0 || s.last != int(n) - 1 ||
                    s.rule == stats::SignalRule::RangeBeyondLimit)
                    continue;
                const QString direction = s.high ? QStringLiteral("lenient") : QStringLiteral("severe");
                if (t.direction.isEmpty())
                    t.direction = direction;
                if (t.direction == direction) {
                    t.drift = true;
                    if (!t.driftRules.contains(stats::signalRuleName(s.rule)))
                        t.driftRules << stats::signalRuleName(s.rule);
                }
            }
        }
        out.append(t);
    }
    return out;
}

std::optional<QList<CalibrationSessionFigures>> closedCalibrationSessions(const QSqlDatabase &db,
                                                                          CalibrationError *error)
{
    QList<CalibrationSessionFigures> out;
    const CalibrationReview review(db);
    for (const CalibrationSessionInfo &info : CalibrationSessions(db).list()) {
        if (info.state != CalibrationState::Closed)
            continue;
        auto m = review.metrics(info.id, error);
        if (!m)
            return std::nullopt;
        out.append({info, std::move(*m)});
    }
    return out;
}

QList<CalibrationCriterionTrend> calibrationCriterionTrends(const QList<CalibrationSessionData> &data,
                                                            const QList<CalibrationMetrics> &metrics, int windowDays,
                                                            const stats::BootstrapOptions &bootstrap)
{
    // Sessions oldest first (date, then id).
    QList<int> order;
    for (int s = 0; s < data.size() && s < metrics.size(); ++s)
        order << s;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const CalibrationSessionInfo &x = data.at(a).info;
        const CalibrationSessionInfo &y = data.at(b).info;
        return x.date != y.date ? x.date < y.date : x.id < y.id;
    });
    QList<CalibrationCriterionTrend> out;
    std::map<std::pair<QString, QString>, int> index; // (scorecard, key) → position in out
    std::map<std::pair<QString, QString>, QList<std::pair<int, int>>> members; // → (session, criterion)
    for (int s : order) {
        const CalibrationSessionData &d = data.at(s);
        for (const CriterionCalibration &c : metrics.at(s).criteria) {
            const auto id = std::make_pair(d.info.scorecardName, c.key);
            auto [it, inserted] = index.try_emplace(id, int(out.size()));
            if (inserted) {
                CalibrationCriterionTrend t;
                t.scorecard = d.info.scorecardName;
                t.key = c.key;
                out << t;
            }
            CalibrationCriterionTrend &t = out[it->second];
            t.name = c.name.isEmpty() ? c.key : c.name; // the latest name
            t.points << CalibrationCriterionPoint{d.info.id, d.info.date, c.alpha, c.spread, c.flagged};
            t.flaggedSessions += c.flagged ? 1 : 0;
            members[id] << std::make_pair(s, c.index);
        }
    }
    for (auto &[id, list] : members) {
        CalibrationCriterionTrend &t = out[index.at(id)];
        const auto [lastSession, lastCriterion] = list.last();
        const CalibrationSessionData &latest = data.at(lastSession);
        const CriterionCategories cats = CriterionCategories::of(latest.card.criterionAt(lastCriterion));
        QStringList labels;
        for (const stats::Category &c : cats.categories)
            labels << c.label;
        t.windowTo = latest.info.date;
        t.windowFrom = latest.info.date.addDays(-windowDays);
        // Units: every item of the pooled sessions; raters: everyone by name.
        QStringList units;
        QStringList raters;
        QList<std::pair<int, int>> pooled;
        for (const auto &[s, c] : list) {
            const CalibrationSessionData &d = data.at(s);
            if (d.info.date < t.windowFrom || !d.answersLoaded)
                continue;
            QStringList theirs;
            for (const stats::Category &x : CriterionCategories::of(d.card.criterionAt(c)).categories)
                theirs << x.label;
            if (theirs != labels)
                continue;
            pooled << std::make_pair(s, c);
            for (const CalibrationItem &item : d.items)
                units << QStringLiteral("%1:%2").arg(d.info.id).arg(item.id);
            for (const CalibrationParticipant &p : d.participants)
                if (!raters.contains(p.name))
                    raters << p.name;
        }
        t.pooledSessions = int(pooled.size());
        if (pooled.isEmpty())
            continue;
        stats::Ratings ratings(units, raters, cats.categories);
        int unit = 0;
        for (const auto &[s, c] : pooled) {
            const CalibrationSessionData &d = data.at(s);
            const CriterionCategories theirs = CriterionCategories::of(d.card.criterionAt(c));
            for (int i = 0; i < d.items.size(); ++i, ++unit)
                for (int p = 0; p < d.participants.size(); ++p)
                    if (const int k = theirs.indexOf(d.answer(i, p, c)); k >= 0)
                        ratings.set(unit, raters.indexOf(d.participants.at(p).name), k);
        }
        const stats::Level level = cats.level;
        const stats::AgreementStatistic alpha = [level](const stats::Ratings &r) {
            return stats::krippendorffAlpha(r, level);
        };
        t.pooledAlpha = stats::withBootstrapInterval(alpha(ratings), ratings, alpha, bootstrap);
    }
    return out;
}

std::optional<QList<CalibrationCriterionTrend>> calibrationCriterionTrends(const QSqlDatabase &db,
                                                                           CalibrationError *error)
{
    QList<CalibrationSessionData> data;
    QList<CalibrationMetrics> metrics;
    const CalibrationSessions sessions(db);
    const CalibrationReview review(db);
    for (const CalibrationSessionInfo &info : sessions.list()) {
        if (info.state != CalibrationState::Closed)
            continue;
        auto d = sessions.load(info.id, error);
        auto m = d ? review.metrics(info.id, error) : std::nullopt;
        if (!d || !m)
            return std::nullopt;
        data << std::move(*d);
        metrics << std::move(*m);
    }
    const int window = ProjectSettings(db).value(ProjectSettings::AlphaWindowDays).toInt();
    return calibrationCriterionTrends(data, metrics, window > 0 ? window : 90);
}

} // namespace ql

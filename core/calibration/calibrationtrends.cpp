// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationtrends.h"

#include "calibrationreview.h"
#include "calibrationsessions.h"
#include "stats/distributions.h"

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
            if (t.drift)
                t.direction = b > 0 ? QStringLiteral("lenient") : QStringLiteral("severe");
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

} // namespace ql

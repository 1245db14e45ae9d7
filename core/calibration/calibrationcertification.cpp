// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationcertification.h"

#include "store/projectsettings.h"

#include <algorithm>
#include <map>

namespace ql {

QList<GraderCertification> calibrationCertification(QList<CalibrationSessionFigures> sessions,
                                                    const CalibrationCertificationRule &rule, QDate asOf,
                                                    const QStringList &alsoGraders)
{
    std::stable_sort(sessions.begin(), sessions.end(), [](const auto &a, const auto &b) {
        return a.info.date != b.info.date ? a.info.date < b.info.date : a.info.id < b.info.id;
    });
    QList<GraderCertification> out;
    std::map<QString, int> index; // lower-case name → position in out
    std::vector<std::vector<double>> aligned; // per grader: item alignments, newest first
    const auto graderAt = [&](const QString &name) {
        const auto [it, inserted] = index.try_emplace(name.toLower(), int(out.size()));
        if (inserted) {
            GraderCertification g;
            g.name = name;
            out.append(g);
            aligned.emplace_back();
        }
        return it->second;
    };
    // First appearance in the oldest session first; alignments collected newest first.
    for (const CalibrationSessionFigures &s : std::as_const(sessions))
        for (const ParticipantCalibration &p : s.metrics.participants)
            graderAt(p.name);
    for (auto s = sessions.crbegin(); s != sessions.crend(); ++s)
        for (const ParticipantCalibration &p : s->metrics.participants) {
            const int g = graderAt(p.name);
            bool any = false;
            for (auto a = p.itemAlignment.crbegin(); a != p.itemAlignment.crend(); ++a)
                if (*a) {
                    aligned[std::size_t(g)].push_back(**a);
                    any = true;
                }
            if (any && !out[g].lastCalibrated.isValid())
                out[g].lastCalibrated = s->info.date;
        }
    for (const QString &name : alsoGraders)
        if (!name.trimmed().isEmpty())
            graderAt(name.trimmed());

    const int wanted = std::max(1, rule.items);
    for (int g = 0; g < out.size(); ++g) {
        GraderCertification &c = out[g];
        const std::vector<double> &a = aligned[std::size_t(g)];
        c.itemsAvailable = int(a.size());
        c.items = std::min(wanted, c.itemsAvailable);
        if (c.items > 0) {
            double sum = 0;
            for (int k = 0; k < c.items; ++k)
                sum += a[std::size_t(k)];
            c.alignment = 100.0 * sum / c.items;
            // A hair of tolerance: 9 of 10 items at 1 and one at 0 is 90% exactly, not 89.999….
            c.certified = c.items == wanted && *c.alignment >= rule.alignmentPct - 1e-9;
        }
        if (c.lastCalibrated.isValid() && asOf.isValid())
            c.daysSince = c.lastCalibrated.daysTo(asOf);
        c.overdue = !c.lastCalibrated.isValid() || (c.daysSince && *c.daysSince > rule.overdueDays);
    }
    return out;
}

CalibrationCertificationRule calibrationCertificationRule(const QSqlDatabase &db)
{
    const ProjectSettings settings(db);
    CalibrationCertificationRule rule;
    rule.alignmentPct = settings.value(ProjectSettings::CertificationAlignment).toDouble();
    rule.items = settings.value(ProjectSettings::CertificationItems).toInt();
    return rule;
}

} // namespace ql

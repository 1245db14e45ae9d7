// SPDX-License-Identifier: GPL-3.0-or-later
// The calibration report and the monthly report's calibration health (docs/reports.md).
#include "calibration/calibrationtrends.h"
#include "reportparts.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace ql::report {

namespace {

QList<CalibrationSessionFigures> sessionsIn(const QList<CalibrationSessionFigures> &all, const KpiPeriod &period)
{
    QList<CalibrationSessionFigures> out;
    for (const CalibrationSessionFigures &f : all)
        if (f.info.date >= period.from && f.info.date <= period.to)
            out << f;
    std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
        return a.info.date != b.info.date ? a.info.date < b.info.date : a.info.id < b.info.id;
    });
    return out;
}

QString alphaText(const stats::AgreementResult &a)
{
    if (!a.value)
        return a.undefined ? QStringLiteral("undefined") : QStringLiteral("–");
    QString text = number(*a.value, 2);
    if (a.ciLow && a.ciHigh)
        text += QStringLiteral(" [%1, %2]").arg(number(*a.ciLow, 2), number(*a.ciHigh, 2));
    return text;
}

ReportTable sessionsTable(const QList<CalibrationSessionFigures> &sessions)
{
    ReportTable t;
    t.header = {QStringLiteral("Date"), QStringLiteral("Session"), QStringLiteral("Scorecard"), QStringLiteral("Items"),
                QStringLiteral("Raters"), QStringLiteral("Session score"), QStringLiteral("α (raw score)")};
    t.numeric = {false, false, false, true, true, true, true};
    t.widths = {1.1, 2.2, 1.8, 0.7, 0.7, 1, 1.5};
    for (const CalibrationSessionFigures &f : sessions)
        t.rows << QStringList{f.info.date.toString(Qt::ISODate), f.info.title,
                              QStringLiteral("%1 v%2").arg(f.info.scorecardName).arg(f.info.scorecardVersion),
                              QString::number(f.info.items), QString::number(f.info.participants),
                              f.metrics.sessionScore ? percent(*f.metrics.sessionScore) : QStringLiteral("–"),
                              alphaText(f.metrics.rawScoreAlpha)};
    return t;
}

// Participants over the sessions: mean alignment and signed deviation, critical mismatches.
ReportTable participantsTable(const QList<CalibrationSessionFigures> &sessions)
{
    struct Sum
    {
        int sessions = 0;
        double alignment = 0;
        int aligned = 0;
        double deviation = 0;
        int deviated = 0;
        int critical = 0;
    };
    QMap<QString, Sum> sums;
    for (const CalibrationSessionFigures &f : sessions)
        for (const ParticipantCalibration &p : f.metrics.participants) {
            Sum &s = sums[p.name];
            ++s.sessions;
            if (p.alignment) {
                s.alignment += *p.alignment;
                ++s.aligned;
            }
            if (p.meanSignedDeviation) {
                s.deviation += *p.meanSignedDeviation;
                ++s.deviated;
            }
            s.critical += p.criticalMismatches;
        }
    ReportTable t;
    t.header = {QStringLiteral("Participant"), QStringLiteral("Sessions"), QStringLiteral("Alignment"),
                QStringLiteral("Mean deviation"), QStringLiteral("Critical mismatches")};
    t.numeric = {false, true, true, true, true};
    t.widths = {2.2, 1, 1, 1.2, 1.2};
    QList<QPair<QString, Sum>> rows;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        rows << qMakePair(it.key(), it.value());
    // Least aligned first: who needs coaching reads at the top.
    std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        const double x = a.second.aligned ? a.second.alignment / a.second.aligned : 2;
        const double y = b.second.aligned ? b.second.alignment / b.second.aligned : 2;
        return x < y;
    });
    for (const auto &[name, s] : rows) {
        const double dev = s.deviated ? s.deviation / s.deviated : 0;
        t.rows << QStringList{name, QString::number(s.sessions),
                              s.aligned ? percent(100.0 * s.alignment / s.aligned) : QStringLiteral("–"),
                              s.deviated ? (dev > 0 ? QStringLiteral("+") : QString()) + number(dev, 1)
                                               + (dev > 0.05 ? QStringLiteral(" lenient") : dev < -0.05 ? QStringLiteral(" severe") : QString())
                                         : QStringLiteral("–"),
                              QString::number(s.critical)};
        QList<ReportTone> tones(5, ReportTone::None);
        if (s.aligned) {
            const double a = 100.0 * s.alignment / s.aligned;
            tones[2] = a >= 90 ? ReportTone::Good : a >= 80 ? ReportTone::Watch : ReportTone::Bad;
        }
        if (s.critical > 0)
            tones[4] = ReportTone::Bad;
        t.tones << tones;
    }
    return t;
}

ReportTable alphaTable(const QList<CalibrationSessionFigures> &sessions, int *flagged)
{
    ReportTable t;
    const bool several = sessions.size() > 1;
    t.header = {QStringLiteral("Criterion"), QStringLiteral("Krippendorff's α [95% CI]"), QStringLiteral("Agreement"),
                QStringLiteral("Spread")};
    t.numeric = {false, true, true, true};
    t.widths = {2.6, 1.6, 1, 1};
    if (several) {
        t.header.prepend(QStringLiteral("Session"));
        t.numeric.prepend(false);
        t.widths.prepend(1.1);
    }
    for (const CalibrationSessionFigures &f : sessions)
        for (const CriterionCalibration &k : f.metrics.criteria) {
            QStringList cells{k.name.isEmpty() ? k.key : k.name, alphaText(k.alpha),
                              k.percentAgreement.value ? percent(100.0 * *k.percentAgreement.value) : QStringLiteral("–"),
                              k.spread ? percent(100.0 * *k.spread) + (k.flagged ? QStringLiteral(" ⚑") : QString())
                                       : QStringLiteral("–")};
            if (several)
                cells.prepend(f.info.date.toString(Qt::ISODate));
            QList<ReportTone> tones(cells.size(), ReportTone::None);
            if (k.alpha.value)
                tones[several ? 2 : 1] = *k.alpha.value >= 0.8 ? ReportTone::Good
                                         : *k.alpha.value >= 0.667 ? ReportTone::Watch
                                                                   : ReportTone::Bad;
            if (k.flagged) {
                ++*flagged;
                tones.last() = ReportTone::Bad;
            }
            t.rows << cells;
            t.tones << tones;
        }
    return t;
}

} // namespace

ReportSection calibrationHealth(const Context &c)
{
    ReportSection s;
    s.key = QStringLiteral("calibration");
    s.title = QStringLiteral("Calibration health");
    CalibrationError error;
    const auto all = closedCalibrationSessions(c.db, &error);
    if (!all) {
        s.blocks << ReportBlock::note(QStringLiteral("The calibration sessions could not be read: %1.").arg(error.message));
        return s;
    }
    const QList<CalibrationSessionFigures> sessions = sessionsIn(*all, c.period);
    if (sessions.isEmpty()) {
        s.blocks << ReportBlock::paragraph(QStringLiteral("No calibration sessions were held in %1.").arg(c.period.label()));
        return s;
    }
    s.blocks << ReportBlock::paragraph(QStringLiteral("%1 calibration session%2 closed in %3.")
                                           .arg(sessions.size())
                                           .arg(sessions.size() == 1 ? QString() : QStringLiteral("s"))
                                           .arg(periodTitle(c.period)));
    s.blocks << ReportBlock::tableBlock(sessionsTable(sessions));
    s.blocks << ReportBlock::heading(QStringLiteral("Participants' alignment")) << ReportBlock::tableBlock(participantsTable(sessions));
    int flagged = 0;
    const ReportTable alpha = alphaTable(sessions, &flagged);
    s.blocks << ReportBlock::heading(QStringLiteral("Agreement per criterion")) << ReportBlock::tableBlock(alpha);
    s.blocks << ReportBlock::note(QStringLiteral("α ≥ 0.80 is reliable, 0.667–0.80 tentative (Krippendorff); ⚑ spread above the disagreement threshold."));
    return s;
}

bool buildCalibration(Context &c, ReportDocument &doc, QString *why)
{
    CalibrationError error;
    const auto all = closedCalibrationSessions(c.db, &error);
    if (!all) {
        *why = QStringLiteral("the calibration sessions cannot be read: %1").arg(error.message);
        return false;
    }
    const QList<CalibrationSessionFigures> sessions = sessionsIn(*all, c.period);
    if (sessions.isEmpty()) {
        *why = QStringLiteral("no calibration session was closed in %1").arg(c.period.label());
        return false;
    }
    int items = 0;
    QSet<QString> people;
    for (const CalibrationSessionFigures &f : sessions) {
        items += f.info.items;
        for (const ParticipantCalibration &p : f.metrics.participants)
            people.insert(p.name);
    }
    doc.titleFacts << QStringLiteral("%1 closed session%2, %3 items, %4 participants")
                          .arg(sessions.size())
                          .arg(sessions.size() == 1 ? QString() : QStringLiteral("s"))
                          .arg(items)
                          .arg(people.size());

    ReportSection summary;
    summary.key = QStringLiteral("sessions");
    summary.title = QStringLiteral("Sessions");
    double scoreSum = 0;
    int scored = 0;
    for (const CalibrationSessionFigures &f : sessions)
        if (f.metrics.sessionScore) {
            scoreSum += *f.metrics.sessionScore;
            ++scored;
        }
    if (scored > 0)
        summary.blocks << ReportBlock::paragraph(
            QStringLiteral("Across %1 session%2 in %3 the mean session score (participants' alignment with the baseline) was %4.")
                .arg(sessions.size())
                .arg(sessions.size() == 1 ? QString() : QStringLiteral("s"))
                .arg(periodTitle(c.period))
                .arg(percent(scoreSum / scored)));
    summary.blocks << ReportBlock::tableBlock(sessionsTable(sessions));
    doc.sections << summary;

    ReportSection participants;
    participants.key = QStringLiteral("participants");
    participants.title = QStringLiteral("Participants");
    participants.blocks << ReportBlock::tableBlock(participantsTable(sessions))
                        << ReportBlock::note(QStringLiteral("Alignment is the share of items within the tolerance of the baseline; deviation in raw "
                                                            "score points, + lenient, − severe. Least aligned first."));
    doc.sections << participants;

    ReportSection criteria;
    criteria.key = QStringLiteral("criteria");
    criteria.title = QStringLiteral("Agreement per criterion");
    criteria.newPage = true;
    int flagged = 0;
    criteria.blocks << ReportBlock::tableBlock(alphaTable(sessions, &flagged));
    criteria.blocks << ReportBlock::note(QStringLiteral("α ≥ 0.80 is reliable, 0.667–0.80 tentative (Krippendorff); ⚑ spread above the disagreement threshold."));
    if (flagged > 0)
        criteria.blocks << ReportBlock::paragraph(QStringLiteral("%1 criterion results exceeded the disagreement threshold: "
                                                                 "their guidelines are the first to review.").arg(flagged));
    doc.sections << criteria;

    // Trends: every closed session up to the period's end, per participant, with the drift test.
    QList<CalibrationSessionFigures> upTo;
    for (const CalibrationSessionFigures &f : *all)
        if (f.info.date <= c.period.to)
            upTo << f;
    const QList<CalibrationParticipantTrend> trends = calibrationParticipantTrends(upTo);
    ReportSection trend;
    trend.key = QStringLiteral("trends");
    trend.title = QStringLiteral("Trends");
    ReportTable t;
    t.header = {QStringLiteral("Participant"), QStringLiteral("Sessions"), QStringLiteral("First alignment"),
                QStringLiteral("Latest alignment"), QStringLiteral("Drift")};
    t.numeric = {false, true, true, true, false};
    t.widths = {2.2, 1, 1.2, 1.2, 1.6};
    for (const CalibrationParticipantTrend &p : trends) {
        if (p.points.isEmpty())
            continue;
        auto firstAlign = p.points.first().alignment;
        auto lastAlign = p.points.last().alignment;
        QString drift = p.drift ? QStringLiteral("drifting %1").arg(p.direction)
                                : p.points.size() < 4 ? QStringLiteral("too few sessions") : QStringLiteral("none");
        t.rows << QStringList{p.name, QString::number(p.points.size()),
                              firstAlign ? percent(100.0 * *firstAlign) : QStringLiteral("–"),
                              lastAlign ? percent(100.0 * *lastAlign) : QStringLiteral("–"), drift};
        QList<ReportTone> tones(5, ReportTone::None);
        if (p.drift)
            tones[4] = ReportTone::Bad;
        t.tones << tones;
    }
    if (t.rows.isEmpty())
        trend.blocks << ReportBlock::paragraph(QStringLiteral("No participant has a trend yet."));
    else
        trend.blocks << ReportBlock::paragraph(QStringLiteral("Every closed session up to %1, per participant. Drift is a significant "
                                                              "slope of the signed deviation (p < 0.05, at least 4 sessions).")
                                                   .arg(c.period.to.toString(Qt::ISODate)))
                     << ReportBlock::tableBlock(t);
    doc.sections << trend;

    ReportSection notes;
    notes.key = QStringLiteral("commentary");
    notes.title = QStringLiteral("Commentary and actions");
    for (const QString &p : c.notes.commentary.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            notes.blocks << ReportBlock::paragraph(p.trimmed());
    if (!c.notes.actions.isEmpty())
        notes.blocks << ReportBlock::bullets(c.notes.actions);
    if (notes.blocks.isEmpty())
        notes.blocks << ReportBlock::note(QStringLiteral("No commentary or action items have been recorded for %1.").arg(periodTitle(c.period)));
    doc.sections << notes;
    return true;
}

} // namespace ql::report

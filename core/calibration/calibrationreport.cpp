// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationreport.h"

#include "calibrationreview.h"
#include "calibrationsessions.h"
#include "calibrationsupport.h"

#include <QObject>

#include <algorithm>
#include <cmath>

namespace ql {

namespace {

using F = CalibrationReportFormat;

QVariant opt(std::optional<double> v, double scale = 1)
{
    return v ? QVariant(*v * scale) : QVariant();
}

QString baselineWords(CalibrationBaseline b)
{
    switch (b) {
    case CalibrationBaseline::Consensus:
        return QObject::tr("the consensus");
    case CalibrationBaseline::Expert:
        return QObject::tr("the expert's answers");
    case CalibrationBaseline::Group:
        break;
    }
    return QObject::tr("the group (modal answer per criterion, median score; vs group)");
}

// The band beside α (Krippendorff 2004), or why there is none.
QString interpretation(const stats::AgreementResult &a)
{
    QStringList parts;
    if (!a.interpretation.isEmpty())
        parts << a.interpretation;
    else if (a.undefined)
        parts << stats::noteUndefinedNoVariation();
    else if (a.value && a.units < stats::minimumUnitsForInterpretation)
        parts << QObject::tr("not interpreted: %1 units (10 needed)").arg(a.units);
    if (a.lowVariation)
        parts << stats::noteLowVariation();
    return parts.join(QStringLiteral("; "));
}

} // namespace

const CalibrationReportTable *CalibrationReport::table(const QString &key) const
{
    for (const CalibrationReportTable &t : tables)
        if (t.key == key)
            return &t;
    return nullptr;
}

CalibrationReport buildCalibrationReport(const CalibrationSessionData &data, const CalibrationMetrics &m)
{
    CalibrationReport r;
    const CalibrationSessionInfo &info = data.info;
    r.sessionId = info.id;
    r.title = info.title;
    r.subtitle = QObject::tr("%1 · %2 v%3 · lead %4 · %5")
                     .arg(info.date.toString(Qt::ISODate), info.scorecardName)
                     .arg(info.scorecardVersion)
                     .arg(info.lead.isEmpty() ? QObject::tr("none") : info.lead, calibrationStateName(info.state));
    r.facts << QObject::tr("Baseline: %1.").arg(baselineWords(m.baseline))
            << (m.sessionScore ? QObject::tr("Session calibration score: %1.")
                                     .arg(formatCalibrationReportCell(*m.sessionScore, F::Percent))
                               : QObject::tr("Session calibration score: none (nothing compared)."))
            << QObject::tr("%n item(s), %1 rater(s): %2.", nullptr, int(data.items.size()))
                   .arg(m.raters.size())
                   .arg(m.raters.join(QStringLiteral(", ")))
            << QObject::tr("Tolerance ±%1 points; disagreement threshold %2%. Scores are raw (no critical "
                           "zeroing); deviation = participant − baseline, + lenient, − severe.")
                   .arg(m.tolerance)
                   .arg(m.disagreementThreshold);

    // Participants, best aligned first (none last, then by name).
    {
        CalibrationReportTable t;
        t.key = QStringLiteral("participants");
        t.title = QObject::tr("Participants ranked by alignment");
        t.header = {QObject::tr("Rank"),           QObject::tr("Participant"),       QObject::tr("Alignment"),
                    QObject::tr("Mean signed deviation (pts)"), QObject::tr("Direction"), QObject::tr("Mean |deviation| (pts)"),
                    QObject::tr("Within tolerance"), QObject::tr("Critical mismatches"), QObject::tr("Items compared")};
        t.formats = {F::Count, F::Text, F::Percent, F::SignedPoints, F::Text, F::Points, F::Percent, F::Count, F::Count};
        QList<ParticipantCalibration> ranked = m.participants;
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
            if (a.alignment.has_value() != b.alignment.has_value())
                return a.alignment.has_value();
            if (a.alignment && *a.alignment != *b.alignment)
                return *a.alignment > *b.alignment;
            return a.name < b.name;
        });
        int rank = 0;
        for (const ParticipantCalibration &p : ranked) {
            QString direction;
            // Below half a hundredth of a point the printed deviation is 0.00: no direction then.
            if (p.meanSignedDeviation)
                direction = *p.meanSignedDeviation >= 0.005    ? QObject::tr("lenient")
                            : *p.meanSignedDeviation <= -0.005 ? QObject::tr("severe")
                                                               : QObject::tr("on the baseline");
            t.rows << QVariantList{qint64(++rank),
                                   p.expert ? QObject::tr("%1 (expert)").arg(p.name) : p.name,
                                   opt(p.alignment, 100),
                                   opt(p.meanSignedDeviation),
                                   direction,
                                   opt(p.meanAbsDeviation),
                                   opt(p.withinTolerancePct),
                                   qint64(p.criticalMismatches),
                                   qint64(p.itemsCompared)};
        }
        r.tables << t;
    }

    // Critical mismatches, listed one by one.
    {
        CalibrationReportTable t;
        t.key = QStringLiteral("mismatches");
        t.title = QObject::tr("Critical mismatches");
        t.note = QObject::tr("Critical fail flag: Fleiss' κ %1, AC1 %2.")
                     .arg(formatCalibrationReportCell(opt(m.criticalFlagKappa.value), F::Statistic),
                          formatCalibrationReportCell(opt(m.criticalFlagAc1.value), F::Statistic));
        t.header = {QObject::tr("Participant"), QObject::tr("Item"), QObject::tr("Ticket"), QObject::tr("Criterion"),
                    QObject::tr("Mismatch")};
        t.formats = {F::Text, F::Count, F::Text, F::Text, F::Text};
        for (const CriticalMismatch &c : m.criticalMismatches) {
            const CalibrationItem &item = data.items.at(c.item);
            t.rows << QVariantList{data.participants.at(c.participant).name, qint64(item.position + 1), item.ticketId,
                                   data.card.criterionAt(c.criterion).name,
                                   c.missed ? QObject::tr("missed a critical failure")
                                            : QObject::tr("failed it where the baseline did not")};
        }
        r.tables << t;
    }

    // Agreement per criterion.
    {
        CalibrationReportTable t;
        t.key = QStringLiteral("criteria");
        t.title = QObject::tr("Agreement per criterion");
        t.note = QObject::tr("Krippendorff's α at the scale's level with its 95% bootstrap interval (none below 10 "
                             "units); ≥ 0.800 reliable, 0.667–0.800 tentative, < 0.667 unreliable (Krippendorff "
                             "2004), named only from 10 units up. Spread: 1 − largest answer share, mean over items.");
        t.header = {QObject::tr("Criterion"), QObject::tr("Level"),     QObject::tr("α"),
                    QObject::tr("95% low"),   QObject::tr("95% high"),  QObject::tr("Interpretation"),
                    QObject::tr("Percent agreement"), QObject::tr("AC1"), QObject::tr("Spread"),
                    QObject::tr("Flagged"), QObject::tr("Units")};
        t.formats = {F::Text, F::Text, F::Statistic, F::Statistic, F::Statistic, F::Text, F::Percent, F::Statistic,
                     F::Percent, F::Text, F::Count};
        for (const CriterionCalibration &c : m.criteria)
            t.rows << QVariantList{c.name.isEmpty() ? c.key : c.name,
                                   stats::levelName(c.level),
                                   opt(c.alpha.value),
                                   opt(c.alpha.ciLow),
                                   opt(c.alpha.ciHigh),
                                   interpretation(c.alpha),
                                   opt(c.percentAgreement.value, 100),
                                   opt(c.ac1.value),
                                   opt(c.spread, 100),
                                   c.flagged ? QObject::tr("⚑ above %1%").arg(m.disagreementThreshold) : QString(),
                                   qint64(c.alpha.units)};
        r.tables << t;
    }

    // The widest spread: standard deviation of the raters' raw scores, largest first.
    {
        CalibrationReportTable t;
        t.key = QStringLiteral("spread");
        t.title = QObject::tr("Items with the widest spread");
        t.header = {QObject::tr("Item"), QObject::tr("Ticket"), QObject::tr("Spread (SD, pts)"),
                    QObject::tr("Baseline score"), QObject::tr("Lowest"), QObject::tr("Highest"),
                    QObject::tr("Criteria over the threshold")};
        t.formats = {F::Count, F::Text, F::Points, F::Points, F::Points, F::Points, F::Text};
        QList<int> order;
        for (int i = 0; i < m.items.size(); ++i)
            if (m.items.at(i).spreadSd)
                order << i;
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return *m.items.at(a).spreadSd > *m.items.at(b).spreadSd; });
        for (int k = 0; k < order.size() && k < calibrationReportSpreadItems; ++k) {
            const ItemCalibration &it = m.items.at(order.at(k));
            std::optional<double> lo;
            std::optional<double> hi;
            for (const std::optional<double> &s : it.rawScores)
                if (s) {
                    lo = lo ? std::min(*lo, *s) : *s;
                    hi = hi ? std::max(*hi, *s) : *s;
                }
            QStringList flagged;
            for (const QString &key : it.flaggedCriteria) {
                const int c = data.card.indexOfKey(key);
                flagged << (c >= 0 ? data.card.criterionAt(c).name : key);
            }
            t.rows << QVariantList{qint64(data.items.at(order.at(k)).position + 1), it.ticketId, opt(it.spreadSd),
                                   opt(it.baselineRaw), opt(lo), opt(hi), flagged.join(QStringLiteral(", "))};
        }
        r.tables << t;
    }

    // Consensus decisions, with how many raters had given that answer.
    {
        CalibrationReportTable t;
        t.key = QStringLiteral("consensus");
        t.title = QObject::tr("Consensus decisions");
        t.header = {QObject::tr("Item"), QObject::tr("Ticket"), QObject::tr("Criterion"), QObject::tr("Consensus"),
                    QObject::tr("Raters who gave it"), QObject::tr("Note")};
        t.formats = {F::Count, F::Text, F::Text, F::Text, F::Text, F::Text};
        for (int i = 0; i < data.items.size(); ++i)
            for (int c = 0; c < data.card.criterionCount(); ++c) {
                const CalibrationAnswer &a = data.consensus.at(std::size_t(i)).at(c);
                if (a.isMissing())
                    continue;
                int same = 0;
                int answered = 0;
                if (data.answersLoaded)
                    for (int p = 0; p < data.participants.size(); ++p) {
                        const CalibrationAnswer &x = data.answer(i, p, c);
                        answered += x.isMissing() ? 0 : 1;
                        same += x.sameAnswer(a) ? 1 : 0;
                    }
                t.rows << QVariantList{qint64(data.items.at(i).position + 1), data.items.at(i).ticketId,
                                       data.card.criterionAt(c).name, calibration::answerText(a),
                                       QObject::tr("%1 of %2").arg(same).arg(answered), a.comment};
            }
        r.tables << t;
    }

    // Discussion notes.
    {
        CalibrationReportTable t;
        t.key = QStringLiteral("notes");
        t.title = QObject::tr("Discussion notes");
        t.header = {QObject::tr("Item"), QObject::tr("Ticket"), QObject::tr("Notes")};
        t.formats = {F::Count, F::Text, F::Text};
        for (const CalibrationItem &item : data.items)
            if (!item.notes.trimmed().isEmpty())
                t.rows << QVariantList{qint64(item.position + 1), item.ticketId, item.notes.trimmed()};
        r.tables << t;
    }
    return r;
}

std::optional<CalibrationReport> calibrationReport(const QSqlDatabase &db, qint64 sessionId, CalibrationError *error)
{
    const auto metrics = CalibrationReview(db).metrics(sessionId, error);
    if (!metrics)
        return std::nullopt;
    const auto data = CalibrationSessions(db).load(sessionId, error);
    if (!data)
        return std::nullopt;
    return buildCalibrationReport(*data, *metrics);
}

QString formatCalibrationReportCell(const QVariant &value, CalibrationReportFormat format)
{
    if (!value.isValid() || value.isNull())
        return QStringLiteral("–");
    if (format == F::Text || value.typeId() == QMetaType::QString)
        return value.toString();
    const double v = value.toDouble();
    if (!std::isfinite(v))
        return QStringLiteral("–");
    switch (format) {
    case F::Count:
        return QString::number(value.toLongLong());
    case F::Percent:
        return QStringLiteral("%1%").arg(v, 0, 'f', 1);
    case F::SignedPoints: {
        const QString s = QString::number(std::abs(v), 'f', 2);
        if (s == QStringLiteral("0.00"))
            return s;
        return (v > 0 ? QStringLiteral("+") : QStringLiteral("−")) + s;
    }
    case F::Points:
        return QString::number(v, 'f', 2);
    case F::Statistic:
        return QString::number(v, 'f', 3);
    case F::Text:
        break;
    }
    return value.toString();
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationtext.h"

#include <QLocale>

namespace ql::cli {

namespace {

QString num(std::optional<double> v, int decimals = 1, const QString &suffix = {})
{
    return v ? QString::number(*v, 'f', decimals) + suffix : QStringLiteral("–");
}

QString signedNum(std::optional<double> v)
{
    if (!v)
        return QStringLiteral("–");
    const QString text = QString::number(*v, 'f', 1);
    if (text == QLatin1String("-0.0") || text == QLatin1String("0.0"))
        return QStringLiteral("0.0"); // no sign on a deviation that rounds to nothing
    return (*v > 0 ? QStringLiteral("+") : QString()) + text;
}

QString pad(const QString &s, int width)
{
    return s.leftJustified(width, QLatin1Char(' '));
}

QString agreementText(const stats::AgreementResult &r)
{
    if (!r.value)
        return r.undefined ? QStringLiteral("undefined (no variation)") : QStringLiteral("–");
    QString out = QString::number(*r.value, 'f', 3);
    if (r.ciLow && r.ciHigh)
        out += QStringLiteral(" [%1, %2]").arg(*r.ciLow, 0, 'f', 3).arg(*r.ciHigh, 0, 'f', 3);
    return out;
}

} // namespace

QString calibrationListText(const QList<CalibrationSessionInfo> &sessions)
{
    if (sessions.isEmpty())
        return QStringLiteral("No calibration sessions.\n");
    QString out = pad(QStringLiteral("id"), 6) + pad(QStringLiteral("date"), 12) + pad(QStringLiteral("state"), 10) +
                  pad(QStringLiteral("items"), 7) + pad(QStringLiteral("people"), 8) + QStringLiteral("title\n");
    for (const CalibrationSessionInfo &s : sessions)
        out += pad(QString::number(s.id), 6) + pad(s.date.toString(Qt::ISODate), 12) +
               pad(calibrationStateName(s.state), 10) + pad(QString::number(s.items), 7) +
               pad(QString::number(s.participants), 8) +
               QStringLiteral("%1 (%2 v%3)\n").arg(s.title, s.scorecardName).arg(s.scorecardVersion);
    return out;
}

QString calibrationSessionText(const CalibrationSessionData &data, const CalibrationMetrics *m,
                               const QList<CalibrationSubmissionStatus> &status)
{
    const CalibrationSessionInfo &s = data.info;
    QString out = QStringLiteral("Session %1: %2\n%3, %4, %5 v%6, %7 items, %8 participants\n")
                      .arg(QString::number(s.id), s.title, s.date.toString(Qt::ISODate), calibrationStateName(s.state),
                           s.scorecardName, QString::number(s.scorecardVersion), QString::number(s.items),
                           QString::number(s.participants));
    if (!m) {
        out += QStringLiteral("Scoring is blind until review: who has submitted, no answers.\n");
        for (const CalibrationSubmissionStatus &p : status)
            out += QStringLiteral("  %1%2  %3  %4/%5 answers, %6 items complete\n")
                       .arg(pad(p.name, 24), p.expert ? QStringLiteral(" (expert)") : QString(),
                            p.submittedAt.isEmpty() ? QStringLiteral("not submitted")
                                                    : QStringLiteral("submitted ") + p.submittedAt,
                            QString::number(p.answersGiven), QString::number(p.answersExpected),
                            QString::number(p.itemsComplete));
        return out;
    }
    out += QStringLiteral("Baseline: %1. Session calibration score %2. Tolerance ±%3 points; disagreement threshold "
                          "%4%.\n\n")
               .arg(m->baseline == CalibrationBaseline::Group ? QStringLiteral("vs group")
                                                              : calibrationBaselineName(m->baseline),
                    num(m->sessionScore, 1, QStringLiteral("%")), QString::number(m->tolerance),
                    QString::number(m->disagreementThreshold));
    out += pad(QStringLiteral("participant"), 26) + pad(QStringLiteral("alignment"), 11) +
           pad(QStringLiteral("signed dev"), 12) + pad(QStringLiteral("abs dev"), 9) +
           pad(QStringLiteral("within tol"), 12) + pad(QStringLiteral("critical"), 10) + QStringLiteral("items\n");
    for (const ParticipantCalibration &p : m->participants)
        out += pad(p.name + (p.expert ? QStringLiteral(" (expert)") : QString()), 26) +
               pad(num(p.alignment ? std::optional<double>(100 * *p.alignment) : std::nullopt, 1, QStringLiteral("%")),
                   11) +
               pad(signedNum(p.meanSignedDeviation), 12) + pad(num(p.meanAbsDeviation), 9) +
               pad(num(p.withinTolerancePct, 0, QStringLiteral("%")), 12) +
               pad(QString::number(p.criticalMismatches), 10) + QString::number(p.itemsScored) + u'\n';
    out += u'\n' + pad(QStringLiteral("item"), 8) + pad(QStringLiteral("ticket"), 14) +
           pad(QStringLiteral("spread (SD)"), 13) + QStringLiteral("criteria over the threshold\n");
    for (int i = 0; i < m->items.size(); ++i) {
        const ItemCalibration &it = m->items.at(i);
        out += pad(QString::number(it.id), 8) + pad(it.ticketId, 14) + pad(num(it.spreadSd), 13) +
               it.flaggedCriteria.join(QStringLiteral(", ")) + u'\n';
    }
    out += u'\n' + pad(QStringLiteral("criterion"), 24) + pad(QStringLiteral("alpha"), 34) +
           pad(QStringLiteral("agreement"), 11) + pad(QStringLiteral("AC1"), 8) + QStringLiteral("spread\n");
    for (const CriterionCalibration &c : m->criteria)
        out += pad(c.key, 24) + pad(agreementText(c.alpha), 34) +
               pad(num(c.percentAgreement.value ? std::optional<double>(100 * *c.percentAgreement.value) : std::nullopt,
                       0, QStringLiteral("%")),
                   11) +
               pad(num(c.ac1.value, 3), 8) +
               num(c.spread ? std::optional<double>(100 * *c.spread) : std::nullopt, 0, QStringLiteral("%")) +
               (c.flagged ? QStringLiteral("  flagged") : QString()) + u'\n';
    if (!m->criticalMismatches.isEmpty())
        out += QStringLiteral("\n%1 critical mismatches.\n").arg(m->criticalMismatches.size());
    return out;
}

} // namespace ql::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationjson.h"

#include <QLocale>

#include <cmath>

namespace ql::CalibrationJson {

namespace {

QString nullableString(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("null") : string(s);
}

QString boolean(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

QString percent(std::optional<double> proportion)
{
    return number(proportion ? std::optional<double>(100 * *proportion) : std::nullopt);
}

QString iccJson(const stats::IccResult &r)
{
    QString forms;
    for (const stats::IccForm f : stats::allIccForms) {
        const stats::IccEstimate &e = r.form(f);
        if (!forms.isEmpty())
            forms += QLatin1Char(',');
        forms += QStringLiteral("%1:{\"value\":%2,\"ci_low\":%3,\"ci_high\":%4}")
                     .arg(string(stats::iccKey(f)), number(e.value), number(e.ciLow), number(e.ciHigh));
    }
    const stats::IccEstimate &headline = r.form(stats::IccForm::Icc2);
    return QStringLiteral("{\"value\":%1,\"ci_low\":%2,\"ci_high\":%3,\"units\":%4,\"raters\":%5,\"note\":%6,"
                          "\"forms\":{%7}}")
        .arg(number(headline.value), number(headline.ciLow), number(headline.ciHigh), QString::number(r.units),
             QString::number(r.raters), nullableString(r.noteText()), forms);
}

} // namespace

QString string(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

QString number(std::optional<double> v)
{
    if (!v || !std::isfinite(*v))
        return QStringLiteral("null");
    return QString::number(*v, 'g', QLocale::FloatingPointShortest);
}

QString agreement(const QString &metric, const QString &level, const stats::AgreementResult &r)
{
    return QStringLiteral("{\"metric\":%1,\"level\":%2,\"weights\":\"none\",\"value\":%3,\"ci_low\":%4,\"ci_high\":%5,"
                          "\"units\":%6,\"raters\":%7,\"pairable\":%8,\"note\":%9}")
        .arg(string(metric), string(level), number(r.value), number(r.ciLow), number(r.ciHigh),
             QString::number(r.units), QString::number(r.raters), QString::number(r.pairable),
             nullableString(r.noteText()));
}

QString sessionList(const QList<CalibrationSessionInfo> &sessions)
{
    QStringList rows;
    for (const CalibrationSessionInfo &s : sessions)
        rows.append(QStringLiteral("{\"id\":%1,\"title\":%2,\"state\":%3,\"date\":%4,\"scorecard\":%5,"
                                   "\"scorecard_version\":%6,\"items\":%7,\"participants\":%8}")
                        .arg(QString::number(s.id), string(s.title), string(calibrationStateName(s.state)),
                             string(s.date.toString(Qt::ISODate)), string(s.scorecardName),
                             QString::number(s.scorecardVersion), QString::number(s.items),
                             QString::number(s.participants)));
    return QLatin1Char('[') + rows.join(QLatin1Char(',')) + QStringLiteral("]\n");
}

QString session(const CalibrationSessionData &data, const CalibrationMetrics *m,
                const QList<CalibrationSubmissionStatus> &status)
{
    const CalibrationSessionInfo &s = data.info;
    QString out = QStringLiteral("{\"id\":%1,\"title\":%2,\"state\":%3,\"baseline\":%4,\"tolerance\":%5,"
                                 "\"session_score\":%6,")
                      .arg(QString::number(s.id), string(s.title), string(calibrationStateName(s.state)),
                           m ? string(calibrationBaselineName(m->baseline)) : QStringLiteral("null"),
                           m ? number(m->tolerance) : QStringLiteral("null"),
                           m ? number(m->sessionScore) : QStringLiteral("null"));

    QStringList participants;
    if (m) {
        for (const ParticipantCalibration &p : m->participants)
            participants.append(
                QStringLiteral("{\"id\":%1,\"name\":%2,\"alignment\":%3,\"mean_signed_deviation\":%4,"
                               "\"mean_abs_deviation\":%5,\"within_tolerance_pct\":%6,\"critical_mismatches\":%7,"
                               "\"items_scored\":%8,\"expert\":%9,")
                    .arg(QString::number(p.id), string(p.name), percent(p.alignment), number(p.meanSignedDeviation),
                         number(p.meanAbsDeviation), number(p.withinTolerancePct),
                         QString::number(p.criticalMismatches), QString::number(p.itemsScored), boolean(p.expert)) +
                QStringLiteral("\"applicability_agreement\":%1}").arg(number(p.applicabilityAgreement)));
    } else {
        for (const CalibrationSubmissionStatus &p : status)
            participants.append(
                QStringLiteral("{\"id\":%1,\"name\":%2,\"alignment\":null,\"mean_signed_deviation\":null,"
                               "\"mean_abs_deviation\":null,\"within_tolerance_pct\":null,\"critical_mismatches\":"
                               "null,\"items_scored\":%3,\"expert\":%4,\"submitted_at\":%5}")
                    .arg(QString::number(p.participantId), string(p.name), QString::number(p.itemsAnswered),
                         boolean(p.expert), nullableString(p.submittedAt)));
    }
    out += QStringLiteral("\"participants\":[%1],").arg(participants.join(QLatin1Char(',')));

    QStringList items;
    for (int i = 0; i < data.items.size(); ++i) {
        const CalibrationItem &it = data.items.at(i);
        QString spread = QStringLiteral("null"), flagged, baselineRaw = QStringLiteral("null");
        if (m) {
            const ItemCalibration &ic = m->items.at(i);
            spread = number(ic.spreadSd);
            baselineRaw = number(ic.baselineRaw);
            QStringList keys;
            for (const QString &k : ic.flaggedCriteria)
                keys.append(string(k));
            flagged = keys.join(QLatin1Char(','));
        }
        items.append(QStringLiteral("{\"id\":%1,\"ticket_id\":%2,\"spread_sd\":%3,\"flagged_criteria\":[%4],"
                                    "\"position\":%5,\"baseline_raw\":%6}")
                         .arg(QString::number(it.id), nullableString(it.ticketId), spread, flagged,
                              QString::number(it.position), baselineRaw));
    }
    out += QStringLiteral("\"items\":[%1],").arg(items.join(QLatin1Char(',')));

    QStringList criteria;
    if (m) {
        for (const CriterionCalibration &c : m->criteria) {
            const QString level = stats::levelName(c.level);
            criteria.append(QStringLiteral("{\"key\":%1,\"alpha\":%2,\"percent_agreement\":%3,\"ac1\":%4,"
                                           "\"applicability_agreement\":%5,\"spread\":%6,\"flagged\":%7,"
                                           "\"fleiss\":%8,\"answers\":%9}")
                                .arg(string(c.key), agreement(QStringLiteral("alpha"), level, c.alpha),
                                     number(c.percentAgreement.value), number(c.ac1.value),
                                     number(c.applicabilityAgreement), number(c.spread), boolean(c.flagged),
                                     agreement(QStringLiteral("fleiss"), QStringLiteral("nominal"), c.fleiss),
                                     QString::number(c.answers)));
        }
    }
    out += QStringLiteral("\"criteria\":[%1],").arg(criteria.join(QLatin1Char(',')));

    // Beyond cli.md.
    out += QStringLiteral("\"date\":%1,\"scorecard\":%2,\"scorecard_version\":%3,")
               .arg(string(s.date.toString(Qt::ISODate)), string(s.scorecardName), QString::number(s.scorecardVersion));
    if (!m) {
        out += QStringLiteral("\"note\":%1}\n")
                   .arg(string(QStringLiteral("answers and metrics are blind until the session is in review")));
        return out;
    }
    QStringList mismatches;
    for (const CriticalMismatch &cm : m->criticalMismatches)
        mismatches.append(QStringLiteral("{\"participant\":%1,\"item\":%2,\"criterion\":%3,\"kind\":%4}")
                              .arg(QString::number(data.participants.at(cm.participant).id),
                                   QString::number(data.items.at(cm.item).id),
                                   string(data.card.criterionAt(cm.criterion).key),
                                   string(cm.missed ? QStringLiteral("missed") : QStringLiteral("false"))));
    out += QStringLiteral("\"disagreement_threshold\":%1,\"critical_mismatch_list\":[%2],"
                          "\"critical_flag\":{\"fleiss\":%3,\"ac1\":%4},\"raw_score\":{\"alpha\":%5,\"icc\":%6}}\n")
               .arg(number(m->disagreementThreshold), mismatches.join(QLatin1Char(',')),
                    agreement(QStringLiteral("fleiss"), QStringLiteral("nominal"), m->criticalFlagKappa),
                    agreement(QStringLiteral("ac1"), QStringLiteral("nominal"), m->criticalFlagAc1),
                    agreement(QStringLiteral("alpha"), QStringLiteral("interval"), m->rawScoreAlpha),
                    iccJson(m->rawScoreIcc));
    return out;
}

} // namespace ql::CalibrationJson

// SPDX-License-Identifier: GPL-3.0-or-later
#include "explanationjson.h"

#include "scorerounding.h"

#include <QJsonArray>
#include <QLocale>

namespace ql {

namespace {

QJsonValue optionalNumber(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QString shortest(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

QString scoreText(const std::optional<double> &score, double threshold)
{
    return score ? formatAuditScoreForDisplay(*score, threshold) : QStringLiteral("none");
}

// "compliance: verify_identity, customer: greeting" for the failed critical criteria of a kind.
QString failedList(const AuditExplanation &ex, std::optional<CriticalEffect> effect)
{
    QStringList parts;
    for (const auto &c : ex.criteria) {
        if (c.criticalFailed && (!effect || c.criticalEffect == *effect))
            parts << QStringLiteral("%1: %2").arg(criticalFamilyName(c.critical), c.key);
    }
    return parts.join(QStringLiteral(", "));
}

// Columns padded to their widest cell; `right` marks the numeric ones.
QString table(const QList<QStringList> &rows, const QList<bool> &right)
{
    QList<qsizetype> widths(right.size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    }
    QString out;
    for (const QStringList &row : rows) {
        QStringList cells;
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            cells << (right.at(i) ? row.at(i).rightJustified(widths.at(i)) : row.at(i).leftJustified(widths.at(i)));
        QString line = cells.join(QStringLiteral("  "));
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out += line + QLatin1Char('\n');
    }
    return out;
}

QString percent(double share)
{
    return formatScoreForDisplay(100 * share) + QLatin1Char('%');
}

} // namespace

QJsonObject ExplanationJson::toJson(const AuditExplanation &ex, const QString &auditId, const QString &scorecardName,
                                    int scorecardVersion)
{
    const AuditScore &r = ex.result;
    QJsonArray sections;
    for (const auto &s : ex.sections) {
        sections.append(QJsonObject{{QStringLiteral("name"), s.name},
                                    {QStringLiteral("score"), optionalNumber(s.score)},
                                    {QStringLiteral("weight"), optionalNumber(s.weight)},
                                    {QStringLiteral("effective_weight"), s.effectiveWeight},
                                    {QStringLiteral("zeroed"), s.zeroed}});
    }
    QJsonArray criteria;
    for (const auto &c : ex.criteria) {
        criteria.append(QJsonObject{
            {QStringLiteral("key"), c.key},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("value"), optionalNumber(c.value)},
            {QStringLiteral("label"), c.label.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.label)},
            {QStringLiteral("na"), c.na},
            {QStringLiteral("missing"), c.missing},
            {QStringLiteral("c"), optionalNumber(c.c)},
            {QStringLiteral("weight"), c.weight},
            {QStringLiteral("effective_weight"), c.effectiveWeight},
            {QStringLiteral("points"), c.points},
            {QStringLiteral("points_lost"), c.pointsLost},
            {QStringLiteral("critical"), c.critical == CriticalFamily::None
                                             ? QJsonValue(QJsonValue::Null)
                                             : QJsonValue(criticalFamilyName(c.critical))},
            {QStringLiteral("critical_failed"), c.criticalFailed}});
    }
    return QJsonObject{
        {QStringLiteral("audit_id"), auditId},
        {QStringLiteral("scorecard"), scorecardName},
        {QStringLiteral("scorecard_version"), scorecardVersion},
        {QStringLiteral("score"), optionalNumber(r.score)},
        {QStringLiteral("raw_score"), optionalNumber(r.rawScore)},
        {QStringLiteral("critical_fail"), r.criticalFail},
        {QStringLiteral("critical_families"), QJsonArray::fromStringList(criticalFamilyNames(r.failedFamilies))},
        {QStringLiteral("passed"), r.passed},
        {QStringLiteral("incomplete"), r.incomplete},
        {QStringLiteral("threshold"), ex.threshold},
        {QStringLiteral("policy"), criticalPolicyName(ex.policy)},
        {QStringLiteral("decided_by"), AuditScore::decidedByName(r.decidedBy)},
        {QStringLiteral("sections"), sections},
        {QStringLiteral("criteria"), criteria}};
}

QString ExplanationJson::decisionSentence(const AuditExplanation &ex)
{
    const AuditScore &r = ex.result;
    const QString threshold = shortest(ex.threshold);
    switch (r.decidedBy) {
    case AuditScore::NoScore: {
        const bool anyRated =
            std::any_of(ex.criteria.cbegin(), ex.criteria.cend(), [](const auto &c) { return c.c.has_value(); });
        return anyRated ? QStringLiteral("No score: every rated criterion has weight 0; the audit does not pass.")
                        : QStringLiteral("No score: no criterion is rated; the audit does not pass.");
    }
    case AuditScore::Critical:
        if (ex.policy == CriticalPolicy::Flag)
            return QStringLiteral("Critical failure (%1): the audit fails; policy flag keeps the score.")
                .arg(failedList(ex, std::nullopt));
        return QStringLiteral(
                   "Critical failure (%1) with effect audit: policy zero sets the score to 0; the audit fails.")
            .arg(failedList(ex, CriticalEffect::Audit));
    case AuditScore::Section: {
        QStringList zeroed;
        for (const auto &s : ex.sections) {
            if (s.zeroed)
                zeroed << s.name;
        }
        return QStringLiteral("Critical failure (%1) with effect section: section %2 set to 0; the audit fails.")
            .arg(failedList(ex, CriticalEffect::Section), zeroed.join(QStringLiteral(", ")));
    }
    case AuditScore::Threshold:
        break;
    }
    const QString score = scoreText(r.score, ex.threshold);
    return r.passed ? QStringLiteral("Score %1 is at or above the threshold %2: passed.").arg(score, threshold)
                    : QStringLiteral("Score %1 is below the threshold %2: failed.").arg(score, threshold);
}

QString ExplanationJson::toText(const AuditExplanation &ex, const QString &auditId, const QString &scorecardName,
                                int scorecardVersion)
{
    const AuditScore &r = ex.result;
    QString out = QStringLiteral("Audit %1 · %2 v%3\n").arg(auditId, scorecardName).arg(scorecardVersion);
    out += QStringLiteral("Score %1 (raw %2) · threshold %3 · policy %4 · %5\n")
               .arg(scoreText(r.score, ex.threshold), scoreText(r.rawScore, ex.threshold), shortest(ex.threshold),
                    criticalPolicyName(ex.policy), r.passed ? QStringLiteral("PASSED") : QStringLiteral("FAILED"));
    out += decisionSentence(ex) + QLatin1Char('\n');
    QStringList unanswered;
    for (const auto &c : ex.criteria) {
        if (c.missing && !c.na)
            unanswered << c.key;
    }
    if (r.incomplete)
        out += QStringLiteral("Incomplete: no answer for %1, which do not allow N/A; scored on what is rated.\n")
                   .arg(unanswered.join(QStringLiteral(", ")));

    QList<QStringList> sectionRows{{QStringLiteral("Section"), QStringLiteral("Weight"), QStringLiteral("Share"),
                                    QStringLiteral("Score"), QString()}};
    for (const auto &s : ex.sections) {
        sectionRows << QStringList{s.name, s.weight ? shortest(*s.weight) : QStringLiteral("—"),
                                   s.score ? percent(s.effectiveWeight) : QStringLiteral("—"),
                                   s.score ? formatScoreForDisplay(*s.score) : QStringLiteral("dropped out"),
                                   s.zeroed ? QStringLiteral("set to 0 (critical failure)") : QString()};
    }
    out += QLatin1Char('\n') + table(sectionRows, {false, true, true, true, false});

    QList<QStringList> rows{{QStringLiteral("Criterion"), QStringLiteral("Value"), QStringLiteral("c"),
                             QStringLiteral("Weight"), QStringLiteral("Eff. weight"), QStringLiteral("Points"),
                             QStringLiteral("Lost"), QStringLiteral("Critical")}};
    double points = 0;
    double lost = 0;
    double share = 0;
    const QString dash = QStringLiteral("—");
    for (const auto &c : ex.criteria) {
        QString critical = criticalFamilyName(c.critical);
        if (c.criticalFailed)
            critical += QStringLiteral(" FAILED");
        if (!c.c) {
            rows << QStringList{c.key, c.na ? QStringLiteral("N/A") : QStringLiteral("missing"),
                                dash,  shortest(c.weight),
                                dash,  dash,
                                dash,  critical};
            continue;
        }
        const QString value =
            c.label.isEmpty() ? shortest(*c.value) : QStringLiteral("%1 (%2)").arg(c.label, shortest(*c.value));
        rows << QStringList{c.key,
                            value,
                            QString::number(*c.c, 'f', 3),
                            shortest(c.weight),
                            percent(c.effectiveWeight),
                            QString::number(c.points, 'f', 2),
                            QString::number(c.pointsLost, 'f', 2),
                            critical};
        points += c.points;
        lost += c.pointsLost;
        share += c.effectiveWeight;
    }
    rows << QStringList{
        QStringLiteral("Total"),       QString(), QString(), QString(), percent(share), QString::number(points, 'f', 2),
        QString::number(lost, 'f', 2), QString()};
    out += QLatin1Char('\n') + table(rows, {false, false, true, true, true, true, true, false});
    return out;
}

} // namespace ql

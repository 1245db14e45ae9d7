// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotmeasure.h"

#include <QObject>
#include <QRegularExpression>

namespace ql {

namespace {

struct Named
{
    const char *name;
    PivotMeasure::Kind kind;
};

const Named plainNames[] = {
    {"count", PivotMeasure::Kind::Count},
    {"audits", PivotMeasure::Kind::Audits},
    {"audits_total", PivotMeasure::Kind::AuditsTotal},
    {"qa_score", PivotMeasure::Kind::QaScore},
    {"raw_score", PivotMeasure::Kind::RawScore},
    {"pass_rate", PivotMeasure::Kind::PassRate},
    {"critical_rate", PivotMeasure::Kind::CriticalRate},
    {"compliance", PivotMeasure::Kind::Compliance},
    {"criterion_pass_rate", PivotMeasure::Kind::CriterionPassRate},
    {"na_rate", PivotMeasure::Kind::NaRate},
    {"csat_responses", PivotMeasure::Kind::CsatResponses},
    {"csat_pct", PivotMeasure::Kind::CsatPct},
    {"dsat_pct", PivotMeasure::Kind::DsatPct},
    {"csat_mean", PivotMeasure::Kind::CsatMean},
    {"nps", PivotMeasure::Kind::Nps},
};

const Named functionNames[] = {
    {"count_distinct", PivotMeasure::Kind::CountDistinct},
    {"sum", PivotMeasure::Kind::Sum},
    {"avg", PivotMeasure::Kind::Avg},
    {"min", PivotMeasure::Kind::Min},
    {"max", PivotMeasure::Kind::Max},
    {"median", PivotMeasure::Kind::Median},
    {"stddev", PivotMeasure::Kind::Stddev},
    {"accuracy", PivotMeasure::Kind::Accuracy},
    {"critical_rate", PivotMeasure::Kind::CriticalRate},
};

bool isFamily(const QString &s)
{
    return s == QLatin1String("customer") || s == QLatin1String("business") || s == QLatin1String("compliance");
}

QString known()
{
    return QObject::tr("count, count_distinct(DIM), sum/avg/min/max/median/pNN/stddev(FIELD), audits, audits_total, "
                       "qa_score, raw_score, pass_rate, critical_rate, accuracy(FAMILY), compliance, "
                       "criterion_pass_rate, na_rate, csat_responses, csat_pct, dsat_pct, csat_mean, nps");
}

} // namespace

std::optional<PivotMeasure> PivotMeasure::parse(const QString &text, QString *error)
{
    PivotMeasure m;
    m.spelling = text;
    QString compact = text;
    compact.remove(QLatin1Char(' '));
    for (const Named &n : plainNames)
        if (compact == QLatin1String(n.name)) {
            m.kind = n.kind;
            return m;
        }
    static const QRegularExpression call(QStringLiteral("^([a-z_]+|p[0-9]{1,3})\\(([^()]+)\\)$"));
    const QRegularExpressionMatch match = call.match(compact);
    if (!match.hasMatch()) {
        *error = QObject::tr("unknown measure \"%1\" (known: %2)").arg(text, known());
        return std::nullopt;
    }
    const QString function = match.captured(1);
    m.argument = match.captured(2);
    bool found = false;
    if (function.startsWith(QLatin1Char('p')) && function.size() > 1 && function.at(1).isDigit()) {
        const int p = function.mid(1).toInt();
        if (p < 1 || p > 99) {
            *error = QObject::tr("unknown measure \"%1\": a percentile is p1 to p99").arg(text);
            return std::nullopt;
        }
        m.kind = Kind::Percentile;
        m.percent = p;
        found = true;
    }
    for (const Named &n : functionNames)
        if (function == QLatin1String(n.name)) {
            m.kind = n.kind;
            found = true;
        }
    if (!found) {
        *error = QObject::tr("unknown measure \"%1\" (known: %2)").arg(text, known());
        return std::nullopt;
    }
    if ((m.kind == Kind::Accuracy || m.kind == Kind::CriticalRate) && !isFamily(m.argument)) {
        *error = QObject::tr("unknown measure \"%1\": \"%2\" is not a critical family (customer, business, compliance)")
                     .arg(text, m.argument);
        return std::nullopt;
    }
    return m;
}

QStringList PivotMeasure::fields(PivotSource source)
{
    switch (source) {
    case PivotSource::Audits:
        return {QStringLiteral("score"), QStringLiteral("raw_score"), QStringLiteral("csat")};
    case PivotSource::Answers:
        return {QStringLiteral("value"), QStringLiteral("c")};
    case PivotSource::Csat:
        return {QStringLiteral("csat"), QStringLiteral("score")};
    }
    return {};
}

QString PivotMeasure::checkSource(PivotSource source) const
{
    const QString name = pivotSourceName(source);
    switch (kind) {
    case Kind::Count:
    case Kind::CountDistinct:
        return {};
    case Kind::Sum:
    case Kind::Avg:
    case Kind::Min:
    case Kind::Max:
    case Kind::Median:
    case Kind::Percentile:
    case Kind::Stddev:
        if (fields(source).contains(argument))
            return {};
        return QObject::tr("unknown measure \"%1\": \"%2\" is not a numeric field of the %3 source (%4)")
            .arg(spelling, argument, name, fields(source).join(QStringLiteral(", ")));
    case Kind::Audits:
    case Kind::AuditsTotal:
    case Kind::QaScore:
    case Kind::RawScore:
    case Kind::PassRate:
    case Kind::CriticalRate:
    case Kind::Accuracy:
        if (source == PivotSource::Audits)
            return {};
        return QObject::tr("unknown measure \"%1\" for the %2 source: it is an audit KPI (use the audits source)")
            .arg(spelling, name);
    case Kind::Compliance:
    case Kind::CriterionPassRate:
    case Kind::NaRate:
        if (source == PivotSource::Answers)
            return {};
        return QObject::tr("unknown measure \"%1\" for the %2 source: it is a criterion KPI (use the answers source)")
            .arg(spelling, name);
    case Kind::CsatResponses:
    case Kind::CsatPct:
    case Kind::DsatPct:
    case Kind::CsatMean:
    case Kind::Nps:
        if (source != PivotSource::Answers)
            return {};
        return QObject::tr(
                   "unknown measure \"%1\" for the answers source: it is a CSAT KPI (use the csat or audits source)")
            .arg(spelling);
    }
    return {};
}

} // namespace ql

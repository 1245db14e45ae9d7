// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotfields.h"

#include "pivot/pivotmeasure.h"

#include <QCoreApplication>
#include <QHash>

#include <cmath>

namespace ql {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ql::PivotFields", text);
}

const QStringList &periodNames()
{
    static const QStringList names{QStringLiteral("day"), QStringLiteral("week"), QStringLiteral("month"),
                                   QStringLiteral("quarter"), QStringLiteral("year")};
    return names;
}

QString fieldTitle(const QString &field, PivotSource source)
{
    if (field == QLatin1String("score"))
        return source == PivotSource::Csat ? tr("CSAT score") : tr("score");
    if (field == QLatin1String("raw_score"))
        return tr("raw score");
    if (field == QLatin1String("csat"))
        return source == PivotSource::Csat ? tr("CSAT score") : tr("linked CSAT score");
    if (field == QLatin1String("value"))
        return tr("answer value");
    if (field == QLatin1String("c"))
        return tr("credit (c)");
    return field;
}

// The source a field name belongs to, for its title: "csat" reads differently on audits.
PivotSource guessSource(const QString &field)
{
    if (field == QLatin1String("value") || field == QLatin1String("c"))
        return PivotSource::Answers;
    return PivotSource::Audits;
}

QString familyTitle(const QString &family)
{
    if (family == QLatin1String("customer"))
        return tr("customer");
    if (family == QLatin1String("business"))
        return tr("business");
    if (family == QLatin1String("compliance"))
        return tr("compliance");
    return family;
}

} // namespace

QString PivotValueFormat::format(double value, const QLocale &locale) const
{
    if (!std::isfinite(value))
        return {};
    // Displayed values round half away from zero (scoring.md), as spreadsheets do.
    auto rounded = [](double v, int decimals) {
        const double scale = std::pow(10.0, decimals);
        return std::round(v * scale) / scale;
    };
    const QChar minus(0x2212);
    switch (style) {
    case Style::Count:
        return locale.toString(qint64(std::llround(value)));
    case Style::Percent:
        return locale.toString(rounded(value, 1), 'f', 1) + locale.percent();
    case Style::Number:
        return locale.toString(rounded(value, decimals), 'f', decimals);
    case Style::Points:
    case Style::Delta: {
        const int places = style == Style::Points ? 1 : decimals;
        const double r = rounded(value, places);
        QString text = locale.toString(std::fabs(r), 'f', places);
        text = (r > 0 ? QStringLiteral("+") : r < 0 ? QString(minus) : QString()) + text;
        return style == Style::Points ? tr("%1 pts").arg(text) : text;
    }
    }
    return {};
}

namespace PivotFields {

QStringList periods()
{
    return periodNames();
}

bool isPeriod(const QString &dimension)
{
    return periodNames().contains(dimension);
}

QStringList dimensionsOf(PivotSource source)
{
    QStringList people{QStringLiteral("agent_name"), QStringLiteral("agent"),      QStringLiteral("team"),
                       QStringLiteral("site"),       QStringLiteral("supervisor"), QStringLiteral("tenure_band")};
    switch (source) {
    case PivotSource::Audits:
        return people + QStringList{QStringLiteral("auditor"),           QStringLiteral("queue"),
                                    QStringLiteral("channel"),           QStringLiteral("reason"),
                                    QStringLiteral("sample_type"),       QStringLiteral("scorecard"),
                                    QStringLiteral("scorecard_version"), QStringLiteral("critical_family")};
    case PivotSource::Answers:
        return people + QStringList{QStringLiteral("auditor"),           QStringLiteral("queue"),
                                    QStringLiteral("channel"),           QStringLiteral("reason"),
                                    QStringLiteral("sample_type"),       QStringLiteral("scorecard"),
                                    QStringLiteral("scorecard_version"), QStringLiteral("section"),
                                    QStringLiteral("criterion"),         QStringLiteral("critical_family"),
                                    QStringLiteral("root_cause")};
    case PivotSource::Csat:
        return people + QStringList{QStringLiteral("queue"), QStringLiteral("channel"), QStringLiteral("reason")};
    }
    return {};
}

QList<PivotField> forSource(PivotSource source, const QStringList &customDimensions)
{
    QList<PivotField> fields;
    const QStringList builtIn = dimensionsOf(source);
    auto dimension = [&](const QString &name, const QString &group) {
        if (builtIn.contains(name))
            fields << PivotField{name, dimensionTitle(name), group, PivotField::Kind::Dimension, {}};
    };
    const QString people = tr("People");
    const QString work = tr("Work");
    const QString card = tr("Scorecard");
    for (const char *d : {"agent_name", "agent", "team", "site", "supervisor", "tenure_band", "auditor"})
        dimension(QLatin1String(d), people);
    for (const char *d : {"queue", "channel", "reason", "sample_type"})
        dimension(QLatin1String(d), work);
    for (const char *d : {"scorecard", "scorecard_version", "section", "criterion", "critical_family", "root_cause"})
        dimension(QLatin1String(d), card);
    fields << PivotField{QStringLiteral("date"), tr("Date"), tr("Time"), PivotField::Kind::Date,
                         tr("Grouped by day, week, month, quarter or year where you place it; in Filters, a date "
                            "range")};
    for (const QString &c : customDimensions)
        if (!builtIn.contains(c) && !isPeriod(c) && c != QLatin1String("date"))
            fields << PivotField{c, c, tr("Custom"), PivotField::Kind::Dimension, {}};

    auto measure = [&](const QString &spelling, const QString &group) {
        fields << PivotField{spelling, measureTitle(spelling), group, PivotField::Kind::Measure, {}};
    };
    const QString counts = tr("Counts");
    const QString quality = tr("Quality");
    const QString csat = source == PivotSource::Audits ? tr("CSAT of the linked responses") : tr("CSAT");
    measure(QStringLiteral("count"), counts);
    switch (source) {
    case PivotSource::Audits:
        measure(QStringLiteral("audits"), counts);
        measure(QStringLiteral("audits_total"), counts);
        measure(QStringLiteral("count_distinct(agent)"), counts);
        for (const char *m : {"qa_score", "pass_rate", "critical_rate", "accuracy(customer)", "accuracy(business)",
                              "accuracy(compliance)", "raw_score"})
            measure(QLatin1String(m), quality);
        for (const char *m : {"csat_responses", "csat_pct", "dsat_pct", "csat_mean", "nps"})
            measure(QLatin1String(m), csat);
        break;
    case PivotSource::Answers:
        measure(QStringLiteral("count_distinct(agent)"), counts);
        for (const char *m : {"compliance", "criterion_pass_rate", "na_rate"})
            measure(QLatin1String(m), quality);
        break;
    case PivotSource::Csat:
        measure(QStringLiteral("csat_responses"), counts);
        measure(QStringLiteral("count_distinct(agent)"), counts);
        for (const char *m : {"csat_pct", "dsat_pct", "csat_mean", "nps"})
            measure(QLatin1String(m), csat);
        break;
    }
    QStringList numeric = PivotMeasure::fields(source);
    if (source == PivotSource::Csat)
        numeric.removeAll(QStringLiteral("csat")); // the same number as score there
    for (const QString &f : numeric) {
        const QString group = tr("Statistics of %1").arg(fieldTitle(f, source));
        for (const char *fn : {"avg", "median", "p10", "p90", "min", "max", "stddev", "sum"})
            measure(QStringLiteral("%1(%2)").arg(QLatin1String(fn), f), group);
    }
    return fields;
}

QString sourceTitle(PivotSource source)
{
    switch (source) {
    case PivotSource::Audits:
        return tr("Audits");
    case PivotSource::Answers:
        return tr("Answers");
    case PivotSource::Csat:
        return tr("CSAT responses");
    }
    return {};
}

QString sourcePlural(PivotSource source)
{
    switch (source) {
    case PivotSource::Audits:
        return tr("audits");
    case PivotSource::Answers:
        return tr("answers");
    case PivotSource::Csat:
        return tr("CSAT responses");
    }
    return {};
}

QString sourceNoun(PivotSource source, qint64 n)
{
    const QString count = QLocale().toString(n);
    switch (source) {
    case PivotSource::Audits:
        return n == 1 ? tr("1 audit") : tr("%1 audits").arg(count);
    case PivotSource::Answers:
        return n == 1 ? tr("1 answer") : tr("%1 answers").arg(count);
    case PivotSource::Csat:
        return n == 1 ? tr("1 CSAT response") : tr("%1 CSAT responses").arg(count);
    }
    return count;
}

QString dimensionTitle(const QString &d)
{
    static const QHash<QString, const char *> titles{
        {QStringLiteral("agent"), QT_TRANSLATE_NOOP("ql::PivotFields", "Agent ID")},
        {QStringLiteral("agent_name"), QT_TRANSLATE_NOOP("ql::PivotFields", "Agent")},
        {QStringLiteral("team"), QT_TRANSLATE_NOOP("ql::PivotFields", "Team")},
        {QStringLiteral("site"), QT_TRANSLATE_NOOP("ql::PivotFields", "Site")},
        {QStringLiteral("supervisor"), QT_TRANSLATE_NOOP("ql::PivotFields", "Supervisor")},
        {QStringLiteral("tenure_band"), QT_TRANSLATE_NOOP("ql::PivotFields", "Tenure")},
        {QStringLiteral("queue"), QT_TRANSLATE_NOOP("ql::PivotFields", "Queue")},
        {QStringLiteral("channel"), QT_TRANSLATE_NOOP("ql::PivotFields", "Channel")},
        {QStringLiteral("auditor"), QT_TRANSLATE_NOOP("ql::PivotFields", "Auditor")},
        {QStringLiteral("scorecard"), QT_TRANSLATE_NOOP("ql::PivotFields", "Scorecard")},
        {QStringLiteral("scorecard_version"), QT_TRANSLATE_NOOP("ql::PivotFields", "Scorecard version")},
        {QStringLiteral("sample_type"), QT_TRANSLATE_NOOP("ql::PivotFields", "Sample type")},
        {QStringLiteral("section"), QT_TRANSLATE_NOOP("ql::PivotFields", "Section")},
        {QStringLiteral("criterion"), QT_TRANSLATE_NOOP("ql::PivotFields", "Criterion")},
        {QStringLiteral("root_cause"), QT_TRANSLATE_NOOP("ql::PivotFields", "Root cause")},
        {QStringLiteral("critical_family"), QT_TRANSLATE_NOOP("ql::PivotFields", "Critical family")},
        {QStringLiteral("reason"), QT_TRANSLATE_NOOP("ql::PivotFields", "CSAT reason")},
        {QStringLiteral("date"), QT_TRANSLATE_NOOP("ql::PivotFields", "Date")},
    };
    if (const auto it = titles.constFind(d); it != titles.constEnd())
        return tr(it.value());
    if (isPeriod(d))
        return periodTitle(d);
    return d;
}

QString periodTitle(const QString &period)
{
    if (period == QLatin1String("day"))
        return tr("Day");
    if (period == QLatin1String("week"))
        return tr("Week");
    if (period == QLatin1String("month"))
        return tr("Month");
    if (period == QLatin1String("quarter"))
        return tr("Quarter");
    if (period == QLatin1String("year"))
        return tr("Year");
    return period;
}

QString measureTitle(const QString &spelling)
{
    static const QHash<QString, const char *> plain{
        {QStringLiteral("count"), QT_TRANSLATE_NOOP("ql::PivotFields", "Count")},
        {QStringLiteral("audits"), QT_TRANSLATE_NOOP("ql::PivotFields", "Audits")},
        {QStringLiteral("audits_total"), QT_TRANSLATE_NOOP("ql::PivotFields", "All audits")},
        {QStringLiteral("qa_score"), QT_TRANSLATE_NOOP("ql::PivotFields", "QA score")},
        {QStringLiteral("raw_score"), QT_TRANSLATE_NOOP("ql::PivotFields", "Raw score")},
        {QStringLiteral("pass_rate"), QT_TRANSLATE_NOOP("ql::PivotFields", "Pass rate")},
        {QStringLiteral("critical_rate"), QT_TRANSLATE_NOOP("ql::PivotFields", "Critical error rate")},
        {QStringLiteral("compliance"), QT_TRANSLATE_NOOP("ql::PivotFields", "Criterion score")},
        {QStringLiteral("criterion_pass_rate"), QT_TRANSLATE_NOOP("ql::PivotFields", "Criterion pass rate")},
        {QStringLiteral("na_rate"), QT_TRANSLATE_NOOP("ql::PivotFields", "N/A rate")},
        {QStringLiteral("csat_responses"), QT_TRANSLATE_NOOP("ql::PivotFields", "CSAT responses")},
        {QStringLiteral("csat_pct"), QT_TRANSLATE_NOOP("ql::PivotFields", "CSAT %")},
        {QStringLiteral("dsat_pct"), QT_TRANSLATE_NOOP("ql::PivotFields", "DSAT %")},
        {QStringLiteral("csat_mean"), QT_TRANSLATE_NOOP("ql::PivotFields", "Mean CSAT")},
        {QStringLiteral("nps"), QT_TRANSLATE_NOOP("ql::PivotFields", "NPS")},
    };
    if (const auto it = plain.constFind(spelling); it != plain.constEnd())
        return tr(it.value());
    QString error;
    const auto m = PivotMeasure::parse(spelling, &error);
    if (!m)
        return spelling;
    const QString field = fieldTitle(m->argument, guessSource(m->argument));
    switch (m->kind) {
    case PivotMeasure::Kind::CountDistinct:
        if (m->argument == QLatin1String("agent") || m->argument == QLatin1String("agent_name"))
            return tr("Distinct agents");
        return tr("Distinct %1").arg(dimensionTitle(m->argument));
    case PivotMeasure::Kind::Sum:
        return tr("Sum of %1").arg(field);
    case PivotMeasure::Kind::Avg:
        return tr("Mean %1").arg(field);
    case PivotMeasure::Kind::Min:
        return tr("Lowest %1").arg(field);
    case PivotMeasure::Kind::Max:
        return tr("Highest %1").arg(field);
    case PivotMeasure::Kind::Median:
        return tr("Median %1").arg(field);
    case PivotMeasure::Kind::Percentile:
        return tr("P%1 %2").arg(m->percent).arg(field);
    case PivotMeasure::Kind::Stddev:
        return tr("Std. deviation of %1").arg(field);
    case PivotMeasure::Kind::Accuracy:
        return tr("Accuracy (%1)").arg(familyTitle(m->argument));
    case PivotMeasure::Kind::CriticalRate:
        return tr("Critical error rate (%1)").arg(familyTitle(m->argument));
    default:
        return spelling;
    }
}

QString showAsTitle(PivotShowAs showAs)
{
    switch (showAs) {
    case PivotShowAs::Value:
        return tr("Value");
    case PivotShowAs::PctGrand:
        return tr("% of grand total");
    case PivotShowAs::PctRow:
        return tr("% of row total");
    case PivotShowAs::PctCol:
        return tr("% of column total");
    case PivotShowAs::DiffPrevCol:
        return tr("Difference from previous column");
    }
    return {};
}

QString chipTitle(const QString &id, bool measure, PivotShowAs showAs)
{
    if (measure)
        return showAs == PivotShowAs::Value ? measureTitle(id)
                                            : tr("%1 · %2").arg(measureTitle(id), showAsTitle(showAs));
    if (isPeriod(id))
        return tr("Date · %1").arg(periodTitle(id));
    return dimensionTitle(id);
}

QString memberTitle(const QString &label)
{
    if (label == QLatin1String("(blank)"))
        return tr("(blank)");
    if (label == QLatin1String("(others)"))
        return tr("(others)");
    return label;
}

PivotValueFormat valueFormat(const QString &measure, PivotShowAs showAs)
{
    using Style = PivotValueFormat::Style;
    PivotValueFormat f;
    QString error;
    const auto m = PivotMeasure::parse(measure, &error);
    if (!m)
        return f;
    bool percentLevel = false;
    bool responses = false;
    switch (m->kind) {
    case PivotMeasure::Kind::Count:
    case PivotMeasure::Kind::CountDistinct:
    case PivotMeasure::Kind::Audits:
    case PivotMeasure::Kind::AuditsTotal:
    case PivotMeasure::Kind::CsatResponses:
        f.style = Style::Count;
        f.decimals = 0;
        f.minSampleApplies = false;
        break;
    case PivotMeasure::Kind::QaScore:
    case PivotMeasure::Kind::RawScore:
    case PivotMeasure::Kind::PassRate:
    case PivotMeasure::Kind::CriticalRate:
    case PivotMeasure::Kind::Accuracy:
    case PivotMeasure::Kind::Compliance:
    case PivotMeasure::Kind::CriterionPassRate:
    case PivotMeasure::Kind::NaRate:
        f.style = Style::Percent;
        percentLevel = true;
        break;
    case PivotMeasure::Kind::CsatPct:
    case PivotMeasure::Kind::DsatPct:
        f.style = Style::Percent;
        percentLevel = true;
        responses = true;
        break;
    case PivotMeasure::Kind::Nps:
        f.style = Style::Number; // a number from −100 to +100, not a percent (scoring.md)
        f.decimals = 1;
        responses = true;
        break;
    case PivotMeasure::Kind::CsatMean:
        f.style = Style::Number;
        f.decimals = 2;
        responses = true;
        break;
    case PivotMeasure::Kind::Sum:
        f.style = Style::Number;
        f.decimals = m->argument == QLatin1String("c") ? 2 : 1;
        f.minSampleApplies = false;
        break;
    default: { // statistics of a field
        f.style = Style::Number;
        const QString a = m->argument;
        f.decimals = a == QLatin1String("c") || a == QLatin1String("csat") ? 2 : 1;
        break;
    }
    }
    f.responses = responses;
    switch (showAs) {
    case PivotShowAs::Value:
        break;
    case PivotShowAs::PctGrand:
    case PivotShowAs::PctRow:
    case PivotShowAs::PctCol:
        f.style = Style::Percent;
        f.minSampleApplies = false;
        break;
    case PivotShowAs::DiffPrevCol:
        f.style = percentLevel ? Style::Points : Style::Delta;
        break;
    }
    return f;
}

} // namespace PivotFields

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartdata.h"

#include "pivot/pivotmeasure.h"

#include <QLocale>
#include <QObject>
#include <QRegularExpression>

namespace ql {

namespace {

QString fieldLabel(const QString &field)
{
    if (field == QLatin1String("score"))
        return QObject::tr("score");
    if (field == QLatin1String("raw_score"))
        return QObject::tr("raw score");
    if (field == QLatin1String("csat"))
        return QObject::tr("CSAT score");
    return field;
}

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

// Fixed three-letter months: QLocale's English short names say "Sept".
QString monthAbbreviation(int month)
{
    static const char *const names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return QString::fromLatin1(names[(month - 1) % 12]);
}

QString dayText(const QDate &d)
{
    return QStringLiteral("%1 %2 %3").arg(d.day()).arg(monthAbbreviation(d.month())).arg(d.year());
}

const QLocale &english()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}

} // namespace

ChartMeasureInfo chartMeasureInfo(const QString &spelling, PivotSource source, PivotShowAs showAs)
{
    using Kind = PivotMeasure::Kind;
    ChartMeasureInfo info;
    info.spelling = spelling;
    info.label = spelling;
    QString error;
    const auto m = PivotMeasure::parse(spelling, &error);
    if (!m)
        return info;
    const bool scoreField = m->argument == QLatin1String("score") || m->argument == QLatin1String("raw_score");
    auto fieldMeasure = [&](const QString &what) {
        info.label = capitalised(QStringLiteral("%1 %2").arg(what, fieldLabel(m->argument)));
        info.unit = scoreField ? ValueUnit::Points : ValueUnit::Number;
        info.field = m->argument;
    };
    switch (m->kind) {
    case Kind::Count:
        info.label = source == PivotSource::Audits    ? QObject::tr("Audits")
                     : source == PivotSource::Answers ? QObject::tr("Answers")
                                                      : QObject::tr("Responses");
        info.unit = ValueUnit::Count;
        break;
    case Kind::CountDistinct:
        info.label = QObject::tr("Distinct %1").arg(m->argument);
        info.unit = ValueUnit::Count;
        break;
    case Kind::Sum:
        fieldMeasure(QObject::tr("total"));
        break;
    case Kind::Avg:
        fieldMeasure(QObject::tr("mean"));
        break;
    case Kind::Min:
        fieldMeasure(QObject::tr("lowest"));
        break;
    case Kind::Max:
        fieldMeasure(QObject::tr("highest"));
        break;
    case Kind::Median:
        fieldMeasure(QObject::tr("median"));
        break;
    case Kind::Percentile:
        fieldMeasure(QObject::tr("p%1").arg(m->percent));
        break;
    case Kind::Stddev:
        fieldMeasure(QObject::tr("SD of"));
        info.field.clear();
        break;
    case Kind::Audits:
        info.label = QObject::tr("Audits");
        info.unit = ValueUnit::Count;
        break;
    case Kind::AuditsTotal:
        info.label = QObject::tr("Audits (all types)");
        info.unit = ValueUnit::Count;
        break;
    case Kind::QaScore:
        info.label = QObject::tr("QA score");
        info.unit = ValueUnit::Points;
        info.field = QStringLiteral("score");
        break;
    case Kind::RawScore:
        info.label = QObject::tr("Raw score");
        info.unit = ValueUnit::Points;
        info.field = QStringLiteral("raw_score");
        break;
    case Kind::PassRate:
        info.label = QObject::tr("Pass rate");
        info.unit = ValueUnit::Percent;
        info.rate = true;
        break;
    case Kind::CriticalRate:
        info.label = m->argument.isEmpty() ? QObject::tr("Critical error rate")
                                           : QObject::tr("Critical error rate (%1)").arg(m->argument);
        info.unit = ValueUnit::Percent;
        info.rate = true;
        info.higherIsBetter = false;
        break;
    case Kind::Accuracy:
        info.label = QObject::tr("%1 accuracy").arg(capitalised(m->argument));
        info.unit = ValueUnit::Percent;
        info.rate = true;
        break;
    case Kind::Compliance:
        info.label = QObject::tr("Compliance");
        info.unit = ValueUnit::Percent;
        info.field = QStringLiteral("c");
        info.fieldScale = 100;
        break;
    case Kind::CriterionPassRate:
        info.label = QObject::tr("Criterion pass rate");
        info.unit = ValueUnit::Percent;
        info.rate = true;
        break;
    case Kind::NaRate:
        info.label = QObject::tr("N/A rate");
        info.unit = ValueUnit::Percent;
        info.rate = true;
        info.higherIsBetter = false;
        break;
    case Kind::CsatResponses:
        info.label = QObject::tr("CSAT responses");
        info.unit = ValueUnit::Count;
        break;
    case Kind::CsatPct:
        info.label = QObject::tr("CSAT %");
        info.unit = ValueUnit::Percent;
        info.rate = true;
        break;
    case Kind::DsatPct:
        info.label = QObject::tr("DSAT %");
        info.unit = ValueUnit::Percent;
        info.rate = true;
        info.higherIsBetter = false;
        break;
    case Kind::CsatMean:
        info.label = QObject::tr("CSAT mean");
        info.unit = ValueUnit::Number;
        info.field = QStringLiteral("csat");
        break;
    case Kind::Nps:
        info.label = QObject::tr("NPS");
        info.unit = ValueUnit::Number;
        break;
    }
    if (showAs == PivotShowAs::PctGrand || showAs == PivotShowAs::PctRow || showAs == PivotShowAs::PctCol) {
        info.label = QObject::tr("%1 (share)").arg(info.label);
        info.unit = ValueUnit::Percent;
        info.rate = false;
        info.field.clear();
    } else if (showAs == PivotShowAs::DiffPrevCol) {
        info.label = QObject::tr("%1, change").arg(info.label);
        info.rate = false;
        info.field.clear();
    }
    return info;
}

QString chartDisplayLabel(const QString &label)
{
    static const QRegularExpression month(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    static const QRegularExpression quarter(QStringLiteral("^(\\d{4})-Q([1-4])$"));
    static const QRegularExpression week(QStringLiteral("^(\\d{4})-W(\\d{2})$"));
    static const QRegularExpression day(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    if (const auto m = month.match(label); m.hasMatch()) {
        const int mo = m.captured(2).toInt();
        if (mo >= 1 && mo <= 12)
            return QStringLiteral("%1 %2").arg(monthAbbreviation(mo), m.captured(1));
    }
    if (const auto m = quarter.match(label); m.hasMatch())
        return QStringLiteral("Q%1 %2").arg(m.captured(2), m.captured(1));
    if (const auto m = week.match(label); m.hasMatch())
        return QStringLiteral("W%1 %2").arg(m.captured(2), m.captured(1));
    if (const auto m = day.match(label); m.hasMatch()) {
        const QDate d = QDate::fromString(label, Qt::ISODate);
        if (d.isValid())
            return QStringLiteral("%1 %2 %3").arg(d.day()).arg(monthAbbreviation(d.month())).arg(d.year());
    }
    return label;
}

QString chartNamedLabel(const QString &label, const QString &dimensions, const QHash<QString, QString> &criterionNames)
{
    static const QString separator = QStringLiteral(" · ");
    if (criterionNames.isEmpty() || !dimensions.contains(QLatin1String("criterion")))
        return label;
    const QStringList dims = dimensions.split(separator);
    QStringList parts = label.split(separator);
    if (parts.size() != dims.size()) // a label that itself holds " · ": leave it as it is
        return label;
    for (int i = 0; i < parts.size(); ++i)
        if (dims[i] == QLatin1String("criterion"))
            parts[i] = criterionNames.value(parts[i], parts[i]);
    return parts.join(separator);
}

QStringList chartDisplayLabels(const QStringList &labels)
{
    QStringList out;
    QString previousYear;
    for (const QString &label : labels) {
        const QString shown = chartDisplayLabel(label);
        if (shown == label || label.size() < 4) {
            out << shown;
            previousYear.clear();
            continue;
        }
        const QString year = label.left(4);
        if (year == previousYear && shown.endsWith(year))
            out << shown.left(shown.size() - 5);
        else
            out << shown;
        previousYear = year;
    }
    return out;
}

QString nextPeriodLabel(const QString &label)
{
    static const QRegularExpression month(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    static const QRegularExpression quarter(QStringLiteral("^(\\d{4})-Q([1-4])$"));
    static const QRegularExpression week(QStringLiteral("^(\\d{4})-W(\\d{2})$"));
    static const QRegularExpression year(QStringLiteral("^(\\d{4})$"));
    if (const auto m = month.match(label); m.hasMatch()) {
        const QDate d = QDate(m.captured(1).toInt(), m.captured(2).toInt(), 1).addMonths(1);
        return d.isValid() ? d.toString(QStringLiteral("yyyy-MM")) : QString();
    }
    if (const auto m = quarter.match(label); m.hasMatch()) {
        const int q = m.captured(2).toInt();
        return q == 4 ? QStringLiteral("%1-Q1").arg(m.captured(1).toInt() + 1) : QStringLiteral("%1-Q%2").arg(m.captured(1)).arg(q + 1);
    }
    if (const auto m = week.match(label); m.hasMatch()) {
        // Monday of ISO week 1 is the Monday of the week holding 4 January.
        const QDate jan4(m.captured(1).toInt(), 1, 4);
        const QDate monday = jan4.addDays(1 - jan4.dayOfWeek()).addDays(7 * (m.captured(2).toInt() - 1)).addDays(7);
        int isoYear = 0;
        const int w = monday.weekNumber(&isoYear);
        return QStringLiteral("%1-W%2").arg(isoYear).arg(w, 2, 10, QLatin1Char('0'));
    }
    if (const auto m = year.match(label); m.hasMatch())
        return QString::number(m.captured(1).toInt() + 1);
    const QDate d = QDate::fromString(label, Qt::ISODate);
    if (d.isValid() && label.size() == 10)
        return d.addDays(1).toString(Qt::ISODate);
    return {};
}

QString ChartData::footnote() const
{
    QStringList parts;
    parts << QObject::tr("Source: %1")
                 .arg(organisation.isEmpty() ? QStringLiteral("QualityLens")
                                             : QStringLiteral("QualityLens, %1").arg(organisation));
    const QString what = source == PivotSource::Audits    ? QObject::tr("audits")
                         : source == PivotSource::Answers ? QObject::tr("answers")
                                                          : QObject::tr("survey responses");
    parts << QObject::tr("n = %1 %2").arg(english().toString(facts), what);
    if (firstDate.isValid() && lastDate.isValid())
        parts << QObject::tr("%1 – %2 by %3").arg(dayText(firstDate), dayText(lastDate), periodDate);
    else if (!periodDate.isEmpty())
        parts << QObject::tr("periods by %1").arg(periodDate);
    parts << (filters.isEmpty() ? QObject::tr("no filters") : QObject::tr("filters: %1").arg(filters));
    return parts.join(QStringLiteral(" · "));
}

} // namespace ql

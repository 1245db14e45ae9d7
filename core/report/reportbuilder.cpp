// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportbuilder.h"

#include "chart/chartdatabuilder.h"
#include "pivot/cubecache.h"
#include "rca/rcaengine.h"
#include "store/reportqueries.h"
#include "reportparts.h"
#include "sentsectionstore.h"
#include "store/dashboardqueries.h"
#include "store/criterionnames.h"
#include "store/projectsettings.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace ql {

namespace report {

QString Context::agent(const QString &key, const QString &name) const
{
    switch (names) {
    case NameDisplay::Names:
        return name.isEmpty() ? key : name;
    case NameDisplay::Ids:
        return key;
    case NameDisplay::Pseudonyms:
        return AgentNames::pseudonym(pseudonymKey, key);
    }
    return key;
}

QString periodTitle(const KpiPeriod &period)
{
    const QLocale c = QLocale::c();
    switch (period.kind) {
    case KpiPeriod::Kind::Month:
        return c.monthName(period.from.month()) + QLatin1Char(' ') + QString::number(period.from.year());
    case KpiPeriod::Kind::Quarter:
        return QStringLiteral("Q%1 %2").arg((period.from.month() - 1) / 3 + 1).arg(period.from.year());
    case KpiPeriod::Kind::Week:
        return QStringLiteral("Week %1 (%2 – %3)")
            .arg(period.label().mid(period.label().indexOf(QLatin1Char('W')) + 1),
                 c.toString(period.from, QStringLiteral("d MMM")), c.toString(period.to, QStringLiteral("d MMM yyyy")));
    case KpiPeriod::Kind::Year:
        return QString::number(period.from.year());
    case KpiPeriod::Kind::Custom:
        return c.toString(period.from, QStringLiteral("d MMM yyyy")) + QStringLiteral(" – ")
               + c.toString(period.to, QStringLiteral("d MMM yyyy"));
    }
    return period.label();
}

QString number(double value, int decimals)
{
    QString text = QLocale::c().toString(value, 'f', decimals);
    if (text.startsWith(QLatin1Char('-')))
        text.replace(0, 1, QChar(0x2212));
    return text;
}

QString percent(double value, int decimals)
{
    return number(value, decimals) + QLatin1Char('%');
}

QString count(qint64 value)
{
    // C locale digits with a thousands comma: "4,201", the same on every machine.
    QLocale english(QLocale::English, QLocale::UnitedStates);
    english.setNumberOptions(QLocale::DefaultNumberOptions);
    return english.toString(value);
}

QList<ReportKpi> headlineKpis(const KpiReport &r)
{
    auto kpi = [](const char *key, const char *label, const KpiValue &v, bool pct, bool cnt = false) {
        ReportKpi k;
        k.key = QString::fromLatin1(key);
        k.label = QString::fromLatin1(label);
        k.value = v;
        k.percent = pct;
        k.count = cnt;
        k.decimals = cnt ? 0 : 1;
        return k;
    };
    return {
        kpi("qa_score", "QA score", r.qaScore, false),
        kpi("pass_rate", "Pass rate", r.passRate, true),
        kpi("critical_rate", "Critical error rate", r.criticalRate, true),
        kpi("critical_customer", "  customer-critical", r.criticalCustomer, true),
        kpi("critical_business", "  business-critical", r.criticalBusiness, true),
        kpi("critical_compliance", "  compliance-critical", r.criticalCompliance, true),
        kpi("csat_pct", "CSAT", r.csatPct, true),
        kpi("audits", "Audits counted", r.audits, false, true),
        kpi("csat_responses", "CSAT responses", r.csatResponses, false, true),
    };
}

KpiPeriod trendRange(const KpiPeriod &period, int count)
{
    KpiPeriod last = KpiPeriod::month(period.to);
    KpiPeriod first = last;
    for (int i = 1; i < count; ++i)
        first = first.previous();
    return KpiPeriod::custom(first.from, last.to);
}

std::optional<ReportChart> chart(const Context &c, const ChartSpec &spec, double aspect, QString *why)
{
    const auto &cube = spec.pivot.source == PivotSource::Csat ? c.csat : c.audits;
    if (!cube) {
        *why = QStringLiteral("the data could not be read");
        return std::nullopt;
    }
    ChartContext context = c.chartContext;
    context.minSample = spec.pivot.source == PivotSource::Csat ? c.minResponses : c.minAudits;
    auto data = ChartDataBuilder::build(*cube, spec, c.pivotOptions, context, why);
    if (!data)
        return std::nullopt;
    ReportChart out;
    out.spec = spec;
    out.data = *data;
    out.aspect = aspect;
    return out;
}

ReportChart trendSpecChart(const Context &c, ChartType type, const QString &measure, const QString &title,
                           PivotSource source, QString *why, bool *ok)
{
    const KpiPeriod range = trendRange(c.period);
    ChartSpec spec;
    spec.type = type;
    spec.title = title;
    spec.subtitle = QStringLiteral("12 months to %1, with control limits").arg(periodTitle(KpiPeriod::month(c.period.to)));
    spec.theme = QStringLiteral("light");
    spec.pivot.source = source;
    spec.pivot.rows = {QStringLiteral("month")};
    spec.pivot.measures = {measure};
    spec.pivot.from = range.from;
    spec.pivot.to = range.to;
    const auto target = c.engine->queries().target(measure, {}, {}, {}, c.period.to);
    if (target && type != ChartType::PChart && type != ChartType::Xmr)
        spec.target = target;
    auto result = chart(c, spec, 0.6, why);
    *ok = result.has_value();
    return result ? *result : ReportChart{};
}

QStringList rcaSentences(const Context &c)
{
    QStringList out;
    const auto base = rca::Period::parse(c.period.previous().label());
    const auto current = rca::Period::parse(c.period.label());
    if (!base || !current)
        return out;
    const ProjectSettings settings(c.db);
    for (const char *kpi : {"qa_score", "pass_rate", "csat_pct"}) {
        if (c.stop())
            return out;
        QString error;
        const auto metric = rca::Metric::parse(QString::fromLatin1(kpi), &error);
        if (!metric)
            continue;
        const bool isCsat = metric->source == PivotSource::Csat;
        const auto &cube = isCsat ? c.csat : c.audits;
        if (!cube)
            continue;
        rca::Request request;
        request.metric = *metric;
        request.base = *base;
        request.current = *current;
        rca::Settings rcaSettings;
        rcaSettings.minSample = isCsat ? c.minResponses : c.minAudits;
        rcaSettings.minChange = settings.value(ProjectSettings::RcaMinimumChange).toDouble();
        const auto result = rca::RcaEngine::run(*cube, request, c.pivotOptions, rcaSettings, &error);
        out << (result ? result->summary
                       : QStringLiteral("%1: not analysed (%2).").arg(metric->title, error));
    }
    return out;
}

std::optional<PivotResult> periodPivot(const Context &c, PivotSource source, const QString &dimension,
                                       const QStringList &measures, QString *error)
{
    const auto &cube = source == PivotSource::Csat ? c.csat : c.audits;
    if (!cube) {
        *error = QStringLiteral("the data could not be read");
        return std::nullopt;
    }
    PivotSpec spec;
    spec.source = source;
    spec.rows = {dimension};
    spec.measures = measures;
    spec.from = c.period.from;
    spec.to = c.period.to;
    return PivotEngine::compute(*cube, spec, c.pivotOptions, error);
}

void addSentSections(const Context &c, ReportDocument &doc)
{
    if (!SentSectionStore::takesSections(c.kind))
        return;
    QString error;
    const auto sent = SentSectionStore(c.db).load(c.kind, &error);
    QList<ReportSection> sections;
    if (sent) {
        sections = sentSections(c, *sent);
    } else {
        ReportSection s;
        s.key = QStringLiteral("sent");
        s.title = QStringLiteral("Sections sent from Insights");
        s.blocks << ReportBlock::paragraph(QStringLiteral("The sections sent to this report cannot be read (%1); remove "
                                                          "and send them again from the Insights page.")
                                               .arg(error));
        sections << s;
    }
    // After the template's own analyses and before the analyst's notes, which comment on all of them.
    qsizetype at = doc.sections.size();
    for (qsizetype i = 0; i < doc.sections.size(); ++i) {
        const QString &key = doc.sections.at(i).key;
        if (key == QLatin1String("commentary") || key == QLatin1String("actions") || key == QLatin1String("data-quality")) {
            at = i;
            break;
        }
    }
    for (const ReportSection &s : std::as_const(sections))
        doc.sections.insert(at++, s);
}

} // namespace report

std::optional<ReportDocument> ReportBuilder::build(const QSqlDatabase &db, ReportTemplate kind, const QString &period,
                                                   const ReportOptions &options, QString *error, ReportError *code)
{
    auto fail = [&](ReportError why, const QString &message) -> std::optional<ReportDocument> {
        if (error)
            *error = message;
        if (code)
            *code = why;
        return std::nullopt;
    };
    if (code)
        *code = ReportError::None;
    const auto parsed = KpiPeriod::parse(period);
    if (!parsed || !parsed->isValid())
        return fail(ReportError::BadPeriod,
                    QStringLiteral("the period must be a month (2026-10), quarter (2026-Q3), ISO week (2026-W07) "
                                   "or year (2026), not \"%1\"")
                        .arg(period));

    report::Context c;
    c.db = db;
    c.kind = kind;
    c.period = *parsed;
    c.canceled = options.canceled;
    const ProjectSettings settings(db);
    c.organisation = settings.organisationName();
    c.minAudits = settings.minSampleAudits();
    c.minResponses = settings.minSampleResponses();
    c.names = options.names ? *options.names
                            : AgentNames::fromName(settings.value(ProjectSettings::NameDisplay).toString())
                                  .value_or(NameDisplay::Names);
    if (c.names == NameDisplay::Pseudonyms) {
        QString keyError;
        c.pseudonymKey = AgentNames::projectKey(db, &keyError);
        if (c.pseudonymKey.isEmpty())
            return fail(ReportError::Failed, QStringLiteral("pseudonyms cannot be made: %1").arg(keyError));
    }
    c.pivotOptions = PivotOptions::fromProject(db);
    c.chartContext.periodDate = settings.periodDate();
    c.chartContext.organisation = c.organisation;
    c.chartContext.countedSampleTypes = settings.countedSampleTypes();
    c.chartContext.criterionNames = CriterionNames::load(db);
    c.engine = std::make_unique<KpiEngine>(db);
    c.notes = ReportNotesStore(db).load(kind, c.period.label());

    ReportDocument doc;
    doc.kind = kind;
    doc.title = reportTemplateTitle(kind);
    doc.period = c.period.label();
    doc.periodTitle = report::periodTitle(c.period);
    doc.organisation = c.organisation;
    doc.pageSize = settings.value(ProjectSettings::ReportPageSize).toString() == QLatin1String("Letter")
                       ? QStringLiteral("Letter")
                       : QStringLiteral("A4");
    doc.names = AgentNames::displayName(c.names);
    const QDate latest = c.engine->queries().latestDate();
    const auto lastImport = DashboardQueries(db).lastImport();
    doc.dataAsOf = lastImport ? QLocale::c().toString(lastImport->at.toUTC().date(), QStringLiteral("d MMMM yyyy"))
                              : QString();

    if (kind == ReportTemplate::Calibration) {
        QString why;
        if (!report::buildCalibration(c, doc, &why))
            return fail(c.stop() ? ReportError::Canceled : ReportError::NoData, why);
        return doc;
    }

    // The headline KPIs only: the criteria and root causes of the top defects come from the answers
    // cube below, which the CSAT drivers read too (one pass instead of two SQL joins over the answers).
    c.report = c.engine->headline({KpiSlice::Kind::All, {}}, c.period);
    if (c.report.auditsTotal.value.value_or(0) <= 0)
        return fail(ReportError::NoData,
                    QStringLiteral("there are no audits in %1 (the latest audit is of %2)")
                        .arg(c.period.label(), latest.isValid() ? latest.toString(Qt::ISODate) : QStringLiteral("–")));
    if (c.stop())
        return fail(ReportError::Canceled, QStringLiteral("canceled"));
    report::applyPublished(c); // a closed period: its headline as published
    QString cubeError;
    // Through the project's cube snapshots when they match the data (a bulk read instead of a scan);
    // the ones scanned under one data stamp go to options.scanned, to be kept as snapshots.
    auto obtain = [&](PivotSource source, QString *error, std::shared_ptr<const Cube> audits = {}) {
        CubeCache::Result r = CubeCache::obtain(db, source, {}, error, std::move(audits));
        if (r.cube && !r.fromSnapshot && options.scanned) {
            if (options.scanned->cubes.isEmpty())
                options.scanned->stamp = r.stamp;
            if (options.scanned->stamp == r.stamp)
                options.scanned->cubes << r.cube;
        }
        return r.cube;
    };
    c.audits = obtain(PivotSource::Audits, &cubeError);
    if (!c.audits)
        return fail(ReportError::Failed, QStringLiteral("the audits cannot be read: %1").arg(cubeError));
    c.csat = obtain(PivotSource::Csat, &cubeError, c.audits);
    if (c.stop())
        return fail(ReportError::Canceled, QStringLiteral("canceled"));
    c.answers = obtain(PivotSource::Answers, &c.answersError, c.audits);
    if (c.stop())
        return fail(ReportError::Canceled, QStringLiteral("canceled"));

    doc.titleFacts << QStringLiteral("%1 audits counted of %2 in the period")
                          .arg(report::count(c.report.audits.n), report::count(c.report.auditsTotal.n));
    if (c.report.csatResponses.n > 0)
        doc.titleFacts << QStringLiteral("%1 CSAT responses").arg(report::count(c.report.csatResponses.n));
    if (c.published && c.published->readable)
        doc.titleFacts << QStringLiteral("Closed on %1 by %2: headline KPIs as published")
                              .arg(c.published->closedAt, c.published->closedBy);
    doc.titleFacts << QStringLiteral("Periods by %1; agents shown by %2")
                          .arg(settings.periodDate() == QLatin1String("interaction_date") ? QStringLiteral("interaction date")
                                                                                          : QStringLiteral("review date"),
                               doc.names);
    if (kind == ReportTemplate::Mbr)
        report::buildMbr(c, doc);
    else
        report::buildMonthly(c, doc);
    if (c.stop())
        return fail(ReportError::Canceled, QStringLiteral("canceled"));
    report::addSentSections(c, doc);
    if (c.stop())
        return fail(ReportError::Canceled, QStringLiteral("canceled"));
    return doc;
}

} // namespace ql

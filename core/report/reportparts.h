// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to core/report: what the template builders share.

#include "export/agentnames.h"
#include "pivot/cube.h"
#include "pivot/pivotengine.h"
#include "reportbuilder.h"
#include "reportnotesstore.h"
#include "scorecard/kpiengine.h"
#include "sentsection.h"

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>
#include <optional>

namespace ql::rca {
struct DriversResult;
struct DriversOptions;
} // namespace ql::rca

namespace ql::report {

// A closed period's snapshot as the report uses it (reportpublished.cpp).
struct Published
{
    QString closedAt; // the day, ISO
    QString closedBy;
    bool readable = true;     // false: the snapshot has no KPIs to read (today's numbers are shown)
    QStringList restatements; // Restatement::text() of this period
};

struct Context
{
    QSqlDatabase db;
    ReportTemplate kind = ReportTemplate::MonthlyQuality;
    KpiPeriod period;
    QString organisation;
    int minAudits = 10;
    int minResponses = 20;
    NameDisplay names = NameDisplay::Names;
    QByteArray pseudonymKey;
    PivotOptions pivotOptions;
    ChartContext chartContext;
    std::unique_ptr<KpiEngine> engine;
    KpiReport report; // KpiSlice::All for the period; a closed period's headline KPIs as published
    std::optional<Published> published; // the period is closed
    std::shared_ptr<const Cube> audits;
    std::shared_ptr<const Cube> csat;
    // The monthly report and the MBR: the answers cube (top defects, CSAT drivers) and why it is
    // missing. Criterion names: chartContext.criterionNames.
    std::shared_ptr<const Cube> answers;
    QString answersError;
    ReportNotes notes;
    std::function<bool()> canceled;

    bool stop() const { return canceled && canceled(); }
    // An agent as the report shows them (names, ids or pseudonyms).
    QString agent(const QString &key, const QString &name) const;
};

// "October 2026", "Q3 2026", "W07 2026", …
QString periodTitle(const KpiPeriod &period);
// "78.4", "91.2%", "1,204"
QString number(double value, int decimals);
QString percent(double value, int decimals = 1);
QString count(qint64 value);
// The headline KPIs of a report (QA score, pass rate, critical error rates, CSAT, volumes).
QList<ReportKpi> headlineKpis(const KpiReport &report);
// The months ending with the period's last month, `count` of them, as one period (the trend range).
KpiPeriod trendRange(const KpiPeriod &period, int count = 12);
// A chart of the audits (or CSAT) cube; nullopt with a note in *why when it cannot be drawn.
std::optional<ReportChart> chart(const Context &c, const ChartSpec &spec, double aspect, QString *why);
// The trend charts: QA score (XmR), pass rate (p-chart), CSAT % (p-chart).
ReportChart trendSpecChart(const Context &c, ChartType type, const QString &measure, const QString &title,
                           PivotSource source, QString *why, bool *ok);
// The RCA sentence of each headline KPI, the previous period → this one.
QStringList rcaSentences(const Context &c);
// A pivot over the period: rows = dimension, the given measures.
std::optional<PivotResult> periodPivot(const Context &c, PivotSource source, const QString &dimension,
                                       const QStringList &measures, QString *error);

// A closed period: the snapshot's headline KPIs replace today's in c.report and c.published is set.
// false when the period is not closed.
bool applyPublished(Context &c);
// The note (and restatements) a closed period's headline says; empty when it is not closed.
QList<ReportBlock> publishedBlocks(const Context &c);

// The template builders.
void buildMonthly(Context &c, ReportDocument &doc);
void buildMbr(Context &c, ReportDocument &doc);
// The calibration template; false when the period had no closed session.
bool buildCalibration(Context &c, ReportDocument &doc, QString *error);
// The calibration health section of the monthly report.
ReportSection calibrationHealth(const Context &c);
// The data-quality appendix of the monthly report.
ReportSection dataQualityAppendix(const Context &c);
// The sections sent from Insights, recomputed for the period (keys sent-1, sent-2, …).
QList<ReportSection> sentSections(const Context &c, const QList<SentSection> &sections);
// The period's counted answers from c.answers (reportanswers.cpp): rated and failed per criterion
// key (code-point order of keys), and the root causes recorded on failed answers (most first, ties
// by name); the counts of KpiQueries::criteria (pooled by key) and KpiQueries::rootCauses.
struct CriterionFailures
{
    QString key;
    QString name;
    qint64 rated = 0;
    qint64 failed = 0;
};
struct AnswerFailures
{
    bool read = false; // false: no answers cube (c.answersError says why)
    QList<CriterionFailures> criteria;
    QList<RootCauseCount> rootCauses;
};
AnswerFailures answerFailures(const Context &c);
// The monthly report's CSAT drivers (reportdrivers.cpp): the options it runs rca::Drivers with (the
// period, ranked by potential gain), the section, and the drivers table it shares with the section
// sent from Insights (ranked criteria only, by name where `names` has their key; *unranked counts
// the others).
rca::DriversOptions driversOptions(const Context &c);
ReportSection csatDrivers(const Context &c);
ReportTable driversTable(const rca::DriversResult &result, int *unranked, const QHash<QString, QString> &names = {});
// Puts the template's sent sections (SentSectionStore) into the document before the analyst's notes.
void addSentSections(const Context &c, ReportDocument &doc);

} // namespace ql::report

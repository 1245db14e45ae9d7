// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/chartdata.h"
#include "chart/chartspec.h"
#include "scorecard/kpireport.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ql {

// The report templates of cli.md `report` (docs/reports.md).
enum class ReportTemplate : quint8 { MonthlyQuality, Mbr, Calibration };
QString reportTemplateName(ReportTemplate kind);  // monthly-quality, mbr, calibration
QString reportTemplateTitle(ReportTemplate kind); // "Monthly Quality Report", …
std::optional<ReportTemplate> reportTemplateFromName(const QString &name);
QList<ReportTemplate> allReportTemplates();

// good / watch / bad colouring of a KPI or a table cell.
enum class ReportTone : quint8 { None, Good, Watch, Bad };

// One row of a KPI table: the KpiEngine value as it is (the writers format it).
struct ReportKpi
{
    QString key;   // qa_score, pass_rate, critical_rate, csat_pct, audits, …
    QString label; // "QA score"
    KpiValue value;
    bool percent = false; // rates in percent; otherwise a score or a count
    bool count = false;   // a whole number (volumes)
    int decimals = 1;
};

// A KPI's value, previous value or target as the report prints it ("84.2", "91.3%", "1,204");
// "–" when there is none. The delta in points with its sign ("+1.2 pts", "−0.4 pts").
QString formatReportValue(const ReportKpi &kpi, std::optional<double> value);
QString formatReportDelta(const ReportKpi &kpi);
// The status word of a KPI against its target: on target, watch, below target (or above for rates
// where lower is better), small sample; empty when there is no target.
QString formatReportStatus(const ReportKpi &kpi);
ReportTone reportTone(const KpiValue &value);

// A table of text cells (already formatted). numeric columns are right-aligned.
struct ReportTable
{
    QStringList header;
    QList<bool> numeric;                // per column
    QList<QStringList> rows;
    QList<QList<ReportTone>> tones;     // per row and column; empty: none
    QList<double> widths;               // relative column widths; empty: even
};

// A chart: the spec and the numbers it draws (computed by the builder from the project, so the
// writers need no project).
struct ReportChart
{
    ChartSpec spec;
    ChartData data;
    double aspect = 0.5; // height / width on the page
};

struct ReportBlock
{
    enum class Kind : quint8 { Heading, Paragraph, Note, Bullets, KpiTable, Table, Chart, PageBreak };
    Kind kind = Kind::Paragraph;
    QString text;        // Heading (a sub-heading inside a section), Paragraph, Note (small, muted)
    QStringList items;   // Bullets
    QList<ReportKpi> kpis; // KpiTable
    ReportTable table;   // Table
    ReportChart chart;   // Chart

    static ReportBlock heading(const QString &text);
    static ReportBlock paragraph(const QString &text);
    static ReportBlock note(const QString &text);
    static ReportBlock bullets(const QStringList &items);
    static ReportBlock kpiTable(const QList<ReportKpi> &kpis);
    static ReportBlock tableBlock(const ReportTable &table);
    static ReportBlock chartBlock(const ReportChart &chart);
    static ReportBlock pageBreak();
};

// A numbered section of the report: a title and its blocks.
struct ReportSection
{
    QString key;   // stable id: "headline", "trends", "commentary", … (docs/reports.md)
    QString title; // "Headline KPIs"
    bool newPage = false; // starts on a new page
    // Its charts are made shorter (to 60% of their height at most) so the section fits on one page
    // (the MBR's three charts on page 2; docs/reports.md "Pagination").
    bool fitOnePage = false;
    // Starts on a new page unless at least this share of a page's text area is left (0: only its
    // heading is kept with a few lines). The monthly report's appendix follows the actions on their
    // page when there is room instead of leaving them alone on a near-empty one.
    double minRoom = 0;
    // Kept on one page with the next section's start (short sections such as the commentary, which
    // must not end a page while the actions go to the next).
    bool keepWithNext = false;
    QList<ReportBlock> blocks;
};

// A finished report, independent of the output format. Built from the project alone (no clock):
// the same project and period give the same document.
struct ReportDocument
{
    ReportTemplate kind = ReportTemplate::MonthlyQuality;
    QString title;        // "Monthly Quality Report"
    QString period;       // the period label, "2026-10"
    QString periodTitle;  // "October 2026"
    QString organisation; // the project setting; may be empty
    QString pageSize = QStringLiteral("A4"); // A4 or Letter (project setting report_page_size)
    QString names;        // names, ids or pseudonyms: how agents are shown
    QString dataAsOf;     // the generation date: the latest import's date (or latest fact), not "now"
    QStringList titleFacts; // lines under the title: audits counted, data range, …
    QList<ReportSection> sections;

    // The section with that key, or nullptr.
    const ReportSection *section(const QString &key) const;
    // Every KPI of every KPI table with that key, in document order (tests, GUI).
    QList<ReportKpi> kpis(const QString &key) const;
};

} // namespace ql

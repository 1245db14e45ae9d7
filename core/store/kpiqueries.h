// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace ql {

// Which facts a scorecard shows: one agent, team, site or queue (by agent key or name), or all.
struct KpiSlice
{
    enum class Kind : quint8 { All, Agent, Team, Site, Queue };
    Kind kind = Kind::All;
    QString id; // agent key, or the team, site or queue name

    static QString kindName(Kind kind); // all, agent, team, site, queue
    static std::optional<Kind> kindFromName(const QString &name);
};

// The shared filter bar's choices (ui.md) as the KPIs read them: names of queues, channels, teams,
// sites and scorecards, and sample types; an empty list does not filter. Audits keep the ones that
// match every non-empty list; CSAT responses have no scorecard and no sample type, so those two
// filter audits only.
struct KpiFilters
{
    QStringList queues;
    QStringList channels;
    QStringList teams;
    QStringList sites;
    QStringList scorecards;
    QStringList sampleTypes;

    bool isEmpty() const
    {
        return queues.isEmpty() && channels.isEmpty() && teams.isEmpty() && sites.isEmpty() && scorecards.isEmpty() &&
               sampleTypes.isEmpty();
    }
    bool operator==(const KpiFilters &other) const = default;
};

// What the filter bar offers: the names in the project, sorted.
struct KpiFilterChoices
{
    QStringList queues;
    QStringList channels;
    QStringList teams;
    QStringList sites;
    QStringList scorecards;
    QStringList sampleTypes; // the sample types of the schema
};

// Sums over a set of audits, enough for every audit KPI of scoring.md and its interval.
struct AuditSums
{
    qint64 total = 0; // audits_total: every audit of the slice and period
    qint64 n = 0;     // official, scored, complete audits of counted sample types
    double scoreSum = 0;
    double scoreSquares = 0;
    double rawSum = 0;
    double rawSquares = 0;
    qint64 passed = 0;
    qint64 critical = 0;
    qint64 customer = 0; // audits failing each critical family
    qint64 business = 0;
    qint64 compliance = 0;
    QStringList versions; // "Name vN" of the scorecard versions among the n audits
};

struct ResponseSums
{
    qint64 n = 0;
    qint64 satisfied = 0;
    qint64 dissatisfied = 0;
};

// Per criterion (pooled over versions whose scale and critical flag are identical).
struct CriterionSums
{
    QString key;
    QString name;
    QString scorecard;
    QList<int> versions;
    qint64 answers = 0; // rated + N/A
    qint64 rated = 0;
    double cSum = 0;
    double cSquares = 0;
    qint64 passed = 0; // rated answers with c ≥ the criterion's pass level
    qint64 na = 0;
};

// An agent's (or auditor's) sums in a grouped query.
struct GroupSums
{
    QString key;
    QString name;
    AuditSums sums;
};

// Counted, scored audits of one auditor for one agent in one month and queue (auditor leniency,
// calibration.md "Trends, drift and graders").
struct AuditorCell
{
    QString auditorKey;
    QString auditorName;
    QString agentKey;
    int month = 0; // the period date's month number (the audits' `month` or `i_month`)
    QString queue;
    qint64 n = 0;
    double rawSum = 0;
};

struct RootCauseCount
{
    QString name;
    qint64 answers = 0;
};

// One audit of the period's list (the audits behind the numbers).
struct AuditListRow
{
    qint64 id = 0;
    QString key;
    QDate date;
    QString ticketId;
    QString agentKey;
    QString agentName;
    QString auditor;
    QString sampleType;
    std::optional<double> score;
    bool passed = false;
    bool criticalFail = false;
    int criticalFamilies = 0; // bits: 1 customer, 2 business, 4 compliance (the audits' column)
    bool incomplete = false;
    bool counted = false; // counts in the KPIs (official, scored, complete, counted sample type)
    std::optional<double> csat; // the ticket's latest response's score
};

// The SQL behind the scorecards (scoring.md "KPIs over a set of audits"). Periods are day ranges
// of the date that drives periods (project setting `period_date`); counted sample types come from
// the project settings.
class KpiQueries final
{
public:
    KpiQueries(QSqlDatabase db, QString periodColumn, QStringList countedTypes);
    static KpiQueries forProject(const QSqlDatabase &db); // reads the project settings
    static KpiFilterChoices filterChoices(const QSqlDatabase &db);

    // Every query from here on keeps only the facts the filters keep (names resolved to ids now;
    // an unknown name matches nothing).
    void setFilters(const KpiFilters &filters);
    const KpiFilters &filters() const { return m_filters; }

    AuditSums audits(const KpiSlice &slice, QDate from, QDate to) const;
    ResponseSums responses(const KpiSlice &slice, QDate from, QDate to) const;
    // The row ids of the responses responses() counts, ascending (the CSAT tiles' click-through).
    QList<qint64> responseIds(const KpiSlice &slice, QDate from, QDate to) const;
    QList<CriterionSums> criteria(const KpiSlice &slice, QDate from, QDate to) const;
    // The row ids of the answers behind one criterion line of criteria(): the counted audits' answers
    // to criterion `key` of the scorecard named `scorecard` in `versions`, rated ones only (what
    // compliance, n and the pass rate count) or N/A ones too (what the N/A rate counts), ascending.
    QList<qint64> criterionAnswerIds(const KpiSlice &slice, QDate from, QDate to, const QString &scorecard,
                                     const QString &key, const QList<int> &versions, bool ratedOnly) const;
    QList<RootCauseCount> rootCauses(const KpiSlice &slice, QDate from, QDate to) const;
    // The row ids of the failed answers one line of rootCauses() counts (the root cause named
    // `name`), ascending: the click-through of the page's root-causes line.
    QList<qint64> rootCauseAnswerIds(const KpiSlice &slice, QDate from, QDate to, const QString &name) const;
    // Counted audits grouped by agent (key, name) or by auditor.
    QList<GroupSums> byAgent(const KpiSlice &slice, QDate from, QDate to) const;
    QList<GroupSums> byAuditor(const KpiSlice &slice, QDate from, QDate to) const;
    // Counted audits with a raw score, grouped by auditor, agent, month and queue.
    QList<AuditorCell> auditorCells(const KpiSlice &slice, QDate from, QDate to) const;
    QList<AuditListRow> auditList(const KpiSlice &slice, QDate from, QDate to) const;

    // The display name of the slice (an agent's name), or empty when it does not exist.
    QString sliceName(const KpiSlice &slice) const;
    // The team of an agent on the latest of their audits up to `to` (for team targets and comparisons).
    QString teamOfAgent(const QString &agentKey, QDate to) const;
    // The target of a KPI for a slice on a date (scoring.md: per team, queue or scorecard, else all).
    std::optional<double> target(const QString &kpi, const QString &team, const QString &queue,
                                 const QString &scorecard, QDate on) const;
    // The scorecards (name and pass threshold) of the counted audits in the range.
    QList<QPair<QString, double>> scorecards(const KpiSlice &slice, QDate from, QDate to) const;
    // Names to pick from: agent keys with names, or team, site or queue names.
    QList<QPair<QString, QString>> members(KpiSlice::Kind kind) const;
    // The latest period date of any audit (an empty project: invalid).
    QDate latestDate() const;
    // The official audits (not superseded) of counted sample types in the slice and range that
    // were scored with a version of `scorecard`, scored or not, complete or not, by date: the
    // audits a what-if re-scores.
    QList<qint64> officialAudits(const KpiSlice &slice, QDate from, QDate to, const QString &scorecard) const;

private:
    QString where(const KpiSlice &slice, const QString &alias) const;
    QString responseCondition(const KpiSlice &slice, QDate from, QDate to, QVariantList &values) const;
    QString counted(const QString &alias) const;
    QString filterCondition(const QString &alias, bool responses) const;

    QSqlDatabase m_db;
    KpiFilters m_filters;
    QList<qint64> m_queueIds, m_channelIds, m_teamIds, m_siteIds, m_scorecardIds;
    QString m_day; // day or i_day
    QStringList m_counted;
};

} // namespace ql

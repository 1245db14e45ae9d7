// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace ql {

// One finding of `check` (cli.md, docs/check.md): what is wrong, where, how often, and a few
// records to look at (their keys, never the personal data itself).
struct DataQualityFinding
{
    enum class Severity : quint8 { Problem, Info };
    QString check;  // missing_values, duplicates, out_of_range, orphans, incomplete_audits, coverage, pii, gaps
    Severity severity = Severity::Problem;
    QString table;  // the table the records are in
    QString column; // the column concerned; empty for whole records
    qint64 count = 0;
    QString message;      // for people, ending in the count: "audits without an auditor: 3"
    QStringList examples; // up to five record keys

    static QString severityName(Severity s); // problem, info
};

// Coverage of one month against the sampling plan (audits per agent per month).
struct CoverageMonth
{
    int month = 0;      // year*100 + month
    int agents = 0;     // active agents (roster) and agents audited that month
    int belowPlan = 0;  // of those, with fewer counted audits than the plan
    qint64 audits = 0;  // counted audits of the month
};

struct DataQualityReport
{
    QStringList integrity; // what PRAGMA integrity_check reported; empty when the file is sound
    QList<QPair<QString, qint64>> rows; // row counts of the main tables
    QDate firstAudit;
    QDate lastAudit;
    std::optional<int> samplingPlan; // nullopt: the project sets none
    QList<CoverageMonth> coverage;
    QList<DataQualityFinding> findings;

    bool damaged() const { return !integrity.isEmpty(); }
    qint64 problems() const;
};

// The integrity check and the data-quality report of `check`: missing values, duplicates,
// out-of-range values, orphans, incomplete audits, coverage against the sampling plan, personal-data
// patterns left in free text (privacy.md) and gaps in the data. Reads only.
class DataQualityCheck final
{
public:
    explicit DataQualityCheck(QSqlDatabase db, QDate today = QDate::currentDate());

    DataQualityReport run() const;

private:
    void integrity(DataQualityReport &r) const;
    void rowCounts(DataQualityReport &r) const;
    void missingValues(DataQualityReport &r) const;
    void duplicates(DataQualityReport &r) const;
    void outOfRange(DataQualityReport &r) const;
    void orphans(DataQualityReport &r) const;
    void incompleteAudits(DataQualityReport &r) const;
    void coverage(DataQualityReport &r) const;
    void personalData(DataQualityReport &r) const;
    void gaps(DataQualityReport &r) const;

    // Counts the rows of `fromWhere` ("FROM … WHERE …") and takes the first five of `keyExpr`.
    void add(DataQualityReport &r, DataQualityFinding f, const QString &keyExpr, const QString &fromWhere,
             const QVariantList &binds = {}) const;

    QSqlDatabase m_db;
    QDate m_today;
};

} // namespace ql

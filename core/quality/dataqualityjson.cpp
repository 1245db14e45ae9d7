// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataqualityjson.h"

#include "common/periods.h"

#include <QJsonArray>
#include <QLocale>

namespace ql {

namespace DataQualityJson {

namespace {

QJsonValue date(QDate d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject report(const DataQualityReport &r, const QString &projectPath)
{
    QJsonObject rows;
    for (const auto &[table, n] : r.rows)
        rows.insert(table, double(n));
    QJsonArray coverage;
    for (const CoverageMonth &c : r.coverage)
        coverage.append(QJsonObject{{QStringLiteral("month"), Periods::monthLabel(c.month)},
                                    {QStringLiteral("agents"), c.agents},
                                    {QStringLiteral("below_plan"), c.belowPlan},
                                    {QStringLiteral("audits"), double(c.audits)}});
    QJsonArray findings;
    qint64 info = 0;
    for (const DataQualityFinding &f : r.findings) {
        info += f.severity == DataQualityFinding::Severity::Info ? 1 : 0;
        findings.append(QJsonObject{
            {QStringLiteral("check"), f.check},
            {QStringLiteral("severity"), DataQualityFinding::severityName(f.severity)},
            {QStringLiteral("table"), f.table},
            {QStringLiteral("column"), f.column.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(f.column)},
            {QStringLiteral("count"), double(f.count)},
            {QStringLiteral("message"), f.message},
            {QStringLiteral("examples"), QJsonArray::fromStringList(f.examples)},
        });
    }
    return QJsonObject{
        {QStringLiteral("project"), projectPath},
        {QStringLiteral("integrity"), QJsonObject{{QStringLiteral("ok"), !r.damaged()},
                                                  {QStringLiteral("problems"), QJsonArray::fromStringList(r.integrity)}}},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("audit_dates"), QJsonObject{{QStringLiteral("from"), date(r.firstAudit)},
                                                    {QStringLiteral("to"), date(r.lastAudit)}}},
        {QStringLiteral("sampling_plan"), r.samplingPlan ? QJsonValue(*r.samplingPlan) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("coverage"), coverage},
        {QStringLiteral("findings"), findings},
        {QStringLiteral("summary"), QJsonObject{{QStringLiteral("problems"), double(r.problems())},
                                                {QStringLiteral("info"), double(info)}}},
    };
}

QString text(const DataQualityReport &r, const QString &projectPath)
{
    QStringList out;
    out << QStringLiteral("Project: %1").arg(projectPath);
    if (r.damaged()) {
        out << QStringLiteral("Integrity: DAMAGED (PRAGMA integrity_check)");
        for (const QString &p : r.integrity)
            out << QStringLiteral("  %1").arg(p);
        out << QStringLiteral("Restore the project from a backup; the data-quality checks were not run.");
        return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
    out << QStringLiteral("Integrity: ok");
    QStringList rows;
    for (const auto &[table, n] : r.rows)
        rows << QStringLiteral("%1 %2").arg(QLocale::c().toString(n), table);
    out << QStringLiteral("Rows: %1").arg(rows.join(QStringLiteral(", ")));
    if (r.firstAudit.isValid())
        out << QStringLiteral("Audits dated: %1 to %2").arg(r.firstAudit.toString(Qt::ISODate),
                                                           r.lastAudit.toString(Qt::ISODate));
    if (r.samplingPlan) {
        out << QStringLiteral("Sampling plan: %1 audits per agent per month").arg(*r.samplingPlan);
        for (const CoverageMonth &c : r.coverage)
            out << QStringLiteral("  %1: %2 of %3 agents below plan (%4 counted audits)")
                       .arg(Periods::monthLabel(c.month))
                       .arg(c.belowPlan)
                       .arg(c.agents)
                       .arg(QLocale::c().toString(c.audits));
    } else {
        out << QStringLiteral("Sampling plan: none set in the project (Preferences → Sampling plan), so coverage "
                              "was not checked");
    }
    if (r.findings.isEmpty()) {
        out << QStringLiteral("Findings: none");
    } else {
        out << QStringLiteral("Findings: %1 problem(s), %2 for information")
                   .arg(r.problems())
                   .arg(r.findings.size() - r.problems());
        for (const DataQualityFinding &f : r.findings) {
            const QString where = f.column.isEmpty() ? f.table : f.table + QLatin1Char('.') + f.column;
            QString line = QStringLiteral("  [%1%2] %3 (%4)")
                               .arg(f.check,
                                    f.severity == DataQualityFinding::Severity::Info ? QStringLiteral(", info")
                                                                                    : QString(),
                                    f.message, where);
            if (!f.examples.isEmpty())
                line += QStringLiteral(" — e.g. %1").arg(f.examples.join(QStringLiteral(", ")));
            out << line;
        }
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace DataQualityJson

} // namespace ql

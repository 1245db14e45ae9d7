// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QtGlobal>

#include <functional>
#include <optional>

namespace ql {

class Project;

// The sizes and seed of a demo organisation (cli.md "The demo project"). The same options give
// byte-identical table contents on any day and machine: nothing depends on the clock.
struct DemoOptions
{
    quint64 seed = 1;
    int agents = 300;                    // 10 … 100,000
    int months = 12;                     // 2 … 120, ending with endMonth
    int auditsPerAgentMonth = 14;        // random audits per agent and month, 1 … 500
    QDate endMonth = QDate(2026, 10, 1); // any day of the last month

    // Empty when the options are usable, else what is wrong (for a usage message).
    QString validate() const;
};

struct DemoSummary
{
    qint64 audits = 0;
    qint64 answers = 0;
    qint64 csatResponses = 0;
    qint64 agents = 0;
    qint64 calibrationSessions = 0;
    qint64 disputes = 0;
};

// Fills an empty, writable project with a generated organisation (docs/demo.md lists what and the
// effects planted for the analyses to find). progress(fraction 0..1, stage) is called from this
// thread now and then; returning false cancels. Everything is written in one transaction, so a
// cancelled or failed run leaves the project as it was; error then says why ("cancelled" when the
// callback asked).
std::optional<DemoSummary> generateDemo(Project &project, const DemoOptions &options,
                                        const std::function<bool(double, const QString &)> &progress, QString *error);

} // namespace ql

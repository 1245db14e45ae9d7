// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QHash>
#include <QString>

#include <atomic>
#include <functional>

namespace ql {

// How one import runs (cli.md's import flags, and the wizard's choices).
struct ImportOptions
{
    // Import the valid audits (records) and leave the rejected ones out; without it any rejected
    // row means nothing is imported.
    bool skipInvalid = false;
    // Validate everything and write nothing to the project (only rejectsPath, when given).
    bool dryRun = false;
    // Replace audits changed in the application since their import instead of keeping them.
    bool overwriteLocal = false;
    // --replace-range: also remove the source's audits dated in [replaceFrom, replaceTo] that the
    // file does not hold. Both invalid: no removal.
    QDate replaceFrom;
    QDate replaceTo;
    // Where to write the rejected rows (UTF-8, the input's delimiter, the header plus `reason`);
    // empty for none.
    QString rejectsPath;
    // Called now and then from the importing thread: fraction 0–1 and a stage for people
    // ("reading", "saving", …). May be empty.
    std::function<void(double fraction, const QString &stage)> progress;
    // Set from any thread to stop: the import rolls back and reports Cancelled.
    const std::atomic_bool *cancel = nullptr;
    // The import wizard's "import as" choices (formats.md: an agent id not in the roster may be
    // mapped to an existing agent instead of created): the file's agent id → the agent_key of an
    // agent in the project. The import stores each id it meets as that agent's alias, so later
    // imports (wizard or command line) know it. An id not listed is looked up as it is.
    QHash<QString, QString> agentMap;
    // Who, for import_log and the change log; empty: UserInfo::currentUser().
    QString who;
};

} // namespace ql

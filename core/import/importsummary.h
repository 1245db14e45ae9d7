// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ql {

// What an import did, as the JSON summary line of formats.md reports it and import_log stores it.
// Records are audits, agents, responses or interactions, depending on the kind.
struct ImportSummary
{
    QString kind;
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 keptLocal = 0;
    qint64 rejected = 0; // records
    qint64 removed = 0;  // --replace-range: audits of the range the file no longer holds
    qint64 rowsRead = 0;
    qint64 rowsRejected = 0;
    qint64 agentsCreated = 0;
    QStringList createdAgents; // their ids as the file gives them, in order of first use (not in the JSON)
    qint64 masked = 0;
    bool cardMaskingOff = false; // the mapping's mask list leaves out "card"
    bool dryRun = false;
    qint64 importId = 0; // 0 when nothing was written

    // One line of JSON, keys in formats.md's order; extra keys (removed, dry_run, import_id and,
    // when card masking is off, "card_masking": "off") follow them.
    QByteArray toJson() const;
};

} // namespace ql

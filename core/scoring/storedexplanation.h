// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditexplanation.h"
#include "store/auditstore.h"
#include "store/scorecardstore.h"

#include <QSqlDatabase>

#include <optional>

namespace ql {

// A stored audit re-scored from its answers under its own scorecard version: what `explain` and
// the audit form show. The explanation comes from the engine, not from the stored score columns,
// so a score that was stored wrongly still gets its right explanation (and `matchesStored` says
// whether they agree).
struct StoredExplanation
{
    StoredAudit audit;
    StoredScorecard scorecard;
    AuditExplanation explanation;

    bool matchesStored() const;
};

std::optional<StoredExplanation> explainStoredAudit(const QSqlDatabase &db, qint64 auditId, QString *error = nullptr);

} // namespace ql

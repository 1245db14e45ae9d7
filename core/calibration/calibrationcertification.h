// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibrationtrends.h"

#include <QDate>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace ql {

// calibration.md "Trends, drift and graders": a grader is certified when their alignment over the
// last N items reaches a threshold (ui.md's defaults: 90% over the last 10 items, the project
// settings certification_alignment and certification_items); the lead also sees who has not
// calibrated in 60 days.
struct CalibrationCertificationRule
{
    double alignmentPct = 90; // percent
    int items = 10;
    int overdueDays = 60;
};

// One grader (matched by name, case-insensitive, across sessions). Only closed sessions count:
// their baseline is the consensus and they can no longer change.
struct GraderCertification
{
    QString name;
    int itemsAvailable = 0;          // items with an item alignment, over every closed session
    int items = 0;                   // the last ones counted: min(rule.items, itemsAvailable)
    std::optional<double> alignment; // percent: the mean item alignment over the counted items
    bool certified = false;          // rule.items items counted and alignment ≥ rule.alignmentPct
    QDate lastCalibrated;            // the latest closed session with an item of theirs; invalid: never
    std::optional<qint64> daysSince; // asOf − lastCalibrated
    bool overdue = false;            // never calibrated, or more than rule.overdueDays ago
};

// Pure. "The last N items": sessions newest first (date, then id), and inside a session the items
// from the last position back; an item counts when the grader has an item alignment there (an item
// they left unanswered is missing, not a zero). `alsoGraders` adds people who may never have
// calibrated (the auditors of ordinary audits): they come out uncertified and overdue. Graders in
// the order they first appear (oldest session first), then the added ones.
QList<GraderCertification> calibrationCertification(QList<CalibrationSessionFigures> sessions,
                                                    const CalibrationCertificationRule &rule, QDate asOf,
                                                    const QStringList &alsoGraders = {});

// The rule with the project's settings (certification_alignment, certification_items).
CalibrationCertificationRule calibrationCertificationRule(const QSqlDatabase &db);

} // namespace ql

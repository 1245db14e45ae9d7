// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace ql {

// How a session's items are drawn at random from audits (calibration.md "draft"), stored as the
// session's draw_json so the draw can be repeated. Filters are lists (empty: any); months are
// "2026-10". bands stratifies by raw score: edges [75, 90] make the bands < 75, 75–90 and ≥ 90,
// and the draw takes from each band in turn so it is not all easy passes.
struct CalibrationDrawSpec
{
    int count = 5;
    quint64 seed = 1;
    QStringList queues;
    QStringList channels;
    QStringList agents; // agent keys
    QStringList months;
    QStringList sampleTypes;
    QList<double> bands;              // ascending edges; empty: no stratification
    bool disputedOnly = false;        // only audits with a dispute
    bool requireConversation = false; // only tickets with a stored conversation

    // draw_json: {"method":"random","count":…,"seed":…,"queue":…,…}; a filter with one value is
    // written as a string, with several as an array (the demo's draws read the same way).
    QString toJson() const;
    static std::optional<CalibrationDrawSpec> fromJson(const QString &json, QString *error = nullptr);
    // A message for a spec that cannot be drawn (count < 1, bands not ascending, a bad month).
    QString validate() const;
};

// One audit a draw may pick. The store lists them ordered by (source, audit key).
struct DrawCandidate
{
    qint64 auditId = 0;
    QString source;
    QString auditKey;
    QString ticketId;
    std::optional<double> rawScore;
    qint64 interactionId = 0;
};

// The draw itself, without the database: candidates in (source, audit key) order, a
// std::mt19937_64 seeded with spec.seed, each band shuffled by Fisher–Yates with the project's
// unbiased bounded integer (stats::boundedIndex), bands taken in turn from the lowest. A ticket is
// taken once, and tickets in `exclude` (already items) not at all. The same candidates, spec and
// seed give the same items on every platform; a larger count extends a smaller one's draw.
QList<DrawCandidate> drawCalibrationItems(const QList<DrawCandidate> &candidates, const CalibrationDrawSpec &spec,
                                          const QSet<QString> &exclude = {});

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/periods.h"
#include "demogenerator.h"
#include "scoring/scorecard.h"
#include "scoring/scoringengine.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include <array>
#include <memory>
#include <vector>

namespace ql {

// The organisation the demo invents, shared by the parts of the generator. Every dictionary's row
// id is its index + 1, so the parts refer to rows by index without a lookup.
struct DemoWorld
{
    // Answer generation: a criterion's outcomes are drawn from an ordered logit whose location is
    // the audit's propensity p. Propensities are quantised into buckets so that the cumulative
    // tables are computed once and each answer costs one uniform draw.
    static constexpr int Buckets = 96;
    static constexpr double BucketLow = -6.0;
    static constexpr double BucketWidth = 0.125;
    static constexpr int MaxOutcomes = 5;
    static constexpr int MaxCriteria = 16;
    static constexpr int Channels = 4;
    static constexpr int Queues = 5;

    enum Role : quint8 { Normal, TrulyLow, SmallSample };

    struct Team
    {
        QString name;
        int site = 0;
        QString supervisor;
        QByteArray supervisorUtf8;
        int homeQueue = 0;
    };

    struct Agent
    {
        QByteArray key;
        QString name;
        int hireDay = 0;       // Julian day
        int firstAuditDay = 0; // audits start a little after the hire date
        int leaveMonth = 0;    // month index from which the agent is gone (= months when staying)
        int team = 0;
        int moveTeam = -1; // a team move, when there is one
        int moveDay = 0;
        double skill = 0; // propensity offset
        Role role = Normal;

        int teamOn(int day) const { return moveTeam >= 0 && day >= moveDay ? moveTeam : team; }
    };

    struct Auditor
    {
        QString key;
        QString name;
        double bias = 0;     // added to the propensity of every audit they score
        double capacity = 1; // relative share of the audits
    };

    // One criterion's answer model (shared by the scorecard versions that have the criterion).
    struct CriterionModel
    {
        QString key;
        int outcomes = 2; // ascending c: outcome 0 is the worst
        std::array<double, MaxOutcomes> value{};
        std::array<double, MaxOutcomes> c{};
        std::array<QByteArray, MaxOutcomes> label; // options scales only
        std::array<std::array<double, MaxOutcomes>, Buckets> cdf{};
        std::array<std::array<double, Queues>, Channels> naProbability{};
        bool allowNa = false;
        double passLevel = 0.5;
        int rootCauseWeights[8] = {};
    };

    struct Version
    {
        qint64 scorecardId = 0;
        int validFromDay = 0;
        Scorecard card;
        std::unique_ptr<ScoringEngine> engine;
        std::vector<int> model; // flat index → CriterionModel index
        std::vector<qint64> criterionIds;
    };

    enum SampleType : quint8 { Random, Targeted, CsatTriggered, Dispute };
    static const char *sampleTypeName(quint8 type)
    {
        static const char *const names[] = {"random", "targeted", "csat_triggered", "dispute"};
        return names[type];
    }

    // One generated audit, as the parts that build on audits (CSAT, calibration, disputes) see it.
    struct AuditRecord
    {
        qint64 id = 0;
        quint32 ticket = 0;
        quint32 unauditedFrom = 0; // tickets of the same agent just before this one, not audited
        int unauditedCount = 0;
        int day = 0; // review date (Julian day)
        int interactionDay = 0;
        int month = 0; // index of the review date's month
        int agent = 0;
        int auditor = 0;
        int team = 0;
        int queue = 0;
        int channel = 0;
        int product = 0;
        int version = 0;
        quint8 sampleType = Random;
        double quality = 0; // the conversation's propensity, without the auditor's bias
        AuditScore score;
        std::array<qint8, MaxCriteria> outcome{}; // ≥ 0 an outcome index, −1 N/A, −2 unanswered
    };

    // A change-log line; written at the end in time order, since the demo's story happened over
    // the year while the rows are made in one pass.
    struct Change
    {
        QString at;
        QString who;
        QString entity;
        QString entityId;
        QString field;
        QString oldValue;
        QString newValue;
        QString reason;
    };

    DemoOptions options;
    QDate first; // first day of the first month
    QDate last;  // last day of the last month
    int months = 0;
    std::vector<QDate> monthStart;
    std::vector<std::vector<int>> workingDays; // per month, Julian days Monday–Friday
    QString importAt;                          // the demo's fixed "now" (derived from --end)
    qint64 importId = 1;

    QStringList sites;
    QStringList queues;
    QStringList channels;
    QStringList products;
    QStringList rootCauses;
    std::array<double, Queues> queueVolume{};
    std::array<std::array<double, Channels>, Queues> channelMix{};
    std::array<std::array<double, 5>, Queues> productMix{};

    std::vector<Team> teams;
    std::vector<Agent> agents;
    std::vector<Auditor> auditors;
    std::vector<CriterionModel> models;
    std::vector<std::unique_ptr<Version>> versions;
    QString qaLead;

    // The planted effects (docs/demo.md).
    int lowAgent = 0;
    int smallAgent = 0;
    int lenientAuditor = 0;
    int severeAuditor = 0;
    int driftingAuditor = 0;
    int plantedQueue = 0;     // CSAT drops in the last month, for one reason
    int plantedCriterion = 0; // model index whose failures go with dissatisfied customers
    int refundDelayReason = 0;
    int adoptionCriterion = -1; // model index of the criterion version 2 adds (compliance climbs after it)

    std::vector<Change> changes;

    // ISO dates as UTF-8, for binding without formatting per row.
    int dayTextBase = 0;
    std::vector<std::array<char, 11>> dayText; // NUL-terminated
    std::vector<PeriodKeys> dayKeys;
    const char *dateText(int julianDay) const { return dayText[std::size_t(julianDay - dayTextBase)].data(); }
    const PeriodKeys &keysOf(int julianDay) const { return dayKeys[std::size_t(julianDay - dayTextBase)]; }

    int monthOf(int julianDay) const;
    int versionOn(int julianDay) const { return versions.size() > 1 && julianDay >= versions[1]->validFromDay ? 1 : 0; }

    static int bucketOf(double propensity)
    {
        const int b = int((propensity - BucketLow) / BucketWidth);
        return b < 0 ? 0 : b >= Buckets ? Buckets - 1 : b;
    }
    static double bucketCentre(int bucket) { return BucketLow + (bucket + 0.5) * BucketWidth; }

    // An outcome for a propensity bucket and a uniform draw u in [0, 1).
    static int outcomeOf(const CriterionModel &m, int bucket, double u)
    {
        const auto &cdf = m.cdf[std::size_t(bucket)];
        int k = 0;
        while (k < m.outcomes - 1 && u >= cdf[std::size_t(k)])
            ++k;
        return k;
    }

    // "2026-03-04T09:30:00Z"
    static QString stamp(QDate day, int hour, int minute);
};

} // namespace ql

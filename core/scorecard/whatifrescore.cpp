// SPDX-License-Identifier: GPL-3.0-or-later
#include "whatifrescore.h"

#include "kpiengine.h"
#include "scoring/scorecardjson.h"
#include "scoring/scoringengine.h"
#include "store/projectsettings.h"
#include "store/scorecardstore.h"

#include <QHash>
#include <QLocale>
#include <QObject>

#include <algorithm>
#include <cmath>

namespace ql {

namespace {

// Where one stored answer lands in the target: its flat index there and what it holds, or why it
// does not carry over.
struct Carried
{
    int index = -1; // -1: it does not carry over
    AnswerInput input;
    QString optionLabel;
    NotCarried why = NotCarried::None;
    QString detail; // the label or value that does not fit
};

Carried carryOne(const Scorecard &from, const StoredAnswer &a, const Scorecard &to, const CarryMap &map)
{
    const auto refuse = [](NotCarried reason, const QString &detail = {}) {
        Carried c;
        c.why = reason;
        c.detail = detail;
        return c;
    };
    if (a.flatIndex < 0 || a.flatIndex >= from.criterionCount())
        return refuse(NotCarried::NoKey);
    const Criterion &source = from.criterionAt(a.flatIndex);
    const int j = to.indexOfKey(map.targetKey(source.key));
    if (j < 0)
        return refuse(NotCarried::NoKey);
    const Criterion &target = to.criterionAt(j);
    if (a.na || !a.value) {
        if (!target.allowNa)
            return refuse(NotCarried::NaNotAllowed);
        return {j, AnswerInput::notApplicable(), {}, NotCarried::None, {}};
    }
    if (source.scale.kind == ScaleKind::Options || target.scale.kind == ScaleKind::Options) {
        if (source.scale.kind != ScaleKind::Options || target.scale.kind != ScaleKind::Options)
            return refuse(NotCarried::KindSwitch);
        const QString label = a.optionLabel.isEmpty() ? source.scale.labelOf(*a.value) : a.optionLabel;
        const int option = target.scale.optionIndex(map.targetLabel(source.key, label));
        if (option < 0)
            return refuse(NotCarried::NoLabel, label);
        const auto &chosen = target.scale.options.at(option);
        return {j, AnswerInput::rated(chosen.second), chosen.first, NotCarried::None, {}};
    }
    if (!target.scale.isValidValue(*a.value))
        return refuse(NotCarried::OffScale, QLocale().toString(*a.value));
    return {j, AnswerInput::rated(*a.value), {}, NotCarried::None, {}};
}

// Every answer of an audit, in order; an answer landing where an earlier one landed is refused
// (Taken): two source criteria mapped onto one target criterion.
std::vector<Carried> carryAll(const Scorecard &from, const StoredAudit &audit, const Scorecard &to, const CarryMap &map)
{
    std::vector<Carried> all;
    all.reserve(audit.answers.size());
    std::vector<bool> taken(size_t(to.criterionCount()), false);
    for (const StoredAnswer &a : audit.answers) {
        Carried c = carryOne(from, a, to, map);
        if (c.index >= 0) {
            if (taken[size_t(c.index)]) {
                c = Carried{};
                c.why = NotCarried::Taken;
                c.detail = to.criterionAt(carryOne(from, a, to, map).index).key;
            } else {
                taken[size_t(c.index)] = true;
            }
        }
        all.push_back(std::move(c));
    }
    return all;
}

// "disclosure “Disclosure” (4 answers): …" with what would make them fit.
QString explain(const WhatIfUncarried &u, const QString &target)
{
    QStringList parts;
    for (NotCarried reason : u.reasons) {
        switch (reason) {
        case NotCarried::NoKey:
            parts << QObject::tr("%1 has no criterion with this key — map it to one of %1's criteria (Map "
                                 "Answers…), or, if it was renamed, give it back the key “%2” (the name shown can "
                                 "change freely)")
                         .arg(target, u.key);
            break;
        case NotCarried::NaNotAllowed:
            parts << QObject::tr("answered N/A, which %1 does not allow here — allow N/A on it").arg(target);
            break;
        case NotCarried::KindSwitch:
            parts << QObject::tr("it moves between options and a numeric scale — keep its kind of scale, or map it "
                                 "to a criterion of its kind (Map Answers…)");
            break;
        case NotCarried::NoLabel:
            parts << QObject::tr("the options %1 are not among %2's — map them to %2's labels (Map Answers…) or "
                                 "keep these labels (their points may change)")
                         .arg(u.details.join(QStringLiteral(", ")), target);
            break;
        case NotCarried::OffScale:
            parts << QObject::tr("the values %1 are off %2's scale — widen the scale to take them")
                         .arg(u.details.join(QStringLiteral(", ")), target);
            break;
        case NotCarried::Taken:
            parts << QObject::tr("another criterion of the same audits lands on %1 too — map only one criterion "
                                 "to each of %2's")
                         .arg(u.details.join(QStringLiteral(", ")), target);
            break;
        case NotCarried::None:
            break;
        }
    }
    const QString who = u.name.isEmpty() || u.name == u.key ? u.key : QStringLiteral("%1 “%2”").arg(u.key, u.name);
    return QStringLiteral("• %1 (%2): %3")
        .arg(who,
             u.answers == 1 ? QObject::tr("1 answer") : QObject::tr("%1 answers").arg(u.answers),
             parts.join(QStringLiteral("; ")));
}

void add(AuditSums &sums, const AuditScore &s)
{
    ++sums.total;
    if (!WhatIfAudit::counts(s))
        return;
    ++sums.n;
    sums.scoreSum += *s.score;
    sums.scoreSquares += *s.score * *s.score;
    const double raw = s.rawScore.value_or(*s.score);
    sums.rawSum += raw;
    sums.rawSquares += raw * raw;
    sums.passed += s.passed ? 1 : 0;
    sums.critical += s.criticalFail ? 1 : 0;
    sums.customer += (s.failedFamilies & criticalFamilyBit(CriticalFamily::Customer)) ? 1 : 0;
    sums.business += (s.failedFamilies & criticalFamilyBit(CriticalFamily::Business)) ? 1 : 0;
    sums.compliance += (s.failedFamilies & criticalFamilyBit(CriticalFamily::Compliance)) ? 1 : 0;
}

AuditScore storedScore(const StoredAudit &a)
{
    AuditScore s;
    s.score = a.score;
    s.rawScore = a.rawScore;
    s.passed = a.passed;
    s.criticalFail = a.criticalFail;
    s.failedFamilies = a.criticalFamilies;
    s.incomplete = a.incomplete;
    return s;
}

bool sameStored(const AuditScore &a, const AuditScore &b)
{
    return a.score == b.score && a.rawScore == b.rawScore && a.passed == b.passed && a.criticalFail == b.criticalFail &&
           a.failedFamilies == b.failedFamilies && a.incomplete == b.incomplete;
}

} // namespace

bool WhatIfAudit::changed() const
{
    return !sameStored(before, after);
}

WhatIfRescore::WhatIfRescore(const QSqlDatabase &db) : m_db(db) {}

std::vector<AnswerInput> WhatIfRescore::carry(const Scorecard &from, const StoredAudit &audit, const Scorecard &to,
                                              QStringList *uncarried, const CarryMap &map)
{
    std::vector<AnswerInput> inputs(size_t(to.criterionCount()));
    const std::vector<Carried> carried = carryAll(from, audit, to, map);
    for (size_t i = 0; i < carried.size(); ++i) {
        const Carried &c = carried[i];
        const StoredAnswer &a = audit.answers.at(qsizetype(i));
        if (c.index < 0) {
            if (uncarried && a.flatIndex >= 0 && a.flatIndex < from.criterionCount())
                uncarried->append(from.criterionAt(a.flatIndex).key);
            continue;
        }
        inputs[size_t(c.index)] = c.input;
    }
    return inputs;
}

QList<int> WhatIfRescore::histogram(const QList<WhatIfAudit> &audits, bool after, int bins)
{
    QList<int> counts(std::max(bins, 1), 0);
    for (const WhatIfAudit &a : audits) {
        const AuditScore &s = after ? a.after : a.before;
        if (!WhatIfAudit::counts(s))
            continue;
        const int bin = std::clamp(int(std::floor(*s.score / 100.0 * double(counts.size()))), 0, int(counts.size()) - 1);
        ++counts[bin];
    }
    return counts;
}

std::optional<WhatIfResult> WhatIfRescore::run(const KpiSlice &slice, const KpiPeriod &period,
                                               const QString &scorecard, const Scorecard &target, qint64 targetId,
                                               QString *error, const CarryMap &map) const
{
    const auto fail = [error](const QString &message) -> std::optional<WhatIfResult> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!period.isValid())
        return fail(QObject::tr("the period is not a valid date range"));
    if (const QString problem = ScorecardJson::validate(target); !problem.isEmpty())
        return fail(QObject::tr("the target scorecard is not valid: %1").arg(problem));

    const ScorecardStore cards(m_db);
    std::optional<StoredScorecard> stored;
    if (targetId > 0) {
        QString loadError;
        stored = cards.load(targetId, &loadError);
        if (!stored)
            return fail(loadError);
        if (stored->criterionIds.size() != target.criterionCount() || stored->card.name != target.name)
            return fail(QObject::tr("the target is not scorecard version %1").arg(targetId));
    }

    WhatIfResult result;
    result.scorecard = scorecard;
    result.period = period;
    result.map = map;
    result.targetLabel = targetId > 0 ? QStringLiteral("%1 v%2").arg(target.name).arg(target.version)
                                      : QObject::tr("%1 (draft)").arg(target.name);

    const ScoringEngine engine(target);
    const KpiQueries queries = KpiQueries::forProject(m_db);
    const AuditStore audits(m_db);
    QHash<qint64, StoredScorecard> versions; // by id, read once each
    AuditSums before;
    AuditSums after;
    QList<WhatIfUncarried> &uncarried = result.uncarriedDetails; // by criterion, in the order met
    for (const qint64 id : queries.officialAudits(slice, period.from, period.to, scorecard)) {
        QString loadError;
        const auto audit = audits.load(id, &loadError);
        if (!audit)
            return fail(loadError);
        if (!versions.contains(audit->scorecardId)) {
            const auto version = cards.load(audit->scorecardId, &loadError);
            if (!version)
                return fail(loadError);
            versions.insert(audit->scorecardId, *version);
        }
        const StoredScorecard &from = versions[audit->scorecardId];

        WhatIfAudit row;
        row.id = audit->id;
        row.key = audit->key;
        row.date = audit->date;
        row.agentName = audit->agentName;
        row.storedVersion = from.card.version;
        row.before = storedScore(*audit);
        const std::vector<Carried> carried = carryAll(from.card, *audit, target, map);
        std::vector<AnswerInput> inputs(size_t(target.criterionCount()));
        for (size_t i = 0; i < carried.size(); ++i) {
            if (carried[i].index >= 0)
                inputs[size_t(carried[i].index)] = carried[i].input;
            else if (const int f = audit->answers.at(qsizetype(i)).flatIndex; f >= 0 && f < from.card.criterionCount())
                row.uncarried << from.card.criterionAt(f).key;
        }
        row.after = engine.score(inputs);
        add(before, row.before);
        add(after, row.after);
        const QString versionName = QStringLiteral("%1 v%2").arg(from.card.name).arg(from.card.version);
        if (WhatIfAudit::counts(row.before) && !before.versions.contains(versionName))
            before.versions << versionName;
        if (!row.uncarried.isEmpty()) {
            ++result.uncarried;
            for (size_t i = 0; i < carried.size(); ++i) {
                const Carried &c = carried[i];
                if (c.index >= 0)
                    continue;
                const StoredAnswer &a = audit->answers.at(qsizetype(i));
                const bool known = a.flatIndex >= 0 && a.flatIndex < from.card.criterionCount();
                const QString key = known ? from.card.criterionAt(a.flatIndex).key : QString();
                auto it = std::find_if(uncarried.begin(), uncarried.end(),
                                       [&](const WhatIfUncarried &u) { return u.key == key; });
                if (it == uncarried.end()) {
                    WhatIfUncarried u;
                    u.key = key;
                    u.name = known ? from.card.criterionAt(a.flatIndex).name : QString();
                    if (known)
                        u.kind = from.card.criterionAt(a.flatIndex).scale.kind;
                    uncarried.append(u);
                    it = uncarried.end() - 1;
                }
                ++it->answers;
                if (!it->reasons.contains(c.why))
                    it->reasons << c.why;
                if (!c.detail.isEmpty() && !it->details.contains(c.detail) && it->details.size() < 5)
                    it->details << c.detail;
                if (c.why == NotCarried::NoLabel && !it->labels.contains(c.detail))
                    it->labels << c.detail;
            }
        }
        if (row.changed())
            ++result.changed;

        // What an apply would write: the audit moved to the target's rows, with the new score.
        if (stored && row.uncarried.isEmpty() && (audit->scorecardId != targetId || row.changed())) {
            RescoredAudit was;
            was.auditId = audit->id;
            was.scorecardId = audit->scorecardId;
            was.score = row.before;
            RescoredAudit now = was;
            now.scorecardId = targetId;
            now.score = row.after;
            now.answers.clear();
            for (size_t i = 0; i < carried.size(); ++i) {
                const StoredAnswer &a = audit->answers.at(qsizetype(i));
                RescoredAnswer old{a.id, a.criterionId, a.value, a.optionLabel, a.na, a.c};
                was.answers << old;
                const Carried &c = carried[i];
                RescoredAnswer moved = old;
                moved.criterionId = stored->criterionIds.at(c.index);
                if (c.input.state == AnswerInput::Rated) {
                    moved.value = c.input.value;
                    moved.optionLabel = c.optionLabel;
                    moved.na = false;
                    moved.c = engine.c(c.index, c.input.value);
                } else {
                    moved.value.reset();
                    moved.optionLabel.clear();
                    moved.na = true;
                    moved.c.reset();
                }
                now.answers << moved;
            }
            result.applyBefore << was;
            result.applyAfter << now;
        }
        result.audits << row;
    }
    after.versions << result.targetLabel;

    const int minAudits = ProjectSettings(m_db).minSampleAudits();
    result.before = KpiEngine::fromSums(before, minAudits);
    result.after = KpiEngine::fromSums(after, minAudits);
    result.before.period = result.after.period = period;
    result.before.slice = result.after.slice = slice;

    if (targetId <= 0)
        result.applyBlocker = QObject::tr("A draft cannot be applied: save it as a version in the editor first.");
    else if (result.uncarried > 0) {
        QStringList lines;
        lines << QObject::tr("%1 of the audits have answers that %2 cannot take; applying would lose them, so "
                             "nothing can be applied:")
                     .arg(result.uncarried)
                     .arg(result.targetLabel);
        for (const WhatIfUncarried &u : std::as_const(uncarried))
            lines << explain(u, result.targetLabel);
        lines << QObject::tr("What you can do: map these answers to the target's criteria and labels (Map "
                             "Answers…), change the scorecard so that they fit (Edit Scorecard…, save it as a new "
                             "version, then run this what-if on it), or leave these audits on the "
                             "version they were scored with — their scores stay right, and the KPIs pool versions "
                             "whose criteria keep their scale.");
        result.applyBlocker = lines.join(QLatin1Char('\n'));
        for (const WhatIfUncarried &u : std::as_const(uncarried))
            result.uncarriedCriteria << u.key;
    }
    else if (result.applyAfter.isEmpty())
        result.applyBlocker = QObject::tr("Every audit of the period is already scored this way: nothing to apply.");
    return result;
}

} // namespace ql

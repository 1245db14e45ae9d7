// SPDX-License-Identifier: GPL-3.0-or-later
// The what-if re-score (core/scorecard/whatifrescore.h) and its apply (core/store/auditrescorestore.h,
// ui/scorecardeditor/rescorecommand.h) on the mini project: scores and KPIs under other versions
// worked out by hand, answers carried by key, nothing written by a what-if, and apply → undo → redo
// restoring the stored scores exactly with one change-log row each.
#include "miniproject.h"
#include "scorecard/kpiengine.h"
#include "scorecard/whatifrescore.h"
#include "scorecardeditor/rescorecommand.h"
#include "scoring/scoringengine.h"
#include "store/auditcorrections.h"
#include "store/auditrescorestore.h"
#include "store/auditstore.h"
#include "store/scorecardedits.h"
#include "store/scorecardstore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ql;

namespace {

qint64 logCount(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT count(*) FROM change_log"));
    return q.next() ? q.value(0).toLongLong() : -1;
}

// Every stored state an apply touches, for exact before/after comparisons.
QList<RescoredAudit> states(const QSqlDatabase &db, const QList<qint64> &ids)
{
    QList<RescoredAudit> out;
    for (qint64 id : ids)
        out << *AuditRescoreStore(db).load(id);
    return out;
}

const KpiPeriod october = KpiPeriod::month(QDate(2026, 10, 1));

} // namespace

class TestWhatIf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sameVersionChangesNothing();
    void rescoresUnderDrafts_data();
    void rescoresUnderDrafts();
    void carriesAnswersByKey();
    void histogramBins();
    void whatIfWritesNothing();
    void applyUndoRedo();
    void undoRefusedAfterLaterCorrection();
    void draftAndUncarriedCannotApply();
    void mappedAnswersApply();

private:
    Scorecard weights2080() const;

    QTemporaryDir m_dir;
    std::unique_ptr<test::MiniProject> m_mini;
    QList<qint64> m_ids; // Good (AG1), Weak (AG1), Critical (AG2), Perfect (AG3), all October
};

void TestWhatIf::init()
{
    m_mini = std::make_unique<test::MiniProject>(m_dir.filePath(QStringLiteral("mini.qlens")));
    QVERIFY2(m_mini->error().isEmpty(), qPrintable(m_mini->error()));
    using P = test::MiniProject;
    m_ids = {m_mini->addAudit(QStringLiteral("A1"), P::Good, QStringLiteral("AG1"), QDate(2026, 10, 2)),
             m_mini->addAudit(QStringLiteral("A2"), P::Weak, QStringLiteral("AG1"), QDate(2026, 10, 5)),
             m_mini->addAudit(QStringLiteral("A3"), P::Critical, QStringLiteral("AG2"), QDate(2026, 10, 7)),
             m_mini->addAudit(QStringLiteral("A4"), P::Perfect, QStringLiteral("AG3"), QDate(2026, 10, 9))};
    // Not re-scored: another month, and a sample type the project does not count.
    QVERIFY(m_mini->addAudit(QStringLiteral("S1"), P::Good, QStringLiteral("AG1"), QDate(2026, 9, 30)) > 0);
    QVERIFY(m_mini->addAudit(QStringLiteral("C1"), P::Weak, QStringLiteral("AG1"), QDate(2026, 10, 3),
                             QStringLiteral("QA1"), QStringLiteral("self")) > 0);
    for (qint64 id : m_ids)
        QVERIFY(id > 0);
}

void TestWhatIf::cleanup()
{
    m_mini.reset();
}

// Mini QA with its section weights moved to Compliance 20 / Communication 80.
Scorecard TestWhatIf::weights2080() const
{
    Scorecard card = m_mini->scorecard().card;
    card.sections[0].weight = 20;
    card.sections[1].weight = 80;
    return card;
}

void TestWhatIf::sameVersionChangesNothing()
{
    // The oracle: re-scored under the version they were scored with, nothing moves, and the KPIs of
    // both sides are the Scorecards page's (KpiEngine::headline over the same month).
    QString error;
    const auto r = WhatIfRescore(m_mini->db()).run({}, october, QStringLiteral("Mini QA"), m_mini->scorecard().card,
                                                   m_mini->scorecard().id, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->audits.size(), 4);
    QCOMPARE(r->changed, 0);
    QVERIFY(!r->canApply());
    const KpiReport page = KpiEngine(m_mini->db()).headline({}, october);
    for (const KpiReport *side : {&r->before, &r->after}) {
        QCOMPARE(side->audits.value, page.audits.value);
        QCOMPARE(*side->qaScore.value, *page.qaScore.value); // (80 + 60 + 0 + 100) / 4 = 60
        QCOMPARE(*side->qaScore.ciLow, *page.qaScore.ciLow);
        QCOMPARE(*side->passRate.value, *page.passRate.value); // 2 / 4 = 50%
        QCOMPARE(*side->passRate.ciHigh, *page.passRate.ciHigh);
        QCOMPARE(*side->criticalRate.value, *page.criticalRate.value); // 1 / 4 = 25%
        QCOMPARE(*side->rawScore.value, *page.rawScore.value);         // (80 + 60 + 80 + 100) / 4 = 80
    }
    QCOMPARE(*r->before.qaScore.value, 60.0);
}

void TestWhatIf::rescoresUnderDrafts_data()
{
    QTest::addColumn<int>("variant");
    QTest::addColumn<QList<double>>("scores");
    QTest::addColumn<QList<double>>("raws");
    QTest::addColumn<QList<bool>>("passed");
    QTest::addColumn<double>("qaScore");
    QTest::addColumn<double>("passRate");
    QTest::addColumn<int>("changed");

    // Policy flag, threshold 70: the critical audit keeps its raw 80 but still fails (critical).
    // Mean (80 + 60 + 80 + 100) / 4 = 80; passed Good and Perfect: 50%; only A3 changed.
    QTest::newRow("flag policy, threshold 70")
        << 0 << QList<double>{80, 60, 80, 100} << QList<double>{80, 60, 80, 100}
        << QList<bool>{true, false, false, true} << 80.0 << 50.0 << 1;
    // Section weights 20/80:
    //   Good     20·1   + 80·(2·0.75 + 0.5)/3 = 20 + 53.333333 = 73.333333  (fails: < 80)
    //   Weak     20·1   + 80·(2·0.5 + 0)/3    = 20 + 26.666667 = 46.666667  (disclosure N/A)
    //   Critical 20·0.5 + 80·1                = 90 raw, score 0 (policy zero)
    //   Perfect  100
    // Mean (73.333333 + 46.666667 + 0 + 100) / 4 = 55; raw (… + 90 + 100) / 4 = 77.5; pass 1/4.
    QTest::newRow("section weights 20/80")
        << 1 << QList<double>{73.333333, 46.666667, 0, 100} << QList<double>{73.333333, 46.666667, 90, 100}
        << QList<bool>{false, false, false, true} << 55.0 << 25.0 << 3;
    // Tone weight 0 and no section weights: raw = 100 × Σ w c / Σ w over verify, disclosure, resolution
    //   Good     (1 + 1 + 0.5) / 3 = 83.333333  Weak (1 + 0) / 2 = 50 (disclosure N/A)
    //   Critical (0 + 1 + 1) / 3 = 66.666667 → 0   Perfect 100
    // Mean (83.333333 + 50 + 0 + 100) / 4 = 58.333333; pass (≥ 80) Good and Perfect: 50%.
    QTest::newRow("no section weights, tone weight 0")
        << 2 << QList<double>{83.333333, 50, 0, 100} << QList<double>{83.333333, 50, 66.666667, 100}
        << QList<bool>{true, false, false, true} << 58.33333325 << 50.0 << 3;
}

void TestWhatIf::rescoresUnderDrafts()
{
    QFETCH(int, variant);
    QFETCH(QList<double>, scores);
    QFETCH(QList<double>, raws);
    QFETCH(QList<bool>, passed);
    QFETCH(double, qaScore);
    QFETCH(double, passRate);
    QFETCH(int, changed);

    Scorecard draft = m_mini->scorecard().card;
    if (variant == 0) {
        draft.policy = CriticalPolicy::Flag;
        draft.passThreshold = 70;
    } else if (variant == 1) {
        draft = weights2080();
    } else {
        draft.sections[0].weight.reset();
        draft.sections[1].weight.reset();
        draft.sections[1].criteria[0].weight = 0;
    }
    QString error;
    const auto r = WhatIfRescore(m_mini->db()).run({}, october, QStringLiteral("Mini QA"), draft, 0, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->audits.size(), 4);
    for (int i = 0; i < 4; ++i) {
        const WhatIfAudit &a = r->audits.at(i);
        QCOMPARE(a.id, m_ids.at(i));
        QCOMPARE(*a.after.score, scores.at(i));
        QCOMPARE(*a.after.rawScore, raws.at(i));
        QCOMPARE(a.after.passed, passed.at(i));
        QVERIFY(a.uncarried.isEmpty());
    }
    QCOMPARE(*r->after.qaScore.value, qaScore);
    QCOMPARE(*r->after.passRate.value, passRate);
    QCOMPARE(r->after.audits.value, 4.0);
    QCOMPARE(r->changed, changed);
    // The stored side is what the page shows.
    QCOMPARE(*r->before.qaScore.value, 60.0);
    QCOMPARE(*r->before.passRate.value, 50.0);
    QCOMPARE(r->targetLabel, QStringLiteral("Mini QA (draft)"));
}

void TestWhatIf::carriesAnswersByKey()
{
    const Scorecard &v1 = m_mini->scorecard().card;
    Scorecard target = v1;
    // disclosure gone; tone on 1–10 (values 3–5 are still on it); resolution's points changed but
    // the labels kept; verify no longer critical.
    target.sections[0].criteria.removeAt(1);
    target.sections[1].criteria[0].scale = Scale::range(1, 10);
    target.sections[1].criteria[1].scale =
        Scale::fromOptions({{QStringLiteral("Yes"), 4}, {QStringLiteral("Partial"), 2}, {QStringLiteral("No"), 0}});
    target.sections[0].criteria[0].critical = CriticalFamily::None;

    const auto good = AuditStore(m_mini->db()).load(m_ids.at(0));
    QStringList uncarried;
    const std::vector<AnswerInput> in = WhatIfRescore::carry(v1, *good, target, &uncarried);
    QCOMPARE(uncarried, QStringList{QStringLiteral("disclosure")});
    QCOMPARE(int(in.size()), 3);
    QCOMPARE(in[0].state, AnswerInput::Rated); // verify 1
    QCOMPARE(in[0].value, 1.0);
    QCOMPARE(in[1].value, 4.0); // tone 4, as written
    QCOMPARE(in[2].value, 2.0); // "Partial" → its new points

    // Good under the target (section weights 40/60 kept):
    //   Compliance 1 (verify alone); Communication (2·(4−1)/9 + 1·0.5)/3 = (0.666667 + 0.5)/3 = 0.388889
    //   raw 40 + 60·0.388889 = 63.333333
    QString error;
    const auto r = WhatIfRescore(m_mini->db()).run({}, october, QStringLiteral("Mini QA"), target, 0, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(*r->audits.at(0).after.score, 63.333333);
    QCOMPARE(r->uncarried, 4); // every audit answered disclosure (Weak with N/A)
    // Critical's verify 0 no longer fails the audit; tone 5 on 1–10 is c = 4/9:
    //   raw 40·0 + 60·(2·4/9 + 1)/3 = 60·17/27 = 37.777778.
    QVERIFY(!r->audits.at(2).after.criticalFail);
    QCOMPARE(*r->audits.at(2).after.score, 37.777778);

    // N/A where the target does not allow it: not carried (scored as unanswered → incomplete).
    Scorecard strict = v1;
    strict.sections[0].criteria[1].allowNa = false;
    const auto weak = AuditStore(m_mini->db()).load(m_ids.at(1));
    uncarried.clear();
    const std::vector<AnswerInput> w = WhatIfRescore::carry(v1, *weak, strict, &uncarried);
    QCOMPARE(uncarried, QStringList{QStringLiteral("disclosure")});
    QCOMPARE(w[1].state, AnswerInput::Missing);
    QVERIFY(ScoringEngine(strict).score(w).incomplete);

    // A renamed option label does not carry (labels are what auditors chose).
    Scorecard relabelled = v1;
    relabelled.sections[1].criteria[1].scale =
        Scale::fromOptions({{QStringLiteral("Yes"), 10}, {QStringLiteral("Some"), 5}, {QStringLiteral("No"), 0}});
    uncarried.clear();
    WhatIfRescore::carry(v1, *good, relabelled, &uncarried);
    QCOMPARE(uncarried, QStringList{QStringLiteral("resolution")});
}

void TestWhatIf::histogramBins()
{
    QString error;
    const auto r = WhatIfRescore(m_mini->db()).run({}, october, QStringLiteral("Mini QA"), weights2080(), 0, &error);
    QVERIFY2(r, qPrintable(error));
    // Stored 80, 60, 0, 100 → bins 8, 6, 0 and 9 (100 falls in the last bin).
    QCOMPARE(WhatIfRescore::histogram(r->audits, false), (QList<int>{1, 0, 0, 0, 0, 0, 1, 0, 1, 1}));
    // Under 20/80: 73.3, 46.7, 0, 100 → bins 7, 4, 0, 9.
    QCOMPARE(WhatIfRescore::histogram(r->audits, true), (QList<int>{1, 0, 0, 0, 1, 0, 0, 1, 0, 1}));
}

void TestWhatIf::whatIfWritesNothing()
{
    const QList<RescoredAudit> before = states(m_mini->db(), m_ids);
    const qint64 logs = logCount(m_mini->db());
    QString error;
    QVERIFY(WhatIfRescore(m_mini->db()).run({}, october, QStringLiteral("Mini QA"), weights2080(), 0, &error));
    QCOMPARE(states(m_mini->db(), m_ids), before);
    QCOMPARE(logCount(m_mini->db()), logs);

    // Filters as on the page: agent AG1 has Good and Weak in October.
    const auto ann = WhatIfRescore(m_mini->db()).run({KpiSlice::Kind::Agent, QStringLiteral("AG1")}, october,
                                                     QStringLiteral("Mini QA"), weights2080(), 0, &error);
    QVERIFY2(ann, qPrintable(error));
    QCOMPARE(ann->audits.size(), 2);
    QCOMPARE(*ann->after.qaScore.value, 60.0); // (73.333333 + 46.666667) / 2

    // An invalid draft is refused with its path.
    Scorecard bad = weights2080();
    bad.sections[1].weight = 70;
    QVERIFY(!WhatIfRescore(m_mini->db()).run({}, october, QStringLiteral("Mini QA"), bad, 0, &error));
    QVERIFY2(error.contains(QStringLiteral("weight")), qPrintable(error));
}

void TestWhatIf::applyUndoRedo()
{
    QSqlDatabase db = m_mini->db();
    QString error;
    const auto v2 = ScorecardEdits(db).save(m_mini->scorecard().id, weights2080(), QDate(2026, 11, 1),
                                            QStringLiteral("weights"), &error);
    QVERIFY2(v2, qPrintable(error));
    QCOMPARE(v2->card.version, 2);

    const auto r = WhatIfRescore(db).run({}, october, QStringLiteral("Mini QA"), v2->card, v2->id, &error);
    QVERIFY2(r, qPrintable(error));
    QVERIFY2(r->canApply(), qPrintable(r->applyBlocker));
    QCOMPARE(r->applyAfter.size(), 4); // Perfect's score stays 100, but it moves to v2 as well
    QCOMPARE(r->targetLabel, QStringLiteral("Mini QA v2"));

    const QList<RescoredAudit> before = states(db, m_ids);
    const qint64 logs = logCount(db);
    QUndoStack stack;
    int notified = 0;
    auto command = RescoreCommand::create(db, *r, QStringLiteral("Adopt the new weights"), &error, [&] { ++notified; });
    QVERIFY2(command, qPrintable(error));
    stack.push(command.release());
    QCOMPARE(notified, 1);
    QCOMPARE(logCount(db), logs + 1);
    const QList<RescoredAudit> applied = states(db, m_ids);
    QCOMPARE(applied, r->applyAfter);
    QCOMPARE(*applied.at(0).score.score, 73.333333);
    QVERIFY(!applied.at(0).score.passed);
    for (const RescoredAudit &a : applied)
        QCOMPARE(a.scorecardId, v2->id);
    // The audit now reads as a v2 audit: its answers sit at v2's flat indices and explain agrees.
    const auto good = AuditStore(db).load(m_ids.at(0));
    QCOMPARE(good->answers.size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(good->answers.at(i).flatIndex, i);
    QCOMPARE(*ScoringEngine(v2->card).score(good->inputs(4)).score, 73.333333);
    // The page's KPIs are now the what-if's "after".
    const KpiReport page = KpiEngine(db).headline({}, october);
    QCOMPARE(*page.qaScore.value, 55.0);
    QCOMPARE(*page.passRate.value, 25.0);
    {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT entity, entity_id, field, reason FROM change_log ORDER BY id DESC LIMIT 1"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("scorecard"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("Mini QA"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("rescore"));
        QCOMPARE(q.value(3).toString(), QStringLiteral("Adopt the new weights"));
    }

    stack.undo();
    QCOMPARE(states(db, m_ids), before);
    QCOMPARE(logCount(db), logs + 2);
    QCOMPARE(*KpiEngine(db).headline({}, october).qaScore.value, 60.0);
    stack.redo();
    QCOMPARE(states(db, m_ids), applied);
    QCOMPARE(logCount(db), logs + 3);
    QCOMPARE(notified, 3);
}

void TestWhatIf::undoRefusedAfterLaterCorrection()
{
    QSqlDatabase db = m_mini->db();
    QString error;
    const auto v2 = ScorecardEdits(db).save(m_mini->scorecard().id, weights2080(), QDate(2026, 11, 1),
                                            QStringLiteral("weights"), &error);
    QVERIFY2(v2, qPrintable(error));
    const auto r = WhatIfRescore(db).run({}, october, QStringLiteral("Mini QA"), v2->card, v2->id, &error);
    QVERIFY(r && r->canApply());
    QUndoStack stack;
    auto command = RescoreCommand::create(db, *r, QStringLiteral("weights"), &error);
    QVERIFY2(command, qPrintable(error));
    RescoreCommand *raw = command.get();
    stack.push(command.release());
    // A correction after the apply (outside this stack) moves Good's score.
    QVERIFY2(AuditCorrections(db).setAnswer(m_ids.at(0), QStringLiteral("tone"), AnswerState::rated(5),
                                            QStringLiteral("typo"), &error),
             qPrintable(error));
    const QList<RescoredAudit> now = states(db, m_ids);
    const qint64 logs = logCount(db);
    raw->undo();
    QVERIFY(raw->isObsolete());
    QVERIFY2(raw->lastError().contains(QString::number(m_ids.at(0))), qPrintable(raw->lastError()));
    QCOMPARE(states(db, m_ids), now); // nothing half-written
    QCOMPARE(logCount(db), logs);
}

void TestWhatIf::draftAndUncarriedCannotApply()
{
    QString error;
    const auto draft = WhatIfRescore(m_mini->db()).run({}, october, QStringLiteral("Mini QA"), weights2080(), 0, &error);
    QVERIFY(draft);
    QVERIFY(!draft->canApply());
    QVERIFY(draft->applyBlocker.contains(QStringLiteral("save it")));
    QVERIFY(!RescoreCommand::create(m_mini->db(), *draft, QStringLiteral("x"), &error));
    QCOMPARE(error, draft->applyBlocker);

    Scorecard fewer = m_mini->scorecard().card;
    fewer.sections[0].criteria.removeAt(1); // disclosure gone: every audit answered it
    const auto v2 = ScorecardEdits(m_mini->db()).save(m_mini->scorecard().id, fewer, QDate(2026, 11, 1),
                                                      QStringLiteral("drop disclosure"), &error);
    QVERIFY2(v2, qPrintable(error));
    const auto r = WhatIfRescore(m_mini->db()).run({}, october, QStringLiteral("Mini QA"), v2->card, v2->id, &error);
    QVERIFY2(r, qPrintable(error));
    QVERIFY(!r->canApply());
    QVERIFY2(r->applyBlocker.contains(QStringLiteral("disclosure")), qPrintable(r->applyBlocker));
    QVERIFY(r->applyBlocker.startsWith(QStringLiteral("4 of the audits")));
    // Each criterion with its answers, why and the remedy; then what the user can do.
    QCOMPARE(r->uncarriedCriteria, QStringList{QStringLiteral("disclosure")});
    const QStringList lines = r->applyBlocker.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("• disclosure “")), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(1).contains(QStringLiteral("(4 answers): Mini QA v2 has no criterion with this key — map it to "
                                                 "one of Mini QA v2's criteria (Map Answers…), or, if it was "
                                                 "renamed, give it back the key “disclosure”")),
             qPrintable(lines.at(1)));
    QVERIFY(lines.at(2).startsWith(QStringLiteral("What you can do:")));

    // A relabelled option and N/A no longer allowed: named with the labels and the remedy.
    Scorecard strict = m_mini->scorecard().card;
    strict.sections[0].criteria[1].allowNa = false; // Weak answered disclosure N/A
    strict.sections[1].criteria[1].scale =
        Scale::fromOptions({{QStringLiteral("Yes"), 10}, {QStringLiteral("Some"), 5}, {QStringLiteral("No"), 0}});
    const auto v3 = ScorecardEdits(m_mini->db()).save(v2->id, strict, QDate(2026, 11, 15), QStringLiteral("strict"), &error);
    QVERIFY2(v3, qPrintable(error));
    const auto s = WhatIfRescore(m_mini->db()).run({}, october, QStringLiteral("Mini QA"), v3->card, v3->id, &error);
    QVERIFY2(s, qPrintable(error));
    QVERIFY(!s->canApply());
    QVERIFY2(s->applyBlocker.contains(QStringLiteral("answered N/A, which Mini QA v3 does not allow here — allow N/A on it")),
             qPrintable(s->applyBlocker));
    QVERIFY2(s->applyBlocker.contains(QStringLiteral("the options Partial are not among Mini QA v3's")),
             qPrintable(s->applyBlocker));
}

// A version that renamed a key (disclosure → disclose) and an option label (Partial → Some):
// nothing carries by key and label, the details say what to map, and with the map every answer
// carries, the scores stay those of v1 (the same points), and apply → undo restores the rows.
void TestWhatIf::mappedAnswersApply()
{
    QSqlDatabase db = m_mini->db();
    Scorecard renamed = m_mini->scorecard().card;
    renamed.sections[0].criteria[1].key = QStringLiteral("disclose");
    renamed.sections[1].criteria[1].scale =
        Scale::fromOptions({{QStringLiteral("Yes"), 10}, {QStringLiteral("Some"), 5}, {QStringLiteral("No"), 0}});
    QString error;
    const auto v2 = ScorecardEdits(db).save(m_mini->scorecard().id, renamed, QDate(2026, 11, 1),
                                            QStringLiteral("new keys"), &error);
    QVERIFY2(v2, qPrintable(error));
    const auto plain = WhatIfRescore(db).run({}, october, QStringLiteral("Mini QA"), v2->card, v2->id, &error);
    QVERIFY2(plain, qPrintable(error));
    QVERIFY(!plain->canApply());
    QCOMPARE(plain->uncarriedDetails.size(), 2);
    const WhatIfUncarried &disclosure = plain->uncarriedDetails.at(0);
    QCOMPARE(disclosure.key, QStringLiteral("disclosure"));
    QCOMPARE(disclosure.answers, 4);
    QCOMPARE(disclosure.reasons, QList<NotCarried>{NotCarried::NoKey});
    const WhatIfUncarried &resolution = plain->uncarriedDetails.at(1);
    QCOMPARE(resolution.key, QStringLiteral("resolution"));
    QCOMPARE(resolution.kind, ScaleKind::Options);
    QCOMPARE(resolution.answers, 1); // only Good answered Partial
    QCOMPARE(resolution.labels, QStringList{QStringLiteral("Partial")});

    CarryMap map;
    map.keys.insert(QStringLiteral("disclosure"), QStringLiteral("disclose"));
    map.labels[QStringLiteral("resolution")].insert(QStringLiteral("Partial"), QStringLiteral("Some"));
    const auto r = WhatIfRescore(db).run({}, october, QStringLiteral("Mini QA"), v2->card, v2->id, &error, map);
    QVERIFY2(r, qPrintable(error));
    QVERIFY2(r->canApply(), qPrintable(r->applyBlocker));
    QCOMPARE(r->map, map);
    QCOMPARE(r->changed, 0); // the same points: 80, 60, 0, 100 as stored
    QCOMPARE(r->applyAfter.size(), 4);
    QCOMPARE(*r->audits.at(0).after.score, 80.0);

    QUndoStack stack;
    const QList<RescoredAudit> before = states(db, m_ids);
    auto command = RescoreCommand::create(db, *r, QStringLiteral("keys renamed"), &error);
    QVERIFY2(command, qPrintable(error));
    stack.push(command.release());
    const auto good = AuditStore(db).load(m_ids.at(0));
    QCOMPARE(good->scorecardId, v2->id);
    QCOMPARE(good->answers.at(1).criterionId, ScorecardStore(db).load(v2->id)->criterionIds.at(1)); // disclose
    QCOMPARE(good->answers.at(3).optionLabel, QStringLiteral("Some"));
    QCOMPARE(*ScoringEngine(v2->card).score(good->inputs(4)).score, 80.0);
    stack.undo();
    QCOMPARE(states(db, m_ids), before);

    // A label mapped to other points changes the score: Partial → No makes Good's resolution c = 0:
    //   Compliance 1 → 40; Communication (2·(4−1)/4 + 1·0)/3 = 0.5 → 60·0.5 = 30; 40 + 30 = 70.
    map.labels[QStringLiteral("resolution")].insert(QStringLiteral("Partial"), QStringLiteral("No"));
    const auto harsher = WhatIfRescore(db).run({}, october, QStringLiteral("Mini QA"), v2->card, v2->id, &error, map);
    QVERIFY2(harsher, qPrintable(error));
    QCOMPARE(*harsher->audits.at(0).after.score, 70.0);
    QCOMPARE(harsher->changed, 1);

    // Two criteria onto one: disclosure mapped to verify, which every audit answered already.
    CarryMap twice;
    twice.keys.insert(QStringLiteral("disclosure"), QStringLiteral("verify"));
    twice.labels = map.labels;
    const auto taken = WhatIfRescore(db).run({}, october, QStringLiteral("Mini QA"), v2->card, v2->id, &error, twice);
    QVERIFY2(taken, qPrintable(error));
    QVERIFY(!taken->canApply());
    // Weak's N/A on disclosure cannot go to verify either (verify does not allow N/A).
    QCOMPARE(taken->uncarriedDetails.at(0).reasons, (QList<NotCarried>{NotCarried::Taken, NotCarried::NaNotAllowed}));
    QVERIFY2(taken->applyBlocker.contains(QStringLiteral("another criterion of the same audits lands on verify too")),
             qPrintable(taken->applyBlocker));
}

QTEST_GUILESS_MAIN(TestWhatIf)
#include "tst_whatif.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/explanationjson.h"
#include "scoring/scorerounding.h"
#include "scoring/scoringengine.h"

#include <QJsonArray>
#include <QTest>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>
#include <random>

using namespace ql;

Q_DECLARE_METATYPE(ql::Scorecard)
Q_DECLARE_METATYPE(QList<ql::AnswerInput>)

// Counts C++ heap allocations so the test can show score() makes none. Qt's containers allocate
// with malloc and are not counted; score() uses none, which a reader can check in its source.
namespace {
std::atomic<long long> g_allocations{0};
}
void *operator new(std::size_t size)
{
    ++g_allocations;
    if (void *p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
void *operator new[](std::size_t size)
{
    return operator new(size);
}
void operator delete(void *p) noexcept
{
    std::free(p);
}
void operator delete[](void *p) noexcept
{
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}
void operator delete[](void *p, std::size_t) noexcept
{
    std::free(p);
}

namespace {

constexpr int Customer = 1;
constexpr int Business = 2;
constexpr int Compliance = 4;
constexpr double None = -1; // "no score" in the data tables

const AnswerInput NA = AnswerInput::notApplicable();
const AnswerInput Miss = AnswerInput::missing();
AnswerInput R(double value)
{
    return AnswerInput::rated(value);
}

Criterion crit(const char *key, const Scale &scale, double weight = 1, CriticalFamily family = CriticalFamily::None,
               CriticalEffect effect = CriticalEffect::Audit, bool allowNa = false)
{
    Criterion c;
    c.key = QString::fromLatin1(key);
    c.name = c.key.toUpper();
    c.scale = scale;
    c.weight = weight;
    c.critical = family;
    c.criticalEffect = effect;
    c.allowNa = allowNa;
    return c;
}

Criterion naCrit(const char *key, const Scale &scale, double weight = 1)
{
    return crit(key, scale, weight, CriticalFamily::None, CriticalEffect::Audit, true);
}

Scorecard card(const QList<Section> &sections, CriticalPolicy policy = CriticalPolicy::Zero, double threshold = 85)
{
    Scorecard c;
    c.name = QStringLiteral("Test");
    c.version = 1;
    c.sections = sections;
    c.policy = policy;
    c.passThreshold = threshold;
    return c;
}

const Scale Binary = Scale::binary();
const Scale OneToFive = Scale::range(1, 5);
const Scale YesPartialNo = Scale::fromOptions({{"Yes", 10}, {"Partial", 3}, {"No", 0}});

// formats.md's example: Compliance 30 [verify_identity binary, critical compliance, audit],
// Communication 70 [tone 1–5 w2 allow_na, resolution Yes 10 / Partial 3 / No 0 w3].
Scorecard specCard(CriticalPolicy policy = CriticalPolicy::Zero)
{
    return card({{"Compliance", 30, {crit("verify_identity", Binary, 1, CriticalFamily::Compliance)}},
                 {"Communication", 70, {naCrit("tone", OneToFive, 2), crit("resolution", YesPartialNo, 3)}}},
                policy);
}

// Greeting 20 [greet binary allow_na], Process 30 [steps 0–4, notes binary allow_na],
// Outcome 50 [fix Solved 4 / Workaround 2 / Unsolved 0].
Scorecard dropOutCard()
{
    return card(
        {{"Greeting", 20, {naCrit("greet", Binary)}},
         {"Process", 30, {crit("steps", Scale::range(0, 4)), naCrit("notes", Binary)}},
         {"Outcome", 50, {crit("fix", Scale::fromOptions({{"Solved", 4}, {"Workaround", 2}, {"Unsolved", 0}}))}}});
}

// No section weights: Opening [greet binary, name_used binary allow_na],
// Body [accuracy 0–10 w3, clarity Clear 2 / Muddled 1 / Unclear 0 w2 allow_na].
Scorecard unweightedCard()
{
    return card({{"Opening", std::nullopt, {crit("greet", Binary), naCrit("name_used", Binary)}},
                 {"Body",
                  std::nullopt,
                  {crit("accuracy", Scale::range(0, 10), 3),
                   naCrit("clarity", Scale::fromOptions({{"Clear", 2}, {"Muddled", 1}, {"Unclear", 0}}), 2)}}});
}

// Greeting 20 [hello binary], Security 30 [id_check binary critical compliance, effect section
// (weight idWeight), pin binary], Resolution 50 [fix 1–5]; pin allows N/A when pinNa.
Scorecard sectionEffectCard(CriticalPolicy policy = CriticalPolicy::Zero, double idWeight = 1, bool pinNa = false)
{
    return card({{"Greeting", 20, {crit("hello", Binary)}},
                 {"Security",
                  30,
                  {crit("id_check", Binary, idWeight, CriticalFamily::Compliance, CriticalEffect::Section),
                   pinNa ? naCrit("pin", Binary) : crit("pin", Binary)}},
                 {"Resolution", 50, {crit("fix", OneToFive)}}},
                policy);
}

// A brute-force oracle written straight from scoring.md, in long double, on the unnormalised
// section weights: an independent check of the engine's arithmetic.
struct Oracle
{
    std::optional<long double> raw;
    std::optional<long double> score;
    bool criticalFail = false;
    int families = 0;
    bool incomplete = false;
    AuditScore::DecidedBy decidedBy = AuditScore::NoScore;
    QList<long double> effective; // e_i per flat index
};

long double oracleC(const Scale &s, double v)
{
    if (s.kind == ScaleKind::Binary)
        return v;
    if (s.kind == ScaleKind::Range)
        return ((long double)v - s.min) / ((long double)s.max - s.min);
    long double top = 0;
    for (const auto &o : s.options)
        top = std::max<long double>(top, o.second);
    return v / top;
}

Oracle oracle(const Scorecard &card, const QList<AnswerInput> &answers)
{
    Oracle o;
    bool weighted = !card.sections.isEmpty();
    for (const Section &s : card.sections)
        weighted = weighted && s.weight.has_value();
    const int n = card.criterionCount();
    o.effective.fill(0, n);
    QList<long double> rw, rwc;
    QList<bool> zeroed;
    bool auditFail = false, sectionFail = false;
    int flat = 0;
    for (const Section &s : card.sections) {
        long double w = 0, wc = 0;
        bool z = false;
        for (const Criterion &c : s.criteria) {
            const AnswerInput a = flat < answers.size() ? answers.at(flat) : Miss;
            ++flat;
            if (a.state == AnswerInput::Missing && !c.allowNa)
                o.incomplete = true;
            if (a.state != AnswerInput::Rated)
                continue;
            const long double ci = oracleC(c.scale, a.value);
            w += c.weight;
            wc += c.weight * ci;
            if (c.critical != CriticalFamily::None && ci < 0.5L) {
                o.families |= criticalFamilyBit(c.critical);
                (c.criticalEffect == CriticalEffect::Section ? z : auditFail) = true;
            }
        }
        rw << w;
        rwc << wc;
        zeroed << (z && card.policy == CriticalPolicy::Zero);
        sectionFail = sectionFail || z;
    }
    o.criticalFail = o.families != 0;

    long double num = 0, den = 0, znum = 0, zden = 0, scoredW = 0, allRated = 0;
    for (qsizetype s = 0; s < rw.size(); ++s) {
        const long double W = weighted ? *card.sections.at(s).weight : 1;
        allRated += rw.at(s);
        if (weighted) {
            if (rw.at(s) > 0) {
                num += W * rwc.at(s) / rw.at(s);
                den += W;
                scoredW += W;
            }
            if (rw.at(s) > 0 || zeroed.at(s)) {
                znum += zeroed.at(s) ? 0 : W * rwc.at(s) / rw.at(s);
                zden += W;
            }
        } else {
            num += rwc.at(s);
            den += rw.at(s);
            znum += zeroed.at(s) ? 0 : rwc.at(s);
            zden += rw.at(s);
        }
    }
    if (den > 0)
        o.raw = 100 * num / den;
    if (card.policy == CriticalPolicy::Flag)
        o.score = o.raw;
    else if (auditFail)
        o.score = 0;
    else if (sectionFail)
        o.score = zden > 0 ? std::optional<long double>(100 * znum / zden) : std::nullopt;
    else
        o.score = o.raw;

    if (!o.score)
        o.decidedBy = AuditScore::NoScore;
    else if (auditFail)
        o.decidedBy = AuditScore::Critical;
    else if (sectionFail)
        o.decidedBy = card.policy == CriticalPolicy::Zero ? AuditScore::Section : AuditScore::Critical;
    else
        o.decidedBy = AuditScore::Threshold;

    flat = 0;
    for (qsizetype s = 0; s < card.sections.size(); ++s) {
        for (const Criterion &c : card.sections.at(s).criteria) {
            const AnswerInput a = flat < answers.size() ? answers.at(flat) : Miss;
            if (a.state == AnswerInput::Rated && rw.at(s) > 0)
                o.effective[flat] =
                    weighted ? *card.sections.at(s).weight / scoredW * c.weight / rw.at(s) : c.weight / allRated;
            ++flat;
        }
    }
    return o;
}

double sumPoints(const AuditExplanation &ex)
{
    double sum = 0;
    for (const auto &c : ex.criteria)
        sum += c.points;
    return sum;
}

} // namespace

class TestScoring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void score_data()
    {
        QTest::addColumn<Scorecard>("card");
        QTest::addColumn<QList<AnswerInput>>("answers");
        QTest::addColumn<double>("score");
        QTest::addColumn<double>("raw");
        QTest::addColumn<int>("families");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<bool>("incomplete");
        QTest::addColumn<int>("decidedBy");
        using A = QList<AnswerInput>;
        const int Crit = AuditScore::Critical, Sect = AuditScore::Section, Thr = AuditScore::Threshold,
                  NoScore = AuditScore::NoScore;

        // Compliance S = 1; Communication: tone (4−1)/4 = 0.75 w2, resolution Partial 3/10 = 0.3 w3
        // → (1.5 + 0.9)/5 = 0.48; raw = (30×1 + 70×0.48)/100 × 100 = 63.6
        QTest::newRow("spec example, range and options scales, fails on threshold")
            << specCard() << A{R(1), R(4), R(3)} << 63.6 << 63.6 << 0 << false << false << Thr;
        // every c = 1 → 100
        QTest::newRow("spec example, perfect audit passes")
            << specCard() << A{R(1), R(5), R(10)} << 100.0 << 100.0 << 0 << true << false << Thr;
        // tone (1−1)/4 = 0 w2, resolution No 0 w3 → Communication 0; raw = 30×1 + 70×0 = 30
        QTest::newRow("range minimum and options zero give c = 0")
            << specCard() << A{R(1), R(1), R(0)} << 30.0 << 30.0 << 0 << false << false << Thr;
        // tone N/A: Communication = 3×0.3/3 = 0.3; raw = 30×1 + 70×0.3 = 51
        QTest::newRow("N/A leaves the section's other weights")
            << specCard() << A{R(1), NA, R(3)} << 51.0 << 51.0 << 0 << false << false << Thr;
        // tone missing but allows N/A: same as above, 51, and not incomplete
        QTest::newRow("missing on an allow_na criterion counts as N/A")
            << specCard() << A{R(1), Miss, R(3)} << 51.0 << 51.0 << 0 << false << false << Thr;
        // verify_identity missing (no allow_na): Compliance drops out; raw = 70×1/70 × 100 = 100
        QTest::newRow("missing without allow_na makes the audit incomplete, scored on the rest")
            << specCard() << A{Miss, R(5), R(10)} << 100.0 << 100.0 << 0 << true << true << Thr;
        // too short a span: tone and resolution missing; only verify rated → raw 30×1/30 = 100
        QTest::newRow("answers beyond the span are missing")
            << specCard() << A{R(1)} << 100.0 << 100.0 << 0 << true << true << Thr;

        // Greeting N/A drops out; Process (3/4 w1, notes N/A) = 0.75; Outcome Workaround 2/4 = 0.5;
        // raw = (30×0.75 + 50×0.5)/(30 + 50) × 100 = 47.5/80 × 100 = 59.375
        QTest::newRow("section drop-out redistributes its weight")
            << dropOutCard() << A{NA, R(3), NA, R(2)} << 59.375 << 59.375 << 0 << false << false << Thr;
        // Greeting N/A; Process = 1, Outcome = 1 → (30 + 50)/80 × 100 = 100: a perfect audit stays 100
        QTest::newRow("perfect audit with a dropped section is 100")
            << dropOutCard() << A{NA, R(4), R(1), R(4)} << 100.0 << 100.0 << 0 << true << false << Thr;
        // Greeting 1; Process (4/4 + 0)/2 = 0.5; Outcome 1 → 20 + 15 + 50 = 85, exactly the threshold
        QTest::newRow("score equal to the threshold passes")
            << dropOutCard() << A{R(1), R(4), R(0), R(4)} << 85.0 << 85.0 << 0 << true << false << Thr;
        // S1 rates only a (w0): rated weights sum to 0, S1 drops out; S2 = 3/4 → 60×0.75/60 × 100 = 75
        QTest::newRow("section whose rated weights sum to 0 drops out")
            << card({{"S1", 40, {crit("a", Binary, 0), naCrit("b", Binary)}},
                     {"S2", 60, {crit("c", Scale::range(0, 4))}}})
            << A{R(1), NA, R(3)} << 75.0 << 75.0 << 0 << false << false << Thr;
        // only a (w0) rated: Σw = 0 → no raw score, no score
        QTest::newRow("rated weights summing to 0 give no score")
            << card({{"S", std::nullopt, {crit("a", Binary, 0), naCrit("b", Binary)}}}) << A{R(1), NA} << None << None
            << 0 << false << false << NoScore;
        QTest::newRow("nothing rated gives no score")
            << card({{"S", std::nullopt, {naCrit("x", Binary), naCrit("y", OneToFive)}}}) << A{NA, NA} << None << None
            << 0 << false << false << NoScore;
        QTest::newRow("no answers at all: incomplete and no score")
            << specCard() << A{} << None << None << 0 << false << true << NoScore;
        QTest::newRow("scorecard with zero criteria gives no score")
            << card({}) << A{} << None << None << 0 << false << false << NoScore;

        // (1×1 + 1×0 + 3×0.7 + 2×Muddled 1/2) / (1 + 1 + 3 + 2) = 4.1/7 = 0.5857142857… → 58.571429
        QTest::newRow("no section weights: one pool of rated weights")
            << unweightedCard() << A{R(1), R(0), R(7), R(1)} << 58.571429 << 58.571429 << 0 << false << false << Thr;
        // name_used and clarity N/A: (1×1 + 3×0.7)/(1 + 3) = 3.1/4 = 77.5
        QTest::newRow("no section weights with N/A")
            << unweightedCard() << A{R(1), NA, R(7), NA} << 77.5 << 77.5 << 0 << false << false << Thr;

        // verify_identity 0: raw = 30×0 + 70×1 = 70; policy zero, effect audit → score 0
        QTest::newRow("critical, effect audit, policy zero: score 0")
            << specCard() << A{R(0), R(5), R(10)} << 0.0 << 70.0 << Compliance << false << false << Crit;
        // same answers under flag: score = raw = 70, flagged and failed
        QTest::newRow("critical, effect audit, policy flag: score kept, audit fails")
            << specCard(CriticalPolicy::Flag) << A{R(0), R(5), R(10)} << 70.0 << 70.0 << Compliance << false << false
            << Crit;
        // v (w1, critical) 0, w (w9) 1 → raw 9/10 = 90, above the threshold 0, and still a fail
        QTest::newRow("policy flag fails a critical audit whatever its score")
            << card({{"C", std::nullopt, {crit("v", Binary, 1, CriticalFamily::Customer), crit("w", Binary, 9)}}},
                    CriticalPolicy::Flag, 0)
            << A{R(0), R(1)} << 90.0 << 90.0 << Customer << false << false << Crit;
        // verify N/A: not a failure; quality 5 → (5−1)/4 = 1 → 100
        QTest::newRow("critical criterion answered N/A is not a failure")
            << card({{"S",
                      std::nullopt,
                      {crit("verify", Binary, 1, CriticalFamily::Compliance, CriticalEffect::Audit, true),
                       crit("quality", OneToFive)}}})
            << A{NA, R(5)} << 100.0 << 100.0 << 0 << true << false << Thr;
        // check 3 on 1–5: (3−1)/4 = 0.5, not < 0.5; raw = (0.5 + 1)/2 = 75
        QTest::newRow("c exactly 0.5 on a critical range criterion is not a failure")
            << card({{"S",
                      std::nullopt,
                      {crit("check", OneToFive, 1, CriticalFamily::Customer), crit("other", Binary)}}})
            << A{R(3), R(1)} << 75.0 << 75.0 << 0 << false << false << Thr;
        // check 2: (2−1)/4 = 0.25 < 0.5 → failure; raw (0.25 + 1)/2 = 62.5; score 0
        QTest::newRow("c 0.25 on a critical range criterion fails")
            << card({{"S",
                      std::nullopt,
                      {crit("check", OneToFive, 1, CriticalFamily::Customer), crit("other", Binary)}}})
            << A{R(2), R(1)} << 0.0 << 62.5 << Customer << false << false << Crit;
        // Half 5/10 = 0.5 → not a failure; raw (0.5 + 1)/2 = 75
        QTest::newRow("c exactly 0.5 on a critical options criterion is not a failure")
            << card({{"S",
                      std::nullopt,
                      {crit("offer", Scale::fromOptions({{"Full", 10}, {"Half", 5}, {"None", 0}}), 1,
                            CriticalFamily::Business),
                       crit("other", Binary)}}})
            << A{R(5), R(1)} << 75.0 << 75.0 << 0 << false << false << Thr;
        // pass_level 0.9 plays no part in critical failures: c = 0.75 ≥ 0.5 → none; raw (0.75 + 1)/2 = 87.5
        QTest::newRow("pass_level does not decide critical failures") << [] {
            Scorecard c =
                card({{"S", std::nullopt, {crit("check", OneToFive, 1, CriticalFamily::Customer), crit("o", Binary)}}});
            c.sections[0].criteria[0].passLevel = 0.9;
            return c;
        }() << A{R(4), R(1)} << 87.5 << 87.5 << 0 << true << false << Thr;

        // Greeting 1; Security (0 + 1)/2 = 0.5; Resolution (5−1)/4 = 1 → raw = 20 + 15 + 50 = 85;
        // id_check fails with effect section → Security 0: score = 20 + 0 + 50 = 70
        QTest::newRow("critical, effect section, with section weights: section set to 0")
            << sectionEffectCard() << A{R(1), R(0), R(1), R(5)} << 70.0 << 85.0 << Compliance << false << false << Sect;
        // under flag nothing is zeroed: score = raw = 85, yet the audit fails on the critical rule
        QTest::newRow("critical, effect section, policy flag: score kept, audit fails")
            << sectionEffectCard(CriticalPolicy::Flag) << A{R(1), R(0), R(1), R(5)} << 85.0 << 85.0 << Compliance
            << false << false << Crit;
        // A [x crit customer section, y] B [z w2]: raw = (0 + 1 + 2×1)/4 = 75; zeroing A sets
        // c = 0 for x and y: (0 + 0 + 2)/4 = 50
        QTest::newRow("critical, effect section, no section weights: c = 0 across the section")
            << card({{"A",
                      std::nullopt,
                      {crit("x", Binary, 1, CriticalFamily::Customer, CriticalEffect::Section), crit("y", Binary)}},
                     {"B", std::nullopt, {crit("z", Binary, 2)}}})
            << A{R(0), R(1), R(1)} << 50.0 << 75.0 << Customer << false << false << Sect;
        // Resolution gains promise (binary, critical business, audit): fix 1, promise 0 →
        // Resolution (1 + 0)/2 = 0.5; raw = 20 + 15 + 25 = 60; the audit zero wins over the section zero
        QTest::newRow("precedence: audit zero beats section zero") <<
            [] {
                Scorecard c = sectionEffectCard();
                c.sections[2].criteria << crit("promise", Binary, 1, CriticalFamily::Business);
                return c;
            }() << A{R(1), R(0), R(1), R(5), R(0)} << 0.0 << 60.0 << (Compliance | Business)
                                                                   << false << false << Crit;
        // id_check has weight 0 and pin is N/A: Security's rated weights sum to 0, so the raw score
        // drops it: (20 + 50)/70 = 100; the section zero keeps it in with 0: (20 + 0 + 50)/100 = 70
        QTest::newRow("precedence: section zero beats N/A")
            << sectionEffectCard(CriticalPolicy::Zero, 0, true) << A{R(1), R(0), NA, R(5)} << 70.0 << 100.0
            << Compliance << false << false << Sect;
        // a weight-0 gate with effect audit still zeroes the audit, though nothing weighted is rated
        QTest::newRow("critical with weight 0 and effect audit: score 0 without a raw score")
            << card({{"S", std::nullopt, {crit("gate", Binary, 0, CriticalFamily::Compliance), naCrit("b", Binary)}}})
            << A{R(0), NA} << 0.0 << None << Compliance << false << false << Crit;
        // two families fail at once: both recorded
        QTest::newRow("each failed family is recorded")
            << card({{"S",
                      std::nullopt,
                      {crit("a", Binary, 1, CriticalFamily::Customer), crit("b", Binary, 1, CriticalFamily::Compliance),
                       crit("c", Binary, 1, CriticalFamily::Business)}}})
            << A{R(0), R(0), R(1)} << 0.0 << 33.333333 << (Customer | Compliance) << false << false << Crit;

        // (0.3×1 + 0.45×(4−1)/4)/(0.3 + 0.45) = 0.6375/0.75 = 0.85 exactly, but doubles give
        // 84.99999999999999; rounded to 6 decimals it is 85 and passes (see exactThreshold())
        QTest::newRow("exactly 85 through non-representable weights passes")
            << card({{"S", std::nullopt, {crit("a", Binary, 0.3), crit("b", OneToFive, 0.45)}}}) << A{R(1), R(4)}
            << 85.0 << 85.0 << 0 << true << false << Thr;
    }

    void score()
    {
        QFETCH(Scorecard, card);
        QFETCH(QList<AnswerInput>, answers);
        QFETCH(double, score);
        QFETCH(double, raw);
        QFETCH(int, families);
        QFETCH(bool, passed);
        QFETCH(bool, incomplete);
        QFETCH(int, decidedBy);

        const ScoringEngine engine(card);
        const AuditScore r = engine.score(answers);
        QCOMPARE(r.score.has_value(), score != None);
        if (r.score)
            QCOMPARE(*r.score, score); // both sides have 6 decimals
        QCOMPARE(r.rawScore.has_value(), raw != None);
        if (r.rawScore)
            QCOMPARE(*r.rawScore, raw);
        QCOMPARE(int(r.failedFamilies), families);
        QCOMPARE(r.criticalFail, families != 0);
        QCOMPARE(r.passed, passed);
        QCOMPARE(r.incomplete, incomplete);
        QCOMPARE(AuditScore::decidedByName(r.decidedBy), AuditScore::decidedByName(AuditScore::DecidedBy(decidedBy)));

        const AuditExplanation ex = engine.explain(answers);
        QVERIFY(ex.result == r);
        if (r.rawScore)
            QVERIFY(std::abs(sumPoints(ex) - *r.rawScore) < 1e-6);
        else
            QCOMPARE(sumPoints(ex), 0.0);
    }

    void exactThreshold()
    {
        // The naive double arithmetic really does fall short of 85 …
        volatile double w1 = 0.3, w2 = 0.45, c2 = (4.0 - 1) / 4;
        const double naive = 100 * (w1 * 1 + w2 * c2) / (w1 + w2);
        QVERIFY(naive < 85);
        QCOMPARE(roundScore6(naive), 85.0);
        // … and the engine rounds before comparing.
        const ScoringEngine engine(card({{"S", std::nullopt, {crit("a", Binary, 0.3), crit("b", OneToFive, 0.45)}}}));
        const QList<AnswerInput> answers{R(1), R(4)};
        QVERIFY(engine.score(answers).passed);
        QCOMPARE(formatAuditScoreForDisplay(*engine.score(answers).score, 85), QStringLiteral("85.0"));
    }

    void explainSpecExample()
    {
        const ScoringEngine engine(specCard());
        const AuditExplanation ex = engine.explain(QList<AnswerInput>{R(1), R(4), R(3)});
        QCOMPARE(ex.threshold, 85.0);
        QCOMPARE(ex.policy, CriticalPolicy::Zero);
        QCOMPARE(ex.sections.size(), 2);
        QCOMPARE(ex.sections[0].name, QStringLiteral("Compliance"));
        QCOMPARE(ex.sections[0].score, std::optional<double>(100));
        QCOMPARE(ex.sections[0].weight, std::optional<double>(30));
        QCOMPARE(ex.sections[0].effectiveWeight, 0.3);             // 30/100
        QCOMPARE(ex.sections[1].score, std::optional<double>(48)); // (2×0.75 + 3×0.3)/5
        QCOMPARE(ex.sections[1].effectiveWeight, 0.7);
        QVERIFY(!ex.sections[0].zeroed && !ex.sections[1].zeroed);

        // e: verify 0.3×1/1 = 0.3; tone 0.7×2/5 = 0.28; resolution 0.7×3/5 = 0.42
        // points 100×e×c: 30, 28×0.75 = 21, 42×0.3 = 12.6 (sum 63.6); lost 0, 7, 29.4
        const double e[] = {0.3, 0.28, 0.42};
        const double points[] = {30, 21, 12.6};
        const double lost[] = {0, 7, 29.4};
        const double c[] = {1, 0.75, 0.3};
        for (int i = 0; i < 3; ++i) {
            QVERIFY(qFuzzyCompare(ex.criteria[i].effectiveWeight, e[i]));
            QVERIFY(qFuzzyCompare(1 + ex.criteria[i].points, 1 + points[i]));
            QVERIFY(qFuzzyCompare(1 + ex.criteria[i].pointsLost, 1 + lost[i]));
            QCOMPARE(*ex.criteria[i].c, c[i]);
            QVERIFY(qFuzzyCompare(engine.nominalEffectiveWeight(i), e[i]));
        }
        QCOMPARE(ex.criteria[2].label, QStringLiteral("Partial"));
        QCOMPARE(ex.criteria[0].critical, CriticalFamily::Compliance);
        QVERIFY(!ex.criteria[0].criticalFailed);
        QVERIFY(std::abs(sumPoints(ex) - 63.6) < 1e-9);
    }

    void explainNaAndMissing()
    {
        const ScoringEngine engine(specCard());
        // tone missing (allows N/A) → counted as N/A; e: verify 0.3, tone 0, resolution 0.7
        const AuditExplanation ex = engine.explain(QList<AnswerInput>{R(1), Miss, R(3)});
        QVERIFY(ex.criteria[1].na && ex.criteria[1].missing);
        QVERIFY(!ex.criteria[1].value && !ex.criteria[1].c);
        QCOMPARE(ex.criteria[1].effectiveWeight, 0.0);
        QCOMPARE(ex.criteria[1].points, 0.0);
        QCOMPARE(ex.criteria[1].pointsLost, 0.0);
        QVERIFY(qFuzzyCompare(ex.criteria[2].effectiveWeight, 0.7)); // 0.7 × 3/3
        // verify missing (no N/A) → missing but not N/A
        const AuditExplanation incomplete = engine.explain(QList<AnswerInput>{Miss, R(5), R(10)});
        QVERIFY(incomplete.criteria[0].missing && !incomplete.criteria[0].na);
        QVERIFY(incomplete.result.incomplete);
        QVERIFY(!incomplete.sections[0].score);
        QCOMPARE(incomplete.sections[0].effectiveWeight, 0.0);
    }

    void explainRedistribution()
    {
        // Greeting drops out; Process 30/80 = 0.375, Outcome 50/80 = 0.625.
        // e: steps 0.375×1/1, fix 0.625; points 37.5×0.75 = 28.125 and 62.5×0.5 = 31.25 → 59.375
        const ScoringEngine engine(dropOutCard());
        const AuditExplanation ex = engine.explain(QList<AnswerInput>{NA, R(3), NA, R(2)});
        QVERIFY(!ex.sections[0].score);
        QCOMPARE(ex.sections[0].effectiveWeight, 0.0);
        QCOMPARE(ex.sections[1].effectiveWeight, 0.375);
        QCOMPARE(ex.sections[2].effectiveWeight, 0.625);
        QCOMPARE(ex.criteria[1].effectiveWeight, 0.375);
        QCOMPARE(ex.criteria[2].effectiveWeight, 0.0);
        QCOMPARE(ex.criteria[3].effectiveWeight, 0.625);
        QCOMPARE(ex.criteria[1].points, 28.125);
        QCOMPARE(ex.criteria[3].points, 31.25);
        QCOMPARE(ex.criteria[3].label, QStringLiteral("Workaround"));
        QCOMPARE(sumPoints(ex), 59.375);
        // Nominal e (all rated): greet 0.2, steps and notes 0.3×1/2 = 0.15, fix 0.5.
        QCOMPARE(engine.nominalEffectiveWeight(0), 0.2);
        QCOMPARE(engine.nominalEffectiveWeight(1), 0.15);
        QCOMPARE(engine.nominalEffectiveWeight(2), 0.15);
        QCOMPARE(engine.nominalEffectiveWeight(3), 0.5);
    }

    void explainUnweighted()
    {
        // e = w/Σw = 1/7, 1/7, 3/7, 2/7; sections: Opening (1 + 0)/2 = 50 with share 2/7,
        // Body (3×0.7 + 2×0.5)/5 = 62 with share 5/7; points 100/7, 0, 30, 100/7 → 58.571…
        const ScoringEngine engine(unweightedCard());
        const AuditExplanation ex = engine.explain(QList<AnswerInput>{R(1), R(0), R(7), R(1)});
        QVERIFY(!ex.sectionWeights);
        QVERIFY(!ex.sections[0].weight);
        QCOMPARE(ex.sections[0].score, std::optional<double>(50));
        QCOMPARE(ex.sections[1].score, std::optional<double>(62));
        QVERIFY(qFuzzyCompare(ex.sections[0].effectiveWeight, 2.0 / 7));
        QVERIFY(qFuzzyCompare(ex.sections[1].effectiveWeight, 5.0 / 7));
        const double e[] = {1.0 / 7, 1.0 / 7, 3.0 / 7, 2.0 / 7};
        for (int i = 0; i < 4; ++i)
            QVERIFY(qFuzzyCompare(ex.criteria[i].effectiveWeight, e[i]));
        QVERIFY(qFuzzyCompare(ex.criteria[2].points, 30));
        QVERIFY(qFuzzyCompare(ex.criteria[1].pointsLost, 100.0 / 7));
        QVERIFY(std::abs(sumPoints(ex) - 410.0 / 7) < 1e-9);
    }

    void explainZeroedSection()
    {
        const ScoringEngine engine(sectionEffectCard());
        const AuditExplanation ex = engine.explain(QList<AnswerInput>{R(1), R(0), R(1), R(5)});
        QCOMPARE(ex.result.decidedBy, AuditScore::Section);
        QVERIFY(ex.sections[1].zeroed);
        QCOMPARE(ex.sections[1].score, std::optional<double>(50)); // its own score before zeroing
        QVERIFY(ex.criteria[1].criticalFailed);
        QCOMPARE(ex.criteria[1].criticalEffect, CriticalEffect::Section);
        QCOMPARE(sumPoints(ex), 85.0); // points describe the raw score
        QVERIFY(ExplanationJson::decisionSentence(ex).contains(QStringLiteral("section Security set to 0")));
    }

    void explainMatchesOracleOnRandomAudits()
    {
        std::mt19937_64 rng(20260701);
        const auto below = [&rng](int n) { return int(rng() % unsigned(n)); };
        const double weights[] = {0, 0.3, 0.5, 1, 1, 2, 3, 0.45};
        const double thresholds[] = {0, 50, 85, 100};
        int scored = 0;
        for (int round = 0; round < 400; ++round) {
            Scorecard c;
            c.policy = below(2) ? CriticalPolicy::Zero : CriticalPolicy::Flag;
            c.passThreshold = thresholds[below(4)];
            const bool weighted = below(2);
            const int sections = 1 + below(4);
            QList<int> parts;
            int partSum = 0;
            for (int s = 0; s < sections; ++s) {
                parts << 1 + below(9);
                partSum += parts.last();
            }
            int key = 0;
            for (int s = 0; s < sections; ++s) {
                Section section{QStringLiteral("S%1").arg(s), std::nullopt, {}};
                if (weighted)
                    section.weight = 100.0 * parts[s] / partSum;
                for (int n = 1 + below(4); n > 0; --n) {
                    Scale scale;
                    if (const int kind = below(3); kind == 1) {
                        const int lo = below(5) - 2;
                        scale = Scale::range(lo, lo + 1 + below(9));
                    } else if (kind == 2) {
                        QList<std::pair<QString, double>> options{{QStringLiteral("top"), double(1 + below(10))}};
                        for (int o = below(3); o >= 0; --o)
                            options.append({QStringLiteral("o%1").arg(o), double(below(11))});
                        scale = Scale::fromOptions(options);
                    }
                    Criterion criterion = crit("k", scale, weights[below(8)]);
                    criterion.key = QStringLiteral("k%1").arg(key++);
                    criterion.allowNa = below(2);
                    if (below(4) == 0)
                        criterion.critical = CriticalFamily(1 + below(3));
                    criterion.criticalEffect = below(2) ? CriticalEffect::Audit : CriticalEffect::Section;
                    section.criteria << criterion;
                }
                c.sections << section;
            }
            const ScoringEngine engine(c);
            for (int audit = 0; audit < 25; ++audit) {
                QList<AnswerInput> answers;
                for (int i = 0; i < c.criterionCount(); ++i) {
                    const Scale &scale = c.criterionAt(i).scale;
                    const int pick = below(7);
                    if (pick == 0)
                        answers << Miss;
                    else if (pick == 1)
                        answers << NA;
                    else if (scale.kind == ScaleKind::Binary)
                        answers << R(below(2));
                    else if (scale.kind == ScaleKind::Range)
                        answers << R(scale.min + below(scale.max - scale.min + 1));
                    else
                        answers << R(scale.options.at(below(int(scale.options.size()))).second);
                }
                const Oracle o = oracle(c, answers);
                const AuditScore r = engine.score(answers);
                const AuditExplanation ex = engine.explain(answers);
                const QByteArray where = QStringLiteral("round %1 audit %2").arg(round).arg(audit).toLatin1();
                QVERIFY2(ex.result == r, where);
                QVERIFY2(r.rawScore.has_value() == o.raw.has_value(), where);
                QVERIFY2(r.score.has_value() == o.score.has_value(), where);
                if (r.rawScore) {
                    QVERIFY2(std::abs(*r.rawScore - double(*o.raw)) < 1e-6, where);
                    QVERIFY2(std::abs(sumPoints(ex) - double(*o.raw)) < 1e-6, where);
                    ++scored;
                }
                if (r.score)
                    QVERIFY2(std::abs(*r.score - double(*o.score)) < 1e-6, where);
                QCOMPARE(int(r.failedFamilies), o.families);
                QCOMPARE(r.criticalFail, o.criticalFail);
                QCOMPARE(r.incomplete, o.incomplete);
                QCOMPARE(int(r.decidedBy), int(o.decidedBy));
                if (r.score && std::abs(double(*o.score) - c.passThreshold) > 1e-5)
                    QCOMPARE(r.passed, !o.criticalFail && double(*o.score) >= c.passThreshold);
                double share = 0;
                for (int i = 0; i < c.criterionCount(); ++i) {
                    QVERIFY2(std::abs(ex.criteria[i].effectiveWeight - double(o.effective[i])) < 1e-12, where);
                    share += ex.criteria[i].effectiveWeight;
                }
                if (r.rawScore)
                    QVERIFY2(std::abs(share - 1) < 1e-9, where);
            }
        }
        QVERIFY(scored > 5000); // the draws exercise the arithmetic, not only the no-score path
    }

    void scoreDoesNotAllocate()
    {
        const ScoringEngine engine(sectionEffectCard());
        const AnswerInput answers[] = {R(1), R(0), R(1), R(5)};
        double sum = 0;
        const long long before = g_allocations.load();
        for (int i = 0; i < 10000; ++i)
            sum += engine.score(answers).score.value_or(0);
        QCOMPARE(g_allocations.load(), before);
        QCOMPARE(sum, 700000.0); // 10,000 × 70
    }

    void explanationJson()
    {
        const ScoringEngine engine(specCard());
        const QJsonObject o = ExplanationJson::toJson(engine.explain(QList<AnswerInput>{R(0), NA, R(3)}),
                                                      QStringLiteral("A-17"), QStringLiteral("Support QA"), 2);
        for (const char *key :
             {"audit_id", "scorecard", "scorecard_version", "score", "raw_score", "critical_fail", "critical_families",
              "passed", "incomplete", "threshold", "policy", "decided_by", "sections", "criteria"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o["audit_id"].toString(), QStringLiteral("A-17"));
        QCOMPARE(o["scorecard_version"].toInt(), 2);
        // Compliance 0, Communication 3×0.3/3 = 0.3 → raw 30×0 + 70×0.3 = 21; policy zero → 0
        QCOMPARE(o["score"].toDouble(), 0.0);
        QCOMPARE(o["raw_score"].toDouble(), 21.0);
        QCOMPARE(o["critical_fail"].toBool(), true);
        QCOMPARE(o["critical_families"].toArray(), QJsonArray{QStringLiteral("compliance")});
        QCOMPARE(o["passed"].toBool(), false);
        QCOMPARE(o["threshold"].toDouble(), 85.0);
        QCOMPARE(o["policy"].toString(), QStringLiteral("zero"));
        QCOMPARE(o["decided_by"].toString(), QStringLiteral("critical"));

        const QJsonArray sections = o["sections"].toArray();
        QCOMPARE(sections.size(), 2);
        const QJsonObject communication = sections[1].toObject();
        for (const char *key : {"name", "score", "weight", "effective_weight", "zeroed"})
            QVERIFY2(communication.contains(QLatin1String(key)), key);
        QCOMPARE(communication["score"].toDouble(), 30.0);
        QCOMPARE(communication["weight"].toDouble(), 70.0);

        const QJsonArray criteria = o["criteria"].toArray();
        QCOMPARE(criteria.size(), 3);
        for (const char *key : {"key", "value", "na", "c", "weight", "effective_weight", "points", "points_lost",
                                "critical", "critical_failed"})
            QVERIFY2(criteria[0].toObject().contains(QLatin1String(key)), key);
        const QJsonObject verify = criteria[0].toObject();
        QCOMPARE(verify["critical"].toString(), QStringLiteral("compliance"));
        QCOMPARE(verify["critical_failed"].toBool(), true);
        QCOMPARE(verify["points_lost"].toDouble(), 30.0);
        const QJsonObject tone = criteria[1].toObject();
        QVERIFY(tone["value"].isNull());
        QVERIFY(tone["c"].isNull());
        QCOMPARE(tone["na"].toBool(), true);
        QVERIFY(tone["critical"].isNull());
        QCOMPARE(criteria[2].toObject()["label"].toString(), QStringLiteral("Partial"));
        double points = 0;
        for (const auto &c : criteria)
            points += c.toObject()["points"].toDouble();
        QVERIFY(std::abs(points - o["raw_score"].toDouble()) < 1e-9);
    }

    void explanationText_data()
    {
        QTest::addColumn<Scorecard>("card");
        QTest::addColumn<QList<AnswerInput>>("answers");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("threshold fail") << specCard() << QList<AnswerInput>{R(1), R(4), R(3)}
                                        << QStringList{"Score 63.6 (raw 63.6)",
                                                       "FAILED",
                                                       "Score 63.6 is below the threshold 85: failed.",
                                                       "Partial (3)",
                                                       "30.0%",
                                                       "21.00",
                                                       "29.40",
                                                       "Total",
                                                       "63.60"};
        QTest::newRow("pass") << specCard() << QList<AnswerInput>{R(1), R(5), R(10)}
                              << QStringList{"PASSED", "is at or above the threshold 85: passed."};
        QTest::newRow("critical zero") << specCard() << QList<AnswerInput>{R(0), R(5), R(10)}
                                       << QStringList{
                                              "Critical failure (compliance: verify_identity) with effect audit",
                                              "compliance FAILED"};
        QTest::newRow("critical flag") << specCard(CriticalPolicy::Flag) << QList<AnswerInput>{R(0), R(5), R(10)}
                                       << QStringList{"policy flag keeps the score"};
        QTest::newRow("incomplete and N/A")
            << specCard() << QList<AnswerInput>{Miss, NA, R(10)}
            << QStringList{"Incomplete: no answer for verify_identity", "N/A", "missing"};
        QTest::newRow("no score") << card({{"S", std::nullopt, {naCrit("x", Binary)}}}) << QList<AnswerInput>{NA}
                                  << QStringList{"Score none", "No score: no criterion is rated"};
    }

    void explanationText()
    {
        QFETCH(Scorecard, card);
        QFETCH(QList<AnswerInput>, answers);
        QFETCH(QStringList, expected);
        const ScoringEngine engine(card);
        const QString text = ExplanationJson::toText(engine.explain(answers), QStringLiteral("A-1"), card.name, 1);
        for (const QString &part : expected)
            QVERIFY2(text.contains(part), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(part, text)));
    }
};

QTEST_GUILESS_MAIN(TestScoring)
#include "tst_scoring.moc"

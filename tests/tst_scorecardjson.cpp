// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/scorecardjson.h"

#include <QJsonDocument>
#include <QTest>

using namespace ql;

Q_DECLARE_METATYPE(ql::Scorecard)

namespace {

// formats.md "Scorecard definition (JSON)", verbatim.
const char SpecExample[] = R"({
  "name": "Support QA",
  "version": 2,
  "valid_from": "2026-07-01",
  "pass_threshold": 85,
  "critical_policy": "zero",
  "sections": [
    { "name": "Compliance", "weight": 30,
      "criteria": [
        { "key": "verify_identity", "name": "Verified the customer's identity",
          "scale": "binary", "weight": 1, "critical": "compliance", "critical_effect": "audit",
          "allow_na": false } ] },
    { "name": "Communication", "weight": 70,
      "criteria": [
        { "key": "tone", "name": "Tone and empathy", "scale": { "min": 1, "max": 5 },
          "weight": 2, "critical": null, "allow_na": true, "pass_level": 0.5 },
        { "key": "resolution", "name": "Resolution offered",
          "scale": { "options": { "Yes": 10, "Partial": 3, "No": 0 } }, "weight": 3 } ] }
  ]
})";

// A valid one-section card whose second criterion is `criterion`, so that its problems are
// reported at sections[0].criteria[1].
QByteArray withCriterion(const QByteArray &criterion)
{
    return R"({"name": "T", "sections": [{"name": "S", "criteria": [{"key": "a", "name": "A", "scale": "binary"}, )" +
           criterion + "]}]}";
}

// A valid card with `fields` added at the top level.
QByteArray withTop(const QByteArray &fields)
{
    return R"({"name": "T", )" + fields +
           R"(, "sections": [{"name": "S", "criteria": [{"key": "a", "name": "A", "scale": "binary"}]}]})";
}

QByteArray withSections(const QByteArray &sections)
{
    return R"({"name": "T", "sections": )" + sections + "}";
}

// A section named `name` with one binary criterion keyed `key`, weighted `weight` (empty: none).
QByteArray section(const QByteArray &name, const QByteArray &key, const QByteArray &weight = {})
{
    return R"({"name": ")" + name + '"' + (weight.isEmpty() ? QByteArray() : ", \"weight\": " + weight) +
           R"(, "criteria": [{"key": ")" + key + R"(", "name": "N", "scale": "binary"}]})";
}

// fromJsonObject's documented order: points, highest first; QJsonObject's label order breaks ties.
Scorecard withOptionsByPoints(Scorecard card)
{
    for (Section &section : card.sections) {
        for (Criterion &criterion : section.criteria) {
            auto &options = criterion.scale.options;
            std::sort(options.begin(), options.end(), [](const auto &a, const auto &b) {
                return a.second != b.second ? a.second > b.second : a.first < b.first;
            });
        }
    }
    return card;
}

Scorecard parseOrFail(const QByteArray &text)
{
    QString error;
    const auto card = ScorecardJson::parse(text, &error);
    if (!card)
        qWarning("unexpected refusal: %s", qPrintable(error));
    return card.value_or(Scorecard{});
}

} // namespace

class TestScorecardJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesSpecExample()
    {
        QString error;
        const auto card = ScorecardJson::parse(SpecExample, &error);
        QVERIFY2(card, qPrintable(error));
        QCOMPARE(card->name, QStringLiteral("Support QA"));
        QCOMPARE(card->version, 2);
        QCOMPARE(card->validFrom, QDate(2026, 7, 1));
        QCOMPARE(card->passThreshold, 85.0);
        QCOMPARE(card->policy, CriticalPolicy::Zero);
        QCOMPARE(card->sections.size(), 2);
        QCOMPARE(card->criterionCount(), 3);
        QVERIFY(card->hasSectionWeights());

        const Section &compliance = card->sections.at(0);
        QCOMPARE(compliance.name, QStringLiteral("Compliance"));
        QCOMPARE(compliance.weight, std::optional<double>(30));
        const Criterion &verify = card->criterionAt(0);
        QCOMPARE(verify.key, QStringLiteral("verify_identity"));
        QCOMPARE(verify.name, QStringLiteral("Verified the customer's identity"));
        QCOMPARE(verify.scale, Scale::binary());
        QCOMPARE(verify.weight, 1.0);
        QCOMPARE(verify.critical, CriticalFamily::Compliance);
        QCOMPARE(verify.criticalEffect, CriticalEffect::Audit);
        QCOMPARE(verify.allowNa, false);
        QCOMPARE(verify.passLevel, 0.5);

        QCOMPARE(card->sections.at(1).weight, std::optional<double>(70));
        const Criterion &tone = card->criterionAt(1);
        QCOMPARE(tone.key, QStringLiteral("tone"));
        QCOMPARE(tone.scale, Scale::range(1, 5));
        QCOMPARE(tone.weight, 2.0);
        QCOMPARE(tone.critical, CriticalFamily::None);
        QCOMPARE(tone.allowNa, true);

        const Criterion &resolution = card->criterionAt(2);
        QCOMPARE(resolution.scale.kind, ScaleKind::Options);
        const QList<std::pair<QString, double>> options{{"Yes", 10}, {"Partial", 3}, {"No", 0}};
        QCOMPARE(resolution.scale.options, options);
        QCOMPARE(resolution.scale.maxPoints(), 10.0);
        QCOMPARE(resolution.weight, 3.0);
        // Defaults of scoring.md for keys the example leaves out.
        QCOMPARE(resolution.critical, CriticalFamily::None);
        QCOMPARE(resolution.criticalEffect, CriticalEffect::Audit);
        QCOMPARE(resolution.allowNa, false);
        QCOMPARE(resolution.passLevel, 0.5);

        QCOMPARE(card->indexOfKey(u"resolution"), 2);
        QCOMPARE(card->indexOfKey(u"nope"), -1);
        QCOMPARE(card->sectionOf(0), 0);
        QCOMPARE(card->sectionOf(2), 1);
        QCOMPARE(card->sectionOf(3), -1);
    }

    void defaultsWhenKeysAreLeftOut()
    {
        const Scorecard card = parseOrFail(withTop(R"("description": "d")"));
        QCOMPARE(card.version, 0);
        QVERIFY(!card.validFrom.isValid());
        QCOMPARE(card.passThreshold, 85.0);
        QCOMPARE(card.policy, CriticalPolicy::Zero);
        QCOMPARE(card.description, QStringLiteral("d"));
        QVERIFY(!card.hasSectionWeights());
        const Criterion &c = card.criterionAt(0);
        QCOMPARE(c.weight, 1.0);
        QCOMPARE(c.critical, CriticalFamily::None);
        QCOMPARE(c.criticalEffect, CriticalEffect::Audit);
        QCOMPARE(c.allowNa, false);
        QCOMPARE(c.passLevel, 0.5);
    }

    void nullMeansLeftOut()
    {
        const Scorecard card = parseOrFail(withTop(
            R"("version": null, "valid_from": null, "pass_threshold": null, "critical_policy": null, "description": null)"));
        QCOMPARE(card.version, 0);
        QCOMPARE(card.passThreshold, 85.0);
        QCOMPARE(card.policy, CriticalPolicy::Zero);
    }

    void optionsKeepFileOrder_data()
    {
        QTest::addColumn<QByteArray>("options");
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("ascending points, not alphabetical")
            << QByteArray(R"({"No": 0, "Partial": 3, "Yes": 10})") << QStringList{"No", "Partial", "Yes"};
        QTest::newRow("neither points nor alphabetical order")
            << QByteArray(R"({"Zeta": 1, "Alpha": 5, "Mid": 3})") << QStringList{"Zeta", "Alpha", "Mid"};
        QTest::newRow("escapes and non-ASCII labels decoded")
            // Plain literals: moc misreads a backslash before a quote inside a raw string.
            << QByteArray("{\"\\u00c9chec\": 0, \"Ja \\\"gut\\\"\": 2, \"ok\\/fine\": 1}")
            << QStringList{QStringLiteral("Échec"), QStringLiteral("Ja \"gut\""), QStringLiteral("ok/fine")};
        QTest::newRow("raw UTF-8 labels and a surrogate pair")
            << QByteArray("{\"très bien\": 2, \"\\ud83d\\ude00 mal\": 0}")
            << QStringList{QStringLiteral("très bien"), QStringLiteral("\U0001F600 mal")};
    }

    void optionsKeepFileOrder()
    {
        QFETCH(QByteArray, options);
        QFETCH(QStringList, labels);
        const Scorecard card =
            parseOrFail(withCriterion(R"({"key": "o", "name": "O", "scale": {"options": )" + options + "}}"));
        QStringList got;
        for (const auto &option : card.criterionAt(1).scale.options)
            got << option.first;
        QCOMPARE(got, labels);
    }

    void fromJsonObjectOrdersOptionsByPoints()
    {
        // A QJsonObject has lost the file order; points, highest first, is the documented fallback.
        const QJsonObject object =
            QJsonDocument::fromJson(
                withCriterion(R"({"key": "o", "name": "O", "scale": {"options": {"Mid": 3, "Zeta": 1, "Alpha": 5}}})"))
                .object();
        QString error;
        const auto card = ScorecardJson::fromJsonObject(object, &error);
        QVERIFY2(card, qPrintable(error));
        const QList<std::pair<QString, double>> options{{"Alpha", 5}, {"Mid", 3}, {"Zeta", 1}};
        QCOMPARE(card->criterionAt(1).scale.options, options);
    }

    void acceptsByteOrderMark() { QVERIFY(ScorecardJson::parse(QByteArray("\xEF\xBB\xBF") + SpecExample)); }

    void acceptsSectionWeightsWithinTolerance()
    {
        // 33.33 + 33.33 + 33.335 = 99.995, inside 100 ± 0.01.
        QString error;
        const auto card =
            ScorecardJson::parse(withSections("[" + section("A", "a", "33.33") + ", " + section("B", "b", "33.33") +
                                              ", " + section("C", "c", "33.335") + "]"),
                                 &error);
        QVERIFY2(card, qPrintable(error));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");

        // Syntax and shape.
        QTest::newRow("syntax error names line and column")
            << QByteArray("{\n  \"name\": \"T\",\n  \"sections\": [\n}") << "JSON syntax error at line 4, column";
        QTest::newRow("top level is an array") << QByteArray("[]") << "scorecard: the file must hold one JSON object";

        // Unknown keys at every level.
        QTest::newRow("unknown top-level key") << withTop(R"("colour": "red")") << R"(scorecard: unknown key "colour")";
        QTest::newRow("unknown section key") << withSections(R"([{"name": "S", "wieght": 10, "criteria": []}])")
                                             << R"(sections[0]: unknown key "wieght")";
        QTest::newRow("unknown criterion key")
            << withCriterion(R"({"key": "b", "name": "B", "scale": "binary", "critcal": "customer"})")
            << R"(sections[0].criteria[1]: unknown key "critcal")";
        QTest::newRow("unknown range scale key")
            << withCriterion(R"({"key": "b", "name": "B", "scale": {"min": 1, "max": 5, "step": 1}})")
            << R"(sections[0].criteria[1].scale: unknown key "step")";
        QTest::newRow("options mixed with min")
            << withCriterion(R"({"key": "b", "name": "B", "scale": {"min": 0, "options": {"Y": 1, "N": 0}}})")
            << R"(sections[0].criteria[1].scale: unknown key "min")";
        QTest::newRow("repeated key")
            << withCriterion(R"({"key": "b", "name": "B", "scale": "binary", "weight": 1, "weight": 2})")
            << R"(sections[0].criteria[1]: key "weight" appears twice)";
        QTest::newRow("repeated option label")
            << withCriterion(R"({"key": "b", "name": "B", "scale": {"options": {"Yes": 1, "No": 0, "Yes": 2}}})")
            << R"(sections[0].criteria[1].scale.options: key "Yes" appears twice)";

        // Scorecard fields.
        QTest::newRow("name missing") << QByteArray(R"({"sections": []})") << "name: is required";
        QTest::newRow("name empty") << QByteArray(R"({"name": " ", "sections": [)" + section("S", "a") + "]}")
                                    << "name: must not be empty";
        QTest::newRow("name not a string")
            << QByteArray(R"({"name": 7, "sections": []})") << "name: must be a string (got a number)";
        QTest::newRow("version 0") << withTop(R"("version": 0)") << "version: must be an integer ≥ 1 (got 0)";
        QTest::newRow("version fractional")
            << withTop(R"("version": 1.5)") << "version: must be an integer ≥ 1 (got 1.5)";
        QTest::newRow("version as text") << withTop(R"("version": "2")")
                                         << R"(version: must be an integer ≥ 1 (got "2"))";
        QTest::newRow("valid_from not ISO")
            << withTop(R"("valid_from": "01/07/2026")") << R"(valid_from: must be an ISO date such as "2026-07-01")";
        QTest::newRow("valid_from impossible date")
            << withTop(R"("valid_from": "2026-13-01")") << "valid_from: must be an ISO date";
        QTest::newRow("pass_threshold above 100")
            << withTop(R"("pass_threshold": 101)") << "pass_threshold: must be from 0 to 100 (got 101)";
        QTest::newRow("pass_threshold negative")
            << withTop(R"("pass_threshold": -1)") << "pass_threshold: must be from 0 to 100 (got -1)";
        QTest::newRow("pass_threshold as text")
            << withTop(R"("pass_threshold": "85")") << "pass_threshold: must be a number (got a string)";
        QTest::newRow("critical_policy unknown") << withTop(R"("critical_policy": "strict")")
                                                 << R"(critical_policy: must be "zero" or "flag" (got "strict"))";
        QTest::newRow("description not a string")
            << withTop(R"("description": 3)") << "description: must be a string (got a number)";

        // Sections.
        QTest::newRow("sections missing") << QByteArray(R"({"name": "T"})") << "sections: must be an array of sections";
        QTest::newRow("sections empty") << withSections("[]") << "sections: a scorecard needs at least one section";
        QTest::newRow("section not an object")
            << withSections("[1]") << "sections[0]: must be an object (got a number)";
        QTest::newRow("section name missing")
            << withSections(R"([{"criteria": []}])") << "sections[0].name: is required";
        QTest::newRow("section without criteria") << withSections(R"([{"name": "S", "criteria": []}])")
                                                  << "sections[0].criteria: a section needs at least one criterion";
        QTest::newRow("criteria not an array") << withSections(R"([{"name": "S", "criteria": {}}])")
                                               << "sections[0].criteria: must be an array of criteria";
        QTest::newRow("section weights not all or none")
            << withSections("[" + section("A", "a", "100") + ", " + section("B", "b") + "]")
            << "sections[1].weight: missing, but sections[0] has one; either every section has a weight or none has";
        QTest::newRow("first section lacks the weight")
            << withSections("[" + section("A", "a") + ", " + section("B", "b", "100") + "]")
            << "sections[0].weight: missing, but sections[1] has one";
        QTest::newRow("section weights sum to 99")
            << withSections("[" + section("A", "a", "30") + ", " + section("B", "b", "69") + "]")
            << "sections: section weights sum to 99; they must sum to 100 (± 0.01)";
        QTest::newRow("section weights just outside tolerance")
            << withSections("[" + section("A", "a", "30") + ", " + section("B", "b", "70.02") + "]")
            << "sections: section weights sum to 100.02";
        QTest::newRow("negative section weight")
            << withSections("[" + section("A", "a", "-10") + ", " + section("B", "b", "110") + "]")
            << "sections[0].weight: must be ≥ 0 (got -10)";
        QTest::newRow("section weight as text") << withSections("[" + section("A", "a", "\"50\"") + "]")
                                                << "sections[0].weight: must be a number (got a string)";

        // Criterion keys.
        QTest::newRow("key with capitals")
            << withCriterion(R"({"key": "Tone", "name": "B", "scale": "binary"})")
            << R"(sections[0].criteria[1].key: "Tone" is not a valid key (1–64 of a–z, 0–9 and _))";
        QTest::newRow("key with a dash") << withCriterion(R"({"key": "first-contact", "name": "B", "scale": "binary"})")
                                         << R"(sections[0].criteria[1].key: "first-contact" is not a valid key)";
        QTest::newRow("key empty") << withCriterion(R"({"key": "", "name": "B", "scale": "binary"})")
                                   << R"(sections[0].criteria[1].key: "" is not)";
        QTest::newRow("key of 65 characters")
            << withCriterion(R"({"key": ")" + QByteArray(65, 'k') + R"(", "name": "B", "scale": "binary"})")
            << "sections[0].criteria[1].key: \"" + QString(65, u'k') + "\" is not a valid key";
        QTest::newRow("key missing") << withCriterion(R"({"name": "B", "scale": "binary"})")
                                     << "sections[0].criteria[1].key: is required";
        QTest::newRow("key used twice in one section")
            << withCriterion(R"({"key": "a", "name": "B", "scale": "binary"})")
            << R"(sections[0].criteria[1].key: "a" is already used by sections[0].criteria[0])";
        QTest::newRow("key used again in a later section")
            << withSections("[" + section("A", "same") + ", " + section("B", "same") + "]")
            << R"(sections[1].criteria[0].key: "same" is already used by sections[0].criteria[0])";
        QTest::newRow("criterion name missing")
            << withCriterion(R"({"key": "b", "scale": "binary"})") << "sections[0].criteria[1].name: is required";

        // Scales.
        QTest::newRow("scale missing") << withCriterion(R"({"key": "b", "name": "B"})")
                                       << "sections[0].criteria[1].scale: missing or nothing";
        QTest::newRow("unknown scale name") << withCriterion(R"({"key": "b", "name": "B", "scale": "likert"})")
                                            << R"(sections[0].criteria[1].scale: unknown scale "likert")";
        QTest::newRow("range min equals max")
            << withCriterion(R"({"key": "b", "name": "B", "scale": {"min": 5, "max": 5}})")
            << "sections[0].criteria[1].scale: min (5) must be less than max (5)";
        QTest::newRow("range min above max")
            << withCriterion(R"({"key": "b", "name": "B", "scale": {"min": 5, "max": 1}})")
            << "sections[0].criteria[1].scale: min (5) must be less than max (1)";
        QTest::newRow("range bound fractional")
            << withCriterion(R"({"key": "b", "name": "B", "scale": {"min": 1.5, "max": 5}})")
            << "sections[0].criteria[1].scale.min: must be an integer (got 1.5)";
        QTest::newRow("range max missing") << withCriterion(R"({"key": "b", "name": "B", "scale": {"min": 1}})")
                                           << "sections[0].criteria[1].scale.max: must be an integer (got nothing)";
        QTest::newRow("one option only") << withCriterion(
                                                R"({"key": "b", "name": "B", "scale": {"options": {"Yes": 1}}})")
                                         << "sections[0].criteria[1].scale.options: needs at least 2 options (has 1)";
        QTest::newRow("negative points")
            << withCriterion(R"({"key": "b", "name": "B", "scale": {"options": {"Yes": 1, "No": -1}}})")
            << R"(sections[0].criteria[1].scale.options["No"]: points must be a number ≥ 0 (got -1))";
        QTest::newRow("points as text")
            << withCriterion(R"({"key": "b", "name": "B", "scale": {"options": {"Yes": "1", "No": 0}}})")
            << R"(sections[0].criteria[1].scale.options["Yes"]: points must be a number (got a string))";
        QTest::newRow("all options zero points")
            << withCriterion(R"({"key": "b", "name": "B", "scale": {"options": {"Yes": 0, "No": 0}}})")
            << "sections[0].criteria[1].scale.options: the top option must have more than 0 points";
        QTest::newRow("labels differing only in case")
            << withCriterion(R"({"key": "b", "name": "B", "scale": {"options": {"Yes": 1, "yes": 0}}})")
            << R"(sections[0].criteria[1].scale.options: options "Yes" and "yes" differ only in case)";
        QTest::newRow("empty option label")
            << withCriterion(R"({"key": "b", "name": "B", "scale": {"options": {"": 1, "No": 0}}})")
            << "sections[0].criteria[1].scale.options: an option label must not be empty";
        QTest::newRow("options not an object")
            << withCriterion(R"({"key": "b", "name": "B", "scale": {"options": ["Yes", "No"]}})")
            << "sections[0].criteria[1].scale.options: must be an object of label: points (got an array)";

        // Other criterion fields.
        QTest::newRow("negative weight") << withCriterion(
                                                R"({"key": "b", "name": "B", "scale": "binary", "weight": -1})")
                                         << "sections[0].criteria[1].weight: must be ≥ 0 (got -1)";
        QTest::newRow("weight as text") << withCriterion(
                                               R"({"key": "b", "name": "B", "scale": "binary", "weight": "2"})")
                                        << "sections[0].criteria[1].weight: must be a number (got a string)";
        QTest::newRow("unknown critical family")
            << withCriterion(R"({"key": "b", "name": "B", "scale": "binary", "critical": "legal"})")
            << R"(sections[0].criteria[1].critical: must be null, "customer", "business" or "compliance" (got "legal"))";
        QTest::newRow("critical as boolean")
            << withCriterion(R"({"key": "b", "name": "B", "scale": "binary", "critical": true})")
            << "sections[0].criteria[1].critical: must be a string (got a boolean)";
        QTest::newRow("unknown critical effect")
            << withCriterion(R"({"key": "b", "name": "B", "scale": "binary", "critical_effect": "team"})")
            << R"(sections[0].criteria[1].critical_effect: must be "audit" or "section" (got "team"))";
        QTest::newRow("allow_na as text")
            << withCriterion(R"({"key": "b", "name": "B", "scale": "binary", "allow_na": "yes"})")
            << R"(sections[0].criteria[1].allow_na: must be true or false (got "yes"))";
        QTest::newRow("pass_level above 1")
            << withCriterion(R"({"key": "b", "name": "B", "scale": "binary", "pass_level": 1.5})")
            << "sections[0].criteria[1].pass_level: must be from 0 to 1 (got 1.5)";
        QTest::newRow("pass_level negative")
            << withCriterion(R"({"key": "b", "name": "B", "scale": "binary", "pass_level": -0.1})")
            << "sections[0].criteria[1].pass_level: must be from 0 to 1 (got -0.1)";
        QTest::newRow("criterion description not a string")
            << withCriterion(R"({"key": "b", "name": "B", "scale": "binary", "description": []})")
            << "sections[0].criteria[1].description: must be a string (got an array)";
    }

    void refusals()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        const auto card = ScorecardJson::parse(json, &error);
        QVERIFY2(!card, "accepted a definition that must be refused");
        QVERIFY2(error.startsWith(message), qPrintable(QStringLiteral("got: ") + error));
    }

    void roundTrip_data()
    {
        QTest::addColumn<Scorecard>("card");
        QTest::newRow("spec example") << parseOrFail(SpecExample);

        Scorecard card;
        card.name = QStringLiteral("Chat \"QA\"\nsecond line");
        card.description = QStringLiteral("Guidance: be fair\t\u00e9\U0001F600");
        card.passThreshold = 82.5;
        card.policy = CriticalPolicy::Flag;
        Section a{QStringLiteral("Opening"), std::nullopt, {}};
        Criterion greet;
        greet.key = QStringLiteral("greet");
        greet.name = QStringLiteral("Greeting");
        greet.description = QStringLiteral("Said hello \\ by name");
        greet.weight = 0.35;
        greet.critical = CriticalFamily::Customer;
        greet.criticalEffect = CriticalEffect::Section;
        greet.allowNa = true;
        greet.passLevel = 0.75;
        a.criteria << greet;
        Criterion scale;
        scale.key = QStringLiteral("accuracy");
        scale.name = QStringLiteral("Accuracy");
        scale.scale = Scale::range(-2, 7);
        scale.weight = 0;
        a.criteria << scale;
        Section b{QStringLiteral("Close"), std::nullopt, {}};
        Criterion close;
        close.key = QStringLiteral("close_2");
        close.name = QStringLiteral("Closing");
        close.scale = Scale::fromOptions({{"Zeta", 1}, {"Alpha", 2.5}, {"Mid", 0}});
        close.critical = CriticalFamily::Business;
        b.criteria << close;
        card.sections = {a, b};
        QTest::newRow("flag policy, no section weights, odd text and option order") << card;

        Scorecard weighted = card;
        weighted.version = 7;
        weighted.validFrom = QDate(2025, 2, 28);
        weighted.sections[0].weight = 33.333;
        weighted.sections[1].weight = 66.667;
        QTest::newRow("section weights, version and valid_from") << weighted;
    }

    void roundTrip()
    {
        QFETCH(Scorecard, card);
        QCOMPARE(ScorecardJson::validate(card), QString());
        const QByteArray text = ScorecardJson::toJson(card);
        QString error;
        const auto back = ScorecardJson::parse(text, &error);
        QVERIFY2(back, qPrintable(error + QLatin1Char('\n') + QString::fromUtf8(text)));
        QVERIFY2(*back == card, text.constData());
        // The QJsonObject form carries the same content, options apart.
        const auto viaObject = ScorecardJson::fromJsonObject(ScorecardJson::toJsonObject(card), &error);
        QVERIFY2(viaObject, qPrintable(error));
        QVERIFY(*viaObject == withOptionsByPoints(card));
    }

    void exportKeepsSpecKeyOrder()
    {
        const QByteArray text = ScorecardJson::toJson(parseOrFail(SpecExample));
        const QList<QByteArray> keys{
            "\"name\"", "\"version\"", "\"valid_from\"", "\"pass_threshold\"", "\"critical_policy\"", "\"sections\"",
            "\"Yes\"",  "\"Partial\"", "\"No\""};
        qsizetype previous = -1;
        for (const QByteArray &key : keys) {
            const qsizetype at = text.indexOf(key);
            QVERIFY2(at > previous, key.constData());
            previous = at;
        }
    }

    void sameContentExceptNames_data()
    {
        QTest::addColumn<Scorecard>("changed");
        QTest::addColumn<bool>("same");
        const Scorecard base = parseOrFail(SpecExample);
        auto change = [&base](auto edit) {
            Scorecard c = base;
            edit(c);
            return c;
        };
        QTest::newRow("identical") << base << true;
        QTest::newRow("section renamed") << change([](Scorecard &c) { c.sections[0].name = "Rules"; }) << true;
        QTest::newRow("criterion renamed")
            << change([](Scorecard &c) { c.sections[1].criteria[0].name = "Tone"; }) << true;
        QTest::newRow("descriptions changed") << change([](Scorecard &c) {
            c.description = "new";
            c.sections[1].criteria[1].description = "how to judge";
        }) << true;
        QTest::newRow("version and valid_from changed") << change([](Scorecard &c) {
            c.version = 3;
            c.validFrom = QDate(2027, 1, 1);
        }) << true;
        QTest::newRow("pass threshold") << change([](Scorecard &c) { c.passThreshold = 80; }) << false;
        QTest::newRow("critical policy") << change([](Scorecard &c) { c.policy = CriticalPolicy::Flag; }) << false;
        QTest::newRow("section weights") << change([](Scorecard &c) {
            c.sections[0].weight = 40;
            c.sections[1].weight = 60;
        }) << false;
        QTest::newRow("criterion weight")
            << change([](Scorecard &c) { c.sections[1].criteria[0].weight = 2.5; }) << false;
        QTest::newRow("criterion key") << change([](Scorecard &c) { c.sections[1].criteria[0].key = "tone2"; })
                                       << false;
        QTest::newRow("range scale") << change([](Scorecard &c) {
            c.sections[1].criteria[0].scale = Scale::range(1, 7);
        }) << false;
        QTest::newRow("option label") << change([](Scorecard &c) {
            c.sections[1].criteria[1].scale.options[1].first = "Some";
        }) << false;
        QTest::newRow("option points") << change([](Scorecard &c) {
            c.sections[1].criteria[1].scale.options[1].second = 5;
        }) << false;
        QTest::newRow("critical family") << change([](Scorecard &c) {
            c.sections[0].criteria[0].critical = CriticalFamily::Customer;
        }) << false;
        QTest::newRow("critical effect") << change([](Scorecard &c) {
            c.sections[0].criteria[0].criticalEffect = CriticalEffect::Section;
        }) << false;
        QTest::newRow("allow_na") << change([](Scorecard &c) { c.sections[0].criteria[0].allowNa = true; }) << false;
        QTest::newRow("pass_level") << change([](Scorecard &c) { c.sections[1].criteria[0].passLevel = 0.6; }) << false;
        QTest::newRow("criteria reordered")
            << change([](Scorecard &c) { std::swap(c.sections[1].criteria[0], c.sections[1].criteria[1]); }) << false;
        QTest::newRow("criterion added") << change([](Scorecard &c) {
            Criterion extra = c.sections[1].criteria[0];
            extra.key = "extra";
            c.sections[1].criteria << extra;
        }) << false;
    }

    void sameContentExceptNames()
    {
        QFETCH(Scorecard, changed);
        QFETCH(bool, same);
        const Scorecard base = parseOrFail(SpecExample);
        QCOMPARE(base.sameContentExceptNames(changed), same);
        QCOMPARE(changed.sameContentExceptNames(base), same);
    }

    void scaleHelpers()
    {
        const Scale options = Scale::fromOptions({{"Yes", 10}, {"Partial", 3}, {"No", 0}});
        QCOMPARE(options.optionIndex(u"partial"), 1);
        QCOMPARE(options.optionIndex(u"  YES "), 0);
        QCOMPARE(options.optionIndex(u"maybe"), -1);
        QCOMPARE(options.pointsOf(u"no"), std::optional<double>(0));
        QCOMPARE(options.labelOf(3), QStringLiteral("Partial"));
        QCOMPARE(options.c(3), 0.3); // 3 / 10
        QVERIFY(options.isValidValue(10));
        QVERIFY(!options.isValidValue(5));
        QVERIFY(!options.isInteger());
        QCOMPARE(options.describe(), QStringLiteral("Yes/Partial/No"));

        const Scale range = Scale::range(1, 5);
        QCOMPARE(range.c(4), 0.75); // (4 − 1) / (5 − 1)
        QCOMPARE(range.c(9), 1.0);  // clamped
        QVERIFY(range.isValidValue(5));
        QVERIFY(!range.isValidValue(2.5));
        QVERIFY(!range.isValidValue(0));
        QVERIFY(range.isInteger());
        QCOMPARE(range.describe(), QStringLiteral("1–5"));

        QCOMPARE(Scale::binary().c(1), 1.0);
        QVERIFY(!Scale::binary().isValidValue(2));

        QCOMPARE(criticalFamilyNames(criticalFamilyBit(CriticalFamily::Compliance) |
                                     criticalFamilyBit(CriticalFamily::Customer)),
                 (QStringList{"customer", "compliance"}));
        QCOMPARE(criticalFamilyFromName(u"business"), std::optional<CriticalFamily>(CriticalFamily::Business));
        QCOMPARE(criticalFamilyFromName(u"Business"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestScorecardJson)
#include "tst_scorecardjson.moc"

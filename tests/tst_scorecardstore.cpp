// SPDX-License-Identifier: GPL-3.0-or-later
// Scorecard versions in the project file: save, load back equal, list, end a version, refusals.
#include "scoring/scorecardjson.h"
#include "store/project.h"
#include "store/scorecardstore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

Q_DECLARE_METATYPE(ql::Scorecard)

namespace {

Criterion criterion(const QString &key, Scale scale, double weight = 1)
{
    Criterion c;
    c.key = key;
    c.name = key + QStringLiteral(" (name)");
    c.scale = std::move(scale);
    c.weight = weight;
    return c;
}

// Every kind of field the model has: binary, range and options scales (options in an order that is
// neither by label nor by points), critical families with both effects, N/A, pass levels,
// descriptions with non-ASCII text, and a zero weight.
Scorecard fullCard(bool sectionWeights, CriticalPolicy policy)
{
    Scorecard card;
    card.name = QStringLiteral("Support QA");
    card.version = 3;
    card.validFrom = QDate(2026, 5, 1);
    card.passThreshold = 82.5;
    card.policy = policy;
    card.description = QStringLiteral("Qualität – für alle Kanäle");

    Section opening;
    opening.name = QStringLiteral("Opening");
    Criterion verify = criterion(QStringLiteral("verify_identity"), Scale::binary(), 2);
    verify.critical = CriticalFamily::Compliance;
    verify.allowNa = true;
    verify.description = QStringLiteral("Two questions before any detail.");
    opening.criteria << criterion(QStringLiteral("greeting"), Scale::binary()) << verify;

    Section resolution;
    resolution.name = QStringLiteral("Resolution");
    Criterion tone = criterion(QStringLiteral("tone"), Scale::range(1, 5), 2);
    tone.passLevel = 0.75;
    Criterion resolved = criterion(
        QStringLiteral("resolution"),
        Scale::fromOptions({{QStringLiteral("Partial"), 3}, {QStringLiteral("Yes"), 10}, {QStringLiteral("No"), 0}}),
        3);
    Criterion process = criterion(QStringLiteral("process"), Scale::binary(), 0);
    process.critical = CriticalFamily::Business;
    process.criticalEffect = CriticalEffect::Section;
    Criterion info = criterion(QStringLiteral("correct_info"), Scale::range(0, 10));
    info.critical = CriticalFamily::Customer;
    resolution.criteria << tone << resolved << process << info;

    if (sectionWeights) {
        opening.weight = 30;
        resolution.weight = 70;
    }
    card.sections << opening << resolution;
    return card;
}

} // namespace

class TestScorecardStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roundTrip_data();
    void roundTrip();
    void rowsFollowTheSchemaDoc();
    void versionsAndValidTo();
    void refusals();
    void updateNames();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
};

void TestScorecardStore::init()
{
    ProjectError error;
    m_project =
        Project::create(m_dir.filePath(QStringLiteral("%1.qlens").arg(QTest::currentTestFunction())), true, &error);
    QVERIFY2(m_project, qPrintable(error.message));
}

void TestScorecardStore::cleanup()
{
    m_project.reset();
}

void TestScorecardStore::roundTrip_data()
{
    QTest::addColumn<Scorecard>("card");
    QTest::newRow("section weights, policy zero") << fullCard(true, CriticalPolicy::Zero);
    QTest::newRow("no section weights, policy flag") << fullCard(false, CriticalPolicy::Flag);
    Scorecard bare = fullCard(false, CriticalPolicy::Zero);
    bare.description.clear();
    for (Section &s : bare.sections)
        for (Criterion &c : s.criteria)
            c.description.clear();
    QTest::newRow("no descriptions") << bare;
}

void TestScorecardStore::roundTrip()
{
    QFETCH(Scorecard, card);
    QVERIFY(ScorecardJson::validate(card).isEmpty());
    ScorecardStore store(m_project->database());
    QString error;
    const auto saved = store.save(card, QStringLiteral("2026-04-20T09:00:00Z"), &error);
    QVERIFY2(saved, qPrintable(error));
    QCOMPARE(saved->criterionIds.size(), card.criterionCount());
    QCOMPARE(saved->sectionIds.size(), card.sections.size());

    const auto byId = store.load(saved->id, &error);
    QVERIFY2(byId, qPrintable(error));
    QVERIFY(byId->card == card);
    QCOMPARE(byId->criterionIds, saved->criterionIds);
    QCOMPARE(byId->sectionIds, saved->sectionIds);
    QCOMPARE(byId->createdAt, QStringLiteral("2026-04-20T09:00:00Z"));
    QVERIFY(!byId->validTo.isValid());

    const auto byName = store.load(card.name, card.version, &error);
    QVERIFY2(byName, qPrintable(error));
    QCOMPARE(byName->id, saved->id);
    QVERIFY(byName->card == card);

    // The stored definition is the scorecard JSON of formats.md and reads back to the same card.
    QSqlQuery q(m_project->database());
    QVERIFY(q.exec(QStringLiteral("SELECT definition_json FROM scorecards WHERE id = %1").arg(saved->id)) && q.next());
    const auto parsed = ScorecardJson::parse(q.value(0).toByteArray(), &error);
    QVERIFY2(parsed, qPrintable(error));
    QVERIFY(*parsed == card);
}

void TestScorecardStore::rowsFollowTheSchemaDoc()
{
    ScorecardStore store(m_project->database());
    QString error;
    const auto saved = store.save(fullCard(true, CriticalPolicy::Zero), QStringLiteral("2026-04-20T09:00:00Z"), &error);
    QVERIFY2(saved, qPrintable(error));
    QSqlQuery q(m_project->database());
    // Positions run 0-based across sections (the flat index); options keep their order.
    QVERIFY(
        q.exec(QStringLiteral("SELECT c.position, s.position, c.scale_kind, c.scale_min, c.scale_max, c.options_json, "
                              "c.critical, c.critical_effect, c.allow_na FROM criteria c "
                              "JOIN scorecard_sections s ON s.id = c.section_id ORDER BY c.position")));
    QStringList rows;
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < 9; ++i)
            fields << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
        rows << fields.join(QLatin1Char('|'));
    }
    const QStringList expected{
        QStringLiteral("0|0|binary|0|1|NULL|NULL|audit|0"),
        QStringLiteral("1|0|binary|0|1|NULL|compliance|audit|1"),
        QStringLiteral("2|1|range|1|5|NULL|NULL|audit|0"),
        QStringLiteral(R"(3|1|options|0|10|[["Partial",3],["Yes",10],["No",0]]|NULL|audit|0)"),
        QStringLiteral("4|1|binary|0|1|NULL|business|section|0"),
        QStringLiteral("5|1|range|0|10|NULL|customer|audit|0"),
    };
    QCOMPARE(rows, expected);
    QVERIFY(q.exec(QStringLiteral("SELECT group_concat(weight, ',') FROM scorecard_sections ORDER BY position")) &&
            q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("30.0,70.0"));
}

void TestScorecardStore::versionsAndValidTo()
{
    ScorecardStore store(m_project->database());
    QString error;
    Scorecard v1 = fullCard(true, CriticalPolicy::Zero);
    v1.version = 1;
    v1.validFrom = QDate(2026, 1, 1);
    Scorecard v2 = v1;
    v2.version = 2;
    v2.validFrom = QDate(2026, 7, 1);
    v2.sections[1].criteria[0].weight = 3;
    Scorecard other = v1;
    other.name = QStringLiteral("Chat QA");

    const auto s1 = store.save(v1, QStringLiteral("2025-12-20T09:00:00Z"), &error, QDate(2026, 6, 30));
    QVERIFY2(s1, qPrintable(error));
    const auto s2 = store.save(v2, QStringLiteral("2026-06-20T09:00:00Z"), &error);
    QVERIFY2(s2, qPrintable(error));
    QVERIFY2(store.save(other, QStringLiteral("2026-01-02T09:00:00Z"), &error), qPrintable(error));

    const QList<ScorecardVersionInfo> versions = store.versions(QStringLiteral("Support QA"));
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions[0], (ScorecardVersionInfo{s1->id, v1.name, 1, v1.validFrom, QDate(2026, 6, 30)}));
    QCOMPARE(versions[1], (ScorecardVersionInfo{s2->id, v2.name, 2, v2.validFrom, QDate()}));
    QCOMPARE(store.versions().size(), 3);
    QCOMPARE(store.versions().first().name, QStringLiteral("Chat QA"));

    QCOMPARE(store.loadInForce(v1.name, QDate(2026, 6, 30))->id, s1->id);
    QCOMPARE(store.loadInForce(v1.name, QDate(2026, 7, 1))->id, s2->id);
    QVERIFY(!store.loadInForce(v1.name, QDate(2025, 12, 31), &error));
    QVERIFY(error.contains(QStringLiteral("in force")));

    QVERIFY2(store.setValidTo(s2->id, QDate(2026, 12, 31), &error), qPrintable(error));
    QCOMPARE(store.load(s2->id)->validTo, QDate(2026, 12, 31));
    QVERIFY(!store.setValidTo(s2->id, QDate(2026, 6, 1), &error)); // before its valid_from
    QVERIFY2(store.setValidTo(s2->id, QDate(), &error), qPrintable(error));
    QVERIFY(!store.load(s2->id)->validTo.isValid());
}

void TestScorecardStore::refusals()
{
    ScorecardStore store(m_project->database());
    QString error;
    const Scorecard card = fullCard(true, CriticalPolicy::Zero);
    QVERIFY(store.save(card, QStringLiteral("t"), &error));

    const auto countRows = [&] {
        QSqlQuery q(m_project->database());
        q.exec(QStringLiteral(
            "SELECT (SELECT count(*) FROM scorecards) * 10000 + (SELECT count(*) FROM scorecard_sections) "
            "* 100 + (SELECT count(*) FROM criteria)"));
        return q.next() ? q.value(0).toInt() : -1;
    };
    const int before = countRows();

    // The same name and version again: refused, and the savepoint leaves no partial rows.
    QVERIFY(!store.save(card, QStringLiteral("t"), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(countRows(), before);

    Scorecard noVersion = card;
    noVersion.version = 0;
    QVERIFY(!store.save(noVersion, QStringLiteral("t"), &error));
    Scorecard badWeights = card;
    badWeights.version = 9;
    badWeights.sections[0].weight = 50;
    QVERIFY(!store.save(badWeights, QStringLiteral("t"), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(countRows(), before);

    QVERIFY(!store.load(4242, &error));
    QVERIFY(!store.load(QStringLiteral("Nope"), 1, &error));
}

void TestScorecardStore::updateNames()
{
    ScorecardStore store(m_project->database());
    QString error;
    const Scorecard card = fullCard(true, CriticalPolicy::Zero);
    const auto saved = store.save(card, QStringLiteral("t"), &error);
    QVERIFY2(saved, qPrintable(error));

    Scorecard renamed = card;
    renamed.description.clear();
    renamed.sections[0].name = QStringLiteral("Eröffnung");
    renamed.sections[1].criteria[1].name = QStringLiteral("Resolved the issue");
    renamed.sections[1].criteria[1].description = QStringLiteral("Fully, partly or not at all.");
    renamed.sections[0].criteria[1].description.clear();
    // Version and valid_from of the caller's card do not matter: the stored ones stay.
    renamed.version = 99;
    renamed.validFrom = QDate(2030, 1, 1);
    QVERIFY2(store.updateNames(saved->id, renamed, &error), qPrintable(error));

    const auto loaded = store.load(saved->id, &error);
    QVERIFY2(loaded, qPrintable(error));
    Scorecard expected = renamed;
    expected.version = card.version;
    expected.validFrom = card.validFrom;
    QVERIFY(loaded->card == expected);
    QCOMPARE(loaded->criterionIds, saved->criterionIds); // the same rows: answers still point at them
    QCOMPARE(loaded->sectionIds, saved->sectionIds);
    QSqlQuery q(m_project->database());
    QVERIFY(q.exec(QStringLiteral("SELECT definition_json, description IS NULL FROM scorecards WHERE id = %1")
                       .arg(saved->id)) &&
            q.next());
    const auto parsed = ScorecardJson::parse(q.value(0).toByteArray(), &error);
    QVERIFY2(parsed, qPrintable(error));
    QVERIFY(*parsed == expected);
    QCOMPARE(q.value(1).toInt(), 1);

    // Anything beyond names is refused and changes nothing.
    Scorecard reweighted = renamed;
    reweighted.sections[1].criteria[0].weight = 7;
    reweighted.sections[0].name = QStringLiteral("Changed");
    QVERIFY(!store.updateNames(saved->id, reweighted, &error));
    QVERIFY(error.contains(QStringLiteral("only names")));
    QVERIFY(store.load(saved->id)->card == expected);
    Scorecard otherName = renamed;
    otherName.name = QStringLiteral("Chat QA");
    QVERIFY(!store.updateNames(saved->id, otherName, &error));
    QVERIFY(!store.updateNames(4242, renamed, &error));
}

QTEST_GUILESS_MAIN(TestScorecardStore)
#include "tst_scorecardstore.moc"

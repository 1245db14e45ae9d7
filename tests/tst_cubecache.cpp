// SPDX-License-Identifier: GPL-3.0-or-later
// The cubes' snapshots (cube_cache, schema v2): a snapshot reads back as the very cube that was
// written (every dimension's labels and every fact's codes, and the same pivots byte for byte); a
// project whose data changed, through an import, a logged edit or a new row, gets a new build; a
// damaged snapshot is never trusted.
#include "demo/demogenerator.h"
#include "pivot/cubeblanks.h"
#include "pivot/cubebuilder.h"
#include "pivot/cubecache.h"
#include "pivot/cubesnapshot.h"
#include "pivot/pivotengine.h"
#include "pivot/pivotoutput.h"
#include "pivot/pivotspec.h"
#include "store/cubecachestore.h"
#include "store/project.h"
#include "store/sqlitehandle.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

class TestCubeCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void obtainReadsSnapshotUntilDataChanges_data();
    void obtainReadsSnapshotUntilDataChanges();
    void damagedSnapshotIsRefused();
    void answersSnapshotNeedsItsAudits();
    void blankMembersMatchThePivot_data();
    void blankMembersMatchThePivot();

private:
    std::shared_ptr<const Cube> build(PivotSource source);
    static void compareCubes(const Cube &built, const Cube &read);

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::shared_ptr<const Cube> m_audits;
};

void TestCubeCache::initTestCase()
{
    ProjectError err;
    m_project = Project::create(m_dir.filePath(QStringLiteral("demo.qlens")), false, &err);
    QVERIFY2(m_project, qPrintable(err.message));
    DemoOptions options;
    options.agents = 20;
    options.months = 3;
    options.auditsPerAgentMonth = 4;
    QString error;
    QVERIFY2(generateDemo(*m_project, options, {}, &error), qPrintable(error));
    QVERIFY(CubeCacheStore(m_project->database()).isAvailable());
    m_audits = CubeBuilder::buildAudits(m_project->database(), {}, &error);
    QVERIFY2(m_audits, qPrintable(error));
    QVERIFY(m_audits->factCount() > 200); // 20 agents x 3 months x 4, plus re-audits
}

std::shared_ptr<const Cube> TestCubeCache::build(PivotSource source)
{
    QString error;
    auto cube = CubeBuilder::build(m_project->database(), source, {}, &error, m_audits);
    if (!cube)
        qWarning("%s", qPrintable(error));
    return cube;
}

void TestCubeCache::compareCubes(const Cube &built, const Cube &read)
{
    QVERIFY(read.source() == built.source());
    QCOMPARE(read.factCount(), built.factCount());
    QVERIFY(read.factIds() == built.factIds());
    QVERIFY(read.parentRows() == built.parentRows());
    QVERIFY(read.flags() == built.flags());
    QCOMPARE(read.dimensionNames(), built.dimensionNames());
    QCOMPARE(read.customDimensionNames(), built.customDimensionNames());
    QCOMPARE(read.csatScales(), built.csatScales());
    QCOMPARE(read.csatOutcomes().size(), built.csatOutcomes().size());
    QCOMPARE(read.answerOutcomes().size(), built.answerOutcomes().size());
    for (std::size_t i = 0; i < built.factCount(); ++i) {
        QCOMPARE(read.score().size() ? read.score().at(i) : 0.0, built.score().size() ? built.score().at(i) : 0.0);
        if (built.csatOutcomeCodes().size())
            QCOMPARE(read.csatOutcomeCodes().at(i), built.csatOutcomeCodes().at(i));
        if (built.answerOutcomeCodes().size())
            QCOMPARE(read.answerOutcomeCodes().at(i), built.answerOutcomeCodes().at(i));
    }
    for (const QString &name : built.dimensionNames()) {
        const Cube::DimensionRef a = built.findDimension(name), b = read.findDimension(name);
        QVERIFY2(b, qPrintable(name));
        QCOMPARE(b.viaParent, a.viaParent);
        QCOMPARE(b.dimension->labels, a.dimension->labels);
        QVERIFY2(b.dimension->map == a.dimension->map, qPrintable(name));
        QCOMPARE(b.dimension->multiValued, a.dimension->multiValued);
        QVERIFY2(b.dimension->setOffsets == a.dimension->setOffsets, qPrintable(name));
        QVERIFY2(b.dimension->setValues == a.dimension->setValues, qPrintable(name));
        QVERIFY2(b.dimension->julianDays == a.dimension->julianDays, qPrintable(name));
        QVERIFY2(b.dimension->period == a.dimension->period, qPrintable(name));
        QCOMPARE(bool(b.dimension->column), bool(a.dimension->column));
        if (!a.dimension->column || a.viaParent)
            continue;
        QCOMPARE(b.dimension->column->size(), a.dimension->column->size());
        for (std::size_t i = 0; i < a.dimension->column->size(); ++i)
            if (b.dimension->column->at(i) != a.dimension->column->at(i))
                QFAIL(qPrintable(QStringLiteral("%1: fact %2 differs").arg(name).arg(i)));
    }
}

void TestCubeCache::roundTrip_data()
{
    QTest::addColumn<int>("source");
    QTest::addColumn<QByteArray>("spec");
    QTest::newRow("audits: team x month, totals, percentiles")
        << int(PivotSource::Audits)
        << QByteArray(R"j({"rows":["team","agent_name"],"cols":["month"],"measures":["count","qa_score","pass_rate",)j"
                      R"j("median(score)","p90(score)","count_distinct(agent)","csat_pct"],"totals":true})j");
    QTest::newRow("audits: families, reason, sample type by quarter")
        << int(PivotSource::Audits)
        << QByteArray(R"({"rows":["critical_family","reason"],"cols":["quarter","sample_type"],)"
                      R"("measures":["count","critical_rate"],"totals":true})");
    QTest::newRow("answers: criterion x month, root causes")
        << int(PivotSource::Answers)
        << QByteArray(R"({"source":"answers","rows":["section","criterion"],"cols":["month"],)"
                      R"("measures":["compliance","count"],"totals":true})");
    QTest::newRow("answers: root cause by team")
        << int(PivotSource::Answers)
        << QByteArray(R"({"source":"answers","rows":["root_cause"],"cols":["team"],"measures":["count"]})");
    QTest::newRow("csat: agent x week")
        << int(PivotSource::Csat)
        << QByteArray(R"({"source":"csat","rows":["agent"],"cols":["week"],"measures":["count","csat_pct"],"totals":true})");
}

void TestCubeCache::roundTrip()
{
    QFETCH(int, source);
    QFETCH(QByteArray, spec);
    const auto built = source == int(PivotSource::Audits) ? m_audits : build(PivotSource(source));
    QVERIFY(built);
    QVERIFY(built->factCount() > 0);
    const QByteArray bytes = CubeSnapshot::write(*built);
    QVERIFY(!bytes.isEmpty());
    const auto read = CubeSnapshot::read(bytes.constData(), std::size_t(bytes.size()), m_audits);
    QVERIFY(read);
    compareCubes(*built, *read);

    QString error;
    const auto pivotSpec = PivotSpec::fromJson(spec, &error);
    QVERIFY2(pivotSpec, qPrintable(error));
    const PivotOptions options = PivotOptions::fromProject(m_project->database());
    const auto expected = PivotEngine::compute(*built, *pivotSpec, options, &error);
    QVERIFY2(expected, qPrintable(error));
    const auto actual = PivotEngine::compute(*read, *pivotSpec, options, &error);
    QVERIFY2(actual, qPrintable(error));
    QVERIFY(expected->factCount() > 0);
    QCOMPARE(PivotOutput::toJson(*actual), PivotOutput::toJson(*expected));
    QCOMPARE(PivotOutput::toLong(*actual), PivotOutput::toLong(*expected));
}

void TestCubeCache::obtainReadsSnapshotUntilDataChanges_data()
{
    QTest::addColumn<QString>("change");
    // Each is what a real write leaves behind: a logged edit, an import's log row, a new fact.
    QTest::newRow("a logged edit") << QStringLiteral(
        "INSERT INTO change_log(at, who, entity, entity_id, field, old_value, new_value, reason) "
        "VALUES ('2026-11-27T10:00:00Z', 'test', 'answer', '1', 'value', '1', '2', 'typo')");
    QTest::newRow("an import") << QStringLiteral(
        "INSERT INTO import_log(at, who, file_name, file_size, sha256, kind) "
        "VALUES ('2026-11-27T10:00:00Z', 'test', 'x.csv', 1, 'abc', 'csat')");
    QTest::newRow("a new team") << QStringLiteral("INSERT INTO teams(name) VALUES ('Brand new')");
}

void TestCubeCache::obtainReadsSnapshotUntilDataChanges()
{
    QFETCH(QString, change);
    // A project of its own: the change is permanent.
    QTemporaryDir dir;
    ProjectError err;
    auto project = Project::create(dir.filePath(QStringLiteral("p.qlens")), false, &err);
    QVERIFY2(project, qPrintable(err.message));
    DemoOptions options;
    options.agents = 10;
    options.months = 2;
    options.auditsPerAgentMonth = 2;
    QString error;
    QVERIFY2(generateDemo(*project, options, {}, &error), qPrintable(error));
    const QSqlDatabase db = project->database();

    for (PivotSource source : {PivotSource::Audits, PivotSource::Answers, PivotSource::Csat}) {
        std::shared_ptr<const Cube> audits;
        CubeCache::Result first = CubeCache::obtainWithAudits(db, source, {}, &error, &audits);
        QVERIFY2(first.cube, qPrintable(error));
        QVERIFY(!first.fromSnapshot);
        QVERIFY2(CubeCache::save(db, *first.cube, first.stamp, &error), qPrintable(error));
    }
    QSqlQuery rows(db);
    QVERIFY(rows.exec(QStringLiteral("SELECT source FROM cube_cache ORDER BY source")));
    QStringList sources;
    while (rows.next())
        sources << rows.value(0).toString();
    QCOMPARE(sources, (QStringList{QStringLiteral("answers"), QStringLiteral("audits"), QStringLiteral("csat")}));
    rows.finish();

    for (PivotSource source : {PivotSource::Audits, PivotSource::Answers, PivotSource::Csat}) {
        std::shared_ptr<const Cube> audits;
        const CubeCache::Result again = CubeCache::obtainWithAudits(db, source, {}, &error, &audits);
        QVERIFY2(again.cube, qPrintable(error));
        QVERIFY2(again.fromSnapshot, qPrintable(pivotSourceName(source)));
        const auto scanned = CubeBuilder::build(db, source, {}, &error);
        compareCubes(*scanned, *again.cube);
    }

    QCOMPARE(execScript(db, change), QString());
    for (PivotSource source : {PivotSource::Audits, PivotSource::Answers, PivotSource::Csat}) {
        std::shared_ptr<const Cube> audits;
        const CubeCache::Result after = CubeCache::obtainWithAudits(db, source, {}, &error, &audits);
        QVERIFY2(after.cube, qPrintable(error));
        QVERIFY2(!after.fromSnapshot, qPrintable(pivotSourceName(source)));
    }
}

void TestCubeCache::damagedSnapshotIsRefused()
{
    const QByteArray bytes = CubeSnapshot::write(*m_audits);
    QVERIFY(bytes.size() > 1000);
    QVERIFY(CubeSnapshot::read(bytes.constData(), std::size_t(bytes.size())));
    // Every cut, from nothing to one byte short, is refused (a prime step visits every section).
    for (qsizetype cut = 0; cut < bytes.size(); cut += 61)
        QVERIFY2(!CubeSnapshot::read(bytes.constData(), std::size_t(cut)), qPrintable(QString::number(cut)));
    QVERIFY(!CubeSnapshot::read(bytes.constData(), std::size_t(bytes.size() - 1)));
    QByteArray longer = bytes + '\0';
    QVERIFY(!CubeSnapshot::read(longer.constData(), std::size_t(longer.size())));
    QByteArray otherVersion = bytes;
    otherVersion[8] = char(CubeSnapshot::Version + 1);
    QVERIFY(!CubeSnapshot::read(otherVersion.constData(), std::size_t(otherVersion.size())));

    // In the project: a snapshot whose bytes were cut is ignored and the cube built again.
    const QSqlDatabase db = m_project->database();
    const QByteArray stamp = CubeCache::dataStamp(db);
    QString error;
    QVERIFY2(CubeCache::save(db, *m_audits, stamp, &error), qPrintable(error));
    QVERIFY(CubeCache::load(db, PivotSource::Audits, stamp));
    QCOMPARE(execScript(db, QStringLiteral("UPDATE cube_cache SET data = substr(data, 1, 5000)")), QString());
    QVERIFY(!CubeCache::load(db, PivotSource::Audits, stamp));
    const CubeCache::Result rebuilt = CubeCache::obtain(db, PivotSource::Audits, {}, &error);
    QVERIFY(rebuilt.cube && !rebuilt.fromSnapshot);
    QVERIFY(rebuilt.cube->factIds() == m_audits->factIds());
    QCOMPARE(CubeCacheStore(db).clear(&error), true);
}

void TestCubeCache::answersSnapshotNeedsItsAudits()
{
    const auto answers = build(PivotSource::Answers);
    QVERIFY(answers);
    const QByteArray bytes = CubeSnapshot::write(*answers);
    // Without an audits cube, or with one of other data, the answers' rows would point nowhere.
    QVERIFY(!CubeSnapshot::read(bytes.constData(), std::size_t(bytes.size())));
    const auto csat = build(PivotSource::Csat);
    QVERIFY(!CubeSnapshot::read(bytes.constData(), std::size_t(bytes.size()), csat));
    QVERIFY(CubeSnapshot::read(bytes.constData(), std::size_t(bytes.size()), m_audits));
}

void TestCubeCache::blankMembersMatchThePivot_data()
{
    QTest::addColumn<int>("source");
    QTest::newRow("audits") << int(PivotSource::Audits);
    QTest::newRow("answers") << int(PivotSource::Answers);
    QTest::newRow("csat") << int(PivotSource::Csat);
}

void TestCubeCache::blankMembersMatchThePivot()
{
    // The oracle: a pivot of count by the dimension has a "(blank)" row exactly when some fact is
    // under (blank). Every dimension of the source, plain, mapped, multi-valued or via the audit.
    QFETCH(int, source);
    const auto cube = source == int(PivotSource::Audits) ? m_audits : build(PivotSource(source));
    QVERIFY(cube);
    const PivotOptions options = PivotOptions::fromProject(m_project->database());
    int blanks = 0, without = 0;
    for (const QString &name : cube->dimensionNames()) {
        PivotSpec spec;
        spec.source = PivotSource(source);
        spec.rows = {name};
        spec.measures = {QStringLiteral("count")};
        QString error;
        const auto result = PivotEngine::compute(*cube, spec, options, &error);
        QVERIFY2(result, qPrintable(name + QStringLiteral(": ") + error));
        bool expected = false;
        for (const PivotHeader &row : result->rows())
            expected = expected || row.labels.value(0) == QStringLiteral("(blank)");
        QVERIFY2(hasBlankMember(*cube, cube->findDimension(name, options.periodDate)) == expected, qPrintable(name));
        ++(expected ? blanks : without);
    }
    // Both kinds occur on the demo, so both answers are exercised.
    QVERIFY(blanks > 0);
    QVERIFY(without > 0);
}

QTEST_GUILESS_MAIN(TestCubeCache)
#include "tst_cubecache.moc"

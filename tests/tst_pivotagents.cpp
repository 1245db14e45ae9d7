// SPDX-License-Identifier: GPL-3.0-or-later
// Agents in a pivot's output (ui.md "People in outputs"): the cube keeps ids under `agent` and
// names under `agent_name`; an output asks for names, ids or pseudonyms (PivotOptions::agents).
// Hand-made data: three agents, two of them called Ann, so that "by id" splits a name's row.
#include "export/agentnames.h"
#include "pivot/cubebuilder.h"
#include "pivot/pivotengine.h"
#include "store/project.h"
#include "store/sqlitehandle.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace ql;

namespace {

// a1 Ann: 80, 90      a2 Bob: 100      a3 Ann: 70, 60, 50
const char *const Fixture = R"sql(
INSERT INTO teams(id, name) VALUES (1, 'Alpha');
INSERT INTO agents(id, agent_key, name, created_at) VALUES
  (1, 'a1', 'Ann', '2026-01-01'), (2, 'a2', 'Bob', '2026-01-01'), (3, 'a3', 'Ann', '2026-01-01');
INSERT INTO scorecards(id, name, version, valid_from, definition_json, created_at) VALUES (1, 'Support QA', 1, '2025-01-01', '{}', '2025-01-01');
INSERT INTO audits(id, audit_key, date, day, week, month, quarter, agent_id, team_id, sample_type, scorecard_id,
                   score, raw_score, passed, critical_fail, critical_families) VALUES
  (1, 'A1', '2026-01-05', 0, 0, 0, 0, 1, 1, 'random', 1, 80,  80,  0, 0, 0),
  (2, 'A2', '2026-01-06', 0, 0, 0, 0, 1, 1, 'random', 1, 90,  90,  1, 0, 0),
  (3, 'A3', '2026-01-07', 0, 0, 0, 0, 2, 1, 'random', 1, 100, 100, 1, 0, 0),
  (4, 'A4', '2026-01-08', 0, 0, 0, 0, 3, 1, 'random', 1, 70,  70,  0, 0, 0),
  (5, 'A5', '2026-01-09', 0, 0, 0, 0, 3, 1, 'random', 1, 60,  60,  0, 0, 0),
  (6, 'A6', '2026-01-12', 0, 0, 0, 0, 3, 1, 'random', 1, 50,  50,  0, 0, 0);
UPDATE audits SET day = CAST(julianday(date) + 0.5 AS INTEGER);
)sql";

const QByteArray Key = "0123abcd";

struct Row
{
    QString label;
    qint64 n;
    double mean;
    bool operator==(const Row &) const = default;
};

} // namespace

namespace QTest {
template <>
char *toString(const Row &r)
{
    return qstrdup(QStringLiteral("%1 n=%2 mean=%3").arg(r.label).arg(r.n).arg(r.mean).toUtf8().constData());
}
} // namespace QTest

class TestPivotAgents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void namesAsTheCubeHasThem();
    void idsSplitANameShared();
    void pseudonymsSortedByThemselves();
    void filtersStillNameAgentsAsTheCubeDoes();
    void otherDimensionsUntouched();

private:
    QList<Row> rows(const QString &dimension, NameDisplay display, QList<PivotFilter> filters = {});
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::shared_ptr<const Cube> m_cube;
};

void TestPivotAgents::initTestCase()
{
    ProjectError err;
    m_project = Project::create(m_dir.filePath(QStringLiteral("agents.qlens")), false, &err);
    QVERIFY2(m_project, qPrintable(err.message));
    const QString problem = execScript(m_project->database(), QString::fromUtf8(Fixture));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QString error;
    m_cube = CubeBuilder::build(m_project->database(), PivotSource::Audits, {}, &error);
    QVERIFY2(m_cube, qPrintable(error));
}

QList<Row> TestPivotAgents::rows(const QString &dimension, NameDisplay display, QList<PivotFilter> filters)
{
    PivotSpec spec;
    spec.source = PivotSource::Audits;
    spec.rows = QStringList{dimension};
    spec.measures = QStringList{QStringLiteral("count"), QStringLiteral("avg(score)")};
    spec.filters = std::move(filters);
    PivotOptions options;
    options.agents.display = display;
    options.agents.pseudonymKey = Key;
    QString error;
    const auto result = PivotEngine::compute(*m_cube, spec, options, &error);
    if (!result) {
        qWarning() << error;
        return {};
    }
    QList<Row> out;
    for (int r = 0; r < result->rowCount(); ++r)
        out << Row{result->row(r).labels.at(0), result->value(r, 0, 0)->n, result->value(r, 0, 1)->value};
    return out;
}

void TestPivotAgents::namesAsTheCubeHasThem()
{
    // Ann = a1 and a3: (80 + 90 + 70 + 60 + 50) / 5 = 70; Bob = 100.
    const QList<Row> expected{{"Ann", 5, 70.0}, {"Bob", 1, 100.0}};
    QCOMPARE(rows(QStringLiteral("agent_name"), NameDisplay::Names), expected);
    const QList<Row> ids{{"a1", 2, 85.0}, {"a2", 1, 100.0}, {"a3", 3, 60.0}};
    QCOMPARE(rows(QStringLiteral("agent"), NameDisplay::Names), ids);
    QCOMPARE(rows(QStringLiteral("agent"), NameDisplay::Ids), ids); // agent holds ids already
}

void TestPivotAgents::idsSplitANameShared()
{
    // By id, the two Anns are two rows: a1 (80 + 90) / 2 = 85, a3 (70 + 60 + 50) / 3 = 60.
    const QList<Row> expected{{"a1", 2, 85.0}, {"a2", 1, 100.0}, {"a3", 3, 60.0}};
    QCOMPARE(rows(QStringLiteral("agent_name"), NameDisplay::Ids), expected);
}

void TestPivotAgents::pseudonymsSortedByThemselves()
{
    const QString p1 = AgentNames::pseudonym(Key, u"a1"), p2 = AgentNames::pseudonym(Key, u"a2"),
                  p3 = AgentNames::pseudonym(Key, u"a3");
    QList<Row> expected{{p1, 2, 85.0}, {p2, 1, 100.0}, {p3, 3, 60.0}};
    std::sort(expected.begin(), expected.end(), [](const Row &x, const Row &y) { return x.label < y.label; });
    // The order of ids must not show through: these keys give another order than a1, a2, a3.
    QVERIFY(expected.at(0).label != p1 || expected.at(1).label != p2);
    QCOMPARE(rows(QStringLiteral("agent"), NameDisplay::Pseudonyms), expected);
    QCOMPARE(rows(QStringLiteral("agent_name"), NameDisplay::Pseudonyms), expected);
    for (const Row &r : expected)
        QVERIFY(!r.label.contains(QLatin1String("Ann")) && !r.label.contains(QLatin1String("a1")));
}

void TestPivotAgents::filtersStillNameAgentsAsTheCubeDoes()
{
    PivotFilter ann;
    ann.dimension = QStringLiteral("agent_name");
    ann.values = QStringList{QStringLiteral("Ann")};
    const QList<Row> anns{{"a1", 2, 85.0}, {"a3", 3, 60.0}};
    QCOMPARE(rows(QStringLiteral("agent_name"), NameDisplay::Ids, {ann}), anns);

    PivotFilter notA2;
    notA2.dimension = QStringLiteral("agent");
    notA2.values = QStringList{QStringLiteral("a2")};
    notA2.exclude = true;
    const QList<Row> shown = rows(QStringLiteral("agent"), NameDisplay::Pseudonyms, {notA2});
    QCOMPARE(shown.size(), 2);
    for (const Row &r : shown)
        QVERIFY(r.label != AgentNames::pseudonym(Key, u"a2"));
}

void TestPivotAgents::otherDimensionsUntouched()
{
    const QList<Row> team{{"Alpha", 6, (80 + 90 + 100 + 70 + 60 + 50) / 6.0}};
    QCOMPARE(rows(QStringLiteral("team"), NameDisplay::Pseudonyms), team);
}

QTEST_GUILESS_MAIN(TestPivotAgents)
#include "tst_pivotagents.moc"

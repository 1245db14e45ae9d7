// SPDX-License-Identifier: GPL-3.0-or-later
// The demo organisation (cli.md "The demo project", docs/demo.md): repeatable, the sizes asked,
// scores that are the engine's, a sound file, and the planted effects really there.
#include "common/periods.h"
#include "demo/demogenerator.h"
#include "scoring/scoringengine.h"
#include "store/project.h"
#include "store/scorecardstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace ql;

Q_DECLARE_METATYPE(ql::DemoOptions)

namespace {

DemoOptions options(quint64 seed, int agents, int months, int perMonth)
{
    DemoOptions o;
    o.seed = seed;
    o.agents = agents;
    o.months = months;
    o.auditsPerAgentMonth = perMonth;
    return o;
}

QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return QStringLiteral("<error: %1>").arg(q.lastError().text());
    return q.value(0);
}

// One hash per table over every row in a total order; settings written by Project::create (the
// clock, the user) are left out, everything else the demo wrote is in.
std::map<QString, QByteArray> tableHashes(const QSqlDatabase &db)
{
    std::map<QString, QByteArray> out;
    QSqlQuery tables(db);
    tables.exec(QStringLiteral(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    for (const QString &table : names) {
        QSqlQuery info(db);
        info.exec(QStringLiteral("SELECT count(*) FROM pragma_table_info('%1')").arg(table));
        info.next();
        const int columns = info.value(0).toInt();
        QStringList order;
        for (int i = 1; i <= columns; ++i)
            order << QString::number(i);
        QString sql = QStringLiteral("SELECT * FROM %1").arg(table);
        if (table == QLatin1String("settings"))
            sql += QStringLiteral(" WHERE key NOT IN ('created_at', 'created_by', 'writer', 'clean_close', 'pseudonym_key')");
        QSqlQuery rows(db);
        rows.setForwardOnly(true);
        if (!rows.exec(sql + QStringLiteral(" ORDER BY ") + order.join(QLatin1Char(','))))
            qFatal("%s", qPrintable(rows.lastError().text()));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        while (rows.next()) {
            for (int i = 0; i < columns; ++i) {
                const QVariant v = rows.value(i);
                if (v.isNull())
                    hash.addData("N|");
                else if (v.typeId() == QMetaType::Double)
                    hash.addData("D" + QByteArray::number(v.toDouble(), 'g', 17) + '|');
                else
                    hash.addData("T" + v.toString().toUtf8() + '|');
            }
            hash.addData("\n");
        }
        out[table] = hash.result().toHex();
    }
    return out;
}

// Mean, count.
std::pair<double, int> meanOf(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return {std::nan(""), 0};
    return {q.value(0).toDouble(), q.value(1).toInt()};
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameSeedSameContent();
    void differentSeedDifferentContent();
    void sizesAreHonoured_data();
    void sizesAreHonoured();
    void scoresAreTheEngines();
    void fileIsSound();
    void periodKeysMatch();
    void contentIsComplete();
    void plantedEffects_data();
    void plantedEffects();
    void cancelLeavesProjectEmpty_data();
    void cancelLeavesProjectEmpty();
    void refusesNonEmptyProject();
    void cli_data();
    void cli();

private:
    std::unique_ptr<Project> generate(const QString &name, const DemoOptions &o, DemoSummary *summary = nullptr);
    QSqlDatabase db() const { return m_small->database(); }

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_small; // 20 agents × 3 months × 14, seed 1: shared by the read-only checks
    DemoSummary m_smallSummary;
};

std::unique_ptr<Project> TestDemo::generate(const QString &name, const DemoOptions &o, DemoSummary *summary)
{
    ProjectError perr;
    auto project = Project::create(m_dir.filePath(name), true, &perr);
    if (!project) {
        qWarning("%s", qPrintable(perr.message));
        return nullptr;
    }
    QString error;
    const auto result = generateDemo(*project, o, {}, &error);
    if (!result) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    if (summary)
        *summary = *result;
    return project;
}

void TestDemo::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_small = generate(QStringLiteral("small.qlens"), options(1, 20, 3, 14), &m_smallSummary);
    QVERIFY(m_small);
}

void TestDemo::sameSeedSameContent()
{
    // A second run in another file, at another moment: every table identical.
    auto again = generate(QStringLiteral("again.qlens"), options(1, 20, 3, 14));
    QVERIFY(again);
    const auto a = tableHashes(db());
    const auto b = tableHashes(again->database());
    QCOMPARE(a.size(), b.size());
    for (const auto &[table, hash] : a)
        QVERIFY2(b.at(table) == hash, qPrintable(QStringLiteral("table %1 differs").arg(table)));
}

void TestDemo::differentSeedDifferentContent()
{
    auto other = generate(QStringLiteral("seed2.qlens"), options(2, 20, 3, 14));
    QVERIFY(other);
    const auto a = tableHashes(db());
    const auto b = tableHashes(other->database());
    for (const char *table : {"agents", "audits", "answers", "csat_responses", "calibration_answers"})
        QVERIFY2(a.at(QString::fromLatin1(table)) != b.at(QString::fromLatin1(table)), table);
    // The scorecard is the same whatever the seed.
    QCOMPARE(a.at(QStringLiteral("criteria")), b.at(QStringLiteral("criteria")));
}

void TestDemo::sizesAreHonoured_data()
{
    QTest::addColumn<DemoOptions>("o");
    QTest::newRow("20 agents x 3 months x 14") << options(3, 20, 3, 14);
    QTest::newRow("25 agents x 2 months x 5") << options(4, 25, 2, 5);
    QTest::newRow("12 agents x 4 months x 30") << options(5, 12, 4, 30);
    QTest::newRow("60 agents x 12 months x 3") << options(6, 60, 12, 3);
}

void TestDemo::sizesAreHonoured()
{
    QFETCH(DemoOptions, o);
    DemoSummary summary;
    auto project = generate(QStringLiteral("size.qlens"), o, &summary);
    QVERIFY(project);
    const QSqlDatabase d = project->database();
    const double planned = double(o.agents) * o.months * o.auditsPerAgentMonth;
    const double random =
        scalar(d, QStringLiteral("SELECT count(*) FROM audits WHERE sample_type = 'random'")).toDouble();
    const double all = scalar(d, QStringLiteral("SELECT count(*) FROM audits")).toDouble();
    // docs/demo.md "Sizes": random audits are the plan less the months before a hire or after a
    // leave and the small-sample agent's quota (one agent's worth, which weighs in a tiny
    // organisation); targeted (+4%), CSAT-triggered (+3%) and re-audits come on top.
    const double oneAgent = double(o.months) * o.auditsPerAgentMonth;
    QVERIFY2(random <= planned && random >= 0.85 * planned - oneAgent,
             qPrintable(QStringLiteral("%1 of %2").arg(random).arg(planned)));
    QVERIFY2(all >= 0.9 * planned - oneAgent && all <= 1.12 * planned,
             qPrintable(QStringLiteral("%1 of %2").arg(all).arg(planned)));
    QCOMPARE(summary.audits, qint64(all));
    QCOMPARE(summary.agents, qint64(o.agents));
    QCOMPARE(scalar(d, QStringLiteral("SELECT count(*) FROM agents")).toLongLong(), qint64(o.agents));
    QCOMPARE(scalar(d, QStringLiteral("SELECT count(*) FROM answers")).toLongLong(), summary.answers);
    QCOMPARE(scalar(d, QStringLiteral("SELECT count(*) FROM csat_responses")).toLongLong(), summary.csatResponses);
    QCOMPARE(scalar(d, QStringLiteral("SELECT count(*) FROM calibration_sessions")).toLongLong(),
             summary.calibrationSessions);
    QCOMPARE(scalar(d, QStringLiteral("SELECT count(*) FROM disputes")).toLongLong(), summary.disputes);
    // Every month of the window has audits, and nothing falls outside it.
    QCOMPARE(scalar(d, QStringLiteral("SELECT count(DISTINCT month) FROM audits")).toInt(), o.months);
    QCOMPARE(scalar(d, QStringLiteral("SELECT max(month) FROM audits")).toInt(), 202610);
    QCOMPARE(scalar(d, QStringLiteral("SELECT max(month) FROM csat_responses")).toInt(), 202610);
}

void TestDemo::scoresAreTheEngines()
{
    const QSqlDatabase d = db();
    ScorecardStore store(d);
    std::map<qint64, std::pair<StoredScorecard, std::unique_ptr<ScoringEngine>>> cards;
    QSqlQuery audits(d);
    QVERIFY(audits.exec(
        QStringLiteral("SELECT id, scorecard_id, score, raw_score, passed, critical_fail, critical_families, "
                       "incomplete FROM audits WHERE id % 3 = 0 OR incomplete = 1 OR sample_type = 'dispute'")));
    int checked = 0, incomplete = 0, critical = 0;
    while (audits.next()) {
        const qint64 id = audits.value(0).toLongLong();
        const qint64 cardId = audits.value(1).toLongLong();
        if (!cards.count(cardId)) {
            auto stored = store.load(cardId);
            QVERIFY(stored);
            auto engine = std::make_unique<ScoringEngine>(stored->card);
            cards.emplace(cardId, std::make_pair(std::move(*stored), std::move(engine)));
        }
        const auto &[stored, engine] = cards.at(cardId);
        std::vector<AnswerInput> inputs(std::size_t(stored.card.criterionCount()));
        QSqlQuery answers(d);
        answers.prepare(
            QStringLiteral("SELECT criterion_id, value, na, c, option_label FROM answers WHERE audit_id = ?"));
        answers.addBindValue(id);
        QVERIFY(answers.exec());
        while (answers.next()) {
            const int flat = int(stored.criterionIds.indexOf(answers.value(0).toLongLong()));
            QVERIFY(flat >= 0);
            if (answers.value(2).toInt()) {
                QVERIFY(answers.value(1).isNull() && answers.value(3).isNull());
                inputs[std::size_t(flat)] = AnswerInput::notApplicable();
                continue;
            }
            const double value = answers.value(1).toDouble();
            const Scale &scale = stored.card.criterionAt(flat).scale;
            QVERIFY(scale.isValidValue(value));
            QCOMPARE(answers.value(3).toDouble(), engine->c(flat, value));
            QCOMPARE(answers.value(4).toString(), scale.kind == ScaleKind::Options ? scale.labelOf(value) : QString());
            inputs[std::size_t(flat)] = AnswerInput::rated(value);
        }
        const AuditScore s = engine->score(inputs);
        const auto optional = [](const QVariant &v) { return v.isNull() ? std::optional<double>() : v.toDouble(); };
        QCOMPARE(optional(audits.value(2)), s.score);
        QCOMPARE(optional(audits.value(3)), s.rawScore);
        QCOMPARE(audits.value(4).toBool(), s.passed);
        QCOMPARE(audits.value(5).toBool(), s.criticalFail);
        QCOMPARE(audits.value(6).toInt(), int(s.failedFamilies));
        QCOMPARE(audits.value(7).toBool(), s.incomplete);
        ++checked;
        incomplete += s.incomplete;
        critical += s.criticalFail;
    }
    QVERIFY(checked > 250);
    QVERIFY(incomplete > 0);
    QVERIFY(critical > 0);
}

void TestDemo::fileIsSound()
{
    QCOMPARE(Project::integrityCheck(db()), QString());
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_key_check")));
    if (q.next())
        QFAIL(qPrintable(
            QStringLiteral("foreign key violation in %1, row %2").arg(q.value(0).toString(), q.value(1).toString())));
    QCOMPARE(scalar(db(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
}

void TestDemo::periodKeysMatch()
{
    int checked = 0;
    for (const char *sql :
         {"SELECT date, day, week, month, quarter, interaction_date, i_day, i_week, i_month, i_quarter FROM audits",
          "SELECT date, day, week, month, quarter FROM csat_responses"}) {
        QSqlQuery q(db());
        QVERIFY(q.exec(QString::fromLatin1(sql)));
        while (q.next()) {
            for (int base : {0, 5}) {
                if (base >= q.record().count())
                    continue;
                const QDate date = QDate::fromString(q.value(base).toString(), Qt::ISODate);
                QVERIFY(date.isValid());
                const PeriodKeys k = PeriodKeys::of(date);
                QCOMPARE(q.value(base + 1).toInt(), k.day);
                QCOMPARE(q.value(base + 2).toInt(), k.week);
                QCOMPARE(q.value(base + 3).toInt(), k.month);
                QCOMPARE(q.value(base + 4).toInt(), k.quarter);
                ++checked;
            }
        }
    }
    QVERIFY(checked > 1000);
    // Audits are reviewed on working days.
    QCOMPARE(
        scalar(db(), QStringLiteral("SELECT count(*) FROM audits WHERE strftime('%w', date) IN ('0', '6')")).toInt(),
        0);
}

void TestDemo::contentIsComplete()
{
    const QSqlDatabase d = db();
    const auto count = [&](const QString &sql) { return scalar(d, sql).toLongLong(); };
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM scorecards WHERE name = 'Support QA'")), 2);
    QCOMPARE(scalar(d, QStringLiteral("SELECT valid_to FROM scorecards WHERE version = 1")).toString(),
             QStringLiteral("2026-08-31"));
    QVERIFY(scalar(d, QStringLiteral("SELECT valid_to FROM scorecards WHERE version = 2")).isNull());
    QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT critical) FROM criteria")), 3);
    QVERIFY(count(QStringLiteral("SELECT count(*) FROM criteria WHERE allow_na = 1")) > 0);
    QVERIFY(count(QStringLiteral("SELECT count(DISTINCT scale_kind) FROM criteria")) == 3);
    for (const char *type : {"random", "targeted", "csat_triggered", "dispute"})
        QVERIFY2(
            count(QStringLiteral("SELECT count(*) FROM audits WHERE sample_type = '%1'").arg(QLatin1String(type))) > 0,
            type);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audits WHERE superseded_by IS NOT NULL")),
             count(QStringLiteral("SELECT count(*) FROM disputes WHERE reaudit_id IS NOT NULL")));
    QVERIFY(count(QStringLiteral("SELECT count(*) FROM disputes WHERE state = 'open'")) >= 3);
    QVERIFY(count(QStringLiteral("SELECT count(*) FROM disputes WHERE state <> 'open'")) >= 1);
    // Every failed answer has a root cause; some have a comment.
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM answers a JOIN criteria c ON c.id = a.criterion_id WHERE a.na = 0 "
                             "AND a.c < c.pass_level AND a.id NOT IN (SELECT answer_id FROM answer_root_causes)")),
        0);
    QVERIFY(count(QStringLiteral("SELECT count(*) FROM answers WHERE comment IS NOT NULL")) > 0);
    // A good share of responses is linked to an audit by ticket; reasons and comments are there.
    const double linked =
        scalar(d, QStringLiteral("SELECT avg(ticket_id IN (SELECT ticket_id FROM audits)) FROM csat_responses"))
            .toDouble();
    QVERIFY2(linked > 0.2 && linked < 0.6, qPrintable(QString::number(linked)));
    QVERIFY(count(QStringLiteral("SELECT count(DISTINCT reason) FROM csat_responses")) >= 6);
    QVERIFY(count(QStringLiteral("SELECT count(*) FROM csat_responses WHERE comment LIKE '%@example.%'")) >= 2);
    // Calibration: a session a month, closed, one in review; items have their conversations.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM calibration_sessions WHERE state = 'closed'")), 3);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM calibration_sessions WHERE state = 'review'")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM calibration_items WHERE interaction_id IS NULL")), 0);
    QVERIFY(count(QStringLiteral(
                "SELECT min(n) FROM (SELECT count(*) AS n FROM calibration_items GROUP BY session_id)")) >= 4);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM calibration_participants WHERE is_expert = 1")), 4);
    QVERIFY(count(QStringLiteral("SELECT count(*) FROM calibration_consensus")) > 0);
    // One import of kind demo, and a change log that ends with its summary.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM import_log WHERE kind = 'demo'")), 1);
    QCOMPARE(scalar(d, QStringLiteral("SELECT new_value FROM change_log WHERE entity = 'import' AND field = 'audits'"))
                 .toLongLong(),
             m_smallSummary.audits);
    QCOMPARE(count(QStringLiteral(
                 "SELECT count(*) FROM change_log c1 JOIN change_log c2 ON c2.id = c1.id + 1 WHERE c2.at < c1.at")),
             0);
    QVERIFY(count(QStringLiteral("SELECT count(*) FROM agent_history")) > 20);
    QVERIFY(count(QStringLiteral("SELECT count(*) FROM agent_aliases")) > 0);
}

void TestDemo::plantedEffects_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::newRow("seed 1") << quint64(1);
    QTest::newRow("seed 7") << quint64(7);
}

void TestDemo::plantedEffects()
{
    QFETCH(quint64, seed);
    auto project = generate(QStringLiteral("planted.qlens"), options(seed, 60, 6, 14));
    QVERIFY(project);
    const QSqlDatabase d = project->database();
    const QJsonObject planted =
        QJsonDocument::fromJson(scalar(d, QStringLiteral("SELECT mapping_json FROM import_log")).toByteArray())
            .object()
            .value(QStringLiteral("planted"))
            .toObject();
    const auto key = [&](const char *name) { return planted.value(QLatin1String(name)).toString(); };

    // The truly low agent: the lowest mean score among agents with at least 50 counted audits.
    QSqlQuery q(d);
    QVERIFY(q.exec(
        QStringLiteral("SELECT g.agent_key, avg(a.score), count(*) FROM audits a JOIN agents g ON g.id = a.agent_id "
                       "WHERE a.sample_type IN ('random', 'targeted') AND a.score IS NOT NULL AND a.incomplete = 0 "
                       "GROUP BY g.agent_key HAVING count(*) >= 50 ORDER BY 2 LIMIT 2")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), key("low_agent"));
    const double lowMean = q.value(1).toDouble();
    // Among agents past their first months (new hires learn, and can come close), by a margin.
    QVERIFY(q.exec(
        QStringLiteral("SELECT avg(a.score) FROM audits a JOIN agents g ON g.id = a.agent_id "
                       "WHERE a.sample_type IN ('random', 'targeted') AND a.score IS NOT NULL AND a.incomplete = 0 "
                       "AND g.hire_date < (SELECT min(date) FROM audits) AND g.agent_key <> '%1' "
                       "GROUP BY g.agent_key HAVING count(*) >= 50 ORDER BY 1 LIMIT 1")
            .arg(key("low_agent"))));
    QVERIFY(q.next());
    QVERIFY2(q.value(0).toDouble() - lowMean > 5,
             qPrintable(QStringLiteral("%1 vs %2").arg(lowMean).arg(q.value(0).toDouble())));

    // The small-sample agent: a handful of audits, a mean well below the rest.
    const auto [overall, all] =
        meanOf(d, QStringLiteral("SELECT avg(score), count(*) FROM audits WHERE sample_type IN "
                                 "('random', 'targeted') AND score IS NOT NULL AND incomplete = 0"));
    const auto [smallMean, smallN] =
        meanOf(d, QStringLiteral("SELECT avg(a.score), count(*) FROM audits a JOIN agents g ON g.id = a.agent_id "
                                 "WHERE g.agent_key = '%1' AND a.score IS NOT NULL")
                      .arg(key("small_sample_agent")));
    QVERIFY2(smallN >= 3 && smallN < 10, qPrintable(QString::number(smallN)));
    QVERIFY2(smallMean < overall - 5, qPrintable(QStringLiteral("%1 vs %2").arg(smallMean).arg(overall)));

    // Lenient and severe auditors: the highest and the lowest mean raw score.
    QVERIFY(q.exec(QStringLiteral("SELECT r.auditor_key FROM audits a JOIN auditors r ON r.id = a.auditor_id "
                                  "GROUP BY r.auditor_key ORDER BY avg(a.raw_score)")));
    QStringList byRaw;
    while (q.next())
        byRaw << q.value(0).toString();
    QCOMPARE(byRaw.size(), 8);
    QCOMPARE(byRaw.first(), key("severe_auditor"));
    QCOMPARE(byRaw.last(), key("lenient_auditor"));

    // Returns: CSAT % in the last month several points below its earlier months, and refund
    // delays the leading reason of the dissatisfied there.
    const QString queue = key("csat_drop_queue");
    const auto [before, nBefore] =
        meanOf(d, QStringLiteral("SELECT 100.0 * avg(r.satisfied), count(*) FROM csat_responses r "
                                 "JOIN queues q ON q.id = r.queue_id WHERE q.name = '%1' AND r.month < 202610")
                      .arg(queue));
    const auto [last, nLast] =
        meanOf(d, QStringLiteral("SELECT 100.0 * avg(r.satisfied), count(*) FROM csat_responses r "
                                 "JOIN queues q ON q.id = r.queue_id WHERE q.name = '%1' AND r.month = 202610")
                      .arg(queue));
    QVERIFY2(nLast >= 80 && nBefore >= 400, qPrintable(QStringLiteral("%1 %2").arg(nLast).arg(nBefore)));
    QVERIFY2(before - last >= 10, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(last)));
    QCOMPARE(
        scalar(d, QStringLiteral(
                      "SELECT r.reason FROM csat_responses r JOIN queues q ON q.id = r.queue_id WHERE q.name = '%1' "
                      "AND r.month = 202610 AND r.dissatisfied = 1 GROUP BY r.reason ORDER BY count(*) DESC LIMIT 1")
                      .arg(queue))
            .toString(),
        key("csat_drop_reason"));
    // The other queues do not drop like that.
    const auto [othersBefore, n1] =
        meanOf(d, QStringLiteral("SELECT 100.0 * avg(r.satisfied), count(*) FROM csat_responses r "
                                 "JOIN queues q ON q.id = r.queue_id WHERE q.name <> '%1' AND r.month < 202610")
                      .arg(queue));
    const auto [othersLast, n2] =
        meanOf(d, QStringLiteral("SELECT 100.0 * avg(r.satisfied), count(*) FROM csat_responses r "
                                 "JOIN queues q ON q.id = r.queue_id WHERE q.name <> '%1' AND r.month = 202610")
                      .arg(queue));
    QVERIFY2(othersBefore - othersLast < 5, qPrintable(QStringLiteral("%1 → %2").arg(othersBefore).arg(othersLast)));

    // The criterion whose failures go with dissatisfied customers: on random audits with a linked
    // response, the largest gap in DSAT % between failed and passed answers, and a wide one.
    QVERIFY(q.exec(QStringLiteral(
        "SELECT c.key, 100.0 * avg(CASE WHEN an.c < c.pass_level THEN r.dissatisfied END) "
        "- 100.0 * avg(CASE WHEN an.c >= c.pass_level THEN r.dissatisfied END), sum(an.c < c.pass_level) "
        "FROM audits a JOIN csat_responses r ON r.ticket_id = a.ticket_id JOIN answers an ON an.audit_id = a.id "
        "JOIN criteria c ON c.id = an.criterion_id WHERE a.sample_type = 'random' AND an.na = 0 "
        "GROUP BY c.key HAVING sum(an.c < c.pass_level) >= 50 ORDER BY 2 DESC")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), key("csat_criterion"));
    QVERIFY2(q.value(1).toDouble() >= 15, qPrintable(q.value(1).toString()));

    // The drifting participant: their raw scores against the consensus move up over the year.
    ScorecardStore store(d);
    std::map<qint64, std::pair<StoredScorecard, std::unique_ptr<ScoringEngine>>> cards;
    const auto rawOf = [&](qint64 cardId, const QString &table, const QString &where, qint64 itemId) -> double {
        if (!cards.count(cardId)) {
            auto stored = store.load(cardId);
            auto engine = std::make_unique<ScoringEngine>(stored->card);
            cards.emplace(cardId, std::make_pair(std::move(*stored), std::move(engine)));
        }
        const auto &[stored, engine] = cards.at(cardId);
        std::vector<AnswerInput> inputs(std::size_t(stored.card.criterionCount()));
        QSqlQuery a(d);
        a.exec(QStringLiteral("SELECT criterion_id, value, na FROM %1 WHERE item_id = %2 %3")
                   .arg(table)
                   .arg(itemId)
                   .arg(where));
        while (a.next()) {
            const int flat = int(stored.criterionIds.indexOf(a.value(0).toLongLong()));
            inputs[std::size_t(flat)] =
                a.value(2).toInt() ? AnswerInput::notApplicable() : AnswerInput::rated(a.value(1).toDouble());
        }
        return engine->score(inputs).rawScore.value_or(std::nan(""));
    };
    QVERIFY(q.exec(
        QStringLiteral("SELECT s.id, s.scorecard_id, i.id, p.id FROM calibration_sessions s JOIN calibration_items i "
                       "ON i.session_id = s.id "
                       "JOIN calibration_participants p ON p.session_id = s.id JOIN auditors r ON r.id = p.auditor_id "
                       "WHERE s.state = 'closed' AND r.auditor_key = '%1' ORDER BY s.date, i.position")
            .arg(key("drifting_participant"))));
    std::map<qint64, std::pair<double, int>> perSession;
    while (q.next()) {
        const qint64 card = q.value(1).toLongLong(), item = q.value(2).toLongLong();
        const double own = rawOf(card, QStringLiteral("calibration_answers"),
                                 QStringLiteral("AND participant_id = %1").arg(q.value(3).toLongLong()), item);
        const double consensus = rawOf(card, QStringLiteral("calibration_consensus"), QString(), item);
        auto &[sum, n] = perSession[q.value(0).toLongLong()];
        sum += own - consensus;
        ++n;
    }
    QCOMPARE(int(perSession.size()), 6);
    std::vector<double> deviation;
    for (const auto &[session, sn] : perSession)
        deviation.push_back(sn.first / sn.second);
    const double early = (deviation[0] + deviation[1] + deviation[2]) / 3;
    const double late = (deviation[3] + deviation[4] + deviation[5]) / 3;
    QVERIFY2(late - early >= 2 && late > 2, qPrintable(QStringLiteral("%1 → %2").arg(early).arg(late)));
}

void TestDemo::cancelLeavesProjectEmpty_data()
{
    QTest::addColumn<QString>("at");
    QTest::newRow("at the start") << QStringLiteral("organisation");
    QTest::newRow("during the audits") << QStringLiteral("audits 2026-10");
    QTest::newRow("after the audits") << QStringLiteral("disputes");
    QTest::newRow("before saving") << QStringLiteral("saving");
}

void TestDemo::cancelLeavesProjectEmpty()
{
    QFETCH(QString, at);
    ProjectError perr;
    auto project = Project::create(m_dir.filePath(QStringLiteral("cancel.qlens")), true, &perr);
    QVERIFY(project);
    const auto before = tableHashes(project->database());
    bool asked = false;
    QString error;
    const auto result = generateDemo(
        *project, options(1, 20, 3, 14),
        [&](double, const QString &stage) {
            asked = asked || stage == at;
            return !asked;
        },
        &error);
    QVERIFY(asked);
    QVERIFY(!result);
    QCOMPARE(error, QStringLiteral("cancelled"));
    QVERIFY(tableHashes(project->database()) == before);
    // And the project is usable afterwards: the same call without cancelling works.
    QVERIFY(generateDemo(*project, options(1, 20, 2, 3), {}, &error));
}

void TestDemo::refusesNonEmptyProject()
{
    QString error;
    const auto before = tableHashes(db());
    QVERIFY(!generateDemo(*m_small, options(1, 20, 3, 14), {}, &error));
    QVERIFY(error.contains(QStringLiteral("not empty")));
    QVERIFY(tableHashes(db()) == before);
    DemoOptions bad = options(1, 5, 3, 14);
    QVERIFY(!bad.validate().isEmpty());
}

void TestDemo::cli_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("existing");
    QTest::addColumn<int>("exitCode");
    const QStringList small{QStringLiteral("--agents"),
                            QStringLiteral("10"),
                            QStringLiteral("--months"),
                            QStringLiteral("2"),
                            QStringLiteral("--audits-per-agent-month"),
                            QStringLiteral("2")};
    QTest::newRow("creates") << small << false << 0;
    QTest::newRow("existing file without --force") << small << true << 4;
    QTest::newRow("existing file with --force") << (small + QStringList{QStringLiteral("--force")}) << true << 0;
    QTest::newRow("--agents abc") << QStringList{QStringLiteral("--agents"), QStringLiteral("abc")} << false << 2;
    QTest::newRow("--agents 5 (too few)") << QStringList{QStringLiteral("--agents"), QStringLiteral("5")} << false << 2;
    QTest::newRow("--seed -1") << QStringList{QStringLiteral("--seed"), QStringLiteral("-1")} << false << 2;
    QTest::newRow("--end 2026-13") << QStringList{QStringLiteral("--end"), QStringLiteral("2026-13")} << false << 2;
    QTest::newRow("--end 2026-1") << QStringList{QStringLiteral("--end"), QStringLiteral("2026-1")} << false << 2;
    QTest::newRow("unknown flag") << QStringList{QStringLiteral("--colour")} << false << 2;
}

void TestDemo::cli()
{
    QFETCH(QStringList, args);
    QFETCH(bool, existing);
    QFETCH(int, exitCode);
    const QString file =
        m_dir.filePath(QStringLiteral("cli-%1.qlens").arg(QString::number(qHash(QTest::currentDataTag()))));
    QFile::remove(file);
    if (existing) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
    }
    QProcess cli;
    cli.start(QStringLiteral(QL_CLI_PATH), QStringList{QStringLiteral("demo"), file} + args);
    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QVERIFY2(cli.exitCode() == exitCode, cli.readAllStandardError().constData());
    if (exitCode == 0) {
        const QJsonObject summary = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QVERIFY(summary.value(QStringLiteral("audits")).toInt() > 0);
        ProjectError perr;
        auto project = Project::open(file, Project::Access::ReadOnly, Project::Check::Now, &perr);
        QVERIFY2(project, qPrintable(perr.message));
        QCOMPARE(scalar(project->database(), QStringLiteral("SELECT count(*) FROM audits")).toInt(),
                 summary.value(QStringLiteral("audits")).toInt());
    } else if (existing) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("keep me"));
    } else {
        QVERIFY(!QFile::exists(file));
    }
}

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"

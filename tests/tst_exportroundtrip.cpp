// SPDX-License-Identifier: GPL-3.0-or-later
// Export → import → export (formats.md "Export columns": "so an answers export imports back … to
// the same scores"): a demo project's scorecards, agents, answers and CSAT responses are exported to
// CSV and imported into a fresh project with the mappings that name the export's columns; then the
// second project's exports must equal the first's, row for row, and every audit must score the same.
#include "demo/demogenerator.h"
#include "export/dataexport.h"
#include "import/importer.h"
#include "import/scorecardimport.h"
#include "store/project.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The CSV's lines with the columns at `keep` only (the files are the export's own: no quoted line
// breaks in these columns, and quoted commas are handled).
QList<QStringList> columns(const QByteArray &csv, const QStringList &keep)
{
    QList<QStringList> out;
    QList<int> at;
    bool first = true;
    for (const QByteArray &rawLine : csv.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).remove(QLatin1Char('\r'));
        if (line.isEmpty())
            continue;
        QStringList fields;
        QString field;
        bool quoted = false;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (quoted && c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                field += c;
                ++i;
            } else if (c == u'"') {
                quoted = !quoted;
            } else if (c == u',' && !quoted) {
                fields << field;
                field.clear();
            } else {
                field += c;
            }
        }
        fields << field;
        if (first) {
            for (const QString &k : keep)
                at << int(fields.indexOf(k));
            first = false;
        }
        QStringList row;
        for (int i : std::as_const(at))
            row << fields.value(i, QStringLiteral("<missing>"));
        out << row;
    }
    return out;
}

} // namespace

class TestExportRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void agents();
    void answersAndAudits();
    void csat();

private:
    QString exportCsv(Project &project, ExportSource source, const QString &name);
    void import(const QString &mapping, const QString &file, qint64 expectInserted);

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_first;
    std::unique_ptr<Project> m_second;
    QString m_source;
};

QString TestExportRoundTrip::exportCsv(Project &project, ExportSource source, const QString &name)
{
    const QString path = m_dir.filePath(name);
    ExportSpec spec;
    spec.source = source;
    const auto r = DataExport::run(project.database(), spec, path, {});
    return r.status == DataExport::Status::Written ? path : QString();
}

void TestExportRoundTrip::import(const QString &mappingJson, const QString &file, qint64 expectInserted)
{
    QString why;
    const auto mapping = ImportMapping::parse(mappingJson.toUtf8(), &why);
    QVERIFY2(mapping, qPrintable(why));
    const ImportResult r = Importer(m_second->database(), *mapping).run(file);
    for (const ImportProblem &p : r.problems)
        qWarning("%s", qPrintable(p.message()));
    QCOMPARE(r.status, ImportResult::Imported);
    QCOMPARE(r.summary.rejected, 0);
    QCOMPARE(r.summary.inserted, expectInserted);
}

void TestExportRoundTrip::initTestCase()
{
    QVERIFY(m_dir.isValid());
    ProjectError error;
    m_first = Project::create(m_dir.filePath(QStringLiteral("first.qlens")), true, &error);
    QVERIFY2(m_first, qPrintable(error.message));
    DemoOptions options;
    options.seed = 11;
    options.agents = 12;
    options.months = 3;
    options.auditsPerAgentMonth = 3;
    QString problem;
    QVERIFY2(generateDemo(*m_first, options, {}, &problem), qPrintable(problem));
    QSqlQuery q(m_first->database());
    QVERIFY(q.exec(QStringLiteral("SELECT DISTINCT source FROM audits")));
    QVERIFY(q.next());
    m_source = q.value(0).toString();
    QVERIFY2(!q.next(), "the demo has audits of one source");

    m_second = Project::create(m_dir.filePath(QStringLiteral("second.qlens")), true, &error);
    QVERIFY2(m_second, qPrintable(error.message));
    // The scorecards travel as their definition JSON (formats.md), every version in order.
    QVERIFY(q.exec(QStringLiteral("SELECT name, version, definition_json FROM scorecards ORDER BY name, version")));
    int cards = 0;
    while (q.next()) {
        const QString path = m_dir.filePath(QStringLiteral("card-%1.json").arg(++cards));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(q.value(2).toByteArray());
        out.close();
        const auto r = ScorecardImport::importFile(m_second->database(), path);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.name, q.value(0).toString());
        QCOMPARE(r.version, q.value(1).toInt());
    }
    QVERIFY(cards > 0);
}

void TestExportRoundTrip::cleanupTestCase()
{
    m_first.reset();
    m_second.reset();
}

void TestExportRoundTrip::agents()
{
    const QString first = exportCsv(*m_first, ExportSource::Agents, QStringLiteral("agents-1.csv"));
    QVERIFY(!first.isEmpty());
    QSqlQuery q(m_first->database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM agents")) && q.next());
    import(QStringLiteral(R"({"kind": "agents", "columns": {"agent": "agent", "name": "name", "team": "team",
        "site": "site", "supervisor": "supervisor", "hire_date": "hire_date", "active": "active"}})"),
           first, q.value(0).toLongLong());
    const QString second = exportCsv(*m_second, ExportSource::Agents, QStringLiteral("agents-2.csv"));
    QCOMPARE(readAll(second), readAll(first));
}

void TestExportRoundTrip::answersAndAudits()
{
    const QString answers = exportCsv(*m_first, ExportSource::Answers, QStringLiteral("answers-1.csv"));
    QVERIFY(!answers.isEmpty());
    QSqlQuery q(m_first->database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audits")) && q.next());
    const qint64 audits = q.value(0).toLongLong();
    QVERIFY(audits > 50);
    import(QStringLiteral(R"({"kind": "audits-long", "source": "%1",
        "columns": {"audit_id": "audit_id", "ticket_id": "ticket_id", "date": "date",
          "interaction_date": "interaction_date", "agent": "agent", "auditor": "auditor", "team": "team",
          "site": "site", "supervisor": "supervisor", "queue": "queue", "channel": "channel",
          "sample_type": "sample_type", "scorecard": "scorecard", "scorecard_version": "scorecard_version",
          "criterion": "criterion", "value": "value", "root_cause": "root_cause", "comment": "comment"}})")
               .arg(m_source),
           answers, audits);
    // The answers export of the second project is the first's, byte for byte: every value, N/A,
    // credit c, root cause and comment came back.
    const QString again = exportCsv(*m_second, ExportSource::Answers, QStringLiteral("answers-2.csv"));
    QCOMPARE(readAll(again), readAll(answers));

    // Audits score the same; what an answers file does not carry (the audit's own comment, custom
    // dimensions) is left out of the comparison.
    const QStringList compared{"audit_id",  "source",  "ticket_id", "date",        "interaction_date", "week",
                               "month",     "agent",   "agent_name", "team",       "site",             "supervisor",
                               "queue",     "channel", "auditor",   "sample_type", "scorecard",        "scorecard_version",
                               "score",     "raw_score", "passed",  "critical_fail", "critical_families", "incomplete"};
    const auto first = columns(readAll(exportCsv(*m_first, ExportSource::Audits, QStringLiteral("audits-1.csv"))),
                               compared);
    const auto second = columns(readAll(exportCsv(*m_second, ExportSource::Audits, QStringLiteral("audits-2.csv"))),
                                compared);
    QCOMPARE(first.size(), audits + 1);
    QCOMPARE(second.size(), first.size());
    for (qsizetype i = 0; i < first.size(); ++i)
        QCOMPARE(second.at(i), first.at(i));
}

void TestExportRoundTrip::csat()
{
    const QString first = exportCsv(*m_first, ExportSource::Csat, QStringLiteral("csat-1.csv"));
    QVERIFY(!first.isEmpty());
    QSqlQuery q(m_first->database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*), count(DISTINCT scale), min(scale), min(source) FROM csat_responses")) &&
            q.next());
    QVERIFY(q.value(0).toLongLong() > 20);
    QCOMPARE(q.value(1).toInt(), 1); // one survey scale, as one mapping describes
    const QStringList range = q.value(2).toString().split(QLatin1Char('-'));
    QCOMPARE(range.size(), 2);
    import(QStringLiteral(R"({"kind": "csat", "source": "%1", "scale": {"min": %2, "max": %3},
        "columns": {"response_id": "response_id", "date": "date", "score": "score", "ticket_id": "ticket_id",
          "agent": "agent", "team": "team", "site": "site", "supervisor": "supervisor", "queue": "queue",
          "channel": "channel", "reason": "reason", "comment": "comment"}})")
               .arg(q.value(3).toString(), range.at(0), range.at(1)),
           first, q.value(0).toLongLong());
    const QStringList compared{"response_id", "source",  "date",   "score",  "ticket_id", "agent",
                               "team",        "site",    "supervisor", "queue", "channel", "reason",
                               "comment",     "scale",   "satisfied", "dissatisfied", "week", "month"};
    const auto a = columns(readAll(first), compared);
    const auto b = columns(readAll(exportCsv(*m_second, ExportSource::Csat, QStringLiteral("csat-2.csv"))), compared);
    QCOMPARE(b.size(), a.size());
    for (qsizetype i = 0; i < a.size(); ++i)
        QCOMPARE(b.at(i), a.at(i));
}

QTEST_GUILESS_MAIN(TestExportRoundTrip)
#include "tst_exportroundtrip.moc"

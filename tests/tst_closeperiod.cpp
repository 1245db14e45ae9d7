// SPDX-License-Identifier: GPL-3.0-or-later
// close-period (scoring.md "Closing a period", cli.md, docs/close-period.md): the snapshot's KPIs
// worked out by hand on the mini project, the settings and fingerprint, one close per period unless
// forced, restatements after a later change, stored reports with their SHA-256, and the CLI.
#include "clirun.h"
#include "miniproject.h"
#include "quality/periodclose.h"
#include "store/changelog.h"
#include "store/periodsnapshotstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

namespace {

using Run = ql::test::CliRun;

Run cli(const QStringList &args)
{
    return ql::test::runCli(QStringLiteral(QL_CLI_PATH), QStringList{QStringLiteral("close-period")} + args, 120000);
}

QJsonObject kpi(const PeriodSnapshot &s, const char *key)
{
    return QJsonDocument::fromJson(s.kpisJson)
        .object()
        .value(QStringLiteral("kpis"))
        .toObject()
        .value(QStringLiteral("kpis"))
        .toObject()
        .value(QLatin1String(key))
        .toObject();
}

qint64 count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestClosePeriod : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void snapshotHoldsKpisSettingsFingerprint();
    void secondCloseIsRefusedUnlessForced();
    void restatementsAfterAChange();
    void refusals_data();
    void refusals();
    void storedReports();
    void cli();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<test::MiniProject> m_mini;
    PeriodClose::Options m_options;
};

// Ann's March: Good 80, Good 80, Weak 60, Critical 0, Perfect 100.
//   QA score (80 + 80 + 60 + 0 + 100) / 5 = 64.0; passed Good, Good, Perfect = 3 of 5 = 60.0 %;
//   critical 1 of 5 = 20.0 %; 5 audits.
void TestClosePeriod::init()
{
    m_path = m_dir.filePath(QStringLiteral("close.qlens"));
    m_mini = std::make_unique<test::MiniProject>(m_path);
    QVERIFY2(m_mini->error().isEmpty(), qPrintable(m_mini->error()));
    using P = test::MiniProject;
    const QString ag1 = QStringLiteral("AG1");
    QVERIFY(m_mini->addAudit(QStringLiteral("M1"), P::Good, ag1, QDate(2026, 3, 2)));
    QVERIFY(m_mini->addAudit(QStringLiteral("M2"), P::Good, ag1, QDate(2026, 3, 5)));
    QVERIFY(m_mini->addAudit(QStringLiteral("M3"), P::Weak, ag1, QDate(2026, 3, 10)));
    QVERIFY(m_mini->addAudit(QStringLiteral("M4"), P::Critical, ag1, QDate(2026, 3, 17)));
    QVERIFY(m_mini->addAudit(QStringLiteral("M5"), P::Perfect, ag1, QDate(2026, 3, 31)));
    m_options = {};
    m_options.today = QDate(2026, 4, 10);
    m_options.closedBy = QStringLiteral("Lead");
    m_options.closedAt = QStringLiteral("2026-04-02T09:00:00Z");
}

void TestClosePeriod::cleanup()
{
    m_mini.reset();
    QFile::remove(m_path);
}

void TestClosePeriod::snapshotHoldsKpisSettingsFingerprint()
{
    const QSqlDatabase db = m_mini->db();
    const qint64 lastChange = ChangeLog::lastId(db);
    QString error;
    const auto s = PeriodClose::close(db, QStringLiteral("2026-03"), m_options, &error);
    QVERIFY2(s, qPrintable(error));
    QCOMPARE(s->period, QStringLiteral("2026-03"));
    QCOMPARE(s->closedBy, QStringLiteral("Lead"));
    QCOMPARE(kpi(*s, "qa_score").value(QStringLiteral("value")).toDouble(), 64.0);
    QCOMPARE(kpi(*s, "pass_rate").value(QStringLiteral("value")).toDouble(), 60.0);
    QCOMPARE(kpi(*s, "critical_rate").value(QStringLiteral("value")).toDouble(), 20.0);
    QCOMPARE(kpi(*s, "audits").value(QStringLiteral("value")).toDouble(), 5.0);

    const QJsonObject settings = QJsonDocument::fromJson(s->settingsJson).object();
    QCOMPARE(settings.value(QStringLiteral("settings")).toObject().value(QStringLiteral("min_sample_audits")).toInt(), 10);
    QCOMPARE(settings.value(QStringLiteral("settings")).toObject().value(QStringLiteral("sampling_plan")).toInt(), 8);
    QVERIFY(settings.value(QStringLiteral("targets")).isArray());

    const QJsonObject fp = QJsonDocument::fromJson(s->fingerprint).object();
    QCOMPARE(fp.value(QStringLiteral("rows")).toObject().value(QStringLiteral("audits")).toInt(), 5);
    QCOMPARE(fp.value(QStringLiteral("rows")).toObject().value(QStringLiteral("answers")).toInt(), 20);
    QCOMPARE(qint64(fp.value(QStringLiteral("last_change_id")).toDouble()), lastChange);
    QCOMPARE(fp.value(QStringLiteral("last_import_id")).toInt(), 0);

    // Stored, and written to the change log in the same transaction.
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM period_snapshots WHERE period = '2026-03'")), 1);
    const QList<ChangeEntry> log = ChangeLog::forEntity(db, QStringLiteral("period_snapshot"), QStringLiteral("2026-03"));
    QCOMPARE(log.size(), 1);
    QVERIFY(log.first().newValue.toString().startsWith(QStringLiteral("closed 2026-04-02T09:00:00Z by Lead")));
    QVERIFY(PeriodClose::restatements(db).isEmpty());
}

void TestClosePeriod::secondCloseIsRefusedUnlessForced()
{
    const QSqlDatabase db = m_mini->db();
    QVERIFY(PeriodClose::close(db, QStringLiteral("2026-03"), m_options, nullptr));
    PeriodClose::Options again = m_options;
    again.closedAt = QStringLiteral("2026-04-09T10:00:00Z");
    QString error;
    PeriodClose::Error code = PeriodClose::Error::None;
    QVERIFY(!PeriodClose::close(db, QStringLiteral("2026-03"), again, &error, &code));
    QCOMPARE(code, PeriodClose::Error::AlreadyClosed);
    QVERIFY2(error.contains(QStringLiteral("already closed on 2026-04-02T09:00:00Z by Lead")), qPrintable(error));
    QCOMPARE(PeriodSnapshotStore(db).load(QStringLiteral("2026-03"))->closedAt, QStringLiteral("2026-04-02T09:00:00Z"));

    again.force = true;
    const auto s = PeriodClose::close(db, QStringLiteral("2026-03"), again, &error, &code);
    QVERIFY2(s, qPrintable(error));
    QCOMPARE(s->closedAt, QStringLiteral("2026-04-09T10:00:00Z"));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM period_snapshots")), 1);
    const QList<ChangeEntry> log = ChangeLog::forEntity(db, QStringLiteral("period_snapshot"), QStringLiteral("2026-03"));
    QCOMPARE(log.size(), 2);
    QVERIFY(log.last().oldValue.toString().startsWith(QStringLiteral("closed 2026-04-02T09:00:00Z by Lead")) ||
            log.first().oldValue.toString().startsWith(QStringLiteral("closed 2026-04-02T09:00:00Z by Lead")));
}

// After closing, a late Perfect audit (100) arrives by import and an audit is corrected:
//   QA score (320 + 100) / 6 = 70.0; pass rate 4 / 6 = 66.666… → 66.7; critical 1 / 6 = 16.666… → 16.7;
//   audits 6. CSAT had no responses before or after: not restated.
void TestClosePeriod::restatementsAfterAChange()
{
    const QSqlDatabase db = m_mini->db();
    QVERIFY(PeriodClose::close(db, QStringLiteral("2026-03"), m_options, nullptr));
    QVERIFY(m_mini->addAudit(QStringLiteral("M6"), test::MiniProject::Perfect, QStringLiteral("AG1"), QDate(2026, 3, 20)));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("INSERT INTO import_log(at, who, file_name, file_size, sha256, kind) "
                                  "VALUES ('2026-04-05T08:00:00Z', 'Lead', 'late.csv', 10, 'x', 'audits-long')")));
    ChangeEntry correction;
    correction.entity = QStringLiteral("audit");
    correction.entityId = QStringLiteral("M3");
    correction.field = QStringLiteral("tone");
    correction.oldValue = 3;
    correction.newValue = 3;
    QVERIFY(ChangeLog::record(db, correction));

    const QList<Restatement> r = PeriodClose::restatements(db);
    QCOMPARE(r.size(), 4);
    const QString why = QStringLiteral("1 audit change and 1 import since it was closed");
    QCOMPARE(r.at(0).text(), QStringLiteral("2026-03 QA score restated 64.0 → 70.0: ") + why);
    QCOMPARE(r.at(1).text(), QStringLiteral("2026-03 pass rate restated 60.0 → 66.7: ") + why);
    QCOMPARE(r.at(2).text(), QStringLiteral("2026-03 critical error rate restated 20.0 → 16.7: ") + why);
    QCOMPARE(r.at(3).text(), QStringLiteral("2026-03 audits restated 5 → 6: ") + why);
}

void TestClosePeriod::refusals_data()
{
    QTest::addColumn<QString>("period");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a period") << QStringLiteral("2026-13") << int(PeriodClose::Error::BadPeriod)
                                  << QStringLiteral("is not a period");
    QTest::newRow("custom range") << QStringLiteral("2026-03-01..2026-03-15") << int(PeriodClose::Error::BadPeriod)
                                  << QStringLiteral("is not a period");
    QTest::newRow("not over") << QStringLiteral("2026-04") << int(PeriodClose::Error::NotOver)
                              << QStringLiteral("2026-04 is not over yet (it ends 2026-04-30)");
    QTest::newRow("no data") << QStringLiteral("2026-01") << int(PeriodClose::Error::NoData)
                             << QStringLiteral("2026-01 has no audits and no CSAT responses");
}

void TestClosePeriod::refusals()
{
    QFETCH(QString, period);
    QFETCH(int, code);
    QFETCH(QString, message);
    QString error;
    PeriodClose::Error got = PeriodClose::Error::None;
    QVERIFY(!PeriodClose::close(m_mini->db(), period, m_options, &error, &got));
    QCOMPARE(int(got), code);
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(count(m_mini->db(), QStringLiteral("SELECT count(*) FROM period_snapshots")), 0);
}

void TestClosePeriod::storedReports()
{
    PeriodClose::Options options = m_options;
    const QByteArray pdf("%PDF-1.7\n% a rendered report\n%%EOF\n");
    options.reports = {{QStringLiteral("monthly-quality"), QStringLiteral("pdf"), pdf}};
    const auto s = PeriodClose::close(m_mini->db(), QStringLiteral("2026-03"), options, nullptr);
    QVERIFY(s);
    const QList<PeriodClose::StoredReport> reports = PeriodClose::reports(*s);
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.first().templateName, QStringLiteral("monthly-quality"));
    QCOMPARE(reports.first().size, pdf.size());
    QCOMPARE(reports.first().sha256,
             QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(PeriodClose::reportBytes(*s, QStringLiteral("monthly-quality"), QStringLiteral("pdf")), pdf);
    QVERIFY(PeriodClose::reportBytes(*s, QStringLiteral("mbr"), QStringLiteral("pdf")).isEmpty());
}

void TestClosePeriod::cli()
{
    m_mini->close();
    const QString period = QStringLiteral("--period");
    Run r = ::cli({m_path, period, QStringLiteral("2026-03")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("2026-03 closed by ")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("KPIs: QA score 64.0, pass rate 60.0, critical error rate 20.0, CSAT % —, "
                                           "audits 5, CSAT responses ")),
             qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("Restatements: none")));
    // The Monthly Quality Report, rendered and kept with its SHA-256.
    QVERIFY2(r.out.contains(QStringLiteral("Report: monthly-quality (pdf, ")), qPrintable(r.out));
    r = ::cli({m_path, period, QStringLiteral("2026-03")});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(QStringLiteral("already closed")), qPrintable(r.err));
    QCOMPARE(::cli({m_path, period, QStringLiteral("2026-03"), QStringLiteral("--force")}).code, 0);
    QCOMPARE(::cli({m_path, period, QStringLiteral("2026-01")}).code, 3);
    QCOMPARE(::cli({m_path, period, QStringLiteral("March")}).code, 2);
    QCOMPARE(::cli({m_path}).code, 2);
    QCOMPARE(::cli({m_dir.filePath(QStringLiteral("none.qlens")), period, QStringLiteral("2026-03")}).code, 4);
}

QTEST_GUILESS_MAIN(TestClosePeriod)
#include "tst_closeperiod.moc"

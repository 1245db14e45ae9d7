// SPDX-License-Identifier: GPL-3.0-or-later
// Project settings and the change log: defaults, validation, one transaction with the log entry.
#include "store/changelog.h"
#include "store/project.h"
#include "store/projectsettings.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void defaults();
    void setWritesValueAndLog();
    void unchangedValueWritesNothing();
    void invalidValues_data();
    void invalidValues();
    void valuesSurviveReopen();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
};

void TestSettings::init()
{
    ProjectError err;
    m_project = Project::create(m_dir.filePath(QStringLiteral("s.qlens")), true, &err);
    QVERIFY2(m_project, qPrintable(err.message));
}

void TestSettings::cleanup()
{
    m_project.reset();
}

void TestSettings::defaults()
{
    ProjectSettings s(m_project->database());
    // scoring.md: minimum sample 10 audits or 20 responses; counted types random and targeted.
    QCOMPARE(s.minSampleAudits(), 10);
    QCOMPARE(s.minSampleResponses(), 20);
    QCOMPARE(s.countedSampleTypes(), (QStringList{"random", "targeted"}));
    QCOMPARE(s.periodDate(), QStringLiteral("date"));
    // calibration.md: tolerance 5 points, disagreement threshold 20%.
    QCOMPARE(s.calibrationTolerance(), 5.0);
    QCOMPARE(s.disagreementThreshold(), 20.0);
    QCOMPARE(s.value(ProjectSettings::AlphaWindowDays).toInt(), 90);
    QCOMPARE(s.value(ProjectSettings::SamplingPlanPerAgentMonth).toInt(), 8);
}

void TestSettings::setWritesValueAndLog()
{
    ProjectSettings s(m_project->database());
    QSignalSpy spy(&s, &ProjectSettings::changed);
    QString error;
    QVERIFY2(s.setValue(ProjectSettings::MinSampleAudits, 15, QStringLiteral("agreed with ops"), &error), qPrintable(error));
    QCOMPARE(s.minSampleAudits(), 15);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<ProjectSettings::Key>(), ProjectSettings::MinSampleAudits);

    QVERIFY(s.setValue(ProjectSettings::CountedSampleTypes, QStringList{"random"}, QString(), &error));
    QCOMPARE(s.countedSampleTypes(), QStringList{"random"});

    const auto log = ChangeLog::forEntity(m_project->database(), QStringLiteral("setting"), QStringLiteral("min_sample_audits"));
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.at(0).oldValue.toString(), QStringLiteral("10"));
    QCOMPARE(log.at(0).newValue.toString(), QStringLiteral("15"));
    QCOMPARE(log.at(0).reason, QStringLiteral("agreed with ops"));
    QVERIFY(!log.at(0).who.isEmpty());
    QVERIFY(!log.at(0).at.isEmpty());
    const auto types = ChangeLog::forEntity(m_project->database(), QStringLiteral("setting"), QStringLiteral("counted_sample_types"));
    QCOMPARE(types.size(), 1);
    QCOMPARE(types.at(0).oldValue.toString(), QStringLiteral("[\"random\",\"targeted\"]"));
}

void TestSettings::unchangedValueWritesNothing()
{
    ProjectSettings s(m_project->database());
    QSignalSpy spy(&s, &ProjectSettings::changed);
    QVERIFY(s.setValue(ProjectSettings::MinSampleAudits, 10, QString()));
    QCOMPARE(spy.count(), 0);
    QCOMPARE(ChangeLog::lastId(m_project->database()), 0);
}

void TestSettings::invalidValues_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("says");
    QTest::newRow("minimum sample zero") << int(ProjectSettings::MinSampleAudits) << QVariant(0) << QStringLiteral("from 1");
    QTest::newRow("minimum sample text") << int(ProjectSettings::MinSampleAudits) << QVariant("ten") << QStringLiteral("\"ten\"");
    QTest::newRow("unknown sample type") << int(ProjectSettings::CountedSampleTypes) << QVariant(QStringList{"random", "vip"})
                                         << QStringLiteral("\"vip\" is not a sample type");
    QTest::newRow("no sample type") << int(ProjectSettings::CountedSampleTypes) << QVariant(QStringList{}) << QStringLiteral("at least one");
    QTest::newRow("period date") << int(ProjectSettings::PeriodDate) << QVariant("created") << QStringLiteral("interaction_date");
    QTest::newRow("page size") << int(ProjectSettings::ReportPageSize) << QVariant("A3") << QStringLiteral("A4 or Letter");
    QTest::newRow("tolerance over 100") << int(ProjectSettings::CalibrationTolerance) << QVariant(150) << QStringLiteral("to 100");
}

void TestSettings::invalidValues()
{
    QFETCH(int, key);
    QFETCH(QVariant, value);
    QFETCH(QString, says);
    ProjectSettings s(m_project->database());
    const QVariant before = s.value(ProjectSettings::Key(key));
    QString error;
    QVERIFY(!s.setValue(ProjectSettings::Key(key), value, QString(), &error));
    QVERIFY2(error.contains(says), qPrintable(error));
    QCOMPARE(s.value(ProjectSettings::Key(key)), before);
    QCOMPARE(ChangeLog::lastId(m_project->database()), 0);
}

void TestSettings::valuesSurviveReopen()
{
    const QString path = m_project->path();
    {
        ProjectSettings s(m_project->database());
        QVERIFY(s.setValue(ProjectSettings::OrganisationName, QStringLiteral("Acme Support"), QString()));
        QVERIFY(s.setValue(ProjectSettings::CalibrationTolerance, 7.5, QString()));
    }
    m_project.reset();
    ProjectError err;
    m_project = Project::open(path, Project::Access::ReadOnly, Project::Check::Now, &err);
    QVERIFY(m_project);
    ProjectSettings s(m_project->database());
    QCOMPARE(s.organisationName(), QStringLiteral("Acme Support"));
    QCOMPARE(s.calibrationTolerance(), 7.5);
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The Charts page driven headless on a small generated project: every preset renders in the preview
// at the output size, a bad spec says why, and export and copy give the output's pixels.
#include "charts/chartspage.h"
#include "chartscene.h"
#include "demo/demogenerator.h"
#include "store/project.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

class TestChartsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPresetRenders();
    void badSpecSaysWhy();
    void exportAndCopy();
    void noProject();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
};

void TestChartsPage::initTestCase()
{
    ProjectError error;
    m_project = Project::create(m_dir.filePath(QStringLiteral("page.qlens")), false, &error);
    QVERIFY2(m_project, qPrintable(error.message));
    DemoOptions options;
    options.agents = 16;
    options.months = 6;
    options.auditsPerAgentMonth = 4;
    QString message;
    QVERIFY2(generateDemo(*m_project, options, {}, &message), qPrintable(message));
}

void TestChartsPage::everyPresetRenders()
{
    ChartsPage page;
    page.setProject(m_project.get());
    auto *preset = page.findChild<QComboBox *>(QStringLiteral("preset"));
    QVERIFY(preset);
    for (int i = 1; i < preset->count(); ++i) {
        QSignalSpy rendered(&page, &ChartsPage::chartRendered);
        preset->setCurrentIndex(i);
        QVERIFY2(rendered.wait(60000), qPrintable(preset->itemText(i) + QStringLiteral(": ") + page.previewMessage()));
        QVERIFY(page.currentChart());
        QCOMPARE(page.currentChart()->size(), QSize(1920, 1080));
    }
    // The size follows the choice, so the preview has the output's aspect ratio.
    QSignalSpy rendered(&page, &ChartsPage::chartRendered);
    page.findChild<QComboBox *>(QStringLiteral("size"))->setCurrentIndex(1);
    QVERIFY(rendered.wait(60000));
    QCOMPARE(page.currentChart()->size(), QSize(1440, 1080));
    page.setProject(nullptr);
}

void TestChartsPage::badSpecSaysWhy()
{
    ChartsPage page;
    page.setProject(m_project.get());
    page.findChild<QLineEdit *>(QStringLiteral("measures"))->setText(QStringLiteral("joy"));
    QTRY_VERIFY_WITH_TIMEOUT(page.previewMessage().contains(QStringLiteral("joy")), 10000);
    QVERIFY(!page.currentChart());
    page.setProject(nullptr);
}

void TestChartsPage::exportAndCopy()
{
    ChartsPage page;
    QSignalSpy rendered(&page, &ChartsPage::chartRendered);
    page.setProject(m_project.get());
    QVERIFY(rendered.wait(60000));
    QString error;
    const QString png = m_dir.filePath(QStringLiteral("chart.png"));
    QVERIFY2(page.exportTo(png, 2, &error), qPrintable(error));
    QCOMPARE(QImage(png).size(), QSize(3840, 2160));
    QVERIFY(page.exportTo(m_dir.filePath(QStringLiteral("chart.svg")), 1, &error));
    QVERIFY(page.exportTo(m_dir.filePath(QStringLiteral("chart.pdf")), 1, &error));
    QVERIFY(!page.exportTo(m_dir.filePath(QStringLiteral("chart.gif")), 1, &error));
    page.copyToClipboard();
    QCOMPARE(QApplication::clipboard()->image().size(), QSize(3840, 2160));
    page.setProject(nullptr);
}

void TestChartsPage::noProject()
{
    ChartsPage page;
    QVERIFY(!page.currentChart());
    QVERIFY(page.previewMessage().contains(QStringLiteral("Open a project")));
}

QTEST_MAIN(TestChartsPage)
#include "tst_chartspage.moc"

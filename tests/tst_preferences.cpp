// SPDX-License-Identifier: GPL-3.0-or-later
// Edit → Preferences… on a real project: the organisation and the brand theme (colours, font,
// logo) written to the project's settings with their change-log rows, refused with the setting's
// message when wrong (nothing written), read back when the dialog opens again, applied by a
// brand-theme render, and undone and redone on the undo stack, each step logged.
#include "chart/waterfall.h"
#include "chartexport.h"
#include "chartscene.h"
#include "chartsize.h"
#include "charttheme.h"
#include "preferences/preferencescommand.h"
#include "preferences/preferencesdialog.h"
#include "rca/rcaengine.h"
#include "store/project.h"
#include "store/projectsettings.h"

#include <QComboBox>
#include <QGroupBox>
#include <QImage>
#include <QLineEdit>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ql;

namespace {

int changeLogRows(const QSqlDatabase &db, const QString &key)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'setting' AND entity_id = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toInt();
}

// A small waterfall needing no data: QA score 80 → 76 by team (A −5, B +1).
std::pair<ChartSpec, ChartData> sampleChart()
{
    QString error;
    rca::Result r;
    r.request.metric = *rca::Metric::parse(QStringLiteral("pass_rate"), &error);
    r.request.base = *rca::Period::parse(QStringLiteral("2026-09"));
    r.request.current = *rca::Period::parse(QStringLiteral("2026-10"));
    r.analysis.base = {100, 80.0, std::nullopt};
    r.analysis.current = {100, 76.0, std::nullopt};
    r.analysis.delta = -4;
    rca::Dimension d;
    d.name = QStringLiteral("team");
    rca::Element a, b;
    a.label = QStringLiteral("A");
    a.contribution = a.rateEffect = -5;
    b.label = QStringLiteral("B");
    b.contribution = b.rateEffect = 1;
    d.elements = {a, b};
    r.analysis.dimensions << d;
    ChartSpec spec = waterfallSpec(r);
    spec.theme = QStringLiteral("brand");
    return {spec, *waterfallChartData(r, &error)};
}

} // namespace

class TestPreferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writesTheBrand();
    void refusesWhatIsWrong();
    void brandAppliedInARender();
    void undoAndRedo();
    void withoutProject();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    QString m_logoPath;
};

void TestPreferences::initTestCase()
{
    QVERIFY(m_dir.isValid());
    ProjectError error;
    m_project = Project::create(m_dir.filePath(QStringLiteral("prefs.qlens")), false, &error);
    QVERIFY2(m_project, qPrintable(error.message));
    // A JPEG logo, 1200 px high: kept as a PNG, scaled to 600 px.
    QImage logo(400, 1200, QImage::Format_RGB32);
    logo.fill(QColor(0xFF, 0x00, 0x00));
    m_logoPath = m_dir.filePath(QStringLiteral("logo.jpg"));
    QVERIFY(logo.save(m_logoPath, "JPEG"));
}

void TestPreferences::writesTheBrand()
{
    {
        PreferencesDialog dialog(m_project.get());
        auto *organisation = dialog.findChild<QLineEdit *>(QStringLiteral("organisationName"));
        auto *colours = dialog.findChild<QLineEdit *>(QStringLiteral("brandColours"));
        auto *font = dialog.findChild<QComboBox *>(QStringLiteral("brandFont"));
        QVERIFY(organisation && colours && font);
        QCOMPARE(font->currentData().toString(), QString()); // Inter by default
        organisation->setText(QStringLiteral("  Acme Support  "));
        colours->setText(QStringLiteral("#123456, #abcdef"));
        const int dejaVu = font->findData(QStringLiteral("DejaVu Sans"));
        QVERIFY2(dejaVu > 0, "DejaVu Sans is on every machine the tests run on");
        font->setCurrentIndex(dejaVu);
        QString error;
        QVERIFY2(dialog.setLogoFile(m_logoPath, &error), qPrintable(error));
        QVERIFY(dialog.logoPng().startsWith("\x89PNG"));
        QVERIFY2(dialog.apply(&error), qPrintable(error));
    }
    const ProjectSettings settings(m_project->database());
    QCOMPARE(settings.organisationName(), QStringLiteral("Acme Support"));
    QCOMPARE(settings.chartBrandColours(), (QStringList{"#123456", "#ABCDEF"}));
    QCOMPARE(settings.chartBrandFont(), QStringLiteral("DejaVu Sans"));
    QImage stored;
    QVERIFY(stored.loadFromData(settings.chartBrandLogo(), "PNG"));
    QCOMPARE(stored.size(), QSize(200, 600)); // 400 × 1200 halved
    // One logged write per setting.
    for (const char *key : {"organisation_name", "chart_brand_colours", "chart_brand_font", "chart_brand_logo"})
        QVERIFY2(changeLogRows(m_project->database(), QString::fromLatin1(key)) == 1, key);
    // Opening again shows what is stored; OK without changes writes nothing more.
    PreferencesDialog again(m_project.get());
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("organisationName"))->text(), QStringLiteral("Acme Support"));
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("brandColours"))->text(), QStringLiteral("#123456, #ABCDEF"));
    QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("brandFont"))->currentData().toString(),
             QStringLiteral("DejaVu Sans"));
    QString error;
    QVERIFY(again.apply(&error));
    QCOMPARE(changeLogRows(m_project->database(), QStringLiteral("chart_brand_colours")), 1);
}

void TestPreferences::refusesWhatIsWrong()
{
    PreferencesDialog dialog(m_project.get());
    QUndoStack stack;
    dialog.setUndoStack(&stack);
    // A good organisation name beside a bad colour: nothing is written, nothing is on the stack.
    dialog.findChild<QLineEdit *>(QStringLiteral("organisationName"))->setText(QStringLiteral("Half Written Ltd"));
    dialog.findChild<QLineEdit *>(QStringLiteral("brandColours"))->setText(QStringLiteral("#123456, blue-ish"));
    QString error;
    QVERIFY(!dialog.apply(&error));
    QVERIFY2(error.contains(QStringLiteral("chart_brand_colours")) && error.contains(QStringLiteral("BLUE-ISH")),
             qPrintable(error));
    QCOMPARE(ProjectSettings(m_project->database()).chartBrandColours(), (QStringList{"#123456", "#ABCDEF"}));
    QCOMPARE(ProjectSettings(m_project->database()).organisationName(), QStringLiteral("Acme Support"));
    QCOMPARE(changeLogRows(m_project->database(), QStringLiteral("organisation_name")), 1);
    QCOMPARE(stack.count(), 0);
    QVERIFY(!dialog.setLogoFile(m_dir.filePath(QStringLiteral("prefs.qlens")), &error));
    QVERIFY(error.contains(QStringLiteral("not an image")));
}

void TestPreferences::brandAppliedInARender()
{
    const ProjectSettings settings(m_project->database());
    const ChartTheme theme = ChartTheme::named(QStringLiteral("brand"), ChartBrand::fromSettings(settings));
    QCOMPARE(theme.series(0), QColor(0x12, 0x34, 0x56));
    const auto [spec, data] = sampleChart();
    const ChartScene chart(spec, data, theme, ChartSize::slide16x9());
    const QImage image = ChartExport::image(chart, 1);
    // The totals are drawn in the brand's main colour, the logo (red) at the top right.
    int brand = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            brand += (image.pixel(x, y) & 0xFFFFFF) == 0x123456;
    QVERIFY2(brand > 500, qPrintable(QString::number(brand)));
    const QColor logo(image.pixel(1920 - 72 - 10, 52 + 36));
    QVERIFY2(logo.red() > 200 && logo.green() < 60 && logo.blue() < 60, qPrintable(logo.name()));
    // The title in the brand font.
    const QString svg = QString::fromUtf8(ChartExport::svg(chart));
    const qsizetype at = svg.indexOf(QStringLiteral(">%1</text>").arg(spec.title.toHtmlEscaped()));
    QVERIFY(at > 0);
    const QString tag = svg.mid(svg.lastIndexOf(QStringLiteral("<text"), at), 400);
    QVERIFY2(tag.contains(QStringLiteral("font-family=\"'DejaVu Sans'")), qPrintable(tag));
}

// Applying pushes one command on the stack: undo writes the old organisation and colours back,
// redo the new ones, each write a change-log row (apply, undo, redo: 3 rows per key), and the
// page callback runs after each.
void TestPreferences::undoAndRedo()
{
    const QSqlDatabase db = m_project->database();
    const int orgRows = changeLogRows(db, QStringLiteral("organisation_name"));
    const int colourRows = changeLogRows(db, QStringLiteral("chart_brand_colours"));
    const int fontRows = changeLogRows(db, QStringLiteral("chart_brand_font"));
    QUndoStack stack;
    int notified = 0;
    {
        PreferencesDialog dialog(m_project.get());
        dialog.setUndoStack(&stack);
        dialog.setNotify([&notified] { ++notified; });
        dialog.findChild<QLineEdit *>(QStringLiteral("organisationName"))->setText(QStringLiteral("Beta Care"));
        dialog.findChild<QLineEdit *>(QStringLiteral("brandColours"))->setText(QStringLiteral("#654321"));
        QString error;
        QVERIFY2(dialog.apply(&error), qPrintable(error));
    }
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), QStringLiteral("Change Preferences"));
    QCOMPARE(notified, 1);
    ProjectSettings settings(db);
    QCOMPARE(settings.organisationName(), QStringLiteral("Beta Care"));
    QCOMPARE(settings.chartBrandColours(), QStringList{"#654321"});
    QCOMPARE(changeLogRows(db, QStringLiteral("organisation_name")), orgRows + 1);
    QCOMPARE(changeLogRows(db, QStringLiteral("chart_brand_font")), fontRows); // unchanged: not logged

    stack.undo();
    QCOMPARE(notified, 2);
    QCOMPARE(settings.organisationName(), QStringLiteral("Acme Support"));
    QCOMPARE(settings.chartBrandColours(), (QStringList{"#123456", "#ABCDEF"}));
    QCOMPARE(settings.chartBrandFont(), QStringLiteral("DejaVu Sans"));
    QCOMPARE(changeLogRows(db, QStringLiteral("organisation_name")), orgRows + 2);
    QCOMPARE(changeLogRows(db, QStringLiteral("chart_brand_colours")), colourRows + 2);

    stack.redo();
    QCOMPARE(notified, 3);
    QCOMPARE(settings.organisationName(), QStringLiteral("Beta Care"));
    QCOMPARE(settings.chartBrandColours(), QStringList{"#654321"});
    QCOMPARE(changeLogRows(db, QStringLiteral("organisation_name")), orgRows + 3);
    QCOMPARE(changeLogRows(db, QStringLiteral("chart_brand_font")), fontRows);

    // The log reads as a story: old → new, new → old, old → new, with why.
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT old_value, new_value, reason FROM change_log WHERE entity = 'setting' AND "
                                  "entity_id = 'organisation_name' ORDER BY id DESC LIMIT 3")));
    QStringList story;
    while (q.next())
        story.prepend(QStringLiteral("%1 → %2 (%3)").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString()));
    QCOMPARE(story, (QStringList{QStringLiteral("Acme Support → Beta Care (Preferences)"),
                                 QStringLiteral("Beta Care → Acme Support (Preferences (undo))"),
                                 QStringLiteral("Acme Support → Beta Care (Preferences (redo))")}));

    // OK with nothing changed pushes nothing.
    PreferencesDialog again(m_project.get());
    again.setUndoStack(&stack);
    QString error;
    QVERIFY(again.apply(&error));
    QCOMPARE(stack.count(), 1);
    stack.undo(); // leave the project as the other tests expect
    QCOMPARE(settings.organisationName(), QStringLiteral("Acme Support"));
}

void TestPreferences::withoutProject()
{
    PreferencesDialog dialog(nullptr);
    auto *group = dialog.findChild<QGroupBox *>();
    QVERIFY(group && !group->isEnabled());
    QVERIFY(group->title().contains(QStringLiteral("Open a project")));
    QString error;
    QVERIFY(dialog.apply(&error));
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// File → Import… in the main window, end to end on a messy file, as a user would: a Windows-1252,
// semicolon-separated, CRLF file with US dates, N/A and 600 answer rows, whose last audit uses a
// criterion name and an answer text that the first 500 rows never show (the mapping step's lists
// must come from the whole file); a Product column added as a custom dimension in the mapping step;
// an agent id the project does not know mapped to an existing agent on the check page, another
// created. The import waits for the project's background check; afterwards the Data page shows
// the new audits without being asked (the pages reload).
//
// With QL_SCREENSHOT_DIR set, the mapping and check steps are saved there as PNGs.
#include "common/page.h"
#include "common/uistate.h"
#include "data/datapage.h"
#include "data/recordbrowser.h"
#include "data/recordtablemodel.h"
#include "import/importcheckpage.h"
#include "import/importer.h"
#include "import/importfilepage.h"
#include "import/importmappingpage.h"
#include "import/importpreviewpage.h"
#include "import/importrunpage.h"
#include "import/importwizard.h"
#include "import/scorecardimport.h"
#include "mainwindow.h"
#include "projectsession.h"
#include "store/project.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

namespace {

const QString DataDir = QStringLiteral(QL_TESTDATA_DIR "/import/");

void shoot(QWidget *w, const QString &name)
{
    const QByteArray dir = qgetenv("QL_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w->grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + name + QStringLiteral(".png"));
}

void click(QWizard &wizard, QWizard::WizardButton which)
{
    QAbstractButton *button = wizard.button(which);
    QVERIFY(button->isVisible());
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

void choose(QComboBox *combo, const QVariant &data)
{
    const int at = combo->findData(data);
    QVERIFY2(at >= 0, qPrintable(data.toString()));
    combo->setCurrentIndex(at);
    Q_EMIT combo->activated(at);
}

QStringList firstColumn(const QTableWidget *table)
{
    QStringList out;
    for (int row = 0; row < table->rowCount(); ++row)
        out << table->item(row, 0)->text();
    return out;
}

constexpr int Audits = 200; // × 3 answers = 600 rows

// The agent of audit i: every third is "jnunez" (José Núñez's id in the QA tool, mapped to his
// roster id AG-7), the next AG-8 (in the roster), the next "newbie" (created).
QString agentOf(int i)
{
    return i % 3 == 0 ? QStringLiteral("jnunez") : i % 3 == 1 ? QStringLiteral("AG-8") : QStringLiteral("newbie");
}

// Writes the messy file: Windows-1252, ';', CRLF, M/d/yyyy dates, N/A. The last audit (rows 598 to
// 600, after the first 500 records) names its tone criterion "Empathie" and answers it "n.a.".
QString writeMessyFile(const QString &path)
{
    QString text = QStringLiteral("Review ID;Conversation ID;Reviewed at;Reviewee;Reviewer;Category;Rating;Comment;"
                                  "Product\r\n");
    for (int i = 0; i < Audits; ++i) {
        const bool last = i == Audits - 1;
        const QString head = QStringLiteral("Q%1;T%1;3/%2/2026;%3;qa%4;").arg(i).arg(1 + i % 28).arg(agentOf(i)).arg(1 + i % 2);
        const QString product = i % 2 == 0 ? QStringLiteral("Plan A") : QStringLiteral("Plan B");
        text += head + QStringLiteral("Identity;%1;;%2\r\n").arg(i % 10 == 9 ? QStringLiteral("N") : QStringLiteral("Y"), product);
        text += head + QStringLiteral("%1;%2;\"Très “warm”; merci\";%3\r\n")
                           .arg(last ? QStringLiteral("Empathie") : QStringLiteral("Empathy"),
                                last ? QStringLiteral("n.a.") : i % 7 == 0 ? QStringLiteral("N/A") : QString::number(1 + i % 5),
                                product);
        text += head + QStringLiteral("Resolution;%1;;%2\r\n")
                           .arg(i % 4 == 0 ? QStringLiteral("Partial") : QStringLiteral("Yes"), product);
    }
    // Windows-1252: Latin-1 for these characters, but “ and ” are 0x93 and 0x94.
    QByteArray fixed;
    for (const QChar c : std::as_const(text)) {
        if (c == QChar(0x201C))
            fixed += char(0x93);
        else if (c == QChar(0x201D))
            fixed += char(0x94);
        else
            fixed += char(c.unicode());
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(fixed) != fixed.size())
        return f.errorString();
    return {};
}

qint64 count(const QString &connection, const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(connection));
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestImportWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void messyFileEndToEnd();

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_file;
};

void TestImportWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QualityLensTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_importwindow"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath(QStringLiteral("window.qlens"));
    m_file = m_dir.filePath(QStringLiteral("qa-export.csv"));
    const QString written = writeMessyFile(m_file);
    QVERIFY2(written.isEmpty(), qPrintable(written));

    // A project with the scorecard and a roster of two agents.
    ProjectError error;
    auto project = Project::create(m_project, true, &error);
    QVERIFY2(project, qPrintable(error.message));
    const auto card = ScorecardImport::importFile(project->database(), DataDir + QStringLiteral("support-qa-v1.json"));
    QVERIFY2(card.ok, qPrintable(card.error));
    const QString roster = m_dir.filePath(QStringLiteral("roster.csv"));
    QFile f(roster);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("agent,name\nAG-7,José Núñez\nAG-8,Zoë Ångström\n");
    f.close();
    QString why;
    const auto mapping = ImportMapping::parse(
        R"({"kind": "agents", "columns": {"agent": "agent", "name": "name"}})", &why);
    QVERIFY2(mapping, qPrintable(why));
    const ImportResult r = Importer(project->database(), *mapping).run(roster, {});
    QVERIFY2(r.status == ImportResult::Imported, qPrintable(r.error));
    QCOMPARE(r.summary.inserted, 2);
}

void TestImportWindow::messyFileEndToEnd()
{
    UiState::setLastPage(QStringLiteral("data"));
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    window.openProject(m_project);
    QTRY_VERIFY(window.session()->isOpen());
    auto *data = qobject_cast<DataPage *>(window.page(QStringLiteral("data")));
    QVERIFY(data);
    RecordBrowser *audits = data->browser(RecordKind::Audits);
    audits->activate();
    QTRY_VERIFY(audits->model()->isLoaded() && !audits->model()->isLoading());
    QCOMPARE(audits->model()->rowCount(), 0);

    // File → Import… with the file.
    window.openImportWizard(m_file);
    ImportWizard *wizard = window.importWizard();
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(wizard->filePage()->kindChoice()->currentData().toInt(), int(ImportWizard::Choice::AuditsLong));
    click(*wizard, QWizard::NextButton);

    // Preview: Windows-1252 and semicolons detected. The whole file's values are read meanwhile.
    ImportPreviewPage *preview = wizard->previewPage();
    QTRY_VERIFY(!preview->isLoading());
    QVERIFY2(preview->encodingLabel()->text().startsWith(QStringLiteral("Windows-1252")),
             qPrintable(preview->encodingLabel()->text()));
    QCOMPARE(preview->table()->item(0, 7)->text(), QString()); // Identity has no comment
    QCOMPARE(preview->table()->item(1, 7)->text(), QStringLiteral("Très “warm”; merci"));
    QTRY_VERIFY_WITH_TIMEOUT(wizard->hasColumnValues(), 30000);
    QCOMPARE(wizard->columnValues().records, 3 * Audits);
    click(*wizard, QWizard::NextButton);

    // Mapping: the criterion names and answer texts of all 600 rows, "Empathie" and "n.a." of the
    // last audit included (the first 500 rows have neither).
    ImportMappingPage *mapping = wizard->mappingPage();
    QCOMPARE(mapping->column(QStringLiteral("agent")), QStringLiteral("Reviewee"));
    QCOMPARE(mapping->column(QStringLiteral("criterion")), QStringLiteral("Category"));
    QCOMPARE(mapping->column(QStringLiteral("value")), QStringLiteral("Rating"));
    QCOMPARE(mapping->valuesNote()->text(), QStringLiteral("From all 600 rows of the file."));
    QCOMPARE(firstColumn(mapping->criteriaTable()),
             (QStringList{QStringLiteral("Identity"), QStringLiteral("Empathy"), QStringLiteral("Resolution"),
                          QStringLiteral("Empathie")}));
    QCOMPARE(firstColumn(mapping->valuesTable()),
             (QStringList{QStringLiteral("Y"), QStringLiteral("N/A"), QStringLiteral("Partial"), QStringLiteral("Yes"),
                          QStringLiteral("N"), QStringLiteral("n.a.")})); // not numbers, in order of first use
    mapping->dateFormatChoice()->setCurrentText(QStringLiteral("M/d/yyyy"));
    QCOMPARE(mapping->sampleText(QStringLiteral("date")), QStringLiteral("2026-03-01 · 2026-03-02 · 2026-03-03"));
    QTableWidget *criteria = mapping->criteriaTable();
    choose(qobject_cast<QComboBox *>(criteria->cellWidget(0, 1)), QStringLiteral("verify_identity"));
    choose(qobject_cast<QComboBox *>(criteria->cellWidget(1, 1)), QStringLiteral("tone"));
    choose(qobject_cast<QComboBox *>(criteria->cellWidget(3, 1)), QStringLiteral("tone"));
    QVERIFY(mapping->setValue(QStringLiteral("Y"), QStringLiteral("1")));
    QVERIFY(mapping->setValue(QStringLiteral("N"), QStringLiteral("0")));
    QVERIFY(mapping->setValue(QStringLiteral("n.a."), QStringLiteral("na")));
    // A custom dimension: typed and added; its column is the header of that name.
    auto *name = mapping->findChild<QLineEdit *>(QStringLiteral("dimensionName"));
    auto *add = mapping->findChild<QPushButton *>(QStringLiteral("addDimension"));
    QVERIFY(name && add);
    QVERIFY(!add->isEnabled());
    QTest::keyClicks(name, QStringLiteral("team")); // built in: refused, with the reason
    QTest::mouseClick(add, Qt::LeftButton);
    QVERIFY2(mapping->errorLabel()->text().contains(QStringLiteral("built-in")), qPrintable(mapping->errorLabel()->text()));
    QCOMPARE(mapping->column(QStringLiteral("dim:team")), QString());
    name->clear();
    QTest::keyClicks(name, QStringLiteral("product"));
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(mapping->column(QStringLiteral("dim:product")), QStringLiteral("Product"));
    QCOMPARE(mapping->sampleText(QStringLiteral("dim:product")), QStringLiteral("Plan A · Plan B"));
    QVERIFY(name->text().isEmpty());
    mapping->tabs()->setCurrentIndex(0);
    shoot(wizard, QStringLiteral("import-window-mapping"));
    click(*wizard, QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(ImportWizard::CheckPageId));

    // Check: every row valid; two agent ids are not in the project: jnunez is imported as AG-7,
    // newbie becomes a new agent.
    ImportCheckPage *check = wizard->checkPage();
    QTRY_VERIFY_WITH_TIMEOUT(!check->isChecking(), 60000);
    QCOMPARE(check->problemsModel()->rowCount(), 0);
    QCOMPARE(check->summaryLabel()->text(),
             QStringLiteral("All 600 rows can be imported: 200 new, 0 changed, 0 unchanged."));
    QVERIFY(check->agentsTable()->isVisible());
    QCOMPARE(firstColumn(check->agentsTable()), (QStringList{QStringLiteral("jnunez"), QStringLiteral("newbie")}));
    auto *asWhat = qobject_cast<QComboBox *>(check->agentsTable()->cellWidget(0, 1));
    QCOMPARE(asWhat->currentData().toString(), QString()); // a new agent, unless chosen
    QCOMPARE(asWhat->count(), 3);                          // a new agent, AG-7, AG-8
    QCOMPARE(asWhat->itemText(1), QStringLiteral("José Núñez (AG-7)"));
    QVERIFY(!check->setAgentChoice(QStringLiteral("jnunez"), QStringLiteral("AG-99")));
    choose(asWhat, QStringLiteral("AG-7"));
    QCOMPARE(check->agentMap(), (QHash<QString, QString>{{QStringLiteral("jnunez"), QStringLiteral("AG-7")}}));
    shoot(wizard, QStringLiteral("import-window-check"));

    // Import: it waits for the project's background check if that is still running, then writes.
    click(*wizard, QWizard::CommitButton);
    ImportRunPage *run = wizard->runPage();
    QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 60000);
    QVERIFY(window.session()->project()->isVerified()); // the check passed before anything was written
    QCOMPARE(run->outcome().data.status, ImportResult::Imported);
    QCOMPARE(run->summaryValue(QStringLiteral("Inserted")), QStringLiteral("200"));
    QCOMPARE(run->summaryValue(QStringLiteral("Agents created")), QStringLiteral("1")); // newbie only

    // The Data page reloaded by itself and shows the 200 audits.
    QTRY_COMPARE(audits->model()->rowCount(), Audits);

    // What was stored, read on a connection of its own.
    const QString oracle = QStringLiteral("tst_importwindow_oracle");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), oracle);
        db.setDatabaseName(m_project);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(db.open());
        QCOMPARE(count(oracle, QStringLiteral("SELECT count(*) FROM agents")), 3);
        // jnunez's audits are AG-7's: i = 0, 3, …, 198 → 67 of them.
        QCOMPARE(count(oracle, QStringLiteral("SELECT count(*) FROM audits a JOIN agents g ON g.id = a.agent_id "
                                              "WHERE g.agent_key = 'AG-7'")),
                 67);
        QCOMPARE(count(oracle, QStringLiteral("SELECT count(*) FROM agents WHERE agent_key = 'jnunez'")), 0);
        QCOMPARE(count(oracle, QStringLiteral("SELECT count(*) FROM answers")), 3 * Audits);
        // N/A (i % 7 == 0 for i < 199: 29 audits) and the last audit's n.a.: 30 not applicable.
        QCOMPARE(count(oracle, QStringLiteral("SELECT count(*) FROM answers WHERE na = 1")), 30);
        // Every audit has its product; even i → Plan A: 100.
        QCOMPARE(count(oracle, QStringLiteral("SELECT count(*) FROM audit_dimensions d JOIN custom_dimensions c "
                                              "ON c.id = d.dimension_id WHERE c.name = 'product'")),
                 Audits);
        QCOMPARE(count(oracle, QStringLiteral("SELECT count(*) FROM audit_dimensions WHERE value = 'Plan A'")), 100);
        QCOMPARE(count(oracle, QStringLiteral("SELECT count(*) FROM audits WHERE date = '2026-03-01'")), 8); // i%28==0
    }
    QSqlDatabase::removeDatabase(oracle);
    wizard->close();
}

QTEST_MAIN(TestImportWindow)
#include "tst_importwindow.moc"

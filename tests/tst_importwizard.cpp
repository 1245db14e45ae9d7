// SPDX-License-Identifier: GPL-3.0-or-later
// The import wizard driven as a user would, offscreen: a scorecard, then a messy Windows-1252,
// semicolon-separated long-form audits file with US dates and invalid rows, stepped through every
// page (preview, mapping, check with its problem table, import skipping the rejected rows); and a
// large import cancelled half-way, which must leave the project exactly as it was.
//
// With QL_SCREENSHOT_DIR set, each step is saved there as a PNG (docs/screenshot-import.png comes
// from this).
#include "import/importcheckpage.h"
#include "import/importfilepage.h"
#include "import/importmappingpage.h"
#include "import/importpreviewpage.h"
#include "import/importrunpage.h"
#include "import/importwizard.h"
#include "import/scorecardimport.h"
#include "store/project.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

namespace {

const QString DataDir = QStringLiteral(QL_TESTDATA_DIR "/import/");

qint64 count(const Project &project, const QString &sql)
{
    QSqlQuery q(project.database());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

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

QStringList firstColumn(const QTableWidget *table)
{
    QStringList out;
    for (int row = 0; row < table->rowCount(); ++row)
        out << table->item(row, 0)->text();
    return out;
}

// Picks an item of a combo box by its data, as a user choosing it from the list would.
void choose(QComboBox *combo, const QVariant &data)
{
    const int at = combo->findData(data);
    QVERIFY2(at >= 0, qPrintable(data.toString()));
    combo->setCurrentIndex(at);
    Q_EMIT combo->activated(at);
}

} // namespace

class TestImportWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void scorecardFile();
    void messyAuditsEndToEnd();
    void nothingIsImportedWhileRowsAreRejected();
    void cancelLeavesTheProjectUnchanged();
    void importWaitsForTheProjectCheck();
    void interactionsFile();
    void dimensionsWithoutAColumnStay();
    void agentChoiceIsKeptAsAlias();

private:
    void importScorecard();
    void walkToCheck(ImportWizard &wizard, const QString &file, const QString &mappingFile = {});

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
};

void TestImportWizard::init()
{
    ProjectError error;
    m_project = Project::create(m_dir.filePath(QStringLiteral("%1.qlens").arg(QTest::currentTestFunction())), true,
                                &error);
    QVERIFY2(m_project, qPrintable(error.message));
}

void TestImportWizard::cleanup()
{
    m_project.reset();
}

void TestImportWizard::importScorecard()
{
    const auto r = ScorecardImport::importFile(m_project->database(), DataDir + QStringLiteral("support-qa-v1.json"));
    QVERIFY2(r.ok, qPrintable(r.error));
}

void TestImportWizard::scorecardFile()
{
    ImportWizard wizard(m_project.get());
    QSignalSpy imported(&wizard, &ImportWizard::imported);
    wizard.show();
    ImportFilePage *page = wizard.filePage();
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // no file yet
    QTest::keyClicks(page->pathEdit(), DataDir + QStringLiteral("support-qa-v1.json"));
    // A .json file is a scorecard: the kind follows, and no mapping is asked for.
    QCOMPARE(page->kindChoice()->currentData().toInt(), int(ImportWizard::Choice::Scorecard));
    QVERIFY(!page->mappingChoice()->isEnabled());
    click(wizard, QWizard::NextButton);
    QCOMPARE(wizard.currentId(), int(ImportWizard::RunPageId));
    QTRY_VERIFY(wizard.runPage()->isFinished());
    QCOMPARE(wizard.runPage()->statusLabel()->text(), QStringLiteral("Scorecard Support QA was added as version 1."));
    QCOMPARE(imported.count(), 1);
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM scorecards")), 1);
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM criteria")), 3);
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
}

void TestImportWizard::walkToCheck(ImportWizard &wizard, const QString &file, const QString &mappingFile)
{
    ImportFilePage *filePage = wizard.filePage();
    QTest::keyClicks(filePage->pathEdit(), file);
    if (!mappingFile.isEmpty())
        QVERIFY(filePage->loadMappingFile(mappingFile));
    click(wizard, QWizard::NextButton);
    QCOMPARE(wizard.currentId(), int(ImportWizard::PreviewPageId));
    QTRY_VERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    click(wizard, QWizard::NextButton);
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPageId));
    click(wizard, QWizard::NextButton);
    QCOMPARE(wizard.currentId(), int(ImportWizard::CheckPageId));
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.checkPage()->isChecking(), 60000);
}

void TestImportWizard::messyAuditsEndToEnd()
{
    importScorecard();
    ImportWizard wizard(m_project.get());
    QSignalSpy imported(&wizard, &ImportWizard::imported);
    wizard.resize(1000, 700);
    wizard.show();

    // 1. The file. The kind stays "audits, one row per criterion answer"; the mapping is guessed.
    ImportFilePage *filePage = wizard.filePage();
    QTest::keyClicks(filePage->pathEdit(), DataDir + QStringLiteral("messy-audits-1252.csv"));
    QCOMPARE(filePage->kindChoice()->currentData().toInt(), int(ImportWizard::Choice::AuditsLong));
    QCOMPARE(filePage->mappingChoice()->currentData().toString(), QString());
    // Presets of this kind are offered.
    QVERIFY(filePage->mappingChoice()->findText(QStringLiteral("Preset: "), Qt::MatchStartsWith) > 0);
    shoot(&wizard, QStringLiteral("import-1-file"));
    click(wizard, QWizard::NextButton);

    // 2. The preview: Windows-1252 (the file is not UTF-8), semicolons, the accents right, a quoted
    // comment with a line break inside, and each row's physical line.
    ImportPreviewPage *preview = wizard.previewPage();
    QTRY_VERIFY(!preview->isLoading());
    QVERIFY2(preview->encodingLabel()->text().startsWith(QStringLiteral("Windows-1252")),
             qPrintable(preview->encodingLabel()->text()));
    QVERIFY2(preview->delimiterLabel()->text().contains(QStringLiteral("semicolon")),
             qPrintable(preview->delimiterLabel()->text()));
    QTableWidget *table = preview->table();
    QCOMPARE(table->columnCount(), 12);
    QCOMPARE(table->horizontalHeaderItem(3)->text(), QStringLiteral("Reviewee"));
    QCOMPARE(table->rowCount(), 18);
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("José Núñez"));
    QCOMPARE(table->item(1, 10)->text(), QStringLiteral("Très bien; “warm” tone"));
    QCOMPARE(table->item(2, 10)->toolTip(), QStringLiteral("Offered a refund\r\nthen escalated")); // kept as written
    QCOMPARE(table->verticalHeaderItem(2)->text(), QStringLiteral("4"));
    QCOMPARE(table->verticalHeaderItem(3)->text(), QStringLiteral("6")); // after the two-line record
    shoot(&wizard, QStringLiteral("import-2-preview"));
    // Read as UTF-8 instead, the accents break; back to Detect, they are right again.
    choose(preview->encodingChoice(), QStringLiteral("utf-8"));
    QTRY_VERIFY(!preview->isLoading());
    QVERIFY(table->item(0, 3)->text() != QStringLiteral("José Núñez"));
    choose(preview->encodingChoice(), QStringLiteral("auto"));
    QTRY_VERIFY(!preview->isLoading());
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("José Núñez"));
    click(wizard, QWizard::NextButton);

    // 3. The mapping: every field found by its header, the scorecard preselected.
    ImportMappingPage *mapping = wizard.mappingPage();
    const QList<std::pair<QString, QString>> expected{
        {QStringLiteral("audit_id"), QStringLiteral("Review ID")},  {QStringLiteral("date"), QStringLiteral("Reviewed at")},
        {QStringLiteral("agent"), QStringLiteral("Reviewee")},      {QStringLiteral("criterion"), QStringLiteral("Category")},
        {QStringLiteral("value"), QStringLiteral("Rating")},        {QStringLiteral("ticket_id"), QStringLiteral("Conversation ID")},
        {QStringLiteral("auditor"), QStringLiteral("Reviewer")},    {QStringLiteral("team"), QStringLiteral("Team")},
        {QStringLiteral("queue"), QStringLiteral("Queue")},         {QStringLiteral("channel"), QStringLiteral("Channel")},
        {QStringLiteral("comment"), QStringLiteral("Comment")},     {QStringLiteral("root_cause"), QStringLiteral("Root cause")}};
    for (const auto &[field, header] : expected)
        QCOMPARE(mapping->column(field), header);
    QCOMPARE(mapping->column(QStringLiteral("site")), QString()); // from the roster
    QCOMPARE(mapping->scorecardChoice()->currentText(), QStringLiteral("Support QA"));
    // US dates do not read as ISO: the live preview says so, and reads them once the format is set.
    QVERIFY2(mapping->sampleText(QStringLiteral("date")).startsWith(QStringLiteral("✗ 3/2/2026 is not")),
             qPrintable(mapping->sampleText(QStringLiteral("date"))));
    mapping->dateFormatChoice()->setCurrentText(QStringLiteral("M/d/yyyy"));
    QCOMPARE(mapping->sampleText(QStringLiteral("date")),
             QStringLiteral("2026-03-02 · 2026-03-03 · 2026-03-04"));
    // The criterion names of the file, to map to the scorecard's keys.
    QTableWidget *criteria = mapping->criteriaTable();
    QStringList labels;
    for (int row = 0; row < criteria->rowCount(); ++row)
        labels << criteria->item(row, 0)->text();
    QCOMPARE(labels, (QStringList{QStringLiteral("Identity"), QStringLiteral("Empathy"), QStringLiteral("Resolution"),
                                  QStringLiteral("Upsell")}));
    choose(qobject_cast<QComboBox *>(criteria->cellWidget(0, 1)), QStringLiteral("verify_identity"));
    choose(qobject_cast<QComboBox *>(criteria->cellWidget(1, 1)), QStringLiteral("tone"));
    // The answer texts that are not numbers, to map to values.
    QTableWidget *values = mapping->valuesTable();
    QStringList texts;
    for (int row = 0; row < values->rowCount(); ++row)
        texts << values->item(row, 0)->text();
    QCOMPARE(texts, (QStringList{QStringLiteral("Yes"), QStringLiteral("Partial"), QStringLiteral("No"),
                                 QStringLiteral("N/A")})); // in the order they first appear
    QVERIFY(mapping->setValue(QStringLiteral("Yes"), QStringLiteral("1")));
    QVERIFY(mapping->setValue(QStringLiteral("No"), QStringLiteral("0")));
    QCOMPARE(mapping->sampleText(QStringLiteral("value")), QStringLiteral("Yes → 1 · 4 · Partial"));
    mapping->tabs()->setCurrentIndex(0);
    shoot(&wizard, QStringLiteral("import-3-mapping"));
    mapping->tabs()->setCurrentIndex(1);
    shoot(&wizard, QStringLiteral("import-3b-criteria"));
    mapping->tabs()->setCurrentIndex(2);
    shoot(&wizard, QStringLiteral("import-3c-values"));

    // Saved as a mapping file, it is the CLI's mapping JSON with these choices.
    const QString saved = m_dir.filePath(QStringLiteral("messy-mapping.json"));
    QVERIFY(mapping->saveMapping(saved));
    QFile savedFile(saved);
    QVERIFY(savedFile.open(QIODevice::ReadOnly));
    QString why;
    const auto reread = ImportMapping::parse(savedFile.readAll(), &why);
    QVERIFY2(reread, qPrintable(why));
    QCOMPARE(reread->dateFormat, QStringLiteral("M/d/yyyy"));
    QCOMPARE(reread->columnFor(u"agent"), QStringLiteral("Reviewee"));
    QCOMPARE(reread->criterionForLabel(u"Empathy"), QStringLiteral("tone"));
    QCOMPARE(reread->valuesFor(u"value")->find(u"yes")->number, 1.0);
    click(wizard, QWizard::NextButton);

    // 4. The check: three audits rejected, each problem with file, physical line, field, value and
    // reason; nothing written; the Import button waits for a decision.
    ImportCheckPage *check = wizard.checkPage();
    QTRY_VERIFY(!check->isChecking());
    QAbstractItemModelTester tester(check->problemsView()->model());
    QStandardItemModel *problems = check->problemsModel();
    QCOMPARE(problems->rowCount(), 3);
    const auto row = [problems](int r) {
        QStringList cells;
        for (int c = 0; c < problems->columnCount(); ++c)
            cells << problems->index(r, c).data().toString();
        return cells;
    };
    QCOMPARE(row(0), (QStringList{QStringLiteral("messy-audits-1252.csv"), QStringLiteral("10"), QStringLiteral("value"),
                                  QStringLiteral("7"),
                                  QStringLiteral("value \"7\" for criterion tone is outside its scale 1–5")}));
    QCOMPARE(row(1), (QStringList{QStringLiteral("messy-audits-1252.csv"), QStringLiteral("12"), QStringLiteral("date"),
                                  QStringLiteral("13/45/2026"),
                                  QStringLiteral("date \"13/45/2026\" is not a date in the format M/d/yyyy")}));
    QCOMPARE(row(2), (QStringList{QStringLiteral("messy-audits-1252.csv"), QStringLiteral("16"),
                                  QStringLiteral("criterion"), QStringLiteral("Upsell"),
                                  QStringLiteral("criterion \"Upsell\" is not in scorecard Support QA version 1")}));
    QVERIFY(check->importNothing()->isChecked());
    QVERIFY(!wizard.button(QWizard::CommitButton)->isEnabled());
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM audits")), 0);
    // The table sorts by clicking a header: by reason, "criterion …" comes first.
    QHeaderView *header = check->problemsView()->horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(ImportCheckPage::ReasonColumn) + 5, header->height() / 2));
    QCOMPARE(check->problemsView()->model()->index(0, ImportCheckPage::LineColumn).data().toInt(), 16);
    header->setSortIndicator(ImportCheckPage::LineColumn, Qt::AscendingOrder);

    const QString rejects = m_dir.filePath(QStringLiteral("rejected.csv"));
    QCOMPARE(check->summaryLabel()->text(),
             QStringLiteral("9 of 18 rows are rejected (3 records). The other records can be imported: 3 new, 0 "
                            "changed, 0 unchanged. Correct the file and check again, or skip the rejected rows."));
    QTest::mouseClick(check->skipInvalid(), Qt::LeftButton, {}, QPoint(8, check->skipInvalid()->height() / 2));
    QVERIFY(check->skipInvalid()->isChecked());
    QVERIFY(check->rejectsPath()->isEnabled());
    QCOMPARE(check->rejectsPath()->text(), DataDir + QStringLiteral("messy-audits-1252-rejected.csv"));
    shoot(&wizard, QStringLiteral("import-4-check"));
    check->rejectsPath()->setText(rejects);

    // 5. The import: the three valid audits go in, the nine rows of the others go to the rejects file.
    click(wizard, QWizard::CommitButton);
    QCOMPARE(wizard.currentId(), int(ImportWizard::RunPageId));
    ImportRunPage *run = wizard.runPage();
    QTRY_VERIFY(run->isFinished());
    shoot(&wizard, QStringLiteral("import-5-done"));
    QCOMPARE(run->outcome().data.status, ImportResult::Imported);
    QCOMPARE(run->summaryValue(QStringLiteral("Rows read")), QStringLiteral("18"));
    QCOMPARE(run->summaryValue(QStringLiteral("Inserted")), QStringLiteral("3"));
    QCOMPARE(run->summaryValue(QStringLiteral("Updated")), QStringLiteral("0"));
    QCOMPARE(run->summaryValue(QStringLiteral("Unchanged")), QStringLiteral("0"));
    QCOMPARE(run->summaryValue(QStringLiteral("Rejected")), QStringLiteral("3"));
    QCOMPARE(run->summaryValue(QStringLiteral("Texts masked")), QStringLiteral("1")); // the card number
    QCOMPARE(imported.count(), 1);
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM audits")), 3);
    // R10: 3 answers, R11: 3 (one N/A), R15: 3.
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM answers")), 9);
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM agents WHERE agent_key = 'José Núñez'")), 1);
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM audits WHERE date = '2026-03-02'")), 1); // read M/d/yyyy
    QFile rejected(rejects);
    QVERIFY(rejected.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = rejected.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 10); // the header and the nine rows of R12, R13 and R14
    QVERIFY(lines.first().trimmed().endsWith(";reason"));
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
}

void TestImportWizard::nothingIsImportedWhileRowsAreRejected()
{
    // A saved mapping that fits the file: the same problems, and going back from the check changes
    // nothing; closing the wizard there leaves an empty project.
    importScorecard();
    const QString mappingFile = m_dir.filePath(QStringLiteral("map.json"));
    QFile map(mappingFile);
    QVERIFY(map.open(QIODevice::WriteOnly));
    map.write(R"({"kind": "audits-long", "scorecard": "Support QA", "date_format": "M/d/yyyy",
      "columns": {"audit_id": "Review ID", "date": "Reviewed at", "agent": "Reviewee", "criterion": "Category",
                  "value": "Rating"},
      "values": {"value": {"Yes": 1, "No": 0}}, "criteria": {"Identity": "verify_identity", "Empathy": "tone"}})");
    map.close();
    {
        ImportWizard wizard(m_project.get());
        wizard.show();
        walkToCheck(wizard, DataDir + QStringLiteral("messy-audits-1252.csv"), mappingFile);
        QCOMPARE(wizard.checkPage()->problemsModel()->rowCount(), 3);
        QCOMPARE(wizard.checkPage()->result().summary.rowsRejected, 9);
        QVERIFY(!wizard.button(QWizard::CommitButton)->isEnabled());
        QVERIFY(wizard.checkPage()->summaryLabel()->text().startsWith(QStringLiteral("9 of 18 rows are rejected")));
        wizard.reject();
    }
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM audits")), 0);
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM import_log")), 1); // the scorecard's
}

void TestImportWizard::cancelLeavesTheProjectUnchanged()
{
    importScorecard();
    // 100,000 audits of three answers: long enough that Cancel lands while rows are being written.
    const QString big = m_dir.filePath(QStringLiteral("big.csv"));
    {
        QFile out(big);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QByteArray text = "Review ID,Reviewed at,Reviewee,Category,Rating\n";
        for (int a = 0; a < 100000; ++a) {
            const QByteArray id = QByteArray::number(a);
            const QByteArray day = "2026-03-" + QByteArray::number(10 + a % 18);
            const QByteArray agent = "agent" + QByteArray::number(a % 40);
            text += "A" + id + ',' + day + ',' + agent + ",verify_identity,1\n";
            text += "A" + id + ',' + day + ',' + agent + ",tone," + QByteArray::number(1 + a % 5) + '\n';
            text += "A" + id + ',' + day + ',' + agent + ",resolution,Yes\n";
            if (text.size() > (1 << 20)) {
                out.write(text);
                text.clear();
            }
        }
        out.write(text);
    }
    const qint64 logBefore = count(*m_project, QStringLiteral("SELECT count(*) FROM import_log"));
    const QString indexes = QStringLiteral("SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE "
                                           "type = 'index' AND tbl_name = 'audits' ORDER BY name)");
    QSqlQuery q(m_project->database());
    QVERIFY(q.exec(indexes) && q.next());
    const QString indexesBefore = q.value(0).toString();
    ImportWizard wizard(m_project.get());
    QSignalSpy imported(&wizard, &ImportWizard::imported);
    wizard.show();
    walkToCheck(wizard, big);
    QCOMPARE(wizard.checkPage()->result().status, ImportResult::Imported); // the dry run: all valid
    QCOMPARE(wizard.checkPage()->problemsModel()->rowCount(), 0);
    click(wizard, QWizard::CommitButton);
    ImportRunPage *run = wizard.runPage();
    QTRY_VERIFY(run->progressBar()->value() > 0 || run->isFinished());
    QVERIFY2(!run->isFinished(), "the import ended before it could be cancelled");
    QTest::mouseClick(run->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 60000);
    QCOMPARE(run->outcome().data.status, ImportResult::Cancelled);
    QCOMPARE(run->statusLabel()->text(), QStringLiteral("The import was cancelled. Nothing was changed in the project."));
    QCOMPARE(imported.count(), 0);
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM audits")), 0);
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM answers")), 0);
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM agents")), 0);
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM import_log")), logBefore);
    // The indexes a large import drops and rebuilds are all there again.
    QVERIFY(q.exec(indexes) && q.next());
    QCOMPARE(q.value(0).toString(), indexesBefore);
}

void TestImportWizard::importWaitsForTheProjectCheck()
{
    // The main window opens a project before its quick_check has run; until the check passes the
    // import writes nothing and says what it waits for. Cancel then needs no rollback.
    importScorecard();
    for (const bool cancel : {true, false}) {
        ImportWizard wizard(m_project.get());
        QSignalSpy imported(&wizard, &ImportWizard::imported);
        wizard.setProjectCheckPending(true);
        wizard.show();
        walkToCheck(wizard, DataDir + QStringLiteral("audits-long.csv"), DataDir + QStringLiteral("audits-long.json"));
        QCOMPARE(wizard.checkPage()->problemsModel()->rowCount(), 0);
        click(wizard, QWizard::CommitButton);
        ImportRunPage *run = wizard.runPage();
        QVERIFY(run->isWaitingForCheck());
        QVERIFY(!run->isFinished());
        QVERIFY2(run->statusLabel()->text().startsWith(QStringLiteral("Waiting for the project check to finish")),
                 qPrintable(run->statusLabel()->text()));
        QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM audits")), 0);
        if (cancel) {
            QTest::mouseClick(run->cancelButton(), Qt::LeftButton);
            QVERIFY(run->isFinished());
            QCOMPARE(run->outcome().data.status, ImportResult::Cancelled);
            wizard.setProjectCheckPending(false); // the check passing later starts nothing
            QVERIFY(!run->isRunning());
            QCOMPARE(imported.count(), 0);
            QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM audits")), 0);
            continue;
        }
        wizard.setProjectCheckPending(false);
        QVERIFY(!run->isWaitingForCheck());
        QTRY_VERIFY(run->isFinished());
        QCOMPARE(run->outcome().data.status, ImportResult::Imported);
        QCOMPARE(imported.count(), 1);
        QVERIFY(count(*m_project, QStringLiteral("SELECT count(*) FROM audits")) > 0);
    }
}

void TestImportWizard::interactionsFile()
{
    // Conversations (the transcripts calibration items show) go through the wizard like any kind:
    // no scorecard, no value map, the columns mapped from the header.
    const QString file = m_dir.filePath(QStringLiteral("conversations.csv"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("Conversation ID,Channel,Transcript,Created at\r\n"
              "T1,chat,\"Customer: hi\nAgent: hello, card 4111 1111 1111 1111\",2026-03-02\r\n"
              "T2,email,Customer: refund please,2026-03-03T09:15:00Z\r\n");
    out.close();
    ImportWizard wizard(m_project.get());
    wizard.show();
    ImportFilePage *filePage = wizard.filePage();
    QTest::keyClicks(filePage->pathEdit(), file);
    choose(filePage->kindChoice(), int(ImportWizard::Choice::Interactions));
    QCOMPARE(filePage->kindChoice()->currentText(), QStringLiteral("Conversations (interactions: transcripts for calibration)"));
    click(wizard, QWizard::NextButton);
    QTRY_VERIFY(!wizard.previewPage()->isLoading());
    click(wizard, QWizard::NextButton);
    ImportMappingPage *mapping = wizard.mappingPage();
    QCOMPARE(mapping->column(QStringLiteral("ticket_id")), QStringLiteral("Conversation ID"));
    QCOMPARE(mapping->column(QStringLiteral("date")), QStringLiteral("Created at"));
    QVERIFY(mapping->setColumn(QStringLiteral("channel"), QStringLiteral("Channel")));
    QVERIFY(mapping->setColumn(QStringLiteral("transcript"), QStringLiteral("Transcript")));
    QVERIFY(!mapping->scorecardChoice()->isVisible());
    QVERIFY(!mapping->tabs()->isTabVisible(1)); // no criteria
    QVERIFY(!mapping->tabs()->isTabVisible(2)); // no values
    click(wizard, QWizard::NextButton);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.checkPage()->isChecking(), 60000);
    QCOMPARE(wizard.checkPage()->summaryLabel()->text(),
             QStringLiteral("All 2 rows can be imported: 2 new, 0 changed, 0 unchanged."));
    click(wizard, QWizard::CommitButton);
    QTRY_VERIFY(wizard.runPage()->isFinished());
    QCOMPARE(wizard.runPage()->outcome().data.status, ImportResult::Imported);
    QCOMPARE(wizard.runPage()->summaryValue(QStringLiteral("Inserted")), QStringLiteral("2"));
    QCOMPARE(wizard.runPage()->summaryValue(QStringLiteral("Texts masked")), QStringLiteral("1")); // the card
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM interactions")), 2);
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM interactions WHERE ticket_id = 'T2' AND "
                                              "date = '2026-03-03'")),
             1);
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM interactions WHERE transcript LIKE '%4111%'")), 0);
}

void TestImportWizard::dimensionsWithoutAColumnStay()
{
    // Custom dimensions added in the mapping step before a column is chosen for them (the file has
    // no column of that name) stay, in their order, when the Columns table is filled again: by the
    // next Add Dimension, and by Back and Next. Without a column they are not in the mapping.
    importScorecard();
    ImportWizard wizard(m_project.get());
    wizard.show();
    QTest::keyClicks(wizard.filePage()->pathEdit(), DataDir + QStringLiteral("audits-long.csv"));
    QVERIFY(wizard.filePage()->loadMappingFile(DataDir + QStringLiteral("audits-long.json")));
    click(wizard, QWizard::NextButton);
    QTRY_VERIFY(!wizard.previewPage()->isLoading());
    click(wizard, QWizard::NextButton);
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPageId));
    ImportMappingPage *mapping = wizard.mappingPage();
    // "name=column" for each dimension row of the Columns table, in order.
    const auto dimensionRows = [mapping] {
        const QString suffix = QStringLiteral(" (dimension)");
        QStringList rows;
        for (int row = 0; row < mapping->fieldsTable()->rowCount(); ++row) {
            const QString text = mapping->fieldsTable()->item(row, 0)->text();
            if (text.endsWith(suffix)) {
                const QString name = text.chopped(suffix.size());
                rows << name + QLatin1Char('=') + mapping->column(QStringLiteral("dim:") + name);
            }
        }
        return rows;
    };
    const auto backAndNext = [&wizard] {
        click(wizard, QWizard::BackButton);
        QCOMPARE(wizard.currentId(), int(ImportWizard::PreviewPageId));
        click(wizard, QWizard::NextButton);
        QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPageId));
    };
    QCOMPARE(dimensionRows(), QStringList{QStringLiteral("product=Product")});
    auto *name = mapping->findChild<QLineEdit *>(QStringLiteral("dimensionName"));
    auto *add = mapping->findChild<QPushButton *>(QStringLiteral("addDimension"));
    QVERIFY(name && add);
    QTest::keyClicks(name, QStringLiteral("language"));
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(dimensionRows(), (QStringList{QStringLiteral("product=Product"), QStringLiteral("language=")}));
    QTest::keyClicks(name, QStringLiteral("vendor"));
    QTest::mouseClick(add, Qt::LeftButton);
    const QStringList threeRows{QStringLiteral("product=Product"), QStringLiteral("language="),
                                QStringLiteral("vendor=")};
    QCOMPARE(dimensionRows(), threeRows);
    backAndNext();
    QCOMPARE(dimensionRows(), threeRows);
    QString error;
    auto built = mapping->buildMapping(&error);
    QVERIFY2(built, qPrintable(error));
    QCOMPARE(built->dimensions,
             (QList<std::pair<QString, QString>>{{QStringLiteral("product"), QStringLiteral("Product")}}));

    // A column chosen later puts it in the mapping, in the row's place; it survives Back and Next too.
    QVERIFY(mapping->setColumn(QStringLiteral("dim:vendor"), QStringLiteral("Queue")));
    backAndNext();
    wizard.resize(1000, 700);
    mapping->fieldsTable()->scrollToBottom();
    shoot(&wizard, QStringLiteral("import-dimensions"));
    QCOMPARE(dimensionRows(), (QStringList{QStringLiteral("product=Product"), QStringLiteral("language="),
                                           QStringLiteral("vendor=Queue")}));
    click(wizard, QWizard::NextButton);
    QCOMPARE(wizard.currentId(), int(ImportWizard::CheckPageId));
    QCOMPARE(wizard.mapping().dimensions,
             (QList<std::pair<QString, QString>>{{QStringLiteral("product"), QStringLiteral("Product")},
                                                 {QStringLiteral("vendor"), QStringLiteral("Queue")}}));
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.checkPage()->isChecking(), 60000);
    wizard.reject();
}

void TestImportWizard::agentChoiceIsKeptAsAlias()
{
    // On the check step the file's "bob" is imported as AG-7 of the roster. The id becomes AG-7's
    // alias (docs/import.md), so the next import of the file finds him and asks nothing.
    importScorecard();
    const QString roster = m_dir.filePath(QStringLiteral("roster.csv"));
    {
        QFile f(roster);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("agent,name\nAG-7,Robert Brown\n");
    }
    QString why;
    const auto rosterMapping =
        ImportMapping::parse(R"({"kind": "agents", "columns": {"agent": "agent", "name": "name"}})", &why);
    QVERIFY2(rosterMapping, qPrintable(why));
    QCOMPARE(Importer(m_project->database(), *rosterMapping).run(roster, {}).status, ImportResult::Imported);
    const QString file = DataDir + QStringLiteral("audits-long.csv");
    const QString mappingFile = DataDir + QStringLiteral("audits-long.json");
    {
        ImportWizard wizard(m_project.get());
        wizard.show();
        walkToCheck(wizard, file, mappingFile);
        ImportCheckPage *check = wizard.checkPage();
        QVERIFY(check->agentsTable()->isVisible());
        QCOMPARE(firstColumn(check->agentsTable()), (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));
        QVERIFY(check->setAgentChoice(QStringLiteral("bob"), QStringLiteral("AG-7")));
        wizard.resize(1000, 700);
        shoot(&wizard, QStringLiteral("import-agents"));
        click(wizard, QWizard::CommitButton);
        QTRY_VERIFY(wizard.runPage()->isFinished());
        QCOMPARE(wizard.runPage()->outcome().data.status, ImportResult::Imported);
        QCOMPARE(wizard.runPage()->summaryValue(QStringLiteral("Agents created")), QStringLiteral("1")); // alice
    }
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM agent_aliases s JOIN agents g ON g.id = "
                                              "s.agent_id WHERE s.alias = 'bob' AND g.agent_key = 'AG-7'")),
             1);
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM audits a JOIN agents g ON g.id = a.agent_id "
                                              "WHERE a.audit_key = 'R2' AND g.agent_key = 'AG-7'")),
             1);
    {
        ImportWizard wizard(m_project.get());
        wizard.show();
        walkToCheck(wizard, file, mappingFile);
        ImportCheckPage *check = wizard.checkPage();
        QCOMPARE(check->summaryLabel()->text(),
                 QStringLiteral("All 6 rows can be imported: 0 new, 0 changed, 2 unchanged."));
        QCOMPARE(check->agentsTable()->rowCount(), 0);
        QVERIFY(!check->agentsTable()->isVisible());
        wizard.reject();
    }
    QCOMPARE(count(*m_project, QStringLiteral("SELECT count(*) FROM agents")), 2); // AG-7 and alice
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The scorecard editor and the what-if view (ui/scorecardeditor/), driven as a user would under
// the offscreen platform on the mini project (tests/miniproject.h): validation messages that say
// what and where, a content edit saved as a new version (and undone), a new scorecard from the
// formats.md JSON and back, the what-if's KPIs side by side with the hand-computed values of
// tst_whatif, Apply… confirmed and undone, and the way in from the Scorecards page.
// QL_EDITOR_SCREENSHOTS=DIR saves the editor and the what-if as PNGs there.
#include "miniproject.h"
#include "scorecardeditor/carrymapdialog.h"
#include "scorecardeditor/scorecardeditor.h"
#include "scorecardeditor/scorecardeditorbutton.h"
#include "scorecardeditor/whatifdialog.h"
#include "scorecards/scorecardspage.h"
#include "scoring/scorecardjson.h"
#include "store/auditrescorestore.h"
#include "store/scorecardedits.h"
#include "store/project.h"
#include "store/projecterror.h"
#include "store/scorecardstore.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTableWidget>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

using namespace ql;

namespace {

// formats.md's example, verbatim (tests/data/scorecardeditor/formats-example.json).
QByteArray formatsExample()
{
    QFile file(QStringLiteral(QL_TESTDATA_DIR "/scorecardeditor/formats-example.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QTreeWidgetItem *itemAt(QTreeWidget *tree, int section, int criterion = -1)
{
    QTreeWidgetItem *s = tree->topLevelItem(section);
    return criterion < 0 ? s : s->child(criterion);
}

void replaceText(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

QString kpiCell(QStandardItemModel *model, const QString &kpi, int column)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->item(r, 0)->text() == kpi)
            return model->item(r, column)->text();
    return {};
}

} // namespace

class TestScorecardEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void validationSaysWhatAndWhere();
    void contentEditSavesNewVersion();
    void namesOnlyUpdateInPlace();
    void newScorecardFromJsonAndBack();
    void whatIfShowsBothSidesAndApplies();
    void whatIfOfTheDraft();
    void whatIfMapsAnswers();
    void reachableFromScorecardsPage();
    void demoScreenshots();

private:
    void saveScreenshot(QWidget *w, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<test::MiniProject> m_mini;
    QUndoStack m_stack;
    QList<qint64> m_ids;
};

void TestScorecardEditor::init()
{
    m_stack.clear();
    m_mini = std::make_unique<test::MiniProject>(m_dir.filePath(QStringLiteral("mini.qlens")));
    QVERIFY2(m_mini->error().isEmpty(), qPrintable(m_mini->error()));
    using P = test::MiniProject;
    m_ids = {m_mini->addAudit(QStringLiteral("A1"), P::Good, QStringLiteral("AG1"), QDate(2026, 10, 2)),
             m_mini->addAudit(QStringLiteral("A2"), P::Weak, QStringLiteral("AG1"), QDate(2026, 10, 5)),
             m_mini->addAudit(QStringLiteral("A3"), P::Critical, QStringLiteral("AG2"), QDate(2026, 10, 7)),
             m_mini->addAudit(QStringLiteral("A4"), P::Perfect, QStringLiteral("AG3"), QDate(2026, 10, 9))};
}

void TestScorecardEditor::cleanup()
{
    m_stack.clear();
    m_mini.reset();
}

void TestScorecardEditor::saveScreenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("QL_EDITOR_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
}

void TestScorecardEditor::validationSaysWhatAndWhere()
{
    ScorecardEditor editor(m_mini->project(), &m_stack, m_mini->scorecard().id);
    editor.show();
    QCOMPARE(editor.tree()->topLevelItemCount(), 2);
    QCOMPARE(itemAt(editor.tree(), 1)->childCount(), 2);
    QVERIFY(editor.problem().isEmpty());
    QVERIFY(editor.saveButton()->isEnabled());

    // Section weights 50 + 60 = 110.
    editor.tree()->setCurrentItem(itemAt(editor.tree(), 0));
    editor.sectionWeightBox()->setValue(50);
    QVERIFY2(editor.problem().startsWith(QStringLiteral("Sections: section weights sum to 110")),
             qPrintable(editor.problem()));
    QVERIFY(editor.messageLabel()->text().contains(QStringLiteral("sum to 110")));
    QVERIFY(!editor.saveButton()->isEnabled());
    editor.sectionWeightBox()->setValue(40);
    QVERIFY(editor.problem().isEmpty());

    // A key used twice names the section, the criterion and the field.
    editor.tree()->setCurrentItem(itemAt(editor.tree(), 1, 0));
    QCOMPARE(editor.keyEdit()->text(), QStringLiteral("tone"));
    replaceText(editor.keyEdit(), QStringLiteral("verify"));
    QVERIFY2(editor.problem().startsWith(QStringLiteral("Section 2 “Communication”, criterion 1 “verify”, key:")),
             qPrintable(editor.problem()));
    QVERIFY(!editor.saveButton()->isEnabled());
    replaceText(editor.keyEdit(), QStringLiteral("tone"));
    QVERIFY(editor.problem().isEmpty());

    // A range with min ≥ max.
    editor.minBox()->setValue(5);
    QVERIFY2(editor.problem().startsWith(QStringLiteral("Section 2 “Communication”, criterion 1 “tone”, scale:")),
             qPrintable(editor.problem()));
    editor.minBox()->setValue(1);
    QVERIFY(editor.problem().isEmpty());

    // Options written wrongly.
    editor.tree()->setCurrentItem(itemAt(editor.tree(), 1, 1));
    QCOMPARE(editor.optionsEdit()->text(), QStringLiteral("Yes=10, Partial=5, No=0"));
    replaceText(editor.optionsEdit(), QStringLiteral("Yes=10, Partial"));
    QVERIFY2(editor.problem().contains(QStringLiteral("criterion 2 “resolution”, options: option 2 (“Partial”)")),
             qPrintable(editor.problem()));
    replaceText(editor.optionsEdit(), QStringLiteral("Yes=10, Partial=5, No=0"));
    QVERIFY(editor.problem().isEmpty());
    QCOMPARE(editor.draft(), m_mini->scorecard().card); // back where it started

    // An empty section name.
    editor.tree()->setCurrentItem(itemAt(editor.tree(), 0));
    replaceText(editor.sectionNameEdit(), QString());
    QVERIFY2(editor.problem().startsWith(QStringLiteral("Section 1, name: must not be empty")), qPrintable(editor.problem()));
    saveScreenshot(&editor, QStringLiteral("editor-invalid.png"));
}

void TestScorecardEditor::contentEditSavesNewVersion()
{
    ScorecardEditor editor(m_mini->project(), &m_stack, m_mini->scorecard().id);
    editor.resize(1000, 680);
    editor.show();
    QVERIFY(editor.nameEdit()->isReadOnly());
    QVERIFY(editor.versionLabel()->text().contains(QStringLiteral("4 audits were scored with it")));
    editor.thresholdBox()->setValue(75);
    QVERIFY2(editor.versionLabel()->text().contains(QStringLiteral("Saving creates a new version")),
             qPrintable(editor.versionLabel()->text()));
    editor.tree()->setCurrentItem(itemAt(editor.tree(), 1, 0));
    editor.weightBox()->setValue(3);
    editor.criticalBox()->setCurrentIndex(editor.criticalBox()->findData(int(CriticalFamily::Customer)));
    editor.effectBox()->setCurrentIndex(editor.effectBox()->findData(int(CriticalEffect::Section)));
    editor.validFromEdit()->setDate(QDate(2026, 11, 1));
    QTest::keyClicks(editor.reasonEdit(), QStringLiteral("Tone weighs more"));
    saveScreenshot(&editor, QStringLiteral("editor.png"));
    QList<int> saved; // the versions each save signals
    connect(&editor, &ScorecardEditor::saved, this, [&](const ScorecardEdit &e) { saved << e.card.version; });
    QTest::mouseClick(editor.saveButton(), Qt::LeftButton);
    QCOMPARE(saved, QList<int>{2});
    QCOMPARE(m_stack.count(), 1);
    QCOMPARE(m_stack.text(0), QStringLiteral("Save Mini QA version 2"));
    QVERIFY2(editor.messageLabel()->text().contains(QStringLiteral("version 2")), qPrintable(editor.messageLabel()->text()));

    const ScorecardStore store(m_mini->db());
    QCOMPARE(store.versions(QStringLiteral("Mini QA")).size(), 2);
    const auto v2 = store.loadInForce(QStringLiteral("Mini QA"), QDate(2026, 11, 1));
    QCOMPARE(v2->card.version, 2);
    QCOMPARE(v2->card.passThreshold, 75.0);
    const Criterion &tone = v2->card.criterionAt(2);
    QCOMPARE(tone.weight, 3.0);
    QCOMPARE(tone.critical, CriticalFamily::Customer);
    QCOMPARE(tone.criticalEffect, CriticalEffect::Section);
    // v1, which the audits were scored with, is as it was.
    QCOMPARE(store.load(m_mini->scorecard().id)->card, m_mini->scorecard().card);
    QSqlQuery q(m_mini->db());
    q.exec(QStringLiteral("SELECT count(*) FROM audits WHERE scorecard_id = %1").arg(m_mini->scorecard().id));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 4);

    m_stack.undo();
    QCOMPARE(store.versions(QStringLiteral("Mini QA")).size(), 1);
    m_stack.redo();
    QCOMPARE(store.versions(QStringLiteral("Mini QA")).size(), 2);
}

void TestScorecardEditor::namesOnlyUpdateInPlace()
{
    ScorecardEditor editor(m_mini->project(), &m_stack, m_mini->scorecard().id);
    editor.show();
    editor.tree()->setCurrentItem(itemAt(editor.tree(), 1, 0));
    replaceText(editor.criterionNameEdit(), QStringLiteral("Tone of voice"));
    QVERIFY2(editor.versionLabel()->text().contains(QStringLiteral("updates version 1 in place")),
             qPrintable(editor.versionLabel()->text()));
    QVERIFY(!editor.validFromEdit()->isEnabled());
    QVERIFY(editor.save());
    QCOMPARE(ScorecardStore(m_mini->db()).versions(QStringLiteral("Mini QA")).size(), 1);
    QCOMPARE(ScorecardStore(m_mini->db()).load(m_mini->scorecard().id)->card.criterionAt(2).name,
             QStringLiteral("Tone of voice"));
    m_stack.undo();
    QCOMPARE(ScorecardStore(m_mini->db()).load(m_mini->scorecard().id)->card.criterionAt(2).name, QStringLiteral("Tone"));
}

void TestScorecardEditor::newScorecardFromJsonAndBack()
{
    ScorecardEditor editor(m_mini->project(), &m_stack, 0);
    editor.show();
    QVERIFY(!editor.nameEdit()->isReadOnly());
    QCOMPARE(editor.tree()->topLevelItemCount(), 1);
    // Building by hand: a second section, a criterion in it, an options scale.
    QTest::mouseClick(editor.addSectionButton(), Qt::LeftButton);
    QCOMPARE(editor.tree()->topLevelItemCount(), 2);
    QTest::mouseClick(editor.addCriterionButton(), Qt::LeftButton);
    QCOMPARE(editor.draft().sections.at(1).criteria.size(), 2);
    editor.scaleBox()->setCurrentIndex(editor.scaleBox()->findData(int(ScaleKind::Options)));
    replaceText(editor.optionsEdit(), QStringLiteral("Fully=4, Partly=2, Not=0"));
    QVERIFY2(editor.problem().isEmpty(), qPrintable(editor.problem()));
    const Criterion &added = editor.draft().sections.at(1).criteria.at(1);
    QCOMPARE(added.scale.options.size(), 3);
    QCOMPARE(added.scale.maxValue(), 4.0);
    QTest::mouseClick(editor.removeButton(), Qt::LeftButton);
    QCOMPARE(editor.draft().sections.at(1).criteria.size(), 1);

    // formats.md's example in, then out again: the same scorecard.
    const QString in = m_dir.filePath(QStringLiteral("support-qa.json"));
    QFile file(in);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(formatsExample());
    file.close();
    QVERIFY(editor.importFile(in));
    QCOMPARE(editor.nameEdit()->text(), QStringLiteral("Support QA"));
    QCOMPARE(editor.tree()->topLevelItemCount(), 2);
    QCOMPARE(itemAt(editor.tree(), 1)->childCount(), 2);
    QCOMPARE(itemAt(editor.tree(), 1, 1)->text(1), QStringLiteral("Yes/Partial/No"));
    QVERIFY(editor.sectionWeightsBox()->isChecked());
    QCOMPARE(editor.validFromEdit()->date(), QDate(2026, 7, 1));
    const QString out = m_dir.filePath(QStringLiteral("out.json"));
    QVERIFY(editor.exportFile(out));
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const auto reread = ScorecardJson::parse(written.readAll());
    QVERIFY(reread);
    QCOMPARE(*reread, editor.draft());
    QCOMPARE(*reread, *ScorecardJson::parse(formatsExample()));

    // A file with a problem is refused with its path, and the draft stays.
    const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
    QFile badFile(bad);
    QVERIFY(badFile.open(QIODevice::WriteOnly));
    badFile.write(formatsExample().replace("\"weight\": 70", "\"weight\": 60"));
    badFile.close();
    QVERIFY(!editor.importFile(bad));
    QVERIFY2(editor.messageLabel()->text().contains(QStringLiteral("bad.json was not imported")),
             qPrintable(editor.messageLabel()->text()));
    QCOMPARE(editor.draft(), *reread);

    // Saved as a new scorecard: version 1 from the file's date.
    QVERIFY(editor.save());
    const auto stored = ScorecardStore(m_mini->db()).load(QStringLiteral("Support QA"), 1);
    QVERIFY(stored);
    QCOMPARE(stored->card.validFrom, QDate(2026, 7, 1));
    QCOMPARE(stored->card.sections, reread->sections);
    QCOMPARE(editor.baseId(), stored->id);
    QVERIFY(editor.nameEdit()->isReadOnly());
}

void TestScorecardEditor::whatIfShowsBothSidesAndApplies()
{
    Scorecard card = m_mini->scorecard().card;
    card.sections[0].weight = 20;
    card.sections[1].weight = 80;
    QString error;
    const auto v2 = ScorecardEdits(m_mini->db()).save(m_mini->scorecard().id, card, QDate(2026, 11, 1),
                                                      QStringLiteral("weights"), &error);
    QVERIFY2(v2, qPrintable(error));

    WhatIfDialog dialog(m_mini->project(), &m_stack, QStringLiteral("Mini QA"));
    QAbstractItemModelTester kpiTester(dialog.kpiModel());
    QAbstractItemModelTester auditTester(dialog.auditModel());
    int notified = 0;
    dialog.setNotify([&] { ++notified; });
    dialog.resize(1200, 760);
    dialog.show();
    QSignalSpy computed(&dialog, &WhatIfDialog::computed);
    dialog.setScope({KpiSlice::Kind::Agent, QStringLiteral("AG1")}, KpiPeriod::month(QDate(2026, 10, 1)));
    QVERIFY(computed.wait(20000));
    QCOMPARE(dialog.targetBox()->currentData().toLongLong(), v2->id); // the newest version first
    // Ann's two audits: (73.333333 + 46.666667) / 2 = 60 under v2, (80 + 60) / 2 = 70 as stored.
    QCOMPARE(kpiCell(dialog.kpiModel(), QStringLiteral("Audits counted"), 1), QStringLiteral("2"));
    QVERIFY2(kpiCell(dialog.kpiModel(), QStringLiteral("QA score"), 1).startsWith(QStringLiteral("70.0%")),
             qPrintable(kpiCell(dialog.kpiModel(), QStringLiteral("QA score"), 1)));
    QVERIFY(kpiCell(dialog.kpiModel(), QStringLiteral("QA score"), 2).startsWith(QStringLiteral("60.0%")));
    QCOMPARE(kpiCell(dialog.kpiModel(), QStringLiteral("QA score"), 3), QStringLiteral("−10.0 pts"));

    // The whole population: 60 → 55, pass rate 50% → 25%.
    computed.clear();
    dialog.scopeBox()->setCurrentIndex(dialog.scopeBox()->findData(1));
    QVERIFY(computed.wait(20000));
    QVERIFY(kpiCell(dialog.kpiModel(), QStringLiteral("QA score"), 1).startsWith(QStringLiteral("60.0%")));
    QVERIFY(kpiCell(dialog.kpiModel(), QStringLiteral("QA score"), 2).startsWith(QStringLiteral("55.0%")));
    QCOMPARE(kpiCell(dialog.kpiModel(), QStringLiteral("Pass rate"), 3), QStringLiteral("−25.0 pts"));
    QCOMPARE(dialog.auditModel()->rowCount(), 3); // Good, Weak and Critical change; Perfect does not
    QCOMPARE(dialog.auditModel()->item(0, 0)->text(), QStringLiteral("A1"));
    QCOMPARE(dialog.auditModel()->item(0, 3)->text(), QStringLiteral("80.0"));
    QCOMPARE(dialog.auditModel()->item(0, 4)->text(), QStringLiteral("73.3"));
    QCOMPARE(dialog.auditModel()->item(0, 6)->text(), QStringLiteral("pass → fail"));
    QVERIFY(!dialog.histogram().isNull());
    QVERIFY(dialog.applyButton()->isEnabled());
    saveScreenshot(&dialog, QStringLiteral("whatif.png"));

    // Apply…: the confirmation asks for a reason; cancelling changes nothing.
    const QList<RescoredAudit> before = [&] {
        QList<RescoredAudit> l;
        for (qint64 id : m_ids)
            l << *AuditRescoreStore(m_mini->db()).load(id);
        return l;
    }();
    QTimer::singleShot(0, this, [] {
        auto *input = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(input);
        input->reject();
    });
    QVERIFY(!dialog.apply());
    QCOMPARE(m_stack.count(), 0);
    QTimer::singleShot(0, this, [] {
        auto *input = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(input);
        QVERIFY(input->labelText().contains(QStringLiteral("Move 4 audits")));
        input->setTextValue(QStringLiteral("Adopt 20/80"));
        input->accept();
    });
    computed.clear();
    QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
    QCOMPARE(m_stack.count(), 1);
    QCOMPARE(notified, 1);
    QCOMPARE(*AuditRescoreStore(m_mini->db()).load(m_ids.at(0))->score.score, 73.333333);
    // The what-if runs again: everything is on v2 now, nothing left to apply.
    QVERIFY(computed.wait(20000));
    QCOMPARE(dialog.result()->changed, 0);
    QVERIFY(!dialog.applyButton()->isEnabled());

    m_stack.undo();
    QCOMPARE(notified, 2);
    for (int i = 0; i < m_ids.size(); ++i)
        QCOMPARE(*AuditRescoreStore(m_mini->db()).load(m_ids.at(i)), before.at(i));
}

void TestScorecardEditor::whatIfOfTheDraft()
{
    ScorecardEditor editor(m_mini->project(), &m_stack, m_mini->scorecard().id);
    editor.setScope({KpiSlice::Kind::Team, QStringLiteral("North")}, KpiPeriod::month(QDate(2026, 10, 1)));
    editor.show();
    editor.policyBox()->setCurrentIndex(editor.policyBox()->findData(int(CriticalPolicy::Flag)));
    WhatIfDialog *dialog = editor.openWhatIf();
    QVERIFY(dialog);
    QSignalSpy computed(dialog, &WhatIfDialog::computed);
    QVERIFY(computed.wait(20000));
    QCOMPARE(dialog->targetBox()->currentData().toLongLong(), 0); // the draft
    // Team North (Ann, Bob): Good 80, Weak 60, Critical 0 → under flag 80; mean 140/3 → 220/3.
    QVERIFY(kpiCell(dialog->kpiModel(), QStringLiteral("QA score"), 1).startsWith(QStringLiteral("46.7%")));
    QVERIFY(kpiCell(dialog->kpiModel(), QStringLiteral("QA score"), 2).startsWith(QStringLiteral("73.3%")));
    QVERIFY(!dialog->applyButton()->isEnabled());
    QVERIFY2(dialog->blockerLabel()->text().contains(QStringLiteral("save it as a version")),
             qPrintable(dialog->blockerLabel()->text()));
    dialog->close();
}

// A version that renamed disclosure's key and resolution's "Partial": Apply is refused and
// Map Answers… is offered; the mapping dialog lists the criterion and the label, the choices run
// the what-if again, and then Apply moves the audits (answers under the mapped criterion and label).
void TestScorecardEditor::whatIfMapsAnswers()
{
    Scorecard card = m_mini->scorecard().card;
    card.sections[0].criteria[1].key = QStringLiteral("disclose");
    card.sections[1].criteria[1].scale =
        Scale::fromOptions({{QStringLiteral("Yes"), 10}, {QStringLiteral("Some"), 5}, {QStringLiteral("No"), 0}});
    QString error;
    const auto v2 = ScorecardEdits(m_mini->db()).save(m_mini->scorecard().id, card, QDate(2026, 11, 1),
                                                      QStringLiteral("keys"), &error);
    QVERIFY2(v2, qPrintable(error));
    WhatIfDialog dialog(m_mini->project(), &m_stack, QStringLiteral("Mini QA"));
    dialog.resize(1200, 760);
    dialog.show();
    QSignalSpy computed(&dialog, &WhatIfDialog::computed);
    dialog.setScope({}, KpiPeriod::month(QDate(2026, 10, 1)));
    QVERIFY(computed.wait(20000));
    QVERIFY(!dialog.applyButton()->isEnabled());
    QVERIFY(dialog.mapButton()->isEnabled());
    QVERIFY(dialog.blockerLabel()->text().contains(QStringLiteral("Map Answers…")));

    CarryMapDialog *map = dialog.openMap();
    QVERIFY(map && map->isVisible());
    const int disclosure = map->rowOf(QStringLiteral("disclosure"));
    const int partial = map->rowOf(QStringLiteral("resolution"), QStringLiteral("Partial"));
    QVERIFY(disclosure >= 0 && partial > disclosure);
    QCOMPARE(map->table()->item(disclosure, 0)->text(), QStringLiteral("disclosure “Read the disclosure”, 4 answers"));
    // Binary answers are offered the binary criteria only: verify and disclose, not tone (1–5) or resolution.
    QComboBox *to = map->choice(disclosure);
    QCOMPARE(to->count(), 3);
    QCOMPARE(to->itemData(1).toString(), QStringLiteral("verify"));
    to->setCurrentIndex(to->findData(QStringLiteral("disclose")));
    QComboBox *label = map->choice(partial);
    QCOMPARE(label->count(), 4); // as written, Yes, Some, No
    label->setCurrentIndex(label->findData(QStringLiteral("Some")));
    QCOMPARE(map->map().keys.value(QStringLiteral("disclosure")), QStringLiteral("disclose"));
    saveScreenshot(map, QStringLiteral("whatif-map.png"));
    computed.clear();
    map->accept();
    QVERIFY(computed.wait(20000));
    QVERIFY2(dialog.result()->canApply(), qPrintable(dialog.result()->applyBlocker));
    QVERIFY(dialog.applyButton()->isEnabled());
    QVERIFY2(dialog.blockerLabel()->text().contains(
                 QStringLiteral("Answers mapped: disclosure → disclose; resolution: Partial → Some.")),
             qPrintable(dialog.blockerLabel()->text()));
    saveScreenshot(&dialog, QStringLiteral("whatif-mapped.png"));

    QTimer::singleShot(0, this, [] {
        auto *input = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(input);
        QCOMPARE(input->textValue(),
                 QStringLiteral("Re-scored under Mini QA v2, answers mapped: disclosure → disclose; resolution: Partial → Some"));
        input->accept();
    });
    QVERIFY(dialog.apply());
    QCOMPARE(m_stack.count(), 1);
    QSqlQuery q(m_mini->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM answers a JOIN criteria c ON c.id = a.criterion_id "
                                  "WHERE c.key = 'disclose'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 4); // the four October audits
}

void TestScorecardEditor::reachableFromScorecardsPage()
{
    ScorecardsPage page;
    page.setDataUndoStack(&m_stack);
    page.setProject(m_mini->project());
    ScorecardEditorButton *button = page.editorButton();
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    QCOMPARE(button->menu()->actions().size(), 6); // new, edit, rename, delete, a separator, what-if
    QVERIFY(button->newAction()->isEnabled());
    QVERIFY(button->editAction()->isEnabled());
    QCOMPARE(button->chooseVersion(), m_mini->scorecard().id);
    button->editAction()->trigger();
    auto *editor = page.window()->findChild<ScorecardEditor *>();
    QVERIFY(editor);
    QCOMPARE(editor->baseId(), m_mini->scorecard().id);
    QVERIFY(editor->isVisible());
    editor->close();
    page.setProject(nullptr);
}

// QL_EDITOR_DEMO=PROJECT with QL_EDITOR_SCREENSHOTS=DIR: the editor of the demo's scorecard and
// the what-if of a draft (Communication weighs more) over the demo's latest month, as PNGs.
void TestScorecardEditor::demoScreenshots()
{
    const QString path = qEnvironmentVariable("QL_EDITOR_DEMO");
    if (path.isEmpty() || qEnvironmentVariableIsEmpty("QL_EDITOR_SCREENSHOTS"))
        QSKIP("QL_EDITOR_DEMO and QL_EDITOR_SCREENSHOTS name no project and folder");
    ProjectError error;
    auto project = Project::open(path, Project::Access::ReadOnly, Project::Check::Now, &error);
    QVERIFY2(project, qPrintable(error.message));
    const auto versions = ScorecardStore(project->database()).versions();
    QVERIFY(!versions.isEmpty());
    ScorecardEditor editor(project.get(), &m_stack, versions.last().id);
    editor.resize(1100, 720);
    editor.show();
    QSqlQuery q(project->database());
    q.exec(QStringLiteral("SELECT max(date) FROM audits"));
    QVERIFY(q.next());
    const QDate latest = QDate::fromString(q.value(0).toString().left(10), Qt::ISODate);
    editor.setScope({}, KpiPeriod::month(latest));
    editor.tree()->setCurrentItem(itemAt(editor.tree(), 0, 0));
    editor.weightBox()->setValue(editor.weightBox()->value() + 2);
    saveScreenshot(&editor, QStringLiteral("demo-editor.png"));
    WhatIfDialog *dialog = editor.openWhatIf();
    QVERIFY(dialog);
    dialog->resize(1300, 820);
    QSignalSpy computed(dialog, &WhatIfDialog::computed);
    QVERIFY(computed.wait(120000));
    if (dialog->scopeBox()->currentData().toInt() != 1) {
        computed.clear();
        dialog->scopeBox()->setCurrentIndex(dialog->scopeBox()->findData(1));
        QVERIFY(computed.wait(120000));
    }
    QVERIFY(dialog->result());
    QVERIFY(dialog->result()->audits.size() > 0);
    saveScreenshot(dialog, QStringLiteral("demo-whatif.png"));
    dialog->close();
}

QTEST_MAIN(TestScorecardEditor)
#include "tst_scorecardeditor.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Renaming and deleting a whole scorecard (core/store/scorecardlifecycle.h), their undoable
// commands and the dialog that runs them (ui/scorecardeditor/): a rename moves every version and
// the scorecard's targets; a deletion is refused, with the count, while audits use it; each writes
// one change-log row, undo and redo one more each; and the menu bar reaches the editor.
#include "mainwindow.h"
#include "miniproject.h"
#include "scorecardeditor/deletescorecardcommand.h"
#include "scorecardeditor/renamescorecardcommand.h"
#include "scorecardeditor/scorecardeditor.h"
#include "scorecardeditor/scorecardeditorbutton.h"
#include "scorecardeditor/scorecardmanagedialog.h"
#include "scorecards/scorecardspage.h"
#include "chart/chartspec.h"
#include "pivot/pivotspec.h"
#include "store/changelog.h"
#include "store/savedviewstore.h"
#include "store/scorecardedits.h"
#include "store/scorecardlifecycle.h"
#include "store/scorecardstore.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ql;

namespace {

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

QList<ChangeEntry> log(const QSqlDatabase &db, const QString &name)
{
    return ChangeLog::forEntity(db, QStringLiteral("scorecard"), name);
}

} // namespace

class TestScorecardLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void renameMovesVersionsAndTargets();
    void renameRewritesSavedViews();
    void renameRefusals_data();
    void renameRefusals();
    void deleteRefusedWhileAuditsUseIt();
    void deleteUndoRedo();
    void dialogsThroughTheButton();
    void reachableFromTheMenuBar();

private:
    // "Chat QA": version 1 from 2026-05-01 and version 2 from 2026-06-01, no audits.
    void addChatQa();

    QTemporaryDir m_dir;
    std::unique_ptr<test::MiniProject> m_mini;
    QUndoStack m_stack;
};

void TestScorecardLifecycle::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QualityLensTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_scorecardlifecycle"));
}

void TestScorecardLifecycle::init()
{
    m_stack.clear();
    m_mini = std::make_unique<test::MiniProject>(m_dir.filePath(QStringLiteral("mini.qlens")));
    QVERIFY2(m_mini->error().isEmpty(), qPrintable(m_mini->error()));
    QVERIFY(m_mini->addAudit(QStringLiteral("A1"), test::MiniProject::Good, QStringLiteral("AG1"), QDate(2026, 3, 2)) > 0);
    addChatQa();
}

void TestScorecardLifecycle::cleanup()
{
    m_stack.clear();
    m_mini.reset();
}

void TestScorecardLifecycle::addChatQa()
{
    Scorecard card;
    card.name = QStringLiteral("Chat QA");
    Criterion c;
    c.key = QStringLiteral("greeting");
    c.name = QStringLiteral("Greeting");
    card.sections = {Section{QStringLiteral("Basics"), std::nullopt, {c}}};
    QString error;
    const auto first = ScorecardEdits(m_mini->db()).save(0, card, QDate(2026, 5, 1), QStringLiteral("new"), &error);
    QVERIFY2(first, qPrintable(error));
    card.passThreshold = 70;
    const auto second =
        ScorecardEdits(m_mini->db()).save(first->id, card, QDate(2026, 6, 1), QStringLiteral("easier"), &error);
    QVERIFY2(second, qPrintable(error));
    QSqlQuery q(m_mini->db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO targets (kpi, scope_kind, scope, value) VALUES "
                                  "('qa_score', 'scorecard', 'Chat QA', 75), ('qa_score', 'scorecard', 'Mini QA', 80)")));
}

void TestScorecardLifecycle::renameMovesVersionsAndTargets()
{
    const QSqlDatabase db = m_mini->db();
    QString error;
    auto command = RenameScorecardCommand::create(db, QStringLiteral("Chat QA"), QStringLiteral("Chat quality"),
                                                  QStringLiteral("clearer"), &error);
    QVERIFY2(command, qPrintable(error));
    ScorecardStore store(db);
    QVERIFY(store.versions(QStringLiteral("Chat QA")).isEmpty());
    const auto versions = store.versions(QStringLiteral("Chat quality"));
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.at(1).validFrom, QDate(2026, 6, 1));
    QCOMPARE(versions.at(0).validTo, QDate(2026, 5, 31));
    // The definition JSON (what an export writes) carries the new name, the rest unchanged.
    const auto v2 = store.load(versions.at(1).id);
    QVERIFY(v2);
    QCOMPARE(v2->card.name, QStringLiteral("Chat quality"));
    QCOMPARE(v2->card.passThreshold, 70.0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM scorecards WHERE definition_json LIKE '%Chat quality%'")), 2);
    QCOMPARE(scalar(db, QStringLiteral("SELECT value FROM targets WHERE scope = 'Chat quality'")), 75);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM targets WHERE scope = 'Mini QA'")), 1); // untouched
    auto rows = log(db, QStringLiteral("Chat QA"));
    QCOMPARE(rows.last().field, QStringLiteral("name"));
    QCOMPARE(rows.last().oldValue.toString(), QStringLiteral("Chat QA"));
    QCOMPARE(rows.last().newValue.toString(), QStringLiteral("Chat quality"));
    QCOMPARE(rows.last().reason, QStringLiteral("clearer"));

    m_stack.push(command.release());
    m_stack.undo();
    QCOMPARE(store.versions(QStringLiteral("Chat QA")).size(), 2);
    QVERIFY(store.versions(QStringLiteral("Chat quality")).isEmpty());
    QCOMPARE(scalar(db, QStringLiteral("SELECT value FROM targets WHERE scope = 'Chat QA'")), 75);
    rows = log(db, QStringLiteral("Chat quality"));
    QCOMPARE(rows.size(), 1); // the undo's mirror row, under the name it renamed from
    QCOMPARE(rows.last().oldValue.toString(), QStringLiteral("Chat quality"));
    QCOMPARE(rows.last().newValue.toString(), QStringLiteral("Chat QA"));
    QCOMPARE(rows.last().reason, QStringLiteral("Undo: clearer"));
    m_stack.redo();
    QCOMPARE(store.versions(QStringLiteral("Chat quality")).size(), 2);
    rows = log(db, QStringLiteral("Chat QA"));
    QCOMPARE(rows.last().reason, QStringLiteral("Redo: clearer"));
    QCOMPARE(m_stack.count(), 1);
}

// Saved views that filter on the scorecard follow its name: a pivot's `in`, a chart's `not_in`
// and a waterfall's rca filters; a view filtering another scorecard, and one naming "Chat QA" only
// in its title, stay byte for byte. Each rewrite has its change-log row; undo writes them back.
void TestScorecardLifecycle::renameRewritesSavedViews()
{
    const QSqlDatabase db = m_mini->db();
    SavedViewStore views(db);
    QString error;
    const QByteArray pivot = R"({"source":"audits","rows":["team"],"measures":["qa_score"],)"
                             R"("filters":{"scorecard":{"in":["Chat QA","Mini QA"]},"queue":{"in":["Chat QA"]}}})";
    const QByteArray chart = R"({"type":"bar","title":"Not chat","pivot":{"source":"audits","rows":["team"],)"
                             R"("measures":["qa_score"],"filters":{"scorecard":{"not_in":["Chat QA"]}}}})";
    const QByteArray waterfall = R"({"type":"waterfall","title":"Why","rca":{"metric":"qa_score","base":"2026-05",)"
                                 R"("current":"2026-06","dims":["team"],"filters":{"scorecard":{"in":["Chat QA"]}}}})";
    const QByteArray other = R"({"source":"audits","rows":["team"],"measures":["count"],)"
                             R"("filters":{"scorecard":{"in":["Mini QA"]}}})";
    const QByteArray titled = R"({"type":"bar","title":"Chat QA by team","pivot":{"source":"audits","rows":["team"],)"
                              R"("measures":["qa_score"]}})";
    const auto pivotId = views.create(QStringLiteral("pivot"), QStringLiteral("Chat and mini"), pivot, &error);
    const auto chartId = views.create(QStringLiteral("chart"), QStringLiteral("Not chat"), chart, &error);
    const auto waterfallId = views.create(QStringLiteral("chart"), QStringLiteral("Why"), waterfall, &error);
    const auto otherId = views.create(QStringLiteral("pivot"), QStringLiteral("Mini only"), other, &error);
    const auto titledId = views.create(QStringLiteral("chart"), QStringLiteral("Titled"), titled, &error);
    QVERIFY2(pivotId && chartId && waterfallId && otherId && titledId, qPrintable(error));

    auto command = RenameScorecardCommand::create(db, QStringLiteral("Chat QA"), QStringLiteral("Chat quality"),
                                                  QStringLiteral("clearer"), &error);
    QVERIFY2(command, qPrintable(error));
    const auto p = PivotSpec::fromJson(views.load(*pivotId)->specJson, &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(p->filters.size(), 2);
    const QStringList renamed{QStringLiteral("Chat quality"), QStringLiteral("Mini QA")};
    const QStringList kept{QStringLiteral("Chat QA")};
    for (const PivotFilter &f : p->filters) // only the scorecard filter: a queue named "Chat QA" stays
        QCOMPARE(f.values, f.dimension == QLatin1String("scorecard") ? renamed : kept);
    const auto c = ChartSpec::fromJson(views.load(*chartId)->specJson, &error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->pivot.filters.size(), 1);
    QVERIFY(c->pivot.filters.at(0).exclude);
    QCOMPARE(c->pivot.filters.at(0).values, QStringList{QStringLiteral("Chat quality")});
    const auto w = ChartSpec::fromJson(views.load(*waterfallId)->specJson, &error);
    QVERIFY2(w, qPrintable(error));
    const auto rca = waterfallFilters(*w, &error);
    QVERIFY(rca && rca->size() == 1);
    QCOMPARE(rca->at(0).values, QStringList{QStringLiteral("Chat quality")});
    QCOMPARE(views.load(*otherId)->specJson, other);
    QCOMPARE(views.load(*titledId)->specJson, titled);

    const auto logged = ChangeLog::forEntity(db, QStringLiteral("saved_view"), QString::number(*pivotId));
    QCOMPARE(logged.last().field, QStringLiteral("spec_json"));
    QCOMPARE(logged.last().oldValue.toString(), QString::fromUtf8(pivot));
    QCOMPARE(logged.last().reason, QStringLiteral("scorecard “Chat QA” renamed to “Chat quality”: clearer"));
    QCOMPARE(ChangeLog::forEntity(db, QStringLiteral("saved_view"), QString::number(*otherId)).size(), 1); // created

    m_stack.push(command.release());
    m_stack.undo();
    const auto back = PivotSpec::fromJson(views.load(*pivotId)->specJson, &error);
    QVERIFY(back);
    QCOMPARE(back->filters, PivotSpec::fromJson(pivot, &error)->filters);
    QCOMPARE(ChartSpec::fromJson(views.load(*chartId)->specJson, &error)->pivot.filters.at(0).values,
             QStringList{QStringLiteral("Chat QA")});
    QVERIFY(waterfallFilters(*ChartSpec::fromJson(views.load(*waterfallId)->specJson, &error), &error)
                ->at(0)
                .values.contains(QStringLiteral("Chat QA")));
}

void TestScorecardLifecycle::renameRefusals_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("message");
    QTest::newRow("taken") << "Chat QA" << "Mini QA" << "new name: a scorecard named “Mini QA” exists already";
    QTest::newRow("empty") << "Chat QA" << "  " << "new name: must not be empty";
    QTest::newRow("spaces") << "Chat QA" << "Chat " << "new name: must not begin or end with spaces";
    QTest::newRow("same") << "Chat QA" << "Chat QA" << "new name: “Chat QA” is the scorecard's name already";
    QTest::newRow("unknown") << "Phone QA" << "Voice QA" << "there is no scorecard named “Phone QA”";
}

void TestScorecardLifecycle::renameRefusals()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, message);
    const qint64 before = scalar(m_mini->db(), QStringLiteral("SELECT count(*) FROM change_log"));
    QString error;
    QVERIFY(!ScorecardLifecycle(m_mini->db()).rename(from, to, QStringLiteral("r"), &error));
    QCOMPARE(error, message);
    QCOMPARE(scalar(m_mini->db(), QStringLiteral("SELECT count(*) FROM change_log")), before);
    QCOMPARE(ScorecardStore(m_mini->db()).versions(QStringLiteral("Chat QA")).size(), 2);
}

void TestScorecardLifecycle::deleteRefusedWhileAuditsUseIt()
{
    const QSqlDatabase db = m_mini->db();
    QVERIFY(m_mini->addAudit(QStringLiteral("A2"), test::MiniProject::Weak, QStringLiteral("AG2"), QDate(2026, 3, 3)) > 0);
    const ScorecardUses uses = ScorecardLifecycle(db).uses(QStringLiteral("Mini QA"));
    QCOMPARE(uses.audits, 2);
    QCOMPARE(uses.auditVersions, QList<int>{1});
    const qint64 before = scalar(db, QStringLiteral("SELECT count(*) FROM change_log"));
    QString error;
    QVERIFY(!DeleteScorecardCommand::create(db, QStringLiteral("Mini QA"), QStringLiteral("tidy"), &error));
    QVERIFY2(error.startsWith(QStringLiteral("“Mini QA” cannot be deleted: 2 audits are scored with it (versions 1)")),
             qPrintable(error));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM scorecards WHERE name = 'Mini QA'")), 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM change_log")), before);
}

void TestScorecardLifecycle::deleteUndoRedo()
{
    const QSqlDatabase db = m_mini->db();
    const qint64 criteria = scalar(db, QStringLiteral("SELECT count(*) FROM criteria"));
    const QList<ScorecardVersionInfo> before = ScorecardStore(db).versions(QStringLiteral("Chat QA"));
    const auto v2Before = ScorecardStore(db).load(before.at(1).id);
    QString error;
    int notified = 0;
    auto command = DeleteScorecardCommand::create(db, QStringLiteral("Chat QA"), QStringLiteral("never used"), &error,
                                                  [&notified] { ++notified; });
    QVERIFY2(command, qPrintable(error));
    QCOMPARE(notified, 1);
    QVERIFY(ScorecardStore(db).versions(QStringLiteral("Chat QA")).isEmpty());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM criteria")), criteria - 2); // one per version, cascaded
    auto rows = log(db, QStringLiteral("Chat QA"));
    QCOMPARE(rows.last().field, QStringLiteral("deleted"));
    QVERIFY(rows.last().newValue.isNull());
    QVERIFY(rows.last().oldValue.toString().contains(QStringLiteral("\"valid_to\":\"2026-05-31\"")));
    QCOMPARE(rows.last().reason, QStringLiteral("never used"));

    m_stack.push(command.release());
    m_stack.undo();
    QCOMPARE(notified, 2);
    const QList<ScorecardVersionInfo> restored = ScorecardStore(db).versions(QStringLiteral("Chat QA"));
    QCOMPARE(restored.size(), 2);
    for (int i = 0; i < 2; ++i) { // the same versions and dates (new row ids: nothing referred to the old)
        QCOMPARE(restored.at(i).version, before.at(i).version);
        QCOMPARE(restored.at(i).validFrom, before.at(i).validFrom);
        QCOMPARE(restored.at(i).validTo, before.at(i).validTo);
    }
    const auto v2 = ScorecardStore(db).load(restored.at(1).id);
    QCOMPARE(v2->card, v2Before->card);
    QCOMPARE(v2->createdAt, v2Before->createdAt);
    rows = log(db, QStringLiteral("Chat QA"));
    QVERIFY(rows.last().oldValue.isNull());
    QCOMPARE(rows.last().reason, QStringLiteral("Undo: never used"));
    m_stack.redo();
    QVERIFY(ScorecardStore(db).versions(QStringLiteral("Chat QA")).isEmpty());
    QCOMPARE(log(db, QStringLiteral("Chat QA")).last().reason, QStringLiteral("Redo: never used"));
    QCOMPARE(log(db, QStringLiteral("Chat QA")).size(), rows.size() + 1);
}

void TestScorecardLifecycle::dialogsThroughTheButton()
{
    ScorecardEditorButton button;
    button.setProject(m_mini->project());
    button.setUndoStack(&m_stack);
    QVERIFY(button.renameAction()->isEnabled());
    QVERIFY(button.deleteAction()->isEnabled());
    QSignalSpy changed(&button, &ScorecardEditorButton::scoresChanged);

    // Delete: the dialog says why "Mini QA" cannot go before anything is tried.
    ScorecardManageDialog *remove = button.openDelete(QStringLiteral("Mini QA"));
    QVERIFY(remove->isVisible());
    QVERIFY(!remove->okButton()->isEnabled());
    QVERIFY2(remove->messageLabel()->text().contains(QStringLiteral("“Mini QA” cannot be deleted: it is used by 1 audit.")),
             qPrintable(remove->messageLabel()->text()));
    // QL_SCORECARD_MANAGE_SCREENSHOTS=DIR: the dialogs as PNGs, to look at.
    const QString shots = qEnvironmentVariable("QL_SCORECARD_MANAGE_SCREENSHOTS");
    if (!shots.isEmpty())
        QVERIFY(remove->grab().save(shots + QStringLiteral("/delete-refused.png")));
    remove->scorecardBox()->setCurrentText(QStringLiteral("Chat QA"));
    if (!shots.isEmpty())
        QVERIFY(remove->grab().save(shots + QStringLiteral("/delete.png")));
    QVERIFY(remove->okButton()->isEnabled());
    QVERIFY(remove->messageLabel()->text().contains(QStringLiteral("all 2 of its versions")));
    QTest::mouseClick(remove->okButton(), Qt::LeftButton);
    QCOMPARE(m_stack.count(), 1);
    QCOMPARE(changed.count(), 1);
    QVERIFY(ScorecardStore(m_mini->db()).versions(QStringLiteral("Chat QA")).isEmpty());
    m_stack.undo();
    QCOMPARE(changed.count(), 2);

    // Rename: a taken name is refused in the dialog, which stays open and says why.
    ScorecardManageDialog *rename = button.openRename(QStringLiteral("Chat QA"));
    QCOMPARE(rename->nameEdit()->text(), QStringLiteral("Chat QA"));
    QVERIFY(!rename->okButton()->isEnabled()); // the same name
    rename->nameEdit()->selectAll();
    QTest::keyClicks(rename->nameEdit(), QStringLiteral("Mini QA"));
    QTest::mouseClick(rename->okButton(), Qt::LeftButton);
    QVERIFY(rename->isVisible());
    QCOMPARE(rename->messageLabel()->text(), QStringLiteral("⚠ new name: a scorecard named “Mini QA” exists already"));
    if (!shots.isEmpty())
        QVERIFY(rename->grab().save(shots + QStringLiteral("/rename-refused.png")));
    rename->nameEdit()->clear();
    QTest::keyClicks(rename->nameEdit(), QStringLiteral("Chat quality"));
    QTest::keyClicks(rename->reasonEdit(), QStringLiteral("clearer"));
    QTest::mouseClick(rename->okButton(), Qt::LeftButton);
    QCOMPARE(m_stack.count(), 1); // the undone deletion gave way to the rename (QUndoStack::push)
    QCOMPARE(ScorecardStore(m_mini->db()).versions(QStringLiteral("Chat quality")).size(), 2);
    QCOMPARE(log(m_mini->db(), QStringLiteral("Chat QA")).last().reason, QStringLiteral("clearer"));
    QCOMPARE(m_stack.undoText(), QStringLiteral("Rename scorecard Chat QA to Chat quality"));
    QTRY_VERIFY(!button.window()->findChild<ScorecardManageDialog *>()); // deleted on close
}

void TestScorecardLifecycle::reachableFromTheMenuBar()
{
    MainWindow window;
    QMenu *file = window.menuBar()->findChild<QMenu *>(QStringLiteral("fileMenu"));
    QVERIFY(file);
    QMenu *scorecards = nullptr;
    for (QAction *a : file->actions())
        if (a->menu() && a->menu()->objectName() == QStringLiteral("scorecardsMenu"))
            scorecards = a->menu();
    QVERIFY(scorecards);
    QStringList texts;
    for (QAction *a : scorecards->actions())
        if (!a->isSeparator())
            texts << a->text();
    QCOMPARE(texts, (QStringList{QStringLiteral("&New Scorecard…"), QStringLiteral("&Edit Scorecard…"),
                                 QStringLiteral("&Rename Scorecard…"), QStringLiteral("&Delete Scorecard…"),
                                 QStringLiteral("&What-if: Re-score Audits…")}));
    auto *page = window.findChild<ScorecardsPage *>();
    QVERIFY(page);
    // One scorecard left, so Edit Scorecard… opens it at once (with two it asks which, modally).
    QString error;
    QVERIFY2(ScorecardLifecycle(m_mini->db()).remove(QStringLiteral("Chat QA"), QStringLiteral("r"), &error),
             qPrintable(error));
    page->setProject(m_mini->project());
    page->setDataUndoStack(&m_stack);
    auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
    QVERIFY(sidebar);
    sidebar->setCurrentRow(0); // the Dashboard
    QAction *edit = scorecards->actions().at(1);
    QVERIFY(edit->isEnabled());
    edit->trigger();
    auto *editor = window.findChild<ScorecardEditor *>();
    QVERIFY(editor);
    QVERIFY(editor->isVisible());
    QCOMPARE(editor->baseId(), m_mini->scorecard().id);
    QCOMPARE(sidebar->currentItem()->text(), QStringLiteral("Scorecards")); // Edit → Undo reaches its stack
    editor->close();
    page->setProject(nullptr);
}

QTEST_MAIN(TestScorecardLifecycle)
#include "tst_scorecardlifecycle.moc"

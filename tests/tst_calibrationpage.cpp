// SPDX-License-Identifier: GPL-3.0-or-later
// The Calibration page driven through its real widgets offscreen, on projects set up through the
// calibration engine: New Session, blind scoring by two participants through the form, the lead's
// status without answers, the reveal grid's cells and colours in review, the metrics, the offline
// exchange between two projects, and a refused response file.

#include "calibration/calibrationexchange.h"
#include "calibration/calibrationpage.h"
#include "calibration/calibrationrevealmodel.h"
#include "calibration/calibrationscoringform.h"
#include "calibration/newcalibrationsessiondialog.h"
#include "scorecards/scorecardtablemodel.h"
#include "tst_calibrationfixture.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;
using namespace ql::test;

namespace {
QString cellText(const QAbstractItemModel *m, int row, int column)
{
    return m->data(m->index(row, column)).toString();
}

// Every text a table shows, for "no answer appears here" checks.
QStringList allTexts(const QAbstractItemModel *m)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r)
        for (int c = 0; c < m->columnCount(); ++c)
            out << cellText(m, r, c);
    return out;
}

int rowOf(const QAbstractItemModel *m, const QString &first)
{
    for (int r = 0; r < m->rowCount(); ++r)
        if (cellText(m, r, 0) == first)
            return r;
    return -1;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}
} // namespace

class TestCalibrationPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void newSessionByHand();
    void newSessionDrawn();
    void newSessionRefused_data();
    void newSessionRefused();
    void blindScoringAndReview();
    void offlineExchange();
    void wrongResponseRefused_data();
    void wrongResponseRefused();
    void screenshots();

private:
    // A session on tickets T001, T002 with Cat (expert), Ann and Ben, in scoring.
    qint64 scoringSession(const QString &title = QStringLiteral("March"));
    void score(CalibrationPage &page, const QString &who, const QStringList &item0);

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    qint64 m_card = 0;
};

void TestCalibrationPage::init()
{
    // Jobs open their own connections: a connection used on another thread is a failure here.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("does not belong to the calling thread")));
    m_project = createProject(m_dir.filePath(QStringLiteral("lead-%1.qlproj").arg(QTest::currentTestFunction())));
    QVERIFY(m_project);
    m_card = storeCard(*m_project);
    addAudits(m_project->database(), m_card, 8);
    addInteraction(m_project->database(), QStringLiteral("T001"), QStringLiteral("Customer: my invoice is wrong"));
}

void TestCalibrationPage::cleanup()
{
    m_project.reset();
}

qint64 TestCalibrationPage::scoringSession(const QString &title)
{
    CalibrationSessions sessions(m_project->database());
    NewCalibrationSession s;
    s.title = title;
    s.date = QDate(2026, 3, 20);
    s.scorecardId = m_card;
    s.lead = QStringLiteral("Lead");
    s.participants = {{QStringLiteral("Cat"), 0, true}, {QStringLiteral("Ann"), 0, false}, {QStringLiteral("Ben"), 0, false}};
    const qint64 id = sessions.create(s).value_or(0);
    sessions.addItem(id, QStringLiteral("T001"));
    sessions.addItem(id, QStringLiteral("T002"));
    const CalibrationError e = sessions.advance(id, CalibrationState::Scoring);
    if (e.isError())
        qWarning("%s", qPrintable(e.message));
    return id;
}

// Picks the participant, answers item 0 through the form (a, b, c), submits.
void TestCalibrationPage::score(CalibrationPage &page, const QString &who, const QStringList &item0)
{
    QVERIFY(page.pickParticipant(who));
    QVERIFY(!page.submitButton()->isHidden());
    QVERIFY(page.selectItem(0));
    // Nobody else's answers: the form starts empty for everyone.
    for (int c = 0; c < 3; ++c)
        QCOMPARE(page.scoringForm()->answerBox(c)->currentText(), QStringLiteral("—"));
    for (int c = 0; c < 3; ++c)
        QVERIFY2(page.scoringForm()->choose(c, item0.at(c)), qPrintable(item0.at(c)));
    page.scoringForm()->commentEdit(1)->setText(who + QStringLiteral(" on tone"));
    page.saveButton()->click();
    page.submitButton()->click();
    QVERIFY(settle(page));
    QVERIFY2(!page.messageLabel()->property("error").toBool(), qPrintable(page.messageLabel()->text()));
}

void TestCalibrationPage::newSessionByHand()
{
    NewCalibrationSessionDialog dialog(m_project->database());
    QCOMPARE(dialog.scorecardBox()->currentText(), QStringLiteral("Calibration QA v1"));
    dialog.titleEdit()->setText(QStringLiteral("Week 12"));
    dialog.dateEdit()->setDate(QDate(2026, 3, 20));
    dialog.participantsEdit()->setPlainText(QStringLiteral("Ann\nBen\n\nCat\n"));
    QCOMPARE(dialog.expertBox()->count(), 4); // "No expert", Ann, Ben, Cat
    dialog.expertBox()->setCurrentText(QStringLiteral("Cat"));
    dialog.ticketsEdit()->setPlainText(QStringLiteral("A003, T005\nT001"));
    QString error;
    const qint64 id = dialog.create(&error);
    QVERIFY2(id > 0, qPrintable(error));
    const auto data = CalibrationSessions(m_project->database()).load(id);
    QVERIFY(data);
    QCOMPARE(data->info.title, QStringLiteral("Week 12"));
    QCOMPARE(data->info.state, CalibrationState::Draft);
    QCOMPARE(data->participants.size(), 3);
    QCOMPARE(data->expertIndex(), 2);
    QCOMPARE(data->participants.at(2).name, QStringLiteral("Cat"));
    QCOMPARE(data->items.size(), 3);
    // The audit key A003 names its audit (ticket T003); T005 and T001 are tickets.
    QCOMPARE(data->items.at(0).ticketId, QStringLiteral("T003"));
    QVERIFY(data->items.at(0).auditId > 0);
    QCOMPARE(data->items.at(1).ticketId, QStringLiteral("T005"));
    QCOMPARE(data->items.at(2).ticketId, QStringLiteral("T001"));
    QVERIFY(data->items.at(2).interactionId > 0); // T001 has its conversation

    // The page lists it; the next step exists only while allowed.
    CalibrationPage page;
    QAbstractItemModelTester tester(page.sessionsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.setProject(m_project.get());
    QVERIFY(settle(page));
    QCOMPARE(page.sessionsModel()->rowCount(), 1);
    QCOMPARE(cellText(page.sessionsModel(), 0, 0), QStringLiteral("Week 12"));
    QCOMPARE(cellText(page.sessionsModel(), 0, 1), QStringLiteral("2026-03-20"));
    QCOMPARE(cellText(page.sessionsModel(), 0, 2), QStringLiteral("Calibration QA v1"));
    QCOMPARE(cellText(page.sessionsModel(), 0, 3), QStringLiteral("Draft"));
    QCOMPARE(cellText(page.sessionsModel(), 0, 4), QStringLiteral("0 of 3"));
    QCOMPARE(page.advanceButton()->text(), QStringLiteral("Start Scoring"));
    QVERIFY(!page.advanceButton()->isHidden());
    QVERIFY(page.exportPackageButton()->isHidden()); // packages only in scoring
    QVERIFY(page.importResponsesButton()->isHidden());
    QVERIFY(page.advance());
    QVERIFY(settle(page));
    QCOMPARE(cellText(page.sessionsModel(), 0, 3), QStringLiteral("Scoring"));
    QCOMPARE(page.advanceButton()->text(), QStringLiteral("Reveal and Review"));
    QVERIFY(!page.exportPackageButton()->isHidden());
    QVERIFY(page.advance());
    QVERIFY(settle(page));
    QVERIFY(page.advance()); // resolved: nobody answered, so no consensus is needed
    QVERIFY(settle(page));
    QCOMPARE(page.advanceButton()->text(), QStringLiteral("Close Session"));
    QVERIFY(page.advance());
    QVERIFY(settle(page));
    QCOMPARE(cellText(page.sessionsModel(), 0, 3), QStringLiteral("Closed"));
    QVERIFY(page.advanceButton()->isHidden()); // closed is final
}

void TestCalibrationPage::newSessionDrawn()
{
    // The dialog's draw is the engine's: the same spec and seed preview the same tickets.
    CalibrationDrawSpec spec;
    spec.count = 3;
    spec.seed = 7;
    spec.queues = {QStringLiteral("Billing")};
    NewCalibrationSessionDialog dialog(m_project->database());
    dialog.titleEdit()->setText(QStringLiteral("Drawn"));
    dialog.participantsEdit()->setPlainText(QStringLiteral("Ann"));
    dialog.drawButton()->setChecked(true);
    QVERIFY(!dialog.ticketsEdit()->isEnabled());
    dialog.countBox()->setValue(3);
    dialog.seedEdit()->setText(QStringLiteral("7"));
    dialog.queuesEdit()->setText(QStringLiteral("Billing"));
    QString error;
    const qint64 id = dialog.create(&error);
    QVERIFY2(id > 0, qPrintable(error));
    CalibrationSessions sessions(m_project->database());
    const auto data = sessions.load(id);
    QCOMPARE(data->items.size(), 3);
    QCOMPARE(CalibrationDrawSpec::fromJson(data->info.drawJson)->seed, quint64(7));
    // Billing holds the even audits A002…A008 (T002…T008); all drawn tickets are among them.
    QStringList drawn;
    for (const CalibrationItem &item : data->items) {
        drawn << item.ticketId;
        QVERIFY2(item.ticketId.right(1).toInt() % 2 == 0, qPrintable(item.ticketId));
    }
    // A fresh draft drawing with the same spec through the engine gets the same tickets.
    NewCalibrationSession s{QStringLiteral("Again"), QDate(2026, 3, 1), m_card, {}, {{QStringLiteral("Ann"), 0, false}}};
    const qint64 again = sessions.create(s).value_or(0);
    QStringList expected;
    const auto preview = sessions.previewDraw(again, spec);
    QVERIFY(preview);
    for (const DrawCandidate &c : *preview)
        expected << c.ticketId;
    QCOMPARE(drawn, expected);
}

void TestCalibrationPage::newSessionRefused_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("participants");
    QTest::addColumn<QString>("tickets");
    QTest::addColumn<QString>("seed");
    QTest::addColumn<QString>("message");
    QTest::newRow("no title") << "" << "Ann" << "T001" << "" << "Give the session a title.";
    QTest::newRow("bad seed") << "S" << "Ann" << "" << "x1" << "The seed must be a whole number";
    QTest::newRow("same name twice") << "S" << "Ann\nAnn" << "T001" << "" << "Ann";
}

void TestCalibrationPage::newSessionRefused()
{
    QFETCH(QString, title);
    QFETCH(QString, participants);
    QFETCH(QString, tickets);
    QFETCH(QString, seed);
    QFETCH(QString, message);
    const QByteArray before = snapshot(m_project->database());
    NewCalibrationSessionDialog dialog(m_project->database());
    dialog.titleEdit()->setText(title);
    dialog.participantsEdit()->setPlainText(participants);
    dialog.ticketsEdit()->setPlainText(tickets);
    if (!seed.isEmpty()) {
        dialog.drawButton()->setChecked(true);
        dialog.seedEdit()->setText(seed);
    }
    dialog.accept(); // refused: the dialog stays open and says why
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    const auto *label = dialog.findChild<QLabel *>(QStringLiteral("newSessionError"));
    QVERIFY2(label->text().contains(message), qPrintable(label->text()));
    QCOMPARE(dialog.sessionId(), 0);
    QCOMPARE(snapshot(m_project->database()), before); // nothing half-written
}

void TestCalibrationPage::blindScoringAndReview()
{
    const qint64 id = scoringSession();
    CalibrationPage page;
    page.resize(1200, 800);
    page.show();
    QAbstractItemModelTester t1(page.statusModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(page.revealModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(page.participantMetricsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t4(page.criterionMetricsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.setProject(m_project.get());
    QVERIFY(settle(page));
    QVERIFY(page.selectSession(id));
    QVERIFY(settle(page));
    QTabWidget *tabs = page.tabs();
    QVERIFY(tabs->isTabVisible(tabs->indexOf(page.scoringForm()->parentWidget())));
    QVERIFY(!tabs->isTabVisible(2)); // no review before review
    QVERIFY(!tabs->isTabVisible(3)); // no metrics either
    QCOMPARE(page.participantBox()->count(), 4); // "Pick your name…", Cat, Ann, Ben
    QVERIFY(page.scoringForm()->isHidden());    // nothing to score before a name is picked

    //            a (critical)  b (1–5)  c (N/A allowed)
    //   Cat      1             5        1
    //   Ann      1             4        1
    //   Ben      0             5        1
    score(page, QStringLiteral("Cat"), {QStringLiteral("1 (met)"), QStringLiteral("5"), QStringLiteral("1 (met)")});
    score(page, QStringLiteral("Ann"), {QStringLiteral("1 (met)"), QStringLiteral("4"), QStringLiteral("1 (met)")});
    // The engine stored Ann's answers as given, with her comment.
    const auto loaded = CalibrationSessions(m_project->database()).load(id);
    const qint64 annId = loaded->participants.at(1).id;
    const auto annSheets = CalibrationScoring(m_project->database()).answersOf(id, annId);
    QVERIFY(annSheets);
    QVERIFY(annSheets->at(0).at(1).sameAnswer(CalibrationAnswer::rated(4)));
    QCOMPARE(annSheets->at(0).at(1).comment, QStringLiteral("Ann on tone"));
    QVERIFY(annSheets->at(1).at(0).isMissing()); // item 2 left blank: missing, not 0

    // Ann's submission locks her form; she sees her own answers, read-only.
    QVERIFY(page.pickParticipant(QStringLiteral("Ann")));
    QVERIFY(page.submitButton()->isHidden());
    QVERIFY(!page.exportResponseButton()->isHidden());
    QCOMPARE(page.scoringForm()->answerBox(1)->currentText(), QStringLiteral("4"));
    QVERIFY(!page.scoringForm()->answerBox(1)->isEnabled());

    // Ben has not submitted: the lead's view says who did what, never the answers.
    const QAbstractItemModel *status = page.statusModel();
    QCOMPARE(status->rowCount(), 3);
    const int annRow = rowOf(status, QStringLiteral("Ann"));
    const int benRow = rowOf(status, QStringLiteral("Ben"));
    QVERIFY(cellText(status, annRow, 1).startsWith(QStringLiteral("✓ ")));
    QCOMPARE(cellText(status, annRow, 2), QStringLiteral("1 of 2"));
    QCOMPARE(cellText(status, annRow, 3), QStringLiteral("1 of 2"));
    QCOMPARE(cellText(status, annRow, 4), QStringLiteral("3 of 6")); // 2 items × 3 criteria
    QCOMPARE(cellText(status, benRow, 1), QStringLiteral("not yet"));
    QCOMPARE(cellText(status, benRow, 4), QStringLiteral("0 of 6"));
    QCOMPARE(cellText(page.sessionsModel(), 0, 4), QStringLiteral("2 of 3"));
    for (const QString &text : allTexts(status))
        QVERIFY2(!text.contains(QStringLiteral("tone")), qPrintable(text));
    QCOMPARE(page.revealModel()->rowCount(), 0);

    score(page, QStringLiteral("Ben"), {QStringLiteral("0 (not met)"), QStringLiteral("5"), QStringLiteral("1 (met)")});
    QCOMPARE(cellText(page.sessionsModel(), 0, 4), QStringLiteral("3 of 3"));

    // Review: everything is revealed against the expert's answers.
    QCOMPARE(page.advanceButton()->text(), QStringLiteral("Reveal and Review"));
    page.advanceButton()->click();
    QVERIFY(settle(page));
    QVERIFY(tabs->isTabVisible(2));
    QVERIFY(tabs->isTabVisible(3));
    QVERIFY(!tabs->isTabVisible(1)); // scoring is over
    QVERIFY(page.selectReviewItem(0));
    const CalibrationRevealModel *grid = page.revealModel();
    QCOMPARE(grid->rowCount(), 4); // baseline, Cat, Ann, Ben
    QCOMPARE(grid->columnCount(), 3);
    QCOMPARE(grid->headerData(0, Qt::Vertical).toString(), QStringLiteral("Baseline (expert)"));
    QCOMPARE(cellText(grid, 0, 1), QStringLiteral("5"));
    using S = CalibrationRevealModel::Status;
    auto status_ = [&](int r, int c) { return S(grid->data(grid->index(r, c), CalibrationRevealModel::StatusRole).toInt()); };
    auto colour = [&](int r, int c) { return grid->data(grid->index(r, c), Qt::BackgroundRole).value<QColor>().rgb(); };
    // Ann: a matches, b is 4 against 5 (watch), c matches.
    QCOMPARE(cellText(grid, 2, 0), QStringLiteral("1 ✓"));
    QCOMPARE(status_(2, 0), S::Match);
    QCOMPARE(colour(2, 0), QColor(0x00, 0x9E, 0x73).rgb());
    QCOMPARE(cellText(grid, 2, 1), QStringLiteral("4 ≠ baseline 5"));
    QCOMPARE(status_(2, 1), S::Differs);
    QCOMPARE(colour(2, 1), QColor(0xE6, 0x9F, 0x00).rgb());
    QCOMPARE(grid->data(grid->index(2, 1), Qt::ToolTipRole).toString(), QStringLiteral("Ann on tone"));
    // Ben fails the critical criterion the expert passed: a critical mismatch (bad).
    QCOMPARE(cellText(grid, 3, 0), QStringLiteral("0 ⚠ critical, baseline 1"));
    QCOMPARE(status_(3, 0), S::CriticalMismatch);
    QCOMPARE(colour(3, 0), QColor(0xD5, 0x5E, 0x00).rgb());
    QCOMPARE(cellText(grid, 3, 1), QStringLiteral("5 ✓"));
    // Spread per criterion on item 1 = 1 − largest answer count / answers:
    //   a: 1, 1, 0 → 1 − 2/3 = 33% > 20 → flagged; b: 5, 4, 5 → 33% → flagged; c: 1, 1, 1 → 0.
    QCOMPARE(grid->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Accuracy ⚑ disagreement"));
    QCOMPARE(grid->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Tone ⚑ disagreement"));
    QCOMPARE(grid->headerData(2, Qt::Horizontal).toString(), QStringLiteral("Closing"));

    // Metrics, against the expert (weights e = 1/4, 2/4, 1/4; b's c = (v − 1)/4):
    //   Cat raw = 100 (1/4·1 + 2/4·1 + 1/4·1)
    //   Ann raw = 100 (1/4·1 + 2/4·0.75 + 1/4·1) = 87.5 → deviation −12.5
    //   Ben raw = 100 (1/4·0 + 2/4·1 + 1/4·1) = 75 → deviation −25 (raw scores: no critical zeroing)
    const QAbstractItemModel *people = page.participantMetricsModel();
    QCOMPARE(people->rowCount(), 2); // the expert is the baseline, not measured
    const int a = rowOf(people, QStringLiteral("Ann"));
    const int b = rowOf(people, QStringLiteral("Ben"));
    QCOMPARE(people->data(people->index(a, 2), ScorecardTableModel::SortRole).toDouble(), -12.5);
    QCOMPARE(cellText(people, a, 2), QStringLiteral("-12.50"));
    QCOMPARE(people->data(people->index(b, 2), ScorecardTableModel::SortRole).toDouble(), -25.0);
    QCOMPARE(cellText(people, b, 6), QStringLiteral("1")); // one critical mismatch
    QCOMPARE(cellText(people, a, 6), QStringLiteral("0"));
    QVERIFY(page.metricsSummary()->text().contains(QStringLiteral("Baseline: expert")));
    QCOMPARE(page.criterionMetricsModel()->rowCount(), 3);

    // Consensus, prefilled from the expert; saved; notes; resolved once every answered item has one.
    QCOMPARE(page.consensusForm()->answerBox(1)->currentText(), QStringLiteral("5"));
    QVERIFY(page.consensusForm()->choose(1, QStringLiteral("4")));
    QVERIFY(page.saveConsensus());
    QVERIFY(settle(page));
    page.notesEdit()->setPlainText(QStringLiteral("Tone: polite but curt is a 4."));
    QVERIFY(page.saveNotes());
    QVERIFY(page.saveAnchor(1));
    QVERIFY(settle(page));
    const auto draft = CalibrationReview(m_project->database()).consensusDraft(id);
    QVERIFY(draft->at(0).at(1).sameAnswer(CalibrationAnswer::rated(4)));
    QCOMPARE(CalibrationSessions(m_project->database()).load(id)->items.at(0).notes,
             QStringLiteral("Tone: polite but curt is a 4."));
    QVERIFY2(page.advance(), qPrintable(page.messageLabel()->text()));
    QVERIFY(settle(page));
    QCOMPARE(cellText(page.sessionsModel(), 0, 3), QStringLiteral("Resolved"));
    // Resolved with a consensus: Ann's 4 now matches the baseline.
    QVERIFY(page.selectReviewItem(0));
    QCOMPARE(page.revealModel()->headerData(0, Qt::Vertical).toString(), QStringLiteral("Baseline (consensus)"));
    QCOMPARE(cellText(page.revealModel(), 2, 1), QStringLiteral("4 ✓"));
}

void TestCalibrationPage::offlineExchange()
{
    const qint64 id = scoringSession();
    CalibrationPage lead;
    lead.setProject(m_project.get());
    QVERIFY(settle(lead));
    QVERIFY(lead.selectSession(id));
    QVERIFY(settle(lead));
    const QString package = m_dir.filePath(QStringLiteral("march.qlcal"));
    QVERIFY2(lead.exportPackage(package), qPrintable(lead.messageLabel()->text()));
    QVERIFY(settle(lead));

    // Ann, on another laptop with a project of her own.
    auto own = createProject(m_dir.filePath(QStringLiteral("ann.qlproj")));
    CalibrationPage ann;
    ann.setProject(own.get());
    QVERIFY(settle(ann));
    QVERIFY2(ann.openPackage(package), qPrintable(ann.messageLabel()->text()));
    QVERIFY(settle(ann));
    QCOMPARE(ann.sessionsModel()->rowCount(), 1);
    QCOMPARE(cellText(ann.sessionsModel(), 0, 3), QStringLiteral("Scoring"));
    QVERIFY(ann.exportPackageButton()->isHidden()); // a copy exports responses only
    QVERIFY(ann.pickParticipant(QStringLiteral("Ann")));
    QVERIFY(ann.selectItem(0));
    QVERIFY(ann.scoringForm()->choose(0, QStringLiteral("1 (met)")));
    QVERIFY(ann.scoringForm()->choose(1, QStringLiteral("3")));
    QVERIFY(ann.scoringForm()->choose(2, QStringLiteral("N/A")));
    QVERIFY(ann.saveAnswers());
    QVERIFY(ann.submit());
    QVERIFY(settle(ann));
    QVERIFY(ann.pickParticipant(QStringLiteral("Ann")));
    const QString response = m_dir.filePath(QStringLiteral("ann.qlresp"));
    QVERIFY2(ann.exportResponse(response), qPrintable(ann.messageLabel()->text()));
    QVERIFY(settle(ann));

    // Back at the lead's: imported, Ann submitted, her answers stored as given.
    QSignalSpy finished(&lead, &CalibrationPage::exchangeFinished);
    QVERIFY(lead.importResponses({response}));
    QVERIFY(settle(lead));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(!lead.messageLabel()->property("error").toBool());
    QVERIFY(lead.messageLabel()->text().contains(QStringLiteral("ann.qlresp: Ann's answers imported (3 answers on 1 item).")));
    QCOMPARE(cellText(lead.sessionsModel(), 0, 4), QStringLiteral("1 of 3"));
    const auto data = CalibrationSessions(m_project->database()).load(id);
    const auto sheets = CalibrationScoring(m_project->database()).answersOf(id, data->participants.at(1).id);
    QVERIFY(sheets->at(0).at(1).sameAnswer(CalibrationAnswer::rated(3)));
    QVERIFY(sheets->at(0).at(2).isNotApplicable());
}

void TestCalibrationPage::wrongResponseRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("not json") << "garbage";
    QTest::newRow("another session's response") << "other";
    QTest::newRow("a package instead") << "package";
}

void TestCalibrationPage::wrongResponseRefused()
{
    QFETCH(QString, kind);
    const qint64 id = scoringSession();
    const QSqlDatabase db = m_project->database();
    QByteArray bytes = "this is not a response";
    if (kind == QLatin1String("other")) {
        const qint64 other = scoringSession(QStringLiteral("Other"));
        CalibrationExchange(db).exportPackage(other);
        const auto loaded = CalibrationSessions(db).load(other);
        const qint64 ann = loaded->participants.at(1).id;
        CalibrationScoring(db).saveAnswers(other, ann, loaded->items.at(0).id, sheet({r(1), r(2), r(1)}));
        CalibrationScoring(db).submit(other, ann);
        bytes = *CalibrationExchange(db).exportResponse(other, ann);
    } else if (kind == QLatin1String("package")) {
        bytes = *CalibrationExchange(db).exportPackage(id);
    }
    const QString path = m_dir.filePath(QStringLiteral("wrong-%1.qlresp").arg(kind));
    writeFile(path, bytes);
    // The engine's own message for this file and this session (a refusal writes nothing).
    CalibrationError expected;
    QVERIFY(!CalibrationExchange(db).importResponse(bytes, &expected, id));
    QVERIFY(!expected.message.isEmpty());

    CalibrationPage page;
    page.setProject(m_project.get());
    QVERIFY(settle(page));
    QVERIFY(page.selectSession(id));
    QVERIFY(settle(page));
    const QByteArray before = snapshot(db);
    QSignalSpy finished(&page, &CalibrationPage::exchangeFinished);
    QVERIFY(page.importResponses({path}));
    QVERIFY(settle(page));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(page.dataUndoStack(), nullptr); // the page alone: nothing to undo either way
    QVERIFY(page.messageLabel()->property("error").toBool());
    QCOMPARE(page.messageLabel()->text(), QStringLiteral("wrong-%1.qlresp: %2").arg(kind, expected.message));
    QCOMPARE(snapshot(db), before);
}

// Looking at the page: with QL_CALIBRATION_SHOTS=DIR holding demo.qlens (qualitylens-cli demo), grabs
// the sessions, a scoring form, the lead's status, the review grid and the metrics as PNGs there.
void TestCalibrationPage::screenshots()
{
    const QString dir = qEnvironmentVariable("QL_CALIBRATION_SHOTS");
    if (dir.isEmpty())
        QSKIP("set QL_CALIBRATION_SHOTS to a folder with demo.qlens to grab the screens");
    ProjectError error;
    auto demo = Project::open(dir + QStringLiteral("/demo.qlens"), Project::Access::ReadWrite, Project::Check::Now, &error);
    QVERIFY2(demo, qPrintable(error.message));
    CalibrationPage page;
    page.resize(1280, 820);
    page.show();
    page.setProject(demo.get());
    QVERIFY(settle(page));
    const auto list = CalibrationSessions(demo->database()).list();
    qint64 review = 0;
    for (const CalibrationSessionInfo &s : list)
        if (s.state == CalibrationState::Review)
            review = s.id;
    QVERIFY(page.selectSession(review));
    QVERIFY(settle(page));
    page.tabs()->setCurrentIndex(2);
    page.grab().save(dir + QStringLiteral("/review.png"));
    page.tabs()->setCurrentIndex(3);
    page.grab().save(dir + QStringLiteral("/metrics.png"));
    // A session in scoring on the demo's latest session's tickets.
    const auto data = CalibrationSessions(demo->database()).load(review);
    CalibrationSessions sessions(demo->database());
    NewCalibrationSession s{QStringLiteral("Chat calibration – November 2026"), QDate(2026, 11, 4), data->info.scorecardId,
                            QStringLiteral("Morgan Lee"), {}};
    for (const CalibrationParticipant &p : data->participants)
        s.participants.append({p.name, p.auditorId, p.expert});
    const qint64 id = sessions.create(s).value_or(0);
    for (const CalibrationItem &item : data->items)
        sessions.addItem(id, item.ticketId);
    QVERIFY(!sessions.advance(id, CalibrationState::Scoring).isError());
    page.refresh();
    QVERIFY(settle(page));
    QVERIFY(page.selectSession(id));
    QVERIFY(settle(page));
    const QString who = data->participants.at(1).name;
    QVERIFY(page.pickParticipant(who));
    QVERIFY(page.selectItem(0));
    page.scoringForm()->answerBox(0)->setCurrentIndex(1);
    page.scoringForm()->answerBox(1)->setCurrentIndex(2);
    QVERIFY(page.saveAnswers());
    QVERIFY(page.submit());
    QVERIFY(settle(page));
    QVERIFY(page.pickParticipant(data->participants.at(2).name));
    page.tabs()->setCurrentIndex(1);
    page.grab().save(dir + QStringLiteral("/scoring.png"));
    page.tabs()->setCurrentIndex(0);
    page.grab().save(dir + QStringLiteral("/status.png"));
    NewCalibrationSessionDialog dialog(demo->database());
    dialog.show();
    dialog.grab().save(dir + QStringLiteral("/newsession.png"));
}

QTEST_MAIN(TestCalibrationPage)
#include "tst_calibrationpage.moc"

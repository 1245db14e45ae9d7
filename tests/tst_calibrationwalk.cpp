// SPDX-License-Identifier: GPL-3.0-or-later
// A whole session walked through the Calibration page as a user would: the lead creates it in the
// New Session dialog, starts scoring; the expert and two participants each pick their name and
// score every item through the form and submit; the lead reveals, records the consensus (prefilled
// from the expert) and a note, resolves, exports the report as PDF and XLSX, closes, and the Trends
// tab picks the session up; then the whole walk is undone step by step back to an empty project.
// With QL_CALIBRATION_SHOTS set to a folder holding demo.qlens the same walk runs on the demo and
// grabs the screens (scoring, status, reveal, metrics, trends) into that folder.

#include "calibration/calibrationgradersview.h"
#include "calibration/calibrationpage.h"
#include "calibration/calibrationscoringform.h"
#include "calibration/newcalibrationsessiondialog.h"
#include "scorecards/scorecardtablemodel.h"
#include "tst_calibrationfixture.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ql;
using namespace ql::test;

class TestCalibrationWalk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void walk();

private:
    void shot(QWidget &page, const QString &name);
    QString m_shots;
};

void TestCalibrationWalk::shot(QWidget &page, const QString &name)
{
    if (m_shots.isEmpty())
        return;
    // Lay out what changed since the last grab (the posted layout requests only; no event loop).
    for (int i = 0; i < 3; ++i)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(page.grab().save(m_shots + QLatin1Char('/') + name));
}

void TestCalibrationWalk::walk()
{
    QTemporaryDir dir;
    m_shots = qEnvironmentVariable("QL_CALIBRATION_SHOTS");
    std::unique_ptr<Project> project;
    QStringList people{QStringLiteral("Cat"), QStringLiteral("Ann"), QStringLiteral("Ben")};
    QStringList tickets{QStringLiteral("T001"), QStringLiteral("T002"), QStringLiteral("T003")};
    if (m_shots.isEmpty()) {
        project = createProject(dir.filePath(QStringLiteral("walk.qlproj")));
        QVERIFY(project);
        addAudits(project->database(), storeCard(*project), 8);
        addInteraction(project->database(), QStringLiteral("T001"), QStringLiteral("Customer: my invoice is wrong"));
    } else {
        ProjectError error;
        project = Project::open(m_shots + QStringLiteral("/demo.qlens"), Project::Access::ReadWrite,
                                Project::Check::Now, &error);
        QVERIFY2(project, qPrintable(error.message));
        // The demo's session in review gives the people and the tickets.
        for (const CalibrationSessionInfo &s : CalibrationSessions(project->database()).list())
            if (s.state == CalibrationState::Review) {
                const auto data = CalibrationSessions(project->database()).load(s.id);
                people.clear();
                tickets.clear();
                for (int p = 0; p < 3 && p < data->participants.size(); ++p)
                    people << data->participants.at(p).name;
                for (int i = 0; i < 4 && i < data->items.size(); ++i)
                    tickets << data->items.at(i).ticketId;
            }
    }
    const QSqlDatabase db = project->database();
    const qint64 sessionsBefore = count(db, QStringLiteral("SELECT COUNT(*) FROM calibration_sessions"));

    QUndoStack stack;
    CalibrationPage page;
    page.setDataUndoStack(&stack);
    page.resize(1280, 820);
    page.show();
    page.setProject(project.get());
    QVERIFY(settle(page));

    // The lead: New Session with an expert, items by hand.
    NewCalibrationSessionDialog dialog(db);
    dialog.titleEdit()->setText(QStringLiteral("Chat calibration – December 2026"));
    dialog.participantsEdit()->setPlainText(people.join(QLatin1Char('\n')));
    dialog.expertBox()->setCurrentText(people.first());
    dialog.ticketsEdit()->setPlainText(tickets.join(QLatin1Char('\n')));
    QString error;
    const qint64 id = dialog.create(&error);
    QVERIFY2(id > 0, qPrintable(error));
    page.sessionCreated(id);
    QVERIFY(settle(page));
    QVERIFY(page.advance()); // Start Scoring
    QVERIFY(settle(page));

    // Each participant scores every item blind, through the form, and submits.
    for (int p = 0; p < people.size(); ++p) {
        QVERIFY(page.pickParticipant(people.at(p)));
        for (int i = 0; i < tickets.size(); ++i) {
            QVERIFY(page.selectItem(i));
            CalibrationScoringForm *form = page.scoringForm();
            for (int c = 0; form->answerBox(c); ++c) {
                QComboBox *box = form->answerBox(c);
                QCOMPARE(box->currentIndex(), 0); // nobody's answers, not even the expert's
                box->setCurrentIndex(std::min(box->count() - 1, 1 + (p + i + c) % 2));
            }
            QVERIFY(page.saveAnswers());
        }
        if (p == 1) {
            page.tabs()->setCurrentWidget(page.scoringForm()->parentWidget());
            shot(page, QStringLiteral("scoring.png"));
        }
        QVERIFY2(page.submit(), qPrintable(page.messageLabel()->text()));
        QVERIFY(settle(page));
    }
    page.tabs()->setCurrentIndex(0);
    shot(page, QStringLiteral("status.png"));
    QCOMPARE(page.sessionsModel()->data(page.sessionsModel()->index(0, 4)).toString().isEmpty(), false);

    // Reveal, consensus from the expert on every item, a note, resolve.
    QVERIFY(page.advance());
    QVERIFY(settle(page));
    for (int i = 0; i < tickets.size(); ++i) {
        QVERIFY(page.selectReviewItem(i));
        QVERIFY2(page.saveConsensus(), qPrintable(page.messageLabel()->text()));
        QVERIFY(settle(page));
    }
    QVERIFY(page.selectReviewItem(0));
    page.notesEdit()->setPlainText(QStringLiteral("Agreed: the agent verified the account before the refund."));
    QVERIFY(page.saveNotes());
    page.tabs()->setCurrentIndex(page.tabs()->indexOf(page.notesEdit()->parentWidget()));
    shot(page, QStringLiteral("review.png"));
    QVERIFY2(page.advance(), qPrintable(page.messageLabel()->text())); // resolved
    QVERIFY(settle(page));

    // The report, both ways.
    QSignalSpy exported(&page, &CalibrationPage::reportExported);
    const QString out = m_shots.isEmpty() ? dir.path() : m_shots;
    QVERIFY(page.exportReport(out + QStringLiteral("/calibration-report.pdf")));
    QVERIFY(exported.wait(120000));
    QCOMPARE(exported.last().at(1).toString(), QString());
    QVERIFY(page.exportReport(out + QStringLiteral("/calibration-report.xlsx")));
    QVERIFY(exported.wait(120000));
    QCOMPARE(exported.last().at(1).toString(), QString());
    page.tabs()->setCurrentIndex(page.tabs()->indexOf(page.exportReportButton()->parentWidget()));
    shot(page, QStringLiteral("metrics.png"));

    // Close: the Trends tab takes the session in.
    QSignalSpy trends(&page, &CalibrationPage::trendsUpdated);
    QVERIFY(page.advance());
    QVERIFY(settle(page));
    QVERIFY(!trends.isEmpty() || trends.wait(120000)); // it may have come while the session loaded
    QVERIFY(page.trendParticipantsModel()->rowCount() >= 2);
    QCOMPARE(CalibrationSessions(db).info(id)->state, CalibrationState::Closed);
    page.tabs()->setCurrentIndex(page.tabs()->count() - 2); // Trends, Graders
    QCOMPARE(page.tabs()->tabText(page.tabs()->currentIndex()), QStringLiteral("Trends"));
    shot(page, QStringLiteral("trends.png"));
    // The Graders tab: the walked session's participants have 3 or 4 items, fewer than the default
    // 10, so nobody is certified yet; the session is counted.
    page.tabs()->setCurrentIndex(page.tabs()->count() - 1);
    QCOMPARE(page.tabs()->tabText(page.tabs()->currentIndex()), QStringLiteral("Graders"));
    const ScorecardTableModel *graders = page.gradersView()->certificationModel();
    for (const QString &who : std::as_const(people)) {
        int row = -1;
        for (int r = 0; r < graders->rowCount(); ++r)
            if (graders->data(graders->index(r, 0)).toString() == who)
                row = r;
        QVERIFY2(row >= 0, qPrintable(who));
        if (m_shots.isEmpty()) // the demo's people have closed sessions of their own
            QCOMPARE(graders->data(graders->index(row, 1)).toString(),
                     QStringLiteral("not yet certified: %1 of 10 items").arg(tickets.size()));
    }
    QVERIFY2(page.gradersView()->summary()->text().contains(QLatin1String("Not yet certified: ")),
             qPrintable(page.gradersView()->summary()->text()));
    shot(page, QStringLiteral("graders.png"));

    // Everything the walk did is on the stack; undone, the project has no new session.
    QVERIFY(stack.count() > 10);
    while (stack.canUndo()) {
        stack.undo();
        QVERIFY(settle(page));
    }
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM calibration_sessions")), sessionsBefore);
    if (!m_shots.isEmpty()) // the demo keeps the walked session for the screenshots in the guide
        while (stack.canRedo()) {
            stack.redo();
            QVERIFY(settle(page));
        }
}

QTEST_MAIN(TestCalibrationWalk)
#include "tst_calibrationwalk.moc"

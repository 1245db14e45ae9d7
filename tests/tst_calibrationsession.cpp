// SPDX-License-Identifier: GPL-3.0-or-later
// Calibration sessions in a project: the lifecycle (allowed and refused steps, closed read-only),
// blind scoring (answers locked on submit, status without answers, metrics refused before review),
// repeatable seeded draws, review (consensus, notes, anchors), and the change log of every edit.
#include "tst_calibrationfixture.h"

#include "calibration/calibrationdraw.h"
#include "stats/boundedrandom.h"
#include "store/changelog.h"

#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace ql;
using namespace ql::test;

class TestCalibrationSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createValidates();
    void lifecycle();
    void transitionsRefused_data();
    void transitionsRefused();
    void draftOnlyEdits();
    void blindScoring();
    void answersAreChecked();
    void discardAndResubmit();
    void drawIsRepeatable();
    void drawStratifiedAndFiltered();
    void drawPure();
    void reviewConsensusNotesAnchors();
    void closedIsReadOnly();

private:
    QSqlDatabase db() const { return m_project->database(); }
    qint64 newSession(const QList<NewCalibrationParticipant> &people);

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    qint64 m_card = 0;
};

void TestCalibrationSession::init()
{
    m_project = createProject(m_dir.filePath(QStringLiteral("s.qlens")));
    QVERIFY(m_project);
    m_card = storeCard(*m_project);
    QVERIFY(m_card > 0);
}

void TestCalibrationSession::cleanup()
{
    m_project.reset();
}

qint64 TestCalibrationSession::newSession(const QList<NewCalibrationParticipant> &people)
{
    NewCalibrationSession s;
    s.title = QStringLiteral("March");
    s.date = QDate(2026, 3, 18);
    s.scorecardId = m_card;
    s.participants = people;
    CalibrationError error;
    const auto id = CalibrationSessions(db()).create(s, &error);
    if (!id)
        qWarning("%s", qPrintable(error.message));
    return id.value_or(0);
}

void TestCalibrationSession::createValidates()
{
    CalibrationSessions sessions(db());
    NewCalibrationSession s;
    s.date = QDate(2026, 3, 18);
    s.scorecardId = m_card;
    CalibrationError error;
    QVERIFY(!sessions.create(s, &error));
    QCOMPARE(error.kind, CalibrationError::Invalid); // no title
    s.title = QStringLiteral("T");
    s.scorecardId = 999;
    QVERIFY(!sessions.create(s, &error));
    QCOMPARE(error.kind, CalibrationError::NotFound);
    s.scorecardId = m_card;
    s.participants = {{QStringLiteral("Ann"), 0, true}, {QStringLiteral("Bo"), 0, true}};
    QVERIFY(!sessions.create(s, &error)); // two experts
    QVERIFY(error.message.contains(QLatin1String("at most one")));
    s.participants = {{QStringLiteral("Ann"), 0, false}, {QStringLiteral("ann"), 0, false}};
    QVERIFY(!sessions.create(s, &error)); // the same name twice
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM calibration_sessions")), 0);
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM change_log")), 0);

    s.participants = {{QStringLiteral("Ann"), 0, true}, {QStringLiteral("Bo"), 0, false}};
    const auto id = sessions.create(s, &error);
    QVERIFY(id);
    const auto info = sessions.info(*id);
    QCOMPARE(info->state, CalibrationState::Draft);
    QCOMPARE(info->participants, 2);
    QCOMPARE(info->scorecardName, QStringLiteral("Calibration QA"));
    // The session and each participant are in the change log.
    QCOMPARE(ChangeLog::forEntity(db(), QStringLiteral("calibration_session"), QString::number(*id)).size(), 1);
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'calibration_participant'")),
             2);
}

void TestCalibrationSession::lifecycle()
{
    const HandSession h = writeHandSession(db(), m_card, CalibrationState::Scoring);
    CalibrationSessions sessions(db());
    QCOMPARE(sessions.info(h.sessionId)->state, CalibrationState::Scoring);
    QVERIFY(!sessions.advance(h.sessionId, CalibrationState::Review).isError());
    // Resolved needs a consensus wherever anyone answered: refused, then filled from the expert.
    CalibrationError e = sessions.advance(h.sessionId, CalibrationState::Resolved);
    QCOMPARE(e.kind, CalibrationError::Refused);
    QVERIFY(e.message.contains(QLatin1String("consensus")));
    CalibrationReview review(db());
    QCOMPARE(review.fillConsensusFromExpert(h.sessionId).value_or(-1), 6);
    QVERIFY(!sessions.advance(h.sessionId, CalibrationState::Resolved).isError());
    QVERIFY(!sessions.advance(h.sessionId, CalibrationState::Closed).isError());
    const auto info = sessions.info(h.sessionId);
    QCOMPARE(info->state, CalibrationState::Closed);
    QVERIFY(!info->closedAt.isEmpty());

    // Every step is in the change log, in order.
    QStringList steps;
    for (const ChangeEntry &c :
         ChangeLog::forEntity(db(), QStringLiteral("calibration_session"), QString::number(h.sessionId)))
        if (c.field == QLatin1String("state"))
            steps << c.oldValue.toString() + QStringLiteral("→") + c.newValue.toString();
    QCOMPARE(steps, (QStringList{"draft→scoring", "scoring→review", "review→resolved", "resolved→closed"}));
}

void TestCalibrationSession::transitionsRefused_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::newRow("draft to review skips scoring") << int(CalibrationState::Draft) << int(CalibrationState::Review);
    QTest::newRow("draft to closed") << int(CalibrationState::Draft) << int(CalibrationState::Closed);
    QTest::newRow("scoring back to draft") << int(CalibrationState::Scoring) << int(CalibrationState::Draft);
    QTest::newRow("scoring to resolved") << int(CalibrationState::Scoring) << int(CalibrationState::Resolved);
    QTest::newRow("review back to scoring") << int(CalibrationState::Review) << int(CalibrationState::Scoring);
    QTest::newRow("review to closed") << int(CalibrationState::Review) << int(CalibrationState::Closed);
    QTest::newRow("review to review") << int(CalibrationState::Review) << int(CalibrationState::Review);
}

void TestCalibrationSession::transitionsRefused()
{
    QFETCH(int, from);
    QFETCH(int, to);
    const HandSession h = writeHandSession(db(), m_card, CalibrationState::Scoring);
    CalibrationSessions sessions(db());
    if (from == int(CalibrationState::Draft)) {
        // A fresh draft instead.
        const qint64 id = newSession({{QStringLiteral("Ann"), 0, false}});
        const QByteArray before = snapshot(db());
        const CalibrationError e = sessions.advance(id, CalibrationState(to));
        QCOMPARE(e.kind, CalibrationError::WrongState);
        QCOMPARE(snapshot(db()), before);
        return;
    }
    if (from >= int(CalibrationState::Review))
        QVERIFY(!sessions.advance(h.sessionId, CalibrationState::Review).isError());
    const QByteArray before = snapshot(db());
    const CalibrationError e = sessions.advance(h.sessionId, CalibrationState(to));
    QCOMPARE(e.kind, CalibrationError::WrongState);
    QVERIFY2(e.message.contains(calibrationStateName(CalibrationState(from))), qPrintable(e.message));
    QCOMPARE(snapshot(db()), before);
}

void TestCalibrationSession::draftOnlyEdits()
{
    const qint64 id = newSession({{QStringLiteral("Ann"), 0, false}});
    CalibrationSessions sessions(db());
    CalibrationError error;
    // Scoring needs an item.
    QCOMPARE(sessions.advance(id, CalibrationState::Scoring).kind, CalibrationError::Refused);
    addInteraction(db(), QStringLiteral("T9"), QStringLiteral("Customer: hello"));
    const auto item = sessions.addItem(id, QStringLiteral("T9"), 0, &error);
    QVERIFY(item);
    QVERIFY(!sessions.addItem(id, QStringLiteral("T9"), 0, &error)); // the same ticket twice
    const auto data = sessions.load(id);
    QCOMPARE(data->items.size(), 1);
    QCOMPARE(data->items[0].transcript, QStringLiteral("Customer: hello"));
    QVERIFY(!data->answersLoaded);
    const auto extra = sessions.addParticipant(id, {QStringLiteral("Bo"), 0, false}, &error);
    QVERIFY(extra);
    QVERIFY(!sessions.removeParticipant(id, *extra).isError());
    QVERIFY(!sessions.advance(id, CalibrationState::Scoring).isError());
    // Items and participants are fixed once scoring starts (a package carries them).
    QVERIFY(!sessions.addItem(id, QStringLiteral("T10"), 0, &error));
    QCOMPARE(error.kind, CalibrationError::WrongState);
    QVERIFY(!sessions.addParticipant(id, {QStringLiteral("Cy"), 0, false}, &error));
    QCOMPARE(sessions.removeItem(id, *item).kind, CalibrationError::WrongState);
}

void TestCalibrationSession::blindScoring()
{
    const HandSession h = writeHandSession(db(), m_card, CalibrationState::Scoring);
    CalibrationScoring scoring(db());
    CalibrationReview review(db());
    CalibrationError error;

    // The lead's view: who has submitted what, counts only.
    const auto status = scoring.status(h.sessionId, &error);
    QVERIFY(status);
    QCOMPARE(status->size(), 4);
    QCOMPARE((*status)[0].name, QStringLiteral("Cat"));
    QVERIFY(!(*status)[0].submittedAt.isEmpty());
    QCOMPARE((*status)[2].answersGiven, 5); // Ben: 3 + 2
    QCOMPARE((*status)[2].itemsComplete, 1);
    QCOMPARE((*status)[3].answersGiven, 0); // Dan
    QVERIFY((*status)[3].submittedAt.isEmpty());
    QCOMPARE((*status)[3].answersExpected, 6);

    // No metrics, no consensus draft and no loaded answers before review.
    QVERIFY(!review.metrics(h.sessionId, &error));
    QCOMPARE(error.kind, CalibrationError::Refused);
    QVERIFY(error.message.contains(QLatin1String("blind")));
    QVERIFY(!review.consensusDraft(h.sessionId, &error));
    QVERIFY(!CalibrationSessions(db()).load(h.sessionId)->answersLoaded);
    // The change log records that answers were saved, never what they are.
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM change_log WHERE field = 'answers' AND new_value LIKE "
                                        "'%answers'")),
             6);

    // A participant's own form shows their answers.
    const auto own = scoring.answersOf(h.sessionId, h.participants[1], &error);
    QVERIFY(own);
    QCOMPARE((*own)[1][2].value, 0.0);
    QVERIFY((*own)[1][2].isRated());

    // Submitted answers are locked; Dan may still answer and submit.
    QCOMPARE(scoring.saveAnswers(h.sessionId, h.participants[1], h.items[0], sheet({r(0), r(1), r(0)})).kind,
             CalibrationError::Refused);
    QCOMPARE(scoring.submit(h.sessionId, h.participants[1]).kind, CalibrationError::Refused);
    QVERIFY(!scoring.saveAnswers(h.sessionId, h.participants[3], h.items[0], sheet({r(1)})).isError());
    QVERIFY(!scoring.submit(h.sessionId, h.participants[3]).isError());

    // Once in review, the answers are revealed.
    QVERIFY(!CalibrationSessions(db()).advance(h.sessionId, CalibrationState::Review).isError());
    QVERIFY(CalibrationSessions(db()).load(h.sessionId)->answersLoaded);
    QVERIFY(review.metrics(h.sessionId, &error));
    // …and no one can change them any more.
    QCOMPARE(scoring.saveAnswers(h.sessionId, h.participants[3], h.items[1], sheet({r(1)})).kind,
             CalibrationError::WrongState);
}

void TestCalibrationSession::answersAreChecked()
{
    const HandSession h = writeHandSession(db(), m_card, CalibrationState::Scoring);
    CalibrationScoring scoring(db());
    const qint64 dan = h.participants[3];
    const QByteArray before = snapshot(db());
    QCOMPARE(scoring.saveAnswers(h.sessionId, dan, h.items[0], sheet({r(2)})).kind, CalibrationError::Invalid);
    QCOMPARE(scoring.saveAnswers(h.sessionId, dan, h.items[0], sheet({r(1), r(6)})).kind, CalibrationError::Invalid);
    QCOMPARE(scoring.saveAnswers(h.sessionId, dan, h.items[0], sheet({na()})).kind,
             CalibrationError::Invalid); // a does not allow N/A
    QCOMPARE(scoring.saveAnswers(h.sessionId, dan, h.items[0], sheet({r(1), r(1), r(1), r(1)})).kind,
             CalibrationError::Invalid);
    QCOMPARE(scoring.saveAnswers(h.sessionId, dan, 9999, sheet({r(1)})).kind, CalibrationError::NotFound);
    QCOMPARE(scoring.saveAnswers(h.sessionId, 9999, h.items[0], sheet({r(1)})).kind, CalibrationError::NotFound);
    QCOMPARE(snapshot(db()), before);
    // A partial sheet is fine: missing stays missing (no row), not zero.
    QVERIFY(!scoring.saveAnswers(h.sessionId, dan, h.items[0], sheet({missing(), r(2)})).isError());
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM calibration_answers WHERE participant_id = %1").arg(dan)),
             1);
}

void TestCalibrationSession::discardAndResubmit()
{
    const HandSession h = writeHandSession(db(), m_card, CalibrationState::Scoring);
    CalibrationScoring scoring(db());
    const qint64 ann = h.participants[1];
    QCOMPARE(scoring.discard(h.sessionId, h.participants[3], QString()).kind,
             CalibrationError::Refused); // Dan never submitted
    QVERIFY(!scoring.discard(h.sessionId, ann, QStringLiteral("scored the wrong ticket")).isError());
    const auto status = scoring.status(h.sessionId);
    QVERIFY((*status)[1].submittedAt.isEmpty());
    QVERIFY(!(*status)[1].discardedAt.isEmpty());
    QCOMPARE((*status)[1].answersGiven, 6); // the answers stay, editable again
    QVERIFY(!scoring.saveAnswers(h.sessionId, ann, h.items[0], sheet({r(1), r(5), r(1)})).isError());
    QVERIFY(!scoring.submit(h.sessionId, ann).isError());
    bool logged = false;
    for (const ChangeEntry &c :
         ChangeLog::forEntity(db(), QStringLiteral("calibration_participant"), QString::number(ann)))
        logged = logged || c.reason == QLatin1String("scored the wrong ticket");
    QVERIFY(logged);
}

void TestCalibrationSession::drawIsRepeatable()
{
    addAudits(db(), m_card, 40);
    CalibrationSessions sessions(db());
    CalibrationDrawSpec spec;
    spec.count = 6;
    spec.seed = 7;
    const qint64 first = newSession({{QStringLiteral("Ann"), 0, false}});
    const qint64 second = newSession({{QStringLiteral("Ann"), 0, false}});
    const qint64 third = newSession({{QStringLiteral("Ann"), 0, false}});
    CalibrationError error;
    QVERIFY2(sessions.draw(first, spec, &error), qPrintable(error.message));
    QVERIFY(sessions.draw(second, spec, &error));
    spec.seed = 8;
    QVERIFY(sessions.draw(third, spec, &error));
    const auto tickets = [&](qint64 id) {
        QStringList out;
        const auto loaded = sessions.load(id);
        for (const CalibrationItem &it : loaded->items)
            out << it.ticketId;
        return out;
    };
    QCOMPARE(tickets(first).size(), 6);
    QCOMPARE(tickets(first), tickets(second));
    QVERIFY(tickets(first) != tickets(third));
    // Every drawn item links its audit.
    const auto loadedFirst = sessions.load(first);
    for (const CalibrationItem &it : loadedFirst->items)
        QVERIFY(it.auditId > 0);
    // The spec is stored and reads back as the same draw.
    const auto stored = CalibrationDrawSpec::fromJson(sessions.info(first)->drawJson);
    QVERIFY(stored);
    QCOMPARE(stored->seed, quint64(7));
    QCOMPARE(stored->count, 6);
    // A preview is the same draw and writes nothing (the session's own tickets are excluded).
    const QByteArray before = snapshot(db());
    spec.seed = 7;
    const qint64 fourth = newSession({{QStringLiteral("Ann"), 0, false}});
    const QByteArray afterCreate = snapshot(db());
    const auto preview = sessions.previewDraw(fourth, spec, &error);
    QVERIFY(preview);
    QStringList previewTickets;
    for (const DrawCandidate &c : *preview)
        previewTickets << c.ticketId;
    QCOMPARE(previewTickets, tickets(first));
    QCOMPARE(snapshot(db()), afterCreate);
    QVERIFY(before != afterCreate);
    // Drawing into a session that is no longer a draft is refused.
    QVERIFY(!sessions.advance(first, CalibrationState::Scoring).isError());
    QVERIFY(!sessions.draw(first, spec, &error));
    QCOMPARE(error.kind, CalibrationError::WrongState);
}

void TestCalibrationSession::drawStratifiedAndFiltered()
{
    addAudits(db(), m_card, 40); // raw 42, 44, …, 120 capped? no: 40 + 2k for k = 1..40 → 42..120
    CalibrationSessions sessions(db());
    CalibrationDrawSpec spec;
    spec.count = 6;
    spec.seed = 3;
    spec.bands = {60, 90};
    spec.queues = {QStringLiteral("Billing")};
    const qint64 id = newSession({{QStringLiteral("Ann"), 0, false}});
    const auto drawn = sessions.previewDraw(id, spec);
    QVERIFY(drawn);
    QCOMPARE(drawn->size(), 6);
    // Billing audits are the even k; bands are taken in turn: low, middle, high, low, middle, high.
    for (int k = 0; k < 6; ++k) {
        const double raw = *(*drawn)[k].rawScore;
        const int band = raw < 60 ? 0 : raw < 90 ? 1 : 2;
        QCOMPARE(band, k % 3);
        QCOMPARE((*drawn)[k].ticketId.right(3).toInt() % 2, 0);
    }
    spec.months = {QStringLiteral("2026-04")};
    QVERIFY(sessions.previewDraw(id, spec)->isEmpty());
    CalibrationError error;
    QVERIFY(!sessions.draw(id, spec, &error));
    QCOMPARE(error.kind, CalibrationError::Invalid);
    spec.months = {QStringLiteral("2026-03")};
    QCOMPARE(sessions.previewDraw(id, spec)->size(), 6);
    spec.months = {QStringLiteral("March")};
    QVERIFY(!sessions.previewDraw(id, spec, &error));
    QVERIFY(error.message.contains(QLatin1String("2026-10")));
}

// The draw without a database, against Fisher–Yates done by hand on the same generator: from the
// end, swap i with boundedIndex(i + 1).
void TestCalibrationSession::drawPure()
{
    QList<DrawCandidate> candidates;
    for (int k = 0; k < 10; ++k) {
        DrawCandidate c;
        c.auditId = k + 1;
        c.source = QStringLiteral("default");
        c.auditKey = QString::number(k);
        c.ticketId = QStringLiteral("T%1").arg(k);
        candidates.append(c);
    }
    CalibrationDrawSpec spec;
    spec.count = 4;
    spec.seed = 42;
    std::mt19937_64 engine(42);
    QList<int> order{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    for (int i = 9; i > 0; --i)
        order.swapItemsAt(i, int(stats::boundedIndex(engine, std::uint64_t(i) + 1)));
    const auto drawn = drawCalibrationItems(candidates, spec);
    QCOMPARE(drawn.size(), 4);
    for (int k = 0; k < 4; ++k)
        QCOMPARE(drawn[k].auditId, qint64(order[k] + 1));
    // A larger count extends the smaller draw; excluded tickets are skipped.
    spec.count = 6;
    const auto more = drawCalibrationItems(candidates, spec);
    for (int k = 0; k < 4; ++k)
        QCOMPARE(more[k].auditId, drawn[k].auditId);
    const auto without = drawCalibrationItems(candidates, spec, {drawn[0].ticketId});
    QCOMPARE(without[0].auditId, drawn[1].auditId);
    // Bad specs.
    spec.count = 0;
    QVERIFY(!spec.validate().isEmpty());
    spec.count = 3;
    spec.bands = {90, 60};
    QVERIFY(!spec.validate().isEmpty());
}

void TestCalibrationSession::reviewConsensusNotesAnchors()
{
    const HandSession h = writeHandSession(db(), m_card);
    CalibrationReview review(db());
    CalibrationError error;
    // The consensus form starts from the expert's answers.
    auto draft = review.consensusDraft(h.sessionId, &error);
    QVERIFY(draft);
    QCOMPARE((*draft)[0][1].value, 5.0);
    QVERIFY((*draft)[1][2].isNotApplicable());
    // Record one criterion differently, with a note; the rest from the expert.
    CalibrationAnswer agreed = r(4);
    agreed.comment = QStringLiteral("polite but curt");
    QVERIFY(!review.setConsensus(h.sessionId, h.items[1], 1, agreed).isError());
    QCOMPARE(review.setConsensus(h.sessionId, h.items[1], 0, na()).kind, CalibrationError::Invalid);
    QCOMPARE(review.fillConsensusFromExpert(h.sessionId).value_or(-1), 5);
    draft = review.consensusDraft(h.sessionId);
    QCOMPARE((*draft)[1][1].value, 4.0);
    QCOMPARE((*draft)[1][1].comment, QStringLiteral("polite but curt"));
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'calibration_consensus'")),
             1 + 1 + 5); // value and note of b on T2, then five from the expert

    QVERIFY(!review.setNotes(h.sessionId, h.items[0], QStringLiteral("Ben missed the refund promise")).isError());
    QCOMPARE(CalibrationSessions(db()).load(h.sessionId)->items[0].notes,
             QStringLiteral("Ben missed the refund promise"));

    const auto anchor = review.saveAnchor(h.sessionId, h.items[1], 1, QStringLiteral("what a 4 looks like"), &error);
    QVERIFY2(anchor, qPrintable(error.message));
    const auto anchors = CalibrationStore(db()).anchors(CalibrationSessions(db()).load(h.sessionId)->criterionIds[1]);
    QCOMPARE(anchors.size(), 1);
    QCOMPARE(anchors[0].answer.value, 4.0);
    QCOMPARE(anchors[0].note, QStringLiteral("what a 4 looks like"));
    QCOMPARE(anchors[0].itemId, h.items[1]);

    // Resolved: the consensus is the baseline; consensus and notes can still be edited.
    QVERIFY(!CalibrationSessions(db()).advance(h.sessionId, CalibrationState::Resolved).isError());
    const auto m = review.metrics(h.sessionId);
    QCOMPARE(m->baseline, CalibrationBaseline::Consensus);
    QVERIFY(!review.setNotes(h.sessionId, h.items[1], QStringLiteral("agreed")).isError());
}

void TestCalibrationSession::closedIsReadOnly()
{
    const HandSession h = writeHandSession(db(), m_card);
    CalibrationReview review(db());
    CalibrationSessions sessions(db());
    QVERIFY(review.fillConsensusFromExpert(h.sessionId));
    QVERIFY(!sessions.advance(h.sessionId, CalibrationState::Resolved).isError());
    QVERIFY(!sessions.advance(h.sessionId, CalibrationState::Closed).isError());
    const QByteArray before = snapshot(db());
    CalibrationError error;
    QCOMPARE(review.setNotes(h.sessionId, h.items[0], QStringLiteral("x")).kind, CalibrationError::WrongState);
    QCOMPARE(review.setConsensus(h.sessionId, h.items[0], 0, r(0)).kind, CalibrationError::WrongState);
    QVERIFY(!review.saveAnchor(h.sessionId, h.items[0], 0, QString(), &error));
    QVERIFY(error.message.contains(QLatin1String("closed")));
    QCOMPARE(sessions.advance(h.sessionId, CalibrationState::Closed).kind, CalibrationError::WrongState);
    QCOMPARE(CalibrationScoring(db()).submit(h.sessionId, h.participants[3]).kind, CalibrationError::WrongState);
    QCOMPARE(snapshot(db()), before);
    // Reading is fine.
    QVERIFY(review.metrics(h.sessionId));
}

QTEST_GUILESS_MAIN(TestCalibrationSession)
#include "tst_calibrationsession.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The offline exchange (calibration.md): the lead exports a session package, a participant opens
// it in another project, scores blind and exports a response, the lead imports responses in any
// order. Damaged or edited files, another session's response and a second response from the same
// person are refused with a message and change nothing.
#include "tst_calibrationfixture.h"

#include "calibration/calibrationexchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;
using namespace ql::test;

class TestCalibrationExchange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void packageCarriesNoAnswers();
    void roundTripInAnyOrder();
    void refusals_data();
    void refusals();
    void secondResponseUntilDiscarded();
    void wrongSession();
    void packageRefusals();
    void partialResponse();

private:
    struct Lead
    {
        qint64 session = 0;
        QList<qint64> participants; // Cat (expert), Ann, Ben
        QByteArray package;
    };
    Lead makeLeadSession();
    // Opens the package in the participant's project, scores as `name` and returns the response.
    QByteArray respond(const QByteArray &package, const QString &name, const QList<CalibrationSheet> &sheets);

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_lead;
    std::unique_ptr<Project> m_laptop;
};

void TestCalibrationExchange::init()
{
    m_lead = createProject(m_dir.filePath(QStringLiteral("lead.qlens")));
    m_laptop = createProject(m_dir.filePath(QStringLiteral("laptop.qlens")));
    QVERIFY(m_lead && m_laptop);
}

void TestCalibrationExchange::cleanup()
{
    m_lead.reset();
    m_laptop.reset();
}

TestCalibrationExchange::Lead TestCalibrationExchange::makeLeadSession()
{
    const QSqlDatabase db = m_lead->database();
    Lead lead;
    const qint64 card = storeCard(*m_lead);
    addInteraction(db, QStringLiteral("T1"), QStringLiteral("Customer: my card **** **** **** 4242 was charged twice"));
    addInteraction(db, QStringLiteral("T2"), QStringLiteral("Customer: where is my parcel?"));
    CalibrationSessions sessions(db);
    NewCalibrationSession s;
    s.title = QStringLiteral("Across laptops");
    s.date = QDate(2026, 4, 15);
    s.scorecardId = card;
    s.lead = QStringLiteral("Dana");
    s.participants = {
        {QStringLiteral("Cat"), 0, true}, {QStringLiteral("Ann"), 0, false}, {QStringLiteral("Ben"), 0, false}};
    lead.session = sessions.create(s).value_or(0);
    sessions.addItem(lead.session, QStringLiteral("T1"));
    sessions.addItem(lead.session, QStringLiteral("T2"));
    const auto loaded = sessions.load(lead.session);
    for (const CalibrationParticipant &p : loaded->participants)
        lead.participants << p.id;
    sessions.advance(lead.session, CalibrationState::Scoring);
    // The expert scores on the lead's laptop before the package goes out: the package must not carry it.
    CalibrationScoring scoring(db);
    const auto items = sessions.load(lead.session)->items;
    scoring.saveAnswers(lead.session, lead.participants[0], items[0].id, sheet({r(1), r(5), r(1)}));
    scoring.saveAnswers(lead.session, lead.participants[0], items[1].id, sheet({r(1), r(3), na()}));
    CalibrationError error;
    lead.package = CalibrationExchange(db).exportPackage(lead.session, &error).value_or(QByteArray());
    if (lead.package.isEmpty())
        qWarning("%s", qPrintable(error.message));
    return lead;
}

QByteArray TestCalibrationExchange::respond(const QByteArray &package, const QString &name,
                                            const QList<CalibrationSheet> &sheets)
{
    const QSqlDatabase db = m_laptop->database();
    CalibrationExchange exchange(db);
    CalibrationError error;
    qint64 local = 0;
    if (const auto opened = exchange.openPackage(package, &error)) {
        local = *opened;
    } else {
        // Already open here (a second participant on the same laptop): use that session.
        local = CalibrationStore(db).sessionWithPackage(CalibrationExchange::payloadHash(
            QJsonDocument::fromJson(package).object().value(QLatin1String("payload")).toObject()));
    }
    const auto data = CalibrationSessions(db).load(local);
    qint64 who = 0;
    for (const CalibrationParticipant &p : data->participants)
        if (p.name == name)
            who = p.id;
    CalibrationScoring scoring(db);
    for (int i = 0; i < sheets.size(); ++i)
        if (const CalibrationError e = scoring.saveAnswers(local, who, data->items[i].id, sheets[i]); e.isError())
            qWarning("%s", qPrintable(e.message));
    scoring.submit(local, who);
    const auto response = exchange.exportResponse(local, who, &error);
    if (!response)
        qWarning("%s", qPrintable(error.message));
    return response.value_or(QByteArray());
}

void TestCalibrationExchange::packageCarriesNoAnswers()
{
    const Lead lead = makeLeadSession();
    QVERIFY(!lead.package.isEmpty());
    const QJsonObject file = QJsonDocument::fromJson(lead.package).object();
    QCOMPARE(file.value(QLatin1String("format")).toString(), QStringLiteral("qualitylens-calibration-package"));
    QCOMPARE(file.value(QLatin1String("format_version")).toInt(), 1);
    QCOMPARE(file.value(QLatin1String("session_id")).toInteger(), lead.session);
    const QJsonObject payload = file.value(QLatin1String("payload")).toObject();
    // The hash is over the payload in compact JSON, and the session records it.
    const QByteArray compact = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(compact, QCryptographicHash::Sha256).toHex());
    QCOMPARE(file.value(QLatin1String("payload_sha256")).toString(), sha);
    QVERIFY(lead.package.contains(compact)); // the payload is in the file exactly as hashed
    QCOMPARE(CalibrationSessions(m_lead->database()).info(lead.session)->packageSha256, sha);
    // The file's keys come in the spec's order.
    QVERIFY(lead.package.startsWith("{\"format\":\"qualitylens-calibration-package\",\"format_version\":1,"
                                    "\"session_id\":"));
    // Scorecard, conversations (masked as stored) and participants; no answers from anyone.
    QCOMPARE(payload.value(QLatin1String("items")).toArray().size(), 2);
    QCOMPARE(
        payload.value(QLatin1String("items")).toArray()[0].toObject().value(QLatin1String("transcript")).toString(),
        QStringLiteral("Customer: my card **** **** **** 4242 was charged twice"));
    QCOMPARE(payload.value(QLatin1String("participants")).toArray().size(), 3);
    QVERIFY(!lead.package.contains("\"answers\""));
    QVERIFY(!lead.package.contains("\"value\""));
    // Exporting again gives the same bytes (responses to the first copy stay valid).
    QCOMPARE(CalibrationExchange(m_lead->database()).exportPackage(lead.session).value_or(QByteArray()), lead.package);
    QCOMPARE(
        count(m_lead->database(), QStringLiteral("SELECT count(*) FROM change_log WHERE field = 'package_sha256'")), 1);
}

void TestCalibrationExchange::roundTripInAnyOrder()
{
    const Lead lead = makeLeadSession();
    const QByteArray ben =
        respond(lead.package, QStringLiteral("Ben"), {sheet({r(0), r(5), na()}), sheet({r(1), missing(), na()})});
    const QByteArray ann =
        respond(lead.package, QStringLiteral("Ann"), {sheet({r(1), r(4), r(1)}), sheet({r(1), r(3), r(0)})});
    QVERIFY(!ann.isEmpty() && !ben.isEmpty());
    // The participant's project now holds the session, its scorecard and conversations.
    const QSqlDatabase laptop = m_laptop->database();
    QCOMPARE(count(laptop, QStringLiteral("SELECT count(*) FROM calibration_sessions")), 1);
    QCOMPARE(count(laptop, QStringLiteral("SELECT count(*) FROM interactions")), 2);
    QCOMPARE(count(laptop, QStringLiteral("SELECT count(*) FROM scorecards WHERE name = 'Calibration QA'")), 1);

    // Imported in the other order than written: Ann first, then Ben.
    CalibrationExchange exchange(m_lead->database());
    CalibrationError error;
    const auto a = exchange.importResponse(ann, &error, lead.session);
    QVERIFY2(a, qPrintable(error.message));
    QCOMPARE(a->participant, QStringLiteral("Ann"));
    QCOMPARE(a->answers, 6);
    const auto b = exchange.importResponse(ben, &error);
    QVERIFY2(b, qPrintable(error.message));
    QCOMPARE(b->answers, 5);
    QCOMPARE(b->items, 2);

    // The lead's session now has the hand-computed answers: the same metrics as tst_calibrationmetrics
    // without Dan (Ann −14.583333, alignment 0.8125; Ben 0.75; session 78.125%).
    CalibrationSessions sessions(m_lead->database());
    QVERIFY(!sessions.advance(lead.session, CalibrationState::Review).isError());
    const auto m = CalibrationReview(m_lead->database()).metrics(lead.session);
    QVERIFY(m);
    QCOMPARE(m->participants.size(), 2);
    QVERIFY(std::fabs(*m->participants[0].meanSignedDeviation + 14.5833335) < 1e-6);
    QVERIFY(std::fabs(*m->sessionScore - 78.125) < 1e-9);
    // Ben's missing answer is missing in the lead's project too, not a zero.
    const auto data = sessions.load(lead.session);
    QVERIFY(data->answer(1, 2, 1).isMissing());
    QVERIFY(data->answer(0, 2, 2).isNotApplicable());
}

void TestCalibrationExchange::refusals_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("message");
    QTest::newRow("an answer changed") << "answer"
                                       << "damaged or was edited";
    QTest::newRow("the participant renamed") << "participant"
                                             << "damaged or was edited";
    QTest::newRow("cut short") << "truncate"
                               << "not JSON";
    QTest::newRow("the envelope's session changed") << "envelope"
                                                    << "damaged or was edited";
    QTest::newRow("a package, not a response") << "package"
                                               << "not a response file";
    QTest::newRow("a newer format version") << "version"
                                            << "format_version 2";
}

void TestCalibrationExchange::refusals()
{
    QFETCH(QString, edit);
    QFETCH(QString, message);
    const Lead lead = makeLeadSession();
    QByteArray response =
        respond(lead.package, QStringLiteral("Ann"), {sheet({r(1), r(4), r(1)}), sheet({r(1), r(3), r(0)})});
    if (edit == QLatin1String("answer"))
        response.replace("\"value\":4", "\"value\":5");
    else if (edit == QLatin1String("participant"))
        response.replace("\"participant\":\"Ann\"", "\"participant\":\"Ben\"");
    else if (edit == QLatin1String("truncate"))
        response.chop(40);
    else if (edit == QLatin1String("envelope"))
        response.replace(QByteArray("\"session_id\":") + QByteArray::number(lead.session) + ",\"payload_sha256\"",
                         QByteArray("\"session_id\":") + QByteArray::number(lead.session + 1) + ",\"payload_sha256\"");
    else if (edit == QLatin1String("package"))
        response = lead.package;
    else if (edit == QLatin1String("version"))
        response.replace("\"format_version\":1", "\"format_version\":2");
    const QByteArray before = snapshot(m_lead->database());
    CalibrationError error;
    QVERIFY(!CalibrationExchange(m_lead->database()).importResponse(response, &error));
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QVERIFY(error.kind == CalibrationError::Invalid || error.kind == CalibrationError::Refused);
    QCOMPARE(snapshot(m_lead->database()), before);
}

void TestCalibrationExchange::secondResponseUntilDiscarded()
{
    const Lead lead = makeLeadSession();
    const QByteArray ann =
        respond(lead.package, QStringLiteral("Ann"), {sheet({r(1), r(4), r(1)}), sheet({r(1), r(3), r(0)})});
    CalibrationExchange exchange(m_lead->database());
    CalibrationError error;
    QVERIFY(exchange.importResponse(ann, &error));
    const QByteArray before = snapshot(m_lead->database());
    QVERIFY(!exchange.importResponse(ann, &error));
    QCOMPARE(error.kind, CalibrationError::Refused);
    QVERIFY2(error.message.contains(QLatin1String("already")) && error.message.contains(QLatin1String("Ann")),
             qPrintable(error.message));
    QCOMPARE(snapshot(m_lead->database()), before);
    // The lead discards the first; the same (or a new) response is accepted again.
    QVERIFY(!CalibrationScoring(m_lead->database())
                 .discard(lead.session, lead.participants[1], QStringLiteral("redo"))
                 .isError());
    const auto again = exchange.importResponse(ann, &error);
    QVERIFY2(again, qPrintable(error.message));
    QCOMPARE(again->replaced, 6);
    // Not after scoring: responses are accepted only while the session is in scoring.
    QVERIFY(!CalibrationScoring(m_lead->database()).discard(lead.session, lead.participants[1], QString()).isError());
    QVERIFY(!CalibrationSessions(m_lead->database()).advance(lead.session, CalibrationState::Review).isError());
    QVERIFY(!exchange.importResponse(ann, &error));
    QCOMPARE(error.kind, CalibrationError::WrongState);
}

void TestCalibrationExchange::wrongSession()
{
    const Lead lead = makeLeadSession();
    // A second session of the lead's, and a response to it.
    CalibrationSessions sessions(m_lead->database());
    NewCalibrationSession s;
    s.title = QStringLiteral("Other");
    s.date = QDate(2026, 4, 16);
    s.scorecardId = sessions.info(lead.session)->scorecardId;
    s.participants = {{QStringLiteral("Ann"), 0, false}};
    const qint64 other = *sessions.create(s);
    sessions.addItem(other, QStringLiteral("T2"));
    sessions.advance(other, CalibrationState::Scoring);
    const QByteArray otherPackage = *CalibrationExchange(m_lead->database()).exportPackage(other);
    const QByteArray response = respond(otherPackage, QStringLiteral("Ann"), {sheet({r(1), r(2), r(1)})});

    CalibrationExchange exchange(m_lead->database());
    const QByteArray before = snapshot(m_lead->database());
    CalibrationError error;
    QVERIFY(!exchange.importResponse(response, &error, lead.session));
    QVERIFY2(error.message.contains(QLatin1String("wrong session")), qPrintable(error.message));
    QCOMPARE(snapshot(m_lead->database()), before);

    // A response for session 1 of another project: this project's session 1 never exported that package.
    QTemporaryDir dir;
    auto third = createProject(dir.filePath(QStringLiteral("third.qlens")));
    const qint64 card = storeCard(*third);
    CalibrationSessions thirdSessions(third->database());
    s.scorecardId = card;
    const qint64 id = *thirdSessions.create(s);
    QCOMPARE(id, lead.session); // the same number in both projects
    thirdSessions.addItem(id, QStringLiteral("T1"));
    thirdSessions.advance(id, CalibrationState::Scoring);
    const QByteArray foreignPackage = *CalibrationExchange(third->database()).exportPackage(id);
    const QByteArray foreign = respond(foreignPackage, QStringLiteral("Ann"), {sheet({r(1), r(2), r(1)})});
    QVERIFY(!exchange.importResponse(foreign, &error));
    QVERIFY2(error.message.contains(QLatin1String("never exported")), qPrintable(error.message));
    QCOMPARE(snapshot(m_lead->database()), before);
    // …and a session that does not exist at all.
    m_lead->database().transaction();
    exec(m_lead->database(), QStringLiteral("DELETE FROM calibration_sessions WHERE id = %1").arg(other));
    QVERIFY(!exchange.importResponse(response, &error));
    QVERIFY2(error.message.contains(QLatin1String("no session")), qPrintable(error.message));
    m_lead->database().rollback();
}

void TestCalibrationExchange::packageRefusals()
{
    const Lead lead = makeLeadSession();
    CalibrationExchange laptop(m_laptop->database());
    CalibrationError error;
    QByteArray tampered = lead.package;
    tampered.replace("where is my parcel?", "where is my parcel!");
    const QByteArray before = snapshot(m_laptop->database());
    QVERIFY(!laptop.openPackage(tampered, &error));
    QVERIFY(error.message.contains(QLatin1String("damaged or was edited")));
    QCOMPARE(snapshot(m_laptop->database()), before);
    QVERIFY(laptop.openPackage(lead.package, &error));
    QVERIFY(!laptop.openPackage(lead.package, &error));
    QVERIFY(error.message.contains(QLatin1String("already open")));
    // The lead's own project already has it: opening it there is refused too.
    QVERIFY(!CalibrationExchange(m_lead->database()).openPackage(lead.package, &error));
    // A package is exported only in scoring, and not from a copy.
    const qint64 copy =
        CalibrationStore(m_laptop->database())
            .sessionWithPackage(CalibrationSessions(m_lead->database()).info(lead.session)->packageSha256);
    QVERIFY(!laptop.exportPackage(copy, &error));
    QCOMPARE(error.kind, CalibrationError::Refused);
    // A response before submitting is refused.
    QVERIFY(
        !laptop.exportResponse(copy, CalibrationSessions(m_laptop->database()).load(copy)->participants[1].id, &error));
    QVERIFY(error.message.contains(QLatin1String("not submitted")));
}

void TestCalibrationExchange::partialResponse()
{
    const Lead lead = makeLeadSession();
    // Ann scores only the first item, and not all of it.
    const QByteArray ann = respond(lead.package, QStringLiteral("Ann"), {sheet({r(1), missing(), missing()})});
    const auto done = CalibrationExchange(m_lead->database()).importResponse(ann);
    QVERIFY(done);
    QCOMPARE(done->answers, 1);
    QCOMPARE(done->items, 1);
    const auto status = CalibrationScoring(m_lead->database()).status(lead.session);
    QCOMPARE((*status)[1].answersGiven, 1);
    QVERIFY(!(*status)[1].submittedAt.isEmpty());
    // Written to a file and read back: the same.
    const QString path = m_dir.filePath(QStringLiteral("ben.qlresp"));
    const auto data = CalibrationSessions(m_laptop->database()).load(1);
    QVERIFY(!CalibrationExchange(m_lead->database())
                 .writePackage(lead.session, m_dir.filePath(QStringLiteral("s.qlcal")))
                 .isError());
    QFile f(m_dir.filePath(QStringLiteral("s.qlcal")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), lead.package);
    CalibrationScoring(m_laptop->database()).submit(1, data->participants[2].id);
    QVERIFY(!CalibrationExchange(m_laptop->database()).writeResponse(1, data->participants[2].id, path).isError());
    CalibrationError error;
    const auto ben = CalibrationExchange(m_lead->database()).importResponseFile(path, &error);
    QVERIFY2(ben, qPrintable(error.message));
    QCOMPARE(ben->answers, 0); // Ben submitted nothing: a response with no answers is still his
}

QTEST_GUILESS_MAIN(TestCalibrationExchange)
#include "tst_calibrationexchange.moc"

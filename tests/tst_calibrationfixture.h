// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the calibration tests: a small scorecard whose effective weights are easy to add by
// hand, projects with audits and conversations, the hand-computed session of tst_calibrationmetrics
// written through the engine's API, and a snapshot of everything calibration writes.

#include "calibration/calibrationreview.h"
#include "calibration/calibrationscoring.h"
#include "calibration/calibrationsessions.h"
#include "store/project.h"
#include "store/scorecardstore.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <memory>

namespace ql::test {

// Three criteria, no section weights, weights 1, 2, 1, so e = 1/4, 2/4, 1/4:
//   a  binary, critical (customer)
//   b  range 1–5 (c = (v − 1)/4)
//   c  binary, allows N/A
inline Scorecard calibrationCard()
{
    Scorecard card;
    card.name = QStringLiteral("Calibration QA");
    card.version = 1;
    card.validFrom = QDate(2026, 1, 1);
    Section s;
    s.name = QStringLiteral("All");
    Criterion a;
    a.key = QStringLiteral("a");
    a.name = QStringLiteral("Accuracy");
    a.scale = Scale::binary();
    a.critical = CriticalFamily::Customer;
    Criterion b;
    b.key = QStringLiteral("b");
    b.name = QStringLiteral("Tone");
    b.scale = Scale::range(1, 5);
    b.weight = 2;
    Criterion c;
    c.key = QStringLiteral("c");
    c.name = QStringLiteral("Closing");
    c.scale = Scale::binary();
    c.allowNa = true;
    s.criteria << a << b << c;
    card.sections << s;
    return card;
}

inline std::unique_ptr<Project> createProject(const QString &path)
{
    ProjectError error;
    auto project = Project::create(path, true, &error);
    if (!project)
        qWarning("cannot create %s: %s", qPrintable(path), qPrintable(error.message));
    return project;
}

inline qint64 storeCard(const Project &project, const Scorecard &card = calibrationCard())
{
    QString error;
    const auto stored = ScorecardStore(project.database()).save(card, QStringLiteral("2026-01-01T00:00:00Z"), &error);
    if (!stored)
        qWarning("cannot store the scorecard: %s", qPrintable(error));
    return stored ? stored->id : 0;
}

inline bool exec(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

inline void addInteraction(const QSqlDatabase &db, const QString &ticket, const QString &transcript)
{
    exec(db,
         QStringLiteral("INSERT INTO interactions(source, ticket_id, date, transcript) VALUES ('default', ?, "
                        "'2026-03-02', ?)"),
         {ticket, transcript});
}

// n audits A001… on tickets T001…, agent g1, queue Billing for even numbers and Returns for odd,
// month 2026-03, raw scores 40 + 2k.
inline void addAudits(const QSqlDatabase &db, qint64 scorecardId, int n)
{
    exec(db,
         QStringLiteral("INSERT INTO agents(agent_key, name, created_at) VALUES ('g1', 'Agent One', '2026-01-01')"));
    exec(db, QStringLiteral("INSERT INTO queues(name) VALUES ('Billing'), ('Returns')"));
    for (int k = 1; k <= n; ++k) {
        const QString key = QStringLiteral("A%1").arg(k, 3, 10, QLatin1Char('0'));
        const QString ticket = QStringLiteral("T%1").arg(k, 3, 10, QLatin1Char('0'));
        exec(db,
             QStringLiteral("INSERT INTO audits(audit_key, ticket_id, date, day, week, month, quarter, agent_id, "
                            "queue_id, scorecard_id, score, raw_score) VALUES (?, ?, '2026-03-10', 2461110, 202611, "
                            "202603, 20261, 1, ?, ?, ?, ?)"),
             {key, ticket, k % 2 == 0 ? 1 : 2, scorecardId, 40.0 + 2 * k, 40.0 + 2 * k});
    }
}

inline CalibrationSheet sheet(std::initializer_list<CalibrationAnswer> answers)
{
    return CalibrationSheet(answers);
}
inline CalibrationAnswer r(double v)
{
    return CalibrationAnswer::rated(v);
}
inline CalibrationAnswer na()
{
    return CalibrationAnswer::notApplicable();
}
inline CalibrationAnswer missing()
{
    return CalibrationAnswer{};
}

// The hand-computed session (tst_calibrationmetrics.cpp explains every number). Participants in
// this order: Cat (expert), Ann, Ben, Dan (who answers nothing); items T1, T2.
//             item T1 (a, b, c)   item T2 (a, b, c)
//   Cat       1, 5, 1             1, 3, N/A
//   Ann       1, 4, 1             1, 3, 0
//   Ben       0, 5, N/A           1, –, N/A
inline std::vector<std::vector<CalibrationSheet>> handAnswers()
{
    return {
        {sheet({r(1), r(5), r(1)}), sheet({r(1), r(4), r(1)}), sheet({r(0), r(5), na()}), CalibrationSheet(3)},
        {sheet({r(1), r(3), na()}), sheet({r(1), r(3), r(0)}), sheet({r(1), missing(), na()}), CalibrationSheet(3)}};
}

struct HandSession
{
    qint64 sessionId = 0;
    QList<qint64> participants; // Cat, Ann, Ben, Dan
    QList<qint64> items;        // T1, T2
};

// Writes the hand-computed session through the API and leaves it in `until` (scoring or review).
inline HandSession writeHandSession(const QSqlDatabase &db, qint64 scorecardId,
                                    CalibrationState until = CalibrationState::Review)
{
    HandSession h;
    CalibrationSessions sessions(db);
    NewCalibrationSession s;
    s.title = QStringLiteral("Hand-computed");
    s.date = QDate(2026, 3, 18);
    s.scorecardId = scorecardId;
    s.lead = QStringLiteral("Lead");
    s.participants = {{QStringLiteral("Cat"), 0, true},
                      {QStringLiteral("Ann"), 0, false},
                      {QStringLiteral("Ben"), 0, false},
                      {QStringLiteral("Dan"), 0, false}};
    CalibrationError error;
    h.sessionId = sessions.create(s, &error).value_or(0);
    for (const QString &t : {QStringLiteral("T1"), QStringLiteral("T2")})
        h.items << sessions.addItem(h.sessionId, t, 0, &error).value_or(0);
    const auto loaded = sessions.load(h.sessionId);
    for (const CalibrationParticipant &p : loaded->participants)
        h.participants << p.id;
    sessions.advance(h.sessionId, CalibrationState::Scoring);
    CalibrationScoring scoring(db);
    const auto answers = handAnswers();
    for (int i = 0; i < 2; ++i)
        for (int p = 0; p < 3; ++p)
            scoring.saveAnswers(h.sessionId, h.participants.at(p), h.items.at(i), answers[i][p]);
    for (int p = 0; p < 3; ++p)
        scoring.submit(h.sessionId, h.participants.at(p));
    if (until >= CalibrationState::Review)
        sessions.advance(h.sessionId, CalibrationState::Review);
    return h;
}

// Everything the calibration work writes, as one hash: the calibration tables, interactions,
// scorecards and the change log, row by row.
inline QByteArray snapshot(const QSqlDatabase &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *table :
         {"calibration_sessions", "calibration_participants", "calibration_items", "calibration_answers",
          "calibration_consensus", "anchor_examples", "interactions", "scorecards", "criteria", "change_log"}) {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(QLatin1String(table)));
        hash.addData(table);
        while (q.next())
            for (int c = 0; c < q.record().count(); ++c)
                hash.addData(q.value(c).toString().toUtf8() + '\x1f');
    }
    return hash.result().toHex();
}

// The Calibration page loads sessions and writes files off the UI thread: waits until it is idle.
template <class Page> bool settle(Page &page)
{
    return QTest::qWaitFor([&page] { return !page.isBusy(); }, 60000);
}

inline qint64 count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace ql::test

// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationsessions.h"

#include "calibrationsupport.h"
#include "common/userinfo.h"
#include "store/scorecardstore.h"

#include <QSqlQuery>

namespace ql {

using namespace calibration;

namespace {

const QString kSession = QStringLiteral("calibration_session");
const QString kParticipant = QStringLiteral("calibration_participant");
const QString kItem = QStringLiteral("calibration_item");

template <class T> std::optional<T> refuse(CalibrationError *error, CalibrationError e)
{
    if (error)
        *error = std::move(e);
    return std::nullopt;
}

QString checkParticipant(const QList<CalibrationParticipant> &existing, const NewCalibrationParticipant &p)
{
    const QString name = p.name.trimmed();
    if (name.isEmpty())
        return QStringLiteral("a participant needs a name");
    for (const CalibrationParticipant &e : existing) {
        if (e.name.compare(name, Qt::CaseInsensitive) == 0)
            return QStringLiteral("%1 is already a participant").arg(name);
        if (p.expert && e.expert)
            return QStringLiteral("%1 is already the expert; a session has at most one").arg(e.name);
    }
    return {};
}

} // namespace

CalibrationSessions::CalibrationSessions(QSqlDatabase db) : m_store(std::move(db)) {}

QList<CalibrationSessionInfo> CalibrationSessions::list() const
{
    return m_store.sessions();
}

std::optional<CalibrationSessionInfo> CalibrationSessions::info(qint64 sessionId, CalibrationError *error) const
{
    auto s = m_store.session(sessionId);
    if (!s)
        return refuse<CalibrationSessionInfo>(
            error, m_store.lastError().isEmpty() ? notFound(QStringLiteral("session"), sessionId) : failed(m_store));
    return s;
}

std::optional<CalibrationSessionData> CalibrationSessions::load(qint64 sessionId, CalibrationError *error) const
{
    const auto s = info(sessionId, error);
    if (!s)
        return std::nullopt;
    return calibration::load(m_store, sessionId, answersRevealed(s->state), error);
}

std::optional<qint64> CalibrationSessions::create(const NewCalibrationSession &session, CalibrationError *error)
{
    const QString title = session.title.trimmed();
    if (title.isEmpty())
        return refuse<qint64>(
            error, CalibrationError::make(CalibrationError::Invalid, QStringLiteral("a session needs a title")));
    if (!session.date.isValid())
        return refuse<qint64>(
            error, CalibrationError::make(CalibrationError::Invalid, QStringLiteral("a session needs a date")));
    if (!ScorecardStore(m_store.database()).load(session.scorecardId))
        return refuse<qint64>(
            error, CalibrationError::make(CalibrationError::NotFound,
                                          QStringLiteral("no scorecard version %1").arg(session.scorecardId)));
    QList<CalibrationParticipant> seen;
    for (const NewCalibrationParticipant &p : session.participants) {
        if (const QString problem = checkParticipant(seen, p); !problem.isEmpty())
            return refuse<qint64>(error, CalibrationError::make(CalibrationError::Invalid, problem));
        seen.append({0, p.name.trimmed(), p.auditorId, p.expert, {}, {}});
    }

    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    CalibrationSessionInfo info;
    info.title = title;
    info.date = session.date;
    info.scorecardId = session.scorecardId;
    info.lead = session.lead.trimmed().isEmpty() ? UserInfo::currentUser() : session.lead.trimmed();
    info.createdAt = UserInfo::nowIso();
    const auto id = tx.isOpen() ? m_store.insertSession(info) : std::nullopt;
    if (!id || !log(m_store, kSession, *id, {}, {}, title, QStringLiteral("created")))
        return refuse<qint64>(error, failed(m_store));
    for (const CalibrationParticipant &p : seen) {
        const auto pid = m_store.insertParticipant(*id, p);
        if (!pid || !log(m_store, kParticipant, *pid, {}, {}, p.expert ? p.name + QStringLiteral(" (expert)") : p.name))
            return refuse<qint64>(error, failed(m_store));
    }
    if (!tx.commit())
        return refuse<qint64>(error, failed(m_store));
    return id;
}

std::optional<qint64> CalibrationSessions::addParticipant(qint64 sessionId,
                                                          const NewCalibrationParticipant &participant,
                                                          CalibrationError *error)
{
    const auto s = info(sessionId, error);
    if (!s)
        return std::nullopt;
    if (auto e = requireState(*s, QStringLiteral("add participants"), {CalibrationState::Draft}); e.isError())
        return refuse<qint64>(error, e);
    if (const QString problem = checkParticipant(m_store.participants(sessionId), participant); !problem.isEmpty())
        return refuse<qint64>(error, CalibrationError::make(CalibrationError::Invalid, problem));
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    const CalibrationParticipant p{0, participant.name.trimmed(), participant.auditorId, participant.expert, {}, {}};
    const auto id = tx.isOpen() ? m_store.insertParticipant(sessionId, p) : std::nullopt;
    if (!id || !log(m_store, kParticipant, *id, {}, {}, p.expert ? p.name + QStringLiteral(" (expert)") : p.name) ||
        !tx.commit())
        return refuse<qint64>(error, failed(m_store));
    return id;
}

CalibrationError CalibrationSessions::removeParticipant(qint64 sessionId, qint64 participantId)
{
    CalibrationError error;
    const auto s = info(sessionId, &error);
    if (!s)
        return error;
    if (auto e = requireState(*s, QStringLiteral("remove participants"), {CalibrationState::Draft}); e.isError())
        return e;
    QString name;
    for (const CalibrationParticipant &p : m_store.participants(sessionId))
        if (p.id == participantId)
            name = p.name;
    if (name.isEmpty())
        return notFound(QStringLiteral("participant"), participantId);
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    if (!tx.isOpen() || !m_store.deleteParticipant(participantId) ||
        !log(m_store, kParticipant, participantId, {}, name, {}, QStringLiteral("removed")) || !tx.commit())
        return failed(m_store);
    return {};
}

std::optional<qint64> CalibrationSessions::addItem(qint64 sessionId, const QString &ticketId, qint64 auditId,
                                                   CalibrationError *error)
{
    const auto s = info(sessionId, error);
    if (!s)
        return std::nullopt;
    if (auto e = requireState(*s, QStringLiteral("add items"), {CalibrationState::Draft}); e.isError())
        return refuse<qint64>(error, e);
    CalibrationItem item;
    item.ticketId = ticketId.trimmed();
    if (auditId > 0) {
        QSqlQuery q(m_store.database());
        q.prepare(QStringLiteral("SELECT ticket_id FROM audits WHERE id = ?"));
        q.addBindValue(auditId);
        if (!q.exec() || !q.next())
            return refuse<qint64>(
                error, CalibrationError::make(CalibrationError::NotFound, QStringLiteral("no audit %1").arg(auditId)));
        item.auditId = auditId;
        if (item.ticketId.isEmpty())
            item.ticketId = q.value(0).toString();
    }
    if (item.ticketId.isEmpty())
        return refuse<qint64>(error, CalibrationError::make(CalibrationError::Invalid,
                                                            QStringLiteral("an item needs a ticket id or an audit")));
    for (const CalibrationItem &existing : m_store.items(sessionId))
        if (existing.ticketId == item.ticketId)
            return refuse<qint64>(
                error,
                CalibrationError::make(
                    CalibrationError::Invalid,
                    QStringLiteral("ticket %1 is already an item of session %2").arg(item.ticketId).arg(sessionId)));
    item.interactionId = m_store.interactionForTicket(item.ticketId);
    item.position = m_store.nextItemPosition(sessionId);
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    const auto id = tx.isOpen() ? m_store.insertItem(sessionId, item) : std::nullopt;
    if (!id || !log(m_store, kItem, *id, {}, {}, item.ticketId) || !tx.commit())
        return refuse<qint64>(error, failed(m_store));
    return id;
}

CalibrationError CalibrationSessions::removeItem(qint64 sessionId, qint64 itemId)
{
    CalibrationError error;
    const auto s = info(sessionId, &error);
    if (!s)
        return error;
    if (auto e = requireState(*s, QStringLiteral("remove items"), {CalibrationState::Draft}); e.isError())
        return e;
    QString ticket;
    bool found = false;
    for (const CalibrationItem &it : m_store.items(sessionId))
        if (it.id == itemId) {
            ticket = it.ticketId;
            found = true;
        }
    if (!found)
        return notFound(QStringLiteral("item"), itemId);
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    if (!tx.isOpen() || !m_store.deleteItem(itemId) ||
        !log(m_store, kItem, itemId, {}, ticket, {}, QStringLiteral("removed")) || !tx.commit())
        return failed(m_store);
    return {};
}

std::optional<QList<DrawCandidate>> CalibrationSessions::previewDraw(qint64 sessionId, const CalibrationDrawSpec &spec,
                                                                     CalibrationError *error) const
{
    const auto s = info(sessionId, error);
    if (!s)
        return std::nullopt;
    if (const QString problem = spec.validate(); !problem.isEmpty())
        return refuse<QList<DrawCandidate>>(error, CalibrationError::make(CalibrationError::Invalid, problem));
    const auto candidates = m_store.drawCandidates(s->scorecardName, spec);
    if (!candidates)
        return refuse<QList<DrawCandidate>>(error, failed(m_store));
    QSet<QString> taken;
    for (const CalibrationItem &it : m_store.items(sessionId))
        taken.insert(it.ticketId);
    return drawCalibrationItems(*candidates, spec, taken);
}

std::optional<QList<qint64>> CalibrationSessions::draw(qint64 sessionId, const CalibrationDrawSpec &spec,
                                                       CalibrationError *error)
{
    const auto s = info(sessionId, error);
    if (!s)
        return std::nullopt;
    if (auto e = requireState(*s, QStringLiteral("draw items"), {CalibrationState::Draft}); e.isError())
        return refuse<QList<qint64>>(error, e);
    const auto drawn = previewDraw(sessionId, spec, error);
    if (!drawn)
        return std::nullopt;
    if (drawn->isEmpty())
        return refuse<QList<qint64>>(
            error,
            CalibrationError::make(CalibrationError::Invalid, QStringLiteral("no audit matches the draw's filters")));
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    if (!tx.isOpen())
        return refuse<QList<qint64>>(error, failed(m_store));
    QList<qint64> ids;
    int position = m_store.nextItemPosition(sessionId);
    const QString drawJson = spec.toJson();
    for (const DrawCandidate &c : *drawn) {
        CalibrationItem item;
        item.position = position++;
        item.ticketId = c.ticketId;
        item.auditId = c.auditId;
        item.interactionId = c.ticketId.isEmpty() ? 0 : c.interactionId;
        const auto id = m_store.insertItem(sessionId, item);
        if (!id || !log(m_store, kItem, *id, {}, {}, item.ticketId, QStringLiteral("drawn")))
            return refuse<QList<qint64>>(error, failed(m_store));
        ids.append(*id);
    }
    if (!m_store.updateSession(sessionId, "draw_json", drawJson) ||
        !log(m_store, kSession, sessionId, QStringLiteral("draw_json"),
             s->drawJson.isEmpty() ? QVariant() : s->drawJson, drawJson) ||
        !tx.commit())
        return refuse<QList<qint64>>(error, failed(m_store));
    return ids;
}

CalibrationError CalibrationSessions::advance(qint64 sessionId, CalibrationState to, const QString &reason)
{
    CalibrationError error;
    const auto s = info(sessionId, &error);
    if (!s)
        return error;
    if (s->state == CalibrationState::Closed)
        return wrongState(*s, QStringLiteral("change its state"), {});
    if (!isAllowedTransition(s->state, to))
        return CalibrationError::make(CalibrationError::WrongState,
                                      QStringLiteral("session %1 is in %2 and cannot move to %3 (%4 comes next)")
                                          .arg(sessionId)
                                          .arg(calibrationStateName(s->state), calibrationStateName(to),
                                               calibrationStateName(CalibrationState(int(s->state) + 1))));
    if (to == CalibrationState::Scoring) {
        if (s->items == 0)
            return CalibrationError::make(CalibrationError::Refused,
                                          QStringLiteral("session %1 has no items to score yet").arg(sessionId));
        if (s->participants == 0)
            return CalibrationError::make(CalibrationError::Refused,
                                          QStringLiteral("session %1 has no participants yet").arg(sessionId));
    }
    if (to == CalibrationState::Resolved) {
        const auto data = calibration::load(m_store, sessionId, true, &error);
        if (!data)
            return error;
        int open = 0;
        for (int i = 0; i < data->items.size(); ++i)
            for (int c = 0; c < data->card.criterionCount(); ++c) {
                bool answered = false;
                for (int p = 0; p < data->participants.size(); ++p)
                    answered = answered || !data->answer(i, p, c).isMissing();
                if (answered && data->consensus[std::size_t(i)].at(c).isMissing())
                    ++open;
            }
        if (open > 0)
            return CalibrationError::make(
                CalibrationError::Refused,
                QStringLiteral("session %1 still needs a consensus on %2 answered criteria before it is resolved")
                    .arg(sessionId)
                    .arg(open));
    }
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    if (!tx.isOpen() || !m_store.updateSession(sessionId, "state", calibrationStateName(to)) ||
        !log(m_store, kSession, sessionId, QStringLiteral("state"), calibrationStateName(s->state),
             calibrationStateName(to), reason))
        return failed(m_store);
    if (to == CalibrationState::Closed) {
        const QString now = UserInfo::nowIso();
        if (!m_store.updateSession(sessionId, "closed_at", now) ||
            !log(m_store, kSession, sessionId, QStringLiteral("closed_at"), {}, now, reason))
            return failed(m_store);
    }
    if (!tx.commit())
        return failed(m_store);
    return {};
}

} // namespace ql

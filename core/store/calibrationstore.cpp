// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationstore.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <cstring>

namespace ql {

namespace {

QVariant nullText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QVariant nullId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

const char *const kSessionColumns =
    "s.id, s.title, s.date, s.state, s.scorecard_id, c.name, c.version, s.lead, s.draw_json, s.package_sha256, "
    "s.created_at, s.closed_at, (SELECT count(*) FROM calibration_items i WHERE i.session_id = s.id), "
    "(SELECT count(*) FROM calibration_participants p WHERE p.session_id = s.id) "
    "FROM calibration_sessions s JOIN scorecards c ON c.id = s.scorecard_id";

CalibrationSessionInfo sessionFrom(const QSqlQuery &q)
{
    CalibrationSessionInfo s;
    s.id = q.value(0).toLongLong();
    s.title = q.value(1).toString();
    s.date = QDate::fromString(q.value(2).toString(), Qt::ISODate);
    s.state = calibrationStateFromName(q.value(3).toString()).value_or(CalibrationState::Draft);
    s.scorecardId = q.value(4).toLongLong();
    s.scorecardName = q.value(5).toString();
    s.scorecardVersion = q.value(6).toInt();
    s.lead = q.value(7).toString();
    s.drawJson = q.value(8).toString();
    s.packageSha256 = q.value(9).toString();
    s.createdAt = q.value(10).toString();
    s.closedAt = q.value(11).toString();
    s.items = q.value(12).toInt();
    s.participants = q.value(13).toInt();
    return s;
}

CalibrationAnswer answerFrom(const QSqlQuery &q, int first)
{
    // value, option_label, na, comment
    CalibrationAnswer a;
    if (q.value(first + 2).toInt() == 1) {
        a.state = AnswerInput::NotApplicable;
    } else if (!q.value(first).isNull()) {
        a.state = AnswerInput::Rated;
        a.value = q.value(first).toDouble();
        a.optionLabel = q.value(first + 1).toString();
    }
    a.comment = q.value(first + 3).toString();
    return a;
}

bool allowedColumn(const char *column, std::initializer_list<const char *> allowed)
{
    for (const char *a : allowed)
        if (std::strcmp(a, column) == 0)
            return true;
    return false;
}

} // namespace

CalibrationStore::CalibrationStore(QSqlDatabase db) : m_db(std::move(db)) {}

bool CalibrationStore::fail(const QSqlQuery &q) const
{
    m_error = q.lastError().text();
    return false;
}

QList<CalibrationSessionInfo> CalibrationStore::sessions() const
{
    QList<CalibrationSessionInfo> out;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 ORDER BY s.date DESC, s.id DESC").arg(QLatin1String(kSessionColumns)))) {
        fail(q);
        return out;
    }
    while (q.next())
        out.append(sessionFrom(q));
    return out;
}

std::optional<CalibrationSessionInfo> CalibrationStore::session(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 WHERE s.id = ?").arg(QLatin1String(kSessionColumns)));
    q.addBindValue(id);
    if (!q.exec()) {
        fail(q);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return sessionFrom(q);
}

qint64 CalibrationStore::sessionWithPackage(const QString &sha256) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM calibration_sessions WHERE package_sha256 = ? ORDER BY id LIMIT 1"));
    q.addBindValue(sha256);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

QStringList CalibrationStore::packageHashes(qint64 sessionId) const
{
    QStringList out;
    if (const auto s = session(sessionId); s && !s->packageSha256.isEmpty())
        out.append(s->packageSha256);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT new_value FROM change_log WHERE entity = 'calibration_session' AND entity_id = ? "
                             "AND field = 'package_sha256' AND new_value IS NOT NULL ORDER BY id"));
    q.addBindValue(QString::number(sessionId));
    if (q.exec())
        while (q.next())
            if (!out.contains(q.value(0).toString()))
                out.append(q.value(0).toString());
    return out;
}

QList<CalibrationParticipant> CalibrationStore::participants(qint64 sessionId) const
{
    QList<CalibrationParticipant> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name, auditor_id, is_expert, submitted_at, discarded_at "
                             "FROM calibration_participants WHERE session_id = ? ORDER BY id"));
    q.addBindValue(sessionId);
    if (!q.exec()) {
        fail(q);
        return out;
    }
    while (q.next()) {
        CalibrationParticipant p;
        p.id = q.value(0).toLongLong();
        p.name = q.value(1).toString();
        p.auditorId = q.value(2).toLongLong();
        p.expert = q.value(3).toInt() == 1;
        p.submittedAt = q.value(4).toString();
        p.discardedAt = q.value(5).toString();
        out.append(p);
    }
    return out;
}

QList<CalibrationItem> CalibrationStore::items(qint64 sessionId) const
{
    QList<CalibrationItem> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT i.id, i.position, i.ticket_id, i.interaction_id, i.audit_id, i.notes, "
                             "ch.name, x.date, x.transcript, x.media FROM calibration_items i "
                             "LEFT JOIN interactions x ON x.id = i.interaction_id "
                             "LEFT JOIN channels ch ON ch.id = x.channel_id "
                             "WHERE i.session_id = ? ORDER BY i.position"));
    q.addBindValue(sessionId);
    if (!q.exec()) {
        fail(q);
        return out;
    }
    while (q.next()) {
        CalibrationItem it;
        it.id = q.value(0).toLongLong();
        it.position = q.value(1).toInt();
        it.ticketId = q.value(2).toString();
        it.interactionId = q.value(3).toLongLong();
        it.auditId = q.value(4).toLongLong();
        it.notes = q.value(5).toString();
        it.channel = q.value(6).toString();
        it.interactionDate = q.value(7).toString();
        it.transcript = q.value(8).toString();
        it.media = q.value(9).toString();
        out.append(it);
    }
    return out;
}

bool CalibrationStore::loadAnswers(CalibrationSessionData &data, qint64 onlyParticipant) const
{
    QHash<qint64, int> itemIndex, participantIndex, criterionIndex;
    for (int i = 0; i < data.items.size(); ++i)
        itemIndex.insert(data.items.at(i).id, i);
    for (int p = 0; p < data.participants.size(); ++p)
        participantIndex.insert(data.participants.at(p).id, p);
    for (int c = 0; c < data.criterionIds.size(); ++c)
        criterionIndex.insert(data.criterionIds.at(c), c);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT a.item_id, a.participant_id, a.criterion_id, a.value, a.option_label, a.na, "
                             "a.comment FROM calibration_answers a JOIN calibration_items i ON i.id = a.item_id "
                             "WHERE i.session_id = ? AND (? = 0 OR a.participant_id = ?)"));
    q.addBindValue(data.info.id);
    q.addBindValue(onlyParticipant);
    q.addBindValue(onlyParticipant);
    if (!q.exec())
        return fail(q);
    while (q.next()) {
        const int i = itemIndex.value(q.value(0).toLongLong(), -1);
        const int p = participantIndex.value(q.value(1).toLongLong(), -1);
        const int c = criterionIndex.value(q.value(2).toLongLong(), -1);
        if (i < 0 || p < 0 || c < 0)
            continue;
        data.answers[std::size_t(i)][std::size_t(p)][c] = answerFrom(q, 3);
    }
    return true;
}

bool CalibrationStore::loadConsensus(CalibrationSessionData &data) const
{
    QHash<qint64, int> itemIndex, criterionIndex;
    for (int i = 0; i < data.items.size(); ++i)
        itemIndex.insert(data.items.at(i).id, i);
    for (int c = 0; c < data.criterionIds.size(); ++c)
        criterionIndex.insert(data.criterionIds.at(c), c);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT k.item_id, k.criterion_id, k.value, k.option_label, k.na, k.note "
                             "FROM calibration_consensus k JOIN calibration_items i ON i.id = k.item_id "
                             "WHERE i.session_id = ?"));
    q.addBindValue(data.info.id);
    if (!q.exec())
        return fail(q);
    while (q.next()) {
        const int i = itemIndex.value(q.value(0).toLongLong(), -1);
        const int c = criterionIndex.value(q.value(1).toLongLong(), -1);
        if (i >= 0 && c >= 0)
            data.consensus[std::size_t(i)][c] = answerFrom(q, 2);
    }
    return true;
}

std::optional<qint64> CalibrationStore::insertSession(const CalibrationSessionInfo &info)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO calibration_sessions(id, title, date, state, scorecard_id, lead, draw_json, "
                             "package_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(nullId(info.id)); // 0: a new id; an undone session comes back with its own
    q.addBindValue(info.title);
    q.addBindValue(info.date.toString(Qt::ISODate));
    q.addBindValue(calibrationStateName(info.state));
    q.addBindValue(info.scorecardId);
    q.addBindValue(nullText(info.lead));
    q.addBindValue(nullText(info.drawJson));
    q.addBindValue(nullText(info.packageSha256));
    q.addBindValue(info.createdAt);
    if (!q.exec()) {
        fail(q);
        return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
}

bool CalibrationStore::updateSession(qint64 id, const char *column, const QVariant &value)
{
    if (!allowedColumn(column, {"title", "date", "state", "lead", "draw_json", "package_sha256", "closed_at"})) {
        m_error = QStringLiteral("unknown session column");
        return false;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE calibration_sessions SET %1 = ? WHERE id = ?").arg(QLatin1String(column)));
    q.addBindValue(value);
    q.addBindValue(id);
    return q.exec() ? true : fail(q);
}

std::optional<qint64> CalibrationStore::insertParticipant(qint64 sessionId, const CalibrationParticipant &p)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO calibration_participants(id, session_id, name, auditor_id, is_expert, "
                             "submitted_at, discarded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(nullId(p.id));
    q.addBindValue(sessionId);
    q.addBindValue(p.name);
    q.addBindValue(nullId(p.auditorId));
    q.addBindValue(p.expert ? 1 : 0);
    q.addBindValue(nullText(p.submittedAt));
    q.addBindValue(nullText(p.discardedAt));
    if (!q.exec()) {
        fail(q);
        return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
}

bool CalibrationStore::deleteSession(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM calibration_sessions WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() ? true : fail(q);
}

bool CalibrationStore::deleteAnchor(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM anchor_examples WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() ? true : fail(q);
}

bool CalibrationStore::deleteParticipant(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM calibration_participants WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() ? true : fail(q);
}

bool CalibrationStore::updateParticipant(qint64 id, const char *column, const QVariant &value)
{
    if (!allowedColumn(column, {"submitted_at", "discarded_at"})) {
        m_error = QStringLiteral("unknown participant column");
        return false;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE calibration_participants SET %1 = ? WHERE id = ?").arg(QLatin1String(column)));
    q.addBindValue(value);
    q.addBindValue(id);
    return q.exec() ? true : fail(q);
}

std::optional<qint64> CalibrationStore::insertItem(qint64 sessionId, const CalibrationItem &item)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO calibration_items(id, session_id, position, ticket_id, interaction_id, "
                             "audit_id, notes) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(nullId(item.id));
    q.addBindValue(sessionId);
    q.addBindValue(item.position);
    q.addBindValue(nullText(item.ticketId));
    q.addBindValue(nullId(item.interactionId));
    q.addBindValue(nullId(item.auditId));
    q.addBindValue(nullText(item.notes));
    if (!q.exec()) {
        fail(q);
        return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
}

bool CalibrationStore::deleteItem(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM calibration_items WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() ? true : fail(q);
}

bool CalibrationStore::setItemNotes(qint64 id, const QString &notes)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE calibration_items SET notes = ? WHERE id = ?"));
    q.addBindValue(nullText(notes));
    q.addBindValue(id);
    return q.exec() ? true : fail(q);
}

int CalibrationStore::nextItemPosition(qint64 sessionId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(max(position) + 1, 0) FROM calibration_items WHERE session_id = ?"));
    q.addBindValue(sessionId);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

bool CalibrationStore::replaceAnswers(qint64 itemId, qint64 participantId, const CalibrationSheet &sheet,
                                      const CalibrationSessionData &data)
{
    QSqlQuery del(m_db);
    del.prepare(QStringLiteral("DELETE FROM calibration_answers WHERE item_id = ? AND participant_id = ?"));
    del.addBindValue(itemId);
    del.addBindValue(participantId);
    if (!del.exec())
        return fail(del);
    QSqlQuery ins(m_db);
    ins.prepare(QStringLiteral("INSERT INTO calibration_answers(item_id, participant_id, criterion_id, value, "
                               "option_label, na, c, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (int i = 0; i < sheet.size() && i < data.criterionIds.size(); ++i) {
        const CalibrationAnswer &a = sheet.at(i);
        if (a.isMissing())
            continue;
        ins.addBindValue(itemId);
        ins.addBindValue(participantId);
        ins.addBindValue(data.criterionIds.at(i));
        ins.addBindValue(a.isRated() ? QVariant(a.value) : QVariant(QMetaType(QMetaType::Double)));
        ins.addBindValue(a.isRated() ? nullText(a.optionLabel) : QVariant(QMetaType(QMetaType::QString)));
        ins.addBindValue(a.isNotApplicable() ? 1 : 0);
        ins.addBindValue(a.isRated() ? QVariant(data.card.criterionAt(i).scale.c(a.value))
                                     : QVariant(QMetaType(QMetaType::Double)));
        ins.addBindValue(nullText(a.comment));
        if (!ins.exec())
            return fail(ins);
    }
    return true;
}

bool CalibrationStore::deleteAnswers(qint64 participantId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM calibration_answers WHERE participant_id = ?"));
    q.addBindValue(participantId);
    return q.exec() ? true : fail(q);
}

bool CalibrationStore::setConsensus(qint64 itemId, qint64 criterionId, const CalibrationAnswer &a,
                                    std::optional<double> c)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO calibration_consensus(item_id, criterion_id, value, option_label, na, c, "
                             "note) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(item_id, criterion_id) DO UPDATE SET "
                             "value = excluded.value, option_label = excluded.option_label, na = excluded.na, "
                             "c = excluded.c, note = excluded.note"));
    q.addBindValue(itemId);
    q.addBindValue(criterionId);
    q.addBindValue(a.isRated() ? QVariant(a.value) : QVariant(QMetaType(QMetaType::Double)));
    q.addBindValue(a.isRated() ? nullText(a.optionLabel) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(a.isNotApplicable() ? 1 : 0);
    q.addBindValue(c ? QVariant(*c) : QVariant(QMetaType(QMetaType::Double)));
    q.addBindValue(nullText(a.comment));
    return q.exec() ? true : fail(q);
}

bool CalibrationStore::deleteConsensus(qint64 itemId, qint64 criterionId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM calibration_consensus WHERE item_id = ? AND criterion_id = ?"));
    q.addBindValue(itemId);
    q.addBindValue(criterionId);
    return q.exec() ? true : fail(q);
}

std::optional<qint64> CalibrationStore::insertAnchor(const AnchorExample &anchor)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO anchor_examples(criterion_id, item_id, value, option_label, na, note, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    const CalibrationAnswer &a = anchor.answer;
    q.addBindValue(anchor.criterionId);
    q.addBindValue(nullId(anchor.itemId));
    q.addBindValue(a.isRated() ? QVariant(a.value) : QVariant(QMetaType(QMetaType::Double)));
    q.addBindValue(a.isRated() ? nullText(a.optionLabel) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(a.isNotApplicable() ? 1 : 0);
    q.addBindValue(nullText(anchor.note));
    q.addBindValue(anchor.createdAt);
    if (!q.exec()) {
        fail(q);
        return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
}

QList<AnchorExample> CalibrationStore::anchors(qint64 criterionId) const
{
    QList<AnchorExample> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, criterion_id, item_id, value, option_label, na, note, created_at "
                             "FROM anchor_examples WHERE criterion_id = ? ORDER BY id"));
    q.addBindValue(criterionId);
    if (!q.exec()) {
        fail(q);
        return out;
    }
    while (q.next()) {
        AnchorExample a;
        a.id = q.value(0).toLongLong();
        a.criterionId = q.value(1).toLongLong();
        a.itemId = q.value(2).toLongLong();
        a.answer = answerFrom(q, 3);
        a.answer.comment.clear(); // column 6 is the note, read below
        a.note = q.value(6).toString();
        a.createdAt = q.value(7).toString();
        out.append(a);
    }
    return out;
}

qint64 CalibrationStore::interactionForTicket(const QString &ticketId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM interactions WHERE ticket_id = ? ORDER BY id LIMIT 1"));
    q.addBindValue(ticketId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<qint64> CalibrationStore::insertInteraction(const QString &source, const CalibrationItem &item)
{
    qint64 channelId = 0;
    if (!item.channel.isEmpty()) {
        QSqlQuery c(m_db);
        c.prepare(QStringLiteral("INSERT INTO channels(name) VALUES (?) ON CONFLICT(name) DO NOTHING"));
        c.addBindValue(item.channel);
        if (!c.exec()) {
            fail(c);
            return std::nullopt;
        }
        c.prepare(QStringLiteral("SELECT id FROM channels WHERE name = ?"));
        c.addBindValue(item.channel);
        if (c.exec() && c.next())
            channelId = c.value(0).toLongLong();
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO interactions(source, ticket_id, channel_id, date, transcript, media) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(source);
    q.addBindValue(item.ticketId);
    q.addBindValue(nullId(channelId));
    q.addBindValue(nullText(item.interactionDate));
    q.addBindValue(nullText(item.transcript));
    q.addBindValue(nullText(item.media));
    if (!q.exec()) {
        fail(q);
        return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
}

std::optional<QList<DrawCandidate>> CalibrationStore::drawCandidates(const QString &scorecardName,
                                                                     const CalibrationDrawSpec &spec) const
{
    QString sql =
        QStringLiteral("SELECT a.id, a.source, a.audit_key, a.ticket_id, a.raw_score, "
                       "(SELECT min(x.id) FROM interactions x WHERE x.ticket_id = a.ticket_id) "
                       "FROM audits a JOIN scorecards c ON c.id = a.scorecard_id "
                       "LEFT JOIN queues q ON q.id = a.queue_id LEFT JOIN channels ch ON ch.id = a.channel_id "
                       "JOIN agents g ON g.id = a.agent_id "
                       "WHERE a.superseded_by IS NULL AND c.name = ?");
    QVariantList binds{scorecardName};
    const auto in = [&](const char *column, const QStringList &values) {
        if (values.isEmpty())
            return;
        QStringList marks;
        for (const QString &v : values) {
            marks.append(QStringLiteral("?"));
            binds.append(v);
        }
        sql += QStringLiteral(" AND %1 IN (%2)").arg(QLatin1String(column), marks.join(QLatin1Char(',')));
    };
    in("q.name", spec.queues);
    in("ch.name", spec.channels);
    in("g.agent_key", spec.agents);
    in("a.sample_type", spec.sampleTypes);
    if (!spec.months.isEmpty()) {
        QStringList keys;
        for (const QString &m : spec.months)
            keys.append(QString(m).remove(QLatin1Char('-')));
        in("a.month", keys); // 202610 as text; the INTEGER column's affinity compares it as a number
    }
    if (spec.disputedOnly)
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM disputes d WHERE d.audit_id = a.id)");
    if (spec.requireConversation)
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM interactions x WHERE x.ticket_id = a.ticket_id)");
    // Binary collation: the same order on every machine and locale.
    sql += QStringLiteral(" ORDER BY a.source, a.audit_key, a.id");
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        fail(q);
        return std::nullopt;
    }
    QList<DrawCandidate> out;
    while (q.next()) {
        DrawCandidate c;
        c.auditId = q.value(0).toLongLong();
        c.source = q.value(1).toString();
        c.auditKey = q.value(2).toString();
        c.ticketId = q.value(3).toString();
        if (!q.value(4).isNull())
            c.rawScore = q.value(4).toDouble();
        c.interactionId = q.value(5).toLongLong();
        out.append(c);
    }
    return out;
}

} // namespace ql

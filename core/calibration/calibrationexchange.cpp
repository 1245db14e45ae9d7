// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationexchange.h"

#include "calibrationsupport.h"
#include "common/userinfo.h"
#include "scoring/scorecardjson.h"
#include "store/scorecardstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace ql {

using namespace calibration;

namespace {

const QString kSession = QStringLiteral("calibration_session");
const QString kParticipant = QStringLiteral("calibration_participant");

template <class T> std::optional<T> refuse(CalibrationError *error, CalibrationError e)
{
    if (error)
        *error = std::move(e);
    return std::nullopt;
}

CalibrationError invalid(const QString &message)
{
    return CalibrationError::make(CalibrationError::Invalid, message);
}

CalibrationError refused(const QString &message)
{
    return CalibrationError::make(CalibrationError::Refused, message);
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

// A parsed, verified file.
struct Envelope
{
    qint64 sessionId = 0;
    QString sha256;
    QJsonObject payload;
};

std::optional<Envelope> readEnvelope(const QByteArray &bytes, const QString &format, const QString &kind,
                                     CalibrationError *error)
{
    QJsonParseError parseError;
    QByteArray text = bytes;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return refuse<Envelope>(
            error, invalid(QStringLiteral("not a %1: the file is not JSON (%2)").arg(kind, parseError.errorString())));
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("format")).toString() != format) {
        const QString other = o.value(QLatin1String("format")).toString();
        return refuse<Envelope>(
            error, invalid(other.isEmpty() ? QStringLiteral("not a %1: it has no \"format\"").arg(kind)
                                           : QStringLiteral("not a %1: its format is \"%2\"").arg(kind, other)));
    }
    const QJsonValue version = o.value(QLatin1String("format_version"));
    if (!version.isDouble() || version.toDouble() != CalibrationExchange::FormatVersion)
        return refuse<Envelope>(
            error,
            invalid(QStringLiteral("this %1 has format_version %2; this QualityLens reads version %3")
                        .arg(kind, version.isDouble() ? QString::number(version.toDouble()) : QStringLiteral("?"))
                        .arg(CalibrationExchange::FormatVersion)));
    const QJsonValue payload = o.value(QLatin1String("payload"));
    const QJsonValue session = o.value(QLatin1String("session_id"));
    if (!payload.isObject() || !session.isDouble())
        return refuse<Envelope>(error, invalid(QStringLiteral("not a %1: session_id or payload is missing").arg(kind)));
    Envelope e;
    e.sessionId = qint64(session.toDouble());
    e.payload = payload.toObject();
    e.sha256 = o.value(QLatin1String("payload_sha256")).toString();
    if (e.sha256.compare(CalibrationExchange::payloadHash(e.payload), Qt::CaseInsensitive) != 0)
        return refuse<Envelope>(error, refused(QStringLiteral("the %1 is damaged or was edited: its content does not "
                                                              "match its payload_sha256; nothing was changed")
                                                   .arg(kind)));
    e.sha256 = e.sha256.toLower();
    if (qint64(e.payload.value(QLatin1String("session_id")).toDouble()) != e.sessionId)
        return refuse<Envelope>(error, refused(QStringLiteral("the %1 is damaged or was edited: its session_id does "
                                                              "not match its payload; nothing was changed")
                                                   .arg(kind)));
    return e;
}

std::optional<QByteArray> readFile(const QString &path, CalibrationError *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return refuse<QByteArray>(
            error, CalibrationError::make(CalibrationError::Failed,
                                          QStringLiteral("cannot read '%1': %2").arg(path, f.errorString())));
    return f.readAll();
}

CalibrationError writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return CalibrationError::make(CalibrationError::Failed,
                                      QStringLiteral("cannot write '%1': %2").arg(path, f.errorString()));
    return {};
}

// The session a package copy stands for: draw_json {"method":"package","session_id":…}.
qint64 originSession(const CalibrationSessionInfo &info)
{
    const QJsonObject draw = QJsonDocument::fromJson(info.drawJson.toUtf8()).object();
    if (draw.value(QLatin1String("method")).toString() == QLatin1String("package"))
        return qint64(draw.value(QLatin1String("session_id")).toDouble());
    return 0;
}

QJsonValue answerJson(const CalibrationAnswer &a)
{
    if (a.isNotApplicable())
        return QStringLiteral("N/A");
    if (!a.optionLabel.isEmpty())
        return a.optionLabel;
    return a.value;
}

// A response's answer value: a number, an option's label, or "N/A".
std::optional<CalibrationAnswer> answerFromJson(const Criterion &criterion, const QJsonValue &v, QString *problem)
{
    CalibrationAnswer a;
    if (v.isDouble()) {
        a = CalibrationAnswer::rated(v.toDouble());
    } else if (v.isString() && v.toString().compare(QLatin1String("N/A"), Qt::CaseInsensitive) == 0) {
        a = CalibrationAnswer::notApplicable();
    } else if (v.isString() && criterion.scale.kind == ScaleKind::Options) {
        a = CalibrationAnswer::rated(0, v.toString());
    } else {
        *problem = QStringLiteral("%1: an answer is a number, an option's label or \"N/A\"").arg(criterion.key);
        return std::nullopt;
    }
    if (const QString p = normaliseAnswer(criterion, a); !p.isEmpty()) {
        *problem = p;
        return std::nullopt;
    }
    return a;
}

} // namespace

QString CalibrationExchange::packageFormat()
{
    return QStringLiteral("qualitylens-calibration-package");
}

QString CalibrationExchange::responseFormat()
{
    return QStringLiteral("qualitylens-calibration-response");
}

CalibrationExchange::CalibrationExchange(QSqlDatabase db) : m_store(std::move(db)) {}

QString CalibrationExchange::payloadHash(const QJsonObject &payload)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(payload).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
            .toHex());
}

QByteArray CalibrationExchange::envelope(const QString &format, qint64 sessionId, const QJsonObject &payload)
{
    const QByteArray body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    const QByteArray hash = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    return "{\"format\":\"" + format.toUtf8() + "\",\"format_version\":" + QByteArray::number(FormatVersion) +
           ",\"session_id\":" + QByteArray::number(sessionId) + ",\"payload_sha256\":\"" + hash +
           "\",\"payload\":" + body + "}\n";
}

std::optional<QByteArray> CalibrationExchange::exportPackage(qint64 sessionId, CalibrationError *error)
{
    const auto data = calibration::load(m_store, sessionId, false, error);
    if (!data)
        return std::nullopt;
    if (auto e = requireState(data->info, QStringLiteral("a package is exported"), {CalibrationState::Scoring});
        e.isError())
        return refuse<QByteArray>(error, e);
    if (originSession(data->info) > 0)
        return refuse<QByteArray>(error, refused(QStringLiteral("session %1 was opened from a package; only the "
                                                                "lead's project exports it")
                                                     .arg(sessionId)));
    // Only what participants need to score: no answers from anyone, no audit, no agent.
    QJsonArray participants;
    for (const CalibrationParticipant &p : data->participants)
        participants.append(QJsonObject{{QStringLiteral("name"), p.name}, {QStringLiteral("expert"), p.expert}});
    QJsonArray items;
    for (const CalibrationItem &it : data->items)
        items.append(QJsonObject{{QStringLiteral("position"), it.position},
                                 {QStringLiteral("ticket_id"), it.ticketId},
                                 {QStringLiteral("channel"), textOrNull(it.channel)},
                                 {QStringLiteral("date"), textOrNull(it.interactionDate)},
                                 {QStringLiteral("transcript"), textOrNull(it.transcript)},
                                 {QStringLiteral("media"), textOrNull(it.media)}});
    const QJsonObject payload{
        {QStringLiteral("session_id"), sessionId},
        {QStringLiteral("title"), data->info.title},
        {QStringLiteral("date"), data->info.date.toString(Qt::ISODate)},
        {QStringLiteral("lead"), data->info.lead},
        {QStringLiteral("scorecard"),
         QJsonObject{{QStringLiteral("name"), data->card.name},
                     {QStringLiteral("version"), data->card.version},
                     {QStringLiteral("definition"), QString::fromUtf8(ScorecardJson::toJson(data->card))}}},
        {QStringLiteral("participants"), participants},
        {QStringLiteral("items"), items},
    };
    const QString hash = payloadHash(payload);
    if (hash != data->info.packageSha256) {
        Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
        if (!tx.isOpen() || !m_store.updateSession(sessionId, "package_sha256", hash) ||
            !log(m_store, kSession, sessionId, QStringLiteral("package_sha256"),
                 data->info.packageSha256.isEmpty() ? QVariant() : data->info.packageSha256, hash) ||
            !tx.commit())
            return refuse<QByteArray>(error, failed(m_store));
    }
    return envelope(packageFormat(), sessionId, payload);
}

CalibrationError CalibrationExchange::writePackage(qint64 sessionId, const QString &path)
{
    CalibrationError error;
    const auto bytes = exportPackage(sessionId, &error);
    return bytes ? writeFile(path, *bytes) : error;
}

std::optional<qint64> CalibrationExchange::openPackageFile(const QString &path, CalibrationError *error)
{
    const auto bytes = readFile(path, error);
    return bytes ? openPackage(*bytes, error) : std::nullopt;
}

std::optional<qint64> CalibrationExchange::openPackage(const QByteArray &bytes, CalibrationError *error)
{
    const auto env = readEnvelope(bytes, packageFormat(), QStringLiteral("session package"), error);
    if (!env)
        return std::nullopt;
    if (const qint64 existing = m_store.sessionWithPackage(env->sha256))
        return refuse<qint64>(error,
                              refused(QStringLiteral("this package is already open here as session %1").arg(existing)));
    const QJsonObject &p = env->payload;
    const QJsonObject sc = p.value(QLatin1String("scorecard")).toObject();
    QString problem;
    const auto card = ScorecardJson::parse(sc.value(QLatin1String("definition")).toString().toUtf8(), &problem);
    if (!card)
        return refuse<qint64>(error,
                              invalid(QStringLiteral("the package's scorecard cannot be read: %1").arg(problem)));
    const QDate date = QDate::fromString(p.value(QLatin1String("date")).toString(), Qt::ISODate);
    const QString title = p.value(QLatin1String("title")).toString();
    if (title.isEmpty() || !date.isValid())
        return refuse<qint64>(error, invalid(QStringLiteral("the package has no title or date")));

    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    if (!tx.isOpen())
        return refuse<qint64>(error, failed(m_store));
    ScorecardStore cards(m_store.database());
    qint64 scorecardId = 0;
    if (const auto stored = cards.load(card->name, card->version)) {
        if (!stored->card.sameContentExceptNames(*card))
            return refuse<qint64>(error, refused(QStringLiteral("this project has another scorecard \"%1\" version "
                                                                "%2; open the package in another project")
                                                     .arg(card->name)
                                                     .arg(card->version)));
        scorecardId = stored->id;
    } else {
        const auto saved = cards.save(*card, UserInfo::nowIso(), &problem);
        if (!saved)
            return refuse<qint64>(error, CalibrationError::make(CalibrationError::Failed, problem));
        scorecardId = saved->id;
        if (!log(m_store, QStringLiteral("scorecard"), scorecardId, {}, {},
                 QStringLiteral("%1 version %2").arg(card->name).arg(card->version),
                 QStringLiteral("calibration package of session %1").arg(env->sessionId)))
            return refuse<qint64>(error, failed(m_store));
    }

    CalibrationSessionInfo info;
    info.title = title;
    info.date = date;
    info.state = CalibrationState::Scoring;
    info.scorecardId = scorecardId;
    info.lead = p.value(QLatin1String("lead")).toString();
    info.drawJson = QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("method"), QStringLiteral("package")},
                                                                {QStringLiteral("session_id"), env->sessionId},
                                                                {QStringLiteral("package_sha256"), env->sha256}})
                                          .toJson(QJsonDocument::Compact));
    info.packageSha256 = env->sha256;
    info.createdAt = UserInfo::nowIso();
    const auto id = m_store.insertSession(info);
    if (!id || !log(m_store, kSession, *id, {}, {}, title,
                    QStringLiteral("opened from package of session %1").arg(env->sessionId)))
        return refuse<qint64>(error, failed(m_store));
    QSet<QString> names;
    for (const QJsonValue &v : p.value(QLatin1String("participants")).toArray()) {
        const QJsonObject o = v.toObject();
        CalibrationParticipant who;
        who.name = o.value(QLatin1String("name")).toString().trimmed();
        who.expert = o.value(QLatin1String("expert")).toBool();
        if (who.name.isEmpty() || names.contains(who.name.toLower()))
            return refuse<qint64>(error, invalid(QStringLiteral("the package's participant list is not valid")));
        names.insert(who.name.toLower());
        const auto pid = m_store.insertParticipant(*id, who);
        if (!pid ||
            !log(m_store, kParticipant, *pid, {}, {}, who.expert ? who.name + QStringLiteral(" (expert)") : who.name))
            return refuse<qint64>(error, failed(m_store));
    }
    // The conversations get a source of their own, so they never mix with this project's imports.
    const QString source = QStringLiteral("calibration-package-%1").arg(env->sha256.left(16));
    for (const QJsonValue &v : p.value(QLatin1String("items")).toArray()) {
        const QJsonObject o = v.toObject();
        CalibrationItem item;
        item.position = o.value(QLatin1String("position")).toInt();
        item.ticketId = o.value(QLatin1String("ticket_id")).toString();
        item.channel = o.value(QLatin1String("channel")).toString();
        item.interactionDate = o.value(QLatin1String("date")).toString();
        item.transcript = o.value(QLatin1String("transcript")).toString();
        item.media = o.value(QLatin1String("media")).toString();
        if (!item.ticketId.isEmpty() && (!item.transcript.isEmpty() || !item.media.isEmpty())) {
            const auto interaction = m_store.insertInteraction(source, item);
            if (!interaction)
                return refuse<qint64>(error, failed(m_store));
            item.interactionId = *interaction;
        }
        const auto itemId = m_store.insertItem(*id, item);
        if (!itemId || !log(m_store, QStringLiteral("calibration_item"), *itemId, {}, {}, item.ticketId))
            return refuse<qint64>(error, failed(m_store));
    }
    if (!tx.commit())
        return refuse<qint64>(error, failed(m_store));
    return id;
}

std::optional<QByteArray> CalibrationExchange::exportResponse(qint64 sessionId, qint64 participantId,
                                                              CalibrationError *error)
{
    auto data = calibration::load(m_store, sessionId, false, error);
    if (!data)
        return std::nullopt;
    const int p = participantIndex(*data, participantId);
    if (p < 0)
        return refuse<QByteArray>(error, notFound(QStringLiteral("participant"), participantId));
    const CalibrationParticipant &who = data->participants.at(p);
    if (!who.submitted())
        return refuse<QByteArray>(error, refused(QStringLiteral("%1 has not submitted yet: submit to lock the answers, "
                                                                "then export the response")
                                                     .arg(who.name)));
    if (data->info.packageSha256.isEmpty())
        return refuse<QByteArray>(error, refused(QStringLiteral("session %1 has no package to answer").arg(sessionId)));
    const qint64 origin = originSession(data->info) > 0 ? originSession(data->info) : sessionId;
    if (!m_store.loadAnswers(*data, participantId))
        return refuse<QByteArray>(error, failed(m_store));
    QJsonArray answers;
    for (int i = 0; i < data->items.size(); ++i)
        for (int c = 0; c < data->card.criterionCount(); ++c) {
            const CalibrationAnswer &a = data->answer(i, p, c);
            if (a.isMissing())
                continue;
            QJsonObject o{{QStringLiteral("item"), data->items.at(i).position},
                          {QStringLiteral("ticket_id"), data->items.at(i).ticketId},
                          {QStringLiteral("criterion"), data->card.criterionAt(c).key},
                          {QStringLiteral("value"), answerJson(a)}};
            if (!a.comment.isEmpty())
                o.insert(QStringLiteral("comment"), a.comment);
            answers.append(o);
        }
    const QJsonObject payload{{QStringLiteral("session_id"), origin},
                              {QStringLiteral("package_sha256"), data->info.packageSha256},
                              {QStringLiteral("participant"), who.name},
                              {QStringLiteral("submitted_at"), who.submittedAt},
                              {QStringLiteral("answers"), answers}};
    return envelope(responseFormat(), origin, payload);
}

CalibrationError CalibrationExchange::writeResponse(qint64 sessionId, qint64 participantId, const QString &path)
{
    CalibrationError error;
    const auto bytes = exportResponse(sessionId, participantId, &error);
    return bytes ? writeFile(path, *bytes) : error;
}

std::optional<QByteArray> CalibrationExchange::readResponseFile(const QString &path, CalibrationError *error)
{
    return readFile(path, error);
}

std::optional<CalibrationResponseImport>
CalibrationExchange::importResponseFile(const QString &path, CalibrationError *error, qint64 expectedSessionId)
{
    const auto bytes = readFile(path, error);
    if (!bytes)
        return std::nullopt;
    auto result = importResponse(*bytes, error, expectedSessionId);
    if (!result && error && !error->message.isEmpty())
        error->message = QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), error->message);
    return result;
}

std::optional<CalibrationResponseImport>
CalibrationExchange::importResponse(const QByteArray &bytes, CalibrationError *error, qint64 expectedSessionId,
                                    const QString &reason)
{
    using Result = CalibrationResponseImport;
    const auto env = readEnvelope(bytes, responseFormat(), QStringLiteral("response file"), error);
    if (!env)
        return std::nullopt;
    if (expectedSessionId > 0 && env->sessionId != expectedSessionId)
        return refuse<Result>(error, refused(QStringLiteral("wrong session: this response is for session %1, not %2")
                                                 .arg(env->sessionId)
                                                 .arg(expectedSessionId)));
    const auto info = m_store.session(env->sessionId);
    if (!info || originSession(*info) > 0)
        return refuse<Result>(error, refused(QStringLiteral("wrong session: this project has no session %1 of its own "
                                                            "for this response")
                                                 .arg(env->sessionId)));
    const QString packageHash = env->payload.value(QLatin1String("package_sha256")).toString().toLower();
    if (!m_store.packageHashes(env->sessionId).contains(packageHash))
        return refuse<Result>(error, refused(QStringLiteral("wrong session: this response answers a package that "
                                                            "session %1 of this project never exported")
                                                 .arg(env->sessionId)));
    auto data = calibration::load(m_store, env->sessionId, false, error);
    if (!data)
        return std::nullopt;
    if (auto e = requireState(data->info, QStringLiteral("responses are accepted"), {CalibrationState::Scoring});
        e.isError())
        return refuse<Result>(error, e);
    const QString name = env->payload.value(QLatin1String("participant")).toString();
    int p = -1;
    for (int k = 0; k < data->participants.size(); ++k)
        if (data->participants.at(k).name.compare(name, Qt::CaseInsensitive) == 0)
            p = k;
    if (p < 0)
        return refuse<Result>(error, refused(QStringLiteral("%1 is not a participant of session %2")
                                                 .arg(name.isEmpty() ? QStringLiteral("(no name)") : name)
                                                 .arg(env->sessionId)));
    const CalibrationParticipant &who = data->participants.at(p);
    if (who.submitted())
        return refuse<Result>(error, refused(QStringLiteral("a response from %1 is already in session %2 (submitted "
                                                            "%3); discard it first to accept another")
                                                 .arg(who.name)
                                                 .arg(env->sessionId)
                                                 .arg(who.submittedAt)));

    // Every answer is checked before anything is written.
    QHash<int, int> itemAt; // position → item index
    for (int i = 0; i < data->items.size(); ++i)
        itemAt.insert(data->items.at(i).position, i);
    std::vector<CalibrationSheet> sheets(std::size_t(data->items.size()),
                                         CalibrationSheet(data->card.criterionCount()));
    Result result;
    for (const QJsonValue &v : env->payload.value(QLatin1String("answers")).toArray()) {
        const QJsonObject o = v.toObject();
        const int position = o.value(QLatin1String("item")).toInt(-1);
        const int i = itemAt.value(position, -1);
        if (i < 0 || o.value(QLatin1String("ticket_id")).toString() != data->items.at(i).ticketId)
            return refuse<Result>(error, invalid(QStringLiteral("the response answers item %1 (ticket %2), which "
                                                                "session %3 does not have")
                                                     .arg(position)
                                                     .arg(o.value(QLatin1String("ticket_id")).toString())
                                                     .arg(env->sessionId)));
        const QString key = o.value(QLatin1String("criterion")).toString();
        const int c = data->card.indexOfKey(key);
        if (c < 0)
            return refuse<Result>(error, invalid(QStringLiteral("the response answers criterion \"%1\", which the "
                                                                "session's scorecard does not have")
                                                     .arg(key)));
        if (!sheets[std::size_t(i)].at(c).isMissing())
            return refuse<Result>(
                error, invalid(QStringLiteral("the response answers %1 on item %2 twice").arg(key).arg(position)));
        QString problem;
        auto a = answerFromJson(data->card.criterionAt(c), o.value(QLatin1String("value")), &problem);
        if (!a)
            return refuse<Result>(error, invalid(QStringLiteral("item %1: %2").arg(position).arg(problem)));
        a->comment = o.value(QLatin1String("comment")).toString();
        sheets[std::size_t(i)][c] = *a;
        ++result.answers;
    }

    if (!m_store.loadAnswers(*data, who.id))
        return refuse<Result>(error, failed(m_store));
    for (int i = 0; i < data->items.size(); ++i) {
        CalibrationSheet had(data->card.criterionCount());
        for (int c = 0; c < data->card.criterionCount(); ++c)
            had[c] = data->answer(i, p, c);
        result.before.push_back(had);
    }
    for (int i = 0; i < data->items.size(); ++i)
        for (int c = 0; c < data->card.criterionCount(); ++c) {
            result.replaced += data->answer(i, p, c).isMissing() ? 0 : 1;
            if (c == 0) {
                bool any = false;
                for (const CalibrationAnswer &a : sheets[std::size_t(i)])
                    any = any || !a.isMissing();
                result.items += any ? 1 : 0;
            }
        }
    QString submittedAt = env->payload.value(QLatin1String("submitted_at")).toString();
    if (submittedAt.isEmpty())
        submittedAt = UserInfo::nowIso();

    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    if (!tx.isOpen())
        return refuse<Result>(error, failed(m_store));
    for (int i = 0; i < data->items.size(); ++i)
        if (!m_store.replaceAnswers(data->items.at(i).id, who.id, sheets[std::size_t(i)], *data))
            return refuse<Result>(error, failed(m_store));
    if (!m_store.updateParticipant(who.id, "submitted_at", submittedAt) ||
        !log(m_store, kParticipant, who.id, QStringLiteral("submitted_at"), {}, submittedAt,
             (reason.isEmpty() ? QString() : reason + QStringLiteral(": ")) +
                 QStringLiteral("response %1: %2 answers").arg(env->sha256.left(16)).arg(result.answers)) ||
        !tx.commit())
        return refuse<Result>(error, failed(m_store));
    result.sessionId = env->sessionId;
    result.participantId = who.id;
    result.participant = who.name;
    result.submittedAt = submittedAt;
    return result;
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorecardedits.h"

#include "changelog.h"
#include "savepoint.h"
#include "scoring/scorecardjson.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ql {

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QString definition(const Scorecard &card)
{
    return QString::fromUtf8(ScorecardJson::toJson(card));
}

} // namespace

ScorecardEdits::ScorecardEdits(QSqlDatabase db) : m_db(std::move(db)) {}

qint64 ScorecardEdits::auditCount(qint64 scorecardId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM audits WHERE scorecard_id = ?"));
    q.addBindValue(scorecardId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

bool ScorecardEdits::log(const QString &name, const QString &field, const QString &oldValue, const QString &newValue,
                         const QString &reason, QString *error)
{
    ChangeEntry entry;
    entry.entity = QStringLiteral("scorecard");
    entry.entityId = name;
    entry.field = field;
    entry.oldValue = oldValue.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(oldValue);
    entry.newValue = newValue.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(newValue);
    entry.reason = reason;
    return ChangeLog::record(m_db, entry, error);
}

bool ScorecardEdits::createVersion(ScorecardEdit &edit, QString *error)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const auto stored = ScorecardStore(m_db).save(edit.card, now, error);
    if (!stored)
        return false;
    edit.id = stored->id;
    return true;
}

std::optional<ScorecardEdit> ScorecardEdits::save(qint64 baseId, const Scorecard &edited, QDate validFrom,
                                                  const QString &reason, QString *error)
{
    if (const QString problem = ScorecardJson::validate(edited); !problem.isEmpty()) {
        setError(error, problem);
        return std::nullopt;
    }
    ScorecardStore store(m_db);
    Savepoint savepoint(m_db, QStringLiteral("ql_scorecard_edit"));
    if (!savepoint.isOpen()) {
        setError(error, m_db.lastError().text());
        return std::nullopt;
    }
    const QDate from = validFrom.isValid() ? validFrom : QDate::currentDate();
    ScorecardEdit edit;
    edit.card = edited;
    if (baseId <= 0) {
        if (!store.versions(edited.name).isEmpty()) {
            setError(error, QObject::tr("a scorecard named “%1” exists already: open it with Edit scorecard… to "
                                        "change it, or choose another name")
                                .arg(edited.name));
            return std::nullopt;
        }
        edit.kind = ScorecardEdit::Kind::Created;
        edit.card.version = 1;
        edit.card.validFrom = from;
        if (!createVersion(edit, error) ||
            !log(edit.card.name, QStringLiteral("version"), QString(), QStringLiteral("1"), reason, error))
            return std::nullopt;
    } else {
        const auto base = store.load(baseId, error);
        if (!base)
            return std::nullopt;
        if (edited.name != base->card.name) {
            setError(error, QObject::tr("name: a stored scorecard keeps its name (“%1”), since audits and targets "
                                        "refer to it; use New scorecard… for another one")
                                .arg(base->card.name));
            return std::nullopt;
        }
        if (edited.sameContentExceptNames(base->card)) {
            edit.kind = ScorecardEdit::Kind::Renamed;
            edit.id = baseId;
            edit.renamedFrom = base->card;
            edit.card.version = base->card.version;
            edit.card.validFrom = base->card.validFrom;
            if (edit.card == base->card) {
                setError(error, QObject::tr("nothing changed: version %1 is already like this").arg(base->card.version));
                return std::nullopt;
            }
            if (!store.updateNames(baseId, edit.card, error) ||
                !log(edit.card.name, QStringLiteral("names"), definition(base->card), definition(edit.card), reason,
                     error))
                return std::nullopt;
        } else {
            edit.kind = ScorecardEdit::Kind::NewVersion;
            const QList<ScorecardVersionInfo> versions = store.versions(edited.name);
            int latest = 0;
            for (const ScorecardVersionInfo &v : versions) {
                latest = std::max(latest, v.version);
                if (!v.validTo.isValid() && v.version >= edit.endedVersion) {
                    edit.endedId = v.id;
                    edit.endedVersion = v.version;
                    if (from <= v.validFrom) {
                        setError(error, QObject::tr("valid from: a new version must come into force after %1, the "
                                                    "day version %2 did")
                                            .arg(v.validFrom.toString(Qt::ISODate))
                                            .arg(v.version));
                        return std::nullopt;
                    }
                }
            }
            edit.card.version = latest + 1;
            edit.card.validFrom = from;
            if (edit.endedId > 0 && !store.setValidTo(edit.endedId, from.addDays(-1), error))
                return std::nullopt;
            if (!createVersion(edit, error) ||
                !log(edit.card.name, QStringLiteral("version"), QString::number(base->card.version),
                     QString::number(edit.card.version), reason, error))
                return std::nullopt;
        }
    }
    if (!savepoint.commit()) {
        setError(error, m_db.lastError().text());
        return std::nullopt;
    }
    return edit;
}

bool ScorecardEdits::undo(const ScorecardEdit &edit, const QString &reason, QString *error)
{
    ScorecardStore store(m_db);
    Savepoint savepoint(m_db, QStringLiteral("ql_scorecard_edit"));
    if (!savepoint.isOpen()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    if (edit.kind == ScorecardEdit::Kind::Renamed) {
        if (!store.updateNames(edit.id, edit.renamedFrom, error) ||
            !log(edit.card.name, QStringLiteral("names"), definition(edit.card), definition(edit.renamedFrom), reason,
                 error))
            return false;
    } else {
        if (const qint64 n = auditCount(edit.id); n > 0) {
            setError(error, QObject::tr("version %1 of %2 is used by audits now (%3); it cannot be removed")
                                .arg(edit.card.version)
                                .arg(edit.card.name)
                                .arg(n));
            return false;
        }
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM scorecards WHERE id = ?"));
        q.addBindValue(edit.id);
        if (!q.exec()) {
            setError(error, QObject::tr("version %1 of %2 cannot be removed: %3")
                                .arg(edit.card.version)
                                .arg(edit.card.name, q.lastError().text()));
            return false;
        }
        if (edit.endedId > 0 && !store.setValidTo(edit.endedId, edit.endedValidToBefore, error))
            return false;
        if (!log(edit.card.name, QStringLiteral("version"), QString::number(edit.card.version),
                 edit.endedId > 0 ? QString::number(edit.endedVersion) : QString(), reason, error))
            return false;
    }
    if (!savepoint.commit()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    return true;
}

bool ScorecardEdits::redo(ScorecardEdit &edit, const QString &reason, QString *error)
{
    ScorecardStore store(m_db);
    Savepoint savepoint(m_db, QStringLiteral("ql_scorecard_edit"));
    if (!savepoint.isOpen()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    ScorecardEdit next = edit;
    if (edit.kind == ScorecardEdit::Kind::Renamed) {
        if (!store.updateNames(edit.id, edit.card, error) ||
            !log(edit.card.name, QStringLiteral("names"), definition(edit.renamedFrom), definition(edit.card), reason,
                 error))
            return false;
    } else {
        if (edit.endedId > 0 && !store.setValidTo(edit.endedId, edit.card.validFrom.addDays(-1), error))
            return false;
        if (!createVersion(next, error) ||
            !log(edit.card.name, QStringLiteral("version"),
                 edit.endedId > 0 ? QString::number(edit.endedVersion) : QString(), QString::number(edit.card.version),
                 reason, error))
            return false;
    }
    if (!savepoint.commit()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    edit = next;
    return true;
}

} // namespace ql

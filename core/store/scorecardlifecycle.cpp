// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorecardlifecycle.h"

#include "changelog.h"
#include "chart/savedviewvalues.h"
#include "savepoint.h"
#include "scoring/scorecardjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QString tr(const char *text)
{
    return QCoreApplication::translate("ql::ScorecardLifecycle", text);
}

qint64 count(const QSqlDatabase &db, const QString &sql, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(sql);
    q.addBindValue(name);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

QString versionsJson(const QList<StoredScorecard> &versions)
{
    QJsonArray list;
    for (const StoredScorecard &s : versions)
        list.append(QJsonObject{{QStringLiteral("version"), s.card.version},
                                {QStringLiteral("valid_from"), s.card.validFrom.toString(Qt::ISODate)},
                                {QStringLiteral("valid_to"), s.validTo.isValid() ? QJsonValue(s.validTo.toString(Qt::ISODate))
                                                                                 : QJsonValue()},
                                {QStringLiteral("created_at"), s.createdAt},
                                {QStringLiteral("definition"), ScorecardJson::toJsonObject(s.card)}});
    return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
}

} // namespace

ScorecardLifecycle::ScorecardLifecycle(QSqlDatabase db) : m_db(std::move(db)) {}

ScorecardUses ScorecardLifecycle::uses(const QString &name) const
{
    ScorecardUses u;
    u.audits = count(m_db,
                     QStringLiteral("SELECT count(*) FROM audits a JOIN scorecards s ON s.id = a.scorecard_id "
                                    "WHERE s.name = ?"),
                     name);
    u.calibrationSessions = count(m_db,
                                  QStringLiteral("SELECT count(*) FROM calibration_sessions c JOIN scorecards s "
                                                 "ON s.id = c.scorecard_id WHERE s.name = ?"),
                                  name);
    u.anchorExamples = count(m_db,
                             QStringLiteral("SELECT count(*) FROM anchor_examples e JOIN criteria c ON c.id = "
                                            "e.criterion_id JOIN scorecards s ON s.id = c.scorecard_id WHERE s.name = ?"),
                             name);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT DISTINCT s.version FROM audits a JOIN scorecards s ON s.id = a.scorecard_id "
                             "WHERE s.name = ? ORDER BY s.version"));
    q.addBindValue(name);
    if (q.exec())
        while (q.next())
            u.auditVersions << q.value(0).toInt();
    return u;
}

bool ScorecardLifecycle::log(const QString &name, const QString &field, const QVariant &oldValue,
                             const QVariant &newValue, const QString &reason, QString *error)
{
    ChangeEntry entry;
    entry.entity = QStringLiteral("scorecard");
    entry.entityId = name;
    entry.field = field;
    entry.oldValue = oldValue;
    entry.newValue = newValue;
    entry.reason = reason;
    return ChangeLog::record(m_db, entry, error);
}

bool ScorecardLifecycle::rename(const QString &from, const QString &to, const QString &reason, QString *error)
{
    ScorecardStore store(m_db);
    const QList<ScorecardVersionInfo> versions = store.versions(from);
    if (versions.isEmpty()) {
        setError(error, tr("there is no scorecard named “%1”").arg(from));
        return false;
    }
    const QString name = to.trimmed();
    if (name.isEmpty()) {
        setError(error, tr("new name: must not be empty"));
        return false;
    }
    if (name != to) {
        setError(error, tr("new name: must not begin or end with spaces"));
        return false;
    }
    if (name == from) {
        setError(error, tr("new name: “%1” is the scorecard's name already").arg(from));
        return false;
    }
    if (!store.versions(name).isEmpty()) {
        setError(error, tr("new name: a scorecard named “%1” exists already").arg(name));
        return false;
    }
    Savepoint savepoint(m_db, QStringLiteral("ql_scorecard_rename"));
    if (!savepoint.isOpen()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    for (const ScorecardVersionInfo &v : versions) {
        QSqlQuery read(m_db);
        read.prepare(QStringLiteral("SELECT definition_json FROM scorecards WHERE id = ?"));
        read.addBindValue(v.id);
        if (!read.exec() || !read.next()) {
            setError(error, read.lastError().text());
            return false;
        }
        QJsonObject definition = QJsonDocument::fromJson(read.value(0).toString().toUtf8()).object();
        definition.insert(QStringLiteral("name"), name);
        QSqlQuery write(m_db);
        write.prepare(QStringLiteral("UPDATE scorecards SET name = ?, definition_json = ? WHERE id = ?"));
        write.addBindValue(name);
        write.addBindValue(QString::fromUtf8(QJsonDocument(definition).toJson(QJsonDocument::Compact)));
        write.addBindValue(v.id);
        if (!write.exec()) {
            setError(error, write.lastError().text());
            return false;
        }
    }
    QSqlQuery targets(m_db);
    targets.prepare(QStringLiteral("UPDATE targets SET scope = ? WHERE scope_kind = 'scorecard' AND scope = ?"));
    targets.addBindValue(name);
    targets.addBindValue(from);
    if (!targets.exec()) {
        setError(error, targets.lastError().text());
        return false;
    }
    // Saved pivots and charts that filter on the scorecard follow it (one change-log row each).
    const QString viewReason = tr("scorecard “%1” renamed to “%2”").arg(from, name) +
                               (reason.isEmpty() ? QString() : QStringLiteral(": ") + reason);
    if (!SavedViewValues::rename(m_db, QStringLiteral("scorecard"), from, name, viewReason, error))
        return false;
    if (!log(from, QStringLiteral("name"), from, name, reason, error))
        return false;
    if (!savepoint.commit()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    return true;
}

std::optional<QList<StoredScorecard>> ScorecardLifecycle::remove(const QString &name, const QString &reason,
                                                                  QString *error)
{
    ScorecardStore store(m_db);
    const QList<ScorecardVersionInfo> versions = store.versions(name);
    if (versions.isEmpty()) {
        setError(error, tr("there is no scorecard named “%1”").arg(name));
        return std::nullopt;
    }
    const ScorecardUses u = uses(name);
    if (u.any()) {
        QStringList what;
        if (u.audits > 0) {
            QStringList v;
            for (int n : u.auditVersions)
                v << QString::number(n);
            what << (u.audits == 1 ? tr("1 audit is scored with it (version %1)").arg(v.join(QStringLiteral(", ")))
                                   : tr("%1 audits are scored with it (versions %2)")
                                         .arg(u.audits)
                                         .arg(v.join(QStringLiteral(", "))));
        }
        if (u.calibrationSessions > 0)
            what << (u.calibrationSessions == 1 ? tr("1 calibration session uses it")
                                                : tr("%1 calibration sessions use it").arg(u.calibrationSessions));
        if (u.anchorExamples > 0)
            what << (u.anchorExamples == 1 ? tr("1 anchor example refers to its criteria")
                                           : tr("%1 anchor examples refer to its criteria").arg(u.anchorExamples));
        setError(error, tr("“%1” cannot be deleted: %2. Scores keep the scorecard they were made with; to use "
                           "another scorecard from now on, create it (or a new version of this one) instead.")
                            .arg(name, what.join(QStringLiteral("; "))));
        return std::nullopt;
    }
    QList<StoredScorecard> removed;
    for (const ScorecardVersionInfo &v : versions) {
        const auto stored = store.load(v.id, error);
        if (!stored)
            return std::nullopt;
        removed << *stored;
    }
    Savepoint savepoint(m_db, QStringLiteral("ql_scorecard_delete"));
    if (!savepoint.isOpen()) {
        setError(error, m_db.lastError().text());
        return std::nullopt;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM scorecards WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec()) {
        setError(error, tr("“%1” cannot be deleted: %2").arg(name, q.lastError().text()));
        return std::nullopt;
    }
    if (!log(name, QStringLiteral("deleted"), versionsJson(removed), QVariant(QMetaType::fromType<QString>()), reason,
             error))
        return std::nullopt;
    if (!savepoint.commit()) {
        setError(error, m_db.lastError().text());
        return std::nullopt;
    }
    return removed;
}

bool ScorecardLifecycle::restore(const QList<StoredScorecard> &versions, const QString &reason, QString *error)
{
    if (versions.isEmpty())
        return true;
    const QString name = versions.first().card.name;
    ScorecardStore store(m_db);
    if (!store.versions(name).isEmpty()) {
        setError(error, tr("“%1” cannot be restored: a scorecard of that name exists again").arg(name));
        return false;
    }
    Savepoint savepoint(m_db, QStringLiteral("ql_scorecard_restore"));
    if (!savepoint.isOpen()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    for (const StoredScorecard &s : versions)
        if (!store.save(s.card, s.createdAt, error, s.validTo))
            return false;
    if (!log(name, QStringLiteral("deleted"), QVariant(QMetaType::fromType<QString>()), versionsJson(versions), reason,
             error))
        return false;
    if (!savepoint.commit()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    return true;
}

} // namespace ql

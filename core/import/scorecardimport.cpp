// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorecardimport.h"

#include "common/userinfo.h"
#include "scoring/scorecardjson.h"
#include "store/changelog.h"
#include "store/scorecardstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSqlError>
#include <QSqlQuery>

namespace ql {

QString ScorecardImport::Result::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Created:
        return QStringLiteral("created");
    case Outcome::NewVersion:
        return QStringLiteral("new_version");
    case Outcome::NamesUpdated:
        return QStringLiteral("names_updated");
    case Outcome::Unchanged:
        return QStringLiteral("unchanged");
    }
    return {};
}

QByteArray ScorecardImport::Result::toJson() const
{
    QByteArray line = summary.toJson();
    line.chop(1);
    const QByteArray quotedName = QJsonDocument(QJsonArray{name}).toJson(QJsonDocument::Compact);
    line += ", \"scorecard\": " + quotedName.mid(1, quotedName.size() - 2) +
            ", \"version\": " + QByteArray::number(version) + ", \"outcome\": \"" + outcomeName(outcome).toLatin1() +
            "\"}";
    return line;
}

ScorecardImport::Result ScorecardImport::importFile(QSqlDatabase db, const QString &path, const QString &whoGiven,
                                                    QDate today)
{
    Result r;
    r.summary.kind = QStringLiteral("scorecard");
    if (!today.isValid())
        today = QDate::currentDate();
    const QString who = whoGiven.isEmpty() ? UserInfo::currentUser() : whoGiven;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        r.error = QObject::tr("cannot read %1: %2").arg(path, file.errorString());
        return r;
    }
    const QByteArray text = file.readAll();
    const QString fileName = QFileInfo(path).fileName();
    QString why;
    auto parsed = ScorecardJson::parse(text, &why);
    if (!parsed) {
        r.invalidInput = true;
        r.error = QStringLiteral("%1: %2").arg(fileName, why);
        return r;
    }
    Scorecard card = *parsed;
    r.name = card.name;

    if (!db.transaction()) {
        r.error = QObject::tr("cannot write the project: %1").arg(db.lastError().text());
        return r;
    }
    const auto fail = [&](const QString &message, bool invalid) {
        db.rollback();
        r.ok = false;
        r.invalidInput = invalid;
        r.error = message;
        return r;
    };
    const QString now = UserInfo::nowIso();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO import_log(at, who, file_name, file_size, sha256, kind, source) "
                             "VALUES (?, ?, ?, ?, ?, 'scorecard', 'default')"));
    q.addBindValue(now);
    q.addBindValue(who);
    q.addBindValue(fileName);
    q.addBindValue(qint64(text.size()));
    q.addBindValue(QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex()));
    if (!q.exec())
        return fail(QObject::tr("cannot write the project: %1").arg(q.lastError().text()), false);
    const qint64 importId = q.lastInsertId().toLongLong();
    const QString reason = QStringLiteral("import %1").arg(importId);

    ScorecardStore store(db);
    const QList<ScorecardVersionInfo> versions = store.versions(card.name);
    ChangeEntry entry;
    entry.entity = QStringLiteral("scorecard");
    entry.reason = reason;
    entry.importId = importId;
    if (versions.isEmpty()) {
        if (card.version == 0)
            card.version = 1;
        if (!card.validFrom.isValid())
            card.validFrom = today;
        const auto saved = store.save(card, now, &why);
        if (!saved)
            return fail(QStringLiteral("%1: %2").arg(fileName, why), true);
        r.outcome = Outcome::Created;
        r.scorecardId = saved->id;
        entry.entityId = QString::number(saved->id);
        entry.newValue = QStringLiteral("%1 version %2").arg(card.name).arg(card.version);
        ++r.summary.inserted;
    } else {
        const ScorecardVersionInfo &latest = versions.last();
        const auto current = store.load(latest.id, &why);
        if (!current)
            return fail(QObject::tr("cannot read the project: %1").arg(why), false);
        if (card.sameContentExceptNames(current->card)) {
            Scorecard renamed = current->card;
            renamed.description = card.description;
            for (qsizetype s = 0; s < renamed.sections.size(); ++s) {
                renamed.sections[s].name = card.sections.at(s).name;
                for (qsizetype i = 0; i < renamed.sections.at(s).criteria.size(); ++i) {
                    renamed.sections[s].criteria[i].name = card.sections.at(s).criteria.at(i).name;
                    renamed.sections[s].criteria[i].description = card.sections.at(s).criteria.at(i).description;
                }
            }
            r.scorecardId = latest.id;
            card = renamed;
            if (renamed == current->card) {
                r.outcome = Outcome::Unchanged;
                ++r.summary.unchanged;
            } else {
                if (!store.updateNames(latest.id, renamed, &why))
                    return fail(QObject::tr("cannot write the project: %1").arg(why), false);
                r.outcome = Outcome::NamesUpdated;
                entry.entityId = QString::number(latest.id);
                entry.field = QStringLiteral("names");
                entry.oldValue = QString::fromUtf8(ScorecardJson::toJson(current->card));
                entry.newValue = QString::fromUtf8(ScorecardJson::toJson(renamed));
                ++r.summary.updated;
            }
        } else {
            if (card.version == 0)
                card.version = latest.version + 1;
            if (card.version <= latest.version)
                return fail(
                    QObject::tr("%1: scorecard %2 already has version %3 with other content; give the new content "
                                "a higher version (or none)")
                        .arg(fileName, card.name)
                        .arg(card.version),
                    true);
            if (!card.validFrom.isValid())
                card.validFrom = today;
            if (card.validFrom <= latest.validFrom)
                return fail(
                    QObject::tr("%1: valid_from %2 must be after %3, when version %4 of %5 starts")
                        .arg(fileName, card.validFrom.toString(Qt::ISODate), latest.validFrom.toString(Qt::ISODate))
                        .arg(latest.version)
                        .arg(card.name),
                    true);
            if (!store.setValidTo(latest.id, card.validFrom.addDays(-1), &why))
                return fail(QObject::tr("cannot write the project: %1").arg(why), false);
            const auto saved = store.save(card, now, &why);
            if (!saved)
                return fail(QStringLiteral("%1: %2").arg(fileName, why), true);
            r.outcome = Outcome::NewVersion;
            r.scorecardId = saved->id;
            entry.entityId = QString::number(saved->id);
            entry.oldValue = QStringLiteral("%1 version %2").arg(card.name).arg(latest.version);
            entry.newValue = QStringLiteral("%1 version %2").arg(card.name).arg(card.version);
            ++r.summary.inserted;
        }
    }
    r.version = card.version;
    if (!entry.entityId.isEmpty() && !ChangeLog::record(db, entry, &why))
        return fail(QObject::tr("cannot write the project: %1").arg(why), false);
    q.prepare(QStringLiteral(
        "UPDATE import_log SET inserted = ?, updated = ?, unchanged = ?, mapping_json = ? WHERE id = ?"));
    q.addBindValue(r.summary.inserted);
    q.addBindValue(r.summary.updated);
    q.addBindValue(r.summary.unchanged);
    q.addBindValue(QString::fromUtf8(ScorecardJson::toJson(card)));
    q.addBindValue(importId);
    if (!q.exec() || !db.commit())
        return fail(QObject::tr("cannot write the project: %1").arg(db.lastError().text()), false);
    r.summary.importId = importId;
    r.ok = true;
    return r;
}

} // namespace ql

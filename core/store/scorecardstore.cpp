// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorecardstore.h"

#include "scoring/scorecardjson.h"

#include <QJsonArray>
#include <QJsonDocument>
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

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QVariant nullableDate(QDate date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

QString scaleKindName(ScaleKind kind)
{
    switch (kind) {
    case ScaleKind::Binary:
        return QStringLiteral("binary");
    case ScaleKind::Range:
        return QStringLiteral("range");
    case ScaleKind::Options:
        return QStringLiteral("options");
    }
    return {};
}

// docs/schema.md: [["Yes",10],["Partial",3],["No",0]] — an array, because the options' order is
// part of the scorecard (a JSON object would lose it).
QString optionsJson(const Scale &scale)
{
    QJsonArray list;
    for (const auto &option : scale.options)
        list.append(QJsonArray{option.first, option.second});
    return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
}

std::optional<Scale> scaleFromColumns(const QString &kind, double min, double max, const QString &options)
{
    if (kind == QLatin1String("binary"))
        return Scale::binary();
    if (kind == QLatin1String("range"))
        return Scale::range(int(min), int(max));
    if (kind != QLatin1String("options"))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(options.toUtf8());
    if (!doc.isArray())
        return std::nullopt;
    QList<std::pair<QString, double>> list;
    for (const QJsonValue &entry : doc.array()) {
        const QJsonArray pair = entry.toArray();
        if (pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isDouble())
            return std::nullopt;
        list.append({pair.at(0).toString(), pair.at(1).toDouble()});
    }
    return Scale::fromOptions(std::move(list));
}

// Runs the body inside a savepoint; rolls back to it when the body fails.
class Savepoint
{
public:
    explicit Savepoint(const QSqlDatabase &db) : m_db(db)
    {
        m_open = QSqlQuery(m_db).exec(QStringLiteral("SAVEPOINT ql_scorecard_store"));
    }
    ~Savepoint()
    {
        if (!m_open)
            return;
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK TO ql_scorecard_store"));
        q.exec(QStringLiteral("RELEASE ql_scorecard_store"));
    }
    bool isOpen() const { return m_open; }
    bool release()
    {
        m_open = !QSqlQuery(m_db).exec(QStringLiteral("RELEASE ql_scorecard_store"));
        return !m_open;
    }

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace

ScorecardStore::ScorecardStore(QSqlDatabase db) : m_db(std::move(db)) {}

std::optional<StoredScorecard> ScorecardStore::save(const Scorecard &card, const QString &createdAt, QString *error,
                                                    QDate validTo)
{
    if (card.version < 1 || !card.validFrom.isValid()) {
        setError(
            error,
            QObject::tr("scorecard %1: a stored version needs a version number and a valid_from date").arg(card.name));
        return std::nullopt;
    }
    if (const QString problem = ScorecardJson::validate(card); !problem.isEmpty()) {
        setError(error, QObject::tr("scorecard %1: %2").arg(card.name, problem));
        return std::nullopt;
    }
    if (validTo.isValid() && validTo < card.validFrom) {
        setError(
            error,
            QObject::tr("scorecard %1 version %2: valid_to is before valid_from").arg(card.name).arg(card.version));
        return std::nullopt;
    }

    Savepoint savepoint(m_db);
    if (!savepoint.isOpen()) {
        setError(error, m_db.lastError().text());
        return std::nullopt;
    }
    const auto fail = [error](const QSqlQuery &q) {
        setError(error, q.lastError().text());
        return std::nullopt;
    };

    StoredScorecard stored;
    stored.card = card;
    stored.validTo = validTo;
    stored.createdAt = createdAt;

    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO scorecards(name, version, valid_from, valid_to, pass_threshold, critical_policy, "
                       "description, definition_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(card.name);
    q.addBindValue(card.version);
    q.addBindValue(card.validFrom.toString(Qt::ISODate));
    q.addBindValue(nullableDate(validTo));
    q.addBindValue(card.passThreshold);
    q.addBindValue(criticalPolicyName(card.policy));
    q.addBindValue(nullableText(card.description));
    q.addBindValue(QString::fromUtf8(ScorecardJson::toJson(card)));
    q.addBindValue(createdAt);
    if (!q.exec())
        return fail(q);
    stored.id = q.lastInsertId().toLongLong();

    QSqlQuery section(m_db);
    section.prepare(
        QStringLiteral("INSERT INTO scorecard_sections(scorecard_id, position, name, weight) VALUES (?, ?, ?, ?)"));
    QSqlQuery criterion(m_db);
    criterion.prepare(QStringLiteral("INSERT INTO criteria(scorecard_id, section_id, position, key, name, description, "
                                     "scale_kind, scale_min, scale_max, "
                                     "options_json, weight, critical, critical_effect, allow_na, pass_level) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    int flat = 0;
    for (qsizetype s = 0; s < card.sections.size(); ++s) {
        const Section &sec = card.sections.at(s);
        section.addBindValue(stored.id);
        section.addBindValue(int(s));
        section.addBindValue(sec.name);
        section.addBindValue(sec.weight ? QVariant(*sec.weight) : QVariant(QMetaType(QMetaType::Double)));
        if (!section.exec())
            return fail(section);
        const qint64 sectionId = section.lastInsertId().toLongLong();
        stored.sectionIds.append(sectionId);
        for (const Criterion &c : sec.criteria) {
            criterion.addBindValue(stored.id);
            criterion.addBindValue(sectionId);
            criterion.addBindValue(flat++);
            criterion.addBindValue(c.key);
            criterion.addBindValue(c.name);
            criterion.addBindValue(nullableText(c.description));
            criterion.addBindValue(scaleKindName(c.scale.kind));
            criterion.addBindValue(c.scale.minValue());
            criterion.addBindValue(c.scale.maxValue());
            criterion.addBindValue(c.scale.kind == ScaleKind::Options ? QVariant(optionsJson(c.scale))
                                                                      : QVariant(QMetaType(QMetaType::QString)));
            criterion.addBindValue(c.weight);
            criterion.addBindValue(c.isCritical() ? QVariant(criticalFamilyName(c.critical))
                                                  : QVariant(QMetaType(QMetaType::QString)));
            criterion.addBindValue(criticalEffectName(c.criticalEffect));
            criterion.addBindValue(c.allowNa ? 1 : 0);
            criterion.addBindValue(c.passLevel);
            if (!criterion.exec())
                return fail(criterion);
            stored.criterionIds.append(criterion.lastInsertId().toLongLong());
        }
    }
    if (!savepoint.release()) {
        setError(error, m_db.lastError().text());
        return std::nullopt;
    }
    return stored;
}

bool ScorecardStore::setValidTo(qint64 id, QDate validTo, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE scorecards SET valid_to = ? WHERE id = ? AND (? IS NULL OR valid_from <= ?)"));
    const QVariant to = nullableDate(validTo);
    q.addBindValue(to);
    q.addBindValue(id);
    q.addBindValue(to);
    q.addBindValue(to);
    if (!q.exec()) {
        setError(error, q.lastError().text());
        return false;
    }
    if (q.numRowsAffected() != 1) {
        setError(error, QObject::tr("scorecard %1 does not exist, or valid_to would be before its valid_from").arg(id));
        return false;
    }
    return true;
}

bool ScorecardStore::updateNames(qint64 id, const Scorecard &card, QString *error)
{
    const auto current = load(id, error);
    if (!current)
        return false;
    if (!card.sameContentExceptNames(current->card) || card.name != current->card.name) {
        setError(error, QObject::tr("scorecard %1: only names and descriptions can change in place").arg(id));
        return false;
    }
    Savepoint savepoint(m_db);
    if (!savepoint.isOpen()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    const auto fail = [error](const QSqlQuery &q) {
        setError(error, q.lastError().text());
        return false;
    };
    // The stored JSON keeps the stored version and valid_from, whatever the caller's card says.
    Scorecard stored = card;
    stored.version = current->card.version;
    stored.validFrom = current->card.validFrom;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE scorecards SET description = ?, definition_json = ? WHERE id = ?"));
    q.addBindValue(nullableText(stored.description));
    q.addBindValue(QString::fromUtf8(ScorecardJson::toJson(stored)));
    q.addBindValue(id);
    if (!q.exec())
        return fail(q);
    QSqlQuery section(m_db);
    section.prepare(QStringLiteral("UPDATE scorecard_sections SET name = ? WHERE id = ?"));
    QSqlQuery criterion(m_db);
    criterion.prepare(QStringLiteral("UPDATE criteria SET name = ?, description = ? WHERE id = ?"));
    qsizetype flat = 0;
    for (qsizetype s = 0; s < stored.sections.size(); ++s) {
        const Section &sec = stored.sections.at(s);
        section.addBindValue(sec.name);
        section.addBindValue(current->sectionIds.at(s));
        if (!section.exec())
            return fail(section);
        for (const Criterion &c : sec.criteria) {
            criterion.addBindValue(c.name);
            criterion.addBindValue(nullableText(c.description));
            criterion.addBindValue(current->criterionIds.at(flat++));
            if (!criterion.exec())
                return fail(criterion);
        }
    }
    if (!savepoint.release()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    return true;
}

std::optional<StoredScorecard> ScorecardStore::load(qint64 id, QString *error) const
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT name, version, valid_from, valid_to, pass_threshold, critical_policy, description, "
                       "created_at FROM scorecards WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        setError(error, q.lastError().text());
        return std::nullopt;
    }
    if (!q.next()) {
        setError(error, QObject::tr("no scorecard with id %1").arg(id));
        return std::nullopt;
    }
    StoredScorecard stored;
    stored.id = id;
    Scorecard &card = stored.card;
    card.name = q.value(0).toString();
    card.version = q.value(1).toInt();
    card.validFrom = QDate::fromString(q.value(2).toString(), Qt::ISODate);
    stored.validTo = q.value(3).isNull() ? QDate() : QDate::fromString(q.value(3).toString(), Qt::ISODate);
    card.passThreshold = q.value(4).toDouble();
    card.policy = q.value(5).toString() == QLatin1String("flag") ? CriticalPolicy::Flag : CriticalPolicy::Zero;
    card.description = q.value(6).toString();
    stored.createdAt = q.value(7).toString();

    QSqlQuery sections(m_db);
    sections.prepare(
        QStringLiteral("SELECT id, name, weight FROM scorecard_sections WHERE scorecard_id = ? ORDER BY position"));
    sections.addBindValue(id);
    if (!sections.exec()) {
        setError(error, sections.lastError().text());
        return std::nullopt;
    }
    QHash<qint64, qsizetype> sectionIndex;
    while (sections.next()) {
        Section s;
        s.name = sections.value(1).toString();
        if (!sections.value(2).isNull())
            s.weight = sections.value(2).toDouble();
        sectionIndex.insert(sections.value(0).toLongLong(), card.sections.size());
        stored.sectionIds.append(sections.value(0).toLongLong());
        card.sections.append(s);
    }

    QSqlQuery criteria(m_db);
    criteria.prepare(QStringLiteral("SELECT id, section_id, key, name, description, scale_kind, scale_min, scale_max, "
                                    "options_json, weight, critical, critical_effect, allow_na, pass_level "
                                    "FROM criteria WHERE scorecard_id = ? ORDER BY position"));
    criteria.addBindValue(id);
    if (!criteria.exec()) {
        setError(error, criteria.lastError().text());
        return std::nullopt;
    }
    qsizetype lastSection = 0;
    while (criteria.next()) {
        const qsizetype s = sectionIndex.value(criteria.value(1).toLongLong(), -1);
        // Flat indices run section by section; a criterion out of that order would renumber answers.
        if (s < lastSection) {
            setError(error, QObject::tr("scorecard %1: criteria positions do not follow the section order").arg(id));
            return std::nullopt;
        }
        lastSection = s;
        Criterion c;
        c.key = criteria.value(2).toString();
        c.name = criteria.value(3).toString();
        c.description = criteria.value(4).toString();
        const auto scale = scaleFromColumns(criteria.value(5).toString(), criteria.value(6).toDouble(),
                                            criteria.value(7).toDouble(), criteria.value(8).toString());
        if (!scale) {
            setError(error, QObject::tr("scorecard %1, criterion %2: unreadable scale").arg(id).arg(c.key));
            return std::nullopt;
        }
        c.scale = *scale;
        c.weight = criteria.value(9).toDouble();
        c.critical = criteria.value(10).isNull()
                         ? CriticalFamily::None
                         : criticalFamilyFromName(criteria.value(10).toString()).value_or(CriticalFamily::None);
        c.criticalEffect =
            criteria.value(11).toString() == QLatin1String("section") ? CriticalEffect::Section : CriticalEffect::Audit;
        c.allowNa = criteria.value(12).toInt() != 0;
        c.passLevel = criteria.value(13).toDouble();
        card.sections[s].criteria.append(c);
        stored.criterionIds.append(criteria.value(0).toLongLong());
    }
    return stored;
}

std::optional<StoredScorecard> ScorecardStore::load(const QString &name, int version, QString *error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM scorecards WHERE name = ? AND version = ?"));
    q.addBindValue(name);
    q.addBindValue(version);
    if (!q.exec()) {
        setError(error, q.lastError().text());
        return std::nullopt;
    }
    if (!q.next()) {
        setError(error, QObject::tr("no scorecard %1 version %2").arg(name).arg(version));
        return std::nullopt;
    }
    return load(q.value(0).toLongLong(), error);
}

std::optional<StoredScorecard> ScorecardStore::loadInForce(const QString &name, QDate date, QString *error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM scorecards WHERE name = ? AND valid_from <= ? "
                             "AND (valid_to IS NULL OR valid_to >= ?) ORDER BY version DESC LIMIT 1"));
    const QString day = date.toString(Qt::ISODate);
    q.addBindValue(name);
    q.addBindValue(day);
    q.addBindValue(day);
    if (!q.exec()) {
        setError(error, q.lastError().text());
        return std::nullopt;
    }
    if (!q.next()) {
        setError(error, QObject::tr("no version of scorecard %1 is in force on %2").arg(name, day));
        return std::nullopt;
    }
    return load(q.value(0).toLongLong(), error);
}

QList<ScorecardVersionInfo> ScorecardStore::versions(const QString &name) const
{
    QSqlQuery q(m_db);
    if (name.isEmpty()) {
        q.prepare(
            QStringLiteral("SELECT id, name, version, valid_from, valid_to FROM scorecards ORDER BY name, version"));
    } else {
        q.prepare(QStringLiteral("SELECT id, name, version, valid_from, valid_to FROM scorecards WHERE name = ? "
                                 "ORDER BY version"));
        q.addBindValue(name);
    }
    QList<ScorecardVersionInfo> list;
    if (!q.exec())
        return list;
    while (q.next()) {
        ScorecardVersionInfo info;
        info.id = q.value(0).toLongLong();
        info.name = q.value(1).toString();
        info.version = q.value(2).toInt();
        info.validFrom = QDate::fromString(q.value(3).toString(), Qt::ISODate);
        if (!q.value(4).isNull())
            info.validTo = QDate::fromString(q.value(4).toString(), Qt::ISODate);
        list.append(info);
    }
    return list;
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "periodclose.h"

#include "common/userinfo.h"
#include "scorecard/kpiengine.h"
#include "scorecard/kpijson.h"
#include "scoring/scorerounding.h"
#include "store/changelog.h"
#include "store/projectsettings.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace ql {

namespace {

struct Headline
{
    const char *key;
    const char *label;
    bool count;
};

// The numbers a report headlines, in the order restatements are listed.
constexpr Headline Headlines[] = {
    {"qa_score", "QA score", false},          {"pass_rate", "pass rate", false},
    {"critical_rate", "critical error rate", false}, {"csat_pct", "CSAT %", false},
    {"audits", "audits", true},               {"csat_responses", "CSAT responses", true},
};

void fail(QString *error, PeriodClose::Error *code, PeriodClose::Error kind, const QString &message)
{
    if (error)
        *error = message;
    if (code)
        *code = kind;
}

QString shown(const QJsonValue &v, bool count)
{
    if (!v.isDouble())
        return QStringLiteral("—");
    return count ? QString::number(qint64(v.toDouble())) : formatScoreForDisplay(v.toDouble());
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QJsonObject settingsJson(const QSqlDatabase &db)
{
    const ProjectSettings settings(db);
    QJsonObject values;
    for (int k = 0; k < ProjectSettings::KeyCount; ++k) {
        const auto key = ProjectSettings::Key(k);
        const QVariant v = settings.value(key);
        if (key == ProjectSettings::ChartBrandLogo) // an image: its digest says which one
            values.insert(ProjectSettings::keyName(key), v.toByteArray().isEmpty()
                                                             ? QJsonValue(QJsonValue::Null)
                                                             : QJsonValue(sha256(v.toByteArray())));
        else
            values.insert(ProjectSettings::keyName(key), QJsonValue::fromVariant(v));
    }
    QJsonArray targets;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT kpi, scope_kind, scope, valid_from, value FROM targets "
                              "ORDER BY kpi, scope_kind, scope, valid_from")))
        while (q.next())
            targets.append(QJsonObject{{QStringLiteral("kpi"), q.value(0).toString()},
                                       {QStringLiteral("scope_kind"), q.value(1).toString()},
                                       {QStringLiteral("scope"), q.value(2).toString()},
                                       {QStringLiteral("valid_from"), q.value(3).toString()},
                                       {QStringLiteral("value"), q.value(4).toDouble()}});
    return QJsonObject{{QStringLiteral("settings"), values}, {QStringLiteral("targets"), targets}};
}

QString reasonFor(const ChangesSince &c)
{
    QStringList parts;
    for (const auto &[entity, n] : c.byEntity)
        parts << QStringLiteral("%1 %2 change%3").arg(n).arg(QString(entity).replace(QLatin1Char('_'), QLatin1Char(' ')),
                                                         n == 1 ? QString() : QStringLiteral("s"));
    if (c.imports > 0)
        parts << QStringLiteral("%1 import%2").arg(c.imports).arg(c.imports == 1 ? QString() : QStringLiteral("s"));
    if (parts.isEmpty())
        return QStringLiteral("no change logged since it was closed (a setting or scoring rule may differ)");
    const QString last = parts.takeLast();
    return (parts.isEmpty() ? last : parts.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last) +
           QStringLiteral(" since it was closed");
}

} // namespace

QString Restatement::text() const
{
    return QStringLiteral("%1 %2 restated %3 → %4: %5").arg(period, label, before, after, reason);
}

std::optional<PeriodSnapshot> PeriodClose::snapshot(const QSqlDatabase &db, const QString &period,
                                                    const Options &options, QString *error, Error *code)
{
    const std::optional<KpiPeriod> p = KpiPeriod::parse(period);
    if (!p || p->kind == KpiPeriod::Kind::Custom) {
        fail(error, code, Error::BadPeriod,
             QObject::tr("'%1' is not a period: give a month (2026-09), quarter (2026-Q3), ISO week (2026-W07) or "
                         "year (2026)").arg(period));
        return std::nullopt;
    }
    if (p->to >= options.today) {
        fail(error, code, Error::NotOver,
             QObject::tr("%1 is not over yet (it ends %2): a period is closed after its last day")
                 .arg(p->label(), p->to.toString(Qt::ISODate)));
        return std::nullopt;
    }
    const KpiReport report = KpiEngine(db).report(KpiSlice{}, *p);
    if (report.auditsTotal.value.value_or(0) == 0 && report.csatResponses.value.value_or(0) == 0) {
        fail(error, code, Error::NoData, QObject::tr("%1 has no audits and no CSAT responses to close").arg(p->label()));
        return std::nullopt;
    }
    PeriodSnapshotStore store(db);
    QJsonArray reports;
    for (const RenderedReport &r : options.reports)
        reports.append(QJsonObject{{QStringLiteral("template"), r.templateName},
                                   {QStringLiteral("format"), r.format},
                                   {QStringLiteral("sha256"), sha256(r.bytes)},
                                   {QStringLiteral("size"), double(r.bytes.size())},
                                   {QStringLiteral("base64"), QString::fromLatin1(r.bytes.toBase64())}});
    QJsonObject rows;
    for (const auto &[table, n] : store.rowCounts())
        rows.insert(table, double(n));

    PeriodSnapshot s;
    s.period = p->label();
    s.closedAt = options.closedAt.isEmpty() ? UserInfo::nowIso() : options.closedAt;
    s.closedBy = options.closedBy.isEmpty() ? UserInfo::currentUser() : options.closedBy;
    s.kpisJson = QJsonDocument(QJsonObject{{QStringLiteral("kpis"), KpiJson::report(report)},
                                           {QStringLiteral("reports"), reports}})
                     .toJson(QJsonDocument::Compact);
    s.settingsJson = QJsonDocument(settingsJson(db)).toJson(QJsonDocument::Compact);
    s.fingerprint = QJsonDocument(QJsonObject{{QStringLiteral("rows"), rows},
                                              {QStringLiteral("last_change_id"), double(ChangeLog::lastId(db))},
                                              {QStringLiteral("last_import_id"), double(store.lastImportId())}})
                        .toJson(QJsonDocument::Compact);
    if (code)
        *code = Error::None;
    return s;
}

std::optional<PeriodSnapshot> PeriodClose::close(const QSqlDatabase &db, const QString &period, const Options &options,
                                                 QString *error, Error *code)
{
    std::optional<PeriodSnapshot> s = snapshot(db, period, options, error, code);
    if (!s)
        return std::nullopt;
    PeriodSnapshotStore store(db);
    if (!options.force && store.load(s->period)) {
        QString message;
        store.save(*s, false, &message); // refuses, and says when and by whom it was closed
        fail(error, code, Error::AlreadyClosed, message);
        return std::nullopt;
    }
    QString message;
    if (!store.save(*s, options.force, &message)) {
        fail(error, code, Error::Failed, QObject::tr("closing %1 failed: %2").arg(s->period, message));
        return std::nullopt;
    }
    return store.load(s->period);
}

QList<Restatement> PeriodClose::restatements(const QSqlDatabase &db, const PeriodSnapshot &snapshot)
{
    QList<Restatement> out;
    const std::optional<KpiPeriod> p = KpiPeriod::parse(snapshot.period);
    if (!p)
        return out;
    const QJsonObject published = QJsonDocument::fromJson(snapshot.kpisJson)
                                      .object()
                                      .value(QStringLiteral("kpis"))
                                      .toObject()
                                      .value(QStringLiteral("kpis"))
                                      .toObject();
    const QJsonObject now =
        KpiJson::report(KpiEngine(db).report(KpiSlice{}, *p)).value(QStringLiteral("kpis")).toObject();
    const QJsonObject fingerprint = QJsonDocument::fromJson(snapshot.fingerprint).object();
    std::optional<QString> reason;
    for (const Headline &h : Headlines) {
        const QString key = QLatin1String(h.key);
        const QString before = shown(published.value(key).toObject().value(QStringLiteral("value")), h.count);
        const QString after = shown(now.value(key).toObject().value(QStringLiteral("value")), h.count);
        if (before == after)
            continue;
        if (!reason)
            reason = reasonFor(PeriodSnapshotStore(db).changesSince(
                qint64(fingerprint.value(QStringLiteral("last_change_id")).toDouble()),
                qint64(fingerprint.value(QStringLiteral("last_import_id")).toDouble())));
        out.append({snapshot.period, key, QLatin1String(h.label), before, after, *reason});
    }
    return out;
}

QList<Restatement> PeriodClose::restatements(const QSqlDatabase &db)
{
    QList<Restatement> out;
    for (const PeriodSnapshot &s : PeriodSnapshotStore(db).list())
        out += restatements(db, s);
    return out;
}

QList<PeriodClose::StoredReport> PeriodClose::reports(const PeriodSnapshot &snapshot)
{
    QList<StoredReport> out;
    const QJsonArray list = QJsonDocument::fromJson(snapshot.kpisJson).object().value(QStringLiteral("reports")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QStringLiteral("template")).toString(), o.value(QStringLiteral("format")).toString(),
                    o.value(QStringLiteral("sha256")).toString(), qint64(o.value(QStringLiteral("size")).toDouble())});
    }
    return out;
}

QByteArray PeriodClose::reportBytes(const PeriodSnapshot &snapshot, const QString &templateName, const QString &format)
{
    const QJsonArray list = QJsonDocument::fromJson(snapshot.kpisJson).object().value(QStringLiteral("reports")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("template")).toString() != templateName ||
            o.value(QStringLiteral("format")).toString() != format)
            continue;
        const QByteArray bytes = QByteArray::fromBase64(o.value(QStringLiteral("base64")).toString().toLatin1());
        return sha256(bytes) == o.value(QStringLiteral("sha256")).toString() ? bytes : QByteArray();
    }
    return {};
}

} // namespace ql

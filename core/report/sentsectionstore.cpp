// SPDX-License-Identifier: GPL-3.0-or-later
#include "sentsectionstore.h"

#include "store/savedviewstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ql {

SentSectionStore::SentSectionStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool SentSectionStore::takesSections(ReportTemplate kind)
{
    return kind == ReportTemplate::MonthlyQuality || kind == ReportTemplate::Mbr;
}

QString SentSectionStore::viewName(ReportTemplate kind)
{
    return reportTemplateName(kind) + QStringLiteral(" sections");
}

QByteArray SentSectionStore::toJson(ReportTemplate kind, const QList<SentSection> &sections)
{
    QJsonObject o;
    o.insert(QLatin1String("template"), reportTemplateName(kind));
    QJsonArray list;
    for (const SentSection &s : sections)
        list.append(s.toJson());
    o.insert(QLatin1String("sections"), list);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<QList<SentSection>> SentSectionStore::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (!doc.isObject() || !doc.object().value(QLatin1String("sections")).isArray()) {
        if (error)
            *error = parse.error != QJsonParseError::NoError
                         ? QStringLiteral("the sent sections are not JSON: %1 at offset %2").arg(parse.errorString()).arg(parse.offset)
                         : QStringLiteral("the sent sections have no \"sections\" list");
        return std::nullopt;
    }
    QList<SentSection> out;
    const QJsonArray list = doc.object().value(QLatin1String("sections")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        QString why;
        const auto s = list.at(i).isObject() ? SentSection::fromJson(list.at(i).toObject(), &why) : std::nullopt;
        if (!s) {
            if (error)
                *error = QStringLiteral("sent section %1: %2").arg(i + 1).arg(why.isEmpty() ? QStringLiteral("not an object") : why);
            return std::nullopt;
        }
        out << *s;
    }
    return out;
}

std::optional<QList<SentSection>> SentSectionStore::load(ReportTemplate kind, QString *error) const
{
    const auto view = SavedViewStore(m_db).find(QStringLiteral("report"), viewName(kind));
    if (!view)
        return QList<SentSection>();
    return fromJson(view->specJson, error);
}

bool SentSectionStore::save(ReportTemplate kind, const QList<SentSection> &sections, QString *error)
{
    if (!takesSections(kind)) {
        if (error)
            *error = QStringLiteral("the %1 takes no sent sections").arg(reportTemplateTitle(kind));
        return false;
    }
    const QByteArray json = toJson(kind, sections);
    SavedViewStore views(m_db);
    if (const auto view = views.find(QStringLiteral("report"), viewName(kind)))
        return view->specJson == json || views.updateSpec(view->id, json, error);
    return views.create(QStringLiteral("report"), viewName(kind), json, error).has_value();
}

bool SentSectionStore::append(ReportTemplate kind, const SentSection &section, QString *error)
{
    auto sections = load(kind, error);
    if (!sections)
        return false;
    sections->append(section);
    return save(kind, *sections, error);
}

} // namespace ql

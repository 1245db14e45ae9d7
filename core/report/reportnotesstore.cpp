// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportnotesstore.h"

#include "store/savedviewstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ql {

ReportNotesStore::ReportNotesStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString ReportNotesStore::viewName(ReportTemplate kind, const QString &period)
{
    return reportTemplateName(kind) + QLatin1Char(' ') + period;
}

ReportNotes ReportNotesStore::load(ReportTemplate kind, const QString &period) const
{
    ReportNotes notes;
    const auto view = SavedViewStore(m_db).find(QStringLiteral("report"), viewName(kind, period));
    if (!view)
        return notes;
    const QJsonObject o = QJsonDocument::fromJson(view->specJson).object();
    notes.commentary = o.value(QLatin1String("commentary")).toString();
    for (const QJsonValue &v : o.value(QLatin1String("actions")).toArray())
        if (const QString a = v.toString().trimmed(); !a.isEmpty())
            notes.actions << a;
    return notes;
}

bool ReportNotesStore::save(ReportTemplate kind, const QString &period, const ReportNotes &notes, QString *error)
{
    QJsonObject o;
    o.insert(QLatin1String("template"), reportTemplateName(kind));
    o.insert(QLatin1String("period"), period);
    o.insert(QLatin1String("commentary"), notes.commentary);
    QJsonArray actions;
    for (const QString &a : notes.actions)
        if (!a.trimmed().isEmpty())
            actions.append(a.trimmed());
    o.insert(QLatin1String("actions"), actions);
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    SavedViewStore views(m_db);
    const QString name = viewName(kind, period);
    if (const auto view = views.find(QStringLiteral("report"), name))
        return view->specJson == json || views.updateSpec(view->id, json, error);
    return views.create(QStringLiteral("report"), name, json, error).has_value();
}

} // namespace ql

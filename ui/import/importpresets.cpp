// SPDX-License-Identifier: GPL-3.0-or-later
#include "importpresets.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace ql {

QList<ImportPreset> ImportPreset::all()
{
    QList<ImportPreset> list;
    const QDir dir(QStringLiteral(":/qualitylens/mappings"));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray json = file.readAll();
        QString error;
        const auto mapping = ImportMapping::parse(json, &error);
        if (!mapping)
            continue;
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        list.append({file.fileName(), titleOf(file.fileName(), json),
                     object.value(QStringLiteral("description")).toString(), *mapping});
    }
    std::sort(list.begin(), list.end(), [](const ImportPreset &a, const ImportPreset &b) {
        return a.title.localeAwareCompare(b.title) < 0;
    });
    return list;
}

QString ImportPreset::titleOf(const QString &path, const QByteArray &json)
{
    const QString name = QJsonDocument::fromJson(json).object().value(QStringLiteral("name")).toString();
    return name.isEmpty() ? QFileInfo(path).completeBaseName() : name;
}

} // namespace ql

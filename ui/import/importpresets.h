// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importmapping.h"

#include <QList>
#include <QString>

namespace ql {

// The mapping presets that ship with the application (resources/mappings/*.json, embedded in the
// binary): the same JSON as a mapping saved by the wizard, plus a title and a description.
struct ImportPreset
{
    QString path;        // ":/qualitylens/mappings/zendesk-qa-audits.json"
    QString title;       // "Zendesk QA: reviews (one row per category)"
    QString description; // what it is based on
    ImportMapping mapping;

    // Every preset, by title; those that do not parse are left out (tst_mapping checks them all).
    static QList<ImportPreset> all();
    // A mapping file's title: its "name" when it has one, else the file's base name.
    static QString titleOf(const QString &path, const QByteArray &json);
};

} // namespace ql

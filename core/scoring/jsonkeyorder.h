// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringList>

namespace ql {

// QJsonObject sorts its keys and silently keeps one of two equal keys. Where the order of a
// file's keys matters (a scale's options are shown in the order the author wrote them) or a
// repeated key must be refused, the raw text is read once more with this small scanner.
class JsonKeyOrder
{
public:
    // Precondition: text is well-formed JSON (QJsonDocument accepted it); on anything else the
    // scan stops early and keeps what it has read.
    static JsonKeyOrder scan(QByteArrayView text);

    // The keys of the object at a path such as "sections[1].criteria[0].scale.options" ("" is
    // the top level), in file order; empty when no object is there.
    QStringList keysAt(const QString &path) const { return m_keys.value(path); }

    bool hasDuplicate() const { return !m_duplicateKey.isNull(); }
    // The first repeated key and the path of the object that repeats it.
    QString duplicatePath() const { return m_duplicatePath; }
    QString duplicateKey() const { return m_duplicateKey; }

private:
    class Scanner;

    QHash<QString, QStringList> m_keys;
    QString m_duplicatePath;
    QString m_duplicateKey;
};

} // namespace ql

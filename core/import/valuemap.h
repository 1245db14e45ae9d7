// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace ql {

// One field's `values` map of an import mapping: the file's text → the value to store. A value is
// a number, a text (an option label, a sample type, …) or "na" (not applicable). Lookups match
// the trimmed cell exactly first and then case-insensitively (formats.md), so {"Yes": 1, "yes": 2}
// keeps both meanings while {"Yes": 1} also reads "YES".
class ValueMap final
{
public:
    struct Value
    {
        enum Kind { Number, Text, NotApplicable };
        Kind kind = Number;
        double number = 0;
        QString text;
    };

    void insert(const QString &key, const Value &value)
    {
        m_entries.append({key, value});
        const QChar first = key.isEmpty() ? QChar() : key.at(0);
        m_numericKeys =
            m_numericKeys || first.isDigit() || first == u'-' || first == u'+' || first == u'.' || first == u',';
    }
    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }

    // nullptr when the cell matches no key.
    const Value *find(QStringView cell) const;

    const QList<std::pair<QString, Value>> &entries() const { return m_entries; }

private:
    QList<std::pair<QString, Value>> m_entries; // in the mapping's order
    bool m_numericKeys = false;                 // some key starts like a number
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace ql {

// The shortest text that reads back as the same double ("85", "79.22238888888957"), with a '.'
// decimal point and no thousands separators, whatever the locale (std::to_chars). -0 is written 0.
QByteArray shortestNumber(double value);

// Compact JSON written in the order given: QJsonObject sorts its keys, and the pivot outputs of
// cli.md promise an order (the spec's keys as formats.md lists them, a cell's dimensions first).
class PivotJsonWriter final
{
public:
    PivotJsonWriter &beginObject();
    PivotJsonWriter &endObject();
    PivotJsonWriter &beginArray();
    PivotJsonWriter &endArray();
    PivotJsonWriter &key(const QString &name);
    PivotJsonWriter &key(const char *name) { return key(QString::fromLatin1(name)); }
    PivotJsonWriter &string(const QString &value);
    PivotJsonWriter &strings(const QStringList &values);
    PivotJsonWriter &number(double value);
    PivotJsonWriter &integer(std::int64_t value);
    PivotJsonWriter &boolean(bool value);
    PivotJsonWriter &null();
    // Inserts already-written JSON as a value.
    PivotJsonWriter &raw(const QByteArray &json);

    QByteArray take() { return std::move(m_out); }

private:
    void separate();
    static void escape(const QString &text, QByteArray *out);

    QByteArray m_out;
    std::vector<bool> m_first; // per open container: nothing written in it yet
    bool m_afterKey = false;
};

} // namespace ql

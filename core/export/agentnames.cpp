// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentnames.h"

#include <QMessageAuthenticationCode>
#include <QObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace ql {

QString AgentNames::displayName(NameDisplay display)
{
    switch (display) {
    case NameDisplay::Names:
        return QStringLiteral("names");
    case NameDisplay::Ids:
        return QStringLiteral("ids");
    case NameDisplay::Pseudonyms:
        return QStringLiteral("pseudonyms");
    }
    return {};
}

std::optional<NameDisplay> AgentNames::fromName(const QString &name)
{
    for (NameDisplay d : {NameDisplay::Names, NameDisplay::Ids, NameDisplay::Pseudonyms})
        if (name == displayName(d))
            return d;
    return std::nullopt;
}

QString AgentNames::pseudonym(const QByteArray &key, QStringView agentId)
{
    // Crockford's base 32: no I, L, O or U, so a pseudonym is never misread or a word.
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const QByteArray mac =
        QMessageAuthenticationCode::hash(agentId.toUtf8(), key, QCryptographicHash::Sha256);
    quint64 bits = 0;
    for (int i = 0; i < 8; ++i)
        bits = (bits << 8) | quint8(mac.at(i));
    QString out = QStringLiteral("Agent ");
    for (int i = 0; i < 6; ++i) {
        out += QLatin1Char(alphabet[bits >> 59]);
        bits <<= 5;
    }
    return out;
}

QByteArray AgentNames::projectKey(const QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'pseudonym_key'")) && q.next() &&
        !q.value(0).toString().isEmpty())
        return q.value(0).toString().toLatin1();
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    const QByteArray key = raw.toHex();
    // INSERT OR IGNORE and read back: two writers making one at once end with the same key.
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO settings(key, value) VALUES ('pseudonym_key', ?)"));
    q.addBindValue(QString::fromLatin1(key));
    if (!q.exec()) {
        if (error)
            *error = QObject::tr("pseudonyms need the project's pseudonym key, which is made the first time the "
                                 "project is open for writing: %1")
                         .arg(q.lastError().text());
        return {};
    }
    if (q.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'pseudonym_key'")) && q.next())
        return q.value(0).toString().toLatin1();
    return key;
}

AgentNameWriter::AgentNameWriter(TableWriter &out, NameDisplay display, QByteArray key, int idColumn,
                                 QList<int> nameColumns)
    : m_out(out)
    , m_display(display)
    , m_key(std::move(key))
    , m_idColumn(idColumn)
    , m_nameColumns(std::move(nameColumns))
{
}

bool AgentNameWriter::begin(const QStringList &header)
{
    m_column = 0;
    return m_out.begin(header);
}

void AgentNameWriter::addText(QStringView text)
{
    if (m_display == NameDisplay::Names || !rewrites(m_column)) {
        m_out.addText(text);
    } else if (m_column == m_idColumn) {
        m_agentId = text.toString();
        if (m_display == NameDisplay::Pseudonyms && !text.isEmpty())
            m_out.addText(AgentNames::pseudonym(m_key, text));
        else
            m_out.addText(text);
    } else if (m_agentId.isEmpty()) {
        m_out.addEmpty();
    } else {
        m_out.addText(m_display == NameDisplay::Ids ? m_agentId : AgentNames::pseudonym(m_key, m_agentId));
    }
    ++m_column;
}

void AgentNameWriter::cell()
{
    if (m_column == m_idColumn)
        m_agentId.clear();
    ++m_column;
}

void AgentNameWriter::addNumber(double value)
{
    if (m_display != NameDisplay::Names && m_nameColumns.contains(m_column) && !m_agentId.isEmpty()) {
        addText(QString::number(value)); // an odd name that looks like a number is still a name
        return;
    }
    m_out.addNumber(value);
    cell();
}

void AgentNameWriter::addInteger(qint64 value)
{
    if (m_display != NameDisplay::Names && rewrites(m_column)) {
        addText(QString::number(value)); // an id written as a number
        return;
    }
    m_out.addInteger(value);
    cell();
}

void AgentNameWriter::addDate(QDate date)
{
    m_out.addDate(date);
    cell();
}

void AgentNameWriter::addEmpty()
{
    if (m_display != NameDisplay::Names && m_nameColumns.contains(m_column) && !m_agentId.isEmpty()) {
        // A name column left empty (an agent without a name) still must not stay apart from the id.
        addText(QString());
        return;
    }
    m_out.addEmpty();
    cell();
}

bool AgentNameWriter::endRow()
{
    m_column = 0;
    m_agentId.clear();
    return m_out.endRow();
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvtablewriter.h"

#include "import/csvwriter.h"

#include <QObject>
#include <QSaveFile>

namespace ql {

CsvTableWriter::CsvTableWriter(const QString &path) : CsvTableWriter(path, Options()) {}

CsvTableWriter::CsvTableWriter(const QString &path, Options options) : m_path(path), m_options(options) {}

// QSaveFile's destructor discards the temporary file unless commit() succeeded.
CsvTableWriter::~CsvTableWriter()
{
    m_csv.reset();
    m_file.reset();
}

bool CsvTableWriter::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
    return false;
}

bool CsvTableWriter::begin(const QStringList &header)
{
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly))
        return fail(QObject::tr("%1 cannot be written: %2").arg(m_path, m_file->errorString()));
    CsvWriter::Options options;
    options.byteOrderMark = m_options.byteOrderMark;
    m_csv = std::make_unique<CsvWriter>(m_file.get(), options);
    for (const QString &name : header)
        m_csv->addText(name);
    return endRow();
}

void CsvTableWriter::addText(QStringView text)
{
    m_csv->addText(text);
}

void CsvTableWriter::addNumber(double value)
{
    m_csv->addNumber(value);
}

void CsvTableWriter::addInteger(qint64 value)
{
    m_csv->addInteger(value);
}

void CsvTableWriter::addDate(QDate date)
{
    if (!date.isValid()) {
        m_csv->addEmpty();
        return;
    }
    int y = 0, m = 0, d = 0;
    date.getDate(&y, &m, &d);
    if (y < 0 || y > 9999) { // outside ISO 8601's four digits: let Qt spell it
        m_csv->addPlain(date.toString(Qt::ISODate));
        return;
    }
    // YYYY-MM-DD without a QString allocation per cell.
    const auto digit = [](int v) { return QChar(u'0' + v); };
    const QChar text[10] = {digit(y / 1000), digit(y / 100 % 10), digit(y / 10 % 10), digit(y % 10), QChar(u'-'),
                            digit(m / 10),   digit(m % 10),       QChar(u'-'),        digit(d / 10), digit(d % 10)};
    m_csv->addPlain(QStringView(text, 10));
}

void CsvTableWriter::addEmpty()
{
    m_csv->addEmpty();
}

bool CsvTableWriter::endRow()
{
    if (!m_csv->endRecord())
        return fail(QObject::tr("%1 cannot be written: %2").arg(m_path, m_csv->errorString()));
    ++m_rows;
    return true;
}

bool CsvTableWriter::finish()
{
    if (!m_file || !m_error.isEmpty())
        return false;
    if (!m_csv->flush())
        return fail(QObject::tr("%1 cannot be written: %2").arg(m_path, m_csv->errorString()));
    m_csv.reset();
    if (!m_file->commit())
        return fail(QObject::tr("%1 cannot be written: %2").arg(m_path, m_file->errorString()));
    return true;
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsxtablewriter.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QObject>
#include <QStringEncoder>
#include <QTemporaryFile>

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <system_error>

namespace ql {

namespace {

// Excel's serial day 0 is 1899-12-30 in the 1900 date system; before 1900-03-01 Excel's serials are
// off by its 1900 leap-year bug, so such dates are written as text.
constexpr qint64 ExcelEpochJulianDay = 2415019; // 1899-12-30
constexpr qint64 FirstSafeJulianDay = 2415080;  // 1900-03-01

std::filesystem::path nativePath(const QString &path)
{
#ifdef Q_OS_WIN
    return std::filesystem::path(path.toStdWString());
#else
    return std::filesystem::path(QFile::encodeName(path).toStdString());
#endif
}

// Excel refuses sheet names with []:*?/\, starting or ending with ', or over 31 characters.
QString sheetNameFrom(const QString &wanted)
{
    QString name = wanted;
    for (QChar &c : name)
        if (QStringView(u"[]:*?/\\").contains(c) || c.unicode() < 0x20)
            c = u'_';
    while (name.startsWith(u'\''))
        name.remove(0, 1);
    name.truncate(31);
    while (name.endsWith(u'\''))
        name.chop(1);
    return name.isEmpty() ? QStringLiteral("Sheet1") : name;
}

} // namespace

double XlsxTableWriter::columnWidth(qsizetype longestText)
{
    return std::min(60.0, double(longestText) * 1.1 + 2);
}

QString XlsxTableWriter::tooManyRowsMessage(qint64 rows, qint64 limit)
{
    QLocale c = QLocale::c(); // 1,048,575 with its separators, on every machine
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    return QObject::tr("the export has %1 rows and an XLSX sheet holds at most %2 under its header; narrow it "
                       "(--filter, --from, --to) or export to CSV")
        .arg(c.toString(rows), c.toString(limit));
}

XlsxTableWriter::XlsxTableWriter(const QString &path, Options options) : m_path(path), m_options(std::move(options)) {}

XlsxTableWriter::~XlsxTableWriter()
{
    discard();
}

void XlsxTableWriter::discard()
{
    // Frees the workbook without writing it (libxlsxwriter writes the file only in workbook_close);
    // the temporary file is removed with m_temp.
    if (m_workbook)
        lxw_workbook_free(m_workbook);
    m_workbook = nullptr;
    m_sheet = nullptr;
    m_temp.reset();
}

bool XlsxTableWriter::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
    return false;
}

bool XlsxTableWriter::check(int lxwError)
{
    if (lxwError == LXW_NO_ERROR)
        return true;
    return fail(
        QObject::tr("%1 cannot be written: %2").arg(m_path, QString::fromUtf8(lxw_strerror(lxw_error(lxwError)))));
}

bool XlsxTableWriter::begin(const QStringList &header)
{
    m_columns = int(header.size());
    if (m_options.dataRows > m_options.maxDataRows) {
        m_tooManyRows = true;
        return fail(tooManyRowsMessage(m_options.dataRows, m_options.maxDataRows));
    }
    if (m_columns < 1 || m_columns > ColumnLimit)
        return fail(QObject::tr("an XLSX sheet holds 1 to %1 columns, not %2").arg(ColumnLimit).arg(m_columns));

    const QFileInfo target(m_path);
    m_temp =
        std::make_unique<QTemporaryFile>(target.dir().filePath(QStringLiteral(".%1.XXXXXX").arg(target.fileName())));
    if (!m_temp->open())
        return fail(QObject::tr("%1 cannot be written: %2").arg(m_path, m_temp->errorString()));
    m_temp->close(); // the name is reserved; libxlsxwriter opens it by name when the workbook closes

    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = nullptr;
    options.use_zip64 = m_options.zip64 ? LXW_TRUE : LXW_FALSE;
    m_workbook = workbook_new_opt(m_temp->fileName().toUtf8().constData(), &options);
    if (!m_workbook)
        return fail(QObject::tr("%1 cannot be written: the XLSX workbook could not be created").arg(m_path));
    m_sheet = workbook_add_worksheet(m_workbook, sheetNameFrom(m_options.sheetName).toUtf8().constData());
    m_bold = workbook_add_format(m_workbook);
    m_dateFormat = workbook_add_format(m_workbook);
    if (!m_sheet || !m_bold || !m_dateFormat)
        return fail(QObject::tr("%1 cannot be written: the XLSX sheet could not be created").arg(m_path));
    format_set_bold(m_bold);
    format_set_num_format(m_dateFormat, "yyyy-mm-dd");

    // All of this precedes the first row: constant_memory mode takes row-ranged settings only then.
    for (int col = 0; col < m_columns && col < m_options.columnWidths.size(); ++col)
        if (!check(
                worksheet_set_column(m_sheet, lxw_col_t(col), lxw_col_t(col), m_options.columnWidths.at(col), nullptr)))
            return false;
    worksheet_freeze_panes(m_sheet, 1, 0);
    if (!check(worksheet_autofilter(m_sheet, 0, 0, lxw_row_t(m_options.dataRows), lxw_col_t(m_columns - 1))))
        return false;

    m_row = 0;
    m_col = 0;
    for (const QString &name : header) {
        m_utf8 = name.toUtf8();
        if (!check(worksheet_write_string(m_sheet, 0, lxw_col_t(m_col++), m_utf8.constData(), m_bold)))
            return false;
    }
    return endRow();
}

void XlsxTableWriter::addText(QStringView text)
{
    const int col = m_col++;
    if (text.isEmpty() || !m_sheet || col >= m_columns)
        return;
    if (text.size() > CellTextLimit) {
        qsizetype cut = CellTextLimit;
        if (text.at(cut - 1).isHighSurrogate())
            --cut; // never half a surrogate pair
        text = text.first(cut);
        ++m_truncated;
    }
    // Reuse one buffer: QStringView::toUtf8() would allocate for every cell.
    m_utf8.resize(text.size() * 3 + 1);
    const qsizetype n = QStringEncoder(QStringConverter::Utf8).appendToBuffer(m_utf8.data(), text) - m_utf8.data();
    m_utf8.data()[n] = '\0';
    check(worksheet_write_string(m_sheet, m_row, lxw_col_t(col), m_utf8.constData(), nullptr));
}

void XlsxTableWriter::addNumber(double value)
{
    const int col = m_col++;
    if (!std::isfinite(value) || !m_sheet || col >= m_columns)
        return;
    check(worksheet_write_number(m_sheet, m_row, lxw_col_t(col), value, nullptr));
}

void XlsxTableWriter::addInteger(qint64 value)
{
    addNumber(double(value));
}

void XlsxTableWriter::addDate(QDate date)
{
    if (!date.isValid()) {
        addEmpty();
        return;
    }
    const qint64 jd = date.toJulianDay();
    if (jd < FirstSafeJulianDay) {
        addText(date.toString(Qt::ISODate));
        return;
    }
    const int col = m_col++;
    if (!m_sheet || col >= m_columns)
        return;
    check(worksheet_write_number(m_sheet, m_row, lxw_col_t(col), double(jd - ExcelEpochJulianDay), m_dateFormat));
}

void XlsxTableWriter::addEmpty()
{
    ++m_col;
}

bool XlsxTableWriter::endRow()
{
    if (!m_error.isEmpty())
        return false;
    if (!m_sheet)
        return fail(QObject::tr("%1 cannot be written: begin() was not called").arg(m_path));
    if (m_col > m_columns)
        return fail(QObject::tr("row %1 has %2 cells but the header %3").arg(m_row).arg(m_col).arg(m_columns));
    // Row m_row is done; more data rows than announced would fall outside the autofilter (and,
    // past the limit, outside the sheet).
    if (qint64(m_row) > m_options.dataRows) {
        m_tooManyRows = qint64(m_row) > m_options.maxDataRows;
        return fail(m_tooManyRows ? tooManyRowsMessage(m_row, m_options.maxDataRows)
                                  : QObject::tr("more rows than the %1 announced").arg(m_options.dataRows));
    }
    ++m_row;
    m_col = 0;
    return true;
}

bool XlsxTableWriter::finish()
{
    if (!m_workbook || !m_error.isEmpty()) {
        discard();
        return fail(QObject::tr("%1 was not written").arg(m_path));
    }
    if (qint64(m_row) - 1 != m_options.dataRows) {
        discard();
        return fail(
            QObject::tr("%1 rows were written but %2 announced").arg(qint64(m_row) - 1).arg(m_options.dataRows));
    }
    const lxw_error closed = workbook_close(m_workbook);
    m_workbook = nullptr; // workbook_close frees it, even on failure
    m_sheet = nullptr;
    if (closed != LXW_NO_ERROR) {
        check(closed);
        discard();
        return false;
    }
    // A temporary file is private to its owner; give the export the permissions a new file gets
    // (or those of the file it replaces).
    const QFileInfo existing(m_path);
    m_temp->setPermissions(existing.exists()
                               ? existing.permissions()
                               : QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                                     QFileDevice::WriteUser | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    std::error_code ec;
    std::filesystem::rename(nativePath(m_temp->fileName()), nativePath(m_path), ec); // replaces atomically
    if (ec) {
        discard();
        return fail(QObject::tr("%1 cannot be written: %2").arg(m_path, QString::fromLocal8Bit(ec.message().c_str())));
    }
    m_temp->setAutoRemove(false); // it is the target now
    m_temp.reset();
    return true;
}

} // namespace ql

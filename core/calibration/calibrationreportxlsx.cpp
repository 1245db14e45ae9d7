// SPDX-License-Identifier: GPL-3.0-or-later
// The session report as an XLSX workbook (libxlsxwriter): a Summary sheet, then one sheet per table
// with a bold frozen header and the numbers as numbers in the report's formats.
#include "calibrationreport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QTemporaryFile>

#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <map>

namespace ql {

namespace {

std::filesystem::path nativePath(const QString &path)
{
#ifdef Q_OS_WIN
    return std::filesystem::path(path.toStdWString());
#else
    return std::filesystem::path(QFile::encodeName(path).toStdString());
#endif
}

QString sheetName(const QString &key)
{
    static const std::map<QString, QString> names{
        {QStringLiteral("participants"), QStringLiteral("Participants")},
        {QStringLiteral("mismatches"), QStringLiteral("Critical mismatches")},
        {QStringLiteral("criteria"), QStringLiteral("Agreement")},
        {QStringLiteral("spread"), QStringLiteral("Widest spread")},
        {QStringLiteral("consensus"), QStringLiteral("Consensus")},
        {QStringLiteral("notes"), QStringLiteral("Notes")},
    };
    const auto it = names.find(key);
    return it != names.end() ? it->second : key.left(31);
}

const char *numberFormat(CalibrationReportFormat f)
{
    switch (f) {
    case CalibrationReportFormat::Count:
        return "0";
    case CalibrationReportFormat::Percent:
        return "0.0\"%\"";
    case CalibrationReportFormat::SignedPoints:
        return "+0.00;-0.00;0.00";
    case CalibrationReportFormat::Points:
        return "0.00";
    case CalibrationReportFormat::Statistic:
        return "0.000";
    case CalibrationReportFormat::Text:
        break;
    }
    return nullptr;
}

} // namespace

bool writeCalibrationReportXlsx(const CalibrationReport &report, const QString &path, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = QObject::tr("%1 cannot be written: %2").arg(path, why);
        return false;
    };
    const QFileInfo target(path);
    QTemporaryFile temp(target.dir().filePath(QStringLiteral(".%1.XXXXXX").arg(target.fileName())));
    if (!temp.open())
        return fail(temp.errorString());
    temp.close(); // the name is reserved; libxlsxwriter writes it when the workbook closes

    lxw_workbook *book = workbook_new(temp.fileName().toUtf8().constData());
    if (!book)
        return fail(QObject::tr("the XLSX workbook could not be created"));
    lxw_format *bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format *titleFormat = workbook_add_format(book);
    format_set_bold(titleFormat);
    format_set_font_size(titleFormat, 14);
    lxw_format *wrap = workbook_add_format(book);
    format_set_text_wrap(wrap);
    std::map<CalibrationReportFormat, lxw_format *> formats;
    for (auto f : {CalibrationReportFormat::Count, CalibrationReportFormat::Percent,
                   CalibrationReportFormat::SignedPoints, CalibrationReportFormat::Points,
                   CalibrationReportFormat::Statistic}) {
        lxw_format *x = workbook_add_format(book);
        format_set_num_format(x, numberFormat(f));
        formats[f] = x;
    }

    lxw_worksheet *summary = workbook_add_worksheet(book, "Summary");
    worksheet_set_column(summary, 0, 0, 100, nullptr);
    lxw_row_t row = 0;
    worksheet_write_string(summary, row++, 0, report.title.toUtf8().constData(), titleFormat);
    worksheet_write_string(summary, row++, 0, report.subtitle.toUtf8().constData(), nullptr);
    ++row;
    for (const QString &fact : report.facts)
        worksheet_write_string(summary, row++, 0, fact.toUtf8().constData(), nullptr);

    for (const CalibrationReportTable &t : report.tables) {
        lxw_worksheet *sheet = workbook_add_worksheet(book, sheetName(t.key).toUtf8().constData());
        if (!sheet) {
            workbook_close(book);
            return fail(QObject::tr("the sheet %1 could not be added").arg(sheetName(t.key)));
        }
        QList<qsizetype> widths;
        for (int c = 0; c < t.header.size(); ++c) {
            worksheet_write_string(sheet, 0, lxw_col_t(c), t.header.at(c).toUtf8().constData(), bold);
            widths << t.header.at(c).size();
        }
        worksheet_freeze_panes(sheet, 1, 0);
        for (int r = 0; r < t.rows.size(); ++r) {
            const QVariantList &cells = t.rows.at(r);
            for (int c = 0; c < cells.size() && c < t.formats.size(); ++c) {
                const QVariant &v = cells.at(c);
                const auto cr = lxw_row_t(r + 1);
                const auto cc = lxw_col_t(c);
                if (!v.isValid() || v.isNull() || (v.typeId() == QMetaType::QString && v.toString().isEmpty()))
                    continue;
                if (t.formats.at(c) == CalibrationReportFormat::Text || v.typeId() == QMetaType::QString) {
                    const QString text = v.toString();
                    worksheet_write_string(sheet, cr, cc, text.toUtf8().constData(), nullptr);
                    widths[c] = std::max(widths[c], text.size());
                } else {
                    worksheet_write_number(sheet, cr, cc, v.toDouble(), formats[t.formats.at(c)]);
                    widths[c] = std::max<qsizetype>(widths[c], 8);
                }
            }
        }
        for (int c = 0; c < widths.size(); ++c)
            worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), std::min(60.0, widths.at(c) * 1.1 + 2),
                                 nullptr);
        if (!t.note.isEmpty())
            worksheet_write_string(sheet, lxw_row_t(t.rows.size() + 2), 0, t.note.toUtf8().constData(), nullptr);
    }

    if (const lxw_error e = workbook_close(book); e != LXW_NO_ERROR)
        return fail(QString::fromUtf8(lxw_strerror(e)));
    const QFileInfo existing(path);
    temp.setPermissions(existing.exists() ? existing.permissions()
                                          : QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                                                QFileDevice::WriteUser | QFileDevice::ReadGroup |
                                                QFileDevice::ReadOther);
    std::error_code ec;
    std::filesystem::rename(nativePath(temp.fileName()), nativePath(path), ec);
    if (ec)
        return fail(QString::fromLocal8Bit(ec.message().c_str()));
    temp.setAutoRemove(false);
    return true;
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
// The table writers of core/export (formats.md "Export columns"): CSV bytes exactly, XLSX parts
// read back from the zip (typed cells, bold frozen header, autofilter, widths), the sheet's row
// limit refused before any file exists, and nothing left behind on failure. Also the --filter
// argument's syntax.
#include "export/csvtablewriter.h"
#include "export/exportfilter.h"
#include "export/tableexport.h"
#include "export/tablemeasure.h"
#include "export/xlsxtablewriter.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>
#include <limits>

using namespace ql;

namespace {

using Row = QVariantList;

// Writes a table of QVariants: QString text, double number, int/qint64 integer, QDate date, an
// invalid QVariant an empty cell.
bool produceTable(TableWriter &out, const QStringList &header, const QList<Row> &rows)
{
    if (!out.begin(header))
        return false;
    for (const Row &row : rows) {
        for (const QVariant &v : row) {
            switch (v.typeId()) {
            case QMetaType::QString:
                out.addText(v.toString());
                break;
            case QMetaType::Double:
                out.addNumber(v.toDouble());
                break;
            case QMetaType::Int:
            case QMetaType::LongLong:
                out.addInteger(v.toLongLong());
                break;
            case QMetaType::QDate:
                out.addDate(v.toDate());
                break;
            default:
                out.addEmpty();
            }
        }
        if (!out.endRow())
            return false;
    }
    return true;
}

TableExport::Producer producerOf(const QStringList &header, const QList<Row> &rows, int *calls = nullptr)
{
    return [=](TableWriter &out, QString *error) {
        if (calls)
            ++*calls;
        const bool ok = produceTable(out, header, rows);
        if (!ok)
            *error = out.errorString();
        return ok;
    };
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// One member of a zip file, through Info-ZIP's unzip (scripts/setup.sh installs it).
QByteArray unzipMember(const QString &zip, const QString &member)
{
    const QString unzip = QStandardPaths::findExecutable(QStringLiteral("unzip"));
    if (unzip.isEmpty())
        qFatal("unzip is needed to read XLSX files back (scripts/setup.sh installs it)");
    QProcess p;
    p.start(unzip, {QStringLiteral("-p"), zip, member});
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

struct Cell
{
    QString type;  // the t attribute; empty for a number
    QString style; // the s attribute
    QString value; // <v> or the inline string's text
    bool formula = false;
};

struct Sheet
{
    QHash<QString, Cell> cells; // by reference, A1
    QHash<QString, QString> pane;
    QString autoFilter;
    QList<double> widths; // by column, 0 when not set
    bool ok = false;
};

Sheet parseSheet(const QByteArray &xml)
{
    Sheet sheet;
    QXmlStreamReader r(xml);
    QString ref;
    while (!r.atEnd()) {
        if (r.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto a = r.attributes();
        if (r.name() == u"pane") {
            for (const auto &attr : a)
                sheet.pane.insert(attr.name().toString(), attr.value().toString());
        } else if (r.name() == u"autoFilter") {
            sheet.autoFilter = a.value(QLatin1String("ref")).toString();
        } else if (r.name() == u"col") {
            const int min = a.value(QLatin1String("min")).toInt(), max = a.value(QLatin1String("max")).toInt();
            while (sheet.widths.size() < max)
                sheet.widths << 0;
            for (int c = min; c <= max; ++c)
                sheet.widths[c - 1] = a.value(QLatin1String("width")).toDouble();
        } else if (r.name() == u"c") {
            ref = a.value(QLatin1String("r")).toString();
            sheet.cells.insert(
                ref, {a.value(QLatin1String("t")).toString(), a.value(QLatin1String("s")).toString(), {}, false});
        } else if (r.name() == u"v" || r.name() == u"t") {
            sheet.cells[ref].value = r.readElementText();
        } else if (r.name() == u"f") {
            sheet.cells[ref].formula = true;
        }
    }
    sheet.ok = !r.hasError() && !xml.isEmpty();
    return sheet;
}

// styles.xml: which cell formats (the s index) are bold, and their number format codes.
struct Styles
{
    QList<bool> boldXf;
    QList<QString> formatXf;
};

Styles parseStyles(const QByteArray &xml)
{
    Styles styles;
    QHash<int, QString> numFmts;
    QList<bool> boldFont;
    QXmlStreamReader r(xml);
    QString section;
    while (!r.atEnd()) {
        const auto token = r.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const auto a = r.attributes();
            if (r.name() == u"fonts" || r.name() == u"cellXfs" || r.name() == u"cellStyleXfs")
                section = r.name().toString();
            else if (r.name() == u"numFmt")
                numFmts.insert(a.value(QLatin1String("numFmtId")).toInt(),
                               a.value(QLatin1String("formatCode")).toString());
            else if (r.name() == u"font" && section == u"fonts")
                boldFont << false;
            else if (r.name() == u"b" && section == u"fonts")
                boldFont.last() = true;
            else if (r.name() == u"xf" && section == u"cellXfs") {
                const int font = a.value(QLatin1String("fontId")).toInt();
                styles.boldXf << (font < boldFont.size() && boldFont.at(font));
                styles.formatXf << numFmts.value(a.value(QLatin1String("numFmtId")).toInt());
            }
        } else if (token == QXmlStreamReader::EndElement &&
                   (r.name() == u"fonts" || r.name() == u"cellXfs" || r.name() == u"cellStyleXfs")) {
            section.clear();
        }
    }
    return styles;
}

// The width libxlsxwriter stores for a width in characters: whole pixels of Calibri 11's 7-pixel
// digits plus 5 pixels of padding, in 1/256ths of a character.
double storedWidth(double characters)
{
    const int pixels = int(characters * 7 + 0.5) + 5;
    return int(pixels / 7.0 * 256.0) / 256.0;
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestExportWriters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void csvBytes();
    void csvExcelBom();
    void csvFailureLeavesNothing();
    void csvUnwritableFolder();
    void xlsxCellsAndSheet();
    void xlsxWidths();
    void xlsxRowLimit();
    void xlsxRowLimitKnownCount();
    void xlsxWriterRefusesBeforeWriting();
    void xlsxFailureLeavesNothing();
    void xlsxLongTextIsCut();
    void formatOf_data();
    void formatOf();
    void filterParse_data();
    void filterParse();
    void filterParseErrors_data();
    void filterParseErrors();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestExportWriters::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestExportWriters::csvBytes()
{
    const QString path = m_dir->filePath(QStringLiteral("t.csv"));
    const QStringList header{"text", "number", "integer", "date", "empty"};
    const QList<Row> rows{
        {QStringLiteral("plain"), 1.5, 42, QDate(2026, 3, 7), QVariant()},
        {QStringLiteral("=SUM(A1)"), -3.25, -7, QDate(), QVariant()},
        {QStringLiteral("+1"), 0.1 + 0.2, 0, QVariant(), QVariant()},
        {QStringLiteral("-x"), std::numeric_limits<double>::quiet_NaN(), qint64(-9007199254740993LL), QVariant(),
         QVariant()},
        {QStringLiteral("@me"), -0.0, QVariant(), QVariant(), QVariant()},
        {QStringLiteral("\tindented"), 1e21, QVariant(), QVariant(), QVariant()},
        {QStringLiteral("=a,b"), QVariant(), QVariant(), QVariant(), QVariant()},
        {QStringLiteral("say \"hi\""), QVariant(), QVariant(), QVariant(), QVariant()},
        {QStringLiteral("two\r\nlines"), QVariant(), QVariant(), QVariant(), QVariant()},
        {QStringLiteral("'quoted already"), QVariant(), QVariant(), QVariant(), QVariant()},
        {QStringLiteral("ünïcödé € 😀"), QVariant(), QVariant(), QVariant(), QVariant()},
        {QStringLiteral(" spaced "), QVariant(), QVariant(), QVariant(), QVariant()},
        {QString(), QVariant(), QVariant(), QVariant(), QVariant()},
    };
    const auto result = TableExport::write(path, {}, producerOf(header, rows));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.rows, rows.size());
    // Text cells starting with = + - @ or tab get the guard; numbers (-3.25, -7) never do. Quotes
    // only around fields with a comma, quote, CR or LF; CRLF line ends; no BOM.
    const QByteArray expected = "text,number,integer,date,empty\r\n"
                                "plain,1.5,42,2026-03-07,\r\n"
                                "'=SUM(A1),-3.25,-7,,\r\n"
                                "'+1,0.30000000000000004,0,,\r\n"
                                "'-x,,-9007199254740993,,\r\n"
                                "'@me,0,,,\r\n"
                                "'\tindented,1e+21,,,\r\n"
                                "\"'=a,b\",,,,\r\n"
                                "\"say \"\"hi\"\"\",,,,\r\n"
                                "\"two\r\nlines\",,,,\r\n"
                                "'quoted already,,,,\r\n"
                                "\xC3\xBCn\xC3\xAF\x63\xC3\xB6\x64\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80,,,,\r\n"
                                " spaced ,,,,\r\n"
                                ",,,,\r\n";
    QCOMPARE(readAll(path), expected);
    QCOMPARE(filesIn(m_dir->path()), QStringList{"t.csv"});
}

void TestExportWriters::csvExcelBom()
{
    const QString path = m_dir->filePath(QStringLiteral("excel.csv"));
    TableExport::Options options;
    options.byteOrderMark = true;
    const auto result = TableExport::write(path, options, producerOf({"a", "b"}, {{QStringLiteral("x"), -1}}));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(readAll(path), QByteArray("\xEF\xBB\xBF"
                                       "a,b\r\nx,-1\r\n"));
}

void TestExportWriters::csvFailureLeavesNothing()
{
    const QString path = m_dir->filePath(QStringLiteral("keep.csv"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old content\r\n");
    }
    const auto result = TableExport::write(path, {}, [](TableWriter &out, QString *error) {
        out.begin({QStringLiteral("a")});
        for (int i = 0; i < 100000; ++i) { // past the writer's buffer, so bytes reached the disk
            out.addInteger(i);
            out.endRow();
        }
        *error = QStringLiteral("the source broke");
        return false;
    });
    QCOMPARE(result.status, TableExport::Result::SourceFailed);
    QCOMPARE(result.error, QStringLiteral("the source broke"));
    QCOMPARE(readAll(path), QByteArray("old content\r\n"));
    QCOMPARE(filesIn(m_dir->path()), QStringList{"keep.csv"});
}

void TestExportWriters::csvUnwritableFolder()
{
    const QString path = m_dir->filePath(QStringLiteral("no/such/folder/t.csv"));
    const auto result = TableExport::write(path, {}, producerOf({"a"}, {{1}}));
    QCOMPARE(result.status, TableExport::Result::OutputFailed);
    QVERIFY2(result.error.contains(path), qPrintable(result.error));
    QVERIFY(!QFile::exists(path));
}

void TestExportWriters::xlsxCellsAndSheet()
{
    const QString path = m_dir->filePath(QStringLiteral("t.xlsx"));
    TableExport::Options options;
    options.format = TableExport::Format::Xlsx;
    options.sheetName = QStringLiteral("audits");
    const QStringList header{"text", "number", "integer", "date", "empty"};
    const QList<Row> rows{
        {QStringLiteral("=SUM(A1)"), -3.25, -7, QDate(2026, 3, 7), QVariant()},
        {QStringLiteral("a <b> & \"c\""), 85.5, 1, QDate(1900, 1, 1), QVariant()},
        {QStringLiteral("ünïcödé"), QVariant(), QVariant(), QVariant(), QVariant()},
    };
    const auto result = TableExport::write(path, options, producerOf(header, rows));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.rows, 3);
    QCOMPARE(filesIn(m_dir->path()), QStringList{"t.xlsx"});

    const Sheet sheet = parseSheet(unzipMember(path, QStringLiteral("xl/worksheets/sheet1.xml")));
    QVERIFY(sheet.ok);
    const Styles styles = parseStyles(unzipMember(path, QStringLiteral("xl/styles.xml")));
    QVERIFY(!styles.boldXf.isEmpty());
    QVERIFY(unzipMember(path, QStringLiteral("xl/workbook.xml")).contains("<sheet name=\"audits\""));

    // A bold header of strings.
    for (const QString ref : {"A1", "B1", "C1", "D1", "E1"}) {
        const Cell c = sheet.cells.value(ref);
        QCOMPARE(c.type, QStringLiteral("inlineStr"));
        QVERIFY2(styles.boldXf.value(c.style.toInt()), qPrintable(ref));
    }
    QCOMPARE(sheet.cells.value("E1").value, QStringLiteral("empty"));
    // Text as strings, verbatim: a typed string cell is never run as a formula, so no guard.
    QCOMPARE(sheet.cells.value("A2").type, QStringLiteral("inlineStr"));
    QCOMPARE(sheet.cells.value("A2").value, QStringLiteral("=SUM(A1)"));
    QVERIFY(!sheet.cells.value("A2").formula);
    QCOMPARE(sheet.cells.value("A3").value, QStringLiteral("a <b> & \"c\""));
    QCOMPARE(sheet.cells.value("A4").value, QStringLiteral("ünïcödé"));
    QVERIFY(!styles.boldXf.value(sheet.cells.value("A2").style.toInt()));
    // Numbers as numbers (no t, or t="n"), negative ones included.
    for (const auto &[ref, value] : {std::pair{"B2", "-3.25"}, {"C2", "-7"}, {"B3", "85.5"}, {"C3", "1"}}) {
        const Cell c = sheet.cells.value(QLatin1String(ref));
        QVERIFY2(c.type.isEmpty() || c.type == u"n", ref);
        QCOMPARE(c.value, QLatin1String(value));
    }
    // A date as its serial number, formatted yyyy-mm-dd; one before 1900-03-01 (where Excel's
    // serials are off by its leap-year bug) as ISO text.
    const Cell date = sheet.cells.value("D2");
    QVERIFY(date.type.isEmpty());
    QCOMPARE(date.value, QString::number(QDate(2026, 3, 7).toJulianDay() - QDate(1899, 12, 30).toJulianDay()));
    QCOMPARE(styles.formatXf.value(date.style.toInt()), QStringLiteral("yyyy-mm-dd"));
    QCOMPARE(sheet.cells.value("D3").type, QStringLiteral("inlineStr"));
    QCOMPARE(sheet.cells.value("D3").value, QStringLiteral("1900-01-01"));
    // Empty cells are absent.
    for (const QString ref : {"E2", "E3", "B4", "C4", "D4", "E4"})
        QVERIFY2(!sheet.cells.contains(ref), qPrintable(ref));
    // The header row frozen; the autofilter over header and data.
    QCOMPARE(sheet.pane.value("ySplit"), QStringLiteral("1"));
    QCOMPARE(sheet.pane.value("topLeftCell"), QStringLiteral("A2"));
    QCOMPARE(sheet.pane.value("state"), QStringLiteral("frozen"));
    QCOMPARE(sheet.autoFilter, QStringLiteral("A1:E4"));
    QVERIFY(unzipMember(path, QStringLiteral("xl/workbook.xml")).contains("_xlnm._FilterDatabase"));
}

void TestExportWriters::xlsxWidths()
{
    // Width = longest text × 1.1 + 2, at most 60, header included; numbers as Excel shows them.
    const QString path = m_dir->filePath(QStringLiteral("w.xlsx"));
    TableExport::Options options;
    options.format = TableExport::Format::Xlsx;
    const QStringList header{"id", "a_long_header_name", "n", "when", "long", "emoji"};
    const QList<Row> rows{
        {QStringLiteral("x"), QStringLiteral("ab"), 1.0 / 3, QDate(2026, 1, 1), QString(200, u'w'),
         QStringLiteral("😀😀😀")},
        {QStringLiteral("abcdef"), QString(), 123456, QVariant(), QStringLiteral("w"), QVariant()},
    };
    QVERIFY(TableExport::write(path, options, producerOf(header, rows)).ok());
    const Sheet sheet = parseSheet(unzipMember(path, QStringLiteral("xl/worksheets/sheet1.xml")));
    QCOMPARE(sheet.widths.size(), 6);
    const double expected[] = {
        storedWidth(6 * 1.1 + 2),  // "abcdef"
        storedWidth(18 * 1.1 + 2), // the header
        storedWidth(11 * 1.1 + 2), // 0.3333333333333333 as General shows it: 11 characters
        storedWidth(10 * 1.1 + 2), // yyyy-mm-dd
        storedWidth(60),           // 200 characters: capped
        storedWidth(5 * 1.1 + 2),  // "emoji"; three emoji are 3 characters, not 6 UTF-16 units
    };
    for (int c = 0; c < 6; ++c)
        QCOMPARE(sheet.widths.at(c), expected[c]);
    QCOMPARE(XlsxTableWriter::columnWidth(0), 2.0);
    QCOMPARE(XlsxTableWriter::columnWidth(10), 13.0);
    QCOMPARE(XlsxTableWriter::columnWidth(53), 60.0);
    QCOMPARE(XlsxTableWriter::columnWidth(1000), 60.0);
}

void TestExportWriters::xlsxRowLimit()
{
    // The limit injected small: one row over it is refused before any file exists.
    const QString path = m_dir->filePath(QStringLiteral("big.xlsx"));
    TableExport::Options options;
    options.format = TableExport::Format::Xlsx;
    options.maxXlsxRows = 3;
    QList<Row> rows{{1}, {2}, {3}, {4}};
    int calls = 0;
    auto result = TableExport::write(path, options, producerOf({"n"}, rows, &calls));
    QCOMPARE(result.status, TableExport::Result::TooManyRows);
    QCOMPARE(calls, 1); // the measuring pass only
    QVERIFY2(result.error.contains(QStringLiteral("at most 3")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("CSV")), qPrintable(result.error));
    QVERIFY(filesIn(m_dir->path()).isEmpty());

    rows.removeLast(); // exactly at the limit: written
    calls = 0;
    result = TableExport::write(path, options, producerOf({"n"}, rows, &calls));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(calls, 2);
    QCOMPARE(parseSheet(unzipMember(path, QStringLiteral("xl/worksheets/sheet1.xml"))).autoFilter,
             QStringLiteral("A1:A4"));
    QCOMPARE(XlsxTableWriter::SheetRowLimit, 1'048'575); // 1,048,576 sheet rows less the header
}

void TestExportWriters::xlsxRowLimitKnownCount()
{
    // A caller that has counted (ExportQuery::count) is refused without a single pass.
    TableExport::Options options;
    options.format = TableExport::Format::Xlsx;
    options.maxXlsxRows = 3;
    options.knownRows = 1'500'000;
    int calls = 0;
    const auto result =
        TableExport::write(m_dir->filePath(QStringLiteral("big.xlsx")), options, producerOf({"n"}, {{1}}, &calls));
    QCOMPARE(result.status, TableExport::Result::TooManyRows);
    QCOMPARE(result.rows, 1'500'000);
    QCOMPARE(calls, 0);
    QVERIFY2(result.error.contains(QStringLiteral("1,500,000 rows")), qPrintable(result.error));
    QVERIFY(filesIn(m_dir->path()).isEmpty());
}

void TestExportWriters::xlsxWriterRefusesBeforeWriting()
{
    XlsxTableWriter::Options options;
    options.dataRows = 4;
    options.maxDataRows = 3;
    {
        XlsxTableWriter writer(m_dir->filePath(QStringLiteral("x.xlsx")), options);
        QVERIFY(!writer.begin({QStringLiteral("n")}));
        QVERIFY(writer.tooManyRows());
        QVERIFY(filesIn(m_dir->path()).isEmpty());
    }
    // More rows than announced fail too, and nothing is left.
    options.dataRows = 1;
    options.maxDataRows = 3;
    {
        XlsxTableWriter writer(m_dir->filePath(QStringLiteral("x.xlsx")), options);
        QVERIFY(writer.begin({QStringLiteral("n")}));
        writer.addInteger(1);
        QVERIFY(writer.endRow());
        writer.addInteger(2);
        QVERIFY(!writer.endRow());
        QVERIFY(!writer.finish());
    }
    QVERIFY(filesIn(m_dir->path()).isEmpty());
}

void TestExportWriters::xlsxFailureLeavesNothing()
{
    const QString path = m_dir->filePath(QStringLiteral("keep.xlsx"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
    }
    TableExport::Options options;
    options.format = TableExport::Format::Xlsx;
    int pass = 0;
    const auto result = TableExport::write(path, options, [&pass](TableWriter &out, QString *error) {
        ++pass;
        out.begin({QStringLiteral("a")});
        for (int i = 0; i < 1000; ++i) {
            out.addInteger(i);
            out.endRow();
        }
        if (pass == 1)
            return true;
        *error = QStringLiteral("the source broke in the writing pass");
        return false;
    });
    QCOMPARE(result.status, TableExport::Result::SourceFailed);
    QCOMPARE(readAll(path), QByteArray("old"));
    QCOMPARE(filesIn(m_dir->path()), QStringList{"keep.xlsx"});
}

void TestExportWriters::xlsxLongTextIsCut()
{
    const QString path = m_dir->filePath(QStringLiteral("long.xlsx"));
    TableExport::Options options;
    options.format = TableExport::Format::Xlsx;
    const auto result =
        TableExport::write(path, options, producerOf({"t"}, {{QString(40000, u'x')}, {QStringLiteral("y")}}));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.truncatedCells, 1);
    const Sheet sheet = parseSheet(unzipMember(path, QStringLiteral("xl/worksheets/sheet1.xml")));
    QCOMPARE(sheet.cells.value("A2").value.size(), XlsxTableWriter::CellTextLimit);
    QCOMPARE(sheet.cells.value("A3").value, QStringLiteral("y"));
}

void TestExportWriters::formatOf_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("format"); // -1 none, 0 CSV, 1 XLSX
    QTest::newRow("csv") << "out.csv" << 0;
    QTest::newRow("CSV upper case") << "OUT.CSV" << 0;
    QTest::newRow("xlsx") << "/tmp/a.b/out.xlsx" << 1;
    QTest::newRow("Xlsx mixed case") << "out.Xlsx" << 1;
    QTest::newRow("xls") << "out.xls" << -1;
    QTest::newRow("txt") << "out.txt" << -1;
    QTest::newRow("no extension") << "csv" << -1;
    QTest::newRow("json") << "out.json" << -1;
}

void TestExportWriters::formatOf()
{
    QFETCH(QString, path);
    QFETCH(int, format);
    const auto f = TableExport::formatOf(path);
    QCOMPARE(f.has_value(), format >= 0);
    if (f)
        QCOMPARE(int(*f), format == 0 ? int(TableExport::Format::Csv) : int(TableExport::Format::Xlsx));
}

void TestExportWriters::filterParse_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("dimension");
    QTest::addColumn<bool>("exclude");
    QTest::addColumn<QStringList>("values");
    QTest::newRow("one value") << "team=North"
                               << "team" << false << QStringList{"North"};
    QTest::newRow("several") << "queue=Billing,Returns"
                             << "queue" << false << QStringList{"Billing", "Returns"};
    QTest::newRow("exclude") << "channel!=phone"
                             << "channel" << true << QStringList{"phone"};
    QTest::newRow("escaped comma") << "queue=Returns\\, EU,Billing"
                                   << "queue" << false << QStringList{"Returns, EU", "Billing"};
    QTest::newRow("other backslashes stay") << "team=a\\b"
                                            << "team" << false << QStringList{"a\\b"};
    QTest::newRow("equals in a value") << "reason=a=b"
                                       << "reason" << false << QStringList{"a=b"};
    QTest::newRow("blank") << "queue!=(blank)"
                           << "queue" << true << QStringList{"(blank)"};
    QTest::newRow("custom name with a space") << "contact reason=Refund"
                                              << "contact reason" << false << QStringList{"Refund"};
}

void TestExportWriters::filterParse()
{
    QFETCH(QString, argument);
    QFETCH(QString, dimension);
    QFETCH(bool, exclude);
    QFETCH(QStringList, values);
    QString error;
    const auto f = ExportFilter::parse(argument, &error);
    QVERIFY2(f, qPrintable(error));
    QCOMPARE(f->dimension, dimension);
    QCOMPARE(f->exclude, exclude);
    QCOMPARE(f->values, values);
}

void TestExportWriters::filterParseErrors_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("says");
    QTest::newRow("no equals") << "team"
                               << "DIM=V1,V2";
    QTest::newRow("no dimension") << "=North"
                                  << "names no dimension";
    QTest::newRow("no dimension, excluded") << "!=North"
                                            << "names no dimension";
    QTest::newRow("no value") << "team="
                              << "empty value";
    QTest::newRow("empty value between") << "team=a,,b"
                                         << "empty value";
    QTest::newRow("trailing comma") << "team=a,"
                                    << "empty value";
}

void TestExportWriters::filterParseErrors()
{
    QFETCH(QString, argument);
    QFETCH(QString, says);
    QString error;
    QVERIFY(!ExportFilter::parse(argument, &error));
    QVERIFY2(error.contains(says), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestExportWriters)
#include "tst_exportwriters.moc"

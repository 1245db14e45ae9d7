// SPDX-License-Identifier: GPL-3.0-or-later
// The CSV writer (formats.md "Export columns"): quoting, the formula guard, numbers, BOM,
// delimiter and line ends, and a round trip through the reader.
#include "tst_csvsupport.h"

using namespace ql;
using namespace csvtest;

class TestCsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writerQuoting_data();
    void writerQuoting();
    void writerFormulaGuard_data();
    void writerFormulaGuard();
    void writerNumbers_data();
    void writerNumbers();
    void writerBomDelimiterAndLineEnds();
    void writerReaderRoundTrip_data();
    void writerReaderRoundTrip();
};

void TestCsvWriter::writerQuoting_data()
{
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringList{"a", "b c", ""} << QByteArray("a,b c,\r\n");
    QTest::newRow("leading and trailing spaces unquoted") << QStringList{" a ", "  "} << QByteArray(" a ,  \r\n");
    QTest::newRow("delimiter") << QStringList{"a,b"} << QByteArray("\"a,b\"\r\n");
    QTest::newRow("quote") << QStringList{"say \"hi\"", "\""} << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"\r\n");
    QTest::newRow("CR and LF") << QStringList{"a\nb", "c\rd", "e\r\nf"}
                               << QByteArray("\"a\nb\",\"c\rd\",\"e\r\nf\"\r\n");
    QTest::newRow("other delimiters unquoted") << QStringList{"a;b|c\td"} << QByteArray("a;b|c\td\r\n");
    QTest::newRow("non-ASCII as UTF-8") << QStringList{"Zoë", "😀"} << QByteArray("Zo\xC3\xAB,\xF0\x9F\x98\x80\r\n");
    QTest::newRow("single empty field") << QStringList{""} << QByteArray("\"\"\r\n");
    QTest::newRow("empty record") << QStringList{} << QByteArray("\r\n");
}

void TestCsvWriter::writerQuoting()
{
    QFETCH(QStringList, fields);
    QFETCH(QByteArray, expected);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(&buffer);
        QVERIFY(writer.writePlainRecord(fields));
    }
    QCOMPARE(buffer.data(), expected);
}

void TestCsvWriter::writerFormulaGuard_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("equals") << "=SUM(A1)" << QByteArray("'=SUM(A1)");
    QTest::newRow("plus") << "+1" << QByteArray("'+1");
    QTest::newRow("minus") << "-5" << QByteArray("'-5");
    QTest::newRow("at") << "@cmd" << QByteArray("'@cmd");
    QTest::newRow("tab") << "\tx" << QByteArray("'\tx");
    QTest::newRow("carriage return, quoted") << "\rx" << QByteArray("\"'\rx\"");
    QTest::newRow("equals with a comma, quoted") << "=A1,B1" << QByteArray("\"'=A1,B1\"");
    QTest::newRow("not at the start") << "a=b" << QByteArray("a=b");
    QTest::newRow("leading space") << " =x" << QByteArray(" =x");
    QTest::newRow("empty") << "" << QByteArray("\"\"");
}

void TestCsvWriter::writerFormulaGuard()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(&buffer);
        writer.addText(text);
        QVERIFY(writer.endRecord());
        writer.addPlain(text); // verbatim: never guarded
        writer.addNumber(-5);  // numbers are numbers
        QVERIFY(writer.endRecord());
    }
    const QByteArray plain = CsvWriter::needsQuotes(text, u',') ? '"' + text.toUtf8() + '"' : text.toUtf8();
    QCOMPARE(buffer.data(), expected + "\r\n" + plain + ",-5\r\n");
    CsvWriter::Options off;
    off.formulaGuard = false;
    QBuffer unguarded;
    unguarded.open(QIODevice::WriteOnly);
    CsvWriter writer(&unguarded, off);
    writer.addText(text);
    writer.addEmpty();
    writer.endRecord();
    writer.flush();
    QCOMPARE(unguarded.data(), plain + ",\r\n");
}

void TestCsvWriter::writerNumbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("integer") << 85.0 << QByteArray("85");
    QTest::newRow("shortest round trip") << 79.22238888888957 << QByteArray("79.22238888888957");
    QTest::newRow("one tenth") << 0.1 << QByteArray("0.1");
    QTest::newRow("sum that is not 0.3") << (0.1 + 0.2) << QByteArray("0.30000000000000004");
    QTest::newRow("negative") << -2.5 << QByteArray("-2.5");
    QTest::newRow("negative zero") << -0.0 << QByteArray("0");
    QTest::newRow("large") << 1e21 << QByteArray("1e+21");
    QTest::newRow("small") << 1.5e-7 << QByteArray("1.5e-07");
    QTest::newRow("NaN is empty") << std::nan("") << QByteArray("");
}

void TestCsvWriter::writerNumbers()
{
    QFETCH(double, value);
    QFETCH(QByteArray, expected);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(&buffer);
        writer.addNumber(value);
        writer.addInteger(-9007199254740993LL);
        writer.endRecord();
    }
    QCOMPARE(buffer.data(), expected + ",-9007199254740993\r\n");
    QCOMPARE(CsvWriter::formatNumber(value), QString::fromLatin1(expected));
    if (!expected.isEmpty())
        QCOMPARE(expected.toDouble(), value == 0 ? 0.0 : value);
}

void TestCsvWriter::writerBomDelimiterAndLineEnds()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter::Options options;
    options.delimiter = u';';
    options.byteOrderMark = true;
    {
        CsvWriter writer(&buffer, options);
        writer.writeTextRecord({QStringLiteral("a"), QStringLiteral("b;c"), QStringLiteral("d,e")});
        writer.addNumber(1.5);
        writer.addText(u"x");
        writer.endRecord();
        writer.addEmpty(); // one empty field after a record that was flushed: still ""
        writer.flush();
        writer.endRecord();
    }
    QCOMPARE(buffer.data(), QByteArray("\xEF\xBB\xBF"
                                       "a;\"b;c\";d,e\r\n1.5;x\r\n\"\"\r\n"));
}

void TestCsvWriter::writerReaderRoundTrip_data()
{
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<bool>("bom");
    QTest::addColumn<bool>("sniff");
    QTest::newRow("comma, sniffed") << QChar(u',') << false << true;
    QTest::newRow("comma with BOM, sniffed") << QChar(u',') << true << true;
    QTest::newRow("semicolon") << QChar(u';') << false << false;
    QTest::newRow("tab") << QChar(u'\t') << true << false;
    QTest::newRow("pipe") << QChar(u'|') << false << false;
}

void TestCsvWriter::writerReaderRoundTrip()
{
    QFETCH(QChar, delimiter);
    QFETCH(bool, bom);
    QFETCH(bool, sniff);
    Random rng(4180);
    for (int doc = 0; doc < 40; ++doc) {
        const int width = 1 + int(rng.below(6));
        QList<QStringList> table;
        QStringList header;
        for (int c = 0; c < width; ++c)
            header << QStringLiteral("col %1").arg(c);
        table << header;
        const int count = int(rng.below(30));
        for (int r = 0; r < count; ++r) {
            QStringList row;
            for (int c = 0; c < width; ++c)
                row << randomField(rng);
            table << row;
        }
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        {
            CsvWriter::Options options;
            options.delimiter = delimiter;
            options.byteOrderMark = bom;
            CsvWriter writer(&buffer, options);
            for (const QStringList &row : table)
                QVERIFY(writer.writePlainRecord(row));
        }
        for (const qsizetype chunk : {qsizetype(1) << 20, qsizetype(3)}) {
            CsvOptions options = withDelimiter(sniff ? QChar() : delimiter, chunk);
            const ReadAll got = readBytes(buffer.data(), options, true);
            QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
            QCOMPARE(got.encoding.name, QStringLiteral("utf-8"));
            QCOMPARE(got.delimiter, delimiter);
            QCOMPARE(got.header, header);
            QCOMPARE(got.records, table.mid(1));
            for (const QString &p : got.problems)
                QVERIFY(p.isEmpty());
        }
    }
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"

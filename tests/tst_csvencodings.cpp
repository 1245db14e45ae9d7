// SPDX-License-Identifier: GPL-3.0-or-later
// Encoding detection (BOM, UTF-16 NULs, streamed UTF-8 validation with the Windows-1252 fallback)
// and delimiter sniffing (formats.md "Import mapping", csv.encoding and csv.delimiter).
#include "tst_csvsupport.h"

using namespace ql;
using namespace csvtest;

class TestCsvEncodings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodings_data();
    void encodings();
    void latin1AndWindows1252Differ();
    void explicitEncodingKeepsOrSkipsBom();
    void invalidBytesInNamedUtf8AreFlagged();
    void unknownEncodingIsRefused();
    void autoNeedsSeekableDeviceUnlessBomDecides();
    void windows1252FallbackLateInFile_data();
    void windows1252FallbackLateInFile();
    void utf8Validator_data();
    void utf8Validator();
    void sniffDelimiter_data();
    void sniffDelimiter();
    void delimiterFiles_data();
    void delimiterFiles();
    void parseDelimiterSetting_data();
    void parseDelimiterSetting();
};

void TestCsvEncodings::encodings_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<int>("reason");
    QTest::addColumn<QList<QStringList>>("records"); // header first

    using R = DetectedEncoding::Reason;
    const auto zoe = rows({{"name", "city"}, {"Zoë", "Köln"}});
    const auto utf16 = rows({{"name", "city"}, {"Zoë", "Köln"}, {"😀", "東京"}});
    const auto renee = rows({{"name", "city"}, {"Renée", "Zürich"}, {"€uro", "東京 😀"}});
    const auto jose = rows({{"name", "comment"}, {"José", "“ok” – 5 €"}});
    const auto francois = rows({{"name", "city"}, {"François", "Besançon"}, {"Åsa", "Malmö"}});

    QTest::newRow("utf-8 with BOM, auto") << "utf8-bom.csv"
                                          << "auto"
                                          << "utf-8" << int(R::ByteOrderMark) << zoe;
    QTest::newRow("utf-8 with BOM, named") << "utf8-bom.csv"
                                           << "UTF-8"
                                           << "utf-8" << int(R::Requested) << zoe;
    QTest::newRow("utf-8 without BOM, auto") << "utf8.csv"
                                             << "auto"
                                             << "utf-8" << int(R::ValidUtf8) << renee;
    QTest::newRow("utf-8 without BOM, named") << "utf8.csv"
                                              << "utf-8"
                                              << "utf-8" << int(R::Requested) << renee;
    QTest::newRow("utf-16le with BOM, auto") << "utf16le-bom.csv"
                                             << "auto"
                                             << "utf-16le" << int(R::ByteOrderMark) << utf16;
    QTest::newRow("utf-16be with BOM, auto") << "utf16be-bom.csv"
                                             << "auto"
                                             << "utf-16be" << int(R::ByteOrderMark) << utf16;
    QTest::newRow("utf-16le with BOM, named") << "utf16le-bom.csv"
                                              << "utf-16le"
                                              << "utf-16le" << int(R::Requested) << utf16;
    QTest::newRow("utf-16be with BOM, named") << "utf16be-bom.csv"
                                              << "UTF-16BE"
                                              << "utf-16be" << int(R::Requested) << utf16;
    QTest::newRow("utf-16le without BOM, auto") << "utf16le-nobom.csv"
                                                << "auto"
                                                << "utf-16le" << int(R::NulBytes) << utf16;
    QTest::newRow("utf-16be without BOM, auto") << "utf16be-nobom.csv"
                                                << "auto"
                                                << "utf-16be" << int(R::NulBytes) << utf16;
    QTest::newRow("utf-16le without BOM, named") << "utf16le-nobom.csv"
                                                 << "utf-16le"
                                                 << "utf-16le" << int(R::Requested) << utf16;
    QTest::newRow("windows-1252, auto falls back") << "windows-1252.csv"
                                                   << "auto"
                                                   << "windows-1252" << int(R::InvalidUtf8) << jose;
    QTest::newRow("windows-1252, named") << "windows-1252.csv"
                                         << "Windows-1252"
                                         << "windows-1252" << int(R::Requested) << jose;
    QTest::newRow("latin-1, named") << "latin-1.csv"
                                    << "latin-1"
                                    << "latin-1" << int(R::Requested) << francois;
    // Latin-1 letters are the same bytes in Windows-1252, so auto reads them right too.
    QTest::newRow("latin-1, auto reads as windows-1252") << "latin-1.csv"
                                                         << "auto"
                                                         << "windows-1252" << int(R::InvalidUtf8) << francois;
}

void TestCsvEncodings::encodings()
{
    QFETCH(QString, file);
    QFETCH(QString, requested);
    QFETCH(QString, encoding);
    QFETCH(int, reason);
    QFETCH(QList<QStringList>, records);

    for (const qsizetype chunk : {qsizetype(1) << 20, qsizetype(1), qsizetype(2), qsizetype(3), qsizetype(5)}) {
        CsvOptions options;
        options.encoding = requested;
        options.chunkSize = chunk;
        const ReadAll got = readFile(dataDir + u'/' + file, options);
        QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
        QCOMPARE(got.encoding.name, encoding);
        QCOMPARE(int(got.encoding.reason), reason);
        QCOMPARE(got.header, records.first());
        QCOMPARE(got.records, records.mid(1));
        QVERIFY(!got.decodingErrors);
        QVERIFY(!got.encoding.description().isEmpty());
    }
}

void TestCsvEncodings::latin1AndWindows1252Differ()
{
    const QByteArray bytes("a\n\x80\x9f\xe9\n");
    CsvOptions latin;
    latin.encoding = QStringLiteral("latin-1");
    CsvOptions cp;
    cp.encoding = QStringLiteral("windows-1252");
    QCOMPARE(readBytes(bytes, latin).records.value(1), QStringList{QStringLiteral("\u0080\u009f\u00e9")});
    QCOMPARE(readBytes(bytes, cp).records.value(1), QStringList{QStringLiteral("€Ÿé")});
}

void TestCsvEncodings::explicitEncodingKeepsOrSkipsBom()
{
    const QByteArray bytes("\xEF\xBB\xBFid\n1\n");
    CsvOptions utf8;
    utf8.encoding = QStringLiteral("utf-8");
    ReadAll got = readBytes(bytes, utf8, true);
    QCOMPARE(got.header, QStringList{QStringLiteral("id")});
    QCOMPARE(got.encoding.bomLength, 3);
    QCOMPARE(got.offsets, QList<qint64>{6});
    // The user said Windows-1252: the bytes are read as such, BOM or not.
    CsvOptions cp;
    cp.encoding = QStringLiteral("windows-1252");
    got = readBytes(bytes, cp, true);
    QCOMPARE(got.header, QStringList{QStringLiteral("ï»¿id")});
    QCOMPARE(got.encoding.bomLength, 0);
}

void TestCsvEncodings::invalidBytesInNamedUtf8AreFlagged()
{
    CsvOptions utf8;
    utf8.encoding = QStringLiteral("utf-8");
    const ReadAll got = readBytes("a,b\nJos\xE9,1\n", utf8, true);
    QVERIFY(got.error.isEmpty());
    QVERIFY(got.decodingErrors);
    QCOMPARE(got.records.value(0), (QStringList{QStringLiteral("Jos\uFFFD"), QStringLiteral("1")}));
    // A validated "auto" file never has decoding errors: it fell back instead.
    QVERIFY(!readBytes("a,b\nJos\xE9,1\n").decodingErrors);
}

void TestCsvEncodings::unknownEncodingIsRefused()
{
    CsvOptions options;
    options.encoding = QStringLiteral("ebcdic");
    const ReadAll got = readBytes("a\n1\n", options, true);
    QCOMPARE(got.error, QStringLiteral("input: unknown encoding \"ebcdic\" (use auto, utf-8, utf-16le, utf-16be, "
                                       "windows-1252, latin-1)"));
    QCOMPARE(EncodingDetector::canonicalName(QStringLiteral("Latin-1")), QStringLiteral("latin-1"));
    QCOMPARE(EncodingDetector::canonicalName(QStringLiteral("utf8")), QString());
}

void TestCsvEncodings::autoNeedsSeekableDeviceUnlessBomDecides()
{
    SequentialDevice plain("a,b\n1,2\n");
    ReadAll got = readAll(&plain, CsvOptions(), true);
    QVERIFY2(got.error.contains(QLatin1String("name the encoding")), qPrintable(got.error));

    SequentialDevice bom("\xEF\xBB\xBF"
                         "a,b\n1,2\n");
    got = readAll(&bom, CsvOptions(), true);
    QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
    QCOMPARE(got.records, rows({{"1", "2"}}));

    SequentialDevice named("a,b\n1,2\n");
    CsvOptions utf8;
    utf8.encoding = QStringLiteral("utf-8");
    got = readAll(&named, utf8, true);
    QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
    QCOMPARE(got.records, rows({{"1", "2"}}));
}

void TestCsvEncodings::windows1252FallbackLateInFile_data()
{
    QTest::addColumn<qsizetype>("chunkSize");
    QTest::newRow("1 MiB chunks") << (qsizetype(1) << 20);
    QTest::newRow("64 KiB chunks") << qsizetype(65536);
    QTest::newRow("7-byte chunks") << qsizetype(7);
}

void TestCsvEncodings::windows1252FallbackLateInFile()
{
    QFETCH(qsizetype, chunkSize);
    // 1.5 MB of valid UTF-8 (with multi-byte characters), then one Windows-1252 line: the first
    // chunk alone looks like UTF-8.
    QByteArray bytes("id,text\r\n");
    int rowsWritten = 0;
    while (bytes.size() < 1'500'000)
        bytes += QByteArray::number(++rowsWritten) + ",plain text – naïve\r\n";
    const qint64 badLine = rowsWritten + 2;
    const qint64 badOffset = bytes.size() + 9; // after "X,bad caf"
    bytes += "X,bad caf\xE9 \x96 ok\r\n";
    bytes += "Y,after\r\n";

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("late.csv"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();

    CsvOptions options;
    options.chunkSize = chunkSize;
    const ReadAll got = readFile(path, options);
    QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
    QCOMPARE(got.encoding.name, QStringLiteral("windows-1252"));
    QCOMPARE(got.encoding.reason, DetectedEncoding::Reason::InvalidUtf8);
    QCOMPARE(got.encoding.invalidByte, uchar(0xE9));
    QCOMPARE(got.encoding.invalidByteOffset, badOffset);
    QCOMPARE(got.encoding.invalidByteLine, badLine);
    QCOMPARE(got.encoding.description(),
             QStringLiteral("Windows-1252 (byte 0xE9 on line %1 is not valid UTF-8)").arg(badLine));
    QCOMPARE(got.records.size(), rowsWritten + 2);
    // The whole file is Windows-1252 now, the early UTF-8 bytes included.
    QCOMPARE(got.records.first(),
             (QStringList{QStringLiteral("1"), QStringLiteral("plain text \u00e2\u20ac\u201c na\u00c3\u00afve")}));
    QCOMPARE(got.records[rowsWritten], (QStringList{QStringLiteral("X"), QStringLiteral("bad café – ok")}));
    QCOMPARE(got.lines[rowsWritten], badLine);
}

void TestCsvEncodings::utf8Validator_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("invalidOffset"); // -1: valid
    QTest::addColumn<qint64>("invalidLine");

    QTest::newRow("ascii") << QByteArray("a,b\r\nc") << qint64(-1) << qint64(-1);
    QTest::newRow("2, 3 and 4-byte forms")
        << QByteArray("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF") << qint64(-1) << qint64(-1);
    QTest::newRow("lone continuation byte") << QByteArray("ab\n\x80") << qint64(3) << qint64(2);
    QTest::newRow("overlong 2-byte") << QByteArray("\xC0\xAF") << qint64(0) << qint64(1);
    QTest::newRow("overlong 3-byte") << QByteArray("x\xE0\x80\xAF") << qint64(1) << qint64(1);
    QTest::newRow("overlong 4-byte") << QByteArray("\xF0\x80\x80\xAF") << qint64(0) << qint64(1);
    QTest::newRow("surrogate") << QByteArray("\r\n\r\xED\xA0\x80") << qint64(3) << qint64(3);
    QTest::newRow("above U+10FFFF") << QByteArray("\n\n\n\xF4\x90\x80\x80") << qint64(3) << qint64(4);
    QTest::newRow("F5 lead") << QByteArray("\xF5\x80\x80\x80") << qint64(0) << qint64(1);
    QTest::newRow("cut short by ASCII") << QByteArray("\r\rcaf\xC3 x") << qint64(5) << qint64(3);
    QTest::newRow("cut short by the end") << QByteArray("abc\xE2\x82") << qint64(3) << qint64(1);
    QTest::newRow("windows-1252 en dash") << QByteArray("a\r\nb\n\x96") << qint64(5) << qint64(3);
    QTest::newRow("long ascii then invalid")
        << QByteArray(100, 'x') + "\n" + QByteArray(40, 'y') + "\xFF" << qint64(141) << qint64(2);
}

void TestCsvEncodings::utf8Validator()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, invalidOffset);
    QFETCH(qint64, invalidLine);
    for (qsizetype chunk = 1; chunk <= 9; ++chunk) {
        Utf8Validator v;
        for (qsizetype i = 0; i < bytes.size(); i += chunk)
            v.feed(QByteArrayView(bytes).sliced(i, qMin(chunk, bytes.size() - i)));
        QCOMPARE(v.finish(), invalidOffset < 0);
        QCOMPARE(v.invalidOffset(), invalidOffset);
        QCOMPARE(v.invalidLine(), invalidLine);
        if (invalidOffset >= 0)
            QCOMPARE(v.invalidByte(), uchar(bytes[invalidOffset]));
    }
}

// ---------------------------------------------------------------------------------------------
// Delimiters.

void TestCsvEncodings::sniffDelimiter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("wholeText");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<int>("fieldCount");
    QTest::addColumn<bool>("consistent");

    QTest::newRow("comma") << "a,b,c\n1,2,3\n" << true << QChar(u',') << 3 << true;
    QTest::newRow("semicolon with decimal commas") << "a;b\n1,5;2\n3;4,25\n" << true << QChar(u';') << 2 << true;
    QTest::newRow("tab") << "a\tb, c\n1\t2\n" << true << QChar(u'\t') << 2 << true;
    QTest::newRow("pipe") << "a|b|c\n1|2|3" << true << QChar(u'|') << 3 << true;
    // Counting commas blindly would make "," consistent (2 and 2) and win.
    QTest::newRow("commas inside quotes do not count") << "\"x,y\";z\n\"1,2\";3\n" << true << QChar(u';') << 2 << true;
    QTest::newRow("quoted newline keeps the record whole") << "a;b\n\"x\ny,z\";2\n" << true << QChar(u';') << 2 << true;
    QTest::newRow("tie goes to the earlier candidate") << "a,b;c\n1,2;3\n" << true << QChar(u',') << 2 << true;
    QTest::newRow("blank lines are skipped") << "a;b\n\n\r\n1;2\n" << true << QChar(u';') << 2 << true;
    QTest::newRow("header only") << "a|b" << true << QChar(u'|') << 2 << true;
    QTest::newRow("one column defaults to comma") << "name\nAnna\nBo\n" << true << QChar(u',') << 1 << false;
    QTest::newRow("no consistent candidate: most agreeing") << "a;b;c\n1;2;3\n4;5\n6,7,8\n9;1;2\n"
                                                            << true << QChar(u';') << 3 << false;
    QTest::newRow("truncated last record is not counted") << "a;b\n1;2\n\"3;x,y,z" << false << QChar(u';') << 2 << true;
}

void TestCsvEncodings::sniffDelimiter()
{
    QFETCH(QString, text);
    QFETCH(bool, wholeText);
    QFETCH(QChar, delimiter);
    QFETCH(int, fieldCount);
    QFETCH(bool, consistent);
    const DelimiterSniffer::Result r = DelimiterSniffer::sniff(text, wholeText);
    QCOMPARE(r.delimiter, delimiter);
    QCOMPARE(r.fieldCount, fieldCount);
    QCOMPARE(r.consistent, consistent);
    QVERIFY(!r.description().isEmpty());
}

void TestCsvEncodings::delimiterFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<QList<QStringList>>("records");
    QTest::newRow("semicolon") << "semicolon.csv" << QChar(u';')
                               << rows({{"name", "score", "comment"},
                                        {"Anna", "4,5", "a; b, c"},
                                        {"Bo", "3,0", "plain"}});
    QTest::newRow("tab") << "tab.csv" << QChar(u'\t')
                         << rows({{"name", "score", "comment"},
                                  {"Anna", "4.5", "tab\there"},
                                  {"Bo", "3", "quote \" here"}});
    QTest::newRow("pipe") << "pipe.csv" << QChar(u'|')
                          << rows({{"name", "score", "comment"}, {"Anna", "4.5", "x|y"}, {"Bo", "3", "z"}});
    QTest::newRow("cr-only line ends") << "cr-only.csv" << QChar(u',') << rows({{"a", "b"}, {"1", "x\ry"}, {"2", "3"}});
}

void TestCsvEncodings::delimiterFiles()
{
    QFETCH(QString, file);
    QFETCH(QChar, delimiter);
    QFETCH(QList<QStringList>, records);
    for (const QChar given : {QChar(), delimiter}) { // sniffed, then named
        const ReadAll got = readFile(dataDir + u'/' + file, withDelimiter(given));
        QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
        QCOMPARE(got.delimiter, delimiter);
        QCOMPARE(got.header, records.first());
        QCOMPARE(got.records, records.mid(1));
    }
}

void TestCsvEncodings::parseDelimiterSetting_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QChar>("delimiter");
    QTest::newRow("auto") << "auto" << true << QChar();
    QTest::newRow("comma") << "," << true << QChar(u',');
    QTest::newRow("tab character") << "\t" << true << QChar(u'\t');
    QTest::newRow("tab word") << "tab" << true << QChar(u'\t');
    QTest::newRow("escaped tab") << "\\t" << true << QChar(u'\t');
    QTest::newRow("quote") << "\"" << false << QChar();
    QTest::newRow("newline") << "\n" << false << QChar();
    QTest::newRow("two characters") << ";;" << false << QChar();
    QTest::newRow("empty") << "" << false << QChar();
}

void TestCsvEncodings::parseDelimiterSetting()
{
    QFETCH(QString, setting);
    QFETCH(bool, valid);
    QFETCH(QChar, delimiter);
    const auto parsed = CsvOptions::parseDelimiter(setting);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, delimiter);
}

// ---------------------------------------------------------------------------------------------
// RFC 4180 parsing rules.

QTEST_GUILESS_MAIN(TestCsvEncodings)
#include "tst_csvencodings.moc"

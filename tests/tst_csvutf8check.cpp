// SPDX-License-Identifier: GPL-3.0-or-later
// CsvOptions::checkUtf8WhileReading (docs/import.md "Speed"): the importer reads a file once,
// checking its UTF-8 chunk by chunk, instead of validating the whole file in a pass before parsing.
// Whatever the file and the chunk size, reading that way (and, when the file turns out not to be
// UTF-8, reading again with the encoding it reports) must give exactly what the two-pass reading
// gives: the same encoding and reason (byte, offset, line), the same records, lines and offsets, the
// same error. And it must actually read a UTF-8 file once, where the two-pass reading reads it twice.
#include "tst_csvsupport.h"

using namespace ql;
using namespace csvtest;

namespace {

// A buffer that counts the bytes read from it.
class CountingBuffer : public QBuffer
{
public:
    qint64 bytesRead = 0;

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = QBuffer::readData(data, maxSize);
        if (n > 0)
            bytesRead += n;
        return n;
    }
};

struct Outcome
{
    ReadAll read;
    qint64 bytesRead = 0;
    bool restarted = false;
};

// Reads `bytes` as the importer does: checking while reading, then once more with the encoding
// found when the first reading reports encodingChanged().
Outcome readChecking(const QByteArray &bytes, CsvOptions options)
{
    Outcome out;
    CountingBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    options.checkUtf8WhileReading = true;
    {
        CsvReader reader(&buffer, options);
        CsvRecord record;
        if (reader.readHeader())
            while (reader.next(record)) {
            }
        if (reader.encodingChanged()) {
            out.restarted = true;
            options.knownEncoding = reader.encoding();
        }
    }
    out.bytesRead = buffer.bytesRead;
    buffer.seek(0);
    if (out.restarted)
        out.read = readAll(&buffer, options, true);
    else {
        CountingBuffer again;
        again.setData(bytes);
        again.open(QIODevice::ReadOnly);
        out.read = readAll(&again, options, true);
    }
    return out;
}

Outcome readTwoPass(const QByteArray &bytes, const CsvOptions &options)
{
    Outcome out;
    CountingBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    out.read = readAll(&buffer, options, true);
    out.bytesRead = buffer.bytesRead;
    return out;
}

QByteArray manyLines(int n, const QByteArray &text)
{
    QByteArray out("id,text\r\n");
    for (int i = 1; i <= n; ++i)
        out += QByteArray::number(i) + ',' + text + "\r\n";
    return out;
}

} // namespace

class TestCsvUtf8Check : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsTwoPasses_data();
    void sameAsTwoPasses();
    void errorBeforeTheBadByteIsTheWindows1252One();
};

void TestCsvUtf8Check::sameAsTwoPasses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("chunkSize");
    QTest::addColumn<bool>("utf8");

    const QByteArray valid = manyLines(300, "plain – naïve 😀");
    QByteArray late = manyLines(300, "plain – naïve");
    late += "X,caf\xE9\r\nY,after\r\n"; // a Windows-1252 é after ~6 KB of valid UTF-8
    QByteArray early("id,text\r\n1,caf\xE9\r\n");
    early += manyLines(200, "more text").mid(9);
    QByteArray truncated = manyLines(50, "ok");
    truncated += "Z,cut \xE2\x82"; // a 3-byte sequence cut by the end of the file
    QByteArray crLines = manyLines(40, "x").replace("\r\n", "\r");
    crLines += "W,\x96 dash\r"; // lone-CR lines before the bad byte: its line number counts them
    QByteArray quoted = manyLines(40, "\"multi\r\nline – é\"");
    quoted += "Q,\"open \xE9 quote\r\n"; // a bad byte inside a quote that is never closed

    for (const qsizetype chunk : {qsizetype(1), qsizetype(7), qsizetype(4096), qsizetype(1) << 20}) {
        const QByteArray c = QByteArray::number(chunk);
        QTest::newRow("valid utf-8, chunk " + c) << valid << chunk << true;
        QTest::newRow("late windows-1252, chunk " + c) << late << chunk << false;
        QTest::newRow("early windows-1252, chunk " + c) << early << chunk << false;
        QTest::newRow("truncated at the end, chunk " + c) << truncated << chunk << false;
        QTest::newRow("cr lines, chunk " + c) << crLines << chunk << false;
        QTest::newRow("open quote, chunk " + c) << quoted << chunk << false;
    }
}

void TestCsvUtf8Check::sameAsTwoPasses()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, chunkSize);
    QFETCH(bool, utf8);
    CsvOptions options;
    options.chunkSize = chunkSize;
    options.sourceName = QStringLiteral("f.csv");

    const Outcome twoPass = readTwoPass(bytes, options);
    const Outcome checking = readChecking(bytes, options);

    QCOMPARE(twoPass.read.encoding.name, utf8 ? QStringLiteral("utf-8") : QStringLiteral("windows-1252"));
    QCOMPARE(checking.read.encoding.name, twoPass.read.encoding.name);
    QCOMPARE(int(checking.read.encoding.reason), int(twoPass.read.encoding.reason));
    QCOMPARE(checking.read.encoding.invalidByteOffset, twoPass.read.encoding.invalidByteOffset);
    QCOMPARE(checking.read.encoding.invalidByteLine, twoPass.read.encoding.invalidByteLine);
    QCOMPARE(checking.read.encoding.invalidByte, twoPass.read.encoding.invalidByte);
    QCOMPARE(checking.read.encoding.description(), twoPass.read.encoding.description());
    QCOMPARE(checking.read.header, twoPass.read.header);
    QCOMPARE(checking.read.records, twoPass.read.records);
    QCOMPARE(checking.read.lines, twoPass.read.lines);
    QCOMPARE(checking.read.offsets, twoPass.read.offsets);
    QCOMPARE(checking.read.problems, twoPass.read.problems);
    QCOMPARE(checking.read.error, twoPass.read.error);
    QVERIFY(!twoPass.read.records.isEmpty());

    // A UTF-8 file is read once (the two-pass reading reads it twice); a file that is not is
    // noticed by the check, which is what sends the importer round again.
    QCOMPARE(checking.restarted, !utf8);
    if (utf8) {
        QCOMPARE(checking.bytesRead, qint64(bytes.size()));
        QCOMPARE(twoPass.bytesRead, 2 * qint64(bytes.size()));
    }
}

void TestCsvUtf8Check::errorBeforeTheBadByteIsTheWindows1252One()
{
    // Read as UTF-8, a record too long for maxRecordLength stops reading before the bad byte is
    // reached. "é" is one character in UTF-8 and two in Windows-1252: line 2 (40 of them) is short
    // enough as UTF-8 and too long as Windows-1252, line 3 (70) too long either way, line 4 holds
    // the byte that is not UTF-8. The two-pass reading reads Windows-1252 and stops on line 2. The
    // checking reader stops on line 3, and must look at the rest of the file before reporting that,
    // find the bad byte and send the caller round to the Windows-1252 reading: line 2 again.
    QByteArray bytes("id,text\r\n1,");
    for (int i = 0; i < 40; ++i)
        bytes += "\xC3\xA9";
    bytes += "\r\n2,";
    for (int i = 0; i < 70; ++i)
        bytes += "\xC3\xA9";
    bytes += "\r\n3,bad \x96\r\n";
    CsvOptions options;
    options.chunkSize = 16;
    options.maxRecordLength = 64;
    options.delimiter = u','; // no sniffing, which would read the whole (small) file ahead
    options.sourceName = QStringLiteral("f.csv");

    const Outcome twoPass = readTwoPass(bytes, options);
    const Outcome checking = readChecking(bytes, options);
    QCOMPARE(twoPass.read.encoding.name, QStringLiteral("windows-1252"));
    QCOMPARE(twoPass.read.error, QStringLiteral("f.csv:2: the record is longer than 64 characters"));
    QVERIFY(checking.restarted);
    QCOMPARE(checking.read.error, twoPass.read.error);
    QCOMPARE(checking.read.records, twoPass.read.records);
    QCOMPARE(checking.read.encoding.description(), twoPass.read.encoding.description());

    // The same file without the bad byte is UTF-8: both stop on line 3, reading it once.
    bytes.replace("\x96", "-");
    const Outcome utf8TwoPass = readTwoPass(bytes, options);
    const Outcome utf8Checking = readChecking(bytes, options);
    QCOMPARE(utf8TwoPass.read.error, QStringLiteral("f.csv:3: the record is longer than 64 characters"));
    QVERIFY(!utf8Checking.restarted);
    QCOMPARE(utf8Checking.read.error, utf8TwoPass.read.error);
    QCOMPARE(utf8Checking.read.encoding.name, QStringLiteral("utf-8"));
}

QTEST_GUILESS_MAIN(TestCsvUtf8Check)
#include "tst_csvutf8check.moc"

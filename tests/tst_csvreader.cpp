// SPDX-License-Identifier: GPL-3.0-or-later
// The streaming CSV reader, encoding detection, delimiter sniffing and the CSV writer
// (formats.md "Import mapping", "Importing…", "Export columns").
#include "import/csvreader.h"
#include "import/csvwriter.h"
#include "import/delimitersniffer.h"
#include "import/encodingdetector.h"
#include "import/utf8validator.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>
#include <random>

using namespace ql;

namespace {

const QString dataDir = QStringLiteral(QL_TESTDATA_DIR "/csv");
const QString spectrumDir = QStringLiteral(QL_SHARED_DIR "/testdata/csv-spectrum");

struct ReadAll
{
    QList<QStringList> records;
    QList<qint64> lines;
    QList<qint64> offsets;
    QStringList raw;
    QStringList problems; // one per record, empty when well-formed
    QStringList header;
    QString error;
    QChar delimiter;
    DetectedEncoding encoding;
    bool decodingErrors = false;
};

ReadAll readAll(QIODevice *device, const CsvOptions &options, bool withHeader)
{
    ReadAll out;
    CsvReader reader(device, options);
    if (withHeader && !reader.readHeader()) {
        out.error = reader.errorString();
        return out;
    }
    out.header = reader.header().fields();
    CsvRecord record;
    while (reader.next(record)) {
        out.records.append(record.fields());
        out.lines.append(record.line());
        out.offsets.append(record.byteOffset());
        out.raw.append(record.rawText().toString());
        out.problems.append(record.problem());
    }
    out.error = reader.errorString();
    out.delimiter = reader.delimiter();
    out.encoding = reader.encoding();
    out.decodingErrors = reader.hadDecodingErrors();
    return out;
}

ReadAll readBytes(const QByteArray &bytes, CsvOptions options = {}, bool withHeader = false)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return readAll(&buffer, options, withHeader);
}

ReadAll readFile(const QString &path, CsvOptions options = {}, bool withHeader = true)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ReadAll failed;
        failed.error = QStringLiteral("cannot open %1").arg(path);
        return failed;
    }
    return readAll(&file, options, withHeader);
}

CsvOptions withDelimiter(QChar d, qsizetype chunk = qsizetype(1) << 20)
{
    CsvOptions o;
    o.delimiter = d;
    o.chunkSize = chunk;
    return o;
}

QByteArray encode(const QString &text, QStringConverter::Encoding e)
{
    QStringEncoder enc(e);
    return enc.encode(text);
}

// An independent whole-text parser: the oracle for the streaming reader. Same rules as
// CsvReader's class comment, written the slow, obvious way.
struct RefRecord
{
    QStringList fields;
    qint64 line = 0;
    qsizetype start = 0; // character index
};

QList<RefRecord> referenceParse(const QString &text, QChar d)
{
    QList<RefRecord> out;
    qint64 line = 1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (text[i] == u'\r') {
            ++line;
            i += (i + 1 < n && text[i + 1] == u'\n') ? 2 : 1;
            continue;
        }
        if (text[i] == u'\n') {
            ++line;
            ++i;
            continue;
        }
        RefRecord r{{}, line, i};
        for (;;) {
            QString field;
            if (i < n && text[i] == u'"') {
                for (++i;; ++i) {
                    if (i >= n)
                        return {}; // unterminated: not generated here
                    if (text[i] == u'"') {
                        if (i + 1 < n && text[i + 1] == u'"') {
                            field += u'"';
                            ++i;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (text[i] == u'\r' || (text[i] == u'\n' && text[i - 1] != u'\r'))
                        ++line;
                    field += text[i];
                }
            }
            while (i < n && text[i] != d && text[i] != u'\r' && text[i] != u'\n')
                field += text[i++];
            r.fields.append(field);
            if (i < n && text[i] == d) {
                ++i;
                continue;
            }
            break;
        }
        if (i < n) {
            i += (text[i] == u'\r' && i + 1 < n && text[i + 1] == u'\n') ? 2 : 1;
            ++line;
        }
        out.append(r);
    }
    return out;
}

// Repeatable randomness without std:: distributions (they differ between standard libraries).
struct Random
{
    std::mt19937_64 engine;
    explicit Random(quint64 seed) : engine(seed) {}
    quint64 below(quint64 n) // unbiased
    {
        const quint64 limit = ~quint64(0) - (~quint64(0) % n);
        quint64 x;
        do
            x = engine();
        while (x >= limit);
        return x % n;
    }
    bool chance(int percent) { return below(100) < quint64(percent); }
};

QString randomField(Random &rng)
{
    static const QStringList pieces = {
        QStringLiteral("a"),  QStringLiteral("Zq"),   QStringLiteral(" "),    QStringLiteral(","),
        QStringLiteral(";"),  QStringLiteral("\t"),   QStringLiteral("|"),    QStringLiteral("\""),
        QStringLiteral("\r"), QStringLiteral("\n"),   QStringLiteral("\r\n"), QStringLiteral("é"),
        QStringLiteral("€"),  QStringLiteral("東京"), QStringLiteral("😀"),    QStringLiteral("42"),
        QStringLiteral("="),  QStringLiteral("-"),    QStringLiteral("'")};
    QString f;
    const int length = int(rng.below(7));
    for (int k = 0; k < length; ++k)
        f += pieces[qsizetype(rng.below(quint64(pieces.size())))];
    return f;
}

// A random CSV document; `records` gets the fields as written.
QString randomDocument(Random &rng, QChar d, QList<QStringList> *records)
{
    static const char *const lineEnds[] = {"\n", "\r\n", "\r"};
    QString text;
    const int count = 1 + int(rng.below(12));
    for (int r = 0; r < count; ++r) {
        if (rng.chance(10))
            text += QLatin1String(lineEnds[rng.below(3)]); // a blank line
        QStringList fields;
        const int width = 1 + int(rng.below(5));
        for (int c = 0; c < width; ++c) {
            const QString f = randomField(rng);
            fields.append(f);
            const bool needs = f.contains(d) || f.contains(u'"') || f.contains(u'\r') || f.contains(u'\n') ||
                               (width == 1 && f.isEmpty());
            if (c > 0)
                text += d;
            if (needs || rng.chance(20))
                text += u'"' + QString(f).replace(u'"', QLatin1String("\"\"")) + u'"';
            else
                text += f;
        }
        records->append(fields);
        if (r + 1 < count || rng.chance(50))
            text += QLatin1String(lineEnds[rng.below(3)]);
    }
    return text;
}

QList<QStringList> rows(std::initializer_list<QStringList> list)
{
    return QList<QStringList>(list);
}

// A device that can be read only once, like a pipe.
class SequentialDevice : public QIODevice
{
public:
    explicit SequentialDevice(const QByteArray &data) : m_data(data) { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, qint64(m_data.size() - m_pos));
        memcpy(data, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qsizetype m_pos = 0;
};

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvSpectrum_data();
    void csvSpectrum();
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
    void parsing_data();
    void parsing();
    void fieldCountErrorNamesPhysicalLine();
    void messagesUseFileBaseName();
    void unterminatedQuoteNamesItsLine();
    void overlongRecordStops();
    void emptyFileAndHeaderOnly();
    void byteOffsetsAndRawText_data();
    void byteOffsetsAndRawText();
    void tinyChunksMatchReference_data();
    void tinyChunksMatchReference();
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

// ---------------------------------------------------------------------------------------------
// csv-spectrum: every csvs/X.csv yields json/X.json.

void TestCsvReader::csvSpectrum_data()
{
    if (!QDir(spectrumDir).exists())
        QSKIP("the csv-spectrum corpus is not here (" QL_SHARED_DIR "/testdata/csv-spectrum); it ships only "
              "with the development workspace, not with a clone");
    QTest::addColumn<QString>("name");
    QTest::addColumn<qsizetype>("chunkSize");
    const QStringList files = QDir(spectrumDir + QStringLiteral("/csvs")).entryList({QStringLiteral("*.csv")});
    QVERIFY(!files.isEmpty());
    for (const QString &file : files) {
        const QString name = file.chopped(4);
        for (const qsizetype chunk : {qsizetype(1) << 20, qsizetype(1), qsizetype(3)})
            QTest::addRow("%s/chunk%lld", qPrintable(name), qlonglong(chunk)) << name << chunk;
    }
}

void TestCsvReader::csvSpectrum()
{
    QFETCH(QString, name);
    QFETCH(qsizetype, chunkSize);
    QFile json(spectrumDir + QStringLiteral("/json/%1.json").arg(name));
    QVERIFY(json.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.readAll(), &parseError);
    QVERIFY2(!doc.isNull(), qPrintable(parseError.errorString()));
    QJsonArray expected = doc.array();
    if (doc.isObject()) {
        // SOURCE.md: location_coordinates.json is an object, not a list, and its phone number
        // differs from the CSV's. The expected record is the CSV's own values.
        QCOMPARE(name, QStringLiteral("location_coordinates"));
        QJsonObject o = doc.object();
        o[QStringLiteral("Contact Phone Number")] = QStringLiteral("2095257564");
        expected = QJsonArray{o};
    }

    CsvOptions options; // auto encoding, auto delimiter
    options.chunkSize = chunkSize;
    const ReadAll got = readFile(spectrumDir + QStringLiteral("/csvs/%1.csv").arg(name), options);
    QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
    QCOMPARE(got.delimiter, QChar(u','));
    QCOMPARE(got.records.size(), expected.size());
    for (qsizetype r = 0; r < got.records.size(); ++r) {
        const QJsonObject want = expected[r].toObject();
        QCOMPARE(got.header.size(), want.size());
        QCOMPARE(got.records[r].size(), got.header.size());
        for (qsizetype f = 0; f < got.header.size(); ++f) {
            QVERIFY2(want.contains(got.header[f]), qPrintable(got.header[f]));
            QCOMPARE(got.records[r][f], want[got.header[f]].toString());
        }
        QVERIFY(got.problems[r].isEmpty());
    }
}

// ---------------------------------------------------------------------------------------------
// Encodings.

void TestCsvReader::encodings_data()
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

void TestCsvReader::encodings()
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

void TestCsvReader::latin1AndWindows1252Differ()
{
    const QByteArray bytes("a\n\x80\x9f\xe9\n");
    CsvOptions latin;
    latin.encoding = QStringLiteral("latin-1");
    CsvOptions cp;
    cp.encoding = QStringLiteral("windows-1252");
    QCOMPARE(readBytes(bytes, latin).records.value(1), QStringList{QStringLiteral("\u0080\u009f\u00e9")});
    QCOMPARE(readBytes(bytes, cp).records.value(1), QStringList{QStringLiteral("€Ÿé")});
}

void TestCsvReader::explicitEncodingKeepsOrSkipsBom()
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

void TestCsvReader::invalidBytesInNamedUtf8AreFlagged()
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

void TestCsvReader::unknownEncodingIsRefused()
{
    CsvOptions options;
    options.encoding = QStringLiteral("ebcdic");
    const ReadAll got = readBytes("a\n1\n", options, true);
    QCOMPARE(got.error, QStringLiteral("input: unknown encoding \"ebcdic\" (use auto, utf-8, utf-16le, utf-16be, "
                                       "windows-1252, latin-1)"));
    QCOMPARE(EncodingDetector::canonicalName(QStringLiteral("Latin-1")), QStringLiteral("latin-1"));
    QCOMPARE(EncodingDetector::canonicalName(QStringLiteral("utf8")), QString());
}

void TestCsvReader::autoNeedsSeekableDeviceUnlessBomDecides()
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

void TestCsvReader::windows1252FallbackLateInFile_data()
{
    QTest::addColumn<qsizetype>("chunkSize");
    QTest::newRow("1 MiB chunks") << (qsizetype(1) << 20);
    QTest::newRow("64 KiB chunks") << qsizetype(65536);
    QTest::newRow("7-byte chunks") << qsizetype(7);
}

void TestCsvReader::windows1252FallbackLateInFile()
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

void TestCsvReader::utf8Validator_data()
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

void TestCsvReader::utf8Validator()
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

void TestCsvReader::sniffDelimiter_data()
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

void TestCsvReader::sniffDelimiter()
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

void TestCsvReader::delimiterFiles_data()
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

void TestCsvReader::delimiterFiles()
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

void TestCsvReader::parseDelimiterSetting_data()
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

void TestCsvReader::parseDelimiterSetting()
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

void TestCsvReader::parsing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QList<QStringList>>("records");
    QTest::addColumn<QList<qint64>>("lines");

    QTest::newRow("quoted fields and doubled quotes")
        << QByteArray("\"a\",\"b \"\"c\"\"\",\"\"\n") << rows({{"a", "b \"c\"", ""}}) << QList<qint64>{1};
    QTest::newRow("delimiter and line ends inside quotes")
        << QByteArray("\"x,y\",\"1\r\n2\",\"3\n4\",\"5\r6\"\n7,8,9,10\n")
        << rows({{"x,y", "1\r\n2", "3\n4", "5\r6"}, {"7", "8", "9", "10"}}) << QList<qint64>{1, 5};
    QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n") << rows({{"a", "b"}, {"1", "2"}}) << QList<qint64>{1, 2};
    QTest::newRow("CR only") << QByteArray("a,b\r1,2\r\r3,4") << rows({{"a", "b"}, {"1", "2"}, {"3", "4"}})
                             << QList<qint64>{1, 2, 4};
    QTest::newRow("mixed line ends") << QByteArray("a\r\nb\nc\rd\n\re") << rows({{"a"}, {"b"}, {"c"}, {"d"}, {"e"}})
                                     << QList<qint64>{1, 2, 3, 4, 6};
    QTest::newRow("last record without line end")
        << QByteArray("a,b\n1,2") << rows({{"a", "b"}, {"1", "2"}}) << QList<qint64>{1, 2};
    QTest::newRow("quoted last field at end of file")
        << QByteArray("a,\"b\nc\"") << rows({{"a", "b\nc"}}) << QList<qint64>{1};
    QTest::newRow("blank lines skipped but counted")
        << QByteArray("\n\r\na,b\n\n\n1,2\r\n\r\n") << rows({{"a", "b"}, {"1", "2"}}) << QList<qint64>{3, 6};
    QTest::newRow("only delimiters is a record of empty fields")
        << QByteArray("a,b,c\n,,\n") << rows({{"a", "b", "c"}, {"", "", ""}}) << QList<qint64>{1, 2};
    QTest::newRow("trailing delimiter at end of file")
        << QByteArray("a,b,") << rows({{"a", "b", ""}}) << QList<qint64>{1};
    QTest::newRow("quoted empty single field is a record")
        << QByteArray("h\n\"\"\nx\n") << rows({{"h"}, {""}, {"x"}}) << QList<qint64>{1, 2, 3};
    QTest::newRow("spaces are kept") << QByteArray(" a , b \n") << rows({{" a ", " b "}}) << QList<qint64>{1};
    QTest::newRow("bare quote inside unquoted field is text")
        << QByteArray("37.8\"N,a\"b\"\n") << rows({{"37.8\"N", "a\"b\""}}) << QList<qint64>{1};
    QTest::newRow("text after closing quote is kept")
        << QByteArray("\"ab\"c,\"x\" y\n") << rows({{"abc", "x y"}}) << QList<qint64>{1};
    QTest::newRow("space before quote makes it text")
        << QByteArray("a, \"b\"\n") << rows({{"a", " \"b\""}}) << QList<qint64>{1};
    QTest::newRow("BOM skipped") << QByteArray("\xEF\xBB\xBF\"a\",b\n") << rows({{"a", "b"}}) << QList<qint64>{1};
    QTest::newRow("whitespace-only line is a record")
        << QByteArray("a\n \nb\n") << rows({{"a"}, {" "}, {"b"}}) << QList<qint64>{1, 2, 3};
    QTest::newRow("empty input") << QByteArray() << QList<QStringList>() << QList<qint64>();
    QTest::newRow("only blank lines") << QByteArray("\r\n\n\r") << QList<QStringList>() << QList<qint64>();
}

void TestCsvReader::parsing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<QStringList>, records);
    QFETCH(QList<qint64>, lines);
    for (qsizetype chunk = 1; chunk <= 4; ++chunk) {
        const ReadAll got = readBytes(bytes, withDelimiter(u',', chunk));
        QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
        QCOMPARE(got.records, records);
        QCOMPARE(got.lines, lines);
    }
}

void TestCsvReader::fieldCountErrorNamesPhysicalLine()
{
    const QByteArray bytes("a,b,c\n"             // 1
                           "1,\"x\ny\",3\n"      // 2-3
                           "\"p\r\nq\rr\",5,6\n" // 4-6
                           "bad,row\n"           // 7
                           "7,8,9\n"             // 8
                           "1,2,3,4\r\n");       // 9
    for (const qsizetype chunk : {qsizetype(1) << 20, qsizetype(1), qsizetype(4)}) {
        CsvOptions options = withDelimiter(QChar(), chunk);
        options.sourceName = QStringLiteral("audits.csv");
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer, options);
        QVERIFY(reader.readHeader());
        QCOMPARE(reader.headerFieldCount(), 3);
        CsvRecord record;
        QList<qint64> lines;
        QStringList problems;
        while (reader.next(record)) {
            lines << record.line();
            problems << record.problem();
        }
        QVERIFY(reader.atEnd());
        QVERIFY(!reader.hasError());
        QCOMPARE(lines, (QList<qint64>{2, 4, 7, 8, 9}));
        QCOMPARE(problems, (QStringList{QString(), QString(), "audits.csv:7: record has 2 fields, the header has 3",
                                        QString(), "audits.csv:9: record has 4 fields, the header has 3"}));
        QCOMPARE(reader.recordsRead(), 5);
        QCOMPARE(reader.malformedRecords(), 2);
    }
    // Singular wording.
    CsvOptions options;
    options.sourceName = QStringLiteral("a.csv");
    const ReadAll got = readBytes("x,y\n1\n", options, true);
    QCOMPARE(got.problems, QStringList{QStringLiteral("a.csv:2: record has 1 field, the header has 2")});
}

void TestCsvReader::messagesUseFileBaseName()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("answers.csv"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("a,b\n1,2,3\n");
    out.close();
    const ReadAll got = readFile(path);
    QCOMPARE(got.problems, QStringList{QStringLiteral("answers.csv:2: record has 3 fields, the header has 2")});
}

void TestCsvReader::unterminatedQuoteNamesItsLine()
{
    const QByteArray bytes("a,b\n1,2\n\n3,\"abc\ndef,4\n5,6\n");
    for (const qsizetype chunk : {qsizetype(1) << 20, qsizetype(1), qsizetype(3)}) {
        CsvOptions options = withDelimiter(u',', chunk);
        options.sourceName = QStringLiteral("audits.csv");
        const ReadAll got = readBytes(bytes, options, true);
        QCOMPARE(got.records, rows({{"1", "2"}}));
        QCOMPARE(got.error, QStringLiteral("audits.csv:4: a quoted field starts here and is not closed before the "
                                           "end of the file"));
    }
}

void TestCsvReader::overlongRecordStops()
{
    CsvOptions options = withDelimiter(u',', 4);
    options.sourceName = QStringLiteral("big.csv");
    options.maxRecordLength = 16;
    QByteArray bytes("a,b\n1,\"");
    bytes += QByteArray(100, 'x') + "\"\n";
    const ReadAll got = readBytes(bytes, options, true);
    QVERIFY(got.records.isEmpty());
    QCOMPARE(got.error, QStringLiteral("big.csv:2: a quoted field starts here and is still open after 16 characters; "
                                       "is a closing quote missing?"));
    // Records up to the cap are fine.
    QVERIFY(readBytes("a,b\n1,\"xxxxxxxxxx\"\n", options, true).error.isEmpty());
}

void TestCsvReader::emptyFileAndHeaderOnly()
{
    CsvOptions options;
    options.sourceName = QStringLiteral("empty.csv");
    QCOMPARE(readBytes("", options, true).error,
             QStringLiteral("empty.csv: the file is empty; a header line was expected"));
    QCOMPARE(readBytes("\n\r\n", options, true).error,
             QStringLiteral("empty.csv: the file is empty; a header line was expected"));

    QBuffer buffer;
    buffer.setData("id;name\r\n");
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    QVERIFY(reader.readHeader());
    QCOMPARE(reader.header().fields(), (QStringList{QStringLiteral("id"), QStringLiteral("name")}));
    QCOMPARE(reader.header().indexOf(u"name"), 1);
    QCOMPARE(reader.delimiter(), QChar(u';'));
    CsvRecord record;
    QVERIFY(!reader.next(record));
    QVERIFY(reader.atEnd());
    QVERIFY(!reader.hasError());
}

// ---------------------------------------------------------------------------------------------
// Byte offsets and raw text, in every encoding.

void TestCsvReader::byteOffsetsAndRawText_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QByteArray>("bom");
    QTest::newRow("utf-8") << "utf-8" << QByteArray();
    QTest::newRow("utf-8 with BOM") << "utf-8" << QByteArray("\xEF\xBB\xBF");
    QTest::newRow("utf-16le with BOM") << "utf-16le" << QByteArray("\xFF\xFE");
    QTest::newRow("utf-16be") << "utf-16be" << QByteArray();
    QTest::newRow("windows-1252") << "windows-1252" << QByteArray();
}

void TestCsvReader::byteOffsetsAndRawText()
{
    QFETCH(QString, encoding);
    QFETCH(QByteArray, bom);
    const bool is1252 = encoding == u"windows-1252";
    const QStringList lines = {QStringLiteral("id,text"), QStringLiteral("1,café"),
                               is1252 ? QStringLiteral("2,\"€ and\r\n“quotes”\"")
                                      : QStringLiteral("2,\"😀 and\r\n東京\""),
                               QString(), QStringLiteral("3,plain")};
    QByteArray bytes = bom;
    QList<qint64> offsets;
    QStringEncoder encoder = encoding == u"utf-8"      ? QStringEncoder(QStringConverter::Utf8)
                             : encoding == u"utf-16le" ? QStringEncoder(QStringConverter::Utf16LE)
                             : encoding == u"utf-16be" ? QStringEncoder(QStringConverter::Utf16BE)
                                                       : QStringEncoder("windows-1252");
    QVERIFY(encoder.isValid());
    for (const QString &line : lines) {
        if (!line.isEmpty())
            offsets << bytes.size();
        bytes += encoder.encode(line + QStringLiteral("\n"));
    }
    offsets.removeFirst(); // the header
    for (const qsizetype chunk : {qsizetype(1) << 20, qsizetype(1), qsizetype(3)}) {
        CsvOptions options = withDelimiter(QChar(), chunk);
        options.encoding = bom.isEmpty() ? encoding : QStringLiteral("auto");
        options.keepRawText = true;
        const ReadAll got = readBytes(bytes, options, true);
        QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
        QCOMPARE(got.encoding.name, encoding);
        QCOMPARE(got.offsets, offsets);
        QCOMPARE(got.raw, (QStringList{lines[1], lines[2], lines[4]}));
        QCOMPARE(got.lines, (QList<qint64>{2, 3, 6}));
    }
}

// ---------------------------------------------------------------------------------------------
// Property test: tiny chunks give the same records as one big chunk, and both match the
// reference parser and the generator.

void TestCsvReader::tinyChunksMatchReference_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QByteArray>("bom");
    QTest::newRow("utf-8") << "utf-8" << QByteArray();
    QTest::newRow("utf-8 with BOM") << "utf-8" << QByteArray("\xEF\xBB\xBF");
    QTest::newRow("utf-16le with BOM") << "utf-16le" << QByteArray("\xFF\xFE");
    QTest::newRow("utf-16be without BOM") << "utf-16be" << QByteArray();
}

void TestCsvReader::tinyChunksMatchReference()
{
    QFETCH(QString, encoding);
    QFETCH(QByteArray, bom);
    const auto enc = encoding == u"utf-8"      ? QStringConverter::Utf8
                     : encoding == u"utf-16le" ? QStringConverter::Utf16LE
                                               : QStringConverter::Utf16BE;
    static const QChar delimiters[] = {u',', u';', u'\t', u'|'};
    Random rng(20261127);
    for (int doc = 0; doc < 150; ++doc) {
        const QChar d = delimiters[rng.below(4)];
        QList<QStringList> written;
        const QString text = randomDocument(rng, d, &written);
        const QList<RefRecord> reference = referenceParse(text, d);
        QCOMPARE(reference.size(), written.size());
        for (qsizetype r = 0; r < reference.size(); ++r)
            QCOMPARE(reference[r].fields, written[r]);
        const QByteArray bytes = bom + encode(text, enc);

        ReadAll first;
        for (const qsizetype chunk : {qsizetype(1) << 20, qsizetype(1), qsizetype(2), qsizetype(3), qsizetype(4),
                                      qsizetype(5), qsizetype(6), qsizetype(7)}) {
            CsvOptions options = withDelimiter(d, chunk);
            options.encoding = encoding == u"utf-8" ? QStringLiteral("auto") : encoding;
            options.keepRawText = true;
            const ReadAll got = readBytes(bytes, options);
            const QByteArray where = QStringLiteral("doc %1, chunk %2").arg(doc).arg(chunk).toUtf8();
            QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
            QVERIFY2(!got.decodingErrors, where.constData());
            QVERIFY2(got.records == written, where.constData());
            QCOMPARE(got.records.size(), reference.size());
            for (qsizetype r = 0; r < reference.size(); ++r) {
                QVERIFY2(got.lines[r] == reference[r].line, where.constData());
                const qint64 offset = bom.size() + encode(text.left(reference[r].start), enc).size();
                QVERIFY2(got.offsets[r] == offset, where.constData());
            }
            if (chunk == qsizetype(1) << 20)
                first = got;
            else
                QVERIFY2(got.raw == first.raw, where.constData());
        }
        // A sniffed delimiter does not depend on the chunk size either.
        CsvOptions sniffBig;
        sniffBig.encoding = encoding;
        CsvOptions sniffSmall = sniffBig;
        sniffSmall.chunkSize = 3;
        QCOMPARE(readBytes(bytes, sniffSmall).delimiter, readBytes(bytes, sniffBig).delimiter);
    }
}

// ---------------------------------------------------------------------------------------------
// Writer.

void TestCsvReader::writerQuoting_data()
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

void TestCsvReader::writerQuoting()
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

void TestCsvReader::writerFormulaGuard_data()
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

void TestCsvReader::writerFormulaGuard()
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

void TestCsvReader::writerNumbers_data()
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

void TestCsvReader::writerNumbers()
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

void TestCsvReader::writerBomDelimiterAndLineEnds()
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

void TestCsvReader::writerReaderRoundTrip_data()
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

void TestCsvReader::writerReaderRoundTrip()
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

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"

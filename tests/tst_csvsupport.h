// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the CSV tests (tst_csvreader, tst_csvencodings, tst_csvwriter): reading whole files and
// buffers, a reference parser written the slow way, random documents, a sequential device.
#pragma once

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

namespace csvtest {

using namespace ql;

inline const QString dataDir = QStringLiteral(QL_TESTDATA_DIR "/csv");
inline const QString spectrumDir = QStringLiteral(QL_SHARED_DIR "/testdata/csv-spectrum");

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

inline ReadAll readAll(QIODevice *device, const CsvOptions &options, bool withHeader)
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

inline ReadAll readBytes(const QByteArray &bytes, CsvOptions options = {}, bool withHeader = false)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return readAll(&buffer, options, withHeader);
}

inline ReadAll readFile(const QString &path, CsvOptions options = {}, bool withHeader = true)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ReadAll failed;
        failed.error = QStringLiteral("cannot open %1").arg(path);
        return failed;
    }
    return readAll(&file, options, withHeader);
}

inline CsvOptions withDelimiter(QChar d, qsizetype chunk = qsizetype(1) << 20)
{
    CsvOptions o;
    o.delimiter = d;
    o.chunkSize = chunk;
    return o;
}

inline QByteArray encode(const QString &text, QStringConverter::Encoding e)
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

inline QList<RefRecord> referenceParse(const QString &text, QChar d)
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

inline QString randomField(Random &rng)
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
inline QString randomDocument(Random &rng, QChar d, QList<QStringList> *records)
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

inline QList<QStringList> rows(std::initializer_list<QStringList> list)
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

} // namespace csvtest

// SPDX-License-Identifier: GPL-3.0-or-later
// ContentHash (core/import/contenthash.h): the re-import's record hash is FNV-1a 64 over each
// value's bytes, and stored hashes depend on exactly those bytes. ContentHash skips the work of zero
// bytes; here it is checked against the plain byte-by-byte definition (the code before that change,
// kept verbatim as the oracle), which is itself checked against published FNV-1a 64 vectors.
#include "import/contenthash.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <variant>

using namespace ql;

using Value = std::variant<QString, qint64, int, double>;
Q_DECLARE_METATYPE(Value)

namespace {

// The byte-wise FNV-1a of ContentHash before the zero-byte shortcut.
class Reference
{
public:
    void add(QStringView text)
    {
        add(qint64(text.size()));
        addBytes(text.utf16(), size_t(text.size()) * 2);
    }
    void add(qint64 v) { addBytes(&v, sizeof v); }
    void add(int v) { add(qint64(v)); }
    void add(double v)
    {
        if (v == 0)
            v = 0;
        addBytes(&v, sizeof v);
    }
    void addBytes(const void *data, size_t n)
    {
        const auto *p = static_cast<const unsigned char *>(data);
        for (size_t i = 0; i < n; ++i) {
            m_hash ^= p[i];
            m_hash *= 0x100000001b3ULL;
        }
    }
    QString hex() const { return QStringLiteral("%1").arg(m_hash, 16, 16, QLatin1Char('0')); }

private:
    quint64 m_hash = 0xcbf29ce484222325ULL;
};

template<typename H>
QString hashOf(const QList<Value> &values)
{
    H h;
    for (const Value &v : values)
        std::visit([&h](const auto &x) { h.add(x); }, v);
    return h.hex();
}

} // namespace

class TestContentHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void referenceMatchesPublishedVectors_data();
    void referenceMatchesPublishedVectors();
    void sameDigestAsByteWise_data();
    void sameDigestAsByteWise();
    void sameDigestOnRandomRecords();
    void knownAuditDigest();
};

void TestContentHash::referenceMatchesPublishedVectors_data()
{
    // FNV-1a 64 test vectors (Fowler/Noll/Vo, "FNV test vectors"; also in the IETF FNV draft).
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("digest");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("cbf29ce484222325");
    QTest::newRow("a") << QByteArray("a") << QStringLiteral("af63dc4c8601ec8c");
    QTest::newRow("foobar") << QByteArray("foobar") << QStringLiteral("85944171f73967e8");
}

void TestContentHash::referenceMatchesPublishedVectors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, digest);
    Reference r;
    r.addBytes(bytes.constData(), size_t(bytes.size()));
    QCOMPARE(r.hex(), digest);
}

void TestContentHash::sameDigestAsByteWise_data()
{
    QTest::addColumn<QList<Value>>("values");
    QTest::newRow("nothing") << QList<Value>{};
    QTest::newRow("empty text") << QList<Value>{QString()};
    QTest::newRow("ascii") << QList<Value>{QStringLiteral("RV0000001"), QStringLiteral("agent0042")};
    // "ab","c" and "a","bc" differ by their length prefixes; both must still match the definition.
    QTest::newRow("ab c") << QList<Value>{QStringLiteral("ab"), QStringLiteral("c")};
    QTest::newRow("a bc") << QList<Value>{QStringLiteral("a"), QStringLiteral("bc")};
    // Non-ASCII: é (U+00E9: bytes e9 00), € (U+20AC: ac 20), Ā (U+0100: low byte zero), 😀 (a
    // surrogate pair), and NULs: a run of zero bytes longer than the owed-multiplication limit.
    QTest::newRow("latin") << QList<Value>{QStringLiteral("café")};
    QTest::newRow("euro") << QList<Value>{QStringLiteral("5 €")};
    QTest::newRow("low byte zero") << QList<Value>{QString(QChar(0x100)) + QChar(0x200) + u'x'};
    QTest::newRow("surrogates") << QList<Value>{QStringLiteral("smile 😀")};
    QTest::newRow("nuls") << QList<Value>{QString(40, QChar(0)) + u'a' + QString(9, QChar(0))};
    QTest::newRow("numbers") << QList<Value>{qint64(0), qint64(1), qint64(-1), qint64(256), qint64(1) << 56,
                                             std::numeric_limits<qint64>::min(), 7, -3};
    QTest::newRow("doubles") << QList<Value>{0.0, -0.0, 4.0, 0.1, -2.5, 1e300};
    QTest::newRow("audit-like") << QList<Value>{QStringLiteral("RV0000001"), QStringLiteral("T01234567"),
                                                QStringLiteral("2025-03-04T09:15:00Z"), QString(), 3, 1, 4.0,
                                                QString(), QStringLiteral("Knowledge gap")};
}

void TestContentHash::sameDigestAsByteWise()
{
    QFETCH(QList<Value>, values);
    QCOMPARE(hashOf<ContentHash>(values), hashOf<Reference>(values));
}

void TestContentHash::sameDigestOnRandomRecords()
{
    // 2,000 random records of random values: texts of random UTF-16 units (zero bytes, NULs and
    // lone surrogates included), random 64-bit numbers and doubles from random bits.
    QRandomGenerator rng(20261127);
    for (int record = 0; record < 2000; ++record) {
        QList<Value> values;
        const int n = rng.bounded(12);
        for (int k = 0; k < n; ++k) {
            switch (rng.bounded(4)) {
            case 0: {
                QString text;
                const int length = rng.bounded(30);
                for (int i = 0; i < length; ++i) {
                    const quint32 r = rng.generate();
                    // Mostly ASCII, as imported text is; sometimes any unit, sometimes NUL.
                    text += (r & 3) == 0 ? QChar(char16_t(r >> 16)) : (r & 12) == 0 ? QChar(0) : QChar(0x20 + (r >> 8) % 95);
                }
                values << text;
                break;
            }
            case 1:
                values << qint64(rng.generate64() >> rng.bounded(64));
                break;
            case 2:
                values << int(rng.bounded(100)) - 50;
                break;
            default: {
                const quint64 bits = rng.generate64();
                double d;
                std::memcpy(&d, &bits, sizeof d);
                values << (std::isnan(d) ? 1.5 : d);
                break;
            }
            }
        }
        QCOMPARE(hashOf<ContentHash>(values), hashOf<Reference>(values));
    }
}

void TestContentHash::knownAuditDigest()
{
    // A digest of the byte-wise definition, computed apart (Python: FNV-1a 64 over the bytes
    // 09 00×7, "RV0000001" in UTF-16LE, 07 00×7, "Team 07" in UTF-16LE, 00×8, 4.0 as a little-endian
    // double, 01 00×7, e9 00): projects already hold hashes made this way, so it must not move.
    const QList<Value> values{QStringLiteral("RV0000001"), QStringLiteral("Team 07"), 0, 4.0, QStringLiteral("é")};
    QCOMPARE(hashOf<Reference>(values), QStringLiteral("c33cd09cacfdba24"));
    QCOMPARE(hashOf<ContentHash>(values), QStringLiteral("c33cd09cacfdba24"));
}

QTEST_GUILESS_MAIN(TestContentHash)
#include "tst_contenthash.moc"

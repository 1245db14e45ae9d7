// SPDX-License-Identifier: GPL-3.0-or-later
// Sha256 (the import's file hash): the published FIPS 180-2 examples, and every length from 0 to
// 300 bytes (all the padding cases: a tail under and over 55 bytes, exact blocks) fed in pieces of
// several sizes, against QCryptographicHash as the oracle, on both engines.
#include "import/sha256.h"

#include <QCryptographicHash>
#include <QTest>

#include <random>

using namespace ql;

Q_DECLARE_METATYPE(Sha256::Engine)

class TestSha256 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void published_data();
    void published();
    void againstQt_data();
    void againstQt();
};

void TestSha256::published_data()
{
    QTest::addColumn<Sha256::Engine>("engine");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("repeat");
    QTest::addColumn<QByteArray>("digest");
    // FIPS 180-2, appendix B (the SHA-256 examples), and the empty message.
    const QList<std::tuple<const char *, QByteArray, int, QByteArray>> examples{
        {"empty", QByteArray(""), 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", QByteArray("abc"), 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"448 bits", QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"), 1,
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {"a million a", QByteArray(1000, 'a'), 1000,
         "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"}};
    for (const auto &[name, message, repeat, digest] : examples) {
        QTest::addRow("%s, auto", name) << Sha256::Engine::Auto << message << repeat << digest;
        QTest::addRow("%s, portable", name) << Sha256::Engine::Portable << message << repeat << digest;
    }
}

void TestSha256::published()
{
    QFETCH(Sha256::Engine, engine);
    QFETCH(QByteArray, message);
    QFETCH(int, repeat);
    QFETCH(QByteArray, digest);
    Sha256 hash(engine);
    for (int i = 0; i < repeat; ++i)
        hash.addData(message);
    QCOMPARE(hash.result().toHex(), digest);
}

void TestSha256::againstQt_data()
{
    QTest::addColumn<Sha256::Engine>("engine");
    QTest::addColumn<int>("piece");
    for (int piece : {1, 3, 55, 56, 63, 64, 65, 128, 1000}) {
        QTest::addRow("auto, pieces of %d", piece) << Sha256::Engine::Auto << piece;
        QTest::addRow("portable, pieces of %d", piece) << Sha256::Engine::Portable << piece;
    }
}

void TestSha256::againstQt()
{
    QFETCH(Sha256::Engine, engine);
    QFETCH(int, piece);
    std::mt19937 random(20261127);
    for (int length = 0; length <= 300; ++length) {
        QByteArray data(length, Qt::Uninitialized);
        for (char &c : data)
            c = char(random() & 0xff);
        Sha256 hash(engine);
        for (int at = 0; at < length; at += piece)
            hash.addData(QByteArrayView(data.constData() + at, std::min(piece, length - at)));
        QCOMPARE(hash.result().toHex(), QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    }
    if (engine == Sha256::Engine::Auto && piece == 1)
        qInfo("SHA extensions %s", Sha256::hasHardwareSupport() ? "used" : "not available: QCryptographicHash");
}

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"

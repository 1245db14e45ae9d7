// SPDX-License-Identifier: GPL-3.0-or-later
// StringIndex and StringIds (core/import/stringindex.h), the import's string lookups: checked
// against std::map on random strings (many repeats, empty and non-ASCII ones, enough to grow the
// table many times), and by hand on small cases.
#include "import/stringindex.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>

using namespace ql;

class TestStringIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smallCases();
    void matchesStdMap_data();
    void matchesStdMap();
    void idsMatchStdMap();
};

void TestStringIndex::smallCases()
{
    StringIndex index;
    QVERIFY(index.isEmpty());
    QCOMPARE(index.indexOf(u"a"), -1);
    QVERIFY(!index.contains(u""));
    QCOMPARE(index.insert(u"RV1"), std::make_pair(qsizetype(0), true));
    QCOMPARE(index.insert(u"RV2"), std::make_pair(qsizetype(1), true));
    QCOMPARE(index.insert(u"RV1"), std::make_pair(qsizetype(0), false));
    QCOMPARE(index.insert(u""), std::make_pair(qsizetype(2), true)); // the empty string is a key too
    QCOMPARE(index.insert(u"rv1"), std::make_pair(qsizetype(3), true)); // case matters
    QCOMPARE(index.size(), 4);
    QCOMPARE(index.keyAt(1), u"RV2");
    QCOMPARE(index.keyAt(2), u"");
    QVERIFY(index.contains(u""));
    QVERIFY(!index.contains(u"RV"));   // a prefix of a key
    QVERIFY(!index.contains(u"RV12")); // two keys back to back in the buffer
    index.clear();
    QCOMPARE(index.size(), 0);
    QVERIFY(!index.contains(u"RV1"));
    QCOMPARE(index.insert(u"RV1"), std::make_pair(qsizetype(0), true));
}

void TestStringIndex::matchesStdMap_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("distinct");
    QTest::newRow("few, many repeats") << 5000 << 40;
    QTest::newRow("ids of a file") << 100000 << 1000000; // nearly all distinct: the table grows 12 times
}

void TestStringIndex::matchesStdMap()
{
    QFETCH(int, count);
    QFETCH(int, distinct);
    QRandomGenerator rng(27112026);
    StringIndex index;
    std::map<QString, qsizetype> oracle;
    for (int n = 0; n < count; ++n) {
        const quint32 r = rng.bounded(quint32(distinct));
        // Ids like a file's, with some non-ASCII and some empty.
        const QString key = r % 97 == 0   ? QString()
                            : r % 13 == 0 ? QStringLiteral("Zoë–%1").arg(r)
                                          : QStringLiteral("RV%1").arg(r, 7, 10, QLatin1Char('0'));
        const auto [i, added] = index.insert(key);
        const auto found = oracle.find(key);
        QCOMPARE(added, found == oracle.end());
        if (added) {
            QCOMPARE(i, qsizetype(oracle.size()));
            oracle.emplace(key, i);
        } else {
            QCOMPARE(i, found->second);
        }
        // A lookup of a string that may or may not be there.
        const QString probe = QStringLiteral("RV%1").arg(rng.bounded(quint32(distinct)), 7, 10, QLatin1Char('0'));
        const auto expected = oracle.find(probe);
        QCOMPARE(index.indexOf(probe), expected == oracle.end() ? -1 : expected->second);
    }
    QCOMPARE(index.size(), qsizetype(oracle.size()));
    for (const auto &[key, i] : oracle)
        QCOMPARE(index.keyAt(i), QStringView(key));
}

void TestStringIndex::idsMatchStdMap()
{
    QRandomGenerator rng(7);
    StringIds ids;
    std::map<QString, qint64> oracle;
    for (int n = 0; n < 20000; ++n) {
        const QString key = QStringLiteral("agent%1").arg(rng.bounded(3000));
        if (rng.bounded(3) == 0) {
            const qint64 id = 1 + rng.bounded(100000); // re-assigned sometimes, as insert_or_assign
            ids.insertOrAssign(key, id);
            oracle[key] = id;
        }
        const auto it = oracle.find(key);
        QCOMPARE(ids.value(key), it == oracle.end() ? 0 : it->second);
    }
    QCOMPARE(ids.size(), qsizetype(oracle.size()));
    const auto &[someKey, someId] = *oracle.begin();
    const QString owner = ids.keyOf(someId);
    QCOMPARE(oracle.at(owner), someId); // a key with that id (ids may repeat)
    QCOMPARE(ids.keyOf(-5), QString());
    ids.clear();
    QCOMPARE(ids.value(someKey), 0);
}

QTEST_GUILESS_MAIN(TestStringIndex)
#include "tst_stringindex.moc"

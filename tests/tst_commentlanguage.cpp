// SPDX-License-Identifier: GPL-3.0-or-later
// Comment themes in other languages (analysis.md "Comment themes": counted and left out): the
// recognition from marker words, a language dimension's values, and the split of a corpus.
#include "rca/commentlanguage.h"
#include "rca/themes.h"

#include <QTest>

using namespace ql;
using rca::CommentLanguage;

class TestCommentLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shippedMarkers();
    void detect_data();
    void detect();
    void isEnglish_data();
    void isEnglish();
    void split();

private:
    QSet<QString> m_english = rca::Themes::englishStopWords();
    QHash<QString, QSet<QString>> m_markers = CommentLanguage::markers();
};

void TestCommentLanguage::shippedMarkers()
{
    QCOMPARE(m_markers.keys().size(), 6);
    for (const char *code : {"es", "fr", "de", "it", "pt", "nl"})
        QVERIFY2(m_markers.value(QString::fromLatin1(code)).size() >= 15, code);
    // No marker is an English stop word: an English comment never counts toward another language
    // through them.
    for (auto it = m_markers.cbegin(); it != m_markers.cend(); ++it)
        for (const QString &w : it.value())
            QVERIFY2(!m_english.contains(w), qPrintable(it.key() + QLatin1Char(' ') + w));
    const auto parsed = CommentLanguage::parseMarkers(QStringLiteral("# comment\nxx: Foo bar\n\nyy baz\nzz:  qux  "));
    QCOMPARE(parsed.size(), 2); // "yy baz" has no colon
    QCOMPARE(parsed.value(QStringLiteral("xx")), (QSet<QString>{QStringLiteral("foo"), QStringLiteral("bar")}));
    QCOMPARE(parsed.value(QStringLiteral("zz")), QSet<QString>{QStringLiteral("qux")});
}

void TestCommentLanguage::detect_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << "The agent was very helpful and fixed it" << "en";
    QTest::newRow("English, no stop word") << "Refund delay" << "en";
    QTest::newRow("empty") << "" << "en";
    // the, and, up (3 English stop words) against gracias (1).
    QTest::newRow("English with a Spanish word") << "The agent said gracias and hung up" << "en";
    // con, el, muy: 3 Spanish markers; me: 1 English stop word.
    QTest::newRow("Spanish") << "No me ayudaron con el reembolso, muy mal servicio" << "es";
    // One marker, two words, no English stop word.
    QTest::newRow("short Spanish") << "Muchas gracias" << "es";
    QTest::newRow("short French") << "Merci beaucoup!" << "fr";
    // je, mon, et (fr) against nothing English.
    QTest::newRow("French") << "Je n'ai pas reçu mon remboursement et personne ne répond" << "fr";
    QTest::newRow("German") << "Das Paket ist nicht angekommen und niemand hilft" << "de";
    // il, è, molto (it 3) against il (fr 1).
    QTest::newRow("Italian") << "Il pacco non è arrivato, molto deluso" << "it";
    QTest::newRow("Portuguese") << "Não recebi o reembolso, muito ruim" << "pt";
    QTest::newRow("Dutch") << "Ik heb mijn pakket niet ontvangen" << "nl";
    QTest::newRow("upper case") << "DAS PAKET IST NICHT ANGEKOMMEN" << "de";
    // que, está are Spanish and Portuguese markers alike (2 each): another language, which one is open.
    QTest::newRow("tie") << "que está" << "other";
    // One marker in a longer comment is not enough.
    QTest::newRow("one marker, long") << "Great service overall, muy fast refund too" << "en";
}

void TestCommentLanguage::detect()
{
    QFETCH(QString, text);
    QFETCH(QString, language);
    QCOMPARE(CommentLanguage::detect(text, m_english, m_markers), language);
}

void TestCommentLanguage::isEnglish_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("english");
    QTest::newRow("en") << "en" << true;
    QTest::newRow("EN") << "EN" << true;
    QTest::newRow("en-US") << "en-US" << true;
    QTest::newRow("en_GB") << "en_GB" << true;
    QTest::newRow("eng") << "eng" << true;
    QTest::newRow("English") << " English " << true;
    QTest::newRow("es") << "es" << false;
    QTest::newRow("Spanish") << "Spanish" << false;
    QTest::newRow("ENG-like word") << "engineering" << false;
    QTest::newRow("blank") << "" << false;
}

void TestCommentLanguage::isEnglish()
{
    QFETCH(QString, value);
    QFETCH(bool, english);
    QCOMPARE(CommentLanguage::isEnglish(value), english);
}

void TestCommentLanguage::split()
{
    // Customers' comments 1–5; the data declares 1 (English), 2 (es), 3 (en-GB); 4 and 5 are read.
    // Auditors' comments are looked up by their audit (auditId), not their own id.
    QList<StoredComment> comments;
    auto comment = [](qint64 id, qint64 audit, const QString &text) {
        StoredComment c;
        c.id = id;
        c.auditId = audit;
        c.text = text;
        c.negative = true;
        return c;
    };
    comments << comment(1, 11, QStringLiteral("Gracias por nada")) // declared English: kept whatever it says
             << comment(2, 12, QStringLiteral("The agent was rude")) // declared es: left out
             << comment(3, 13, QStringLiteral("Fine"))
             << comment(4, 14, QStringLiteral("No me ayudaron con el reembolso"))
             << comment(5, 15, QStringLiteral("Refund took three weeks"));
    const QHash<qint64, QString> declared{{1, QStringLiteral("English")}, {2, QStringLiteral("es")},
                                          {3, QStringLiteral("en-GB")}};
    const rca::LanguageSplit s = CommentLanguage::split(comments, declared, false, m_english, m_markers);
    QList<qint64> kept;
    for (const StoredComment &c : s.english)
        kept << c.id;
    QCOMPARE(kept, (QList<qint64>{1, 3, 5}));
    QCOMPARE(s.declared, 3);
    QCOMPARE(s.others.value(QStringLiteral("es")), 2); // one declared, one read
    QCOMPARE(s.othersTotal(), 2);

    // By audit: audit 14 declared German, nothing else declared.
    const rca::LanguageSplit a =
        CommentLanguage::split(comments, {{14, QStringLiteral("de")}}, true, m_english, m_markers);
    QCOMPARE(a.declared, 1);
    QCOMPARE(a.others, (QMap<QString, qint64>{{QStringLiteral("de"), 1}, {QStringLiteral("es"), 1}}));
    QCOMPARE(a.english.size(), 3); // 2, 3, 5 (1: "Gracias por nada" has por and gracias)
}

QTEST_MAIN(TestCommentLanguage)
#include "tst_commentlanguage.moc"

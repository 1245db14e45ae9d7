// SPDX-License-Identifier: GPL-3.0-or-later
// Comment themes (analysis.md "Comment themes"): tokens, terms and stop words, light stemming, the
// weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008) on a tiny
// corpus computed by hand, example comments; on a small demo, the refund-delay comments lead the
// dissatisfied themes of the last month.
#include "demo/demogenerator.h"
#include "pivot/cubebuilder.h"
#include "rca/themes.h"
#include "store/commentstore.h"
#include "store/project.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ql;
using namespace ql::rca;

class TestThemes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokenize_data();
    void tokenize();
    void termsAndStopWords();
    void stemming_data();
    void stemming();
    void shippedStopWords();
    void maskNames_data();
    void maskNames();
    void logOddsByHand();
    void minimumDocumentsAndExamples();
    void demoRefundDelay();
    void filtersKeepTheSlicesComments();
};

void TestThemes::tokenize_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tokens");
    QTest::newRow("case and punctuation")
        << QStringLiteral("Still waiting, for my REFUND!!")
        << QStringList{QStringLiteral("still"), QStringLiteral("waiting"), QStringLiteral("for"), QStringLiteral("my"),
                       QStringLiteral("refund")};
    QTest::newRow("apostrophes inside words") << QStringLiteral("Didn\u2019t help, won't 'call'")
                                              << QStringList{QStringLiteral("didn't"), QStringLiteral("help"),
                                                             QStringLiteral("won't"), QStringLiteral("call")};
    QTest::newRow("digits and accents") << QStringLiteral("3 weeks — très lent")
                                        << QStringList{QStringLiteral("3"), QStringLiteral("weeks"),
                                                       QStringLiteral("très"), QStringLiteral("lent")};
    QTest::newRow("empty") << QString() << QStringList{};
}

void TestThemes::tokenize()
{
    QFETCH(QString, text);
    QFETCH(QStringList, tokens);
    QCOMPARE(Themes::tokenize(text), tokens);
}

void TestThemes::termsAndStopWords()
{
    // Stop words {the, was, it}. "The refund was not processed": unigrams refund, not, processed;
    // phrases formed before stop words go: "the refund", "refund was", "was not", "not processed"
    // (each has a word that is no stop word). "it was the end": "it was" and "was the" are stop
    // words only and go; "the end" stays.
    const QSet<QString> stop{QStringLiteral("the"), QStringLiteral("was"), QStringLiteral("it")};
    QCOMPARE(Themes::terms(QStringLiteral("The refund was not processed"), stop, false),
             (QSet<QString>{QStringLiteral("refund"), QStringLiteral("not"), QStringLiteral("processed"),
                            QStringLiteral("the refund"), QStringLiteral("refund was"), QStringLiteral("was not"),
                            QStringLiteral("not processed")}));
    QCOMPARE(Themes::terms(QStringLiteral("it was the end"), stop, false),
             (QSet<QString>{QStringLiteral("end"), QStringLiteral("the end")}));
    // With stemming, phrases are made of stems.
    QCOMPARE(Themes::terms(QStringLiteral("refunds delayed"), stop, true),
             (QSet<QString>{QStringLiteral("refund"), QStringLiteral("delay"), QStringLiteral("refund delay")}));
}

void TestThemes::stemming_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("stem");
    QTest::newRow("refunds") << QStringLiteral("refunds") << QStringLiteral("refund");
    QTest::newRow("refunded") << QStringLiteral("refunded") << QStringLiteral("refund");
    QTest::newRow("refunding") << QStringLiteral("refunding") << QStringLiteral("refund");
    QTest::newRow("arrived") << QStringLiteral("arrived") << QStringLiteral("arrive");
    QTest::newRow("arriving") << QStringLiteral("arriving") << QStringLiteral("arrive");
    QTest::newRow("arrives") << QStringLiteral("arrives") << QStringLiteral("arrive");
    QTest::newRow("replaced") << QStringLiteral("replaced") << QStringLiteral("replace");
    QTest::newRow("delayed") << QStringLiteral("delayed") << QStringLiteral("delay");
    QTest::newRow("boxes") << QStringLiteral("boxes") << QStringLiteral("box");
    QTest::newRow("process (ss)") << QStringLiteral("process") << QStringLiteral("process");
    QTest::newRow("status (us)") << QStringLiteral("status") << QStringLiteral("status");
    QTest::newRow("short") << QStringLiteral("was") << QStringLiteral("was");
    QTest::newRow("negation kept") << QStringLiteral("didn't") << QStringLiteral("didn't");
}

void TestThemes::stemming()
{
    QFETCH(QString, word);
    QFETCH(QString, stem);
    QCOMPARE(Themes::stem(word), stem);
}

void TestThemes::shippedStopWords()
{
    const QSet<QString> stop = Themes::englishStopWords();
    QVERIFY(stop.size() > 100);
    QVERIFY(stop.contains(QStringLiteral("the")));
    QVERIFY(stop.contains(QStringLiteral("was")));
    // Negations are kept: "not resolved" is the phrase that matters.
    for (const char *w : {"not", "no", "never", "nor", "don't", "didn't", "won't", "can't"})
        QVERIFY2(!stop.contains(QLatin1String(w)), w);
    QVERIFY(!Themes::loadStopWords(QStringLiteral("/nonexistent/stop.txt")));
}

void TestThemes::maskNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    QTest::newRow("first and last name, any case") << QStringLiteral("Freya POPESCU was great, thanks freya!")
                                                   << QStringLiteral("[name] [name] was great, thanks [name]!");
    QTest::newRow("possessive") << QStringLiteral("Marco\u2019s reply") << QStringLiteral("[name] reply");
    QTest::newRow("whole words only") << QStringLiteral("Freyan marcos") << QStringLiteral("Freyan marcos");
    // "Will" is a stop word: a name token that would blank every "will" is kept.
    QTest::newRow("stop word name") << QStringLiteral("I will call") << QStringLiteral("I will call");
}

void TestThemes::maskNames()
{
    QFETCH(QString, text);
    QFETCH(QString, masked);
    const QSet<QString> tokens = Themes::nameTokens(
        {QStringLiteral("Freya Popescu"), QStringLiteral("Marco Hussain"), QStringLiteral("Will Smith")},
        Themes::englishStopWords());
    QVERIFY(!tokens.contains(QStringLiteral("will")));
    QCOMPARE(Themes::maskNames(text, tokens), masked);
}

void TestThemes::logOddsByHand()
{
    // Focus (dissatisfied): F1 "not resolved", F2 "Not resolved.", F3 "slow".
    // Reference (satisfied): R1 "resolved", R2 "quick", R3 "Quick!".
    // Document counts, focus/reference: not 2/0, resolved 2/1, "not resolved" 2/0, slow 1/0, quick 0/2;
    // n_f = 2 + 2 + 2 + 1 = 7, n_r = 1 + 2 = 3; prior α_w = pooled count, α₀ = 10.
    // not:      δ = ln(4/(7+10−2−2)) − ln(2/(3+10−0−2)) = ln(4/13) − ln(2/11) = 0.5260931;
    //           σ² = 1/4 + 1/2 = 0.75;  z = 0.5260931/0.8660254 = 0.6074800.
    // slow:     δ = ln(2/15) − ln(1/12) = ln 1.6 = 0.4700036;  σ² = 1/2 + 1/1;  z = 0.3837564.
    // resolved: δ = ln(5/12) − ln(4/9) = −0.0645385;  σ² = 1/5 + 1/4;  z = −0.0962083.
    // quick:    δ = ln(2/15) − ln(4/9) = ln 0.3 = −1.2039728;  σ² = 1/2 + 1/4;  z = −1.3902280.
    QList<ThemeDocument> docs{
        {1, QDate(2026, 10, 1), QStringLiteral("not resolved"), true},
        {2, QDate(2026, 10, 2), QStringLiteral("Not resolved."), true},
        {3, QDate(2026, 10, 3), QStringLiteral("slow"), true},
        {4, QDate(2026, 10, 1), QStringLiteral("resolved"), false},
        {5, QDate(2026, 10, 2), QStringLiteral("quick"), false},
        {6, QDate(2026, 10, 3), QStringLiteral("Quick!"), false},
    };
    ThemeOptions options;
    options.minDocuments = 1;
    const ThemesResult r = Themes::rank(docs, QSet<QString>{}, options);
    QCOMPARE(r.focusDocuments, 3);
    QCOMPARE(r.referenceDocuments, 3);
    QCOMPARE(r.themes.size(), 5);
    const QStringList order{QStringLiteral("not"), QStringLiteral("not resolved"), QStringLiteral("slow"),
                            QStringLiteral("resolved"), QStringLiteral("quick")};
    const QList<double> z{0.6074800, 0.6074800, 0.3837564, -0.0962083, -1.3902280};
    const QList<double> delta{0.5260931, 0.5260931, 0.4700036, -0.0645385, -1.2039728};
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(r.themes[i].term, order[i]);
        QVERIFY2(std::abs(r.themes[i].z - z[i]) < 1e-7, qPrintable(QString::number(r.themes[i].z, 'g', 10)));
        QVERIFY(std::abs(r.themes[i].delta - delta[i]) < 1e-7);
    }
    QCOMPARE(r.themes[0].focusDocs, 2);
    QCOMPARE(r.themes[0].referenceDocs, 0);
    // Examples come from the group the term leans to, newest first: "resolved" leans to the
    // satisfied side (R1 only); "not" to the dissatisfied (F2 then F1).
    QCOMPARE(r.themes[0].examples, (QList<qint64>{2, 1}));
    QCOMPARE(r.themes[3].examples, (QList<qint64>{4}));
}

void TestThemes::minimumDocumentsAndExamples()
{
    // "refund" in six dissatisfied comments (two on the same, latest day: ties by id, larger first);
    // "thanks" in four satisfied ones only: under the minimum of five documents, left out.
    QList<ThemeDocument> docs;
    for (int i = 1; i <= 6; ++i)
        docs << ThemeDocument{i, QDate(2026, 10, qMin(i, 5)), QStringLiteral("refund"), true};
    for (int i = 7; i <= 10; ++i)
        docs << ThemeDocument{i, QDate(2026, 10, 1), QStringLiteral("thanks"), false};
    const ThemesResult r = Themes::rank(docs, {}, ThemeOptions{});
    QCOMPARE(r.themes.size(), 1);
    QCOMPARE(r.themes[0].term, QStringLiteral("refund"));
    QCOMPARE(r.themes[0].examples, (QList<qint64>{6, 5, 4}));
}

void TestThemes::demoRefundDelay()
{
    QTemporaryDir dir;
    ProjectError perr;
    auto project = Project::create(dir.filePath(QStringLiteral("demo.qlens")), true, &perr);
    QVERIFY(project);
    DemoOptions o;
    o.agents = 60;
    o.months = 6;
    QString error;
    QVERIFY2(generateDemo(*project, o, {}, &error), qPrintable(error));
    const auto comments =
        CommentStore::customerComments(project->database(), QDate(2026, 10, 1), QDate(2026, 10, 31), &error);
    QVERIFY2(comments, qPrintable(error));
    QVERIFY(!comments->isEmpty());
    const QList<ThemeDocument> docs = Themes::documents(*comments);
    QVERIFY(docs.size() <= comments->size()); // neutral responses are left out
    ThemeOptions options;
    options.stem = true;
    const ThemesResult r = Themes::rank(docs, Themes::englishStopWords(), options);
    QVERIFY(r.focusDocuments > 0 && r.referenceDocuments > 0);
    QStringList top;
    for (int i = 0; i < qMin<qsizetype>(5, r.themes.size()); ++i)
        top << QStringLiteral("%1 (z %2, %3/%4)")
                   .arg(r.themes[i].term)
                   .arg(r.themes[i].z, 0, 'f', 2)
                   .arg(r.themes[i].focusDocs)
                   .arg(r.themes[i].referenceDocs);
    qInfo("%s", qPrintable(top.join(QStringLiteral("; "))));
    QVERIFY2(top.join(QLatin1Char(' ')).contains(QStringLiteral("refund")), qPrintable(top.join(QStringLiteral("; "))));
    // The examples of the leading theme are dissatisfied comments of the month, newest first.
    QHash<qint64, StoredComment> byId;
    for (const StoredComment &c : *comments)
        byId.insert(c.id, c);
    const Theme &lead = r.themes.first();
    QCOMPARE(lead.examples.size(), 3);
    for (const qint64 id : lead.examples)
        QVERIFY(byId.value(id).negative);
    QVERIFY(byId.value(lead.examples[0]).date >= byId.value(lead.examples[1]).date);
    // Agents' names read from the project mask an example that names one.
    const auto names = CommentStore::agentNames(project->database(), &error);
    QVERIFY2(names && !names->isEmpty(), qPrintable(error));
    const QSet<QString> tokens = Themes::nameTokens(*names, Themes::englishStopWords());
    const QString first = names->first().split(QLatin1Char(' ')).first();
    QCOMPARE(Themes::maskNames(QStringLiteral("Thanks %1!").arg(first), tokens), QStringLiteral("Thanks [name]!"));

    // The auditors' corpus: comments on failed answers (c below the criterion's pass level) against
    // those on passed ones, of audits not superseded, never mixed with the customers'.
    const auto notes = CommentStore::auditorComments(project->database(), {}, {}, &error);
    QVERIFY2(notes, qPrintable(error));
    QSqlQuery q(project->database());
    QVERIFY(q.exec(QStringLiteral(
                "SELECT sum(an.c < c.pass_level), sum(an.c >= c.pass_level) FROM answers an JOIN audits a ON "
                "a.id = an.audit_id JOIN criteria c ON c.id = an.criterion_id WHERE an.comment <> '' AND an.na = 0 "
                "AND an.c IS NOT NULL AND a.superseded_by IS NULL")) &&
            q.next());
    const ThemesResult auditors = Themes::rank(Themes::documents(*notes), Themes::englishStopWords());
    QCOMPARE(auditors.focusDocuments, q.value(0).toLongLong());
    QCOMPARE(auditors.referenceDocuments, q.value(1).toLongLong());
    QVERIFY(auditors.focusDocuments > 0);
}

void TestThemes::filtersKeepTheSlicesComments()
{
    // Customers' comments kept by a queue filter are exactly the responses of that queue (read in
    // SQL), and auditors' comments exactly those on that queue's audits.
    QTemporaryDir dir;
    ProjectError perr;
    auto project = Project::create(dir.filePath(QStringLiteral("demo.qlens")), true, &perr);
    QVERIFY(project);
    DemoOptions o;
    o.agents = 30;
    o.months = 3;
    QString error;
    QVERIFY2(generateDemo(*project, o, {}, &error), qPrintable(error));
    const QSqlDatabase db = project->database();
    const auto audits = CubeBuilder::build(db, PivotSource::Audits, {}, &error);
    QVERIFY2(audits, qPrintable(error));
    const auto csat = CubeBuilder::build(db, PivotSource::Csat, {}, &error, audits);
    QVERIFY2(csat, qPrintable(error));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT id, name FROM queues ORDER BY name LIMIT 1")) && q.next());
    const qint64 queueId = q.value(0).toLongLong();
    const QString queue = q.value(1).toString();
    const QList<PivotFilter> filters{PivotFilter{QStringLiteral("queue"), false, {queue}}};
    const PivotOptions options = PivotOptions::fromProject(db);

    const auto customers = CommentStore::customerComments(db, {}, {}, &error);
    QVERIFY2(customers, qPrintable(error));
    const auto keptCustomers = Themes::keep(*customers, *csat, filters, options, &error);
    QVERIFY2(keptCustomers, qPrintable(error));
    QSet<qint64> expected;
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM csat_responses WHERE comment IS NOT NULL AND comment <> '' AND queue_id = %1")
                       .arg(queueId)));
    while (q.next())
        expected.insert(q.value(0).toLongLong());
    QSet<qint64> got;
    for (const StoredComment &c : *keptCustomers)
        got.insert(c.id);
    QVERIFY(!expected.isEmpty());
    QVERIFY(expected.size() < customers->size());
    QCOMPARE(got, expected);

    const auto auditors = CommentStore::auditorComments(db, {}, {}, &error);
    QVERIFY2(auditors, qPrintable(error));
    const auto keptAuditors = Themes::keep(*auditors, *audits, filters, options, &error);
    QVERIFY2(keptAuditors, qPrintable(error));
    QSet<qint64> queueAudits;
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM audits WHERE queue_id = %1").arg(queueId)));
    while (q.next())
        queueAudits.insert(q.value(0).toLongLong());
    qsizetype inQueue = 0;
    for (const StoredComment &c : *auditors)
        inQueue += queueAudits.contains(c.auditId);
    QVERIFY(inQueue > 0 && inQueue < auditors->size());
    QCOMPARE(keptAuditors->size(), inQueue);
    for (const StoredComment &c : *keptAuditors)
        QVERIFY(queueAudits.contains(c.auditId));

    // No filters: everything; an unknown dimension: an error.
    QCOMPARE(Themes::keep(*customers, *csat, {}, options, &error)->size(), customers->size());
    QVERIFY(!Themes::keep(*customers, *csat, {PivotFilter{QStringLiteral("nope"), false, {queue}}}, options, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestThemes)
#include "tst_themes.moc"

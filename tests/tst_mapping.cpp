// SPDX-License-Identifier: GPL-3.0-or-later
// The import mapping JSON of formats.md: what is read, the defaults, every refusal naming its key,
// the round trip through toJson(), value maps, dates, and the shipped presets.
#include "import/answerreader.h"
#include "import/datereader.h"
#include "import/importmapping.h"
#include "import/mappingsuggestion.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace ql;

namespace {

QByteArray longMapping(const QByteArray &extra = {})
{
    return R"({"kind": "audits-long", "scorecard": "Support QA", "columns": {"audit_id": "Review ID", "date": "Date",
              "agent": "Reviewee", "criterion": "Category", "value": "Rating"})" +
           extra + "}";
}

} // namespace

class TestMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatsExample();
    void defaults();
    void refusals_data();
    void refusals();
    void roundTrip_data();
    void roundTrip();
    void csatScales_data();
    void csatScales();
    void valueMapMatching();
    void answers_data();
    void answers();
    void dates_data();
    void dates();
    void presetsParse();
    void suggestions_data();
    void suggestions();
    void suggestedCriteriaColumns();
};

void TestMapping::formatsExample()
{
    // The example of formats.md "Import mapping", verbatim.
    const QByteArray text = R"({
  "kind": "audits-long",
  "source": "zendesk-qa",
  "scorecard": "Support QA",
  "scorecard_version": null,
  "csv": { "delimiter": "auto", "encoding": "auto", "decimal": "." },
  "date_format": "auto",
  "time_zone": null,
  "columns": {
    "audit_id": "Review ID", "ticket_id": "Conversation ID", "date": "Reviewed at",
    "agent": "Reviewee", "auditor": "Reviewer", "team": "Team", "queue": "Queue",
    "channel": "Channel", "criterion": "Category", "value": "Rating",
    "comment": "Comment", "root_cause": "Root cause"
  },
  "dimensions": { "product": "Product" },
  "values": { "value": { "N/A": "na", "Yes": 1, "No": 0 } },
  "criteria": { "Empathy": "tone" },
  "mask": ["card"]
})";
    QString error;
    const auto m = ImportMapping::parse(text, &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->kind, ImportMapping::Kind::AuditsLong);
    QCOMPARE(m->source, QStringLiteral("zendesk-qa"));
    QCOMPARE(m->scorecard, QStringLiteral("Support QA"));
    QVERIFY(!m->scorecardVersion);
    QVERIFY(m->delimiter.isNull());
    QCOMPARE(m->encoding, QStringLiteral("auto"));
    QCOMPARE(m->columnFor(u"agent"), QStringLiteral("Reviewee"));
    QCOMPARE(m->columnFor(u"root_cause"), QStringLiteral("Root cause"));
    QCOMPARE(m->dimensions.size(), 1);
    QCOMPARE(m->criterionForLabel(u"Empathy"), QStringLiteral("tone"));
    QCOMPARE(m->criterionForLabel(u" empathy "), QStringLiteral("tone"));
    const ValueMap *values = m->valuesFor(u"value");
    QVERIFY(values);
    QCOMPARE(values->find(u"N/A")->kind, ValueMap::Value::NotApplicable);
    QCOMPARE(values->find(u"yes")->number, 1.0);
    QCOMPARE(m->mask, unsigned(ImportMapping::MaskCard));
}

void TestMapping::defaults()
{
    QString error;
    const auto m = ImportMapping::parse(longMapping(), &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->source, QStringLiteral("default"));
    QCOMPARE(m->dateFormat, QStringLiteral("auto"));
    QCOMPARE(m->decimal, QChar(u'.'));
    QCOMPARE(m->mask, unsigned(ImportMapping::MaskCard));
    QVERIFY(m->masksCards());

    const auto noCard = ImportMapping::parse(longMapping(R"(, "mask": ["email"])"), &error);
    QVERIFY(noCard);
    QVERIFY(!noCard->masksCards());

    const auto csat = ImportMapping::parse(
        R"({"kind": "csat", "columns": {"response_id": "Id", "date": "Date", "score": "Rating"}})", &error);
    QVERIFY2(csat, qPrintable(error));
    QCOMPARE(csat->csatScale.min, 1);
    QCOMPARE(csat->csatScale.max, 5);
    QCOMPARE(csat->csatScale.satisfied, (QList<double>{4, 5}));
    QCOMPARE(csat->csatScale.dissatisfied, (QList<double>{1, 2}));
    QCOMPARE(csat->csatScale.storedName(), QStringLiteral("1-5"));
}

void TestMapping::refusals_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::newRow("not json") << QByteArray("{") << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("a mapping is a JSON object");
    QTest::newRow("unknown key") << longMapping(R"(, "colums": {})") << QStringLiteral("colums: unknown key");
    QTest::newRow("no kind") << QByteArray(R"({"columns": {}})") << QStringLiteral("kind: missing");
    QTest::newRow("bad kind") << QByteArray(R"({"kind": "audits"})")
                              << QStringLiteral("kind: \"audits\" is not one of");
    QTest::newRow("no columns") << QByteArray(R"({"kind": "agents"})")
                                << QStringLiteral("columns: missing; agents files need agent");
    QTest::newRow("required field missing")
        << QByteArray(
               R"({"kind": "audits-long", "scorecard": "S", "columns": {"audit_id": "a", "date": "d", "agent": "g", "criterion": "c"}})")
        << QStringLiteral("columns: audits-long files need the value field");
    QTest::newRow("unknown field") << longMapping().replace("\"Rating\"", "\"Rating\", \"score\": \"S\"")
                                   << QStringLiteral("columns.score: not a field of audits-long files");
    QTest::newRow("column not text") << longMapping().replace("\"Rating\"", "5")
                                     << QStringLiteral("columns.value: expected text, found a number");
    QTest::newRow("empty column") << longMapping().replace("\"Rating\"", "\"  \"")
                                  << QStringLiteral("columns.value: must not be empty");
    QTest::newRow("no scorecard")
        << QByteArray(
               R"({"kind": "audits-long", "columns": {"audit_id": "a", "date": "d", "agent": "g", "criterion": "c", "value": "v"}})")
        << QStringLiteral("scorecard: missing");
    QTest::newRow("scorecard_version text") << longMapping(R"(, "scorecard_version": "2")")
                                            << QStringLiteral("scorecard_version: must be null or a version number");
    QTest::newRow("scorecard_version 0") << longMapping(R"(, "scorecard_version": 0)")
                                         << QStringLiteral("scorecard_version: must be null");
    QTest::newRow("csv key") << longMapping(R"(, "csv": {"quote": "'"})") << QStringLiteral("csv.quote: unknown key");
    QTest::newRow("delimiter") << longMapping(R"(, "csv": {"delimiter": "ab"})")
                               << QStringLiteral("csv.delimiter: \"ab\" is not");
    QTest::newRow("delimiter quote") << longMapping(R"(, "csv": {"delimiter": "\""})")
                                     << QStringLiteral("csv.delimiter:");
    QTest::newRow("encoding") << longMapping(R"(, "csv": {"encoding": "ebcdic"})")
                              << QStringLiteral("csv.encoding: \"ebcdic\" is not auto");
    QTest::newRow("decimal") << longMapping(R"(, "csv": {"decimal": ";"})")
                             << QStringLiteral("csv.decimal: must be \".\" or \",\"");
    QTest::newRow("date_format") << longMapping(R"(, "date_format": "HH:mm")")
                                 << QStringLiteral("date_format: \"HH:mm\" is not \"auto\"");
    QTest::newRow("time_zone") << longMapping(R"(, "time_zone": "Mars/Olympus")")
                               << QStringLiteral("time_zone: \"Mars/Olympus\" is not an IANA time zone");
    QTest::newRow("dimension clash") << longMapping(R"(, "dimensions": {"team": "Team"})")
                                     << QStringLiteral("dimensions.team: \"team\" is a built-in field");
    QTest::newRow("values field") << longMapping(R"(, "values": {"rating": {"a": 1}})")
                                  << QStringLiteral("values.rating: not a field of audits-long files");
    QTest::newRow("values type") << longMapping(R"(, "values": {"value": {"a": true}})")
                                 << QStringLiteral("values.value.a: must be a number, a text or \"na\"");
    QTest::newRow("criteria key") << longMapping(R"(, "criteria": {"Empathy": "Tone!"})")
                                  << QStringLiteral("criteria.Empathy: \"Tone!\" is not a criterion key");
    QTest::newRow("mask") << longMapping(R"(, "mask": ["card", "ssn"])")
                          << QStringLiteral("mask[1]: \"ssn\" is not one of card, email, phone, iban");
    QTest::newRow("mask not list") << longMapping(R"(, "mask": "card")") << QStringLiteral("mask: expected a list");
    QTest::newRow("criteria_columns in long")
        << longMapping(R"(, "criteria_columns": {"A": "a"})")
        << QStringLiteral("criteria_columns: only audits-wide mappings have this key");
    QTest::newRow("scale in audits") << longMapping(R"(, "scale": {"min": 1, "max": 5})")
                                     << QStringLiteral("scale: only csat mappings have this key");
    QTest::newRow("wide without criteria_columns")
        << QByteArray(
               R"({"kind": "audits-wide", "scorecard": "S", "columns": {"audit_id": "a", "date": "d", "agent": "g"}})")
        << QStringLiteral("criteria_columns: missing");
    QTest::newRow("wide with value column")
        << QByteArray(
               R"({"kind": "audits-wide", "scorecard": "S", "columns": {"audit_id": "a", "date": "d", "agent": "g", "value": "v"}, "criteria_columns": {"T": "tone"}})")
        << QStringLiteral("columns.value: not a field of audits-wide files");
    QTest::newRow("csat scale min>=max")
        << QByteArray(
               R"({"kind": "csat", "columns": {"response_id": "i", "date": "d", "score": "s"}, "scale": {"min": 5, "max": 1}})")
        << QStringLiteral("scale: min and max must be whole numbers with min < max");
    QTest::newRow("csat odd scale without sets")
        << QByteArray(
               R"({"kind": "csat", "columns": {"response_id": "i", "date": "d", "score": "s"}, "scale": {"min": 1, "max": 4}})")
        << QStringLiteral("scale: 1–4 has no default satisfied and dissatisfied sets");
    QTest::newRow("csat satisfied outside")
        << QByteArray(
               R"({"kind": "csat", "columns": {"response_id": "i", "date": "d", "score": "s"}, "satisfied": [6]})")
        << QStringLiteral("satisfied[0]: must be a whole number from 1 to 5");
    QTest::newRow("csat label unknown")
        << QByteArray(
               R"({"kind": "csat", "columns": {"response_id": "i", "date": "d", "score": "s"}, "scale": {"labels": ["bad", "good"]}, "satisfied": ["great"]})")
        << QStringLiteral("satisfied[0]: \"great\" is not one of the scale's labels");
    QTest::newRow("csat overlap")
        << QByteArray(
               R"({"kind": "csat", "columns": {"response_id": "i", "date": "d", "score": "s"}, "satisfied": [4, 5], "dissatisfied": [1, 5]})")
        << QStringLiteral("satisfied: 5 is in both");
}

void TestMapping::refusals()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!ImportMapping::parse(json, &error));
    QVERIFY2(error.startsWith(expected), qPrintable(error + QStringLiteral(" | expected: ") + expected));
}

void TestMapping::roundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("long") << longMapping(
        R"(, "source": "maestro", "dimensions": {"product": "P"}, "values": {"value": {"N/A": "na", "Yes": 1, "Meh": "Partial"}}, "criteria": {"Empathy": "tone"}, "mask": ["card", "email", "phone", "iban"], "csv": {"delimiter": ";", "encoding": "windows-1252", "decimal": ","}, "date_format": "d.M.yyyy", "time_zone": "Europe/Berlin", "scorecard_version": 2)");
    QTest::newRow("wide") << QByteArray(
        R"({"kind": "audits-wide", "scorecard": "S", "columns": {"audit_id": "a", "date": "d", "agent": "g"}, "criteria_columns": {"Tone": "tone"}, "root_cause_columns": {"Tone RC": "tone"}, "values": {"tone": {"x": 1}}})");
    QTest::newRow("csat labels") << QByteArray(
        R"({"kind": "csat", "columns": {"response_id": "i", "date": "d", "score": "s"}, "scale": {"labels": ["bad", "ok", "good"]}})");
    QTest::newRow("csat nps") << QByteArray(
        R"({"kind": "csat", "columns": {"response_id": "i", "date": "d", "score": "s"}, "scale": {"min": 0, "max": 10}})");
    QTest::newRow("agents") << QByteArray(
        R"({"kind": "agents", "columns": {"agent": "Id", "team": "Team", "valid_from": "From", "aliases": "Other ids"}, "mask": []})");
    QTest::newRow("interactions") << QByteArray(
        R"({"kind": "interactions", "columns": {"ticket_id": "Id", "transcript": "Text"}})");
}

void TestMapping::roundTrip()
{
    QFETCH(QByteArray, json);
    QString error;
    const auto m = ImportMapping::parse(json, &error);
    QVERIFY2(m, qPrintable(error));
    const auto again = ImportMapping::parse(m->toJsonText(), &error);
    QVERIFY2(again, qPrintable(error + QStringLiteral(" in ") + QString::fromUtf8(m->toJsonText())));
    QCOMPARE(again->toJson(), m->toJson());
}

void TestMapping::csatScales_data()
{
    QTest::addColumn<QByteArray>("scale");
    QTest::addColumn<QList<double>>("satisfied");
    QTest::addColumn<QList<double>>("dissatisfied");
    QTest::newRow("1-3") << QByteArray(R"({"min": 1, "max": 3})") << QList<double>{3} << QList<double>{1};
    QTest::newRow("1-5") << QByteArray(R"({"min": 1, "max": 5})") << QList<double>{4, 5} << QList<double>{1, 2};
    QTest::newRow("1-7") << QByteArray(R"({"min": 1, "max": 7})") << QList<double>{6, 7} << QList<double>{1, 2};
    QTest::newRow("0-10") << QByteArray(R"({"min": 0, "max": 10})") << QList<double>{9, 10}
                          << QList<double>{0, 1, 2, 3, 4, 5, 6};
}

void TestMapping::csatScales()
{
    QFETCH(QByteArray, scale);
    QFETCH(QList<double>, satisfied);
    QFETCH(QList<double>, dissatisfied);
    QString error;
    const auto m = ImportMapping::parse(
        R"({"kind": "csat", "columns": {"response_id": "i", "date": "d", "score": "s"}, "scale": )" + scale + "}",
        &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->csatScale.satisfied, satisfied);
    QCOMPARE(m->csatScale.dissatisfied, dissatisfied);

    const auto labels = ImportMapping::parse(
        R"({"kind": "csat", "columns": {"response_id": "i", "date": "d", "score": "s"}, "scale": {"labels": ["bad", "good"]}})",
        &error);
    QVERIFY(labels);
    QCOMPARE(labels->csatScale.satisfiedLabels, QStringList{QStringLiteral("good")});
    QCOMPARE(labels->csatScale.dissatisfiedLabels, QStringList{QStringLiteral("bad")});
    QCOMPARE(labels->csatScale.storedName(), QStringLiteral("labels:bad,good"));
}

void TestMapping::valueMapMatching()
{
    ValueMap map;
    map.insert(QStringLiteral("Yes"), {ValueMap::Value::Number, 1, {}});
    map.insert(QStringLiteral("yes"), {ValueMap::Value::Number, 2, {}});
    map.insert(QStringLiteral("N/A"), {ValueMap::Value::NotApplicable, 0, {}});
    QCOMPARE(map.find(u"Yes")->number, 1.0);   // exact first
    QCOMPARE(map.find(u"yes")->number, 2.0);   // exact first
    QCOMPARE(map.find(u" YES ")->number, 1.0); // then case-insensitively, trimmed
    QCOMPARE(map.find(u"n/a")->kind, ValueMap::Value::NotApplicable);
    QVERIFY(!map.find(u"No"));
}

void TestMapping::answers_data()
{
    QTest::addColumn<QString>("scale"); // binary, range, options
    QTest::addColumn<bool>("allowNa");
    QTest::addColumn<QString>("cell");
    QTest::addColumn<int>("state"); // AnswerInput::State
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("reason");

    const int rated = AnswerInput::Rated, na = AnswerInput::NotApplicable, missing = AnswerInput::Missing;
    QTest::newRow("empty is not answered") << "range" << false << "  " << missing << 0.0 << "";
    QTest::newRow("integer in range") << "range" << false << "4" << rated << 4.0 << "";
    QTest::newRow("integer with spaces") << "range" << false << " 5 " << rated << 5.0 << "";
    QTest::newRow("outside") << "range" << false << "7" << missing << 0.0
                             << "value \"7\" for criterion tone is outside its scale 1–5";
    QTest::newRow("zero outside") << "range" << false << "0" << missing << 0.0
                                  << "value \"0\" for criterion tone is outside its scale 1–5";
    QTest::newRow("non-integer")
        << "range" << false << "3.5" << missing << 0.0
        << "value \"3.5\" for criterion tone is not a whole number (its scale 1–5 takes whole numbers)";
    QTest::newRow("not a number") << "range" << false << "good" << missing << 0.0
                                  << "value \"good\" for criterion tone is not a number (its scale is 1–5)";
    QTest::newRow("N/A allowed") << "range" << true << "N/A" << na << 0.0 << "";
    QTest::newRow("n/a allowed") << "range" << true << "n/a" << na << 0.0 << "";
    QTest::newRow("NA allowed") << "range" << true << "NA" << na << 0.0 << "";
    QTest::newRow("dash allowed") << "range" << true << "-" << na << 0.0 << "";
    QTest::newRow("N/A refused") << "range" << false << "N/A" << missing << 0.0
                                 << "value \"N/A\" for criterion tone is N/A, which the criterion does not allow";
    QTest::newRow("binary 1") << "binary" << false << "1" << rated << 1.0 << "";
    QTest::newRow("binary 2") << "binary" << false << "2" << missing << 0.0
                              << "value \"2\" for criterion tone is outside its scale binary";
    QTest::newRow("binary Yes without map") << "binary" << false << "Yes" << missing << 0.0
                                            << "value \"Yes\" for criterion tone is not a number (its scale is binary)";
    QTest::newRow("option label") << "options" << false << "partial" << rated << 3.0 << "";
    QTest::newRow("option unknown") << "options" << false << "Maybe" << missing << 0.0
                                    << "value \"Maybe\" for criterion tone is not one of its options Yes/Partial/No";
    QTest::newRow("option number without map")
        << "options" << false << "10" << missing << 0.0
        << "value \"10\" for criterion tone is not one of its options Yes/Partial/No";
}

void TestMapping::answers()
{
    QFETCH(QString, scale);
    QFETCH(bool, allowNa);
    QFETCH(QString, cell);
    QFETCH(int, state);
    QFETCH(double, value);
    QFETCH(QString, reason);
    Criterion c;
    c.key = QStringLiteral("tone");
    c.allowNa = allowNa;
    c.scale = scale == u"binary" ? Scale::binary()
              : scale == u"range"
                  ? Scale::range(1, 5)
                  : Scale::fromOptions(
                        {{QStringLiteral("Yes"), 10}, {QStringLiteral("Partial"), 3}, {QStringLiteral("No"), 0}});
    const AnswerReader::Result r = AnswerReader::read(c, cell, nullptr, QChar(u'.'));
    QCOMPARE(r.reason, reason);
    QCOMPARE(int(r.input.state), state);
    QCOMPARE(r.input.value, value);
}

void TestMapping::dates_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("dateTime");

    QTest::newRow("iso date") << "auto"
                              << ""
                              << "2026-03-07" << QDate(2026, 3, 7) << "";
    QTest::newRow("iso date-time") << "auto"
                                   << ""
                                   << "2026-03-07T14:05" << QDate(2026, 3, 7) << "2026-03-07T14:05:00";
    QTest::newRow("iso space") << "auto"
                               << ""
                               << "2026-03-07 14:05:09" << QDate(2026, 3, 7) << "2026-03-07T14:05:09";
    QTest::newRow("iso fraction") << "auto"
                                  << ""
                                  << "2026-03-07T14:05:09.123" << QDate(2026, 3, 7) << "2026-03-07T14:05:09";
    // The calendar date as written, whatever the zone: the same periods on every machine.
    QTest::newRow("iso zone kept") << "auto"
                                   << ""
                                   << "2026-03-07T23:30:00-05:00" << QDate(2026, 3, 7) << "2026-03-07T23:30:00-05:00";
    QTest::newRow("iso Z kept") << "auto"
                                << ""
                                << "2026-03-07T23:30:00Z" << QDate(2026, 3, 7) << "2026-03-07T23:30:00Z";
    QTest::newRow("converted to zone") << "auto"
                                       << "Europe/Berlin"
                                       << "2026-03-07T23:30:00Z" << QDate(2026, 3, 8) << "2026-03-08T00:30:00+01:00";
    QTest::newRow("no zone not converted") << "auto"
                                           << "Europe/Berlin"
                                           << "2026-03-07T23:30:00" << QDate(2026, 3, 7) << "2026-03-07T23:30:00";
    QTest::newRow("not iso") << "auto"
                             << ""
                             << "03/07/2026" << QDate() << "";
    QTest::newRow("Feb 30") << "auto"
                            << ""
                            << "2026-02-30" << QDate() << "";
    QTest::newRow("US") << "M/d/yyyy"
                        << ""
                        << "3/7/2026" << QDate(2026, 3, 7) << "";
    QTest::newRow("US zero padded") << "M/d/yyyy"
                                    << ""
                                    << "03/07/2026" << QDate(2026, 3, 7) << "";
    QTest::newRow("two-digit year") << "d.M.yy"
                                    << ""
                                    << "7.3.26" << QDate(2026, 3, 7) << "";
    QTest::newRow("two-digit year 99") << "d.M.yy"
                                       << ""
                                       << "7.3.99" << QDate(2099, 3, 7) << "";
    QTest::newRow("format mismatch") << "M/d/yyyy"
                                     << ""
                                     << "2026-03-07" << QDate() << "";
    QTest::newRow("date-time format") << "M/d/yyyy H:mm"
                                      << ""
                                      << "3/7/2026 14:05" << QDate(2026, 3, 7) << "2026-03-07T14:05:00";
}

void TestMapping::dates()
{
    QFETCH(QString, format);
    QFETCH(QString, zone);
    QFETCH(QString, cell);
    QFETCH(QDate, date);
    QFETCH(QString, dateTime);
    const DateReader reader(format, zone);
    const DateReader::Result r = reader.read(cell);
    QCOMPARE(r.date, date);
    if (date.isValid())
        QCOMPARE(r.dateTime, dateTime);
}

void TestMapping::presetsParse()
{
    const QDir dir(QStringLiteral(QL_SOURCE_DIR "/resources/mappings"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(files.size() >= 7);
    for (const QString &name : files) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString error;
        QVERIFY2(ImportMapping::parse(f.readAll(), &error), qPrintable(name + QStringLiteral(": ") + error));
    }
}

void TestMapping::suggestions_data()
{
    QTest::addColumn<ImportMapping::Kind>("kind");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QStringList>("expected"); // field=header, in the kind's field order
    using K = ImportMapping::Kind;
    QTest::newRow("Zendesk QA reviews")
        << K::AuditsLong
        << QStringList{"Review ID", "Conversation ID", "Reviewed at", "Reviewee", "Reviewer", "Team", "Queue",
                       "Channel", "Category", "Rating", "Comment", "Root cause", "Product"}
        << QStringList{"audit_id=Review ID", "date=Reviewed at", "agent=Reviewee", "criterion=Category",
                       "value=Rating", "ticket_id=Conversation ID", "auditor=Reviewer", "team=Team",
                       "queue=Queue", "channel=Channel", "comment=Comment", "root_cause=Root cause"};
    // Field names as headers, in any spelling, win over synonyms: "score" here is not the value.
    QTest::newRow("field names, odd spelling")
        << K::AuditsLong
        << QStringList{"AUDIT-ID", "date", "Agent", "criterion", "Value", "score", "interaction date"}
        << QStringList{"audit_id=AUDIT-ID", "date=date", "agent=Agent", "criterion=criterion", "value=Value",
                       "interaction_date=interaction date"};
    QTest::newRow("MaestroQA grades")
        << K::AuditsLong
        << QStringList{"Grade ID", "Ticket ID", "Date Graded", "Agent Email", "Grader Email", "Question", "Answer",
                       "Question Comment", "Overall Comment"}
        << QStringList{"audit_id=Grade ID", "date=Date Graded", "agent=Agent Email", "criterion=Question",
                       "value=Answer", "ticket_id=Ticket ID", "auditor=Grader Email", "audit_comment=Overall Comment",
                       "comment=Question Comment"};
    QTest::newRow("Freshdesk survey")
        << K::Csat
        << QStringList{"Survey Result ID", "Ticket ID", "Created Time", "Rating", "Agent", "Group", "Feedback"}
        << QStringList{"response_id=Survey Result ID", "date=Created Time", "score=Rating", "ticket_id=Ticket ID",
                       "agent=Agent", "queue=Group", "comment=Feedback"}; // Freshdesk's groups are queues
    QTest::newRow("roster") << K::Agents
                            << QStringList{"Agent ID", "Full name", "Team", "Team lead", "Start date", "Status"}
                            << QStringList{"agent=Agent ID", "name=Full name", "team=Team", "supervisor=Team lead",
                                           "hire_date=Start date", "active=Status"};
    QTest::newRow("nothing matches") << K::Csat << QStringList{"a", "b"} << QStringList{};
}

void TestMapping::suggestions()
{
    QFETCH(ImportMapping::Kind, kind);
    QFETCH(QStringList, header);
    QFETCH(QStringList, expected);
    const ImportMapping m = MappingSuggestion::suggest(kind, header);
    QCOMPARE(m.kind, kind);
    QStringList got;
    for (const auto &[field, column] : m.columns)
        got << field + QLatin1Char('=') + column;
    QCOMPARE(got, expected);
}

void TestMapping::suggestedCriteriaColumns()
{
    // A wide file: criteria found by key or by name, not among the mapped fields, each once.
    const QStringList header{"Review ID", "Reviewed at", "Reviewee", "Verify identity", "TONE", "Resolution offered",
                             "tone", "Notes"};
    const ImportMapping m = MappingSuggestion::suggest(ImportMapping::Kind::AuditsWide, header);
    const QList<std::pair<QString, QString>> criteria{{"verify_identity", "Verified the customer's identity"},
                                                      {"tone", "Tone and empathy"},
                                                      {"resolution", "Resolution offered"}};
    const auto found = MappingSuggestion::criteriaColumns(m, header, criteria);
    const QList<std::pair<QString, QString>> expected{
        {"Verify identity", "verify_identity"}, {"TONE", "tone"}, {"Resolution offered", "resolution"}};
    QCOMPARE(found, expected);
}

QTEST_GUILESS_MAIN(TestMapping)
#include "tst_mapping.moc"

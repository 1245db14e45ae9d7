// SPDX-License-Identifier: GPL-3.0-or-later
// qualitylens-cli agreement: inter-rater agreement on long-format ratings (cli.md).
#include "clicontext.h"

#include "calibration/calibrationjson.h"
#include "import/csvreader.h"
#include "stats/bootstrap.h"
#include "stats/gwet.h"
#include "stats/icc.h"
#include "stats/kappa.h"
#include "stats/krippendorff.h"
#include "stats/ratings.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>

#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

namespace ql::cli {

namespace {

using namespace ql::stats;

// Reads the three columns with the project's CSV reader (RFC 4180, encoding detection, byte-order
// mark, physical line numbers). The format is comma-separated by contract, so the delimiter is
// not sniffed. Messages come back already prefixed "BASENAME:LINE: ".
struct Input
{
    QList<RatingRecord> records;
    QString error;           // empty when the file was read
    bool readFailed = false; // the device failed (exit 4), rather than the content (exit 3)
};

Input readRecords(QFile *file)
{
    Input in;
    CsvOptions options;
    options.delimiter = QLatin1Char(',');
    CsvReader reader(file, options);
    const auto failed = [&](const QString &message) {
        in.error = message;
        in.readFailed = file->error() != QFileDevice::NoError;
        return in;
    };
    if (!reader.readHeader()) {
        return failed(reader.hasError() ? reader.errorString()
                                        : QStringLiteral("%1: the file is empty; expected the header unit,rater,value")
                                              .arg(reader.sourceName()));
    }
    // The header names the three columns; their order is free.
    const QStringList header = reader.header().fields();
    int unitCol = -1, raterCol = -1, valueCol = -1;
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed().toLower();
        int *slot = name == QLatin1String("unit")    ? &unitCol
                    : name == QLatin1String("rater") ? &raterCol
                    : name == QLatin1String("value") ? &valueCol
                                                     : nullptr;
        if (slot && *slot < 0)
            *slot = i;
    }
    if (header.size() != 3 || unitCol < 0 || raterCol < 0 || valueCol < 0)
        return failed(
            reader.lineMessage(reader.header().line(), QStringLiteral("the header must be unit,rater,value")));
    CsvRecord record;
    while (reader.next(record)) {
        if (!record.isWellFormed())
            return failed(record.problem());
        in.records.append({record.field(unitCol).toString(), record.field(raterCol).toString(),
                           record.field(valueCol).toString(), qsizetype(record.line())});
    }
    if (reader.hasError())
        return failed(reader.errorString());
    if (in.records.isEmpty())
        return failed(QStringLiteral("%1: no ratings after the header").arg(reader.sourceName()));
    return in;
}

// cli.md: messages about a line of an input file are prefixed "BASENAME:LINE: "; others name
// the file after the usual "qualitylens-cli: ".
void printLineError(const QString &path, qsizetype line, const QString &message)
{
    const QString name = QFileInfo(path).fileName();
    if (line <= 0) {
        printError(QStringLiteral("%1: %2").arg(name, message));
        return;
    }
    std::fputs(qUtf8Printable(QStringLiteral("%1:%2: %3\n").arg(name).arg(line).arg(message)), stderr);
    std::fflush(stderr);
}

// JSON by hand so the keys come out in cli.md's order (QJsonObject sorts them).
QString jsonNote(const QString &note)
{
    return note.isEmpty() ? QStringLiteral("null") : CalibrationJson::string(note);
}

enum class Metric { Alpha, Fleiss, Cohen, Icc, Percent, Ac1 };

std::optional<Metric> metricFromName(const QString &name)
{
    static const QHash<QString, Metric> names{
        {QStringLiteral("alpha"), Metric::Alpha},     {QStringLiteral("fleiss"), Metric::Fleiss},
        {QStringLiteral("cohen"), Metric::Cohen},     {QStringLiteral("icc"), Metric::Icc},
        {QStringLiteral("percent"), Metric::Percent}, {QStringLiteral("ac1"), Metric::Ac1},
    };
    const auto it = names.constFind(name);
    return it == names.constEnd() ? std::nullopt : std::optional<Metric>(*it);
}

QString header(const QString &metric, Level level, KappaWeights weights)
{
    return QStringLiteral("{\"metric\":%1,\"level\":%2,\"weights\":%3,")
        .arg(CalibrationJson::string(metric), CalibrationJson::string(levelName(level)), CalibrationJson::string(weightsName(weights)));
}

QString resultJson(const QString &metric, Level level, KappaWeights weights, const AgreementResult &r)
{
    return header(metric, level, weights) +
           QStringLiteral(
               "\"value\":%1,\"ci_low\":%2,\"ci_high\":%3,\"units\":%4,\"raters\":%5,\"pairable\":%6,\"note\":%7}\n")
               .arg(CalibrationJson::number(r.value), CalibrationJson::number(r.ciLow), CalibrationJson::number(r.ciHigh))
               .arg(r.units)
               .arg(r.raters)
               .arg(r.pairable)
               .arg(jsonNote(r.noteText()));
}

QString iccJson(Level level, const IccResult &r)
{
    const IccEstimate &headline = r.form(IccForm::Icc2);
    QString forms;
    for (const IccForm f : allIccForms) {
        const IccEstimate &e = r.form(f);
        if (!forms.isEmpty())
            forms += QLatin1Char(',');
        forms += QStringLiteral("%1:{\"value\":%2,\"ci_low\":%3,\"ci_high\":%4}")
                     .arg(CalibrationJson::string(iccKey(f)), CalibrationJson::number(e.value), CalibrationJson::number(e.ciLow), CalibrationJson::number(e.ciHigh));
    }
    return header(QStringLiteral("icc"), level, KappaWeights::None) +
           QStringLiteral("\"value\":%1,\"ci_low\":%2,\"ci_high\":%3,\"units\":%4,\"raters\":%5,\"pairable\":%6,"
                          "\"note\":%7,\"forms\":{%8}}\n")
               .arg(CalibrationJson::number(headline.value), CalibrationJson::number(headline.ciLow), CalibrationJson::number(headline.ciHigh))
               .arg(r.units)
               .arg(r.raters)
               .arg(r.units * r.raters)
               .arg(jsonNote(r.noteText()), forms);
}

} // namespace

int runAgreement(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "qualitylens-cli agreement FILE.csv --metric alpha|fleiss|cohen|icc|percent|ac1 [options]\n"
        "Inter-rater agreement on long-format ratings: a CSV with the header unit,rater,value, one rating\n"
        "per line (an empty value is missing; N/A is a category at the nominal level and missing at the\n"
        "others). Prints one JSON object: metric, level, weights, value, ci_low, ci_high, units, raters,\n"
        "pairable, note (and forms for icc). value is null with the note \"undefined (no variation)\" when\n"
        "everyone gave the same answer. percent is a proportion (0-1), like the coefficients.\n"
        "Intervals: 95% percentile bootstrap over units (none below 10 units); icc's is analytic."));
    parser.addPositionalArgument(QStringLiteral("FILE.csv"), QStringLiteral("the ratings"));
    const QCommandLineOption metricOpt(QStringLiteral("metric"),
                                       QStringLiteral("alpha (Krippendorff), fleiss, cohen (two raters), icc (Shrout & "
                                                      "Fleiss), percent (Gwet's percent agreement), ac1 (Gwet)."),
                                       QStringLiteral("M"));
    const QCommandLineOption levelOpt(
        QStringLiteral("level"),
        QStringLiteral(
            "nominal, ordinal, interval or ratio. Default: nominal; ordinal for weighted cohen; interval for icc."),
        QStringLiteral("L"));
    const QCommandLineOption weightsOpt(QStringLiteral("weights"),
                                        QStringLiteral("cohen only: none (default), linear or quadratic."),
                                        QStringLiteral("W"));
    const QCommandLineOption categoriesOpt(
        QStringLiteral("categories"),
        QStringLiteral("the declared scale in order, e.g. 1,2,3,4,5 (default: the values that occur)."),
        QStringLiteral("LIST"));
    const QCommandLineOption bootstrapOpt(QStringLiteral("bootstrap"),
                                          QStringLiteral("bootstrap resamples (default 1000; 0: no interval)."),
                                          QStringLiteral("N"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("seed of the bootstrap (default 1)."),
                                     QStringLiteral("N"));
    parser.addOptions({metricOpt, levelOpt, weightsOpt, categoriesOpt, bootstrapOpt, seedOpt});
    if (const int rc = parseOrExit(parser, args, 1, 1); rc >= 0)
        return rc;

    // Flags first: every usage error is found before the file is read.
    if (!parser.isSet(metricOpt))
        return usageError(parser, QStringLiteral("--metric is required"));
    const QString metricName = parser.value(metricOpt);
    const auto metric = metricFromName(metricName);
    if (!metric)
        return usageError(
            parser, QStringLiteral("unknown --metric '%1': alpha, fleiss, cohen, icc, percent or ac1").arg(metricName));

    KappaWeights weights = KappaWeights::None;
    if (parser.isSet(weightsOpt)) {
        const auto w = weightsFromName(parser.value(weightsOpt));
        if (!w)
            return usageError(
                parser,
                QStringLiteral("unknown --weights '%1': none, linear or quadratic").arg(parser.value(weightsOpt)));
        if (*w != KappaWeights::None && *metric != Metric::Cohen)
            return usageError(parser, QStringLiteral("--weights applies to --metric cohen only"));
        weights = *w;
    }

    Level level = *metric == Metric::Icc          ? Level::Interval
                  : weights != KappaWeights::None ? Level::Ordinal
                                                  : Level::Nominal;
    if (parser.isSet(levelOpt)) {
        const auto l = levelFromName(parser.value(levelOpt));
        if (!l)
            return usageError(parser, QStringLiteral("unknown --level '%1': nominal, ordinal, interval or ratio")
                                          .arg(parser.value(levelOpt)));
        level = *l;
    }
    const bool nominalOnly = *metric == Metric::Fleiss || *metric == Metric::Percent || *metric == Metric::Ac1;
    if (nominalOnly && level != Level::Nominal)
        return usageError(
            parser, QStringLiteral("--metric %1 is a nominal statistic: --level must be nominal").arg(metricName));
    if (*metric == Metric::Icc && level != Level::Interval && level != Level::Ratio)
        return usageError(parser, QStringLiteral("--metric icc needs --level interval or ratio"));
    if (*metric == Metric::Cohen && weights != KappaWeights::None && level == Level::Nominal)
        return usageError(parser,
                          QStringLiteral("weighted κ needs an ordered scale: --level ordinal, interval or ratio"));
    if (*metric == Metric::Cohen && weights == KappaWeights::None && level != Level::Nominal)
        return usageError(parser, QStringLiteral("unweighted κ is nominal: give --weights linear or quadratic for an "
                                                 "ordered scale"));

    QStringList categories;
    if (parser.isSet(categoriesOpt)) {
        categories = parser.value(categoriesOpt).split(QLatin1Char(','));
        QStringList seen;
        for (QString &c : categories) {
            c = c.trimmed();
            if (c.isEmpty())
                return usageError(parser, QStringLiteral("--categories has an empty entry"));
            bool number = false;
            const double value = QLocale::c().toDouble(c, &number);
            for (const QString &earlier : std::as_const(seen)) {
                bool earlierNumber = false;
                const double earlierValue = QLocale::c().toDouble(earlier, &earlierNumber);
                if (earlier == c || (number && earlierNumber && earlierValue == value))
                    return usageError(parser, QStringLiteral("--categories names '%1' twice").arg(c));
            }
            seen.append(c);
            if (!number && !isNotApplicableLabel(c) && (level == Level::Interval || level == Level::Ratio))
                return usageError(parser, QStringLiteral("--categories: '%1' is not a number, which --level %2 needs")
                                              .arg(c, levelName(level)));
        }
    }

    BootstrapOptions boot;
    if (parser.isSet(bootstrapOpt)) {
        bool ok = false;
        const int n = parser.value(bootstrapOpt).toInt(&ok);
        if (!ok || n < 0 || n > 100000)
            return usageError(parser, QStringLiteral("--bootstrap must be a whole number from 0 to 100000"));
        boot.resamples = n;
    }
    if (parser.isSet(seedOpt)) {
        bool ok = false;
        const qulonglong seed = parser.value(seedOpt).toULongLong(&ok);
        if (!ok)
            return usageError(parser, QStringLiteral("--seed must be a whole number from 0 to 18446744073709551615"));
        boot.seed = seed;
    }

    const QString path = parser.positionalArguments().at(0);
    QFile file(path);
    if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("cannot read '%1': %2")
                       .arg(path, QFileInfo(path).isDir() ? QStringLiteral("it is a folder") : file.errorString()));
        return ExitCannotOpen;
    }
    const Input input = readRecords(&file);
    if (!input.error.isEmpty()) {
        std::fputs(qUtf8Printable(input.error + QLatin1Char('\n')), stderr);
        return input.readFailed ? ExitCannotOpen : ExitInvalidInput;
    }
    RatingsInputError error;
    const auto ratings = ratingsFromRecords(input.records, {level, categories}, &error);
    if (!ratings) {
        printLineError(path, error.line, error.message);
        return ExitInvalidInput;
    }
    if (*metric == Metric::Cohen && ratings->raterCount() != 2) {
        printLineError(
            path, 0,
            QStringLiteral("--metric cohen needs exactly two raters; the file has %1").arg(ratings->raterCount()));
        return ExitInvalidInput;
    }

    if (*metric == Metric::Icc) {
        printOut(iccJson(level, intraclassCorrelation(*ratings)));
        return ExitOk;
    }
    AgreementStatistic statistic;
    switch (*metric) {
    case Metric::Alpha:
        statistic = [level](const Ratings &r) { return krippendorffAlpha(r, level); };
        break;
    case Metric::Fleiss:
        statistic = [](const Ratings &r) { return fleissKappa(r); };
        break;
    case Metric::Cohen:
        statistic = [weights](const Ratings &r) { return cohenKappa(r, weights); };
        break;
    case Metric::Percent:
        statistic = [](const Ratings &r) { return percentAgreement(r); };
        break;
    case Metric::Ac1:
        statistic = [](const Ratings &r) { return gwetAc1(r); };
        break;
    case Metric::Icc:
        break;
    }
    const AgreementResult result = withBootstrapInterval(statistic(*ratings), *ratings, statistic, boot);
    printOut(resultJson(metricName, level, weights, result));
    return ExitOk;
}

} // namespace ql::cli

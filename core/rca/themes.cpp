// SPDX-License-Identifier: GPL-3.0-or-later
#include "themes.h"

#include "pivot/pivotdrill.h"

#include <QFile>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <vector>

// Resources compiled into a static library must be registered by name.
static void initRcaResources()
{
    Q_INIT_RESOURCE(rca);
}

namespace ql::rca {

namespace {

bool isApostrophe(QChar c)
{
    return c == QLatin1Char('\'') || c == QChar(0x2019);
}

} // namespace

QStringList Themes::tokenize(const QString &text)
{
    QStringList tokens;
    QString current;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isLetterOrNumber()) {
            current += c.toLower();
        } else if (isApostrophe(c) && !current.isEmpty() && i + 1 < text.size() && text.at(i + 1).isLetter()) {
            current += QLatin1Char('\'');
        } else if (!current.isEmpty()) {
            tokens << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        tokens << current;
    return tokens;
}

QString Themes::stem(const QString &word)
{
    if (word.contains(QLatin1Char('\'')) || word.size() <= 3)
        return word;
    // A stem left ending as a word that lost its silent e gets it back (arrived, arriving → arrive),
    // so that the forms of one verb meet.
    const auto restoreE = [](const QString &stem) {
        for (const char *end : {"v", "c", "at", "iz", "bl", "ur"})
            if (stem.endsWith(QLatin1String(end)))
                return stem + QLatin1Char('e');
        return stem;
    };
    if (word.size() > 5 && word.endsWith(QLatin1String("ing")))
        return restoreE(word.chopped(3));
    if (word.size() > 4 && word.endsWith(QLatin1String("ed")))
        return restoreE(word.chopped(2));
    if (word.size() > 4 && (word.endsWith(QLatin1String("ches")) || word.endsWith(QLatin1String("shes")) ||
                            word.endsWith(QLatin1String("sses")) || word.endsWith(QLatin1String("xes"))))
        return word.chopped(2);
    if (word.endsWith(QLatin1Char('s')) && !word.endsWith(QLatin1String("ss")) && !word.endsWith(QLatin1String("us")))
        return word.chopped(1);
    return word;
}

QSet<QString> Themes::terms(const QString &text, const QSet<QString> &stopWords, bool stemWords)
{
    const QStringList tokens = tokenize(text);
    QSet<QString> out;
    const auto form = [&](const QString &w) { return stemWords ? stem(w) : w; };
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const bool stop = stopWords.contains(tokens[i]);
        if (!stop)
            out.insert(form(tokens[i]));
        if (i + 1 < tokens.size() && !(stop && stopWords.contains(tokens[i + 1])))
            out.insert(form(tokens[i]) + QLatin1Char(' ') + form(tokens[i + 1]));
    }
    return out;
}

ThemesResult Themes::rank(const QList<ThemeDocument> &documents, const QSet<QString> &stopWords,
                          const ThemeOptions &options)
{
    ThemesResult result;
    struct Counts
    {
        qint64 focus = 0;
        qint64 reference = 0;
        std::vector<int> focusDocs;
        std::vector<int> referenceDocs;
    };
    QHash<QString, Counts> counts;
    double nFocus = 0, nReference = 0;
    for (int d = 0; d < documents.size(); ++d) {
        const ThemeDocument &doc = documents[d];
        (doc.focus ? result.focusDocuments : result.referenceDocuments)++;
        const QSet<QString> ts = terms(doc.text, stopWords, options.stem);
        if (ts.isEmpty())
            ++result.emptyDocuments;
        for (const QString &t : ts) {
            Counts &c = counts[t];
            if (doc.focus) {
                ++c.focus;
                c.focusDocs.push_back(d);
                ++nFocus;
            } else {
                ++c.reference;
                c.referenceDocs.push_back(d);
                ++nReference;
            }
        }
    }
    // The prior: each term's pooled count; α₀ is then nFocus + nReference.
    const double alpha0 = nFocus + nReference;
    const auto newestFirst = [&](int a, int b) {
        const ThemeDocument &x = documents[a], &y = documents[b];
        if (x.date != y.date)
            return x.date > y.date;
        return x.id > y.id;
    };
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        Counts &c = it.value();
        if (c.focus + c.reference < options.minDocuments)
            continue;
        const double a = double(c.focus + c.reference);
        const double yi = double(c.focus), yj = double(c.reference);
        Theme t;
        t.term = it.key();
        t.focusDocs = c.focus;
        t.referenceDocs = c.reference;
        t.delta = std::log((yi + a) / (nFocus + alpha0 - yi - a)) - std::log((yj + a) / (nReference + alpha0 - yj - a));
        t.z = t.delta / std::sqrt(1.0 / (yi + a) + 1.0 / (yj + a));
        std::vector<int> &docs = t.z >= 0 ? c.focusDocs : c.referenceDocs;
        const std::size_t k = std::min<std::size_t>(docs.size(), std::size_t(std::max(0, options.examples)));
        std::partial_sort(docs.begin(), docs.begin() + std::ptrdiff_t(k), docs.end(), newestFirst);
        for (std::size_t i = 0; i < k; ++i)
            t.examples << documents[docs[i]].id;
        result.themes << t;
    }
    std::sort(result.themes.begin(), result.themes.end(), [](const Theme &x, const Theme &y) {
        if (x.z != y.z)
            return x.z > y.z;
        return x.term < y.term;
    });
    return result;
}

QSet<QString> Themes::nameTokens(const QStringList &names, const QSet<QString> &stopWords)
{
    QSet<QString> tokens;
    for (const QString &name : names)
        for (const QString &t : tokenize(name))
            if (t.size() >= 2 && !stopWords.contains(t))
                tokens.insert(t);
    return tokens;
}

QString Themes::maskNames(const QString &text, const QSet<QString> &nameTokens)
{
    if (nameTokens.isEmpty())
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        if (!text.at(i).isLetterOrNumber()) {
            out += text.at(i++);
            continue;
        }
        qsizetype j = i;
        while (j < text.size() && (text.at(j).isLetterOrNumber() ||
                                   (isApostrophe(text.at(j)) && j + 1 < text.size() && text.at(j + 1).isLetter())))
            ++j;
        const QString word = text.mid(i, j - i);
        QString key = word.toLower();
        key.replace(QChar(0x2019), QLatin1Char('\''));
        // "Freya's" is Freya too.
        const QString base = key.endsWith(QLatin1String("'s")) ? key.chopped(2) : key;
        out += nameTokens.contains(key) || nameTokens.contains(base) ? QStringLiteral("[name]") : word;
        i = j;
    }
    return out;
}

QList<ThemeDocument> Themes::documents(const QList<StoredComment> &comments)
{
    QList<ThemeDocument> out;
    for (const StoredComment &c : comments)
        if (c.positive != c.negative)
            out << ThemeDocument{c.id, c.date, c.text, c.negative};
    return out;
}

std::optional<QSet<QString>> Themes::loadStopWords(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    QSet<QString> words;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        words.insert(line.toLower());
    }
    return words;
}

QSet<QString> Themes::englishStopWords()
{
    initRcaResources();
    return loadStopWords(QStringLiteral(":/qualitylens/stopwords/en.txt")).value_or(QSet<QString>());
}

std::optional<QList<StoredComment>> Themes::keep(const QList<StoredComment> &comments, const Cube &cube,
                                                 const QList<PivotFilter> &filters, const PivotOptions &options,
                                                 QString *error)
{
    if (filters.isEmpty())
        return comments;
    PivotSpec spec;
    spec.source = cube.source();
    spec.filters = filters;
    const auto rows = PivotDrill::factRows(cube, spec, options, nullptr, error);
    if (!rows)
        return std::nullopt;
    const std::vector<std::int64_t> ids = PivotDrill::factIds(cube, *rows);
    const QSet<qint64> keptIds(ids.begin(), ids.end());
    const bool byAudit = cube.source() == PivotSource::Audits;
    QList<StoredComment> out;
    for (const StoredComment &c : comments)
        if (keptIds.contains(byAudit ? c.auditId : c.id))
            out << c;
    return out;
}

} // namespace ql::rca

// SPDX-License-Identifier: GPL-3.0-or-later
#include "commentlanguage.h"

#include "pivot/pivotdrill.h"
#include "themes.h"

#include <QFile>

// Resources compiled into a static library must be registered by name (Qt skips a second
// registration of the same data).
static void initRcaLanguageResources()
{
    Q_INIT_RESOURCE(rca);
}

namespace ql::rca {

qint64 LanguageSplit::othersTotal() const
{
    qint64 n = 0;
    for (qint64 v : others)
        n += v;
    return n;
}

QHash<QString, QSet<QString>> CommentLanguage::parseMarkers(const QString &text)
{
    QHash<QString, QSet<QString>> out;
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || colon <= 0)
            continue;
        QSet<QString> &words = out[line.left(colon).trimmed().toLower()];
        for (const QString &w : line.mid(colon + 1).split(QLatin1Char(' '), Qt::SkipEmptyParts))
            words.insert(w.toLower());
    }
    return out;
}

QHash<QString, QSet<QString>> CommentLanguage::markers()
{
    initRcaLanguageResources();
    QFile f(QStringLiteral(":/qualitylens/stopwords/markers.txt"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return parseMarkers(QString::fromUtf8(f.readAll()));
}

QString CommentLanguage::detect(const QString &text, const QSet<QString> &englishStopWords,
                                const QHash<QString, QSet<QString>> &markers)
{
    const QStringList words = Themes::tokenize(text);
    int english = 0;
    for (const QString &w : words)
        english += englishStopWords.contains(w);
    QString best;
    int most = 0;
    bool tie = false;
    // In code order, so that the answer does not depend on the hash's order.
    QStringList codes = markers.keys();
    codes.sort();
    for (const QString &code : std::as_const(codes)) {
        const QSet<QString> &set = markers[code];
        int hits = 0;
        for (const QString &w : words)
            hits += set.contains(w);
        if (hits > most) {
            most = hits;
            best = code;
            tie = false;
        } else if (hits == most && hits > 0) {
            tie = true;
        }
    }
    const bool other = (most >= 2 && most > english) || (most == 1 && english == 0 && words.size() <= 3);
    if (!other)
        return QStringLiteral("en");
    return tie ? QStringLiteral("other") : best;
}

bool CommentLanguage::isEnglish(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v == QLatin1String("en") || v == QLatin1String("eng") || v == QLatin1String("english")
           || v.startsWith(QLatin1String("en-")) || v.startsWith(QLatin1String("en_"));
}

QString CommentLanguage::dimensionOf(const Cube &cube)
{
    for (const QString &name : cube.customDimensionNames())
        if (name.compare(QLatin1String("language"), Qt::CaseInsensitive) == 0)
            return name;
    return {};
}

std::optional<QHash<qint64, QString>> CommentLanguage::declared(const Cube &cube, const PivotOptions &options,
                                                                QString *error)
{
    QHash<qint64, QString> out;
    const QString name = dimensionOf(cube);
    const Cube::DimensionRef ref = name.isEmpty() ? Cube::DimensionRef{} : cube.findDimension(name);
    if (!ref)
        return out;
    for (const QString &label : ref.dimension->labels) {
        if (label == QLatin1String("(blank)"))
            continue;
        PivotSpec spec;
        spec.source = cube.source();
        spec.filters << PivotFilter{name, false, {label}};
        const auto rows = PivotDrill::factRows(cube, spec, options, nullptr, error);
        if (!rows)
            return std::nullopt;
        for (std::int64_t id : PivotDrill::factIds(cube, *rows))
            out.insert(id, label);
    }
    return out;
}

LanguageSplit CommentLanguage::split(const QList<StoredComment> &comments, const QHash<qint64, QString> &declared,
                                     bool byAudit, const QSet<QString> &englishStopWords,
                                     const QHash<QString, QSet<QString>> &markers)
{
    LanguageSplit out;
    for (const StoredComment &c : comments) {
        const auto it = declared.constFind(byAudit ? c.auditId : c.id);
        QString language;
        if (it != declared.constEnd()) {
            ++out.declared;
            language = isEnglish(*it) ? QStringLiteral("en") : *it;
        } else {
            language = detect(c.text, englishStopWords, markers);
        }
        if (language == QLatin1String("en"))
            out.english << c;
        else
            ++out.others[language];
    }
    return out;
}

} // namespace ql::rca

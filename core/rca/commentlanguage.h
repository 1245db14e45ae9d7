// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/cube.h"
#include "pivot/pivotengine.h"
#include "store/commentstore.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <optional>

namespace ql::rca {

// The comments of one corpus split by language (analysis.md "Comment themes": comments in other
// languages are counted and left out; only an English stop-word list is shipped).
struct LanguageSplit
{
    QList<StoredComment> english;  // what the themes rank
    QMap<QString, qint64> others;  // left out: comments per language ("es", or as the data says)
    qint64 declared = 0;           // comments whose language came from the data's language dimension
    qint64 othersTotal() const;
};

// Which language a comment is in. Where the data has a language dimension (a custom dimension
// named "language", mapped at import) its value decides; a comment without one is read: it is in
// another language when that language's marker words (resources/stopwords/markers.txt) outnumber
// the English stop words in it, with at least two of them, or one in a comment of at most three
// words that has no English stop word ("Muchas gracias"). Anything else counts as English.
class CommentLanguage final
{
public:
    // The marker words per language code, from the shipped list.
    static QHash<QString, QSet<QString>> markers();
    // The same from a list's text (one "code: word word …" a line; '#' starts a comment).
    static QHash<QString, QSet<QString>> parseMarkers(const QString &text);

    // "en", another language's code, or "other" when two other languages tie.
    static QString detect(const QString &text, const QSet<QString> &englishStopWords,
                          const QHash<QString, QSet<QString>> &markers);

    // Whether a language dimension's value means English: "en", "EN", "en-US", "en_GB", "eng",
    // "English" (any case).
    static bool isEnglish(const QString &value);

    // The name of the cube's language dimension ("language", any case), or empty when it has none.
    static QString dimensionOf(const Cube &cube);

    // The declared language of each fact with a non-blank value of the cube's language dimension:
    // csat facts by response id, audits by audit id. Empty when the cube has no such dimension.
    static std::optional<QHash<qint64, QString>> declared(const Cube &cube, const PivotOptions &options,
                                                          QString *error);

    // Splits comments: customers' are looked up in `declared` by their id, auditors' (byAudit) by
    // their audit's id; the rest are detected.
    static LanguageSplit split(const QList<StoredComment> &comments, const QHash<qint64, QString> &declared,
                               bool byAudit, const QSet<QString> &englishStopWords,
                               const QHash<QString, QSet<QString>> &markers);
};

} // namespace ql::rca

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/cube.h"
#include "pivot/pivotengine.h"
#include "store/commentstore.h"

#include <QDate>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace ql::rca {

// One comment of a corpus: customer comments (focus: dissatisfied, reference: satisfied) or
// auditor comments (focus: failed answers, reference: passed ones).
struct ThemeDocument
{
    qint64 id = 0;
    QDate date;
    QString text;
    bool focus = false;
};

// A word or two-word phrase and how strongly it leans to the focus group (analysis.md "Comment
// themes"): Monroe, Colaresi & Quinn's (2008) weighted log-odds with an informative Dirichlet prior.
struct Theme
{
    QString term;
    double delta = 0;     // log-odds ratio, focus versus reference
    double z = 0;         // δ / σ: what is ranked and shown
    qint64 focusDocs = 0; // documents of each group containing the term
    qint64 referenceDocs = 0;
    QList<qint64> examples; // the most recent documents of the group it leans to (ties by id)
};

struct ThemeOptions
{
    int minDocuments = 5; // a term needs this many documents (both groups together)
    int examples = 3;
    bool stem = false; // light English stemming (refunds, refunded → refund)
};

struct ThemesResult
{
    QList<Theme> themes; // by z, largest first (leaning to the focus group first)
    qint64 focusDocuments = 0;
    qint64 referenceDocuments = 0;
    qint64 emptyDocuments = 0; // no word left after stop words
};

class Themes final
{
public:
    // The words of a text: lower-cased runs of letters and digits, an apostrophe inside a word kept
    // ("didn't"); typographic apostrophes read as straight ones.
    static QStringList tokenize(const QString &text);

    // The terms of a text, once each: single words that are not stop words, and two-word phrases of
    // adjacent words (formed before stop words are removed, dropped only when both are stop words).
    static QSet<QString> terms(const QString &text, const QSet<QString> &stopWords, bool stem);

    // Light stemming: a few English suffixes (-s, -es, -ed, -ing) off longer words, giving back the
    // silent e a verb lost (arrived, arriving, arrives → arrive).
    static QString stem(const QString &word);

    // The ranking: counts by document; the prior of each term is its pooled count over both groups
    // (α_w = y_w, α₀ = Σ α_w); with n_i the sum of the term counts of group i,
    //   δ_w = ln((y_wi + α_w)/(n_i + α₀ − y_wi − α_w)) − ln((y_wj + α_w)/(n_j + α₀ − y_wj − α_w)),
    //   σ²_w = 1/(y_wi + α_w) + 1/(y_wj + α_w),   z = δ/σ.
    static ThemesResult rank(const QList<ThemeDocument> &documents, const QSet<QString> &stopWords,
                             const ThemeOptions &options = {});

    // The documents of a corpus from stored comments: negative ones are the focus group, positive
    // ones the reference; neutral ones (neither) are left out.
    static QList<ThemeDocument> documents(const QList<StoredComment> &comments);

    // The lower-cased words of people's names, for masking (privacy.md: examples mask tokens that
    // match agent names). Stop words are left out so that a name such as "Will" does not blank
    // every "will".
    static QSet<QString> nameTokens(const QStringList &names, const QSet<QString> &stopWords);
    // The text with every word that is a name token replaced by "[name]" (case-insensitive, whole
    // words only), the rest untouched.
    static QString maskNames(const QString &text, const QSet<QString> &nameTokens);

    // The shipped English stop-word list (negations kept), from the resource :/qualitylens/stopwords/en.txt.
    static QSet<QString> englishStopWords();
    // A stop-word list from a file: one word a line, '#' starts a comment. Empty when unreadable.
    static std::optional<QSet<QString>> loadStopWords(const QString &path);

    // The comments whose fact passes the dimension filters (queue, channel, team, site, …), in
    // their order: customers' comments through the csat cube (by response id), auditors' through
    // the audits cube (by their audit's id). All of them when there are no filters; std::nullopt
    // with *error for a dimension the cube does not have.
    static std::optional<QList<StoredComment>> keep(const QList<StoredComment> &comments, const Cube &cube,
                                                    const QList<PivotFilter> &filters, const PivotOptions &options,
                                                    QString *error);
};

} // namespace ql::rca

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importmapping.h"

#include <QString>
#include <QStringList>

namespace ql {

// The import wizard's first guess at a mapping, from a file's header (ui.md, issue "The import
// wizard"): each field of the kind is matched to the header that names it in the words the common
// QA, survey and HR tools use ("Reviewee" → agent, "Category" → criterion, "Survey Result ID" →
// response_id). Headers are compared normalised (lower case, letters and digits only), so
// "Review ID", "review_id" and "REVIEW-ID" are one name. A header is used for one field at most;
// exact field names win over synonyms, and earlier synonyms over later ones.
class MappingSuggestion final
{
public:
    // `columns` of a mapping of that kind; the rest of the mapping keeps its defaults.
    static ImportMapping suggest(ImportMapping::Kind kind, const QStringList &header);

    // For audits-wide: the headers that name a criterion (its key or its name), given as
    // {key, name} pairs, skipping headers already mapped to a field. In header order.
    static QList<std::pair<QString, QString>> criteriaColumns(const ImportMapping &mapping, const QStringList &header,
                                                              const QList<std::pair<QString, QString>> &criteria);

    // "Review ID" → "reviewid".
    static QString normalised(QStringView header);
    // The names a field goes by, normalised, best first.
    static QStringList synonyms(const QString &field, ImportMapping::Kind kind);
};

} // namespace ql

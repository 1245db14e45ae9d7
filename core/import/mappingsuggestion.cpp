// SPDX-License-Identifier: GPL-3.0-or-later
#include "mappingsuggestion.h"

#include <QSet>

namespace ql {

QString MappingSuggestion::normalised(QStringView header)
{
    QString out;
    out.reserve(header.size());
    for (const QChar c : header)
        if (c.isLetterOrNumber())
            out += c.toLower();
    return out;
}

QStringList MappingSuggestion::synonyms(const QString &field, ImportMapping::Kind kind)
{
    using K = ImportMapping::Kind;
    QStringList names{field};
    const auto add = [&names](std::initializer_list<const char *> list) {
        for (const char *n : list)
            names << QString::fromLatin1(n);
    };
    if (field == QLatin1String("audit_id"))
        add({"audit id", "review id", "evaluation id", "grade id", "assessment id", "audit", "review", "evaluation"});
    else if (field == QLatin1String("ticket_id"))
        add({"ticket id", "conversation id", "interaction id", "case id", "contact id", "ticket", "conversation",
             "interaction", "case"});
    else if (field == QLatin1String("date") && kind == K::Csat)
        add({"response date", "survey date", "rated at", "rating date", "created time", "created at", "submitted at",
             "date"});
    else if (field == QLatin1String("date") && kind == K::Interactions)
        add({"interaction date", "conversation date", "created at", "date"});
    else if (field == QLatin1String("date"))
        add({"audit date", "review date", "reviewed at", "evaluation date", "evaluated at", "date graded",
             "graded at", "scored at", "date"});
    else if (field == QLatin1String("agent"))
        add({kind == K::Agents ? "agent id" : "agent", "agent id", "reviewee", "agent email", "employee id",
             "employee", "teammate", "assignee", "user id", "agent", "agent name"});
    else if (field == QLatin1String("name"))
        add({"agent name", "full name", "name", "display name"});
    else if (field == QLatin1String("auditor"))
        add({"auditor", "reviewer", "grader", "evaluator", "grader email", "reviewer email", "qa", "scored by"});
    else if (field == QLatin1String("criterion"))
        add({"category", "question", "criteria", "rating category", "item", "scorecard item", "attribute"});
    else if (field == QLatin1String("value"))
        add({"rating", "answer", "score", "result", "grade", "points"});
    else if (field == QLatin1String("score"))
        add({"rating", "csat", "satisfaction", "score", "csat score", "survey rating"});
    else if (field == QLatin1String("response_id"))
        add({"response id", "survey result id", "survey id", "rating id", "feedback id", "survey response id"});
    else if (field == QLatin1String("comment"))
        add({kind == K::AuditsLong ? "question comment" : "comment", "comment", "comments", "feedback", "remark",
             "remarks", "notes"});
    else if (field == QLatin1String("audit_comment"))
        add({"overall comment", "audit comment", "review comment", "general comment", "summary"});
    else if (field == QLatin1String("root_cause"))
        add({"root cause", "root causes", "cause", "reason code"});
    else if (field == QLatin1String("team"))
        add({"team", "team name"});
    else if (field == QLatin1String("site"))
        add({"site", "location", "office", "vendor site"});
    else if (field == QLatin1String("supervisor"))
        add({"supervisor", "team lead", "team leader", "manager", "lead"});
    else if (field == QLatin1String("queue"))
        add({"queue", "group", "skill", "department"});
    else if (field == QLatin1String("channel"))
        add({"channel", "medium", "source channel", "via"});
    else if (field == QLatin1String("interaction_date"))
        add({"interaction date", "conversation date", "ticket date", "contact date", "ticket created at"});
    else if (field == QLatin1String("sample_type"))
        add({"sample type", "sample", "review type", "audit type"});
    else if (field == QLatin1String("scorecard"))
        add({"scorecard", "scorecard name", "form", "template"});
    else if (field == QLatin1String("scorecard_version"))
        add({"scorecard version", "form version", "template version"});
    else if (field == QLatin1String("reason"))
        add({"reason", "contact reason", "dissatisfaction reason"});
    else if (field == QLatin1String("hire_date"))
        add({"hire date", "start date", "hired", "joined"});
    else if (field == QLatin1String("active"))
        add({"active", "status", "enabled"});
    else if (field == QLatin1String("valid_from"))
        add({"valid from", "effective date", "effective from"});
    else if (field == QLatin1String("aliases"))
        add({"aliases", "other ids", "alias"});
    else if (field == QLatin1String("transcript"))
        add({"transcript", "conversation text", "messages", "text"});
    else if (field == QLatin1String("media"))
        add({"media", "recording", "file", "attachment"});
    QStringList out;
    for (const QString &n : std::as_const(names)) {
        const QString norm = normalised(n);
        if (!out.contains(norm))
            out << norm;
    }
    return out;
}

ImportMapping MappingSuggestion::suggest(ImportMapping::Kind kind, const QStringList &header)
{
    ImportMapping m;
    m.kind = kind;
    QStringList norm;
    for (const QString &h : header)
        norm << normalised(h);
    const QStringList fields = ImportMapping::fieldsOf(kind);
    QList<QString> chosen(fields.size());
    QSet<int> used;
    // Rounds by rank: every field's exact name first, then every field's first synonym, …, so that a
    // header that is one field's own name is never taken by another field's later synonym.
    int longest = 0;
    QList<QStringList> names;
    for (const QString &f : fields) {
        names << synonyms(f, kind);
        longest = std::max(longest, int(names.last().size()));
    }
    for (int rank = 0; rank < longest; ++rank) {
        for (qsizetype f = 0; f < fields.size(); ++f) {
            if (!chosen.at(f).isEmpty() || rank >= names.at(f).size())
                continue;
            for (qsizetype h = 0; h < norm.size(); ++h) {
                if (!used.contains(int(h)) && !norm.at(h).isEmpty() && norm.at(h) == names.at(f).at(rank)) {
                    chosen[f] = header.at(h);
                    used.insert(int(h));
                    break;
                }
            }
        }
    }
    for (qsizetype f = 0; f < fields.size(); ++f)
        if (!chosen.at(f).isEmpty())
            m.columns.append({fields.at(f), chosen.at(f)});
    return m;
}

QList<std::pair<QString, QString>> MappingSuggestion::criteriaColumns(const ImportMapping &mapping,
                                                                       const QStringList &header,
                                                                       const QList<std::pair<QString, QString>> &criteria)
{
    QSet<QString> mapped;
    for (const auto &[field, column] : mapping.columns)
        mapped.insert(column);
    QList<std::pair<QString, QString>> out;
    QSet<QString> taken;
    for (const QString &h : header) {
        if (mapped.contains(h))
            continue;
        const QString n = normalised(h);
        for (const auto &[key, name] : criteria) {
            if (taken.contains(key))
                continue;
            if (n == normalised(key) || n == normalised(name)) {
                out.append({h, key});
                taken.insert(key);
                break;
            }
        }
    }
    return out;
}

} // namespace ql

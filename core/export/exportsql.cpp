// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportsql.h"

#include "scoring/scorecard.h"

#include <QObject>
#include <QRegularExpression>

namespace ql {

SqlFragment &SqlFragment::operator<<(const SqlFragment &other)
{
    text += other.text;
    binds += other.binds;
    return *this;
}

SqlFragment &SqlFragment::operator<<(const QString &sql)
{
    text += sql;
    return *this;
}

SqlFragment &SqlFragment::operator<<(const char *sql)
{
    text += QLatin1String(sql);
    return *this;
}

SqlFragment &SqlFragment::bind(const QVariant &value)
{
    text += u'?';
    binds << value;
    return *this;
}

QStringList ExportSql::header() const
{
    QStringList names;
    for (const Column &c : m_columns)
        names << c.name;
    return names;
}

namespace {

const QString Blank = QStringLiteral("(blank)");

enum class FilterKind { Text, Period, Families, RootCause };
enum class PeriodUnit { Day, Week, Month, Quarter, Year };

struct Dimension
{
    QString name;
    FilterKind kind = FilterKind::Text;
    SqlFragment expr;
    PeriodUnit unit = PeriodUnit::Day;
    bool custom = false;
};

// The roster's value in force for an agent on a date (agent_history, latest valid_from on or
// before the date), as an SQL expression.
QString rosterAt(const char *column, const QString &agent, const QString &date)
{
    return QStringLiteral("(SELECT h.%1 FROM agent_history h WHERE h.agent_id = %2 AND h.valid_from <= %3 "
                          "ORDER BY h.valid_from DESC LIMIT 1)")
        .arg(QLatin1String(column), agent, date);
}

// analysis.md's tenure bands from whole months of service on the fact's date (hired 15 Jan: 3
// months on 15 Apr, not on 14 Apr), as the pivot cubes compute them; NULL is (blank).
QString tenureBand(const QString &hire, const QString &date)
{
    const QString months =
        QStringLiteral("((CAST(substr(%2, 1, 4) AS INTEGER) - CAST(substr(%1, 1, 4) AS INTEGER)) * 12 "
                       "+ CAST(substr(%2, 6, 2) AS INTEGER) - CAST(substr(%1, 6, 2) AS INTEGER) "
                       "- (CAST(substr(%2, 9, 2) AS INTEGER) < CAST(substr(%1, 9, 2) AS INTEGER)))")
            .arg(hire, date);
    return QStringLiteral("(CASE WHEN %1 IS NULL OR length(%1) < 10 OR %2 IS NULL OR %2 < %1 THEN NULL "
                          "WHEN %3 < 3 THEN '0-3' WHEN %3 < 6 THEN '3-6' WHEN %3 < 12 THEN '6-12' ELSE '12+' END)")
        .arg(hire, date, months);
}

// Team and site of a fact: stored with it, else the roster's on its date.
QString rosterJoins(const QString &fact, const QString &agent, const QString &date)
{
    return QStringLiteral(" LEFT JOIN teams tm ON tm.id = COALESCE(%1.team_id, %2)"
                          " LEFT JOIN sites st ON st.id = COALESCE(%1.site_id, %3)")
        .arg(fact, rosterAt("team_id", agent, date), rosterAt("site_id", agent, date));
}

QString supervisorOf(const QString &fact, const QString &agent, const QString &date)
{
    return QStringLiteral("COALESCE(NULLIF(%1.supervisor, ''), %2)").arg(fact, rosterAt("supervisor", agent, date));
}

void addPeriods(QList<Dimension> *dims, const QString &prefix)
{
    *dims << Dimension{QStringLiteral("day"), FilterKind::Period, prefix + QStringLiteral("day"), PeriodUnit::Day}
          << Dimension{QStringLiteral("week"), FilterKind::Period, prefix + QStringLiteral("week"), PeriodUnit::Week}
          << Dimension{QStringLiteral("month"), FilterKind::Period, prefix + QStringLiteral("month"), PeriodUnit::Month}
          << Dimension{QStringLiteral("quarter"), FilterKind::Period, prefix + QStringLiteral("quarter"),
                       PeriodUnit::Quarter}
          << Dimension{QStringLiteral("year"), FilterKind::Period, QStringLiteral("(%1month / 100)").arg(prefix),
                       PeriodUnit::Year};
}

void addCustom(QList<Dimension> *dims, const ExportSql::Inputs &in, const char *sqlBeforeId)
{
    for (const auto &[id, name] : in.customDimensions) {
        bool taken = false;
        for (const Dimension &d : *dims)
            taken = taken || d.name == name;
        if (taken) // named like a built-in dimension: the built-in one wins, as in pivots
            continue;
        SqlFragment expr(sqlBeforeId);
        expr.bind(id) << ")";
        *dims << Dimension{name, FilterKind::Text, expr, PeriodUnit::Day, true};
    }
}

// analysis.md "Pivot vocabulary", in its order, for the facts of each source.
QList<Dimension> dimensionsOf(const ExportSql::Inputs &in)
{
    QList<Dimension> d;
    const auto text = [&d](const char *name, const QString &expr) {
        d << Dimension{QLatin1String(name), FilterKind::Text, expr};
    };
    const ExportSource source = in.spec.source;
    if (source == ExportSource::Agents) {
        text("agent", QStringLiteral("ag.agent_key"));
        text("agent_name", QStringLiteral("ag.name"));
        text("team", QStringLiteral("tm.name"));
        text("site", QStringLiteral("st.name"));
        text("supervisor", QStringLiteral("h.supervisor"));
        return d;
    }
    if (source == ExportSource::Csat) {
        text("agent", QStringLiteral("ag.agent_key"));
        text("agent_name", QStringLiteral("ag.name"));
        text("team", QStringLiteral("tm.name"));
        text("site", QStringLiteral("st.name"));
        text("supervisor", supervisorOf(QStringLiteral("r"), QStringLiteral("ag.id"), QStringLiteral("r.date")));
        text("tenure_band", tenureBand(QStringLiteral("ag.hire_date"), QStringLiteral("r.date")));
        text("queue", QStringLiteral("q.name"));
        text("channel", QStringLiteral("ch.name"));
        text("reason", QStringLiteral("r.reason"));
        addPeriods(&d, QStringLiteral("r."));
        addCustom(&d, in, "(SELECT x.value FROM csat_dimensions x WHERE x.response_id = r.id AND x.dimension_id = ");
        return d;
    }
    text("agent", QStringLiteral("ag.agent_key"));
    text("agent_name", QStringLiteral("ag.name"));
    text("team", QStringLiteral("tm.name"));
    text("site", QStringLiteral("st.name"));
    text("supervisor", supervisorOf(QStringLiteral("a"), QStringLiteral("a.agent_id"), QStringLiteral("a.date")));
    text("tenure_band", tenureBand(QStringLiteral("ag.hire_date"), QStringLiteral("a.date")));
    text("queue", QStringLiteral("q.name"));
    text("channel", QStringLiteral("ch.name"));
    text("auditor", QStringLiteral("au.auditor_key"));
    text("scorecard", QStringLiteral("sc.name"));
    text("scorecard_version", QStringLiteral("CAST(sc.version AS TEXT)"));
    text("sample_type", QStringLiteral("a.sample_type"));
    if (source == ExportSource::Answers) {
        text("section", QStringLiteral("sec.name"));
        text("criterion", QStringLiteral("cr.key"));
        d << Dimension{QStringLiteral("root_cause"), FilterKind::RootCause, QStringLiteral("an.id")};
    }
    d << Dimension{QStringLiteral("critical_family"), FilterKind::Families, QStringLiteral("a.critical_families")};
    // The reason of the ticket's latest response (scoring.md "CSAT": ties go to the greater id).
    text("reason", QStringLiteral("(SELECT lr.reason FROM csat_responses lr WHERE lr.ticket_id = a.ticket_id "
                                  "ORDER BY lr.day DESC, lr.date_time DESC, lr.id DESC LIMIT 1)"));
    addPeriods(&d, in.interactionPeriods ? QStringLiteral("a.i_") : QStringLiteral("a."));
    addCustom(&d, in, "(SELECT x.value FROM audit_dimensions x WHERE x.audit_id = a.id AND x.dimension_id = ");
    return d;
}

// A period label as its key: 2026-02-03 (Julian day), 2026-W07, 2026-02, 2026-Q1, 2026.
std::optional<qint64> periodKey(PeriodUnit unit, const QString &label)
{
    static const QRegularExpression day(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    static const QRegularExpression week(QStringLiteral("^(\\d{4})-W(\\d{2})$"));
    static const QRegularExpression month(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    static const QRegularExpression quarter(QStringLiteral("^(\\d{4})-Q([1-4])$"));
    static const QRegularExpression year(QStringLiteral("^\\d{4}$"));
    switch (unit) {
    case PeriodUnit::Day:
        if (day.match(label).hasMatch())
            if (const QDate date = QDate::fromString(label, Qt::ISODate); date.isValid())
                return date.toJulianDay();
        return std::nullopt;
    case PeriodUnit::Week:
        if (const auto m = week.match(label); m.hasMatch() && m.captured(2).toInt() >= 1 && m.captured(2).toInt() <= 53)
            return m.captured(1).toLongLong() * 100 + m.captured(2).toInt();
        return std::nullopt;
    case PeriodUnit::Month:
        if (const auto m = month.match(label);
            m.hasMatch() && m.captured(2).toInt() >= 1 && m.captured(2).toInt() <= 12)
            return m.captured(1).toLongLong() * 100 + m.captured(2).toInt();
        return std::nullopt;
    case PeriodUnit::Quarter:
        if (const auto m = quarter.match(label); m.hasMatch())
            return m.captured(1).toLongLong() * 10 + m.captured(2).toInt();
        return std::nullopt;
    case PeriodUnit::Year:
        if (year.match(label).hasMatch())
            return label.toLongLong();
        return std::nullopt;
    }
    return std::nullopt;
}

SqlFragment inList(const QVariantList &values)
{
    SqlFragment list("(");
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            list << ", ";
        list.bind(values.at(i));
    }
    return list << ")";
}

SqlFragment anyOf(const QList<SqlFragment> &parts)
{
    if (parts.isEmpty())
        return SqlFragment("0");
    SqlFragment out("(");
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out << " OR ";
        out << parts.at(i);
    }
    return out << ")";
}

// A single-valued member e (NULL = (blank)) in, or not in, the values (and (blank) when listed).
SqlFragment memberCondition(const SqlFragment &e, const QVariantList &values, bool blank, bool exclude)
{
    SqlFragment in;
    if (!values.isEmpty())
        in << e << (exclude ? " NOT IN " : " IN ") << inList(values);
    if (!exclude) {
        QList<SqlFragment> parts;
        if (!values.isEmpty())
            parts << in;
        if (blank)
            parts << (SqlFragment() << e << " IS NULL");
        return anyOf(parts);
    }
    if (blank)
        return values.isEmpty() ? SqlFragment() << e << " IS NOT NULL"
                                : SqlFragment("(") << e << " IS NOT NULL AND " << in << ")";
    return values.isEmpty() ? SqlFragment("1") : SqlFragment("(") << e << " IS NULL OR " << in << ")";
}

SqlFragment filterCondition(const Dimension &d, const ExportFilter &f)
{
    const bool blank = f.values.contains(Blank);
    QStringList values = f.values;
    values.removeAll(Blank);
    switch (d.kind) {
    case FilterKind::Text: {
        QVariantList binds;
        for (const QString &v : values)
            binds << v;
        return memberCondition(SqlFragment("NULLIF(") << d.expr << ", '')", binds, blank, f.exclude);
    }
    case FilterKind::Period: {
        QVariantList binds; // a label that is no period of this kind matches nothing
        for (const QString &v : values)
            if (const auto key = periodKey(d.unit, v))
                binds << *key;
        return memberCondition(d.expr, binds, blank, f.exclude);
    }
    case FilterKind::Families: {
        qint64 listed = 0;
        for (const QString &v : values)
            if (const auto family = criticalFamilyFromName(v))
                listed |= criticalFamilyBit(*family);
        const SqlFragment &m = d.expr;
        QList<SqlFragment> parts; // a member (a failed family) passes, or (blank) when none failed
        const qint64 passing = f.exclude ? (7 & ~listed) : listed;
        if (passing != 0)
            parts << ((SqlFragment("(") << m << " & ").bind(passing) << ") != 0");
        if (blank != f.exclude)
            parts << (SqlFragment() << m << " = 0");
        return anyOf(parts);
    }
    case FilterKind::RootCause: {
        const SqlFragment any = SqlFragment("EXISTS (SELECT 1 FROM answer_root_causes x WHERE x.answer_id = ")
                                << d.expr << ")";
        QVariantList binds;
        for (const QString &v : values)
            binds << v;
        QList<SqlFragment> parts;
        if (!binds.isEmpty() || f.exclude) {
            if (binds.isEmpty())
                parts << any;
            else
                parts << (SqlFragment("EXISTS (SELECT 1 FROM answer_root_causes x JOIN root_causes rc ON rc.id = "
                                      "x.root_cause_id WHERE x.answer_id = ")
                          << d.expr << " AND rc.name " << (f.exclude ? "NOT IN " : "IN ") << inList(binds) << ")");
        }
        if (blank != f.exclude)
            parts << (SqlFragment("NOT ") << any);
        return anyOf(parts);
    }
    }
    return SqlFragment("0");
}

struct Select
{
    SqlFragment list;
    QList<ExportSql::Column> columns;
    int next = 0;

    void add(const char *name, ExportSql::CellKind kind, std::initializer_list<SqlFragment> exprs)
    {
        add(QLatin1String(name), kind, exprs);
    }
    void add(const QString &name, ExportSql::CellKind kind, std::initializer_list<SqlFragment> exprs)
    {
        columns << ExportSql::Column{name, kind, next};
        for (const SqlFragment &e : exprs) {
            if (next++ > 0)
                list << ", ";
            list << e;
        }
    }
};

} // namespace

std::unique_ptr<ExportSql> ExportSql::build(const Inputs &in, ExportQuery::Problem *problem, QString *error)
{
    using K = CellKind;
    const ExportSource source = in.spec.source;
    const QList<Dimension> dims = dimensionsOf(in);
    std::unique_ptr<ExportSql> sql(new ExportSql);
    for (const Dimension &d : dims)
        sql->m_dimensions << d.name;

    if (source == ExportSource::Agents && (in.spec.from.isValid() || in.spec.to.isValid())) {
        *problem = ExportQuery::Problem::InvalidSpec;
        *error = QObject::tr("agents have no date to filter on: --from and --to apply to audits, answers and csat");
        return nullptr;
    }
    SqlFragment where(" WHERE 1");
    for (const ExportFilter &f : in.spec.filters) {
        const Dimension *dim = nullptr;
        for (const Dimension &d : dims)
            if (d.name == f.dimension)
                dim = &d;
        if (!dim) {
            *problem = ExportQuery::Problem::UnknownDimension;
            *error = QObject::tr("no dimension \"%1\" in %2; the dimensions are %3")
                         .arg(f.dimension, exportSourceName(source), sql->m_dimensions.join(QStringLiteral(", ")));
            return nullptr;
        }
        where << " AND " << filterCondition(*dim, f);
    }
    const QString day = source == ExportSource::Csat ? QStringLiteral("r.day")
                        : in.interactionPeriods      ? QStringLiteral("a.i_day")
                                                     : QStringLiteral("a.day");
    if (in.spec.from.isValid())
        (where << " AND " << day << " >= ").bind(in.spec.from.toJulianDay());
    if (in.spec.to.isValid())
        (where << " AND " << day << " <= ").bind(in.spec.to.toJulianDay());

    Select s;
    SqlFragment from;
    QString order;
    const auto dimExpr = [&dims](const QString &name) {
        for (const Dimension &d : dims)
            if (d.name == name)
                return d.expr;
        return SqlFragment("NULL");
    };
    // One column per custom dimension, unless a built-in column has its name.
    const auto customColumns = [&] {
        for (const Dimension &d : dims) {
            bool shadowed = false;
            for (const Column &c : std::as_const(s.columns))
                shadowed = shadowed || c.name == d.name;
            if (d.custom && !shadowed)
                s.add(d.name, K::Text, {d.expr});
        }
    };

    switch (source) {
    case ExportSource::Audits: {
        const QString p = in.interactionPeriods ? QStringLiteral("a.i_") : QStringLiteral("a.");
        s.add("audit_id", K::Text, {"a.audit_key"});
        s.add("source", K::Text, {"a.source"});
        s.add("ticket_id", K::Text, {"a.ticket_id"});
        s.add("date", K::JulianDate, {"a.day"});
        s.add("interaction_date", K::JulianDate, {"a.i_day"});
        s.add("week", K::WeekLabel, {p + QStringLiteral("week")});
        s.add("month", K::MonthLabel, {p + QStringLiteral("month")});
        s.add("agent", K::Text, {"ag.agent_key"});
        s.add("agent_name", K::Text, {"ag.name"});
        s.add("team", K::Text, {"tm.name"});
        s.add("site", K::Text, {"st.name"});
        s.add("supervisor", K::Text, {dimExpr(QStringLiteral("supervisor"))});
        s.add("queue", K::Text, {"q.name"});
        s.add("channel", K::Text, {"ch.name"});
        s.add("auditor", K::Text, {"au.auditor_key"});
        s.add("sample_type", K::Text, {"a.sample_type"});
        s.add("scorecard", K::Text, {"sc.name"});
        s.add("scorecard_version", K::Integer, {"sc.version"});
        s.add("score", K::Number, {"a.score"});
        s.add("raw_score", K::Number, {"a.raw_score"});
        s.add("passed", K::Integer, {"a.passed"});
        s.add("critical_fail", K::Integer, {"a.critical_fail"});
        s.add("critical_families", K::Families, {"a.critical_families"});
        s.add("incomplete", K::Integer, {"a.incomplete"});
        s.add("comment", K::Text, {"a.comment"});
        customColumns();
        break;
    }
    case ExportSource::Answers:
        s.add("audit_id", K::Text, {"a.audit_key"});
        s.add("source", K::Text, {"a.source"});
        s.add("ticket_id", K::Text, {"a.ticket_id"});
        s.add("date", K::JulianDate, {"a.day"});
        s.add("interaction_date", K::JulianDate, {"a.i_day"});
        s.add("agent", K::Text, {"ag.agent_key"});
        s.add("auditor", K::Text, {"au.auditor_key"});
        s.add("team", K::Text, {"tm.name"});
        s.add("site", K::Text, {"st.name"});
        s.add("supervisor", K::Text, {dimExpr(QStringLiteral("supervisor"))});
        s.add("queue", K::Text, {"q.name"});
        s.add("channel", K::Text, {"ch.name"});
        s.add("sample_type", K::Text, {"a.sample_type"});
        s.add("scorecard", K::Text, {"sc.name"});
        s.add("scorecard_version", K::Integer, {"sc.version"});
        s.add("criterion", K::Text, {"cr.key"});
        s.add("section", K::Text, {"sec.name"});
        s.add("value", K::AnswerValue, {"cr.scale_kind", "an.value", "an.option_label", "an.na"});
        s.add("na", K::Integer, {"an.na"});
        s.add("c", K::Number, {"an.c"});
        // Names in code-point order, so the same answer always reads the same.
        s.add("root_cause", K::Text,
              {"(SELECT group_concat(name, ';') FROM (SELECT rc.name FROM answer_root_causes x JOIN root_causes rc "
               "ON rc.id = x.root_cause_id WHERE x.answer_id = an.id ORDER BY rc.name))"});
        s.add("comment", K::Text, {"an.comment"});
        break;
    case ExportSource::Csat:
        s.add("response_id", K::Text, {"r.response_key"});
        s.add("source", K::Text, {"r.source"});
        s.add("date", K::JulianDate, {"r.day"});
        s.add("score", K::CsatScore, {"r.scale", "r.score", "r.score_label"});
        s.add("ticket_id", K::Text, {"r.ticket_id"});
        s.add("agent", K::Text, {"ag.agent_key"});
        s.add("team", K::Text, {"tm.name"});
        s.add("site", K::Text, {"st.name"});
        s.add("supervisor", K::Text, {dimExpr(QStringLiteral("supervisor"))});
        s.add("queue", K::Text, {"q.name"});
        s.add("channel", K::Text, {"ch.name"});
        s.add("reason", K::Text, {"r.reason"});
        s.add("comment", K::Text, {"r.comment"});
        s.add("scale", K::Text, {"r.scale"});
        s.add("satisfied", K::Integer, {"r.satisfied"});
        s.add("dissatisfied", K::Integer, {"r.dissatisfied"});
        s.add("week", K::WeekLabel, {"r.week"});
        s.add("month", K::MonthLabel, {"r.month"});
        customColumns();
        break;
    case ExportSource::Agents:
        s.add("agent", K::Text, {"ag.agent_key"});
        s.add("name", K::Text, {"ag.name"});
        s.add("team", K::Text, {"tm.name"});
        s.add("site", K::Text, {"st.name"});
        s.add("supervisor", K::Text, {"h.supervisor"});
        s.add("hire_date", K::IsoDate, {"ag.hire_date"});
        s.add("active", K::Integer, {"ag.active"});
        break;
    }

    const QString auditJoins = QStringLiteral(" JOIN agents ag ON ag.id = a.agent_id"
                                              " JOIN scorecards sc ON sc.id = a.scorecard_id"
                                              " LEFT JOIN auditors au ON au.id = a.auditor_id"
                                              " LEFT JOIN queues q ON q.id = a.queue_id"
                                              " LEFT JOIN channels ch ON ch.id = a.channel_id") +
                               rosterJoins(QStringLiteral("a"), QStringLiteral("a.agent_id"), QStringLiteral("a.date"));
    switch (source) {
    case ExportSource::Audits:
        from << " FROM audits a" << auditJoins;
        order = QStringLiteral(" ORDER BY a.id");
        break;
    case ExportSource::Answers:
        // CROSS JOIN keeps audits the outer loop, so rows come audit by audit in stored order and
        // only each audit's few answers are sorted by criterion position.
        from << " FROM audits a CROSS JOIN answers an ON an.audit_id = a.id" << auditJoins
             << " JOIN criteria cr ON cr.id = an.criterion_id JOIN scorecard_sections sec ON sec.id = cr.section_id";
        order = QStringLiteral(" ORDER BY a.id, cr.position");
        break;
    case ExportSource::Csat:
        // scoring.md: a response's agent is its own, else that of the ticket's latest official audit.
        from << " FROM csat_responses r LEFT JOIN agents ag ON ag.id = COALESCE(r.agent_id, (SELECT la.agent_id "
                "FROM audits la WHERE la.ticket_id = r.ticket_id AND la.superseded_by IS NULL "
                "ORDER BY la.day DESC, la.date_time DESC, la.id DESC LIMIT 1))"
                " LEFT JOIN queues q ON q.id = r.queue_id LEFT JOIN channels ch ON ch.id = r.channel_id"
             << rosterJoins(QStringLiteral("r"), QStringLiteral("ag.id"), QStringLiteral("r.date"));
        order = QStringLiteral(" ORDER BY r.id");
        break;
    case ExportSource::Agents: {
        // The row in force on asOf; an agent whose roster starts later shows its first row.
        const QString asOf = (in.spec.asOf.isValid() ? in.spec.asOf : in.today).toString(Qt::ISODate);
        (from << " FROM agents ag LEFT JOIN agent_history h ON h.id = COALESCE((SELECT x.id FROM agent_history x "
                 "WHERE x.agent_id = ag.id AND x.valid_from <= ")
                .bind(asOf)
            << " ORDER BY x.valid_from DESC LIMIT 1), (SELECT x.id FROM agent_history x WHERE x.agent_id = ag.id "
               "ORDER BY x.valid_from LIMIT 1))"
               " LEFT JOIN teams tm ON tm.id = h.team_id LEFT JOIN sites st ON st.id = h.site_id";
        order = QStringLiteral(" ORDER BY ag.id");
        break;
    }
    }

    sql->m_columns = s.columns;
    sql->m_statementColumns = s.next;
    sql->m_rows = SqlFragment("SELECT ") << s.list << from << where << order;
    sql->m_count = SqlFragment("SELECT count(*)") << from << where;
    return sql;
}

} // namespace ql

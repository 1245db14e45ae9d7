// SPDX-License-Identifier: GPL-3.0-or-later
#include "importmapping.h"

#include "csvoptions.h"
#include "encodingdetector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <cmath>

namespace ql {

namespace {

const QStringList &auditFields()
{
    static const QStringList fields{
        QStringLiteral("ticket_id"), QStringLiteral("auditor"),           QStringLiteral("team"),
        QStringLiteral("site"),      QStringLiteral("supervisor"),        QStringLiteral("queue"),
        QStringLiteral("channel"),   QStringLiteral("interaction_date"),  QStringLiteral("sample_type"),
        QStringLiteral("scorecard"), QStringLiteral("scorecard_version"), QStringLiteral("audit_comment"),
    };
    return fields;
}

bool isCriterionKey(const QString &key)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9_]{1,64}$"));
    return re.match(key).hasMatch();
}

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("true/false");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("text");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("nothing");
    }
}

// Reads one mapping; the first refusal wins and names its key path.
class Reader
{
public:
    QString error;

    bool fail(const QString &path, const QString &message)
    {
        if (error.isEmpty())
            error = path.isEmpty() ? message : QStringLiteral("%1: %2").arg(path, message);
        return false;
    }

    bool text(const QJsonValue &v, const QString &path, QString *out, bool allowEmpty = false)
    {
        if (!v.isString())
            return fail(path, QObject::tr("expected text, found %1").arg(jsonTypeName(v)));
        *out = v.toString();
        if (!allowEmpty && out->trimmed().isEmpty())
            return fail(path, QObject::tr("must not be empty"));
        return true;
    }

    bool stringMap(const QJsonValue &v, const QString &path, QList<std::pair<QString, QString>> *out)
    {
        if (!v.isObject())
            return fail(path,
                        QObject::tr("expected an object of \"name\": \"text\" pairs, found %1").arg(jsonTypeName(v)));
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            QString value;
            if (it.key().trimmed().isEmpty())
                return fail(path, QObject::tr("a key is empty"));
            if (!text(it.value(), path + QLatin1Char('.') + it.key(), &value))
                return false;
            out->append({it.key(), value});
        }
        return true;
    }

    bool valueMap(const QJsonValue &v, const QString &path, ValueMap *out)
    {
        if (!v.isObject())
            return fail(
                path,
                QObject::tr("expected an object mapping the file's text to a value, found %1").arg(jsonTypeName(v)));
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            ValueMap::Value value;
            const QString at = path + QLatin1Char('.') + it.key();
            if (it.value().isDouble()) {
                value.kind = ValueMap::Value::Number;
                value.number = it.value().toDouble();
            } else if (it.value().isString()) {
                const QString s = it.value().toString();
                if (s.compare(u"na", Qt::CaseInsensitive) == 0) {
                    value.kind = ValueMap::Value::NotApplicable;
                } else if (s.trimmed().isEmpty()) {
                    return fail(at, QObject::tr("must be a number, a text or \"na\""));
                } else {
                    value.kind = ValueMap::Value::Text;
                    value.text = s.trimmed();
                }
            } else {
                return fail(at,
                            QObject::tr("must be a number, a text or \"na\", found %1").arg(jsonTypeName(it.value())));
            }
            out->insert(it.key().trimmed(), value);
        }
        return true;
    }
};

// scoring.md's default satisfied and dissatisfied sets.
bool defaultNumericSets(int min, int max, QList<double> *satisfied, QList<double> *dissatisfied)
{
    if (min == 1 && max == 3) {
        *satisfied = {3};
        *dissatisfied = {1};
    } else if (min == 1 && max == 5) {
        *satisfied = {4, 5};
        *dissatisfied = {1, 2};
    } else if (min == 1 && max == 7) {
        *satisfied = {6, 7};
        *dissatisfied = {1, 2};
    } else if (min == 0 && max == 10) {
        *satisfied = {9, 10};
        *dissatisfied = {0, 1, 2, 3, 4, 5, 6};
    } else {
        return false;
    }
    return true;
}

} // namespace

QString ImportMapping::CsatScale::storedName() const
{
    if (isLabels())
        return QStringLiteral("labels:") + labels.join(QLatin1Char(','));
    return QStringLiteral("%1-%2").arg(min).arg(max);
}

QString ImportMapping::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Agents:
        return QStringLiteral("agents");
    case Kind::AuditsLong:
        return QStringLiteral("audits-long");
    case Kind::AuditsWide:
        return QStringLiteral("audits-wide");
    case Kind::Csat:
        return QStringLiteral("csat");
    case Kind::Interactions:
        return QStringLiteral("interactions");
    }
    return {};
}

std::optional<ImportMapping::Kind> ImportMapping::kindFromName(QStringView name)
{
    for (Kind k : {Kind::Agents, Kind::AuditsLong, Kind::AuditsWide, Kind::Csat, Kind::Interactions}) {
        if (name == kindName(k))
            return k;
    }
    return std::nullopt;
}

QStringList ImportMapping::requiredFieldsOf(Kind kind)
{
    switch (kind) {
    case Kind::Agents:
        return {QStringLiteral("agent")};
    case Kind::AuditsLong:
        return {QStringLiteral("audit_id"), QStringLiteral("date"), QStringLiteral("agent"),
                QStringLiteral("criterion"), QStringLiteral("value")};
    case Kind::AuditsWide:
        return {QStringLiteral("audit_id"), QStringLiteral("date"), QStringLiteral("agent")};
    case Kind::Csat:
        return {QStringLiteral("response_id"), QStringLiteral("date"), QStringLiteral("score")};
    case Kind::Interactions:
        return {QStringLiteral("ticket_id")};
    }
    return {};
}

QStringList ImportMapping::fieldsOf(Kind kind)
{
    QStringList fields = requiredFieldsOf(kind);
    switch (kind) {
    case Kind::Agents:
        fields << QStringLiteral("name") << QStringLiteral("team") << QStringLiteral("site")
               << QStringLiteral("supervisor") << QStringLiteral("hire_date") << QStringLiteral("active")
               << QStringLiteral("valid_from") << QStringLiteral("aliases");
        break;
    case Kind::AuditsLong:
        fields << auditFields() << QStringLiteral("comment") << QStringLiteral("root_cause");
        break;
    case Kind::AuditsWide:
        fields << auditFields();
        break;
    case Kind::Csat:
        fields << QStringLiteral("ticket_id") << QStringLiteral("agent") << QStringLiteral("team")
               << QStringLiteral("site") << QStringLiteral("supervisor") << QStringLiteral("queue")
               << QStringLiteral("channel") << QStringLiteral("reason") << QStringLiteral("comment");
        break;
    case Kind::Interactions:
        fields << QStringLiteral("channel") << QStringLiteral("transcript") << QStringLiteral("media")
               << QStringLiteral("date");
        break;
    }
    return fields;
}

QString ImportMapping::maskName(MaskKind kind)
{
    switch (kind) {
    case MaskCard:
        return QStringLiteral("card");
    case MaskEmail:
        return QStringLiteral("email");
    case MaskPhone:
        return QStringLiteral("phone");
    case MaskIban:
        return QStringLiteral("iban");
    }
    return {};
}

QString ImportMapping::columnFor(QStringView field) const
{
    for (const auto &[f, header] : columns) {
        if (f == field)
            return header;
    }
    return {};
}

const ValueMap *ImportMapping::valuesFor(QStringView field) const
{
    for (const auto &[f, map] : values) {
        if (f == field)
            return &map;
    }
    return nullptr;
}

QString ImportMapping::criterionForLabel(QStringView label) const
{
    const QStringView trimmed = label.trimmed();
    for (const auto &[l, key] : criteria) {
        if (trimmed == l)
            return key;
    }
    for (const auto &[l, key] : criteria) {
        if (trimmed.compare(l, Qt::CaseInsensitive) == 0)
            return key;
    }
    return {};
}

std::optional<ImportMapping> ImportMapping::parse(QByteArrayView text, QString *error)
{
    QByteArrayView body = text;
    if (body.startsWith("\xEF\xBB\xBF"))
        body = body.sliced(3);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error =
                QObject::tr("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        if (error)
            *error = QObject::tr("a mapping is a JSON object");
        return std::nullopt;
    }
    return fromJson(doc.object(), error);
}

std::optional<ImportMapping> ImportMapping::fromJson(const QJsonObject &o, QString *error)
{
    Reader r;
    ImportMapping m;
    const auto refuse = [&]() -> std::optional<ImportMapping> {
        if (error)
            *error = r.error;
        return std::nullopt;
    };

    static const QSet<QString> known{
        QStringLiteral("kind"),
        QStringLiteral("source"),
        QStringLiteral("scorecard"),
        QStringLiteral("scorecard_version"),
        QStringLiteral("csv"),
        QStringLiteral("date_format"),
        QStringLiteral("time_zone"),
        QStringLiteral("columns"),
        QStringLiteral("dimensions"),
        QStringLiteral("values"),
        QStringLiteral("criteria"),
        QStringLiteral("criteria_columns"),
        QStringLiteral("root_cause_columns"),
        QStringLiteral("scale"),
        QStringLiteral("satisfied"),
        QStringLiteral("dissatisfied"),
        QStringLiteral("mask"),
        QStringLiteral("name"),
        QStringLiteral("description"),
    };
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key())) {
            r.fail(it.key(), QObject::tr("unknown key"));
            return refuse();
        }
    }

    // kind
    QString kindText;
    if (!o.contains(u"kind")) {
        r.fail(QStringLiteral("kind"),
               QObject::tr("missing; one of agents, audits-long, audits-wide, csat, interactions"));
        return refuse();
    }
    if (!r.text(o.value(u"kind"), QStringLiteral("kind"), &kindText))
        return refuse();
    const auto kind = kindFromName(kindText);
    if (!kind) {
        r.fail(QStringLiteral("kind"),
               QObject::tr("\"%1\" is not one of agents, audits-long, audits-wide, csat, interactions").arg(kindText));
        return refuse();
    }
    m.kind = *kind;
    const bool audits = m.kind == Kind::AuditsLong || m.kind == Kind::AuditsWide;
    const QString kn = kindName(m.kind);

    for (const char *key : {"name", "description"}) {
        const QString k = QString::fromLatin1(key);
        QString ignored;
        if (o.contains(k) && !r.text(o.value(k), k, &ignored, true))
            return refuse();
    }

    if (o.contains(u"source") && !o.value(u"source").isNull() &&
        !r.text(o.value(u"source"), QStringLiteral("source"), &m.source))
        return refuse();
    m.source = m.source.trimmed();

    // Keys that only one kind reads are refused elsewhere: a csat scale in an audits mapping is a
    // mistake the user wants to hear about.
    const auto onlyFor = [&](const char *key, bool allowed, const QString &kinds) {
        if (o.contains(QLatin1String(key)) && !allowed)
            return r.fail(QString::fromLatin1(key), QObject::tr("only %1 mappings have this key").arg(kinds));
        return true;
    };
    if (!onlyFor("scorecard", audits, QStringLiteral("audits")) ||
        !onlyFor("scorecard_version", audits, QStringLiteral("audits")) ||
        !onlyFor("criteria", audits, QStringLiteral("audits")) ||
        !onlyFor("criteria_columns", m.kind == Kind::AuditsWide, QStringLiteral("audits-wide")) ||
        !onlyFor("root_cause_columns", m.kind == Kind::AuditsWide, QStringLiteral("audits-wide")) ||
        !onlyFor("scale", m.kind == Kind::Csat, QStringLiteral("csat")) ||
        !onlyFor("satisfied", m.kind == Kind::Csat, QStringLiteral("csat")) ||
        !onlyFor("dissatisfied", m.kind == Kind::Csat, QStringLiteral("csat")))
        return refuse();

    if (o.contains(u"scorecard") && !o.value(u"scorecard").isNull() &&
        !r.text(o.value(u"scorecard"), QStringLiteral("scorecard"), &m.scorecard))
        return refuse();
    m.scorecard = m.scorecard.trimmed();
    if (o.contains(u"scorecard_version") && !o.value(u"scorecard_version").isNull()) {
        const QJsonValue v = o.value(u"scorecard_version");
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 1 || std::floor(d) != d || d > 1e9) {
            r.fail(QStringLiteral("scorecard_version"), QObject::tr("must be null or a version number (1, 2, …)"));
            return refuse();
        }
        m.scorecardVersion = int(d);
    }

    // csv
    if (o.contains(u"csv")) {
        const QJsonValue v = o.value(u"csv");
        if (!v.isObject()) {
            r.fail(QStringLiteral("csv"), QObject::tr("expected an object, found %1").arg(jsonTypeName(v)));
            return refuse();
        }
        const QJsonObject csv = v.toObject();
        for (auto it = csv.begin(); it != csv.end(); ++it) {
            const QString path = QStringLiteral("csv.") + it.key();
            QString value;
            if (it.key() == u"delimiter") {
                if (!r.text(it.value(), path, &value, true))
                    return refuse();
                const auto d = CsvOptions::parseDelimiter(value);
                if (!d) {
                    r.fail(path,
                           QObject::tr("\"%1\" is not \"auto\" or one character that can separate fields").arg(value));
                    return refuse();
                }
                m.delimiter = *d;
            } else if (it.key() == u"encoding") {
                if (!r.text(it.value(), path, &value))
                    return refuse();
                const QString canonical = EncodingDetector::canonicalName(value);
                if (canonical.isEmpty()) {
                    r.fail(path, QObject::tr("\"%1\" is not auto, %2")
                                     .arg(value, EncodingDetector::encodingNames().join(u", ")));
                    return refuse();
                }
                m.encoding = canonical;
            } else if (it.key() == u"decimal") {
                if (!r.text(it.value(), path, &value))
                    return refuse();
                if (value != u"." && value != u",") {
                    r.fail(path, QObject::tr("must be \".\" or \",\""));
                    return refuse();
                }
                m.decimal = value.at(0);
            } else {
                r.fail(path, QObject::tr("unknown key (csv has delimiter, encoding and decimal)"));
                return refuse();
            }
        }
    }

    if (o.contains(u"date_format") && !r.text(o.value(u"date_format"), QStringLiteral("date_format"), &m.dateFormat))
        return refuse();
    if (m.dateFormat != u"auto") {
        // A format that cannot name a calendar day would read every cell as the same date.
        if (!m.dateFormat.contains(u'y') || !m.dateFormat.contains(u'M') || !m.dateFormat.contains(u'd')) {
            r.fail(QStringLiteral("date_format"),
                   QObject::tr("\"%1\" is not \"auto\" or a Qt date format with a year (yyyy), month (M) and day (d)")
                       .arg(m.dateFormat));
            return refuse();
        }
    }
    if (o.contains(u"time_zone") && !o.value(u"time_zone").isNull()) {
        if (!r.text(o.value(u"time_zone"), QStringLiteral("time_zone"), &m.timeZone))
            return refuse();
        if (!QTimeZone(m.timeZone.toUtf8()).isValid()) {
            r.fail(QStringLiteral("time_zone"),
                   QObject::tr("\"%1\" is not an IANA time zone such as Europe/Berlin").arg(m.timeZone));
            return refuse();
        }
    }

    // columns
    const QStringList fields = fieldsOf(m.kind);
    if (!o.contains(u"columns")) {
        r.fail(QStringLiteral("columns"),
               QObject::tr("missing; %1 files need %2").arg(kn, requiredFieldsOf(m.kind).join(u", ")));
        return refuse();
    }
    if (!r.stringMap(o.value(u"columns"), QStringLiteral("columns"), &m.columns))
        return refuse();
    for (const auto &[field, header] : m.columns) {
        if (!fields.contains(field)) {
            QString hint;
            if (m.kind == Kind::AuditsWide && (field == u"criterion" || field == u"value"))
                hint = QObject::tr("; audits-wide files name their criteria in criteria_columns");
            else if (m.kind == Kind::AuditsWide && field == u"comment")
                hint = QObject::tr("; use audit_comment for the audit's comment");
            r.fail(QStringLiteral("columns.") + field,
                   QObject::tr("not a field of %1 files (fields: %2)%3").arg(kn, fields.join(u", "), hint));
            return refuse();
        }
    }
    for (const QString &field : requiredFieldsOf(m.kind)) {
        if (!m.hasColumn(field)) {
            r.fail(QStringLiteral("columns"), QObject::tr("%1 files need the %2 field").arg(kn, field));
            return refuse();
        }
    }
    if (audits && m.scorecard.isEmpty() && !m.hasColumn(u"scorecard")) {
        r.fail(QStringLiteral("scorecard"), QObject::tr("missing; name the scorecard, or map a scorecard column"));
        return refuse();
    }

    if (o.contains(u"dimensions")) {
        if (!r.stringMap(o.value(u"dimensions"), QStringLiteral("dimensions"), &m.dimensions))
            return refuse();
        static const QStringList builtIn{
            QStringLiteral("agent"),   QStringLiteral("team"),      QStringLiteral("site"),
            QStringLiteral("queue"),   QStringLiteral("channel"),   QStringLiteral("auditor"),
            QStringLiteral("day"),     QStringLiteral("week"),      QStringLiteral("month"),
            QStringLiteral("quarter"), QStringLiteral("criterion"), QStringLiteral("section")};
        for (const auto &[name, header] : m.dimensions) {
            if (fields.contains(name) || builtIn.contains(name)) {
                r.fail(
                    QStringLiteral("dimensions.") + name,
                    QObject::tr("\"%1\" is a built-in field; map it under columns or give the dimension another name")
                        .arg(name));
                return refuse();
            }
        }
    }

    if (o.contains(u"criteria")) {
        if (!r.stringMap(o.value(u"criteria"), QStringLiteral("criteria"), &m.criteria))
            return refuse();
        for (const auto &[label, key] : m.criteria) {
            if (!isCriterionKey(key)) {
                r.fail(QStringLiteral("criteria.") + label,
                       QObject::tr("\"%1\" is not a criterion key (a–z, 0–9, _)").arg(key));
                return refuse();
            }
        }
    }
    for (const char *key : {"criteria_columns", "root_cause_columns"}) {
        const QString k = QString::fromLatin1(key);
        auto *target = k == u"criteria_columns" ? &m.criteriaColumns : &m.rootCauseColumns;
        if (o.contains(k)) {
            if (!r.stringMap(o.value(k), k, target))
                return refuse();
            for (const auto &[header, criterion] : *target) {
                if (!isCriterionKey(criterion)) {
                    r.fail(k + QLatin1Char('.') + header,
                           QObject::tr("\"%1\" is not a criterion key (a–z, 0–9, _)").arg(criterion));
                    return refuse();
                }
            }
        }
    }
    if (m.kind == Kind::AuditsWide && m.criteriaColumns.isEmpty()) {
        r.fail(QStringLiteral("criteria_columns"),
               QObject::tr("missing; audits-wide files map each criterion's column to its key"));
        return refuse();
    }

    if (o.contains(u"values")) {
        const QJsonValue v = o.value(u"values");
        if (!v.isObject()) {
            r.fail(QStringLiteral("values"),
                   QObject::tr("expected an object of field → value map, found %1").arg(jsonTypeName(v)));
            return refuse();
        }
        const QJsonObject vo = v.toObject();
        for (auto it = vo.begin(); it != vo.end(); ++it) {
            const QString &field = it.key();
            bool ok = fields.contains(field);
            if (m.kind == Kind::AuditsWide) {
                // Wide files: "value" applies to every criterion column; a criterion key or a
                // criteria column's header gives one criterion its own map.
                ok = ok || field == u"value" ||
                     std::any_of(m.criteriaColumns.cbegin(), m.criteriaColumns.cend(),
                                 [&](const auto &c) { return c.first == field || c.second == field; });
            }
            if (!ok) {
                r.fail(QStringLiteral("values.") + field, QObject::tr("not a field of %1 files").arg(kn));
                return refuse();
            }
            ValueMap map;
            if (!r.valueMap(it.value(), QStringLiteral("values.") + field, &map))
                return refuse();
            m.values.append({field, map});
        }
    }

    if (o.contains(u"mask")) {
        const QJsonValue v = o.value(u"mask");
        if (!v.isArray()) {
            r.fail(QStringLiteral("mask"), QObject::tr("expected a list from card, email, phone, iban"));
            return refuse();
        }
        m.mask = 0;
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString name = a.at(i).toString();
            bool found = false;
            for (MaskKind k : {MaskCard, MaskEmail, MaskPhone, MaskIban}) {
                if (name == maskName(k)) {
                    m.mask |= k;
                    found = true;
                }
            }
            if (!found) {
                r.fail(QStringLiteral("mask[%1]").arg(i),
                       QObject::tr("\"%1\" is not one of card, email, phone, iban").arg(name));
                return refuse();
            }
        }
    }

    if (m.kind == Kind::Csat) {
        CsatScale &s = m.csatScale;
        if (o.contains(u"scale")) {
            const QJsonValue v = o.value(u"scale");
            const QJsonObject so = v.toObject();
            if (!v.isObject() || !(so.keys() == QStringList{QStringLiteral("max"), QStringLiteral("min")} ||
                                   so.keys() == QStringList{QStringLiteral("labels")})) {
                r.fail(QStringLiteral("scale"),
                       QObject::tr("expected {\"min\": 1, \"max\": 5} or {\"labels\": [\"bad\", \"good\"]}"));
                return refuse();
            }
            if (so.contains(u"labels")) {
                const QJsonArray labels = so.value(u"labels").toArray();
                for (const QJsonValue &l : labels) {
                    const QString label = l.toString().trimmed();
                    if (label.isEmpty() || s.labels.contains(label, Qt::CaseInsensitive) || label.contains(u',')) {
                        r.fail(QStringLiteral("scale.labels"),
                               QObject::tr("labels must be distinct non-empty texts without commas"));
                        return refuse();
                    }
                    s.labels << label;
                }
                if (s.labels.size() < 2) {
                    r.fail(QStringLiteral("scale.labels"),
                           QObject::tr("a label scale needs at least two labels, worst first"));
                    return refuse();
                }
            } else {
                const double mn = so.value(u"min").toDouble(NAN), mx = so.value(u"max").toDouble(NAN);
                if (std::floor(mn) != mn || std::floor(mx) != mx || mn >= mx || mn < -1000 || mx > 1000) {
                    r.fail(QStringLiteral("scale"), QObject::tr("min and max must be whole numbers with min < max"));
                    return refuse();
                }
                s.min = int(mn);
                s.max = int(mx);
            }
        }
        const auto readSet = [&](const char *key, QList<double> *numbers, QStringList *labels) {
            const QString k = QString::fromLatin1(key);
            const QJsonValue v = o.value(k);
            if (!v.isArray())
                return r.fail(k, QObject::tr("expected a list of scores"));
            const QJsonArray a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                const QString at = QStringLiteral("%1[%2]").arg(k).arg(i);
                if (s.isLabels()) {
                    const QString l = a.at(i).toString().trimmed();
                    const auto found = std::find_if(s.labels.cbegin(), s.labels.cend(), [&](const QString &x) {
                        return x.compare(l, Qt::CaseInsensitive) == 0;
                    });
                    if (found == s.labels.cend())
                        return r.fail(
                            at,
                            QObject::tr("\"%1\" is not one of the scale's labels").arg(a.at(i).toVariant().toString()));
                    *labels << *found;
                } else {
                    const double d = a.at(i).toDouble(NAN);
                    if (!a.at(i).isDouble() || std::floor(d) != d || d < s.min || d > s.max)
                        return r.fail(at, QObject::tr("must be a whole number from %1 to %2").arg(s.min).arg(s.max));
                    *numbers << d;
                }
            }
            return true;
        };
        const bool hasSat = o.contains(u"satisfied"), hasDis = o.contains(u"dissatisfied");
        if (hasSat && !readSet("satisfied", &s.satisfied, &s.satisfiedLabels))
            return refuse();
        if (hasDis && !readSet("dissatisfied", &s.dissatisfied, &s.dissatisfiedLabels))
            return refuse();
        if (!hasSat || !hasDis) {
            QList<double> sat, dis;
            QStringList satL, disL;
            if (s.isLabels()) {
                // Labels are listed worst first: the best is satisfied and the worst dissatisfied,
                // as scoring.md's bad/good scale.
                satL = {s.labels.last()};
                disL = {s.labels.first()};
            } else if (!defaultNumericSets(s.min, s.max, &sat, &dis)) {
                r.fail(
                    QStringLiteral("scale"),
                    QObject::tr(
                        "%1–%2 has no default satisfied and dissatisfied sets; give \"satisfied\" and \"dissatisfied\"")
                        .arg(s.min)
                        .arg(s.max));
                return refuse();
            }
            if (!hasSat) {
                s.satisfied = sat;
                s.satisfiedLabels = satL;
            }
            if (!hasDis) {
                s.dissatisfied = dis;
                s.dissatisfiedLabels = disL;
            }
        }
        for (double d : s.satisfied) {
            if (s.dissatisfied.contains(d)) {
                r.fail(QStringLiteral("satisfied"), QObject::tr("%1 is in both satisfied and dissatisfied").arg(d));
                return refuse();
            }
        }
        for (const QString &l : s.satisfiedLabels) {
            if (s.dissatisfiedLabels.contains(l)) {
                r.fail(QStringLiteral("satisfied"), QObject::tr("%1 is in both satisfied and dissatisfied").arg(l));
                return refuse();
            }
        }
    }
    return m;
}

} // namespace ql

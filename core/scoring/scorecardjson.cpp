// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorecardjson.h"

#include "jsonkeyorder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace ql {

namespace {

constexpr double SectionWeightTolerance = 0.01;
// Range bounds are stored as int; anything near the limits is a typo, not a scale.
constexpr double RangeLimit = 1e9;

QString num(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString indexed(const QString &path, qsizetype i)
{
    return QStringLiteral("%1[%2]").arg(path).arg(i);
}

// The top-level object has no path of its own; messages about it say "scorecard".
QString label(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("scorecard") : path;
}

QString message(const QString &path, const QString &text)
{
    return label(path) + QStringLiteral(": ") + text;
}

// Option labels are free text, so they are quoted rather than joined with a dot.
QString optionPath(const QString &optionsPath, const QString &label)
{
    return QStringLiteral("%1[\"%2\"]").arg(optionsPath, label);
}

bool isInteger(double v)
{
    return std::isfinite(v) && std::floor(v) == v;
}

const QRegularExpression &keyPattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9_]{1,64}$"));
    return re;
}

QString validateScale(const Scale &scale, const QString &path)
{
    switch (scale.kind) {
    case ScaleKind::Binary:
        return {};
    case ScaleKind::Range:
        if (scale.min >= scale.max)
            return message(path, QStringLiteral("min (%1) must be less than max (%2)").arg(scale.min).arg(scale.max));
        return {};
    case ScaleKind::Options: {
        const QString at = join(path, QStringLiteral("options"));
        if (scale.options.size() < 2)
            return message(at, QStringLiteral("needs at least 2 options (has %1)").arg(scale.options.size()));
        double top = 0;
        for (qsizetype i = 0; i < scale.options.size(); ++i) {
            const auto &[name, points] = scale.options.at(i);
            if (name.trimmed().isEmpty())
                return message(at, QStringLiteral("an option label must not be empty"));
            if (!std::isfinite(points) || points < 0)
                return message(optionPath(at, name),
                               QStringLiteral("points must be a number ≥ 0 (got %1)").arg(num(points)));
            for (qsizetype j = 0; j < i; ++j) {
                if (scale.options.at(j).first.trimmed().compare(name.trimmed(), Qt::CaseInsensitive) == 0)
                    return message(at, QStringLiteral("options \"%1\" and \"%2\" differ only in case or spaces; "
                                                      "answers name options case-insensitively")
                                           .arg(scale.options.at(j).first, name));
            }
            top = std::max(top, points);
        }
        if (!(top > 0))
            return message(at, QStringLiteral("the top option must have more than 0 points"));
        return {};
    }
    }
    return {};
}

} // namespace

class ScorecardJson::Reader
{
public:
    explicit Reader(const JsonKeyOrder *order) : m_order(order) {}

    QString error() const { return m_error; }

    bool scorecard(const QJsonObject &o, Scorecard &card)
    {
        const QString path;
        if (!keys(o, path,
                  {u"name", u"version", u"valid_from", u"pass_threshold", u"critical_policy", u"description",
                   u"sections"}))
            return false;
        if (!string(o, path, QStringLiteral("name"), true, card.name))
            return false;
        const QJsonValue version = o.value(QLatin1String("version"));
        if (!isAbsent(version)) {
            if (!version.isDouble() || !isInteger(version.toDouble()) || version.toDouble() < 1 ||
                version.toDouble() > RangeLimit)
                return fail(QStringLiteral("version"),
                            QStringLiteral("must be an integer ≥ 1 (got %1)").arg(show(version)));
            card.version = int(version.toDouble());
        }
        const QJsonValue validFrom = o.value(QLatin1String("valid_from"));
        if (!isAbsent(validFrom)) {
            const QString text = validFrom.toString();
            card.validFrom = QDate::fromString(text, Qt::ISODate);
            if (!validFrom.isString() || text.size() != 10 || !card.validFrom.isValid())
                return fail(QStringLiteral("valid_from"),
                            QStringLiteral("must be an ISO date such as \"2026-07-01\" (got %1)").arg(show(validFrom)));
        }
        if (!number(o, path, QStringLiteral("pass_threshold"), card.passThreshold))
            return false;
        QString policy;
        if (!string(o, path, QStringLiteral("critical_policy"), false, policy))
            return false;
        if (policy == u"flag")
            card.policy = CriticalPolicy::Flag;
        else if (policy.isNull() || policy == u"zero")
            card.policy = CriticalPolicy::Zero;
        else
            return fail(QStringLiteral("critical_policy"),
                        QStringLiteral("must be \"zero\" or \"flag\" (got \"%1\")").arg(policy));
        if (!string(o, path, QStringLiteral("description"), false, card.description))
            return false;

        const QJsonValue sections = o.value(QLatin1String("sections"));
        if (!sections.isArray())
            return fail(QStringLiteral("sections"),
                        QStringLiteral("must be an array of sections (got %1)").arg(typeName(sections)));
        const QJsonArray list = sections.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString at = indexed(QStringLiteral("sections"), i);
            if (!list.at(i).isObject())
                return fail(at, QStringLiteral("must be an object (got %1)").arg(typeName(list.at(i))));
            Section section;
            if (!readSection(list.at(i).toObject(), at, section))
                return false;
            card.sections << section;
        }
        return true;
    }

private:
    bool readSection(const QJsonObject &o, const QString &path, Section &section)
    {
        if (!keys(o, path, {u"name", u"weight", u"criteria"}))
            return false;
        if (!string(o, path, QStringLiteral("name"), true, section.name))
            return false;
        const QJsonValue weight = o.value(QLatin1String("weight"));
        if (!isAbsent(weight)) {
            double w = 0;
            if (!number(o, path, QStringLiteral("weight"), w))
                return false;
            section.weight = w;
        }
        const QString criteriaPath = join(path, QStringLiteral("criteria"));
        const QJsonValue criteria = o.value(QLatin1String("criteria"));
        if (!criteria.isArray())
            return fail(criteriaPath, QStringLiteral("must be an array of criteria (got %1)").arg(typeName(criteria)));
        const QJsonArray list = criteria.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString at = indexed(criteriaPath, i);
            if (!list.at(i).isObject())
                return fail(at, QStringLiteral("must be an object (got %1)").arg(typeName(list.at(i))));
            Criterion criterion;
            if (!readCriterion(list.at(i).toObject(), at, criterion))
                return false;
            section.criteria << criterion;
        }
        return true;
    }

    bool readCriterion(const QJsonObject &o, const QString &path, Criterion &c)
    {
        if (!keys(o, path,
                  {u"key", u"name", u"description", u"scale", u"weight", u"critical", u"critical_effect", u"allow_na",
                   u"pass_level"}))
            return false;
        if (!string(o, path, QStringLiteral("key"), true, c.key) ||
            !string(o, path, QStringLiteral("name"), true, c.name) ||
            !string(o, path, QStringLiteral("description"), false, c.description))
            return false;
        if (!readScale(o.value(QLatin1String("scale")), join(path, QStringLiteral("scale")), c.scale))
            return false;
        if (!number(o, path, QStringLiteral("weight"), c.weight) ||
            !number(o, path, QStringLiteral("pass_level"), c.passLevel))
            return false;

        QString critical;
        if (!string(o, path, QStringLiteral("critical"), false, critical))
            return false;
        if (!critical.isNull()) {
            const auto family = criticalFamilyFromName(critical);
            if (!family)
                return fail(join(path, QStringLiteral("critical")),
                            QStringLiteral("must be null, \"customer\", \"business\" or \"compliance\" (got \"%1\")")
                                .arg(critical));
            c.critical = *family;
        }
        QString effect;
        if (!string(o, path, QStringLiteral("critical_effect"), false, effect))
            return false;
        if (effect == u"section")
            c.criticalEffect = CriticalEffect::Section;
        else if (!effect.isNull() && effect != u"audit")
            return fail(join(path, QStringLiteral("critical_effect")),
                        QStringLiteral("must be \"audit\" or \"section\" (got \"%1\")").arg(effect));

        const QJsonValue allowNa = o.value(QLatin1String("allow_na"));
        if (!isAbsent(allowNa)) {
            if (!allowNa.isBool())
                return fail(join(path, QStringLiteral("allow_na")),
                            QStringLiteral("must be true or false (got %1)").arg(show(allowNa)));
            c.allowNa = allowNa.toBool();
        }
        return true;
    }

    bool readScale(const QJsonValue &v, const QString &path, Scale &scale)
    {
        static const QString expected =
            QStringLiteral("expected \"binary\", {\"min\": …, \"max\": …} or {\"options\": {label: points, …}}");
        if (v.isString()) {
            if (v.toString() != u"binary")
                return fail(path, QStringLiteral("unknown scale \"%1\"; %2").arg(v.toString(), expected));
            scale = Scale::binary();
            return true;
        }
        if (!v.isObject())
            return fail(path, QStringLiteral("missing or %1; %2").arg(typeName(v), expected));
        const QJsonObject o = v.toObject();
        if (o.contains(QLatin1String("options"))) {
            if (!keys(o, path, {u"options"}))
                return false;
            const QString at = join(path, QStringLiteral("options"));
            const QJsonValue options = o.value(QLatin1String("options"));
            if (!options.isObject())
                return fail(at, QStringLiteral("must be an object of label: points (got %1)").arg(typeName(options)));
            const QJsonObject map = options.toObject();
            QList<std::pair<QString, double>> list;
            for (const QString &name : optionOrder(map, at)) {
                const QJsonValue points = map.value(name);
                if (!points.isDouble())
                    return fail(optionPath(at, name),
                                QStringLiteral("points must be a number (got %1)").arg(typeName(points)));
                list.append({name, points.toDouble()});
            }
            scale = Scale::fromOptions(std::move(list));
            return true;
        }
        if (!keys(o, path, {u"min", u"max"}))
            return false;
        int bounds[2] = {0, 0};
        const char *names[2] = {"min", "max"};
        for (int k = 0; k < 2; ++k) {
            const QJsonValue b = o.value(QLatin1String(names[k]));
            if (!b.isDouble() || !isInteger(b.toDouble()) || std::abs(b.toDouble()) > RangeLimit)
                return fail(join(path, QLatin1String(names[k])),
                            QStringLiteral("must be an integer (got %1)").arg(show(b)));
            bounds[k] = int(b.toDouble());
        }
        scale = Scale::range(bounds[0], bounds[1]);
        return true;
    }

    QStringList optionOrder(const QJsonObject &map, const QString &path) const
    {
        QStringList inFile = m_order ? m_order->keysAt(path) : QStringList();
        // The scan saw the same text QJsonDocument parsed, so the sets agree; the check keeps a
        // wrong path from dropping options silently.
        QStringList sortedKeys = map.keys();
        QStringList check = inFile;
        check.sort();
        if (check == sortedKeys)
            return inFile;
        std::stable_sort(sortedKeys.begin(), sortedKeys.end(), [&map](const QString &a, const QString &b) {
            return map.value(a).toDouble() > map.value(b).toDouble();
        });
        return sortedKeys;
    }

    static bool isAbsent(const QJsonValue &v) { return v.isUndefined() || v.isNull(); }

    static QString show(const QJsonValue &v)
    {
        if (v.isDouble())
            return num(v.toDouble());
        if (v.isString())
            return QLatin1Char('"') + v.toString() + QLatin1Char('"');
        if (v.isBool())
            return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return typeName(v);
    }

    bool keys(const QJsonObject &o, const QString &path, std::initializer_list<QStringView> allowed)
    {
        // Report unknown keys in file order when it is known, so the first typo is named first.
        const QStringList present = m_order && !m_order->keysAt(path).isEmpty() ? m_order->keysAt(path) : o.keys();
        for (const QString &key : present) {
            if (std::find(allowed.begin(), allowed.end(), key) != allowed.end())
                continue;
            QStringList names;
            for (QStringView a : allowed)
                names << a.toString();
            return fail(path,
                        QStringLiteral("unknown key \"%1\" (allowed: %2)").arg(key, names.join(QStringLiteral(", "))));
        }
        return true;
    }

    bool string(const QJsonObject &o, const QString &path, const QString &key, bool required, QString &out)
    {
        const QJsonValue v = o.value(key);
        if (isAbsent(v)) {
            if (required)
                return fail(join(path, key), QStringLiteral("is required"));
            return true;
        }
        if (!v.isString())
            return fail(join(path, key), QStringLiteral("must be a string (got %1)").arg(typeName(v)));
        out = v.toString();
        return true;
    }

    // Optional numbers only; absent or null keeps the default in `out`.
    bool number(const QJsonObject &o, const QString &path, const QString &key, double &out)
    {
        const QJsonValue v = o.value(key);
        if (isAbsent(v))
            return true;
        if (!v.isDouble())
            return fail(join(path, key), QStringLiteral("must be a number (got %1)").arg(typeName(v)));
        out = v.toDouble();
        return true;
    }

    bool fail(const QString &path, const QString &text)
    {
        m_error = message(path, text);
        return false;
    }

    const JsonKeyOrder *m_order;
    QString m_error;
};

std::optional<Scorecard> ScorecardJson::parse(QByteArrayView text, QString *error)
{
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArrayView before = text.first(std::clamp<qsizetype>(parseError.offset, 0, text.size()));
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = before.size() - (before.lastIndexOf('\n') + 1) + 1;
        if (error)
            *error = QStringLiteral("JSON syntax error at line %1, column %2: %3")
                         .arg(line)
                         .arg(column)
                         .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("scorecard: the file must hold one JSON object");
        return std::nullopt;
    }
    const JsonKeyOrder order = JsonKeyOrder::scan(text);
    if (order.hasDuplicate()) {
        if (error)
            *error =
                message(order.duplicatePath(), QStringLiteral("key \"%1\" appears twice").arg(order.duplicateKey()));
        return std::nullopt;
    }
    Reader reader(&order);
    Scorecard card;
    QString problem;
    if (!reader.scorecard(doc.object(), card))
        problem = reader.error();
    else
        problem = validate(card);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return card;
}

std::optional<Scorecard> ScorecardJson::fromJsonObject(const QJsonObject &object, QString *error)
{
    Reader reader(nullptr);
    Scorecard card;
    QString problem;
    if (!reader.scorecard(object, card))
        problem = reader.error();
    else
        problem = validate(card);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return card;
}

QString ScorecardJson::validate(const Scorecard &card)
{
    if (card.name.trimmed().isEmpty())
        return message(QStringLiteral("name"), QStringLiteral("must not be empty"));
    if (card.version < 0)
        return message(QStringLiteral("version"), QStringLiteral("must be ≥ 1 (got %1)").arg(card.version));
    if (!std::isfinite(card.passThreshold) || card.passThreshold < 0 || card.passThreshold > 100)
        return message(QStringLiteral("pass_threshold"),
                       QStringLiteral("must be from 0 to 100 (got %1)").arg(num(card.passThreshold)));
    if (card.sections.isEmpty())
        return message(QStringLiteral("sections"), QStringLiteral("a scorecard needs at least one section"));

    qsizetype withWeight = 0;
    double weightSum = 0;
    for (const Section &s : card.sections) {
        if (s.weight) {
            ++withWeight;
            weightSum += *s.weight;
        }
    }

    QHash<QString, QString> keyPaths;
    for (qsizetype si = 0; si < card.sections.size(); ++si) {
        const Section &section = card.sections.at(si);
        const QString sectionPath = indexed(QStringLiteral("sections"), si);
        if (section.name.trimmed().isEmpty())
            return message(join(sectionPath, QStringLiteral("name")), QStringLiteral("must not be empty"));
        if (withWeight > 0 && !section.weight) {
            const auto other = std::find_if(card.sections.cbegin(), card.sections.cend(),
                                            [](const Section &s) { return s.weight.has_value(); });
            return message(join(sectionPath, QStringLiteral("weight")),
                           QStringLiteral("missing, but %1 has one; either every section has a weight or none has")
                               .arg(indexed(QStringLiteral("sections"), other - card.sections.cbegin())));
        }
        if (section.weight && (!std::isfinite(*section.weight) || *section.weight < 0))
            return message(join(sectionPath, QStringLiteral("weight")),
                           QStringLiteral("must be ≥ 0 (got %1)").arg(num(*section.weight)));
        if (section.criteria.isEmpty())
            return message(join(sectionPath, QStringLiteral("criteria")),
                           QStringLiteral("a section needs at least one criterion"));

        for (qsizetype ci = 0; ci < section.criteria.size(); ++ci) {
            const Criterion &c = section.criteria.at(ci);
            const QString path = indexed(join(sectionPath, QStringLiteral("criteria")), ci);
            if (!keyPattern().match(c.key).hasMatch())
                return message(join(path, QStringLiteral("key")),
                               QStringLiteral("\"%1\" is not a valid key (1–64 of a–z, 0–9 and _)").arg(c.key));
            if (const auto it = keyPaths.constFind(c.key); it != keyPaths.cend())
                return message(join(path, QStringLiteral("key")),
                               QStringLiteral("\"%1\" is already used by %2").arg(c.key, *it));
            keyPaths.insert(c.key, path);
            if (c.name.trimmed().isEmpty())
                return message(join(path, QStringLiteral("name")), QStringLiteral("must not be empty"));
            if (const QString scaleProblem = validateScale(c.scale, join(path, QStringLiteral("scale")));
                !scaleProblem.isEmpty())
                return scaleProblem;
            if (!std::isfinite(c.weight) || c.weight < 0)
                return message(join(path, QStringLiteral("weight")),
                               QStringLiteral("must be ≥ 0 (got %1)").arg(num(c.weight)));
            if (!std::isfinite(c.passLevel) || c.passLevel < 0 || c.passLevel > 1)
                return message(join(path, QStringLiteral("pass_level")),
                               QStringLiteral("must be from 0 to 1 (got %1)").arg(num(c.passLevel)));
        }
    }
    if (withWeight > 0 && std::abs(weightSum - 100) > SectionWeightTolerance)
        return message(QStringLiteral("sections"),
                       QStringLiteral("section weights sum to %1; they must sum to 100 (± 0.01)").arg(num(weightSum)));
    return {};
}

namespace {

// QJsonDocument sorts object keys, so the export is written by hand to keep formats.md's key
// order and the options' order.
class Writer
{
public:
    QByteArray take() { return std::move(m_out); }

    void open(char bracket)
    {
        m_out += bracket;
        m_first = true;
        ++m_depth;
    }

    void close(char bracket)
    {
        --m_depth;
        newline();
        m_out += bracket;
        m_first = false;
    }

    // Starts a member of the enclosing object or array; the value follows.
    void member(const char *key = nullptr)
    {
        if (!m_first)
            m_out += ',';
        m_first = false;
        newline();
        if (key) {
            m_out += '"';
            m_out += key;
            m_out += "\": ";
        }
    }

    void string(const QString &s)
    {
        m_out += '"';
        for (const char ch : s.toUtf8()) {
            switch (ch) {
            case '"':
                m_out += "\\\"";
                break;
            case '\\':
                m_out += "\\\\";
                break;
            case '\n':
                m_out += "\\n";
                break;
            case '\r':
                m_out += "\\r";
                break;
            case '\t':
                m_out += "\\t";
                break;
            default:
                if (uchar(ch) < 0x20)
                    m_out += "\\u00" + QByteArray::number(uchar(ch), 16).rightJustified(2, '0');
                else
                    m_out += ch;
            }
        }
        m_out += '"';
    }

    void number(double v) { m_out += QByteArray::number(v, 'g', QLocale::FloatingPointShortest); }
    void raw(const char *text) { m_out += text; }

private:
    void newline()
    {
        m_out += '\n';
        m_out += QByteArray(2 * m_depth, ' ');
    }

    QByteArray m_out;
    int m_depth = 0;
    bool m_first = true;
};

void writeScale(Writer &w, const Scale &scale)
{
    switch (scale.kind) {
    case ScaleKind::Binary:
        w.string(QStringLiteral("binary"));
        return;
    case ScaleKind::Range:
        w.raw("{\"min\": ");
        w.number(scale.min);
        w.raw(", \"max\": ");
        w.number(scale.max);
        w.raw("}");
        return;
    case ScaleKind::Options:
        w.raw("{\"options\": {");
        for (qsizetype i = 0; i < scale.options.size(); ++i) {
            if (i > 0)
                w.raw(", ");
            w.string(scale.options.at(i).first);
            w.raw(": ");
            w.number(scale.options.at(i).second);
        }
        w.raw("}}");
        return;
    }
}

} // namespace

QByteArray ScorecardJson::toJson(const Scorecard &card)
{
    Writer w;
    w.open('{');
    w.member("name");
    w.string(card.name);
    if (card.version > 0) {
        w.member("version");
        w.number(card.version);
    }
    if (card.validFrom.isValid()) {
        w.member("valid_from");
        w.string(card.validFrom.toString(Qt::ISODate));
    }
    if (!card.description.isEmpty()) {
        w.member("description");
        w.string(card.description);
    }
    w.member("pass_threshold");
    w.number(card.passThreshold);
    w.member("critical_policy");
    w.string(criticalPolicyName(card.policy));
    w.member("sections");
    w.open('[');
    for (const Section &section : card.sections) {
        w.member();
        w.open('{');
        w.member("name");
        w.string(section.name);
        if (section.weight) {
            w.member("weight");
            w.number(*section.weight);
        }
        w.member("criteria");
        w.open('[');
        for (const Criterion &c : section.criteria) {
            w.member();
            w.open('{');
            w.member("key");
            w.string(c.key);
            w.member("name");
            w.string(c.name);
            if (!c.description.isEmpty()) {
                w.member("description");
                w.string(c.description);
            }
            w.member("scale");
            writeScale(w, c.scale);
            w.member("weight");
            w.number(c.weight);
            w.member("critical");
            if (c.isCritical())
                w.string(criticalFamilyName(c.critical));
            else
                w.raw("null");
            w.member("critical_effect");
            w.string(criticalEffectName(c.criticalEffect));
            w.member("allow_na");
            w.raw(c.allowNa ? "true" : "false");
            w.member("pass_level");
            w.number(c.passLevel);
            w.close('}');
        }
        w.close(']');
        w.close('}');
    }
    w.close(']');
    w.close('}');
    QByteArray out = w.take();
    out += '\n';
    return out;
}

QJsonObject ScorecardJson::toJsonObject(const Scorecard &card)
{
    return QJsonDocument::fromJson(toJson(card)).object();
}

} // namespace ql

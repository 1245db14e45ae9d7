// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectsettings.h"

#include "changelog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <tuple>

namespace ql {

namespace {
struct KeyInfo
{
    const char *name;
    QVariant def;
};

const KeyInfo &info(ProjectSettings::Key key)
{
    static const KeyInfo table[] = {
        {"min_sample_audits", 10},
        {"min_sample_responses", 20},
        {"counted_sample_types", QStringList{QStringLiteral("random"), QStringLiteral("targeted")}},
        {"period_date", QStringLiteral("date")},
        {"calibration_tolerance", 5.0},
        {"disagreement_threshold", 20.0},
        {"organisation_name", QString()},
        {"report_page_size", QStringLiteral("A4")},
        {"alpha_window_days", 90},
        {"certification_alignment", 90.0},
        {"certification_items", 10},
        {"rca_min_change", 1.0},
        {"aggregate_only_k", 5},
        {"sampling_plan", 8},
        {"name_display", QStringLiteral("names")},
        {"chart_brand_colours", QString()},
        {"chart_brand_font", QString()},
        {"chart_brand_logo", QString()},
    };
    static_assert(std::size(table) == ProjectSettings::KeyCount);
    return table[key];
}

const QStringList &sampleTypes()
{
    static const QStringList types{"random", "targeted", "csat_triggered", "dispute", "self", "peer", "auto"};
    return types;
}
} // namespace

ProjectSettings::ProjectSettings(const QSqlDatabase &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
}

QString ProjectSettings::keyName(Key key)
{
    return QString::fromLatin1(info(key).name);
}

QVariant ProjectSettings::defaultValue(Key key)
{
    return info(key).def;
}

std::optional<ProjectSettings::Key> ProjectSettings::keyFromName(const QString &name)
{
    for (int k = 0; k < KeyCount; ++k)
        if (name == QLatin1String(info(Key(k)).name))
            return Key(k);
    return std::nullopt;
}

QString ProjectSettings::toText(Key key, const QVariant &value)
{
    if (key == CountedSampleTypes)
        return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(value.toStringList())).toJson(QJsonDocument::Compact));
    if (info(key).def.typeId() == QMetaType::Double)
        return QString::number(value.toDouble(), 'g', 17);
    return value.toString();
}

QVariant ProjectSettings::fromText(Key key, const QString &text)
{
    const QVariant def = info(key).def;
    if (key == CountedSampleTypes) {
        QStringList list;
        for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
            list << v.toString();
        return list;
    }
    bool ok = false;
    switch (def.typeId()) {
    case QMetaType::Int: {
        const int v = text.toInt(&ok);
        return ok ? QVariant(v) : def;
    }
    case QMetaType::Double: {
        const double v = text.toDouble(&ok);
        return ok ? QVariant(v) : def;
    }
    default:
        return text;
    }
}

QVariant ProjectSettings::value(Key key) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(keyName(key));
    if (q.exec() && q.next() && !q.value(0).isNull())
        return fromText(key, q.value(0).toString());
    return info(key).def;
}

QString ProjectSettings::validate(Key key, const QVariant &value) const
{
    auto numberIn = [&](double lo, double hi) -> QString {
        bool ok = false;
        const double v = value.toString().toDouble(&ok);
        if (!ok || v < lo || v > hi)
            return tr("%1 must be a number from %2 to %3, not \"%4\"").arg(keyName(key)).arg(lo).arg(hi).arg(value.toString());
        return {};
    };
    switch (key) {
    case MinSampleAudits:
    case MinSampleResponses:
    case CertificationItems:
    case SamplingPlanPerAgentMonth:
        return numberIn(1, 100000);
    case AggregateOnlyK:
        return numberIn(1, 1000);
    case AlphaWindowDays:
        return numberIn(1, 3650);
    case CalibrationTolerance:
    case RcaMinimumChange:
        return numberIn(0, 100);
    case DisagreementThreshold:
    case CertificationAlignment:
        return numberIn(0, 100);
    case CountedSampleTypes: {
        const QStringList list = value.toStringList();
        if (list.isEmpty())
            return tr("counted_sample_types needs at least one sample type");
        for (const QString &t : list)
            if (!sampleTypes().contains(t))
                return tr("\"%1\" is not a sample type (%2)").arg(t, sampleTypes().join(QStringLiteral(", ")));
        return {};
    }
    case PeriodDate:
        return value.toString() == QLatin1String("date") || value.toString() == QLatin1String("interaction_date")
                   ? QString()
                   : tr("period_date must be \"date\" or \"interaction_date\", not \"%1\"").arg(value.toString());
    case ReportPageSize:
        return value.toString() == QLatin1String("A4") || value.toString() == QLatin1String("Letter")
                   ? QString()
                   : tr("report_page_size must be A4 or Letter, not \"%1\"").arg(value.toString());
    case NameDisplay: {
        static const QStringList modes{"names", "ids", "pseudonyms"};
        return modes.contains(value.toString()) ? QString()
                                                : tr("name_display must be names, ids or pseudonyms, not \"%1\"").arg(value.toString());
    }
    case ChartBrandColours: {
        const QString text = value.toString().trimmed();
        if (text.isEmpty())
            return {};
        static const QRegularExpression hex(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
        for (const QString &part : text.split(QLatin1Char(',')))
            if (!hex.match(part.trimmed()).hasMatch())
                return tr("chart_brand_colours must be colours like #0B5FA5 separated by commas, not \"%1\"").arg(part);
        return {};
    }
    case ChartBrandLogo: {
        const QByteArray text = value.toString().toLatin1();
        if (text.isEmpty())
            return {};
        const auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
        return decoded && decoded.decoded.startsWith("\x89PNG") ? QString() : tr("chart_brand_logo must be a PNG image in base64");
    }
    case OrganisationName:
    case ChartBrandFont:
    case KeyCount:
        return {};
    }
    return {};
}

QStringList ProjectSettings::chartBrandColours() const
{
    QStringList out;
    for (const QString &part : value(ChartBrandColours).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << part.trimmed();
    return out;
}

QByteArray ProjectSettings::chartBrandLogo() const
{
    return QByteArray::fromBase64(value(ChartBrandLogo).toString().toLatin1());
}

bool ProjectSettings::setValue(Key key, const QVariant &value, const QString &reason, QString *error)
{
    return setValues({{key, value}}, reason, error);
}

bool ProjectSettings::setValues(const QList<std::pair<Key, QVariant>> &values, const QString &reason, QString *error)
{
    // Every value is checked before anything is written: all of them are saved, or none.
    QList<std::tuple<Key, QString, QString>> writes; // key, old text, new text
    for (const auto &[key, value] : values) {
        if (const QString problem = validate(key, value); !problem.isEmpty()) {
            if (error)
                *error = problem;
            return false;
        }
        const QString oldText = toText(key, this->value(key));
        const QString newText = toText(key, fromText(key, toText(key, value)));
        if (oldText != newText)
            writes.append({key, oldText, newText});
    }
    if (writes.isEmpty())
        return true;
    QString failure;
    Key failed = std::get<0>(writes.first());
    if (!m_db.transaction()) {
        failure = m_db.lastError().text();
    } else {
        for (const auto &[key, oldText, newText] : std::as_const(writes)) {
            failed = key;
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) "
                                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
            q.addBindValue(keyName(key));
            q.addBindValue(newText);
            ChangeEntry entry;
            entry.entity = QStringLiteral("setting");
            entry.entityId = keyName(key);
            entry.field = QStringLiteral("value");
            entry.oldValue = oldText;
            entry.newValue = newText;
            entry.reason = reason;
            if (!q.exec())
                failure = q.lastError().text();
            else
                ChangeLog::record(m_db, entry, &failure);
            if (!failure.isEmpty())
                break;
        }
        if (failure.isEmpty() && !m_db.commit())
            failure = m_db.lastError().text();
        if (!failure.isEmpty())
            m_db.rollback();
    }
    if (!failure.isEmpty()) {
        if (error)
            *error = tr("the setting %1 could not be saved: %2").arg(keyName(failed), failure);
        return false;
    }
    for (const auto &write : std::as_const(writes))
        Q_EMIT changed(std::get<0>(write));
    return true;
}

} // namespace ql

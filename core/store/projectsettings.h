// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <utility>

namespace ql {

// The analytic settings that live in the project (scoring.md, ui.md "Preferences"), so the GUI,
// the CLI and every user get the same numbers. Typed accessors, defaults in one place, and every
// change written to the change log in the same transaction.
class ProjectSettings final : public QObject
{
    Q_OBJECT
public:
    enum Key {
        MinSampleAudits,
        MinSampleResponses,
        CountedSampleTypes,
        PeriodDate,
        CalibrationTolerance,
        DisagreementThreshold,
        OrganisationName,
        ReportPageSize,
        AlphaWindowDays,
        CertificationAlignment,
        CertificationItems,
        RcaMinimumChange,
        AggregateOnlyK,
        SamplingPlanPerAgentMonth,
        NameDisplay,
        ChartBrandColours, // "#0B5FA5,#F2A900": the brand theme's series colours, main first
        ChartBrandFont,    // a font family name; Inter when not installed
        ChartBrandLogo,    // a PNG, base64, drawn at the top right of brand-theme charts
        KeyCount
    };
    Q_ENUM(Key)

    explicit ProjectSettings(const QSqlDatabase &db, QObject *parent = nullptr);

    static QString keyName(Key key);             // as stored in the settings table
    static QVariant defaultValue(Key key);
    static std::optional<Key> keyFromName(const QString &name);

    QVariant value(Key key) const;
    // Validates, writes the value and its change-log entry in one transaction, then emits changed().
    bool setValue(Key key, const QVariant &value, const QString &reason, QString *error = nullptr);
    // Several values at once: all are validated first, then the changed ones are written with
    // their change-log rows in one transaction (all or none), then changed() for each.
    bool setValues(const QList<std::pair<Key, QVariant>> &values, const QString &reason, QString *error = nullptr);

    int minSampleAudits() const { return value(MinSampleAudits).toInt(); }
    int minSampleResponses() const { return value(MinSampleResponses).toInt(); }
    QStringList countedSampleTypes() const { return value(CountedSampleTypes).toStringList(); }
    QString periodDate() const { return value(PeriodDate).toString(); } // "date" or "interaction_date"
    double calibrationTolerance() const { return value(CalibrationTolerance).toDouble(); }
    double disagreementThreshold() const { return value(DisagreementThreshold).toDouble(); }
    QString organisationName() const { return value(OrganisationName).toString(); }
    QStringList chartBrandColours() const;
    QString chartBrandFont() const { return value(ChartBrandFont).toString(); }
    QByteArray chartBrandLogo() const; // PNG bytes, empty when none

Q_SIGNALS:
    void changed(ql::ProjectSettings::Key key);

private:
    QString validate(Key key, const QVariant &value) const;
    static QString toText(Key key, const QVariant &value);
    static QVariant fromText(Key key, const QString &text);

    QSqlDatabase m_db;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "valuemap.h"

#include <QByteArray>
#include <QChar>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace ql {

// How a CSV file becomes project data: the mapping JSON of formats.md "Import mapping". The GUI's
// import wizard builds one of these and saves it as a preset with toJson(); the CLI reads it with
// parse(). Everything the importer needs to know about a file is here, already checked, so the
// importer never meets a half-valid mapping.
struct ImportMapping
{
    enum class Kind { Agents, AuditsLong, AuditsWide, Csat, Interactions };

    // The CSAT survey scale of a csat mapping.
    struct CsatScale
    {
        int min = 1; // numeric scales
        int max = 5;
        QStringList labels; // label scales ("bad", "good"): worst first; empty for numeric scales
        // The satisfied and dissatisfied sets, as numbers (numeric scales) or labels, already
        // defaulted from scoring.md's table when the mapping gives none.
        QList<double> satisfied;
        QList<double> dissatisfied;
        QStringList satisfiedLabels;
        QStringList dissatisfiedLabels;

        bool isLabels() const { return !labels.isEmpty(); }
        // What csat_responses.scale stores: "1-5", "0-10" or "labels:bad,good".
        QString storedName() const;
    };

    enum MaskKind : unsigned { MaskCard = 1, MaskEmail = 2, MaskPhone = 4, MaskIban = 8 };

    Kind kind = Kind::AuditsLong;
    QString source = QStringLiteral("default");
    QString scorecard;                   // audits: the scorecard's name (a column may override it)
    std::optional<int> scorecardVersion; // audits: a fixed version instead of the one in force
    QChar delimiter;                     // null: "auto"
    QString encoding = QStringLiteral("auto");
    QChar decimal = QChar(u'.');
    QString dateFormat = QStringLiteral("auto");
    QString timeZone;                                    // IANA name; empty for none
    QList<std::pair<QString, QString>> columns;          // field → CSV header, in file order
    QList<std::pair<QString, QString>> dimensions;       // custom dimension name → CSV header
    QList<std::pair<QString, ValueMap>> values;          // field (or criterion key / header) → value map
    QList<std::pair<QString, QString>> criteria;         // file label → criterion key
    QList<std::pair<QString, QString>> criteriaColumns;  // audits-wide: CSV header → criterion key
    QList<std::pair<QString, QString>> rootCauseColumns; // audits-wide: CSV header → criterion key
    CsatScale csatScale;
    unsigned mask = MaskCard;

    // Reads the mapping file's text. Any key that does not fit is refused with a message naming
    // it ("columns.agent: …", "kind: …"); unknown keys are refused too, so a typo never silently
    // drops a column.
    static std::optional<ImportMapping> parse(QByteArrayView text, QString *error);
    static std::optional<ImportMapping> fromJson(const QJsonObject &object, QString *error);
    // The same JSON, for presets and import_log.mapping_json. parse(toJson()) gives an equal mapping.
    QJsonObject toJson() const;
    QByteArray toJsonText() const;

    static QString kindName(Kind kind); // "audits-long", …
    static std::optional<Kind> kindFromName(QStringView name);
    // The fields a kind reads (formats.md "Fields per kind"), required ones first.
    static QStringList fieldsOf(Kind kind);
    static QStringList requiredFieldsOf(Kind kind);
    static QString maskName(MaskKind kind);

    // The CSV header a field is read from, or an empty string when the field is not mapped.
    QString columnFor(QStringView field) const;
    bool hasColumn(QStringView field) const { return !columnFor(field).isEmpty(); }
    // The value map for a field (exact key), or nullptr.
    const ValueMap *valuesFor(QStringView field) const;
    // The criterion key a file label maps to through `criteria`, or an empty string.
    QString criterionForLabel(QStringView label) const;
    bool masksCards() const { return (mask & MaskCard) != 0; }
};

} // namespace ql

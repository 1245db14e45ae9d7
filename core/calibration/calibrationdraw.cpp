// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationdraw.h"

#include "stats/boundedrandom.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <random>

namespace ql {

namespace {

struct ListKey
{
    const char *name;
    QStringList CalibrationDrawSpec::*list;
};

constexpr ListKey kLists[] = {
    {"queue", &CalibrationDrawSpec::queues},
    {"channel", &CalibrationDrawSpec::channels},
    {"agent", &CalibrationDrawSpec::agents},
    {"month", &CalibrationDrawSpec::months},
    {"sample_type", &CalibrationDrawSpec::sampleTypes},
};

QJsonValue listValue(const QStringList &list)
{
    return list.size() == 1 ? QJsonValue(list.first()) : QJsonValue(QJsonArray::fromStringList(list));
}

} // namespace

QString CalibrationDrawSpec::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("method"), QStringLiteral("random"));
    o.insert(QStringLiteral("count"), count);
    // JSON numbers are doubles: a seed past 2^53 is written as text so it reads back exactly.
    o.insert(QStringLiteral("seed"),
             seed <= (quint64(1) << 53) ? QJsonValue(double(seed)) : QJsonValue(QString::number(seed)));
    for (const ListKey &k : kLists)
        if (!(this->*k.list).isEmpty())
            o.insert(QLatin1String(k.name), listValue(this->*k.list));
    if (!bands.isEmpty()) {
        QJsonArray edges;
        for (double b : bands)
            edges.append(b);
        o.insert(QStringLiteral("stratify"), QStringLiteral("raw_score"));
        o.insert(QStringLiteral("bands"), edges);
    }
    if (disputedOnly)
        o.insert(QStringLiteral("disputed"), true);
    if (requireConversation)
        o.insert(QStringLiteral("with_conversation"), true);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<CalibrationDrawSpec> CalibrationDrawSpec::fromJson(const QString &json, QString *error)
{
    const auto fail = [error](const QString &m) {
        if (error)
            *error = m;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (!doc.isObject())
        return fail(QStringLiteral("draw_json is not a JSON object"));
    const QJsonObject o = doc.object();
    CalibrationDrawSpec spec;
    if (o.contains(QLatin1String("count")))
        spec.count = o.value(QLatin1String("count")).toInt();
    const QJsonValue seed = o.value(QLatin1String("seed"));
    if (seed.isDouble())
        spec.seed = quint64(seed.toDouble());
    else if (seed.isString())
        spec.seed = seed.toString().toULongLong();
    for (const ListKey &k : kLists) {
        const QJsonValue v = o.value(QLatin1String(k.name));
        if (v.isString())
            spec.*k.list = QStringList{v.toString()};
        else if (v.isArray())
            for (const QJsonValue &e : v.toArray())
                (spec.*k.list).append(e.toString());
    }
    for (const QJsonValue &b : o.value(QLatin1String("bands")).toArray())
        spec.bands.append(b.toDouble());
    spec.disputedOnly = o.value(QLatin1String("disputed")).toBool();
    spec.requireConversation = o.value(QLatin1String("with_conversation")).toBool();
    return spec;
}

QString CalibrationDrawSpec::validate() const
{
    if (count < 1 || count > 1000)
        return QStringLiteral("a draw takes from 1 to 1000 items, not %1").arg(count);
    for (qsizetype i = 1; i < bands.size(); ++i)
        if (!(bands.at(i - 1) < bands.at(i)))
            return QStringLiteral("score bands must be ascending");
    static const QRegularExpression monthForm(QStringLiteral("^[0-9]{4}-(0[1-9]|1[0-2])$"));
    for (const QString &m : months)
        if (!monthForm.match(m).hasMatch())
            return QStringLiteral("a month is written 2026-10, not '%1'").arg(m);
    return {};
}

QList<DrawCandidate> drawCalibrationItems(const QList<DrawCandidate> &candidates, const CalibrationDrawSpec &spec,
                                          const QSet<QString> &exclude)
{
    // Bands in ascending order; without stratification one band holds every candidate.
    QList<QList<DrawCandidate>> bands(spec.bands.size() + 1);
    for (const DrawCandidate &c : candidates) {
        if (spec.bands.isEmpty()) {
            bands[0].append(c);
            continue;
        }
        if (!c.rawScore)
            continue; // a stratified draw needs a score to place the audit
        qsizetype band = 0;
        while (band < spec.bands.size() && *c.rawScore >= spec.bands.at(band))
            ++band;
        bands[band].append(c);
    }

    std::mt19937_64 engine(spec.seed);
    for (auto &band : bands) {
        // Fisher–Yates from the end: swap i with a uniform j in [0, i].
        for (qsizetype i = band.size() - 1; i > 0; --i) {
            const auto j = qsizetype(stats::boundedIndex(engine, std::uint64_t(i) + 1));
            if (j != i)
                band.swapItemsAt(i, j);
        }
    }

    QList<DrawCandidate> out;
    QSet<QString> taken = exclude;
    QList<qsizetype> next(bands.size(), 0);
    bool progress = true;
    while (out.size() < spec.count && progress) {
        progress = false;
        for (qsizetype b = 0; b < bands.size() && out.size() < spec.count; ++b) {
            // The band's next candidate whose ticket is not taken yet.
            while (next[b] < bands[b].size()) {
                const DrawCandidate &c = bands[b].at(next[b]++);
                const QString ticket = c.ticketId.isEmpty() ? QStringLiteral("audit:%1").arg(c.auditId) : c.ticketId;
                if (taken.contains(ticket))
                    continue;
                taken.insert(ticket);
                out.append(c);
                progress = true;
                break;
            }
        }
    }
    return out;
}

} // namespace ql

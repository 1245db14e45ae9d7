// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotdrag.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

namespace ql {

QString PivotDrag::mimeType()
{
    return QStringLiteral("application/x-qualitylens-pivot-field");
}

QMimeData *PivotDrag::toMimeData() const
{
    QJsonObject o;
    o.insert(QStringLiteral("field"), field);
    if (from) {
        o.insert(QStringLiteral("zone"), pivotZoneName(*from));
        o.insert(QStringLiteral("index"), index);
    }
    auto *mime = new QMimeData;
    mime->setData(mimeType(), QJsonDocument(o).toJson(QJsonDocument::Compact));
    mime->setText(field); // a drop into a text field gets the name
    return mime;
}

std::optional<PivotDrag> PivotDrag::fromMimeData(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(mimeType()))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(mime->data(mimeType())).object();
    PivotDrag drag;
    drag.field = o.value(QLatin1String("field")).toString();
    if (drag.field.isEmpty())
        return std::nullopt;
    if (o.contains(QLatin1String("zone"))) {
        drag.from = pivotZoneFromName(o.value(QLatin1String("zone")).toString());
        drag.index = o.value(QLatin1String("index")).toInt(-1);
        if (!drag.from || drag.index < 0)
            return std::nullopt;
    }
    return drag;
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "criterionnames.h"

#include <QSqlQuery>

namespace ql {

QHash<QString, QString> CriterionNames::load(const QSqlDatabase &db)
{
    QHash<QString, QString> names;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // Oldest version first, so a newer version's name replaces an older one's.
    if (!q.exec(QStringLiteral("SELECT c.key, c.name FROM criteria c JOIN scorecards s ON s.id = c.scorecard_id "
                               "ORDER BY s.version, s.id, c.id")))
        return names;
    while (q.next()) {
        const QString name = q.value(1).toString().trimmed();
        if (!name.isEmpty())
            names.insert(q.value(0).toString(), name);
    }
    return names;
}

} // namespace ql

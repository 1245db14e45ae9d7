// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportfilter.h"

#include <QObject>

namespace ql {

std::optional<ExportFilter> ExportFilter::parse(const QString &argument, QString *error)
{
    const qsizetype eq = argument.indexOf(u'=');
    if (eq < 0) {
        *error = QObject::tr("--filter takes DIM=V1,V2 or DIM!=V, not \"%1\"").arg(argument);
        return std::nullopt;
    }
    ExportFilter filter;
    filter.exclude = eq > 0 && argument.at(eq - 1) == u'!';
    filter.dimension = argument.left(filter.exclude ? eq - 1 : eq);
    if (filter.dimension.isEmpty()) {
        *error = QObject::tr("--filter \"%1\" names no dimension").arg(argument);
        return std::nullopt;
    }
    QString value;
    const QStringView rest = QStringView(argument).sliced(eq + 1);
    for (qsizetype i = 0; i <= rest.size(); ++i) {
        if (i == rest.size() || rest[i] == u',') {
            if (value.isEmpty()) {
                *error = QObject::tr("--filter \"%1\" has an empty value (a missing value is written (blank))")
                             .arg(argument);
                return std::nullopt;
            }
            filter.values << value;
            value.clear();
        } else if (rest[i] == u'\\' && i + 1 < rest.size() && rest[i + 1] == u',') {
            value += u',';
            ++i;
        } else {
            value += rest[i];
        }
    }
    return filter;
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "csvrecord.h"

namespace ql {

// Finds a mapping's column in a file's header: the exact name first, then the name with spaces
// trimmed and case ignored (spreadsheets add trailing spaces; tools change capitalisation).
namespace HeaderIndex {
inline int find(const CsvRecord &header, const QString &name)
{
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (header.field(i) == name)
            return int(i);
    }
    const QStringView wanted = QStringView(name).trimmed();
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (header.field(i).trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}
} // namespace HeaderIndex

} // namespace ql

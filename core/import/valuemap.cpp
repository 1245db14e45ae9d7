// SPDX-License-Identifier: GPL-3.0-or-later
#include "valuemap.h"

namespace ql {

const ValueMap::Value *ValueMap::find(QStringView cell) const
{
    const QStringView trimmed = cell.trimmed();
    // Most cells of a long file are plain numbers and most maps only name texts: skip the scan.
    if (!m_numericKeys && !trimmed.isEmpty() && trimmed.front().isDigit())
        return nullptr;
    // Maps are a handful of entries, so two linear passes beat building hash keys per cell.
    for (const auto &[key, value] : m_entries) {
        if (trimmed == key)
            return &value;
    }
    for (const auto &[key, value] : m_entries) {
        if (trimmed.compare(key, Qt::CaseInsensitive) == 0)
            return &value;
    }
    return nullptr;
}

} // namespace ql

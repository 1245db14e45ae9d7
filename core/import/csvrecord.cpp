// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvrecord.h"

namespace ql {

QStringList CsvRecord::fields() const
{
    QStringList out;
    out.reserve(size());
    for (qsizetype i = 0; i < size(); ++i)
        out.append(field(i).toString());
    return out;
}

qsizetype CsvRecord::indexOf(QStringView name) const
{
    for (qsizetype i = 0; i < size(); ++i)
        if (field(i) == name)
            return i;
    return -1;
}

void CsvRecord::clear()
{
    m_text.clear();
    m_ends.clear();
    m_raw.clear();
    m_problem.clear();
    m_line = 0;
    m_byteOffset = 0;
}

void CsvRecord::append(QStringView field)
{
    m_text.append(reinterpret_cast<const char16_t *>(field.utf16()), size_t(field.size()));
    endField();
}

} // namespace ql

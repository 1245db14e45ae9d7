// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvoptions.h"

namespace ql {

bool CsvOptions::isUsableDelimiter(QChar c)
{
    return !c.isNull() && c != u'"' && c != u'\r' && c != u'\n' && !c.isSurrogate();
}

std::optional<QChar> CsvOptions::parseDelimiter(const QString &setting)
{
    if (setting.compare(u"auto", Qt::CaseInsensitive) == 0)
        return QChar();
    if (setting.compare(u"tab", Qt::CaseInsensitive) == 0 || setting == u"\\t")
        return QChar(u'\t');
    if (setting.size() == 1 && isUsableDelimiter(setting.at(0)))
        return setting.at(0);
    return std::nullopt;
}

} // namespace ql

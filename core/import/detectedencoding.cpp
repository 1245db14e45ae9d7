// SPDX-License-Identifier: GPL-3.0-or-later
#include "detectedencoding.h"

#include <QObject>

namespace ql {

QString DetectedEncoding::displayName() const
{
    if (name == u"utf-8")
        return QStringLiteral("UTF-8");
    if (name == u"utf-16le")
        return QStringLiteral("UTF-16LE");
    if (name == u"utf-16be")
        return QStringLiteral("UTF-16BE");
    if (name == u"windows-1252")
        return QStringLiteral("Windows-1252");
    if (name == u"latin-1")
        return QStringLiteral("Latin-1");
    return name;
}

QString DetectedEncoding::description() const
{
    const QString n = displayName();
    switch (reason) {
    case Reason::Requested:
        return bomLength > 0 ? QObject::tr("%1 (as requested; byte-order mark skipped)").arg(n)
                             : QObject::tr("%1 (as requested)").arg(n);
    case Reason::ByteOrderMark:
        return QObject::tr("%1 (byte-order mark)").arg(n);
    case Reason::NulBytes:
        return QObject::tr("%1 without byte-order mark (NUL bytes in the first 4 KB)").arg(n);
    case Reason::ValidUtf8:
        return QObject::tr("%1 (the whole file is valid UTF-8)").arg(n);
    case Reason::InvalidUtf8:
        return QObject::tr("%1 (byte 0x%2 on line %3 is not valid UTF-8)")
            .arg(n, QString::number(uint(invalidByte), 16).toUpper().rightJustified(2, u'0'))
            .arg(invalidByteLine);
    }
    return n;
}

QStringDecoder DetectedEncoding::makeDecoder() const
{
    // ConvertInitialBom: the reader skips a BOM itself (so byte offsets stay exact); whatever the
    // decoder sees is text.
    constexpr auto flags = QStringConverter::Flag::ConvertInitialBom;
    if (name == u"utf-8")
        return QStringDecoder(QStringConverter::Utf8, flags);
    if (name == u"utf-16le")
        return QStringDecoder(QStringConverter::Utf16LE, flags);
    if (name == u"utf-16be")
        return QStringDecoder(QStringConverter::Utf16BE, flags);
    if (name == u"latin-1")
        return QStringDecoder(QStringConverter::Latin1, flags);
    if (name == u"windows-1252")
        return QStringDecoder("windows-1252", flags); // ICU
    return QStringDecoder();
}

} // namespace ql

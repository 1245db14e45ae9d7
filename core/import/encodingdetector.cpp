// SPDX-License-Identifier: GPL-3.0-or-later
#include "encodingdetector.h"

#include "utf8validator.h"

#include <QIODevice>
#include <QObject>

namespace ql {

namespace {

using Reason = DetectedEncoding::Reason;

int bomLengthFor(const QString &name, QByteArrayView head)
{
    if (name == u"utf-8" && head.startsWith("\xEF\xBB\xBF"))
        return 3;
    if (name == u"utf-16le" && head.startsWith("\xFF\xFE"))
        return 2;
    if (name == u"utf-16be" && head.startsWith("\xFE\xFF"))
        return 2;
    return 0;
}

} // namespace

QStringList EncodingDetector::encodingNames()
{
    return {QStringLiteral("utf-8"), QStringLiteral("utf-16le"), QStringLiteral("utf-16be"),
            QStringLiteral("windows-1252"), QStringLiteral("latin-1")};
}

QString EncodingDetector::canonicalName(const QString &requested)
{
    const QString lower = requested.toLower();
    if (lower == u"auto" || encodingNames().contains(lower))
        return lower;
    return {};
}

DetectedEncoding EncodingDetector::notUtf8(const Utf8Validator &validator)
{
    DetectedEncoding result;
    result.name = QStringLiteral("windows-1252");
    result.reason = Reason::InvalidUtf8;
    result.invalidByteOffset = validator.invalidOffset();
    result.invalidByteLine = validator.invalidLine();
    result.invalidByte = validator.invalidByte();
    return result;
}

std::optional<DetectedEncoding> EncodingDetector::detect(QIODevice *device, const QString &requested, QString *error,
                                                         qsizetype chunkSize, bool deferUtf8Check)
{
    auto setError = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString name = canonicalName(requested);
    if (name.isEmpty())
        return setError(QObject::tr("unknown encoding \"%1\" (use auto, %2)")
                            .arg(requested, encodingNames().join(QLatin1String(", "))));
    if (!device || !device->isReadable())
        return setError(QObject::tr("the file is not open for reading"));

    const QByteArray head = device->peek(NulWindow);
    DetectedEncoding result;
    if (name != u"auto") {
        result.name = name;
        result.reason = Reason::Requested;
        result.bomLength = bomLengthFor(name, head);
        return result;
    }

    result.reason = Reason::ByteOrderMark;
    for (const char *candidate : {"utf-8", "utf-16le", "utf-16be"}) {
        result.name = QLatin1String(candidate);
        result.bomLength = bomLengthFor(result.name, head);
        if (result.bomLength > 0)
            return result;
    }
    result.bomLength = 0;

    qsizetype nulsAtEven = 0, nulsAtOdd = 0;
    for (qsizetype i = 0; i < head.size(); ++i) {
        if (head[i] == '\0')
            ++((i & 1) ? nulsAtOdd : nulsAtEven);
    }
    if (nulsAtEven + nulsAtOdd > 0) {
        // ASCII in UTF-16LE is "x\0": the NUL is the second byte of each unit.
        result.name = nulsAtOdd >= nulsAtEven ? QStringLiteral("utf-16le") : QStringLiteral("utf-16be");
        result.reason = Reason::NulBytes;
        return result;
    }

    if (device->isSequential())
        return setError(QObject::tr("cannot check the encoding of a stream that can be read only once; "
                                    "name the encoding instead of auto"));
    if (deferUtf8Check) {
        result.name = QStringLiteral("utf-8");
        result.reason = Reason::ValidUtf8;
        return result;
    }
    const qint64 start = device->pos();
    Utf8Validator validator;
    QByteArray chunk(qMax<qsizetype>(chunkSize, 1), Qt::Uninitialized);
    for (;;) {
        const qint64 n = device->read(chunk.data(), chunk.size());
        if (n < 0) {
            device->seek(start);
            return setError(QObject::tr("cannot read the file: %1").arg(device->errorString()));
        }
        if (n == 0 || !validator.feed(QByteArrayView(chunk.constData(), n)))
            break;
    }
    validator.finish();
    if (!device->seek(start))
        return setError(QObject::tr("cannot return to the start of the file: %1").arg(device->errorString()));

    if (!validator.isValid())
        return notUtf8(validator);
    result.name = QStringLiteral("utf-8");
    result.reason = Reason::ValidUtf8;
    return result;
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include "resources.h"

namespace ql::Icons {

QIcon themed(const QString &name, const QString &fallback)
{
    return QIcon::fromTheme(name, QIcon(Resources::iconPath(fallback.isEmpty() ? name : fallback)));
}

QIcon application()
{
    static const QIcon icon(Resources::iconPath(QStringLiteral("qualitylens")));
    return icon;
}

} // namespace ql::Icons

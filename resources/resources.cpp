// SPDX-License-Identifier: GPL-3.0-or-later
#include "resources.h"

#include <QFontDatabase>
#include <QStringList>

namespace ql::Resources {

QString loadFonts()
{
    static QString family;
    if (!family.isEmpty())
        return family;
    for (const char *file : {"Inter-Regular.otf", "Inter-Medium.otf", "Inter-SemiBold.otf", "Inter-Bold.otf"}) {
        const int id = QFontDatabase::addApplicationFont(QStringLiteral(":/qualitylens/fonts/%1").arg(QLatin1String(file)));
        if (id >= 0 && family.isEmpty()) {
            const QStringList families = QFontDatabase::applicationFontFamilies(id);
            if (!families.isEmpty())
                family = families.first();
        }
    }
    return family;
}

QString iconPath(const QString &name)
{
    return QStringLiteral(":/qualitylens/icons/%1.svg").arg(name);
}

} // namespace ql::Resources

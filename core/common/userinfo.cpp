// SPDX-License-Identifier: GPL-3.0-or-later
#include "userinfo.h"

#include <QDateTime>
#include <QDir>
#include <QSysInfo>
#include <QtGlobal>

namespace ql::UserInfo {

namespace {
QString &overrideName()
{
    static QString name;
    return name;
}
} // namespace

QString osUserName()
{
    for (const char *var : {"USER", "USERNAME", "LOGNAME"}) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty())
            return v;
    }
    const QString home = QDir::home().dirName();
    return home.isEmpty() ? QStringLiteral("unknown") : home;
}

QString hostName()
{
    return QSysInfo::machineHostName();
}

QString currentUser()
{
    return overrideName().isEmpty() ? osUserName() : overrideName();
}

void setUserOverride(const QString &name)
{
    overrideName() = name.trimmed();
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace ql::UserInfo

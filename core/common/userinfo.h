// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ql {

// Who is making a change, for the change log. The name is self-declared (the OS user name unless
// the user set another one in preferences); docs/guide.md says so.
namespace UserInfo {
QString osUserName();
QString hostName();
QString currentUser(); // the override if set, else the OS user name
void setUserOverride(const QString &name);
QString nowIso();      // UTC date-time, ISO 8601 with seconds, for log columns
} // namespace UserInfo

} // namespace ql

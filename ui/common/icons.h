// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace ql::Icons {

// The desktop theme's icon of that freedesktop name, or the project's own SVG
// (resources/icons/FALLBACK.svg, the same name when none is given) on a desktop without it.
QIcon themed(const QString &name, const QString &fallback = QString());

// The application's icon.
QIcon application();

} // namespace ql::Icons

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ql::Resources {

// Registers the embedded fonts with QFontDatabase (needs a QGuiApplication). Returns the family
// name of the embedded sans ("Inter"), or an empty string when it could not be loaded.
QString loadFonts();

// ":/qualitylens/icons/NAME.svg"
QString iconPath(const QString &name);

} // namespace ql::Resources

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSize>
#include <QString>

#include <optional>

namespace ql {

// Output sizes of charts (formats.md: pixels at 144 dpi). 16:9 is the 13.333 × 7.5 in slide.
namespace ChartSize {
constexpr int dpi = 144;
QSize slide16x9();   // 1920 × 1080
QSize slide4x3();    // 1440 × 1080
QSize a4Landscape(); // 1684 × 1191 (297 × 210 mm)
// "1920x1080", or a name: "16:9", "4:3", "a4". Each side 64–8192.
std::optional<QSize> parse(const QString &text);
} // namespace ChartSize

} // namespace ql

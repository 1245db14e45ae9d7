// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivotlayout.h"

#include <QString>

#include <optional>

class QMimeData;

namespace ql {

// What a drag on the pivot page carries: a field of the field list, or a chip of a zone (with where
// it comes from, so a drop moves it). One private MIME type, so nothing else is accepted.
struct PivotDrag
{
    QString field;                 // dimension, "date" or measure
    std::optional<PivotZone> from; // the chip's zone; empty for the field list
    int index = -1;                // the chip's position in its zone

    static QString mimeType();
    QMimeData *toMimeData() const; // the caller owns it
    static std::optional<PivotDrag> fromMimeData(const QMimeData *mime);
};

} // namespace ql

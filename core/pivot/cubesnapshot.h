// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cube.h"

#include <QByteArray>

#include <cstddef>
#include <memory>

namespace ql {

// A cube as one block of bytes (the cube_cache table's data): every column, dictionary and
// outcome table copied as it is in memory, so reading it back is a few large copies instead of a
// scan of the fact tables. The bytes are the machine's own (a snapshot written on a machine of the
// other byte order is refused and rebuilt); Version changes whenever the layout or the cube
// builder's output changes, which makes every older snapshot stale.
class CubeSnapshot final
{
public:
    static constexpr int Version = 1;

    static QByteArray write(const Cube &cube);
    // The cube, or null when the bytes are not a whole snapshot of this version. An answers or
    // csat cube needs the audits cube it was built with (the same data stamp): its rows point into it.
    static std::shared_ptr<const Cube> read(const char *data, std::size_t size, std::shared_ptr<const Cube> audits = {});
};

} // namespace ql

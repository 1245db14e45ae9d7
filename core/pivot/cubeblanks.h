// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cube.h"

namespace ql {

// Whether any fact of the cube is under the dimension's (blank) member: a filter lists "(blank)"
// only then. ref comes from cube.findDimension() (an answer's audit dimension is read through its
// audit). One pass over the column, stopping at the first blank.
bool hasBlankMember(const Cube &cube, const Cube::DimensionRef &ref);

} // namespace ql

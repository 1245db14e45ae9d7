// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ql {

// Why a project could not be created or opened. Every kind maps to CLI exit code 4 and to a dialog
// in the GUI; the message says which file, what is wrong and what to do.
struct ProjectError
{
    enum Kind {
        None,
        NotFound,     // no such file
        Unreadable,   // exists, but cannot be read (permissions, I/O)
        NotAProject,  // no SQLite header, or another application_id
        NewerVersion, // written by a newer QualityLens
        Damaged,      // a QualityLens header whose pages fail to read or check
        InUse,        // another process holds the writer lock
        Exists,       // create() on an existing file without force
        WriteFailed,  // creating, migrating or writing failed
    };
    Kind kind = None;
    QString message;

    bool isError() const { return kind != None; }
    static ProjectError make(Kind k, const QString &msg) { return {k, msg}; }
};

} // namespace ql

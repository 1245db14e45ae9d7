// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/projectsettings.h"

#include <QList>
#include <QSqlDatabase>
#include <QUndoCommand>
#include <QVariant>

#include <functional>
#include <memory>

namespace ql {

// Applying the Preferences dialog, undoably (ui.md: per-project preferences are logged when
// changed; style.md: every user edit is a QUndoCommand written in one transaction with its
// change-log rows). create() writes the new values at once (ProjectSettings::setValues: all or
// none) and returns nothing when nothing changed or the project refused (the message in *error);
// pushing it onto the data stack does not write twice. Undo writes the old values back and redo
// the new ones again, each a logged change ("Preferences (undo)", "Preferences (redo)"). notify
// runs after every write so that pages redraw with the brand and the organisation.
class PreferencesCommand final : public QUndoCommand
{
public:
    using Values = QList<std::pair<ProjectSettings::Key, QVariant>>;
    using Notify = std::function<void()>;

    static std::unique_ptr<PreferencesCommand> create(const QSqlDatabase &db, const Values &after, QString *error,
                                                      Notify notify = {});

    void undo() override;
    void redo() override;

    const Values &before() const { return m_before; }
    const Values &after() const { return m_after; }
    QString lastError() const { return m_error; }

private:
    PreferencesCommand(const QSqlDatabase &db, Values before, Values after, Notify notify);
    void write(const Values &values, const QString &reason);

    QSqlDatabase m_db;
    Values m_before; // the keys that changed, as they were
    Values m_after;  // and as they are now
    Notify m_notify;
    QString m_error;
    bool m_applied = true; // create() has written; the first redo() only marks it done
};

} // namespace ql

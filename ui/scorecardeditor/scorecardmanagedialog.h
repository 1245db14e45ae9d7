// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QUndoStack;

namespace ql {

class Project;

// Renaming or deleting a whole scorecard (every version): pick the scorecard, give the new name (a
// rename) and a reason for the change log. A scorecard that audits, calibration sessions or anchor
// examples use cannot be deleted: the dialog says so, and by how many, before anything is tried,
// and the Delete button stays disabled. Each is an undoable command on the data stack.
class ScorecardManageDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Rename, Delete };
    ScorecardManageDialog(Mode mode, Project *project, QUndoStack *stack, const QString &scorecard,
                          QWidget *parent = nullptr);

    void setNotify(std::function<void()> notify) { m_notify = std::move(notify); }

    QComboBox *scorecardBox() const { return m_scorecard; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *okButton() const { return m_ok; }

    // Renames or deletes as the fields say; false (the dialog stays open with the reason shown) when refused.
    bool apply();

private:
    void update();

    Mode m_mode;
    Project *m_project;
    QUndoStack *m_stack;
    QComboBox *m_scorecard;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_reason;
    QLabel *m_message;
    QPushButton *m_ok;
    std::function<void()> m_notify;
};

} // namespace ql

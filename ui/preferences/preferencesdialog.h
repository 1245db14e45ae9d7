// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QUndoStack;

namespace ql {

class Project;

// Edit → Preferences… (ui.md "Preferences"). The settings kept in the project, so the CLI renders
// as the GUI does and every change is logged: the organisation's name (chart footnotes, reports)
// and the brand chart theme — its series colours, font and logo. Read-only projects show them
// without letting them change; with no project open the dialog says so. Applying is one undoable
// command on the data stack (Edit → Undo puts the old values back, logged too).
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(Project *project, QWidget *parent = nullptr);

    // Where applying goes (the main window's data stack), so Edit → Undo takes the change back, and
    // what runs after each write, undo and redo (pages redraw). Without a stack the change is
    // written and logged all the same.
    void setUndoStack(QUndoStack *stack) { m_undoStack = stack; }
    void setNotify(std::function<void()> notify) { m_notify = std::move(notify); }

    // Writes what changed, all keys in one transaction with a change-log row each, as one undoable
    // command (PreferencesCommand); false with *error naming the setting, and nothing written.
    bool apply(QString *error);
    // A PNG, JPEG… file as the logo (kept as PNG, at most 600 px high); false with *error.
    bool setLogoFile(const QString &path, QString *error);
    QByteArray logoPng() const { return m_logo; }

    void accept() override;

private:
    void pickColour();
    void chooseLogo();
    void showLogo();
    void showSwatches();

    Project *m_project;
    QLineEdit *m_organisation;
    QLineEdit *m_colours;
    QLabel *m_swatches;
    QComboBox *m_font;
    QLabel *m_logoPreview;
    QPushButton *m_removeLogo;
    QByteArray m_logo;
    QUndoStack *m_undoStack = nullptr;
    std::function<void()> m_notify;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/chartdata.h"
#include "chart/chartspec.h"
#include "common/page.h"
#include "pivot/cube.h"

#include <QSize>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLayout;
class QListView;
class QStandardItemModel;
class QUndoStack;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace ql {

class ChartPack;
class ChartPreview;
class ChartScene;

// The Charts page (issue 6): a chart built from a pivot spec (a preset or the form), previewed at
// the output's real aspect ratio with the layout the export will have, exported to PNG, SVG or PDF
// and copied to the clipboard as an image. The spec is shown as JSON for the CLI. Charts are saved
// in the project (saved views of kind "chart"), listed, opened, renamed, deleted (undoably),
// re-exported, and exported several at once as a chart pack (chartspagesaved.cpp).
class ChartsPage final : public Page
{
    Q_OBJECT
public:
    explicit ChartsPage(QWidget *parent = nullptr);
    ~ChartsPage() override;

    QString pageId() const override { return QStringLiteral("charts"); }
    QString title() const override;
    QIcon icon() const override;
    void setProject(Project *project) override;
    void refresh() override;
    void reloadData() override;
    QString statusText() const override { return m_status; }
    QList<JobRunner *> jobRunners() const override;

    ChartSpec spec() const; // the form as a spec (fields the form does not show come from the last spec loaded)
    void setSpec(const ChartSpec &spec);
    // What in the form cannot become a spec (filters that do not read), or empty.
    QString formProblem() const;
    // The periods a control chart's baseline and restart can be picked from (the last one drawn).
    QStringList controlPeriods() const { return m_periods; }
    QSize outputSize() const;
    const ChartScene *currentChart() const;
    QString previewMessage() const;

    bool exportTo(const QString &path, int scale, QString *error) const;
    void copyToClipboard() const;

    void setDataUndoStack(QUndoStack *stack) override { m_undo = stack; }
    bool editsData() const override { return true; }

    // Saved charts. The list model: one row per chart, by name; Qt::UserRole is the view's id.
    QStandardItemModel *savedCharts() const { return m_savedModel; }
    std::optional<qint64> saveChart(const QString &name, QString *error); // the form's spec; replaces one of that name
    bool openSaved(qint64 id, QString *error);
    bool renameSaved(qint64 id, const QString &name, QString *error);
    bool deleteSaved(qint64 id, QString *error); // an undoable command on the data stack
    QUndoStack *undoStack() const;
    // Writes the saved charts ids into folder, one file each (named after the chart, or fileName
    // for a single chart), in the background; chartPackFinished() at the end.
    bool exportPack(const QList<qint64> &ids, const QString &folder, const QString &format, QSize size, int scale,
                    QString *error, const QString &fileName = QString());
    void cancelPack();

Q_SIGNALS:
    void chartRendered();
    void chartPackFinished(const QStringList &written, const QStringList &errors, bool cancelled);

private:
    void scheduleRender();
    void showRowsForType(); // the rows of the form the chart type reads
    void fillControlPeriods(const QStringList &periods);
    void render();
    void updateJson();
    void setStatus(const QString &text);
    void exportDialog();

    // Saved charts (chartspagesaved.cpp).
    QWidget *buildSavedPanel();
    void refreshSaved();
    QList<qint64> selectedSaved() const;
    void updateSavedButtons();
    void askSave();
    void askRename();
    void askDelete();
    void askExportSaved();
    void askExportPack();
    void writeNextPackChart();
    void finishPack(bool cancelled);

    Project *m_project = nullptr;
    JobRunner *m_runner;
    std::map<PivotSource, std::shared_ptr<const Cube>> m_cubes; // built once per source, reused
    ChartSpec m_base;
    bool m_filling = false;
    QString m_status;

    ChartPreview *m_preview;
    QTimer *m_timer;
    QComboBox *m_preset;
    QComboBox *m_type;
    QComboBox *m_source;
    QLineEdit *m_rows;
    QLineEdit *m_cols;
    QLineEdit *m_measures;
    QLineEdit *m_title;
    QLineEdit *m_subtitle;
    QLineEdit *m_target;
    QLineEdit *m_annotationRow;
    QLineEdit *m_annotationText;
    QComboBox *m_theme;
    QComboBox *m_names; // agents as: the project's setting (-1), or NameDisplay
    QComboBox *m_size;
    QComboBox *m_scale;
    QCheckBox *m_labels;
    QCheckBox *m_footnote;
    QCheckBox *m_band;
    QLineEdit *m_filters;
    // Waterfall: the root-cause analysis it draws.
    QComboBox *m_metric;
    QLineEdit *m_basePeriod;
    QLineEdit *m_currentPeriod;
    QLineEdit *m_dimensions;
    // p-chart and xmr: which periods set the limits, and where they restart.
    QComboBox *m_baselineFrom;
    QComboBox *m_baselineTo;
    QComboBox *m_restart;
    QCheckBox *m_versionRestart;
    QStringList m_periods;
    QFormLayout *m_form = nullptr;
    QLayout *m_baselineRow = nullptr;
    QPlainTextEdit *m_json;
    QPushButton *m_export;
    QPushButton *m_copy;

    QUndoStack *m_undo = nullptr;
    QUndoStack *m_ownUndo = nullptr; // when no window hands one (tests)
    QString m_savedError; // the last saved-chart command's refusal
    QStandardItemModel *m_savedModel;
    QListView *m_savedList = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_renameButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_exportSavedButton = nullptr;
    QPushButton *m_packButton = nullptr;
    QPushButton *m_cancelPackButton = nullptr;
    std::shared_ptr<ChartPack> m_pack; // being written
    QString m_packFolder;
    int m_packNext = 0;
    bool m_packCancelled = false;
    QStringList m_packWritten;
    QStringList m_packErrors;
};

} // namespace ql

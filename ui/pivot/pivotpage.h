// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/chartspec.h"
#include "common/page.h"
#include "pivot/cube.h"
#include "pivot/pivotengine.h"
#include "pivot/pivottableoutput.h"
#include "pivotlayout.h"

#include <QPointer>

#include <array>
#include <memory>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QMenu;
class QSplitter;
class QToolButton;
class QUndoStack;

namespace ql {

class EmptyState;
class PivotDateRangePopup;
class PivotDrillDialog;
class PivotDropZone;
class PivotFieldList;
class PivotFilterPopup;
class PivotFormatProxy;
class PivotTableModel;
class PivotTableView;
class PivotViewsPanel;
struct PivotDrag;

// The Pivot page (issue 5): a field list and four drop zones on the left, the pivot table in the
// middle, saved views on the right.
//
// The cube of the chosen source is built in the background the first time the page shows a
// project (and again after a refresh or an import); every layout change recomputes the pivot on
// the cube in the background too, and a newer computation drops an older one's result (JobRunner
// channels). Each layout change is one step on the page's own undo stack; the last layout is
// remembered per user and project, and named layouts are saved in the project (saved_views).
class PivotPage final : public Page
{
    Q_OBJECT
public:
    explicit PivotPage(QWidget *parent = nullptr);
    ~PivotPage() override;

    QString pageId() const override { return QStringLiteral("pivot"); }
    QString title() const override;
    QIcon icon() const override;
    void setProject(Project *project) override;
    void refresh() override;
    void reloadData() override;
    QString statusText() const override;
    QList<JobRunner *> jobRunners() const override;
    QUndoStack *layoutUndoStack() const override { return m_undo; }

    const PivotLayout &currentLayout() const { return m_layout; }
    PivotTableModel *model() const { return m_model; }
    PivotFormatProxy *proxy() const { return m_proxy; }
    PivotTableView *table() const { return m_table; }
    PivotFieldList *fieldList() const { return m_fields; }
    PivotDropZone *zone(PivotZone zone) const;
    PivotViewsPanel *viewsPanel() const { return m_views; }
    QComboBox *sourceBox() const { return m_source; }
    EmptyState *emptyState() const { return m_empty; }
    QLabel *captionLabel() const { return m_caption; }
    std::shared_ptr<const Cube> cube(PivotSource source) const { return m_cubes[std::size_t(source)]; }
    bool isBusy() const; // a cube or a pivot is being computed

    // Layout edits, each one undoable step (false when refused or when nothing changes).
    bool changeLayout(const PivotLayout &next, const QString &text, const QString &mergeTag = QString());
    bool addField(const QString &field, PivotZone zone, int index = -1);
    bool addFieldWhereItBelongs(const QString &field); // double-click: a dimension to Rows, a measure to Values
    bool dropField(const PivotDrag &drag, PivotZone zone, int index);
    bool removeChip(PivotZone zone, int index);

    // The actions of a chip's context menu (group dates, filter, sort rows or columns, move; show
    // as and heat map for a measure), added to menu.
    void fillChipMenu(QMenu *menu, PivotZone zone, int index);
    // The toolbar's Top menu: all rows or the top N row groups by a measure, the rest as (others).
    QMenu *topMenu() const { return m_topMenu; }

    // The filter popups (also from a chip's menu or a double-click on it).
    PivotFilterPopup *editFilter(const QString &dimension);
    PivotDateRangePopup *editDateRange();

    // The records behind a cell of the table, in a dialog (drillOpened()).
    void drillDown(int row, int column);
    // The pivot as shown (grid) or one row per value (long), to .csv or .xlsx, in the background
    // (exportFinished()). False at once when there is no pivot or the name has neither extension.
    // Agents appear as the Export menu's "Agents in the export" says (the project's name_display by
    // default): agent and agent_name on an axis by name, id or pseudonym (ui.md "People in outputs").
    bool exportTo(const QString &path, PivotTableOutput::Shape shape);
    QActionGroup *exportAgentChoices() const { return m_exportAgents; }

    // Saved views (the project's saved_views, kind "pivot").
    bool saveView(const QString &name, bool replace, QString *error);
    bool openView(qint64 id);
    bool renameView(qint64 id, const QString &name, QString *error);
    bool deleteView(qint64 id, QString *error);

Q_SIGNALS:
    void resultShown(); // a new pivot (or none) is on screen
    void drillOpened(ql::PivotDrillDialog *dialog);
    void exportFinished(bool ok, const QString &message);
    // "Chart this": the pivot on screen as a chart spec, for the Charts page.
    void chartRequested(const ql::ChartSpec &spec);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct CubeBuild;
    struct Computed;

    void buildUi();
    QWidget *buildLeftPanel();
    QWidget *buildTablePanel();
    void createActions();

    void applyLayout(const PivotLayout &layout); // from the undo stack: show it, recompute if needed
    void updateZones();
    void updateFieldList();
    void updateActions();
    void updateCaption();
    void updateEmptyState();
    void rememberLayout() const;
    PivotLayout rememberedLayout() const;

    void ensureCube(PivotSource source);
    void cubeBuilt(CubeBuild &&build);
    void recompute();
    void showComputed(Computed &&computed);

    // pivotpageactions.cpp
    void showChipMenu(PivotZone zone, int index, const QPoint &globalPos);
    void fillTopMenu();
    void chipActivated(PivotZone zone, int index);
    void chooseExport();
    void askSaveView();
    void askRenameView(qint64 id);
    void askDeleteView(qint64 id);
    void refreshViews();
    QString chipText(PivotZone zone, const QString &id) const;
    QString cellCaption(int resultRow, int resultColumn, qint64 records) const;
    QStringList membersOf(const QString &dimension) const;
    QDate latestDate() const;
    QString filterSummary() const;

    Project *m_project = nullptr;
    JobRunner *m_runner;
    QUndoStack *m_undo;
    PivotLayout m_layout;
    std::array<std::shared_ptr<const Cube>, 3> m_cubes;
    PivotOptions m_options;
    int m_minAudits = 10;
    int m_minResponses = 20;
    bool m_dataStale = true; // the cubes must be (re)built before the next pivot
    quint64 m_cubeJob = 0;
    PivotSource m_cubeJobSource = PivotSource::Audits;
    quint64 m_pivotJob = 0;
    QString m_error;
    std::shared_ptr<const PivotSpec> m_shownSpec; // what the table shows, to skip needless recomputes
    qint64 m_shownMs = -1;
    qint64 m_currentView = -1;

    QSplitter *m_splitter = nullptr;
    QComboBox *m_source = nullptr;
    PivotFieldList *m_fields = nullptr;
    std::array<PivotDropZone *, 4> m_zones{};
    PivotTableModel *m_model;
    PivotFormatProxy *m_proxy;
    PivotTableView *m_table = nullptr;
    EmptyState *m_empty = nullptr;
    QLabel *m_caption = nullptr;
    PivotViewsPanel *m_views = nullptr;
    QMenu *m_totalsMenu = nullptr;
    QMenu *m_heatMenu = nullptr;
    QMenu *m_topMenu = nullptr;
    QAction *m_subtotals = nullptr;
    QAction *m_rowTotals = nullptr;
    QAction *m_columnTotals = nullptr;
    QAction *m_expandAll = nullptr;
    QAction *m_collapseAll = nullptr;
    QAction *m_export = nullptr;
    QActionGroup *m_exportAgents = nullptr;
    QAction *m_chartThis = nullptr;
    QAction *m_clear = nullptr;
    QAction *m_openDemo = nullptr;
    QAction *m_clearFilters = nullptr;
    QList<QPointer<QWidget>> m_popups; // drill dialogs and filter popups, closed with the project
};

} // namespace ql

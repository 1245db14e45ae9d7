// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/jobrunner.h"
#include "export/agentnames.h"

#include <QAction>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <optional>

class QActionGroup;
class QTableView;

namespace ql {

class JobContext;
class TableWriter;

// What an export writes: the header and a producer that writes the rows into a TableWriter on a
// worker thread (reading the project through the job's own connection when it needs to). It may be
// called twice (an XLSX export measures first), and must write the same rows each time.
struct TableExportSource
{
    QStringList header;
    std::function<bool(TableWriter &out, JobContext &context, QString *error)> rows;
};

// "Export…" (Ctrl+E) for a table: asks for a file (CSV, CSV for Excel, or XLSX) and writes the
// table through core/export off the UI thread, as the user sees it: the rows in the current filter
// and sort order, the columns in the order shown, hidden ones left out.
//
// By default it exports the view's model as it stands, read on the UI thread into a snapshot first
// (right for the small tables of dialogs and summaries); typed values (numbers, dates) stay typed.
// A page whose table is too large to snapshot (the Data page) gives a source factory instead.
class TableExportAction final : public QAction
{
    Q_OBJECT
public:
    explicit TableExportAction(QTableView *view, QObject *parent = nullptr);

    void setSheetName(const QString &name) { m_sheetName = name; }
    // Builds the source on the UI thread when an export starts; the rows run on a worker.
    void setSourceFactory(std::function<TableExportSource()> factory) { m_factory = std::move(factory); }
    // Jobs run here (the page's runner, so its project and its cancel-on-close apply); by default
    // on a runner of the action's own, which has no project.
    void setRunner(JobRunner *runner) { m_runner = runner; }

    // For tables that show agents (ui.md "People in outputs"): gives the action a menu "Agents as
    // the project sets / Names / Ids / Pseudonyms" for this table's exports. The source factory reads
    // the choice with agentOverride(); nullopt means the project's name_display.
    void offerAgentChoice();
    std::optional<NameDisplay> agentOverride() const;
    void setAgentOverride(std::optional<NameDisplay> display);
    // The menu's actions (project default, names, ids, pseudonyms); empty unless offered.
    QActionGroup *agentChoices() const { return m_agentChoices; }

    // Writes the table to path (.csv or .xlsx) in the background; finished() follows. False when
    // the name has neither extension.
    bool exportTo(const QString &path, bool excelByteOrderMark = false);
    bool isRunning() const;

    // The view's model, as shown: visible columns in visual order; values of the display role, with
    // numbers, dates and flags kept typed. Runs on the calling thread.
    static TableExportSource snapshot(const QTableView *view);

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    void chooseFile();

    QPointer<QTableView> m_view;
    QString m_sheetName;
    std::function<TableExportSource()> m_factory;
    QPointer<JobRunner> m_runner;
    JobRunner *m_ownRunner = nullptr;
    QActionGroup *m_agentChoices = nullptr;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordtable.h"

#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLineEdit;
class QSplitter;
class QTableView;

namespace ql {

class EmptyState;
class JobRunner;
class TableExportAction;
class Project;
class RecordFormatProxy;
class RecordTableModel;

// One table of the Data page: a search bar (text and the column to search), the table over
// RecordTableModel + RecordFormatProxy, an empty state that says what to do, and optionally a
// detail pane under the table (the answers of the selected audit).
class RecordBrowser final : public QWidget
{
    Q_OBJECT
public:
    RecordBrowser(RecordKind kind, JobRunner *runner, QWidget *parent = nullptr);

    RecordKind kind() const { return m_kind; }
    RecordTableModel *model() const { return m_model; }
    RecordFormatProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchBox() const { return m_search; }
    QComboBox *columnChooser() const { return m_column; }
    EmptyState *emptyState() const { return m_empty; }
    TableExportAction *exportAction() const { return m_export; }
    QSplitter *splitter() const { return m_splitter; }

    void setProject(const Project *project);
    void activate(); // shown: load if not loaded yet
    void reload();
    void focusSearch();
    void setDetailWidget(QWidget *detail);

    // "52,341 audits", "12 of 52,341 audits"; empty until loaded.
    QString countText() const;
    static QString countText(RecordKind kind, qint64 shown, qint64 total, const QLocale &locale);

    qint64 currentId() const;

Q_SIGNALS:
    void countTextChanged(const QString &text);
    void currentRecordChanged(qint64 id, int row); // id -1: none
    void openDemoRequested();
    void importRequested();

private:
    void applySearch();
    void updateEmptyState();
    void setDefaultColumnWidths();

    const RecordKind m_kind;
    RecordTableModel *m_model;
    RecordFormatProxy *m_proxy;
    QLineEdit *m_search;
    QComboBox *m_column;
    QTableView *m_view;
    QSplitter *m_splitter;
    EmptyState *m_empty;
    QAction *m_openDemo;
    QAction *m_import;
    TableExportAction *m_export;
    QAction *m_clearSearch;
    QTimer m_searchDelay;
};

} // namespace ql

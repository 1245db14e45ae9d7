// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace ql {

class EmptyState;
class JobRunner;
class Project;
class RecordFormatProxy;
class RecordTableModel;

// The detail pane under the audits table: the selected audit in one line, and its answers
// (criterion, value, c, N/A, comment, root causes) in scorecard order.
class AuditAnswersPane final : public QWidget
{
    Q_OBJECT
public:
    explicit AuditAnswersPane(JobRunner *runner, QWidget *parent = nullptr);

    RecordTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString title() const;
    qint64 auditId() const { return m_auditId; }

    void setProject(const Project *project);
    // id -1: nothing selected. title, details and the auditor's comment are what the audits table
    // shows for it.
    void setAudit(qint64 id, const QString &title = QString(), const QString &details = QString(),
                  const QString &comment = QString());
    QString comment() const;

private:
    void updateEmptyState();

    RecordTableModel *m_model;
    RecordFormatProxy *m_proxy;
    QLabel *m_title;
    QLabel *m_details;
    QLabel *m_comment;
    QTableView *m_view;
    EmptyState *m_empty;
    qint64 m_auditId = -1;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/page.h"
#include "recordtable.h"

#include <QList>

class QTabWidget;

namespace ql {

class AuditAnswersPane;
class RecordBrowser;

// The Data page: the project's records as tables — audits (with the selected audit's answers
// under them), answers, CSAT responses and agents. Each table loads when it is first shown.
class DataPage final : public Page
{
    Q_OBJECT
public:
    explicit DataPage(QWidget *parent = nullptr);
    ~DataPage() override;

    QString pageId() const override { return QStringLiteral("data"); }
    QString title() const override;
    QIcon icon() const override;
    void setProject(Project *project) override;
    void refresh() override;
    void reloadData() override;
    QString statusText() const override;
    QList<JobRunner *> jobRunners() const override;

    QTabWidget *tabs() const { return m_tabs; }
    RecordBrowser *browser(RecordKind kind) const;
    RecordBrowser *currentBrowser() const;
    AuditAnswersPane *answersPane() const { return m_answers; }

private:
    void showAudit(qint64 id, int row);

    JobRunner *m_runner;
    QTabWidget *m_tabs;
    QList<RecordBrowser *> m_browsers;
    AuditAnswersPane *m_answers;
    Project *m_project = nullptr;
};

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "datapage.h"

#include "auditanswerspane.h"
#include "common/icons.h"
#include "common/jobrunner.h"
#include "common/uistate.h"
#include "recordbrowser.h"
#include "recordformatproxy.h"
#include "recordtablemodel.h"

#include <QAction>
#include <QCoreApplication>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ql {

DataPage::DataPage(QWidget *parent)
    : Page(parent)
    , m_runner(new JobRunner(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("dataPage"));
    m_tabs->setObjectName(QStringLiteral("dataTabs"));
    m_tabs->setAccessibleName(tr("Tables"));
    m_tabs->setDocumentMode(true);
    for (RecordKind kind : {RecordKind::Audits, RecordKind::Answers, RecordKind::CsatResponses, RecordKind::Agents}) {
        auto *browser = new RecordBrowser(kind, m_runner, m_tabs);
        m_browsers << browser;
        m_tabs->addTab(browser, QCoreApplication::translate("ql::RecordTable", RecordTable::get(kind).title));
        connect(browser, &RecordBrowser::countTextChanged, this, [this, browser](const QString &text) {
            if (browser == currentBrowser())
                Q_EMIT statusTextChanged(text);
        });
        connect(browser, &RecordBrowser::openDemoRequested, this, &Page::openDemoRequested);
        connect(browser, &RecordBrowser::importRequested, this, &Page::importRequested);
    }
    RecordBrowser *audits = browser(RecordKind::Audits);
    m_answers = new AuditAnswersPane(m_runner, audits);
    audits->setDetailWidget(m_answers);
    connect(audits, &RecordBrowser::currentRecordChanged, this, &DataPage::showAudit);

    const int lastTab = UiState::value(QStringLiteral("data/tab"), 0).toInt();
    m_tabs->setCurrentIndex(std::clamp(lastTab, 0, int(m_browsers.size()) - 1));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        UiState::setValue(QStringLiteral("data/tab"), index);
        if (RecordBrowser *b = currentBrowser()) {
            b->activate();
            Q_EMIT statusTextChanged(b->countText());
        }
    });

    auto *find = new QAction(tr("Find"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        if (RecordBrowser *b = currentBrowser())
            b->focusSearch();
    });
    addAction(find);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

DataPage::~DataPage()
{
    const QSignalBlocker quiet(this); // nobody should hear from a page being destroyed
    setProject(nullptr);
}

QString DataPage::title() const
{
    return tr("Data");
}

QIcon DataPage::icon() const
{
    return Icons::themed(QStringLiteral("view-form-table"), QStringLiteral("view-table"));
}

QList<JobRunner *> DataPage::jobRunners() const
{
    return {m_runner};
}

RecordBrowser *DataPage::browser(RecordKind kind) const
{
    for (RecordBrowser *b : m_browsers)
        if (b->kind() == kind)
            return b;
    return nullptr;
}

RecordBrowser *DataPage::currentBrowser() const
{
    return qobject_cast<RecordBrowser *>(m_tabs->currentWidget());
}

void DataPage::setProject(Project *project)
{
    if (project == m_project && project)
        return;
    // Jobs read the old project until they are cancelled and have ended; only then can it go.
    m_runner->setProject(nullptr);
    m_project = project;
    m_runner->setProject(project);
    m_answers->setProject(project); // first: the audits table's reset below selects "no audit" in it
    for (RecordBrowser *b : m_browsers)
        b->setProject(project);
    if (project && currentBrowser())
        currentBrowser()->activate();
    Q_EMIT statusTextChanged(statusText());
}

void DataPage::refresh()
{
    if (RecordBrowser *b = currentBrowser())
        b->reload();
}

void DataPage::reloadData()
{
    // Tables not read yet read fresh data when they are first shown.
    for (RecordBrowser *b : std::as_const(m_browsers))
        if (b->model()->isLoaded() || b->model()->isLoading() || b == currentBrowser())
            b->reload();
}

QString DataPage::statusText() const
{
    RecordBrowser *b = currentBrowser();
    return b ? b->countText() : QString();
}

void DataPage::showAudit(qint64 id, int row)
{
    if (id < 0 || row < 0) {
        m_answers->setAudit(-1);
        return;
    }
    RecordBrowser *audits = browser(RecordKind::Audits);
    const RecordFormatProxy *proxy = audits->proxy();
    const RecordTable &table = audits->model()->table();
    auto shown = [&](const char *key) { return proxy->index(row, table.columnIndex(QLatin1String(key))).data().toString(); };
    const QModelIndex scoreIndex = audits->model()->index(row, table.columnIndex(QStringLiteral("score")));
    const bool passed = audits->model()->index(row, table.columnIndex(QStringLiteral("passed"))).data().toBool();
    const bool critical = audits->model()->index(row, table.columnIndex(QStringLiteral("critical_fail"))).data().toBool();
    QStringList details{shown("agent"), shown("team"), shown("date")};
    if (scoreIndex.data().isValid())
        details << tr("score %1").arg(shown("score"));
    else
        details << tr("no score");
    details << (critical ? tr("critical failure") : passed ? tr("passed") : tr("not passed"));
    details.removeAll(QString());
    const QString comment =
        audits->model()->index(row, table.columnIndex(QStringLiteral("comment"))).data().toString();
    m_answers->setAudit(id, tr("Audit %1").arg(shown("audit_key")), details.join(QStringLiteral(" · ")), comment);
}

} // namespace ql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditanswerspane.h"

#include "common/emptystate.h"
#include "common/tablecopy.h"
#include "common/uistate.h"
#include "recordformatproxy.h"
#include "recordtablemodel.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace ql {

AuditAnswersPane::AuditAnswersPane(JobRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_model(new RecordTableModel(RecordKind::AuditAnswers, runner, this))
    , m_proxy(new RecordFormatProxy(this))
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_comment(new QLabel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("auditAnswersPane"));
    m_proxy->setSourceModel(m_model);
    QFont bold = m_title->font();
    bold.setWeight(QFont::DemiBold);
    m_title->setFont(bold);
    m_title->setObjectName(QStringLiteral("auditTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("auditDetails"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_comment->setObjectName(QStringLiteral("auditComment"));
    m_comment->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_comment->setWordWrap(true);
    QFont italic = m_comment->font();
    italic.setItalic(true);
    m_comment->setFont(italic);

    m_view->setObjectName(QStringLiteral("auditAnswersTable"));
    m_view->setAccessibleName(tr("Answers of the selected audit"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    const RecordTable &table = m_model->table();
    for (int i = 0; i < table.columns.size(); ++i) {
        const RecordColumn &c = table.columns.at(i);
        const int forTitle = m_view->fontMetrics().horizontalAdvance(QCoreApplication::translate("ql::RecordTable", c.title)) + 16;
        const int forText = m_view->fontMetrics().horizontalAdvance(QString(c.width, QLatin1Char('0'))) + 12;
        m_view->setColumnWidth(i, std::max(forText, forTitle));
    }
    UiState::track(header, QStringLiteral("data/%1-%2").arg(table.key, table.signature()));
    TableCopy::install(m_view);
    m_empty = new EmptyState(m_view);

    auto *heading = new QHBoxLayout;
    heading->setContentsMargins(2, 0, 2, 0);
    heading->addWidget(m_title);
    heading->addSpacing(12);
    heading->addWidget(m_details, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(heading);
    layout->addWidget(m_comment);
    layout->addWidget(m_view, 1);

    connect(m_model, &RecordTableModel::countsChanged, this, &AuditAnswersPane::updateEmptyState);
    connect(m_model, &RecordTableModel::loadingChanged, this, &AuditAnswersPane::updateEmptyState);
    setAudit(-1);
}

QString AuditAnswersPane::title() const
{
    return m_title->text();
}

void AuditAnswersPane::setProject(const Project *project)
{
    m_model->setProject(project);
    setAudit(-1);
}

QString AuditAnswersPane::comment() const
{
    return m_comment->text();
}

void AuditAnswersPane::setAudit(qint64 id, const QString &title, const QString &details, const QString &comment)
{
    m_auditId = id;
    m_title->setText(id < 0 ? tr("Answers") : title);
    m_details->setText(id < 0 ? QString() : details);
    m_comment->setText(id < 0 || comment.trimmed().isEmpty() ? QString() : tr("“%1”").arg(comment.trimmed()));
    m_comment->setVisible(!m_comment->text().isEmpty());
    RecordFilter filter;
    if (id >= 0)
        filter.parent = id;
    else
        filter.parent = -1; // no audit has this id: an empty table
    if (m_model->project())
        m_model->setFilter(filter);
    updateEmptyState();
}

void AuditAnswersPane::updateEmptyState()
{
    if (m_auditId < 0) {
        m_empty->setTitle(QString());
        m_empty->setText(tr("Select an audit to see its answers."));
        m_empty->show();
        return;
    }
    if (m_model->rowCount() > 0 || !m_model->isLoaded() || m_model->isLoading()) {
        m_empty->hide();
        return;
    }
    m_empty->setTitle(QString());
    m_empty->setText(tr("This audit has no answers."));
    m_empty->show();
}

} // namespace ql

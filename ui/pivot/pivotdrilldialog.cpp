// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotdrilldialog.h"

#include "common/jobrunner.h"
#include "data/recordbrowser.h"
#include "data/recordtablemodel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace ql {

PivotDrillDialog::PivotDrillDialog(RecordKind kind, std::shared_ptr<const std::vector<qint64>> ids,
                                   const QString &caption, const Project *project, QWidget *parent)
    : QDialog(parent), m_runner(new JobRunner(this)), m_browser(new RecordBrowser(kind, m_runner, this)),
      m_caption(new QLabel(caption, this)), m_count(ids ? qint64(ids->size()) : 0)
{
    setObjectName(QStringLiteral("pivotDrillDialog"));
    setWindowTitle(tr("Records behind the cell"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_caption->setObjectName(QStringLiteral("drillCaption"));
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_runner->setProject(project);
    m_browser->setProject(project);
    RecordFilter filter;
    filter.ids = std::move(ids);
    m_browser->model()->setFilter(filter);
    m_browser->activate();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_caption);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(1100, 640);
}

PivotDrillDialog::~PivotDrillDialog()
{
    // The table's jobs read the project: they end before the dialog (and its runner) goes.
    m_browser->setProject(nullptr);
    m_runner->setProject(nullptr);
}

QString PivotDrillDialog::caption() const
{
    return m_caption->text();
}

} // namespace ql

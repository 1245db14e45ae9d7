// SPDX-License-Identifier: GPL-3.0-or-later
#include "demobuilder.h"

#include "common/jobrunner.h"
#include "store/project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProgressDialog>
#include <QStandardPaths>

namespace ql {

namespace {
const QString Channel = QStringLiteral("demo");

void removeProjectFiles(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".lock")})
        QFile::remove(path + suffix);
}

struct Outcome
{
    bool ok = false;
    QString error;
};
} // namespace

DemoBuilder::DemoBuilder(QObject *parent)
    : QObject(parent)
    , m_runner(new JobRunner(this))
{
}

DemoBuilder::~DemoBuilder() = default;

QString DemoBuilder::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("demo.qlens"));
}

bool DemoBuilder::isRunning() const
{
    return m_runner->isRunning(Channel);
}

void DemoBuilder::cancel()
{
    m_runner->cancel(Channel);
}

void DemoBuilder::build(const QString &path, QWidget *dialogParent)
{
    if (isRunning())
        return;
    const QString partial = QFileInfo(path).dir().filePath(QFileInfo(path).completeBaseName() + QStringLiteral("-partial.qlens"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    const DemoOptions options = m_options;

    if (dialogParent) {
        m_dialog = new QProgressDialog(tr("Creating the demo project…"), tr("Cancel"), 0, 1000, dialogParent);
        m_dialog->setObjectName(QStringLiteral("demoProgress"));
        m_dialog->setWindowTitle(tr("Open Demo"));
        m_dialog->setWindowModality(Qt::WindowModal);
        m_dialog->setMinimumDuration(0);
        m_dialog->setAutoClose(false);
        m_dialog->setAutoReset(false);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &QProgressDialog::canceled, this, &DemoBuilder::cancel);
        connect(m_runner, &JobRunner::jobProgress, m_dialog, [dialog = m_dialog](quint64, double fraction, const QString &text) {
            if (fraction >= 0)
                dialog->setValue(int(fraction * 1000));
            if (!text.isEmpty())
                dialog->setLabelText(tr("Creating the demo project: %1").arg(text));
        });
        m_dialog->setValue(0);
    }
    auto closeDialog = [this] {
        if (m_dialog)
            m_dialog->close();
    };

    m_runner->start<Outcome>(
        Channel, tr("Creating the demo project…"),
        [partial, options](JobContext &context) {
            Outcome outcome;
            removeProjectFiles(partial);
            ProjectError error;
            {
                // Created, filled and closed on this worker thread: its connection lives here.
                std::unique_ptr<Project> project = Project::create(partial, true, &error);
                if (!project) {
                    outcome.error = error.message;
                    return outcome;
                }
                auto progress = [&context](double fraction, const QString &stage) {
                    context.setProgress(fraction, stage);
                    return !context.isCanceled();
                };
                outcome.ok = generateDemo(*project, options, progress, &outcome.error).has_value();
            }
            if (!outcome.ok)
                removeProjectFiles(partial);
            return outcome;
        },
        [this, partial, path, closeDialog](Outcome &&outcome) {
            closeDialog();
            if (!outcome.ok) {
                Q_EMIT failed(outcome.error);
                return;
            }
            removeProjectFiles(path);
            if (!QFile::rename(partial, path)) {
                removeProjectFiles(partial);
                Q_EMIT failed(tr("The demo project could not be written to %1.").arg(QDir::toNativeSeparators(path)));
                return;
            }
            Q_EMIT finished(path);
        },
        [this, partial, closeDialog] {
            closeDialog();
            removeProjectFiles(partial);
            Q_EMIT canceled();
        });
}

} // namespace ql

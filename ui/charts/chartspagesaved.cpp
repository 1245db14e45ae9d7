// SPDX-License-Identifier: GPL-3.0-or-later
// The Charts page's saved charts: save, open, rename, delete (undoable), re-export, chart pack.
#include "chartpackdialog.h"
#include "chartpack.h"
#include "chartspage.h"
#include "common/icons.h"
#include "common/jobrunner.h"
#include "savedchartcommand.h"
#include "store/project.h"
#include "store/savedviewstore.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <functional>

namespace ql {

namespace {

const QString chartKind = QStringLiteral("chart");

} // namespace

QWidget *ChartsPage::buildSavedPanel()
{
    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Saved charts:"));
    m_savedList = new QListView;
    m_savedList->setObjectName(QStringLiteral("savedCharts"));
    m_savedList->setAccessibleName(tr("Saved charts"));
    m_savedList->setModel(m_savedModel);
    m_savedList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_savedList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_savedList->setMinimumHeight(m_savedList->fontMetrics().lineSpacing() * 5);
    label->setBuddy(m_savedList);
    layout->addWidget(label);
    layout->addWidget(m_savedList, 1);
    auto *buttons = new QGridLayout;
    auto button = [&](QPushButton **out, const QString &icon, const QString &text, const QString &name, int row,
                      int col, const std::function<void()> &slot) {
        *out = new QPushButton(Icons::themed(icon), text);
        (*out)->setObjectName(name);
        connect(*out, &QPushButton::clicked, this, slot);
        buttons->addWidget(*out, row, col);
    };
    button(&m_saveButton, QStringLiteral("document-save"), tr("&Save Chart…"), QStringLiteral("saveChart"), 0, 0,
           [this] { askSave(); });
    button(&m_openButton, QStringLiteral("document-open"), tr("&Open"), QStringLiteral("openSavedChart"), 0, 1, [this] {
        const QList<qint64> ids = selectedSaved();
        QString error;
        if (ids.size() == 1 && !openSaved(ids.first(), &error))
            QMessageBox::warning(this, tr("Open Chart"), error);
    });
    button(&m_renameButton, QStringLiteral("edit-rename"), tr("Re&name…"), QStringLiteral("renameSavedChart"), 1, 0,
           [this] { askRename(); });
    button(&m_deleteButton, QStringLiteral("edit-delete"), tr("&Delete"), QStringLiteral("deleteSavedChart"), 1, 1,
           [this] { askDelete(); });
    button(&m_exportSavedButton, QStringLiteral("document-export"), tr("E&xport…"),
           QStringLiteral("exportSavedChart"), 2, 0, [this] { askExportSaved(); });
    button(&m_packButton, QStringLiteral("folder-new"), tr("Export Chart &Pack…"), QStringLiteral("exportChartPack"),
           2, 1, [this] { askExportPack(); });
    button(&m_cancelPackButton, QStringLiteral("process-stop"), tr("Stop the Pack"), QStringLiteral("cancelChartPack"),
           3, 1, [this] { cancelPack(); });
    m_cancelPackButton->hide();
    m_openButton->setToolTip(tr("Open the selected chart in the form (double-click does the same)"));
    m_packButton->setToolTip(tr("Write the selected saved charts (all when none is selected) into a folder"));
    layout->addLayout(buttons);
    connect(m_savedList, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        QString error;
        if (!openSaved(index.data(Qt::UserRole).toLongLong(), &error))
            QMessageBox::warning(this, tr("Open Chart"), error);
    });
    connect(m_savedList->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ChartsPage::updateSavedButtons);
    updateSavedButtons();
    return panel;
}

QUndoStack *ChartsPage::undoStack() const
{
    if (m_undo)
        return m_undo;
    if (!m_ownUndo)
        const_cast<ChartsPage *>(this)->m_ownUndo = new QUndoStack(const_cast<ChartsPage *>(this));
    return m_ownUndo;
}

void ChartsPage::refreshSaved()
{
    QList<qint64> selected = selectedSaved();
    m_savedModel->clear();
    if (m_project)
        for (const SavedView &v : SavedViewStore(m_project->database()).list(chartKind)) {
            auto *item = new QStandardItem(v.name);
            item->setData(v.id, Qt::UserRole);
            item->setToolTip(tr("Saved %1").arg(v.updatedAt));
            m_savedModel->appendRow(item);
        }
    if (m_savedList)
        for (int row = 0; row < m_savedModel->rowCount(); ++row)
            if (selected.contains(m_savedModel->item(row)->data(Qt::UserRole).toLongLong()))
                m_savedList->selectionModel()->select(m_savedModel->index(row, 0), QItemSelectionModel::Select);
    updateSavedButtons();
}

QList<qint64> ChartsPage::selectedSaved() const
{
    QList<qint64> ids;
    if (m_savedList)
        for (const QModelIndex &index : m_savedList->selectionModel()->selectedRows())
            ids << index.data(Qt::UserRole).toLongLong();
    return ids;
}

void ChartsPage::updateSavedButtons()
{
    if (!m_saveButton)
        return;
    const bool writable = m_project && !m_project->isReadOnly();
    const int selected = int(selectedSaved().size());
    const bool packing = m_pack != nullptr || m_runner->isRunning(QStringLiteral("pack"));
    m_saveButton->setEnabled(writable);
    m_openButton->setEnabled(selected == 1);
    m_renameButton->setEnabled(writable && selected == 1);
    m_deleteButton->setEnabled(writable && selected == 1);
    m_exportSavedButton->setEnabled(selected == 1 && !packing);
    m_packButton->setEnabled(m_savedModel->rowCount() > 0 && !packing);
    m_cancelPackButton->setVisible(packing);
}

std::optional<qint64> ChartsPage::saveChart(const QString &name, QString *error)
{
    if (!m_project || m_project->isReadOnly()) {
        *error = m_project ? tr("The project is open read-only.") : tr("No project is open.");
        return std::nullopt;
    }
    const ChartSpec s = spec();
    if (const QString problem = formProblem().isEmpty() ? s.validate() : formProblem(); !problem.isEmpty()) {
        *error = tr("This chart cannot be saved: %1").arg(problem);
        return std::nullopt;
    }
    SavedViewStore store(m_project->database());
    std::optional<qint64> id;
    if (const auto existing = store.find(chartKind, name.trimmed())) {
        if (store.updateSpec(existing->id, s.toJson(), error))
            id = existing->id;
    } else {
        id = store.create(chartKind, name, s.toJson(), error);
    }
    refreshSaved();
    if (id)
        setStatus(tr("Chart saved as “%1”").arg(name.trimmed()));
    return id;
}

bool ChartsPage::openSaved(qint64 id, QString *error)
{
    const auto view = m_project ? SavedViewStore(m_project->database()).load(id) : std::nullopt;
    if (!view) {
        *error = tr("That chart is no longer in the project.");
        return false;
    }
    const auto s = ChartSpec::fromJson(view->specJson, error);
    if (!s) {
        *error = tr("The saved chart “%1” cannot be read: %2").arg(view->name, *error);
        return false;
    }
    m_preset->setCurrentIndex(0);
    setSpec(*s);
    setStatus(tr("Opened the chart “%1”").arg(view->name));
    return true;
}

bool ChartsPage::renameSaved(qint64 id, const QString &name, QString *error)
{
    if (!m_project || m_project->isReadOnly()) {
        *error = tr("The project is open read-only.");
        return false;
    }
    const bool ok = SavedViewStore(m_project->database()).rename(id, name, error);
    refreshSaved();
    return ok;
}

bool ChartsPage::deleteSaved(qint64 id, QString *error)
{
    if (!m_project || m_project->isReadOnly()) {
        *error = tr("The project is open read-only.");
        return false;
    }
    const auto view = SavedViewStore(m_project->database()).load(id);
    if (!view) {
        *error = tr("That chart is no longer in the project.");
        return false;
    }
    // The command keeps this callback for undo and redo: it may capture the page, nothing local.
    m_savedError.clear();
    undoStack()->push(new SavedChartDeleteCommand(m_project->database(), *view, [this](const QString &e) {
        m_savedError = e;
        refreshSaved();
        if (!e.isEmpty())
            setStatus(e);
    }));
    if (!m_savedError.isEmpty()) {
        *error = m_savedError;
        return false;
    }
    setStatus(tr("Deleted the chart “%1” (Undo brings it back)").arg(view->name));
    return true;
}

void ChartsPage::askSave()
{
    QString suggestion = m_title->text().trimmed();
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Chart"), tr("Name of the chart:"), QLineEdit::Normal,
                                               suggestion, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    if (m_project && SavedViewStore(m_project->database()).find(chartKind, name.trimmed()) &&
        QMessageBox::question(this, tr("Save Chart"), tr("A chart named “%1” exists. Replace it?").arg(name.trimmed())) !=
            QMessageBox::Yes)
        return;
    QString error;
    if (!saveChart(name, &error))
        QMessageBox::warning(this, tr("Save Chart"), error);
}

void ChartsPage::askRename()
{
    const QList<qint64> ids = selectedSaved();
    if (ids.size() != 1)
        return;
    const QString current = m_savedList->currentIndex().data().toString();
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename Chart"), tr("New name:"), QLineEdit::Normal, current, &ok);
    if (!ok)
        return;
    QString error;
    if (!renameSaved(ids.first(), name, &error))
        QMessageBox::warning(this, tr("Rename Chart"), error);
}

void ChartsPage::askDelete()
{
    const QList<qint64> ids = selectedSaved();
    QString error;
    if (ids.size() == 1 && !deleteSaved(ids.first(), &error))
        QMessageBox::warning(this, tr("Delete Chart"), error);
}

void ChartsPage::askExportSaved()
{
    const QList<qint64> ids = selectedSaved();
    if (ids.size() != 1)
        return;
    const QString name = m_savedList->currentIndex().data().toString();
    QSet<QString> taken;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Chart"), QDir::home().filePath(ChartPack::fileNameFor(name, ChartExport::Format::Png, &taken)),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    const auto format = ChartExport::formatForPath(path);
    if (!format) {
        QMessageBox::warning(this, tr("Export Chart"), tr("Choose a .png, .svg or .pdf file."));
        return;
    }
    // A pack of one, written where the user said.
    QString error;
    const QFileInfo info(path);
    if (!exportPack(ids, info.absolutePath(), info.suffix().toLower(), outputSize(), m_scale->currentData().toInt(),
                    &error, info.fileName()))
        QMessageBox::warning(this, tr("Export Chart"), error);
}

void ChartsPage::askExportPack()
{
    QList<qint64> ids = selectedSaved();
    QStringList names;
    if (ids.size() < 2) {
        ids.clear();
        for (int row = 0; row < m_savedModel->rowCount(); ++row)
            ids << m_savedModel->item(row)->data(Qt::UserRole).toLongLong();
    }
    for (int row = 0; row < m_savedModel->rowCount(); ++row)
        if (ids.contains(m_savedModel->item(row)->data(Qt::UserRole).toLongLong()))
            names << m_savedModel->item(row)->text();
    ChartPackDialog dialog(names, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!exportPack(ids, dialog.folder(), dialog.format(), dialog.size(), dialog.scale(), &error))
        QMessageBox::warning(this, tr("Export Chart Pack"), error);
}

bool ChartsPage::exportPack(const QList<qint64> &ids, const QString &folder, const QString &format, QSize size,
                            int scale, QString *error, const QString &fileName)
{
    if (!m_project) {
        *error = tr("No project is open.");
        return false;
    }
    if (m_pack || m_runner->isRunning(QStringLiteral("pack"))) {
        *error = tr("A chart pack is being written; wait for it or stop it.");
        return false;
    }
    const auto fmt = ChartExport::formatForPath(QStringLiteral("x.") + format);
    if (!fmt) {
        *error = tr("The format must be png, svg or pdf, not “%1”.").arg(format);
        return false;
    }
    if (!QDir(folder).exists() && !QDir().mkpath(folder)) {
        *error = tr("The folder %1 cannot be created.").arg(folder);
        return false;
    }
    QList<std::pair<QString, QByteArray>> charts;
    const SavedViewStore store(m_project->database());
    for (qint64 id : ids)
        if (const auto v = store.load(id))
            charts << std::pair{v->name, v->specJson};
    if (charts.isEmpty()) {
        *error = tr("Choose the saved charts to export.");
        return false;
    }
    m_packFolder = folder;
    m_packWritten.clear();
    m_packErrors.clear();
    m_packCancelled = false;
    auto pack = std::make_shared<ChartPack>(charts, *fmt, size, scale);
    if (!fileName.isEmpty() && pack->count() == 1)
        pack->setFileName(0, fileName);
    const int total = int(charts.size());
    m_runner->start<std::shared_ptr<ChartPack>>(
        QStringLiteral("pack"), tr("Reading the charts of the pack"),
        [pack, total](JobContext &context) {
            pack->load(
                context.database(), [&context] { return context.isCanceled(); },
                [&context, total](int done) {
                    context.setProgress(0.5 * done / total,
                                        QObject::tr("Chart pack: %1 of %2 charts read").arg(done).arg(total));
                });
            return pack;
        },
        [this](std::shared_ptr<ChartPack> &&loaded) {
            m_pack = std::move(loaded);
            m_packNext = 0;
            updateSavedButtons();
            QTimer::singleShot(0, this, &ChartsPage::writeNextPackChart);
        },
        [this] { finishPack(true); });
    updateSavedButtons();
    setStatus(total == 1 ? tr("Chart pack: reading 1 chart…") : tr("Chart pack: reading %1 charts…").arg(total));
    return true;
}

// One chart per turn of the event loop: drawing needs this thread, and the window stays live.
void ChartsPage::writeNextPackChart()
{
    if (!m_pack)
        return;
    if (m_packCancelled || m_packNext >= m_pack->count()) {
        finishPack(m_packCancelled);
        return;
    }
    QString error;
    const int i = m_packNext++;
    if (m_pack->write(i, m_packFolder, &error))
        m_packWritten << QDir(m_packFolder).filePath(m_pack->entries().at(i).fileName);
    else
        m_packErrors << error;
    setStatus(tr("Chart pack: %1 of %2 written").arg(m_packNext).arg(m_pack->count()));
    QTimer::singleShot(0, this, &ChartsPage::writeNextPackChart);
}

void ChartsPage::cancelPack()
{
    m_packCancelled = true;
    m_runner->cancel(QStringLiteral("pack"));
}

void ChartsPage::finishPack(bool cancelled)
{
    m_pack.reset();
    updateSavedButtons();
    if (cancelled)
        setStatus(m_packWritten.size() == 1 ? tr("Chart pack stopped: 1 file written")
                                            : tr("Chart pack stopped: %1 files written").arg(m_packWritten.size()));
    else if (m_packErrors.isEmpty())
        setStatus((m_packWritten.size() == 1 ? tr("Chart pack: 1 file written to %1")
                                             : tr("Chart pack: %1 files written to %2").arg(m_packWritten.size()))
                      .arg(m_packFolder));
    else
        setStatus(tr("Chart pack: %1 written, %2 could not be: %3")
                      .arg(m_packWritten.size())
                      .arg(m_packErrors.size())
                      .arg(m_packErrors.join(QStringLiteral("; "))));
    Q_EMIT chartPackFinished(m_packWritten, m_packErrors, cancelled);
}

} // namespace ql

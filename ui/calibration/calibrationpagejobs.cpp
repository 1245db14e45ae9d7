// SPDX-License-Identifier: GPL-3.0-or-later
// CalibrationPage, continued: the work that leaves the UI thread through the page's JobRunner,
// with its progress and Cancel in the status bar. Loading a session reads it, the lead's
// submission counts, and from review on the metrics (bootstrap intervals) and the consensus draft,
// on the job's own read-only connection. The offline exchange's files (writing a package or a
// response, opening a package, importing responses) run on a connection of the job's own, for
// writing where they write. Imported responses are one undoable step on the data stack.
#include "calibrationpage.h"

#include "calibration/calibrationexchange.h"
#include "calibration/calibrationreview.h"
#include "calibration/calibrationscoring.h"
#include "calibration/calibrationsessions.h"
#include "calibration/calibrationundo.h"
#include "common/jobrunner.h"
#include "store/project.h"
#include "store/savepoint.h"

#include <QFileInfo>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QUndoStack>

#include <memory>

namespace ql {

namespace {

const QString kSessionChannel = QStringLiteral("session");
const QString kExchangeChannel = QStringLiteral("exchange");

struct LoadedSession
{
    std::optional<CalibrationSessionData> data;
    std::optional<CalibrationMetrics> metrics;
    std::optional<QList<CalibrationSubmissionStatus>> submissions;
    std::optional<std::vector<CalibrationSheet>> consensusDraft;
    QString error;
};

LoadedSession loadInBackground(const QSqlDatabase &db, qint64 sessionId)
{
    LoadedSession out;
    CalibrationError error;
    out.data = CalibrationSessions(db).load(sessionId, &error);
    if (!out.data) {
        out.error = error.message;
        return out;
    }
    out.submissions = CalibrationScoring(db).status(sessionId, &error);
    if (answersRevealed(out.data->info.state)) {
        const CalibrationReview review(db);
        out.metrics = review.metrics(sessionId, &error);
        if (!out.metrics)
            out.error = error.message;
        out.consensusDraft = review.consensusDraft(sessionId);
    }
    return out;
}

// What a file operation did, for the UI thread. `committed` is written on the worker thread
// before the job ends and read after it (the future's end orders the two).
struct ExchangeOutcome
{
    bool ok = false;
    QString message;
    qint64 sessionId = 0; // Open Package: the session it became
    QList<CalibrationPage::ImportedResponse> imported;
    bool committed = false;
};

// A connection of the job's own for writing (JobContext's is read-only), closed on this thread.
template <typename F>
void withWriter(const Project *project, JobContext &context, ExchangeOutcome &out, F work)
{
    const QString name = QStringLiteral("qlcalibration-%1").arg(context.id());
    {
        QSqlDatabase db = project ? project->openWorkerConnection(name, false) : QSqlDatabase();
        if (!db.isOpen())
            out.message = CalibrationPage::tr("The project cannot be opened for writing.");
        else
            work(db);
    }
    Project::closeConnection(name);
}

} // namespace

bool CalibrationPage::isBusy() const
{
    return m_runner->isRunning(kSessionChannel) || m_runner->isRunning(kExchangeChannel);
}

bool CalibrationPage::refuseWhileBusy()
{
    if (!isBusy())
        return false;
    showMessage(tr("Wait until the session has loaded and its files are written (see the status bar)."), true);
    return true;
}

void CalibrationPage::setBusyLook(bool busy)
{
    // The tabs stay readable; what would edit a session that is being read again is disabled.
    m_tabs->setEnabled(!busy);
    for (QPushButton *b : {m_new, m_openPackage, m_advance, m_exportPackage, m_importResponses})
        b->setEnabled(!busy);
}

void CalibrationPage::loadSession()
{
    if (!m_project || m_sessionId <= 0) {
        m_runner->abandon(kSessionChannel);
        m_data.reset();
        m_metrics.reset();
        m_submissions.reset();
        m_consensusDraft.reset();
        showLoaded();
        setBusyLook(isBusy());
        Q_EMIT sessionLoaded();
        return;
    }
    if (!m_data || m_data->info.id != m_sessionId)
        m_heading->setText(tr("Loading the session…"));
    setBusyLook(true);
    const qint64 id = m_sessionId;
    m_runner->start<LoadedSession>(
        kSessionChannel, tr("Loading the calibration session"),
        [id](JobContext &context) {
            context.setProgress(-1, tr("Loading the calibration session"));
            return loadInBackground(context.database(), id);
        },
        [this](LoadedSession &&loaded) {
            m_data = std::move(loaded.data);
            m_metrics = std::move(loaded.metrics);
            m_submissions = std::move(loaded.submissions);
            m_consensusDraft = std::move(loaded.consensusDraft);
            if (!loaded.error.isEmpty())
                showMessage(loaded.error, true);
            showLoaded();
            setBusyLook(isBusy());
            Q_EMIT sessionLoaded();
        },
        [this] {
            m_data.reset();
            m_metrics.reset();
            m_submissions.reset();
            m_consensusDraft.reset();
            showLoaded();
            m_heading->setText(tr("Loading was cancelled: select the session again to load it."));
            setBusyLook(isBusy());
            Q_EMIT sessionLoaded();
        });
}

void CalibrationPage::finishExchange(const QString &message, bool ok)
{
    showMessage(message, !ok);
    setBusyLook(isBusy());
    Q_EMIT exchangeFinished(ok);
}

bool CalibrationPage::exportPackage(const QString &path)
{
    if (!m_project || m_sessionId <= 0 || refuseWhileBusy())
        return false;
    const Project *project = m_project;
    const qint64 id = m_sessionId;
    setBusyLook(true);
    // Writing the package records its hash in the session (package_sha256): a writing connection.
    m_runner->start<ExchangeOutcome>(
        kExchangeChannel, tr("Writing the session package"),
        [project, id, path](JobContext &context) {
            ExchangeOutcome out;
            withWriter(project, context, out, [&](const QSqlDatabase &db) {
                context.setProgress(-1, tr("Writing %1").arg(QFileInfo(path).fileName()));
                const CalibrationError e = CalibrationExchange(db).writePackage(id, path);
                out.ok = !e.isError();
                out.message = out.ok ? tr("Package written to %1: send it to the participants.")
                                           .arg(QFileInfo(path).fileName())
                                     : e.message;
            });
            return out;
        },
        [this](ExchangeOutcome &&out) { finishExchange(out.message, out.ok); },
        [this] { finishExchange(tr("Writing the package was cancelled."), false); });
    return true;
}

bool CalibrationPage::exportResponse(const QString &path)
{
    if (!m_project || m_participantId == 0 || refuseWhileBusy())
        return false;
    const qint64 id = m_sessionId;
    const qint64 participant = m_participantId;
    setBusyLook(true);
    m_runner->start<ExchangeOutcome>(
        kExchangeChannel, tr("Writing the response file"),
        [id, participant, path](JobContext &context) {
            ExchangeOutcome out;
            context.setProgress(-1, tr("Writing %1").arg(QFileInfo(path).fileName()));
            const CalibrationError e = CalibrationExchange(context.database()).writeResponse(id, participant, path);
            out.ok = !e.isError();
            out.message = out.ok ? tr("Response written to %1: send it to the lead.").arg(QFileInfo(path).fileName())
                                 : e.message;
            return out;
        },
        [this](ExchangeOutcome &&out) { finishExchange(out.message, out.ok); },
        [this] { finishExchange(tr("Writing the response was cancelled."), false); });
    return true;
}

bool CalibrationPage::openPackage(const QString &path)
{
    if (!m_project || refuseWhileBusy())
        return false;
    const Project *project = m_project;
    setBusyLook(true);
    m_runner->start<ExchangeOutcome>(
        kExchangeChannel, tr("Opening the session package"),
        [project, path](JobContext &context) {
            ExchangeOutcome out;
            withWriter(project, context, out, [&](const QSqlDatabase &db) {
                context.setProgress(-1, tr("Reading %1").arg(QFileInfo(path).fileName()));
                CalibrationError e;
                const auto id = CalibrationExchange(db).openPackageFile(path, &e);
                out.ok = id.has_value();
                out.sessionId = id.value_or(0);
                out.message = out.ok ? tr("Package opened: pick your name, score each item, Submit, then Export "
                                          "Response…")
                                     : e.message;
            });
            return out;
        },
        [this](ExchangeOutcome &&out) {
            if (out.ok) {
                m_sessionId = out.sessionId;
                fillSessions();
                loadSession();
            }
            finishExchange(out.message, out.ok);
        },
        [this] {
            // The package may have been opened just before the cancel arrived: list what is there.
            fillSessions();
            finishExchange(tr("Opening the package was cancelled."), false);
        });
    return true;
}

// The responses of one Import Responses, already written: one step on the data stack. Undo takes
// them all out in one transaction (each participant's answers put back as they were before, the
// submission cleared), redo imports the same files again in one; either refuses as a whole.
std::unique_ptr<CalibrationCommand> CalibrationPage::importCommand(qint64 sessionId,
                                                                   const QList<ImportedResponse> &imported)
{
    struct Entry
    {
        QByteArray bytes;
        CalibrationResponseImport result; // what undo needs, from the latest import
    };
    auto entries = std::make_shared<QList<Entry>>();
    for (const ImportedResponse &r : imported)
        entries->append({r.bytes, r.result});
    const QString text = imported.size() == 1 ? tr("Import %1's response").arg(imported.first().result.participant)
                                              : tr("Import %1 responses").arg(imported.size());
    const QSqlDatabase db = m_db;
    QPointer<CalibrationPage> page(this);
    return CalibrationCommand::adopt(
        text, sessionId,
        [db, sessionId, entries](const QString &reason) {
            Savepoint tx(db, QStringLiteral("ql_import_responses"));
            if (!tx.isOpen())
                return CalibrationError::make(CalibrationError::Failed, QStringLiteral("the project cannot be written"));
            QList<CalibrationResponseImport> done;
            for (const Entry &e : std::as_const(*entries)) {
                CalibrationError error;
                const auto r = CalibrationExchange(db).importResponse(e.bytes, &error, sessionId, reason);
                if (!r)
                    return error;
                done.append(*r);
            }
            if (!tx.commit())
                return CalibrationError::make(CalibrationError::Failed, QStringLiteral("the project cannot be written"));
            for (int k = 0; k < done.size(); ++k)
                (*entries)[k].result = done.at(k);
            return CalibrationError();
        },
        [db, sessionId, entries](const QString &reason) {
            Savepoint tx(db, QStringLiteral("ql_import_responses"));
            if (!tx.isOpen())
                return CalibrationError::make(CalibrationError::Failed, QStringLiteral("the project cannot be written"));
            for (auto e = entries->crbegin(); e != entries->crend(); ++e) {
                const CalibrationError error = CalibrationUndo(db).withdrawResponse(
                    sessionId, e->result.participantId, e->result.before, e->result.submittedAt, reason);
                if (error.isError())
                    return error;
            }
            if (!tx.commit())
                return CalibrationError::make(CalibrationError::Failed, QStringLiteral("the project cannot be written"));
            return CalibrationError();
        },
        [page](qint64 session, const CalibrationError &e) {
            if (page)
                page->afterUndoRedo(session, e);
        });
}

bool CalibrationPage::importResponses(const QStringList &paths)
{
    if (!m_project || m_sessionId <= 0 || paths.isEmpty() || refuseWhileBusy())
        return false;
    const Project *project = m_project;
    const qint64 sessionId = m_sessionId;
    auto shared = std::make_shared<ExchangeOutcome>();
    setBusyLook(true);
    // On this thread once the job has ended: the undo step, then the session read again.
    const auto finish = [this, shared, sessionId] {
        const ExchangeOutcome &out = *shared;
        if (m_undoStack && !out.imported.isEmpty())
            m_undoStack->push(importCommand(sessionId, out.imported).release());
        fillSessions();
        loadSession();
        finishExchange(out.message, out.ok);
    };
    // All the files in one transaction: a cancel rolls every one of them back. A refused file
    // changes nothing by itself (its own savepoint) and does not stop the others.
    m_runner->start<bool>(
        kExchangeChannel, tr("Importing responses"),
        [project, sessionId, paths, shared](JobContext &context) {
            ExchangeOutcome &out = *shared;
            QStringList lines;
            bool failed = false;
            withWriter(project, context, out, [&](const QSqlDatabase &db) {
                Savepoint all(db, QStringLiteral("ql_import_responses"));
                if (!all.isOpen()) {
                    lines << tr("The project cannot be written.");
                    failed = true;
                    return;
                }
                CalibrationExchange exchange(db);
                for (int k = 0; k < paths.size() && !context.isCanceled(); ++k) {
                    const QString file = QFileInfo(paths.at(k)).fileName();
                    context.setProgress(double(k) / paths.size(), tr("Importing %1").arg(file));
                    CalibrationError e;
                    const auto bytes = CalibrationExchange::readResponseFile(paths.at(k), &e);
                    const auto done = bytes ? exchange.importResponse(*bytes, &e, sessionId) : std::nullopt;
                    if (!done) {
                        failed = true;
                        lines << (bytes ? tr("%1: %2").arg(file, e.message) : e.message);
                        continue;
                    }
                    out.imported.append({*bytes, *done});
                    const QString answers =
                        done->answers == 1 ? tr("1 answer") : tr("%1 answers").arg(done->answers);
                    const QString items = done->items == 1 ? tr("1 item") : tr("%1 items").arg(done->items);
                    lines << tr("%1: %2's answers imported (%3 on %4).").arg(file, done->participant, answers, items);
                }
                if (!context.isCanceled() && all.commit())
                    out.committed = true;
            });
            if (!out.committed)
                out.imported.clear();
            out.ok = !failed && out.committed;
            if (out.message.isEmpty())
                out.message = lines.join(QLatin1Char('\n'));
            return true;
        },
        [finish](bool &&) { finish(); },
        [this, shared, finish] {
            // Cancelled after the commit: the responses are in, so they get their undo step.
            if (shared->committed)
                finish();
            else
                finishExchange(tr("Importing the responses was cancelled: nothing was changed."), false);
        });
    return true;
}


} // namespace ql

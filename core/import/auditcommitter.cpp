// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditcommitter.h"

#include "auditrowparser.h"
#include "contenthash.h"
#include "importcontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QSqlQuery>

namespace ql {

AuditCommitter::AuditCommitter(ImportContext &context, const QHash<QString, ExistingRecord> &existing)
    : m_ctx(context), m_existing(existing)
{
}

QString AuditCommitter::hashOf(const PendingAudit &audit)
{
    ContentHash h;
    h.add(audit.key);
    for (const QString &t : audit.texts)
        h.add(t);
    for (const QString &d : audit.dimensions)
        h.add(d);
    h.add(audit.card ? audit.card->stored.id : 0);
    h.add(audit.date.dateTime);
    // Answers in criterion order, so that a file that lists them in another order is the same audit.
    const auto add = [&h](const PendingAnswer &a) {
        h.add(a.index);
        h.add(int(a.input.state));
        h.add(a.input.value);
        h.add(a.comment);
        h.add(a.rootCauses);
    };
    const auto byIndex = [](const PendingAnswer &a, const PendingAnswer &b) { return a.index < b.index; };
    if (std::is_sorted(audit.answers.cbegin(), audit.answers.cend(), byIndex)) { // as files usually list them
        for (const PendingAnswer &a : audit.answers)
            add(a);
        return h.hex();
    }
    std::vector<const PendingAnswer *> sorted;
    for (const PendingAnswer &a : audit.answers)
        sorted.push_back(&a);
    std::sort(sorted.begin(), sorted.end(),
              [&](const PendingAnswer *a, const PendingAnswer *b) { return byIndex(*a, *b); });
    for (const PendingAnswer *a : sorted)
        add(*a);
    return h.hex();
}

QString AuditCommitter::json(const PendingAudit &audit)
{
    QJsonObject o;
    for (int f = 0; f < int(AuditField::Count); ++f) {
        const QString &t = audit.texts[size_t(f)];
        if (!t.isEmpty())
            o.insert(AuditRowParser::fieldName(AuditField(f)), t);
    }
    if (audit.card) {
        o.insert(QStringLiteral("scorecard"), audit.card->stored.card.name);
        o.insert(QStringLiteral("scorecard_version"), audit.card->stored.card.version);
        QJsonObject answers;
        for (const PendingAnswer &a : audit.answers) {
            const Criterion &c = audit.card->stored.card.criterionAt(a.index);
            QJsonObject answer;
            if (a.input.state == AnswerInput::NotApplicable)
                answer.insert(QStringLiteral("value"), QStringLiteral("N/A"));
            else if (a.option >= 0)
                answer.insert(QStringLiteral("value"), c.scale.options.at(a.option).first);
            else
                answer.insert(QStringLiteral("value"), a.input.value);
            if (!a.comment.isEmpty())
                answer.insert(QStringLiteral("comment"), a.comment);
            if (!a.rootCauses.isEmpty())
                answer.insert(QStringLiteral("root_cause"), a.rootCauses);
            answers.insert(c.key, answer);
        }
        o.insert(QStringLiteral("answers"), answers);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString AuditCommitter::storedJson(qint64 auditId) const
{
    QJsonObject o;
    QSqlQuery q(m_ctx.db);
    q.prepare(QStringLiteral(
        "SELECT a.date, ag.agent_key, a.score, s.name, s.version FROM audits a "
        "JOIN agents ag ON ag.id = a.agent_id JOIN scorecards s ON s.id = a.scorecard_id WHERE a.id = ?"));
    q.addBindValue(auditId);
    if (q.exec() && q.next()) {
        o.insert(QStringLiteral("date"), q.value(0).toString());
        o.insert(QStringLiteral("agent"), q.value(1).toString());
        o.insert(QStringLiteral("score"), q.value(2).isNull() ? QJsonValue() : QJsonValue(q.value(2).toDouble()));
        o.insert(QStringLiteral("scorecard"), q.value(3).toString());
        o.insert(QStringLiteral("scorecard_version"), q.value(4).toInt());
    }
    q.prepare(QStringLiteral("SELECT c.key, a.value, a.option_label, a.na, a.comment FROM answers a "
                             "JOIN criteria c ON c.id = a.criterion_id WHERE a.audit_id = ? ORDER BY c.position"));
    q.addBindValue(auditId);
    QJsonObject answers;
    if (q.exec()) {
        while (q.next()) {
            QJsonObject answer;
            if (q.value(3).toInt())
                answer.insert(QStringLiteral("value"), QStringLiteral("N/A"));
            else if (!q.value(2).isNull())
                answer.insert(QStringLiteral("value"), q.value(2).toString());
            else
                answer.insert(QStringLiteral("value"), q.value(1).toDouble());
            if (!q.value(4).isNull())
                answer.insert(QStringLiteral("comment"), q.value(4).toString());
            answers.insert(q.value(0).toString(), answer);
        }
    }
    o.insert(QStringLiteral("answers"), answers);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

AuditCommitter::~AuditCommitter()
{
    stop();
}

void AuditCommitter::enqueue(std::unique_ptr<PendingAudit> &audit)
{
    std::unique_lock lock(m_mutex);
    if (!m_thread.joinable()) {
        m_stopping = false;
        m_stopRequested = false;
        m_thread = std::thread([this] { work(); });
    }
    if (m_jobs.size() >= MaxQueued)
        m_changed.wait(lock, [this] { return m_jobs.size() < MaxQueued; });
    m_jobs.push_back(std::move(audit));
    // The writer takes everything queued at once, so it only needs waking when it went idle.
    if (!m_busy)
        m_changed.notify_all();
}

std::unique_ptr<PendingAudit> AuditCommitter::recycled()
{
    std::unique_lock lock(m_mutex);
    if (m_spare.empty())
        return std::make_unique<PendingAudit>();
    std::unique_ptr<PendingAudit> audit = std::move(m_spare.back());
    m_spare.pop_back();
    lock.unlock();
    audit->reset();
    return audit;
}

void AuditCommitter::work()
{
    std::vector<std::unique_ptr<PendingAudit>> batch;
    std::vector<std::unique_ptr<PendingAudit>> done;
    std::unique_lock lock(m_mutex);
    while (true) {
        m_changed.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
        if (m_stopping)
            return;
        batch.swap(m_jobs);
        m_busy = true;
        m_changed.notify_all(); // room in the queue again
        lock.unlock();
        for (size_t i = 0; i < batch.size(); i += ImportWriter::MaxAuditsPerStatement) {
            // After a rejection (without skip-invalid) everything is rolled back: stop writing.
            if (m_stopRequested.load(std::memory_order_relaxed) || !m_ctx.writing)
                break;
            const size_t n = std::min<size_t>(batch.size() - i, ImportWriter::MaxAuditsPerStatement);
            writeNew(std::span(batch).subspan(i, n));
            for (size_t k = i; k < i + n; ++k)
                done.push_back(std::move(batch[k]));
        }
        batch.clear();
        lock.lock();
        // Handed back for the next audits, at most a queue's worth.
        for (std::unique_ptr<PendingAudit> &audit : done)
            if (m_spare.size() < MaxQueued)
                m_spare.push_back(std::move(audit));
        done.clear();
        m_busy = false;
        m_changed.notify_all();
    }
}

void AuditCommitter::drain()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_thread.joinable() || (m_jobs.empty() && !m_busy); });
}

void AuditCommitter::stop()
{
    {
        std::unique_lock lock(m_mutex);
        if (!m_thread.joinable())
            return;
        m_stopping = true;
        m_stopRequested = true;
        m_jobs.clear();
        m_changed.notify_all();
    }
    m_thread.join();
}

void AuditCommitter::reject(PendingAudit &audit)
{
    const QString reason = QObject::tr("another row of audit %1 was rejected").arg(audit.key);
    for (qint64 line : audit.lines)
        m_ctx.rejectSibling(line, reason);
    ++m_ctx.summary.rejected;
}

void AuditCommitter::commit(std::unique_ptr<PendingAudit> &owned)
{
    PendingAudit &audit = *owned;
    if (audit.rejected || !audit.card) {
        reject(audit);
        return;
    }
    audit.comment = audit.text(AuditField::AuditComment);
    audit.masked += m_ctx.mask(audit.comment);
    const auto existing = m_existing.constFind(audit.key);
    const QString hash = hashOf(audit);
    if (existing != m_existing.cend()) {
        if (existing->contentHash == hash) {
            ++m_ctx.summary.unchanged;
            return;
        }
        drain(); // what follows reads and writes on this thread
        if (existing->localChanges && !m_ctx.overwriteLocal) {
            ++m_ctx.summary.keptLocal;
            if (ImportWriter *w = m_ctx.activeWriter()) {
                const QString pending = json(audit);
                w->setSourcePending(existing->id, pending);
                w->changeLog(m_ctx.now, m_ctx.who, QStringLiteral("audit"), QString::number(existing->id),
                             QStringLiteral("source_pending"), QString(), pending, m_ctx.importId);
            }
            return;
        }
        if (ImportWriter *w = m_ctx.activeWriter()) {
            const QString before = storedJson(existing->id);
            prepare(audit, hash);
            if (!write(audit, existing->id))
                return;
            w->changeLog(m_ctx.now, m_ctx.who, QStringLiteral("audit"), QString::number(existing->id), QString(),
                         before, json(audit), m_ctx.importId);
        } else {
            m_ctx.agentId(audit.text(AuditField::Agent)); // counts an agent a real run would create
        }
        ++m_ctx.summary.updated;
        m_ctx.summary.masked += audit.masked;
        return;
    }
    ++m_ctx.summary.inserted;
    m_ctx.summary.masked += audit.masked;
    if (m_ctx.activeWriter()) {
        prepare(audit, hash);
        enqueue(owned);
    } else {
        drain();
        m_ctx.agentId(audit.text(AuditField::Agent)); // counts an agent a real run would create
    }
}

void AuditCommitter::prepare(PendingAudit &audit, const QString &hash)
{
    const ScorecardCatalog::Entry &entry = *audit.card;
    const Scorecard &card = entry.stored.card;
    m_inputs.assign(size_t(card.criterionCount()), AnswerInput::missing());
    for (PendingAnswer &a : audit.answers) {
        m_inputs[size_t(a.index)] = a.input;
        a.criterionId = entry.stored.criterionIds.at(a.index);
        a.c = a.input.state == AnswerInput::NotApplicable
                  ? std::nullopt
                  : std::optional<double>(card.criterionAt(a.index).scale.c(a.input.value));
    }

    ImportWriter::AuditRow &row = audit.row;
    row.source = m_ctx.mapping.source;
    row.key = audit.key;
    row.ticket = audit.text(AuditField::Ticket);
    row.date = DateReader::isoDate(audit.date.date);
    row.dateTime = audit.date.dateTime;
    row.keys = PeriodKeys::of(audit.date.date);
    if (audit.interactionDate.date.isValid()) {
        row.interactionDate = DateReader::isoDate(audit.interactionDate.date);
        row.interactionKeys = PeriodKeys::of(audit.interactionDate.date);
    } else {
        row.interactionDate = QString();
        row.interactionKeys = {};
    }
    // Resolved on the writer's side (resolve()), which inserts the names and agents met first there.
    row.agentId = row.auditorId = row.teamId = row.siteId = row.queueId = row.channelId = 0;
    row.supervisor = QString();
    row.sampleType = audit.sampleType;
    row.scorecardId = entry.stored.id;
    row.score = entry.engine->score(m_inputs);
    row.comment = audit.comment;
    row.contentHash = hash;
    row.importId = m_ctx.importId;
}

void AuditCommitter::resolve(PendingAudit &audit)
{
    ImportWriter *w = &m_ctx.writer;
    ImportWriter::AuditRow &row = audit.row;
    row.agentId = m_ctx.agentId(audit.text(AuditField::Agent), w);
    row.auditorId = m_ctx.nameId(ImportWriter::Auditors, audit.text(AuditField::Auditor), w);
    // Team, site and supervisor from the file, else from the roster row in force on the date.
    const AgentRoster::Placement placed = m_ctx.roster.inForce(row.agentId, row.date);
    const QString &team = audit.text(AuditField::Team);
    const QString &site = audit.text(AuditField::Site);
    const QString &supervisor = audit.text(AuditField::Supervisor);
    row.teamId = team.isEmpty() ? placed.teamId : m_ctx.nameId(ImportWriter::Teams, team, w);
    row.siteId = site.isEmpty() ? placed.siteId : m_ctx.nameId(ImportWriter::Sites, site, w);
    row.supervisor = supervisor.isEmpty() ? placed.supervisor : supervisor;
    row.queueId = m_ctx.nameId(ImportWriter::Queues, audit.text(AuditField::Queue), w);
    row.channelId = m_ctx.nameId(ImportWriter::Channels, audit.text(AuditField::Channel), w);
}

void AuditCommitter::addAnswerValues(const PendingAudit &audit, qint64 auditId)
{
    const Scorecard &card = audit.card->stored.card;
    for (const PendingAnswer &a : audit.answers) {
        ImportWriter::AnswerValues &v = m_answerValues.emplace_back();
        v.auditId = auditId;
        v.criterionId = a.criterionId;
        v.na = a.input.state == AnswerInput::NotApplicable;
        v.value = a.input.value;
        v.c = a.c;
        v.optionLabel = a.option >= 0 ? &card.criterionAt(a.index).scale.options.at(a.option).first : nullptr;
        v.comment = &a.comment;
    }
}

void AuditCommitter::writeChildren(const PendingAudit &audit, qint64 auditId, qint64 firstAnswer)
{
    ImportWriter &w = m_ctx.writer;
    for (size_t i = 0; i < audit.answers.size(); ++i) {
        const QString &causes = audit.answers[i].rootCauses;
        if (causes.isEmpty())
            continue;
        const qint64 answerId = firstAnswer + qint64(i);
        for (const QString &cause : causes.split(u';', Qt::SkipEmptyParts)) {
            const QString name = cause.trimmed();
            if (!name.isEmpty())
                w.insertAnswerRootCause(answerId, m_ctx.nameId(ImportWriter::RootCauses, name, &w));
        }
    }
    for (qsizetype d = 0; d < audit.dimensions.size(); ++d) {
        const QString &value = audit.dimensions.at(d);
        if (!value.isEmpty())
            w.insertAuditDimension(
                auditId, m_ctx.nameId(ImportWriter::CustomDimensions, m_ctx.mapping.dimensions.at(d).first, &w), value);
    }
}

bool AuditCommitter::write(PendingAudit &audit, qint64 existingId)
{
    ImportWriter &w = m_ctx.writer;
    resolve(audit);
    if (!w.updateAudit(existingId, audit.row) || !w.clearAuditChildren(existingId))
        return false;
    m_answerValues.clear();
    addAnswerValues(audit, existingId);
    const qint64 firstAnswer = w.insertAnswers(m_answerValues);
    if (firstAnswer == 0 && !m_answerValues.empty())
        return false;
    m_answers += qint64(m_answerValues.size());
    writeChildren(audit, existingId, firstAnswer);
    return w.ok();
}

bool AuditCommitter::writeNew(std::span<const std::unique_ptr<PendingAudit>> audits)
{
    ImportWriter &w = m_ctx.writer;
    m_rows.clear();
    for (const std::unique_ptr<PendingAudit> &audit : audits) {
        resolve(*audit);
        m_rows.push_back(&audit->row);
    }
    const qint64 firstAudit = w.insertAudits(m_rows);
    if (firstAudit == 0)
        return false;
    // The audits' ids and then their answers' follow one another in the order written.
    m_answerValues.clear();
    for (size_t k = 0; k < audits.size(); ++k)
        addAnswerValues(*audits[k], firstAudit + qint64(k));
    const qint64 firstAnswer = w.insertAnswers(m_answerValues);
    if (firstAnswer == 0 && !m_answerValues.empty())
        return false;
    m_answers += qint64(m_answerValues.size());
    qint64 answerId = firstAnswer;
    for (size_t k = 0; k < audits.size(); ++k) {
        writeChildren(*audits[k], firstAudit + qint64(k), answerId);
        answerId += qint64(audits[k]->answers.size());
    }
    return w.ok();
}

bool AuditCommitter::removeMissing(QDate from, QDate to, const StringIndex &keysInFile)
{
    QSqlQuery q(m_ctx.db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, audit_key FROM audits WHERE source = ? AND date BETWEEN ? AND ? ORDER BY id"));
    q.addBindValue(m_ctx.mapping.source);
    q.addBindValue(from.toString(Qt::ISODate));
    q.addBindValue(to.toString(Qt::ISODate));
    if (!q.exec())
        return false;
    QList<std::pair<qint64, QString>> gone;
    while (q.next()) {
        if (!keysInFile.contains(q.value(1).toString()))
            gone.append({q.value(0).toLongLong(), q.value(1).toString()});
    }
    q.finish();
    for (const auto &[id, key] : gone) {
        ++m_ctx.summary.removed;
        if (ImportWriter *w = m_ctx.activeWriter()) {
            const QString before = storedJson(id);
            if (!w->removeAudit(id))
                return false;
            w->changeLog(m_ctx.now, m_ctx.who, QStringLiteral("audit"), QString::number(id), QString(), before,
                         QString(), m_ctx.importId);
        }
    }
    return true;
}

} // namespace ql

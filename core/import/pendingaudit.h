// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "datereader.h"
#include "importwriter.h"
#include "scorecardcatalog.h"
#include "scoring/auditscore.h"

#include <QList>
#include <QString>

#include <array>
#include <cstring>
#include <vector>

namespace ql {

// The audit-level fields of an audits file (formats.md "Fields per kind").
enum class AuditField : int {
    Date,
    Agent,
    Ticket,
    Auditor,
    Team,
    Site,
    Supervisor,
    Queue,
    Channel,
    InteractionDate,
    SampleType,
    Scorecard,
    ScorecardVersion,
    AuditComment,
    Count
};

// One answer of an audit being assembled, already checked against the scorecard.
struct PendingAnswer
{
    int index = -1; // flat criterion index
    AnswerInput input;
    int option = -1;
    QString comment;    // masked
    QString rootCauses; // as written, ";"-separated
    qint64 line = 0;
    // Set on the reading thread when the audit is committed (AuditCommitter::prepare).
    qint64 criterionId = 0;
    std::optional<double> c; // none when N/A
};

// An audit being assembled from its rows (long files) or its one row (wide files).
struct PendingAudit
{
    QString key;
    qint64 firstLine = 0;
    QList<qint64> lines; // every row's physical line
    bool rejected = false;

    // Audit-level cells as written (trimmed) and the line each was first given on.
    std::array<QString, int(AuditField::Count)> texts;
    std::array<qint64, int(AuditField::Count)> textLines{};
    QStringList dimensions; // one per mapping dimension, "" when not given
    QList<qint64> dimensionLines;

    DateReader::Result date;
    DateReader::Result interactionDate;
    QString sampleType = QStringLiteral("random");
    const ScorecardCatalog::Entry *card = nullptr;
    std::vector<PendingAnswer> answers;
    QString comment; // the audit comment, masked
    int masked = 0;
    // The audits row as far as it is known without writing: every column but the ids of names and
    // the agent and the roster's placement, which the writer thread resolves (it inserts the new
    // ones). Filled on the reading thread (AuditCommitter::prepare), so the writer mostly steps
    // statements; every field is assigned there, so reset() leaves it.
    ImportWriter::AuditRow row;

    const QString &text(AuditField f) const { return texts[size_t(f)]; }

    // Empties the audit for the next one, keeping its buffers (AuditCommitter::recycled()).
    void reset()
    {
        // The row shares some cells' buffers (ticket, supervisor, comment): released first, so the
        // cells below are no longer shared and keep their buffers instead of reallocating.
        row.ticket = QString();
        row.supervisor = QString();
        row.comment = QString();
        comment = QString();
        key = QString();
        firstLine = 0;
        lines.clear(); // keeps its capacity
        rejected = false;
        for (QString &t : texts)
            t.resize(0); // keeps its capacity when not shared
        textLines.fill(0);
        dimensions.clear();
        dimensionLines.clear();
        date = {};
        interactionDate = {};
        sampleType = QStringLiteral("random");
        card = nullptr;
        answers.clear(); // keeps its capacity
        masked = 0;
    }
};

// Sets `to` to `text`, reusing its buffer when it has room and nobody shares it: the reading thread
// fills recycled audits with the cells of the next one without allocating.
inline void assignText(QString &to, QStringView text)
{
    if (to.isDetached() && to.capacity() >= text.size()) {
        to.resize(text.size());
        if (!text.isEmpty())
            std::memcpy(static_cast<void *>(to.data()), text.utf16(), size_t(text.size()) * sizeof(char16_t));
    } else {
        to = text.toString();
    }
}

} // namespace ql

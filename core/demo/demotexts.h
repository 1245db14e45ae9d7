// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <span>

namespace ql {

// The demo's words: names, comments, reasons, transcripts. Plain UTF-8 literals, bound to SQLite
// as they are, so the hot loops never build strings. Every name is invented; the e-mail domains are
// the reserved example.com/.org/.net (RFC 2606).
namespace DemoTexts {

using List = std::span<const char *const>;

List firstNames();
List lastNames();
List teamNames();
List siteNames();
List queueNames();   // Billing, Returns, Technical, Orders, Accounts: the order the generator's tables use
List channelNames(); // email, chat, phone, social
List productNames();
List rootCauseNames();
List auditorNames(); // eight auditors, in the order their keys QA01… are given
const char *qaLeadName();

// Comments an auditor leaves on a failed answer, by criterion key (empty for an unknown key).
List failedAnswerComments(const QString &criterionKey);
List auditComments(bool passed, bool criticalFail);

// CSAT: the reasons customers pick (scale 1–5; asked when the score is 3 or lower) and comments.
List csatReasons();
int csatReasonIndex(const char *reason);
List csatPositiveComments();
List csatNeutralComments();
// Comments for a dissatisfied customer who gave this reason (index into csatReasons()).
List csatNegativeComments(int reason);
List refundDelayComments();

List disputeComments();
List disputeDecisionComments(bool accepted);
List calibrationNotes();

// A conversation for a calibration item: a few lines between customer and agent, for the queue
// (index into queueNames()) and channel; `weak` leaves the next steps unsaid, as a failed
// next_steps answer would have it.
QString transcript(int queue, int channel, int variant, bool weak, const QString &agentFirstName);

} // namespace DemoTexts
} // namespace ql

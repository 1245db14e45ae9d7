// SPDX-License-Identifier: GPL-3.0-or-later
#include "demotexts.h"

#include <cstring>

namespace ql::DemoTexts {

namespace {

// clang-format off
const char *const kFirst[] = {
    "Aisha", "Ben", "Carla", "Daniel", "Elif", "Felipe", "Grace", "Hiro", "Ines", "Jonas", "Kavya", "Liam",
    "Maria", "Nikolai", "Olivia", "Pedro", "Qin", "Rosa", "Samuel", "Tara", "Umar", "Vera", "Wei", "Ximena",
    "Yusuf", "Zoe", "Adrian", "Bianca", "Chidi", "Dana", "Emil", "Fatima", "Gabriel", "Hana", "Ivan", "Julia",
    "Kofi", "Lucia", "Mateo", "Nadia", "Oscar", "Priya", "Rafael", "Sofia", "Tomás", "Uma", "Viktor", "Wanjiru",
    "Yara", "Zainab", "Amir", "Beatriz", "Conor", "Divya", "Erik", "Freya", "Goran", "Helena", "Ismael", "Joana",
    "Kenji", "Leila", "Marco", "Noor", "Paulo", "Rania", "Stefan", "Thandi", "Ugo", "Valentina", "Wiktor", "Yasmin",
};

const char *const kLast[] = {
    "Silva", "Santos", "Reyes", "Cruz", "Nowak", "Kowalski", "Okafor", "Mensah", "Garcia", "Fernandes", "Tan",
    "Lim", "Nair", "Iyer", "Müller", "Schmidt", "Rossi", "Bianchi", "Dubois", "Martin", "Haddad", "Yilmaz",
    "Novak", "Horvat", "Andersen", "Larsen", "Costa", "Pereira", "Mendoza", "Bautista", "Wiśniewski", "Zieliński",
    "Ndlovu", "Dlamini", "Sato", "Tanaka", "Kim", "Park", "Chen", "Wang", "O'Brien", "Murphy", "Byrne", "Walsh",
    "Popescu", "Ionescu", "Petrov", "Ivanova", "Alves", "Rocha", "Villanueva", "Aquino", "Mwangi", "Otieno",
    "Hussain", "Rahman", "Jansen", "de Vries", "Lindqvist", "Berg", "Moreau", "Laurent", "Kaur", "Singh",
};

const char *const kTeams[] = {
    "Aurora", "Beacon", "Cascade", "Delta", "Ember", "Falcon", "Glacier", "Harbor", "Iris", "Juniper", "Kestrel",
    "Lumen", "Meridian", "Nova", "Orchid", "Pioneer", "Quartz", "Riverside", "Summit", "Tidal", "Unity", "Vertex",
    "Willow", "Zephyr",
};

const char *const kSites[] = {"Lisbon", "Manila", "Kraków"};
const char *const kQueues[] = {"Billing", "Returns", "Technical", "Orders", "Accounts"};
const char *const kChannels[] = {"email", "chat", "phone", "social"};
const char *const kProducts[] = {"Smart Home", "Laptops", "Phones", "Accessories", "Subscriptions"};
const char *const kRootCauses[] = {
    "Knowledge gap", "Process not followed", "Tool or system issue", "Time pressure",
    "Unclear policy", "Behaviour", "Handover from another team", "Customer-caused",
};
const char *const kAuditors[] = {
    "Marta Sousa", "Kevin Doyle", "Angela Reyes", "Priya Raman", "Tomasz Wójcik", "Lerato Khumalo",
    "Henrik Dahl", "Chloé Martin",
};

const char *const kGreeting[] = {"No greeting or introduction.", "Jumped straight into the account without introducing themselves."};
const char *const kVerify[] = {"Discussed order details before verifying the account holder.",
                               "Skipped the second security question.",
                               "Identity not verified before changing the address."};
const char *const kDiscovery[] = {"Did not ask which device the customer was using.", "Assumed the issue instead of asking.",
                                  "Missed the follow-up question about the second charge."};
const char *const kListening[] = {"Talked over the customer twice.", "Did not acknowledge the customer's frustration."};
const char *const kCorrect[] = {"Quoted the old returns window (30 days instead of 14).",
                                "Wrong information about the refund timeline.",
                                "Told the customer the warranty does not cover this; it does."};
const char *const kResolution[] = {"Issue left open; no workaround offered.", "Only half of the request was handled.",
                                   "Should have escalated to tier 2."};
const char *const kProcess[] = {"Refund issued without the return label.", "Skipped the approval step for a goodwill credit.",
                                "Did not log the return reason code."};
const char *const kKnowledge[] = {"Could have linked the reset guide.", "No help-centre article offered."};
const char *const kTone[] = {"Sounded impatient.", "Robotic, copy-paste replies.", "Blamed the customer for the delay."};
const char *const kClarity[] = {"Long reply, the answer is buried in the third paragraph.", "Too much jargon."};
const char *const kGrammar[] = {"Several typos.", "Wrong customer name in the reply."};
const char *const kDocumentation[] = {"No internal note.", "Ticket tagged with the wrong category."};
const char *const kNextSteps[] = {"Customer not told what happens next.", "No timeline given for the replacement.",
                                  "Did not say when the refund would arrive."};

const char *const kAuditPassed[] = {"Good interaction overall.", "Solid work, clear and friendly.",
                                    "Nice recovery after a difficult start.", "Textbook handling."};
const char *const kAuditFailed[] = {"Coach on setting expectations.", "Review the refund process together.",
                                    "Several small misses add up; discuss in 1:1.", "Accurate but cold; work on empathy."};
const char *const kAuditCritical[] = {"Critical: security step skipped, reported to team lead.",
                                      "Critical error, needs a follow-up with the customer.",
                                      "Critical: wrong information given, customer likely to call back."};

const char *const kReasons[] = {
    "Wait time", "Issue not resolved", "Agent knowledge", "Agent attitude", "Unclear next steps",
    "Product problem", "Policy", "Refund delay",
};

const char *const kPositive[] = {
    "Quick and friendly, thanks!", "Solved in one go.", "Very helpful agent.", "Great service as always.",
    "Thank you for the fast reply.", "Explained everything clearly.", "Super patient with me, thank you.",
    "Easy and painless.",
};
const char *const kNeutral[] = {"It was ok.", "Took a while but sorted in the end.", "Fine, nothing special.",
                                "Had to explain my problem twice."};
const char *const kWait[] = {"Waited 40 minutes to get an answer.", "Nobody replied for three days.",
                             "Way too long on hold."};
const char *const kUnresolved[] = {"My problem is still not fixed.", "Closed the ticket without solving anything.",
                                   "Third time I contact you about this."};
const char *const kKnowledgeCsat[] = {"The agent did not know the product.", "Got different answers from two agents."};
const char *const kAttitude[] = {"Rude and dismissive.", "Felt like I was bothering them."};
const char *const kNextStepsCsat[] = {"No idea what happens now.", "Nobody told me when the replacement ships.",
                                      "Still waiting, no update, no timeline."};
const char *const kProduct[] = {"The device keeps disconnecting.", "Second faulty unit in a month."};
const char *const kPolicy[] = {"Your returns policy is unfair.", "Why can't I cancel online?"};
const char *const kRefund[] = {"Still waiting for my refund after three weeks.", "Refund promised twice, nothing arrived.",
                               "Where is my money? Returned the parcel a month ago.",
                               "Refund delayed again, very disappointed."};

const char *const kDispute[] = {
    "The customer had already been verified by the bot.", "I did set expectations, see the second message.",
    "The process changed last week; I followed the new one.", "The article was not available for this product.",
    "The customer asked me not to escalate.",
};
const char *const kAccepted[] = {"Agreed, the bot verification counts. Re-audited.",
                                 "Fair point, the expectation was set. Score corrected."};
const char *const kRejected[] = {"The audit stands: the step is required on every contact.",
                                 "Reviewed with the team lead, the original rating is correct."};

const char *const kNotes[] = {
    "Long discussion on whether verification applies to chat follow-ups.",
    "Most of the group rated tone higher than the expert.",
    "Agreed to treat a partial refund as Partial, not No.",
    "Split on next steps: the timeline was implied, not stated.",
    "Good example for new auditors.",
    "",
};

// clang-format on

template <std::size_t N> List list(const char *const (&items)[N])
{
    return List(items, N);
}

} // namespace

List firstNames()
{
    return list(kFirst);
}
List lastNames()
{
    return list(kLast);
}
List teamNames()
{
    return list(kTeams);
}
List siteNames()
{
    return list(kSites);
}
List queueNames()
{
    return list(kQueues);
}
List channelNames()
{
    return list(kChannels);
}
List productNames()
{
    return list(kProducts);
}
List rootCauseNames()
{
    return list(kRootCauses);
}
List auditorNames()
{
    return list(kAuditors);
}
const char *qaLeadName()
{
    return "Dana Whitfield";
}

List failedAnswerComments(const QString &key)
{
    static const struct
    {
        const char *key;
        List comments;
    } table[] = {
        {"greeting", list(kGreeting)},
        {"verify_identity", list(kVerify)},
        {"discovery", list(kDiscovery)},
        {"active_listening", list(kListening)},
        {"correct_info", list(kCorrect)},
        {"resolution", list(kResolution)},
        {"process_followed", list(kProcess)},
        {"knowledge_share", list(kKnowledge)},
        {"tone", list(kTone)},
        {"clarity", list(kClarity)},
        {"grammar", list(kGrammar)},
        {"documentation", list(kDocumentation)},
        {"next_steps", list(kNextSteps)},
    };
    for (const auto &entry : table)
        if (key == QLatin1String(entry.key))
            return entry.comments;
    return {};
}

List auditComments(bool passed, bool criticalFail)
{
    if (criticalFail)
        return list(kAuditCritical);
    return passed ? list(kAuditPassed) : list(kAuditFailed);
}

List csatReasons()
{
    return list(kReasons);
}

int csatReasonIndex(const char *reason)
{
    for (std::size_t i = 0; i < std::size(kReasons); ++i)
        if (std::strcmp(kReasons[i], reason) == 0)
            return int(i);
    return -1;
}

List csatPositiveComments()
{
    return list(kPositive);
}
List csatNeutralComments()
{
    return list(kNeutral);
}

List csatNegativeComments(int reason)
{
    switch (reason) {
    case 0:
        return list(kWait);
    case 1:
        return list(kUnresolved);
    case 2:
        return list(kKnowledgeCsat);
    case 3:
        return list(kAttitude);
    case 4:
        return list(kNextStepsCsat);
    case 5:
        return list(kProduct);
    case 6:
        return list(kPolicy);
    case 7:
        return list(kRefund);
    default:
        return list(kNeutral);
    }
}

List refundDelayComments()
{
    return list(kRefund);
}
List disputeComments()
{
    return list(kDispute);
}
List disputeDecisionComments(bool accepted)
{
    return accepted ? list(kAccepted) : list(kRejected);
}
List calibrationNotes()
{
    return list(kNotes);
}

QString transcript(int queue, int channel, int variant, bool weak, const QString &agent)
{
    static const char *const openers[] = {
        "Hi, I was charged twice for my subscription this month.",            // Billing
        "Hello, I sent my parcel back two weeks ago and have no refund yet.", // Returns
        "My smart plug keeps dropping off the Wi-Fi since the update.",       // Technical
        "Where is my order? The tracking has not moved in five days.",        // Orders
        "I can't log in to my account, the reset link never arrives.",        // Accounts
    };
    static const char *const answers[] = {
        "I can see the duplicate charge of 12.99. I have reversed it; it shows on your card **** **** **** 4417 "
        "as a pending credit.",
        "I found your return, it was received on Monday and is waiting for inspection.",
        "Thanks for the details. Please hold the reset button for ten seconds, then re-add the plug in the app.",
        "The parcel is held at the local depot because of an address mismatch. I have corrected the address.",
        "I have verified your account and sent a new reset link to the address on file.",
    };
    static const char *const nextSteps[] = {
        "You will see the credit within 3–5 working days.",
        "The refund is released within 48 hours of the inspection; you will get an e-mail.",
        "If it drops again, reply here and I will send a replacement the same day.",
        "It will be delivered tomorrow before noon.",
        "The link is valid for 30 minutes; if it does not arrive, check the spam folder and reply here.",
    };
    static const char *const closings[] = {"Thanks, that's great.", "Ok, thank you.", "Perfect, thanks for your help!"};
    const bool spoken = channel == 2; // phone: a call summary rather than messages
    const QString customer = spoken ? QStringLiteral("Caller: ") : QStringLiteral("Customer: ");
    const QString agentLabel = QStringLiteral("%1 (agent): ").arg(agent);
    QString text;
    if (spoken)
        text += QStringLiteral("[Call transcript, automatic]\n");
    text += agentLabel +
            QStringLiteral("Hello, you're through to customer care, my name is %1. How can I help?\n").arg(agent);
    text += customer + QString::fromUtf8(openers[queue % 5]) + QLatin1Char('\n');
    if (variant % 3 == 1)
        text += customer + QStringLiteral("You can also reach me at the number on my account.\n");
    text += agentLabel + QString::fromUtf8(answers[queue % 5]) + QLatin1Char('\n');
    if (!weak)
        text += agentLabel + QString::fromUtf8(nextSteps[queue % 5]) + QLatin1Char('\n');
    text += customer + QString::fromUtf8(closings[variant % 3]) + QLatin1Char('\n');
    return text;
}

} // namespace ql::DemoTexts

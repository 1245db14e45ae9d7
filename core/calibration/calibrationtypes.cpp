// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationtypes.h"

namespace ql {

namespace {
const char *const kStateNames[] = {"draft", "scoring", "review", "resolved", "closed"};
} // namespace

QString calibrationStateName(CalibrationState state)
{
    return QString::fromLatin1(kStateNames[int(state)]);
}

std::optional<CalibrationState> calibrationStateFromName(QStringView name)
{
    for (int s = 0; s < int(std::size(kStateNames)); ++s)
        if (name == QLatin1String(kStateNames[s]))
            return CalibrationState(s);
    return std::nullopt;
}

bool isAllowedTransition(CalibrationState from, CalibrationState to)
{
    return int(to) == int(from) + 1;
}

bool CalibrationAnswer::sameAnswer(const CalibrationAnswer &o) const
{
    if (state != o.state)
        return false;
    if (state != AnswerInput::Rated)
        return true;
    if (!optionLabel.isEmpty() || !o.optionLabel.isEmpty())
        return optionLabel.compare(o.optionLabel, Qt::CaseInsensitive) == 0;
    return value == o.value;
}

int CalibrationSessionData::expertIndex() const
{
    for (int p = 0; p < participants.size(); ++p)
        if (participants.at(p).expert)
            return p;
    return -1;
}

const CalibrationAnswer &CalibrationSessionData::answer(int item, int participant, int criterion) const
{
    static const CalibrationAnswer missing;
    if (item < 0 || std::size_t(item) >= answers.size())
        return missing;
    const auto &row = answers[std::size_t(item)];
    if (participant < 0 || std::size_t(participant) >= row.size())
        return missing;
    const CalibrationSheet &sheet = row[std::size_t(participant)];
    return criterion >= 0 && criterion < sheet.size() ? sheet.at(criterion) : missing;
}

void CalibrationSessionData::resetAnswers()
{
    const int n = card.criterionCount();
    answers.assign(std::size_t(items.size()),
                   std::vector<CalibrationSheet>(std::size_t(participants.size()), CalibrationSheet(n)));
    consensus.assign(std::size_t(items.size()), CalibrationSheet(n));
}

} // namespace ql

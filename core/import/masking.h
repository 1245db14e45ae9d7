// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ql {

// Masks personal data in comment and transcript fields before anything is stored (privacy.md,
// formats.md `mask`). What is masked and how:
// - card: 13–19 digits, optionally grouped by single spaces or dashes, that pass the Luhn check:
//   `**** **** **** 1234` (the last four digits kept, as receipts print them). Digit runs that fail
//   the check (order numbers, phone numbers) are left alone.
// - email: `name@domain.tld` → `***@***`.
// - phone: 7–15 digits with an optional leading + and the usual separators (spaces, dashes, dots,
//   parentheses): every digit but the last two becomes `*`, the layout stays.
// - iban: two letters, two check digits and 11–30 letters or digits (spaces between groups of
//   four allowed) whose ISO 7064 mod-97 check is 1: the country code and the last four
//   characters are kept, the rest becomes `*`.
// Cards are looked for first, so a card number is never half-masked as a phone number.
class Masker final
{
public:
    enum Kind : unsigned { Card = 1, Email = 2, Phone = 4, Iban = 8 };

    explicit Masker(unsigned kinds = Card) : m_kinds(kinds) {}

    unsigned kinds() const { return m_kinds; }
    // Masks `text` in place; returns how many patterns were masked.
    int mask(QString &text) const;

    static bool luhnValid(QStringView digits);
    static bool ibanValid(QStringView compact); // letters and digits only, upper or lower case

private:
    int maskCards(QString &text) const;
    int maskIbans(QString &text) const;
    int maskEmails(QString &text) const;
    int maskPhones(QString &text) const;

    unsigned m_kinds;
};

} // namespace ql

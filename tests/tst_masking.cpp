// SPDX-License-Identifier: GPL-3.0-or-later
// Masking personal data at import (privacy.md): Luhn-valid card numbers only, e-mails, phone
// numbers, IBANs with valid check digits, and the counts.
#include "import/masking.h"

#include <QTest>

using namespace ql;

class TestMasking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void luhn_data();
    void luhn();
    void iban_data();
    void iban();
    void mask_data();
    void mask();
};

void TestMasking::luhn_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<bool>("valid");
    // Published test numbers of the card networks, and the same with one digit changed.
    QTest::newRow("visa") << "4111111111111111" << true;
    QTest::newRow("visa changed") << "4111111111111112" << false;
    QTest::newRow("mastercard") << "5555555555554444" << true;
    QTest::newRow("amex 15") << "378282246310005" << true;
    QTest::newRow("discover") << "6011111111111117" << true;
    QTest::newRow("79927398713 (textbook)") << "79927398713" << true;
    QTest::newRow("79927398710") << "79927398710" << false;
    QTest::newRow("empty") << "" << false;
}

void TestMasking::luhn()
{
    QFETCH(QString, digits);
    QFETCH(bool, valid);
    QCOMPARE(Masker::luhnValid(digits), valid);
}

void TestMasking::iban_data()
{
    QTest::addColumn<QString>("iban");
    QTest::addColumn<bool>("valid");
    // Examples from the IBAN registry; then with a check digit changed.
    QTest::newRow("DE") << "DE89370400440532013000" << true;
    QTest::newRow("GB") << "GB29NWBK60161331926819" << true;
    QTest::newRow("FR") << "FR1420041010050500013M02606" << true;
    QTest::newRow("NL lower case") << "nl91abna0417164300" << true;
    QTest::newRow("DE wrong check") << "DE88370400440532013000" << false;
    QTest::newRow("too short") << "DE8937040044" << false;
}

void TestMasking::iban()
{
    QFETCH(QString, iban);
    QFETCH(bool, valid);
    QCOMPARE(Masker::ibanValid(iban), valid);
}

void TestMasking::mask_data()
{
    QTest::addColumn<unsigned>("kinds");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    QTest::addColumn<int>("count");

    const unsigned card = Masker::Card, all = Masker::Card | Masker::Email | Masker::Phone | Masker::Iban;
    QTest::newRow("card plain") << card << "card 4111111111111111 ok"
                                << "card **** **** **** 1111 ok" << 1;
    QTest::newRow("card spaces") << card << "4111 1111 1111 1111"
                                 << "**** **** **** 1111" << 1;
    QTest::newRow("card dashes") << card << "pay 5555-5555-5555-4444."
                                 << "pay **** **** **** 4444." << 1;
    QTest::newRow("amex") << card << "amex 3782 822463 10005"
                          << "amex **** **** **** 0005" << 1;
    QTest::newRow("two cards") << card << "4111111111111111 and 6011111111111117"
                               << "**** **** **** 1111 and **** **** **** 1117" << 2;
    QTest::newRow("not Luhn: order number kept") << card << "order 4111111111111112 shipped"
                                                 << "order 4111111111111112 shipped" << 0;
    QTest::newRow("too short kept") << card << "ticket 123456789012"
                                    << "ticket 123456789012" << 0;
    QTest::newRow("email not masked by default") << card << "write to a.b@example.com"
                                                 << "write to a.b@example.com" << 0;
    QTest::newRow("email") << all << "write to a.b+x@mail.example.co.uk now"
                           << "write to ***@*** now" << 1;
    QTest::newRow("phone") << all << "call +49 30 1234567 today"
                           << "call +** ** *****67 today" << 1;
    QTest::newRow("phone parentheses") << all << "(555) 123-4567"
                                       << "(***) ***-**67" << 1;
    QTest::newRow("date not a phone") << all << "on 2026-03-07 at noon"
                                      << "on 2026-03-07 at noon" << 0;
    QTest::newRow("short number kept") << all << "room 12345"
                                       << "room 12345" << 0;
    QTest::newRow("iban") << all << "IBAN DE89 3704 0044 0532 0130 00 please"
                          << "IBAN DE** **** **** **** **30 00 please" << 1;
    QTest::newRow("iban compact") << all << "GB29NWBK60161331926819"
                                  << "GB****************6819" << 1;
    QTest::newRow("iban wrong check kept") << (unsigned(Masker::Iban)) << "DE88370400440532013000"
                                           << "DE88370400440532013000" << 0;
    QTest::newRow("card and email") << all << "4111111111111111 / x@y.org"
                                    << "**** **** **** 1111 / ***@***" << 2;
    QTest::newRow("nothing") << all << "Thanks, all good."
                             << "Thanks, all good." << 0;
    QTest::newRow("masking off") << 0u << "4111111111111111"
                                 << "4111111111111111" << 0;
}

void TestMasking::mask()
{
    QFETCH(unsigned, kinds);
    QFETCH(QString, text);
    QFETCH(QString, masked);
    QFETCH(int, count);
    const Masker masker(kinds);
    QString t = text;
    QCOMPARE(masker.mask(t), count);
    QCOMPARE(t, masked);
}

QTEST_GUILESS_MAIN(TestMasking)
#include "tst_masking.moc"

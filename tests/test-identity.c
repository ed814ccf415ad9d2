/* SPDX-License-Identifier: MPL-2.0 */
/* test-identity.c — unit tests of lib/identity.c: Danish CPR numbers and
 * Swedish personnummer.
 *
 * Every number here is synthetic and none can be a living person's: a
 * CPR number is dated in the 1800s (before the CPR existed), in
 * 1900-1904, in the future, or on a day that does not exist; a
 * personnummer is dated 1781-1899. So the century rule "7th digit 4 or
 * 9 and year 37-99 gives the 1900s" is not tested with a date: every
 * such number could be a real person's. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "casekit.h"
#include "tap.h"

static const char *
text_of(ck_date date)
{
	static char bufs[4][CK_DATE_SIZE];
	static int next;

	next = (next + 1) % 4;
	return ck_date_format(date, bufs[next]);
}

/* Parses a CPR number and compares the birth date and the normal form
 * with WANT_BORN and WANT_NORMAL. */
static void
check_cpr(const char *text, const char *want_born, const char *want_normal)
{
	char normal[CK_CPR_SIZE] = "untouched";
	ck_date born = 12345;
	bool parsed = ck_cpr_parse(text, &born, normal);

	ok(parsed, "CPR '%s' is accepted", text);
	is_str(parsed ? text_of(born) : "", want_born, "CPR '%s': the birth date",
	       text);
	is_str(normal, want_normal, "CPR '%s': the normal form", text);
}

/* Expects TEXT to be refused; NAME describes it when it cannot be
 * shown in a TAP line. */
static void
refuse_cpr(const char *text, const char *name)
{
	char normal[CK_CPR_SIZE];
	ck_date born;

	ok(!ck_cpr_parse(text, &born, normal), "CPR '%s' is refused",
	   name != NULL ? name : text);
}

static void
test_cpr(void)
{
	ck_date born = 12345;

	/* 7th digit 5-8: the 2000s up to year 57, the 1800s from 58. */
	check_cpr("010158-5000", "1858-01-01", "010158-5000");
	check_cpr("0101585000", "1858-01-01", "010158-5000");
	check_cpr("311299-8999", "1899-12-31", "311299-8999");
	check_cpr("150670-6123", "1870-06-15", "150670-6123");
	check_cpr("290296-7000", "1896-02-29", "290296-7000");
	refuse_cpr("290297-7000", NULL);
	check_cpr("010157-5000", "2057-01-01", "010157-5000");
	check_cpr("311240-7000", "2040-12-31", "311240-7000");
	check_cpr("2902488000", "2048-02-29", "290248-8000");
	refuse_cpr("290249-6000", NULL);

	/* 7th digit 4 or 9: the 2000s up to year 36. */
	check_cpr("010135-4000", "2035-01-01", "010135-4000");
	check_cpr("311236-9000", "2036-12-31", "311236-9000");
	check_cpr("2902324321", "2032-02-29", "290232-4321");
	refuse_cpr("290233-9000", NULL);

	/* 7th digit 0-3: the 1900s, so 29 February 1900 does not exist
	 * (it would in 2000) and 1904's does. */
	check_cpr("010100-0000", "1900-01-01", "010100-0000");
	check_cpr("311203-3999", "1903-12-31", "311203-3999");
	check_cpr("290204-1000", "1904-02-29", "290204-1000");
	refuse_cpr("290200-0000", NULL);
	refuse_cpr("290200-3999", NULL);

	ok(ck_cpr_parse("010158-5000", &born, NULL), "CPR: NORMAL may be NULL");
	is_str(text_of(born), "1858-01-01", "CPR: the date without NORMAL");

	refuse_cpr("320158-5000", NULL);
	refuse_cpr("000158-5000", NULL);
	refuse_cpr("011358-5000", NULL);
	refuse_cpr("010058-5000", NULL);
	refuse_cpr("310458-5000", NULL);
	refuse_cpr("010158-500", NULL);
	refuse_cpr("010158500", NULL);
	refuse_cpr("010158-50000", NULL);
	refuse_cpr("01015850000", NULL);
	refuse_cpr("010158 5000", NULL);
	refuse_cpr("010158+5000", NULL);
	refuse_cpr("0101-58-5000", NULL);
	refuse_cpr("01015-85000", NULL);
	refuse_cpr("010158-50a0", NULL);
	refuse_cpr("01O158-5000", NULL);
	refuse_cpr(" 010158-5000", NULL);
	refuse_cpr("010158-5000 ", NULL);
	refuse_cpr("0101585000\n", "0101585000 and a newline");
	refuse_cpr("", NULL);
	ok(!ck_cpr_parse(NULL, &born, NULL), "CPR NULL is refused");
}

/* Writes "DATE-SERIALC" into OUT (CK_PERSONNUMMER_SIZE bytes): DATE is
 * YYYYMMDD, SERIAL three digits, C the digit that makes YYMMDDNNNC pass
 * the Luhn test as it is usually stated (from the right, every second
 * digit doubled, the digit sum a multiple of ten). This is not how
 * identity.c computes it, so the two check each other. */
static const char *
personnummer(char *out, const char *date, const char *serial)
{
	char ten[11];
	int c, i;

	snprintf(ten, sizeof ten, "%.6s%.3s0", date + 2, serial);
	for (c = 0; c <= 9; c++) {
		int sum = 0;

		ten[9] = (char)('0' + c);
		for (i = 9; i >= 0; i--) {
			int digit = ten[i] - '0';

			if ((9 - i) % 2 == 1) {
				digit *= 2;
				if (digit > 9)
					digit = digit / 10 + digit % 10;
			}
			sum += digit;
		}
		if (sum % 10 == 0)
			break;
	}
	snprintf(out, CK_PERSONNUMMER_SIZE, "%.8s-%.3s%c", date, serial, '0' + c);
	return out;
}

static void
check_pnr(const char *text, const char *want_born)
{
	ck_date born = 12345;
	bool parsed = ck_personnummer_parse(text, &born);

	if (want_born == NULL) {
		ok(!parsed, "personnummer '%s' is refused", text);
		return;
	}
	ok(parsed, "personnummer '%s' is accepted", text);
	is_str(parsed ? text_of(born) : "", want_born,
	       "personnummer '%s': the birth date", text);
}

static void
test_personnummer(void)
{
	char buf[CK_PERSONNUMMER_SIZE];
	char wrong[CK_PERSONNUMMER_SIZE];
	ck_date born;
	int c, refused = 0;

	/* Worked by hand: 5*2=10 (1), 8, 0, 1, 0, 1, 0, 0, 0: 11, so 9. */
	check_pnr("18580101-0009", "1858-01-01");
	/* The digits 811218-9876 are the usual worked example of the check. */
	check_pnr("18811218-9876", "1881-12-18");
	/* The check covers YYMMDD only: the century does not change it. */
	check_pnr("17811218-9876", "1781-12-18");
	check_pnr("18811218-9867", NULL);
	/* Samordningsnummer, day + 60, by hand: 61 gives 6, 91 gives 0. */
	check_pnr("18580161-0006", "1858-01-01");
	check_pnr("18580191-0000", "1858-01-31");
	/* The check is over the day as written, 61, not 01. */
	check_pnr("18580161-0009", NULL);
	is_str(personnummer(buf, "18580101", "000"), "18580101-0009",
	       "the test's Luhn helper agrees with the hand-worked number");
	is_str(personnummer(buf, "18811218", "987"), "18811218-9876",
	       "the test's Luhn helper agrees with the worked example");

	for (c = 0; c <= 9; c++) {
		if (c == 9)
			continue;
		memcpy(wrong, "18580101-0009", sizeof wrong);
		wrong[12] = (char)('0' + c);
		if (!ck_personnummer_parse(wrong, &born))
			refused++;
	}
	is_int(refused, 9, "every wrong check digit is refused");

	check_pnr(personnummer(buf, "18960229", "123"), "1896-02-29");
	check_pnr(personnummer(buf, "18970229", "123"), NULL);
	check_pnr(personnummer(buf, "18960289", "123"), "1896-02-29");
	check_pnr(personnummer(buf, "18970289", "123"), NULL);
	check_pnr(personnummer(buf, "18991231", "999"), "1899-12-31");
	check_pnr(personnummer(buf, "18500101", "456"), "1850-01-01");
	check_pnr(personnummer(buf, "18580430", "321"), "1858-04-30");
	check_pnr(personnummer(buf, "18580431", "321"), NULL);
	check_pnr(personnummer(buf, "18580490", "321"), "1858-04-30");
	check_pnr(personnummer(buf, "18580491", "321"), NULL);
	check_pnr(personnummer(buf, "18580132", "000"), NULL);
	check_pnr(personnummer(buf, "18580192", "000"), NULL);
	check_pnr(personnummer(buf, "18580160", "000"), NULL);
	check_pnr(personnummer(buf, "18580100", "000"), NULL);
	check_pnr(personnummer(buf, "18581301", "000"), NULL);
	check_pnr(personnummer(buf, "18580001", "000"), NULL);
	check_pnr(personnummer(buf, "00000101", "000"), NULL);

	check_pnr("18580101+0009", NULL);
	check_pnr("185801010009", NULL);
	check_pnr("580101-0009", NULL);
	check_pnr("5801010009", NULL);
	check_pnr("18580101-00090", NULL);
	check_pnr("18580101-009", NULL);
	check_pnr("18580101-000x", NULL);
	check_pnr("1858O101-0009", NULL);
	check_pnr("1858-01-01-0009", NULL);
	check_pnr(" 18580101-0009", NULL);
	check_pnr("18580101-0009 ", NULL);
	check_pnr("18580101 0009", NULL);
	check_pnr("", NULL);
	ok(!ck_personnummer_parse(NULL, &born), "personnummer NULL is refused");
}

int
main(void)
{
	test_cpr();
	test_personnummer();
	return done_testing();
}

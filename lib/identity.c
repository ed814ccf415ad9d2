/* SPDX-License-Identifier: MPL-2.0 */
/* identity.c — Danish CPR numbers and Swedish personnummer: their form,
 * the birth date they hold and (Swedish only) their check digit.
 *
 * Neither is ever written to a message: the callers say only that the
 * field is wrong. */
#include <config.h>

#include <string.h>

#include "casekit.h"

/* True when the N characters at TEXT are all digits. */
static bool
all_digits(const char *text, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (text[i] < '0' || text[i] > '9')
			return false;
	return true;
}

/* The value of the two digits at TEXT. */
static int
two_digits(const char *text)
{
	return (text[0] - '0') * 10 + (text[1] - '0');
}

/* The century of a CPR number whose date has year YY, from the first
 * digit of its serial number (the 7th digit), by the CPR office's table:
 * two digits of year alone cannot tell 1858 from 1958 or 2058. */
static int
cpr_century(int serial_digit, int yy)
{
	switch (serial_digit) {
	case 4:
	case 9:
		return yy <= 36 ? 2000 : 1900;
	case 5:
	case 6:
	case 7:
	case 8:
		return yy <= 57 ? 2000 : 1800;
	default:
		return 1900;
	}
}

bool
ck_cpr_parse(const char *text, ck_date *born, char *normal)
{
	char digits[10];
	size_t length;
	int day, month, yy, year;

	if (text == NULL)
		return false;
	length = strlen(text);
	if (length == 11 && text[6] == '-') {
		memcpy(digits, text, 6);
		memcpy(digits + 6, text + 7, 4);
	} else if (length == 10) {
		memcpy(digits, text, 10);
	} else {
		return false;
	}
	if (!all_digits(digits, 10))
		return false;
	day = two_digits(digits);
	month = two_digits(digits + 2);
	yy = two_digits(digits + 4);
	year = cpr_century(digits[6] - '0', yy) + yy;
	/* Only the date is checked: since 2007 numbers are issued that fail
	 * the old modulus-11 check, so it would reject real people. */
	if (!ck_date_valid(year, month, day))
		return false;
	*born = ck_date_from_ymd(year, month, day);
	if (normal != NULL) {
		memcpy(normal, digits, 6);
		normal[6] = '-';
		memcpy(normal + 7, digits + 6, 4);
		normal[11] = '\0';
	}
	return true;
}

/* The Luhn check digit of the nine digits at TEXT: weights 2, 1, 2, ...
 * from the left, the digits of each product summed. */
static int
luhn_check_digit(const char *text)
{
	int sum = 0;
	int i;

	for (i = 0; i < 9; i++) {
		int product = (text[i] - '0') * (i % 2 == 0 ? 2 : 1);

		sum += product > 9 ? product - 9 : product;
	}
	return (10 - sum % 10) % 10;
}

bool
ck_personnummer_parse(const char *text, ck_date *born)
{
	char digits[10];
	int year, month, day;

	if (text == NULL || strlen(text) != 13 || text[8] != '-'
	    || !all_digits(text, 8) || !all_digits(text + 9, 4))
		return false;
	/* The check digit covers the ten digits of the short form
	 * YYMMDDNNNC, not the century. */
	memcpy(digits, text + 2, 6);
	memcpy(digits + 6, text + 9, 4);
	if (luhn_check_digit(digits) != digits[9] - '0')
		return false;
	year = two_digits(text) * 100 + two_digits(text + 2);
	month = two_digits(text + 4);
	day = two_digits(text + 6);
	/* A samordningsnummer, for one not registered in Sweden, writes the
	 * day of birth plus 60. */
	if (day > 60)
		day -= 60;
	if (!ck_date_valid(year, month, day))
		return false;
	*born = ck_date_from_ymd(year, month, day);
	return true;
}

/* SPDX-License-Identifier: MPL-2.0 */
/* text.c — the text helpers every layer of the library stands on: the
 * UTF-8 check, and ASCII case (contacts, domains, yes and no). Below the
 * schema, the records and the settings; it uses none of them. */
#include <config.h>

#include <stdbool.h>
#include <string.h>

#include <jansson.h>

#include "casekit.h"
#include "internal.h"

bool
ck_utf8_valid(const char *text, size_t length)
{
	/* Jansson checks UTF-8 as it makes a string; one check, one place. */
	json_t *s;

	if (memchr(text, '\0', length) != NULL)
		return false;
	s = json_stringn(text, length);
	if (s == NULL)
		return false;
	json_decref(s);
	return true;
}

char
ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool
ascii_equal_nocase(const char *a, const char *b)
{
	while (*a != '\0' && ascii_lower(*a) == ascii_lower(*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

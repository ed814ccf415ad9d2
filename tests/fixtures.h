/* SPDX-License-Identifier: MPL-2.0 */
/* fixtures.h — small helpers the C unit tests share: texts handed out
 * without the caller freeing them, fixtures written with ' for ", and
 * dates from text. Header-only, like tap.h. */
#ifndef CK_TEST_FIXTURES_H
#define CK_TEST_FIXTURES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "casekit.h"

/* Texts handed out by the helpers, freed when the ring comes round
 * again and at the end (ring_free). */
static char *fixture_ring[64];
static size_t fixture_ring_at;

/* Keeps TEXT (malloc'd) for a while and returns it. */
static inline const char *
keep(char *text)
{
	free(fixture_ring[fixture_ring_at]);
	fixture_ring[fixture_ring_at] = text;
	fixture_ring_at = (fixture_ring_at + 1) % (sizeof fixture_ring / sizeof fixture_ring[0]);
	return text;
}

static inline void
ring_free(void)
{
	size_t i;

	for (i = 0; i < sizeof fixture_ring / sizeof fixture_ring[0]; i++) {
		free(fixture_ring[i]);
		fixture_ring[i] = NULL;
	}
}

/* TEXT with every ' turned into ", so that JSON fixtures read well in C
 * strings. */
static inline const char *
q(const char *text)
{
	char *s = strdup(text), *p;

	if (s == NULL)
		exit(99);
	for (p = s; *p != '\0'; p++)
		if (*p == '\'')
			*p = '"';
	return keep(s);
}

/* The JSON of a fixture written with ' for " (the caller frees it);
 * the test stops with 99 when it is not JSON. */
static inline json_t *
json_fixture(const char *text)
{
	json_t *json = json_loads(q(text), 0, NULL);

	if (json == NULL)
		exit(99);
	return json;
}

static inline ck_date
day(const char *text)
{
	ck_date d = 0;

	if (!ck_date_parse(text, &d))
		printf("# bad date in the test: %s\n", text);
	return d;
}

/* The whole of the file PATH (kept), or NULL. */
static inline const char *
slurp(const char *path)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = fopen(path, "r"), *m;
	int c;

	if (f == NULL)
		return NULL;
	m = open_memstream(&text, &size);
	if (m == NULL)
		exit(99);
	while ((c = getc(f)) != EOF)
		putc(c, m);
	fclose(f);
	fclose(m);
	return keep(text);
}

/* The permission bits of PATH, or -1 when it is not there. */
static inline long
mode_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)(st.st_mode & 07777) : -1;
}

/* JSON as compact text (kept); "(nothing)" for NULL. */
static inline const char *
dump_kept(const json_t *json)
{
	char *text;

	if (json == NULL)
		return "(nothing)";
	text = json_dumps(json, JSON_COMPACT | JSON_ENCODE_ANY);
	return text != NULL ? keep(text) : "(nothing)";
}

#endif

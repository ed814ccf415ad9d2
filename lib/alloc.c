/* SPDX-License-Identifier: MPL-2.0 */
/* alloc.c — allocation for the whole library, in one place: a program
 * that runs out of memory stops with status 2 and says so, rather than
 * every caller checking for NULL. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

static void *
checked(void *p)
{
	if (p == NULL)
		ck_fatal(_("out of memory"));
	return p;
}

void
ck_oom_unless(int ok)
{
	if (!ok)
		ck_fatal(_("out of memory"));
}

void *
xmalloc(size_t size)
{
	return checked(malloc(size != 0 ? size : 1));
}

void *
xcalloc(size_t n, size_t size)
{
	return checked(calloc(n != 0 ? n : 1, size != 0 ? size : 1));
}

void *
xrealloc(void *old, size_t size)
{
	return checked(realloc(old, size != 0 ? size : 1));
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		ck_fatal(_("out of memory"));
	return xrealloc(old, n * size);
}

char *
xstrdup(const char *text)
{
	return checked(strdup(text));
}

char *
xstrndup(const char *text, size_t length)
{
	char *p = xmalloc(length + 1);

	memcpy(p, text, length);
	p[length] = '\0';
	return p;
}

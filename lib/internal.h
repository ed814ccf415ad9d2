/* SPDX-License-Identifier: MPL-2.0 */
/* internal.h — what the files of libcasekit share and do not export
 * (the library exports only ck_ names). Not installed. */
#ifndef CK_INTERNAL_H
#define CK_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

/* Allocation that cannot fail: out of memory ends the program with
 * status 2 and the message "out of memory". A size of 0 is taken as 1. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *old, size_t size);
/* realloc of N elements of SIZE bytes, with the product checked. */
void *xreallocarray(void *old, size_t n, size_t size);
char *xstrdup(const char *text);
char *xstrndup(const char *text, size_t length);
/* True when the running program is the one built in the build tree
 * (make check, ./quickstart demo): it then finds the build tree's message
 * catalogues and the source tree's data, as an installed one finds the
 * installed. */
bool running_uninstalled(void);
/* PROGRAM --complete WORD...: prints the completions of the last WORD
 * after the others, one a line, for the shell (complete.c). */
struct ck_program;
void complete_words(const struct ck_program *program, int nwords, char **words);
/* The value at the dotted PATH ("child.born") of OBJECT, without
 * filters, or NULL. Borrowed (lifecycle.c). */
struct json_t;
struct json_t *value_at_path(struct json_t *object, const char *path);
/* C lower-cased if it is an ASCII capital (text.c). */
char ascii_lower(char c);
/* True when A and B are the same but for ASCII case (text.c). */
bool ascii_equal_nocase(const char *a, const char *b);
/* ck_oom_unless, by its short name inside the library. */
#define oom_unless ck_oom_unless

#endif

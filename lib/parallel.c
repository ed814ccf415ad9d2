/* SPDX-License-Identifier: MPL-2.0 */
/* parallel.c — the --jobs of case-checklist and case-report: work on a
 * batch of records shared out over threads, joined before the batch is
 * written, so that the output keeps the input's order and is the same
 * whatever the number of threads. */
#include <config.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

/* No run gains from more threads than this (design section 3). */
#define JOBS_MAX 8

struct share {
	size_t count;
	unsigned threads, thread;
	void (*work)(void *ctx, unsigned thread, size_t i);
	void *ctx;
};

/* Thread THREAD takes the items THREAD, THREAD + THREADS, …: records of
 * different sizes are spread evenly. */
static void *
run_share(void *arg)
{
	const struct share *s = arg;
	size_t i;

	for (i = s->thread; i < s->count; i += s->threads)
		s->work(s->ctx, s->thread, i);
	return NULL;
}

unsigned
ck_jobs_default(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > JOBS_MAX ? JOBS_MAX : (unsigned)n;
}

unsigned
ck_jobs_option(const ck_args *args)
{
	const char *text = ck_args_get(args, "jobs");
	char *end;
	long n;

	if (text == NULL)
		return ck_jobs_default();
	n = strtol(text, &end, 10);
	if (end == text || *end != '\0' || n < 1 || n > JOBS_MAX)
		ck_usage_error(_("--jobs: not a whole number from 1 to 8"));
	return (unsigned)n;
}

void
ck_parallel(size_t count, unsigned threads,
	    void (*work)(void *ctx, unsigned thread, size_t i), void *ctx)
{
	struct share shares[JOBS_MAX];
	pthread_t ids[JOBS_MAX];
	unsigned t, started;

	if (threads > JOBS_MAX)
		threads = JOBS_MAX;
	if (threads > count)
		threads = (unsigned)count;
	if (threads <= 1) {
		size_t i;

		for (i = 0; i < count; i++)
			work(ctx, 0, i);
		return;
	}
	for (t = 0; t < threads; t++)
		shares[t] = (struct share){ count, threads, t, work, ctx };
	/* Thread 0's share is done here, the others on threads of their own. */
	for (started = 1; started < threads; started++)
		if (pthread_create(&ids[started], NULL, run_share, &shares[started]) != 0)
			break;
	run_share(&shares[0]);
	/* A thread that could not start: its share is done here too. */
	for (t = started; t < threads; t++)
		run_share(&shares[t]);
	for (t = 1; t < started; t++)
		pthread_join(ids[t], NULL);
}

/* ---------------------------------------------------------------------
 * Reading records in batches: checked and worked on by the threads,
 * used in input order by the caller's thread.
 */

/* Records per batch: enough to keep the threads busy, few enough that
 * memory does not grow with the input. */
#define BATCH 512

struct batch {
	const ck_rulebook *rules;
	ck_batch_item *items;
	void (*work)(void *ctx, unsigned thread, ck_batch_item *item);
	void *ctx;
};

static void
check_item(void *arg, unsigned thread, size_t i)
{
	struct batch *b = arg;
	ck_batch_item *item = &b->items[i];

	item->good = ck_record_check(item->record);
	if (!item->good)
		return;
	item->set = ck_rulebook_for(b->rules, json_string_value(
		json_object_get(ck_record_json(item->record), "pathway")));
	if (item->set != NULL && b->work != NULL)
		b->work(b->ctx, thread, item);
}

static void
free_item(void *arg, unsigned thread, size_t i)
{
	struct batch *b = arg;

	(void)thread;
	json_decref(b->items[i].result);
	ck_record_free(b->items[i].record);
}

void
ck_batch_run(ck_reader *reader, const ck_rulebook *rules, unsigned threads,
	     void (*work)(void *ctx, unsigned thread, ck_batch_item *item),
	     bool (*use)(void *ctx, ck_batch_item *item), void *ctx)
{
	struct batch b = { rules, xcalloc(BATCH, sizeof *b.items), work, ctx };
	bool going = true;
	size_t n, i;

	while (going) {
		for (n = 0; n < BATCH; n++) {
			memset(&b.items[n], 0, sizeof b.items[n]);
			if ((b.items[n].record = ck_reader_next(reader)) == NULL)
				break;
		}
		if (n == 0)
			break;
		ck_parallel(n, threads, check_item, &b);
		for (i = 0; i < n && going; i++)
			going = use(ctx, &b.items[i]);
		/* Freeing a parsed record is as much work as parsing it: on the
		 * threads too. */
		ck_parallel(n, threads, free_item, &b);
		if (n < BATCH)
			break;
	}
	free(b.items);
}

/* ---------------------------------------------------------------------
 * Case ids seen in a stream
 */

struct ck_ids {
	json_t *lines;          /* id: the line it was first read on */
};

ck_ids *
ck_ids_new(void)
{
	ck_ids *ids = xmalloc(sizeof *ids);

	ids->lines = json_object();
	oom_unless(ids->lines != NULL);
	return ids;
}

void
ck_ids_free(ck_ids *ids)
{
	if (ids == NULL)
		return;
	json_decref(ids->lines);
	free(ids);
}

bool
ck_ids_add(ck_ids *ids, ck_record *record)
{
	json_t *json = ck_record_json(record);
	const char *id = json_string_value(json_object_get(json, "id"));
	json_t *first = id != NULL ? json_object_get(ids->lines, id) : NULL;

	if (id == NULL)
		return true;
	if (first != NULL) {
		ck_error_at(ck_record_file(record), ck_record_line(record), "id",
			    _("the same id as the case on line %lu"),
			    (unsigned long)json_integer_value(first));
		return false;
	}
	oom_unless(json_object_set_new(ids->lines, id,
				       json_integer((json_int_t)ck_record_line(record))) == 0);
	return true;
}

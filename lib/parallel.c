/* parallel.c — the --jobs of case-checklist and case-report: work on a
 * batch of records shared out over threads, joined before the batch is
 * written, so that the output keeps the input's order and is the same
 * whatever the number of threads. */
#include <config.h>

#include <pthread.h>
#include <stdlib.h>
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

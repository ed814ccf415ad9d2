/* SPDX-License-Identifier: MPL-2.0 */
/* test-store.c — unit tests of lib/store.c: rewrites keep the mode and
 * replace the file only when committed; ids and their high-water marks;
 * appends. (Kills, concurrency and full disks: tests/store.test.) */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "casekit.h"
#include "tap.h"

static char dir[] = "/tmp/ck-test-store.XXXXXX";
static char path[256];

static char *
slurp(const char *file)
{
	static char text[4096];
	FILE *f = fopen(file, "rb");
	size_t n = 0;

	text[0] = '\0';
	if (f != NULL) {
		n = fread(text, 1, sizeof text - 1, f);
		fclose(f);
	}
	text[n] = '\0';
	return text;
}

static void
spit(const char *file, const char *text)
{
	FILE *f = fopen(file, "wb");

	fputs(text, f);
	fclose(f);
}

static int
count_temps(void)
{
	char cmd[512];
	FILE *p;
	int n = -1;

	snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -c '^\\.cases\\.jsonl\\.ck-'", dir);
	p = popen(cmd, "r");
	if (p != NULL) {
		if (fscanf(p, "%d", &n) != 1)
			n = -1;
		pclose(p);
	}
	return n;
}

int
main(void)
{
	static const char content[] = "{\"a\":1}\n{\"b\":2}\n";
	ck_store *store;
	ck_reader *reader;
	ck_writer *writer;
	ck_record *rec;
	struct stat st;
	pid_t pid;
	int status, lines;

	ck_init("test-store");
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/cases.jsonl", dir);
	spit(path, content);
	chmod(path, 0640);

	/* A rewrite not committed leaves the file as it was. */
	store = ck_store_open(path, false);
	writer = ck_store_rewrite(store);
	is_int(count_temps(), 1, "a rewrite writes a temporary file beside the store");
	{
		json_t *c = json_pack("{s:i}", "c", 3);

		ck_write_json(writer, c);
		json_decref(c);
	}
	ck_store_finish(store, writer, false);
	is_str(slurp(path), content, "not committed: the store unchanged");
	is_int(count_temps(), 0, "not committed: the temporary file removed");

	/* A committed rewrite replaces it, keeping its mode. */
	writer = ck_store_rewrite(store);
	reader = ck_store_reader(store, 0);
	lines = 0;
	while ((rec = ck_reader_next(reader)) != NULL) {
		ck_write(writer, rec);
		ck_record_free(rec);
		lines++;
	}
	ck_reader_close(reader);
	is_int(lines, 2, "the store's reader reads its records");
	{
		json_t *c = json_pack("{s:i}", "c", 3);

		ck_write_json(writer, c);
		json_decref(c);
	}
	ck_store_finish(store, writer, true);
	is_str(slurp(path), "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n", "committed: the store replaced");
	ok(stat(path, &st) == 0 && (st.st_mode & 07777) == 0640, "committed: the mode kept (0640)");
	is_int(count_temps(), 0, "committed: no temporary file left");

	/* High-water marks. */
	is_int(ck_store_high_water(store, "0101-2026"), 0, "no mark yet");
	ck_store_note_id(store, "0101-2026-0007");
	ck_store_note_id(store, "0101-2026-0003");
	ck_store_note_id(store, "SE-0163-2026-12345");
	ck_store_note_id(store, "nonsense");
	is_int(ck_store_high_water(store, "0101-2026"), 7, "the highest number noted");
	is_int(ck_store_high_water(store, "SE-0163-2026"), 12345, "numbers past 9999");
	ck_store_append(store, "{\"d\":4}\n", 8);
	ck_store_close(store);
	is_str(slurp(path), "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n{\"d\":4}\n", "appended");
	{
		char lock[300];

		snprintf(lock, sizeof lock, "%s.lock", path);
		ok(strstr(slurp(lock), "\"0101-2026\":7") != NULL, "marks saved in the lock file");
		ok(strstr(slurp(lock), "\"append\"") == NULL, "no unfinished append in the lock file");
	}
	store = ck_store_open(path, false);
	is_int(ck_store_high_water(store, "0101-2026"), 7, "marks read back");
	ck_store_close(store);

	/* An exit during a rewrite removes the temporary file. */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		ck_store_rewrite(ck_store_open(path, false));
		exit(2);
	}
	waitpid(pid, &status, 0);
	is_int(count_temps(), 0, "an exit during a rewrite leaves no temporary file");

	/* A missing store is made only when asked. */
	snprintf(path, sizeof path, "%s/new.jsonl", dir);
	store = ck_store_open(path, true);
	ok(stat(path, &st) == 0 && (st.st_mode & 07777) == 0600, "a new store is made with mode 0600");
	ck_store_close(store);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		freopen("/dev/null", "w", stderr);
		snprintf(path, sizeof path, "%s/none.jsonl", dir);
		ck_store_open(path, false);
		exit(0);
	}
	waitpid(pid, &status, 0);
	is_int(WEXITSTATUS(status), 2, "a missing store without create: exit 2");

	{
		char cmd[300];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			return 1;
	}
	return done_testing();
}

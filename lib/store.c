/* store.c — a JSON-lines store changed in place, safely.
 *
 * Many caseworkers' cron jobs and commands may change one store at once,
 * and any of them may be killed, or meet a full disk. So:
 *
 * - every run locks the sidecar FILE.lock with flock, blocking: runs take
 *   turns, and the lock goes with the process however it ends. The lock
 *   file is never renamed, so that every run locks the same inode;
 * - a rewrite goes to ".FILE.ck-XXXXXX" beside FILE (the same file
 *   system), is synced, and renamed over FILE; the folder is synced so
 *   that the rename itself is durable. Until then FILE is untouched;
 * - an append first writes FILE's length to the lock file (synced), then
 *   the records; a run that dies between leaves the length behind, and
 *   the next run cuts FILE back to it: the append lands whole or not at
 *   all;
 * - the lock file keeps the highest id number given per municipality and
 *   year, so that an id whose case was purged is never given again.
 *
 * The lock file holds JSON: {"format":"casekit-lock/1","high_water":
 * {"0101-2026":17},"append":{"length":12345}}, "append" only while an
 * append is under way. A lock file that is lost or unreadable costs only
 * the marks of purged cases: the ids in FILE are the fallback.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

struct ck_store {
	char *path;
	char *lock_path;
	char *dir;              /* the folder of FILE */
	char *base;             /* FILE's own name */
	char *files[1];         /* for the reader */
	int lock_fd;
	json_t *lock;           /* the lock file's content */
	bool lock_dirty;
	char *temp_path;        /* a rewrite under way */
	FILE *temp;
};

/* The store with a rewrite under way, for the exit handler. */
static ck_store *rewriting;

static char *
concat(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = malloc(n);

	if (s == NULL)
		ck_fatal(_("out of memory"));
	snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

static void
remove_temp(void)
{
	if (rewriting != NULL && rewriting->temp_path != NULL) {
		unlink(rewriting->temp_path);
		free(rewriting->temp_path);
		rewriting->temp_path = NULL;
	}
}

static void
sync_folder(const ck_store *store)
{
	int fd = open(store->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	/* Some file systems refuse fsync on a folder; the rename has
	 * happened either way. */
	if (fd >= 0) {
		if (fsync(fd) != 0 && errno != EINVAL)
			ck_warning(_("%s: cannot sync the folder: %s"),
				   store->path, strerror(errno));
		close(fd);
	}
}

static void
save_lock(ck_store *store)
{
	char *text = json_dumps(store->lock, JSON_COMPACT);
	size_t n;

	if (text == NULL)
		ck_fatal(_("out of memory"));
	n = strlen(text);
	text[n] = '\n';
	if (pwrite(store->lock_fd, text, n + 1, 0) != (ssize_t)(n + 1) ||
	    ftruncate(store->lock_fd, (off_t)(n + 1)) != 0 ||
	    fsync(store->lock_fd) != 0) {
		int err = errno;

		free(text);
		ck_fatal(_("%s: cannot write: %s"), store->lock_path, strerror(err));
	}
	free(text);
	store->lock_dirty = false;
}

static void
read_lock(ck_store *store)
{
	struct stat st;
	char *text;
	ssize_t n;
	json_t *lock = NULL;

	if (fstat(store->lock_fd, &st) == 0 && st.st_size > 0 && st.st_size < (1 << 24)) {
		text = malloc((size_t)st.st_size);
		if (text == NULL)
			ck_fatal(_("out of memory"));
		n = pread(store->lock_fd, text, (size_t)st.st_size, 0);
		if (n > 0)
			lock = json_loadb(text, (size_t)n, 0, NULL);
		free(text);
		if (!json_is_object(lock)) {
			ck_warning(_("%s: unreadable; the highest ids are taken from the store"),
				   store->lock_path);
			json_decref(lock);
			lock = NULL;
		}
	}
	if (lock == NULL)
		lock = json_pack("{s:s}", "format", "casekit-lock/1");
	if (!json_is_object(json_object_get(lock, "high_water")))
		json_object_set_new(lock, "high_water", json_object());
	store->lock = lock;
}

/* Cuts off an append that a killed run left half done. */
static void
repair_append(ck_store *store)
{
	json_t *append = json_object_get(store->lock, "append");
	json_t *length = json_object_get(append, "length");
	struct stat st;

	if (append == NULL)
		return;
	if (json_is_integer(length) && json_integer_value(length) >= 0 &&
	    stat(store->path, &st) == 0 && st.st_size > json_integer_value(length)) {
		int fd = open(store->path, O_WRONLY | O_CLOEXEC);

		if (fd < 0 || ftruncate(fd, (off_t)json_integer_value(length)) != 0 ||
		    fsync(fd) != 0)
			ck_fatal(_("%s: cannot cut off an unfinished append: %s"),
				 store->path, strerror(errno));
		close(fd);
		ck_warning(_("%s: an append a stopped run left unfinished was cut off"),
			   store->path);
	}
	json_object_del(store->lock, "append");
	save_lock(store);
}

/* Removes the temporary files a killed run left: only a run holding the
 * lock makes them, and we hold it. */
static void
remove_leftovers(ck_store *store)
{
	char *prefix = concat(".", store->base, ".ck-");
	size_t n = strlen(prefix);
	DIR *d = opendir(store->dir);
	struct dirent *e;

	if (d != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strncmp(e->d_name, prefix, n) == 0 && strlen(e->d_name) == n + 6) {
				char *path = concat(store->dir, "/", e->d_name);

				if (unlink(path) == 0)
					ck_warning(_("%s: removed a temporary file a stopped run left"),
						   store->path);
				free(path);
			}
		}
		closedir(d);
	}
	free(prefix);
}

ck_store *
ck_store_open(const char *path, bool create)
{
	ck_store *store = calloc(1, sizeof *store);
	const char *slash;
	struct stat st;

	if (store == NULL)
		ck_fatal(_("out of memory"));
	store->path = xstrdup(path);
	store->files[0] = store->path;
	store->lock_path = concat(path, ".lock", "");
	slash = strrchr(path, '/');
	if (slash == NULL) {
		store->dir = xstrdup(".");
		store->base = xstrdup(path);
	} else {
		store->dir = slash == path ? xstrdup("/") : strndup(path, (size_t)(slash - path));
		store->base = xstrdup(slash + 1);
		if (store->dir == NULL)
			ck_fatal(_("out of memory"));
	}
	if (*store->base == '\0')
		ck_fatal(_("%s: not a file name"), path);
	if (stat(path, &st) != 0) {
		if (errno != ENOENT || !create)
			ck_fatal(_("%s: cannot open: %s"), path, strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		ck_fatal(_("%s: not a regular file"), path);
	}

	store->lock_fd = open(store->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (store->lock_fd < 0)
		ck_fatal(_("%s: cannot open: %s"), store->lock_path, strerror(errno));
	while (flock(store->lock_fd, LOCK_EX) != 0)
		if (errno != EINTR)
			ck_fatal(_("%s: cannot lock: %s"), store->lock_path, strerror(errno));

	read_lock(store);
	remove_leftovers(store);
	if (stat(path, &st) != 0) {
		int fd;

		/* Made under the lock: two runs cannot both make it. */
		if (errno != ENOENT || !create)
			ck_fatal(_("%s: cannot open: %s"), path, strerror(errno));
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0)
			ck_fatal(_("%s: cannot create: %s"), path, strerror(errno));
		close(fd);
		sync_folder(store);
	}
	repair_append(store);
	return store;
}

const char *
ck_store_path(const ck_store *store)
{
	return store->path;
}

ck_reader *
ck_store_reader(ck_store *store, size_t max_record)
{
	return ck_reader_open(store->files, 1, max_record);
}

ck_writer *
ck_store_rewrite(ck_store *store)
{
	struct stat st;
	int fd;

	if (store->temp_path != NULL)
		ck_fatal("ck_store_rewrite: a rewrite is under way");
	store->temp_path = concat(store->dir, "/.", store->base);
	{
		char *t = concat(store->temp_path, ".ck-XXXXXX", "");

		free(store->temp_path);
		store->temp_path = t;
	}
	fd = mkstemp(store->temp_path);
	if (fd < 0) {
		int err = errno;

		free(store->temp_path);
		store->temp_path = NULL;
		ck_fatal(_("%s: cannot make a temporary file beside it: %s"),
			 store->path, strerror(err));
	}
	if (rewriting == NULL) {
		static bool registered;

		if (!registered) {
			ck_at_exit(remove_temp);
			registered = true;
		}
	}
	rewriting = store;
	/* The store keeps its mode and owner (a group may share it). */
	if (stat(store->path, &st) == 0) {
		if (fchmod(fd, st.st_mode & 07777) != 0)
			ck_fatal(_("%s: cannot set the mode: %s"), store->path, strerror(errno));
		if (geteuid() == 0 && fchown(fd, st.st_uid, st.st_gid) != 0)
			ck_fatal(_("%s: cannot set the owner: %s"), store->path, strerror(errno));
	}
	store->temp = fdopen(fd, "w");
	if (store->temp == NULL)
		ck_fatal(_("out of memory"));
	return ck_writer_stream(store->temp, store->path);
}

void
ck_store_finish(ck_store *store, ck_writer *writer, bool commit)
{
	ck_writer_close(writer);	/* flushes: a full disk ends us here */
	if (store->temp == NULL)
		return;
	if (commit && fsync(fileno(store->temp)) != 0)
		ck_fatal(_("%s: cannot write: %s"), store->path, strerror(errno));
	if (fclose(store->temp) != 0 && commit) {
		store->temp = NULL;
		ck_fatal(_("%s: cannot write: %s"), store->path, strerror(errno));
	}
	store->temp = NULL;
	if (commit) {
		if (rename(store->temp_path, store->path) != 0)
			ck_fatal(_("%s: cannot replace: %s"), store->path, strerror(errno));
		free(store->temp_path);
		store->temp_path = NULL;
		sync_folder(store);
	} else {
		unlink(store->temp_path);
		free(store->temp_path);
		store->temp_path = NULL;
	}
	rewriting = NULL;
	if (store->lock_dirty)
		save_lock(store);
}

/* Test hook: CASEKIT_FAULT=kill-during-append or kill-after-append
 * makes an append stop as a killed run would, so that the tests can show
 * that the next run leaves the store whole. */
static bool
fault(const char *where)
{
	const char *f = getenv("CASEKIT_FAULT");

	return f != NULL && strcmp(f, where) == 0;
}

void
ck_store_append(ck_store *store, const char *text, size_t length)
{
	struct stat st;
	json_t *append;
	size_t done = 0;
	int fd, err;

	fd = open(store->path, O_WRONLY | O_APPEND | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0)
		ck_fatal(_("%s: cannot open: %s"), store->path, strerror(errno));
	append = json_pack("{s:I}", "length", (json_int_t)st.st_size);
	json_object_set_new(store->lock, "append", append);
	save_lock(store);

	if (fault("kill-during-append")) {
		if (write(fd, text, length / 2) < 0)
			goto failed;
		raise(SIGKILL);
	}
	while (done < length) {
		ssize_t n = write(fd, text + done, length - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto failed;
		done += (size_t)n;
	}
	if (fsync(fd) != 0)
		goto failed;
	if (fault("kill-after-append"))
		raise(SIGKILL);
	close(fd);
	json_object_del(store->lock, "append");
	save_lock(store);
	return;

failed:
	err = errno != 0 ? errno : ENOSPC;
	if (ftruncate(fd, st.st_size) != 0 || fsync(fd) != 0)
		ck_fatal(_("%s: cannot cut off a failed append: %s"), store->path,
			 strerror(errno));
	close(fd);
	json_object_del(store->lock, "append");
	save_lock(store);
	ck_fatal(_("%s: cannot write: %s"), store->path, strerror(err));
}

/* Splits a case id into its prefix length and number; false when ID
 * does not end in "-NNNN". */
static bool
id_number(const char *id, size_t *prefix_length, unsigned long *number)
{
	const char *dash = strrchr(id, '-');
	char *end;
	unsigned long n;

	if (dash == NULL || dash == id || dash[1] < '0' || dash[1] > '9')
		return false;
	errno = 0;
	n = strtoul(dash + 1, &end, 10);
	if (*end != '\0' || errno != 0)
		return false;
	*prefix_length = (size_t)(dash - id);
	*number = n;
	return true;
}

unsigned long
ck_store_high_water(const ck_store *store, const char *prefix)
{
	json_t *n = json_object_get(json_object_get(store->lock, "high_water"), prefix);

	return json_is_integer(n) && json_integer_value(n) > 0
		? (unsigned long)json_integer_value(n) : 0;
}

void
ck_store_note_id(ck_store *store, const char *id)
{
	json_t *marks = json_object_get(store->lock, "high_water");
	size_t length;
	unsigned long number;
	char prefix[128];

	if (!id_number(id, &length, &number) || length >= sizeof prefix)
		return;
	memcpy(prefix, id, length);
	prefix[length] = '\0';
	if (number > ck_store_high_water(store, prefix)) {
		json_object_set_new(marks, prefix, json_integer((json_int_t)number));
		store->lock_dirty = true;
	}
}

void
ck_store_close(ck_store *store)
{
	if (store == NULL)
		return;
	if (store->lock_dirty)
		save_lock(store);
	close(store->lock_fd);	/* and with it the lock */
	json_decref(store->lock);
	free(store->path);
	free(store->lock_path);
	free(store->dir);
	free(store->base);
	free(store);
}

FILE *
ck_open_private(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FILE *f;

	/* An existing file is made private too: it is about to hold
	 * counts no one outside the municipality should see unsuppressed. */
	if (fd < 0 || fchmod(fd, 0600) != 0)
		ck_fatal(_("%s: cannot create: %s"), path, strerror(errno));
	f = fdopen(fd, "w");
	if (f == NULL)
		ck_fatal(_("out of memory"));
	return f;
}

/* SPDX-License-Identifier: MPL-2.0 */
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
	char *path;             /* as given: messages name it */
	char *target;           /* the file itself: PATH, or where a link at
				   PATH points */
	char *lock_path;        /* TARGET.lock */
	char *dir;              /* the folder of TARGET */
	char *base;             /* TARGET's own name */
	char *files[1];         /* for the reader */
	int lock_fd;
	json_t *lock;           /* the lock file's content */
	bool lock_dirty;
	char *temp_path;        /* a rewrite under way */
	FILE *temp;
	char *copy_path;        /* ck_store_copy: the store as it was */
	struct stat before;     /* TARGET when it was copied */
};

/* ---------------------------------------------------------------------
 * Temporary files: each is removed when the program ends, however it
 * ends short of a kill (and then by the next run that opens the store).
 */

#define TEMPS_MAX 8
static char *temps[TEMPS_MAX];

static void
remove_temps(void)
{
	size_t i;

	for (i = 0; i < TEMPS_MAX; i++)
		if (temps[i] != NULL) {
			unlink(temps[i]);
			free(temps[i]);
			temps[i] = NULL;
		}
}

/* Makes ".BASE.ck-XXXXXX" in DIR (mode 0600): its descriptor, and its
 * path in *PATH (the registry's, until forget_temp). -1 on an error. */
static int
make_temp(const char *dir, const char *base, char **path)
{
	static bool registered;
	size_t n = strlen(dir) + strlen(base) + 16, i;
	char *p = xmalloc(n);
	int fd;

	snprintf(p, n, "%s/.%s.ck-XXXXXX", dir, base);
	for (i = 0; i < TEMPS_MAX && temps[i] != NULL; i++)
		;
	if (i == TEMPS_MAX)
		ck_fatal("make_temp: too many temporary files");
	fd = mkstemp(p);
	if (fd < 0) {
		free(p);
		return -1;
	}
	if (!registered) {
		ck_at_exit(remove_temps);
		registered = true;
	}
	temps[i] = p;
	*path = p;
	return fd;
}

/* The temporary file at PATH has become a file of its own (renamed), or
 * is removed now (UNLINK): it is no longer removed at exit. */
static void
forget_temp(char *path, bool unlink_it)
{
	size_t i;

	for (i = 0; i < TEMPS_MAX; i++)
		if (temps[i] == path) {
			if (unlink_it)
				unlink(path);
			free(path);
			temps[i] = NULL;
			return;
		}
}

static char *
concat(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = xmalloc(n);

	snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

/* Splits PATH into its folder and its own name (new strings). */
static void
split_path(const char *path, char **dir, char **base)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL) {
		*dir = xstrdup(".");
		*base = xstrdup(path);
	} else {
		*dir = slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
		*base = xstrdup(slash + 1);
	}
}

/* Syncs the folder DIR, so that a rename or a new file in it lasts.
 * False with errno on an error; some file systems refuse fsync on a
 * folder (EINVAL), which is no error. */
static bool
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	bool good;

	if (fd < 0)
		return false;
	good = fsync(fd) == 0 || errno == EINVAL;
	if (!good) {
		int err = errno;

		close(fd);
		errno = err;
		return false;
	}
	close(fd);
	return true;
}

static void
sync_folder(const ck_store *store)
{
	if (!sync_dir(store->dir))
		ck_fatal(_("%s: cannot sync the folder: %s"), store->path, strerror(errno));
}

/* The store's mode and group go to a file that stands beside it or
 * takes its place: a store a group shares stays shared. The owner only
 * root can give. Errors with errno; a group the user is not in is no
 * error (the file keeps the user's). */
static bool
take_owner(int fd, const struct stat *st)
{
	if (fchmod(fd, st->st_mode & 07777) != 0)
		return false;
	if (geteuid() == 0)
		return fchown(fd, st->st_uid, st->st_gid) == 0;
	if (fchown(fd, (uid_t)-1, st->st_gid) != 0 && errno != EPERM)
		return false;
	return true;
}

/* ---------------------------------------------------------------------
 * The lock file
 */

/* Writes the lock's content at the start of the lock file and syncs it.
 * A failed ftruncate leaves old bytes after the new text, which
 * read_lock passes over. False with errno on an error. */
static bool
write_lock(ck_store *store)
{
	char *text = json_dumps(store->lock, JSON_COMPACT);
	size_t n;
	bool good;
	int err;

	if (text == NULL)
		ck_fatal(_("out of memory"));
	n = strlen(text);
	text[n] = '\n';
	good = pwrite(store->lock_fd, text, n + 1, 0) == (ssize_t)(n + 1) &&
	       ftruncate(store->lock_fd, (off_t)(n + 1)) == 0 &&
	       fsync(store->lock_fd) == 0;
	err = errno != 0 ? errno : ENOSPC;
	free(text);
	if (good)
		store->lock_dirty = false;
	errno = err;
	return good;
}

static void
save_lock(ck_store *store)
{
	if (!write_lock(store))
		ck_fatal(_("%s: cannot write: %s"), store->lock_path, strerror(errno));
}

static void
read_lock(ck_store *store)
{
	struct stat st;
	char *text;
	ssize_t n;
	json_t *lock = NULL;

	if (fstat(store->lock_fd, &st) == 0 && st.st_size > 0 && st.st_size < (1 << 24)) {
		text = xmalloc((size_t)st.st_size);
		n = pread(store->lock_fd, text, (size_t)st.st_size, 0);
		/* The first value: after it may stand what a shorter
		 * content could not cut off (write_lock). */
		if (n > 0)
			lock = json_loadb(text, (size_t)n, JSON_DISABLE_EOF_CHECK, NULL);
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

/* Opens (and makes) the lock file with the store's mode, as far as it
 * gives read and write, and its group: every user who may change the
 * store must be able to lock it. */
static void
open_lock(ck_store *store, const struct stat *st)
{
	mode_t mode = st != NULL ? (st->st_mode & 0666) | 0600 : 0600;
	struct stat own;
	int fd;

	fd = open(store->lock_path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0)
		ck_fatal(_("%s: cannot open: %s"), store->lock_path, strerror(errno));
	store->lock_fd = fd;
	if (fstat(fd, &own) != 0 || !S_ISREG(own.st_mode))
		ck_fatal(_("%s: not a regular file"), store->lock_path);
	/* The umask may have taken what the store gives; a lock file an
	 * earlier version made 0600 is widened by its owner. */
	if (st == NULL || own.st_uid != geteuid())
		return;
	if ((own.st_mode & mode) != mode &&
	    fchmod(fd, (own.st_mode & 0666) | mode) != 0)
		ck_fatal(_("%s: cannot set the mode: %s"), store->lock_path, strerror(errno));
	if (own.st_gid != st->st_gid && fchown(fd, (uid_t)-1, st->st_gid) != 0 &&
	    errno != EPERM)
		ck_fatal(_("%s: cannot set the owner: %s"), store->lock_path, strerror(errno));
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
	    stat(store->target, &st) == 0 && st.st_size > json_integer_value(length)) {
		int fd = open(store->target, O_WRONLY | O_CLOEXEC);

		if (fd < 0 || ftruncate(fd, (off_t)json_integer_value(length)) != 0 ||
		    fsync(fd) != 0 || close(fd) != 0)
			ck_fatal(_("%s: cannot cut off an unfinished append: %s"),
				 store->path, strerror(errno));
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

/* The file a store at PATH is: PATH, or the file a link there points
 * at, so that a rename replaces the file and not the link, and runs
 * through the link and runs on the file itself share one lock. */
static char *
resolve(const char *path)
{
	struct stat st;
	char *real;

	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
		return xstrdup(path);
	real = realpath(path, NULL);
	if (real == NULL)
		ck_fatal(_("%s: cannot follow the link: %s"), path, strerror(errno));
	return real;
}

ck_store *
ck_store_open(const char *path, bool create)
{
	ck_store *store = xcalloc(1, sizeof *store);
	struct stat st;
	bool exists;

	store->path = xstrdup(path);
	store->files[0] = store->path;
	store->target = resolve(path);
	store->lock_path = concat(store->target, ".lock", "");
	split_path(store->target, &store->dir, &store->base);
	if (*store->base == '\0')
		ck_fatal(_("%s: not a file name"), path);
	exists = stat(store->target, &st) == 0;
	if (!exists) {
		if (errno != ENOENT || !create)
			ck_fatal(_("%s: cannot open: %s"), path, strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		ck_fatal(_("%s: not a regular file"), path);
	}

	open_lock(store, exists ? &st : NULL);
	while (flock(store->lock_fd, LOCK_EX) != 0)
		if (errno != EINTR)
			ck_fatal(_("%s: cannot lock: %s"), store->lock_path, strerror(errno));

	read_lock(store);
	remove_leftovers(store);
	if (stat(store->target, &st) != 0) {
		int fd;

		/* Made under the lock: two runs cannot both make it. */
		if (errno != ENOENT || !create)
			ck_fatal(_("%s: cannot open: %s"), path, strerror(errno));
		fd = open(store->target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0)
			ck_fatal(_("%s: cannot create: %s"), path, strerror(errno));
		if (close(fd) != 0) {
			int err = errno;

			unlink(store->target);
			ck_fatal(_("%s: cannot create: %s"), path, strerror(err));
		}
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
	fd = make_temp(store->dir, store->base, &store->temp_path);
	if (fd < 0)
		ck_fatal(_("%s: cannot make a temporary file beside it: %s"),
			 store->path, strerror(errno));
	/* The store keeps its mode and owner (a group may share it). */
	if (stat(store->target, &st) == 0 && !take_owner(fd, &st))
		ck_fatal(_("%s: cannot set the mode or owner: %s"), store->path,
			 strerror(errno));
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
	if (!commit) {
		fclose(store->temp);
		store->temp = NULL;
		forget_temp(store->temp_path, true);
		store->temp_path = NULL;
		return;
	}
	if (fsync(fileno(store->temp)) != 0)
		ck_fatal(_("%s: cannot write: %s"), store->path, strerror(errno));
	if (fclose(store->temp) != 0) {
		store->temp = NULL;
		ck_fatal(_("%s: cannot write: %s"), store->path, strerror(errno));
	}
	store->temp = NULL;
	/* The marks first: an id a purge retired stays retired even if
	 * what follows fails (a mark above an id still there is harmless). */
	if (store->lock_dirty)
		save_lock(store);
	if (rename(store->temp_path, store->target) != 0)
		ck_fatal(_("%s: cannot replace: %s"), store->path, strerror(errno));
	forget_temp(store->temp_path, false);
	store->temp_path = NULL;
	sync_folder(store);
}

/* ---------------------------------------------------------------------
 * A copy of the store for a command that is to leave the store alone
 */

/* Copies descriptor FROM to TO from their starts; false with errno. */
static bool
copy_bytes(int from, int to)
{
	char buf[65536];
	ssize_t n, done;

	for (;;) {
		do
			n = read(from, buf, sizeof buf);
		while (n < 0 && errno == EINTR);
		if (n == 0)
			return true;
		if (n < 0)
			return false;
		for (done = 0; done < n;) {
			ssize_t w = write(to, buf + done, (size_t)(n - done));

			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				if (w == 0)
					errno = ENOSPC;
				return false;
			}
			done += w;
		}
	}
}

static bool
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	       a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	       a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	       a->st_ctim.tv_sec == b->st_ctim.tv_sec &&
	       a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

int
ck_store_copy(ck_store *store)
{
	int in, out, fd;

	if (store->copy_path != NULL)
		ck_fatal("ck_store_copy: a copy is made");
	in = open(store->target, O_RDONLY | O_CLOEXEC);
	if (in < 0 || fstat(in, &store->before) != 0)
		ck_fatal(_("%s: cannot open: %s"), store->path, strerror(errno));
	out = make_temp(store->dir, store->base, &store->copy_path);
	if (out < 0)
		ck_fatal(_("%s: cannot make a temporary file beside it: %s"),
			 store->path, strerror(errno));
	if (!copy_bytes(in, out) || !take_owner(out, &store->before) || close(out) != 0)
		ck_fatal(_("%s: cannot copy: %s"), store->path, strerror(errno));
	close(in);
	/* The command reads the copy, and cannot write it through the
	 * descriptor it is given. */
	fd = open(store->copy_path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		ck_fatal(_("%s: cannot open: %s"), store->copy_path, strerror(errno));
	return fd;
}

bool
ck_store_put_back(ck_store *store)
{
	struct stat now;
	int fd;

	if (store->copy_path == NULL)
		ck_fatal("ck_store_put_back: no copy was made");
	if (stat(store->target, &now) == 0 && same_file(&now, &store->before)) {
		forget_temp(store->copy_path, true);
		store->copy_path = NULL;
		return false;
	}
	fd = open(store->copy_path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) != 0 || close(fd) != 0 ||
	    rename(store->copy_path, store->target) != 0) {
		int err = errno;

		/* The copy stays, for the operator to put back. */
		forget_temp(store->copy_path, false);
		ck_fatal(_("%s: changed, and the copy of it as it was cannot be put back (%s): "
			   "it is %s"), store->path, strerror(err), store->copy_path);
	}
	forget_temp(store->copy_path, false);
	store->copy_path = NULL;
	sync_folder(store);
	return true;
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

/* Whether the file open at FD, SIZE bytes, ends in a newline (an empty
 * file does): 1, 0, or -1 on a read error. */
static int
ends_in_newline(int fd, off_t size)
{
	char last;

	if (size == 0)
		return 1;
	if (pread(fd, &last, 1, size - 1) != 1)
		return -1;
	return last == '\n';
}

void
ck_store_append(ck_store *store, const char *text, size_t length)
{
	struct stat st;
	json_t *append;
	size_t done = 0;
	const char *what = store->path;   /* the file a write failed on */
	bool newline;
	int fd, err, ends;

	fd = open(store->target, O_RDWR | O_APPEND | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0)
		ck_fatal(_("%s: cannot open: %s"), store->path, strerror(errno));
	/* A last line without its newline (an editor, a cut) gets one: the
	 * records appended never glue onto it. */
	if ((ends = ends_in_newline(fd, st.st_size)) < 0)
		ck_fatal(_("%s: read error: %s"), store->path, strerror(errno));
	newline = ends == 0;
	append = json_pack("{s:I}", "length", (json_int_t)st.st_size);
	oom_unless(append != NULL);
	json_object_set_new(store->lock, "append", append);
	save_lock(store);

	if (fault("kill-during-append")) {
		if (write(fd, text, length / 2) < 0)
			goto failed;
		raise(SIGKILL);
	}
	errno = 0;
	if (newline && write(fd, "\n", 1) != 1)
		goto failed;
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
	/* Done when the lock file no longer says an append is under way. */
	json_object_del(store->lock, "append");
	if (!write_lock(store)) {
		what = store->lock_path;
		goto failed;
	}
	if (close(fd) != 0)
		ck_fatal(_("%s: cannot write: %s"), store->path, strerror(errno));
	return;

failed:
	err = errno != 0 ? errno : ENOSPC;
	if (ftruncate(fd, st.st_size) != 0 || fsync(fd) != 0)
		ck_fatal(_("%s: cannot cut off a failed append: %s"), store->path,
			 strerror(errno));
	close(fd);
	/* Cut back: a mark still in the lock file cuts nothing more. */
	json_object_del(store->lock, "append");
	if (!write_lock(store) && what != store->lock_path)
		ck_error(_("%s: cannot write: %s"), store->lock_path, strerror(errno));
	ck_fatal(_("%s: cannot write: %s; nothing was added"), what, strerror(err));
}

/* Splits a case id into its prefix length and number, at most
 * CK_CASE_NUMBER_MAX (a larger one is taken as that: nothing can follow
 * it); false when ID does not end in "-NNNN". */
static bool
id_number(const char *id, size_t *prefix_length, unsigned long long *number)
{
	const char *dash = strrchr(id, '-');
	char *end;
	unsigned long long n;

	if (dash == NULL || dash == id || dash[1] < '0' || dash[1] > '9')
		return false;
	errno = 0;
	n = strtoull(dash + 1, &end, 10);
	if (*end != '\0')
		return false;
	if (errno == ERANGE || n > CK_CASE_NUMBER_MAX)
		n = CK_CASE_NUMBER_MAX;
	*prefix_length = (size_t)(dash - id);
	*number = n;
	return true;
}

unsigned long
ck_store_high_water(const ck_store *store, const char *prefix)
{
	json_t *n = json_object_get(json_object_get(store->lock, "high_water"), prefix);

	if (!json_is_integer(n) || json_integer_value(n) <= 0)
		return 0;
	/* Where unsigned long is narrower than a mark, the largest. */
	if ((unsigned long long)json_integer_value(n) > ULONG_MAX)
		return ULONG_MAX;
	return (unsigned long)json_integer_value(n);
}

void
ck_store_note_id(ck_store *store, const char *id)
{
	json_t *marks = json_object_get(store->lock, "high_water");
	size_t length;
	unsigned long long number;
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
	/* And with it the lock; the lock file was written through it. */
	if (close(store->lock_fd) != 0)
		ck_fatal(_("%s: cannot write: %s"), store->lock_path, strerror(errno));
	json_decref(store->lock);
	free(store->path);
	free(store->target);
	free(store->lock_path);
	free(store->dir);
	free(store->base);
	free(store);
}

/* ---------------------------------------------------------------------
 * Private files, written whole or not at all
 */

struct ck_private_file {
	char *path;             /* as given */
	char *dir;
	char *temp;             /* the registry's */
	FILE *stream;
};

ck_private_file *
ck_private_file_open(const char *path)
{
	ck_private_file *f = xcalloc(1, sizeof *f);
	char *base;
	int fd;

	f->path = xstrdup(path);
	split_path(path, &f->dir, &base);
	if (*base == '\0')
		ck_fatal(_("%s: not a file name"), path);
	/* A new file beside PATH, made with O_EXCL (mkstemp): nothing is
	 * written through a link, and PATH is replaced only when the
	 * file is whole. */
	fd = make_temp(f->dir, base, &f->temp);
	free(base);
	if (fd < 0)
		ck_fatal(_("%s: cannot create: %s"), path, strerror(errno));
	/* Private whatever the umask: it holds counts no one outside the
	 * municipality should see unsuppressed. */
	if (fchmod(fd, 0600) != 0)
		ck_fatal(_("%s: cannot set the mode: %s"), path, strerror(errno));
	f->stream = fdopen(fd, "w");
	if (f->stream == NULL)
		ck_fatal(_("out of memory"));
	return f;
}

FILE *
ck_private_file_stream(ck_private_file *f)
{
	return f->stream;
}

void
ck_private_file_commit(ck_private_file *f)
{
	if (fflush(f->stream) != 0 || ferror(f->stream) || fsync(fileno(f->stream)) != 0)
		ck_fatal(_("%s: cannot write: %s"), f->path, strerror(errno));
	if (fclose(f->stream) != 0)
		ck_fatal(_("%s: cannot write: %s"), f->path, strerror(errno));
	if (rename(f->temp, f->path) != 0)
		ck_fatal(_("%s: cannot replace: %s"), f->path, strerror(errno));
	forget_temp(f->temp, false);
	if (!sync_dir(f->dir))
		ck_fatal(_("%s: cannot sync the folder: %s"), f->path, strerror(errno));
	free(f->path);
	free(f->dir);
	free(f);
}

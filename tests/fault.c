/* SPDX-License-Identifier: MPL-2.0 */
/* fault.c — a test-only LD_PRELOAD shim that makes the Nth write-side
 * call of one casekit program fail, or the program die there, as SQLite
 * tests its VFS: so that tests/fault.test can walk N over every such call
 * of a run and show that nothing is lost whichever fails. make check
 * builds it; nothing installs it.
 *
 *   CK_FAULT_PROGRAM=NAME   the program it acts in ("case-new"; a libtool
 *                           "lt-" prefix is passed over); in every other
 *                           process, the shell of a libtool wrapper or a
 *                           filter's command, it only passes calls on
 *   CK_FAULT_AT=N           the Nth counted call fails (0: none)
 *   CK_FAULT_MODE=die       the process is killed (SIGKILL) at the Nth
 *                           call instead, before it is made
 *   CK_FAULT_TRACE=FILE     every counted call is appended to FILE as a
 *                           line "N CALL PATH [PATH]"
 *
 * Counted are write(2) and pwrite(2) (never to standard error), fsync,
 * fdatasync, ftruncate, rename and renameat, and close(2) of a
 * descriptor open for writing; and, as glibc's stdio writes and closes
 * through calls of its own that no shim sees, a stream's flush with bytes
 * waiting (fflush, and the flush in fclose) as a write, and fclose of a
 * stream open for writing as a close. A failed write fails with ENOSPC
 * (a stream's for real: its descriptor is pointed at /dev/full first),
 * the others with EIO; a close that fails still closes, as close(2) on
 * Linux does. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/* The libc function the shim stands in front of, looked up on first use
 * (a call may come before the constructor ran). */
#define REAL(name) (*(real_##name != NULL ? real_##name : load_##name()))
#define LOADER(name) \
	static __typeof__(real_##name) load_##name(void) \
	{ \
		real_##name = (__typeof__(real_##name))dlsym(RTLD_NEXT, #name); \
		if (real_##name == NULL) \
			abort(); \
		return real_##name; \
	}

static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off64_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_ftruncate)(int, off_t);
static int (*real_ftruncate64)(int, off64_t);
static int (*real_rename)(const char *, const char *);
static int (*real_renameat)(int, const char *, int, const char *);
static int (*real_close)(int);
static int (*real_fflush)(FILE *);
static int (*real_fclose)(FILE *);

LOADER(write)
LOADER(pwrite)
LOADER(pwrite64)
LOADER(fsync)
LOADER(fdatasync)
LOADER(ftruncate)
LOADER(ftruncate64)
LOADER(rename)
LOADER(renameat)
LOADER(close)
LOADER(fflush)
LOADER(fclose)

static bool active;
static bool die;
static long at;
static long calls;
static int trace_fd = -1;

__attribute__((constructor)) static void
fault_init(void)
{
	const char *want = getenv("CK_FAULT_PROGRAM"), *mode = getenv("CK_FAULT_MODE");
	const char *trace = getenv("CK_FAULT_TRACE"), *n = getenv("CK_FAULT_AT");
	char exe[PATH_MAX], *name;
	ssize_t len;

	if (want == NULL)
		return;
	/* The program itself, not the shell that started it. */
	len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len <= 0)
		return;
	exe[len] = '\0';
	name = strrchr(exe, '/') != NULL ? strrchr(exe, '/') + 1 : exe;
	if (strncmp(name, "lt-", 3) == 0)
		name += 3;
	if (strcmp(name, want) != 0)
		return;
	at = n != NULL ? atol(n) : 0;
	die = mode != NULL && strcmp(mode, "die") == 0;
	if (trace != NULL && *trace != '\0')
		trace_fd = open(trace, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	active = true;
}

/* What the descriptor FD names, for the trace. */
static void
fd_path(int fd, char *buf, size_t size)
{
	char link[64];
	ssize_t n;

	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	n = readlink(link, buf, size - 1);
	if (n < 0)
		snprintf(buf, size, "fd:%d", fd);
	else
		buf[n] = '\0';
}

/* Counts a call (when active) and traces it; true when it is the one to
 * fail. In die mode the process ends here instead. */
static bool
hit(const char *call, const char *path, const char *path2)
{
	char line[2 * PATH_MAX + 64];
	int n;

	if (!active)
		return false;
	calls++;
	if (trace_fd >= 0) {
		n = snprintf(line, sizeof line, "%ld %s %s%s%s\n", calls, call, path,
			     path2 != NULL ? " " : "", path2 != NULL ? path2 : "");
		if (n > 0)
			REAL(write)(trace_fd, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
	}
	if (calls != at)
		return false;
	if (die)
		raise(SIGKILL);
	return true;
}

static bool
hit_fd(const char *call, int fd)
{
	char path[PATH_MAX];

	if (!active)
		return false;
	fd_path(fd, path, sizeof path);
	return hit(call, path, NULL);
}

static bool
writable(int fd)
{
	int flags = fcntl(fd, F_GETFL);

	return flags >= 0 && (flags & O_ACCMODE) != O_RDONLY;
}

/* Makes the next write of FD fail as a full disk does. */
static void
point_at_full(int fd)
{
	int full = open("/dev/full", O_WRONLY | O_CLOEXEC);

	if (full >= 0) {
		dup2(full, fd);
		REAL(close)(full);
	}
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	if (fd != STDERR_FILENO && hit_fd("write", fd)) {
		errno = ENOSPC;
		return -1;
	}
	return REAL(write)(fd, buf, n);
}

ssize_t
pwrite(int fd, const void *buf, size_t n, off_t offset)
{
	if (fd != STDERR_FILENO && hit_fd("write", fd)) {
		errno = ENOSPC;
		return -1;
	}
	return REAL(pwrite)(fd, buf, n, offset);
}

ssize_t
pwrite64(int fd, const void *buf, size_t n, off64_t offset)
{
	if (fd != STDERR_FILENO && hit_fd("write", fd)) {
		errno = ENOSPC;
		return -1;
	}
	return REAL(pwrite64)(fd, buf, n, offset);
}

int
fsync(int fd)
{
	if (hit_fd("fsync", fd)) {
		errno = EIO;
		return -1;
	}
	return REAL(fsync)(fd);
}

int
fdatasync(int fd)
{
	if (hit_fd("fsync", fd)) {
		errno = EIO;
		return -1;
	}
	return REAL(fdatasync)(fd);
}

int
ftruncate(int fd, off_t length)
{
	if (hit_fd("ftruncate", fd)) {
		errno = EIO;
		return -1;
	}
	return REAL(ftruncate)(fd, length);
}

int
ftruncate64(int fd, off64_t length)
{
	if (hit_fd("ftruncate", fd)) {
		errno = EIO;
		return -1;
	}
	return REAL(ftruncate64)(fd, length);
}

int
rename(const char *from, const char *to)
{
	if (hit("rename", from, to)) {
		errno = EIO;
		return -1;
	}
	return REAL(rename)(from, to);
}

int
renameat(int fromdir, const char *from, int todir, const char *to)
{
	if (hit("rename", from, to)) {
		errno = EIO;
		return -1;
	}
	return REAL(renameat)(fromdir, from, todir, to);
}

int
close(int fd)
{
	if (fd != STDERR_FILENO && active && writable(fd) && hit_fd("close", fd)) {
		REAL(close)(fd);
		errno = EIO;
		return -1;
	}
	return REAL(close)(fd);
}

int
fflush(FILE *stream)
{
	if (stream != NULL && active && __fpending(stream) > 0 &&
	    fileno(stream) != STDERR_FILENO && hit_fd("write", fileno(stream)))
		point_at_full(fileno(stream));
	return REAL(fflush)(stream);
}

int
fclose(FILE *stream)
{
	int fd = fileno(stream);

	if (!active || fd == STDERR_FILENO || fd < 0)
		return REAL(fclose)(stream);
	if (__fpending(stream) > 0 && hit_fd("write", fd))
		point_at_full(fd);
	if (writable(fd) && hit_fd("close", fd)) {
		REAL(fclose)(stream);
		errno = EIO;
		return EOF;
	}
	return REAL(fclose)(stream);
}

# SPDX-License-Identifier: MPL-2.0
# lib.sh — TAP helpers for the shell tests of casekit.
#
#   run CMD…            runs CMD: $status, $out (stdout), $err (stderr);
#                       standard input from $tmp/in when CK_STDIN is set
#   is GOT WANT NAME    passes when GOT equals WANT
#   like GOT ERE NAME   passes when GOT matches the extended regex ERE
#   unlike GOT ERE NAME passes when it does not
#   done_testing        prints the plan; the script's status
#
# With CK_VALGRIND set (make check-valgrind) every casekit program runs
# under valgrind, and a valgrind error makes it exit 99.
set -u
: "${top_srcdir:?run from make check}" "${top_builddir:?run from make check}"
data=$top_srcdir/tests/data
examples=$top_srcdir/examples
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casekit-test.XXXXXX")
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

_ck_n=0
_ck_failed=0

pass() {
	_ck_n=$((_ck_n + 1))
	echo "ok $_ck_n - $*"
}

fail() {
	_ck_n=$((_ck_n + 1))
	_ck_failed=$((_ck_failed + 1))
	echo "not ok $_ck_n - $*"
}

diag() {
	printf '%s\n' "$@" | sed 's/^/#   /'
}

run() {
	"$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

is() {
	if [ "$1" = "$2" ]; then
		pass "$3"
	else
		fail "$3"
		diag "got:" "$1" "expected:" "$2"
	fi
}

like() {
	if printf '%s\n' "$1" | grep -qE -- "$2"; then
		pass "$3"
	else
		fail "$3"
		diag "got:" "$1" "expected to match: $2"
	fi
}

unlike() {
	if printf '%s\n' "$1" | grep -qE -- "$2"; then
		fail "$3"
		diag "got:" "$1" "expected not to match: $2"
	else
		pass "$3"
	fi
}

done_testing() {
	echo "1..$_ck_n"
	[ "$_ck_failed" -eq 0 ]
}

if [ -n "${CK_VALGRIND:-}" ]; then
	for _ck_p in bin/case-new bin/case-update bin/case-actors bin/case-transition \
	    bin/case-checklist bin/case-report bin/case-summary tests/ck-filter tests/ck-touch; do
		[ -e "$top_builddir/$_ck_p" ] || continue
		eval "${_ck_p##*/}() {
			\"\$top_builddir/libtool\" --mode=execute valgrind -q \
				--error-exitcode=99 --leak-check=full \
				--errors-for-leak-kinds=definite \
				\"\$top_builddir/$_ck_p\" \"\$@\"
		}"
	done
fi

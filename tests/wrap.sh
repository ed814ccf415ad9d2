# SPDX-License-Identifier: MPL-2.0
# wrap.sh — runs a unit test program, under valgrind when CK_VALGRIND is set
# (make check-valgrind). Unit tests are libtool wrappers: libtool finds the
# real program for valgrind.
if [ -n "${CK_VALGRIND:-}" ]; then
	exec "$top_builddir/libtool" --mode=execute valgrind -q \
		--error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		"$@"
fi
exec "$@"

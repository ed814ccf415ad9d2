#!/bin/sh
# SPDX-License-Identifier: MPL-2.0
# run.sh — casekit side by side with jq and with the bare Jansson parse
# loop (tests/bench/bare) on the same generated store (make bench).
# Prints seconds and peak memory of each job, the ratios casekit/jq (below
# 1: casekit is faster or smaller) and casekit/bare (the time over the
# bare loop's: parsing alone for a job that writes nothing or a record
# unchanged, parsing and writing back for one that writes every record).
# Timings are wall-clock, the best of three runs; the machine's load still
# shows in them, so they are measurements, never assertions.
#
#   BENCH_N    records in the store (default 100000)
set -eu
: "${top_builddir:=.}" "${top_srcdir:=.}"
n=${BENCH_N:-100000}
work=$(mktemp -d "${TMPDIR:-/tmp}/casekit-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
store=$work/store.jsonl
sh "$top_srcdir/tests/bench/gen.sh" "$n" >"$store"
export CASEKIT_RULES_PATH="$top_srcdir/rules" CASEKIT_CONFIG=/dev/null LC_ALL=C
bin=$top_builddir
# Run the real programs, not libtool's wrapper scripts.
real() {
	if [ -x "$bin/$1/.libs/lt-$2" ]; then echo "$bin/$1/.libs/lt-$2"
	elif [ -x "$bin/$1/.libs/$2" ]; then echo "$bin/$1/.libs/$2"
	else echo "$bin/$1/$2"; fi
}
export LD_LIBRARY_PATH="$bin/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
filter=$(real tests ck-filter)
touch_=$(real tests ck-touch)
update=$(real bin case-update)
actors=$(real bin case-actors)
checklist=$(real bin case-checklist)
report=$(real bin case-report)
bare=$bin/tests/bench/bare

# best SECONDS and KB of three runs of a command (output discarded)
best() {
	b_s=; b_m=
	for _ in 1 2 3; do
		/usr/bin/time -q -f '%e %M' -o "$work/t" sh -c "$1" >/dev/null 2>"$work/err" || true
		read -r s m <"$work/t"
		if [ -z "$b_s" ] || awk "BEGIN { exit !($s < $b_s) }"; then b_s=$s; fi
		if [ -z "$b_m" ] || [ "$m" -lt "$b_m" ]; then b_m=$m; fi
	done
	echo "$b_s $b_m"
}

# The floors: the bare loop parsing, and parsing and writing back.
set -- $(best "$bare $store")
bare_read=$1
set -- $(best "$bare --write $store")
bare_write=$1

row() { # row NAME CASEKIT-COMMAND JQ-COMMAND [write]
	floor=$bare_read
	[ "${4:-}" = write ] && floor=$bare_write
	echo "$(best "$2") $(best "$3") $floor" | awk -v name="$1" '{
		printf "%-36s %6.2fs %5.0fMB  %6.2fs %5.0fMB   %5.2f %5.2f   %5.2f\n",
		name, $1, $2 / 1024, $3, $4 / 1024, ($3 > 0 ? $1 / $3 : 0),
		($4 > 0 ? $2 / $4 : 0), ($5 > 0 ? $1 / $5 : 0) }'
}

printf 'casekit, jq and the bare Jansson loop on %d records (%s MB)\n' "$n" "$(du -m "$store" | cut -f1)"
printf 'bare Jansson loop: %.2fs parsing, %.2fs parsing and writing\n\n' "$bare_read" "$bare_write"
printf '%-36s %7s %7s  %7s %7s   %5s %5s   %5s\n' "job" "casekit" "memory" "jq" "memory" \
	"time" "mem" "bare"
row "read,validate,write" "$filter $store" "jq -c . $store"
row "change one case (--case)" "$touch_ --case 0101-2026-0004 $store" \
	"jq -c 'if .id == \"0101-2026-0004\" then .x_touched = \"yes\" else . end' $store"
row "change by pattern (--match)" "$touch_ --match 'pathway=^rare' $store" \
	"jq -c 'if (.pathway | test(\"^rare\")) and .status == \"open\" then .x_touched = \"yes\" else . end' $store"
row "parse and write, no validation" "$filter --parse-only --rewrite $store" "jq -c . $store" write
row "case-update: a meeting in one case" \
	"$update --case 0101-2026-0004 meeting --kind network --date 2026-11-20 $store" \
	"jq -c 'if .id == \"0101-2026-0004\" then .meetings += [{\"id\":\"m2\",\"date\":\"2026-11-20\",\"kind\":\"network\"}] | .events += [{\"at\":\"2026-11-22T10:00:00Z\",\"by\":\"bench\",\"tool\":\"jq\",\"op\":\"meeting\",\"item\":\"m2\"}] else . end' $store"
row "case-actors list --format csv" "$actors list --format csv $store" \
	"jq -r 'select(.status == \"open\") | . as \$c | .actors[] | [\$c.id, \$c.external_ref, .id, .role, .sector, .coordinator] | @csv' $store"
# jq cannot judge a rule set; the nearest job it can do is one rule,
# the child assessment's 4 months, written as a checklist.
judge_jq="jq -c 'if .status == \"open\" then .checklist = {as_of: \"2026-11-22\", findings: [.assessments[]? | select(.type == \"child-assessment\" and (.done | not)) | {rule: \"assessment-deadline\", due: (.aware | strptime(\"%Y-%m-%d\") | mktime + 120 * 86400 | strftime(\"%Y-%m-%d\"))}]} else . end' $store"
row "case-checklist, all rules, --jobs 1" "$checklist --jobs 1 --today 2026-11-22 $store" "$judge_jq" write
row "case-checklist, all rules, --jobs 2" "$checklist --jobs 2 --today 2026-11-22 $store" "$judge_jq" write
# The report's nearest jq job: cases open and closed per municipality,
# and the days from application to decision, in one pass.
report_jq="jq -n -c 'reduce inputs as \$c ({}; .[\$c.municipality][\$c.status] += 1 | .[\$c.municipality].days += [\$c.decisions[]? | select(.decided) | ((.decided | strptime(\"%Y-%m-%d\") | mktime) - (.applied | strptime(\"%Y-%m-%d\") | mktime)) / 86400])' $store"
row "case-report --by municipality, -j1" "$report --jobs 1 --today 2026-11-22 --by municipality --format json $store" "$report_jq"
row "case-report --by municipality, -j2" "$report --jobs 2 --today 2026-11-22 --by municipality --format json $store" "$report_jq"
echo
echo "time and mem: casekit / jq (below 1: casekit is faster or smaller)"
echo "bare: casekit's time / the bare Jansson loop's (parsing; with writing for jobs that write every record)"

#!/bin/sh
# SPDX-License-Identifier: MPL-2.0
# monthly.sh STORE DIR — the month's reports in DIR/YYYY-MM/: for team
# leaders (HTML per team), for the committee (HTML and CSV for Danish
# spreadsheets), and the partial a region may add up with others'.
set -eu
# Cron gives the C locale: UTF-8 at least. The language is the crontab's
# LANG, else the site setting language (casekit.conf(5)).
: "${LANG:=C.UTF-8}"
export LANG
store=$1
dir=$2
today=${CASEKIT_TODAY:-$(date +%F)}
month=$(printf '%s\n' "$today" | cut -c1-7)
umask 077
mkdir -p "$dir/$month"
checked=$(mktemp "$dir/$month/.checked.XXXXXX")
trap 'rm -f "$checked"' EXIT
case-checklist --today "$today" "$store" >"$checked" || {
	status=$?
	[ "$status" -eq 1 ] || exit "$status"
}
case-report --today "$today" --by team --format html "$checked" >"$dir/$month/teams.html"
case-report --today "$today" --audience committee --by team --format html \
	"$checked" >"$dir/$month/committee.html"
case-report --today "$today" --audience committee --by team --format csv \
	--delimiter ';' --bom "$checked" >"$dir/$month/committee.csv"
case-report --today "$today" --format json --partial "$dir/$month/partial.jsonl" \
	"$checked" >"$dir/$month/report.json"

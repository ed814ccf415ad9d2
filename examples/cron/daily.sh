#!/bin/sh
# SPDX-License-Identifier: MPL-2.0
# daily.sh STORE SPOOL — the morning's reminders: today's checklists of
# STORE, and one digest per coordinator in SPOOL/YYYY-MM-DD/ (made new,
# files mode 0600), for the mail system to pick up. Exits non-zero, so
# that cron mails the operator, when anything fails.
set -eu
# Cron gives the C locale: UTF-8 at least. The language is the crontab's
# LANG, else the site setting language (casekit.conf(5)).
: "${LANG:=C.UTF-8}"
export LANG
store=$1
spool=$2
today=${CASEKIT_TODAY:-$(date +%F)}
umask 077
mkdir -p "$spool"
checked=$(mktemp "$spool/.checked.XXXXXX")
trap 'rm -f "$checked"' EXIT
# Exit 1 from case-checklist means "something is overdue": not a failure.
case-checklist --today "$today" "$store" >"$checked" || {
	status=$?
	[ "$status" -eq 1 ] || exit "$status"
}
case-report --today "$today" --reminders --outdir "$spool/$today" "$checked"

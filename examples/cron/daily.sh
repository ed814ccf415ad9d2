#!/bin/sh
# SPDX-License-Identifier: MPL-2.0
# daily.sh [-n] STORE SPOOL — the morning's reminders: today's checklists
# of STORE, one message per coordinator mailed through sendmail
# (case-report --reminders --mail --sendmail; the sender is mail_from in
# casekit.conf), and every message kept, mode 0600, in SPOOL/YYYY-MM-DD/.
# -n: no mail; one text digest per coordinator in the folder instead
# (no mail_from needed), for a mail system of the site's own.
#
# It may run twice on one day (a run after a fix): the messages are made
# in a new folder, which is renamed into place once they are all made;
# the folder of an earlier run that day is kept beside it, as
# YYYY-MM-DD.HHMMSS. $CASEKIT_SENDMAIL is the command that sends
# (default: /usr/sbin/sendmail -t -oi).
#
# Exits non-zero, so that cron or systemd tells the operator, when
# anything fails; a message that could not be sent is still kept.
set -eu
send=yes
if [ "${1:-}" = -n ]; then
	send=no
	shift
fi
if [ $# -ne 2 ]; then
	echo "usage: daily.sh [-n] STORE SPOOL" >&2
	exit 2
fi
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
new=$(mktemp -d "$spool/.$today.XXXXXX")
trap 'rm -f "$checked"; rm -rf "$new"' EXIT
# Exit 1 from case-checklist means "something is overdue": not a failure.
status=0
case-checklist --today "$today" "$store" >"$checked" || status=$?
[ "$status" -le 1 ] || exit "$status"
status=0
if [ "$send" = yes ]; then
	case-report --today "$today" --reminders --mail \
		--sendmail="${CASEKIT_SENDMAIL:-/usr/sbin/sendmail -t -oi}" \
		--outdir "$new" "$checked" || status=$?
else
	case-report --today "$today" --reminders --outdir "$new" "$checked" || status=$?
fi
# A usage error or bad input made nothing worth keeping; a message that
# failed to send (2 after the messages were made) is kept with the rest.
if [ "$status" -ne 0 ] && [ -z "$(ls -A "$new")" ]; then
	exit "$status"
fi
if [ -e "$spool/$today" ]; then
	aside=$spool/$today.$(date +%H%M%S)
	n=1
	while [ -e "$aside" ]; do
		aside=$spool/$today.$(date +%H%M%S)-$n
		n=$((n + 1))
	done
	mv -T "$spool/$today" "$aside"
fi
mv -T "$new" "$spool/$today"
exit "$status"

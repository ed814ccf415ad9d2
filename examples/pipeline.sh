#!/bin/sh
# SPDX-License-Identifier: MPL-2.0
# pipeline.sh — the main job of casekit, run on the shipped examples.
# `./quickstart demo` runs it with the freshly built programs on PATH.
# Everything here is synthetic: no real child, no CPR number.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/casekit-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
store=$work/cases.jsonl
export CASEKIT_TODAY=${CASEKIT_TODAY:-2026-11-22}

pretty() {
	if command -v jq >/dev/null 2>&1; then jq -c "$@"; else cat; fi
}

echo "== 1. A case opened on concern, before any diagnosis (case-new):"
case-new --municipality 101 --pathway rare-disability \
	--team "Børnehandicap Nord" --external-ref DUBU-90001 \
	--concern 2026-11-01 --aware 2026-11-10 \
	--diagnosis-status suspected --opened 2026-11-12

echo
echo "== 2. The case system's export (Danish Excel: ';', cp1252) into a store:"
# The export's Danish column names, mapped to the fields of casekit(5).
case-new --csv "$here/intake.csv" --delimiter ';' --encoding cp1252 \
	--map 'Sagsnummer=external_ref' --map 'Barnets navn=child.name' \
	--map 'Fødselsdato=child.born' --map 'CPR-nummer=child.cpr' \
	--map 'Kommune=municipality' --map 'Team=team' --map 'Forløb=pathway' \
	--map 'Bekymring=milestones.concern' --map 'Kendskab=milestones.aware' \
	--map 'Diagnosestatus=diagnosis.status' --map 'Diagnosekoder=diagnosis.codes' \
	--map 'Diagnose=diagnosis.label' --map 'Oprettet=opened' \
	--store "$store" | tr '\n' ' '
echo
echo
echo "== 3. The store ($(wc -l <"$store") cases, mode $(stat -c %a "$store")):"
pretty '{id, external_ref, municipality, pathway, opened, diagnosis: .diagnosis.status}' "$store" | head -4
echo "   ..."

alma=0101-2026-0001
echo
echo "== 4. Everyone around the family (case-actors), for case $alma:"
case-actors -i "$store" --case "$alma" add --role caseworker --name "Mette Eksempel" \
	--org "Børn og Familie" --sector social --municipal --authority \
	--contact meek@kommune.example --since 2026-11-02
case-actors -i "$store" --case "$alma" coordinator --actor a1
case-actors -i "$store" --case "$alma" add --role hospital \
	--name "Center for Sjældne Sygdomme" --org Rigshospitalet --sector health --since 2026-11-03
case-actors -i "$store" --case "$alma" add --role school --name "Skolen ved Søen" \
	--sector education --since 2026-11-05
case-actors -i "$store" --case "$alma" consent --to a2,a3 \
	--purpose "share the assessment" --given-by parents --given 2026-11-03 --expires 2027-11-03
case-actors list --case "$alma" "$store"

echo
echo "== 5. Where knowledge on each diagnosis is (case-actors suggest):"
case-actors -i "$store" --all suggest --directory "$here/knowledge.csv"
pretty '{id, suggestions: [.suggestions[]? | "\(.name), \(.org // "-") (\(.audience))"]}' "$store" | head -2
echo "   ..."

echo
echo "== 6. Record what happened (case-update):"
case-update -i "$store" --case "$alma" meeting --kind network --date 2026-11-15 \
	--actors a1,a2,a3 --with-family
case-update -i "$store" --case "$alma" assessment --type child-assessment \
	--aware 2026-10-20 --started 2026-10-27 --by a1
case-update -i "$store" --case "$alma" decision --paragraph "BL § 32" \
	--applied 2026-11-01 --decided 2026-11-20 --outcome granted --child-heard 2026-11-18
pretty '{id, meetings, assessments, decisions}' "$store" | head -1

echo
echo "== 7. The transitions ahead (case-transition), and those due within a year:"
case-transition -i "$store" --all plan
case-transition upcoming --within 12m "$store" |
	pretty '{id, due: [.transitions[] | select(.status != "done") | "\(.kind) \(.due)"]}'

echo
echo "== 8. What is missing, overdue or due, by rule (case-checklist), for case $alma:"
# Exit 1 means something is missing or overdue: worth a caseworker's look.
jq -c --arg id "$alma" 'select(.id == $id)' "$store" | case-checklist --format text || true
echo
echo "   and the whole store, counted by basis and status:"
case-checklist "$store" | pretty -r '.checklist.findings[]? | "\(.basis) \(.status)"' |
	sort | uniq -c | sed 's/^/   /'

echo
echo "== 9. The month's report for the committee (case-report): no child, no staff,"
echo "   small counts suppressed:"
case-checklist "$store" | case-report --audience committee --format text | head -40
echo "   ..."

echo
echo "== 10. This morning's reminders, one digest per coordinator (case-report --reminders):"
case-checklist "$store" | case-report --reminders | head -12

echo
echo "== 11. One entry for the family (case-summary), in Danish:"
case-summary --for family --lang da --case "$alma" "$store" |
	sed -n '/^Hvem er hvem$/q; p'
echo "   ..."
case-summary --for family --lang da --case "$alma" "$store" |
	sed -n '/^Det er besluttet$/,/^Viden og andre familier$/p' | sed '$d'
echo "   ..."
echo
echo "   For the school, only what the parents' consent lists (plans and"
echo "   transitions), and the disclosure logged in the case (-i):"
case-actors -i "$store" --case "$alma" consent --to a3 --purpose "plan the school day" \
	--given-by parents --given 2026-11-20 --expires 2027-11-20 --scope plans,transitions
case-summary -i "$store" --for recipient --actor a3 --case "$alma" --lang da | sed -n '8,14p'
echo "   ..."
# The page a parent reads, on a phone or printed on A4.
case-summary --for family --lang da --format html --case "$alma" "$store" >"$work/familie.html"
echo "   the family's page: $(wc -c <"$work/familie.html") bytes of self-contained HTML"

echo
echo "== 12. The audit trail of case $alma:"
jq -r --arg id "$alma" 'select(.id == $id) | .events[] | "\(.at) \(.by) \(.tool) \(.op) \(.item // .actor // "")"' "$store" 2>/dev/null ||
	grep -c . "$store"

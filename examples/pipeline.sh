#!/bin/sh
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
pretty '{id, external_ref, municipality, team, pathway, opened, diagnosis: .diagnosis.status}' "$store"

#!/bin/sh
# SPDX-License-Identifier: MPL-2.0
# gen.sh N — N synthetic case records (JSON lines) on standard output,
# shaped like a real store: actors, decisions, meetings, events. No real
# names, no identity numbers.
n=${1:-100000}
awk -v n="$n" 'BEGIN {
	split("rare-disability disability prenatal-exposure", paths, " ")
	split("0101 0147 0751 0461", munis, " ")
	for (i = 1; i <= n; i++) {
		m = munis[i % 4 + 1]; p = paths[i % 3 + 1]
		y = 2010 + i % 15; mo = sprintf("%02d", i % 12 + 1); d = sprintf("%02d", i % 28 + 1)
		printf "{\"format\":\"casekit/1\",\"id\":\"%s-2026-%04d\",\"external_ref\":\"DUBU-%d\",", m, i, 100000 + i
		printf "\"opened\":\"2026-%s-%s\",\"status\":\"%s\",\"municipality\":\"%s\",", mo, d, (i % 10 == 0 ? "closed\",\"closed\":\"2026-12-01\",\"closed_reason\":\"moved" : "open"), m
		printf "\"team\":\"Team %d\",\"pathway\":\"%s\",\"child\":{\"name\":\"Barn %d\",\"born\":\"%d-%s-%s\"},", i % 7, p, i, y, mo, d
		printf "\"diagnosis\":{\"status\":\"confirmed\",\"codes\":[\"ORPHA:%d\"],\"label\":\"Syndrom %d\"},", 700 + i % 50, i % 50
		printf "\"milestones\":{\"concern\":\"2026-01-%s\",\"aware\":\"2026-02-%s\"},", d, d
		printf "\"assessments\":[{\"id\":\"s1\",\"type\":\"child-assessment\",\"aware\":\"2026-02-%s\",\"started\":\"2026-03-%s\",\"by\":\"a1\"}],", d, d
		printf "\"decisions\":[{\"id\":\"d1\",\"paragraph\":\"BL § 32\",\"applied\":\"2026-03-%s\",\"decided\":\"2026-04-%s\",\"outcome\":\"granted\",\"child_heard\":\"2026-04-01\"}],", d, d
		printf "\"actors\":[{\"id\":\"a1\",\"role\":\"caseworker\",\"name\":\"Sagsbehandler %d\",\"sector\":\"social\",\"municipal\":true,\"authority\":true,\"coordinator\":true,\"contact\":\"sb%d@kommune.example\",\"since\":\"2026-01-%s\"},", i % 40, i % 40, d
		printf "{\"id\":\"a2\",\"role\":\"hospital\",\"name\":\"Hospital\",\"sector\":\"health\",\"municipal\":false,\"since\":\"2026-02-%s\"}],", d
		printf "\"meetings\":[{\"id\":\"m1\",\"date\":\"2026-05-%s\",\"kind\":\"network\",\"actors\":[\"a1\",\"a2\"],\"with_family\":true}],", d
		printf "\"events\":[{\"at\":\"2026-01-%sT09:00:00Z\",\"by\":\"sb%d\",\"tool\":\"case-new\",\"op\":\"new\"}]}\n", d, i % 40
	}
}'

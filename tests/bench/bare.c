/* SPDX-License-Identifier: MPL-2.0 */
/* bare — the floor casekit is measured against in make bench: the plain
 * Jansson loop over a JSON-lines file, each line parsed (duplicate keys
 * rejected, as casekit's reader does) and freed, nothing checked. With
 * --write, each record is also written back compactly, as a program that
 * changes every record must.
 *
 *   bare [--write] FILE */
#include <config.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main(int argc, char **argv)
{
	int write = argc > 1 && strcmp(argv[1], "--write") == 0;
	FILE *in = fopen(argv[argc - 1], "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long records = 0;

	if (argc < 2 || in == NULL) {
		fprintf(stderr, "usage: bare [--write] FILE\n");
		return 2;
	}
	while ((n = getline(&line, &cap, in)) > 0) {
		json_t *json = json_loadb(line, (size_t)n, JSON_REJECT_DUPLICATES, NULL);

		if (json == NULL)
			continue;
		records++;
		if (write && (json_dumpf(json, stdout, JSON_COMPACT) != 0 || putchar('\n') == EOF))
			return 2;
		json_decref(json);
	}
	free(line);
	fclose(in);
	fprintf(stderr, "bare: %ld records\n", records);
	return fflush(stdout) == 0 ? 0 : 2;
}

/* SPDX-License-Identifier: MPL-2.0 */
/* lifecycle.c — a case's life as case-update records it, through a
 * change (change.c): a field set or removed by its path, the child's
 * identity (and the birth date it gives, derived in one place), the
 * case closed and reopened, and whether a closed case may be purged. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "casekit.h"
#include "i18n.h"
#include "internal.h"

json_t *
value_at_path(json_t *object, const char *path)
{
	char key[128];

	for (;;) {
		size_t n = strcspn(path, ".");

		if (!json_is_object(object) || n >= sizeof key)
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		object = json_object_get(object, key);
		if (path[n] == '\0')
			return object;
		path += n + 1;
	}
}

/* Removes the value at PATH; an object left empty on the way goes too. */
static bool
remove_at(json_t *object, const char *path)
{
	size_t n = strcspn(path, ".");
	char key[128];
	json_t *child;
	bool removed;

	if (!json_is_object(object) || n >= sizeof key)
		return false;
	memcpy(key, path, n);
	key[n] = '\0';
	if (path[n] == '\0')
		return json_object_del(object, key) == 0;
	child = json_object_get(object, key);
	removed = remove_at(child, path + n + 1);
	if (removed && json_is_object(child) && json_object_size(child) == 0)
		json_object_del(object, key);
	return removed;
}

bool
ck_case_born_from_identity(json_t *record)
{
	json_t *child = json_object_get(record, "child");
	const char *cpr = json_string_value(json_object_get(child, "cpr"));
	const char *pnr = json_string_value(json_object_get(child, "personnummer"));
	char text[CK_DATE_SIZE];
	ck_date born;

	if (!json_is_object(child) || json_object_get(child, "born") != NULL)
		return false;
	if ((cpr != NULL && ck_cpr_parse(cpr, &born, NULL)) ||
	    (pnr != NULL && ck_personnummer_parse(pnr, &born)))
		return ck_record_set(record, "child.born", json_string(ck_date_format(born, text)));
	return false;
}

bool
ck_case_set_path(ck_change *c, const char *path, const json_t *value, ck_problem *p)
{
	json_t *record = ck_change_case(c), *current = value_at_path(record, path);

	p->field[0] = p->message[0] = '\0';
	if (value == NULL) {
		if (current != NULL && remove_at(record, path))
			ck_change_note(c, path);
		return true;
	}
	if (current != NULL && json_equal(current, value))
		return true;
	if (!ck_record_set(record, path, json_incref((json_t *)value))) {
		ck_problem_set(p, path, "%s", _("a step of this path is not an object"));
		return false;
	}
	ck_change_note(c, path);
	return true;
}

bool
ck_case_set_identity(ck_change *c, const char *cpr, const char *personnummer, ck_problem *p)
{
	const struct {
		const char *path;
		const char *value;
	} numbers[] = {
		{ "child.cpr", cpr },
		{ "child.personnummer", personnummer },
	};
	json_t *record = ck_change_case(c);
	size_t i, before = ck_change_count(c);

	p->field[0] = p->message[0] = '\0';
	for (i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
		json_t *current = value_at_path(record, numbers[i].path), *value;

		if (numbers[i].value == NULL)
			continue;
		value = json_string(numbers[i].value);
		oom_unless(value != NULL);
		if (current != NULL && json_equal(current, value)) {
			json_decref(value);
			continue;
		}
		if (!ck_record_set(record, numbers[i].path, value)) {
			ck_problem_set(p, "child", "%s", _("not an object"));
			return false;
		}
		ck_change_note(c, numbers[i].path);
	}
	/* Without a birth date the number gives it, as at intake; with one
	 * they must agree, which validation checks. */
	if (ck_change_count(c) > before && ck_case_born_from_identity(record))
		ck_change_note(c, "child.born");
	return true;
}

bool
ck_case_close(ck_change *c, const char *reason, ck_date date, ck_problem *p)
{
	char text[CK_DATE_SIZE];
	json_t *record = ck_change_case(c);

	p->field[0] = p->message[0] = '\0';
	/* A closed case stays as it was closed: reopen it to change it. */
	if (!ck_case_is_open(record))
		return true;
	ck_change_set(c, record, "", "status", json_string("closed"));
	ck_change_set(c, record, "", "closed", json_string(ck_date_format(date, text)));
	ck_change_set(c, record, "", "closed_reason", json_string(reason));
	return true;
}

bool
ck_case_reopen(ck_change *c, ck_problem *p)
{
	json_t *record = ck_change_case(c);

	p->field[0] = p->message[0] = '\0';
	if (ck_case_is_open(record))
		return true;
	ck_change_set(c, record, "", "status", json_string("open"));
	ck_change_remove(c, record, "closed");
	ck_change_remove(c, record, "closed_reason");
	return true;
}

bool
ck_case_purgeable(const json_t *record, ck_date closed_before)
{
	const char *closed = json_string_value(json_object_get(record, "closed"));
	ck_date date;

	return !ck_case_is_open(record) && closed != NULL && ck_date_parse(closed, &date) &&
	       date < closed_before;
}

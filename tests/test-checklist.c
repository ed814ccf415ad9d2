/* test-checklist.c — judging cases by rules (to be written). */
#include <config.h>

#include "casekit.h"
#include "tap.h"

int
main(void)
{
	ck_init("test-checklist");
	ok(1, "placeholder");
	return done_testing();
}

/* case-update — placeholder */
#include <config.h>

#include "casekit.h"

int
main(int argc, char **argv)
{
	(void)argc;
	ck_init(argv[0]);
	return CK_EXIT_TROUBLE;
}

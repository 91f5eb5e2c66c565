// Exchange.c: renameat2(RENAME_EXCHANGE) through syscall(), which glibc has always had (its
// renameat2 wrapper only since 2.28).
#define _GNU_SOURCE
#include "CDepechesRename.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

/* renameat2's flag that swaps its two paths (linux/fs.h), for headers that lack it. */
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int cdepeches_exchange_paths(const char *a, const char *b) {
#ifdef SYS_renameat2
  if (syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0) return 0;
  return errno;
#else
  (void)a;
  (void)b;
  return ENOSYS;
#endif
}

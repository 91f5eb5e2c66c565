/*
 * CDepechesRename: Linux's atomic exchange of two paths, used by the compactor to swap a
 * compacted copy in for a live index.
 */
#ifndef CDEPECHES_RENAME_H
#define CDEPECHES_RENAME_H

#ifdef __cplusplus
extern "C" {
#endif

/** Swaps the files or folders at paths a and b in one step (renameat2 with RENAME_EXCHANGE),
 *  so that readers never see a moment where neither exists. Returns 0, or the errno of the
 *  failure: EINVAL, ENOSYS or ENOTSUP when the kernel or file system cannot exchange (the
 *  caller then falls back to three renames).
 *  Why a shim: glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc module is
 *  not built with, and syscall() is variadic, which Swift cannot call. */
int cdepeches_exchange_paths(const char *a, const char *b);

#ifdef __cplusplus
}
#endif

#endif /* CDEPECHES_RENAME_H */

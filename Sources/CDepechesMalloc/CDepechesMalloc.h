/*
 * CDepechesMalloc: glibc's <malloc.h>, for malloc_trim (Swift's Glibc module leaves it out).
 *
 * Why it exists: a module map needs a header it can name. Elsewhere than glibc the header
 * declares nothing and FreedMemory does nothing.
 */
#ifndef CDEPECHES_MALLOC_H
#define CDEPECHES_MALLOC_H

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

#endif /* CDEPECHES_MALLOC_H */

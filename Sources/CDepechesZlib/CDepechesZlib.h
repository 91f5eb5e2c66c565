/*
 * CDepechesZlib: the system's zlib, for the compression of the stored text.
 *
 * Why it exists: a module map needs a header it can name, and zlib.h lives wherever the
 * system keeps it; this one includes it from the usual search path. There is no shim
 * function: zlib's C API is called from Swift as it is. Its init macros (deflateInit2,
 * inflateInit2) cannot be imported, so Swift calls the functions they expand to
 * (deflateInit2_, inflateInit2_) with ZLIB_VERSION and sizeof(z_stream), as the macros do.
 */
#ifndef CDEPECHES_ZLIB_H
#define CDEPECHES_ZLIB_H

#include <zlib.h>

#endif /* CDEPECHES_ZLIB_H */

// Compression.cpp: zlib for the stored text (written as a value, which Xapian keeps as is).
#include "Shim.hpp"

#include <zlib.h>

using namespace cxshim;

namespace {

/// Longest text accepted back from a stored stream (a guard against corrupt lengths).
constexpr uint32_t max_inflated_bytes = 1u << 30;
/// zlib's fastest level: about three times the speed of the default for a tenth more bytes.
constexpr int deflate_level = 1;
/// Raw deflate (no zlib header or checksum: Xapian checks its own blocks), 32 KB window.
constexpr int window_bits = -15;
/// zlib's default memory level for the match finder.
constexpr int memory_level = 8;

void fail_corrupt(const char *what) { throw Xapian::DatabaseCorruptError(what); }

// One deflate stream per thread, reset between texts (initialising one costs more than
// compressing a short dispatch).
struct DeflateStream {
  z_stream z{};
  bool ready = false;
  z_stream &get() {
    if (!ready) {
      if (deflateInit2(&z, deflate_level, Z_DEFLATED, window_bits, memory_level,
                       Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::bad_alloc();
      ready = true;
    } else {
      deflateReset(&z);
    }
    return z;
  }
  ~DeflateStream() {
    if (ready) deflateEnd(&z);
  }
};

thread_local DeflateStream deflate_stream;

}  // namespace

extern "C" {

int cx_deflate(const char *bytes, size_t len, cx_buffer *out, cx_error *error) {
  return guarded(error, [&] {
    if (len > max_inflated_bytes) throw Xapian::InvalidArgumentError("text too long to store");
    z_stream &z = deflate_stream.get();
    std::string packed;
    put_u32(packed, static_cast<uint32_t>(len));
    packed.resize(4 + deflateBound(&z, len));
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes));
    z.avail_in = static_cast<uInt>(len);
    z.next_out = reinterpret_cast<Bytef *>(&packed[4]);
    z.avail_out = static_cast<uInt>(packed.size() - 4);
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate failed");
    packed.resize(4 + z.total_out);
    fill(out, packed);
  });
}

int cx_inflate(const char *bytes, size_t len, cx_buffer *out, cx_error *error) {
  return guarded(error, [&] {
    if (len < 4) fail_corrupt("stored text is truncated");
    uint32_t expected;
    std::memcpy(&expected, bytes, 4);
    if (expected > max_inflated_bytes) fail_corrupt("stored text has an impossible length");
    // One spare byte, so that a stream longer than announced is caught, not cut.
    std::string text(expected + 1, '\0');
    z_stream z{};
    if (inflateInit2(&z, window_bits) != Z_OK) throw std::bad_alloc();
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes + 4));
    z.avail_in = static_cast<uInt>(len - 4);
    z.next_out = reinterpret_cast<Bytef *>(&text[0]);
    z.avail_out = expected + 1;
    int status = inflate(&z, Z_FINISH);
    bool whole = status == Z_STREAM_END && z.total_out == expected && z.avail_in == 0;
    inflateEnd(&z);
    if (!whole) fail_corrupt("stored text does not decompress");
    text.resize(expected);
    fill(out, text);
  });
}

}  // extern "C"

// Bytes to UTF-8: the encodings Chinese reports come in, detected or named by the user.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gklint {

struct DecodedText {
  std::string text;                   // UTF-8, any BOM removed
  std::string encoding;               // as shown to the user: "UTF-8", "GB18030", "Big5", "UTF-16LE"…
  std::optional<uint32_t> first_bad;  // offset in `text` of the U+FFFD that replaced the first bad byte
  size_t bad_count = 0;               // bytes or sequences that were not valid in `encoding`
  size_t char_count = 0;              // code points decoded
  size_t implausible = 0;             // of them, characters no Chinese report is made of (kana, PUA…)
  bool guessed = false;               // GB18030 or Big5 chosen by the heuristics, not by a BOM, a name or UTF-8
};

// Detects the encoding unless `forced` names one: a BOM (UTF-8, UTF-16LE/BE, UTF-32LE/BE), then
// valid UTF-8, then for a page its <meta charset>, then whichever of GB18030 and Big5 decodes the
// bytes with the fewest errors and the most plausible characters. Bytes that are not valid in the
// chosen encoding become U+FFFD.
DecodedText decode_bytes(std::string bytes, const std::string& forced, bool html);

}  // namespace gklint

// The normalized view of a Source, used only for matching; offsets map back to the Source.
//
// Each code point goes through one table (built from ICU at build time): NFKC (full-width digits,
// letters and brackets become ASCII; ㈠ becomes (一)), Traditional -> Simplified, and unified
// dashes and quotes. Runs of blanks (space, U+3000, NBSP, zero-width) become one ' '; CR LF and CR
// become '\n'; tabs stay (they separate table cells). Pinyin annotations that broken script
// converters inject after a Han character, such as 數(shù)據(jù), are dropped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gklint/diagnostic.hpp"

namespace gklint {

class View {
 public:
  // `valid`: the text is known to be valid UTF-8 (a decoded Source), so it is not checked again;
  // otherwise invalid bytes become U+FFFD.
  static View build(std::string_view source_text, bool valid = false);

  const std::string& text() const { return text_; }
  // Byte offset in the Source of the character that produced view byte `offset` (offset may be
  // text().size(), which maps to the end of the Source text).
  uint32_t source_offset(uint32_t offset) const;
  Span source_span(uint32_t begin, uint32_t end) const;
  // The first view offset whose source offset is at or after `source` (source offsets never
  // decrease along the view): where a Source position falls in the view.
  uint32_t view_offset(uint32_t source) const;

 private:
  // The map from view to Source offsets, sparse: most characters come out as long as they went
  // in (CJK, ASCII, Traditional to Simplified), so a run of them keeps one difference between
  // the two offsets; a character that changes length (（ to (, a collapsed blank, CR LF) is a run
  // of its own, all of whose bytes map to where it starts.
  struct Run {
    uint32_t view = 0, source = 0;  // where it starts
    bool same_length = false;       // a run of characters as long in the view as in the Source
  };
  // The source offset of view byte k inside runs_[r].
  uint32_t in_run(size_t r, uint32_t k) const;
  // The last source offset of runs_[r] (of its last character).
  uint32_t last_of(size_t r) const;
  std::string text_;
  std::vector<Run> runs_;  // by view offset (and by source offset)
  // For each block of kBlock view bytes, the run its first byte is in: source_offset looks from
  // there (a few runs a block) instead of searching them all.
  static constexpr uint32_t kBlockBits = 6;
  std::vector<uint32_t> block_run_;
  uint32_t source_size_ = 0;
};

// The same normalization for a label or alias from a rule file, with blanks removed:
// the form in which titles are compared.
std::string normalize_label(std::string_view text);
// Removes blanks from already-normalized text.
std::string strip_blanks(std::string_view normalized);

}  // namespace gklint

#include "input/decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gklint/input.hpp"
#include "gklint/utf8.hpp"

namespace gklint {

namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  Converter c(ucnv_open(name.c_str(), &err));
  if (U_FAILURE(err)) return nullptr;
  return c;
}

// Counts the bytes a converter cannot decode and writes U+FFFD for each, remembering where the
// first one landed in the output.
struct ErrorCount {
  const UChar* target_start = nullptr;
  size_t count = 0;
  int64_t first = -1;  // UTF-16 index in the output
};

void U_CALLCONV count_errors(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                             UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to replace
  auto* c = static_cast<ErrorCount*>(const_cast<void*>(context));
  ++c->count;
  if (c->first < 0) c->first = args->target - c->target_start;
  *err = U_ZERO_ERROR;
  const UChar replacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, err);
}

// Characters a report in the wrong encoding is full of and a real one hardly has: kana, Greek,
// Cyrillic, box drawing, bopomofo, rare ideograph blocks, private use. Text decoded with the wrong
// one of GB18030 and Big5 is still valid, but lands there (Big5's commonest characters sit where
// GBK keeps kana and Greek).
bool implausible(char32_t cp) {
  if (cp < 0x80) return cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f';
  if (cp >= 0x4E00 && cp <= 0x9FFF) return false;  // CJK unified ideographs
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFF00 && cp <= 0xFFEF) return false;  // full-width forms
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // general punctuation
  if (cp >= 0x2460 && cp <= 0x24FF) return false;  // ①
  if (cp >= 0x2160 && cp <= 0x217F) return false;  // Ⅰ
  if (cp >= 0x25A0 && cp <= 0x25FF) return false;  // ■ ○ ★
  if (cp == 0xA0 || cp == 0xB7 || cp == 0xD7 || cp == 0xF7 || cp == 0xB0 || cp == 0xA7) return false;
  if ((cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF)) return false;  // pinyin: ā á ǎ à ü
  return true;
}

struct Candidate {
  DecodedText out;
  size_t multibyte = 0;  // UTF-8 only: valid sequences of two or more bytes
};

// UTF-16 to UTF-8, with the first error's UTF-16 index turned into a byte offset.
void append_utf8(const std::vector<UChar>& u, size_t n, int64_t first_error, Candidate* c) {
  std::string& s = c->out.text;
  s.reserve(n * 3 / 2);
  for (size_t i = 0; i < n; ++i) {
    if (static_cast<int64_t>(i) == first_error) c->out.first_bad = static_cast<uint32_t>(s.size());
    char32_t cp = u[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (u[i + 1] - 0xDC00);
      ++i;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;  // a lone surrogate (from UTF-16 input): not a character
    }
    utf8_append(s, cp);
    ++c->out.char_count;
    if (implausible(cp)) ++c->out.implausible;
  }
}

Candidate decode_with(const std::string& name, std::string_view bytes, const std::string& shown) {
  Candidate c;
  c.out.encoding = shown;
  Converter cnv = open_converter(name);
  if (!cnv) return c;
  std::vector<UChar> u(bytes.size() + 16);
  ErrorCount errors;
  errors.target_start = u.data();
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv.get(), count_errors, &errors, nullptr, nullptr, &err);
  UChar* target = u.data();
  const char* source = bytes.data();
  ucnv_toUnicode(cnv.get(), &target, u.data() + u.size(), &source, bytes.data() + bytes.size(), nullptr, true, &err);
  c.out.bad_count = errors.count;
  append_utf8(u, static_cast<size_t>(target - u.data()), errors.first, &c);
  return c;
}

// UTF-8 with each invalid byte replaced, as the rest of gklint counts them (one per byte).
Candidate decode_utf8(std::string_view bytes, const std::string& shown) {
  Candidate c;
  c.out.encoding = shown;
  std::string& s = c.out.text;
  s.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    const int len = utf8_sequence_length(bytes, i);
    if (len == 0) {
      if (!c.out.first_bad) c.out.first_bad = static_cast<uint32_t>(s.size());
      ++c.out.bad_count;
      ++c.out.implausible;
      s += "\xEF\xBF\xBD";
      ++i;
    } else {
      size_t j = i;
      if (implausible(utf8_next_valid(bytes, j))) ++c.out.implausible;
      if (len > 1) ++c.multibyte;
      s.append(bytes.substr(i, len));
      i += len;
    }
    ++c.out.char_count;
  }
  return c;
}

// Whether every byte is part of a valid UTF-8 sequence (no overlong forms, surrogates or values
// past U+10FFFF). Every report goes through here, so it is written for speed: ASCII eight bytes at
// a time, and the sequences inline.
bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  const auto cont = [&](size_t k) { return k < n && (p[k] & 0xC0) == 0x80; };
  while (i < n) {
    if (p[i] < 0x80) {
      uint64_t word = 0;
      while (i + 8 <= n && (std::memcpy(&word, p + i, 8), (word & 0x8080808080808080ULL) == 0)) i += 8;
      while (i < n && p[i] < 0x80) ++i;
      continue;
    }
    const unsigned char c = p[i];
    if (c >= 0xC2 && c <= 0xDF) {
      if (!cont(i + 1)) return false;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (!cont(i + 1) || !cont(i + 2)) return false;
      if ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] >= 0xA0)) return false;  // overlong; surrogate
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return false;
      if ((c == 0xF0 && p[i + 1] < 0x90) || (c == 0xF4 && p[i + 1] >= 0x90)) return false;  // overlong; > U+10FFFF
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& ch : r) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return r;
}

// The charset a page declares in its first 4 KB: <meta charset="gb2312"> or the http-equiv form.
std::string meta_charset(std::string_view bytes) {
  const std::string head = lower(bytes.substr(0, 4096));
  for (size_t at = head.find("charset"); at != std::string::npos; at = head.find("charset", at + 7)) {
    size_t p = at + 7;
    while (p < head.size() && (head[p] == ' ' || head[p] == '\t')) ++p;
    if (p >= head.size() || head[p] != '=') continue;
    ++p;
    while (p < head.size() && (head[p] == ' ' || head[p] == '"' || head[p] == '\'')) ++p;
    size_t e = p;
    while (e < head.size() && (std::isalnum(static_cast<unsigned char>(head[e])) || head[e] == '-' || head[e] == '_'))
      ++e;
    if (e > p) return head.substr(p, e - p);
  }
  return "";
}

// GB2312 and GBK pages are decoded as GB18030, their superset (what browsers do).
std::string converter_for(const std::string& label, std::string* shown) {
  const std::string l = lower(label);
  if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "cp936" || l == "gb18030" || l == "euc-cn") {
    *shown = "GB18030";
    return "GB18030";
  }
  if (l == "big5" || l == "big5-hkscs" || l == "cp950" || l == "x-x-big5") {
    *shown = "Big5";
    return l == "big5-hkscs" ? "Big5-HKSCS" : "Big5";
  }
  *shown = label;
  return label;
}

// ICU's statistical guess, as a tie-breaker between GB18030 and Big5 (0–100).
int detector_confidence(std::string_view bytes, const char* name) {
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  if (U_FAILURE(err)) return 0;
  const auto n = static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20));
  ucsdet_setText(det, bytes.data(), n, &err);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det, &found, &err);
  int confidence = 0;
  for (int32_t i = 0; U_SUCCESS(err) && i < found; ++i) {
    const char* m = ucsdet_getName(matches[i], &err);
    if (m && lower(m) == lower(name))
      confidence = std::max(confidence, static_cast<int>(ucsdet_getConfidence(matches[i], &err)));
  }
  ucsdet_close(det);
  return confidence;
}

}  // namespace

bool encoding_known(const std::string& name) {
  std::string shown;
  return open_converter(converter_for(name, &shown)) != nullptr;
}

std::optional<std::string> encode_text(std::string_view utf8, const std::string& encoding) {
  std::string label = encoding;
  if (label.ends_with(" (BOM)")) label.resize(label.size() - 6);
  std::string shown;
  const std::string name = converter_for(label, &shown);
  if (lower(name) == "utf-8" || lower(name) == "utf8") {
    if (!valid_utf8(utf8)) return std::nullopt;
    return std::string(utf8);
  }
  Converter cnv = open_converter(name);
  if (!cnv) return std::nullopt;
  UErrorCode err = U_ZERO_ERROR;
  // A character the encoding lacks stops the conversion rather than becoming a substitute.
  ucnv_setFromUCallBack(cnv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::u16string u;
  u.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    const char32_t c = utf8_next(utf8, i);
    if (c >= 0x10000) {
      u += static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10));
      u += static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      u += static_cast<char16_t>(c);
    }
  }
  if (u.size() > (size_t{1} << 28)) return std::nullopt;
  std::string out(u.size() * 4 + 16, '\0');
  const int32_t n = ucnv_fromUChars(cnv.get(), out.data(), static_cast<int32_t>(out.size()), u.data(),
                                    static_cast<int32_t>(u.size()), &err);
  if (U_FAILURE(err)) return std::nullopt;
  out.resize(static_cast<size_t>(n));
  return out;
}

DecodedText decode_bytes(std::string bytes, const std::string& forced, bool html) {
  const std::string_view b(bytes);
  // A byte order mark says it all (UTF-32 is checked first: its LE mark starts like UTF-16's).
  if (b.starts_with("\xEF\xBB\xBF")) return decode_utf8(b.substr(3), "UTF-8 (BOM)").out;
  if (b.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return decode_with("UTF-32LE", b.substr(4), "UTF-32LE").out;
  if (b.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return decode_with("UTF-32BE", b.substr(4), "UTF-32BE").out;
  if (b.starts_with("\xFF\xFE")) return decode_with("UTF-16LE", b.substr(2), "UTF-16LE").out;
  if (b.starts_with("\xFE\xFF")) return decode_with("UTF-16BE", b.substr(2), "UTF-16BE").out;

  // Named UTF-8 (the language server names its buffers so) is read as found UTF-8 is.
  bool forced_utf8 = false;
  if (!forced.empty()) {
    std::string shown;
    const std::string name = converter_for(forced, &shown);
    forced_utf8 = lower(name) == "utf-8" || lower(name) == "utf8";
    if (!forced_utf8) return decode_with(name, b, shown).out;
  }
  if (valid_utf8(b)) {
    // The common case, kept a move: no copy, no per-character work.
    DecodedText d;
    d.encoding = "UTF-8";
    d.text = std::move(bytes);
    return d;
  }
  if (forced_utf8) return decode_utf8(b, "UTF-8").out;
  if (html) {
    std::string shown;
    const std::string name = converter_for(meta_charset(b), &shown);
    if (!name.empty() && lower(name) != "utf-8" && open_converter(name)) {
      Candidate c = decode_with(name, b, shown);
      if (c.out.bad_count == 0) return c.out;
    }
  }

  // Mostly UTF-8, with a few bad bytes (a file cut short, one stray byte): GB18030 or Big5 text
  // hardly ever forms valid UTF-8 sequences, so as many valid ones as bad bytes says UTF-8.
  Candidate utf8 = decode_utf8(b, "UTF-8");
  if (utf8.multibyte >= utf8.out.bad_count) return std::move(utf8.out);

  // Otherwise GB18030 or Big5: fewest errors, then fewest implausible characters (short texts give
  // a statistical detector little to go on, but a wrong reading is full of kana, Greek and
  // private-use characters), then ICU's detector. A bad byte costs five implausible characters.
  std::vector<Candidate> candidates;
  candidates.push_back(decode_with("GB18030", b, "GB18030"));
  candidates.push_back(decode_with("Big5", b, "Big5"));
  // Hong Kong's extension of Big5 (pinyin tone letters, HK characters), which plain Big5 decodes as
  // errors or private-use characters. On plain Big5 text it ties, and the first candidate stays.
  if (candidates.back().out.bad_count > 0 || candidates.back().out.implausible > 0) {
    candidates.push_back(decode_with("Big5-HKSCS", b, "Big5-HKSCS"));
  }
  const auto score = [](const Candidate& c) {
    return 5.0 * static_cast<double>(c.out.bad_count) + static_cast<double>(c.out.implausible);
  };
  const auto better = [&](const Candidate& a, const Candidate& c) {
    if (score(a) != score(c)) return score(a) < score(c);
    const auto name = [](const Candidate& x) { return x.out.encoding.starts_with("Big5") ? "Big5" : "GB18030"; };
    return detector_confidence(b, name(a)) > detector_confidence(b, name(c));
  };
  size_t best = 0;
  for (size_t i = 1; i < candidates.size(); ++i) {
    if (better(candidates[i], candidates[best])) best = i;
  }
  candidates[best].out.guessed = true;
  return std::move(candidates[best].out);
}

}  // namespace gklint

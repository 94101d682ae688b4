// Synthetic corpus generator for benchmarking and accuracy-testing gklint.
//
// generate_report() turns a 64-bit seed into one plain-text 政府信息公开工作年度报告
// that looks like the real ones (title line, 统计期限 sentence, 一、/（一）/1. headings,
// prose, pipe tables for the 2019/2021 formats), optionally with known defects whose exact
// line numbers are returned so a harness can score the linter against them.
//
// Only the C++ standard library is used, and nothing depends on the platform's
// distribution implementations: the same seed yields the same bytes everywhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gklint::bench {

enum class Regime { gov2007, gov2019, gov2021 };

// One injected defect. `line` is 1-based in GeneratedReport::text.
// `rule` is one of: section.missing, section.order, heading.numbering, year.mismatch.
// `detail` is human-readable (simplified Chinese / ASCII, never tabs or newlines);
// harnesses should match on (file, line, rule) and treat detail as a comment.
struct Defect {
    std::string rule;
    int line;
    std::string detail;
};

struct GeneratedReport {
    std::string text;  // UTF-8, '\n' line ends, ends with '\n'
    Regime regime;
    int year;
    std::vector<Defect> defects;  // sorted by line
    bool traditional = false;     // whole text converted to traditional script
};

struct GenOptions {
    double defect_rate = 0.0;       // probability of each defect kind, independently
    bool allow_traditional = true;  // ~20% of reports in traditional script when true
};

GeneratedReport generate_report(uint64_t seed, Regime regime, const GenOptions& opt);

// "gov-2007", "gov-2019", "gov-2021" (the rule-set names used in REGULATION.md).
const char* regime_name(Regime r);

// Accepts "2007", "gov2007" or "gov-2007" (and the same for 2019/2021).
std::optional<Regime> parse_regime(std::string_view s);

// Character-by-character simplified→traditional conversion with the generator's
// embedded map. Line structure and ASCII are preserved, so line numbers do not move.
std::string to_traditional(std::string_view simplified);

// Self-check of the embedded map: generates `samples` simplified reports per regime
// (all defect kinds on) and returns every CJK ideograph they contain that is neither a
// key of the simplified→traditional map nor listed as identical in both scripts.
// Empty result = the map covers the generator's whole vocabulary.
std::vector<std::string> unclassified_characters(int samples = 400);

// Deterministic per-file seed derivation (SplitMix64 finaliser), shared by tools so
// that file i of a corpus can be regenerated on its own.
uint64_t mix_seed(uint64_t seed, uint64_t index);

}  // namespace gklint::bench

// gklint-gen: writes a synthetic corpus of annual reports plus a truth file of the
// defects injected into them. See README.md in this folder.

#include "generator.hpp"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;
using gklint::bench::Regime;

namespace {

constexpr const char* kUsage =
    "usage: gklint-gen --out DIR --count N [--seed S] [--defect-rate R]\n"
    "                  [--regimes 2007,2019,2021] [--no-traditional]\n"
    "                  [--table-layout pipe|markdown|tab|aligned|cell_per_line|random|crawl]\n"
    "                  [--table-error-rate R] [--unfilled-rate R] [--dropped-cell-rate R]\n"
    "                  [--content-defect-rate R] [--content-sentences]\n"
    "       gklint-gen --out DIR --count N --series YEARS [--seed S] [--defect-rate R]\n"
    "                  [--reuse-share R]\n"
    "       gklint-gen --self-check\n"
    "Writes DIR/00000.txt ... and DIR/truth.tsv (file, line, rule, detail).\n"
    "With any --table-* or --unfilled-rate option also DIR/tables.tsv (file, line, column,\n"
    "rule, row_label, column_label) and DIR/layouts.tsv (file, layout).\n"
    "--tables is another name for --table-layout. With crawl (whole reports as one-line crawled\n"
    "pages) truth.tsv has a column field after line, and tables.tsv ends with table and inferred.\n"
    "--dropped-cell-rate applies to crawl only.\n"
    "--content-sentences writes the content sentences (a total with its parts, a percentage, the\n"
    "count of applications received), all correct; --content-defect-rate R writes them too and\n"
    "makes each kind of content defect with probability R (text.sum, text.percent, text.table,\n"
    "period.missing, text.duplicate, text.garbled), listed in truth.tsv with the others.\n"
    "Regimes are assigned round-robin in the order given; file i uses seed mix(S, i).\n"
    "--series YEARS writes N series instead: DIR/s00000/2021.txt … one folder per agency, one\n"
    "file per year (YEARS of them, 2 to 6, within 2020-2025), DIR/series.tsv (folder, agency,\n"
    "first year, last year) and DIR/truth.tsv (file, line, column, rule, detail) with the cross\n"
    "findings each report gives against the one before (--previous, --pair-years): cross.carry,\n"
    "cross.stock, cross.jump, cross.reuse, cross.identical, each kind injected with probability\n"
    "--defect-rate per report after the first. --reuse-share is the share of sentences copied\n"
    "from last year's report when no reuse is injected (default 0.2, kept below the threshold).\n"
    "--self-check verifies that the simplified->traditional map covers the vocabulary.\n";

[[noreturn]] void bad(const std::string& msg) {
  std::cerr << "gklint-gen: " << msg << "\n" << kUsage;
  std::exit(2);
}

template <class T>
T parse_int(std::string_view opt, std::string_view v) {
  T x{};
  const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || p != v.data() + v.size())
    bad(std::string(opt) + ": not a valid integer: '" + std::string(v) + "'");
  return x;
}

double parse_rate(std::string_view opt, std::string_view v) {
  // std::from_chars for double is available in GCC 11+, but strtod keeps this portable.
  const std::string s(v);
  char* end = nullptr;
  const double r = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || !(r >= 0.0 && r <= 1.0))
    bad(std::string(opt) + ": expected a number in [0, 1], got '" + s + "'");
  return r;
}

std::vector<Regime> parse_regimes(std::string_view v) {
  std::vector<Regime> out;
  while (true) {
    const size_t comma = v.find(',');
    const std::string_view item = v.substr(0, comma);
    const auto r = gklint::bench::parse_regime(item);
    if (!r) bad("--regimes: unknown regime '" + std::string(item) + "' (use 2007, 2019, 2021)");
    out.push_back(*r);
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return out;
}

int self_check() {
  const auto missing = gklint::bench::unclassified_characters();
  if (missing.empty()) {
    std::cerr << "gklint-gen: self-check ok: every ideograph of the vocabulary is classified\n";
    return 0;
  }
  std::cerr << "gklint-gen: self-check FAILED: " << missing.size()
            << " ideograph(s) neither in the simplified->traditional map nor in the same-in-both list:\n";
  for (const auto& c : missing) std::cerr << c;
  std::cerr << "\n";
  return 1;
}

// --series: one folder per agency, one file per year, and the cross findings to expect.
int write_series(const fs::path& dir, int64_t count, uint64_t seed, int years, double defect_rate, double reuse_share) {
  std::ofstream truth(dir / "truth.tsv", std::ios::binary);
  truth << "file\tline\tcolumn\trule\tdetail\n";
  std::ofstream manifest(dir / "series.tsv", std::ios::binary);
  manifest << "folder\tagency\tfirst\tlast\n";
  gklint::bench::SeriesOptions so;
  so.years = years;
  so.defect_rate = defect_rate;
  so.reuse_share = reuse_share;
  uint64_t files = 0, bytes = 0, findings = 0;
  for (int64_t i = 0; i < count; ++i) {
    char folder[32];
    std::snprintf(folder, sizeof folder, "s%05lld", static_cast<long long>(i));
    const auto s = gklint::bench::generate_series(gklint::bench::mix_seed(seed, static_cast<uint64_t>(i)), so);
    std::error_code ec;
    fs::create_directories(dir / folder, ec);
    for (const auto& rep : s.reports) {
      const std::string name = std::string(folder) + "/" + std::to_string(rep.year) + ".txt";
      std::ofstream f(dir / name, std::ios::binary);
      f.write(rep.text.data(), static_cast<std::streamsize>(rep.text.size()));
      if (!f) {
        std::cerr << "gklint-gen: write failed: " << (dir / name).string() << "\n";
        return 2;
      }
      ++files;
      bytes += rep.text.size();
      for (const auto& d : rep.defects) {
        truth << name << '\t' << d.line << '\t' << d.column << '\t' << d.rule << '\t' << d.detail << '\n';
        ++findings;
      }
    }
    manifest << folder << '\t' << s.agency << '\t' << s.reports.front().year << '\t' << s.reports.back().year << '\n';
  }
  truth.flush();
  manifest.flush();
  if (!truth || !manifest) {
    std::cerr << "gklint-gen: write failed: " << (dir / (!truth ? "truth.tsv" : "series.tsv")).string() << "\n";
    return 2;
  }
  std::fprintf(stderr, "gklint-gen: %lld series, %llu files, %llu bytes, %llu cross findings -> %s\n",
               static_cast<long long>(count), static_cast<unsigned long long>(files),
               static_cast<unsigned long long>(bytes), static_cast<unsigned long long>(findings), dir.string().c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_dir;
  int64_t count = -1;
  uint64_t seed = 1;
  gklint::bench::GenOptions opt;
  std::vector<Regime> regimes = {Regime::gov2007, Regime::gov2019, Regime::gov2021};
  bool table_opts = false;  // any table option given: write tables.tsv and layouts.tsv
  int series_years = 0;     // --series: write series of this many years instead
  double reuse_share = 0.2;
  bool regimes_given = false;

  // Accepts both "--opt value" and "--opt=value".
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    std::string_view val;
    bool has_val = false;
    if (const size_t eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string_view::npos) {
      val = a.substr(eq + 1);
      a = a.substr(0, eq);
      has_val = true;
    }
    auto value = [&]() -> std::string_view {
      if (has_val) return val;
      if (i + 1 >= argc) bad(std::string(a) + " needs a value");
      return argv[++i];
    };
    if (a == "--out")
      out_dir = std::string(value());
    else if (a == "--count")
      count = parse_int<int64_t>(a, value());
    else if (a == "--seed")
      seed = parse_int<uint64_t>(a, value());
    else if (a == "--defect-rate")
      opt.defect_rate = parse_rate(a, value());
    else if (a == "--content-defect-rate")
      opt.content_defect_rate = parse_rate(a, value());
    else if (a == "--content-sentences" && !has_val)
      opt.content_sentences = true;
    else if (a == "--table-layout" || a == "--tables") {
      const std::string_view v = value();
      const auto l = gklint::bench::parse_table_layout(v);
      if (!l) bad(std::string(a) + ": unknown layout '" + std::string(v) + "'");
      opt.table_layout = *l;
      table_opts = true;
    } else if (a == "--table-error-rate") {
      opt.table_error_rate = parse_rate(a, value());
      table_opts = true;
    } else if (a == "--unfilled-rate") {
      opt.unfilled_rate = parse_rate(a, value());
      table_opts = true;
    } else if (a == "--dropped-cell-rate") {
      opt.dropped_cell_rate = parse_rate(a, value());
      table_opts = true;
    } else if (a == "--series") {
      series_years = parse_int<int>(a, value());
      if (series_years < 2 || series_years > 6) bad("--series: a series has 2 to 6 years");
    } else if (a == "--reuse-share") {
      reuse_share = parse_rate(a, value());
    } else if (a == "--regimes") {
      regimes = parse_regimes(value());
      regimes_given = true;
    } else if (a == "--no-traditional" && !has_val)
      opt.allow_traditional = false;
    else if (a == "--self-check" && !has_val)
      return self_check();
    else if ((a == "--help" || a == "-h") && !has_val) {
      std::cout << kUsage;
      return 0;
    } else
      bad("unknown argument '" + std::string(argv[i]) + "'");
  }
  if (out_dir.empty()) bad("--out is required");
  if (count < 1) bad("--count is required and must be >= 1");

  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec || !fs::is_directory(out_dir)) {
    std::cerr << "gklint-gen: cannot create directory '" << out_dir << "': " << ec.message() << "\n";
    return 2;
  }

  // A series is written in one way (pipe tables, simplified script, cross defects only).
  if (series_years > 0 &&
      (table_opts || opt.content_sentences || opt.content_defect_rate > 0 || !opt.allow_traditional || regimes_given))
    bad("--series takes --seed, --defect-rate and --reuse-share only");
  if (series_years > 0) return write_series(fs::path(out_dir), count, seed, series_years, opt.defect_rate, reuse_share);
  // A crawled page is one line: positions need the column too. The other layouts keep the
  // files' old shape byte for byte.
  const bool crawl = opt.table_layout == gklint::bench::TableLayout::crawl;
  const fs::path dir(out_dir);
  std::ofstream truth(dir / "truth.tsv", std::ios::binary);
  truth << (crawl ? "file\tline\tcolumn\trule\tdetail\n" : "file\tline\trule\tdetail\n");
  std::ofstream tables, layouts;
  if (table_opts) {
    tables.open(dir / "tables.tsv", std::ios::binary);
    tables << (crawl ? "file\tline\tcolumn\trule\trow_label\tcolumn_label\ttable\tinferred\n"
                     : "file\tline\tcolumn\trule\trow_label\tcolumn_label\n");
    layouts.open(dir / "layouts.tsv", std::ios::binary);
    layouts << "file\tlayout\n";
  }
  uint64_t bytes = 0, defects = 0, traditional = 0, table_findings = 0;
  std::map<std::string, uint64_t> layout_count;  // ordered: the summary is deterministic
  for (int64_t i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%05lld.txt", static_cast<long long>(i));
    const Regime reg = regimes[static_cast<size_t>(i) % regimes.size()];
    const auto rep = gklint::bench::generate_report(gklint::bench::mix_seed(seed, static_cast<uint64_t>(i)), reg, opt);
    std::ofstream f(dir / name, std::ios::binary);
    f.write(rep.text.data(), static_cast<std::streamsize>(rep.text.size()));
    if (!f) {
      std::cerr << "gklint-gen: write failed: " << (dir / name).string() << "\n";
      return 2;
    }
    bytes += rep.text.size();
    traditional += rep.traditional;
    for (const auto& d : rep.defects) {
      truth << name << '\t' << d.line << '\t';
      if (crawl) truth << d.column << '\t';
      truth << d.rule << '\t' << d.detail << '\n';
      ++defects;
    }
    if (table_opts) {
      if (reg != Regime::gov2007) {
        const char* lname = gklint::bench::table_layout_name(rep.table_layout);
        layouts << name << '\t' << lname << '\n';
        ++layout_count[lname];
      } else {
        layouts << name << "\t-\n";  // no tables in the 2007 format
      }
      for (const auto& tf : rep.table_findings) {
        tables << name << '\t' << tf.line << '\t' << tf.column << '\t' << tf.rule << '\t' << tf.row_label << '\t'
               << tf.column_label;
        if (crawl) tables << '\t' << tf.table << '\t' << (tf.inferred ? "yes" : "no");
        tables << '\n';
        ++table_findings;
      }
    }
  }
  truth.flush();
  if (!truth) {
    std::cerr << "gklint-gen: write failed: " << (dir / "truth.tsv").string() << "\n";
    return 2;
  }
  if (table_opts) {
    tables.flush();
    layouts.flush();
    if (!tables || !layouts) {
      std::cerr << "gklint-gen: write failed: " << (dir / (!tables ? "tables.tsv" : "layouts.tsv")).string() << "\n";
      return 2;
    }
  }
  // Leftovers of an earlier, larger run in the same directory would silently join the
  // corpus; say so rather than delete files we did not write in this run.
  char next[32];
  std::snprintf(next, sizeof next, "%05lld.txt", static_cast<long long>(count));
  if (fs::exists(dir / next))
    std::cerr << "gklint-gen: warning: " << (dir / next).string() << " and maybe more are left from an earlier run\n";

  std::fprintf(stderr, "gklint-gen: %lld files, %llu bytes (avg %.1f KB), %llu defects, %llu traditional -> %s\n",
               static_cast<long long>(count), static_cast<unsigned long long>(bytes),
               static_cast<double>(bytes) / static_cast<double>(count) / 1024.0,
               static_cast<unsigned long long>(defects), static_cast<unsigned long long>(traditional), out_dir.c_str());
  if (table_opts) {
    std::string per_layout;
    for (const auto& [l, n] : layout_count) per_layout += " " + l + "=" + std::to_string(n);
    std::fprintf(stderr, "gklint-gen: %llu table findings (tables.tsv); layouts:%s\n",
                 static_cast<unsigned long long>(table_findings), per_layout.c_str());
  }
  return 0;
}

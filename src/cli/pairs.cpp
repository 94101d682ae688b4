#include "cli/pairs.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

#include "gklint/read.hpp"
#include "gklint/utf8.hpp"
#include "gklint/view.hpp"

namespace gklint {

std::vector<ReportId> identify_reports(const std::vector<const Linter*>& linters, const std::vector<std::string>& paths,
                                       int jobs, bool prints) {
  std::vector<ReportId> ids(paths.size());
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t i = next++; i < paths.size(); i = next++) {
      ReportId& id = ids[i];
      id.path = paths[i];
      std::string bytes;
      // Standard input can be read once: it is linted, never paired.
      id.readable =
          paths[i] != "-" && !read_input(paths[i], &bytes) &&
          linters[i]->identify(paths[i], std::move(bytes), &id.agency, &id.year, prints ? &id.prints : nullptr);
    }
  };
  std::vector<std::thread> threads;
  const int n = std::max(1, std::min<int>(jobs, static_cast<int>(paths.size())));
  for (int t = 1; t < n; ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  return ids;
}

std::string agency_key(std::string_view agency) {
  const std::string normalized = normalize_label(agency);
  std::string key;
  for (size_t i = 0; i < normalized.size();) {
    const size_t at = i;
    const char32_t c = utf8_next(normalized, i);
    // Letters, digits and Chinese characters name the agency; brackets, dots and dashes do not.
    const bool ascii_word = c < 0x80 && std::isalnum(static_cast<int>(c));
    const bool han = c >= 0x3400 && c <= 0x9FFF;
    if (ascii_word || han) key.append(normalized, at, i - at);
  }
  return key;
}

namespace {

// What reports are grouped by: the agency, and for a short name that names no one place (公安局,
// 司法局: every county has one) also the folder, so two counties' reports are never taken for one
// agency's.
std::string group_of(const ReportId& r) {
  constexpr size_t kPlaceChars = 5;
  std::string key = agency_key(r.agency);
  if (utf8_code_points(key) >= kPlaceChars) return key;
  return std::filesystem::path(r.path).parent_path().string() + '\n' + key;
}

}  // namespace

ConfiguredPairs configured_pairs(const std::vector<std::string>& paths,
                                 const std::function<const Config*(const std::string&)>& config_of) {
  ConfiguredPairs c;
  c.previous.assign(paths.size(), -1);
  c.missing.assign(paths.size(), "");
  std::map<std::string, size_t> index;  // absolute, normal path -> report
  std::vector<std::string> absolute(paths.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    std::error_code ec;
    absolute[i] = std::filesystem::absolute(paths[i], ec).lexically_normal().string();
    index.emplace(absolute[i], i);
  }
  for (size_t i = 0; i < paths.size(); ++i) {
    const Config* config = paths[i] == "-" ? nullptr : config_of(paths[i]);
    if (!config) continue;
    for (const Config::Pair& pair : config->pairs) {
      if (pair.current != absolute[i]) continue;
      const auto at = index.find(pair.previous);
      if (at == index.end()) {
        c.missing[i] = pair.previous;
      } else {
        c.previous[i] = static_cast<int>(at->second);
        c.missing[i].clear();
      }
    }
  }
  return c;
}

ConfiguredSums configured_sums(const std::vector<std::string>& paths,
                               const std::function<const Config*(const std::string&)>& config_of) {
  ConfiguredSums c;
  c.parts.assign(paths.size(), {});
  c.missing.assign(paths.size(), {});
  // Per config: each report's path below its folder, and those paths indexed, worked out once for
  // all its totals. A part named without a wildcard is looked up rather than matched against every
  // report, so a province's config naming thousands of parts stays linear.
  struct Below {
    std::vector<std::string> path;
    std::unordered_map<std::string, size_t> index;
  };
  std::map<const Config*, Below> relative;
  for (size_t i = 0; i < paths.size(); ++i) {
    const Config* config = paths[i] == "-" ? nullptr : config_of(paths[i]);
    if (!config || config->sums.empty()) continue;
    std::error_code ec;
    const std::string absolute = std::filesystem::absolute(paths[i], ec).lexically_normal().string();
    const auto sum = std::find_if(config->sums.begin(), config->sums.end(),
                                  [&](const Config::Sum& s) { return s.total == absolute; });
    if (sum == config->sums.end()) continue;
    ++c.totals;
    Below& below = relative[config];
    if (below.path.empty()) {
      for (size_t j = 0; j < paths.size(); ++j) {
        below.path.push_back(paths[j] == "-" ? "" : config_relative_path(*config, paths[j]));
        if (!below.path.back().empty()) below.index.emplace(below.path.back(), j);
      }
    }
    std::set<int> parts;
    for (const std::string& glob : sum->parts) {
      bool matched = false;
      if (glob.find_first_of("*?[\\") == std::string::npos) {
        const auto at = below.index.find(glob);
        matched = at != below.index.end() && at->second != i;
        if (matched) parts.insert(static_cast<int>(at->second));
      } else {
        for (size_t j = 0; j < paths.size(); ++j) {
          if (j == i || !config_path_matches(glob, below.path[j])) continue;
          parts.insert(static_cast<int>(j));
          matched = true;
        }
      }
      if (!matched) c.missing[i].push_back(glob);
    }
    c.parts[i].assign(parts.begin(), parts.end());
  }
  return c;
}

Pairing pair_years(const std::vector<ReportId>& reports, Lang lang, const ConfiguredPairs* configured) {
  const bool en = lang == Lang::en;
  Pairing p;
  p.previous.assign(reports.size(), -1);
  p.why.assign(reports.size(), "");
  p.configured.assign(reports.size(), false);
  // agency key -> year -> the reports of that agency and year
  std::map<std::string, std::map<int, std::vector<size_t>>> by_agency;
  for (size_t i = 0; i < reports.size(); ++i) {
    const ReportId& r = reports[i];
    if (!r.readable) {
      p.why[i] = en ? "not read" : "无法读取";
    } else if (r.year == 0) {
      p.why[i] = en ? "no report year found" : "没有读出报告年度";
    } else if (agency_key(r.agency).empty()) {
      p.why[i] = en ? "no agency found in the title or before it" : "标题中（或标题前）没有读出机关名称";
    } else {
      by_agency[group_of(r)][r.year].push_back(i);
    }
  }
  // The pairs named by hand replace what the agencies and years would give.
  for (size_t i = 0; configured && i < reports.size(); ++i) {
    if (configured->previous[i] >= 0) {
      p.previous[i] = configured->previous[i];
      p.configured[i] = true;
      p.why[i].clear();
    } else if (!configured->missing[i].empty()) {
      p.why[i] = en ? ".gklint.yaml pairs it with " + configured->missing[i] + ", which is not in this batch"
                    : ".gklint.yaml 指定的上一年度报告 " + configured->missing[i] + " 不在本次检查的文件中";
      p.configured[i] = true;  // not paired by agency either
    }
  }
  for (const auto& [agency, years] : by_agency) {
    for (const auto& [year, these] : years) {
      const auto before = years.find(year - 1);
      const std::string last = std::to_string(year - 1);
      for (size_t i : these) {
        if (p.configured[i]) continue;
        if (these.size() > 1) {
          p.why[i] = en ? std::to_string(these.size()) + " reports of this agency for " + std::to_string(year)
                        : "本机关 " + std::to_string(year) + " 年度有 " + std::to_string(these.size()) + " 份报告";
        } else if (before == years.end()) {
          p.why[i] = en ? "no report of this agency for " + last : "没有本机关 " + last + " 年度的报告";
        } else if (before->second.size() > 1) {
          p.why[i] = en ? std::to_string(before->second.size()) + " reports of this agency for " + last
                        : "本机关 " + last + " 年度有 " + std::to_string(before->second.size()) + " 份报告";
        } else {
          p.previous[i] = static_cast<int>(before->second.front());
        }
      }
    }
  }
  return p;
}

std::vector<int> find_copies(const std::vector<ReportId>& reports) {
  std::vector<int> best(reports.size(), -1);
  std::vector<std::string> keys(reports.size());
  std::unordered_map<uint64_t, std::vector<size_t>> holders;  // sentence -> the reports holding it, once each
  for (size_t i = 0; i < reports.size(); ++i) {
    const ReportId& r = reports[i];
    keys[i] = agency_key(r.agency);
    if (!r.readable || r.year == 0 || keys[i].empty()) continue;
    std::vector<uint64_t> prints = r.prints;
    std::sort(prints.begin(), prints.end());
    prints.erase(std::unique(prints.begin(), prints.end()), prints.end());
    for (uint64_t h : prints) {
      std::vector<size_t>& list = holders[h];
      if (list.size() <= kCommonSentence) list.push_back(i);
    }
  }
  std::vector<std::unordered_map<size_t, size_t>> shared(reports.size());  // report -> other -> sentences shared
  for (const auto& [print, list] : holders) {
    if (list.size() < 2 || list.size() > kCommonSentence) continue;
    for (size_t a : list) {
      for (size_t b : list) {
        if (a != b && reports[a].year == reports[b].year && keys[a] != keys[b]) ++shared[a][b];
      }
    }
  }
  for (size_t i = 0; i < reports.size(); ++i) {
    size_t most = 0;
    for (const auto& [other, count] : shared[i]) {
      if (count > most || (count == most && static_cast<int>(other) < best[i])) {
        most = count;
        best[i] = static_cast<int>(other);
      }
    }
  }
  return best;
}

}  // namespace gklint

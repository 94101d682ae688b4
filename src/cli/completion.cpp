// Shell completion scripts written from the CLI11 definition of the command line (completion.hpp).
// The App is read into a small model first (commands, their options and positionals, what each
// value is), then each shell's writer prints the model in that shell's own completion language.
#include "cli/completion.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <ostream>
#include <vector>

namespace gklint {

const char* const kCompletionSummary =
    "write a shell completion script (bash, zsh or fish) made from gklint's own options\n"
    "(gklint completion bash > ~/.local/share/bash-completion/completions/gklint)";

namespace {

// What completes an option's value or a positional argument.
enum class Value {
  none,     // a flag: no value
  free,     // a number, a glob, a name: nothing to offer
  choices,  // one of a list (--format's)
  file,     // a path
  dir,      // a folder
};

struct Arg {
  std::vector<std::string> shorts;  // "j", without the dash
  std::vector<std::string> longs;   // "jobs", without the dashes
  std::string name;                 // a positional's name ("paths")
  std::string type;                 // what CLI11 calls the value: FILE, INT, TEXT
  std::string help;                 // the description's first line, shortened
  Value value = Value::none;
  std::vector<std::string> choices;
  bool repeatable = false;  // may be given many times (--include), or takes many words (paths)
  bool required = false;
};

struct Command {
  std::string name;  // empty: gklint itself
  std::string help;
  std::vector<Arg> options;
  std::vector<Arg> positionals;
};

// A description's first line, at most about 100 bytes, cut between UTF-8 characters.
std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  constexpr size_t kMax = 100;
  if (line.size() <= kMax) return line;
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "…";
}

// CLI11's type name is the value's name then each check's description: "TEXT:{text,json,gcc}",
// "INT:INT in [1990 - 2100]", "ID|FILE", "DIR:DIR". A set in braces is the list of choices.
Arg read_arg(const CLI::Option& opt) {
  Arg a;
  a.shorts = opt.get_snames();
  a.longs = opt.get_lnames();
  a.name = opt.get_positional() ? opt.get_name(true, false) : "";
  a.help = first_line(opt.get_description());
  a.required = opt.get_required();
  a.repeatable = opt.get_items_expected_max() > 1;
  const std::string full = opt.get_type_name();
  a.type = full.substr(0, full.find(':'));
  if (opt.get_expected_max() == 0) return a;  // a flag
  if (const size_t open = full.find(":{"); open != std::string::npos && full.find('}', open) != std::string::npos) {
    const std::string list = full.substr(open + 2, full.find('}', open) - open - 2);
    for (size_t start = 0; start <= list.size();) {
      const size_t comma = std::min(list.find(',', start), list.size());
      if (comma > start) a.choices.push_back(list.substr(start, comma - start));
      start = comma + 1;
    }
    a.value = Value::choices;
  } else if (a.type.find("DIR") != std::string::npos) {
    a.value = Value::dir;
  } else if (a.type == "INT" || a.type == "UINT" || a.type == "FLOAT" || a.type == "NUMBER" || a.type == "GLOB" ||
             a.type == "NAME") {
    a.value = Value::free;
  } else {
    a.value = Value::file;  // FILE, ID|FILE, and a positional's TEXT (reports, rule files)
  }
  return a;
}

Command read_command(const CLI::App& app) {
  Command c;
  c.name = app.get_name();
  c.help = first_line(app.get_description());
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;  // hidden
    Arg a = read_arg(*opt);
    (opt->nonpositional() ? c.options : c.positionals).push_back(std::move(a));
  }
  return c;
}

// gklint itself first, then its subcommands in the order --help lists them.
std::vector<Command> read_commands(const CLI::App& app) {
  std::vector<Command> out{read_command(app)};
  out.front().name.clear();
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (!sub->get_name().empty() && !sub->get_group().empty()) out.push_back(read_command(*sub));
  }
  return out;
}

std::string join(const std::vector<std::string>& words, const std::string& separator = " ") {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += separator;
    out += w;
  }
  return out;
}

// Every spelling of an option: -j --jobs.
std::vector<std::string> spellings(const Arg& a) {
  std::vector<std::string> out;
  for (const std::string& s : a.shorts) out.push_back(std::string("-") + s);
  for (const std::string& l : a.longs) out.push_back(std::string("--") + l);
  return out;
}

// Text inside single quotes: ' ends them, so it is written '\''.
std::string single_quoted(const std::string& text) {
  std::string out = "'";
  for (char ch : text) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

// --- bash ------------------------------------------------------------------------------------------
void write_bash(const std::vector<Command>& commands, std::ostream& out) {
  std::vector<std::string> names;
  for (const Command& c : commands) {
    if (!c.name.empty()) names.push_back(c.name);
  }
  // The root's options that take a value: a word after one of them is that value, not a subcommand.
  std::vector<std::string> valued;
  for (const Arg& a : commands.front().options) {
    if (a.value != Value::none) {
      for (const std::string& s : spellings(a)) valued.push_back(s);
    }
  }
  out << "# bash completion for gklint, written by `gklint completion bash` from gklint's own options.\n"
         "# Installed as share/bash-completion/completions/gklint, or: source <(gklint completion bash)\n"
         "_gklint_words() { mapfile -t -O \"${#COMPREPLY[@]}\" COMPREPLY < <(compgen -W \"$1\" -- \"$cur\"); }\n"
         "_gklint_files() {\n"
         "  compopt -o filenames 2>/dev/null\n"
         "  mapfile -t -O \"${#COMPREPLY[@]}\" COMPREPLY < <(compgen -f -- \"$cur\")\n"
         "}\n"
         "_gklint_dirs() {\n"
         "  compopt -o filenames 2>/dev/null\n"
         "  mapfile -t -O \"${#COMPREPLY[@]}\" COMPREPLY < <(compgen -d -- \"$cur\")\n"
         "}\n"
         "_gklint() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd='' positional=0 i w\n"
         "  COMPREPLY=()\n"
         "  # --format=json: bash splits the word at '='.\n"
         "  if [[ $cur == = ]]; then cur=; elif [[ $prev == = ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    w=${COMP_WORDS[i]}\n"
         "    case $w in\n"
         "      -*) continue ;;\n"
         "    esac\n"
         "    case ${COMP_WORDS[i-1]} in\n"
      << "      " << (valued.empty() ? "''" : join(valued, "|")) << ") continue ;;\n"
      << "    esac\n"
         "    case $w in\n"
      << "      " << join(names, "|") << ") cmd=$w; break ;;\n"
      << "      *) positional=1; break ;;\n"
         "    esac\n"
         "  done\n"
         "  case \"$cmd $prev\" in\n";
  for (const Command& c : commands) {
    for (const Arg& a : c.options) {
      if (a.value == Value::none) continue;
      std::string patterns;
      for (const std::string& s : spellings(a)) {
        if (!patterns.empty()) patterns += '|';
        patterns += single_quoted(c.name + " " + s);
      }
      out << "    " << patterns << ") ";
      switch (a.value) {
        case Value::choices: out << "_gklint_words " << single_quoted(join(a.choices)) << "; return ;;\n"; break;
        case Value::file: out << "_gklint_files; return ;;\n"; break;
        case Value::dir: out << "_gklint_dirs; return ;;\n"; break;
        default: out << "return ;;\n"; break;
      }
    }
  }
  out << "  esac\n"
         "  case $cmd in\n";
  for (const Command& c : commands) {
    std::vector<std::string> opts;
    for (const Arg& a : c.options) {
      for (const std::string& s : spellings(a)) opts.push_back(s);
    }
    out << "    " << single_quoted(c.name) << ")\n"
        << "      if [[ $cur == -* ]]; then _gklint_words " << single_quoted(join(opts)) << "; return; fi\n";
    if (c.name.empty()) out << "      ((positional)) || _gklint_words " << single_quoted(join(names)) << "\n";
    const Arg* pos = c.positionals.empty() ? nullptr : &c.positionals.front();
    if (pos && pos->value == Value::choices)
      out << "      _gklint_words " << single_quoted(join(pos->choices)) << "\n";
    else if (pos && pos->value == Value::dir)
      out << "      _gklint_dirs\n";
    else if (pos)
      out << "      _gklint_files\n";
    out << "      ;;\n";
  }
  out << "  esac\n"
         "}\n"
         "complete -F _gklint gklint\n";
}

// --- zsh -------------------------------------------------------------------------------------------
// A description inside _arguments' [brackets] or a message between colons: \ [ ] : escaped.
std::string zsh_escaped(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '\\' || ch == '[' || ch == ']' || ch == ':') out += '\\';
    out += ch;
  }
  return out;
}

std::string zsh_action(const Arg& a) {
  switch (a.value) {
    case Value::choices: return std::string("(") + join(a.choices) + ")";
    case Value::file: return "_files";
    case Value::dir: return "_files -/";
    default: return " ";
  }
}

// _arguments' specs of a command's options and positionals, one quoted word each.
std::vector<std::string> zsh_specs(const Command& c) {
  std::vector<std::string> specs;
  for (const Arg& a : c.options) {
    const std::vector<std::string> names = spellings(a);
    // Two spellings of one option exclude each other; a repeatable option excludes nothing.
    const std::string exclude = a.repeatable ? "*" : names.size() > 1 ? std::string("(") + join(names) + ")" : "";
    for (const std::string& name : names) {
      std::string spec = exclude + name;
      if (a.value != Value::none) spec += name.size() == 2 ? "+" : "=";  // -j N, -jN; --year N, --year=N
      spec += std::string("[") + zsh_escaped(a.help) + "]";
      if (a.value != Value::none) spec += std::string(":") + zsh_escaped(a.type) + ":" + zsh_action(a);
      specs.push_back(single_quoted(spec));
    }
  }
  for (const Arg& a : c.positionals) {
    const std::string position = a.repeatable ? "*" : a.required ? "" : ":";
    specs.push_back(single_quoted(position + ":" + zsh_escaped(a.name) + ":" + zsh_action(a)));
  }
  return specs;
}

void write_zsh(const std::vector<Command>& commands, std::ostream& out) {
  out << "#compdef gklint\n"
         "# zsh completion for gklint, written by `gklint completion zsh` from gklint's own options.\n"
         "# Installed as share/zsh/vendor-completions/_gklint, or any _gklint in $fpath.\n"
         "_gklint() {\n"
         "  local curcontext=$curcontext state state_descr line ret=1\n"
         "  typeset -A opt_args\n"
         "  local -a commands=(\n";
  for (const Command& c : commands) {
    if (!c.name.empty()) out << "    " << single_quoted(c.name + ":" + c.help) << "\n";
  }
  out << "  )\n"
         "  local -a root=(\n";
  Command root_options = commands.front();
  root_options.positionals.clear();
  for (const std::string& spec : zsh_specs(root_options)) out << "    " << spec << "\n";
  out << "  )\n"
         "  _arguments -C -s -A '-*' $root '1: :->first' '*:: :->rest' && ret=0\n"
         "  case $state in\n"
         "    first)\n"
         "      _alternative 'commands:subcommand:_describe -t commands subcommand commands' "
         "'files:report:_files' && ret=0\n"
         "      ;;\n"
         "    rest)\n"
         "      curcontext=${curcontext%:*:*}:gklint-$words[1]:\n"
         "      case $words[1] in\n";
  for (const Command& c : commands) {
    if (c.name.empty()) continue;
    out << "        " << c.name << ")\n          _arguments -s";
    for (const std::string& spec : zsh_specs(c)) out << " \\\n            " << spec;
    out << " && ret=0\n          ;;\n";
  }
  out << "        *)\n"
         "          _arguments -s $root '*:report:_files' && ret=0\n"
         "          ;;\n"
         "      esac\n"
         "      ;;\n"
         "  esac\n"
         "  return ret\n"
         "}\n"
         "if [ \"$funcstack[1]\" = _gklint ]; then _gklint \"$@\"; else compdef _gklint gklint; fi\n";
}

// --- fish ------------------------------------------------------------------------------------------
std::string fish_quoted(const std::string& text) {
  std::string out = "'";
  for (char ch : text) {
    if (ch == '\\' || ch == '\'') out += '\\';
    out += ch;
  }
  return out + "'";
}

void write_fish(const std::vector<Command>& commands, std::ostream& out) {
  std::vector<std::string> names;
  for (const Command& c : commands) {
    if (!c.name.empty()) names.push_back(c.name);
  }
  out << "# fish completion for gklint, written by `gklint completion fish` from gklint's own options.\n"
         "# Installed as share/fish/vendor_completions.d/gklint.fish.\n"
         "complete -c gklint -e\n";
  for (const Command& c : commands) {
    const std::string condition = c.name.empty() ? std::string("not __fish_seen_subcommand_from ") + join(names)
                                                 : std::string("__fish_seen_subcommand_from ") + c.name;
    const std::string head = std::string("complete -c gklint -n ") + fish_quoted(condition);
    if (c.name.empty()) {
      for (const Command& sub : commands) {
        if (!sub.name.empty())
          out << "complete -c gklint -n __fish_use_subcommand -a " << sub.name << " -d " << fish_quoted(sub.help)
              << "\n";
      }
    }
    for (const Arg& a : c.options) {
      out << head;
      for (const std::string& s : a.shorts) out << " -s " << s;
      for (const std::string& l : a.longs) out << " -l " << l;
      switch (a.value) {
        case Value::none: break;
        case Value::choices: out << " -x -a " << fish_quoted(join(a.choices)); break;
        case Value::file: out << " -r -F"; break;
        case Value::dir: out << " -x -a '(__fish_complete_directories)'"; break;
        case Value::free: out << " -x"; break;
      }
      out << " -d " << fish_quoted(a.help) << "\n";
    }
    // A positional with choices offers them alone; one taking paths leaves fish's own file completion.
    for (const Arg& a : c.positionals) {
      if (a.value == Value::choices) out << head << " -f -a " << fish_quoted(join(a.choices)) << "\n";
    }
  }
}

}  // namespace

bool write_completion(const CLI::App& app, const std::string& shell, std::ostream& out) {
  const std::vector<Command> commands = read_commands(app);
  if (shell == "bash")
    write_bash(commands, out);
  else if (shell == "zsh")
    write_zsh(commands, out);
  else if (shell == "fish")
    write_fish(commands, out);
  else
    return false;
  return true;
}

void add_completion_arguments(CLI::App& cmd) {
  cmd.add_option("shell", "the shell to complete gklint in")->check(CLI::IsMember({"bash", "zsh", "fish"}))->required();
}

int run_completion_command(const CLI::App& app) {
  const std::vector<const CLI::App*> cmd =
      app.get_subcommands([](const CLI::App* sub) { return sub->get_name() == "completion"; });
  const CLI::Option* shell = cmd.empty() ? nullptr : cmd.front()->get_option_no_throw("shell");
  if (!shell || !write_completion(app, shell->as<std::string>(), std::cout)) return 2;
  return 0;
}

}  // namespace gklint

package bkops.cli.docs;

import bkops.cli.Cli;
import bkops.cli.OutputFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bash and zsh completion scripts generated from the command classes: every command, option and enumerated value,
 * plus live template/task/periodic ids read from a small cache that `bkops __complete KIND` fills in the background:
 * completion never waits for a JVM, and gives nothing for ids until the cache exists.
 */
public final class Completions {
    private Completions() {}

    public static String bash(CommandLine root) {
        Map<String, CommandSpec> cmds = CommandTree.commands(root);
        StringBuilder sb = new StringBuilder();
        sb.append("# bash completion for bkops -- generated from the command classes by 'bkops completion bash'; do not edit.\n")
          .append("# Install: source this file from ~/.bashrc, or copy it to ~/.local/share/bash-completion/completions/bkops\n\n");
        table(sb, "_bkops_subcommands", cmds, (path, spec) -> String.join(" ", CommandTree.subcommandNames(spec)));
        table(sb, "_bkops_options", cmds, (path, spec) -> String.join(" ", optionNames(path, spec, false)));
        table(sb, "_bkops_valued", cmds, (path, spec) -> String.join(" ", optionNames(path, spec, true)));
        values(sb, cmds, false);
        positionals(sb, cmds, false);
        sb.append(LIVE_BASH).append(MAIN_BASH);
        return sb.toString();
    }

    public static String zsh(CommandLine root) {
        Map<String, CommandSpec> cmds = CommandTree.commands(root);
        StringBuilder sb = new StringBuilder();
        sb.append("#compdef bkops\n")
          .append("# zsh completion for bkops -- generated from the command classes by 'bkops completion zsh'; do not edit.\n")
          .append("# Install: copy to a directory on $fpath as _bkops (e.g. ~/.local/share/zsh/site-functions/_bkops),\n")
          .append("# then run compinit; or source it after compinit.\n\n");
        lines(sb, "_bkops_subcommands", cmds, (path, spec) -> {
            List<String> out = new ArrayList<>();
            for (String n : CommandTree.subcommandNames(spec)) {
                out.add(n + ":" + CommandTree.summary(spec.subcommands().get(n).getCommandSpec()));
            }
            return out;
        });
        lines(sb, "_bkops_options", cmds, (path, spec) -> {
            List<String> out = new ArrayList<>();
            for (OptionSpec o : own(path, spec)) {
                for (String n : o.names()) {
                    out.add(n + ":" + CommandTree.describe(o));
                }
            }
            return out;
        });
        table(sb, "_bkops_subnames", cmds, (path, spec) -> String.join(" ", CommandTree.subcommandNames(spec)));
        table(sb, "_bkops_valued", cmds, (path, spec) -> String.join(" ", optionNames(path, spec, true)));
        values(sb, cmds, true);
        positionals(sb, cmds, true);
        sb.append(LIVE_ZSH).append(MAIN_ZSH);
        return sb.toString();
    }

    /** A command's own options; the global (inherited) ones are listed once, under the root, and added by the script. */
    private static List<OptionSpec> own(String path, CommandSpec spec) {
        return CommandTree.options(spec).stream()
                .filter(o -> path.isEmpty() || !(o.inherited() || o.usageHelp() || o.versionHelp())).toList();
    }

    private static List<String> optionNames(String path, CommandSpec spec, boolean valuedOnly) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : own(path, spec)) {
            if (!valuedOnly || CommandTree.takesValue(o)) {
                names.addAll(List.of(o.names()));
            }
        }
        return names;
    }

    private interface Row {
        String of(String path, CommandSpec spec);
    }

    private interface Rows {
        List<String> of(String path, CommandSpec spec);
    }

    /** A shell function mapping a command path to one space-separated word list. */
    private static void table(StringBuilder sb, String fn, Map<String, CommandSpec> cmds, Row row) {
        sb.append(fn).append("() {\n  case \"$1\" in\n");
        cmds.forEach((path, spec) -> {
            String v = row.of(path, spec);
            if (!v.isEmpty()) {
                sb.append("    ").append(quote(path)).append(") echo ").append(quote(v)).append(" ;;\n");
            }
        });
        sb.append("  esac\n}\n\n");
    }

    /** A shell function mapping a command path to lines "value:description" (zsh). */
    private static void lines(StringBuilder sb, String fn, Map<String, CommandSpec> cmds, Rows rows) {
        sb.append(fn).append("() {\n  case \"$1\" in\n");
        cmds.forEach((path, spec) -> {
            List<String> v = rows.of(path, spec);
            if (!v.isEmpty()) {
                sb.append("    ").append(quote(path)).append(") print -r -l --");
                for (String l : v) {
                    sb.append(' ').append(quote(l.replace("\n", " ")));
                }
                sb.append(" ;;\n");
            }
        });
        sb.append("  esac\n}\n\n");
    }

    /** Values of options: fixed candidates, or @kind for live ids. */
    private static void values(StringBuilder sb, Map<String, CommandSpec> cmds, boolean zsh) {
        sb.append("_bkops_values() {\n  case \"$1|$2\" in\n");
        // a command's own -o formats come before the global option's list, which the first match would take
        cmds.forEach((path, spec) -> {
            List<OutputFormat> formats = Cli.formats(spec);
            if (!path.isEmpty() && !formats.isEmpty()) {
                sb.append("    ").append(quote(path + "|-o")).append('|').append(quote(path + "|--output"))
                  .append(") echo ").append(quote(String.join(" ", formats.stream().map(OutputFormat::id).toList())))
                  .append(" ;;\n");
            }
        });
        cmds.forEach((path, spec) -> {
            for (OptionSpec o : own(path, spec)) {
                if (!CommandTree.takesValue(o)) {
                    continue;
                }
                String v = valueWords(CommandTree.candidates(o), o.paramLabel());
                if (v.isEmpty()) {
                    continue;
                }
                List<String> keys = new ArrayList<>();
                for (String n : o.names()) {
                    // a global option's values are the same under every command
                    keys.add(path.isEmpty() ? "*" + quote("|" + n) : quote(path + "|" + n));
                }
                sb.append("    ").append(String.join("|", keys)).append(") echo ").append(quote(v)).append(" ;;\n");
            }
        });
        sb.append("  esac\n}\n\n");
    }

    /** Values of the Nth positional argument of a command. */
    private static void positionals(StringBuilder sb, Map<String, CommandSpec> cmds, boolean zsh) {
        sb.append("_bkops_positional() {\n  case \"$1|$2\" in\n");
        cmds.forEach((path, spec) -> {
            for (PositionalParamSpec p : CommandTree.positionals(spec)) {
                String v = valueWords(CommandTree.candidates(p), p.paramLabel());
                if (v.isEmpty()) {
                    continue;
                }
                int from = p.index().min();
                int to = p.index().isVariable() || p.arity().max() == Integer.MAX_VALUE
                        ? Math.max(from, from + 8) : Math.max(from, p.index().max());
                List<String> keys = new ArrayList<>();
                for (int i = from; i <= to; i++) {
                    keys.add(quote(path + "|" + i));
                }
                sb.append("    ").append(String.join("|", keys)).append(") echo ").append(quote(v)).append(" ;;\n");
            }
        });
        sb.append("  esac\n}\n\n");
    }

    private static String valueWords(List<String> candidates, String label) {
        if (!candidates.isEmpty()) {
            return String.join(" ", candidates);
        }
        String kind = CommandTree.liveKind(label);
        return kind == null ? "" : "@" + kind;
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static final String LIVE_BASH = """
            # Live ids: answered at once from the cache that 'bkops __complete KIND' keeps (nothing yet when there is
            # none); a cache missing or older than 2 minutes is refreshed in the background, one refresh at a time,
            # so TAB never waits for a JVM or a server.
            _bkops_live() {
              local kind=$1 prof=$2 bin=$3 dir file
              # config/XdgPaths.completionCache: $XDG_CACHE_HOME if absolute, else $HOME/.cache
              case ${XDG_CACHE_HOME:-} in /*) dir=$XDG_CACHE_HOME ;; *) dir=$HOME/.cache ;; esac
              dir=$dir/bkops/complete
              file=$dir/${prof:-_}.$kind
              [ -f "$file" ] && _bkops_ids < "$file"
              if [ ! -f "$file" ] || [ -z "$(find "$file" -mmin -2 2>/dev/null)" ]; then
                _bkops_refresh "$file.refresh" "$bin" ${prof:+-p "$prof"} __complete "$kind"
              fi
            }

            # Runs 'bkops ... __complete KIND' detached, unless a refresh holds the lock (a directory; one left by a
            # refresh that died is taken over after 2 minutes).
            _bkops_refresh() {
              local lock=$1
              shift
              mkdir -p "${lock%/*}" 2>/dev/null
              if ! mkdir "$lock" 2>/dev/null; then
                [ -n "$(find "$lock" -maxdepth 0 -mmin +2 2>/dev/null)" ] || return 0
                touch "$lock" 2>/dev/null
              fi
              ( ( "$@"; rmdir "$lock" ) </dev/null >/dev/null 2>&1 & ) 2>/dev/null
            }

            # Only whole-number ids become words, whatever the cache or the server holds.
            _bkops_ids() {
              cut -f1 | grep -E '^[0-9]+$'
            }

            """;

    private static final String MAIN_BASH = """
            _bkops() {
              local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} path='' word i=1 skip=0 npos=0
              local prof=${BKOPS_PROFILE:-} cands opt
              while [ "$i" -lt "$COMP_CWORD" ]; do
                word=${COMP_WORDS[i]}
                if [ "$word" = "=" ]; then skip=1
                elif [ "$skip" = 1 ]; then
                  skip=0
                  case ${COMP_WORDS[i-1]} in -p|--profile) prof=$word ;; =) case ${COMP_WORDS[i-2]} in -p|--profile) prof=$word ;; esac ;; esac
                elif [[ $word == -* ]]; then
                  [[ " $(_bkops_valued "$path") $(_bkops_valued '') " == *" ${word%%=*} "* && $word != *=* ]] && skip=1
                  case $word in --profile=*) prof=${word#*=} ;; esac
                elif [[ " $(_bkops_subcommands "$path") " == *" $word "* ]]; then
                  path=${path:+$path }$word; npos=0
                else
                  npos=$((npos+1))
                fi
                i=$((i+1))
              done
              if [ "$cur" = "=" ]; then opt=$prev; cur=''; skip=1
              elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -ge 2 ]; then opt=${COMP_WORDS[COMP_CWORD-2]}; skip=1
              else opt=$prev
              fi
              if [ "$skip" = 1 ]; then
                cands=$(_bkops_values "$path" "$opt")
              elif [[ $cur == -* ]]; then
                cands="$(_bkops_options "$path") $([ -n "$path" ] && _bkops_options '')"
              else
                cands=$(_bkops_subcommands "$path")
                [ -z "$cands" ] && cands=$(_bkops_positional "$path" "$npos")
              fi
              case $cands in @*) cands=$(_bkops_live "${cands#@}" "$prof" "${COMP_WORDS[0]}") ;; esac
              # Words are compared, never expanded: compgen -W would run any $(...) or glob found in them.
              local -a words
              IFS=$' \\t\\n' read -r -d '' -a words <<< "$cands" || :
              COMPREPLY=()
              for word in "${words[@]}"; do
                [[ $word == "$cur"* ]] && COMPREPLY+=("$word")
              done
            }
            complete -F _bkops bkops
            """;

    private static final String LIVE_ZSH = """
            # Live ids with their names: answered at once from the cache that 'bkops __complete KIND' keeps (nothing
            # yet when there is none); a cache missing or older than 2 minutes is refreshed in the background, one
            # refresh at a time, so TAB never waits for a JVM or a server.
            _bkops_live() {
              local kind=$1 prof=$2 bin=$3 dir file
              # config/XdgPaths.completionCache: $XDG_CACHE_HOME if absolute, else $HOME/.cache
              case ${XDG_CACHE_HOME:-} in /*) dir=$XDG_CACHE_HOME ;; *) dir=$HOME/.cache ;; esac
              dir=$dir/bkops/complete
              file=$dir/${prof:-_}.$kind
              [[ -f $file ]] && _bkops_ids < "$file"
              if [[ ! -f $file || -z $(find "$file" -mmin -2 2>/dev/null) ]]; then
                # (zsh does not split ${prof:+-p "$prof"} into two words: "-p prod" would be one argument)
                _bkops_refresh "$file.refresh" "$bin" ${prof:+-p} ${prof:+"$prof"} __complete "$kind"
              fi
            }

            # Runs 'bkops ... __complete KIND' detached, unless a refresh holds the lock (a directory; one left by a
            # refresh that died is taken over after 2 minutes).
            _bkops_refresh() {
              local lock=$1
              shift
              mkdir -p "${lock%/*}" 2>/dev/null
              if ! mkdir "$lock" 2>/dev/null; then
                [[ -n $(find "$lock" -maxdepth 0 -mmin +2 2>/dev/null) ]] || return 0
                touch "$lock" 2>/dev/null
              fi
              ( ( "$@"; rmdir "$lock" ) </dev/null >/dev/null 2>&1 & ) 2>/dev/null
            }

            # Only lines whose id is a whole number, whatever the cache or the server holds; names lose control characters.
            _bkops_ids() {
              awk -F '\\t' '$1 ~ /^[0-9]+$/ { n = $2; gsub(/[[:cntrl:]]/, " ", n); print $1 "\\t" n }'
            }

            """;

    private static final String MAIN_ZSH = """
            _bkops() {
              local cur=${words[CURRENT]} cmdpath='' word i=2 skip=0 npos=0 prof=${BKOPS_PROFILE:-} v
              local -a cands
              while (( i < CURRENT )); do
                word=${words[i]}
                if (( skip )); then
                  skip=0
                  case ${words[i-1]} in -p|--profile) prof=$word ;; esac
                elif [[ $word == -* ]]; then
                  [[ " $(_bkops_valued "$cmdpath") $(_bkops_valued '') " == *" ${word%%=*} "* && $word != *=* ]] && skip=1
                  case $word in --profile=*) prof=${word#*=} ;; esac
                elif [[ " $(_bkops_subnames "$cmdpath") " == *" $word "* ]]; then
                  cmdpath=${cmdpath:+$cmdpath }$word; npos=0
                else
                  npos=$((npos+1))
                fi
                (( i++ ))
              done
              if [[ $cur == --*=* ]]; then
                v=$(_bkops_values "$cmdpath" "${cur%%=*}")
                compset -P '*='
              elif (( skip )); then
                v=$(_bkops_values "$cmdpath" "${words[CURRENT-1]}")
              fi
              if [[ -n $v || $skip == 1 || $cur == --*=* ]]; then
                if [[ $v == @* ]]; then
                  cands=( ${(f)"$(_bkops_live "${v#@}" "$prof" "${words[1]}" | sed 's/:/\\\\:/g; s/\\t/:/')"} )
                  _describe -t ids 'id' cands
                else
                  compadd -- ${=v}
                fi
                return
              fi
              if [[ $cur == -* ]]; then
                cands=( ${(f)"$(_bkops_options "$cmdpath")"} )
                [[ -n $cmdpath ]] && cands+=( ${(f)"$(_bkops_options '')"} )
                _describe -t options 'option' cands
                return
              fi
              cands=( ${(f)"$(_bkops_subcommands "$cmdpath")"} )
              if (( ${#cands} )); then
                _describe -t commands 'command' cands
                return
              fi
              v=$(_bkops_positional "$cmdpath" "$npos")
              if [[ $v == @* ]]; then
                cands=( ${(f)"$(_bkops_live "${v#@}" "$prof" "${words[1]}" | sed 's/:/\\\\:/g; s/\\t/:/')"} )
                _describe -t ids 'id' cands
              elif [[ -n $v ]]; then
                compadd -- ${=v}
              fi
            }

            if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
              _bkops "$@"
            else
              compdef _bkops bkops
            fi
            """;
}

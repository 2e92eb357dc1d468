# bash completion for bkops -- generated from the command classes by 'bkops completion bash'; do not edit.
# Install: source this file from ~/.bashrc, or copy it to ~/.local/share/bash-completion/completions/bkops

_bkops_subcommands() {
  case "$1" in
    '') echo 'template task node periodic step job plugin clocked config doctor completion sandbox daemon options help' ;;
    'template') echo 'list show schemes graph' ;;
    'task') echo 'list create start claim operate pause resume revoke status show history graph watch wait count' ;;
    'node') echo 'show log retry skip skip-gateway callback pause resume pause-subprocess resume-subprocess forced-fail' ;;
    'periodic') echo 'list show create enable disable cron constants' ;;
    'step') echo 'operate' ;;
    'job') echo 'list status log' ;;
    'plugin') echo 'list' ;;
    'clocked') echo 'list' ;;
    'config') echo 'init view set unset use profiles' ;;
    'sandbox') echo 'serve reset' ;;
    'daemon') echo 'start stop status' ;;
  esac
}

_bkops_options() {
  case "$1" in
    '') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --jq --color --timeout --retries --ca-cert --insecure -y --yes --confirm-profile --dry-run -v --verbose --debug -h --help -V --version' ;;
    'template list') echo '--common --name' ;;
    'template show') echo '--common --no-unfold' ;;
    'template graph') echo '--common' ;;
    'task list') echo '--keyword --started --finished --executor --create-method --template --created-after --created-before --limit --func' ;;
    'task create') echo '--template --name --const --const-file --exclude --flow-type --common --start --at --scheme --wait --interval --through-waiting' ;;
    'task start') echo '--wait --interval --through-waiting' ;;
    'task claim') echo '--name --start' ;;
    'task operate') echo '--action' ;;
    'task history') echo '--node' ;;
    'task watch') echo '--interval --through-waiting' ;;
    'task wait') echo '--interval --through-waiting' ;;
    'task count') echo '--group-by' ;;
    'node log') echo '--version --attempt --page' ;;
    'node retry') echo '--force --failed --input --inputs-file' ;;
    'node skip') echo '--force --failed' ;;
    'node skip-gateway') echo '--force --flow' ;;
    'node callback') echo '--force --data --approve --reject --version' ;;
    'node pause') echo '--force' ;;
    'node resume') echo '--force' ;;
    'node pause-subprocess') echo '--force' ;;
    'node resume-subprocess') echo '--force' ;;
    'node forced-fail') echo '--force' ;;
    'periodic show') echo '--next --from' ;;
    'periodic create') echo '--template --common --name --cron --const --const-file --exclude --enable --both-days --next --from --zone' ;;
    'periodic cron') echo '--both-days --next --from' ;;
    'periodic constants') echo '--set' ;;
    'step operate') echo '--job --step --op --force --wait --biz-set' ;;
    'job list') echo '--since --created-after --created-before --operator --name --limit --biz-set' ;;
    'job status') echo '--hosts --wait --biz-set' ;;
    'job log') echo '--step --host --cloud --all --biz-set' ;;
    'clocked list') echo '--state --name --creator --limit' ;;
    'config init') echo '--app-secret-stdin' ;;
    'sandbox serve') echo '--port --state-dir --latency --fail-rate --speed' ;;
    'sandbox reset') echo '--state-dir' ;;
  esac
}

_bkops_valued() {
  case "$1" in
    '') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --jq --color --timeout --retries --ca-cert --confirm-profile' ;;
    'template list') echo '--name' ;;
    'task list') echo '--keyword --executor --create-method --template --created-after --created-before --limit' ;;
    'task create') echo '--template --name --const --const-file --exclude --flow-type --at --scheme --interval' ;;
    'task start') echo '--interval' ;;
    'task claim') echo '--name' ;;
    'task operate') echo '--action' ;;
    'task history') echo '--node' ;;
    'task watch') echo '--interval' ;;
    'task wait') echo '--interval' ;;
    'task count') echo '--group-by' ;;
    'node log') echo '--version --attempt --page' ;;
    'node retry') echo '--input --inputs-file' ;;
    'node skip-gateway') echo '--flow' ;;
    'node callback') echo '--data --version' ;;
    'periodic show') echo '--next --from' ;;
    'periodic create') echo '--template --name --cron --const --const-file --exclude --next --from --zone' ;;
    'periodic cron') echo '--next --from' ;;
    'periodic constants') echo '--set' ;;
    'step operate') echo '--job --step --op --biz-set' ;;
    'job list') echo '--since --created-after --created-before --operator --name --limit --biz-set' ;;
    'job status') echo '--biz-set' ;;
    'job log') echo '--step --host --cloud --biz-set' ;;
    'clocked list') echo '--state --name --creator --limit' ;;
    'sandbox serve') echo '--port --state-dir --latency --fail-rate --speed' ;;
    'sandbox reset') echo '--state-dir' ;;
  esac
}

_bkops_values() {
  case "$1|$2" in
    'template list|-o'|'template list|--output') echo 'table wide json jsonl yaml id' ;;
    'template show|-o'|'template show|--output') echo 'table wide tree json yaml' ;;
    'template schemes|-o'|'template schemes|--output') echo 'table json yaml id' ;;
    'template graph|-o'|'template graph|--output') echo 'dot mermaid' ;;
    'task list|-o'|'task list|--output') echo 'table wide json jsonl yaml id' ;;
    'task create|-o'|'task create|--output') echo 'table json yaml id' ;;
    'task start|-o'|'task start|--output') echo 'table jsonl id' ;;
    'task claim|-o'|'task claim|--output') echo 'table json id' ;;
    'task operate|-o'|'task operate|--output') echo 'table jsonl id' ;;
    'task pause|-o'|'task pause|--output') echo 'table jsonl id' ;;
    'task resume|-o'|'task resume|--output') echo 'table jsonl id' ;;
    'task revoke|-o'|'task revoke|--output') echo 'table jsonl id' ;;
    'task status|-o'|'task status|--output') echo 'table wide json jsonl yaml tree id' ;;
    'task show|-o'|'task show|--output') echo 'table wide json yaml' ;;
    'task history|-o'|'task history|--output') echo 'table json jsonl yaml' ;;
    'task graph|-o'|'task graph|--output') echo 'dot mermaid' ;;
    'task watch|-o'|'task watch|--output') echo 'table wide tree' ;;
    'task wait|-o'|'task wait|--output') echo 'table jsonl id' ;;
    'task count|-o'|'task count|--output') echo 'table json yaml' ;;
    'node show|-o'|'node show|--output') echo 'table json yaml' ;;
    'node log|-o'|'node log|--output') echo 'table json yaml' ;;
    'node retry|-o'|'node retry|--output') echo 'table json jsonl' ;;
    'node skip|-o'|'node skip|--output') echo 'table json jsonl' ;;
    'node skip-gateway|-o'|'node skip-gateway|--output') echo 'table json jsonl' ;;
    'node callback|-o'|'node callback|--output') echo 'table json jsonl' ;;
    'node pause|-o'|'node pause|--output') echo 'table json jsonl' ;;
    'node resume|-o'|'node resume|--output') echo 'table json jsonl' ;;
    'node pause-subprocess|-o'|'node pause-subprocess|--output') echo 'table json jsonl' ;;
    'node resume-subprocess|-o'|'node resume-subprocess|--output') echo 'table json jsonl' ;;
    'node forced-fail|-o'|'node forced-fail|--output') echo 'table json jsonl' ;;
    'periodic list|-o'|'periodic list|--output') echo 'table wide json jsonl yaml id' ;;
    'periodic show|-o'|'periodic show|--output') echo 'table wide json yaml' ;;
    'periodic create|-o'|'periodic create|--output') echo 'table json yaml id' ;;
    'periodic enable|-o'|'periodic enable|--output') echo 'table json jsonl id' ;;
    'periodic disable|-o'|'periodic disable|--output') echo 'table json jsonl id' ;;
    'periodic cron|-o'|'periodic cron|--output') echo 'table json yaml' ;;
    'periodic constants|-o'|'periodic constants|--output') echo 'table json yaml' ;;
    'step operate|-o'|'step operate|--output') echo 'table json yaml' ;;
    'job list|-o'|'job list|--output') echo 'table wide json yaml id' ;;
    'job status|-o'|'job status|--output') echo 'table wide json yaml' ;;
    'job log|-o'|'job log|--output') echo 'table json jsonl yaml' ;;
    'plugin list|-o'|'plugin list|--output') echo 'table wide json jsonl yaml' ;;
    'clocked list|-o'|'clocked list|--output') echo 'table wide json jsonl yaml id' ;;
    'config view|-o'|'config view|--output') echo 'table wide json' ;;
    'config profiles|-o'|'config profiles|--output') echo 'table wide json' ;;
    'doctor|-o'|'doctor|--output') echo 'table json yaml' ;;
    *'|--gateway') echo 'apigw esb' ;;
    *'|--scope') echo 'cmdb_biz project' ;;
    *'|-o'|*'|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    *'|--color') echo 'auto always never' ;;
    'task list|--create-method') echo 'app api app_maker periodic clocked mobile' ;;
    'task list|--template') echo '@templates' ;;
    'task create|--template') echo '@templates' ;;
    'task create|--flow-type') echo 'common common_func' ;;
    'task operate|--action') echo 'start pause resume revoke' ;;
    'task count|--group-by') echo 'status category flow_type create_method' ;;
    'periodic create|--template') echo '@templates' ;;
    'step operate|--op') echo 'retry-failed ignore-error confirm retry-all terminate-confirm reconfirm next-step force-skip rolling-continue' ;;
    'clocked list|--state') echo 'not_started started start_failed' ;;
  esac
}

_bkops_positional() {
  case "$1|$2" in
    'template show|0') echo '@templates' ;;
    'template schemes|0') echo '@templates' ;;
    'template graph|0') echo '@templates' ;;
    'task start|0'|'task start|1'|'task start|2'|'task start|3'|'task start|4'|'task start|5'|'task start|6'|'task start|7'|'task start|8') echo '@tasks' ;;
    'task claim|0') echo '@tasks' ;;
    'task operate|0'|'task operate|1'|'task operate|2'|'task operate|3'|'task operate|4'|'task operate|5'|'task operate|6'|'task operate|7'|'task operate|8') echo '@tasks' ;;
    'task pause|0'|'task pause|1'|'task pause|2'|'task pause|3'|'task pause|4'|'task pause|5'|'task pause|6'|'task pause|7'|'task pause|8') echo '@tasks' ;;
    'task resume|0'|'task resume|1'|'task resume|2'|'task resume|3'|'task resume|4'|'task resume|5'|'task resume|6'|'task resume|7'|'task resume|8') echo '@tasks' ;;
    'task revoke|0'|'task revoke|1'|'task revoke|2'|'task revoke|3'|'task revoke|4'|'task revoke|5'|'task revoke|6'|'task revoke|7'|'task revoke|8') echo '@tasks' ;;
    'task status|0'|'task status|1'|'task status|2'|'task status|3'|'task status|4'|'task status|5'|'task status|6'|'task status|7'|'task status|8') echo '@tasks' ;;
    'task show|0') echo '@tasks' ;;
    'task history|0') echo '@tasks' ;;
    'task graph|0') echo '@tasks' ;;
    'task watch|0') echo '@tasks' ;;
    'task wait|0'|'task wait|1'|'task wait|2'|'task wait|3'|'task wait|4'|'task wait|5'|'task wait|6'|'task wait|7'|'task wait|8') echo '@tasks' ;;
    'node show|0') echo '@tasks' ;;
    'node log|0') echo '@tasks' ;;
    'node retry|0') echo '@tasks' ;;
    'node skip|0') echo '@tasks' ;;
    'node skip-gateway|0') echo '@tasks' ;;
    'node callback|0') echo '@tasks' ;;
    'node pause|0') echo '@tasks' ;;
    'node resume|0') echo '@tasks' ;;
    'node pause-subprocess|0') echo '@tasks' ;;
    'node resume-subprocess|0') echo '@tasks' ;;
    'node forced-fail|0') echo '@tasks' ;;
    'periodic show|0') echo '@periodic' ;;
    'periodic enable|0'|'periodic enable|1'|'periodic enable|2'|'periodic enable|3'|'periodic enable|4'|'periodic enable|5'|'periodic enable|6'|'periodic enable|7'|'periodic enable|8') echo '@periodic' ;;
    'periodic disable|0'|'periodic disable|1'|'periodic disable|2'|'periodic disable|3'|'periodic disable|4'|'periodic disable|5'|'periodic disable|6'|'periodic disable|7'|'periodic disable|8') echo '@periodic' ;;
    'periodic cron|0') echo '@periodic' ;;
    'periodic constants|0') echo '@periodic' ;;
    'config set|0') echo 'sops-url job-url gateway biz scope app-code app-secret app-secret-file username bk-token access-token output color timeout retries ca-cert insecure protect' ;;
    'completion|0') echo 'bash zsh' ;;
  esac
}

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
  IFS=$' \t\n' read -r -d '' -a words <<< "$cands" || :
  COMPREPLY=()
  for word in "${words[@]}"; do
    [[ $word == "$cur"* ]] && COMPREPLY+=("$word")
  done
}
complete -F _bkops bkops

# bash completion for bkops -- generated from the command classes by 'bkops completion bash'; do not edit.
# Install: source this file from ~/.bashrc, or copy it to ~/.local/share/bash-completion/completions/bkops

_bkops_subcommands() {
  case "$1" in
    '') echo 'template task node periodic step job config completion help' ;;
    'template') echo 'list show graph' ;;
    'task') echo 'list create start operate pause resume revoke status show graph watch wait count' ;;
    'config') echo 'init view set unset use profiles' ;;
  esac
}

_bkops_options() {
  case "$1" in
    '') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'template') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'template list') echo '--common --name -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'template show') echo '--common --no-unfold -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'template graph') echo '--common -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'task') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'task list') echo '--keyword --started --finished --executor --create-method --template --created-after --created-before --limit -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'task create') echo '--template --name --const --const-file --exclude --flow-type --common --start --wait --interval -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'task start') echo '--wait --interval -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'task operate') echo '--action -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'task pause') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'task resume') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'task revoke') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'task status') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'task show') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'task graph') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'task watch') echo '--interval -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'task wait') echo '--interval -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'task count') echo '--group-by -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'node') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'periodic') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'step') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'job') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'config') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'config init') echo '--app-secret-stdin -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'config view') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'config set') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'config unset') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'config use') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'config profiles') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'completion') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'help') echo '-h --help -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
  esac
}

_bkops_valued() {
  case "$1" in
    '') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'template') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'template list') echo '--name -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'template show') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'template graph') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'task') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'task list') echo '--keyword --executor --create-method --template --created-after --created-before --limit -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'task create') echo '--template --name --const --const-file --exclude --flow-type --interval -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'task start') echo '--interval -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'task operate') echo '--action -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'task pause') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'task resume') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'task revoke') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'task status') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'task show') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'task graph') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'task watch') echo '--interval -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'task wait') echo '--interval -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'task count') echo '--group-by -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'node') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'periodic') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'step') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'job') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'config') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'config init') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'config view') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'config set') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'config unset') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'config use') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'config profiles') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'completion') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'help') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
  esac
}

_bkops_values() {
  case "$1|$2" in
    '|--gateway') echo 'apigw esb' ;;
    '|--scope') echo 'cmdb_biz project' ;;
    '|-o'|'|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    '|--color') echo 'auto always never' ;;
    'template|--gateway') echo 'apigw esb' ;;
    'template|--scope') echo 'cmdb_biz project' ;;
    'template|-o'|'template|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'template|--color') echo 'auto always never' ;;
    'template list|--gateway') echo 'apigw esb' ;;
    'template list|--scope') echo 'cmdb_biz project' ;;
    'template list|-o'|'template list|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'template list|--color') echo 'auto always never' ;;
    'template show|--gateway') echo 'apigw esb' ;;
    'template show|--scope') echo 'cmdb_biz project' ;;
    'template show|-o'|'template show|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'template show|--color') echo 'auto always never' ;;
    'template graph|--gateway') echo 'apigw esb' ;;
    'template graph|--scope') echo 'cmdb_biz project' ;;
    'template graph|-o'|'template graph|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'template graph|--color') echo 'auto always never' ;;
    'task|--gateway') echo 'apigw esb' ;;
    'task|--scope') echo 'cmdb_biz project' ;;
    'task|-o'|'task|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'task|--color') echo 'auto always never' ;;
    'task list|--create-method') echo 'app api app_maker periodic clocked mobile' ;;
    'task list|--template') echo '@templates' ;;
    'task list|--gateway') echo 'apigw esb' ;;
    'task list|--scope') echo 'cmdb_biz project' ;;
    'task list|-o'|'task list|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'task list|--color') echo 'auto always never' ;;
    'task create|--template') echo '@templates' ;;
    'task create|--flow-type') echo 'common common_func' ;;
    'task create|--gateway') echo 'apigw esb' ;;
    'task create|--scope') echo 'cmdb_biz project' ;;
    'task create|-o'|'task create|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'task create|--color') echo 'auto always never' ;;
    'task start|--gateway') echo 'apigw esb' ;;
    'task start|--scope') echo 'cmdb_biz project' ;;
    'task start|-o'|'task start|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'task start|--color') echo 'auto always never' ;;
    'task operate|--action') echo 'start pause resume revoke' ;;
    'task operate|--gateway') echo 'apigw esb' ;;
    'task operate|--scope') echo 'cmdb_biz project' ;;
    'task operate|-o'|'task operate|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'task operate|--color') echo 'auto always never' ;;
    'task pause|--gateway') echo 'apigw esb' ;;
    'task pause|--scope') echo 'cmdb_biz project' ;;
    'task pause|-o'|'task pause|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'task pause|--color') echo 'auto always never' ;;
    'task resume|--gateway') echo 'apigw esb' ;;
    'task resume|--scope') echo 'cmdb_biz project' ;;
    'task resume|-o'|'task resume|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'task resume|--color') echo 'auto always never' ;;
    'task revoke|--gateway') echo 'apigw esb' ;;
    'task revoke|--scope') echo 'cmdb_biz project' ;;
    'task revoke|-o'|'task revoke|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'task revoke|--color') echo 'auto always never' ;;
    'task status|--gateway') echo 'apigw esb' ;;
    'task status|--scope') echo 'cmdb_biz project' ;;
    'task status|-o'|'task status|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'task status|--color') echo 'auto always never' ;;
    'task show|--gateway') echo 'apigw esb' ;;
    'task show|--scope') echo 'cmdb_biz project' ;;
    'task show|-o'|'task show|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'task show|--color') echo 'auto always never' ;;
    'task graph|--gateway') echo 'apigw esb' ;;
    'task graph|--scope') echo 'cmdb_biz project' ;;
    'task graph|-o'|'task graph|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'task graph|--color') echo 'auto always never' ;;
    'task watch|--gateway') echo 'apigw esb' ;;
    'task watch|--scope') echo 'cmdb_biz project' ;;
    'task watch|-o'|'task watch|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'task watch|--color') echo 'auto always never' ;;
    'task wait|--gateway') echo 'apigw esb' ;;
    'task wait|--scope') echo 'cmdb_biz project' ;;
    'task wait|-o'|'task wait|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'task wait|--color') echo 'auto always never' ;;
    'task count|--group-by') echo 'status category flow_type create_method' ;;
    'task count|--gateway') echo 'apigw esb' ;;
    'task count|--scope') echo 'cmdb_biz project' ;;
    'task count|-o'|'task count|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'task count|--color') echo 'auto always never' ;;
    'node|--gateway') echo 'apigw esb' ;;
    'node|--scope') echo 'cmdb_biz project' ;;
    'node|-o'|'node|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'node|--color') echo 'auto always never' ;;
    'periodic|--gateway') echo 'apigw esb' ;;
    'periodic|--scope') echo 'cmdb_biz project' ;;
    'periodic|-o'|'periodic|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'periodic|--color') echo 'auto always never' ;;
    'step|--gateway') echo 'apigw esb' ;;
    'step|--scope') echo 'cmdb_biz project' ;;
    'step|-o'|'step|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'step|--color') echo 'auto always never' ;;
    'job|--gateway') echo 'apigw esb' ;;
    'job|--scope') echo 'cmdb_biz project' ;;
    'job|-o'|'job|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'job|--color') echo 'auto always never' ;;
    'config|--gateway') echo 'apigw esb' ;;
    'config|--scope') echo 'cmdb_biz project' ;;
    'config|-o'|'config|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'config|--color') echo 'auto always never' ;;
    'config init|--gateway') echo 'apigw esb' ;;
    'config init|--scope') echo 'cmdb_biz project' ;;
    'config init|-o'|'config init|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'config init|--color') echo 'auto always never' ;;
    'config view|--gateway') echo 'apigw esb' ;;
    'config view|--scope') echo 'cmdb_biz project' ;;
    'config view|-o'|'config view|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'config view|--color') echo 'auto always never' ;;
    'config set|--gateway') echo 'apigw esb' ;;
    'config set|--scope') echo 'cmdb_biz project' ;;
    'config set|-o'|'config set|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'config set|--color') echo 'auto always never' ;;
    'config unset|--gateway') echo 'apigw esb' ;;
    'config unset|--scope') echo 'cmdb_biz project' ;;
    'config unset|-o'|'config unset|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'config unset|--color') echo 'auto always never' ;;
    'config use|--gateway') echo 'apigw esb' ;;
    'config use|--scope') echo 'cmdb_biz project' ;;
    'config use|-o'|'config use|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'config use|--color') echo 'auto always never' ;;
    'config profiles|--gateway') echo 'apigw esb' ;;
    'config profiles|--scope') echo 'cmdb_biz project' ;;
    'config profiles|-o'|'config profiles|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'config profiles|--color') echo 'auto always never' ;;
    'completion|--gateway') echo 'apigw esb' ;;
    'completion|--scope') echo 'cmdb_biz project' ;;
    'completion|-o'|'completion|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'completion|--color') echo 'auto always never' ;;
    'help|--gateway') echo 'apigw esb' ;;
    'help|--scope') echo 'cmdb_biz project' ;;
    'help|-o'|'help|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'help|--color') echo 'auto always never' ;;
  esac
}

_bkops_positional() {
  case "$1|$2" in
    'template show|0') echo '@templates' ;;
    'template graph|0') echo '@templates' ;;
    'task start|0'|'task start|1'|'task start|2'|'task start|3'|'task start|4'|'task start|5'|'task start|6'|'task start|7'|'task start|8') echo '@tasks' ;;
    'task operate|0'|'task operate|1'|'task operate|2'|'task operate|3'|'task operate|4'|'task operate|5'|'task operate|6'|'task operate|7'|'task operate|8') echo '@tasks' ;;
    'task pause|0'|'task pause|1'|'task pause|2'|'task pause|3'|'task pause|4'|'task pause|5'|'task pause|6'|'task pause|7'|'task pause|8') echo '@tasks' ;;
    'task resume|0'|'task resume|1'|'task resume|2'|'task resume|3'|'task resume|4'|'task resume|5'|'task resume|6'|'task resume|7'|'task resume|8') echo '@tasks' ;;
    'task revoke|0'|'task revoke|1'|'task revoke|2'|'task revoke|3'|'task revoke|4'|'task revoke|5'|'task revoke|6'|'task revoke|7'|'task revoke|8') echo '@tasks' ;;
    'task status|0'|'task status|1'|'task status|2'|'task status|3'|'task status|4'|'task status|5'|'task status|6'|'task status|7'|'task status|8') echo '@tasks' ;;
    'task show|0') echo '@tasks' ;;
    'task graph|0') echo '@tasks' ;;
    'task watch|0') echo '@tasks' ;;
    'task wait|0'|'task wait|1'|'task wait|2'|'task wait|3'|'task wait|4'|'task wait|5'|'task wait|6'|'task wait|7'|'task wait|8') echo '@tasks' ;;
    'config set|0') echo 'sops-url job-url gateway biz scope app-code app-secret app-secret-file username bk-token access-token output color timeout retries ca-cert insecure' ;;
    'completion|0') echo 'bash zsh' ;;
  esac
}

# Live ids: read the cache that 'bkops __complete KIND' keeps; refresh it under a 300 ms deadline, else in
# the background, so a slow or unreachable server never blocks the shell.
_bkops_live() {
  local kind=$1 prof=$2 bin=$3 dir file out
  dir=${XDG_CACHE_HOME:-$HOME/.cache}/bkops/complete
  file=$dir/${prof:-_}.$kind
  if [ -f "$file" ] && [ -n "$(find "$file" -mmin -2 2>/dev/null)" ]; then
    cut -f1 "$file"; return
  fi
  if command -v timeout >/dev/null 2>&1; then
    out=$(timeout 0.3 "$bin" ${prof:+-p "$prof"} __complete "$kind" 2>/dev/null) && { printf '%s\n' "$out" | cut -f1; return; }
  fi
  [ -f "$file" ] && cut -f1 "$file"
  ( "$bin" ${prof:+-p "$prof"} __complete "$kind" >/dev/null 2>&1 & ) 2>/dev/null
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
      [[ " $(_bkops_valued "$path") " == *" ${word%%=*} "* && $word != *=* ]] && skip=1
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
    cands=$(_bkops_options "$path")
  else
    cands=$(_bkops_subcommands "$path")
    [ -z "$cands" ] && cands=$(_bkops_positional "$path" "$npos")
  fi
  case $cands in @*) cands=$(_bkops_live "${cands#@}" "$prof" "${COMP_WORDS[0]}") ;; esac
  COMPREPLY=( $(compgen -W "$cands" -- "$cur") )
}
complete -F _bkops bkops

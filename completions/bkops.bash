# bash completion for bkops -- generated from the command classes by 'bkops completion bash'; do not edit.
# Install: source this file from ~/.bashrc, or copy it to ~/.local/share/bash-completion/completions/bkops

_bkops_subcommands() {
  case "$1" in
    '') echo 'template task node periodic step job config doctor completion sandbox daemon help' ;;
    'template') echo 'list show graph' ;;
    'task') echo 'list create start operate pause resume revoke status show graph watch wait count' ;;
    'node') echo 'show retry skip skip-gateway callback pause resume pause-subprocess resume-subprocess forced-fail' ;;
    'periodic') echo 'list show create enable disable cron constants' ;;
    'step') echo 'operate' ;;
    'job') echo 'status log' ;;
    'config') echo 'init view set unset use profiles' ;;
    'sandbox') echo 'serve reset' ;;
    'daemon') echo 'start stop status' ;;
  esac
}

_bkops_options() {
  case "$1" in
    '') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug -h --help -V --version' ;;
    'template') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'template list') echo '--common --name -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'template show') echo '--common --no-unfold -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'template graph') echo '--common -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'task') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'task list') echo '--keyword --started --finished --executor --create-method --template --created-after --created-before --limit -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'task create') echo '--template --name --const --const-file --exclude --flow-type --common --start --wait --interval -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'task start') echo '--wait --interval -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'task operate') echo '--action -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'task pause') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'task resume') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'task revoke') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'task status') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'task show') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'task graph') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'task watch') echo '--interval -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'task wait') echo '--interval -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'task count') echo '--group-by -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'node') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'node show') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'node retry') echo '--force --failed --input --inputs-file -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'node skip') echo '--force --failed -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'node skip-gateway') echo '--force --flow -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'node callback') echo '--force --data --version -h --help -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'node pause') echo '--force -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'node resume') echo '--force -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'node pause-subprocess') echo '--force -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'node resume-subprocess') echo '--force -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'node forced-fail') echo '--force -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'periodic') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'periodic list') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'periodic show') echo '--next --from -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'periodic create') echo '--template --common --name --cron --const --const-file --exclude --enable --both-days --next --zone --from -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'periodic enable') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'periodic disable') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'periodic cron') echo '--both-days --next --from -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'periodic constants') echo '--set -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'step') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'step operate') echo '--job --step --op --force --wait --biz-set -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'job') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'job status') echo '--hosts --wait --biz-set -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'job log') echo '--step --host --cloud --all --biz-set -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'config') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'config init') echo '--app-secret-stdin -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'config view') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'config set') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'config unset') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'config use') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'config profiles') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'doctor') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'completion') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'sandbox') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'sandbox serve') echo '--port --state-dir --latency --fail-rate --speed -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'sandbox reset') echo '--state-dir -h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'daemon') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'daemon start') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'daemon stop') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
    'daemon status') echo '-h --help -V --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert --insecure -y --yes --dry-run -v --verbose --debug' ;;
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
    'node show') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'node retry') echo '--input --inputs-file -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'node skip') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'node skip-gateway') echo '--flow -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'node callback') echo '--data --version -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'node pause') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'node resume') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'node pause-subprocess') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'node resume-subprocess') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'node forced-fail') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'periodic') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'periodic list') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'periodic show') echo '--next --from -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'periodic create') echo '--template --name --cron --const --const-file --exclude --next --zone --from -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'periodic enable') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'periodic disable') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'periodic cron') echo '--next --from -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'periodic constants') echo '--set -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'step') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'step operate') echo '--job --step --op --biz-set -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'job') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'job status') echo '--biz-set -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'job log') echo '--step --host --cloud --biz-set -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'config') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'config init') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'config view') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'config set') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'config unset') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'config use') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'config profiles') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'doctor') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'completion') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'sandbox') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'sandbox serve') echo '--port --state-dir --latency --fail-rate --speed -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'sandbox reset') echo '--state-dir -p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'daemon') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'daemon start') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'daemon stop') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
    'daemon status') echo '-p --profile --sops-url --job-url --gateway -b --biz --scope --app-code --app-secret-file --username -o --output --color --timeout --retries --ca-cert' ;;
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
    'node show|--gateway') echo 'apigw esb' ;;
    'node show|--scope') echo 'cmdb_biz project' ;;
    'node show|-o'|'node show|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'node show|--color') echo 'auto always never' ;;
    'node retry|--gateway') echo 'apigw esb' ;;
    'node retry|--scope') echo 'cmdb_biz project' ;;
    'node retry|-o'|'node retry|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'node retry|--color') echo 'auto always never' ;;
    'node skip|--gateway') echo 'apigw esb' ;;
    'node skip|--scope') echo 'cmdb_biz project' ;;
    'node skip|-o'|'node skip|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'node skip|--color') echo 'auto always never' ;;
    'node skip-gateway|--gateway') echo 'apigw esb' ;;
    'node skip-gateway|--scope') echo 'cmdb_biz project' ;;
    'node skip-gateway|-o'|'node skip-gateway|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'node skip-gateway|--color') echo 'auto always never' ;;
    'node callback|--gateway') echo 'apigw esb' ;;
    'node callback|--scope') echo 'cmdb_biz project' ;;
    'node callback|-o'|'node callback|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'node callback|--color') echo 'auto always never' ;;
    'node pause|--gateway') echo 'apigw esb' ;;
    'node pause|--scope') echo 'cmdb_biz project' ;;
    'node pause|-o'|'node pause|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'node pause|--color') echo 'auto always never' ;;
    'node resume|--gateway') echo 'apigw esb' ;;
    'node resume|--scope') echo 'cmdb_biz project' ;;
    'node resume|-o'|'node resume|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'node resume|--color') echo 'auto always never' ;;
    'node pause-subprocess|--gateway') echo 'apigw esb' ;;
    'node pause-subprocess|--scope') echo 'cmdb_biz project' ;;
    'node pause-subprocess|-o'|'node pause-subprocess|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'node pause-subprocess|--color') echo 'auto always never' ;;
    'node resume-subprocess|--gateway') echo 'apigw esb' ;;
    'node resume-subprocess|--scope') echo 'cmdb_biz project' ;;
    'node resume-subprocess|-o'|'node resume-subprocess|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'node resume-subprocess|--color') echo 'auto always never' ;;
    'node forced-fail|--gateway') echo 'apigw esb' ;;
    'node forced-fail|--scope') echo 'cmdb_biz project' ;;
    'node forced-fail|-o'|'node forced-fail|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'node forced-fail|--color') echo 'auto always never' ;;
    'periodic|--gateway') echo 'apigw esb' ;;
    'periodic|--scope') echo 'cmdb_biz project' ;;
    'periodic|-o'|'periodic|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'periodic|--color') echo 'auto always never' ;;
    'periodic list|--gateway') echo 'apigw esb' ;;
    'periodic list|--scope') echo 'cmdb_biz project' ;;
    'periodic list|-o'|'periodic list|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'periodic list|--color') echo 'auto always never' ;;
    'periodic show|--gateway') echo 'apigw esb' ;;
    'periodic show|--scope') echo 'cmdb_biz project' ;;
    'periodic show|-o'|'periodic show|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'periodic show|--color') echo 'auto always never' ;;
    'periodic create|--template') echo '@templates' ;;
    'periodic create|--gateway') echo 'apigw esb' ;;
    'periodic create|--scope') echo 'cmdb_biz project' ;;
    'periodic create|-o'|'periodic create|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'periodic create|--color') echo 'auto always never' ;;
    'periodic enable|--gateway') echo 'apigw esb' ;;
    'periodic enable|--scope') echo 'cmdb_biz project' ;;
    'periodic enable|-o'|'periodic enable|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'periodic enable|--color') echo 'auto always never' ;;
    'periodic disable|--gateway') echo 'apigw esb' ;;
    'periodic disable|--scope') echo 'cmdb_biz project' ;;
    'periodic disable|-o'|'periodic disable|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'periodic disable|--color') echo 'auto always never' ;;
    'periodic cron|--gateway') echo 'apigw esb' ;;
    'periodic cron|--scope') echo 'cmdb_biz project' ;;
    'periodic cron|-o'|'periodic cron|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'periodic cron|--color') echo 'auto always never' ;;
    'periodic constants|--gateway') echo 'apigw esb' ;;
    'periodic constants|--scope') echo 'cmdb_biz project' ;;
    'periodic constants|-o'|'periodic constants|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'periodic constants|--color') echo 'auto always never' ;;
    'step|--gateway') echo 'apigw esb' ;;
    'step|--scope') echo 'cmdb_biz project' ;;
    'step|-o'|'step|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'step|--color') echo 'auto always never' ;;
    'step operate|--op') echo 'retry-failed ignore-error confirm retry-all terminate-confirm reconfirm next-step force-skip' ;;
    'step operate|--gateway') echo 'apigw esb' ;;
    'step operate|--scope') echo 'cmdb_biz project' ;;
    'step operate|-o'|'step operate|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'step operate|--color') echo 'auto always never' ;;
    'job|--gateway') echo 'apigw esb' ;;
    'job|--scope') echo 'cmdb_biz project' ;;
    'job|-o'|'job|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'job|--color') echo 'auto always never' ;;
    'job status|--gateway') echo 'apigw esb' ;;
    'job status|--scope') echo 'cmdb_biz project' ;;
    'job status|-o'|'job status|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'job status|--color') echo 'auto always never' ;;
    'job log|--gateway') echo 'apigw esb' ;;
    'job log|--scope') echo 'cmdb_biz project' ;;
    'job log|-o'|'job log|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'job log|--color') echo 'auto always never' ;;
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
    'doctor|--gateway') echo 'apigw esb' ;;
    'doctor|--scope') echo 'cmdb_biz project' ;;
    'doctor|-o'|'doctor|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'doctor|--color') echo 'auto always never' ;;
    'completion|--gateway') echo 'apigw esb' ;;
    'completion|--scope') echo 'cmdb_biz project' ;;
    'completion|-o'|'completion|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'completion|--color') echo 'auto always never' ;;
    'sandbox|--gateway') echo 'apigw esb' ;;
    'sandbox|--scope') echo 'cmdb_biz project' ;;
    'sandbox|-o'|'sandbox|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'sandbox|--color') echo 'auto always never' ;;
    'sandbox serve|--gateway') echo 'apigw esb' ;;
    'sandbox serve|--scope') echo 'cmdb_biz project' ;;
    'sandbox serve|-o'|'sandbox serve|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'sandbox serve|--color') echo 'auto always never' ;;
    'sandbox reset|--gateway') echo 'apigw esb' ;;
    'sandbox reset|--scope') echo 'cmdb_biz project' ;;
    'sandbox reset|-o'|'sandbox reset|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'sandbox reset|--color') echo 'auto always never' ;;
    'daemon|--gateway') echo 'apigw esb' ;;
    'daemon|--scope') echo 'cmdb_biz project' ;;
    'daemon|-o'|'daemon|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'daemon|--color') echo 'auto always never' ;;
    'daemon start|--gateway') echo 'apigw esb' ;;
    'daemon start|--scope') echo 'cmdb_biz project' ;;
    'daemon start|-o'|'daemon start|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'daemon start|--color') echo 'auto always never' ;;
    'daemon stop|--gateway') echo 'apigw esb' ;;
    'daemon stop|--scope') echo 'cmdb_biz project' ;;
    'daemon stop|-o'|'daemon stop|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'daemon stop|--color') echo 'auto always never' ;;
    'daemon status|--gateway') echo 'apigw esb' ;;
    'daemon status|--scope') echo 'cmdb_biz project' ;;
    'daemon status|-o'|'daemon status|--output') echo 'table wide json jsonl yaml tree id dot mermaid' ;;
    'daemon status|--color') echo 'auto always never' ;;
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
    'node show|0') echo '@tasks' ;;
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

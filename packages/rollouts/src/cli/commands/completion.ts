// `completion bash|zsh`: a shell script that completes commands, flags and rollout names by asking the binary
// (`kubectl-argo-rollouts __complete WORDS…`), as cobra's generated scripts ask theirs.
import { expectArgs } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import { CliError } from '../errors.js';
import type { CommandIo } from '../io.js';

export const bashCompletion = `# bash completion for kubectl-argo-rollouts (Aviary)
# Load it with:  source <(kubectl-argo-rollouts completion bash)
_kubectl_argo_rollouts() {
  local IFS=$'\\n'
  COMPREPLY=( $(kubectl-argo-rollouts __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) )
  return 0
}
complete -o default -F _kubectl_argo_rollouts kubectl-argo-rollouts
`;

export const zshCompletion = `#compdef kubectl-argo-rollouts
# zsh completion for kubectl-argo-rollouts (Aviary)
# Load it with:  source <(kubectl-argo-rollouts completion zsh)
# or save it as _kubectl-argo-rollouts in a directory of $fpath.
_kubectl_argo_rollouts() {
  local -a candidates
  candidates=("\${(@f)$(kubectl-argo-rollouts __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=(\${candidates:#})
  compadd -- "\${candidates[@]}"
}
if [ "$funcstack[1]" = "_kubectl-argo-rollouts" ]; then
  _kubectl_argo_rollouts "$@"
else
  compdef _kubectl_argo_rollouts kubectl-argo-rollouts
fi
`;

export function runCompletion(io: Pick<CommandIo, 'stdout'>, shell: string): number {
  if (shell === 'bash') io.stdout.write(bashCompletion);
  else if (shell === 'zsh') io.stdout.write(zshCompletion);
  else throw new CliError(`invalid argument ${JSON.stringify(shell)} for "kubectl-argo-rollouts completion" (supported: bash, zsh)`);
  return 0;
}

export function execute(invocation: Invocation): Promise<number> {
  const [shell = ''] = expectArgs(invocation, { exactly: 1 });
  return Promise.resolve(runCompletion(invocation.io, shell));
}

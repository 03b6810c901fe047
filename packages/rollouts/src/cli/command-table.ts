// The plugin's command tree: names, aliases, help texts and flags as upstream defines them, each command's code
// loaded only when it runs (so `version` never loads the tree renderer and no command loads the controller).
// Upstream: pkg/kubectl-argo-rollouts/cmd/*/ (cobra commands).
import { FlagType, type FlagSpec } from './args.js';
import type { CommandModule, CommandSpec } from './command-spec.js';

export const cliName = 'kubectl argo rollouts';
export const binaryName = 'kubectl-argo-rollouts';

const noColor: FlagSpec = { name: 'no-color', type: FlagType.Bool, usage: 'Do not colorize output' };

const treeIcons = `It returns a bunch of metadata on a resource and a tree view of the child resources created by the parent.

Tree view icons

| Icon | Kind |
|:----:|:-----------:|
| ⟳ | Rollout |
| Σ | Experiment |
| α | AnalysisRun |
| # | Revision |
| ⧉ | ReplicaSet |
| □ | Pod |
| ⊞ | Job |`;

const getRollout: CommandSpec = {
  name: 'rollout',
  aliases: ['ro', 'rollouts'],
  use: 'rollout ROLLOUT_NAME',
  short: 'Get details about a rollout',
  long: `Get details about and visual representation of a rollout. ${treeIcons}`,
  example: `  # Get a rollout
  ${cliName} get rollout guestbook

  # Watch progress of a rollout
  ${cliName} get rollout guestbook -w

  # Watch the rollout, fail if it takes more than 60 seconds
  ${cliName} get rollout guestbook -w --timeout-seconds 60`,
  flags: [
    { name: 'watch', short: 'w', type: FlagType.Bool, usage: 'Watch live updates to the rollout' },
    noColor,
    { name: 'timeout-seconds', type: FlagType.Int, usage: 'Timeout after specified seconds' },
  ],
  load: () => import('./commands/get-rollout.js'),
};

const getExperiment: CommandSpec = {
  name: 'experiment',
  aliases: ['exp', 'experiments'],
  use: 'experiment EXPERIMENT_NAME',
  short: 'Get details about an Experiment',
  long: `Get details about and visual representation of a experiment. ${treeIcons}`,
  example: `  # Get an experiment
  ${cliName} get experiment my-experiment

  # Watch experiment progress
  ${cliName} get experiment my-experiment -w`,
  flags: [{ name: 'watch', short: 'w', type: FlagType.Bool, usage: 'Watch live updates to the rollout' }, noColor],
  load: () => import('./commands/get-experiment.js'),
};

const listRollouts: CommandSpec = {
  name: 'rollouts',
  aliases: ['ro', 'rollout'],
  use: 'rollouts',
  short: 'List rollouts',
  long: 'This command lists all of the rollouts for a specified namespace (uses current namespace context if namespace not specified).',
  example: `  # List rollouts
  ${cliName} list rollouts

  # List rollouts with a specific name
  ${cliName} list rollouts --name my-rollout

  # List rollouts from all namespaces
  ${cliName} list rollouts --all-namespaces

  # List rollouts and watch for changes
  ${cliName} list rollouts --watch`,
  flags: [
    { name: 'name', type: FlagType.String, usage: 'Only show rollout with specified name' },
    { name: 'all-namespaces', short: 'A', type: FlagType.Bool, usage: 'Include all namespaces' },
    { name: 'watch', short: 'w', type: FlagType.Bool, usage: 'Watch for changes' },
    { name: 'timestamps', type: FlagType.Bool, usage: 'Print timestamps on updates' },
  ],
  load: () => import('./commands/list-rollouts.js'),
};

const listExperiments: CommandSpec = {
  name: 'experiments',
  aliases: ['exp', 'experiment'],
  use: 'experiments',
  short: 'List experiments',
  long: 'This command lists all of the experiments for a specified namespace (uses current namespace context if namespace not specified).',
  example: `  # List experiments
  ${cliName} list experiments

  # List experiments from all namespaces
  ${cliName} list experiments --all-namespaces`,
  flags: [{ name: 'all-namespaces', short: 'A', type: FlagType.Bool, usage: 'Include all namespaces' }],
  load: () => import('./commands/list-experiments.js'),
};

const rolloutAction = (name: string, short: string, long: string, example: string, file: () => Promise<CommandModule>, flags: FlagSpec[] = []): CommandSpec => ({
  name,
  use: `${name} ROLLOUT_NAME`,
  short,
  long,
  example,
  flags,
  load: file,
});

export const rootCommand: CommandSpec = {
  name: binaryName,
  use: `${binaryName} COMMAND`,
  short: 'Manage argo rollouts',
  long: 'This command consists of multiple subcommands which can be used to manage Argo Rollouts.',
  example: `  # Get guestbook rollout and watch progress
  ${cliName} get rollout guestbook -w

  # Pause the guestbook rollout
  ${cliName} pause guestbook

  # Promote the guestbook rollout
  ${cliName} promote guestbook

  # Abort the guestbook rollout
  ${cliName} abort guestbook

  # Retry the guestbook rollout
  ${cliName} retry rollout guestbook`,
  subcommands: [
    rolloutAction(
      'abort',
      'Abort a rollout',
      "This command stops progressing the current rollout and reverts all steps. The previous ReplicaSet will be active.\n\nNote the 'spec.template' still represents the new rollout version. If the Rollout leaves the aborted state, it will try to go to the new version.\nUpdating the 'spec.template' back to the previous version will fully revert the rollout.",
      `  # Abort a rollout\n  ${cliName} abort guestbook`,
      () => import('./commands/abort.js'),
    ),
    {
      name: 'completion',
      use: 'completion [bash|zsh]',
      short: 'Generate completion script',
      long: `To load completions:

  Bash:
    $ source <(${binaryName} completion bash)
    # To load completions for each session, execute once:
    $ ${binaryName} completion bash > /etc/bash_completion.d/${binaryName}

  Zsh:
    # If shell completion is not already enabled in your environment, enable it once:
    $ echo "autoload -U compinit; compinit" >> ~/.zshrc
    # To load completions for each session, execute once:
    $ ${binaryName} completion zsh > "\${fpath[1]}/_${binaryName}"`,
      load: () => import('./commands/completion.js'),
    },
    {
      name: 'create',
      use: 'create',
      short: 'Create a Rollout, Experiment, AnalysisTemplate, ClusterAnalysisTemplate, or AnalysisRun resource',
      long: 'This command creates new resources from files: Rollouts, Experiments, AnalysisTemplates, ClusterAnalysisTemplates, AnalysisRuns, and the other kinds a manifest holds (Services, Ingresses, ...).',
      example: `  # Create an experiment and watch it\n  ${cliName} create -f my-experiment.yaml -w`,
      flags: [
        { name: 'filename', short: 'f', type: FlagType.StringArray, usage: 'Files to use to create the resource' },
        { name: 'watch', short: 'w', type: FlagType.Bool, usage: 'Watch live updates to the resource after creating' },
        noColor,
      ],
      load: () => import('./commands/create.js'),
    },
    {
      name: 'dashboard',
      use: 'dashboard',
      short: 'Start UI dashboard',
      example: `  # Start UI dashboard\n  ${cliName} dashboard\n\n  # Start UI dashboard on a specific port\n  ${cliName} dashboard --port 8080`,
      flags: [
        { name: 'port', short: 'p', type: FlagType.Int, default: 3100, usage: 'port to listen on' },
        { name: 'root-path', type: FlagType.String, default: 'rollouts', usage: 'changes the root path of the dashboard' },
      ],
      load: () => import('./commands/dashboard.js'),
    },
    {
      name: 'get',
      use: 'get <rollout|experiment> RESOURCE_NAME',
      short: 'Get details about rollouts and experiments',
      long: 'This command consists of multiple subcommands which can be used to get extended information about a rollout or experiment.',
      example: `  # Get a rollout\n  ${cliName} get rollout guestbook\n\n  # Watch a rollouts progress\n  ${cliName} get rollout guestbook -w\n\n  # Get an experiment\n  ${cliName} get experiment my-experiment`,
      subcommands: [getExperiment, getRollout],
    },
    {
      name: 'lint',
      use: 'lint',
      short: 'Lint and validate a Rollout',
      long: 'This command lints and validates a new Rollout resource from a file.',
      example: `  # Lint a rollout\n  ${cliName} lint -f my-rollout.yaml`,
      flags: [{ name: 'filename', short: 'f', type: FlagType.String, usage: 'File to lint' }],
      load: () => import('./commands/lint.js'),
    },
    {
      name: 'list',
      use: 'list <rollout|experiment>',
      short: 'List rollouts or experiments',
      long: 'This command consists of multiple subcommands which can be used to lists all of the \nrollouts or experiments for a specified namespace (uses current namespace context if namespace not specified).',
      example: `  # List rollouts\n  ${cliName} list rollouts\n\n  # List experiments\n  ${cliName} list experiments`,
      subcommands: [listExperiments, listRollouts],
    },
    rolloutAction('pause', 'Pause a rollout', "Set the rollout paused state to 'true'", `  # Pause a rollout\n  ${cliName} pause guestbook`, () => import('./commands/pause.js')),
    rolloutAction(
      'promote',
      'Promote a rollout',
      "Promote a rollout\n\nPromotes a rollout paused at a canary step, or a paused blue-green pre-promotion.\nTo skip analysis, pauses and steps entirely, use '--full' to fully promote the rollout",
      `  # Promote a paused rollout\n  ${cliName} promote guestbook\n\n  # Fully promote a rollout to desired version, skipping analysis, pauses, and steps\n  ${cliName} promote guestbook --full`,
      () => import('./commands/promote.js'),
      [
        { name: 'skip-current-step', short: 'c', type: FlagType.Bool, usage: 'Skip currently running canary step', deprecated: 'use without the flag instead ex: promote ROLLOUT_NAME', shortDeprecated: 'use without the flag instead ex: promote ROLLOUT_NAME' },
        { name: 'skip-all-steps', short: 'a', type: FlagType.Bool, usage: 'Skip remaining steps', deprecated: 'use --full instead', shortDeprecated: 'use --full instead' },
        { name: 'full', type: FlagType.Bool, usage: 'Perform a full promotion, skipping analysis, pauses, and steps' },
      ],
    ),
    {
      ...rolloutAction(
        'restart',
        'Restart the pods of a rollout',
        'Restart the pods of a rollout: every pod created before the restart time is replaced, a few at a time.',
        `  # Restart the pods of a rollout now\n  ${cliName} restart ROLLOUT_NAME\n\n  # Restart the pods of a rollout in ten seconds\n  ${cliName} restart ROLLOUT_NAME --in 10s`,
        () => import('./commands/restart.js'),
        [{ name: 'in', short: 'i', type: FlagType.String, usage: 'Amount of time before a restart. (e.g. 30s, 5m, 1h)' }],
      ),
      use: 'restart ROLLOUT',
    },
    {
      name: 'retry',
      use: 'retry <rollout|experiment> RESOURCE_NAME',
      short: 'Retry a rollout or experiment',
      long: 'This command consists of multiple subcommands which can be used to restart an aborted rollout or a failed experiment.',
      example: `  # Retry an aborted rollout\n  ${cliName} retry rollout guestbook\n\n  # Retry a failed experiment\n  ${cliName} retry experiment my-experiment`,
      subcommands: [
        {
          name: 'experiment',
          aliases: ['exp', 'experiments'],
          use: 'experiment EXPERIMENT_NAME',
          short: 'Retry an experiment',
          long: 'Retry a failed experiment.',
          example: `  # Retry an experiment\n  ${cliName} retry experiment my-experiment`,
          load: () => import('./commands/retry-experiment.js'),
        },
        {
          name: 'rollout',
          aliases: ['ro', 'rollouts'],
          use: 'rollout ROLLOUT_NAME',
          short: 'Retry an aborted rollout',
          long: 'Retry an aborted rollout: clears the abort, so the update starts again from its first step.',
          example: `  # Retry an aborted rollout\n  ${cliName} retry rollout guestbook`,
          load: () => import('./commands/retry-rollout.js'),
        },
      ],
    },
    {
      name: 'set',
      use: 'set COMMAND',
      short: 'Update various values on resources',
      long: 'This command consists of multiple subcommands which can be used to update rollout resources.',
      example: `  # Set rollout image\n  ${cliName} set image my-rollout demo=argoproj/rollouts-demo:yellow`,
      subcommands: [
        {
          name: 'image',
          use: 'image ROLLOUT_NAME CONTAINER=IMAGE',
          short: 'Update the image of a rollout',
          example: `  # Set rollout image (containers contains 'initContainer', 'container', 'ephemeralContainer')\n  ${cliName} set image my-rollout containerName=imageName\n\n  # Set rollout image for all containers\n  ${cliName} set image my-rollout *=imageName`,
          load: () => import('./commands/set-image.js'),
        },
      ],
    },
    {
      name: 'status',
      use: 'status ROLLOUT_NAME',
      short: 'Show the status of a rollout',
      long: 'Watch rollout until it finishes or the timeout is exceeded. Returns success if\nthe rollout is healthy upon completion and an error otherwise.',
      example: `  # Watch the rollout until it succeeds\n  ${cliName} status guestbook\n\n  # Show the rollout status\n  ${cliName} status guestbook --watch=false\n\n  # Watch the rollout until it succeeds, fail if it takes more than 60 seconds\n  ${cliName} status --timeout 60s guestbook`,
      flags: [
        { name: 'watch', short: 'w', type: FlagType.Bool, default: true, usage: "Watch the status of the rollout until it's done" },
        {
          name: 'timeout',
          short: 't',
          type: FlagType.Duration,
          usage: 'The length of time to watch before giving up. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). Zero means wait forever',
        },
      ],
      load: () => import('./commands/status.js'),
    },
    rolloutAction(
      'undo',
      'Undo a rollout',
      'Rollback to the previous rollout.',
      `  # Undo a rollout\n  ${cliName} undo guestbook\n\n  # Undo a rollout to revision 3\n  ${cliName} undo guestbook --to-revision=3`,
      () => import('./commands/undo.js'),
      [{ name: 'to-revision', type: FlagType.Int, usage: 'The revision to rollback to. Default to 0 (last revision).' }],
    ),
    {
      name: 'version',
      use: 'version',
      short: 'Print version',
      long: 'Show the version and build information of the Argo Rollouts plugin.',
      example: `  # Get full version info\n  ${cliName} version\n\n  # Get just plugin version number\n  ${cliName} version --short`,
      flags: [{ name: 'short', type: FlagType.Bool, usage: 'print just the version number' }],
      load: () => import('./commands/version.js'),
    },
    {
      name: '__complete',
      use: '__complete [words...]',
      short: 'Print completion candidates for the words typed so far (used by the completion scripts)',
      hidden: true,
      load: () => import('./commands/complete-words.js'),
    },
  ],
};

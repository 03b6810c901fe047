// MemoryLogs: CRI log files kept in memory, per pod folder — where simulated containers write, so a simulated pod
// touches no disk (creating and removing a folder per pod cost the API server's thread most of a tenth of its time
// when a thousand simulated pods were replaced at once).

/** Log "files" by pod folder and path; a path is only ever read back with the pod folder it was written under. */
export class MemoryLogs {
  private readonly byPodDir = new Map<string, Map<string, string>>();

  /** Appends `text` to the log at `path` in the pod folder `podDir`. */
  append(podDir: string, path: string, text: string): void {
    let logs = this.byPodDir.get(podDir);
    if (logs === undefined) this.byPodDir.set(podDir, (logs = new Map()));
    logs.set(path, (logs.get(path) ?? '') + text);
  }

  /** The log's contents, or undefined when nothing was written to it here. */
  read(podDir: string, path: string): string | undefined {
    return this.byPodDir.get(podDir)?.get(path);
  }

  /** Forgets every log of the pod folder (the pod is gone). */
  removePod(podDir: string): void {
    this.byPodDir.delete(podDir);
  }
}

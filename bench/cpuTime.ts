/**
 * Items per second of CPU time this process spent (user + system, every thread: the GC's helpers count), not of
 * wall time. On a machine shared with other work the wall clock also counts the time this process waited for a
 * core (up to 4× on a loaded 2-core VM, varying run to run); the CPU time counts only the work done, so two figures
 * from one run can be compared even when a neighbour's burst lands in one of them.
 */
export async function cpuThroughput(count: number, work: () => Promise<unknown> | unknown): Promise<number> {
  const started = process.cpuUsage();
  await work();
  const { user, system } = process.cpuUsage(started);
  return count / Math.max((user + system) / 1e6, 1e-9);
}

/**
 * Every screen of the app, in navigation order. A screen's module is loaded only when a person first opens it
 * (`load`), so the initial bundle carries the shell and the simulator, not Mermaid, the editor or the benchmarks.
 *
 * Adding a screen: add its name to `RouteName`, a row here, and a `<tag>` element with a `params` property.
 */
export type RouteName =
  | 'simulator'
  | 'console'
  | 'conflicts'
  | 'data'
  | 'saga'
  | 'metrics'
  | 'lessons'
  | 'exercise-06'
  | 'exercises'
  | 'versioning'
  | 'crud-vs-es'
  | 'time-travel'
  | 'replay'
  | 'snapshots'
  | 'architecture'
  | 'trace'
  | 'idempotency'
  | 'dual-writes'
  | 'forget-customer'
  | 'instructor'
  | 'classroom'
  | 'performance';

export type NavGroup = 'Simulate' | 'Learn' | 'See' | 'Teach';

export type ScreenEntry = {
  readonly name: RouteName;
  readonly label: string;
  readonly group: NavGroup;
  /** The custom element that renders the screen; it receives the hash's remaining segments as `params`. */
  readonly tag: string;
  readonly load: () => Promise<unknown>;
  /** Why the screen works only on this browser's own store, never on a class's shared log (classroom mode). */
  readonly ownStoreOnly?: string;
};

export const screens: readonly ScreenEntry[] = [
  { name: 'simulator', label: 'Simulator', group: 'Simulate', tag: 'simulator-page', load: () => import('./components/simulator-page') },
  { name: 'console', label: 'API console', group: 'Simulate', tag: 'api-console-page', load: () => import('./components/api-console-page') },
  { name: 'conflicts', label: 'Concurrency', group: 'Simulate', tag: 'conflict-demo-page', load: () => import('./components/conflict-demo-page') },
  { name: 'data', label: 'Data', group: 'Simulate', tag: 'data-page', load: () => import('./components/data-page'),
    ownStoreOnly: 'seeding, importing and resetting write events that no command decided, and the class’s log belongs to the whole class' },
  { name: 'saga', label: 'Saga', group: 'Simulate', tag: 'saga-page', load: () => import('./components/saga-page'),
    ownStoreOnly: 'the saga records its own steps (payments, stock, its progress), which are not commands the class server can check' },
  { name: 'metrics', label: 'Metrics', group: 'Simulate', tag: 'metrics-page', load: () => import('./components/metrics-page') },
  { name: 'lessons', label: 'Lessons', group: 'Learn', tag: 'lessons-page', load: () => import('./screens/lessons/lessons-page') },
  { name: 'exercise-06', label: 'Exercise 06', group: 'Learn', tag: 'exercise06-page', load: () => import('./components/exercise06-page') },
  { name: 'exercises', label: 'Coding exercises', group: 'Learn', tag: 'exercises-page', load: () => import('./components/exercises-page') },
  { name: 'versioning', label: 'Versioning', group: 'Learn', tag: 'versioning-page', load: () => import('./components/versioning-page') },
  { name: 'crud-vs-es', label: 'CRUD vs events', group: 'See', tag: 'crud-vs-es-page', load: () => import('./components/crud-vs-es-page') },
  { name: 'time-travel', label: 'Time travel', group: 'See', tag: 'time-travel-page', load: () => import('./components/time-travel-page') },
  { name: 'replay', label: 'Replay', group: 'See', tag: 'replay-page', load: () => import('./components/replay-page') },
  { name: 'snapshots', label: 'Snapshots', group: 'See', tag: 'snapshots-page', load: () => import('./components/snapshots-page') },
  { name: 'architecture', label: 'Architecture', group: 'See', tag: 'architecture-page', load: () => import('./components/architecture-page') },
  { name: 'trace', label: 'Trace', group: 'See', tag: 'trace-page', load: () => import('./components/trace-page') },
  { name: 'idempotency', label: 'Idempotency', group: 'See', tag: 'idempotency-page', load: () => import('./components/idempotency-page') },
  { name: 'dual-writes', label: 'Dual writes', group: 'See', tag: 'dual-writes-page', load: () => import('./screens/dual-writes/dual-writes-page') },
  { name: 'forget-customer', label: 'Forget a customer', group: 'See', tag: 'forget-customer-page', load: () => import('./screens/forget-customer/forget-customer-page'),
    ownStoreOnly: 'a class keeps personal fields plain, so there is no key to delete' },
  { name: 'instructor', label: 'Instructor', group: 'Teach', tag: 'instructor-page', load: () => import('./screens/instructor/instructor-page') },
  { name: 'classroom', label: 'Classroom', group: 'Teach', tag: 'classroom-page', load: () => import('./screens/classroom/classroom-page') },
  { name: 'performance', label: 'Performance', group: 'Teach', tag: 'performance-page', load: () => import('./components/performance-page') },
];

export const navGroups: readonly NavGroup[] = ['Simulate', 'Learn', 'See', 'Teach'];

export function screenFor(name: RouteName): ScreenEntry {
  const screen = screens.find((entry) => entry.name === name);
  if (screen === undefined) throw new Error(`No screen is registered for route "${name}".`);
  return screen;
}
